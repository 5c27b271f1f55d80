#version 330 core
// The shattered mirror's crack field, on the tiles over the pool (only drawn while the
// fracture is above 0): border distance, direction, how open, and each shard's tilt and
// slide, packed into one RGBA32F texel (see crack_store).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "qs_cracks.glsl"
#include "qs_pool.glsl"

uniform vec2 u_resolution;
uniform vec2 u_crack_centre;
uniform sampler2D u_field;
out vec4 frag_colour;

void main() {
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, centered_uv(gl_FragCoord.xy, u_resolution));
    vec2 p = (cam.pos + rd * (-cam.pos.y / rd.y)).xz;
    vec2 fp = fwidth(p);
    // only on and near the pool (shards slide up to ~0.1 outwards); the rest keeps the
    // cleared 'no crack' value (a GPU skips the work there; llvmpipe only through the tiles)
    if (texture(u_field, gl_FragCoord.xy / u_resolution).x > 0.12) {
        discard;
    }
    Crack c = crack_field(p, u_crack_centre, u_fracture, u_shards, u_tilt, u_quality, max(fp.x, fp.y));
    frag_colour = crack_store(c);
}
