// grade.glsl -- the film's one grade, used by `lens`.  Include-only (after bloom.glsl).
//
// Why: the blind readers saw "at least five unrelated looks" in the dream (vector sky art,
// clay puppets, a grey realistic floor, a raymarched aurora).  One grade over every frame
// pulls them toward one film: a gentle halation (the warm red-orange fringe film shows round
// bright lights), a shared split-tone (shadows toward deep violet-blue, highlights toward a
// warm white) and a filmic tone curve (a toe that sinks the murky near-blacks to true black,
// a soft shoulder so bright light rolls off instead of clipping flat).  It rides on the lens's
// own work: the halation is the bloom pyramid's glow, added with the bloom in the one trip to
// linear light, and the split-tone and the curve work on the display value the bloom writes
// anyway, so the grade costs a few multiplies, a division and an inverse square root.
// Each part is scaled by its own strength; all at 0 change nothing (exactly: the caller
// selects).

const vec3 GRADE_LUMA = vec3(0.2126, 0.7152, 0.0722);
// The split-tone's tints, normalised to luma 1 so they move hue, never brightness, and given
// as their square roots: a tint T of the light is sqrt(T) of the display value (gamma 2).
const vec3 GRADE_SHADOW = sqrt(vec3(0.80, 0.86, 1.42) / dot(vec3(0.80, 0.86, 1.42), GRADE_LUMA));
const vec3 GRADE_HIGH = sqrt(vec3(1.10, 1.0, 0.84) / dot(vec3(1.10, 1.0, 0.84), GRADE_LUMA));
const vec3 GRADE_HALATION = vec3(1.0, 0.34, 0.12);
// the shoulder starts here (display value); at display white it gives ~0.95, and the
// bloom's overshoot (up to sqrt(2)) rolls into white instead of clipping
const float GRADE_KNEE = 0.82;
// the toe: the near-blacks' curve d^2 / (d + k) (1 + k), which keeps white at 1
const float GRADE_TOE = 0.06;
// lift: the shadows' and mid-tones' raise at lift 1 (d + g d (1 - d)^2: x1.75 in the deep
// shadows, +0.11 at a third, +0.09 at mid grey, little in the highlights) and the violet-blue floor under black (~4 levels of 255)
const float GRADE_LIFT_GAIN = 0.75;
const float GRADE_FLOOR = 0.016;
// shoulder: how far the knee drops at shoulder 1 (0.82 -> 0.62: white then rolls to ~0.89)
const float GRADE_KNEE_DROP = 0.2;

// The halation's share of the glow, per channel, for a pixel of luma l (display): red-orange,
// round the bright core rather than on it.  Added to the bloom's factor on the glow.
vec3 grade_halation(float l, float halation) {
    return (BLOOM_GAIN * 0.5 * halation * (1.0 - l * l)) * GRADE_HALATION;
}

// The split-tone and the tone curve on a display value d (may exceed 1 where light was
// added); l: its luma.  Returns display values in [0, 1].
// `lift` and `shoulder` shape the tone curve (so act only with tone > 0); both 0: the curve
// as it was.  Why (round 15's reader: stills "underexposed, 70-80 % black" and others "blown
// out, clipped white"): lift eases the toe off (at 1 it no longer sinks the near-blacks),
// raises the shadows and mid-tones (d + 0.75 lift d (1 - d)^2: black stays black, white white)
// and sets black on a faint violet-blue floor, so dark scenes keep their shadow detail;
// shoulder starts the roll-off lower (knee 0.82 down to 0.62) so bright light is compressed
// well below white and a blown area keeps its gradient instead of one flat white.
// `white` (0: off, the shoulder's curve only nears white) is the display value that the
// shoulder brings exactly to white.  Why: with shoulder 1 the hottest light of the whole dream
// -- suns, candle flames, mercury eyes, glints -- stopped at ~229 of 255, and the readers saw
// "flat lighting", a film with no bright highlights.  The shoulder's curve
// u / sqrt(1 + a u^2) keeps its slope of 1 at the knee (so the mid-tones are untouched) and
// with a = 1 - 1/u_w^2 passes through 1 at the white point's u_w; light beyond it is white.
vec3 grade(vec3 d, float l, float tone, float split, float lift, float shoulder, float white) {
    float ls = clamp(l, 0.0, 1.0);
    float shade = (1.0 - ls) * (1.0 - ls);
    float high = max(ls - 0.45, 0.0) * (1.0 / 0.55);
    high *= high;
    // (multiplicative, so true black stays black; one tint, the two weights summed)
    d *= 1.0 + (0.6 * split * shade) * (GRADE_SHADOW - 1.0) + (0.45 * split * high) * (GRADE_HIGH - 1.0);
    // tone curve: toe, then the soft shoulder (u / sqrt(1 + u^2): slope 1 at the knee, like
    // tanh but an inverse square root, which software GL does far cheaper)
    float k = GRADE_TOE * (1.0 - lift);
    vec3 dc = clamp(d, 0.0, 1.0);
    vec3 raised = d + (GRADE_LIFT_GAIN * lift) * dc * (1.0 - dc) * (1.0 - dc);
    vec3 toe = raised * raised / (raised + k + 1e-6) * (1.0 + k);
    float knee = GRADE_KNEE - GRADE_KNEE_DROP * shoulder;
    vec3 over = max(raised - knee, 0.0) / (1.0 - knee);
    float over_white = max((max(white, 1.0) - knee) / (1.0 - knee), 1.0);
    float bend = white > 0.0 ? 1.0 - 1.0 / (over_white * over_white) : 1.0;
    vec3 rolled = min(raised, vec3(knee)) + (1.0 - knee) * over * inversesqrt(1.0 + bend * over * over);
    vec3 floor_ = (GRADE_FLOOR * lift) * GRADE_SHADOW * GRADE_SHADOW * (1.0 - dc);
    return clamp(mix(d, min(toe, rolled) + floor_, tone), 0.0, 1.0);
}
