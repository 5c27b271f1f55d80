#version 330 core
// Constellations, pass "script": one quad over the band along the bottom of the sky where a
// line of the invented script is written (script.frag), so only its pixels are shaded.
uniform vec2 u_resolution;

const float CELL = 0.12;          // screen units per glyph (square)
const float GLYPHS = 9.0;
const float CENTRE_Y = -0.365;    // the line's centre (centered_uv)

out vec2 v_uv;                    // 0..1 along and across the line

void main() {
    vec2 c = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                     vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0))[gl_VertexID % 6];
    vec2 p = vec2((c.x - 0.5) * CELL * GLYPHS, CENTRE_Y + (c.y - 0.5) * CELL);
    v_uv = c;
    gl_Position = vec4(2.0 * p.x * u_resolution.y / u_resolution.x, 2.0 * p.y, 0.0, 1.0);
}
