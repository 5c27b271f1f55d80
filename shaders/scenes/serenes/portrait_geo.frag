#version 330 core
// Serenes, the portrait's G-buffer (geo): the hooded bust's distance field marched once, when
// the shot begins (portrait.glsl portrait_march_geo: normal, depth, coverage); portrait_mat
// reads its hit back, and portrait.frag relights both every frame.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    frag_colour = portrait_march_geo(s, 1.0 / (u_resolution.y * PORTRAIT_FOCAL));
}
