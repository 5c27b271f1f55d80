#version 330 core
// Serenes, last pass (full resolution): the candle-lit wall and floor with the figures'
// shadows, the city through the wall, the figures, the candles in front; tonemapped,
// encoded and dithered.
//
// The shadows come from the half-resolution shadow pass, one fetch for all candles.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/noise.glsl"
#include "serenes.glsl"
#include "light.glsl"
#include "common_surface.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
uniform sampler2D u_surfaces;
uniform sampler2D u_shadow;
uniform sampler2D u_figures;
uniform sampler2D u_haze;
uniform vec4 u_cbase[MAX_CANDLES];   // candle stand: x, top y, z, wax radius (m)
uniform float u_exposure;
out vec4 frag_colour;

vec2 screen_uv(vec2 s) {
    return vec2(s.x * u_resolution.y / u_resolution.x + 0.5, s.y + 0.5);
}


// Candle light on a wall or floor point P (normal N, colour base), each candle's share
// passing the figures (vis), plus the light bounced round the room and the cold of the
// room that no candle reaches.
vec3 light_surface(vec3 P, vec3 N, vec3 base, vec3 vis, vec3 lightc, vec3 shade) {
    vec3 lit = vec3(0.0);
    float total = 0.0;
    for (int k = 0; k < MAX_CANDLES; ++k) {
        if (float(k) >= u_candles) break;
        vec3 L = u_cpos[k].xyz - P;
        float d2 = dot(L, L);
        float id = inversesqrt(d2);
        float e = u_cpos[k].w / d2 * smoke_transmission(d2 * id);
        lit += e * max(dot(N, L * id), 0.0) * vis[k];
        total += e;
    }
    return base * (lit * lightc + 0.005 * total * lightc
                   + (0.03 + 0.14 * smoothstep(0.5, 4.0, P.y)) * shade);
}

vec3 wall_normal(vec2 slope) {
    return normalize(vec3(-slope.x, -slope.y, -1.0));
}

vec3 decode_figures(vec4 fig) {
    vec3 fy = fig.rgb * fig.rgb;
    return fy / max(1.0 - fy, 1e-3);
}

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec3 lightc = light_colour();
    vec3 shade = shade_colour();

    // --- the surface under this pixel: the wall, or the floor in front of it
    bool on_wall = s.y > wall_line();
    vec3 P = surface_point(s);
    vec4 surf = texture(u_surfaces, uv);
    vec2 slope = surf.gb - 0.5;
    vec3 N = on_wall ? wall_normal(slope) : normalize(vec3(-slope.x, 1.0, -slope.y));
    vec4 shadow = texture(u_shadow, uv);
    float albedo = surf.r * 1.25;
    vec3 base = on_wall ? wall_colour() * albedo
                        : wall_colour() * vec3(0.55, 0.42, 0.34) * albedo;
    vec3 col = light_surface(P, N, base, shadow.rgb, lightc, shade);

    // --- the floor (a loop that runs once on floor pixels, and skips the work elsewhere):
    // the contact darkness round the robes, the waxed boards' sheen toward each flame, and
    // their reflection of the lit wall and the figures' robes.
    int floor_runs = on_wall ? 0 : 1;
    for (int f = 0; f < floor_runs; ++f) {
        col *= shadow.a;
        vec3 V = normalize(P - vec3(0.0, CAM_Y, -CAM_D));
        vec3 sheen = vec3(0.0);
        for (int k = 0; k < MAX_CANDLES; ++k) {
            if (float(k) >= u_candles) break;
            vec3 L = u_cpos[k].xyz - P;
            float d2 = dot(L, L);
            vec3 H = normalize(L * inversesqrt(d2) - V);
            float nh = max(dot(N, H), 0.0);
            nh *= nh; nh *= nh; nh *= nh; nh *= nh; nh *= nh; nh *= nh;   // ^64
            sheen += u_cpos[k].w / d2 * shadow[k] * nh;
        }
        col += sheen * lightc * (0.1 + 0.3 * surf.a);
        // the reflection (from quality 0.25): the mirrored ray meets the wall (and, from in
        // front of the figures, their plane)
        if (u_quality < 0.25) break;
        vec3 r = normalize(vec3(V.x + 1.5 * slope.x, -V.y, V.z + 1.5 * slope.y));
        vec3 Wp = P + r * ((WALL_Z - P.z) / r.z);
        vec2 uvw = screen_uv(plane_to_screen(Wp.xy, WALL_Z));
        vec4 surf_w = texture(u_surfaces, uvw);
        vec3 refl = light_surface(Wp, wall_normal(surf_w.gb - 0.5), wall_colour() * surf_w.r * 1.25,
                                  texture(u_shadow, uvw).rgb, lightc, shade);
        vec3 haze = texture(u_haze, uvw).rgb;
        refl += u_backdrop * haze * haze;
        if (P.z < 0.0) {
            vec3 Fp = P + r * (-P.z / r.z);
            vec4 fr = texture(u_figures, screen_uv(plane_to_screen(Fp.xy, 0.0)));
            refl = refl * (1.0 - fr.a) + decode_figures(fr);
        }
        float fres = 0.04 + 0.96 * pow(1.0 - max(-V.y, 0.0), 5.0);
        col += refl * fres * (0.35 + 0.65 * surf.a);
    }

    // --- the city glowing through the wall (not shadowed: it lights the wall from behind)
    if (on_wall) {
        vec3 haze = texture(u_haze, uv).rgb;
        col += u_backdrop * haze * haze;
    }

    // --- the figures (premultiplied, decoded from their 8-bit encoding)
    vec4 fig = texture(u_figures, uv);
    col = col * (1.0 - fig.a) + decode_figures(fig);

    // --- the candles in front: wax, flame, the glow of the flame in the air. The detailed
    // drawing runs only near a candle (a loop that runs zero times elsewhere skips the work
    // on llvmpipe, where an if would not).
    for (int k = 0; k < MAX_CANDLES; ++k) {
        if (float(k) >= u_candles) break;
        vec4 cb = u_cbase[k];
        vec4 cs = u_cshape[k];
        vec2 Pc = screen_to_plane(s, cb.z);
        vec2 lp = Pc - cb.xy;
        float power = u_cpos[k].w;
        vec2 fc2 = lp - vec2(cs.y * 0.4, 0.004 + 0.45 * cs.x);
        float r = length(fc2 * vec2(1.0, 0.8));
        col += lightc * power * (0.05 / (1.0 + r * r * 400.0) + 0.012 / (1.0 + r * r * 12.0));
        // a thread of smoke rising from the flame, curling as it climbs, leaning with the
        // draught; a guttering candle (more flicker) smokes more
        float sy = lp.y - cs.x - 0.008;
        int smoky = (sy > -0.01 && sy < 0.85 && abs(lp.x) < 0.32) ? 1 : 0;
        for (int j = 0; j < smoky; ++j) {
            float h = max(sy, 0.0);
            float ph = u_time + 7.3 * float(k);
            float cx = cs.y * (1.0 + 5.0 * h) + 0.22 * h * h * sin(6.5 * h - 0.8 * ph)
                     + 0.018 * h * sin(21.0 * h - 2.1 * ph);
            float w = max(0.002 + 0.03 * h, 1.5 * plane_scale(cb.z) / u_resolution.y);
            float dx = (lp.x - cx) / w;
            float dens = exp(-dx * dx) * smoothstep(-0.01, 0.02, sy) * (1.0 - smoothstep(0.25, 0.85, h));
            dens *= smoothstep(0.0, 0.08, h) * (0.35 + 0.65 * vnoise(vec2(dx * 0.6, 9.0 * h - 1.3 * ph)));
            dens *= 0.006 / (w + 0.004);
            col += dens * lightc * sqrt(power * 1.6) * (0.3 + 0.7 * u_flicker) * 0.16 / (0.05 + h * h * 4.0);
        }
        int near = (abs(lp.x) < 0.09 && lp.y < 0.13) ? 1 : 0;
        for (int j = 0; j < near; ++j) {
            float pxc = plane_scale(cb.z) / u_resolution.y;
            // wax: a cylinder with a melted hollow at the top
            float nx = clamp(lp.x / cb.w, -1.0, 1.0);
            float dwax = max(abs(lp.x) - cb.w, lp.y + 0.007 - 0.007 * nx * nx);
            float wcov = clamp(0.5 - dwax / pxc, 0.0, 1.0);
            float side = sqrt(max(1.0 - nx * nx, 0.0));
            float glow_in = exp(min(lp.y, 0.0) / 0.05);
            vec3 wax = vec3(0.80, 0.62, 0.42) * lightc * power
                     * (0.05 * side + 0.55 * glow_in * (0.5 + 0.5 * side));
            col = mix(col, wax, wcov);
            // flame: a teardrop that leans and stretches with the flicker
            float fh = cs.x;
            vec2 fp = lp - vec2(0.0, 0.004);
            float fy01 = clamp(fp.y / fh, 0.0, 1.0);
            vec2 fq = vec2(fp.x - cs.y * fy01 * fy01, fp.y);
            float df = sd_taper(fq, vec2(0.0, 0.008), vec2(0.0, fh), 0.0082, 0.0004);
            float fcov = clamp(0.5 - df / (pxc + 0.0012), 0.0, 1.0);
            float core = smoothstep(0.0, 0.0055, -df) * (1.0 - 0.5 * fy01);
            float blue = smoothstep(0.016, 0.004, fp.y) * (1.0 - core);
            vec3 flame = mix(vec3(1.0, 0.42, 0.10) * 5.0, vec3(1.0, 0.86, 0.62) * 24.0, core);
            flame = mix(flame, vec3(0.25, 0.35, 1.0) * 2.0, blue * 0.7);
            flame *= lightc / max(max(lightc.r, lightc.g), 1e-3)
                   * (0.6 + 0.4 * power / max(u_candle, 0.05));
            col += flame * fcov + lightc * power * 0.9 * exp(-r / 0.018) * smoothstep(0.085, 0.05, r);
        }
    }

    // --- vignette, exposure, tone map
    float vig = 1.0 - 0.35 * smoothstep(0.35, 1.1, length(s * vec2(0.8, 1.0)));
    col *= vig * u_exposure;
    vec3 outc = linear_to_srgb(tonemap_agx(col));
    outc = dither8(outc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(outc, 1.0);
}
