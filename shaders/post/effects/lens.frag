#version 330 core
// Lens: bloom, the film's grade, vignette and grain in one pass over the frame (the bloom
// pyramid is the same as `bloom`'s).  Fused: on software GL each full-frame pass has a cost of
// its own, so the show's everyday finish is cheaper as one.  Order: glow, then the grade
// (grade.glsl: halation, split-tone, tone curve), then vignette, then grain (grain sits on
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
    // The bloom and the grade's halation added in one trip to linear light and back (the
    // bloom alone is bloom_add's sum); then the split-tone and the tone curve.  With no glow
    // added and the grade off the pixel is left exactly as it was.
    float l = dot(src.rgb, GRADE_LUMA);
    vec3 added = (BLOOM_GAIN * max(u_bloom, 0.0) + grade_halation(l, u_halation)) * glow;
    vec3 d = to_display(to_light(src.rgb) + added);
    bool graded = u_tone > 0.0 || u_split > 0.0;
    d = graded ? grade(d, l, u_tone, u_split, u_lift, u_shoulder, u_white) : d;
    bool changed = graded || max(added.r, max(added.g, added.b)) > 0.0;
    vec3 rgb = changed ? d + (ign(gl_FragCoord.xy, u_frame) - 0.5) * (1.0 / 255.0) : src.rgb;
    float m = vignette_factor(gl_FragCoord.xy, u_resolution, u_vignette, u_roundness, u_softness);
    rgb = m < 1.0 ? rgb * m + (ign(gl_FragCoord.xy, u_frame + 17) - 0.5) * (1.0 / 255.0) : rgb;
    vec3 grained = film_grain(u_grain_noise, rgb, u_grain, u_grain_size, u_grain_colour, gl_FragCoord.xy, u_resolution, u_frame, u_seed);
    frag_colour = vec4(u_grain > 0.0 ? grained : rgb, src.a);
}
