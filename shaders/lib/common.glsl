// common.glsl -- constants and small helpers shared by every shader.
//
// Include-only (no #version, no main). GLSL 330 core.
// aa_step/aa_fill use fwidth(), which exists only in fragment shaders. A vertex (or
// other non-fragment) shader that includes this file must first
//     #define VISUALS_NO_DERIVATIVES
// to compile them out.

const float PI = 3.14159265358979;
const float TAU = 6.28318530717959;

// Resolution-independent coordinates: origin at the screen centre, y in [-0.5, 0.5],
// x scaled by the aspect ratio (coords = (fragCoord - R/2) / R.y).
vec2 centered_uv(vec2 frag_coord, vec2 resolution) {
    return (frag_coord - 0.5 * resolution) / resolution.y;
}

// 2D rotation by angle a (radians), counter-clockwise: rot2(a) * v.
mat2 rot2(float a) {
    float c = cos(a);
    float s = sin(a);
    return mat2(c, s, -s, c);
}

#ifndef VISUALS_NO_DERIVATIVES
// Antialiased step(edge, x): 0 below, 1 above, a ramp about one pixel wide measured
// with fwidth(x). Never divides by zero, so it degrades to a hard step when x is flat.
float aa_step(float edge, float x) {
    float w = max(fwidth(x), 1e-12);
    return clamp((x - edge) / w + 0.5, 0.0, 1.0);
}

// Antialiased coverage of a signed distance (1 inside d < 0, 0 outside).
float aa_fill(float d) {
    return 1.0 - aa_step(0.0, d);
}
#endif

// Clamp to [0,1].
float saturate(float x) {
    return clamp(x, 0.0, 1.0);
}

// Clamp each component to [0,1].
vec3 saturate(vec3 x) {
    return clamp(x, 0.0, 1.0);
}

// Linear remap of x from [in_lo, in_hi] to [out_lo, out_hi] (unclamped; a degenerate
// input range maps to out_lo).
float remap(float x, float in_lo, float in_hi, float out_lo, float out_hi) {
    float d = in_hi - in_lo;
    float t = (abs(d) > 1e-20) ? (x - in_lo) / d : 0.0;
    return out_lo + (out_hi - out_lo) * t;
}

// Remap of x from [in_lo, in_hi] to [0,1], clamped.
float remap01(float x, float in_lo, float in_hi) {
    return saturate(remap(x, in_lo, in_hi, 0.0, 1.0));
}
