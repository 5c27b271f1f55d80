#version 330 core
// Serenes, the portrait's G-buffer (mat): the hooded bust's distance field marched once, when
// the shot begins (portrait.glsl portrait_march); portrait.frag relights it every frame.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec4 geo, mat;
    portrait_march(s, 1.0 / (u_resolution.y * PORTRAIT_FOCAL), geo, mat);
    frag_colour = mat;
}
