#version 330 core
// Serenes, pass "voices": the silk of a voice (voices.vert), added over the finished frame.
// Silk is anisotropic: a sheen runs along the threads, brightest where the band turns its
// face to the candle and dark where it turns edge-on; fine bright lines along it are its
// frequency (the harmonic's own stripes, standing still while the band swells).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/dither.glsl"

uniform float u_time;
uniform int u_frame;
in float v_across;
in float v_along;
in float v_face;
flat in float v_voice;
out vec4 frag_colour;

void main() {
    float a = abs(v_across);
    float edge = 1.0 - smoothstep(0.55, 1.0, a);                       // soft hems
    float sheen = pow(abs(v_face), 3.0) * (0.55 + 0.45 * cos(v_across * 2.4));
    float threads = 0.5 + 0.5 * cos(v_across * 18.0 + v_voice);
    float tone = 0.5 + 0.5 * cos(TAU * v_voice * 1.7 * v_along);       // the frequency
    tone = pow(tone, 8.0);
    vec3 silk = mix(vec3(0.80, 0.72, 1.00), vec3(1.0, 0.86, 0.62), 0.5 + 0.5 * sin(0.7 * v_voice));
    vec3 col = silk * (0.04 + 0.42 * sheen + 0.10 * threads * sheen + 0.3 * tone * (0.3 + sheen));
    col *= edge * u_voices;
    col = dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame);
    frag_colour = vec4(col, 1.0);
}
