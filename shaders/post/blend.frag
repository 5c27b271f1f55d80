#version 330 core
// Composites one layer over the frame so far with a blend mode and an opacity.
// Modes: 0 normal, 1 add, 2 screen, 3 multiply, 4 difference, 5 overlay (the order of
// visuals.model.timeline.BLEND_MODES).  The layer's own alpha scales its opacity.
uniform sampler2D u_base;
uniform sampler2D u_layer;
uniform float u_opacity;
uniform int u_mode;
out vec4 frag_colour;

vec3 overlay(vec3 b, vec3 l) {
    return mix(2.0 * b * l, 1.0 - 2.0 * (1.0 - b) * (1.0 - l), step(0.5, b));
}

vec3 blend(vec3 b, vec3 l, int mode) {
    if (mode == 1) return min(b + l, 1.0);
    if (mode == 2) return 1.0 - (1.0 - b) * (1.0 - l);
    if (mode == 3) return b * l;
    if (mode == 4) return abs(b - l);
    if (mode == 5) return overlay(b, l);
    return l;
}

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec4 base = texelFetch(u_base, p, 0);
    vec4 layer = texelFetch(u_layer, p, 0);
    float a = clamp(layer.a * u_opacity, 0.0, 1.0);
    frag_colour = vec4(mix(base.rgb, blend(base.rgb, layer.rgb, u_mode), a), 1.0);
}
