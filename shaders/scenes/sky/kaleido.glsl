// kaleido.glsl -- the inverted sky itself seen through a kaleidoscope's mirrors (round 28: the
// lead, "the text says a KALEIDOSCOPE of inverted colours and the film shows none"; round 24's
// chips of glass read as "generic kaleidoscope wallpaper", round 25's crown as "a screensaver
// mandala").  Not stickers repeated in a ring: the sky's own clouds, broken into fine
// crystalline facets by three mirrors, each facet a mirrored window on the sky near it, the
// seams between them crisp lines catching light.  Include-only (sky.frag's SKY_KALEIDO).
//
// The wedge is mapped to log-polar coordinates, which are conformal: a facet keeps its shape
// wherever it lies, only its size follows the radius -- large and crisp toward the frame's
// edge, shrinking toward the pole (a tunnel of mirrors: depth).  In that plane the three
// mirrors of a triangular kaleidoscope tile it with equilateral triangles: each point folds
// (by the mirrors, so neighbours are each other's reflections) into its triangle's own
// fundamental facet, and that facet shows the sky round the triangle's centre.

const float KALEIDO_SQ3 = 1.7320508;

float kaleido_hash(vec2 c) {
    return fract(sin(dot(c, vec2(127.1, 311.7))) * 43758.5453);
}

// The facet at a sky point: r its distance from the pole, ang its angle folded into the wedge
// (0..sector), px the pixel's size in sky units, flow the unfolding's clock, cells the facets
// across one wedge.  Returns, in xy, the sky point (r, ang) the facet mirrors there; z the
// facet's own number (0..1, its tilt); w the distance to its nearest seam in pixels.
vec4 sky_facets(float r, float ang, float sector, float px, float flow, float cells) {
    float rr = max(r, 1e-4);
    vec2 P = vec2(log(rr) / sector - flow, ang / sector) * cells;    // (one wedge `cells` wide)
    float pxP = px * cells / (rr * sector);                           // (a pixel in the plane)
    // skewed coordinates of the triangular lattice (unit edges)
    vec2 s = vec2(P.x - P.y / KALEIDO_SQ3, 2.0 * P.y / KALEIDO_SQ3);
    vec2 cell = floor(s);
    vec2 f = s - cell;
    bool upper = f.x + f.y > 1.0;
    // (the mirrors: every other cell reflected, and the upper triangle the lower's reflection)
    vec2 m = mod(cell, 2.0);
    if (m.x > 0.5) f.x = 1.0 - f.x;
    if (m.y > 0.5) f.y = 1.0 - f.y;
    if (f.x + f.y > 1.0) f = 1.0 - f.yx;
    // the distance to the nearest mirror: the triangle's three edges (height sqrt3/2 per unit)
    float edge = min(min(f.x, f.y), 1.0 - f.x - f.y) * 0.5 * KALEIDO_SQ3;
    // the facet's window: a small piece of sky by the triangle's centre, the fold's point
    // carried into it (so the neighbours show the same clouds mirrored)
    vec2 tri = cell + (upper ? vec2(2.0 / 3.0) : vec2(1.0 / 3.0));
    vec2 centre = vec2(tri.x + 0.5 * tri.y, 0.5 * KALEIDO_SQ3 * tri.y) / cells;    // (plane, unskewed)
    vec2 local = vec2(f.x + 0.5 * f.y, 0.5 * KALEIDO_SQ3 * f.y) / cells;
    vec2 src = centre + 1.6 * (local - vec2(0.5, 0.5 * KALEIDO_SQ3 / 3.0) / cells);
    float r_src = exp((src.x + flow) * sector);
    float a_src = clamp(src.y, 0.0, 1.0) * sector;
    float id = kaleido_hash(cell * 1.3 + (upper ? 0.5 : 0.0));
    return vec4(r_src, a_src, id, edge / max(pxP, 1e-6));
}
