// woman_child.glsl -- the child whose laughter loops (paragraph 6: "A child's laughter loops
// endlessly"), never seen in thirty rounds: in the woman's close shot a small Serene child
// stands in the cold light of her window, head thrown back mid-laugh, arms flung up, its hood
// fallen on its shoulders -- and its laugh is stuck: fainter copies of the last moments of
// the same laugh hang beside it, a step apart, and rows of it slip sideways as her hands do,
// a recording on repeat.  Drawn in screen space (s: centred, frame heights) over the room
// behind her, a backlit silhouette: dark against the window's glow, a cold rim from the
// window, a warm one along the laughing profile from her candle at the right.
// Needs: u_time (the cue's seconds), u_resolution, pcg2d / hash_to_unit (common.glsl).

const vec2 CHILD_FEET = vec2(-0.585, -0.43);   // where it stands (screen units, frame heights)
const float CHILD_LEAN = 0.1;                  // leaning back into the laugh (radians)

float child_capsule(vec2 p, vec2 a, vec2 b, float r) {
    vec2 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - r;
}

float child_smin(float a, float b, float k) {
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

vec2 child_rot(vec2 p, float a) {
    float c = cos(a), s = sin(a);
    return vec2(c * p.x - s * p.y, s * p.x + c * p.y);
}

// The laugh's beat: 0 at rest, 1 at each "ha" (about four a second), its head thrown back.
float child_ha(float t) {
    float b = abs(sin(t * 12.5));
    return b * b;
}

// The child's distance (screen units) at its laugh's time t, facing right toward her; ``face``
// returns the distance to its head alone (the profile the candle catches).
float child_sd(vec2 s, float t, out float face) {
    float ha = child_ha(t);
    vec2 q = child_rot(s - CHILD_FEET, -CHILD_LEAN - 0.03 * ha);    // lean back, more on each ha
    q.y -= 0.006 * ha;                                               // the little bounce
    // the robe: a small bell from a flared hem up to round, narrow shoulders, a soft hood
    // fallen behind its neck
    float y = clamp(q.y / 0.2, 0.0, 1.0);
    float w = mix(0.1, 0.05, sqrt(y)) + 0.01 * y * y;
    float robe = max(abs(q.x + 0.01 * y) - w, max(-q.y, q.y - 0.2));
    robe = child_smin(robe, length((q - vec2(0.0, 0.19)) * vec2(0.9, 1.6)) - 0.05, 0.03);
    robe = child_smin(robe, length(q - vec2(-0.045, 0.215)) - 0.036, 0.02);
    // the arms bent, hands pressed to its belly as it laughs, the elbows out
    float arms = child_capsule(q, vec2(0.035, 0.18), vec2(0.075, 0.115 + 0.006 * ha), 0.02);
    arms = min(arms, child_capsule(q, vec2(0.075, 0.115 + 0.006 * ha), vec2(0.03, 0.085), 0.017));
    arms = min(arms, length((q - vec2(0.03, 0.09)) * vec2(1.0, 1.4)) - 0.022);
    arms = min(arms, child_capsule(q, vec2(-0.04, 0.18), vec2(-0.072, 0.12 + 0.006 * ha), 0.02));
    float body = child_smin(robe, arms, 0.015);
    // the head: large for the body (a child's), on a short neck, thrown back by the laugh
    vec2 h = child_rot(q - vec2(0.0, 0.215), -0.45 - 0.2 * ha);
    float neck = child_capsule(h, vec2(0.0, -0.01), vec2(0.0, 0.03), 0.022);
    float skull = length((h - vec2(-0.006, 0.076)) * vec2(1.0, 0.95)) - 0.064;
    // the face's profile toward her: a small nose, a round cheek, the jaw dropped open
    float nose = length(h - vec2(0.064, 0.084)) - 0.011;
    float cheek = length(h - vec2(0.04, 0.052)) - 0.032;
    float head = child_smin(child_smin(skull, cheek, 0.015), nose, 0.006);
    float jaw = child_capsule(h, vec2(0.0, 0.028), vec2(0.044, 0.01), 0.015);
    head = child_smin(head, jaw, 0.01);
    // the open mouth: a notch between the cheek and the dropped jaw
    float mouth = length((h - vec2(0.062, 0.034)) * vec2(1.0, 1.0 + 0.8 * (1.0 - ha))) - 0.016 - 0.006 * ha;
    head = max(head, -mouth);
    head = min(head, neck);
    face = head;
    return min(body, head);
}

// The child over the room behind her (``col``), at the cue's time t: its laugh now and two
// stuck copies of the moments just before it, the stutter of a recording on repeat.
vec3 woman_child(vec2 s, vec3 col, vec3 lightc, float key, float t, float px) {
    // (nothing to pay outside its corner of the frame)
    if (s.x < -0.8 || s.x > -0.44 || s.y < -0.46 || s.y > 0.02)
        return col;
    // rows of it slip sideways in hard-edged runs a few frames at a time, as her hands do
    float row = floor((s.y + 0.5) * 60.0);
    float tick = floor(t * 9.0);
    float r1 = hash_to_unit(pcg2d(uvec2(uint(row + 300.0), uint(tick))).x);
    float r2 = hash_to_unit(pcg2d(uvec2(uint(row + 700.0), uint(tick))).y);
    vec2 sp = s - vec2(step(0.86, r1) * (r2 - 0.5) * 0.05, 0.0);
    float blur = max(px * 1.2, 0.0025);                  // a little behind the focus
    // the stuck copies: the laugh a moment ago, left where the recording jumped
    for (int k = 2; k >= 1; --k) {
        float f;
        float d = child_sd(sp - vec2(-0.035 * float(k), 0.004 * float(k)), t - 0.16 * float(k), f);
        float a = 1.0 - smoothstep(-blur * 2.0, blur * 2.0, d);
        float edge = exp(-abs(d) / 0.006);
        vec3 ghost = vec3(0.35, 0.5, 1.0) * 0.006 * edge + vec3(0.002, 0.0025, 0.005);
        col = mix(col, col * 0.4 + ghost * 2.0, a * (0.7 - 0.2 * float(k)));
    }
    // the child itself: a dark shape against the window's glow
    float face;
    float d = child_sd(sp, t, face);
    float a = 1.0 - smoothstep(-blur, blur, d);
    // its outline's normal (toward the outside), for the two rims: the distance's own
    // screen derivatives (its field is smooth; no extra evaluations)
    vec2 n = vec2(dFdx(d), dFdy(d));
    n /= max(length(n), 1e-9);
    float inside = max(-d, 0.0);
    // the window behind it (at its left and above): a cold rim all round, strongest on the side
    // toward the window
    float cold = exp(-inside / 0.0045) * (0.55 + 0.45 * max(dot(n, normalize(vec2(-0.7, 0.7))), 0.0));
    // her candle at the right: a warm rim down the laughing profile, the raised hand, the front
    float warm = exp(-inside / 0.004) * pow(max(dot(n, normalize(vec2(1.0, 0.25))), 0.0), 1.5);
    warm *= 0.45 + 0.55 * (1.0 - smoothstep(0.0, 0.02, face));
    vec3 body = vec3(0.0016, 0.0014, 0.0022)
              + vec3(0.35, 0.5, 1.0) * 0.03 * cold
              + lightc * vec3(1.0, 0.62, 0.36) * 0.2 * key * warm;
    // its eye, a bead of mercury catching the candle as theirs do (a Serene's)
    float ha = child_ha(t);
    vec2 q = child_rot(sp - CHILD_FEET, -CHILD_LEAN - 0.03 * ha) - vec2(0.0, 0.006 * ha);
    vec2 h = child_rot(q - vec2(0.0, 0.215), -0.45 - 0.2 * ha);
    float er = length(h - vec2(0.038, 0.094));
    body += vec3(0.6, 0.8, 1.0) * (0.5 * (1.0 - smoothstep(0.004, 0.0065, er)) + 0.02 * exp(-er / 0.01));
    col = mix(col, body, a);
    // the window's cold light spilling round its outline into the air (a thin halo)
    col += vec3(0.35, 0.5, 1.0) * 0.0025 * exp(-max(d, 0.0) / 0.01) * (1.0 - a);
    return col;
}
