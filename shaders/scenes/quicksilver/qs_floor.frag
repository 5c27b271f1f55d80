#version 330 core
// The floor's stone, baked once per cue (the camera never moves): the city's street, laid
// with big irregular flagstones of dark slate (a jittered Voronoi: no two alike, no grid), each
// its own shade and polish, with a fine grain and a slow mottling, and narrow dark joints
// between them (r: the stone's shade, g: the joint, b: the slab's polish).  The main pass
// colours and lights it.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "qs_pool.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

// Distance to the nearest joint between flagstones (F2 - F1 along the bisector: iq's exact
// border distance, two passes) and the id of this pixel's slab.
vec3 flagstones(vec2 p) {
    vec2 cell = floor(p);
    vec2 f = p - cell;
    vec2 best_o = vec2(0.0);
    vec2 best_c = vec2(0.0);
    float best = 8.0;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            vec2 c = vec2(i, j);
            vec2 o = c + 0.15 + 0.7 * hash2i(ivec2(cell + c) + 311) - f;
            float dd = dot(o, o);
            if (dd < best) {
                best = dd;
                best_o = o;
                best_c = c;
            }
        }
    }
    float edge = 8.0;
    for (int j = -2; j <= 2; j++) {
        for (int i = -2; i <= 2; i++) {
            vec2 c = best_c + vec2(i, j);
            vec2 o = c + 0.15 + 0.7 * hash2i(ivec2(cell + c) + 311) - f;
            vec2 dlt = o - best_o;
            if (dot(dlt, dlt) > 1e-5) {
                edge = min(edge, dot(0.5 * (best_o + o), normalize(dlt)));
            }
        }
    }
    vec2 id = cell + best_c;
    return vec3(edge, id);
}

void main() {
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, centered_uv(gl_FragCoord.xy, u_resolution));
    vec2 p = (cam.pos + rd * (-cam.pos.y / rd.y)).xz;
    // average the mottling over the pixel's footprint far away, where it would alias
    vec2 fp = fwidth(p);
    float foot = max(fp.x, fp.y);
    float fade = smoothstep(0.6, 0.1, foot);
    float grain_fade = smoothstep(0.05, 0.012, foot);
    float n = mix(0.5, fbm(p * 1.6 + 5.0, 3), fade);
    n += (vnoise(p * 37.0) - 0.5) * 0.35 * grain_fade;
    const float SLAB = 0.62;                                // floor units per flagstone
    vec3 fs = flagstones(p / SLAB);
    float e = fs.x * SLAB;                                  // world distance to the joint
    float jw = 0.006 + 0.35 * foot;
    float joint = (1.0 - smoothstep(0.0, jw, e)) * mix(0.3, 1.0, fade);
    vec3 h = hash_to_unit(pcg3d(uvec3(ivec2(fs.yz) + 4096, 0x51A8u)));
    float shade = 0.7 + 0.6 * h.x;
    // slabs worn smooth (polished, wet) or rough; each edge a little rounded and darker
    float polish = mix(0.5, 0.25 + 0.75 * h.y, fade) * smoothstep(0.0, 0.05, e);
    frag_colour = vec4(n * mix(1.0, shade, fade), joint, polish, 1.0);
}
