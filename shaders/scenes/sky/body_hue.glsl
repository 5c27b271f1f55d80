// body_hue.glsl -- the inversion front, and the suns' and moons' inverted hue worn ahead of it.
//
// Include-only (sky and nebula passes). The text's sky has violet suns and emerald moons; the
// inversion (sky.frag's sky_invert) turns every hue by `hue_turn` as it sweeps over the sky, so
// bodies drawn in natural colours would show gold suns and lavender moons until the front
// reaches them. Instead their light is turned by the part of `hue_turn` the inversion has not
// yet applied at that point (times `body_lead`): their hue is the inverted one at every moment,
// on the dark natural night as on the pale inverted sky.
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"

// The inversion's progress at a sky point: it reaches the centre and the dense clouds first.
// r: distance from the mandala's centre (sky units); dens: nebula density 0..1.
float sky_inversion_at(float r, float dens, float inversion, float dissolve, vec4 hum) {
    float field = clamp(0.62 * smoothstep(0.0, 0.95, r) + 0.38 * (1.0 - dens) + 0.03 * hum.w * hum.x, 0.0, 1.0);
    float spread = 1.6 * dissolve;
    return clamp(inversion * (1.0 + spread) - spread * field, 0.0, 1.0);
}

// A body's natural light (linear HDR), turned in OKLab by what the inversion at progress t
// still owes of `turn` (radians), so that after sky_invert its hue is the inverted one.
// Lightness stays, chroma deepens a little before the front; scaling commutes with the turn, so sums of one colour turn alike.
vec3 sky_body_hue(vec3 lin, float t, float turn, float lead) {
    float e = t * t * (3.0 - 2.0 * t);
    vec3 lab = rgb_to_oklab(max(lin, 0.0));
    float owed = (1.0 - e) * lead;
    // (on the dark night a violet as pale as the gold photosphere reads white: deepen it there)
    lab.yz = rot2(turn * owed) * lab.yz * (1.0 + 0.9 * owed);
    return max(oklab_to_rgb(lab), 0.0);
}
