#version 330 core
// Serenes, shadow pass (half resolution): for the wall or floor point under each pixel, the
// fraction of each candle's light that gets past the figures (r, g, b = candles 0, 1, 2),
// and in a the darkness where the robes meet the floor.
//
// A shadow is one distance lookup per tap: the ray from a candle to the point P crosses the
// figures' plane z = 0 at Q, and the figures' distance at Q against a penumbra that grows
// with P.z / (P.z - candle.z) gives the light that gets through. The flame is
// tall, so quality adds taps along its height.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "serenes.glsl"
#include "common_surface.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_occluder;
out vec4 frag_colour;

// The figures' distance (m) at a point of the plane z = 0.
float occ_dist(vec2 Q) {
    vec2 s = plane_to_screen(Q, 0.0);
    vec2 uv = vec2(s.x * u_resolution.y / u_resolution.x + 0.5, s.y + 0.5);
    float v = textureLod(u_occluder, uv, 0.0).r;
    bool inside = all(greaterThan(uv, vec2(0.0))) && all(lessThan(uv, vec2(1.0)));
    return inside ? OCC_FAR - v * (OCC_FAR + OCC_IN) : OCC_FAR;
}

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 P = surface_point(s);
    int taps = 1 + int(u_quality * 2.99);
    float size = 0.012 + 0.12 * u_softness;
    vec3 vis = vec3(1.0);
    // candles past the count, and points in front of the figures, are fully lit
    int n = P.z > 0.0 ? int(u_candles + 0.5) : 0;
    // (both loops test their exits at the end too: shaders/README.md)
    for (int k = 0; k < n; ) {
        vec3 C = u_cpos[k].xyz;
        float spread = u_cshape[k].x * 0.45;
        float lit = 0.0;
        for (int j = 0; j < taps; ) {
            float o = taps > 1 ? float(j) / float(taps - 1) - 0.5 : 0.0;
            vec3 Cj = C + vec3(0.0, o * spread, 0.0);
            float a = -Cj.z / (P.z - Cj.z);
            vec2 Q = Cj.xy + (P.xy - Cj.xy) * a;
            float pen = size * P.z / (P.z - Cj.z) + 0.004;
            lit += smoothstep(-pen, pen, occ_dist(Q));
            if (++j >= taps) {
                break;
            }
        }
        // (the first candle casts the one clear set of shadows; the others, weaker fills, cast
        // paler ones, so the wall does not show every figure twice over as equal copies)
        vis[k] = mix(1.0, lit / float(taps), k == 0 ? 1.0 : 0.6);
        if (++k >= n) {
            break;
        }
    }
    // contact darkness on the floor round the feet
    float contact = 1.0;
    if (P.y < 1e-3) {
        float dc = occ_dist(vec2(P.x, 0.05));
        contact = mix(1.0, smoothstep(-0.02, 0.35, dc + 1.5 * abs(P.z)), 0.8);
    }
    frag_colour = vec4(vis, contact);
}
