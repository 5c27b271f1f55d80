// candle_flame.glsl -- a candle seen in a close shot (portrait_shot.glsl, row.frag): its wax and
// flame drawn where it stands (needs portrait.glsl's portrait_project and u_time).

// The wax and the flame of candle_in_frame, in metres about the flame (``pxm``: a pixel's
// size there in metres).
vec3 candle_body(vec2 q, vec3 col, vec3 lightc, float pxm, float key, float foot) {
    float breath = 0.85 + 0.3 * clamp(key - 0.7, 0.0, 0.6);
    float lean = 0.003 * sin(u_time * 2.3) + 0.002 * sin(u_time * 5.1 + 1.0);
    // the wax: a pillar under the flame, its top a little below the flame's root
    float top = -0.016;
    const float R = 0.022;                                // the pillar's radius
    float across = clamp(q.x / R, -1.0, 1.0);
    float round_ = sqrt(max(1.0 - across * across, 0.0));
    // (round 33, 92.1 s: "the candle is a flat untextured cylinder"): seen from a little
    // above, its top is an ellipse -- a pool of molten wax in a raised lip -- and one drip has
    // run over the lip and down the front, a rounded bead at its foot
    const float TILT = 0.28;                              // the top's ellipse, height/width
    float lipd = length(vec2(q.x, (q.y - top) / TILT)) - R;
    float pillar = max(min(max(abs(q.x) - R, q.y - top), lipd * TILT), foot - q.y);
    float pc = clamp(0.5 - pillar / (pxm * 1.5 + 1e-5), 0.0, 1.0);
    float below = max(top - q.y, 0.0);
    // light through the wax (round 34, 93.3 s: "a primitive CG candle", "the candle a flat
    // cylinder"): the flame's light scattered in the wax -- a hot translucent glow in the top
    // centimetre, brightest at the thin walls of the hollowed top, going deep orange and red as
    // it soaks down, the pillar below it lit only on its round from the flame above and dark
    // toward its edges (a cylinder, not a flat card)
    float soak = exp(-below / 0.03);
    float near_top = exp(-below / 0.009);
    float wall = pow(abs(across), 6.0);                    // the thin wall at the pillar's sides
    vec3 sss = mix(vec3(1.0, 0.42, 0.16), vec3(1.0, 0.76, 0.42), near_top);
    vec3 wax = lightc * sss * key * (0.55 * near_top * (0.55 + 0.9 * wall) + 0.07 * soak)
             * (0.25 + 0.75 * round_);
    // (ivory wax: the pillar below pale where the flame's light falls on its round)
    wax += lightc * vec3(1.0, 0.8, 0.6) * (0.012 + 0.07 * key * sqrt(soak)) * round_ * round_;
    // a soft vertical sheen on the wax's skin, a little to the side of the middle
    float sheen = exp(-pow((across + 0.35) / 0.16, 2.0));
    wax += lightc * key * vec3(1.0, 0.82, 0.6) * 0.035 * sheen * (0.3 + 0.7 * soak);
    // its skin: faint vertical streaks of wax that ran and set (the flame's light catches them)
    float runs = 0.5 + 0.5 * sin(q.x * 900.0 + 2.0 * sin(q.x * 310.0)) * sin(q.x * 430.0 + 1.3);
    wax *= 0.8 + 0.4 * runs * (1.0 - near_top * 0.5);
    // the drip: a rounded ridge from the lip down the front, lit translucent near the top,
    // a highlight down its crest and a bead at its foot catching the flame from above
    float dx = (q.x - 0.011) / 0.0028;
    float drip_len = 0.03;
    float along = clamp(below / drip_len, 0.0, 1.0);
    float ridge = exp(-dx * dx * (1.0 + along)) * step(below, drip_len);
    float bead = exp(-(dx * dx + pow((below - drip_len) / 0.0035, 2.0)) * 1.2);
    float drip = max(ridge, bead);
    wax = mix(wax, lightc * key * vec3(1.0, 0.5, 0.18) * (0.06 + 0.5 * near_top) * (0.5 + 0.5 * soak), 0.6 * drip);
    wax += lightc * key * vec3(1.0, 0.85, 0.62) * 0.22 * exp(-pow((dx + 0.45) / 0.35, 2.0))
         * (ridge * exp(-below / 0.02) + bead * 0.8);
    // the pool inside the lip: molten, glowing, the flame's own colour; the lip round it a
    // thin lit rim
    float pool = clamp(0.5 - (lipd + 0.003) / (pxm / TILT * 1.5 + 1e-5), 0.0, 1.0);
    wax = mix(wax, lightc * vec3(1.0, 0.62, 0.3) * key * (0.45 + 0.3 * exp(-length(q - vec2(0.0, top)) / 0.01)), pool);
    wax += lightc * key * vec3(1.0, 0.8, 0.55) * 0.5 * exp(-abs(lipd + 0.0015) / 0.0012) * step(top - 0.004, q.y);
    col = mix(col, wax, pc);
    // the wick, a dark thread from the wax into the flame's blue root, leaning with the flame
    // (round 34: at ``lean * 5`` it stood a grey bar beside the flame, once the glow no longer hid it)
    float wick = clamp(0.5 - (abs(q.x - lean * (q.y + 0.02) * 30.0) - 0.0008) / (pxm + 1e-5), 0.0, 1.0)
               * step(top, q.y) * step(q.y, -0.004);
    col = mix(col, vec3(0.004, 0.002, 0.001), wick);
    // the flame: no hard edge -- a body of light, a white-hot core fading out through yellow
    // and orange into the air, a dark inner cone round the wick, a blue root
    vec2 f = q - vec2(lean * (q.y + 0.02) * 30.0, 0.0);
    f.y /= breath;
    float fy = f.y > 0.0 ? f.y * 0.5 : f.y * 1.3;
    // (narrowing to a point at the tip)
    float fx = f.x * 1.6 / max(1.0 - max(f.y, 0.0) / 0.032, 0.08);
    float fd = length(vec2(fx, fy)) - 0.009;
    float body = smoothstep(0.0022, -0.004, fd);
    float core = exp(-dot(f * vec2(2.4, 0.9), f * vec2(2.4, 0.9)) / 0.00006);
    vec3 fc = mix(lightc * vec3(1.7, 0.85, 0.35), vec3(6.0, 5.2, 3.8), core);
    // (the dark zone low round the wick, where the wax vapour has not yet caught)
    float inner = exp(-(f.x * f.x / 0.000006 + pow(f.y + 0.006, 2.0) / 0.00002));
    fc *= 1.0 - 0.55 * inner * (1.0 - core);
    fc = mix(fc, vec3(0.25, 0.35, 1.3), smoothstep(-0.004, -0.012, f.y) * 0.7);
    col = mix(col, fc * key, body);
    col += lightc * vec3(1.0, 0.6, 0.3) * key * 0.5 * exp(-max(fd, 0.0) / 0.003) * (1.0 - body);
    return col;
}

// A candle in the frame, its flame at ``at`` burning at ``key``, its wax standing on ``foot``
// (metres below the flame; -1e9: from below the frame): a pillar of wax lit from its own flame (warm and
// translucent near the top, dark below), the flame a teardrop -- white-hot core, orange
// skirt, a blue root -- that breathes and leans with the draught, and its glow in the air.
// (CANDLE_SCALE, defined before the include: the candle drawn that many times its size --
// the row's far candles, round 34 follow-up: at the portrait's size, three metres off, they
// read as "thin sticks"; ``foot`` is then in the scaled candle's metres)
#ifndef CANDLE_SCALE
#define CANDLE_SCALE 1.0
#endif
vec3 candle_in_frame(vec2 s, vec3 col, vec3 lightc, float px, vec3 at, float key, float foot) {
    vec3 fp = portrait_project(at);
    float scale = PORTRAIT_FOCAL / fp.z * CANDLE_SCALE;   // screen units per (candle) metre there
    vec2 q = (s - fp.xy) / scale;                         // metres, about the flame's centre
    // (round 33: away from the candle's own box -- most of the frame -- only its glow in the
    // air is paid for; the wax and the flame are drawn inside it)
    // (round 34: the glow in the air first, the wax over it -- added over the pillar it
    // washed the wax out to one flat tone, "a flat cylinder")
    // (the glow at the flame's own size, whatever the candle's scale)
    float r2 = dot(q * vec2(1.0, 0.7), q * vec2(1.0, 0.7)) * (CANDLE_SCALE * CANDLE_SCALE);
    col += lightc * key * (0.25 / (1.0 + r2 * 4000.0) + 0.01 / (1.0 + r2 * 60.0));
    if (abs(q.x) < 0.045 && q.y < 0.07)
        col = candle_body(q, col, lightc, px / scale, key, foot);
    return col;
}
