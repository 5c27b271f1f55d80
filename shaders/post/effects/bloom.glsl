// bloom.glsl -- shared by the bloom passes: how light is stored in the RGBA8 pyramid, the
// soft threshold and the filters.  Include-only.
//
// Light: display values are taken to linear light with a gamma of 2 (x^2, and sqrt back):
// within a few percent of sRGB, and a tenth of the cost of its pow() on software GL, which
// matters in a pass that touches every pixel.  The pyramid holds that light square-root
// encoded (sqrt(light / BLOOM_RANGE)), so an 8-bit level keeps the dim tails of a glow, and
// carries up to BLOOM_RANGE (twice display white) from scenes that render brighter.  Every
// level is dithered with interleaved gradient noise (cheap, and averaged away by the next
// level's filter).

#include "../../lib/dither.glsl"

const float BLOOM_RANGE = 2.0;
// The glow at amount 1: spread light is thin (a stroke's excess light over a wide area), so
// it is boosted to read as a glow rather than a faint haze.
const float BLOOM_GAIN = 5.0;

vec3 to_light(vec3 display) {
    return display * display;
}

vec3 to_display(vec3 light) {
    return sqrt(max(light, 0.0));
}

vec3 bloom_encode(vec3 light, vec2 frag_coord, int frame) {
    vec3 s = sqrt(clamp(light * (1.0 / BLOOM_RANGE), 0.0, 1.0));
    return s + (ign(frag_coord, frame) - 0.5) * (1.0 / 255.0);
}

vec3 bloom_decode(vec3 stored) {
    return stored * stored * BLOOM_RANGE;
}

// One bad pixel (NaN or inf from a scene) would bloom into a block: drop it.  Written with
// comparisons that are false for NaN, so the compiler cannot fold them away.
vec3 bloom_sanitize(vec3 c) {
    bvec3 ok = bvec3(c.r >= 0.0 && c.r < 1e4, c.g >= 0.0 && c.g < 1e4, c.b >= 0.0 && c.b < 1e4);
    return mix(vec3(0.0), c, ok);
}

// The part of the light above the threshold (given in display units), with a quadratic knee
// half the threshold wide so the glow fades in instead of switching on.
vec3 bloom_threshold(vec3 light, float threshold_display) {
    float t = threshold_display * threshold_display;
    float knee = 0.5 * t + 1e-4;
    float bright = max(light.r, max(light.g, light.b));
    float soft = clamp(bright - t + knee, 0.0, 2.0 * knee);
    soft = soft * soft / (4.0 * knee);
    float keep = max(soft, bright - t) / max(bright, 1e-5);
    return light * keep;
}

// Dual-Kawase downsample (Bjorge 2015): the centre and four diagonal taps one source
// texel away, each bilinear (a 2x2 average), weighted 4:1:1:1:1.
vec3 bloom_down(sampler2D src, vec2 uv) {
    vec2 ts = 1.0 / vec2(textureSize(src, 0));
    vec3 sum = 4.0 * bloom_decode(texture(src, uv).rgb);
    sum += bloom_decode(texture(src, uv + vec2(-ts.x, -ts.y)).rgb);
    sum += bloom_decode(texture(src, uv + vec2( ts.x, -ts.y)).rgb);
    sum += bloom_decode(texture(src, uv + vec2(-ts.x,  ts.y)).rgb);
    sum += bloom_decode(texture(src, uv + vec2( ts.x,  ts.y)).rgb);
    return sum * (1.0 / 8.0);
}

// 3x3 tent upsample of a coarser level (Jimenez 2014) from four bilinear taps half a coarse
// texel off diagonally: each tap is a 2x2 box, and the four boxes sum to the (1 2 1)^2 tent.
vec3 bloom_tent(sampler2D src, vec2 uv) {
    vec2 h = 0.5 / vec2(textureSize(src, 0));
    vec3 sum = bloom_decode(texture(src, uv + vec2(-h.x, -h.y)).rgb)
             + bloom_decode(texture(src, uv + vec2( h.x, -h.y)).rgb)
             + bloom_decode(texture(src, uv + vec2(-h.x,  h.y)).rgb)
             + bloom_decode(texture(src, uv + vec2( h.x,  h.y)).rgb);
    return sum * 0.25;
}

// How much of the wider levels each upsample keeps (an energy-conserving lerp, Bevy-style):
// radius 0 keeps the tight half-resolution halo, 1 lets the widest haze dominate.
float bloom_scatter(float radius) {
    return mix(0.35, 0.85, clamp(radius, 0.0, 1.0));
}

// The composite: the spread light (the pyramid's 'up0') added in linear light, written back
// to display and dithered wherever it changes anything (amount 0, or no glow, leaves the
// pixel exactly as it was).
vec3 bloom_add(vec3 display, vec3 glow, float amount, vec2 frag_coord, int frame) {
    vec3 added = (BLOOM_GAIN * max(amount, 0.0)) * glow;
    vec3 rgb = to_display(to_light(display) + added) + (ign(frag_coord, frame) - 0.5) * (1.0 / 255.0);
    return max(added.r, max(added.g, added.b)) > 0.0 ? rgb : display;
}
