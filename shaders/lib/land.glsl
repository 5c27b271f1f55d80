// land.glsl -- the land under the dream's skies, shared by the sky and the constellations.
//
// Include-only (it includes noise.glsl for vnoise). A far mountain range pale with distance (aerial
// perspective: hazed, its rock faintly shaded) against an airglow
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
    // the airglow: an emerald band low over the far range, violet above it
    vec3 airglow = vec3(0.012, 0.060, 0.036);
    sky += glow * (airglow * exp(-above * 22.0) + vec3(0.022, 0.008, 0.044) * exp(-above * 7.0));
    // (round 11's reader: "cardboard mountain silhouettes".) Aerial perspective: the far range
    // lies deep in the air, so it is pale and blue, lighter toward its foot where it fades into
    // the valley's luminous mist; only its crest is a little darker than the airglow behind it.
    float below_far = max(far_h - p.y, 0.0);
    float below_near = max(p.y - near_h, 0.0);
    vec3 haze = vec3(0.006, 0.011, 0.020) + 0.16 * airglow;
    vec3 far_col = haze * (0.8 + 0.5 * smoothstep(0.0, 0.12, below_far));
    far_col += glow * vec3(0.006, 0.022, 0.020) * exp(-below_near * 22.0);     // the mist at its foot
    // its faces: soft shading of rock (noise over the slopes) so it is stone, not card
    float ravine = vnoise((p + vec2(far.x, 0.0)) * vec2(16.0, 22.0));
    far_col *= 0.8 + 0.4 * ravine * smoothstep(0.0, 0.03, below_far);
    vec3 col = mix(sky, far_col, smoothstep(-aa, aa, far_h - p.y));
    // the near ridge: black in its body, its crest lit by the sky behind it -- a bright thread
    // and a soft rim light a little way down the slope, catching on a grain of rock and scrub
    float into = max(near_h - p.y, 0.0);
    float edge = exp(-into * 600.0);
    float rim = exp(-into * 110.0);
    float grain = vnoise((p + near) * vec2(90.0, 140.0)) * vnoise((p + near) * vec2(23.0, 31.0) + 7.0);
    vec3 near_col = vec3(0.0010, 0.0010, 0.0018)
                  + glow * (vec3(0.035, 0.05, 0.058) * edge + vec3(0.010, 0.022, 0.024) * rim * (0.4 + 1.2 * grain));
    return mix(col, near_col, smoothstep(-aa, aa, near_h - p.y));
}
