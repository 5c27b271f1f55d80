#version 330 core
// The pool's field at half resolution: (signed distance, gradient x, gradient z) of the
// smooth union of every blob, on the floor point each pixel sees.  The field is smooth, so
// the other passes read it bilinearly.  Drawn only on the tiles near the pool; the rest of
// the target is cleared to "far" (distance 1).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "qs_pool.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, centered_uv(gl_FragCoord.xy, u_resolution));
    vec2 p = (cam.pos + rd * (-cam.pos.y / rd.y)).xz;
    // far from every blob (beyond the contact shadow): keep the cleared 'far' value (a GPU
    // skips the rest there; llvmpipe runs it masked, and saves only through the tiles)
    // (the union bulges by at most k log2(count) beyond the nearest blob)
    float k = pool_k();
    float m = pool_bound_distance(p);
    if (m - k * log2(float(max(u_blob_count, 1))) > 0.3) {
        discard;
    }
    vec2 g;
    float d = pool_field(p, k, m, g);
    frag_colour = vec4(min(d, 1.0), g, 1.0);
}
