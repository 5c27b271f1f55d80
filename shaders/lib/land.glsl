// land.glsl -- the land under the dream's skies, shared by the sky and the constellations.
//
// Include-only (it includes noise.glsl for vnoise). A far mountain range dark against an airglow
// (emerald low down, violet above: the inverted sky's colours), the valley's mist rising at
// its foot, and a near black ridge whose crest is edged by a thread of the sky's light. A
// horizon under a sky gives it scale: the sky reads as a sky seen from somewhere, not as a
// pattern (round 10's reader rated the words over the mountains the film's best image).
//
// The two ridges slide by their own offsets (far, near: screen units, x and y), so a caller
// makes parallax: as the view travels the near ridge moves more than the far range.

#include "noise.glsl"

// A ridge line across the frame: the height of the land at x (screen units), a few octaves of
// value noise along one line, sharpened into peaks (1 - |n|) so it reads as mountains, not dunes.
float land_ridge(float x, float base, float amp, float freq, float seed) {
    float h = 0.0;
    float a = 0.5;
    float f = freq;
    for (int i = 0; i < 4; i++) {
        float n = vnoise(vec2(x * f, seed + 3.1 * float(i)));
        h += a * (1.0 - abs(2.0 * n - 1.0));
        a *= 0.45;
        f *= 2.1;
    }
    return base + amp * h;
}

// The sky's light `sky` at p (centred screen units, y up, frame height 1) with the land laid
// over it; aa: a pixel in screen units. far / near: each ridge's offset (x slides it along,
// y lifts it). glow scales the airglow and the mist (1: the constellations' night).
vec3 land_over(vec3 sky, vec2 p, float aa, vec2 far, vec2 near, float glow) {
    float far_h = land_ridge(p.x + far.x + 2.3, -0.37, 0.28, 1.9, 5.0) + far.y;
    float near_h = land_ridge(p.x + near.x - 0.8, -0.465, 0.17, 1.1, 17.0) + near.y;
    float above = max(p.y - far_h, 0.0);
    sky += glow * (vec3(0.007, 0.032, 0.021) * exp(-above * 30.0) + vec3(0.020, 0.007, 0.040) * exp(-above * 7.0));
    // the far range: a dark silhouette against the glow, the valley's mist rising at its foot
    vec3 far_col = vec3(0.0035, 0.0045, 0.010);
    far_col += glow * vec3(0.010, 0.030, 0.026) * exp(-max(p.y - near_h, 0.0) * 24.0);
    vec3 col = mix(sky, far_col, smoothstep(-aa, aa, far_h - p.y));
    // the near ridge: black, its crest edged by a thread of the sky's light
    float edge = exp(-max(near_h - p.y, 0.0) * 700.0);
    vec3 near_col = vec3(0.0012, 0.0012, 0.0022) + glow * vec3(0.03, 0.045, 0.05) * edge;
    return mix(col, near_col, smoothstep(-aa, aa, near_h - p.y));
}
