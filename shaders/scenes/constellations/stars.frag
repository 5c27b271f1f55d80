#version 330 core
// One star's light: a windowed Gaussian core (plus a halo for chart anchors), added up.
flat in vec2 v_centre;
flat in vec3 v_core;
flat in float v_core_k;
flat in vec3 v_halo;
flat in float v_halo_k;
flat in float v_inv_r2;
out vec4 frag_colour;

void main() {
    vec2 d = gl_FragCoord.xy - v_centre;
    float r2 = dot(d, d);
    float q = r2 * v_inv_r2;
    float win = max(1.0 - q * q, 0.0);
    vec3 c = v_core * exp(-r2 * v_core_k) + v_halo * exp(-r2 * v_halo_k);
    frag_colour = vec4(c * win, 0.0);
}
