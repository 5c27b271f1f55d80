#version 330 core
// Bloom, the glow to add (1/4 resolution): the wider light 'up1' upsampled with a tent, less
// this level's own light 'bright', where positive.  This keeps only the light that spread
// beyond its source's neighbourhood: around a bright point it is the halo, on the point
// itself and on any flat area it is zero, so the composite leaves those as they were (no
// dark rims where a source's own light would be subtracted at full resolution).  'bright'
// is read as stored, dither and all, so it is first raised by its 8-bit quantisation (the
// step of the square-root encoding, plus 3%): otherwise a flat area would glow in a pattern
// of its own dither.
#include <visuals/params>
#include "bloom.glsl"
uniform sampler2D u_up1;
uniform sampler2D u_bright;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec3 wide = bloom_tent(u_up1, uv);
    vec3 here = bloom_decode(texelFetch(u_bright, ivec2(gl_FragCoord.xy), 0).rgb);
    vec3 slack = 0.03 * here + 0.008 * sqrt(here * (1.0 / BLOOM_RANGE)) + 0.0005;
    frag_colour = vec4(bloom_encode(max(wide - here - slack, 0.0), gl_FragCoord.xy, u_frame), 1.0);
}
