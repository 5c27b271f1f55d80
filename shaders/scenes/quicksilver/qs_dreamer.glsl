// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only (it includes lib/sdf.glsl itself).
//
// You, leaning over the pool at your feet, looking down into it: the mirror gives back your
// head and shoulders looking up at you, the right way up on the screen (the crown towards the
// far rim), as a floor mirror shows whoever bends over it.  The figure lies on a level plane
// above the pool, facing down; the mirror finds it the way a mirror does -- the reflected ray
// leaves the metal and meets that plane -- so every tilted shard shows its own piece of it,
// and each loose shard jolts its piece a little further (qs_mirror.frag): the self breaks
// across the cracks.  Round 14's reader read the lit, modelled face as "an uncanny mannequin";
// round 17's read round 15's faceless silhouette as "a mannequin / a blob"; round 18's read
// the painted face as "a crude orange clay mask".  Round 19 follows that reader's advice: the
// self is pure shadow -- a dark silhouette of head, hair and shoulders against the bright
// mirrored sky, a warm rim of light round it, the red of life only in the cracks.

#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no face), heartbeat 0..1, scale (floor units per face unit), beat phase 0..1 (unread since round 19 took out the veins)
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
// A shadow, not a portrait: head, loose hair, shoulders, no features, near-black, its edge
// lit by a warm rim that swells a little with each heartbeat -- alive against the cold
// metal without a face to judge.
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

    // -- the shadow (round 19's reader at 166.7/170.1 s: "a crude orange clay mask" -- keep
    // the self as pure shadow): a near-black silhouette of head and shoulders against the
    // bright mirrored sky, no face painted in it, no glow through it; only a warm rim of
    // light runs round its edge (brightest on the light's side, upper left), and the red of
    // life shows only where the mirror cracks (qs_mirror.frag).
    float inside = max(-sd, 0.0);
    float edge = 1.0 - smoothstep(0.0, 0.035 + w, inside);          // 1 on the outline, 0 inside
    const vec2 KEY = vec2(-0.6, 0.8);                                  // the light: from the upper left
    float facing = dot(grad, KEY);
    float rim = pow(edge, 3.0) * (0.3 + 0.7 * smoothstep(-0.3, 0.8, facing));
    float beat = u_dreamer_fig.y;
    vec3 col = vec3(0.006, 0.005, 0.008) + vec3(1.35, 0.62, 0.3) * rim * (1.6 + 0.25 * beat);

    // Around the figure, the warmth it gives off into the cold mirror: a soft amber halo
    // hugging the outline (a rim of light round it, not a red glow).
    float aura = exp(-max(sd, 0.0) / 0.05) * (1.0 - cover) * front * u_dreamer_fig.x * fade;
    return vec4(0.85 * col * cover + vec3(0.42, 0.2, 0.08) * aura * (0.45 + 0.2 * beat), cover);
}
