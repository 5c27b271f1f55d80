// window_memory.glsl -- include-only: the memory of a child at a night window (one hand
// raised to the pane, a candle on the sill, the emerald moon over still water outside), a
// silhouette against light, warm inside and cold outside, black round it, so it stays legible
// bent by ripples.  Baked by wall_memory_bake.frag for the close shot's touched wall; kept
// apart from the pass so a picture of the towers' atlas (memories_bake.frag) could be it
// too.  Needs lib/hash.glsl and lib/sdf.glsl.

const vec2 WM_WIN_LO = vec2(-0.30, -0.17);      // the window's opening (picture units, -0.5..0.5)
const vec2 WM_WIN_HI = vec2(0.30, 0.40);
const float WM_HORIZON = 0.01;                  // the far shore's line in the window
const vec2 WM_MOON = vec2(0.14, 0.27);
const vec2 WM_FLAME = vec2(0.22, -0.135);

float wm_box(vec2 p, vec2 lo, vec2 hi) {
    vec2 c = 0.5 * (lo + hi);
    vec2 d = abs(p - c) - 0.5 * (hi - lo);
    return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

float wm_capsule(vec2 p, vec2 a, vec2 b, float ra, float rb) {
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - mix(ra, rb, h);
}

// The night outside: violet-black sky, a few stars, the moon, the water with its path.
vec3 wm_outside(vec2 p) {
    vec3 col = mix(vec3(0.16, 0.3, 0.42), vec3(0.02, 0.03, 0.09), smoothstep(WM_HORIZON, WM_WIN_HI.y, p.y));
    vec2 c = floor(p * 70.0);
    float s = hashi(ivec2(c) + 311);
    vec2 f = fract(p * 70.0) - 0.5;
    col += vec3(0.8, 0.85, 1.0) * step(0.9, s) * exp(-dot(f, f) * 90.0) * 0.9 * step(WM_HORIZON, p.y);
    float r = length(p - WM_MOON);
    col += vec3(0.25, 1.0, 0.55) * (smoothstep(0.052, 0.046, r) * 2.2 + 0.35 * exp(-r * 11.0));
    // (its face: a darker sea on the disc)
    col -= vec3(0.2, 0.55, 0.3) * smoothstep(0.03, 0.0, length(p - WM_MOON - vec2(0.015, 0.01))) * step(r, 0.05) * 0.6;
    if (p.y < WM_HORIZON) {
        // the far shore a dark line, the water below it with the moon's broken path
        float depth = WM_HORIZON - p.y;
        col = vec3(0.01, 0.025, 0.035) + vec3(0.02, 0.06, 0.07) * exp(-depth * 25.0);
        float across = abs(p.x - WM_MOON.x) / (0.02 + depth * 0.5);
        // (the path broken into thin horizontal glints, long and soft, not blocks)
        float row = p.y * 300.0 / (0.3 + depth * 8.0);
        float glitter = smoothstep(0.3, 1.0, sin(row + 0.5 * sin(p.x * 57.0)) * (0.6 + 0.4 * sin(row * 0.37 + p.x * 90.0)));
        col += vec3(0.3, 1.0, 0.6) * exp(-across * across * 2.0) * (0.3 + 1.2 * glitter) * exp(-depth * 4.0);
        col = mix(col, vec3(0.004, 0.006, 0.01), smoothstep(0.006, 0.0, abs(p.y - WM_HORIZON - 0.006)) * 0.9);
    }
    return col;
}

// The child, seen from behind against the window: head, shoulders, a body in a nightgown,
// one arm raised with the palm on the glass.
float wm_child(vec2 p) {
    vec2 q = p - vec2(-0.08, 0.0);
    float d = length((q - vec2(0.0, 0.155)) * vec2(1.0, 0.92)) - 0.062;            // head
    d = min(d, length((q - vec2(-0.02, 0.19)) * vec2(1.4, 1.0)) - 0.05);             // hair
    d = smin(d, wm_capsule(q, vec2(0.0, 0.085), vec2(0.0, 0.1), 0.03, 0.028), 0.02);    // neck
    float body = wm_capsule(q, vec2(0.0, -0.34), vec2(0.0, 0.055), 0.13, 0.075);         // gown
    body = max(body, q.y - 0.075);
    d = smin(d, body, 0.03);
    d = min(d, wm_capsule(q, vec2(0.065, 0.05), vec2(0.12, 0.2), 0.026, 0.02));          // arm up
    d = min(d, length((q - vec2(0.125, 0.225)) * vec2(1.0, 0.8)) - 0.026);           // palm
    d = min(d, wm_capsule(q, vec2(-0.07, 0.04), vec2(-0.1, -0.14), 0.026, 0.02));        // arm down
    return d;
}

// The picture at p (-0.5..0.5 over its square), linear colour.
vec3 window_memory(vec2 p) {
    // the room: a dark wall, warm only where the candle reaches
    vec2 toward = p - WM_FLAME;
    // (a small warm pool: the room falls to black, the window is the picture's light)
    float reach = exp(-length(toward * vec2(0.9, 1.2)) * 10.0);
    vec3 col = vec3(0.003, 0.002, 0.003) + vec3(1.0, 0.45, 0.15) * 0.45 * reach;
    // the floor, darker, and the moonlight through the window lying on it before her feet
    col *= (p.y < -0.36) ? 0.5 : 1.0;
    float spill_x = abs(p.x - 0.05 - (p.y + 0.36) * 0.3) - 0.3 - (-0.36 - p.y) * 0.5;
    float spill = step(p.y, -0.37) * smoothstep(0.02, -0.02, spill_x) * smoothstep(-0.5, -0.38, p.y);
    col += vec3(0.12, 0.3, 0.35) * 0.5 * spill;
    // the window: the night through it, the frame and its cross of mullions dark, the sill lit
    float win = wm_box(p, WM_WIN_LO, WM_WIN_HI);
    // the moonlight through it falls faintly on the wall round it (so her gown's outline reads)
    col += vec3(0.05, 0.11, 0.14) * 0.35 * exp(-max(win, 0.0) * 9.0) * smoothstep(-0.45, -0.1, p.y);
    vec3 view = wm_outside(p);
    float mull = min(abs(p.x - 0.0), abs(p.y - 0.16)) - 0.007;
    view = mix(view, vec3(0.006, 0.005, 0.006) + vec3(1.0, 0.5, 0.2) * 0.25 * reach, smoothstep(0.003, -0.003, mull));
    col = mix(col, view, smoothstep(0.003, -0.003, win));
    float frame = abs(win) - 0.012;
    col = mix(col, vec3(0.004, 0.003, 0.003) + vec3(1.0, 0.55, 0.25) * 0.5 * reach, smoothstep(0.003, -0.003, frame));
    float sill = wm_box(p, vec2(WM_WIN_LO.x - 0.05, WM_WIN_LO.y - 0.035), vec2(WM_WIN_HI.x + 0.05, WM_WIN_LO.y - 0.012));
    col = mix(col, vec3(1.0, 0.55, 0.25) * (0.01 + 1.2 * reach), smoothstep(0.003, -0.003, sill));
    // the candle: a short stub on the sill, the flame a bright teardrop with its halo
    float stub = wm_box(p, vec2(WM_FLAME.x - 0.012, WM_WIN_LO.y - 0.012), vec2(WM_FLAME.x + 0.012, WM_FLAME.y - 0.015));
    col = mix(col, vec3(0.9, 0.75, 0.55) * 0.7, smoothstep(0.003, -0.003, stub));
    vec2 fl = (p - WM_FLAME) * vec2(1.0, 0.55);
    float flame = length(fl) - 0.009;
    col += vec3(1.0, 0.8, 0.45) * (smoothstep(0.004, -0.004, flame) * 3.0 + 0.5 * exp(-length(p - WM_FLAME) * 40.0));
    // the child, black against it all, rimmed warm on the candle's side and cold on the moon's
    float d = wm_child(p);
    float inside_c = smoothstep(0.003, -0.003, d);
    float rim = smoothstep(0.008, 0.0, -d) * inside_c;
    vec2 g = normalize(vec2(wm_child(p + vec2(0.002, 0.0)) - d, wm_child(p + vec2(0.0, 0.002)) - d) + 1e-6);
    float candle_near = exp(-length(WM_FLAME - p) * 3.5);
    vec3 lit = vec3(1.0, 0.55, 0.25) * 0.9 * max(dot(g, normalize(WM_FLAME - p)), 0.0) * candle_near
             + vec3(0.3, 1.0, 0.7) * 0.35 * max(dot(g, normalize(WM_MOON - p)), 0.0);
    // (the rim only on the head, shoulders and raised arm: down the gown it read as a stick)
    col = mix(col, vec3(0.001) + lit * rim * smoothstep(-0.12, 0.02, p.y), inside_c);
    return col;
}
