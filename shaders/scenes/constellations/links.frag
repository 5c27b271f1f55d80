#version 330 core
// A chart line's cross-section: a thin Gaussian core plus a wider glow, ends faded.
in float v_across;
in float v_along;
flat in float v_len;
flat in vec3 v_colour;
flat in vec2 v_k;
flat in vec2 v_peak;
out vec4 frag_colour;

void main() {
    float r2 = v_across * v_across;
    float profile = v_peak.x * exp(-r2 * v_k.x) + v_peak.y * exp(-r2 * v_k.y);
    float ends = smoothstep(0.0, 4.0, v_along) * smoothstep(0.0, 4.0, v_len - v_along);
    frag_colour = vec4(v_colour * profile * ends, 0.0);
}
