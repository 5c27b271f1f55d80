// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs qs_env.glsl's env_q() and lib/colour.glsl before it.
//
// The dreamer leaning over the pool and looking down into it, as the mirror shows them: head
// and shoulders, face towards us, the top of the head towards the pool's far rim, the arms
// reaching down past its near one.  Drawn in the space of reflected directions (the
// stereographic plane env_q maps them to), so it lies in the mirror the way the sky does.
// Not a flat cut-out: the figure is modelled as a relief (a normal from its distance field)
// lit from one side -- warm skin in the light, blood red where it turns away, the violet of the
// dream's sky along the shadowed rim -- with the face carved by light and shade (brows, eye
// sockets with a wet glint, the nose, the mouth open in a gasp), and the mirror's own sheen
// over it.  Each shard of the fractured mirror shows its piece of the figure moved and turned
// by its own jolt (qs_mirror.frag), and the cracks through it bleed.
#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no figure), heartbeat 0..1, height (env_q units), unused
uniform vec2 u_dreamer_feet; // where the figure's feet stand (env_q)

const vec2 DREAMER_PIVOT = vec2(0.0, 0.62);     // shards turn the figure about its throat

float dreamer_ellipse(vec2 p, vec2 c, vec2 r) {
    // (a distance-like ellipse: exact enough near the edge, where it is used)
    vec2 q = (p - c) / r;
    return (length(q) - 1.0) * min(r.x, r.y);
}

// The face's oval (skin), inside the head.
float dreamer_face_sd(vec2 g) {
    float upper = dreamer_ellipse(g, vec2(0.0, 0.75), vec2(0.112, 0.135));
    float jaw = dreamer_ellipse(g, vec2(0.0, 0.69), vec2(0.09, 0.125));
    return smin(upper, jaw, 0.03);
}

// The hair: a mass round the skull and the face, falling in two locks past the jaw.
float dreamer_hair_sd(vec2 g) {
    vec2 m = vec2(abs(g.x), g.y);
    float crown = dreamer_ellipse(g, vec2(0.0, 0.8), vec2(0.158, 0.19));
    float lock = sd_segment(m, vec2(0.12, 0.78), vec2(0.155, 0.5)) - 0.05;
    return smin(crown, lock, 0.05);
}

// The figure's signed distance in its own frame, g: the top of the head at g.y ~ 1, the arms
// reaching down past the pool's near rim at g.y = 0.
float dreamer_sd(vec2 g) {
    vec2 m = vec2(abs(g.x), g.y);
    float head = min(dreamer_face_sd(g), dreamer_hair_sd(g));
    float neck = sd_segment(g, vec2(0.0, 0.5), vec2(0.0, 0.64)) - 0.06;
    float shoulders = sd_segment(m, vec2(0.0, 0.43), vec2(0.29, 0.37)) - 0.085;
    float chest = sd_segment(g, vec2(0.0, -0.1), vec2(0.0, 0.3)) - 0.22;
    float arm = sd_segment(m, vec2(0.35, 0.33), vec2(0.42, -0.12)) - mix(0.058, 0.08, smoothstep(-0.1, 0.34, m.y));
    float d = smin(neck, shoulders, 0.06);
    d = smin(d, chest, 0.05);
    d = smin(d, arm, 0.035);
    return min(head, d);
}

// The figure seen along reflected direction r: linear colour and coverage.  jolt: the shard's
// own displacement of the figure (0 in a whole mirror; up to ~1 on a loose shard).
vec4 dreamer(vec3 r, float aaw, vec2 jolt) {
    vec2 q = env_q(r);
    float h = u_dreamer_fig.z;
    vec2 f = (q - u_dreamer_feet) / h;
    f = vec2(f.x, 1.0 - f.y);        // (up the screen, towards the pool's far rim, is -q.y)
    // The shard's jolt: its piece of the figure slides and turns, so the cracks break it.
    float turn = 0.45 * jolt.x - 0.25 * jolt.y;
    f = mat2(cos(turn), sin(turn), -sin(turn), cos(turn)) * (f - DREAMER_PIVOT) + DREAMER_PIVOT
      + vec2(0.12, 0.15) * jolt;
    float d = dreamer_sd(f);
    float w = max(aaw * 0.6 / h, 0.004);
    float cover = (1.0 - smoothstep(-w, w, d)) * u_dreamer_fig.x;

    // Relief: the body rounds off towards its outline (a pillow over the distance field), so
    // its normal leans outwards there; the key light comes from the upper left.
    const float E = 0.008;
    vec2 grad = vec2(dreamer_sd(f + vec2(E, 0.0)) - d, dreamer_sd(f + vec2(0.0, E)) - d) / E;
    float inset = clamp(-d / 0.13, 0.0, 1.0);
    float slope = 1.6 * (1.0 - inset) * (1.0 - inset) + 0.1;
    float face = 1.0 - smoothstep(-0.004, 0.004, dreamer_face_sd(f));
    float hair = (1.0 - face) * (1.0 - smoothstep(-0.004, 0.004, dreamer_hair_sd(f)));
    // the face's own relief: brow ridge, eye sockets, the nose's ridge, cheekbones
    vec2 c = f - vec2(0.0, 0.74);
    vec2 e = vec2(abs(c.x) - 0.048, c.y - 0.012);
    float socket = exp(-dot(e * vec2(1.0, 1.5), e * vec2(1.0, 1.5)) / 0.0009);
    float nose = exp(-c.x * c.x / 0.00025) * smoothstep(0.02, -0.01, c.y) * smoothstep(-0.075, -0.04, c.y);
    float cheek = exp(-dot(vec2(abs(c.x) - 0.06, c.y + 0.04), vec2(abs(c.x) - 0.06, c.y + 0.04)) / 0.0012);
    vec3 n = normalize(vec3(grad * slope + face * vec2(c.x * nose * 30.0, 0.0)
                            - face * 0.8 * vec2(e.x, e.y * 1.5) * socket * 12.0, 1.0));
    vec3 L = normalize(vec3(-0.78, 0.4, 0.48));
    float lam = max(dot(n, L), 0.0);
    // Skin: warm where the light falls, blood red where it turns away (the red of a body lit
    // from within -- the fire the dream's world lacks), a hot line at the terminator.
    vec3 lit = vec3(1.2, 0.42, 0.24);
    vec3 shade = vec3(0.11, 0.004, 0.006);
    vec3 skin = mix(shade, lit, lam * lam * (3.0 - 2.0 * lam));
    skin += vec3(0.55, 0.05, 0.02) * smoothstep(0.05, 0.3, lam) * smoothstep(0.65, 0.3, lam);
    skin += vec3(0.35, 0.04, 0.03) * cheek * face;                  // flushed
    // the eyes, wide open: dark, each with one wet glint of the key light; the open mouth
    vec2 ey = vec2(abs(c.x) - 0.048, c.y - 0.008);
    float iris = exp(-dot(ey * vec2(1.0, 1.3), ey * vec2(1.0, 1.3)) / 0.00045);
    vec2 gl = vec2(abs(c.x) - 0.056, c.y - 0.014);
    float glint = exp(-dot(gl, gl) / 0.00001);
    vec2 mo = vec2(c.x, c.y + 0.098);
    float mouth = 1.0 - smoothstep(0.8, 1.1, length(mo / vec2(0.028, 0.02)));
    float lips = exp(-pow(length(mo / vec2(0.036, 0.027)) - 1.0, 2.0) / 0.08);
    skin *= 1.0 - 0.85 * socket * face;
    skin = mix(skin, vec3(0.5, 0.03, 0.03) * (0.4 + 0.8 * lam), 0.55 * lips * face);
    skin = mix(skin, vec3(0.025, 0.004, 0.004), (0.92 * iris + mouth) * face);
    skin += vec3(1.6, 1.4, 1.3) * glint * face;
    // hair: near-black with a cool sheen where it turns to the light
    vec3 hcol = vec3(0.03, 0.012, 0.014) + vec3(0.14, 0.1, 0.16) * pow(lam, 6.0);
    vec3 col = mix(skin, hcol, hair);
    // the dream's violet along the shadowed rim: the cold world the figure stands against
    col += vec3(0.22, 0.14, 0.5) * pow(1.0 - n.z, 1.5) * (1.0 - lam) * 0.8;
    // The heart: a red glow in the chest that beats.
    float beat = u_dreamer_fig.y;
    vec2 hc = f - vec2(0.06, 0.2);
    col += vec3(1.8, 0.25, 0.1) * exp(-dot(hc, hc) / (0.008 + 0.01 * beat)) * (0.35 + 0.8 * beat);
    // Around it, the warmth it gives off into the cold mirror.
    float aura = exp(-max(d, 0.0) / 0.05) * (1.0 - cover) * u_dreamer_fig.x;
    return vec4(0.8 * col * cover + vec3(0.3, 0.04, 0.02) * aura * (0.5 + 0.3 * beat), cover);
}
