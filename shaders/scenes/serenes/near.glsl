// near.glsl -- Serenes standing near the camera, large, at a frame edge, turned toward
// the row: the stage in depth, not a line-up on one plane (round 17: "pawn silhouettes in
// a line-up on one plane").  It stands in front of the candles, so it is backlit: a dark
// shape whose edge toward the row is caught by their light (round 18: out of focus it read
// as "a dark blur": crisp now, its rim broken by the cloth's folds).  The camera's pan slides it in from the right, faster than the row
// (parallax).
//
// Include after serenes.glsl; everything in metres on its own plane z = NEAR_Z.

const float NEAR_Z = -4.6;       // their depth (the row stands at z = 0, the candles at -1.6..-1.25)
// Where they stand (m): one at the left edge as the drift begins, sliding out of frame, and
// one that the drift brings in at the right edge for the second half (the lovers, the cost).
// (round 18: at -1.0 the left one, out of focus, read as "a dark blur blocking the left
// third": both stand further out, so only a shoulder and the hood's edge enter the frame)
const vec2 NEAR_XS = vec2(-1.5, 1.65);
const float NEAR_H = 1.95;       // its height (m)
// (round 18: 0.13 m read as a smudge: the edge crisp now, found by its rim of candle light)
const float NEAR_BLUR = 0.012;   // its edge's softness (m on its plane)

// Signed distance (m) to a near figure standing at x0 at a point X of its plane, facing
// the row (side: 1 it turns left, -1 right): its hood turned, the mantle over sloping shoulders, a veil widening to the floor;
// the outline frayed by slow drifting smoke.
float near_figure_sd(vec2 X, float t, float x0, float side) {
    vec2 p = (X - vec2(x0, 0.0)) * vec2(side, 1.0);
    float veil = sd_taper(p, vec2(-0.02, NEAR_H * 0.76), vec2(0.06, 0.0), 0.22, 0.5);
    float mantle = sd_taper(p, vec2(-0.03, NEAR_H * 0.86), vec2(0.02, NEAR_H * 0.66), 0.12, 0.29);
    float hood = sd_ellipse_approx(p - vec2(-0.06, NEAR_H * 0.895), vec2(0.135, 0.165));
    hood = smin_poly(hood, sd_taper(p, vec2(-0.05, NEAR_H * 0.93), vec2(-0.1, NEAR_H * 1.0), 0.085, 0.02), 0.05);
    float d = smin_poly(veil, mantle, 0.08);
    d = smin_poly(d, hood, 0.05);
    // smoke fraying the outline, more toward the hem
    float fray = sin(p.y * 7.0 + t * 0.45 + sin(p.x * 5.0 - t * 0.3))
               * sin(p.y * 3.1 - t * 0.27 + p.x * 4.0);
    return d + (0.012 + 0.03 * smoothstep(1.2, 0.2, p.y)) * fray;
}
