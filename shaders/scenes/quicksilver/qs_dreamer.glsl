// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs lib/noise.glsl and lib/colour.glsl before it.
//
// You, leaning over the pool at your feet, looking down into it: the mirror gives back your
// head and shoulders looking up at you, the right way up on the screen (the crown towards the
// far rim), as a floor mirror shows whoever bends over it.  The figure lies on a level plane
// above the pool, facing down; the mirror finds it the way a mirror does -- the reflected ray
// leaves the metal and meets that plane -- so every tilted shard shows its own piece of it,
// and each loose shard jolts its piece a little further (qs_mirror.frag): the self breaks
// across the cracks.  Round 14's reader read the lit, modelled face as "an uncanny mannequin":
// the self is stylised now -- a silhouette of dark mercury with a warm silver rim, red life
// glowing through it in a core and veins that pulse with the heartbeat.

#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no face), heartbeat 0..1, scale (floor units per face unit), beat phase 0..1
uniform vec2 u_dreamer_feet; // where the face's centre lies on its plane (x, z); the plane is y = DREAMER_H
uniform float u_dreamer_h;   // the height of that plane over the floor

const float DREAMER_SHRINK = 0.6;    // the figure's size against the face it replaced
const float DREAMER_STRETCH = 1.5;   // the figure's length along the floor over its width (round 16: 2.2 drew the head as a tall thumb)

float dm_oval(vec2 p, vec2 c, vec2 r) {
    vec2 q = (p - c) / r;
    return (length(q) - 1.0) * min(r.x, r.y);
}

// The dreamer's outline (face units): the head, the hair loose round it, the neck and the
// shoulders as one signed distance.
float dm_outline(vec2 g) {
    float face = dm_oval(g, vec2(0.0, 0.0), vec2(0.265, 0.37));
    float jaw = dm_oval(g, vec2(0.0, -0.22), vec2(0.155, 0.175));      // (the head narrows to the chin)
    face = smin(face, jaw, 0.06);
    float hair = dm_oval(g, vec2(0.0, 0.08), vec2(0.335, 0.45));
    // the hair falling past the cheeks onto the shoulders, one mass with the neck (round 15:
    // separate locks left slits of bright mirror between them and the neck, which read as the
    // towers seen through the figure)
    hair = smin(hair, dm_oval(g, vec2(0.0, -0.32), vec2(0.35, 0.42)), 0.1);
    float neck = sd_segment(g, vec2(0.0, -0.3), vec2(0.0, -0.62)) - 0.12;
    // (round 16: "a limb?" -- the shoulders one broad sloping mass, wider than the head by
    // half again each side, so the outline reads at a glance as a head and shoulders)
    float shoulders = smin(sd_segment(g, vec2(-0.58, -0.86), vec2(0.58, -0.86)) - 0.2,
                           dm_oval(g, vec2(0.0, -0.8), vec2(0.5, 0.2)), 0.15);
    float body = smin(neck, shoulders, 0.1);
    // the chest below them, so the figure runs on into the mirror's dark, not a cut-off bust
    body = smin(body, dm_oval(g, vec2(0.0, -1.25), vec2(0.66, 0.55)), 0.15);
    return min(min(face, hair), body);
}

// The dreamer seen from floor point P along reflected direction r: linear colour
// (premultiplied by coverage) and coverage.  jolt: the shard's own displacement of its piece
// (0 in a whole mirror).
//
// Stylised, not a portrait (round 14's reader: "an uncanny mannequin face"): the self is a
// silhouette of dark polished mercury -- head, loose hair, shoulders, no features -- its rim
// catching the light in a warm silver line, and through the metal the red of life glows: a
// core at the throat and branching veins that brighten with each heartbeat.  Alive inside the
// cold metal, without a face to judge.
vec4 dreamer(vec3 P, vec3 r, vec2 jolt) {
    float S = u_dreamer_fig.z;
    float t = (u_dreamer_h - P.y) / max(r.y, 1e-3);
    vec3 H = P + r * t;
    float front = step(1e-3, r.y);
    // (DREAMER_SHRINK: the stylised figure smaller than the old face, so the head, the hair
    // and the shoulders all fit in the pool and read as a person, not as one red shape)
    vec2 g = vec2(H.x - u_dreamer_feet.x, (H.z - u_dreamer_feet.y) / DREAMER_STRETCH) / (S * DREAMER_SHRINK);
    // (small: each piece stays near its place, so the broken figure still reads as one)
    // (round 16: halved -- larger jolts scattered the bust into pieces nobody read as a self)
    float turn = 0.09 * jolt.x - 0.055 * jolt.y;
    g = mat2(cos(turn), sin(turn), -sin(turn), cos(turn)) * g + vec2(0.04, 0.035) * jolt;
    vec2 fw = fwidth(g);
    float w = clamp(0.75 * max(fw.x, fw.y), 0.003, 0.03);

    float sd = dm_outline(g);
    // the outline's gradient, by differences: the silhouette's rounded edge turns its normal
    const float E = 0.01;
    vec2 grad = vec2(dm_outline(g + vec2(E, 0.0)) - sd, dm_outline(g + vec2(0.0, E)) - sd) / E;
    grad /= max(length(grad), 1e-3);
    float fade = smoothstep(-1.7, -1.2, g.y);             // the chest goes into the mirror's dark
    float cover = (1.0 - smoothstep(-w, w, sd)) * front * u_dreamer_fig.x * fade;

    // -- the metal body: near-black polished mercury, its rounded edge catching the light --
    float inside = max(-sd, 0.0);
    float edge = 1.0 - smoothstep(0.0, 0.05, inside);                 // 1 on the outline, 0 inside
    vec3 n = normalize(vec3(grad * edge * 1.8, 1.0));
    const vec2 KEY = vec2(-0.6, 0.8);                                  // the light: from the upper left
    float facing = dot(grad, KEY);
    float rim = pow(edge, 2.5) * (0.35 + 0.65 * smoothstep(-0.2, 0.8, facing));
    vec3 body = vec3(0.018, 0.014, 0.022) * (0.6 + 0.4 * n.z);
    // long soft reflections sliding down the metal (the night it mirrors), faint
    body += vec3(0.05, 0.045, 0.06) * smoothstep(0.2, 0.9, sin(g.x * 5.0 + g.y * 2.0 + 1.3)) * (1.0 - edge);
    vec3 col = body + vec3(1.3, 0.7, 0.5) * rim * 2.0;      // (warm: the life inside lights its edge)

    // -- the life glowing through: a core at the throat and veins branching out ----------
    float beat = u_dreamer_fig.y;
    float deep = smoothstep(0.0, 0.06, inside);                        // (not on the rim)
    vec2 c = g - vec2(0.0, -0.62);
    float core = exp(-dot(c / vec2(0.25, 0.35), c / vec2(0.25, 0.35)));   // the heart, below the throat
    // veins: the ridges of warped noise, thin and branching, densest near the core
    vec2 q = g * 3.5 + vec2(0.0, 0.15 * u_dreamer_fig.w);
    q += 0.6 * vec2(vnoise(g * 3.0 + 5.0), vnoise(g * 3.0 + 9.0));
    // (simplex, not value noise: value noise's ridges ran along its grid like a circuit board)
    float ridge = 1.0 - abs(snoise(q));
    float rw = max(fwidth(ridge), 0.02);
    float veins = smoothstep(0.92 - rw, 0.92 + rw, ridge);
    float ridge2 = 1.0 - abs(snoise(q * 2.1 + 13.0));
    veins = max(veins, 0.55 * smoothstep(0.9 - rw, 0.9 + rw, ridge2) * smoothstep(0.4, 0.0, length(c)));
    float life = (0.35 + 0.65 * beat);
    vec3 blood = vec3(1.3, 0.12, 0.04);
    col += blood * deep * (0.5 * core * life + veins * (0.8 + 1.4 * core) * life);
    // a dim ember through the whole body, so it is never a hole
    col += vec3(0.07, 0.006, 0.005) * deep * (0.5 + 0.5 * beat);

    // Around the figure, the warmth it gives off into the cold mirror.
    float aura = exp(-max(sd, 0.0) / 0.08) * (1.0 - cover) * front * u_dreamer_fig.x * fade;
    return vec4(0.85 * col * cover + vec3(0.3, 0.05, 0.03) * aura * (0.3 + 0.3 * beat), cover);
}
