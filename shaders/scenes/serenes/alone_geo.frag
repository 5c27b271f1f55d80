#version 330 core
// Serenes, the woman alone's G-buffer (geo): the row's bake with her one seated figure
// (portrait.glsl PORTRAIT_ROW with PORTRAIT_ALONE, portrait_march_geo), marched once when the
// shot begins; alone_mat reads its hit back.
#define PORTRAIT_ROW 1
#define PORTRAIT_ALONE 1
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution) * ROW_OVERSCAN;
    frag_colour = portrait_march_geo(s, ROW_OVERSCAN / (u_resolution.y * PORTRAIT_FOCAL));
}
