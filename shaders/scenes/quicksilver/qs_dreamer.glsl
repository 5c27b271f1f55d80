// qs_dreamer.glsl -- the dreamer, as the hardened mirror shows them: "In them, you see yourself
// as you are: fractured, bleeding, gloriously alive."
// Include-only; needs qs_env.glsl's env_q() before it.
//
// A standing figure, arms a little open, drawn in the space of reflected directions (the
// stereographic plane env_q maps them to), so it lies in the mirror the way the sky does:
// upside down beyond the pool's far side, like anything a floor mirror shows, and every
// tilted shard of the fractured mirror shows its own broken piece of it. Warm, red, lit from
// within, with a heart that beats, against the cold metal (where the cracks cut it, they
// bleed: qs_mirror.frag).
#include "../../lib/sdf.glsl"

uniform vec4 u_dreamer_fig;  // strength (0: no figure), heartbeat 0..1, height (env_q units), unused
uniform vec2 u_dreamer_feet; // where the figure's feet stand (env_q)

// The figure's signed distance in its own frame: feet at y = 0, the top of the head at 1.
float dreamer_sd(vec2 f) {
    vec2 m = vec2(abs(f.x), f.y);                                  // left-right symmetric
    float head = length((f - vec2(0.0, 0.885)) * vec2(1.0, 0.88)) - 0.082;
    float neck = sd_segment(f, vec2(0.0, 0.76), vec2(0.0, 0.83)) - 0.028;
    float chest = sd_segment(m, vec2(0.0, 0.715), vec2(0.095, 0.725)) - 0.05;
    float torso = sd_segment(f, vec2(0.0, 0.50), vec2(0.0, 0.70)) - 0.085;
    float arm = min(sd_segment(m, vec2(0.12, 0.72), vec2(0.17, 0.52)) - 0.036,
                    sd_segment(m, vec2(0.17, 0.52), vec2(0.23, 0.34)) - 0.03);
    float leg = sd_segment(m, vec2(0.048, 0.48), vec2(0.058, 0.02)) - mix(0.03, 0.052, smoothstep(0.0, 0.48, m.y));
    // (smooth joins where they show, plain min for the limbs: this runs on every pool pixel)
    float d = smin(min(head, neck), smin(chest, torso, 0.04), 0.03);
    return min(min(d, arm), leg);
}

// The figure seen along reflected direction r: linear colour and coverage.
vec4 dreamer(vec3 r, float aaw) {
    vec2 q = env_q(r);
    float h = u_dreamer_fig.z;
    vec2 f = (q - u_dreamer_feet) / h;
    float d = dreamer_sd(f);
    float w = max(aaw * 0.6 / h, 0.004);
    float cover = (1.0 - smoothstep(-w, w, d)) * u_dreamer_fig.x;
    // Inside: deep red flesh lit from within; the heart's glow pulses;
    // a warm rim where the body meets the metal.
    float beat = u_dreamer_fig.y;
    float heart = exp(-dot(f - vec2(0.03, 0.66), f - vec2(0.03, 0.66)) / (0.006 + 0.006 * beat));
    float rim = exp(min(d, 0.0) / 0.012);     // (clamped: far away exp(d) overflows, and inf * 0 is NaN)
    float body = smoothstep(0.0, -0.06, d);   // rounded: the limbs' middles face the light
    vec3 flesh = mix(vec3(0.4, 0.02, 0.015), vec3(1.0, 0.16, 0.07), body);
    flesh += vec3(1.2, 0.3, 0.12) * rim * 0.2 + vec3(2.4, 0.6, 0.25) * heart * (0.6 + 0.8 * beat);
    // Around it, the warmth it gives off into the cold mirror.
    float aura = exp(-max(d, 0.0) / 0.09) * (1.0 - cover) * u_dreamer_fig.x;
    return vec4(flesh * cover + vec3(0.35, 0.05, 0.02) * aura * (0.5 + 0.3 * beat), cover);
}
