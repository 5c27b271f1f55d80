#version 330 core
// Towers, pass "shards": the glass the fracture breaks off, one thick piece per instance.
//
// Shard k belongs to one of the SHARD_COLS x SHARD_ROWS blocks in front of the camera (the
// block's row is the one congruent to k mod SHARD_ROWS, so when the camera crosses a block
// only the row behind it moves to the far end) and to a point on the face of that block's
// tower turned to the eye.  It breaks off when the tower's fall (towers.glsl, top first)
// reaches its height, then flies out, falls, spins and, after its life, dissolves into the
// mist: it grows soft and fades.  Everything is a function of u_fracture (SHATTER_SECONDS of
// flight per unit), so any frame can be drawn alone.  Only the shards in the air are drawn
// (instance i is shard u_shard_ids[i]: the CPU works out which, scenes/towers.py
// flying_shards); any that its widened test lets through but that are not flying are sent
// off screen (a triangle with no area costs only its three vertices).
//
// A piece is a triangular prism of glass (24 vertices a piece: the back face, the three
// broken edges as quads, the front face, drawn in that order so that, blended without a
// depth buffer, the near face lies over the edges and the edges over the far face), and it
// is drawn as a camera with an open shutter sees it: each corner that trails the piece's
// motion is placed where it was SHUTTER ago (spin included), so a fast piece streaks and
// its trailing end fades (v_trail).
#define VISUALS_NO_DERIVATIVES
#define TOWERS_FRACTURE
#include "towers.glsl"

uniform int u_seed;
uniform sampler2D u_shard_ids;      // the shards in the air now (scenes/towers.py flying_shards)

const int SHARD_COLS = 6;
const int SHARD_ROWS = 7;
const float SHATTER_SECONDS = 6.0;
const float GRAVITY = 3.2;
const float SHUTTER = 0.12;          // shard seconds the shutter is open (motion blur)
// Thick tower glass: a pane has one thickness whatever the size of the piece broken from it
// (so small pieces are chunky and big ones slabs no thicker than the pane), world units.
const float THICK_BASE = 0.06;
const float THICK_SIZE = 0.09;

// Per vertex of a piece: (corner of the triangle 0..2, face side: 0 back, 1 front).
// Triangles: back face, three edge quads (two triangles each), front face.
const ivec2 PRISM[24] = ivec2[24](
    ivec2(0, 0), ivec2(2, 0), ivec2(1, 0),
    ivec2(0, 0), ivec2(1, 0), ivec2(1, 1),   ivec2(0, 0), ivec2(1, 1), ivec2(0, 1),
    ivec2(1, 0), ivec2(2, 0), ivec2(2, 1),   ivec2(1, 0), ivec2(2, 1), ivec2(1, 1),
    ivec2(2, 0), ivec2(0, 0), ivec2(0, 1),   ivec2(2, 0), ivec2(0, 1), ivec2(2, 1),
    ivec2(0, 1), ivec2(1, 1), ivec2(2, 1));

out vec3 v_world;
out vec3 v_bary;          // faces: barycentric; edges: (along the edge, across it 0..1, 0)
out float v_trail;        // 1 at the corners the shutter left behind, 0 at the leading ones
flat out vec3 v_normal;
flat out vec4 v_look;     // dissolve 0..1, glint phase, piece brightness, t from the eye
flat out vec3 v_kind;     // 0 back face, 1 edge, 2 front face; the streak's length / size;
                          // the glass's thickness on screen, pixels

vec3 rotate(vec3 v, vec3 axis, float a) {
    float c = cos(a);
    float s = sin(a);
    return v * c + cross(axis, v) * s + axis * dot(axis, v) * (1.0 - c);
}

void main() {
    int k = int(texelFetch(u_shard_ids, ivec2(gl_InstanceID, 0), 0).r + 0.5);
    int tri = gl_VertexID / 3;
    ivec2 pv = PRISM[gl_VertexID];
    int corner = pv.x;
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    v_world = vec3(0.0);
    v_bary = vec3(0.0);
    v_trail = 0.0;
    v_normal = vec3(0.0, 0.0, 1.0);
    v_look = vec4(0.0);
    v_kind = vec3(0.0);

    // Its block: a row in front of the eye (congruent to k), a column about the avenue.
    ivec2 eye = ivec2(floor(u_cam_pos.xz / CITY_PERIOD));
    int slot = k % SHARD_ROWS;
    int row = eye.y - 1 + (((slot - (eye.y - 1)) % SHARD_ROWS) + SHARD_ROWS) % SHARD_ROWS;
    int col = (k / SHARD_ROWS) % SHARD_COLS - SHARD_COLS / 2;
    ivec2 cell = ivec2(col, row);
    Column col_k;
    float start;
    if (!column_whole(cell, col_k, start)) {
        return;
    }
    column_finish(col_k);
    vec4 r = vec4(pcg4d(uvec4(uint(k), uint(row & (GRID - 1)), uint(u_seed), 0x5A3Du))) / 4294967295.0;
    vec4 q = vec4(pcg4d(uvec4(uint(k), 0x77u, uint(u_seed), uint(row & (GRID - 1))))) / 4294967295.0;

    // Where on the column: its skin on the side toward the eye (within 60 degrees of it),
    // any height.
    float height = col_k.h;
    float y0 = r.z * height;
    // (no trigonometry: it runs for every vertex of every piece)
    vec2 to_eye = normalize(u_cam_pos.xz - col_k.base.xz);
    vec2 dir = normalize(to_eye + vec2(-to_eye.y, to_eye.x) * ((r.y * 2.0 - 1.0) * 1.7));
    float reach = sqrt(column_g(col_k, y0)) / length(dir * col_k.inv.xz);   // the ellipse's radius along dir
    vec3 o = col_k.base + vec3(dir.x * reach, y0, dir.y * reach);
    vec3 n0 = column_normal(o - col_k.base, col_k);

    // When: the fall reaches y0 (the top goes first).
    float when = start + BREAK_SPAN * (1.0 - y0 / height);
    float age = (u_fracture - when) * SHATTER_SECONDS;
    float life = 1.6 + 2.2 * q.x;
    if (age <= 0.0 || age >= life) {
        return;
    }

    // Flight: out from the face, a little up, then down; a slow wind down the avenue.
    vec3 v = n0 * (0.8 + 2.2 * q.y) + vec3(q.z - 0.5, 0.4 + 1.2 * q.w, r.w - 0.5) * 1.6;

    // Its shape: an irregular, elongated triangle, 0.13..0.93 units, with a thickness, spinning.
    float size = 0.13 + 0.8 * q.x * q.x;
    // (round 20's reader: the fracture "smeared and wavy rather than shattering" -- a snow of
    // small flakes) one piece in seven is a great slab of the tower's wall (size 0.9-1.9,
    // up to 3.4 units long) that breaks away whole and turns over slowly as it falls: the
    // shattering reads from the big pieces, the small ones are its spray
    float slab = step(0.857, fract(r.w * 7.31 + q.z * 3.17));
    size = mix(size, 0.9 + 1.0 * q.x, slab);
    float dissolve = smoothstep(0.62 * life, life, age);     // (round 13: glass longer, mist later)
    if (dissolve > 0.92) {          // all but gone: draw nothing (no area, no cost)
        return;
    }
    float ang = float(corner) * 2.094 + (fract(r.x * 17.0 + float(corner) * 0.37) - 0.5) * 1.3;
    float rad = 0.55 + 0.45 * fract(r.y * 23.0 + float(corner) * 0.61);
    float grow = size * (1.0 + 1.3 * dissolve);
    float thickness = THICK_BASE + THICK_SIZE * size;
    vec3 local = vec3(vec2(cos(ang) * rad * 1.8, sin(ang) * rad) * grow, (float(pv.y) - 0.5) * thickness);
    vec3 axis = normalize(vec3(q.w - 0.5, r.w - 0.5, q.z - 0.5) + 1e-3);
    // start in the plane of the skin it broke from: local z is the skin's normal
    vec3 tz = n0;
    vec3 tx = normalize(cross(vec3(0.0, 1.0, 0.0), n0) + vec3(1e-4, 0.0, 0.0));
    vec3 ty = cross(tz, tx);
    vec3 lp = tx * local.x + ty * local.y + tz * local.z;
    // The piece now, and SHUTTER earlier (where the trailing corners are drawn).
    float spin_rate = (2.0 + 6.0 * r.x) * mix(1.0, 0.2, slab);
    float spin = spin_rate * age + 6.2832 * q.y;
    float age0 = max(age - SHUTTER, 0.0);
    vec3 p1 = o + v * age + vec3(0.25, -0.5 * GRAVITY * age, 0.35) * age;
    vec3 p0 = o + v * age0 + vec3(0.25, -0.5 * GRAVITY * age0, 0.35) * age0;
    p1.y = max(p1.y, 0.05);
    p0.y = max(p0.y, 0.05);
    vec3 now = p1 + rotate(lp, axis, spin);
    vec3 then = p0 + rotate(lp, axis, spin - spin_rate * (age - age0));
    // a corner trails when it lies behind the piece's centre along the motion
    vec3 motion = p1 - p0;
    float trails = step(dot(now - p1, motion), 0.0);
    vec3 world = mix(now, then, trails);
    vec3 n = rotate(tz, axis, spin);

    // The face or edge this vertex belongs to: its normal and its local coordinates.
    float thick_px = thickness / max(length(p1 - u_cam_pos) * 2.0 * u_cam_tan / u_resolution.y, 1e-4);
    if (tri == 0 || tri == 7) {
        v_normal = tri == 0 ? -n : n;
        v_bary = vec3(corner == 0, corner == 1, corner == 2);
        v_kind.x = tri == 0 ? 0.0 : 2.0;
        // (the far face shows the piece's depth only where the glass is thicker on screen
        // than a pixel or two; elsewhere it is not drawn)
        if (tri == 0 && thick_px < 2.0) {
            return;
        }
    } else {
        int a_c = (tri - 1) / 2;                         // the edge from corner a_c to the next
        float a0 = float(a_c) * 2.094 + (fract(r.x * 17.0 + float(a_c) * 0.37) - 0.5) * 1.3;
        float r0 = 0.55 + 0.45 * fract(r.y * 23.0 + float(a_c) * 0.61);
        int b_c = (a_c + 1) % 3;
        float a1 = float(b_c) * 2.094 + (fract(r.x * 17.0 + float(b_c) * 0.37) - 0.5) * 1.3;
        float r1 = 0.55 + 0.45 * fract(r.y * 23.0 + float(b_c) * 0.61);
        vec2 e2 = vec2(cos(a1) * r1 * 1.8, sin(a1) * r1) - vec2(cos(a0) * r0 * 1.8, sin(a0) * r0);
        vec3 out_l = normalize(tx * e2.y - ty * e2.x);   // the edge's outward normal, in the face's plane
        v_normal = rotate(out_l, axis, spin);
        v_bary = vec3(float(corner != a_c), float(pv.y), 0.0);
        v_kind.x = 1.0;
        // An edge turned away from the eye, or thinner on screen than the fragment stage
        // would draw (shards.frag fades those), is not drawn at all: thin triangles are what
        // the rasteriser pays most for.
        if (dot(v_normal, u_cam_pos - p1) < 0.0 || thick_px < 0.6) {
            return;
        }
    }

    vec3 e = world - u_cam_pos;
    float z = dot(e, u_cam_fwd);
    float aspect = u_resolution.x / u_resolution.y;
    vec2 s = vec2(dot(e, u_cam_right) / aspect, dot(e, u_cam_up)) / (u_cam_tan);
    // clip space: x, y in -1..1 at the frustum's sides; depth unused (no depth test)
    gl_Position = vec4(s, 0.0, max(z, 1e-3));
    gl_Position = (z > 1.0) ? gl_Position : vec4(2.0, 2.0, 2.0, 1.0);   // (none in the eye)
    v_world = world;
    v_trail = trails;
    v_look = vec4(dissolve, q.y, 0.6 + 0.8 * r.z, length(e));
    v_kind.y = length(motion) / grow + 0.5 * spin_rate * (age - age0);
    v_kind.z = thick_px;
}
