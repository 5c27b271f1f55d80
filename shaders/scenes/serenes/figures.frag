#version 330 core
// Serenes, figures pass (full resolution, proxies only): the cut-out silhouettes,
// premultiplied, in an 8-bit encoding e = sqrt(c / (1 + c)) that keeps the near-black
// bodies free of banding and lets max-blending overlap the proxies.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#define SERENES_FIGURE_VARYINGS
#include "serenes.glsl"
#include "light.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
flat in int v_fig;
out vec4 frag_colour;

void main() {
    int i = v_fig;
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 X = screen_to_plane(s, 0.0);
    float px = plane_scale(0.0) / u_resolution.y;          // metres per pixel
    float d = figure_sdf(i, X, u_time, 1.0);
    float cov = clamp(0.5 - d / px, 0.0, 1.0);

    // The body: cloth that drinks the light, lit only as a thin warm rim where the light
    // wraps round an edge on the side of the figure that faces a candle, strongest low
    // down, near the flames. (The side, not the edge's normal: screen derivatives of the
    // distance break into dashes along the thin arms.)
    vec3 P = vec3(X, 0.0);
    float inside = max(-d, 0.0);
    float rim_shape = exp(-inside / 0.005) + 0.1 * exp(-inside / 0.03);
    vec4 fa = FIG_A(i);
    float axis = fa.x + fa.z * (X.y / fa.y / 0.9) * (X.y / fa.y / 0.9);
    float irr = 0.0;
    float rim = 0.0;
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec3 L = u_cpos[k].xyz - P;
        float d2 = dot(L, L);
        float e = u_cpos[k].w * max(-L.z, 0.0) * inversesqrt(d2) / d2;
        irr += e;
        float toward = u_cpos[k].x - axis;
        float facing = smoothstep(-0.03, 0.03, (X.x - axis) * sign(toward))
                     * smoothstep(0.0, 0.25, abs(toward));
        rim += e * (0.3 + facing);
    }
    vec3 body = light_colour() * (0.0003 * irr + 0.024 * rim * rim_shape);
    body += shade_colour() * 0.0015;
    vec3 col = body * cov;

    col = max(col, 0.0);
    vec3 enc = sqrt(col / (1.0 + col));
    enc = dither8(enc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(enc, cov);
}
