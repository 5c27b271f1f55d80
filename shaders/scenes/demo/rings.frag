#version 330 core
// Demo scene "rings": concentric rings of light breathing outward from the centre.
#include <visuals/params>
uniform float u_time;
uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * u_resolution) / u_resolution.y;
    float r = length(p);
    float a = atan(p.y, p.x);
    float wave = sin(r * u_count * 6.2831 - u_time * 2.0 + 0.3 * sin(a * 3.0 + u_time));
    float px = 1.0 / u_resolution.y;
    float ring = smoothstep(0.9 - px * u_count * 20.0, 1.0, wave);
    vec3 col = u_tint.rgb * (0.15 + ring) * exp(-1.5 * r);
    frag_colour = vec4(clamp(col, 0.0, 1.0), 1.0);
}
