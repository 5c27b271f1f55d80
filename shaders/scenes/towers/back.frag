#version 330 core
// Towers, output pass: the sky and the moss streets, with the touches that land on them
// (rings of light on the moss, a screen-space ripple in the sky), drawn beneath the glass
// into the glass pass's target (blend 'under': the glass's partial cover of a silhouette
// pixel lies over them).  It runs only where the glass does not cover the pixel whole (the
// glass pass's coverage, a depth test): llvmpipe runs every branch for a whole block of
// pixels, so an early return here would save nothing.
#include "towers.glsl"
out vec4 frag_colour;

#ifdef MOSS_CREEP
// Sparse fine stars over the liquid city: one in a few hundred cells of a grid on the sky's
// directions (cells ~2 pixels at 540 rows) holds a star at a jittered point, drawn as a soft
// dot a pixel wide at any resolution (its distance in pixels), some faintly violet.
vec3 city_stars(vec3 d) {
    const float CELLS = 220.0;
    vec3 g = d * CELLS;
    vec3 cell = floor(g);
    vec3 r = hash_to_unit(pcg3d(uvec3(ivec3(cell) + 4096)));
    float on = step(0.995, r.x);
    vec3 at = cell + 0.25 + 0.5 * vec3(r.y, r.z, fract(r.y * 7.3));
    float dpx = length(g - at) / (CELLS * g_pix);
    float mag = 0.03 + 0.14 * r.z * r.z * r.z;
    float up = smoothstep(0.02, 0.25, d.y);
    return vec3(0.85, 0.82, 1.0) * on * up * mag * exp(-dpx * dpx * 1.6);
}
#endif

void main() {
    Ray px = setup_pixel(gl_FragCoord.xy);
    vec3 ro = px.ro;
    vec3 rd = px.rd;
    float wl = px.wl;
    float t_ground = px.t_ground;
    // Touch rings on the moss, and sky touches as a screen-space ripple.
    float rings = 0.0;
    vec3 dsky = rd;
    float shine = 0.0;
    vec2 sp = gl_FragCoord.xy / u_resolution;
    int g_end = (rd.y < 0.0) ? int(u_touch_ground.y + 0.5) : 0;
    for (int i = int(u_touch_ground.x + 0.5); i < g_end; ) {    // (exit tested at the end too)
        vec4 tp = u_touch_pos[i];
        vec4 ti = u_touch_info[i];
        float size = u_touch_size[i];
        float tg = min(t_ground * wl, 400.0);
        vec2 xz = ro.xz + rd.xz * tg;
        float r = length(xz - tp.xz);
        float front = u_ripple_speed * 1.6 * ti.z * size;
        float wdt = 0.25 * size + tg * g_pix;
        if (abs(r - front) < 3.0 * wdt) {
            float fade = exp(-3.0 * ti.z / u_ripple_decay)
                       * (1.0 - smoothstep(0.6 * u_ripple_decay, u_ripple_decay, ti.z));
            float x = (r - front) / wdt;
            rings += 2.0 * ti.w * u_ripple_strength * fade * exp(-x * x) * smoothstep(0.0, 0.3, front);
        }
        if (++i >= g_end) {
            break;
        }
    }
    int s_end = int(u_touch_sky.y + 0.5);
    for (int i = int(u_touch_sky.x + 0.5); i < s_end; ) {
        vec4 tp = u_touch_pos[i];
        vec4 ti = u_touch_info[i];
        vec2 dv = (sp - tp.xy) * vec2(u_resolution.x / u_resolution.y, 1.0);
        float r = length(dv) * 12.0;
        float s = ripple_slope(r, ti.z * 1.5, ti.w, 1.0, 12.0 / u_resolution.y);
        dsky += (s * 0.12) * (dv.x * u_cam_right + dv.y * u_cam_up) / max(length(dv), 1e-4);
        shine += s;
        if (++i >= s_end) {
            break;
        }
    }
    float w = smoothstep(-0.0005, 0.0005, -rd.y);
    vec3 sky = g_haze;
    if (w < 1.0) {
        // (the sky seen between the columns kept dimmer than the glass that catches it: the
        // glass is the subject, the sky its deep backdrop, not a glare over the frame's top)
        sky = mix(night_sky(normalize(dsky)) * SKY_BEHIND, g_haze, mist(rd)) * (1.0 + 0.5 * shine);
#ifdef MOSS_CREEP
        // (round 32's readers at 50.5 s: "empty black sky": over the liquid city a sparse
        // night of fine stars -- points, a pixel or so, over the true black; the mist hides
        // them toward the horizon)
        sky += city_stars(normalize(dsky)) * (1.0 - mist(rd));
#endif
    }
    vec3 gr = g_haze;
    if (w > 0.0) {
#ifdef TOWERS_FRACTURE
        // under the fracture's mist the soft read of the moss (as the glass reflects it)
        // is enough, and the falling towers leave much more street to shade
        float down = max(-rd.y, 1e-3);
        float tg = min(ro.y / down, 400.0);
        vec3 soft = moss_emission_soft(ro.xz + rd.xz * tg, tg * g_pix / sqrt(down), g_heart, g_moss);
        gr = mix(soft * (1.0 + 2.0 * rings), g_haze, max(fog_amount(tg), mist(rd)));
#else
        gr = ground(ro, rd, rings);
        // caustics: the light the liquid glass focuses onto the street round its foot
        float down = max(-rd.y, 1e-3);
        float tg = min(ro.y / down, 400.0);
        vec2 xz = ro.xz + rd.xz * tg;
        Column k;
        float near_glass = 0.0;
        if (column(ivec2(floor(xz / CITY_PERIOD)), k)) {
            // (how far outside the column's footprint: no finer, for a soft glow)
            vec2 out_d = max(abs(xz - k.base.xz) - k.r, 0.0);
            near_glass = exp(-dot(out_d, out_d) / 0.9);
        }
        // (round 19's reader at 57.7 s: "the vein network looks like a texture overlay, not
        // light" -- an even cyan web over the whole street: now only a pool close round each
        // foot, breaking up in patches that drift as the skin flows, fainter, and white-violet
        // like the light the glass gathers rather than a cyan paint)
        float patches = smoothstep(0.15, 0.85, 0.5 + 0.5 * sin(1.3 * xz.x + 0.9 * u_time) * sin(1.1 * xz.y - 0.7 * u_time));
        float cau = caustic(xz, 0.8 * u_time, tg * g_pix / sqrt(down)) * near_glass * patches * min(4.0 * u_wobble, 1.0);
#ifdef MOSS_CREEP
        // (round 29's readers of the liquid city: "a tiled caustic texture" -- its thin web
        // at the towers' feet, seen from above in the high shot, a pattern on the paving: a
        // faint gleam)
        cau *= 0.3;
#endif
        gr += (g_haze * 0.6 + vec3(0.05, 0.12, 0.16) * u_tint_lin) * cau * (1.0 - fog_amount(tg));
#endif
    }
    vec3 col = mix(sky, murk_toe(gr), w);
#ifdef TOWERS_FRACTURE
    col = shatter_mist(col, rd, min(t_ground * wl, 400.0), 1.0, true);
#endif
    // (alpha 0: beneath the glass, so the glass's own alpha stays the mark of a tower in the
    // finished picture, which mirror.frag reads; the blend 'under' takes its colour alone)
    frag_colour = vec4(encode(col, gl_FragCoord.xy), 0.0);
}
