// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs qs_env.glsl's env_q(), lib/noise.glsl and lib/colour.glsl before it.
//
// The dreamer leaning over the pool, face and shoulders, as the mirror gives them back: not a
// cut-out doll but light and colour in the metal.  The bust is modelled as a soft relief (a
// normal from its distance field) under a warm key from one side; its outline melts into the
// mirror instead of ending at a hard edge; the face is carved only by light and shade (brow,
// soft sockets with a wet glint, the ridge of the nose, closed lips: no dark holes).  Under the
// skin, veins of red light branch out from the heart and pulse with it, the wave running
// outwards a moment after each beat: the life the cold world lacks.  Each shard of the
// fractured mirror shows its piece of the figure moved and turned by its own jolt
// (qs_mirror.frag), and the cracks through it bleed.
#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no figure), heartbeat 0..1, height (env_q units), beat phase 0..1
uniform vec2 u_dreamer_feet; // where the figure's feet stand (env_q)

const vec2 DREAMER_PIVOT = vec2(0.0, 0.62);     // shards turn the figure about its throat
const vec2 DREAMER_HEART = vec2(0.07, 0.2);

float dreamer_ellipse(vec2 p, vec2 c, vec2 r) {
    // (a distance-like ellipse: exact enough near the edge, where it is used)
    vec2 q = (p - c) / r;
    return (length(q) - 1.0) * min(r.x, r.y);
}

// The face's oval (skin), inside the head.
float dreamer_face_sd(vec2 g) {
    float upper = dreamer_ellipse(g, vec2(0.0, 0.755), vec2(0.108, 0.13));
    float jaw = dreamer_ellipse(g, vec2(0.0, 0.685), vec2(0.082, 0.12));
    return smin(upper, jaw, 0.035);
}

// The hair: a close mass over the crown, swept back (no locks hanging by the face).
float dreamer_hair_sd(vec2 g) {
    return dreamer_ellipse(g, vec2(0.0, 0.815), vec2(0.135, 0.135));
}

// The figure's signed distance in its own frame, g: the top of the head at g.y ~ 0.95, the
// chest fading out towards the pool's near rim.
float dreamer_sd(vec2 g) {
    vec2 m = vec2(abs(g.x), g.y);
    float head = smin(dreamer_face_sd(g), dreamer_hair_sd(g), 0.02);
    float neck = sd_segment(g, vec2(0.0, 0.48), vec2(0.0, 0.64)) - 0.058;
    float shoulders = sd_segment(m, vec2(0.0, 0.42), vec2(0.3, 0.35)) - 0.09;
    float chest = sd_segment(g, vec2(0.0, -0.15), vec2(0.0, 0.3)) - 0.24;
    float d = smin(neck, shoulders, 0.08);
    d = smin(d, chest, 0.08);
    return smin(head, d, 0.03);
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
    // the outline melts into the metal (wide and soft), and the chest fades out downwards
    float w = max(aaw * 0.6 / h, 0.014);
    float cover = (1.0 - smoothstep(-w, w, d)) * smoothstep(-0.12, 0.22, f.y) * u_dreamer_fig.x;

    // Relief: the body rounds off towards its outline (a pillow over the distance field), so
    // its normal leans outwards there; the key light comes from the upper left.
    // (differences a little wide: the ridge down a narrow neck rounds off instead of
    // creasing where the distance field's gradient flips)
    const float E = 0.03;
    vec2 grad = vec2(dreamer_sd(f + vec2(E, 0.0)) - d, dreamer_sd(f + vec2(0.0, E)) - d) / E;
    float inset = clamp(-d / 0.09, 0.0, 1.0);
    float slope = 1.3 * (1.0 - inset) * (1.0 - inset);
    float face = 1.0 - smoothstep(-0.02, 0.01, dreamer_face_sd(f));
    float hair = (1.0 - face) * (1.0 - smoothstep(-0.02, 0.02, dreamer_hair_sd(f))) * smoothstep(0.66, 0.76, f.y);
    // the face's own relief: brow ridge and soft sockets, the nose's ridge, cheekbones, lips
    vec2 c = f - vec2(0.0, 0.745);
    vec2 e = vec2(abs(c.x) - 0.044, c.y - 0.01);
    float socket = exp(-dot(e * vec2(1.0, 1.6), e * vec2(1.0, 1.6)) / 0.0011);
    float nose = exp(-c.x * c.x / 0.0002) * smoothstep(0.025, -0.005, c.y) * smoothstep(-0.08, -0.045, c.y);
    vec2 ck = vec2(abs(c.x) - 0.058, c.y + 0.038);
    float cheek = exp(-dot(ck, ck) / 0.0014);
    // (the head rounds as an egg and the chest as a barrel: smooth form shading that the
    // outline's pillow alone, creased along the figure's middle, cannot give)
    vec2 form = face * (f - vec2(0.0, 0.73)) / vec2(0.16, 0.22)
              + (1.0 - face) * vec2(f.x / 0.38, 0.0) * smoothstep(0.62, 0.5, f.y);
    vec3 n = normalize(vec3(grad * slope + 0.9 * form
                            + face * vec2(c.x * nose * 40.0, 0.0)
                            - face * 0.6 * vec2(e.x, e.y * 1.6) * socket * 14.0, 1.0));
    vec3 L = normalize(vec3(-0.7, 0.45, 0.55));
    float lam = max(dot(n, L), 0.0);
    float wrap = clamp((dot(n, L) + 0.35) / 1.35, 0.0, 1.0);      // light wrapping round skin
    // Skin: warm, glowing where the light falls, deep crimson where it turns away (light
    // scattered through flesh), a hot line at the terminator.
    vec3 lit = vec3(1.35, 0.6, 0.38);
    vec3 shade = vec3(0.2, 0.03, 0.04);
    float key = smoothstep(-0.05, 1.0, wrap);
    vec3 skin = mix(shade, lit, key);
    skin += vec3(0.22, 0.04, 0.02) * smoothstep(0.05, 0.3, wrap) * smoothstep(0.55, 0.3, wrap);
    skin += vec3(0.25, 0.04, 0.03) * cheek * face;                   // flushed
    skin += vec3(0.55, 0.45, 0.38) * pow(lam, 12.0) * (0.4 + 0.6 * nose) * face;   // the sheen on brow and nose
    // the eyes, open, looking up out of the mirror: shadowed, each with one wet glint
    vec2 ey = vec2(abs(c.x) - 0.044, c.y - 0.006);
    float iris = exp(-pow(dot(ey * vec2(0.75, 1.7), ey * vec2(0.75, 1.7)) / 0.00035, 1.5));
    vec2 gl = vec2(abs(c.x) - 0.049, c.y - 0.01);
    float glint = 0.5 * exp(-dot(gl, gl) / 0.000004);
    // closed lips, a soft red line, no dark mouth
    vec2 mo = vec2(c.x, c.y + 0.092);
    float lips = exp(-dot(mo / vec2(0.03, 0.011), mo / vec2(0.03, 0.011)));
    float lipline = exp(-pow(mo.y / 0.0035, 2.0)) * smoothstep(0.03, 0.01, abs(mo.x));
    skin *= 1.0 - 0.6 * socket * face;
    skin = mix(skin, vec3(0.55, 0.06, 0.06) * (0.5 + 0.7 * wrap), 0.6 * lips * face);
    skin *= 1.0 - 0.5 * lipline * face;
    skin = mix(skin, vec3(0.05, 0.02, 0.015), 0.85 * iris * face);
    skin += vec3(1.6, 1.45, 1.35) * glint * face;
    // hair: dark, warm, with a soft sheen where it turns to the light (not a black mask)
    vec3 hcol = vec3(0.07, 0.022, 0.02) + vec3(0.3, 0.14, 0.1) * pow(wrap, 5.0);
    vec3 col = mix(skin, hcol, hair);
    // Veins of light: red life branching from the heart under the skin, pulsing outwards.
    vec2 hv = f - DREAMER_HEART;
    float dist = length(hv);
    // (one octave of simplex noise, its zero lines the veins: llvmpipe pays for it on every
    // pixel of the mirror, so no more)
    float vn = 1.0 - abs(snoise(f * vec2(7.0, 5.5) + vec2(3.1, 7.7) + 0.2 * hv / max(dist, 0.05)));
    float vein = smoothstep(0.8, 0.97, vn) * (1.0 - 0.85 * hair) * (1.0 - 0.45 * face);
    float wave = fract(u_dreamer_fig.w - dist * 1.4);                // the beat running outwards
    float pulse = 0.25 + 0.9 * exp(-wave * 6.0);
    col += vec3(2.2, 0.7, 0.3) * vein * pulse * exp(-dist * 0.8);
    // the rim of the shadowed side: the cold violet of the dream against the warm body
    col += vec3(0.22, 0.14, 0.5) * pow(1.0 - n.z, 1.5) * (1.0 - lam) * 0.6;
    // The heart: a red glow in the chest that beats.
    float beat = u_dreamer_fig.y;
    col += vec3(1.6, 0.28, 0.12) * exp(-dot(hv, hv) / (0.01 + 0.012 * beat)) * (0.35 + 0.8 * beat);
    // Around it, the warmth it gives off into the cold mirror.
    float aura = exp(-max(d, 0.0) / 0.06) * (1.0 - cover) * u_dreamer_fig.x;
    return vec4(0.85 * col * cover + vec3(0.3, 0.05, 0.03) * aura * (0.5 + 0.3 * beat), cover);
}
