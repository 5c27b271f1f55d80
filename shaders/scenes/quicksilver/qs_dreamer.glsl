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
// across the cracks.  Round 14's reader read the lit, modelled face as "an uncanny mannequin";
// round 17's read round 15's faceless silhouette as "a mannequin / a blob".  So the body is a
// silhouette of dark mercury with a warm rim, red life glowing dimly through the breast with
// the heartbeat, and the face is painted into it in chiaroscuro: warm skin modelled by one
// low light from the left, most of it lost in the dark (round 18: no veins -- "lava cracks").

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

float dm_sq(float x) {
    return x * x;
}

// The face's relief (face units: the face's oval centred at 0, the eyes at y = 0.05): the
// head's dome with the features raised and sunk in it -- brow, eye sockets, the nose's ridge
// and tip, cheekbones, the lips and the line between them, the chin.  Painted in broad
// planes, not a portrait: a face the warm light can model.
float dm_face_height(vec2 g) {
    vec2 o = g / vec2(0.265, 0.37);
    float h = 0.22 * sqrt(max(1.0 - dot(o, o), 0.0));
    h += 0.035 * exp(-dm_sq((g.y - 0.115) / 0.045)) * exp(-dm_sq(g.x / 0.19));          // brow
    vec2 e = vec2(abs(g.x) - 0.095, g.y - 0.045) / vec2(0.07, 0.042);
    h -= 0.055 * exp(-dot(e, e));                                                        // eye sockets
    float ridge = smoothstep(0.09, 0.02, g.y) * smoothstep(-0.17, -0.11, g.y);
    h += 0.075 * exp(-dm_sq(g.x / 0.034)) * ridge * (0.45 + 0.55 * smoothstep(0.05, -0.12, g.y));   // nose
    vec2 c = vec2(abs(g.x) - 0.155, g.y + 0.045) / 0.075;
    h += 0.022 * exp(-dot(c, c));                                                        // cheekbones
    float mx = exp(-dm_sq(g.x / 0.085));
    h += mx * (0.016 * exp(-dm_sq((g.y + 0.19) / 0.018)) + 0.02 * exp(-dm_sq((g.y + 0.235) / 0.02))
             - 0.016 * exp(-dm_sq((g.y + 0.212) / 0.008)));                              // lips
    vec2 ch = (g - vec2(0.0, -0.31)) / vec2(0.09, 0.05);
    h += 0.02 * exp(-dot(ch, ch));                                                       // chin
    return h;
}

// The face in the mirror, lit (linear colour, and how much of the pixel is face): warm skin
// modelled by a light from the upper left -- a candle's, the refusal's warmth -- its shadow
// side falling away into the dark metal of the figure (chiaroscuro: half the face is lost in
// the dark, so it reads as a person in the dark, not a mannequin under studio light), red
// where the light turns into shadow (blood under the skin), the eyes dark with one small
// catch-light each, a cold glint of the mirror along the shadowed cheek.  w: a pixel (face units).
vec4 dm_face(vec2 g, float w, float beat) {
    float face_sd = smin(dm_oval(g, vec2(0.0, 0.0), vec2(0.265, 0.37)), dm_oval(g, vec2(0.0, -0.22), vec2(0.155, 0.175)), 0.06);
    // the hairline: the fringe and the hair falling past the temples cover the face's top
    float hairline = g.y - (0.2 - 0.9 * g.x * g.x + 0.025 * sin(g.x * 40.0));
    float mask = (1.0 - smoothstep(-w - 0.01, w + 0.01, face_sd)) * (1.0 - smoothstep(-w - 0.015, w + 0.015, hairline));
    if (mask <= 0.0) {
        return vec4(0.0);
    }
    const float E = 0.004;
    float h0 = dm_face_height(g);
    vec3 n = normalize(vec3(-(dm_face_height(g + vec2(E, 0.0)) - h0) / E,
                            -(dm_face_height(g + vec2(0.0, E)) - h0) / E, 1.0));
    vec3 L = normalize(vec3(-0.9, 0.3, 0.35));     // (round 18: lower, more from the side)
    float ndl = dot(n, L);
    float diff = max(ndl, 0.0);
    float terminator = exp(-dm_sq((ndl - 0.05) / 0.22));
    vec3 skin = vec3(1.0, 0.46, 0.27) * diff * diff * 4.0                  // (squared: the light falls off fast)
              + vec3(0.55, 0.06, 0.03) * terminator * (0.7 + 0.3 * beat)  // the blood under the skin
              + vec3(0.10, 0.11, 0.15) * pow(max(dot(n, normalize(vec3(0.7, -0.1, 0.7))), 0.0), 6.0) * 0.6;  // the mirror's cold glint
    float spec = pow(max(dot(reflect(-L, n), vec3(0.0, 0.0, 1.0)), 0.0), 20.0);
    skin += vec3(1.0, 0.85, 0.7) * spec * 0.35 * diff;
    // the eyes: dark, wet, each with one small catch-light from the light's side
    vec2 e = vec2(abs(g.x) - 0.095, g.y - 0.042);
    float eye = exp(-dot(e / vec2(0.038, 0.017), e / vec2(0.038, 0.017)));
    skin = mix(skin, vec3(0.012, 0.006, 0.006), eye * 0.9);
    vec2 cl = vec2(g.x - sign(g.x) * 0.095 + 0.012, g.y - 0.05);
    skin += vec3(1.0, 0.9, 0.8) * exp(-dot(cl, cl) / dm_sq(0.006 + w)) * 1.2 * step(0.5, eye);
    // the shadow side sinks into the figure's dark metal
    // (round 18's reader: "an uncanny, crude face" -- most of it lies in the dark now: only
    // the brow, the cheekbone and the nose's ridge on the light's side catch the light)
    skin = mix(vec3(0.012, 0.008, 0.01), skin, smoothstep(0.05, 0.5, ndl) * 0.95 + 0.05);
    return vec4(skin, mask);
}

// The dreamer seen from floor point P along reflected direction r: linear colour
// (premultiplied by coverage) and coverage.  jolt: the shard's own displacement of its piece
// (0 in a whole mirror).
//
// Stylised, not a portrait (round 14's reader: "an uncanny mannequin face"): the self is a
// silhouette of dark polished mercury -- head, loose hair, shoulders, no features -- its rim
// catching the light in a warm silver line, and through the metal the red of life glows: a
// soft core below the throat that brightens with each heartbeat.  Alive inside the
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
    vec3 col = body + vec3(1.3, 0.7, 0.5) * rim * 1.1;      // (warm: the life inside lights its edge)

    // -- the life glowing through: a soft core below the throat ----------------------------
    float beat = u_dreamer_fig.y;
    float deep = smoothstep(0.0, 0.06, inside);                        // (not on the rim)
    vec2 c = g - vec2(0.0, -0.62);
    float core = exp(-dot(c / vec2(0.25, 0.35), c / vec2(0.25, 0.35)));   // the heart, below the throat
    // (round 18's reader: the veins "read as lava cracks".  No veins: the life is a dim
    // warmth under the metal at the breast, swelling with the heartbeat; the red shows
    // bright only where the mirror cracks, in the cracks themselves, qs_mirror.frag)
    float life = (0.35 + 0.65 * beat);
    float breast = smoothstep(-0.3, -0.5, g.y);
    col += vec3(0.9, 0.07, 0.03) * deep * 0.8 * core * life * breast;
    // a dim ember through the whole body, so it is never a hole
    col += vec3(0.07, 0.006, 0.005) * deep * (0.5 + 0.5 * beat) * (0.3 + 0.7 * breast);

    // (round 17's readers: the self "a mannequin / a blob" -- the silhouette had no face.  The
    // face is there now, warm skin modelled by one light, mostly lost in the dark; the red
    // bleeds in the cracks)
    vec4 fc = dm_face(g, w, beat);
    col = mix(col, fc.rgb, fc.a);

    // Around the figure, the warmth it gives off into the cold mirror.
    float aura = exp(-max(sd, 0.0) / 0.08) * (1.0 - cover) * front * u_dreamer_fig.x * fade;
    return vec4(0.85 * col * cover + vec3(0.3, 0.05, 0.03) * aura * (0.3 + 0.3 * beat), cover);
}
