#version 330 core
// Serenes, floor pass (full resolution, one proxy quad over the floor band): what the
// waxed boards add to their diffuse light, the sheen toward each flame and their
// reflection of the lit wall and of the robes (rgb, encoded as the figures are), and the
// darkness where the robes meet the floor (a, a factor on the diffuse light).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "serenes.glsl"
#include "light.glsl"
#include "common_surface.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_surfaces;
uniform sampler2D u_shadow;
uniform sampler2D u_figures;
uniform sampler2D u_haze;
out vec4 frag_colour;

#include "lighting.glsl"

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec3 lightc = light_colour();
    vec3 shade = shade_colour();
    vec3 P = surface_point(vec2(s.x, min(s.y, wall_line() - 1e-4)));
    vec4 surf = texture(u_surfaces, surfaces_uv(s));
    vec2 slope = surf.gb - 0.5;
    vec3 N = normalize(vec3(-slope.x, 1.0, -slope.y));
    vec4 shadow = texture(u_shadow, uv);
    vec3 V = normalize(P - vec3(CAM_X, CAM_Y, -CAM_D));
    vec3 add = vec3(0.0);
    // the waxed boards' sheen: a soft streak toward each flame
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec3 L = u_cpos[k].xyz - P;
        float d2 = dot(L, L);
        vec3 H = normalize(L * inversesqrt(d2) - V);
        float nh = max(dot(N, H), 0.0);
        nh *= nh; nh *= nh; nh *= nh; nh *= nh; nh *= nh; nh *= nh;   // ^64
        add += u_cpos[k].w / d2 * shadow[k] * nh * (0.1 + 0.3 * surf.a) * lightc;
    }
    // the reflection (from quality 0.25): the mirrored ray meets the wall (and, from in
    // front of the figures, their plane)
    if (u_quality >= 0.25) {
        vec3 r = normalize(vec3(V.x + 1.5 * slope.x, -V.y, V.z + 1.5 * slope.y));
        vec3 Wp = P + r * ((WALL_Z - P.z) / r.z);
        vec2 uvw = screen_uv(plane_to_screen(Wp.xy, WALL_Z));
        vec4 surf_w = texture(u_surfaces, surfaces_uv(plane_to_screen(Wp.xy, WALL_Z)));
        vec3 refl = light_surface(Wp, wall_normal(surf_w.gb - 0.5), wall_colour() * surf_w.r * 1.25,
                                  texture(u_shadow, uvw).rgb, lightc, shade);
        vec3 haze = texture(u_haze, uvw).rgb;
        refl += 0.6 * u_backdrop * haze * haze;     // (the boards mirror the far glow dimly)
        vec3 Fp = P + r * (-P.z / r.z);
        vec4 fr = texture(u_figures, screen_uv(plane_to_screen(Fp.xy, 0.0)));
        if (P.z < 0.0) {
            refl = refl * (1.0 - fr.a) + decode_hdr(fr.rgb);
        }
        float fres = 0.04 + 0.96 * pow(1.0 - max(-V.y, 0.0), 5.0);
        add += refl * fres * (0.35 + 0.65 * surf.a);
    }
    frag_colour = vec4(dither8(encode_hdr(add), gl_FragCoord.xy, u_frame), shadow.a);
}
