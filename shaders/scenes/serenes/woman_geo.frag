#version 330 core
// Serenes, the woman close (``close_woman``), her G-buffer (geo): the portrait's bake in its
// woman's variant -- seated, her head bowed over her open hands (portrait.glsl PORTRAIT_WOMAN).
#define PORTRAIT_WOMAN 1
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    frag_colour = portrait_march_geo(s, 1.0 / (u_resolution.y * PORTRAIT_FOCAL));
}
