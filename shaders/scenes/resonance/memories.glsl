// memories.glsl -- the shared memories drifting in the Resonance ("a vast, humming cloud of
// shared memory"; round 17's readers: "stock aurora").  Ghost windows of the glass city --
// tall arched panes with a cross of mullions, a lamp's warm light behind them -- condense
// out of the curtains, drift slowly up through them and thin away again, each at its own
// depth (the far ones small and faint).  They are made of the aurora: inside a pane the
// curtains' light is gathered and warmed, the frame and mullions are gaps where it thins,
// and each window appears patch by patch, like mist condensing, never as a pasted shape.
// Also the corona overhead.  Include-only, after <visuals/params>, common.glsl, hash.glsl,
// colour.glsl, noise.glsl, sdf.glsl, camera.glsl and the aurora pass's uniforms (aurora.frag
// with RESONANCE_LIFE defined: aurora_life.frag).

// The corona (round 17's readers: "stock aurora"): high overhead the curtains' rays, which
// run along the field lines, are seen end-on and converge in perspective on one point above
// the frame, the magnetic zenith -- a crown of rays fanning down over the sky, slowly
// turning and breathing with the hum.  It works on the aurora's own light: the curtains'
// upper parts break into the converging rays (a factor on their light), and the rays carry
// a faint light of their own in the curtains' colours (violet high, a rose fringe, green
// low).  Returns (own light, factor on the aurora); nothing while corona is 0.  Drawn here,
// at half resolution, as part of the aurora's light (so the water mirrors it too): at full
// resolution its noise cost the last pass two thirds again.
vec4 corona(vec2 p, float t) {
    vec2 v = p - vec2(0.06, u_horizon + 0.8);
    float r = length(v);
    float a = atan(v.x, -v.y);
    float drift = 0.04 * t;
    float fall = 0.12 * u_flow;      // (the rays stream down the crown, faster in the howl)
    float n1 = 0.5 + 0.5 * snoise(vec2(a * 7.0 + drift, r * 1.0 - fall));
    float n2 = 0.5 + 0.5 * snoise(vec2(a * 23.0 - 1.5 * drift + 4.0, r * 2.0 - 1.6 * fall));
    float rays = n1 * n1 * n1 * (0.4 + 0.9 * n2 * n2);
    // (the crown's heart is a soft glow, its rays strongest a little below it, fading down
    // into the curtains well above the horizon)
    float along = smoothstep(0.04, 0.35, r) * exp(-max(r - 0.5, 0.0) * 2.5)
                * smoothstep(0.05, 0.35, p.y - u_horizon);
    vec3 c_low = srgb_to_linear(u_colour_low.rgb);
    vec3 c_high = srgb_to_linear(u_colour_high.rgb);
    vec3 c_fringe = srgb_to_linear(u_colour_fringe.rgb);
    vec3 c = mix(mix(c_high, c_fringe, 0.35), c_high, smoothstep(0.2, 0.5, r));
    c = mix(c, c_low, smoothstep(0.45, 0.85, r));
    // (the crown's rays are curtains seen end-on, not a sunburst: they break along their
    // length into folds that drift down them)
    rays *= 0.35 + 1.1 * smoothstep(-0.4, 0.6, snoise(vec2(a * 3.0 - 0.5 * drift, r * 5.0 - 3.0 * fall)));
    float k = u_corona * (1.0 + 0.3 * u_hum.x);
    vec3 own = k * (0.06 * rays * along + 0.04 * exp(-r * r / 0.03)) * c;
    float factor = 1.0 + k * along * (1.4 * rays - 0.45);
    return vec4(own, factor);
}

const int MEMORY_WINDOWS = 2;
const float MEMORY_PERIOD = 9.0;    // seconds a window takes to condense, drift and thin away

// Signed distance to an arched window of half-width w (its straight sides from -h to h, a
// round arch on top), at q relative to its centre.
float memory_arch(vec2 q, float w, float h) {
    vec2 a = vec2(abs(q.x) - w, max(-h - q.y, q.y - h));
    float box = length(max(a, 0.0)) + min(max(a.x, a.y), 0.0);
    float arch = length(q - vec2(0.0, h)) - w;
    return q.y > h ? arch : box;
}

// The windows at view point p, time t: (warm own light, factor on the aurora's light).
vec4 memory_windows(vec2 p, float t) {
    float gain = 1.0;
    vec3 glow = vec3(0.0);
    for (int i = 0; i < MEMORY_WINDOWS; ++i) {
        float fi = float(i);
        float tt = t + fi * MEMORY_PERIOD / float(MEMORY_WINDOWS) + 2.3;
        float cycle = floor(tt / MEMORY_PERIOD);
        float tau = tt / MEMORY_PERIOD - cycle;
        vec3 r = hash33(vec3(cycle, fi, 7.1));
        // depth: the nearer windows larger and lower, the far ones small and high
        float s = mix(0.09, 0.2, r.z);
        vec2 c = vec2((fi - 0.5) * 0.8 + (r.x - 0.5) * 0.3 + 0.03 * tau,
                      u_horizon + 0.24 + 0.16 * (1.0 - r.z) + 0.08 * r.y + 0.06 * tau);
        vec2 q = (p - c) / s;
        // (the curtains' rays run through it: its edges waver along them)
        q.x += 0.04 * sin(q.y * 7.0 + fi * 3.0 + 0.6 * t);
        float d = memory_arch(q, 0.36, 0.5);
        float pane = smoothstep(0.03, -0.03, d);
        float mull = max(smoothstep(0.05, 0.025, abs(q.x)), smoothstep(0.05, 0.025, abs(q.y - 0.12)));
        float frame = smoothstep(0.1, 0.02, abs(d + 0.03));
        // condensing patch by patch as it comes, thinning the same way as it goes
        float env = smoothstep(0.0, 0.35, tau) * (1.0 - smoothstep(0.65, 1.0, tau));
        // (two crossed waves, not noise: three noise calls cost the aurora pass a quarter again)
        vec2 m = q * 5.5 + vec2(fi * 5.0, cycle * 3.1);
        float mist = 0.5 + 0.5 * sin(m.x * 2.1 + 1.7 * sin(m.y * 1.3)) * sin(m.y * 1.9 + 1.3 * sin(m.x * 1.1 + 2.0));
        float shown = smoothstep(1.0 - env, 1.25 - env, mist) * (0.55 + 0.45 * r.z);
        // the lamp behind the panes: warm, brightest low in the window, streaked by the rays
        float lamp = (0.55 + 0.45 * smoothstep(0.6, -0.5, q.y))
                   * (0.7 + 0.3 * cos(TAU * (q.x * 5.0 + 0.15 * sin(q.y * 3.0 + t))));
        float k = shown * pane * (1.0 - mull);
        gain *= 1.0 + 1.3 * k - 0.5 * shown * frame * (1.0 - pane) - 0.6 * shown * pane * mull;
        glow += k * lamp * vec3(1.0, 0.62, 0.32);
    }
    float on = u_ghosts * smoothstep(0.15, 0.3, p.y - u_horizon);
    return vec4(0.09 * on * glow, mix(1.0, gain, on));
}

// The child's laughter that loops ("A child's laughter loops endlessly"): a small bright
// ghost of a child in the cloud, caught in one short gesture -- a hop with its arms flung up
// -- that repeats, seen as a stack of fading after-images trailing its last few loops.
// Distance to the child at q (units of its height, feet at 0) at phase ph of the hop.
float memory_child(vec2 q, float ph) {
    float hop = 0.14 * sin(3.14159 * ph);
    q.y -= hop;
    float arm = mix(-0.35, 2.5, smoothstep(0.0, 0.45, ph) * (1.0 - smoothstep(0.7, 1.0, ph)));
    float head = length(q - vec2(0.0, 0.84)) - 0.1;
    // a short dress: narrow at the shoulders, flaring out
    float y01 = clamp((q.y - 0.3) / 0.42, 0.0, 1.0);
    float dress = max(abs(q.x) - mix(0.15, 0.06, y01), abs(q.y - 0.51) - 0.21);
    float kick = 0.06 * sin(3.14159 * ph);
    float legs = min(sd_segment(q, vec2(-0.04, 0.32), vec2(-0.06 - kick, 0.02)),
                     sd_segment(q, vec2(0.04, 0.32), vec2(0.06 + kick, 0.02))) - 0.025;
    vec2 sl = vec2(-0.07, 0.68), sr = vec2(0.07, 0.68);
    float arms = min(sd_segment(q, sl, sl + 0.3 * vec2(-cos(arm - 1.2), sin(arm - 1.2))),
                     sd_segment(q, sr, sr + 0.3 * vec2(cos(arm - 1.2), sin(arm - 1.2)))) - 0.022;
    return min(min(head, dress), min(legs, arms));
}

// The child's light at view point p, time t: (own warm light, factor on the aurora's light).
vec4 memory_laughter(vec2 p, float t) {
    const float LOOP = 1.1;                      // seconds a hop takes
    float s = 0.15;                              // its height, frame units
    vec2 q = (p - vec2(0.1, u_horizon + 0.17)) / s;
    float aa = 1.2 * fwidth(q.x) + 1e-4;
    float light = 0.0;
    for (int k = 0; k < 4; ++k) {
        float fk = float(k);
        float ph = fract((t - 0.16 * fk) / LOOP);
        // (each after-image trails behind and to the side, fainter: the loop's echo)
        float d = memory_child(q + vec2(0.17 * fk, 0.0), ph);
        float body = smoothstep(aa, -aa, d);
        light += (k == 0 ? 1.0 : 0.45 / fk) * (0.8 * body + 0.4 * exp(-max(d, 0.0) * 12.0));
    }
    // (made of light, streaked like the curtains it hops in)
    light *= 0.85 + 0.15 * cos(TAU * (q.x * 6.0 + 0.3 * sin(q.y * 4.0 + t)));
    float on = u_laughter * smoothstep(0.08, 0.14, p.y - u_horizon);
    return vec4(on * 0.08 * light * vec3(1.0, 0.74, 0.4), 1.0 + on * 0.5 * min(light, 1.5));
}
