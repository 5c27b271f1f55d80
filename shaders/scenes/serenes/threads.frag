#version 330 core
// Serenes, pass "threads": a neural filament between the lovers (threads.vert), added over the
// finished frame: a fine pale-cyan line of light, brighter at its core, with pulses running
// both ways along it -- the two minds answering each other in perfect step.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/dither.glsl"

uniform float u_time;
uniform int u_frame;
uniform vec4 u_lovers_pair;
in float v_across;
in float v_along;
flat in float v_thread;
out vec4 frag_colour;

void main() {
    // (round 18: the strip is three times as wide: the core as fine as before, then the
    // glow in the air round the bundle, wide and faint)
    float x2 = v_across * v_across;
    float core = exp(-x2 * 270.0) + 0.3 * exp(-x2 * 36.0) + 0.06 * exp(-x2 * 4.0);
    // pulses: one each way along every filament, in step with each other
    float ph = fract(0.55 * u_time + 0.13 * v_thread);
    float d1 = v_along - ph, d2 = (1.0 - v_along) - ph;
    float pulse = exp(-d1 * d1 * 180.0) + exp(-d2 * d2 * 180.0);
    // they fade where they leave the brows, so the threads grow out of the minds
    float ends = smoothstep(0.0, 0.08, v_along) * smoothstep(1.0, 0.92, v_along);
    vec3 col = vec3(0.45, 0.85, 1.0) * core * (0.3 + 1.4 * pulse) * (0.6 + 0.4 * ends);
    col += vec3(1.0, 0.95, 0.85) * pulse * core * core * 0.2;
    // (round 14: a bright white loop read as clip art: fine, faint filaments of cold light)
    col *= 0.9 * u_lovers_pair.z;
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
