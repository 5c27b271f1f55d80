// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs qs_env.glsl's env_q() before it.
//
// The dreamer leaning over the pool and looking down into it, as the mirror shows them: head
// and shoulders, face towards us (eyes, a mouth open in a gasp, dark hair), the top of the
// head towards the pool's far rim, the arms reaching down past its near one.  Drawn in the
// space of reflected directions (the stereographic plane env_q maps them to), so it lies in
// the mirror the way the sky does and every tilted shard of the fractured mirror shows its
// own broken piece of it.  Warm skin and blood red, lit from one side, with a heart that
// beats, against the cold metal (where the cracks cut it, they bleed: qs_mirror.frag).
#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no figure), heartbeat 0..1, height (env_q units), unused
uniform vec2 u_dreamer_feet; // where the figure's feet stand (env_q)

// The figure's signed distance in its own frame, g: the dreamer leaning over the pool, seen
// from below as the mirror shows them -- head and shoulders, the top of the head at g.y = 1,
// the arms reaching down past the pool's near rim at g.y = 0.  A person, not an icon: a
// head with a jaw on a neck, shoulders that slope into the arms, a chest.
float dreamer_sd(vec2 g) {
    vec2 m = vec2(abs(g.x), g.y);                                  // left-right symmetric
    float skull = length((g - vec2(0.0, 0.8)) / vec2(0.15, 0.19)) - 1.0;
    float jaw = length((g - vec2(0.0, 0.7)) / vec2(0.115, 0.14)) - 1.0;
    float head = smin(skull * 0.15, jaw * 0.115, 0.03);
    float neck = sd_segment(g, vec2(0.0, 0.5), vec2(0.0, 0.64)) - 0.065;
    float shoulders = sd_segment(m, vec2(0.0, 0.42), vec2(0.27, 0.37)) - 0.085;
    float chest = sd_segment(g, vec2(0.0, -0.1), vec2(0.0, 0.32)) - 0.22;
    float arm = sd_segment(m, vec2(0.33, 0.34), vec2(0.4, -0.1)) - mix(0.06, 0.08, smoothstep(-0.1, 0.34, m.y));
    float d = smin(neck, shoulders, 0.06);
    d = smin(d, chest, 0.05);
    d = smin(d, arm, 0.04);
    return min(head, d);
}

// The figure seen along reflected direction r: linear colour and coverage.
vec4 dreamer(vec3 r, float aaw) {
    vec2 q = env_q(r);
    float h = u_dreamer_fig.z;
    vec2 f = (q - u_dreamer_feet) / h;
    f = vec2(f.x, 1.0 - f.y);        // (up the screen, towards the pool's far rim, is -q.y)
    float d = dreamer_sd(f);
    float w = max(aaw * 0.6 / h, 0.004);
    float cover = (1.0 - smoothstep(-w, w, d)) * u_dreamer_fig.x;
    // Inside: deep red flesh lit from within; the heart's glow pulses;
    // a warm rim where the body meets the metal.
    float beat = u_dreamer_fig.y;
    float heart = exp(-dot(f - vec2(0.05, 0.2), f - vec2(0.05, 0.2)) / (0.006 + 0.008 * beat));
    float rim = exp(min(d, 0.0) / 0.012);     // (clamped: far away exp(d) overflows, and inf * 0 is NaN)
    float body = smoothstep(0.0, -0.05, d);   // rounded: the limbs' middles face the light
    // lit from one side (the key light, up and to the left): a warm skin tone in the light,
    // deep blood red in the shade, dark hair on the head
    float side = smoothstep(0.25, -0.25, f.x + 0.3 * (f.y - 0.6));
    vec3 flesh = mix(vec3(0.32, 0.015, 0.012), mix(vec3(0.9, 0.2, 0.09), vec3(1.25, 0.55, 0.36), side), body);
    // dark hair falling round the face, the eyes' shadows, the mouth open in a gasp
    float hair = smoothstep(0.76, 0.84, f.y + 0.6 * f.x * f.x / 0.02 * 0.02 + 2.0 * f.x * f.x);
    vec2 e = vec2(abs(f.x) - 0.055, f.y - 0.74);
    float eyes = exp(-dot(e, e) / 0.0006);
    vec2 mo = vec2(f.x, f.y - 0.63);
    float mouth = exp(-dot(mo * vec2(1.0, 1.6), mo * vec2(1.0, 1.6)) / 0.0005);
    flesh = mix(flesh, vec3(0.06, 0.015, 0.012), clamp(hair * 0.9 + 0.8 * eyes + 0.7 * mouth, 0.0, 1.0));
    flesh += vec3(1.2, 0.3, 0.12) * rim * 0.2 + vec3(2.4, 0.5, 0.2) * heart * (0.5 + 0.8 * beat);
    // Around it, the warmth it gives off into the cold mirror.
    float aura = exp(-max(d, 0.0) / 0.05) * (1.0 - cover) * u_dreamer_fig.x;
    return vec4(0.75 * flesh * cover + vec3(0.3, 0.04, 0.02) * aura * (0.5 + 0.3 * beat), cover);
}
