#version 330 core
// Serenes, the woman alone's G-buffer (mat): read back from alone_geo's hit, no march of its
// own but the candle's shadow rays (portrait.glsl row_bake_mat with PORTRAIT_ALONE): occlusion
// and her candle's soft shadow, on her and on the floor and the wall behind her.
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
