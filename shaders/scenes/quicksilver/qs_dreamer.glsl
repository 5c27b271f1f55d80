// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs lib/noise.glsl and lib/colour.glsl before it.
//
// You, leaning over the pool at your feet, looking down into it: the mirror gives back your
// face and shoulders looking up at you, the right way up on the screen (the forehead towards
// the far rim, the chin towards you), as a floor mirror shows whoever bends over it.  (Round
// 13's readers saw the standing, arms-flung figure as "a crude red mannequin": a face is the
// one thing a glance reads as a person.)  The face lies on a level plane above the pool,
// facing down; the mirror finds it the way a mirror does -- the reflected ray leaves the metal
// and meets that plane -- so every tilted shard shows its own piece of it, and each loose
// shard jolts its piece a little further (qs_mirror.frag): the face breaks across the cracks.
// The face is modelled as a relief (a head's dome with brow, sockets, nose, cheekbones, lips
// and chin as soft bumps, their gradient worked out analytically, no extra evaluations) and
// lit as skin: a warm key from the upper left, the shadow side falling through crimson (light
// through flesh) into dark blood-red, a wet sheen on the cheeks (the tears), open eyes with a
// catch-light, and the cheeks and lips flushing with each heartbeat: warm red life in the cold
// metal.  Dark loose hair frames it.

#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no face), heartbeat 0..1, scale (floor units per face unit), beat phase 0..1
uniform vec2 u_dreamer_feet; // where the face's centre lies on its plane (x, z); the plane is y = DREAMER_H
uniform float u_dreamer_h;   // the height of that plane over the floor

const float DREAMER_STRETCH = 2.2;   // the face's length along the floor over its width (the floor's foreshortening undone)

float dm_sq(float x) {
    return x * x;
}

// A soft bump of the face's relief: adds its height and its gradient.
void dm_bump(vec2 g, vec2 c, vec2 s, float a, inout float h, inout vec2 grad) {
    vec2 d = (g - c) / s;
    float e = a * exp(-dot(d, d));
    h += e;
    grad += e * (-2.0 * d / s);
}

// The face's relief at g (face units: x across, y up the face; the eyes' line at y 0.05):
// height and gradient.
float dm_relief(vec2 g, out vec2 grad) {
    vec2 s = vec2(0.3, 0.41);
    vec2 d = g / s;
    // (a shallow dome, its slope capped: a face is mostly its front, and a steep rim would
    // turn the chin away from the light into a dark hole)
    float q = max(1.0 - dot(d, d), 0.1);
    float root = sqrt(q);
    float h = 0.22 * root;
    grad = 0.22 * (-d / s) / root;
    vec2 ax = vec2(abs(g.x), g.y);
    float sx = sign(g.x);
    vec2 gm = vec2(0.0);
    dm_bump(g, vec2(0.0, 0.13), vec2(0.22, 0.035), 0.05, h, grad);            // brow
    dm_bump(ax, vec2(0.12, 0.05), vec2(0.07, 0.045), -0.075, h, gm);         // eye sockets
    dm_bump(ax, vec2(0.17, -0.05), vec2(0.08, 0.06), 0.045, h, gm);          // cheekbones
    dm_bump(ax, vec2(0.24, -0.18), vec2(0.06, 0.12), -0.03, h, gm);          // the hollow under them
    grad += vec2(gm.x * sx, gm.y);
    dm_bump(g, vec2(0.0, 0.0), vec2(0.03, 0.085), 0.07, h, grad);            // nose
    dm_bump(g, vec2(0.0, -0.1), vec2(0.045, 0.03), 0.04, h, grad);           // its tip
    dm_bump(g, vec2(0.0, -0.21), vec2(0.085, 0.028), 0.035, h, grad);        // lips
    dm_bump(g, vec2(0.0, -0.33), vec2(0.08, 0.05), 0.04, h, grad);           // chin
    return h;
}

float dm_oval(vec2 p, vec2 c, vec2 r) {
    vec2 q = (p - c) / r;
    return (length(q) - 1.0) * min(r.x, r.y);
}

float dm_capsule(vec2 p, vec2 a, vec2 b, float r) {
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - r;
}

// The dreamer seen from floor point P along reflected direction r: linear colour
// (premultiplied by coverage) and coverage.  jolt: the shard's own displacement of its piece
// (0 in a whole mirror).
vec4 dreamer(vec3 P, vec3 r, vec2 jolt) {
    float S = u_dreamer_fig.z;
    float t = (u_dreamer_h - P.y) / max(r.y, 1e-3);
    vec3 H = P + r * t;
    float front = step(1e-3, r.y);
    vec2 g = vec2(H.x - u_dreamer_feet.x, (H.z - u_dreamer_feet.y) / DREAMER_STRETCH) / S;
    // (small: each piece stays near its place, so the broken face still reads as a face)
    float turn = 0.18 * jolt.x - 0.11 * jolt.y;
    g = mat2(cos(turn), sin(turn), -sin(turn), cos(turn)) * g + vec2(0.06, 0.055) * jolt;
    vec2 fw = fwidth(g);
    float w = clamp(0.75 * max(fw.x, fw.y), 0.003, 0.03);

    // -- the shape: the face, the hair loose round it, the neck and the shoulders ----------
    float face = dm_oval(g, vec2(0.0, 0.0), vec2(0.265, 0.37));
    float jaw = dm_oval(g, vec2(0.0, -0.22), vec2(0.155, 0.175));      // (the face narrows to the chin)
    face = smin(face, jaw, 0.06);
    float hair = dm_oval(g, vec2(0.0, 0.08), vec2(0.335, 0.45));
    // loose locks falling past the cheeks onto the shoulders, a little apart
    hair = smin(hair, dm_capsule(g, vec2(-0.25, 0.0), vec2(-0.34, -0.5), 0.065), 0.08);
    hair = smin(hair, dm_capsule(g, vec2(0.25, 0.0), vec2(0.31, -0.44), 0.06), 0.08);
    float neck = dm_capsule(g, vec2(0.0, -0.3), vec2(0.0, -0.62), 0.12);
    float shoulders = dm_capsule(g, vec2(-0.62, -0.78), vec2(0.62, -0.78), 0.15);
    float body = smin(neck, shoulders, 0.12);
    float all_sd = min(min(face, hair), body);
    float fade = smoothstep(-0.92, -0.55, g.y);           // the shoulders go into the mirror's dark
    float cover = (1.0 - smoothstep(-w, w, all_sd)) * front * u_dreamer_fig.x * fade;

    // -- the skin: relief lit by a warm key ------------------------------------------------
    vec2 grad;
    float rel = dm_relief(g, grad);
    // the neck and shoulders: rounded across
    float on_body = smoothstep(w, -w, body) * smoothstep(-w, w, face);      // (the neck below the face)
    vec2 bgrad = mix(vec2(-g.x * 3.5, 0.0), vec2(-g.x * 0.9, -(g.y + 0.78) * 4.0), smoothstep(-0.6, -0.7, g.y));
    grad = mix(grad, bgrad, on_body);
    vec3 n = normalize(vec3(-grad * 1.6, 1.0));
    const vec3 L = vec3(-0.45, 0.33, 0.83);              // (unit) the key: upper left, in front
    float lam = dot(n, L);
    float wrap = clamp((lam + 0.3) / 1.3, 0.0, 1.0);
    vec3 lit = vec3(1.45, 0.64, 0.34);
    vec3 mid = vec3(0.9, 0.2, 0.1);                       // light through flesh at the terminator
    vec3 dark = vec3(0.16, 0.015, 0.02);
    vec3 skin = mix(dark, mid, smoothstep(0.05, 0.45, wrap));
    skin = mix(skin, lit, smoothstep(0.45, 0.95, wrap));
    // the cold mirror's light on the shadow side: a thin steel rim
    skin += vec3(0.25, 0.3, 0.4) * pow(clamp(1.0 - n.z, 0.0, 1.0), 3.0) * smoothstep(0.1, -0.3, n.x) * 0.5;
    // wet: a sheen on the cheeks and the brow (the tears), moving with the relief
    vec3 hv = normalize(L + vec3(0.0, 0.0, 1.0));
    float spec = pow(max(dot(n, hv), 0.0), 40.0);
    vec2 ax = vec2(abs(g.x), g.y);
    float wet = 0.35 + 0.65 * exp(-dot((ax - vec2(0.16, -0.1)) / vec2(0.08, 0.14), (ax - vec2(0.16, -0.1)) / vec2(0.08, 0.14)));
    skin += vec3(1.0, 0.95, 0.9) * spec * wet * 0.9;
    // the heartbeat: the cheeks and lips flush with it
    float beat = u_dreamer_fig.y;
    float cheeks = exp(-dot((ax - vec2(0.15, -0.1)) / 0.08, (ax - vec2(0.15, -0.1)) / 0.08));
    skin += vec3(0.5, 0.03, 0.02) * cheeks * (0.25 + 0.35 * beat);

    // -- the features: brows, eyes open and looking up at you, lips ----------------------
    vec2 e = ax - vec2(0.118, 0.052);
    float lid = 0.026 * (1.0 - clamp(e.x * e.x / (0.058 * 0.058), 0.0, 1.0));
    float eye = smoothstep(w, -w, abs(e.y + 0.002 * sign(e.y)) - lid) * step(abs(e.x), 0.058);
    float iris_d = length(e - vec2(-0.004 * sign(g.x), 0.0));
    float iris = smoothstep(0.02 + w, 0.02 - w, iris_d);
    vec3 eye_col = mix(vec3(0.32, 0.24, 0.22) * (0.4 + 0.6 * wrap), vec3(0.05, 0.018, 0.012), iris);
    eye_col = mix(eye_col, vec3(0.0), smoothstep(0.009 + w, 0.009 - w, iris_d));                  // pupil
    float catchlight = exp(-dot(e - vec2(-0.009, 0.008), e - vec2(-0.009, 0.008)) / (0.0055 * 0.0055));
    eye_col += vec3(1.6, 1.6, 1.7) * catchlight;
    eye_col *= 1.0 - 0.6 * smoothstep(0.0, 0.02, e.y + 0.004);                                    // the lid's shadow
    skin = mix(skin, eye_col, eye);
    // the lash line: a dark line along the upper lid
    float lash = exp(-dm_sq((e.y - lid) / max(0.006, w))) * step(abs(e.x), 0.062) * step(0.0, e.y);
    skin *= 1.0 - 0.8 * lash;
    // brows
    vec2 b = ax - vec2(0.13, 0.118 + 0.35 * dm_sq(ax.x - 0.12));
    float brow = smoothstep(0.012 + w, 0.012 - w, abs(b.y)) * smoothstep(0.09, 0.05, abs(b.x));
    skin = mix(skin, vec3(0.03, 0.01, 0.008), brow * 0.85);
    // lips: a deeper red, parted by a dark line
    vec2 m = g - vec2(0.0, -0.21);
    float lips = smoothstep(w, -w, dm_oval(m, vec2(0.0), vec2(0.085, 0.03)));
    skin = mix(skin, skin * vec3(0.9, 0.45, 0.42) + vec3(0.25, 0.02, 0.02) * (0.6 + 0.6 * beat), lips * 0.8);
    float parted = exp(-dm_sq((m.y + 0.004 - 0.4 * m.x * m.x) / max(0.005, w))) * smoothstep(0.08, 0.05, abs(m.x));
    skin *= 1.0 - 0.85 * parted;

    // -- hair: near-black, warm, strands catching the key ---------------------------------
    float ang = atan(g.x, g.y - 0.05);
    float strands = 0.5 + 0.5 * sin(ang * 38.0 + 2.5 * sin(g.y * 11.0 + ang * 5.0));
    float in_hair = smoothstep(-w, w, face) * (1.0 - smoothstep(w, -w, body) * step(g.y, -0.28));
    vec3 hair_col = vec3(0.035, 0.012, 0.01) + vec3(0.35, 0.2, 0.14) * strands * strands * smoothstep(0.0, -0.3, g.x) * smoothstep(-0.3, 0.3, g.y) * 0.4;
    // where the hair meets the face, its shadow on the skin
    skin *= 0.45 + 0.55 * smoothstep(0.0, -0.04, face);
    vec3 col = mix(skin, hair_col, in_hair * (1.0 - smoothstep(w, -w, body) * step(g.y, -0.35)));
    // the chin's shadow on the neck (it draws the jaw), and the shoulders fall into shadow
    col *= mix(1.0, (0.1 + 0.9 * smoothstep(0.02, 0.3, jaw)) * 0.55, on_body);
    col *= mix(0.5, 1.0, smoothstep(-1.05, -0.5, g.y));

    // Around the head, the warmth it gives off into the cold mirror.
    float aura = exp(-max(all_sd, 0.0) / 0.08) * (1.0 - cover) * front * u_dreamer_fig.x * fade;
    return vec4(0.85 * col * cover + vec3(0.3, 0.05, 0.03) * aura * (0.3 + 0.3 * beat), cover);
}
