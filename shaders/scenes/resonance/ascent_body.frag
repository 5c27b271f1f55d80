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
    // the lower robe dark and solid; above, as the body comes apart, it thins to a glassy
    // ghost (the light pass draws what it turns into)
    float gone = asc_gone(m);
    float solid = 1.0 - smoothstep(0.3, 0.75, m.y);
    float cover = smoothstep(px, -px, d) * (1.0 - gone) * mix(0.55, 0.96, solid);
    // backlit: a near-black robe, the upper body a cold dim translucency of the curtains' light
    vec3 body = mix(vec3(0.004, 0.005, 0.01), vec3(0.02, 0.06, 0.07), 1.0 - solid);
    vec3 col = linear_to_srgb(body);
    frag_colour = vec4(col, cover * mix(1.0, 0.45, wet));
}
