#version 330 core
// Serenes, the woman close (``close_woman``), her G-buffer (mat): read back from woman_geo's
// hit, no march of its own (portrait.glsl portrait_bake_mat, PORTRAIT_WOMAN).
#define PORTRAIT_WOMAN 1
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_woman_geo;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    frag_colour = portrait_bake_mat(s, texelFetch(u_woman_geo, ivec2(gl_FragCoord.xy), 0));
}
