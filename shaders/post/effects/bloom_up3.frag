#version 330 core
// Bloom, level 3 up (1/32 resolution): the wider glow 'down4' upsampled with a tent
// and blended over this level's own light 'down3' by the scatter (radius) weight.
#include <visuals/params>
#include "bloom.glsl"
uniform sampler2D u_down4;
uniform sampler2D u_down3;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec3 wide = bloom_tent(u_down4, uv);
    vec3 here = bloom_decode(texture(u_down3, uv).rgb);
    vec3 light = mix(here, wide, bloom_scatter(u_radius));
    frag_colour = vec4(bloom_encode(light, gl_FragCoord.xy, u_frame), 1.0);
}
