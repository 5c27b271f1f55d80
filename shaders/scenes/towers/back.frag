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

#ifdef BEHIND_CITY
// Round 34 (the readers, every round: "make the towers real liquid glass: refraction of what
// is behind them, other towers bent and magnified through the body"): the quarter-size
// picture the liquid glass refracts (the `behind` pass, behind_city.frag) holds the towers
// behind the first one each ray meets -- the city with its nearest layer peeled away, since
// a ray through a tower's face goes on to what stands behind it.  The second tower along the
// ray is drawn as a cheap stand-in of glass (its quadric: the night tinted through its body,
// darker with depth, its rounded edges lit by the haze and the sun behind), fogged as the
// glass is; the first is passed through.  Returns the stand-in (rgb) and its cover (a).
vec4 tower_behind(Ray px) {
    vec3 ro = px.ro;
    vec3 w = px.w;
    float t_roof = (px.rd.y > 1e-5) ? (H_MAX - ro.y) / w.y : 1e9;
    float t_limit = min(min(px.t_ground, t_roof), far_distance() / px.wl);
    vec3 ws = sdf_safe_dir(w);
    vec3 inv = 1.0 / ws;
    ivec2 cell = ivec2(floor(ro.xz / CITY_PERIOD));
    ivec2 stp = ivec2(sign(ws.xz));
    vec2 t_next = ((vec2(cell) + step(0.0, ws.xz)) * CITY_PERIOD - ro.xz) * inv.xz;
    vec2 t_delta = abs(CITY_PERIOD * inv.xz);
    float t_enter = 0.0;
    int hits = 0;
    vec4 found = vec4(0.0);
    for (int i = 0; i < 28; ++i) {
        if (t_enter > t_limit) {
            break;
        }
        Column k;
        vec2 hit;
        if (column(cell, k) && column_walk_hit(ro - k.base, w, k, t_limit, hit)) {
            ++hits;
            if (hits == 2) {
                column_finish(k);
                float t = hit.x / hit.y * px.wl;
                vec3 lp = ro + px.rd * t - k.base;
                vec3 n = column_normal(lp, k);
                float m = 1.0 - abs(dot(n, px.rd));
                float m2 = m * m;
                // the night through its body, deeper toward its middle; a sheen round its
                // edges (the haze, the violet of the sun where it stands near it in the view)
                float sunward = pow(max(dot(px.rd, SUN_DIR), 0.0), 12.0);
                vec3 body = night_sky(px.rd) * u_tint_lin * 0.3 + g_haze * (0.12 + 0.3 * m2);
                vec3 edge = (g_haze * 3.0 + vec3(0.7, 0.55, 1.0) * 2.0 * sunward + vec3(0.08, 0.1, 0.14))
                          * m2 * m;
                vec3 c = body + edge + g_moss.colour_a * g_moss.glow * 0.05 * exp(-lp.y / 2.0);
                found = vec4(mix(c, g_haze, fog_amount(t)), 1.0);
                break;
            }
        }
        bool xs = t_next.x < t_next.y;
        t_enter = xs ? t_next.x : t_next.y;
        t_next += xs ? vec2(t_delta.x, 0.0) : vec2(0.0, t_delta.y);
        cell += xs ? ivec2(stp.x, 0) : ivec2(0, stp.y);
    }
    return found;
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
#ifdef BEHIND_CITY
    vec4 tb = tower_behind(px);
    col = mix(col, tb.rgb, tb.a);
#endif
    frag_colour = vec4(encode(col, gl_FragCoord.xy), 0.0);
}
