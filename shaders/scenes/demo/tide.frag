#version 330 core
// Demo scene "tide": slow violet and emerald bands folding over each other, a stand-in
// for the dream's sky until the real scenes exist.  Exercises parameters and the beat.
#include <visuals/params>
#include <lib/dither.glsl>
uniform float u_time;
uniform vec2 u_resolution;
uniform float u_phase;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * u_resolution) / u_resolution.y;
    float t = u_time * u_speed;
    float v = 0.0;
    for (int i = 0; i < 5; i++) {
        float fi = float(i);
        vec2 q = p * (1.5 + fi * 0.6);
        v += sin(q.x * 2.1 + sin(q.y * 1.7 + t * (0.3 + 0.1 * fi)) * 1.8 + t * 0.2 + fi);
    }
    v = v / 5.0;
    float pulse = 1.0 + u_pulse * exp(-6.0 * u_phase);
    vec3 a = u_colour_a.rgb;
    vec3 b = u_colour_b.rgb;
    vec3 col = mix(a, b, 0.5 + 0.5 * v) * (0.55 + 0.45 * sin(v * 6.2831 * u_bands)) * pulse;
    col += 0.08 * vec3(0.9, 0.8, 1.0) * exp(-6.0 * dot(p, p));
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
