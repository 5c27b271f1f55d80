// serenes.glsl -- the Serenes' stage: world constants, the figures' 2D SDF, the candles.
//
// Include-only, after #include <visuals/params> (u_count, u_candles...). Mirrors of
// scenes/serenes.py (keep them equal).
//
// World (metres): floor y = 0, x to the right, z away from the camera. The figures stand
// as flat cut-outs in the plane z = 0, a wall stands behind them at z = WALL_Z, the
// candles burn on stands in front of them (z < 0). The camera looks straight down +z from
// (0, CAM_Y, -CAM_D) with focal length CAM_F (screen y spans [-0.5, 0.5]), so every plane
// z = const maps to the screen by a scale and a shift: a shadow on the wall is the
// figures' SDF, looked up at the point where the ray to the candle crosses z = 0.

const float CAM_Y = 1.75;
const float CAM_D = 7.0;
const float CAM_F = 1.85;
const float WALL_Z = 1.38;
const int MAX_FIGURES = 9;
const int MAX_CANDLES = 3;

// The candles pass draws a quad CANDLE_REACH metres to each side of a candle, up to
// SMOKE_TOP above its flame.
const float CANDLE_REACH = 0.34;
const float SMOKE_TOP = 0.9;

// The occluder pass stores the figures' distance in metres as
// (OCC_FAR - d) / (OCC_FAR + OCC_IN), so cleared texels read as "far" (d = OCC_FAR).
const float OCC_FAR = 0.25;
const float OCC_IN = 0.10;

uniform vec4 u_fig_a[MAX_FIGURES];   // x (m), height (m), lean (m, at the head), head tilt (rad)
uniform vec4 u_fig_b[MAX_FIGURES];   // left arm raise, right arm raise, hem swish, variant 0..1
uniform vec4 u_cpos[MAX_CANDLES];  // flame centre xyz (m), light power (0 = unlit)
uniform vec4 u_cshape[MAX_CANDLES];   // flame height (m), lean (m), stand top y (m), flicker 0..1

// Screen (centered_uv) <-> a plane z = const.
float plane_scale(float z) {         // metres per screen unit at depth z
    return (z + CAM_D) / CAM_F;
}
vec2 screen_to_plane(vec2 s, float z) {
    return vec2(0.0, CAM_Y) + s * plane_scale(z);
}
vec2 plane_to_screen(vec2 p, float z) {
    return (p - vec2(0.0, CAM_Y)) / plane_scale(z);
}

// ------------------------------------------------------------------ the figure's SDF
// Figure-local units: feet at the origin, height 1 (the caller scales by the height).

float smin_poly(float a, float b, float k) {
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

// A segment a-b thickened by a radius that goes from ra at a to rb at b. Not exact for
// strong tapers (the gradient grows by 1/cos of the taper angle) but close for ours.
float sd_taper(vec2 p, vec2 a, vec2 b, float ra, float rb) {
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - mix(ra, rb, h);
}

// Ellipse of radii r (a good approximation near its edge, never NaN).
float sd_ellipse_approx(vec2 p, vec2 r) {
    float k0 = length(p / r);
    float k1 = length(p / (r * r));
    return k1 > 1e-6 ? k0 * (k0 - 1.0) / k1 : -min(r.x, r.y);
}

const float SHOULDER_Y = 0.752;
const float NECK_TOP = 0.845;
const vec2 HEAD_C = vec2(0.0, 0.888);

// Joints of one arm: shoulder, elbow, wrist, finger tips (figure-local, unbent).
// At rest the forearms fold in toward the robe; raised, the arms open like wings and the
// hands droop from the wrists.
void arm_joints(float side, float raise, float variant, out vec2 sh, out vec2 el, out vec2 wr,
                out vec2 pm, out vec2 tip) {
    sh = vec2(side * (0.050 + 0.006 * variant), SHOULDER_Y - 0.006);
    float a1 = mix(0.17, 1.30, raise);                  // upper arm, from hanging down
    float a2 = a1 + mix(-0.30, 0.95, raise);            // forearm
    float a3 = a2 - mix(0.10, 1.25, raise * raise);     // hand
    float a4 = a3 - mix(0.22, 0.55, raise);             // fingers curl
    el = sh + 0.165 * vec2(side * sin(a1), -cos(a1));
    wr = el + 0.150 * vec2(side * sin(a2), -cos(a2));
    pm = wr + 0.036 * vec2(side * sin(a3), -cos(a3));
    tip = pm + 0.05 * vec2(side * sin(a4), -cos(a4));
}

float sd_arm(vec2 p, float side, float raise, float variant) {
    vec2 sh, el, wr, pm, tip;
    arm_joints(side, raise, variant, sh, el, wr, pm, tip);
    float upper = sd_taper(p, sh, el, 0.0115, 0.0085);
    // a loose sleeve, and the cloth that hangs from it as the arm lifts
    float fore = sd_taper(p, el, wr, 0.0085, 0.0115);
    float drape = sd_taper(p, mix(el, wr, 0.25), wr + vec2(0.0, -0.055 * raise),
                           0.003, 0.002 + 0.008 * raise);
    float hand = min(sd_taper(p, wr, pm, 0.0048, 0.0058), sd_taper(p, pm, tip, 0.0052, 0.0012));
    float d = smin_poly(upper, fore, 0.008);
    d = smin_poly(d, drape, 0.012);
    return smin_poly(d, hand, 0.004);
}

// The body bends like a reed: a point at height y shifts by lean * (y / 0.9)^2.
float bend_at(float y, float lean) {
    float k = y / 0.9;
    return lean * k * k;
}

// Distance to figure i in metres, for a point X on the plane z = 0 (metres).
// detail 0 drops the fluttering folds (the shadow pass).
float figure_sdf(int i, vec2 X, float t, float detail) {
    vec4 a = u_fig_a[i];
    vec4 b = u_fig_b[i];
    float h = a.y;
    vec2 p = (X - vec2(a.x, 0.0)) / h;
    float lean = a.z / h;
    p.x -= bend_at(p.y, lean);
    float variant = b.w;

    // Robe: a long bell that flares to the floor; its hem lags behind the sway (swish)
    // and ripples in slow folds.
    float hy = clamp(p.y / 0.56, 0.0, 1.0);
    float low = (1.0 - hy) * (1.0 - hy);
    vec2 q = p;
    q.x -= b.z * low * 0.05;
    float fold = sin(q.y * 46.0 - t * 1.7 + variant * 6.0) * 0.55
               + sin(q.y * 23.0 + t * 1.1 + variant * 3.0) * 0.45;
    float r_robe = 0.027 + (0.064 + 0.012 * variant) * low + 0.0045 * low * fold * detail;
    float robe = length(vec2(q.x, q.y - clamp(q.y, 0.0, 0.56))) - r_robe;
    robe = max(robe, -p.y);
    // Torso: narrow waist up to the shoulders.
    float torso = sd_taper(p, vec2(0.0, 0.50), vec2(0.0, SHOULDER_Y - 0.018), 0.026, 0.036);
    float shoulders = sd_taper(p, vec2(-0.046, SHOULDER_Y), vec2(0.046, SHOULDER_Y), 0.016, 0.016);
    float d = smin_poly(robe, torso, 0.035);
    d = smin_poly(d, shoulders, 0.03);
    // The long neck and the egg-shaped head, tilted about the top of the neck.
    vec2 nk = vec2(0.0, NECK_TOP);
    vec2 ph = rot2(a.w) * (p - nk) + nk;
    float neck = sd_taper(ph, vec2(0.0, SHOULDER_Y), nk + vec2(0.0, 0.02), 0.0115, 0.0085);
    vec2 hc = ph - HEAD_C;
    float egg = 1.0 + 2.6 * hc.y;                  // wider at the crown, narrow chin
    float head = sd_ellipse_approx(vec2(hc.x / clamp(egg, 0.75, 1.25), hc.y),
                                   vec2(0.0255 + 0.002 * variant, 0.041));
    d = smin_poly(d, neck, 0.012);
    d = smin_poly(d, head, 0.008);
    // Arms.
    float arms = min(sd_arm(p, -1.0, b.x, variant), sd_arm(p, 1.0, b.y, variant));
    d = smin_poly(d, arms, 0.012);
    return d * h;
}

// Eye e (0 left, 1 right) of figure i: centre on the plane z = 0 (metres) and radius.
const vec2 EYE_OFFSET = vec2(0.0112, 0.8935);
const float EYE_R = 0.0072;
vec3 figure_eye(int i, int e) {
    vec4 a = u_fig_a[i];
    float h = a.y;
    vec2 nk = vec2(0.0, NECK_TOP);
    vec2 local = vec2(e == 0 ? -EYE_OFFSET.x : EYE_OFFSET.x, EYE_OFFSET.y);
    // rot2(a.w) rotates the domain; the eye moves by the inverse rotation.
    local = rot2(-a.w) * (local - nk) + nk;
    local.x += bend_at(local.y, a.z / h);
    return vec3(a.x + local.x * h, local.y * h, EYE_R * h);
}

// Figure i's bounding box on the plane z = 0 (metres), grown by pad.
vec4 figure_bounds(int i, float pad) {
    vec4 a = u_fig_a[i];
    vec4 b = u_fig_b[i];
    float h = a.y;
    vec2 sh, el, wr, pm, tip;
    arm_joints(-1.0, b.x, b.w, sh, el, wr, pm, tip);
    float reach_l = max(max(-el.x, -wr.x), max(-pm.x, -tip.x)) + 0.02;
    arm_joints(1.0, b.y, b.w, sh, el, wr, pm, tip);
    float reach_r = max(max(el.x, wr.x), max(pm.x, tip.x)) + 0.02;
    float robe = 0.027 + 0.076 + 0.01 + abs(b.z) * 0.05;
    float lo = -max(reach_l, robe);
    float hi = max(reach_r, robe);
    float lean = a.z / h;
    vec2 xs = vec2(lo + min(lean, 0.0), hi + max(lean, 0.0));
    return vec4(a.x + xs.x * h - pad, -pad, a.x + xs.y * h + pad, 0.94 * h + pad);
}
