// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs lib/noise.glsl and lib/colour.glsl before it.
//
// A person standing past the pool's far rim, arms flung wide open, hair loose, seen only in
// the mirror (nobody stands there: a dream).  The figure is
// a 2D shape on a vertical plane facing the camera, and the mirror finds it the way a mirror
// does: the reflected ray leaves the metal and meets that plane, so the reflection hangs head
// down towards the viewer with the floor's own perspective (legs foreshortened far off, the
// head near and large), and every tilted shard shows its piece from its own angle.
// The body is light through flesh, not a shaded doll: thin edges glow amber, the thick of the
// body a lit crimson (a hand held over a lamp), veins of light branch from the heart and pulse with
// it, and the heart itself beats: warm red life in the cold metal.  Each loose shard also
// jolts its piece a little further (qs_mirror.frag), so the cracks break the figure.
#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no figure), heartbeat 0..1, height (floor units), beat phase 0..1
uniform vec2 u_dreamer_feet; // floor point (x, z) where the figure's feet stand; its plane is z = const

const vec2 DREAMER_PIVOT = vec2(0.0, 0.72);     // shards turn the figure about its heart
const vec2 DREAMER_HEART = vec2(0.025, 0.72);   // (the heart, in the figure's own frame)

// A capsule whose radius runs from ra at a to rb at b (a limb that tapers).
float dreamer_limb(vec2 p, vec2 a, vec2 b, float ra, float rb) {
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - mix(ra, rb, h);
}

float dreamer_oval(vec2 p, vec2 c, vec2 r) {
    vec2 q = (p - c) / r;
    return (length(q) - 1.0) * min(r.x, r.y);
}

// The figure's signed distance in its own frame: feet at y 0, crown ~0.985, x across.
// Standing with the weight on one leg, the other knee bent; arms flung wide (one higher),
// hands open; the hair loose to the shoulders.
float dreamer_sd(vec2 g) {
    const float K = 0.018;
    float head = dreamer_oval(g, vec2(0.01, 0.925), vec2(0.041, 0.056));
    // hair: close over the crown, loose locks down both sides of the neck
    float hair = dreamer_oval(g, vec2(0.012, 0.94), vec2(0.048, 0.055));
    hair = smin(hair, dreamer_limb(g, vec2(0.03, 0.925), vec2(0.05, 0.845), 0.024, 0.012), 0.02);
    hair = smin(hair, dreamer_limb(g, vec2(-0.025, 0.925), vec2(-0.04, 0.855), 0.022, 0.011), 0.02);
    float neck = dreamer_limb(g, vec2(0.004, 0.83), vec2(0.01, 0.885), 0.021, 0.018);
    float chest = dreamer_limb(g, vec2(0.0, 0.64), vec2(0.002, 0.765), 0.058, 0.074);
    float shoulders = dreamer_limb(g, vec2(-0.082, 0.785), vec2(0.084, 0.792), 0.03, 0.03);
    float hips = dreamer_limb(g, vec2(0.004, 0.5), vec2(0.0, 0.625), 0.078, 0.056);
    // arms flung wide, a little above the shoulders, hands open (the right one higher)
    float armL = dreamer_limb(g, vec2(-0.09, 0.785), vec2(-0.2, 0.825), 0.027, 0.021);
    armL = smin(armL, dreamer_limb(g, vec2(-0.2, 0.825), vec2(-0.315, 0.87), 0.021, 0.014), K);
    armL = smin(armL, dreamer_limb(g, vec2(-0.325, 0.874), vec2(-0.365, 0.89), 0.015, 0.008), 0.012);
    float armR = dreamer_limb(g, vec2(0.092, 0.79), vec2(0.2, 0.85), 0.027, 0.021);
    armR = smin(armR, dreamer_limb(g, vec2(0.2, 0.85), vec2(0.3, 0.93), 0.021, 0.014), K);
    armR = smin(armR, dreamer_limb(g, vec2(0.31, 0.94), vec2(0.34, 0.972), 0.015, 0.008), 0.012);
    float legL = dreamer_limb(g, vec2(-0.04, 0.5), vec2(-0.052, 0.27), 0.043, 0.03);
    legL = smin(legL, dreamer_limb(g, vec2(-0.052, 0.27), vec2(-0.058, 0.045), 0.029, 0.018), K);
    legL = smin(legL, dreamer_limb(g, vec2(-0.058, 0.035), vec2(-0.095, 0.012), 0.017, 0.012), 0.01);
    float legR = dreamer_limb(g, vec2(0.042, 0.5), vec2(0.078, 0.285), 0.043, 0.03);
    legR = smin(legR, dreamer_limb(g, vec2(0.078, 0.285), vec2(0.052, 0.055), 0.029, 0.018), K);
    legR = smin(legR, dreamer_limb(g, vec2(0.052, 0.045), vec2(0.09, 0.02), 0.017, 0.012), 0.01);
    float torso = smin(smin(chest, hips, 0.05), shoulders, 0.04);
    float d = smin(torso, neck, 0.02);
    d = smin(d, smin(head, hair, 0.015), 0.012);
    d = smin(d, min(armL, armR), K);
    return smin(d, min(legL, legR), K);
}

// The figure seen from floor point P along reflected direction r: linear colour and
// coverage.  jolt: the shard's own displacement of its piece (0 in a whole mirror).
vec4 dreamer(vec3 P, vec3 r, vec2 jolt) {
    float h = u_dreamer_fig.z;
    float t = (u_dreamer_feet.y - P.z) / max(r.z, 1e-3);
    vec3 H = P + r * max(t, 0.0);
    float front = step(0.0, t) * step(1e-3, r.z);
    vec2 f = vec2((H.x - u_dreamer_feet.x) / 1.2, H.y) / h;      // (a little broad: a dream figure; DREAMER_BROADEN in scenes/quicksilver.py)
    float turn = 0.3 * jolt.x - 0.18 * jolt.y;
    f = mat2(cos(turn), sin(turn), -sin(turn), cos(turn)) * (f - DREAMER_PIVOT) + DREAMER_PIVOT
      + vec2(0.06, 0.07) * jolt;
    float d = dreamer_sd(f);
    vec2 fw = fwidth(f);
    float w = clamp(0.75 * max(fw.x, fw.y), 0.0025, 0.012);
    float cover = (1.0 - smoothstep(-w, w, d)) * front * u_dreamer_fig.x;

    // Against the bright mirror the body is a dark shape lit from within and behind: light
    // through flesh at its thin edges (amber at the outline, crimson a little in, as a hand
    // held over a lamp), the thick of it dark blood-red, and a hot line where the outline
    // meets the cold metal; the key (the viewer's upper left) warms one side.
    float thick = smoothstep(0.0, 0.028, -d);
    // (the thick of the body stays lit, a deep warm crimson, not dark: a dark body inside an
    // amber rim read as a drawn red outline)
    vec3 col = mix(vec3(1.6, 0.6, 0.3), vec3(0.95, 0.14, 0.08), smoothstep(0.0, 0.5, thick));
    col = mix(col, vec3(0.55, 0.05, 0.04), smoothstep(0.5, 1.0, thick));
    col += vec3(1.3, 0.75, 0.45) * exp(-abs(d) / 0.005) * 0.22;   // (fixed: across a crack the derivatives jump)
    col *= 0.8 + 0.45 * smoothstep(0.2, -0.2, f.x - 0.4 * (f.y - 0.7));
    // depth: the far end of the figure (the feet, by the pool's far rim) sinks into the
    // mirror's cold dark, so it stands in the reflection's space instead of on top of it
    col *= mix(vec3(0.62, 0.58, 0.72), vec3(1.0), smoothstep(0.0, 0.7, f.y));
    // Veins of light: red life branching from the heart under the skin, pulsing outwards.
    vec2 hv = f - DREAMER_HEART;
    float dist = length(hv);
    float vn = 1.0 - abs(snoise(f * vec2(11.0, 6.0) + vec2(3.1, 7.7) + 0.3 * hv / max(dist, 0.03)));
    float vein = smoothstep(0.9, 0.985, vn) * smoothstep(0.0, 0.012, -d);
    float wave = fract(u_dreamer_fig.w - dist * 2.2);                // the beat running outwards
    float pulse = 0.3 + 0.9 * exp(-wave * 6.0);
    col += vec3(2.2, 0.3, 0.12) * vein * pulse * exp(-dist * 2.0);
    // The heart: a hot glow in the chest that beats.
    float beat = u_dreamer_fig.y;
    col += vec3(2.4, 0.4, 0.15) * exp(-dot(hv, hv) / (0.0015 + 0.0015 * beat)) * (0.5 + 1.0 * beat);
    // Around the body, the warmth it gives off into the cold mirror.
    float aura = exp(-max(d, 0.0) / 0.03) * (1.0 - cover) * front * u_dreamer_fig.x;
    return vec4(0.85 * col * cover + vec3(0.3, 0.05, 0.03) * aura * (0.4 + 0.3 * beat), cover);
}
