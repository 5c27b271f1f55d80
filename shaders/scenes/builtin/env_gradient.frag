#version 330 core
// A quiet night gradient: the environment that reflective scenes (towers, quicksilver)
// show when no scene is bound.  A horizon glow, a violet zenith, a faint band of light.
#include <visuals/params>
#include "../../lib/dither.glsl"
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    float h = uv.y;
    vec3 zenith = u_zenith.rgb;
    vec3 horizon = u_horizon.rgb;
    vec3 col = mix(horizon, zenith, smoothstep(0.0, 0.9, h));
    col += horizon * 0.6 * exp(-abs(h - 0.45) * 18.0);           // a bright horizon line
    col += vec3(0.5, 0.6, 0.9) * 0.05 * exp(-abs(uv.x - 0.3) * 6.0) * smoothstep(0.4, 0.9, h);
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
