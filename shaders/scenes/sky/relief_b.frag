#version 330 core
// The relief's G-buffer, second half (baked once): depth (sqrt-encoded to RELIEF_FAR), height,
// and a soft shadow from a low sun behind the ranges (iq's k * h / t penumbra), premultiplied
// by the coverage as relief_a is.  (The shadow's sun is fixed: the bake must not depend on the
// time it is made at; the key sun's own direction lights the faces each frame.)
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
    vec3 l = normalize(RELIEF_SUN);
    float sh = 1.0;
    float s = 0.02;
    for (int i = 0; i < 28; i++) {
        vec3 q = p + l * s + vec3(0.0, 0.004, 0.0);
        float h = q.y - relief_floor(q.xz, 4);
        sh = min(sh, 10.0 * h / s);
        s += clamp(0.5 * h, 0.02, 0.6);
    }
    sh = clamp(sh, 0.0, 1.0);
    frag = vec4(sqrt(clamp(m.x / RELIEF_FAR, 0.0, 1.0)), clamp(m.y / 2.5, 0.0, 1.0), sh * sh * (3.0 - 2.0 * sh), 1.0) * m.z;
}
