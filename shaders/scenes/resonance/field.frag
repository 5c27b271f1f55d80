#version 330 core
// Resonance, pass 1: bakes the aurora's 2D field once per frame into a small texture.
// Texel (u, v) is the ground point at depth z = exp(field_log_z(v)) on the rays of slope
// x/z = field_sx(u) (see resonance.glsl); the march in aurora.frag reads one column of it per
// pixel, one texel per layer, instead of evaluating noise at every step.
//   r: the curtains (thin folded sheets with rays along them), halved to fit in 0..1
//   g: the humming cloud, a diffuse haze around and between them
//   b: the height of each sheet's lower edge, 0..1 (scaled in the march)
#include <visuals/params>
#include "../../lib/noise.glsl"
#include "resonance.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
uniform float u_span;     // half width of the baked screen-x range
uniform float u_flow;     // cue-local seconds x speed
uniform vec2 u_hum;       // (breath -1..1 scaled by depth, shiver)
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    float sx = field_sx(uv.x, u_span);
    float z = exp(field_log_z(uv.y));
    float x = sx * z;
    float t = u_flow;
    vec2 sd = vec2(float(u_seed % 997) * 1.37, float((u_seed / 997) % 997) * 0.71);

    // Large slow folds: the curtains wander in depth along their length.
    vec2 wp = vec2(x * 0.2, z * 0.16) + sd;
    float fold = snoise(wp + vec2(t * 0.021, -t * 0.013))
               + 0.45 * snoise(wp * 2.3 + vec2(-t * 0.04, t * 0.027) + 5.1);
    // Curtains are bands of phi: roughly even in screen depth, bent by the folds.
    float phi = 1.1 * pow(z, 0.7) + 1.0 * fold + 0.05 * u_hum.y;
    float n = floor(phi);
    float f = phi - n - 0.5;

    // Each band is only lit along parts of its length; the lit stretches drift.
    float act = vnoise(vec2(x * 0.16 + t * 0.035 + n * 7.31, n * 3.17 + sd.x));
    act = smoothstep(0.2, 0.7, act);
    // Rays: thin striations along the sheet, sized in screen terms (the texture holds
    // about 130 texels per screen height), sliding sideways and shimmering.
    float ax = sx * pow(z, 0.25) + n * 0.37;
    float r1 = vnoise(vec2(ax * 38.0 + t * 0.35, n * 3.0 + t * 0.4));
    float r2 = vnoise(vec2(ax * 95.0 - t * 0.8, n * 5.0 + t * 0.9));
    float rays = 0.18 + 1.4 * r1 * r1 * r1 + 0.5 * r2 * r2;

    float sheet = exp(-f * f * 160.0);
    // The humming cloud: a diffuse, slowly flowing haze of light between the curtains.
    float cloud = fbm(vec2(x * 0.3 + t * 0.025, z * 0.45 - t * 0.018) + sd.yx, 3);
    cloud = smoothstep(0.3, 0.72, cloud) * (0.5 + 0.5 * exp(-f * f * 10.0));

    // Fade in beyond the nearest depths (the zenith stays dark), out toward the far edge.
    float fade = smoothstep(log(0.8), log(1.7), log(z)) * smoothstep(1.0, 0.8, uv.y);
    // Lower edge height: undulates slowly along the sheet.
    float base = vnoise(vec2(x * 0.35 + t * 0.05, n * 2.1 + 9.0));

    frag_colour = vec4(0.5 * sheet * act * rays * fade, cloud * fade, base, 1.0);
}
