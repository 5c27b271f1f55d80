#version 330 core
// The ascent, pass 1 (alpha blended over the lake shot's picture): the figure's silhouette,
// dark against the lit water and the city, a cold rim of the curtains' light round it
// (backlit), and its image in the water under it, broken by the ripples and fainter.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "camera.glsl"
#include "ascent.glsl"
out vec4 frag_colour;

void main() {
    vec2 p = view_point(gl_FragCoord.xy, u_resolution);
    vec2 u = asc_local(p);
    float wet = step(u.y, 0.0);
    // in the water: the figure mirrored about its feet, each ripple row thrown sideways
    vec2 m = vec2(u.x + wet * 0.018 * sin(u.y * 90.0 + 2.0 * u_time) * smoothstep(0.0, -0.1, u.y), abs(u.y));
    float d = asc_body(m);
    float px = 1.5 / (u_resolution.y * u_ascent_at.z);
    float cover = smoothstep(px, -px, d) * (1.0 - asc_gone(m));
    // backlit: a near-black body, its rim catching the curtains' cold light
    float rim = exp(-max(-d, 0.0) / (1.1 * px));
    vec3 body = vec3(0.004, 0.005, 0.01) + vec3(0.25, 0.75, 0.7) * 0.5 * rim * smoothstep(0.1, 0.7, m.y);
    vec3 col = linear_to_srgb(body);
    frag_colour = vec4(col, cover * mix(0.92, 0.5, wet));
}
