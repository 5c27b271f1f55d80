// portrait.glsl -- the close portrait of one Serene (``portrait``): its hooded head and
// shoulders as a distance field, the camera that looks at it, and the lights of the shot.
//
// Shared by the two baking passes (portrait_geo.frag, portrait_mat.frag: the distance field
// is marched once, when the shot begins, into a G-buffer) and the per-frame composite
// (portrait.frag: relit each frame, the eyes analytic spheres). Units are metres; the head's
// centre is the origin, y up, the camera looks along +z.

#ifdef PORTRAIT_LOVERS
// (the lovers' variant, round 21: two of them in profile, face to face, a candle low between
// them; the camera square on, a little below their eyes)
// (round 26: square on, the two mirror images read as a symmetric ornament, a "render":
// the camera swings 0.35 rad round them to the left, over the left one's shoulder, so the
// right one's face and eyes meet us across the candle and the left one is a dark hood near)
// (round 30, 96.7 s: "the left lover has no eyes (an empty hood)" -- the swing is 0.2 rad:
// still over the left one's shoulder, but its cowl's opening and near eye turn into the light)
// (round 32, 97.4 s: "the mirror-symmetric layout is stiff, two thirds of the frame empty" --
// the camera closer, over the near (left) one's shoulder: that one 1.2x the nearer and
// larger, the far one facing us on the right third, the room's far figure filling the left)
const vec3 PORTRAIT_CAM = vec3(-0.30, -0.06, -0.85);
const float PORTRAIT_YAW = 0.19;
const float PORTRAIT_FOCAL = 1.22;
const float PORTRAIT_PITCH = 0.035;
const float PORTRAIT_BOW = 0.2;                       // each bowed toward the other
const vec3 LOVER_AT = vec3(0.24, 0.0, 0.0);           // the right one's head; the left its mirror
// (round 32: "the mirror-symmetric layout is stiff" -- the far, right one stands a little
// taller, the near one lower: with the camera close over the near one's shoulder the thread
// between their brows climbs across the frame rather than lying level)
const float LOVER_RISE = 0.09;
const float LOVER_TURN = 0.62;                        // each turned from us toward the other (rad)
const int EYE_COUNT = 4;
#elif defined(PORTRAIT_ALONE)
// (the woman's wide room, round 22: "a primitive mannequin, flat wall" -- her whole seated,
// hooded figure modelled as the row is (PORTRAIT_ROW's code with one figure), on a bench,
// her head bowed over her open hands, one candle on the floor before her throwing her
// shadow huge on the wall behind; the dark all round)
const vec3 PORTRAIT_CAM = vec3(-0.1, -0.66, -2.9);
const float PORTRAIT_FOCAL = 1.22;
const float PORTRAIT_PITCH = 0.14;
// (round 28: her hood looked straight at us, the eyes two lamps -- bowed deep toward her hands)
// (round 30: bowed 1.1 rad her hood's point stood up, "a blank cone" -- bowed less and
// turned toward her candle, her face in three-quarters, its near cheek to the flame)
const float PORTRAIT_BOW = 0.72;
const float HEAD_TURN = 0.62;
const int EYE_COUNT = 2;
const float ROW_FEET = -1.22;                         // the floor, below her head's centre
const int ROW_COUNT = 1;
const float ROW_OVERSCAN = 1.0;
#elif defined(PORTRAIT_ROW)
// (the row's variant, round 22: "soft cones in a row", "cut-out figures" -- the standing row
// modelled as the portrait is: five of them full length, each the portrait's hooded figure
// with its own height, lean, turn and fold phase, seen from the room a little below their
// eyes; the camera's drift along the row is a shift of the baked picture, so the bake
// covers ROW_OVERSCAN times the frame)
const vec3 PORTRAIT_CAM = vec3(0.0, -1.02, -3.55);
const float PORTRAIT_FOCAL = 1.22;
const float PORTRAIT_PITCH = 0.13;
const float PORTRAIT_BOW = 0.1;
const int EYE_COUNT = 10;
const float ROW_FEET = -1.72;                         // the floor, below each head's centre
const int ROW_COUNT = 5;
const float ROW_OVERSCAN = 1.16;
#elif defined(PORTRAIT_WOMAN)
// (the woman's variant, round 21: "a primitive mannequin, flat wall" -- she sits alone, close,
// her head bowed deep over her hands held open before her; seen a little from above)
const vec3 PORTRAIT_CAM = vec3(-0.16, 0.0, -0.92);
const float PORTRAIT_FOCAL = 1.22;
const float PORTRAIT_PITCH = -0.21;
const float PORTRAIT_BOW = 0.5;
// (round 30, 129 s: "the face a black ball with cartoon eyes") turned toward her candle at
// her right, in three-quarters, so its flame draws her cheek and nose
const float HEAD_TURN = -0.28;
const int EYE_COUNT = 2;
#else
// left of the figure: it stands a little right of centre, its candle across from it at the left
// (round 33, 92.1 s: from -0.2, "the weight sits on the right")
const vec3 PORTRAIT_CAM = vec3(-0.12, -0.07, -0.98);
const float PORTRAIT_FOCAL = 1.22;                    // screen y in [-0.5, 0.5]: ~45 deg vertical
const float PORTRAIT_PITCH = 0.05;                    // a little from below: it looms
const float PORTRAIT_BOW = 0.16;                      // the hood bowed toward the viewer (rad)
const int EYE_COUNT = 2;
#endif
// the lidless eyes (head-local, before the bow): round 24, "googly chrome balls" -- small
// polished beads of mercury set deep in the cowl's shadow, no longer bulging from the face
// (round 25: "dull black beads", "button eyes" -- a modest size between the two, 2.2 cm, the
// beads lit from within (portrait_shot.glsl); the row's small far eyes keep round 24's size)
// (round 30: the woman's face brought 3 cm forward into the cowl's opening, where her candle
// can reach its cheek and nose)
#if defined(PORTRAIT_ALONE) || defined(PORTRAIT_WOMAN)
const float FACE_FWD = 0.03;
#else
const float FACE_FWD = 0.0;
#endif
#ifdef PORTRAIT_LOVERS
// (turned to each other, the beads a little further forward, or the cowl hides them)
const vec3 EYE_L = vec3(-0.032, -0.006, -0.05);
const vec3 EYE_R = vec3(0.032, -0.006, -0.05);
#elif defined(PORTRAIT_ROW)
const vec3 EYE_L = vec3(-0.031, -0.006, -0.04 - FACE_FWD);
const vec3 EYE_R = vec3(0.031, -0.006, -0.04 - FACE_FWD);
#else
const vec3 EYE_L = vec3(-0.032, -0.006, -0.036 - FACE_FWD);
const vec3 EYE_R = vec3(0.032, -0.006, -0.036 - FACE_FWD);
#endif
#ifdef PORTRAIT_ROW
const float EYE_RADIUS = 0.0165;
#else
const float EYE_RADIUS = 0.022;
#endif
#ifdef PORTRAIT_LOVERS
// the candles: the key low between them (their inner sides lit, the sides toward us falling
// into shadow); one behind them, higher, for the rims
// (round 33, 95.0 s: "a flame cut off at the bottom edge" -- raised 4 cm so its short candle
// stands whole in the frame under their mantles, the shot's warm highlight)
const vec3 KEY_CANDLE = vec3(0.0, -0.23, -0.08);
const vec3 RIM_CANDLE = vec3(0.0, 0.02, 0.75);
#elif defined(PORTRAIT_ALONE)
// her one candle on the floor before her at the left (its light from below on her hands and
// the underside of her hood; her shadow thrown up the wall at the right), a faint second
// light far behind at the left for a rim
// (round 28, 124.4 s: "a shapeless sack" -- 2 m before her it lit her flat; now close at her
// left and a little in front, so it models her: lit down her left side, falling off across her)
const vec3 KEY_CANDLE = vec3(-0.55, -0.45, -0.4);
const vec3 RIM_CANDLE = vec3(-1.0, -0.6, 0.6);
const vec3 KEY_CANDLE_B = vec3(2.5, -1.0, -2.0);
const float ROW_WALL = 0.75;                         // the wall close behind her (z, m)
#elif defined(PORTRAIT_ROW)
// the row's candles: two on low stands in front of them, between the figures (their light
// comes up from below, and throws the figures' shadows huge on the wall behind), and the
// rim from one behind the row at the right
// (round 34 follow-up: "thin sticks" 42 cm tall -- thick wax pillars on the floor now, drawn
// at twice the portrait's candle (row_shot.glsl CANDLE_SCALE), their flames 10 cm lower, so
// the shadows they throw up the wall stand taller over the figures)
const vec3 KEY_CANDLE = vec3(-1.35, -1.4, -0.5);
const vec3 RIM_CANDLE = vec3(0.5, -1.25, 1.3);
const vec3 KEY_CANDLE_B = vec3(0.5, -1.41, -0.4);
const float ROW_WALL = 2.2;                          // the wall behind them (z, m)
#elif defined(PORTRAIT_WOMAN)
// her one candle on a stool at her right, a little below her hands; another behind at the left
const vec3 KEY_CANDLE = vec3(0.32, -0.26, -0.12);
const vec3 RIM_CANDLE = vec3(-0.6, -0.1, 0.8);
#else
// the candles: the key low in front, to the left; one behind to the right for the rim
// (round 33, lead on 92.1 s: "the candle small and cut by the bottom edge" -- raised from
// y -0.2, nearer the camera, so the short candle stands whole in the frame on its dish)
const vec3 KEY_CANDLE = vec3(-0.38, -0.11, -0.42);
const vec3 RIM_CANDLE = vec3(0.62, -0.30, 0.75);
#endif

#ifndef PORTRAIT_LOVERS
const float PORTRAIT_YAW = 0.0;
#endif

// The view ray through screen point s (centred, y in [-0.5, 0.5]): pitched, then turned by
// the yaw about the vertical.
vec3 portrait_ray(vec2 s) {
    vec3 rd = normalize(vec3(s, PORTRAIT_FOCAL));
    float c = cos(PORTRAIT_PITCH), sn = sin(PORTRAIT_PITCH);
    rd = vec3(rd.x, c * rd.y + sn * rd.z, -sn * rd.y + c * rd.z);
    float cy = cos(PORTRAIT_YAW), sy = sin(PORTRAIT_YAW);
    return vec3(cy * rd.x + sy * rd.z, rd.y, -sy * rd.x + cy * rd.z);
}

// The bow turns the head and hood about the neck (NECK), the crown toward the viewer; HEAD_TURN
// (the woman alone) first turns it about the vertical, the face toward screen left.
const vec3 NECK = vec3(0.0, -0.12, 0.0);
#if !defined(PORTRAIT_ALONE) && !defined(PORTRAIT_WOMAN)
const float HEAD_TURN = 0.0;
#endif

// The screen point (centred, y in [-0.5, 0.5]) where world point p is seen, and its depth
// along the camera's axis (the inverse of portrait_ray).
vec3 portrait_project(vec3 p) {
    vec3 w = p - PORTRAIT_CAM;
    float cy = cos(PORTRAIT_YAW), sy = sin(PORTRAIT_YAW);
    w = vec3(cy * w.x - sy * w.z, w.y, sy * w.x + cy * w.z);
    float c = cos(PORTRAIT_PITCH), sn = sin(PORTRAIT_PITCH);
    vec3 v = vec3(w.x, c * w.y - sn * w.z, sn * w.y + c * w.z);
    return vec3(v.xy / v.z * PORTRAIT_FOCAL, v.z);
}

// Head-local point of a world point.
vec3 portrait_local(vec3 p) {
    vec3 q = p - NECK;
    float ct = cos(HEAD_TURN), st = sin(HEAD_TURN);
    q = vec3(ct * q.x - st * q.z, q.y, st * q.x + ct * q.z);
    float c = cos(PORTRAIT_BOW), s = sin(PORTRAIT_BOW);
    return vec3(q.x, c * q.y - s * q.z, s * q.y + c * q.z) + NECK;
}

// World point of a head-local point (the inverse of portrait_local).
vec3 portrait_world(vec3 q) {
    vec3 p = q - NECK;
    float c = cos(PORTRAIT_BOW), s = sin(PORTRAIT_BOW);
    p = vec3(p.x, c * p.y + s * p.z, -s * p.y + c * p.z);
    float ct = cos(HEAD_TURN), st = sin(HEAD_TURN);
    return vec3(ct * p.x + st * p.z, p.y, -st * p.x + ct * p.z) + NECK;
}

float p_ellipsoid(vec3 p, vec3 r) {
    float k0 = length(p / r);
    float k1 = length(p / (r * r));
    return k0 * (k0 - 1.0) / max(k1, 1e-6);
}

float p_smin(float a, float b, float k) {
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

float p_smax(float a, float b, float k) {
    return -p_smin(-a, -b, k);
}

// iq's round cone: spheres of radius r1 at a and r2 at b, joined by their tangent cone.
float p_round_cone(vec3 p, vec3 a, vec3 b, float r1, float r2) {
    vec3 ba = b - a;
    float l2 = dot(ba, ba);
    float rr = r1 - r2;
    float a2 = l2 - rr * rr;
    float il2 = 1.0 / l2;
    vec3 pa = p - a;
    float y = dot(pa, ba);
    float z = y - l2;
    vec3 xv = pa * l2 - ba * y;
    float x2 = dot(xv, xv);
    float y2 = y * y * l2;
    float z2 = z * z * l2;
    float k = sign(rr) * rr * rr * x2;
    if (sign(z) * a2 * z2 > k) return sqrt(x2 + z2) * il2 - r2;
    if (sign(y) * a2 * y2 < k) return sqrt(x2 + y2) * il2 - r1;
    return (sqrt(x2 * a2 * il2) + y * rr) * il2 - r1;
}

// The cloth's folds (round 24: "rubbery sacks", "melted wax" -- the soft sine tubes gone):
// woven cloth hanging from the shoulders falls in long straight pleats whose crests are
// knife-sharp ridges (1 - |sin|: a crease where the cloth doubles over) between wide, deep,
// rounded valleys; two fold systems at unrelated spacings so no two pleats are alike; finer
// and shallower on the hood, a few slanting creases where the hood gathers round the face.
float g_fold_phase = 0.0;          // the row: each figure's folds fall at their own angles

float fold_crease(float x) {
    // a crest at each zero of sin, sharp; the valley between it rounded and deep
    float r = 1.0 - abs(sin(x));
    return r * r * (1.6 - 0.6 * r);
}

float portrait_folds(vec3 q) {
    float a = atan(q.x, -q.z + 0.06) + g_fold_phase;
#ifdef PORTRAIT_ROW
    // (standing: long straight falls from the shoulders to the hem, deepening as they go,
    // barely wandering -- heavy cloth hanging, then breaking where it pools on the floor)
    float low = smoothstep(-0.2, -1.6, q.y);
    float w = 0.25 * sin(q.y * 2.1 + a * 1.3);
    float pool = smoothstep(ROW_FEET + 0.3, ROW_FEET + 0.02, q.y);
    w += pool * 1.4 * sin(a * 5.0 + q.y * 9.0);
#elif defined(PORTRAIT_WOMAN)
    float low = smoothstep(-0.12, -0.5, q.y);
    float w = 0.5 * sin(q.y * 5.0 + a * 1.7);
#else
    // (round 33, 92.1 s: "lumpy clay / bark" -- pleats that wandered at every few cm drew a
    // bark's grain: cloth hangs in long, nearly straight falls, wandering slowly)
    float low = smoothstep(-0.12, -0.5, q.y);
    float w = 0.2 * sin(q.y * 2.6 + a * 1.2);
#define PORTRAIT_SOFT_CLOTH 1
#endif
    // the pleats fan out from the neck: their count grows as the cloth widens below
    float f = 0.62 * fold_crease(a * 4.5 + w) + 0.38 * fold_crease(a * 7.3 - 0.7 * w + 1.7);
    f = 0.55 - f;                                   // crests out (negative), valleys in
    // (over the crown the cloth lies smooth on the head: soft slanting folds only, no pleats)
    float hood = smoothstep(-0.05, 0.1, q.y) * sin(a * 4.0 + q.y * 6.0);
#ifdef PORTRAIT_SOFT_CLOTH
    // (the crown's slanting folds faint: a hood lies smooth on the head -- round 33, 93.6 s:
    // at 0.35 "a smooth blob like plasticine", so 0.5, a few soft folds over the crown)
    hood *= 0.5;
#endif
    // (none on the axis, where the angle is singular: the hood's tip stays a soft point)
    float axis = smoothstep(0.03, 0.12, length(q.xz - vec2(0.0, 0.06)));
    // where the cowl falls onto the shoulders the cloth bunches in slack horizontal swags
    float collar = smoothstep(-0.1, -0.17, q.y) * smoothstep(-0.36, -0.24, q.y)
                 * sin(q.y * 55.0 + 2.5 * sin(a * 3.0)) * smoothstep(0.3, 0.9, abs(a));
    return (f * mix(0.0045, 0.05, low) + 0.007 * hood + 0.007 * collar) * axis;
}

// The hooded bust's signed distance at world point p, and which material it hit: m = 0 the
// cloth, 0.5 the hood's lining round the face, 1 the face and the eyes.  The hood and the face bow (head-local q); the mantle
// stays on the shoulders.
float bust_sdf(vec3 p, out float m) {
    vec3 q = portrait_local(p);
    // the hood: a deep cowl over the head coming to a soft point behind the crown
    float hood = p_ellipsoid(q - vec3(0.0, 0.035, 0.02), vec3(0.142, 0.19, 0.17));
    hood = p_smin(hood, p_round_cone(q, vec3(0.0, 0.1, 0.05), vec3(0.0, 0.222, 0.19), 0.09, 0.032), 0.1);
    // the mantle falling from the hood over the shoulders, wider than deep
    vec3 pm = vec3(p.x / 1.22, p.y, p.z);
    float mantle = p_round_cone(pm, vec3(0.0, -0.12, 0.035), vec3(0.0, -0.8, 0.1), 0.09, 0.3) * 0.8;
    float shoulders = p_ellipsoid(vec3(abs(p.x), p.y, p.z) - vec3(0.16, -0.32, 0.05), vec3(0.12, 0.06, 0.1));
    mantle = p_smin(mantle, shoulders, 0.06);
#ifdef PORTRAIT_ALONE
    // seated: the mantle over her shoulders to her waist, her lap on the bench, the gown
    // drawn over her knees and falling from them to the floor
    mantle = p_smin(p_round_cone(pm, vec3(0.0, -0.12, 0.035), vec3(0.0, -0.5, 0.07), 0.09, 0.17) * 0.85,
                    p_ellipsoid(vec3(abs(p.x), p.y, p.z) - vec3(0.12, -0.3, 0.05), vec3(0.095, 0.055, 0.085)), 0.06);
    float torso = p_round_cone(vec3(p.x / 1.1, p.y, p.z), vec3(0.0, -0.4, 0.07), vec3(0.0, -0.6, 0.08), 0.15, 0.19);
    float lap = p_round_cone(vec3(p.x / 1.5, p.y, p.z), vec3(0.0, -0.62, 0.06), vec3(0.0, -0.64, -0.3), 0.13, 0.1);
    float shins = p_round_cone(vec3(p.x / 1.45, p.y, p.z), vec3(0.0, -0.66, -0.33), vec3(0.0, ROW_FEET + 0.12, -0.36), 0.1, 0.17);
    float hem = p_ellipsoid(p - vec3(0.0, ROW_FEET + 0.05, -0.34), vec3(0.3, 0.09, 0.2));
    mantle = p_smin(mantle, p_smin(torso, p_smin(lap, p_smin(shins, hem, 0.1), 0.08), 0.08), 0.08);
    mantle = max(mantle, ROW_FEET - p.y);
#elif defined(PORTRAIT_ROW)
    // (round 34 follow-up, 85.8 s: "bowling-pin blobs", "blobby cut-outs" -- a hood on a
    // tube): each a hooded robed figure -- the cowl rising to a peak over the crown, falling
    // past a dip at the neck onto a shoulder line; the sleeves folded before the body, their
    // elbows breaking the outline; the robe widening below them and pooling on the floor in
    // a hem of folds.  ``v`` varies them (the fold phase's draw): the peak's height, the arms
    // crossed high or the hands held low, the robe's flare.
    float v = fract(g_fold_phase * 0.618 + 0.21);
    hood = p_smin(hood, p_round_cone(q, vec3(0.0, 0.13, 0.05), vec3(0.0, 0.28 + 0.05 * v, 0.1 + 0.04 * v), 0.075, 0.02), 0.05);
    mantle = p_smin(p_round_cone(pm, vec3(0.0, -0.12, 0.035), vec3(0.0, -0.5, 0.07), 0.08, 0.17) * 0.85,
                    p_ellipsoid(vec3(abs(p.x), p.y, p.z) - vec3(0.15, -0.31, 0.05), vec3(0.125, 0.058, 0.095)), 0.05);
    // the sleeves: shoulder to elbow down the flank, the forearm in to the folded hands,
    // widening to the cuff
    vec3 ps = vec3(abs(p.x), p.y, p.z);
    vec3 elbow = vec3(0.245 + 0.035 * v, -0.68 - 0.1 * v, 0.0);
    vec3 wrist = vec3(0.03, -0.64 - 0.14 * v, -0.2);
    float sleeve = p_round_cone(ps, vec3(0.19, -0.33, 0.05), elbow, 0.06, 0.068);
    sleeve = p_smin(sleeve, p_round_cone(ps, elbow, wrist, 0.068, 0.088), 0.02);
    // (the wide cuff's opening hanging under the forearm)
    sleeve = p_smin(sleeve, p_round_cone(ps, elbow + vec3(-0.05, -0.02, -0.08), wrist + vec3(0.04, -0.11, 0.02), 0.05, 0.06), 0.03);
    vec3 pg = vec3(p.x / (1.0 + 0.1 * v), p.y, p.z);
    float gown = p_round_cone(pg, vec3(0.0, -0.4, 0.06), vec3(0.0, ROW_FEET + 0.25, 0.1), 0.15, 0.23);
    // the hem pooling on the floor, its edge scalloped by the folds that break there
    float ha = atan(p.x, p.z - 0.09) + g_fold_phase;
    float scallop = 1.0 + 0.09 * sin(ha * 7.0) + 0.05 * sin(ha * 11.0 + 1.3);
    gown = p_smin(gown, p_ellipsoid(p - vec3(0.0, ROW_FEET + 0.05, 0.09), vec3(0.44 + 0.08 * v, 0.12, 0.34) * scallop), 0.2);
    mantle = p_smin(mantle, gown, 0.1);
    mantle = p_smin(mantle, sleeve, 0.025);
    // cut at the floor
    mantle = max(mantle, ROW_FEET - p.y);
#endif
    float cloth = p_smin(hood, mantle, 0.07);
    cloth += portrait_folds(vec3(p.x, p.y, mix(p.z, q.z, smoothstep(-0.2, -0.02, p.y))));
    // the face opening: a tall oval cut deep into the cowl, its edge rolled soft
    float opening = p_ellipsoid(q - vec3(0.0, -0.012, -0.2), vec3(0.076, 0.12, 0.165));
    cloth = p_smax(cloth, -opening, 0.014);
    // (round 26: "bedsheet ghost" -- a sheet's hole cut in an egg): the cowl's edge turned
    // back on itself as a thick rolled lip, the length of the two surfaces' distances being the
    // distance to the curve where they meet; it swells and thins along the edge as cloth does
    float around = atan(q.x, q.y + 0.012);
    float lip_r = 0.0085 + 0.0035 * sin(around * 3.0 + 0.6) + 0.002 * sin(around * 7.0);
    float lip = length(vec2(hood + 0.004, opening)) - lip_r;
    cloth = p_smin(cloth, lip, 0.006);
    // the face, far back in the hood: a smooth mask with a brow over the sockets
    // (round 24: set back 2.5 cm, so the eyes sit deep in the cowl, under the brow's ledge)
    vec3 qf = q + vec3(0.0, 0.0, FACE_FWD);
    float face = p_ellipsoid(qf - vec3(0.0, -0.012, 0.045), vec3(0.07, 0.104, 0.095));
#if defined(PORTRAIT_ALONE) || defined(PORTRAIT_WOMAN)
    // (round 30: the woman's face in profile needs a nose for the candle's rim to draw)
    face = p_smin(face, p_round_cone(qf, vec3(0.0, -0.012, -0.045), vec3(0.0, -0.052, -0.07), 0.007, 0.012), 0.012);
#endif
    face = p_smin(face, p_ellipsoid(qf - vec3(0.0, 0.026, -0.035), vec3(0.068, 0.02, 0.028)), 0.02);
    vec3 qe = vec3(abs(q.x), q.y, q.z) - EYE_R;
    face = p_smax(face, -(length(qe) - EYE_RADIUS * 1.18), 0.008);
    float eyes = length(qe) - EYE_RADIUS;
    face = min(face, eyes);
    // (the hood's lining round the face, 0.5: it stays in the cowl's shadow)
    m = face < cloth ? 1.0 : 0.5 * (1.0 - smoothstep(0.004, 0.02, opening));
    return min(cloth, face);
}

// The lovers' variant: the bust space of a world point -- the two of them are one bust
// mirrored across x = 0 (one field evaluation for both), each turned from us toward the other
// (three-quarters, so the cowl's opening and the near eye still face the camera) -- and back
// (a direction, for the bust on ``side`` -1 or 1).
#ifdef PORTRAIT_LOVERS
// The head's centre of the lover on this side (1: the right one, -1: the left).
vec3 lover_at(float side) {
    return vec3(LOVER_AT.x * side, LOVER_AT.y + 0.5 * LOVER_RISE * side, LOVER_AT.z);
}

vec3 lover_local(vec3 p) {
    float side = p.x >= 0.0 ? 1.0 : -1.0;
    vec3 w = vec3(abs(p.x), p.y - 0.5 * LOVER_RISE * side, p.z) - LOVER_AT;
    float c = cos(LOVER_TURN), s = sin(LOVER_TURN);
    return vec3(c * w.x - s * w.z, w.y, s * w.x + c * w.z);
}

vec3 lover_dir_world(vec3 l, float side) {
    float c = cos(LOVER_TURN), s = sin(LOVER_TURN);
    return vec3((c * l.x + s * l.z) * side, l.y, -s * l.x + c * l.z);
}
#endif

#if defined(PORTRAIT_WOMAN) || defined(PORTRAIT_ALONE)
// Her hands, held open before her, palms up (mirrored across x = 0): the sleeves from under
// the mantle to the wrists (cloth), each palm a flattened ellipsoid, four fingers curling a
// little up and apart, a thumb.  ``hand``: the distance to the bare hands alone.
#ifdef PORTRAIT_ALONE
// (round 28, 124.4 s: "the hands float" at her chest, "a shapeless sack"): seated, her hands
// lie low before her lap, held a little up, and her sleeves lead to them -- from the
// shoulders down her sides to the elbows, then the forearms forward and in to the wrists,
// the cuffs flaring a little -- so the arms read under the mantle and the hands are hers
const vec3 HAND_SHIFT = vec3(0.0, -0.17, -0.04);
#else
const vec3 HAND_SHIFT = vec3(0.0);
#endif
float woman_hands(vec3 p, out float hand) {
    vec3 h0 = vec3(abs(p.x), p.y, p.z);
#ifdef PORTRAIT_ALONE
    float arm = p_round_cone(h0, vec3(0.17, -0.27, 0.04), vec3(0.19, -0.47, -0.01), 0.058, 0.052);
    arm = p_smin(arm, p_round_cone(h0, vec3(0.19, -0.47, -0.01), vec3(0.095, -0.475, -0.2), 0.052, 0.04), 0.03);
    // the cuff: a flared bell round the wrist
    arm = p_smin(arm, p_round_cone(h0, vec3(0.115, -0.475, -0.16), vec3(0.097, -0.473, -0.2), 0.036, 0.044), 0.012);
#endif
    vec3 h = h0 - HAND_SHIFT;
#ifndef PORTRAIT_ALONE
    float arm = p_round_cone(h, vec3(0.16, -0.38, 0.0), vec3(0.08, -0.31, -0.17), 0.05, 0.03);
#endif
    vec3 c = h - vec3(0.07, -0.3, -0.215);
    // (the palm tilted a little toward her, cupped: its middle sunk)
    float palm = p_ellipsoid(c, vec3(0.036, 0.012, 0.042));
    palm = p_smax(palm, -p_ellipsoid(c - vec3(0.0, 0.014, 0.0), vec3(0.024, 0.01, 0.028)), 0.006);
    float fingers = 1e9;
    for (int i = 0; i < 4; ++i) {
        float fi = float(i) - 1.5;
        vec3 a = vec3(0.07 + fi * 0.015, -0.298, -0.248 + abs(fi) * 0.005);
        // each finger in two joints, curling up, spread a little
        vec3 k = a + vec3(fi * 0.006, 0.004, -0.028 + abs(fi) * 0.004);
        vec3 e = k + vec3(fi * 0.004, 0.012, -0.018 + abs(fi) * 0.002);
        fingers = min(fingers, p_round_cone(h, a, k, 0.0075, 0.0064));
        fingers = min(fingers, p_round_cone(h, k, e, 0.0064, 0.0052));
    }
    float thumb = p_round_cone(h, vec3(0.1, -0.3, -0.2), vec3(0.112, -0.29, -0.236), 0.009, 0.0065);
    hand = p_smin(p_smin(palm, fingers, 0.006), thumb, 0.006);
    return p_smin(hand, arm, 0.012);
}
#endif

#ifdef PORTRAIT_ALONE
// she sits right of centre, turned a little toward the candle
const vec3 ROW_AT[ROW_COUNT] = vec3[ROW_COUNT](vec3(0.12, 0.0, 1.0));
const vec3 ROW_POSE[ROW_COUNT] = vec3[ROW_COUNT](vec3(0.0, 0.25, 0.7));
#elif defined(PORTRAIT_ROW)
// Each figure's place: x, z (m; staggered in depth), its height (scale), its lean sideways
// (rad, about the feet), its turn (rad, about the vertical) and its folds' phase.
const vec3 ROW_AT[ROW_COUNT] = vec3[ROW_COUNT](vec3(-1.85, 0.45, 1.06), vec3(-0.92, -0.22, 1.14),
    vec3(0.05, 0.7, 1.2), vec3(0.95, 0.05, 1.08), vec3(1.9, -0.12, 1.12));
// (round 30, 86.8 s: "several figures have a single eye (reads as a bug)" -- turned up to
// 0.38 rad away from the camera, the outer ones' far beads fell behind their cowls: each is
// turned a little toward the camera now (the outer ones most, seen obliquely), the lean and
// the folds' phase carrying their difference)
const vec3 ROW_POSE[ROW_COUNT] = vec3[ROW_COUNT](vec3(0.035, -0.2, 0.0), vec3(-0.02, -0.08, 1.3),
    vec3(0.0, 0.02, 2.6), vec3(0.025, 0.12, 3.9), vec3(-0.04, 0.32, 5.2));
#endif
#ifdef PORTRAIT_ROW
#ifdef PORTRAIT_ALONE
const vec3 ROW_STRETCH = vec3(1.0);
#else
// (round 24: taller, narrower, more elegant -- each figure drawn out 8 % in height about its
// feet and drawn in to 86 % of its width and 90 % of its depth)
const vec3 ROW_STRETCH = vec3(0.86, 1.08, 0.9);
#endif
// the field's scale to world distance: no more than the narrowest axis, so the march never
// oversteps
const float ROW_LIPSCHITZ = min(ROW_STRETCH.x, min(ROW_STRETCH.y, ROW_STRETCH.z));

// Figure i's local point (the portrait's bust space: the head's centre at the origin, the
// floor at ROW_FEET, scaled to its height) of a world point.
vec3 row_local(vec3 p, int i) {
    vec3 at = ROW_AT[i];
    float k = at.z;
    vec3 w = p - vec3(at.x, ROW_FEET, at.y);
    float cl = cos(ROW_POSE[i].x), sl = sin(ROW_POSE[i].x);
    w.xy = vec2(cl * w.x + sl * w.y, -sl * w.x + cl * w.y);
    float ct = cos(ROW_POSE[i].y), st = sin(ROW_POSE[i].y);
    w.xz = vec2(ct * w.x - st * w.z, st * w.x + ct * w.z);
    return w / (k * ROW_STRETCH) + vec3(0.0, ROW_FEET, 0.0);
}

// The world point of figure i's local point (the inverse of row_local).
vec3 row_world(vec3 q, int i) {
    vec3 at = ROW_AT[i];
    vec3 w = (q - vec3(0.0, ROW_FEET, 0.0)) * at.z * ROW_STRETCH;
    float ct = cos(ROW_POSE[i].y), st = sin(ROW_POSE[i].y);
    w.xz = vec2(ct * w.x + st * w.z, -st * w.x + ct * w.z);
    float cl = cos(ROW_POSE[i].x), sl = sin(ROW_POSE[i].x);
    w.xy = vec2(cl * w.x - sl * w.y, sl * w.x + cl * w.y);
    return w + vec3(at.x, ROW_FEET, at.y);
}

// The row's field: the two figures nearest the point across (they stand ~0.95 m apart and
// none is wider than 0.5 m each side, so no third can be nearer), each the portrait's bust
// with its gown; ``fig`` which one it hit.
float row_sdf(vec3 p, out float m, out float fig) {
#ifdef PORTRAIT_ALONE
    // her figure, her hands (bare skin: 0.85) and the bench under her (cloth-dark wood)
    fig = 0.0;
    g_fold_phase = ROW_POSE[0].z;
    vec3 q = row_local(p, 0);
    float hand;
    float arms = woman_hands(q, hand);
    float d = bust_sdf(q, m);
    if (arms < d) m = hand < arms + 0.004 ? 0.85 : 0.0;
    d = p_smin(d, arms, 0.01);
    vec3 b = abs(p - vec3(0.1, ROW_FEET + 0.42, 0.1)) - vec3(0.62, 0.025, 0.17);
    float bench = length(max(b, 0.0)) + min(max(b.x, max(b.y, b.z)), 0.0) - 0.01;
    vec3 lg = vec3(abs(p.x - 0.1) - 0.55, p.y - (ROW_FEET + 0.2), abs(p.z - 0.1) - 0.13);
    vec3 lb = abs(lg) - vec3(0.025, 0.21, 0.025);
    bench = min(bench, length(max(lb, 0.0)) + min(max(lb.x, max(lb.y, lb.z)), 0.0));
    if (bench < d) m = 0.0;
    return min(d, bench);
#endif
    int i0 = 0;
    for (int i = 1; i < ROW_COUNT; ++i) if (ROW_AT[i].x < p.x) i0 = i;
    int i1 = min(i0 + 1, ROW_COUNT - 1);
    float m0, m1;
    g_fold_phase = ROW_POSE[i0].z;
    float d0 = bust_sdf(row_local(p, i0), m0) * ROW_AT[i0].z * ROW_LIPSCHITZ;
    g_fold_phase = ROW_POSE[i1].z;
    float d1 = bust_sdf(row_local(p, i1), m1) * ROW_AT[i1].z * ROW_LIPSCHITZ;
    m = d0 < d1 ? m0 : m1;
    fig = float(d0 < d1 ? i0 : i1);
    return min(d0, d1);
}
#endif

float portrait_sdf(vec3 p, out float m) {
#ifdef PORTRAIT_ROW
    float fig;
    return row_sdf(p, m, fig);
#elif defined(PORTRAIT_LOVERS)
    return bust_sdf(lover_local(p), m);
#elif defined(PORTRAIT_WOMAN)
    float hand;
    float arms = woman_hands(p, hand);
    float d = bust_sdf(p, m);
    if (arms < d) m = hand < arms + 0.004 ? 0.85 : 0.0;   // (0.85: bare skin)
    return p_smin(d, arms, 0.01);
#else
    return bust_sdf(p, m);
#endif
}

float portrait_sdf(vec3 p) {
    float m;
    return portrait_sdf(p, m);
}

// Eye centres in world space (the lovers: 0, 1 the right one's, 2, 3 the left one's).
vec3 portrait_eye(int e) {
    vec3 b = portrait_world((e & 1) == 0 ? EYE_L : EYE_R);
#ifdef PORTRAIT_ROW
    return row_world(b, e >> 1);
#endif
#ifdef PORTRAIT_LOVERS
    float side = e < 2 ? 1.0 : -1.0;
    return lover_dir_world(b, side) + lover_at(side);
#else
    return b;
#endif
}

// Smooth value noise in 3D (0..1), for the close shots' crumpled cloth.
float cloth_noise(vec3 p) {
    vec3 i = floor(p), f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    uvec3 c = uvec3(ivec3(i) + 4096);
    float v[8];
    for (int k = 0; k < 8; ++k) {
        uvec3 o = uvec3(k & 1, (k >> 1) & 1, k >> 2);
        uvec3 q = (c + o) * uvec3(1597334677u, 3812015801u, 2798796415u);
        uint h = (q.x ^ q.y ^ q.z) * 747796405u + 2891336453u;
        h = ((h >> ((h >> 28u) + 4u)) ^ h) * 277803737u;
        v[k] = float((h >> 22u) ^ h) * (1.0 / 4294967296.0);
    }
    return mix(mix(mix(v[0], v[1], f.x), mix(v[2], v[3], f.x), f.y),
               mix(mix(v[4], v[5], f.x), mix(v[6], v[7], f.x), f.y), f.z);
}

// The weave's fine creases, in the normal only (too fine to march): crumpled soft lines
// running down the cloth, bunched across it where the hood gathers at the neck.
float portrait_creases(vec3 p) {
    float down = sin(p.x * 70.0 + 3.0 * sin(p.y * 21.0 + p.z * 30.0)) * sin(p.y * 13.0 + p.x * 9.0);
    float across = sin(p.y * 95.0 + 4.0 * sin(p.x * 26.0)) * smoothstep(-0.09, -0.2, p.y)
                 * smoothstep(-0.36, -0.2, p.y);
#ifdef PORTRAIT_ROW
    return 0.0026 * down + 0.002 * across;
#else
    // (round 26, close: "smeared clay", "melted plastic" -- between the folds the cloth was
    // smooth as a moulded shell): crumpled wool, ridged creases a few centimetres long that
    // run mostly down the fall where the cloth hangs and every way where it bunches, sharp
    // at the crest (1 - |n|) as cloth doubles over, the sines only a faint undertone
    vec3 w = p * vec3(32.0, 11.0, 32.0);
    float c1 = 1.0 - abs(2.0 * cloth_noise(w) - 1.0);
    float c2 = 1.0 - abs(2.0 * cloth_noise(w * 2.3 + vec3(5.1, 1.7, 3.3)) - 1.0);
    float crumple = c1 * c1 + 0.45 * c2 * c2;
#ifdef PORTRAIT_SOFT_CLOTH
    // (round 33, 92.1 s: "the hood looks like clay or bark / lumpy clay" -- the crumple read
    // as a modelled lump everywhere: only a whisper of it, the long falls carry the cloth)
    // (round 33, 93.6 and 95.0 s: "a smooth blob like plasticine", "rubbery hood" -- the
    // whisper too faint: 0.0012, a fine crumple of heavy velvet, still under round 32's lumps)
    return 0.0011 * down + 0.0015 * across - 0.0012 * crumple;
#else
    return 0.0008 * down + 0.002 * across - 0.0021 * crumple;
#endif
#endif
}

float portrait_detailed(vec3 p) {
    float m;
    float d = portrait_sdf(p, m);
#ifdef PORTRAIT_LOVERS
    p = lover_local(p);
#endif
    return d + portrait_creases(p) * (1.0 - step(0.75, m));
}

vec3 portrait_normal(vec3 p) {
    const vec2 k = vec2(1.0, -1.0);
    const float h = 0.0012;
    return normalize(k.xyy * portrait_detailed(p + k.xyy * h) + k.yyx * portrait_detailed(p + k.yyx * h)
                   + k.yxy * portrait_detailed(p + k.yxy * h) + k.xxx * portrait_detailed(p + k.xxx * h));
}

// The normal in two channels: octahedral, the hemisphere facing the camera (-z) unfolded, so
// the bilinear lookup is smooth over the faces and across the silhouettes (where z crosses
// 0); only the rare normals turned away from us lie in the folded corners.
vec2 portrait_pack_normal(vec3 n) {
    n = vec3(n.xy, -n.z) / (abs(n.x) + abs(n.y) + abs(n.z));
    vec2 sgn = vec2(n.x >= 0.0 ? 1.0 : -1.0, n.y >= 0.0 ? 1.0 : -1.0);
    return n.z >= 0.0 ? n.xy : (1.0 - abs(n.yx)) * sgn;
}

vec3 portrait_geo_normal(vec4 geo) {
    vec3 n = vec3(geo.xy, 1.0 - abs(geo.x) - abs(geo.y));
    float t = max(-n.z, 0.0);
    n.xy += vec2(n.x >= 0.0 ? -t : t, n.y >= 0.0 ? -t : t);
    n = normalize(n);
    return vec3(n.xy, -n.z);
}

float portrait_geo_depth(vec4 geo) {
    return geo.z;
}

// The G-buffer, baked once when the shot begins (the field is costly; the light is cheap),
// in two targets but ONE march: portrait_geo marches the ray and keeps what it found --
// geo = (the normal, packed in two (portrait_pack_normal), depth along the ray (m), coverage) --
// and portrait_mat reads that hit back and only samples the field round it -- mat =
// (occlusion, the key candle's soft shadow, the cloth's thinness toward the rim candle behind
// (1: a thin edge the light glows through), material).  Coverage is antialiased from the
// ray's closest pass by the form, and a pixel that only grazes it keeps the normal found there.
vec4 portrait_march_geo(vec2 s, float px) {
    vec3 ro = PORTRAIT_CAM;
    vec3 rd = portrait_ray(s);
#ifdef PORTRAIT_ROW
    // (the row stands 3.5-6 m off: start at its nearest, stop past its farthest)
#ifdef PORTRAIT_ALONE
    float t = 1.4;
#else
    float t = 2.3;
#endif
    const int STEPS = 128;
    const float T_END = 5.7, RELAX = 0.6;
#else
    float t = 0.55;
    const int STEPS = 320;
    const float T_END = 2.2, RELAX = 0.42;
#endif
    float best = 1e9, best_t = t;
    float hit = 0.0;
    for (int i = 0; i < STEPS; ++i) {
        float d = portrait_sdf(ro + rd * t);
        float pix = px * t;
        if (d / pix < best) { best = d / pix; best_t = t; }
        if (d < 0.0004 * t) { hit = 1.0; break; }
        t += d * RELAX;
        if (t > T_END) break;
    }
    float cov = hit > 0.0 ? 1.0 : clamp(1.0 - best, 0.0, 1.0);
    float tt = hit > 0.0 ? t : best_t;
    return vec4(portrait_pack_normal(portrait_normal(ro + rd * tt)), tt, cov);
}

vec4 portrait_bake_mat(vec2 s, vec4 geo) {
    vec3 p = PORTRAIT_CAM + portrait_ray(s) * portrait_geo_depth(geo);
    vec3 n = portrait_geo_normal(geo);
    float m;
    portrait_sdf(p, m);
    // occlusion: the field sampled out along the normal
    float ao = 0.0, w = 1.0;
    for (int k = 1; k <= 5; ++k) {
        float h = 0.012 * float(k * k) * 0.5 + 0.004;
        ao += w * (h - portrait_sdf(p + n * h));
        w *= 0.6;
    }
    ao = clamp(1.0 - 5.0 * ao, 0.0, 1.0);
    // the key candle's soft shadow (iq's k h / t penumbra)
    vec3 L = KEY_CANDLE - p;
    float ld = length(L);
    L /= ld;
    float sh = 1.0, st = 0.01;
    for (int k = 0; k < 48; ++k) {
        float h = portrait_sdf(p + n * 0.002 + L * st);
        sh = min(sh, 9.0 * h / st);
        st += clamp(h, 0.006, 0.08);
        if (sh < 0.001 || st > ld) break;
    }
    sh = clamp(sh, 0.0, 1.0);
    sh = sh * sh * (3.0 - 2.0 * sh);
    // how thin the cloth is toward the rim candle behind: the field sampled on into the form
    // (how deep inside each step lies); a lip or a fold's edge is thin and glows through
    vec3 Lr = normalize(RIM_CANDLE - p);
    vec3 into = normalize(Lr - n * 0.6);
    float inside = 0.0;
    for (int k = 1; k <= 6; ++k) {
        float h = 0.006 * float(k);
        inside += max(-portrait_sdf(p + into * h), 0.0);
    }
    float thin = exp(-inside * 90.0);
    return vec4(ao, sh, thin, m);
}

#ifdef PORTRAIT_ROW
// The room behind the row where a pixel misses them: the floor (y = ROW_FEET) or the wall
// (z = ROW_WALL), whichever the ray meets first; its distance.
float row_room(vec3 ro, vec3 rd) {
    float tf = rd.y < -1e-4 ? (ROW_FEET - ro.y) / rd.y : 1e9;
    float tw = rd.z > 1e-4 ? (ROW_WALL - ro.z) / rd.z : 1e9;
    return min(min(tf, tw), 40.0);
}

// A candle's soft shadow at p (iq's k h / t penumbra through the row's field).
// (round 34 follow-up: the row's shadows "should be sharper near the feet" -- a smaller
// penumbra there, still widening up the wall with the distance from the figure)
#ifdef PORTRAIT_ALONE
const float ROW_SHADOW_K = 10.0;
#else
const float ROW_SHADOW_K = 16.0;
#endif
float row_shadow(vec3 p, vec3 light) {
    vec3 L = light - p;
    float ld = length(L);
    L /= ld;
    // (the start jittered per point: the march's steps would show as rings on the wall)
    float sh = 1.0, m;
    float st = 0.02 + 0.03 * fract(52.9829189 * fract(dot(floor(gl_FragCoord.xy), vec2(0.06711056, 0.00583715))));
    for (int k = 0; k < 40; ++k) {
        float h = portrait_sdf(p + L * st, m);
        sh = min(sh, ROW_SHADOW_K * h / st);
        st += clamp(h * 0.8, 0.02, 0.25);
        if (sh < 0.001 || st > ld - 0.05) break;
    }
    sh = clamp(sh, 0.0, 1.0);
    return sh * sh * (3.0 - 2.0 * sh);
}

// The row's G-buffer (mat), from the hit the geo pass found: on a figure (occlusion, the two
// front candles' soft shadows, material 0..1); on the room behind (the floor's contact
// occlusion at their feet, the same two shadows -- the huge shadows on the wall -- and -1).
vec4 row_bake_mat(vec2 s, vec4 geo) {
    vec3 rd = portrait_ray(s);
    float m;
    if (geo.a > 0.5) {
        vec3 p = PORTRAIT_CAM + rd * portrait_geo_depth(geo);
        vec3 n = portrait_geo_normal(geo);
        portrait_sdf(p, m);
        float ao = 0.0, w = 1.0;
        for (int k = 1; k <= 5; ++k) {
            float h = 0.03 * float(k * k) * 0.5 + 0.01;
            ao += w * (h - portrait_sdf(p + n * h));
            w *= 0.6;
        }
        ao = clamp(1.0 - 2.5 * ao, 0.0, 1.0);
        vec3 q = p + n * 0.006;
#ifdef PORTRAIT_ALONE
        // (her one candle: the second shadow's channel holds her bare skin instead, so the
        // bilinear lookup never reads the face's edge, between 1 and 0.5, as skin)
        float skin = abs(m - 0.85) < 0.01 ? 1.0 : 0.0;
        return vec4(ao, row_shadow(q, KEY_CANDLE), skin, skin > 0.5 ? 0.0 : m);
#else
        return vec4(ao, row_shadow(q, KEY_CANDLE), row_shadow(q, KEY_CANDLE_B), m);
#endif
    }
    vec3 p = PORTRAIT_CAM + rd * row_room(PORTRAIT_CAM, rd);
    vec3 n = p.y < ROW_FEET + 0.001 ? vec3(0.0, 1.0, 0.0) : vec3(0.0, 0.0, -1.0);
    float ao = clamp(0.35 + portrait_sdf(p + n * 0.12) / 0.16, 0.0, 1.0);
    vec3 q = p + n * 0.01;
#ifdef PORTRAIT_ALONE
    return vec4(ao, row_shadow(q, KEY_CANDLE), 0.0, -1.0);      // (no skin on the wall)
#else
    return vec4(ao, row_shadow(q, KEY_CANDLE), row_shadow(q, KEY_CANDLE_B), -1.0);
#endif
}
#endif
