#version 330 core
// Resonance, the worm's-eye shot: blurs the curtains' ground field (zenith_field.frag) along
// the march's own direction -- outward from the point under the eye, over one layer's step
// (the ground point of a ray moves by |g| (k - 1) from one layer to the next) -- so that the
// march's samples add up to the integral along each ray and a thin sheet between two layers
// is not repeated in stripes.  Only radially: the rays along the sheets stay sharp.  (A mip
// chain read at a per-pixel level did the same at eight times the price on llvmpipe.)
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "zenith.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_zenith_field;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 g = uv - 0.5;
    float k = pow(ZEN_H1 / ZEN_H0, 1.0 / float(zen_steps(u_quality)));
    const int TAPS = 7;
    vec4 acc = vec4(0.0);
    for (int i = 0; i < TAPS; ++i) {
        float o = ((float(i) + 0.5) / float(TAPS) - 0.5) * 1.6 * (k - 1.0);
        vec4 s = texture(u_zenith_field, 0.5 + g * (1.0 + o));
        acc += vec4(s.rg * s.rg, s.ba);
    }
    acc /= float(TAPS);
    frag_colour = vec4(sqrt(acc.rg), acc.ba);   // (square roots again: zen_field_light)
}
