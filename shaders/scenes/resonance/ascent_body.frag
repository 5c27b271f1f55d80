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
    // (round 34's readers at 119.3 s: "an opaque black trapezoid for the body that cuts the
    // aurora", "an awkward black pillar" -- the robe is cloth lit by the light it becomes:
    // the burning front above pours down over its folds, the curtains rim its sides, and it
    // thins toward the hem into a veil the lake's light shows through)
    float gone = asc_gone(m);
    float front = asc_front();
    float cover = smoothstep(px, -px, d) * (1.0 - gone);
    // the cloth as a cylinder round the robe's width, its vertical folds catching the light
    float w = asc_width(m.y);
    float s = clamp(m.x / max(w, 1e-3), -1.0, 1.0);
    float fold = 0.5 + 0.5 * sin(s * 7.5 + 1.7 * snoise(vec2(m.x * 18.0, m.y * 3.0)) + 0.6);
    float round_ = sqrt(max(1.0 - s * s, 0.0));
    // key: from the seam of light above it, falling off down the robe
    float below = max(front - m.y, 0.0);
    float key = exp(-below * 4.5) * (0.15 + 0.85 * fold * fold) * (0.4 + 0.6 * round_);
    // rims: the curtains behind it catch both edges of the cloth
    float rim = pow(abs(s), 6.0) * (0.55 + 0.45 * fold);
    vec3 cloth = vec3(0.012, 0.014, 0.035) * (0.6 + 0.8 * fold);
    vec3 lin = cloth + vec3(0.2, 0.62, 0.55) * 0.7 * key + vec3(0.25, 0.5, 0.75) * 0.22 * rim;
    // a veil toward the hem: the water's light shows through the lowest fifth
    float veil = mix(0.72, 0.93, smoothstep(0.0, 0.22, m.y));
    cover *= veil;
    vec3 col = linear_to_srgb(lin);
    frag_colour = vec4(col, cover * mix(1.0, 0.45, wet));
}
