#version 330 core
// Benchmark twin of plasma.fs (benchmarks/isf_speed.py): the same plasma written natively,
// 16 sin/cos per pixel.  Keep the two bodies identical.
uniform float u_time;
uniform vec2 u_resolution;
uniform float u_speed;
out vec4 frag_colour;

void main() {
    vec2 p = gl_FragCoord.xy / u_resolution.y * 6.0;
    float t = u_time * u_speed;
    float v = 0.0;
    for (int i = 0; i < 8; ++i) {
        float k = float(i) + 1.0;
        v += sin(p.x * k * 0.37 + t) * cos(p.y * k * 0.29 - t * 0.7);
    }
    frag_colour = vec4(0.5 + 0.5 * sin(v + vec3(0.0, 2.1, 4.2)), 1.0);
}
