#version 330 core
// Serenes, the woman alone's G-buffer (PORTRAIT_ALONE: the row's bake with her one figure) (mat): read back from row_geo's hit, no march of its own but
// the candles' shadow rays (portrait.glsl row_bake_mat): occlusion and the two front
// candles' soft shadows, on the figures and on the floor and wall behind them.
#define PORTRAIT_ROW 1
#define PORTRAIT_ALONE 1
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_alone_geo;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution) * ROW_OVERSCAN;
    frag_colour = row_bake_mat(s, texelFetch(u_alone_geo, ivec2(gl_FragCoord.xy), 0));
}
