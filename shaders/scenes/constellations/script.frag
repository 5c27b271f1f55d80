#version 330 core
// Constellations, pass "script": the line of the forgotten script, faint gold, the glyph
// the stars are writing lit up among the others; added over the finished sky (display
// encoded: the light is small, and encoded here as the main pass encodes its own).
#include <visuals/params>
#include <lib/dither.glsl>

uniform sampler2D u_inscription;     // the line's stroke light (scenes/constellations.py)
uniform vec2 u_inscription_lit;      // which of its glyphs the stars are writing, how far
uniform vec3 u_ink_lin;              // the glyph colour, linear (converted once on the CPU)
uniform int u_frame;
in vec2 v_uv;
out vec4 frag_colour;

void main() {
    float ink = textureLod(u_inscription, v_uv, 0.0).r;
    float which = floor(v_uv.x * 9.0);
    float lit = (abs(which - u_inscription_lit.x) < 0.5) ? u_inscription_lit.y : 0.0;
    vec3 col = u_ink_lin * ink * u_script_line * (0.16 + 0.7 * lit);
    // the main pass's shoulder and sRGB, approximately (the sky beneath is dark)
    col = sqrt(1.0 - exp(-col * 1.15));
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), 0.0);
}
