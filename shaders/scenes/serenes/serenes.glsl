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

#include "../../lib/sdf.glsl"
#include "../../lib/hash.glsl"

// The camera (height, distance, focal length), from the scene's `closeup` (scenes/serenes.py
// stage_camera): at 0 the whole stage, at 1 close on a figure sitting right of centre.
uniform vec3 u_stage_cam;
#define CAM_Y u_stage_cam.x
#define CAM_D u_stage_cam.y
#define CAM_F u_stage_cam.z
// (round 15: "a static line-up": the camera drifts slowly sideways along the row -- its x,
// metres, from the scene's `pan`)
uniform float u_stage_pan;
#define CAM_X u_stage_pan
const float WALL_Z = 1.38;
const int MAX_FIGURES = 9;
const int MAX_CANDLES = 3;

// The candles pass draws a quad CANDLE_REACH metres to each side of a candle, up to
// SMOKE_TOP above its flame.
const float CANDLE_REACH = 0.24;
const float SMOKE_TOP = 0.36;

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
    return vec2(CAM_X, CAM_Y) + s * plane_scale(z);
}
vec2 plane_to_screen(vec2 p, float z) {
    return (p - vec2(CAM_X, CAM_Y)) / plane_scale(z);
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
const float SEAT_DROP = 0.30;     // how far the upper body sinks when the figure sits
const float HIP_Y = 0.48;
const float BOW = 0.012;          // seated, how far the face sinks in the hood (bowed)

// Figure i's extras: how far it sits (0 standing, 1 seated on a bench), the digital tremor
// of its left and right hands (radians, quantized and held on the CPU: a stutter, not a
// smooth shake), and a tear (0..1) that slices the hands sideways like a corrupted frame.
uniform vec4 u_fig_c[MAX_FIGURES];
// Figure i standing in depth (round 17: "a line-up on one plane"): a figure at depth z seen
// from the camera is the same picture as one on the plane z = 0, scaled about the camera by
// CAM_D / (CAM_D + z) -- its x, height and lean scaled on the CPU (scenes/serenes.py
// stage_in_depth), its feet raised (farther) or lowered (nearer) here: (feet y (m), haze
// 0..1 with its distance, 0, 0).
uniform vec4 u_fig_d[MAX_FIGURES];

// Joints of each arm, computed once a frame on the CPU (scenes/serenes.py arm_joints: per
// pixel they would cost eight sines and cosines an arm): for figure i and side s (0 left,
// 1 right), u_arms[(2i + s) * 3 + 0] = shoulder, elbow; [+1] = wrist, knuckles; [+2] = finger
// tips.  Figure-local, unbent.  Standing: at rest the forearms fold in toward the robe;
// raised, the arms open like wings and the hands droop.  Seated: the forearms are held out
// over the knees, palms up, as if she were looking at her hands; the tremor jerks the
// forearm and, more, the hand.
uniform vec4 u_arms[MAX_FIGURES * 6];

// A fragment shader drawn over one figure's proxy (proxy.glsl) may #define
// SERENES_FIGURE_VARYINGS first: it then reads its figure's pose from flat varyings the
// proxy's vertices pass on, not from the uniform arrays indexed per pixel (on llvmpipe a
// uniform array indexed by a varying is a gather for every pixel: a dozen of them cost more
// than the shape they describe).
#ifdef SERENES_FIGURE_VARYINGS
flat in vec4 v_fig_a;
flat in vec4 v_fig_b;
flat in vec4 v_fig_c;
flat in vec4 v_fig_d;
flat in vec4 v_arms[6];
#define FIG_A(i) v_fig_a
#define FIG_B(i) v_fig_b
#define FIG_C(i) v_fig_c
#define FIG_D(i) v_fig_d
#define ARMS(i, k) v_arms[k]
#else
#define FIG_A(i) u_fig_a[i]
#define FIG_B(i) u_fig_b[i]
#define FIG_C(i) u_fig_c[i]
#define FIG_D(i) u_fig_d[i]
#define ARMS(i, k) u_arms[6 * (i) + (k)]
#endif

void arm_joints(int i, int s, out vec2 sh, out vec2 el, out vec2 wr, out vec2 pm, out vec2 tip) {
    vec4 j0 = ARMS(i, 3 * s);
    vec4 j1 = ARMS(i, 3 * s + 1);
    sh = j0.xy;
    el = j0.zw;
    wr = j1.xy;
    pm = j1.zw;
    tip = ARMS(i, 3 * s + 2).xy;
}

// What the last figure_sdf call found nearest, for the shading: the distance (figure-local
// units) to the bare skin (hands, face) and to the bench, so the figures pass can light the
// skin as pearl and the bench as wood while the gown stays dark cloth.
float g_skin = 1e3;
float g_bench = 1e3;
float g_face = 1e3;     // (the face alone: it is shaded darker than the hands, round the eyes)
float g_body = 1e3;     // (the figure without the bench: where she covers it, no wood)
float g_trunk = 1e3;    // (the figure without its arms: how far out along a sleeve a point lies)

// One arm in its bell sleeve, and a slender open hand: a palm and four fingers fanned a
// little apart with rounded tips, a thumb from the heel of the palm (no blade-like taper:
// at a distance a single pointed hand read as a knife).
float sd_arm(vec2 p, int i, int s, float seated) {
    float side = (s == 0) ? -1.0 : 1.0;
    vec2 sh, el, wr, pm, tip;
    arm_joints(i, s, sh, el, wr, pm, tip);
    // (round 14, seated: "a rubber capsule": her arms in full sleeves of her cloak, not tubes)
    float upper = sd_taper(p, sh, el, 0.027 + 0.008 * seated, 0.021 + 0.01 * seated);
    // a bell sleeve: the forearm's cloth widens toward the wrist, where the hand emerges,
    // and its loose silk hangs below the forearm in a soft drape (no twig arms)
    float fore = sd_taper(p, el, wr - 0.1 * (wr - el), 0.021 + 0.01 * seated, 0.038 + 0.004 * seated);
    vec2 hang = mix(el, wr, 0.62);
    // (round 10: the sleeves' silk hangs longer and fuller, so a raised arm trails a wing of
    // cloth and the hand comes out of it, not out of a stick)
    // (round 14: standing, the sleeve's silk falls longer still, past the hidden hand, a
    // drapery that melts into the dark rather than an arm ending in a hand)
    float drape = sd_taper(p, hang, hang + vec2(0.012 * side, -0.13 + 0.07 * seated), 0.034 - 0.008 * seated, 0.012 - 0.002 * seated);
    float d = smin_poly(upper, fore, 0.012);
    d = smin_poly(d, drape, 0.02);
    vec2 fd = tip - pm;
    vec2 fn = vec2(-fd.y, fd.x) * side;            // across the hand, toward the thumb
    float palm = sd_taper(p, wr, mix(wr, pm, 1.05), 0.0068, 0.0095);
#ifdef SERENES_COARSE
    // (the shadow's half-resolution field: the fingers as one)
    float hand = smin_poly(palm, sd_taper(p, pm, tip, 0.008, 0.0045), 0.004);
#else
    // four fingers fanned from the knuckles (wider when seated, open to her eyes), the
    // middle ones longest, each with a round tip; the thumb from the heel of the palm
    vec2 fu = fn / max(length(fd), 1e-5);
    float spread = 0.09 - 0.07 * seated;     // (round 14: seated, fingers together -- small warm shapes, no cartoon fans)
    float fingers = 1e3;
    for (int k = 0; k < 4; ++k) {                  // (constant: unrolled)
        float o = float(k) - 1.5;
        float len = 0.85 - 0.08 * o * o - 0.04 * o;
        vec2 base = pm + fu * (o * 0.0042);
        fingers = min(fingers, sd_taper(p, base, base + (fd + fn * (o * spread)) * len, 0.0032, 0.0026));
    }
    // (seated, the backs of her hands to us: each thumb on the outer side, opened out)
    vec2 th0 = mix(wr, pm, 0.35) + fu * mix(0.004, -0.005, seated);
    fingers = min(fingers, sd_taper(p, th0, th0 + fd * mix(0.55, 0.45, seated) + fn * mix(0.55, -0.5, seated),
                                    0.0032, 0.0026));
    float hand = smin_poly(palm, fingers, 0.0025);
#endif
    // (round 14: "felt puppets", "claw hands": standing, the Serenes' hands stay hidden in
    // their sleeves, which fall as drapery into the dark; only the woman, seated, holds hers
    // out into her candle's light)
    hand += (1.0 - seated) * 10.0;
    g_skin = min(g_skin, hand);
    return smin_poly(d, hand, 0.004);
}

// The body bends like a reed: a point at height y shifts by lean * (y / 0.9)^2.
float bend_at(float y, float lean) {
    float k = y / 0.9;
    return lean * k * k;
}

// A horizontal slice offset that tears the hands like a corrupted video frame: rows of a
// few centimetres pushed sideways by a hash of the row and the tear.
float tear_shift(float y, float tear) {
    float h = hashi(ivec2(int(floor(y * 90.0)), int(floor(tear * 37.0))));
    return (h - 0.5) * 0.06 * tear * step(0.55, h);
}

// Distance to figure i in metres, for a point X on the plane z = 0 (metres).
// detail 0 drops the fluttering folds (the shadow pass).
float figure_sdf(int i, vec2 X, float t, float detail) {
    vec4 a = FIG_A(i);
    vec4 b = FIG_B(i);
    vec4 c = FIG_C(i);
    float seated = c.x;
    float h = a.y;
    vec2 p = (X - vec2(a.x, FIG_D(i).x)) / h;
    float lean = a.z / h;
    p.x -= bend_at(p.y, lean);
    float variant = b.w;
    float drop = SEAT_DROP * seated;

    // Robe: a long gown that flares to the floor in a soft bell, its hem trailing the sway
    // (swish) and rippling in slow folds.  Seated, it gathers over the knees into a lap.
    float top = 0.56 - drop;
    float hy = clamp(p.y / top, 0.0, 1.0);
    float low = (1.0 - hy) * (1.0 - hy);
    vec2 q = p;
    q.x -= b.z * low * 0.05;
    float fold = sin(q.y * 46.0 - t * 1.7 + variant * 6.0) * 0.55
               + sin(q.y * 23.0 + t * 1.1 + variant * 3.0) * 0.45;
    // (round 14: standing, fuller -- the arms drawn in within it -- so the gown falls from
    // the mantle as one column, not a pawn's narrow neck)
    float waist = 0.046 + 0.046 * seated;     // (seated: see the lap below)
    // (each gown its own: from a narrow column to a wide bell, by the figure's variant)
    float flare = (0.078 + 0.05 * variant) * (1.0 - 0.45 * seated);
    // a bell: close at the waist, a soft swell at the hips, the skirt pooling at the floor
    float hips = 0.014 * exp(-pow((hy - 0.62) / 0.14, 2.0)) * (1.0 - seated);
    float pool = low * low;
    float r_robe = waist + hips + flare * (0.2 * (1.0 - hy) + 0.45 * low + 0.35 * pool)
                 + 0.0045 * low * fold * detail;
    // (round 15: "chess pawns or penguins": standing, no waist under the mantle -- one veil
    // that falls from the shoulders and only widens to the floor, like cloth hung from a
    // hood, its hem trailing in slow folds)
    float vtop = SHOULDER_Y - 0.03;
    float vy = clamp(p.y / vtop, 0.0, 1.0);
    float vlow = 1.0 - vy;
    float r_veil = 0.052 + 0.012 * variant + flare * (0.35 * vlow + 0.65 * vlow * vlow * vlow)
                 + 0.0055 * vlow * fold * detail;
    r_robe = mix(r_veil, r_robe, seated);
    top = mix(vtop, top, seated);
    // seated, the gown below the lap falls straight from the knees, narrower than the lap
    r_robe = mix(r_robe, 0.066 + 0.03 * pool + 0.003 * fold * detail, seated);
    float robe = length(vec2(q.x, q.y - clamp(q.y, 0.0, top))) - r_robe;
    robe = max(robe, -p.y);
    // Seated: a low bench beneath her, its ends showing either side of the gown.
    // (a rounded seat with a moulded edge, on slim legs that splay a little to the floor)
    // (round 11: "a dollhouse-sized bench": a heavier seat and apron, sturdier legs, so it
    // carries her weight at a person's scale)
    float bench = sd_box2(p - vec2(0.0, 0.21), vec2(0.205, 0.013)) - 0.008;
    bench = min(bench, sd_box2(p - vec2(0.0, 0.178), vec2(0.185, 0.012)) - 0.004);
    bench = min(bench, sd_taper(vec2(abs(p.x), p.y), vec2(0.165, 0.2), vec2(0.18, 0.0), 0.014, 0.009));
    bench += (1.0 - seated) * 10.0;
    g_bench = bench;
    // Seated, her knees: the gown drawn over them, a broad rounded lap wider than her waist,
    // the cloth falling from them to the floor.
    vec2 kn = vec2(abs(p.x) - 0.062, p.y - 0.25);
    float knees = sd_ellipse_approx(kn, vec2(0.07, 0.038)) + (1.0 - seated) * 10.0;

    // The upper body (sunk by `drop` when seated): a narrow waist, sloping shoulders.
    vec2 u = p + vec2(0.0, drop);
    float torso = sd_taper(u, vec2(0.0, 0.50), vec2(0.0, SHOULDER_Y - 0.025), 0.03, 0.045);
    float shoulders = sd_taper(u, vec2(-0.056, SHOULDER_Y - 0.01), vec2(0.056, SHOULDER_Y - 0.01),
                               0.022, 0.022);
    float d = smin_poly(robe, torso, 0.04);
    d = smin_poly(d, knees, 0.03);
    d = smin_poly(d, shoulders, 0.035);
    // The head in a deep hood (round 10: a bald egg with two big eyes read as "an alien
    // with goggles"): the cowl a rounded cone over the head, coming to a soft point above the
    // crown, and a mantle falling from it over the shoulders, so each figure is one massed,
    // elegant silhouette; the face a hollow in the hood's shadow (g_face: shading only), in
    // which the mercury orbs glow.  Tilted about the top of the neck.
    vec2 nk = vec2(0.0, NECK_TOP);
    vec2 ph = rot2(a.w) * (u - nk) + nk;
    float hood = sd_ellipse_approx(ph - vec2(0.0, 0.889), vec2(0.047 + 0.003 * variant, 0.058));
    hood = smin_poly(hood, sd_taper(ph, vec2(0.0, 0.90), vec2(0.004, 0.935), 0.040, 0.018), 0.02);
    // (round 15: standing, the mantle no wider than the veil it runs into: no pawn's collar)
    float mantle = sd_taper(u, vec2(0.0, 0.84), vec2(0.0, mix(0.69, 0.70, seated)),
                            0.040, mix(0.062 + 0.012 * variant, 0.056, seated));
    // (round 17: seated, the woman "a mannequin": a woman's head, not a hood -- a rounded
    // head bowed on a slender neck, long hair falling either side of her face onto her
    // shoulders, the mantle gone so her shoulders show)
    if (seated > 0.0) {
        float head = sd_ellipse_approx(ph - vec2(0.0, 0.884), vec2(0.037, 0.047));
        float neck = sd_taper(u, vec2(0.0, 0.80), vec2(0.0, 0.86), 0.017, 0.015);
        vec2 hx = vec2(abs(ph.x), ph.y);
        // (round 18: "a crude blob": the hair fell in a block as wide as her shoulders, so
        // head, hair and shoulders merged into one shape -- now it falls close round her
        // head and thins to its ends above her shoulders, the neck showing below it, and
        // her shoulders slope out from the neck: a head, a neck, two shoulders)
        float hair = sd_taper(hx, vec2(0.022, 0.893), vec2(0.036, 0.812), 0.02, 0.01);
        hair = smin_poly(hair, sd_ellipse_approx(ph - vec2(0.0, 0.897), vec2(0.043, 0.047)), 0.015);
        float woman = smin_poly(smin_poly(head, hair, 0.01), neck, 0.008);
        hood = mix(hood, woman, seated);
        mantle += seated * 0.05;
        vec2 ux = vec2(abs(u.x), u.y);
        float slope = sd_taper(ux, vec2(0.0, SHOULDER_Y + 0.004), vec2(0.068, SHOULDER_Y - 0.03), 0.024, 0.021);
        d = mix(d, smin_poly(d, slope, 0.015), seated);
    }
    d = smin_poly(d, mantle, 0.03);
    d = smin_poly(d, hood, 0.02);
    // (seated, her head bowed in the hood toward her hands: the face and orbs lower in it)
    float face = sd_ellipse_approx(ph - vec2(0.0, 0.881 - BOW * seated), vec2(0.036, 0.043));
    g_skin = 1e3;
    g_face = face;
    g_trunk = d;
    // Arms, the hands torn sideways in rows by a glitch.
    vec2 pa = u;
    pa.x += tear_shift(p.y, c.w) * smoothstep(0.05, 0.0, abs(p.y - 0.46) - 0.07) * seated;
    float arms = min(sd_arm(pa, i, 0, seated), sd_arm(pa, i, 1, seated));
    // (round 14: standing, the sleeves still read as pale "ghost mittens" at their sides --
    // puppets: the arms thin away inside the gown's smoke, leaving one tall hooded shape)
    // (the upper arms stay, filling the shoulders into the mantle's fall)
    arms += (1.0 - seated) * 0.06 * smoothstep(0.79, 0.69, p.y);   // (round 15: no flippers)
    d = smin_poly(d, arms, 0.012);
    g_body = d;
    d = min(d, bench);
    return d * h;
}

// Eye e (0 left, 1 right) of figure i: centre on the plane z = 0 (metres) and radius.
// Large, lidless orbs: most of the face.
const vec2 EYE_OFFSET = vec2(0.0215, 0.8885);
const float EYE_R = 0.0132;   // (round 12: small mercury spheres, deeper in the hood)
vec3 figure_eye(int i, int e) {
    vec4 a = FIG_A(i);
    float h = a.y;
    float drop = SEAT_DROP * FIG_C(i).x;
    vec2 nk = vec2(0.0, NECK_TOP);
    vec2 local = vec2(e == 0 ? -EYE_OFFSET.x : EYE_OFFSET.x, EYE_OFFSET.y - BOW * FIG_C(i).x);
    // rot2(a.w) rotates the domain; the eye moves by the inverse rotation.
    local = rot2(-a.w) * (local - nk) + nk;
    local.y -= drop;
    local.x += bend_at(local.y, a.z / h);
    // (round 10: close on the woman two big orbs read as "goggles": hers are smaller, set
    // apart in the hood's shadow)
    float seated = FIG_C(i).x;
    // (round 11: tiny bright mirror spheres in the hood's dark, not goggles)
    return vec3(a.x + local.x * h, local.y * h + FIG_D(i).x, EYE_R * (1.0 - 0.45 * seated) * h);
}

// Figure i's bounds on the plane z = 0 (metres), grown by pad, as two boxes (part 0: the
// body, gown and veil, full height; part 1: the band the arms sweep), so the passes that
// evaluate the figure's field shade far fewer of the empty pixels beside the body and
// between the outstretched arms than one box round all of it would.
vec4 figure_bounds(int i, float pad, int part) {
    vec4 a = u_fig_a[i];
    vec4 b = u_fig_b[i];
    vec4 c = u_fig_c[i];
    float h = a.y;
    float lean = a.z / h;
    float drop = SEAT_DROP * c.x;
    if (part == 0) {
        // the gown's hem (waist + flare + folds, as figure_sdf), or the bench when seated,
        // and the shoulders and upper arms at rest
        float robe = 0.065 + 0.027 * c.x + (0.078 + 0.05 * b.w) * (1.0 - 0.45 * c.x) + 0.01 + abs(b.z) * 0.05;
        robe = max(max(robe, 0.225 * c.x), 0.1);
        float feet = u_fig_d[i].x;
        return vec4(a.x + (-robe + min(lean, 0.0)) * h - pad, feet - pad,
                    a.x + (robe + max(lean, 0.0)) * h + pad, feet + 0.95 * h + pad);
    }
    vec2 sh, el, wr, pm, tip;
    arm_joints(i, 0, sh, el, wr, pm, tip);
    float reach_l = max(max(-el.x, -wr.x), max(-pm.x, -tip.x)) + 0.03;
    float y_lo = min(min(el.y, wr.y), min(pm.y, tip.y));
    float y_hi = max(max(el.y, wr.y), max(pm.y, tip.y));
    arm_joints(i, 1, sh, el, wr, pm, tip);
    float reach_r = max(max(el.x, wr.x), max(pm.x, tip.x)) + 0.03;
    y_lo = min(y_lo, min(min(el.y, wr.y), min(pm.y, tip.y))) - 0.03 - 0.12 * (1.0 - c.x) - drop;   // (the sleeves' drape)
    y_hi = max(max(y_hi, SHOULDER_Y), max(max(el.y, wr.y), max(pm.y, tip.y))) + 0.03 - drop;
    float lo = -(reach_l + 0.035 * c.w);
    float hi = reach_r + 0.035 * c.w;
    float feet = u_fig_d[i].x;
    return vec4(a.x + (lo + min(lean, 0.0)) * h - pad, feet + max(y_lo * h, 0.0) - pad,
                a.x + (hi + max(lean, 0.0)) * h + pad, feet + y_hi * h + pad);
}
