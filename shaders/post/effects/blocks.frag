#version 330 core
// Block displacement: rectangles of the image slip sideways, a new pattern `rate` times a
// second, in bursts.
#include <visuals/params>
#include "glitch.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    int step = glitch_step(u_time, u_rate);
    vec2 off = block_offset(gl_FragCoord.xy, u_amount, u_size, step, u_seed, u_resolution, false);
    frag_colour = glitch_fetch(u_input, gl_FragCoord.xy - off);
}
