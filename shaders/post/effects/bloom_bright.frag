#version 330 core
// Bloom, first level (quarter resolution): the light above the threshold of the 4x4 frame
// pixels under each texel, from four bilinear taps (each the mean of a 2x2 block), each
// thresholded, then averaged with Karis weights 1 / (1 + luma) so an isolated hot pixel cannot
// dominate its block and flicker from frame to frame (Jimenez 2014).  `quality` blends from a plain average (0) to
// the full Karis weights (0.5 and up); the cost is the same either way.
#include <visuals/params>
#include "bloom.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

vec3 light_at(vec2 uv) {
    return bloom_threshold(to_light(bloom_sanitize(texture(u_input, uv).rgb)), u_threshold);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 ts = 1.0 / vec2(textureSize(u_input, 0));
    vec3 c0 = light_at(uv + vec2(-ts.x, -ts.y));
    vec3 c1 = light_at(uv + vec2( ts.x, -ts.y));
    vec3 c2 = light_at(uv + vec2(-ts.x,  ts.y));
    vec3 c3 = light_at(uv + vec2( ts.x,  ts.y));
    const vec3 LUMA = vec3(0.2126, 0.7152, 0.0722);
    vec4 l = vec4(dot(c0, LUMA), dot(c1, LUMA), dot(c2, LUMA), dot(c3, LUMA));
    vec4 w = 1.0 / (1.0 + l * min(2.0 * u_quality, 1.0));
    vec3 light = (w.x * c0 + w.y * c1 + w.z * c2 + w.w * c3) / dot(w, vec4(1.0));
    frag_colour = vec4(bloom_encode(light, gl_FragCoord.xy, u_frame), 1.0);
}
