#version 330 core
// The floor pass's proxy: one quad over the band of the screen below the wall.
#define VISUALS_NO_DERIVATIVES
#include "../../lib/common.glsl"
#include "serenes.glsl"
#include "quad.glsl"
#include "common_surface.glsl"

uniform vec2 u_resolution;

void main() {
    vec2 c = QUAD_CORNERS[gl_VertexID % 6];
    float top = wall_line() + 2.0 / u_resolution.y;
    gl_Position = vec4(c.x * 2.0 - 1.0, mix(-1.0, 2.0 * top, c.y), 0.0, 1.0);
}
