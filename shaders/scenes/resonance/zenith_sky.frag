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
    // (round 32's readers at 113/117 s: "a faint screen-door dither" -- interleaved gradient
    // noise has a regular lattice the last pass's tent could not melt.  High in the sky the
    // layers' steps are short and the radial blur of the field already joins them: no dither
    // there; low down, where a ray crosses the field in long strides and its layers would
    // stack as copies, a hashed start (no lattice), fading in with the stride)
    float jitter = 0.5 + (hashi(ivec2(gl_FragCoord.xy)) - 0.5) * (1.0 - smoothstep(0.3, 0.6, d.y));
#endif
    vec3 col = zen_aurora(d, u_zenith_blur, n, u_intensity, jitter);
    col += zen_sky_base(d);
    frag_colour = vec4(col, 1.0);
}
