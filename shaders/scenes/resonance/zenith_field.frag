#version 330 core
// Resonance, the worm's-eye shot (zenith.glsl), pass 1: bakes the curtains' ground field over
// the sky overhead, once a frame.  Texel = a ground point (x, z) in [-ZEN_W, ZEN_W]^2:
//   r: the curtains (thin folded sheets with rays along them)
//   g: the humming cloud, a haze between them
//   b: the height of each sheet's lower edge, 0..1
// The curtains swirl round the corona's heart (a little off the zenith), as an overhead
// aurora's folds do, so seen from below their rays fan out from it.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "zenith.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
uniform float u_flow;
uniform vec2 u_hum;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 x = (uv - 0.5) * 2.0 * ZEN_W;
    float t = u_flow;
    vec2 sd = vec2(float(u_seed % 997) * 1.37, float((u_seed / 997) % 997) * 0.71);
    vec2 c = x - vec2(6.0, 10.0);               // from the corona's heart
    float r = length(c);
    float a = atan(c.y, c.x);
    // Folds: the sheets wind round the heart in loose spirals, bent by slow noise.
    vec2 wp = x * 0.018 + sd;
    float fold = snoise(wp + vec2(t * 0.02, -t * 0.013)) + 0.45 * snoise(wp * 2.3 + vec2(-t * 0.04, t * 0.03) + 5.1);
    float phi = 0.032 * r + 0.45 * a / 6.2832 + 0.6 * fold + 0.05 * u_hum.y;
    float n = floor(phi);
    float f = phi - n - 0.5;
    float act = smoothstep(0.2, 0.65, vnoise(vec2(a * 2.0 + t * 0.03 + n * 7.31, n * 3.17 + sd.x)));
    // Rays along each sheet: fine striations, shimmering and sliding.
    float along = a * r * 0.09 + n * 0.37;  // (arc length, ~1 unit per texel)
    float r1 = vnoise(vec2(along * 1.3 + t * 0.35, n * 3.0 + t * 0.4));
    float r2 = vnoise(vec2(along * 3.1 - t * 0.8, n * 5.0 + t * 0.9));
    float rays = 0.05 + 1.8 * r1 * r1 * r1 + 0.7 * r2 * r2 * r2;
    float sheet = exp(-f * f * 120.0) + 0.25 * exp(-f * f * 25.0);
    float cloud = fbm(x * 0.02 + vec2(t * 0.02, -t * 0.015) + sd.yx, 3);
    cloud = smoothstep(0.4, 0.8, cloud) * exp(-f * f * 6.0);
    // (the heart itself is open: the rays converge on a dark eye of sky)
    float heart = smoothstep(3.0, 14.0, r);
    float edge = smoothstep(ZEN_W, 0.7 * ZEN_W, max(abs(x.x), abs(x.y)));
    float base = vnoise(vec2(along * 0.8 + t * 0.05, n * 2.1 + 9.0));
    frag_colour = vec4(0.5 * sheet * act * rays * heart * edge, cloud * edge, base, 1.0);
}
