#version 330 core
// Resonance, pass "helix" (helix.vert): a ribbon's light, added over the finished sky.
// Joy burns warm gold, despair glows deep violet-blue; the strand in front is brighter,
// the one behind dimmer, so they read as wound round each other; rungs of faint light
// join them at every half turn; the reflections waver and fade in the water.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/dither.glsl"

uniform int u_frame;
uniform float u_time;
in float v_across;
in float v_depth;
in float v_along;
flat in float v_strand;
flat in float v_mirror;
out vec4 frag_colour;

void main() {
    float core = exp(-v_across * v_across * 3.5);
    vec3 joy = vec3(1.0, 0.78, 0.42);
    vec3 despair = vec3(0.32, 0.36, 1.0);
    vec3 c = mix(joy, despair, v_strand);
    float front = 0.35 + 0.65 * (0.5 + 0.5 * v_depth);
    // fine threads along the ribbon, and a slow pulse climbing it
    float threads = 0.75 + 0.25 * cos(v_across * 9.0);
    float climb = 0.6 + 0.4 * sin(TAU * (v_along * 3.0 - 0.25 * u_time) + PI * v_strand);
    // it fades in out of the city and into the aurora at the top
    float ends = smoothstep(0.0, 0.08, v_along) * (1.0 - smoothstep(0.75, 1.0, v_along));
    float water = mix(1.0, 0.35, v_mirror);
    vec3 col = c * core * threads * front * climb * ends * water * u_helix * 0.9;
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
