// The waking's room: "You wake gasping, your cheeks wet" -- the eyes open onto a real room at
// first light, seen from the pillow.  A dark bedroom wall (true blacks); in it a six-pane
// window, its sash bars black against the dawn, their edges catching the sun; through the
// panes the morning (morning(): the sun just up out of the sea); a sheer curtain hung to the
// left of it, lit through, its folds glowing gold where the fabric is single and darker where
// it doubles; the deep sill catching the light; a shaft of light with dust in it; and across
// the foot of the frame, close and out of focus, the pillow and the bedclothes with the
// window's light laid over them, the cross of the bars in its shadow.  Everything is analytic
// (no texture reads): the defocus of the tears is each edge's width, and the doubled sight of
// the tear film a second, cheaper look at the same room.
// (Round 29's readers at 191.5 s: "a gradient with a few curve strokes, a placeholder", "no
// human", "waking up gasping in a real room never seen".)
// Included by waking.frag after morning() and sky_gradient().

// The window in view coordinates: its centre and half size.
const vec2 WIN_C = vec2(0.2, 0.1);
const vec2 WIN_H = vec2(0.34, 0.29);

// Signed distance to an axis-aligned box of half size h about the origin.
float box_sd(vec2 p, vec2 h) {
    vec2 d = abs(p) - h;
    return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

// 1 on the window's sash bars (two upright, one across, and the frame round the panes), soft
// by `ew`; `w` is the position in the window's own coordinates (-1 .. 1 across the glass).
float sash(vec2 w, float ew) {
    float bw = 0.026;                                         // a bar's half width (in window units)
    float dx = min(abs(w.x - 0.34), abs(w.x + 0.34)) * WIN_H.x;
    float dy = abs(w.y - 0.2) * WIN_H.y;
    float d = min(dx, dy) - bw * 0.5 * WIN_H.y;
    return smoothstep(ew, -ew, d);
}

// The room seen from the pillow at view point `v`.  `defocus` (0 sharp .. 1 swimming in
// tears) widens every edge; `full` false skips the morning's clouds and sea (a gradient and
// the sun stand in: the faint doubled image needs no more).  `res` is the frame's height in
// pixels, `t` the time, `beat` the heart (the light pounds with it).
vec3 bedroom(vec2 v, float res, float t, float beat, float defocus, bool full) {
    float px = 1.0 / res;
    float ew = px + 0.028 * defocus;                          // an edge's half width
    vec2 w = (v - WIN_C) / WIN_H;
    float dwin = box_sd(v - WIN_C, WIN_H);
    float glass = smoothstep(ew, -ew, dwin);
    // the morning through the glass: the window's height holds the sky above the sea
    // (one scale both ways: the sun a round disc, not an oval; it stands in the middle pane,
    // right of centre, clear of the bars)
    const float MS = 0.36 / WIN_H.y;
    const vec2 MO = vec2(0.155, 0.03);
    vec2 pm = (v - WIN_C) * MS + MO;
    vec2 sun;
    vec3 outside;
    vec2 sun_v;
    if (full) {
        outside = morning(pm, res * WIN_H.y / 0.36, t, 1.0 - defocus, beat, sun);
        // (the upper panes the clear blue of the morning's zenith over the gold: the room's
        // one cool colour, so the warm light has something to stand against)
        outside = outside * 0.8 + vec3(0.012, 0.035, 0.11) * smoothstep(-0.1, 0.9, w.y);
    } else {
        sun = vec2(0.2, HORIZON + 0.08);
        float ds = length(pm - sun);
        // (its horizon as soft as the focus: a hard step read as a crisp line in the blur)
        float hz = smoothstep(-0.01 - 0.06 * defocus, 0.01 + 0.06 * defocus, pm.y - HORIZON);
        outside = mix(vec3(0.2, 0.1, 0.05), sky_gradient(max(pm.y - HORIZON, 0.0)), hz) + vec3(6.0, 4.0, 2.5) * exp(-ds * 60.0);
        outside *= 0.8;
    }
    sun_v = WIN_C + (sun - MO) / MS;
    float bars = sash(w, ew);
    // the bars black against the dawn; their edges turned to the sun catch it (a thin glint)
    float near_sun = exp(-length(v - sun_v) * 3.5);
    // (only in focus: blurred, the glint would spread into a pale bar)
    float edge_lit = bars * (1.0 - bars) * 4.0 * (1.0 - defocus) * (1.0 - defocus);
    vec3 col = outside * (1.0 - bars) + vec3(1.6, 0.9, 0.45) * 0.5 * edge_lit * near_sun;

    // the wall: warm dark, a bounce of the dawn round the window falling off to true black;
    // the window's reveal (the wall's depth) lit down its inner sides and along the sill
    float frame = smoothstep(-ew, ew, dwin) * smoothstep(0.045 + ew, 0.045 - ew, dwin);
    vec3 wall = vec3(0.004, 0.003, 0.006) + vec3(0.30, 0.15, 0.09) * exp(-max(dwin, 0.0) * 9.0) * 0.09;
    wall += vec3(0.5, 0.25, 0.12) * 0.3 * exp(-max(dwin, 0.0) * 40.0) * step(0.0, dwin);
    float sill = smoothstep(ew, -ew, abs(v.y - (WIN_C.y - WIN_H.y - 0.03)) - 0.03) * smoothstep(WIN_H.x + 0.09 + ew, WIN_H.x + 0.09 - ew, abs(v.x - WIN_C.x));
    float sill_top = smoothstep(-ew, ew, v.y - (WIN_C.y - WIN_H.y - 0.015));
    vec3 sill_col = mix(vec3(0.03, 0.02, 0.02) * smoothstep(-0.07, 0.0, v.y - (WIN_C.y - WIN_H.y)), vec3(1.3, 0.75, 0.4) * (0.4 + 0.6 * exp(-abs(v.x - sun_v.x) * 4.0)), sill_top);
    // (the casing round the glass: painted wood, lit most along the edge nearest the glass
    // and on the side facing the sun, falling off into the wall's shadow -- not a flat band)
    float wrap = exp(-max(dwin, 0.0) * 70.0) * (0.6 + 0.4 * exp(-abs(v.x - sun_v.x) * 2.0));
    wall = mix(wall, vec3(0.03, 0.016, 0.014) + vec3(0.6, 0.33, 0.18) * 0.35 * wrap, frame);
    col = mix(wall, col, glass);
    col = mix(col, sill_col, sill * (1.0 - glass));

    // the curtain: a sheer hung from above the window to its left, gathered in folds; lit
    // through where it hangs over the glass (gold where single, deep amber where it doubles
    // over in a fold), a dim warm shade over the wall; its free edge sways a little
    float sway = 0.012 * sin(0.9 * t + 3.0 * v.y);
    float cx1 = -0.33, cx0 = 0.02 + 0.05 * (v.y - WIN_C.y) + sway;
    float fabric = smoothstep(cx1 - ew, cx1 + ew, v.x) * smoothstep(cx0 + ew, cx0 - ew, v.x)
                 * smoothstep(-0.27 - ew - 0.01, -0.27 + ew, v.y + 0.02 * sin(v.x * 40.0));
    float ph = v.x * 70.0 + 2.2 * sin(v.y * 4.0 + 0.7 + 8.0 * v.x) + 0.9 * sin(v.x * 17.0);
    float fold = 0.5 + 0.5 * sin(ph);
    fold = mix(fold, 0.5, smoothstep(0.0, 0.6, defocus));     // (unresolved folds blur to their mean)
    float thick = 0.5 + 3.2 * fold * fold * fold;
    vec3 behind = col;                                        // what the sheer is lit by
    vec3 lit_through = behind * exp(-thick * vec3(0.4, 0.62, 0.95)) * 1.2
                     + vec3(1.2, 0.62, 0.26) * (0.35 + 0.9 * exp(-length(v - sun_v) * 3.0)) * glass * exp(-thick * 0.9);
    vec3 shade = vec3(0.04, 0.02, 0.014) * (0.3 + 0.7 * (1.0 - fold)) * exp(-max(dwin, 0.0) * 6.0);
    col = mix(col, max(lit_through, shade), fabric);

    // the shaft of light: the window's glow hanging in the room's dusty air, falling toward
    // the bed below it, and a few motes of dust drifting in it, lit
    float shaft = exp(-max(box_sd(v - WIN_C - vec2(-0.05, -0.2), WIN_H * vec2(1.0, 1.4)), 0.0) * 5.0);
    col += vec3(0.55, 0.3, 0.15) * 0.03 * shaft * (1.0 - glass);
    vec2 mg = v * 9.0 + vec2(0.05 * t, 0.12 * t);
    vec2 mi = floor(mg);
    vec2 mc = mi + 0.35 + 0.3 * hash22(mi);
    float mote = smoothstep(0.06 + 0.22 * defocus, 0.0, length(mg - mc)) * (1.0 - defocus) * (1.0 - defocus) * step(0.75, hash11(dot(mi, vec2(7.1, 3.3))));
    col += vec3(1.2, 0.8, 0.45) * 0.35 * mote * shaft * (1.0 - 0.6 * glass);

    // the bed, close under the eye and soft: the bedclothes' edge a low swell across the frame
    float bed_y = -0.3 + 0.035 * sin(v.x * 2.3 + 0.4) + 0.015 * sin(v.x * 5.9 + 1.3);
    float bew = ew + 0.012;
    float bed = smoothstep(bed_y + bew, bed_y - bew, v.y);
    // the window's light laid on the covers: a slanted patch, the cross of the bars in it
    vec2 s = vec2((v.x - 0.12 + 1.1 * (v.y + 0.3)) / 0.36, (v.y + 0.37) / 0.055);
    float patch = smoothstep(1.0 + 0.1 + 0.5 * defocus, 1.0 - 0.1, abs(s.x)) * smoothstep(1.0 + 0.2 + defocus, 1.0 - 0.2, abs(s.y));
    float pbar = smoothstep(0.05 + 0.25 * defocus, 0.0, min(abs(s.x - 0.34), abs(s.x + 0.34))) * 0.75;
    patch *= 1.0 - pbar;
    float cloth = 0.5 + 0.5 * sin(v.x * 7.0 + 2.0 * sin(v.y * 11.0 + v.x * 3.0));
    vec3 covers = vec3(0.010, 0.008, 0.013) * (0.5 + 1.0 * cloth)
                + vec3(1.2, 0.62, 0.3) * 0.42 * patch * (0.35 + 0.65 * cloth);
    // the top of the swell rimmed by the window's light
    covers += vec3(1.0, 0.6, 0.32) * 0.18 * exp(-max(bed_y - v.y, 0.0) * 60.0) * exp(-abs(v.x - sun_v.x) * 2.0);
    col = mix(col, covers, bed);
    // the pillow at the lower left, too close to focus on: a dark soft form, its crest rimmed
    vec2 pl = (v - vec2(-0.78, -0.62)) / vec2(0.55, 0.36);
    float pr = length(pl);
    float pw = 0.08 + 0.25 * (1.0 - defocus * 0.5);
    float pillow = smoothstep(1.0 + pw, 1.0 - pw, pr);
    vec3 pcol = vec3(0.02, 0.016, 0.02) + vec3(1.1, 0.7, 0.45) * 0.25 * smoothstep(0.6, 1.0, pr) * smoothstep(-0.2, 0.8, pl.x + pl.y);
    col = mix(col, pcol, pillow);

    // the heart pounds in the light
    return col * (0.85 + 0.25 * beat);
}

// The tears over the open eye: `k` drops of water on the eye's surface, each a small lens
// that shows the room inverted and magnified through it.  Returns the bent view point and,
// in `rim`, the drops' dark meniscus, and in `glint` their highlights.
// As the tears drain (`amount` falling) the drops shrink and slide down out of the eye.
vec2 tear_lenses(vec2 v, float amount, out float rim, out float glint) {
    rim = 0.0;
    glint = 0.0;
    vec2 bent = v;
    for (int k = 0; k < 3; k++) {
        float fk = float(k);
        float r = max((0.075 + 0.03 * fk) * amount, 0.004);
        vec2 c = vec2(-0.55 + 0.62 * fk - 0.1 * fk * fk, 0.25 - 0.28 * fk + 0.05 * fk * fk - (0.25 + 0.1 * fk) * (1.0 - amount));
        vec2 d = (v - c) / vec2(r, 1.15 * r);
        float rr = length(d);
        float inb = smoothstep(1.02, 0.96, rr) * smoothstep(0.12, 0.3, amount);   // (gone before they shrink to specks)
        // (a drop is a strong wide-angle lens: it holds the whole window, small and upside
        // down, squeezed toward its rim)
        bent = mix(bent, vec2(0.18, 0.02) - (v - c) / r * 0.42 * (1.0 + 0.35 * rr * rr), inb);
        rim = max(rim, inb * smoothstep(0.7, 1.0, rr));
        glint += inb * exp(-dot(d - vec2(-0.35, 0.45), d - vec2(-0.35, 0.45)) * 60.0);
    }
    return bent;
}
