// The sea of cloud relit each frame from its bake (clouds_a.frag, clouds_b.frag), for the
// composite (main.frag's CLOUD_SEA): the crests lit cold by the emerald moon and warm by the
// word's starlight, silver rims where they stand against the light, deep violet shadow in the
// troughs, the glass city's emerald-cyan glow breathing up through the gaps, fog by distance
// into the night's own horizon, and a thin mist drifting over the tops.

vec3 cloud_sea(vec3 sky, vec2 p, float px) {
    vec3 view = u_cloud_view;
    vec3 rd = cloud_ray(p, view);
    vec3 moon = u_cloud_light.xyz;
    vec3 moon_c = vec3(0.42, 0.92, 0.78);
    // the moon low over the deck, hidden in its own haze: a cold glow on the night there
    // (its disc on the horizon, the far deck hiding all but its crown; its light a little higher)
    float toward = max(dot(rd, normalize(vec3(moon.x, 0.0, moon.z) + vec3(0.0, 0.004, 0.0))), 0.0);
    // (a small crisp disc, rising out of the far deck, in a tight halo)
    float disc = smoothstep(0.99986, 0.99991, toward);
    sky += moon_c * (1.6 * disc + 0.10 * pow(toward, 400.0) + 0.012 * pow(toward, 40.0));
    if (p.y > view.x + 0.02) {
        return sky;
    }
    // the drift: the deck slides across the view, the near rows faster than the far
    // (parallax of a plane: the slide grows with the row's depth below the horizon)
    float below = max(view.x - p.y, 0.0);
    vec2 ps = vec2(p.x + u_cloud_drift * below / (view.y - 0.5 * CLOUD_TOP), p.y);
    vec2 uv = cloud_uv(ps, view);
    vec4 ga = texture(u_clouds_a, uv);
    vec4 gb = texture(u_clouds_b, uv);
    // the night's horizon, just over the horizon line: the far deck fades into it
    vec3 hz = vec3(0.008, 0.005, 0.020);
    float t = ga.w;
    // (the bake's sky texels hold -1: beyond the deck's last cloud, to the horizon, its haze)
    float cover = smoothstep(-1.5, 1.5, (view.x - p.y) * u_resolution.y);
    t = t < 0.0 ? 1e4 : t;
    vec3 n = vec3(ga.x, sqrt(max(1.0 - ga.x * ga.x - ga.y * ga.y, 0.0)), ga.y);
    float h = ga.z;
    float occ = gb.z;
    // the word's light: from the word, high over the middle of the view
    vec3 word = normalize(vec3(0.0, 0.55, 1.0));
    // the moon's cold light, wrapped (the deck is soft), the shaded sides falling to violet
    float lm = max(dot(n, moon) + 0.1, 0.0) / 1.1;
    float lw = max(dot(n, word) + 0.35, 0.0) / 1.35;
    // silver rims: the edges that face away from the eye glow where the light stands behind them
    float edge = pow(1.0 - max(dot(n, -rd), 0.0), 3.0);
    float behind_m = pow(max(dot(rd, moon), 0.0), 3.0);
    float behind_w = pow(max(dot(rd, word), 0.0), 3.0);
    vec3 word_c = u_ink_lin * vec3(0.9, 0.85, 1.0);
    float lit_h = smoothstep(0.1, 1.0, h);           // the domes in the light, the troughs in shadow
    lit_h *= lit_h;
    vec3 col = vec3(0.006, 0.002, 0.018) * occ;                         // the violet dark
    float lm4 = lm * lm * lm * lm;
    col += moon_c * 2.6 * lm4 * lm * lit_h * occ * occ;
    // a cold sheen on the crests that turn the moon's light toward the eye
    col += moon_c * 0.35 * pow(max(dot(reflect(rd, n), moon), 0.0), 10.0) * lit_h * occ;
    col += word_c * 0.10 * lw * lit_h * occ;
    col += (moon_c * 0.9 * behind_m + word_c * 0.5 * behind_w) * edge * lit_h * occ;
    // the city's glow breathing up through the gaps, and its light on the gaps' walls
    vec3 city_c = vec3(0.10, 0.85, 0.70);
    float breath = 0.7 + 0.3 * u_cloud_light.w;
    col += city_c * gb.w * 2.0 * breath;
    // the mist: a thin layer over the tops, drifting, thicker in the troughs
    float m = fbm(vec2(gb.x, gb.y) * vec2(0.22, 0.45) + vec2(u_lake_phase * 0.02, 0.0), 3);
    float mist = smoothstep(0.5, 0.8, m) * (0.2 + 0.6 * (1.0 - h)) * 0.5;
    col = mix(col, vec3(0.012, 0.010, 0.030) + moon_c * 0.02, mist);
    // fog by distance into the horizon
    float fog = 1.0 - exp(-max(t, 0.0) * 0.026);
    col = mix(col, hz, fog);
    // the far deck's haze glowing low along the horizon, brightest toward the moon
    col += (vec3(0.020, 0.020, 0.050) + moon_c * 0.02 * max(rd.x * moon.x + rd.z * moon.z, 0.0)) * exp(-below * 40.0);
    return mix(sky, col, cover);
}
