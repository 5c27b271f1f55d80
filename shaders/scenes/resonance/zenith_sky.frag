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
#ifndef ZENITH_ENV
    // The rays: the curtains' vertical columns, seen end-on from below, fan out from the
    // zenith -- fine streaks by the angle round it, drifting slowly, broken along their length.
    float th = acos(clamp(d.y, -1.0, 1.0));
    float az = atan(d.z, d.x);
    float drift = 0.02 * u_time;
    float r1 = 0.5 + 0.5 * snoise(vec2(az * 9.55 + drift, th * 1.5 - 0.05 * u_time));
    float r2 = 0.5 + 0.5 * snoise(vec2(az * 28.6 - 1.7 * drift + 3.0, th * 3.0 - 0.09 * u_time));
    col *= 0.75 + 0.5 * r1 * r1 + 0.35 * r2 * r2 * r2;
#endif
    col += zen_sky_base(d);
    frag_colour = vec4(col, 1.0);
}
