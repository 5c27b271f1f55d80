#version 330 core
// Serenes, the lovers' shot (``profiles``), its G-buffer (mat): read back from lovers_geo's
// hit, no march of its own (portrait.glsl portrait_bake_mat, PORTRAIT_LOVERS).
#define PORTRAIT_LOVERS 1
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_lovers_geo;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    frag_colour = portrait_bake_mat(s, texelFetch(u_lovers_geo, ivec2(gl_FragCoord.xy), 0));
}
