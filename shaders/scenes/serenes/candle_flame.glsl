// candle_flame.glsl -- a candle seen in a close shot (portrait_shot.glsl, row.frag): its wax and
// flame drawn where it stands (needs portrait.glsl's portrait_project and u_time).

// A candle in the frame, its flame at ``at`` burning at ``key``, its wax standing on ``foot``
// (metres below the flame; -1e9: from below the frame): a pillar of wax lit from its own flame (warm and
// translucent near the top, dark below), the flame a teardrop -- white-hot core, orange
// skirt, a blue root -- that breathes and leans with the draught, and its glow in the air.
vec3 candle_in_frame(vec2 s, vec3 col, vec3 lightc, float px, vec3 at, float key, float foot) {
    vec3 fp = portrait_project(at);
    float scale = PORTRAIT_FOCAL / fp.z;                  // screen units per metre there
    vec2 q = (s - fp.xy) / scale;                         // metres, about the flame's centre
    float breath = 0.85 + 0.3 * clamp(key - 0.7, 0.0, 0.6);
    float lean = 0.003 * sin(u_time * 2.3) + 0.002 * sin(u_time * 5.1 + 1.0);
    // the wax: a pillar under the flame, its top a little below the flame's root
    float top = -0.016;
    float pillar = max(max(abs(q.x) - 0.022, q.y - top), foot - q.y);
    float pc = clamp(0.5 - pillar / (px / scale * 1.5 + 1e-5), 0.0, 1.0);
    float near_top = exp(-max(top - q.y, 0.0) / 0.03);
    // (a round pillar: the flame's light through the wax near the top, a soft column of
    // light down its middle, its sides turning away into the dark)
    float across = clamp(q.x / 0.022, -1.0, 1.0);
    float round_ = sqrt(max(1.0 - across * across, 0.0));
    vec3 wax = lightc * vec3(1.0, 0.72, 0.5)
             * (0.004 * round_ + key * (0.35 * near_top * near_top + 0.03 * near_top) * (0.25 + 0.75 * round_ * round_));
    // the rim of the pool of molten wax at the top, lit from the flame just above it
    wax += lightc * key * 0.5 * exp(-abs(q.y - top + 0.002) / 0.0015) * round_;
    col = mix(col, wax, pc);
    // the wick, a dark thread from the wax into the flame's blue root
    float wick = clamp(0.5 - (abs(q.x - lean * 5.0) - 0.0012) / (px / scale + 1e-5), 0.0, 1.0)
               * step(top, q.y) * step(q.y, -0.004);
    col = mix(col, vec3(0.004, 0.002, 0.001), wick);
    // the flame
    vec2 f = q - vec2(lean * (q.y + 0.02) * 30.0, 0.0);
    f.y /= breath;
    float fy = f.y > 0.0 ? f.y * 0.5 : f.y * 1.3;
    // (narrowing to a point at the tip)
    float fx = f.x * 1.6 / max(1.0 - max(f.y, 0.0) / 0.032, 0.08);
    float fd = length(vec2(fx, fy)) - 0.009;
    float flame = clamp(0.5 - fd / (px / scale * 1.2 + 1e-5), 0.0, 1.0);
    float core = exp(-dot(f * vec2(2.4, 0.9), f * vec2(2.4, 0.9)) / 0.00006);
    vec3 fc = mix(lightc * vec3(1.6, 1.0, 0.6), vec3(6.0, 5.2, 4.0), core);
    fc = mix(fc, vec3(0.3, 0.4, 1.2), smoothstep(-0.004, -0.012, f.y) * 0.6);
    col = mix(col, fc * key, flame);
    // its glow in the air round it
    float r2 = dot(q * vec2(1.0, 0.7), q * vec2(1.0, 0.7));
    col += lightc * key * (0.25 / (1.0 + r2 * 4000.0) + 0.01 / (1.0 + r2 * 60.0));
    return col;
}

