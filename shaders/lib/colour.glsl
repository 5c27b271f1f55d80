// colour.glsl -- transfer functions, OKLab/OKLCh, HSV, cosine palettes, gamut
// clipping and tone mapping.
//
// Include-only (no #version, no main). GLSL 330 core.
// Spaces: "linear" = linear-light sRGB/Rec.709 primaries; "display" = sRGB-encoded.
// OKLab is Ottosson's (2020): L in [0,1] for SDR, a/b roughly [-0.4,0.4]; OKLCh hue in
// radians. Pipeline: shade in linear -> tonemap_* (linear in, linear [0,1] out) ->
// optional OKLab grading/inversion (display-referred, after tonemapping) ->
// linear_to_srgb -> dither8 (dither.glsl).

// ---------------------------------------------------------------- sRGB transfer

// Exact piecewise sRGB decode (display -> linear), one channel. Negatives pass linearly.
float srgb_to_linear(float c) {
    return (c <= 0.04045) ? c * (1.0 / 12.92)
                          : pow((c + 0.055) * (1.0 / 1.055), 2.4);
}

// Exact piecewise sRGB decode (display -> linear).
vec3 srgb_to_linear(vec3 c) {
    vec3 lo = c * (1.0 / 12.92);
    vec3 hi = pow(max((c + 0.055) * (1.0 / 1.055), 0.0), vec3(2.4));
    return mix(hi, lo, lessThanEqual(c, vec3(0.04045)));
}

// Exact piecewise sRGB encode (linear -> display), one channel.
float linear_to_srgb(float c) {
    return (c <= 0.0031308) ? c * 12.92
                            : 1.055 * pow(c, 1.0 / 2.4) - 0.055;
}

// Exact piecewise sRGB encode (linear -> display).
vec3 linear_to_srgb(vec3 c) {
    vec3 lo = c * 12.92;
    vec3 hi = 1.055 * pow(max(c, 0.0), vec3(1.0 / 2.4)) - 0.055;
    return mix(hi, lo, lessThanEqual(c, vec3(0.0031308)));
}

// ---------------------------------------------------------------- OKLab / OKLCh

// Matrices are written row by row; `v * M` then computes dot(row_i, v).
// Linear sRGB -> LMS cone response.
const mat3 OKLAB_RGB_TO_LMS = mat3(
    0.4122214708, 0.5363325363, 0.0514459929,
    0.2119034982, 0.6806995451, 0.1073969566,
    0.0883024619, 0.2817188376, 0.6299787005);
// Non-linear LMS -> Lab.
const mat3 OKLAB_LMS_TO_LAB = mat3(
    0.2104542553,  0.7936177850, -0.0040720468,
    1.9779984951, -2.4285922050,  0.4505937099,
    0.0259040371,  0.7827717662, -0.8086757660);
// Lab -> non-linear LMS.
const mat3 OKLAB_LAB_TO_LMS = mat3(
    1.0,  0.3963377774,  0.2158037573,
    1.0, -0.1055613458, -0.0638541728,
    1.0, -0.0894841775, -1.2914855480);
// LMS -> linear sRGB.
const mat3 OKLAB_LMS_TO_RGB = mat3(
     4.0767416621, -3.3077115913,  0.2309699292,
    -1.2684380046,  2.6097574011, -0.3413193965,
    -0.0041960863, -0.7034186147,  1.7076147010);

// Sign-preserving cube root: cbrt(-x) = -cbrt(x); pow() alone is NaN for x < 0.
vec3 colour_cbrt(vec3 x) {
    return sign(x) * pow(abs(x), vec3(1.0 / 3.0));
}

// Linear sRGB -> OKLab (L, a, b). Out-of-gamut and negative inputs stay finite.
vec3 rgb_to_oklab(vec3 rgb) {
    vec3 lms = colour_cbrt(rgb * OKLAB_RGB_TO_LMS);
    return lms * OKLAB_LMS_TO_LAB;
}

// OKLab -> linear sRGB (may leave [0,1]; see gamut_clip_chroma).
vec3 oklab_to_rgb(vec3 lab) {
    vec3 lms = lab * OKLAB_LAB_TO_LMS;
    return (lms * lms * lms) * OKLAB_LMS_TO_RGB;
}

// OKLab -> OKLCh (L, chroma, hue in radians (-pi, pi]). Hue is 0 for greys.
vec3 oklab_to_oklch(vec3 lab) {
    float c = length(lab.yz);
    float h = (c > 1e-7) ? atan(lab.z, lab.y) : 0.0;
    return vec3(lab.x, c, h);
}

// OKLCh (L, chroma, hue radians) -> OKLab.
vec3 oklch_to_oklab(vec3 lch) {
    return vec3(lch.x, lch.y * cos(lch.z), lch.y * sin(lch.z));
}

// True when linear RGB lies inside the sRGB cube (with a tiny tolerance).
bool colour_in_gamut(vec3 rgb) {
    const float EPS = 1e-6;
    return all(greaterThanEqual(rgb, vec3(-EPS))) && all(lessThanEqual(rgb, vec3(1.0 + EPS)));
}

// Gamut mapping by chroma reduction: clamps L to [0,1], then keeps L and hue and
// bisects the chroma scale (14 steps, ~1e-4 relative) until oklab_to_rgb() fits in
// [0,1]. Use after OKLab edits (inversion, hue rotation) instead of clamping RGB.
vec3 gamut_clip_chroma(vec3 lab) {
    lab.x = clamp(lab.x, 0.0, 1.0);
    if (colour_in_gamut(oklab_to_rgb(lab))) {
        return lab;
    }
    float lo = 0.0;   // grey: always inside
    float hi = 1.0;
    for (int k = 0; k < 14; ++k) {
        float mid = 0.5 * (lo + hi);
        if (colour_in_gamut(oklab_to_rgb(vec3(lab.x, lab.yz * mid)))) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return vec3(lab.x, lab.yz * lo);
}

// ---------------------------------------------------------------- HSV

// HSV (all components in [0,1], hue wraps) -> RGB. Branch-free.
vec3 hsv2rgb(vec3 c) {
    vec3 k = clamp(abs(mod(c.x * 6.0 + vec3(0.0, 4.0, 2.0), 6.0) - 3.0) - 1.0, 0.0, 1.0);
    return c.z * mix(vec3(1.0), k, c.y);
}

// RGB -> HSV (hue in [0,1), saturation and value in [0,1] for inputs in [0,1]).
vec3 rgb2hsv(vec3 c) {
    float mx = max(c.r, max(c.g, c.b));
    float mn = min(c.r, min(c.g, c.b));
    float d = mx - mn;
    float h = 0.0;
    if (d > 1e-10) {
        if (mx == c.r) {
            h = mod((c.g - c.b) / d, 6.0);
        } else if (mx == c.g) {
            h = (c.b - c.r) / d + 2.0;
        } else {
            h = (c.r - c.g) / d + 4.0;
        }
        h /= 6.0;
    }
    float s = (mx > 1e-10) ? d / mx : 0.0;
    return vec3(h, s, mx);
}

// ---------------------------------------------------------------- palettes

// Cosine palette a + b*cos(2*pi*(c*t + d)) (iq). Designed in display space.
vec3 palette(float t, vec3 a, vec3 b, vec3 c, vec3 d) {
    return a + b * cos(6.28318530718 * (c * t + d));
}

// Night dream cycle, period 1: indigo night (0) -> violet (~0.22) -> emerald (~0.5)
// -> gold (~0.78) -> back to night. Display-space values in [0,1].
vec3 palette_dream(float t) {
    return palette(t, vec3(0.36, 0.347, 0.37), vec3(0.36, 0.347, 0.35),
                   vec3(2.0, 1.0, 1.0), vec3(0.37, 0.376, 0.70));
}

// Embers over t in [0,1]: near black -> deep red -> orange -> pale yellow. Display space.
vec3 palette_ember(float t) {
    return palette(t, vec3(0.5, 0.446, 0.269), vec3(0.5, 0.446, 0.269),
                   vec3(0.5), vec3(0.574, 0.457, 0.449));
}

// Ice over t in [0,1]: blue-black -> deep blue -> cyan -> near white. Display space.
vec3 palette_ice(float t) {
    return palette(t, vec3(0.48, 0.504, 0.517), vec3(0.48, 0.477, 0.483),
                   vec3(0.5), vec3(0.435, 0.507, 0.576));
}

// ---------------------------------------------------------------- luminance, tonemap

// Relative luminance of linear Rec.709/sRGB.
float luma(vec3 c) {
    return dot(c, vec3(0.2126, 0.7152, 0.0722));
}

// ACES filmic curve, Narkowicz 2015 fit. Linear HDR in, linear [0,1] out.
// Per-channel: cheap, but saturates bright colours. Narkowicz suggests
// pre-scaling the input by ~0.6 to match the reference exposure.
vec3 tonemap_aces(vec3 x) {
    x = max(x, 0.0);
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

// AgX base inset matrix (column-major), pulls primaries slightly toward white.
const mat3 AGX_INSET = mat3(
    0.842479062253094,  0.0423282422610123, 0.0423756549057051,
    0.0784335999999992, 0.878468636469772,  0.0784336,
    0.0792237451477643, 0.0791661274605434, 0.879142973793104);
// Inverse of AGX_INSET (column-major).
const mat3 AGX_OUTSET = mat3(
     1.19687900512017,  -0.0528968517574562, -0.0529716355144438,
    -0.0980208811401368, 1.15190312990417,   -0.0980434501171241,
    -0.0990297440797205, -0.0989611768448433, 1.15107367264116);

// AgX's sigmoid output itself: display-referred for a 2.2 gamma, in [0,1].  A shader that
// encodes for display anyway can use it directly and skip tonemap_agx's decode to linear.
vec3 agx_display(vec3 x) {
    const float MIN_EV = -12.47393;
    const float MAX_EV = 4.026069;
    vec3 v = AGX_INSET * max(x, 0.0);
    v = clamp(log2(max(v, 1e-10)), MIN_EV, MAX_EV);
    v = (v - MIN_EV) / (MAX_EV - MIN_EV);
    vec3 v2 = v * v;
    vec3 v4 = v2 * v2;
    v = 15.5 * v4 * v2 - 40.14 * v4 * v + 31.96 * v4
      - 6.868 * v2 * v + 0.4298 * v2 + 0.1191 * v - 0.00232;
    return clamp(AGX_OUTSET * v, 0.0, 1.0);
}

// AgX tone mapping (minimal polynomial version): inset matrix, log2 encoding over
// [-12.47393, 4.026069] EV around 0.18, a 6th-order polynomial sigmoid, inverse inset.
// Bright saturated colours drift toward white instead of skewing hue.
// Linear HDR in, linear [0,1] out (the sigmoid's display output is decoded with a
// 2.2 gamma) so it is a drop-in replacement for tonemap_aces before linear_to_srgb.
vec3 tonemap_agx(vec3 x) {
    return pow(agx_display(x), vec3(2.2));
}
