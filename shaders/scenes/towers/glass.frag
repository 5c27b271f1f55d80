#version 330 core
// Towers, pass "glass": the grid walk and the glass for every pixel that shows a tower;
// pixels that show none are discarded (the target is cleared to transparent each frame).
// Output: display-encoded colour, alpha = how much of the pixel the glass covers, and the
// coverage the back pass skips (depth 0 where the glass covers the pixel whole).
#include "towers.glsl"
out vec4 frag_colour;

void main() {
    Ray px = setup_pixel(gl_FragCoord.xy);
    vec3 ro = px.ro;
    vec3 w = px.w;
    vec3 rd = px.rd;
    float wl = px.wl;
    vec3 dwx = px.dwx;
    vec3 dwy = px.dwy;
    float t_ground = px.t_ground;

    // How far the walk may go (in units of |w|): the ground, the roofs, the fog.
    float t_roof = (rd.y > 1e-5) ? (H_MAX - ro.y) / w.y : 1e9;
    float t_limit = min(min(t_ground, t_roof), far_distance() / wl);
    // Walk the grid: the first tower hit and, when its pixel coverage is partial, whether
    // another tower lies behind it (and how far).
    vec3 ws = sdf_safe_dir(w);
    vec3 inv = 1.0 / ws;
    ivec2 cell = ivec2(floor(ro.xz / CITY_PERIOD));
    ivec2 stp = ivec2(sign(ws.xz));
    vec2 t_next = ((vec2(cell) + step(0.0, ws.xz)) * CITY_PERIOD - ro.xz) * inv.xz;
    vec2 t_delta = abs(CITY_PERIOD * inv.xz);
    float t_enter = 0.0;
    int hits = 0;          // 0 none yet, 1 a partly covering tower, 2 another behind it,
    float cov0 = 0.0;      // 3 a tower covering the whole pixel
    float t0 = 0.0;
    float t1 = 0.0;
    Column k0 = Column(vec3(0.0), vec2(1.0), 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, vec3(1.0));
    vec2 hit0 = vec2(0.0, 1.0);     // entry t of the first and second hits, as fractions
    vec2 hit1 = vec2(0.0, 1.0);
    ivec2 cell0 = ivec2(0);
    int max_steps = int(mix(10.0, 32.0, u_quality));
    // (Both exits are tested again at the end of the body: llvmpipe runs a loop's body once
    // more, masked, when its last pixels leave at the top; see shaders/README.md.)
    for (int i = 0; i < max_steps; ) {
        if (t_enter > t_limit) {
            break;
        }
        Column k;
        Column kn;
        vec2 hit;
        vec2 hitn;
        bool body = column(cell, k);
        bool spire = body && column_needle(k, kn) && column_walk_hit(ro - kn.base, w, kn, t_limit, hitn);
        body = body && column_walk_hit(ro - k.base, w, k, t_limit, hit);
        // (the nearer of body and spire: fractions compared without dividing)
        bool take_n = spire && (!body || hitn.x * hit.y < hit.x * hitn.y);
        k = take_n ? kn : k;
        hit = take_n ? hitn : hit;
        if (body || spire) {
            if (hits == 0) {
                hit0 = hit;
                k0 = k;
                cell0 = cell;
                cov0 = column_coverage(ro - k.base, w, dwx, dwy, k);
                hits = (cov0 > 0.999) ? 3 : 1;
            } else {
                hit1 = hit;
                hits = 2;
            }
            if (hits >= 2) {
                break;
            }
        }
        bool xs = t_next.x < t_next.y;
        t_enter = xs ? t_next.x : t_next.y;
        t_next += xs ? vec2(t_delta.x, 0.0) : vec2(0.0, t_delta.y);
        cell += xs ? ivec2(stp.x, 0) : ivec2(0, stp.y);
        if (++i >= max_steps || t_enter > t_limit) {
            break;
        }
    }
    if (hits == 0) {
        discard;
    }
    t0 = hit0.x / hit0.y * wl;
    t1 = hit1.x / hit1.y * wl;
    column_finish(k0);
#ifdef TOWERS_FRACTURE
    // The fracture: above its jagged break line a falling tower is already shards.
    float start0 = tower_break_start(texelFetch(u_layout, cell0 & (GRID - 1), 0), cell0);
    vec3 lp0 = ro + rd * t0 - k0.base;
    if (k0.cut - lp0.y < break_jag(lp0, tower_fallen(start0))) {
        discard;
    }
#endif
    bool second = hits == 2;
    cov0 = (hits == 3) ? 1.0 : cov0;

    // The glass.  Where it only partly covers the pixel and another tower is behind, that
    // one shows in the rest of the pixel: a cheap stand-in (its tinted view of the sky)
    // rather than a second full shading, which would run twice on every silhouette.
    vec3 col = shade_glass(ro, rd, t0, k0, cell0);
    col = mix(col, g_haze, fog_amount(t0));
    vec3 behind = mix(env(rd) * u_tint_lin * 0.8, g_haze, fog_amount(t1));
    col = second ? mix(behind, col, cov0) : col;
    float alpha = second ? 1.0 : cov0;
#ifdef TOWERS_FRACTURE
    col = shatter_mist(col, rd, t0, 0.3);
#endif
    frag_colour = vec4(encode(murk_toe(col), gl_FragCoord.xy), alpha);
    // Covered whole: the sky and streets need not be drawn beneath.
    gl_FragDepth = (alpha > 0.999) ? 0.0 : 1.0;
}
