#version 330 core
// Resonance, the cloud shot, pass 4: the memories -- small crisp lit shards caught in the
// cloud's underside, turning slowly, veiled by the cloud in front of them -- added over the
// picture, one small quad each (cloud_quad.vert; the scene projects them: cloud_memories).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "cloud.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_cloud_sky;
flat in int v_item;
out vec4 frag_colour;

const int CLD_MEMORIES = 14;
uniform vec4 u_cld_memories[CLD_MEMORIES]; // screen x, y, radius, depth (scene: cloud_memories)
uniform vec2 u_cld_memory_rot[CLD_MEMORIES]; // cos, sin of each shard's slow turn

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    float dist = texture(u_cloud_sky, gl_FragCoord.xy / u_resolution).a;
    float pix = CLD_LENS / u_resolution.y;
    vec3 col = vec3(0.0);
    // The memories: small crisp lit fragments caught in the cloud's underside (warm shards
    // of light turning slowly), veiled by the cloud in front of them.
    for (int i = v_item; i == v_item; ++i) {
        vec4 m = u_cld_memories[i];
        vec2 dp = p - m.xy;
        float r = m.z;                               // (0: not shown)
        vec2 cs = u_cld_memory_rot[i];
        vec2 q = mat2(cs.x, -cs.y, cs.y, cs.x) * dp / r;     // in the shard's own size
        float shard = max(abs(q.x) + abs(q.y) * 0.45, abs(q.y) * 1.2);   // a slanted sliver
        float aa = pix / r * 1.5;
        float body = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, shard);
        float halo = exp(-dot(q, q) * 0.35) * 0.15;
        float veil = exp(-max(m.w - dist, 0.0) * 0.25);
        col += vec3(1.0, 0.8, 0.55) * (2.2 * body + halo) * veil * exp(-m.w * 0.004) * u_intensity;
    }
    // (added after the tone curve: a shard is a highlight, its core clips to white)
    col = col / (1.0 + col);
    frag_colour = vec4(col, 1.0);
}
