#version 330 core
// The stars as point sprites: one vertex per star (gl_VertexID = star id), sized to hold
// its PSF.  The PSF is a Gaussian measured in pixels, never narrower than ~1 px, drawn along
// the short segment the star crossed while the shutter was open (motion blur), and scaled
// so the star's total light is its flux: a slow star glides instead of crawling from pixel
// to pixel, a fast one streaks instead of strobing, at any resolution.
#include "star.glsl"

flat out vec2 v_start;       // window pixels: where the star is now
flat out vec2 v_streak;      // window pixels: to where it was when the shutter opened
flat out vec3 v_core;        // peak linear colour of the core
flat out float v_core_k;     // 1 / (2 sigma^2), pixels
flat out vec3 v_halo;        // peak of the halo (chart anchors)
flat out float v_halo_k;
flat out float v_inv_r2;     // 1 / (window radius)^2
flat out vec2 v_trail_a;     // window pixels from v_start: the trail's tail
flat out vec2 v_trail_b;     // ... and its bend
flat out vec3 v_trail;       // the trail's peak linear colour at its head

void main() {
    Star s = star_state(gl_VertexID);
    float px = u_resolution.y / 1080.0;          // pixels per 1080p pixel
    float sigma = max(s.sigma * px, 0.95);
    float flux = s.flux * px * px;
    float extent = mix(2.4, 3.0, u_quality);     // window radius in sigmas
    v_start = star_to_px(s.pos);
    v_streak = s.blur * u_resolution.y;
    float len = length(v_streak);
    if (len < 0.05) {
        v_streak = vec2(0.0);
        len = 0.0;
    }
    // the window 1 - (r/R)^4 keeps this share of a Gaussian's light (exact); divide it out
    float a = 0.5 * extent * extent;
    float kept = (1.0 - exp(-a)) - 4.0 / (extent * extent * extent * extent)
               * (2.0 - exp(-a) * (a * a + 2.0 * a + 2.0));
    // a streak of length L spreads the light over 2 pi s^2 + sqrt(2 pi) s L
    float area = 6.2831853 * sigma * sigma * kept + 2.5066283 * sigma * len;
    v_core = s.colour * flux / area;
    // (round 19's reader at 34.8 s: the stars in flight "a messy debris cloud" of bright
    // pills): a star crossing the sky fast is dimmed the faster it goes -- a faint thread of
    // light that brightens as it slows to land in the word; stars at rest are unchanged
    v_core *= 1.0 / (1.0 + 0.02 * len * len);
    v_core_k = 0.5 / (sigma * sigma);
    float radius = extent * sigma;
    // anchors formed into the glyph carry a soft halo (skipped at low quality)
    float halo_amt = (u_quality > 0.25) ? s.anchor * smoothstep(0.85, 1.0, s.formed) : 0.0;
    float hs = max(s.sigma * 4.5 * px, 2.0);
    v_halo = s.colour * (0.12 * flux * halo_amt) / (6.2831853 * hs * hs + 2.5066283 * hs * len);
    v_halo_k = 0.5 / (hs * hs);
    if (halo_amt > 0.01) {
        radius = max(radius, 7.0 * hs);      // (room for the diffraction rays: stars.frag)
    }
    v_inv_r2 = 1.0 / (radius * radius);
    // a flying star's curved trail (two segments: head to bend to tail), at most TRAIL_MAX
    // frame heights long so its sprite stays small; the light fades toward the tail
    v_trail_a = s.trail_a * u_resolution.y;
    v_trail_b = s.trail_b * u_resolution.y;
    float tlen = length(v_trail_b) + length(v_trail_a - v_trail_b);
    float tmax = 0.1 * u_resolution.y;
    float shrink = (tlen > tmax) ? tmax / tlen : 1.0;
    v_trail_a *= shrink;
    v_trail_b *= shrink;
    tlen *= shrink;
    v_trail = (tlen > 1.5) ? s.colour * flux * 1.5 / (2.5066283 * sigma * max(tlen, 1.0)) : vec3(0.0);
    vec2 lo = min(min(vec2(0.0), v_streak), min(v_trail_a, v_trail_b));
    vec2 hi = max(max(vec2(0.0), v_streak), max(v_trail_a, v_trail_b));
    vec2 centre = v_start + 0.5 * (lo + hi);
    vec2 ndc = centre / u_resolution * 2.0 - 1.0;
    float reach = radius + 0.5 * max(hi.x - lo.x, hi.y - lo.y);
    // GL drops a point whose centre leaves the view, sprite and all: fade each star out as
    // its centre nears the edge, so stars slip off the screen instead of popping
    vec2 inside = min(centre, u_resolution - centre);
    float edge = clamp(min(inside.x, inside.y) / max(reach, 1.0), 0.0, 1.0);
    edge = edge * edge * (3.0 - 2.0 * edge);
    v_core *= edge;
    v_halo *= edge;
    bool visible = edge > 0.0 && flux > 1e-5;
    gl_Position = visible ? vec4(ndc, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = visible ? 2.0 * reach + 1.0 : 0.0;
}
