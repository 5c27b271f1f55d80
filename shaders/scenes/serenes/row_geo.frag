#version 330 core
// Serenes, the row's G-buffer (geo): the five standing figures' field marched once, when the
// shot begins (portrait.glsl PORTRAIT_ROW, portrait_march_geo), over ROW_OVERSCAN times the
// frame so the camera's drift can shift the picture; row_mat reads its hit back.
#define PORTRAIT_ROW 1
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution) * ROW_OVERSCAN;
    frag_colour = portrait_march_geo(s, ROW_OVERSCAN / (u_resolution.y * PORTRAIT_FOCAL));
}
