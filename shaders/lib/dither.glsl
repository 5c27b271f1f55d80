// dither.glsl -- noise for breaking up 8-bit banding.
//
// Include-only (no #version, no main). GLSL 330 core.
// Dither last, in display space (after linear_to_srgb), whenever the target is 8-bit
// (the final frame or RGBA8 intermediates).

#include "hash.glsl"

// Interleaved gradient noise (Jimenez 2014) of an integer pixel position, in [0,1).
float ign_pixel(vec2 pixel) {
    return fract(52.9829189 * fract(dot(pixel, vec2(0.06711056, 0.00583715))));
}

// Interleaved gradient noise in [0,1): cheap, low-discrepancy screen pattern; good for
// jittering ray-march start offsets and sample rotations. Pass gl_FragCoord.xy.
float ign(vec2 frag_coord) {
    return ign_pixel(floor(frag_coord));
}

// Animated IGN: shifts the pattern by 5.588238 px per frame (wraps every 64 frames so
// the float offset stays exact).
float ign(vec2 frag_coord, int frame) {
    return ign_pixel(floor(frag_coord) + 5.588238 * float(frame & 63));
}

// Adds triangular-PDF noise of +-1 LSB at 8 bits (1/255) to a display-space colour,
// independently per channel, from a PCG hash of (pixel, frame): deterministic, never
// repeats spatially, and zero-mean so the quantised average equals the input.
// Near 0 and 1 the amplitude shrinks to the distance to the edge (in LSB), so pure
// black and white stay exact and the framebuffer clamp adds no bias.
vec3 dither8(vec3 colour, vec2 frag_coord, int frame) {
    uvec3 h = pcg3d(uvec3(uvec2(ivec2(floor(frag_coord))), uint(frame)));
    // Uniform in (-1,1), then the inverse CDF of the triangular distribution on (-1,1).
    vec3 u = (vec3(h >> 8u) + 0.5) * (2.0 / 16777216.0) - 1.0;
    vec3 tri = sign(u) * (1.0 - sqrt(1.0 - abs(u)));
    vec3 amp = clamp(min(colour, 1.0 - colour) * 255.0, 0.0, 1.0);
    return colour + tri * amp * (1.0 / 255.0);
}
