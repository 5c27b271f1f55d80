#version 330 core
// sky / nebula pass: the layered nebula of the fundamental kaleidoscope wedge, in polar form
// (x = angle / u_sector, y = r / u_radius, over the lower-left u_nebula_frac of the target, which
// quality sets), at reduced resolution. The sky pass folds each pixel
// into the wedge and looks the nebula up here, so the expensive domain warp runs once per
// texel of one wedge instead of once per screen pixel.
//
// It also carries the far part of every sun's corona (smooth, so half resolution is plenty):
// the corona of a central sun fills the screen, and here it costs a quarter of the pixels.
//
// Output: rgb = nebula emission plus far coronae (linear light, HDR, natural colours, glow and
// the hum's breath applied), a = density 0..1 (the inversion front follows it).
#include <visuals/params>
#include "../../lib/noise.glsl"
#include "sky.glsl"

#define SKY_BODIES 12

uniform vec2 u_resolution;
uniform int u_seed;
uniform float u_sector;   // wedge angle, pi / segments
uniform float u_radius;   // sky radius the texture covers
uniform float u_nebula_frac;  // the fraction of the target (each axis) this pass fills
uniform float u_flow;     // nebula evolution time
uniform vec4 u_hum;       // breath, ripple phase, shiver, depth
uniform int u_sun_count;  // suns come first in the body arrays
uniform vec4 u_body_a[SKY_BODIES];
uniform vec4 u_body_b[SKY_BODIES];
uniform vec4 u_body_c[SKY_BODIES];
uniform vec4 u_body_d[SKY_BODIES];
uniform vec4 u_body_e[SKY_BODIES];
uniform vec4 u_body_f[SKY_BODIES];   // sun: its corona's colour (rgb), turned (scenes/sky.py)
out vec4 frag;

void main() {
    vec2 uv = gl_FragCoord.xy / (u_resolution * u_nebula_frac);
    float th = uv.x * u_sector;
    float r = uv.y * u_radius;
    vec2 p = r * vec2(cos(th), sin(th));

    // Constant octave counts (unrolled: llvmpipe runs one idle extra iteration of any loop with
    // a variable bound); quality adds detail octaves to the density only, which changes no shape.
    int oct_d = 3 + int(floor(u_quality * 2.0 + 0.5));          // 3..5
    vec2 off = 37.0 * hash2i(ivec2(u_seed, 0x5107)) - 18.0;    // a different sky per seed
    float f = u_flow;
    // Depth: the clouds seen down a tunnel toward the central sun -- the radius is bent
    // (r^k, k < 1), so the clouds grow finer and denser toward the sun, as things far off do,
    // and broad near the frame's edge, close by; the same clouds, the same colours.
    float k = 1.0 - 0.3 * u_depth;
    vec2 s = p * (1.55 * pow(max(r, 1e-4), k - 1.0)) + off;

    // Domain warp in two layers (iq), each layer drifting differently so the clouds churn.
    vec2 q = vec2(fbm(s + vec2(0.0, 0.0) + vec2(0.31, 0.17) * f, 5),
                  fbm(s + vec2(5.2, 1.3) - vec2(0.11, 0.23) * f, 5));
    vec2 w = vec2(fbm(s + 3.2 * q + vec2(1.7, 9.2) + vec2(0.05, 0.21) * f, 5),
                  fbm(s + 3.2 * q + vec2(8.3, 2.8) - vec2(0.19, 0.07) * f, 5));
    float d = fbm(s + 3.4 * w + vec2(2.1, -4.7), oct_d);

    // Stretch the fbm's narrow range into a density with real gaps of dark sky.
    float dens = smoothstep(0.36, 0.80, d);
    float glow = dens * dens * sqrt(dens);
    // Finer wisps riding on the warp, and thin bright filaments (ridged noise) along it, so the
    // clouds read as glowing gas rather than marble.
    vec2 sw = s * 2.6 + 1.8 * w + vec2(-3.1, 7.7) + vec2(0.09, -0.06) * f;
    float wisp = fbm(sw, 4);
    float fil = ridged(sw * 1.3 + vec2(4.0, 1.0), 3);
    fil = fil * fil * fil;

    // Natural palette: violet-blue gas, rose hydrogen emission in the warped filaments, teal
    // oxygen in the cores, amber dust; dark dust lanes cut through.
    vec3 violet = vec3(0.060, 0.030, 0.200);
    vec3 teal = vec3(0.010, 0.120, 0.150);
    vec3 rose = vec3(0.320, 0.040, 0.120);
    vec3 amber = vec3(0.260, 0.120, 0.030);
    // (u_teal: inverted, the teal cores turn amber-brown -- a muddy stain in a sky of violet
    // and emerald; 0 makes them amber, which the inversion turns violet)
    vec3 col = mix(violet, mix(amber * 0.8, teal, u_teal), smoothstep(0.45, 0.72, q.y) * smoothstep(0.3, 0.8, dens));
    col = mix(col, rose, 0.9 * smoothstep(0.50, 0.76, w.x));
    col = mix(col, amber, 0.55 * smoothstep(0.52, 0.78, q.x) * smoothstep(0.55, 0.95, dens));
    float dust = smoothstep(0.52, 0.70, w.y) * (1.0 - 0.5 * dens);
    // u_filaments (round 12's readers: "paint blobs", "a murky teal smudge"): less of the
    // broad glow, more gas drawn as fine, bright, near-white filaments along the warp, cut by
    // sharp dark dust lanes, and some of the gas amber (which the inversion turns violet, so
    // the inverted nebula is emerald AND violet, threaded with white). (0: the clouds as they
    // were; the waking keeps them.)
    float fa = u_filaments;
    col = mix(col, amber, fa * 0.85 * smoothstep(0.36, 0.56, q.x));
    vec3 e = col * (0.10 * dens + 1.9 * glow) * (0.40 + 1.1 * wisp) * (1.0 - 0.3 * fa);
    e += mix(col, vec3(0.55, 0.35, 0.60), 0.35 + 0.4 * fa) * (1.6 * fil * smoothstep(0.05, 0.6, dens)) * (1.0 + 0.2 * fa);
    e *= 1.0 - 0.8 * dust;
    if (fa > 0.0) {
        // (round 14's lead, at 10 s: "a garish, scraggly green tangle": the veil is thinner,
        // paler and finer -- the suns and moons are the subjects, the nebula their backdrop)
        // the gas a translucent veil: less of it, and less saturated (the inversion multiplies
        // chroma), so the night shows through
        e = mix(e, dot(e, vec3(0.3, 0.5, 0.2)) * vec3(1.25, 0.85, 0.55), 0.8 * fa) * (1.0 - 0.8 * fa);
        // the fine threads: a sharper ridge of the same warped field, thin where it peaks;
        // lavender threads (emerald, inverted) and amber ones (violet, inverted) by turns
        float thread = ridged(sw * 1.8 + vec2(-6.0, 2.5), 3);
        thread *= thread;
        thread *= thread * thread;
        vec3 tint = mix(vec3(0.50, 0.42, 0.62), vec3(0.62, 0.44, 0.26), smoothstep(0.30, 0.50, q.y));
        e += fa * tint * 5.0 * thread * smoothstep(0.02, 0.45, dens);
        // dark lanes of dust, narrow and crisp, where the gas is thick
        e *= 1.0 - fa * 0.85 * smoothstep(0.44, 0.56, w.y) * smoothstep(0.1, 0.5, dens);
    }

    e *= u_nebula_glow * (1.0 + 0.22 * u_hum.w * u_hum.x);

    for (int i = 0; i < u_sun_count; ) {      // (exit tested at the end too: shaders/README.md)
        vec4 a = u_body_a[i];
        float x = length(p - a.xy) / a.z;
        e += sky_sun_corona(p, a, u_body_b[i], u_body_c[i], u_body_d[i], u_body_e[i], u_hum, u_body_f[i].rgb) * sky_sun_far(x);
        if (++i >= u_sun_count) {
            break;
        }
    }
    frag = vec4(e, dens);
}
