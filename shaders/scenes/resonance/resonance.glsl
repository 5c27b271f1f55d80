// resonance.glsl -- geometry shared by the passes of the scene "resonance".
//
// Include-only. The aurora lives between two heights above a flat world; the camera sits
// on the ground, tilted up (camera.glsl: its pitch, lens and roll are the scene's `horizon`,
// `lens` and `roll`), so vertical rays fan out slightly toward the top. A screen point p
// looks along the unnormalised ray d = camera_ray(p); at height H it meets the world at
// z = H d.z / d.y, x = H d.x / d.y. The baked field texture is indexed by (x / z, log z):
// x/z = d.x/d.z is the same for every height along a pixel's ray, so a march walks one
// texture column and needs no 3D lookups.

const float CITY_BOTTOM = -0.004;  // the baked city strip, in height above the horizon:
const float CITY_TOP = 0.34;       // above every tower and spire (towers reach 0.29 + 0.04)
const float STAR_RANGE = 1.5;     // brightest star pixel the baked star field holds

const float AURORA_BASE = 0.27;    // lowest height of the curtains (world units)
const float AURORA_TOP = 1.26;     // highest height the march reaches
const float FIELD_ZMIN = 0.55;     // nearest depth baked (above the top of the screen)
const float FIELD_ZMAX = 26.0;     // farthest depth baked (beyond: faded out)

// log-depth mapping of the field texture's v coordinate.
const float FIELD_L0 = -0.597837;  // log(FIELD_ZMIN)
const float FIELD_L1 = 3.258097;   // log(FIELD_ZMAX)

float field_v(float log_z) {
    return (log_z - FIELD_L0) / (FIELD_L1 - FIELD_L0);
}

float field_log_z(float v) {
    return FIELD_L0 + v * (FIELD_L1 - FIELD_L0);
}

// Ray slope x/z <-> the field's u, over [-span, span] (span from the frame aspect).
float field_u(float sx, float span) {
    return sx / (2.0 * span) + 0.5;
}

float field_sx(float u, float span) {
    return (u - 0.5) * 2.0 * span;
}

// The march: every pixel's ray is sampled at MARCH steps spread evenly in log depth between
// the lowest and highest heights, which is the same stretch of the field's v for every
// pixel. The field is blurred along v over one step, so no thin sheet falls between steps.
const float MARCH_H_LO = AURORA_BASE * 0.7;
const float MARCH_H_HI = AURORA_TOP;

int march_steps(float quality) {
    return int(mix(10.0, 40.0, clamp(quality, 0.0, 1.0)));
}

// Length of the march in v units (log(H_HI / H_LO) over the field's log range).
float march_v_length() {
    return log(MARCH_H_HI / MARCH_H_LO) / (FIELD_L1 - FIELD_L0);
}
