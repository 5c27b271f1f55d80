#version 330 core
// Resonance, the worm's-eye shot, pass 2 (half resolution): the curtains overhead along each
// pixel's ray (zenith.glsl's march, one field fetch per layer).  ZENITH_ENV: the same for the
// glass's reflection map (the upper hemisphere as a disc, fewer layers).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "zenith.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_zenith_blur;
uniform float u_time;
out vec4 frag_colour;

void main() {
#ifdef ZENITH_ENV
    vec3 d = zen_env_dir(gl_FragCoord.xy / u_resolution);
    int n = 8;
#else
    vec3 d = zen_ray(centered_uv(gl_FragCoord.xy, u_resolution));
    int n = zen_steps(u_quality);
#endif
#ifdef ZENITH_ENV
    float jitter = 0.5;
#else
    // interleaved gradient noise (Jimenez): a fine, even dither of the march's start
    float jitter = fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
#endif
    vec3 col = zen_aurora(d, u_zenith_blur, n, u_intensity, jitter);
    col += zen_sky_base(d);
    frag_colour = vec4(col, 1.0);
}
