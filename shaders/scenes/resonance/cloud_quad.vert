#version 330 core
// The cloud shot's geometry passes (cloud_towers, cloud_memories): one screen quad per
// instance over that thing's bounds on screen (centered units, from the scene), so only its
// own pixels are shaded.  A bound with no area draws nothing.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>

uniform vec2 u_resolution;
// (CLD_QUADS: the bounds' uniform, x0, y0, x1, y1 per instance, named by the including file)
uniform vec4 CLD_QUADS[CLD_QUAD_COUNT];

flat out int v_item;

void main() {
    vec4 b = CLD_QUADS[gl_InstanceID];
    vec2 c = vec2((gl_VertexID & 1) == 0 ? b.x : b.z, (gl_VertexID & 2) == 0 ? b.y : b.w);
    gl_Position = vec4(2.0 * c.x * u_resolution.y / u_resolution.x, 2.0 * c.y, 0.0, 1.0);
    v_item = gl_InstanceID;
}
