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
out vec4 frag_colour;

void main() {
    vec2 d = gl_FragCoord.xy - v_start;
    float along = clamp(dot(d, v_streak) / max(dot(v_streak, v_streak), 1e-6), 0.0, 1.0);
    vec2 q = d - v_streak * along;
    float r2 = dot(q, q);
    float w = r2 * v_inv_r2;
    float win = max(1.0 - w * w, 0.0);
    vec3 c = v_core * exp(-r2 * v_core_k) + v_halo * exp(-r2 * v_halo_k);
    frag_colour = vec4(c * win, 0.0);
}
