// kaleido.glsl -- the inverted sky itself seen through a kaleidoscope's mirrors.  Include-only
// (sky.frag's SKY_KALEIDO).
//
// Round 29's readers at 13.4 s: the triangle facets were "a busy, garish, literal triangle
// tessellation that flattens the sky", "hard seams, like a screensaver".  A kaleidoscope is
// mirrors, not tiles: here the sky's own wedge (the nebula, already folded by angle) is folded
// once more in log radius, so rings of it are mirrored inward toward the pole, each ring the
// last one's reflection at a smaller scale (log-polar is conformal: the shapes keep, only
// their size follows the radius -- depth, a tunnel of mirrors).  Each reflection loses a
// little light, as silvered glass does, so the deep rings sink into the dark.  The seams are
// soft: a fine line of light where two mirrors meet, with a wider faint glow, and a glint
// where a ring's seam crosses a wedge's.

// The mirrors at a sky point: r its distance from the pole, ang its angle folded into the
// wedge (0..sector), px a pixel in sky units, flow the rings' drift (in ring widths), band a
// ring's width in log radius, r_out the outer ring's outer edge (beyond it the sky is seen
// directly).  Returns, in x, the radius of the sky point the mirrors show there (in the outer
// ring); y the reflections on the way (0 outside, fractional across a ring: its depth); z the
// distance to the nearest ring seam in pixels; w the ring's place across its width (0..1,
// the unmirrored coordinate, for the jewels).
vec4 sky_mirrors(float r, float ang, float sector, float px, float flow, float band, float r_out) {
    float rr = max(r, 1e-5);
    float u = log(rr / r_out) / band;           // (0 at the outer edge, -1 one ring in ...)
    float inside = step(u, 0.0);
    float v = u;                                 // (rings fixed to the outer edge: none cut by it)
    float k = floor(v);
    float f = v - k;
    float m = (mod(k, 2.0) > 0.5) ? 1.0 - f : f;    // (every other ring mirrored: no seam of content)
    float r_src = mix(rr, r_out * exp((m - 1.0) * band), inside);
    float seam = min(f, 1.0 - f) * band * rr / px;  // (log distance * r = arc distance)
    seam = mix(1e4, seam, inside);
    float depth = max(-u, 0.0);
    // (w: the ring's place, measured outward in every ring -- a mirrored ring's jewels are lit
    // from the pole too)
    return vec4(r_src, depth, seam, f);
}

// A jewel in a ring: the moon repeated by the mirrors, each a small moon on the wedge's
// bisector, lit from the pole (the great sun) -- a crescent toward the sun, not a marble.  m:
// the ring's place across its width (0..1), ang: the folded angle, sector: the wedge, spin:
// where along the ring the jewel sits (0..1 of the wedge, its slow turn).  Returns (coverage,
// lit 0..1, its surface's mottling 0..1, facing).
vec4 sky_jewel(float m, float ang, float sector, float band, float px_rel, float spin) {
    // (in log-polar units a ring is `band` wide and a wedge `sector` wide: a disc there is a
    // disc on the sky, its size following the radius)
    vec2 d = vec2((m - 0.5) * band, ang - spin * sector);
    float rad = 0.2 * min(band, sector);
    float l = length(d) / rad;
    float cover = 1.0 - smoothstep(1.0 - px_rel / rad, 1.0 + px_rel / rad, l);
    // (a sphere's normal; the light from the pole: toward smaller radius, -x here)
    vec3 n = vec3(d / rad, sqrt(max(1.0 - l * l, 0.0)));
    // (wrapped light, a soft terminator curving over the ball: round 15's "crude shadow line")
    float lit = smoothstep(-0.25, 0.6, dot(n, normalize(vec3(-0.85, 0.1, 0.3))));
    float mottle = vnoise(n.xy * 3.1 + 7.0) * 0.6 + vnoise(n.xy * 7.3 + 2.0) * 0.4;
    return vec4(cover, lit, mottle, n.z);
}
