#version 330 core
// Towers, pass "glass": the grid walk and the glass for every pixel that shows a tower;
// pixels that show none are discarded (the target is cleared to transparent each frame).
// Output: display-encoded colour, alpha = how much of the pixel the glass covers, and the
// coverage the back pass skips (depth 0 where the glass covers the pixel whole).
#include "towers.glsl"
#include "sculpt.glsl"
out vec4 frag_colour;

const int SPIRE_STEPS = 9;

// The walk's state: the cell it is in and the next crossings, and what it has met.
struct Walk {
    ivec2 cell;
    vec2 t_next;
    float t_enter;
    int hits;          // 0 none yet, 1 a partly covering tower, 2 another behind it,
    float cov0;        // 3 a tower covering the whole pixel
    vec2 hit0;         // entry t of the first and second hits, as fractions
    vec2 hit1;
    ivec2 cell0;
    Column k0;
    bool spire0;       // the first hit is the spire of k0's column, not the column itself
};

// The spire of a column (column_needle) along the ray o + t w (o relative to the foot),
// without building it: the same quadric (sp 0: x^2 + z^2 = rn^2 (1 - (y/hn)^2)), scaled by
// rn^2 hn^2, so the walk pays a few multiplications a cell for it and no copies.
bool spire_walk_hit(vec3 o, vec3 w, Column body, float t_limit, out vec2 hit) {
    float rn, hn, cut;
    bool carries = needle_dims(body, rn, hn, cut);
    float R = rn * rn;
    float H = hn * hn;
    vec3 q = vec3(H * dot(w.xz, w.xz) + R * w.y * w.y,
                  2.0 * (H * dot(o.xz, w.xz) + R * o.y * w.y),
                  H * dot(o.xz, o.xz) + R * (o.y * o.y - H));
    float disc = q.y * q.y - 4.0 * q.x * q.z;
    float sq = sqrt(max(disc, 0.0));
    hit = vec2(-q.y - sq, 2.0 * q.x);
    bool any = disc > 0.0 && sq > q.y && hit.x < hit.y * t_limit;
#ifdef TOWERS_FRACTURE
    float vy = (abs(w.y) > 1e-7) ? w.y : 1e-7;
    float t_hi = (cut - o.y) / vy;
    float tn = hit.x / hit.y;
    float tf = (sq - q.y) / hit.y;
    tn = (vy < 0.0) ? max(tn, t_hi) : tn;
    tf = (vy > 0.0) ? min(tf, t_hi) : tf;
    hit = vec2(tn, 1.0);
    any = disc > 0.0 && tf > max(tn, 0.0) && tn < t_limit;
#endif
    return any && carries;
}

// One cell of the walk: its column (and, with `spires`, the needle rising out of it: the
// nearer of the two), then on to the next cell.  True when the walk is done (a second hit,
// or one tower covering the whole pixel).
bool walk_step(inout Walk s, bool spires, vec3 ro, vec3 w, vec3 dwx, vec3 dwy, float t_limit,
               ivec2 stp, vec2 t_delta) {
    Column k;
    vec2 hit;
    bool body = column(s.cell, k);
    bool any = body && column_walk_hit(ro - k.base, w, k, t_limit, hit);
    bool take_n = false;
    if (spires) {
        vec2 hitn;
        bool spire = body && spire_walk_hit(ro - k.base, w, k, t_limit, hitn);
        // (the nearer of body and spire: fractions compared without dividing)
        take_n = spire && (!any || hitn.x * hit.y < hit.x * hitn.y);
        hit = take_n ? hitn : hit;
        any = any || spire;
    }
    if (any) {
        if (s.hits == 0) {
            s.hit0 = hit;
            s.k0 = k;
            s.spire0 = take_n;
            s.cell0 = s.cell;
            // (a spire is thin: taken as covering part of the pixel, so the walk looks on for
            // what is behind it; its own coverage is worked out once, after the walk)
            s.cov0 = take_n ? 0.0 : column_coverage(ro - k.base, w, dwx, dwy, k);
            s.hits = s.cov0 > 0.999 ? 3 : 1;
        } else {
            s.hit1 = hit;
            s.hits = 2;
        }
        if (s.hits >= 2) {
            return true;
        }
    }
    bool xs = s.t_next.x < s.t_next.y;
    s.t_enter = xs ? s.t_next.x : s.t_next.y;
    s.t_next += xs ? vec2(t_delta.x, 0.0) : vec2(0.0, t_delta.y);
    s.cell += xs ? ivec2(stp.x, 0) : ivec2(0, stp.y);
    return false;
}

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
    int max_steps = int(mix(12.0, 42.0, u_quality));
    // (Both exits are tested again at the end of the body: llvmpipe runs a loop's body once
    // more, masked, when its last pixels leave at the top; see shaders/README.md.)
    // Two loops, one body (walk_step): the spires are looked for only in the first
    // SPIRE_STEPS cells (beyond, thinner than a pixel or two and deep in the haze), so the far
    // walk pays nothing for them.
    Walk s = Walk(cell, t_next, t_enter, hits, cov0, hit0, hit1, cell0, k0, false);
    int i = 0;
    bool done = false;
    for (; i < SPIRE_STEPS; ) {
        if (s.t_enter > t_limit) {
            done = true;
            break;
        }
        if (walk_step(s, true, ro, w, dwx, dwy, t_limit, stp, t_delta)) {
            done = true;
            break;
        }
        if (++i >= max_steps || s.t_enter > t_limit) {
            done = true;
            break;
        }
        if (i >= SPIRE_STEPS) {
            break;
        }
    }
    for (; i < max_steps && !done; ) {
        if (s.t_enter > t_limit) {
            break;
        }
        if (walk_step(s, false, ro, w, dwx, dwy, t_limit, stp, t_delta)) {
            break;
        }
        if (++i >= max_steps || s.t_enter > t_limit) {
            break;
        }
    }
    hits = s.hits;
    cov0 = s.cov0;
    hit0 = s.hit0;
    hit1 = s.hit1;
    cell0 = s.cell0;
    k0 = s.k0;
    if (s.spire0) {
        // the first hit was the spire: the column it rises from becomes the spire itself
        Column kn;
        column_needle(k0, kn);
        k0 = kn;
        cov0 = column_coverage(ro - k0.base, w, dwx, dwy, k0);
    }
    if (hits == 0) {
        discard;
    }
    t0 = hit0.x / hit0.y * wl;
    t1 = hit1.x / hit1.y * wl;
    column_finish(k0);
    // The near columns are carved (sculpt.glsl): from the quadric's entry, a short trace
    // finds the body inside it, or passes it by (through its waist, down a groove), and the
    // pixel shows what stands behind: the sky and the street the back pass draws, or the
    // stand-in for a second tower the walk met (the walk does not look on past a column
    // covering the pixel whole: that cost the glass pass a tenth, for a tinted sky either way).
    float body_cover = 1.0;
    if (!s.spire0 && u_sculpt > 0.0) {
        Body bd = Body(k0.r, k0.h, k0.al, k0.be, k0.cut);
        Carving cv = carving(bd, t0, u_sculpt, u_time);
#ifdef TOWERS_LIQUID_LOOK
        carving_sheer(cv, LIQUID, t0, u_sculpt);
#endif
        float tn, tf, tq;
        vec3 o = ro - k0.base;
        carving_enter(cv, o.y + rd.y * t0);
        column_span(o, rd, k0, tn, tf, tq);
        float d_body;
        t0 = sculpt_march(o, rd, bd, cv, t0, tf, g_pix, body_cover, d_body);
        g_body = cv.amp;
        vec3 lb = o + rd * t0;
        g_body_n = sculpt_normal(lb, d_body, bd, cv, max(0.5 * t0 * g_pix, 0.004));
#ifndef SCULPT_SHEER_ONLY
        vec2 zb = lb.xz / k0.r;
        g_groove = sculpt_groove(zb / max(length(zb), 1e-4), lb.y, cv);
        // (a pixel, in the groove measure: |d groove / d arc| = n / 2r)
        g_groove_px = cv.lobes * t0 * g_pix / (2.0 * max(length(lb.xz), 0.05));
#endif
    }
#ifdef TOWERS_FRACTURE
    // The fracture: above its break plane a falling tower is already shards.
    float start0 = tower_break_start(texelFetch(u_layout, cell0 & (GRID - 1), 0), cell0);
    vec3 lp0 = ro + rd * t0 - k0.base;
    float fallen0 = tower_fallen(start0);
    // (the walk ends the column at its break plane: nothing cut out after it, round 33)
    float below_jag = max(k0.cut - lp0.y - break_jag(lp0, k0), 0.0);
    // (round 17's reader: "sawtooth artefacts" and "flat white crack outlines" -- the glass
    // ended at its jagged line in a hard, white-rimmed saw: now it thins into the mist over
    // the last stretch below the break, so the tower breaks up into vapour, not a cut-out)
    float into_mist = (fallen0 > 0.0 && fallen0 < 1.0) ? 1.0 - smoothstep(0.0, 1.4, below_jag) : 0.0;
    // (round 33: "a grey-dark square" at 180 s by the light's foot -- a far tower's last
    // stump, its flat cut the top of a box, its foot lost in the vapour bank: the stump left
    // after most of the fall dissolves whole into the mist, no straight-edged block standing)
    // (round 33: that whole fade let the sky through the towers behind the stump, in
    // tower-shaped holes: the stump sinks below its cut now, towers.glsl column())
#endif
    bool second = hits == 2;
    cov0 = (hits == 3) ? 1.0 : cov0;
    cov0 = min(cov0, body_cover);

    // The glass.  Where it only partly covers the pixel and another tower is behind, that
    // one shows in the rest of the pixel: a cheap stand-in (its tinted view of the sky)
    // rather than a second full shading, which would run twice on every silhouette.
    vec3 col = shade_glass(ro, rd, t0, k0, cell0);
    col = mix(col, g_haze, fog_amount(t0));
    vec3 behind = mix(env(rd) * u_tint_lin * 0.8, g_haze, fog_amount(t1));
    col = second ? mix(behind, col, cov0) : col;
    // (round 30's readers at 50.0 and 60.4 s: "stray hairline arcs float near the towers / in
    // the sky": where the ray grazed a carved tower's quadric and missed its body, a tower
    // behind put the stand-in's tinted sky opaque along the quadric's outline.  Where the body
    // is missed the pixel stays as clear as the body leaves it, and the sky shows through.)
    float alpha = second ? body_cover : cov0;
#ifdef TOWERS_FRACTURE
    col = shatter_mist(col, rd, t0, 0.3, false);
    // (round 33's readers at 178.5 s: "ragged cut-out holes", "broken geometry, not mist":
    // the band below the break, washed to the haze's grey or cleared, covered the towers
    // behind the stump -- the walk stops at it -- in grey blocks with their tips standing
    // over them: now the glass keeps its body to the crack, only its colour going to mist)
    col = mix(col, shatter_mist_colour(rd) * 0.5, into_mist * 0.3);
#endif
    frag_colour = vec4(encode(murk_toe(col), gl_FragCoord.xy), alpha);
    // Covered whole: the sky and streets need not be drawn beneath.
    gl_FragDepth = (alpha > 0.999) ? 0.0 : 1.0;
}
