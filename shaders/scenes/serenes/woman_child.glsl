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

// the head's own coordinates at the last child_sd call (its face to +x, the crown to +y):
// where the cheek and the laughing mouth are, for the light that models them
vec2 child_head_local = vec2(0.0);

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
    child_head_local = h;
    float neck = child_capsule(h, vec2(0.0, -0.01), vec2(0.0, 0.03), 0.022);
    float skull = length((h - vec2(-0.008, 0.08)) * vec2(1.0, 0.97)) - 0.066;
    float cheek = length(h - vec2(0.03, 0.047)) - 0.03;
    float nose = length(h - vec2(0.063, 0.078)) - 0.009;    // (a silhouette's: the profile tells it)
    float head = child_smin(child_smin(skull, cheek, 0.02), nose, 0.008);
    float jaw = child_capsule(h, vec2(0.004, 0.026), vec2(0.032, 0.012), 0.013);
    head = child_smin(head, jaw, 0.012);
    // the open mouth: a round notch between the cheek and the dropped chin, wider on each ha
    float mouth = length((h - vec2(0.054, 0.033)) * vec2(1.0, 0.6 + 0.3 * (1.0 - ha))) - 0.016 - 0.004 * ha;
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

// the memory's light: pale gold, a child's warmth remembered
const vec3 CHILD_GLOW = vec3(1.0, 0.78, 0.5);

// One depth of motes drifting up through the memory: sparse, each anywhere in its cell (the
// four nearest cells are read, so a mote is never cut at a cell's edge), its own size, sway
// and twinkle -- round 34's follow-up: one mote per cell, jittered little, read as "rows of
// dots, a dotted pattern, a sticker".  ``scale`` cells a frame height, ``rise`` its drift
// (frame heights a second), ``fill`` the share of cells holding one.
float child_motes(vec2 s, float t, float scale, float rise, float fill, uint seed) {
    vec2 g = (s - vec2(0.0, t * rise)) * scale;
    vec2 base = floor(g - 0.5);
    float m = 0.0;
    for (int j = 0; j < 4; ++j) {
        vec2 c = base + vec2(float(j & 1), float(j >> 1));
        uvec2 h = pcg2d(uvec2(ivec2(c) + 8192) + uvec2(seed, seed * 3u));
        float hx = hash_to_unit(h.x), hy = hash_to_unit(h.y);
        float hz = hash_to_unit(h.x ^ (h.y * 7u)), hw = hash_to_unit(h.y ^ (h.x * 13u));
        vec2 at = c + 0.2 + 0.6 * vec2(hx, hy) + vec2(0.12 * sin(t * (0.4 + hw) + 6.28 * hz), 0.0);
        float r = mix(0.05, 0.16, hz * hz * hz);
        float tw = 0.5 + 0.5 * sin(t * (1.2 + 2.5 * hw) + 6.28 * hx);
        vec2 d = g - at;
        m += exp(-dot(d, d) / (r * r)) * step(1.0 - fill, hw) * tw * (r / 0.16);
    }
    return m;
}

// The light the remembered child is made of, at ``edge`` inside its outline (``n`` the
// outline's normal, ``face`` the distance to its head): light that models the form -- lit
// from her candle (up and to the right) as a rounded body would be, its thrown-back face, the
// cheek and the open mouth of the laugh catching the most; the outline bright only on the side
// turned to the light -- and a few motes drifting up through it at two depths (round 34's
// follow-up: "an even outline", "a dotted pattern or a sticker").
vec3 child_memory_light(vec2 s, float edge, vec2 n, float face, float t, vec3 lightc, float key) {
    // (the body a dome: rising from the outline, its normal leaning out as the edge nears)
    float rise = smoothstep(0.0, 0.05, edge);
    vec3 N = normalize(vec3(n * (1.0 - rise), 0.35 + rise));
    float lam = max(dot(N, normalize(vec3(0.75, 0.45, 0.5))), 0.0);
    float toward = smoothstep(-0.2, 0.8, dot(n, normalize(vec2(1.0, 0.35))));
    float shell = 0.001 + 0.009 * lam * lam
                + (0.012 + 0.05 * toward) * exp(-edge / 0.005) + 0.003 * exp(-edge / 0.025);
    // the face: the front of the thrown-back head lit, the cheek and the laughing mouth most
    vec2 h = child_head_local;
    float in_head = 1.0 - smoothstep(-0.004, 0.006, face);
    float front = smoothstep(-0.01, 0.05, h.x) * in_head;
    vec2 dc = h - vec2(0.034, 0.052), dm = h - vec2(0.05, 0.036);
    float cheek = exp(-dot(dc, dc) / 0.0003) * in_head;
    float mouth = exp(-dot(dm, dm) / 0.00012);
    shell += 0.009 * front * (0.3 + 0.7 * lam) + 0.05 * cheek + 0.07 * mouth;
    // (far motes small and slow, near ones larger, softer and faster: parallax, not a pattern)
    float far = child_motes(s, t, 34.0, 0.012, 0.22, 11u);
    float near = child_motes(s + vec2(0.3, 0.0), t, 15.0, 0.03, 0.18, 29u);
    return CHILD_GLOW * (shell + 0.3 * far + 0.1 * near) * (0.6 + 0.4 * key);
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
    vec2 head_here = child_head_local;                    // (before the copies overwrite it)
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
    child_head_local = head_here;
    float a = 1.0 - smoothstep(-blur, blur, d);
    // the outline's normal (toward the outside)
    vec2 n = vec2(dx - d, dy - d);
    n /= max(length(n), 1e-9);
    // (round 33's readers at 131.0 s, both: "the cartoon child clashes in style" -- "keep every
    // figure as a rim-lit silhouette": no lit face, a near-black cut-out as the Serenes' row
    // stands, told by its outline alone -- the thrown-back head, the open mouth's notch, the
    // curls -- and by two rims: her candle's warm one along the side turned to her (the
    // laughing profile, the hands), the window's cold one along the side behind it)
    float edge = max(-d, 0.0);
    // (the rims never thinner than a pixel of the frame (this pass is half-size): finer, they crawl in dots)
    float rw = max(0.003, 0.6 * px);
    float warm = exp(-edge / (rw * 1.15)) * smoothstep(-0.1, 0.6, dot(n, normalize(vec2(1.0, 0.25))));
    float cold = exp(-edge / rw) * smoothstep(-0.1, 0.6, dot(n, normalize(vec2(-0.75, 0.65))));
    // (a faint sheen deeper in, so the rims fall off into the dark, not cut as lines)
    float warmx = exp(-edge / 0.012) * max(dot(n, normalize(vec2(1.0, 0.25))), 0.0);
    // (round 34's readers at 129.8 s: "the child a crude blob", "a clay-like doll" -- it is a
    // memory, not a body: made of light, pale gold and translucent, brightest at its edges
    // and its upturned face, motes of light drifting in it, the room seen through it)
    vec3 body = col * 0.8 + child_memory_light(s, edge, n, face, t, lightc, key)
              + lightc * vec3(1.0, 0.62, 0.36) * key * (0.12 * warm + 0.004 * warmx)
              + vec3(0.35, 0.5, 1.0) * 0.12 * cold;
    col = mix(col, body, a);
    // its light spilling round its outline into the air (a soft halo)
    col += (vec3(0.35, 0.5, 1.0) * 0.003 + CHILD_GLOW * 0.012) * exp(-max(d, 0.0) / 0.02) * (1.0 - a);
    return col;
}
