#version 330 core
#define VISUALS_NO_DERIVATIVES
// Moss, pass "city": the dark buildings around the glowing streets, as real boxes (36
// vertices each, one instance per box: a building is a podium, a setback shaft and perhaps a
// spire), so only their own pixels are shaded.  The boxes come sorted from scenes/moss.py:
// buildings far to near (painter's order: buildings on a grid never interpenetrate), each
// building's nested boxes in the order that paints them right (tier_order), which leaves the
// crossing of the heart and the blocks by the eye open.
uniform vec3 u_cam_pos;
uniform vec3 u_cam_fwd;
uniform vec3 u_cam_right;
uniform vec3 u_cam_up;
uniform float u_cam_tan;
uniform vec2 u_resolution;
uniform vec2 u_heart_origin;
uniform float u_heart_phase;
uniform float u_heart_period;
uniform vec4 u_bldg_a[320];      // centre x, centre z, half width x, top y
uniform vec4 u_bldg_b[320];      // half width z, seed, base y, kind (0 podium, 1 setback, 2 spire)

#include <visuals/params>
#include "moss.glsl"

flat out vec4 v_box;                // half x, top y, half z, seed
flat out vec2 v_centre;             // the tower's axis (world xz)
out vec3 v_world;
out float v_pulse;                  // the heartbeat at this point of the wall's foot

// The 12 triangles of a unit box (corners -1..1, y 0..1), by vertex id.
const ivec3 FACES[6] = ivec3[6](ivec3(0, 1, 0), ivec3(1, 0, 0), ivec3(-1, 0, 0),
                                ivec3(0, 0, 1), ivec3(0, 0, -1), ivec3(0, -1, 0));
const vec2 QUAD[6] = vec2[6](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(1.0, 1.0),
                             vec2(-1.0, -1.0), vec2(1.0, 1.0), vec2(-1.0, 1.0));

void main() {
    vec4 a = u_bldg_a[gl_InstanceID];
    vec4 b = u_bldg_b[gl_InstanceID];
    vec3 n = vec3(FACES[gl_VertexID / 6]);
    vec2 q = QUAD[gl_VertexID % 6];
    // the face's two in-plane axes
    vec3 u = (abs(n.y) > 0.5) ? vec3(1.0, 0.0, 0.0) : vec3(0.0, 1.0, 0.0);
    vec3 v = cross(n, u);
    vec3 unit = n + q.x * u + q.y * v;                       // -1..1 on each axis
    vec3 half_size = vec3(a.z, 0.5 * (a.w - b.z), b.x);
    vec3 mid = vec3(0.0, 0.5 * (a.w + b.z), 0.0);
    vec3 local = unit * half_size + mid;
    // Towers taper as they rise (podiums a little, shafts more): a glass tower, not a crate.
    float taper = b.w < 0.5 ? 0.12 : (b.w < 1.5 ? 0.22 : 0.0);
    float rise = clamp((local.y - b.z) / max(a.w - b.z, 1e-3), 0.0, 1.0);
    vec3 world = vec3(a.x, 0.0, a.y) + vec3(local.x * (1.0 - taper * rise), local.y, local.z * (1.0 - taper * rise));
    vec3 e = world - u_cam_pos;
    float z = dot(e, u_cam_fwd);
    float aspect = u_resolution.x / u_resolution.y;
    gl_Position = vec4(dot(e, u_cam_right) / (u_cam_tan * aspect), dot(e, u_cam_up) / u_cam_tan,
                       z - 0.2, z);
    // back faces (and the floor) are not drawn: a box's front faces never overlap, so with
    // the boxes far to near no depth buffer is needed
    vec3 face_centre = vec3(a.x, 0.0, a.y) + n * half_size + mid;
    bool front = dot(n, u_cam_pos - face_centre) > 0.0 && n.y > -0.5;
    gl_Position = front ? gl_Position : vec4(2.0, 2.0, 2.0, 1.0);
    v_box = vec4(a.z, a.w, b.x, b.y);
    v_centre = a.xy;
    v_world = world;
    Heart h = Heart(u_heart_origin, u_heart_phase, u_heart_period, u_spread, u_reach, u_pulse_width);
    float fp = length(e) * 2.0 * u_cam_tan / u_resolution.y;
    v_pulse = heart_pulse(world.xz, max(fp, 0.3), 0.0, h);
}
