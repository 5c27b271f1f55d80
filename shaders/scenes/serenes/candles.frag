#version 330 core
// Serenes, candles pass (full resolution, one proxy quad per candle): the wax, the flame,
// its tight glow and the thread of smoke above it, premultiplied and encoded as the figures
// are (the wide glow in the air is the last pass's, everywhere).
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
uniform vec4 u_cbase[MAX_CANDLES];   // candle stand: x, top y, z, wax radius (m)
flat in int v_candle;
out vec4 frag_colour;

vec3 encode_hdr(vec3 c) {
    return sqrt(max(c, 0.0) / (1.0 + max(c, 0.0)));
}

void main() {
    int k = v_candle;
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 lightc = light_colour();
    vec4 cb = u_cbase[k];
    vec4 cs = u_cshape[k];
    vec2 Pc = screen_to_plane(s, cb.z);
    vec2 lp = Pc - cb.xy;
    float power = u_cpos[k].w;
    float pxc = plane_scale(cb.z) / u_resolution.y;
    vec3 col = vec3(0.0);
    float alpha = 0.0;
    vec2 fc2 = lp - vec2(cs.y * 0.4, 0.004 + 0.45 * cs.x);
    float r = length(fc2 * vec2(1.0, 0.8));

    // a thread of smoke rising from the flame, curling as it climbs, leaning with the
    // draught; a guttering candle (more flicker) smokes more
    {
        float sy = lp.y - cs.x - 0.008;
        float h = max(sy, 0.0);
        float ph = u_time + 7.3 * float(k);
        float cx = cs.y * (1.0 + 5.0 * h) + 0.22 * h * h * sin(6.5 * h - 0.8 * ph)
                 + 0.018 * h * sin(21.0 * h - 2.1 * ph);
        // (round 12: "a hard vertical line": a soft wisp -- wide, faint, curling, gone within
        // a hand's height)
        cx += 0.06 * h * sin(9.0 * h - 1.4 * ph);
        float w = max(0.006 + 0.07 * h, 3.0 * plane_scale(cb.z) / u_resolution.y);
        float dx = (lp.x - cx) / w;
        float dens = exp(-dx * dx) * smoothstep(-0.01, 0.02, sy) * (1.0 - smoothstep(0.03, 0.16, h));
        dens *= smoothstep(0.0, 0.05, h) * (0.2 + 0.8 * vnoise(vec2(dx * 0.6, 14.0 * h - 1.3 * ph)));
        dens *= 0.0025 / (w + 0.004);
        col += dens * lightc * sqrt(power * 1.6) * (0.3 + 0.7 * u_flicker) * 0.16 / (0.05 + h * h * 4.0);
    }

    {
        // wax: a cylinder with a melted hollow at the top
        float nx = clamp(lp.x / cb.w, -1.0, 1.0);
        float dwax = max(abs(lp.x) - cb.w, lp.y + 0.007 - 0.007 * nx * nx);
        float wcov = clamp(0.5 - dwax / pxc, 0.0, 1.0);
        float side = sqrt(max(1.0 - nx * nx, 0.0));
        // (round 10: the wax read as a flat bright cylinder, the brightest thing in her frame:
        // the flame's light glows in the translucent wax near the top and dies away down it)
        float glow_in = exp(min(lp.y, 0.0) / 0.03);
        vec3 wax = vec3(0.80, 0.62, 0.42) * lightc * power
                 * (0.022 * side * side + 0.6 * glow_in * (0.4 + 0.6 * side));
        col = mix(col, wax, wcov);
        alpha = wcov;
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
        col += flame * fcov + lightc * power * 0.9 * exp(-r / 0.018);
    }

    col = dither8(encode_hdr(col), gl_FragCoord.xy, u_frame);
    frag_colour = vec4(col, alpha);
}
