#version 330 core
// Resonance, the cloud shot (cloud.glsl), baked once: the cloud's underside over the ground.
//   r: how low the base hangs there (0 a deep recess .. 1 a belly) -- billows of billows:
//      round domes (1 - the distance to scattered centres, squared) at three sizes, the
//      larger carrying the smaller as cumulus do, so the base reads as heaped cloud
//   g: the aurora's colour through it (0 emerald .. 1 violet), broad drifts
//   b: how brightly it glows from within there (hot hearts and dim reaches)
//   a: the curtains that hang from it: thin folded sheets (a band round a winding line)
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "cloud.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

// Heaped domes at one scale: the highest of the round caps of the cells round x.
float domes(vec2 x, float seed) {
    vec2 c = floor(x);
    float best = 0.0;
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            vec2 cell = c + vec2(i, j);
            vec2 h = hash22(cell + seed);
            vec2 centre = cell + 0.15 + 0.7 * h;
            float r = 0.8 + 0.45 * hash12(cell * 1.7 + seed);
            float d = length(x - centre) / r;
            best = max(best, sqrt(max(1.0 - d * d, 0.0)) * (0.6 + 0.4 * h.x));
        }
    }
    return best;
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 x = (uv - 0.5) * 2.0 * CLD_W;
    float sd = float(u_seed % 997) * 0.731;
    vec2 w = x + 14.0 * vec2(fbm(x * 0.012 + sd, 3) - 0.5, fbm(x * 0.012 + 7.1 + sd, 3) - 0.5);
    float big = domes(w / 22.0, sd);
    float mid = domes(w / 8.0 + 3.3, sd + 1.0);
    float small = domes(w / 2.8 + 9.1, sd + 2.0);
    float heap = fbm(x * 0.005 + sd, 4);                               // where the cloud sags
    float belly = 0.62 * big + 0.26 * mid * (0.5 + 0.5 * big) + 0.12 * small * (0.4 + 0.6 * mid);
    belly = clamp(belly * (0.7 + 0.5 * heap) + 0.3 * (heap - 0.5), 0.0, 1.0);
    float hue = smoothstep(0.42, 0.58, fbm(x * 0.009 + 31.0 + sd, 4));
    float heart = 0.45 + 2.4 * pow(fbm(x * 0.018 + 57.0 + sd, 4), 2.0);
    // The curtains: a few long winding lines (the level sets of a slow field), thin bands
    // round them, thinning out where the cloud is thin.
    float f = fbm(x * 0.004 + 91.0 + sd, 3) * 9.0;
    float band = abs(fract(f) - 0.5) / max(fwidth(f), 1e-4);
    float sheet = exp(-band * band * 0.25) * smoothstep(0.2, 0.6, fbm(x * 0.01 + 5.0, 2));
    frag_colour = vec4(belly, hue, heart, sheet);
}
