#version 330 core
// Bloom, level 4 down (1/64 resolution): a dual-Kawase downsample of 'down3'.
#include "bloom.glsl"
uniform sampler2D u_down3;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec3 light = bloom_down(u_down3, gl_FragCoord.xy / u_resolution);
    frag_colour = vec4(bloom_encode(light, gl_FragCoord.xy, u_frame), 1.0);
}
