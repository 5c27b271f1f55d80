#version 330 core
// Resonance: the star field, baked once when the scene starts (the stars only twinkle,
// which the last pass does from the rate and phase kept here). One star at most per cell of
// a grid in screen units, a Gaussian spot sized in pixels and normalised so that a star
// keeps its brightness at every resolution.
//   r: sqrt(brightness / STAR_RANGE)   g: twinkle rate   b: twinkle phase   a: tint
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "resonance.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

vec4 star(vec2 p, float px) {
    const float CELL = 1.0 / 52.0;
    ivec2 cell = ivec2(floor(p / CELL));
    vec3 h = hash3i(ivec3(cell, u_seed));
    if (h.z < 0.66) {
        return vec4(0.0);
    }
    vec2 centre = (vec2(cell) + 0.2 + 0.6 * h.xy) * CELL;
    float d_px = length(p - centre) / px;                  // distance in pixels
    float sigma = max(0.6, 0.8 * u_resolution.y / 1080.0);
    float b = pow((h.z - 0.66) / 0.34, 4.0) * 0.8 + 0.01;
    // The spot is normalised to a constant energy on screen (its sum over pixels times the
    // pixel's area), so the sky holds the same starlight at every resolution; at 720p and up
    // a star is also the same size on screen.
    float psf = exp(-0.5 * d_px * d_px / (sigma * sigma)) * (0.5 / (sigma * sigma));
    float v = b * psf / (720.0 * 720.0 * px * px);
    return vec4(sqrt(clamp(v / STAR_RANGE, 0.0, 1.0)), h.x, h.y, h.x * h.x);
}


void main() {
    frag_colour = star(centered_uv(gl_FragCoord.xy, u_resolution), 1.0 / u_resolution.y);
}
