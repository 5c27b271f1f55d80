#version 330 core
// Serenes, pass "voices": the silk of a voice (voices.vert), added over the finished frame.
// Silk is anisotropic: a sheen runs along the threads, brightest where the band turns its
// face to the candle and dark where it turns edge-on; soft folds run slantwise through the
// band and a gloss glides along it, so the sheen changes from place to place and moment to
// moment (even bright stripes read as a film strip); the harmonic (the voice's frequency)
// is a faint travelling shimmer in the gloss.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/dither.glsl"

uniform float u_time;
uniform int u_frame;
uniform sampler2D u_figures;        // the figures (alpha: their coverage)
in float v_across;
in float v_along;
in float v_face;
flat in float v_voice;
in float v_z;
out vec4 frag_colour;

void main() {
    float a = abs(v_across);
    // a ribbon near the viewer is out of focus: broad, soft-hemmed and fainter
    float near = smoothstep(-0.9, -3.0, v_z);
    float edge = 1.0 - smoothstep(mix(0.55, 0.0, near), 1.0, a);          // soft hems
    float sheen = pow(abs(v_face), 3.0) * (0.55 + 0.45 * cos(v_across * 2.4));
    float threads = 0.5 + 0.5 * cos(v_across * 18.0 + v_voice);
    // folds, slantwise and of two sizes, drifting; their product is a gloss that comes and goes
    float fold = 0.5 + 0.5 * sin(3.1 * v_along + 1.7 * v_across
                                 + 1.3 * sin(1.3 * v_along - 0.7 * u_time + v_voice));
    float fold2 = 0.5 + 0.5 * sin(5.3 * v_along - 2.9 * v_across + 0.5 * u_time + 2.0 * v_voice);
    float gloss = fold * (0.35 + 0.65 * fold2);
    gloss *= gloss;
    float tone = 0.5 + 0.5 * cos(TAU * (0.6 * v_voice * v_along - 0.4 * u_time));   // the frequency
    float hem = exp(-(1.0 - a) * 14.0);
    // (round 10: "a generic sine band", greyish smoke: less of the flat base, a deeper
    // colour per voice -- lilac to candle gold -- that shifts with the angle like shot silk,
    // and the gloss a brighter glint along the threads)
    float shot = 0.5 + 0.5 * sin(0.7 * v_voice + 1.8 * v_face);
    vec3 silk = mix(vec3(0.66, 0.5, 1.00), vec3(1.0, 0.74, 0.42), shot);
    vec3 col = silk * (0.012 + sheen * (0.12 + 0.95 * gloss * (0.6 + 0.4 * threads))
                       + 0.1 * tone * sheen + 0.3 * hem * sheen);
    // (the ribbon's ends thin away into the air: a cut end showed at the frame's edge)
    col *= edge * u_voices * smoothstep(3.5, 2.7, abs(v_along));
    // in front of the figures it is nearer and brighter; behind them it is hidden by them
    // and dimmer, so the band reads as wound round the row, not laid over it
    float behind = smoothstep(-0.06, 0.06, v_z);
    float cov = texelFetch(u_figures, ivec2(gl_FragCoord.xy), 0).a;
    col *= (1.25 - 0.6 * behind) * (1.0 - behind * cov) * (1.0 - 0.55 * near);
    col = dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame);
    frag_colour = vec4(col, 1.0);
}
