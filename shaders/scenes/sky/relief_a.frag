#version 330 core
// The relief's G-buffer, first half (baked once): the land's normal (x, z; y is the rest), its
// ambient occlusion, and its coverage -- all premultiplied by the coverage, so that where the
// sky relights it (lib/land.glsl relief_light) the filtered crests are antialiased and no
// sky texel's values bleed into the land's.
#include "../../lib/land.glsl"

uniform sampler2D u_relief_march;
uniform vec2 u_resolution;
uniform float u_relief_u0;
uniform vec3 u_relief_view;   // the view: lens, eye (km), bearing (lib/land.glsl relief_ray)
out vec4 frag;

void main() {
    vec4 m = texelFetch(u_relief_march, ivec2(gl_FragCoord.xy), 0);
    vec2 f = relief_frame_point(gl_FragCoord.xy / u_resolution, u_relief_u0);
    vec3 rd = relief_ray(f, u_relief_view);
    vec3 p = vec3(0.0, u_relief_view.y, 0.0) + rd * m.x;
    // the normal over a pixel's footprint (finer detail would only alias), every octave
    // (and the octaves finer than a texel's footprint left out: far off they are noise)
    float e = max(0.0015 * m.x, 0.002);
    int oct = clamp(int(9.5 - 1.3 * log2(max(m.x, 1.0) / 1.5)), 4, 9);
    float h0 = relief_floor(p.xz, oct);
    vec3 n = normalize(vec3(h0 - relief_floor(p.xz + vec2(e, 0.0), oct), e,
                            h0 - relief_floor(p.xz + vec2(0.0, e), oct)));
    // occlusion: how far the land round the normal rises over it, at five growing reaches
    float occ = 0.0;
    float w = 1.0;
    for (int i = 1; i <= 5; i++) {
        float d = 0.012 * float(i * i);
        vec3 s = p + n * d;
        occ += w * max(d - (s.y - relief_floor(s.xz, 5)), 0.0) / d;
        w *= 0.7;
    }
    float ao = clamp(1.0 - 0.45 * occ, 0.0, 1.0);
    frag = vec4(vec3(0.5 + 0.5 * n.x, 0.5 + 0.5 * n.z, ao) * m.z, m.z);
}
