#version 330 core
// Vignette (see vignette.glsl): darkens toward the corners, never the centre; dithered.
#include <visuals/params>
#include "vignette.glsl"
#include "../../lib/dither.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
    float m = vignette_factor(gl_FragCoord.xy, u_resolution, u_amount, u_roundness, u_softness);
    vec3 rgb = src.rgb * m + (ign(gl_FragCoord.xy, u_frame) - 0.5) * (1.0 / 255.0);
    frag_colour = vec4(m < 1.0 ? rgb : src.rgb, src.a);
}
