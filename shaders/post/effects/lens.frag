#version 330 core
// Lens: bloom, the film's grade, vignette and grain in one pass over the frame (the bloom
// pyramid is the same as `bloom`'s).  Fused: on software GL each full-frame pass has a cost of
// its own, so the show's everyday finish is cheaper as one.  Order: glow, then the grade
// (grade.glsl: tone curve, split-tone, halation), then vignette, then grain (grain sits on
// top of the image, as on film).
#include <visuals/params>
#include "bloom.glsl"
#include "grade.glsl"
#include "vignette.glsl"
#include "grain.glsl"
uniform sampler2D u_input;
uniform sampler2D u_up0;
uniform sampler2D u_grain_noise;
uniform vec2 u_resolution;
uniform int u_frame;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
    vec3 glow = bloom_decode(texture(u_up0, gl_FragCoord.xy / u_resolution).rgb);
    vec3 rgb = bloom_add(src.rgb, glow, u_bloom, gl_FragCoord.xy, u_frame);
    // (the grade off -- all three strengths 0 -- the pixel is left exactly as it was)
    bool graded = u_tone > 0.0 || u_split > 0.0 || u_halation > 0.0;
    rgb = graded ? grade(rgb, glow, u_tone, u_split, u_halation) + (ign(gl_FragCoord.xy, u_frame + 29) - 0.5) * (1.0 / 255.0)
                 : rgb;
    float m = vignette_factor(gl_FragCoord.xy, u_resolution, u_vignette, u_roundness, u_softness);
    rgb = m < 1.0 ? rgb * m + (ign(gl_FragCoord.xy, u_frame + 17) - 0.5) * (1.0 / 255.0) : rgb;
    vec3 grained = film_grain(u_grain_noise, rgb, u_grain, u_grain_size, u_grain_colour, gl_FragCoord.xy, u_resolution, u_frame, u_seed);
    frag_colour = vec4(u_grain > 0.0 ? grained : rgb, src.a);
}
