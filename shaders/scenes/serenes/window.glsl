// window.glsl -- the woman's room has a story: a tall arched window in the wall onto the
// glass city's night (cold blue sky, faint needle towers with lit glass edges, mist at their
// feet), against her one warm candle; its cold light falls in a long patch on the floor.
//
// Include after serenes.glsl and hash.glsl. Everything is in wall metres (the plane z =
// WALL_Z); ``u_window`` (0..1) fades it in (0: a plain wall, as on the Serenes' stage).
// (round 17: the woman "a mannequin against an empty wall")

const float WIN_X = -2.05;      // the window's centre line (m): left of her candle
const float WIN_SILL = 0.8;    // its sill (m above the floor)
const float WIN_HW = 0.5;      // half its width (m)
const float WIN_SIDE = 1.65;    // the straight sides' height above the sill (m); an arch on top
const float WIN_FRAME = 0.045;  // the frame's and the mullions' half width (m)
// The direction the night's light comes in (down, into the room and to the right, toward
// her: on screen its shaft slants from the window to the floor before her).
const vec3 WIN_LIGHT = vec3(0.55, -0.6, -0.58);

// Signed distance (m) to the arched opening, negative inside.
float window_sd(vec2 w) {
    vec2 p = vec2(abs(w.x - WIN_X), w.y - WIN_SILL);
    float top = WIN_SIDE;
    float rect = max(p.x - WIN_HW, max(-p.y, p.y - top));
    float arch = length(vec2(p.x, p.y - top)) - WIN_HW;
    return min(rect, max(arch, top - p.y));
}

// The frame and its mullions (1 on the wood): a vertical bar, two transoms and the arch's
// rim, and a deeper reveal all round.
float window_frame(vec2 w, float sd, float aa) {
    vec2 p = vec2(w.x - WIN_X, w.y - WIN_SILL);
    float bars = min(abs(p.x), min(abs(p.y - 0.55), abs(p.y - WIN_SIDE)));
    float rim = abs(sd + WIN_FRAME);
    return 1.0 - smoothstep(WIN_FRAME - aa, WIN_FRAME + aa, min(bars, rim));
}

// One row of needle towers across the view (q: window units, x across, y up from the
// horizon); returns (coverage, lit edge). Slender towers tapering to needles, a waist
// two thirds up, so no reader can call them pills.
vec2 window_towers(vec2 q, float cell, float seed, float aa) {
    float cx = q.x / cell;
    float id = floor(cx);
    float fx = (fract(cx) - 0.5) * cell;
    float h = hash12(vec2(id, seed));
    float height = cell * (2.0 + 6.0 * h * h);
    float y = q.y / height;
    float half_w = cell * (0.2 + 0.16 * hash12(vec2(seed, id)))
                 * pow(max(1.0 - y, 0.0), 0.55) * (1.0 - 0.25 * exp(-pow((y - 0.62) * 7.0, 2.0)));
    float present = step(0.12, hash12(vec2(id * 1.7, seed + 3.1)));
    float d = abs(fx) - half_w;
    float cover = present * step(0.0, q.y) * (1.0 - smoothstep(-aa, aa, d)) * step(y, 1.0);
    // the glass edge that faces the city's glow, and faint floors lit inside
    float edge = cover * smoothstep(-1.5 * aa, 0.0, d) * step(0.0, fx);
    // (round 28, 124.4 s: hard lit blocks cut at the tower's axis read "blocky, stair-stepped"):
    // a lit floor is a soft thin band across the tower, fading to its axis and its edges
    float storey = q.y / (cell * 0.12);
    float fy = fract(storey);
    float across = smoothstep(0.15, 0.5, abs(fx) / max(half_w, 1e-4)) * smoothstep(1.0, 0.75, abs(fx) / max(half_w, 1e-4));
    float floors = cover * step(0.86, hash12(vec2(id * 13.0, floor(storey))))
                 * 0.08 * (1.0 - y) * across * smoothstep(0.0, 0.3, fy) * smoothstep(0.75, 0.45, fy);
    return vec2(cover, edge + floors);
}

// The night through the glass at wall point w (linear colour, before exposure).
vec3 window_view(vec2 w, float aa) {
    vec2 q = vec2(w.x - WIN_X, w.y - WIN_SILL - 0.25) / (2.0 * WIN_HW);
    // the sky: a cold glow low over the city fading up into deep blue-black, a few stars
    vec3 sky = vec3(0.0015, 0.003, 0.014) + vec3(0.022, 0.055, 0.12) * exp(-max(q.y, 0.0) * 2.2);
    vec2 sc = floor(q * 26.0);
    float star = step(0.93, hash12(sc)) * smoothstep(0.5, 1.5, q.y);
    vec2 sf = fract(q * 26.0) - 0.5 - 0.3 * (hash22(sc) - 0.5);
    sky += star * vec3(0.6, 0.75, 1.0) * 0.35 * exp(-dot(sf, sf) * 60.0);
    vec3 col = sky;
    // the far towers, pale in haze; then the near ones, darker, their edges lit cold-cyan
    float qa = aa / (2.0 * WIN_HW);
    vec2 far = window_towers(q + vec2(0.13, 0.0), 0.11, 7.0, qa);
    col = mix(col, vec3(0.008, 0.02, 0.045) + far.y * vec3(0.03, 0.09, 0.13), far.x);
    vec2 near = window_towers(q - vec2(0.05, 0.1), 0.23, 2.0, qa);
    col = mix(col, vec3(0.001, 0.002, 0.006) + near.y * vec3(0.06, 0.22, 0.30), near.x);
    // the lower city: a dark mass at their feet, pricked with a few cold lights
    float ground = 1.0 - smoothstep(0.05 - qa, 0.05 + qa, q.y);
    vec2 lc = floor(q * vec2(40.0, 60.0));
    vec2 lf = fract(q * vec2(40.0, 60.0)) - 0.5;
    float lights = step(0.9, hash12(lc + 17.0)) * 0.08 * exp(-dot(lf, lf) * 30.0);
    col = mix(col, vec3(0.002, 0.004, 0.01) + lights * vec3(0.4, 0.8, 1.0), ground);
    // mist lying at their feet, glowing faintly emerald-cyan
    col += vec3(0.006, 0.022, 0.028) * exp(-abs(q.y - 0.07) * 9.0);
    return col;
}

#ifndef WINDOW_VIEW_ONLY
// (WINDOW_VIEW_ONLY: the woman's modelled room, row_shot.glsl, takes the opening and the
// view only; it places them on its own wall and throws the light on its own floor)

// The night's light on the floor point P: the window's shape thrown along WIN_LIGHT.
float window_floor_light(vec3 P) {
    float t = (WALL_Z - P.z) / -WIN_LIGHT.z;          // back along the light to the wall
    vec3 at = P - WIN_LIGHT * t;
    float sd = window_sd(at.xy);
    // soft: the night sky is a wide light; fading with the distance from the wall
    return (1.0 - smoothstep(-0.08, 0.12, sd)) * exp(-t * 0.25);
}

// The night's light in the room's dusty air: a cold shaft falling from the window toward the
// floor (light through air), for the camera ray through screen point s -- WINDOW_SHAFT
// samples between the wall and the camera's side of the floor patch, each traced back along
// WIN_LIGHT to the window, each soft-edged so that a few overlap smoothly (each sample in the
// middle of its step: a per-pixel jitter left grain).
const int WINDOW_SHAFT = 4;
float window_shaft(vec2 s) {
    float sum = 0.0;
    for (int j = 0; j < WINDOW_SHAFT; ++j) {
        float z = WALL_Z - (float(j) + 0.5) / float(WINDOW_SHAFT) * 2.6;
        vec2 Q = screen_to_plane(s, z);
        float t = (WALL_Z - z) / -WIN_LIGHT.z;
        vec2 at = Q - WIN_LIGHT.xy * t;
        float inside = 1.0 - smoothstep(-0.22, 0.22, window_sd(at));
        // dust thins near the floor and the shaft fades as it spreads from the opening
        sum += inside * step(0.0, Q.y) * exp(-t * 0.35);
    }
    return sum / float(WINDOW_SHAFT);
}
#endif
