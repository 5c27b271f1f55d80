#version 330 core
// Serenes, pass "silk_shade": the body of a voice's silk (voices.vert), blended over the
// finished frame before its light (voices.frag) is added.  Round 18: pure light, the
// ribbons read as "generic light streaks"; silk is cloth -- a thin, half-translucent band
// that dims what lies behind it where it turns its face to us, so the sheen the silk pass
// adds lies on a body.  Faint, hemmed like the light, hidden behind the figures as the
// light is, and nothing near the viewer (that ribbon is out of focus: light only).
#include <visuals/params>
#include "../../lib/common.glsl"

uniform sampler2D u_figures;        // the figures (alpha: their coverage)
in float v_across;
in float v_along;
in float v_face;
flat in float v_voice;
in float v_z;
out vec4 frag_colour;

const float SILK_BODY = 0.42;       // how much of what lies behind a face-on band it dims

void main() {
    float a = abs(v_across);
    float near = smoothstep(-0.9, -3.0, v_z);
    float edge = 1.0 - smoothstep(0.8, 1.0, a);
    float behind = smoothstep(-0.06, 0.06, v_z);
    float cov = texelFetch(u_figures, ivec2(gl_FragCoord.xy), 0).a;
    float body = SILK_BODY * edge * (0.35 + 0.65 * abs(v_face)) * u_voices
               * smoothstep(3.5, 2.7, abs(v_along)) * (1.0 - behind * cov) * (1.0 - near);
    // the cloth's own colour in the dark: a deep shot violet
    frag_colour = vec4(vec3(0.03, 0.015, 0.05), body);
}
