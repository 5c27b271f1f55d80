// woman_child.glsl -- the child whose laughter loops (paragraph 6: "A child's laughter loops
// endlessly"), never seen in thirty rounds: in the woman's close shot a small Serene child
// stands in the cold light of her window, head thrown back mid-laugh, arms flung up, its hood
// fallen on its shoulders -- and its laugh is stuck: fainter copies of the last moments of
// the same laugh hang beside it, a step apart, and rows of it slip sideways as her hands do,
// a recording on repeat.  Drawn in screen space (s: centred, frame heights) over the room
// behind her, a backlit silhouette: dark against the window's glow, a cold rim from the
// window, a warm one along the laughing profile from her candle at the right.
// Needs: u_time (the cue's seconds), u_resolution, pcg2d / hash_to_unit (common.glsl).

const vec2 CHILD_FEET = vec2(-0.53, -0.53);    // where it stands (screen units, frame heights;
// round 33: -0.6 put its curls over the left edge once the push was in, at 131 s)
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
    // (round 33's readers: "a crude toy figure" -- its face jutted past the skull like a
    // snout and a hard-edged cap of hair sat on it like a helmet: a child's face is flat under
    // a big round crown, a button nose, full cheeks, the chin dropped open by the laugh)
    vec2 h = child_rot(q - vec2(0.0, 0.215), -0.5 - 0.2 * ha);
    float neck = child_capsule(h, vec2(0.0, -0.01), vec2(0.0, 0.03), 0.022);
    float skull = length((h - vec2(-0.008, 0.08)) * vec2(1.0, 0.97)) - 0.066;
    float cheek = length(h - vec2(0.03, 0.047)) - 0.03;
    float nose = length(h - vec2(0.061, 0.078)) - 0.007;
    float head = child_smin(child_smin(skull, cheek, 0.02), nose, 0.008);
    float jaw = child_capsule(h, vec2(0.004, 0.026), vec2(0.032, 0.012), 0.013);
    head = child_smin(head, jaw, 0.012);
    // the open mouth: a round notch between the cheek and the dropped chin, wider on each ha
    float mouth = length((h - vec2(0.05, 0.031)) * vec2(1.0, 0.7 + 0.4 * (1.0 - ha))) - 0.012 - 0.004 * ha;
    head = child_smin(head, -mouth, -0.004);
    head = min(head, neck);
    // its hair: soft curls over the back and the crown of the skull, their edge on the brow
    // irregular (a tousle, not a cap's straight line); > 0 outside the hair
    vec2 hc = h - vec2(-0.008, 0.08);
    float ang = atan(hc.y, hc.x);
    hair = (dot(hc / max(length(hc), 1e-5), normalize(vec2(0.55, -0.84))) - 0.05 - 0.06 * sin(ang * 7.0 + 1.3)) * 0.07;
    float curls = max(skull - 0.004 - 0.0022 * sin(ang * 13.0 + 2.0 * sin(ang * 3.0)) - 0.0015 * sin(ang * 23.0), hair);
    head = min(head, curls);
    hair = max(hair, skull - 0.006);
    face = head * CHILD_SCALE;
    hair *= CHILD_SCALE;
    hands *= CHILD_SCALE;
    return min(body, head) * CHILD_SCALE;
}

// The child's face lit as a round thing (round 33's lead: "lit a flat orange, a cut-out"):
// in its head's frame h (rotated by ``turn`` from the screen's), the skull, the full cheek and
// the button nose each a ball with its own normal; the window's cold moonlight from above at
// the left falls on the raised brow and the top of the cheek, her candle's warm fill from the
// right on the face turned to her, a soft sheen on the cheek and the nose's tip, the throat
// under the chin in shadow.  Returns the light on a unit albedo.
vec3 face_colour(vec2 h, vec3 lightc, float key, float turn) {
    vec2 ps = (h - vec2(-0.008, 0.08)) / 0.066, pc = (h - vec2(0.03, 0.047)) / 0.034;
    vec2 pn = (h - vec2(0.061, 0.078)) / 0.011;
    // (the nearer ball's surface wins, blended softly across the seams)
    float wc = clamp(0.5 + (length(ps) - length(pc)) * 2.0, 0.0, 1.0);
    float wn = 1.0 - smoothstep(0.7, 1.1, length(pn));
    vec2 nxy = mix(mix(ps, pc, wc), pn, wn);
    nxy /= max(1.0, length(nxy) / 0.97);
    vec3 n = vec3(nxy, sqrt(max(1.0 - dot(nxy, nxy), 0.0)));
    // the lights in the head's frame (turned as its points are)
    vec3 Lw = normalize(vec3(child_rot(vec2(-0.45, 0.8), turn), 0.4));     // window, behind-left, high
    vec3 Lc = normalize(vec3(child_rot(vec2(0.9, 0.15), turn), 0.45));    // her candle at the right
    float cold = max(dot(n, Lw) * 0.85 + 0.15, 0.0);
    float warm = pow(max(dot(n, Lc) * 0.8 + 0.2, 0.0), 2.0);
    // the throat and the underside of the chin away from both lights, and the jaw's shadow
    float under = smoothstep(-0.012, 0.03, h.y + 0.25 * (h.x - 0.03));
    vec3 c = vec3(0.55, 0.66, 1.0) * 0.32 * cold * cold + lightc * 0.075 * key * warm;
    // the sheen: a soft highlight where the cheek and the nose's tip turn to the candle
    vec3 Hc = normalize(Lc + vec3(0.0, 0.0, 1.0));
    float sheen = pow(max(dot(n, Hc), 0.0), 8.0) * (0.4 + 0.6 * max(wc, wn));
    c += (lightc * 0.5 + vec3(0.5)) * 0.13 * key * sheen;
    // and a cold glint on the brow, where the moonlight grazes it
    c += vec3(0.6, 0.72, 1.0) * 0.06 * pow(max(dot(n, normalize(Lw + vec3(0.0, 0.0, 1.0))), 0.0), 14.0) * (1.0 - wc);
    return c * mix(0.25, 1.0, under);
}

// The child over the room behind her (``col``), at the cue's time t: its laugh now and two
// stuck copies of the moments just before it, the stutter of a recording on repeat.  Lit so
// its form reads -- her candle (at the right) a warm key across its upturned face and hands,
// the window's moonlight (behind it, at the left) a cold rim.  Round 33's readers: "a crude
// blocky, pixel-glitched mannequin" -- its rows slipped in hard steps and its light was shaded
// from the half-size pass's 2x2 derivatives (stair-steps across the face): the loop is told
// by the soft copies alone, and the normals are the distance's own central differences.
vec3 woman_child(vec2 s, vec3 col, vec3 lightc, float key, float t, float px) {
    // (nothing to pay outside its corner of the frame)
    if (s.x < -0.9 || s.x > -0.16 || s.y < -0.5 || s.y > 0.1)
        return col;
    float blur = max(px * 1.2, 0.0025);                  // a little behind the focus
    // the child itself first (where it stands opaque, the copies behind it cost nothing)
    float face = 1.0, hands = 1.0, hair = 1.0, fx, hx, rx, fy, hy, ry;
    bool here = s.x <= -0.36 && s.y <= 0.08;            // (right of it: its copies only)
    float d = here ? child_sd(s, t, face, hands, hair) : 1e9;
    // the stuck copies: the laugh a moment ago, left where the recording jumped -- soft
    // ghosts a step apart, fainter the older, each with its own laughing face faintly lit
    // (round 33: "its stuck loop a clean deliberate echo": the dark veils alone went unseen)
    if (d > -blur) {
        for (int k = 2; k >= 1; --k) {
            vec2 sk = s - vec2(0.1 * float(k), 0.012 * float(k));
            if (sk.x < -0.9 || sk.x > -0.36 || sk.y > 0.08)
                continue;                                    // (outside this copy's own corner)
            float f, fh, fr;
            float dk = child_sd(sk, t - 0.16 * float(k), f, fh, fr);
            float a = 1.0 - smoothstep(-blur * 3.0, blur * 3.0, dk);
            float w = 0.65 - 0.2 * float(k);
            // (a warm line along its laughing profile, where the candle caught it, and a cold
            // one round the rest: clean outlines a step apart -- filled, the faces read as smudges)
            float profile = exp(-abs(f) / 0.004) * smoothstep(-0.006, 0.006, fr);
            col = mix(col, col * 0.6 + vec3(0.002, 0.0025, 0.005), a * w);
            col += vec3(0.35, 0.5, 1.0) * 0.014 * exp(-abs(dk) / 0.006) * w * (1.0 - profile);
            col += lightc * vec3(0.9, 0.55, 0.35) * 0.05 * key * profile * w;
        }
    }
    if (!here)
        return col;
    // (outside it only the window's light round its outline: no normals to pay for)
    if (d > blur)
        return col + vec3(0.35, 0.5, 1.0) * 0.003 * exp(-d / 0.012);
    const float E = 0.003;
    float dx = child_sd(s + vec2(E, 0.0), t, fx, hx, rx);
    float dy = child_sd(s + vec2(0.0, E), t, fy, hy, ry);
    float a = 1.0 - smoothstep(-blur, blur, d);
    // the outline's normal (toward the outside), the body's and the head's apart: the head is
    // its own ball, so its light turns round the skull rather than the body's outline
    vec2 n = vec2(dx - d, dy - d);
    n /= max(length(n), 1e-9);
    vec2 nf = vec2(fx - face, fy - face);
    nf /= max(length(nf), 1e-9);
    float headw = 1.0 - smoothstep(-0.01, 0.01, face);
    float inside = max(-mix(d, face, headw), 0.0);
    vec2 nn = normalize(mix(n, nf, headw) + 1e-6);
    // a rounded body's normal: facing the camera deep inside, turned to the outline at its
    // edge (a dome over the silhouette, the head's and hands' radius)
    float z = 1.0 - pow(1.0 - clamp(inside / mix(0.09, 0.085, headw), 0.0, 1.0), 2.0);
    vec3 n3 = normalize(vec3(nn * sqrt(max(1.0 - z * z, 0.0)), z + 0.05));
    // the window behind it (at its left and above): a cold rim all round, strongest toward it
    float cold = exp(-max(-d, 0.0) / 0.006) * (0.4 + 0.6 * max(dot(n, normalize(vec2(-0.7, 0.7))), 0.0));
    // her candle at the right, a little in front: a warm key modelling the round face and hands
    vec3 Lk = normalize(vec3(0.9, 0.3, 0.35));
    float lam = max(dot(n3, Lk), 0.0);
    // (the hands, pressed flat on its belly, only half: at full they read as a lit disc)
    float skin = max(1.0 - smoothstep(-0.004, 0.004, face), 0.45 * (1.0 - smoothstep(-0.004, 0.004, hands)))
               * smoothstep(-0.008, 0.022, hair);
    float curls = (1.0 - smoothstep(-0.008, 0.022, hair)) * headw;
    vec3 robe = vec3(0.05, 0.035, 0.03);                 // dark wool
    vec3 flesh = vec3(0.8, 0.5, 0.36);                   // a child's warm cheek
    vec3 alb = mix(mix(robe, flesh, skin), vec3(0.07, 0.045, 0.03), curls);
    // (the skin's light wraps a little: a child's soft cheek, not a hard terminator)
    float wrapk = mix(lam * lam, pow(max(dot(n3, Lk) * 0.8 + 0.2, 0.0), 1.5), skin);
    // its head's own frame (the face lit as a round ball, not the outline's dome)
    float ha = child_ha(t);
    float tilt = -CHILD_LEAN - 0.03 * ha, tip = -0.5 - 0.2 * ha;
    vec2 q = child_rot((s - CHILD_FEET) / CHILD_SCALE, tilt) - vec2(0.0, 0.006 * ha);
    vec2 h = child_rot(q - vec2(0.0, 0.215), tip);
    vec3 body = vec3(0.0016, 0.0014, 0.0022)
              + vec3(0.35, 0.5, 1.0) * 0.05 * cold * (1.0 - 0.6 * skin)
              + lightc * alb * 0.09 * key * wrapk * (1.0 - skin)
              + flesh * face_colour(h, lightc, key, tilt + tip) * skin;
    // the hair's sheen: a soft warm band where its curls turn to the candle
    body += lightc * 0.012 * key * curls * pow(max(dot(normalize(Lk + vec3(0.0, 0.0, 1.0)), n3), 0.0), 12.0);
    // its eye, a small bead of mercury catching the candle as theirs do (a Serene's)
    float er = length(h - vec2(0.041, 0.09)) * CHILD_SCALE;
    body += vec3(0.6, 0.8, 1.0) * (0.35 * (1.0 - smoothstep(0.0035, 0.006, er)) + 0.015 * exp(-er / 0.01)) * skin;
    // the open mouth's dark inside (the laugh)
    float mo = length((h - vec2(0.05, 0.033)) * vec2(1.0, 0.9)) * CHILD_SCALE;
    body *= mix(1.0, 0.08, (1.0 - smoothstep(0.009, 0.024, mo)) * skin);
    col = mix(col, body, a);
    // the window's cold light spilling round its outline into the air (a thin halo)
    col += vec3(0.35, 0.5, 1.0) * 0.003 * exp(-max(d, 0.0) / 0.012) * (1.0 - a);
    return col;
}
