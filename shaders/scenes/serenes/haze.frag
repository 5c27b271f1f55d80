#version 330 core
// Serenes, the city through the wall (small): the bound scene blurred as by a paper wall,
// its colours cooled toward the shade and its upper part (the sky) faded out, so it reads
// as far towers and street lights behind the wall. Stored as sqrt of the light it adds.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "light.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_city;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    // a blur of a fixed size on screen (the bound image's resolution follows the frame's)
    vec2 o = vec2(0.028 * u_resolution.y / u_resolution.x, 0.028);
    vec3 c = vec3(0.0);
    float wsum = 0.0;
    for (int y = -1; y <= 1; ++y) {
        for (int x = -1; x <= 1; ++x) {
            float w = (2.0 - abs(float(x))) * (2.0 - abs(float(y)));
            c += w * srgb_to_linear(texture(u_city, uv + vec2(x, y) * o).rgb);
            wsum += w;
        }
    }
    c /= wsum;
    vec3 cool = mix(vec3(luma(c)), c, 0.45) * mix(vec3(0.7, 0.85, 1.0), shade_colour() * 4.0, 0.3);
    float fade = 1.0 - smoothstep(0.45, 0.9, uv.y);
    vec3 add = cool * fade * 0.22;
    frag_colour = vec4(dither8(sqrt(add), gl_FragCoord.xy, u_frame), 1.0);
}
