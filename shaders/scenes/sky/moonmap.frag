#version 330 core
// sky / moonmap pass: the moons' maria, a small noise texture baked once per scene instance,
// so a moon costs one texture fetch for its surface instead of an fbm per pixel.
#include "../../lib/noise.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 off = 29.0 * hash2i(ivec2(u_seed, 0x300D));
    float m = fbm(uv * 5.0 + off, 5);
    float craters = 1.0 - voronoi(uv * 11.0 + off).x;
    frag = vec4(m + 0.12 * smoothstep(0.75, 0.95, craters), 0.0, 0.0, 1.0);
}
