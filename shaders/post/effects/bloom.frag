#version 330 core
// Bloom, composite (full resolution): the frame plus the spread light of 'up0' (see
// bloom_up0.frag: only light that spread beyond its source, so cores and flat areas stay as
// they were), in linear light, written back to display and dithered.
#include <visuals/params>
#include "bloom.glsl"
uniform sampler2D u_input;
uniform sampler2D u_up0;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
    vec3 glow = bloom_decode(texture(u_up0, gl_FragCoord.xy / u_resolution).rgb);
    frag_colour = vec4(bloom_add(src.rgb, glow, u_amount, gl_FragCoord.xy, u_frame), src.a);
}
