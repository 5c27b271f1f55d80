// grade.glsl -- the film's one grade, used by `lens`.  Include-only (needs bloom.glsl's light
// conversions).
//
// Why: the blind readers saw "at least five unrelated looks" in the dream (vector sky art,
// clay puppets, a grey realistic floor, a raymarched aurora).  One grade over every frame
// pulls them toward one film: a shared split-tone (shadows toward deep violet-blue, highlights
// toward a warm white), a filmic tone curve (a toe that sinks the murky near-blacks to true
// black, a soft shoulder so bright light rolls off instead of clipping flat), and a gentle
// halation (the warm red-orange fringe film shows round bright lights), taken from the bloom
// pyramid the lens already builds, so the grade costs a few instructions and no fetch.
// Each part is scaled by its own strength; all three at 0 leave the pixel as it was (the
// caller selects, so the result is exact).

const vec3 GRADE_LUMA = vec3(0.2126, 0.7152, 0.0722);
// (normalised to luma 1, so the split-tone moves hue, never brightness)
const vec3 GRADE_SHADOW = vec3(0.80, 0.86, 1.42) / dot(vec3(0.80, 0.86, 1.42), GRADE_LUMA);
const vec3 GRADE_HIGH = vec3(1.10, 1.0, 0.84) / dot(vec3(1.10, 1.0, 0.84), GRADE_LUMA);
const vec3 GRADE_HALATION = vec3(1.0, 0.34, 0.12);
// the shoulder starts here (display value); at display white it gives ~0.96, and the
// bloom's overshoot (up to sqrt(2)) rolls into white instead of clipping
const float GRADE_KNEE = 0.82;
// the toe: the near-blacks' curve d^2 / (d + k) (1 + k), which keeps white at 1
const float GRADE_TOE = 0.06;

// display: the frame after the bloom (display-referred, may exceed 1 where light was added);
// glow: the pyramid's spread light (linear).  Returns display values in [0, 1].
vec3 grade(vec3 display, vec3 glow, float tone, float split, float halation) {
    vec3 light = to_light(display);
    float l = clamp(dot(light, GRADE_LUMA), 0.0, 1.0);
    // halation: the glow, red-orange, round (not on) the bright core
    light += (BLOOM_GAIN * 0.5 * halation * (1.0 - l)) * glow * GRADE_HALATION;
    // split-tone, multiplicative in light, so true black stays black
    float ls = sqrt(l);                                    // (weights in display lightness)
    float shade = (1.0 - ls) * (1.0 - ls);
    float high = smoothstep(0.45, 1.0, ls);
    light *= mix(vec3(1.0), GRADE_SHADOW, 0.6 * split * shade)
           * mix(vec3(1.0), GRADE_HIGH, 0.45 * split * high);
    vec3 d = to_display(light);
    // tone curve: toe, then the soft shoulder (tanh: slope 1 at the knee)
    vec3 toe = d * d / (d + GRADE_TOE) * (1.0 + GRADE_TOE);
    vec3 over = max(d - GRADE_KNEE, 0.0) / (1.0 - GRADE_KNEE);
    vec3 shoulder = min(d, vec3(GRADE_KNEE)) + (1.0 - GRADE_KNEE) * tanh(over);
    vec3 curved = mix(d, min(toe, shoulder), tone);
    return clamp(curved, 0.0, 1.0);
}
