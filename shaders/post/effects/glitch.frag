#version 330 core
// Glitch: tremor, colour split and block displacement from one `amount`, for the show to
// automate with a single track.  Small amounts read as a faint trembling with thin colour
// fringes; around 0.5 the split flares in bursts and the first blocks slip; at 1 the image
// comes apart.  Everything changes on integer steps of `rate` per second; amount 0 is the
// input, bit for bit.
#include <visuals/params>
#include "glitch.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    float a = clamp(u_amount, 0.0, 1.0);
    int step = glitch_step(u_time, u_rate);
    vec3 h = hash3i(ivec3(step, u_seed, 0x611C));
    // tremor: present from the smallest amounts, stronger in flaring steps
    float flare = h.x * h.x;                                   // mostly calm, sometimes high
    vec2 off = tremor_offset(min(1.0, a * (0.6 + 0.8 * flare)), step, u_seed, u_resolution);
    // blocks: only once the cracks are well open
    float block_amount = pow(smoothstep(0.3, 1.0, a), 1.5);
    // (in rows: thinner bands, so a tear is a line through the picture, not a slab of it)
    vec2 slip = block_offset(gl_FragCoord.xy, block_amount, u_rows > 0.5 ? 0.03 : 0.07, step, u_seed, u_resolution, u_rows > 0.5);
    // split: a fringe that flares with the steps, mostly horizontal, wider inside slipped blocks
    float spread = a * (0.25 + 0.75 * flare) * (slip == vec2(0.0) ? 1.0 : 1.8);
    float angle = (h.y - 0.5) * 0.7 + (h.z < 0.15 ? 1.5708 : 0.0);
    vec2 split = vec2(cos(angle), sin(angle)) * (10.0 * spread * glitch_px(u_resolution));
    frag_colour = split_fetch(u_input, gl_FragCoord.xy - off - slip, a > 0.0 ? split : vec2(0.0));
}
