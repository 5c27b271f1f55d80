#version 330 core
// Colour split: red slides `amount` x 10 px (at 720p) toward `angle`, blue the other way,
// green stays.
#include <visuals/params>
#include "glitch.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 off = vec2(cos(u_angle), sin(u_angle)) * (10.0 * u_amount * glitch_px(u_resolution));
    frag_colour = split_fetch(u_input, gl_FragCoord.xy, u_amount > 0.0 ? off : vec2(0.0));
}
