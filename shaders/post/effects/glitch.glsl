// glitch.glsl -- the cracks in the utopia: tremor, block displacement and colour split, shared
// by the single effects and by `glitch`, which drives all three from one amount.
// Include-only.  Randomness is a PCG hash of integer time steps floor(t * rate) (and of
// integer block ids), mixed with the seed, so a frame is a pure function of its time and a
// looped frame repeats exactly.  Offsets are in pixels, scaled with the frame height from
// their size at 720p, and every fetch is clamped to the frame.

#include "../../lib/hash.glsl"

// Frame pixels per 720p pixel.
float glitch_px(vec2 resolution) {
    return resolution.y / 720.0;
}

// The time step `t` falls in at `rate` steps a second.
int glitch_step(float t, float rate) {
    return int(floor(max(t, 0.0) * max(rate, 0.0)));
}

// Tremor: a whole-pixel translation of the whole image, a new one every step (whole pixels
// keep the image sharp; a sub-pixel shake would blur and unblur it).  amount 1 = up to 3 px.
vec2 tremor_offset(float amount, int step, int seed, vec2 resolution) {
    vec3 h = hash3i(ivec3(step, seed, 0x7E30));
    vec2 d = h.xy * 2.0 - 1.0;
    d *= mix(0.45, 1.0, h.z);                     // some steps barely move
    return floor(d * (3.0 * amount * glitch_px(resolution)) + 0.5);
}

// Block displacement: the frame is cut into rows `size` frame heights tall, each row into
// blocks of a random width (2..8 heights, the grid offset per row); some blocks slip sideways
// (and a little vertically).  A finer layer of half-size blocks breaks loose more rarely.
// Steps come in bursts: a quiet step moves only a quarter as many blocks.  `rows`: every
// block is a whole row, so the frame tears in horizontal bands instead.
vec2 block_offset(vec2 frag, float amount, float size, int step, int seed, vec2 resolution, bool rows) {
    if (amount <= 0.0) {
        return vec2(0.0);
    }
    float burst = hash3i(ivec3(step, seed, 0xB0B5)).x < 0.3 + 0.6 * amount ? 1.0 : 0.25;
    float share = amount * burst;
    vec2 off = vec2(0.0);
    for (int layer = 0; layer < 2; layer++) {
        float bh = max(size * resolution.y * (layer == 0 ? 1.0 : 0.45), 2.0);
        int row = int(floor(frag.y / bh));
        vec3 hr = hash3i(ivec3(row, step, seed * 2 + layer));
        float bw = bh * (2.0 + 6.0 * hr.x);
        // (rows: each block is the whole row -- a tear across the frame, as a signal tears,
        // not rectangles slipping loose, which round 20's reader took for a broken render)
        int col = rows ? 0 : int(floor((frag.x + hr.y * bw) / bw));
        vec3 hb = hash3i(ivec3(col, row, step * 4 + layer + (seed << 8)));
        float chance = share * (layer == 0 ? 0.32 : 0.16);
        if (hb.x < chance) {
            float slide = (hb.y - 0.5) * 2.0;
            slide = sign(slide) * (0.15 + 0.85 * abs(slide));
            off = vec2(slide * 0.18 * amount * resolution.x, (hb.z - 0.5) * 0.3 * bh);
        }
    }
    return floor(off + 0.5);
}

// Fetch with the pixel clamped to the frame.
vec4 glitch_fetch(sampler2D tex, vec2 pixel) {
    ivec2 size = textureSize(tex, 0);
    return texelFetch(tex, clamp(ivec2(floor(pixel)), ivec2(0), size - 1), 0);
}

// Bilinear fetch at a pixel position (centre = integer + 0.5), clamped to the frame.
vec4 glitch_sample(sampler2D tex, vec2 pixel) {
    vec2 size = vec2(textureSize(tex, 0));
    return texture(tex, clamp(pixel, vec2(0.5), size - 0.5) / size);
}

// Colour split: red from `pixel + offset`, green from `pixel`, blue from `pixel - offset`.
// A zero offset is three exact fetches of the same pixel.
vec4 split_fetch(sampler2D tex, vec2 pixel, vec2 offset) {
    vec4 g = glitch_fetch(tex, pixel);
    if (offset == vec2(0.0)) {
        return g;
    }
    float r = glitch_sample(tex, pixel + offset).r;
    float b = glitch_sample(tex, pixel - offset).b;
    return vec4(r, g.g, b, g.a);
}
