// woman_child.glsl -- the child whose laughter loops (paragraph 6: "A child's laughter loops
// endlessly"), never seen in thirty rounds: in the woman's close shot a small Serene child
// stands in the cold light of her window, head thrown back mid-laugh, arms flung up, its hood
// fallen on its shoulders -- and its laugh is stuck: fainter copies of the last moments of
// the same laugh hang beside it, a step apart, and rows of it slip sideways as her hands do,
// a recording on repeat.  Drawn in screen space (s: centred, frame heights) over the room
// behind her, a backlit silhouette: dark against the window's glow, a cold rim from the
// window, a warm one along the laughing profile from her candle at the right.
// Needs: u_time (the cue's seconds), u_resolution, pcg2d / hash_to_unit (common.glsl).

const vec2 CHILD_FEET = vec2(-0.6, -0.53);     // where it stands (screen units, frame heights)
const float CHILD_LEAN = 0.1;                  // leaning back into the laugh (radians)
// round 33: nearer the camera, half the frame's height (at 0.36 frame heights, far back in the
// dark, readers saw "a small dark figurine / chess piece")
const float CHILD_SCALE = 1.45;

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
float child_sd(vec2 s, float t, out float face, out float hands, out float hair) {
    float ha = child_ha(t);
    vec2 q = child_rot((s - CHILD_FEET) / CHILD_SCALE, -CHILD_LEAN - 0.03 * ha);    // lean back, more on each ha
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
    hands = length((q - vec2(0.03, 0.09)) * vec2(1.0, 1.4)) - 0.022;
    arms = min(arms, hands);
    arms = min(arms, child_capsule(q, vec2(-0.04, 0.18), vec2(-0.072, 0.12 + 0.006 * ha), 0.02));
    float body = child_smin(robe, arms, 0.015);
    // the head: large for the body (a child's), on a short neck, thrown back by the laugh
    vec2 h = child_rot(q - vec2(0.0, 0.215), -0.5 - 0.2 * ha);
    float neck = child_capsule(h, vec2(0.0, -0.01), vec2(0.0, 0.03), 0.022);
    float skull = length((h - vec2(-0.006, 0.076)) * vec2(1.0, 0.95)) - 0.064;
    // the face's profile toward her: a small nose, a round cheek, the jaw dropped open
    float nose = length(h - vec2(0.064, 0.084)) - 0.011;
    float cheek = length(h - vec2(0.04, 0.052)) - 0.032;
    float head = child_smin(child_smin(skull, cheek, 0.015), nose, 0.006);
    float jaw = child_capsule(h, vec2(0.0, 0.028), vec2(0.044, 0.01), 0.015);
    head = child_smin(head, jaw, 0.01);
    // the open mouth: a notch between the cheek and the dropped jaw
    float mouth = length((h - vec2(0.062, 0.034)) * vec2(1.0, 0.8 + 0.5 * (1.0 - ha))) - 0.013 - 0.005 * ha;
    head = max(head, -mouth);
    head = min(head, neck);
    // its hair: a dark cap over the back of the skull, so the lit part reads as a face
    hair = max(skull - 0.004, dot(h - vec2(-0.006, 0.076), normalize(vec2(0.6, -0.8))) - 0.012);
    face = head * CHILD_SCALE;
    hair *= CHILD_SCALE;
    hands *= CHILD_SCALE;
    return min(body, head) * CHILD_SCALE;
}

// The child over the room behind her (``col``), at the cue's time t: its laugh now and two
// stuck copies of the moments just before it, the stutter of a recording on repeat.  Round 33:
// lit so its form reads -- her candle (at the right) a warm key across its upturned face and
// hands, the window's moonlight (behind it, at the left) a cold rim; the copies clean cold
// outlines a step apart, not dark smears.
vec3 woman_child(vec2 s, vec3 col, vec3 lightc, float key, float t, float px) {
    // (nothing to pay outside its corner of the frame)
    if (s.x < -0.9 || s.x > -0.36 || s.y < -0.5 || s.y > 0.08)
        return col;
    // rows of it slip sideways in hard-edged runs a few frames at a time, as her hands do
    float row = floor((s.y + 0.5) * 60.0);
    float tick = floor(t * 9.0);
    float r1 = hash_to_unit(pcg2d(uvec2(uint(row + 300.0), uint(tick))).x);
    float r2 = hash_to_unit(pcg2d(uvec2(uint(row + 700.0), uint(tick))).y);
    vec2 sp = s - vec2(step(0.96, r1) * (r2 - 0.5) * 0.04, 0.0);
    float blur = max(px * 1.2, 0.0025);                  // a little behind the focus
    // the stuck copies: the laugh a moment ago, left where the recording jumped -- a thin cold
    // outline and a faint veil each, so they read as copies and leave the room clear
    for (int k = 2; k >= 1; --k) {
        float f, fh, fr;
        float d = child_sd(sp - vec2(-0.06 * float(k), 0.006 * float(k)), t - 0.16 * float(k), f, fh, fr);
        float a = 1.0 - smoothstep(-blur * 2.0, blur * 2.0, d);
        float line = exp(-abs(d) / 0.004);
        float w = 0.75 - 0.3 * float(k);
        col = mix(col, col * 0.7 + vec3(0.002, 0.0025, 0.005), a * w);
        col += vec3(0.35, 0.5, 1.0) * 0.012 * line * w;
    }
    // the child itself
    float face, hands, hair;
    float d = child_sd(sp, t, face, hands, hair);
    float a = 1.0 - smoothstep(-blur, blur, d);
    // its outline's normal (toward the outside): the distance's own screen derivatives
    vec2 n = vec2(dFdx(d), dFdy(d));
    n /= max(length(n), 1e-9);
    float inside = max(-d, 0.0);
    // a rounded body's normal: facing the camera deep inside, turned to the outline at its
    // edge (a dome over the silhouette, the head's and hands' radius)
    float z = 1.0 - pow(1.0 - clamp(inside / 0.09, 0.0, 1.0), 2.0);
    vec3 n3 = normalize(vec3(n * sqrt(max(1.0 - z * z, 0.0)), z + 0.05));
    // the window behind it (at its left and above): a cold rim all round, strongest toward it
    float cold = exp(-inside / 0.006) * (0.4 + 0.6 * max(dot(n, normalize(vec2(-0.7, 0.7))), 0.0));
    // her candle at the right, a little in front: a warm key modelling the round face and hands
    float lam = max(dot(n3, normalize(vec3(0.9, 0.3, 0.35))), 0.0);
    // (the hands, pressed flat on its belly, only half: at full they read as a lit disc)
    float skin = max(1.0 - smoothstep(-0.004, 0.004, face), 0.45 * (1.0 - smoothstep(-0.004, 0.004, hands)))
               * smoothstep(-0.004, 0.004, hair);
    vec3 robe = vec3(0.05, 0.035, 0.03);                 // dark wool
    vec3 flesh = vec3(0.75, 0.5, 0.36);                  // a child's warm cheek
    vec3 alb = mix(robe, flesh, skin);
    vec3 body = vec3(0.0016, 0.0014, 0.0022)
              + vec3(0.35, 0.5, 1.0) * 0.05 * cold
              + lightc * alb * 0.09 * key * lam * lam;
    // its eye, a bead of mercury catching the candle as theirs do (a Serene's)
    float ha = child_ha(t);
    vec2 q = child_rot((sp - CHILD_FEET) / CHILD_SCALE, -CHILD_LEAN - 0.03 * ha) - vec2(0.0, 0.006 * ha);
    vec2 h = child_rot(q - vec2(0.0, 0.215), -0.5 - 0.2 * ha);
    float er = length(h - vec2(0.038, 0.094)) * CHILD_SCALE;
    body += vec3(0.6, 0.8, 1.0) * (0.5 * (1.0 - smoothstep(0.005, 0.008, er)) + 0.02 * exp(-er / 0.012));
    // the open mouth's dark inside (the laugh)
    float mo = length((h - vec2(0.058, 0.036)) * vec2(1.0, 0.9)) * CHILD_SCALE;
    body *= mix(1.0, 0.15, (1.0 - smoothstep(0.012, 0.02, mo)) * skin);
    col = mix(col, body, a);
    // the window's cold light spilling round its outline into the air (a thin halo)
    col += vec3(0.35, 0.5, 1.0) * 0.003 * exp(-max(d, 0.0) / 0.012) * (1.0 - a);
    return col;
}
