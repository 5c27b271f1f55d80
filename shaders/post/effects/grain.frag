#version 330 core
// Film grain (see grain.glsl): animated, the same for the same frame, weaker in the darks.
#include <visuals/params>
#include "grain.glsl"
uniform sampler2D u_input;
uniform sampler2D u_grain_noise;
uniform vec2 u_resolution;
uniform int u_frame;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
    vec3 rgb = film_grain(u_grain_noise, src.rgb, u_amount, u_size, u_colour, gl_FragCoord.xy, u_resolution, u_frame, u_seed);
    frag_colour = vec4(u_amount > 0.0 ? rgb : src.rgb, src.a);
}
