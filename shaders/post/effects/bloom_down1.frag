#version 330 core
// Bloom, level 1 down (1/8 resolution): a dual-Kawase downsample of 'bright'.
#include "bloom.glsl"
uniform sampler2D u_bright;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec3 light = bloom_down(u_bright, gl_FragCoord.xy / u_resolution);
    frag_colour = vec4(bloom_encode(light, gl_FragCoord.xy, u_frame), 1.0);
}
