#version 330 core
// The waking: "You wake gasping, your cheeks wet, your heart pounding with the unbearable,
// radiant weight of being human."
//
// Eyes still closed: the light comes through the lids, blood-red and warm (the fire the
// dream's world was without), and it pounds with the heart -- lub-dub, the vignette closing
// and opening with each beat.  The gasp: a jolt of the frame and a flash.  Then the eyes open:
// a soft slit of white widens from the middle, and inside it the world is over-exposed, radiant.
// Post effect over the whole frame; `amount` 0 is the input, bit for bit (and skipped).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
out vec4 frag_colour;

// sRGB decode by a cubic fit (within ~0.5 %; no pow: this runs 5 times a pixel).
vec3 decode(vec3 c) {
    return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878);
}

// Lub-dub: two pulses a beat, the second a third of a beat later and weaker.
float heartbeat(float t, float bpm) {
    float ph = fract(t * bpm / 60.0);
    float a = (ph - 0.04) / 0.05;
    float b = (ph - 0.3) / 0.06;
    return exp(-a * a) + 0.6 * exp(-b * b);
}

void main() {
    float a = clamp(u_amount, 0.0, 1.0);
    vec2 R = u_resolution;
    vec2 p = centered_uv(gl_FragCoord.xy, R);
    float beat = heartbeat(mod(u_time, 3600.0), u_bpm);
    // the gasp jolts the frame inwards and up, the beat swells it a little
    float zoom = 1.0 - 0.06 * u_gasp - 0.012 * beat * (1.0 - u_open);
    vec2 q = p * zoom + vec2(0.0, 0.02 * u_gasp);
    vec2 uv = (q * R.y + 0.5 * R) / R;
    // what the closed eye sees: the light, blurred to nothing but its brightness
    vec3 sharp = decode(texture(u_input, clamp(uv, 0.0, 1.0)).rgb);
    vec3 soft = vec3(0.0);
    for (int k = 0; k < 4; k++) {
        float ang = float(k) * (TAU / 4.0) + 0.4;
        vec2 o = vec2(cos(ang), sin(ang)) * 0.09 * vec2(R.y / R.x, 1.0);
        soft += decode(texture(u_input, clamp(uv + o, 0.0, 1.0)).rgb);
    }
    soft = 0.3 * sharp + 0.7 * soft / 4.0;
    float light = luma(soft);
    float r2 = dot(p, p);
    vec3 lid = vec3(0.8, 0.03, 0.012) * (0.2 + 1.1 * light) * (0.5 + 0.7 * beat);
    lid += vec3(1.0, 0.17, 0.06) * exp(-r2 * 6.0) * (0.2 + 0.45 * beat);      // the light is ahead
    lid *= 1.0 - (0.95 - 0.3 * beat) * smoothstep(0.02, 0.6, r2 * 1.5);       // pounding vignette

    // the eyes open: a soft slit widening from the middle, the world inside it over-exposed
    float o = clamp(u_open, 0.0, 1.0);
    float across = p.x / (0.95 + 0.5 * o);
    float half_h = 0.62 * o * o * sqrt(max(1.0 - across * across, 0.0));
    float slit = smoothstep(0.0, 0.1, half_h - abs(p.y) + 0.04) * smoothstep(0.0, 0.12, o);
    // radiant: the world comes back over-exposed and soft, a white with warmth in it, never
    // the dream's sky again
    vec3 world = mix(soft, sharp, 0.3 * o) * (2.2 - 0.8 * o) + vec3(1.0, 0.95, 0.88) * 1.1;
    vec3 lin = mix(lid, world, slit);
    lin += vec3(1.0, 0.96, 0.9) * 2.5 * u_gasp;                                  // the gasp's flash
    vec3 woke = linear_to_srgb(1.0 - exp(-lin));
    vec3 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0).rgb;
    vec3 res = mix(src, woke, a);
    frag_colour = vec4(a > 0.0 ? dither8(clamp(res, 0.0, 1.0), gl_FragCoord.xy, u_frame) : src, 1.0);
}
