#version 330 core
// Tremor: the whole image shakes by a pixel or two, to a new random position `rate` times a
// second (the ground trembling under the city).
#include <visuals/params>
#include "glitch.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    vec2 off = tremor_offset(u_amount, glitch_step(u_time, u_rate), u_seed, u_resolution);
    frag_colour = glitch_fetch(u_input, gl_FragCoord.xy - off);
}
