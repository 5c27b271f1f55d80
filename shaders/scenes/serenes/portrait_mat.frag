#version 330 core
// Serenes, the portrait's G-buffer (mat): no march of its own -- it reads back the hit that
// portrait_geo found and samples the field round it (occlusion, the key's soft shadow, the
// cloth's thinness toward the rim candle, material; portrait.glsl portrait_bake_mat).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_portrait_geo;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    frag_colour = portrait_bake_mat(s, texelFetch(u_portrait_geo, ivec2(gl_FragCoord.xy), 0));
}
