// sculpt.glsl -- the near towers modelled as distance fields inside their quadrics.
//
// Include-only, with no uniforms of its own: the towers' glass (glass.frag) and the moss's
// columns (shaders/scenes/moss/buildings.frag, "the moss shares the buildings") both carve
// their quadrics with it.
// Round 20: nine readers called the columns "capsules, blades, pods": one quadric each, a
// pill's silhouette however it is shaded.  A near tower is now a modelled body carved out
// of the quadric that bounds it (the walk still meets the quadric exactly and cheaply; from
// that entry a short sphere trace finds the body inside):
//   - a flared foot rooted in the street (pinched a little above it),
//   - the swelling of its quadric below, then a WAIST above the swell,
//   - an upper body thinning to a needle (the spire rising out of it),
//   - fluted lobes that TWIST as they rise (4 to 7 of them, sharp ridges between broad
//     grooves, so the key light draws crisp lines spiralling up the glass),
//   - horizontal liquid ripple rings running slowly up the skin (a displacement).
// Every factor is at most 1, so the body lies inside the quadric: a ray that misses the
// quadric misses the body, and the walk's exact test stays the bound.  Far towers (beyond
// SCULPT_FAR, fading from SCULPT_FADE) keep the plain quadric: there the carving would be
// thinner than a few pixels and the march would be wasted.

const float SCULPT_FADE = 34.0;     // world units from the eye where the carving starts to fade
const float SCULPT_FAR = 52.0;      // and where it is gone (the walk treats beyond as quadrics)
#ifdef SCULPT_POURED
// (round 35: the poured forms' trace is shorter -- their bodies are met in a few steps, and
// the steps a grazing ray spends passing a neck or a prong are what the forms added)
const int SCULPT_STEPS = 11;
#else
const int SCULPT_STEPS = 14;
#endif
// Round 24 ("needles, thorns, tubes, drinking glasses"): a massive tower -- half sizes over
// this, which only the towers' ``architecture`` layout makes (towers.glsl MASSIVE_R, the
// same) -- is carved as ARCHITECTURE instead: terraces that step back as it rises, each
// tier bulging a little like poured glass and rounding over at its shoulder, its facades
// broad shallow curves (the flutes at a third of their depth), no waist, no needle.
const float SCULPT_MASSIVE_R = 1.76;

// The quadric a body is carved from: half sizes of its widest ring, the height of its tip,
// its profile r^2 = (1 - s)(al + be s) (s = y / h), and where the fracture has cut it.
struct Body {
    vec2 r;
    float h;
    float al;
    float be;
    float cut;
};

// A tower's carving, from its sizes (free per-tower randoms, as towers.glsl column_peak).
struct Carving {
    float waist_s;      // the waist's height, as a fraction of the tower's
    float waist;        // how deep it pinches (fraction of the radius)
    float lobes;        // 4 to 7 flutes round it
    float flute;        // how deep the grooves between them cut
    float twist;        // radians the flutes turn per unit of height
    float amp;          // 0..1: the whole carving, faded with distance and the sculpt param
    float time;         // seconds (the rings run up the skin)
    float y0;           // the height where the ray entered (carving_enter)
    vec2 rot0;          // the twist's (cos, sin) there
    float tiers;        // a massive tower's terraces (3 to 6), 0 for a column
    float sheer;        // 0..1: the liquid city's sheer towers (carving_sheer), 0 as before
    vec2 plan;          // a sheer tower's plan turned about its axis (cos, sin)
    float crown;        // a sheer tower's crown: 0 a fine point, 1 a sheared slope
    vec4 pour;          // a poured tower's (SCULPT_POURED) swells per height, their depth,
                        // its lean and where its crown rounds over
    float form;         // a poured tower's form (SCULPT_POURED, round 35): 0 swelling and
                        // leaning, 1 stacked drops, 2 a twisted ribbon, 3 a split crown
};

// Where the ray enters the quadric (height y0 above the foot): the twist's turn there.
void carving_enter(inout Carving c, float y0) {
    c.y0 = y0;
    c.rot0 = vec2(cos(c.twist * y0), sin(c.twist * y0));
}

// A smooth wave of period 1 in x, 0..1 (as 0.5 - 0.5 cos 2 pi x: a cubic on a triangle, no sine).
float smooth_wave(float x) {
    float tri = abs(2.0 * fract(x) - 1.0);
    return tri * tri * (3.0 - 2.0 * tri);
}

// amount: the scene's sculpt param; t0: the distance from the eye.
Carving carving(Body k, float t0, float amount, float time) {
    float h1 = fract(k.r.x * 7.13 + k.r.y * 3.31 + k.h * 0.173);
    float h2 = fract(k.r.x * 2.77 + k.r.y * 9.41 + k.h * 0.311);
    Carving c;
    // (above the quadric's swell: column_peak puts it at 0.32..0.45 of the height)
    c.waist_s = 0.6 + 0.12 * h1;
    c.waist = 0.36 + 0.16 * h2;
    // (3 flutes round a broad column showed the eye one wide groove: a smooth vase)
    c.lobes = 4.0 + floor(3.99 * fract(h1 * 5.3 + h2));
    c.flute = 0.17 + 0.08 * h2;
    c.twist = (h1 < 0.5 ? -1.0 : 1.0) * (0.7 + 0.5 * h2) * 6.2832 / max(k.h, 1.0);
    // (a massive tower's terraces are large: they carry much further)
    bool massive = min(k.r.x, k.r.y) > SCULPT_MASSIVE_R;
    c.amp = amount * (1.0 - smoothstep(massive ? 2.0 * SCULPT_FADE : SCULPT_FADE,
                                       massive ? 2.5 * SCULPT_FAR : SCULPT_FAR, t0));
    c.time = time;
    c.y0 = 0.0;
    c.rot0 = vec2(1.0, 0.0);
    c.tiers = massive ? 3.0 + floor(1.99 * h2) : 0.0;
    // (round 25: a massive tower is smooth poured glass: no flutes, whose ridges drew
    // "an unfinished wireframe" of vertical lines with the storeys)
    c.flute *= massive ? 0.0 : 1.0;
    c.twist *= massive ? 0.3 : 1.0;
    c.sheer = 0.0;
    c.plan = vec2(1.0, 0.0);
    c.crown = 0.0;
    c.pour = vec4(0.0);
    // (the focal tower, towers.glsl's 1.75 by 1.75, keeps round 34's one swelling form: it is
    // its own spire, its point clear under the sun -- round 32's "detached cap" -- and the
    // frame of the memory it holds)
    c.form = (k.r.x == 1.75 && k.r.y == 1.75) ? -1.0 : 0.0;
    return c;
}

// Round 28's lead, the liquid city: "the towers still read as bottles / vases / bollards --
// bodies that swell and pinch like bottle necks, capsule tops, short fat columns".  With
// `liquid` a column is carved as a SHEER tower instead: a rectangular plan with chamfered
// corners (crisp vertical edges the key light draws), walls rising straight with a slight
// batter, then tapering to a fine point -- or, for some, cut by a sheared sloping crown;
// no waist, no flutes, no twist; the liquid a gentle wave running along the height.
// amount: the scene's liquid param (a uniform: every pixel takes the same branch).
// t0, sculpt: the distance from the eye and the sculpt param, as carving() took them: the sheer
// carving carries to the fog (a plain quadric far off read as a capsule's dome among them).
void carving_sheer(inout Carving c, float amount, float t0, float sculpt) {
    c.sheer = amount;
    // (carried to the fog: half carved, between a dome and a point, a tower's crown read
    // as a white bow-tie -- the dome's upturned glass on a chamfered plan)
    float far_amp = sculpt * (1.0 - smoothstep(3.5 * SCULPT_FADE, 3.2 * SCULPT_FAR, t0));
    c.amp = mix(c.amp, far_amp, amount);
    float h1 = fract(c.waist_s * 17.3 + c.flute * 41.7);
    float a = 6.2832 * h1;
    c.plan = vec2(cos(a), sin(a));
    c.crown = c.tiers > 0.0 ? 1.0 : step(0.6, fract(h1 * 7.1 + c.lobes * 0.37));
    c.flute *= 1.0 - amount;
#ifdef SCULPT_POURED
    // (round 34's readers: "low-poly prisms", "a forest of spikes", "bags": a poured tower
    // is round, swells and narrows as it rises -- 1.6 to 3.1 swells over its height, deep
    // on a slender tower, shallow on a massive one -- leans a little, turns a little (its
    // oval plan), and rounds over at the top in a meniscus, no point, no sheared slope)
    float h3 = fract(h1 * 13.7 + c.lobes * 0.61);
    bool broad = c.tiers > 0.0;
    c.pour = vec4(1.6 + 1.5 * h3, broad ? 0.12 : 0.26 + 0.12 * fract(h3 * 7.3),
                  (h1 < 0.5 ? -1.0 : 1.0) * (broad ? 0.05 : 0.1 + 0.1 * fract(h3 * 3.1)),
                  0.8 + 0.08 * fract(h3 * 5.9));
    c.twist *= 1.0 - 0.65 * amount;
    // (round 35's readers at 58.7 s: "near-identical smooth blobs / the same smooth spike
    // repeated": four poured forms, a quarter of the slender towers each -- swelling and
    // leaning (leaning further), stacked drops, a twisted oval ribbon, a split crown)
    // (the last shot's broad towers too: "monotonous blades" at 69.1 s)
    bool focal = c.form < 0.0;
    c.form = focal ? 0.0 : floor(3.99 * fract(h3 * 11.3 + h1 * 2.9));
    if (c.form == 0.0 && !broad && !focal) {
        c.pour.z *= 1.9;
    } else if (c.form == 1.0) {
        c.pour.xy = vec2(3.0 + floor(2.99 * fract(h3 * 5.1)), 0.42);
    } else if (c.form == 2.0) {
        c.twist = (h1 < 0.5 ? -1.0 : 1.0) * (1.0 + 0.5 * h3) * 6.2832 / 30.0;
        c.pour.y *= 0.4;
    }
#else
    c.twist *= 1.0 - amount;
#endif
}

#ifdef SCULPT_POURED
// A poured tower's field (u: the plan point over the quadric's widest ring, s: the height
// fraction, R: the quadric's radius there, rho: |u|): a round, slightly oval plan turning
// slowly with the height, its centre leaning as it rises, its radius swelling and narrowing
// in a slow wave that drifts down the body like a pour, rounding over in a dome at the top.
// The radius keeps clear of the quadric by the lean (R - |lean|), so the body stays inside
// it and the walk's exact test stays the bound.
float poured_field(vec3 lp, Body k, Carving c, vec2 u, float s, float R, float rho) {
    vec2 lean = c.plan * (c.pour.z * s * s);
    vec2 w = u - lean;
    float dp = c.twist * (lp.y - c.y0);
    vec2 rot = c.rot0 * (1.0 - 0.5 * dp * dp) + vec2(-c.rot0.y, c.rot0.x) * dp;
    vec2 q = vec2(rot.x * w.x - rot.y * w.y, rot.y * w.x + rot.x * w.y);
    // a twisted ribbon's plan is a flat oval (the key light draws its edges spiralling up)
    float flat_ = c.form == 2.0 ? 1.85 : 1.14;
    float swell = smooth_wave(c.pour.x * s + c.plan.y - 0.015 * c.time);
    // stacked drops: each segment a drop, broad low and drawn to a neck at its top
    float v = fract(c.pour.x * s + 0.5 * c.plan.y);
    float b = 1.0 - (1.0 - v) * (1.0 - v);
    swell = c.form == 1.0 ? 1.0 - 4.0 * b * (1.0 - b) : swell;
    // a split crown: above 0.55 of the height the plan parts into two prongs, the one side's
    // tip lower than the other's
    float split = c.form == 3.0 ? smoothstep(0.5, 0.72, s) : 0.0;
    float x = clamp((s - c.pour.w + (q.x < 0.0 ? 0.1 * split : 0.0)) / (1.0 - c.pour.w), 0.0, 1.0);
    float T = 0.8 * (1.0 - 0.22 * s) * (1.0 - c.pour.y * swell) * sqrt(1.0 - x * x);
    // (a smooth minimum, never over the plain one: where the pour's profile met the quadric's
    // a crease in the skin drew a hard ring of light round a broad tower)
    float a = R - abs(c.pour.z) * s * s;
    float hm = clamp(0.5 + 5.0 * (T - a), 0.0, 1.0);
    float radius = mix(T, a, hm) - 0.1 * hm * (1.0 - hm);
    // (the prongs stay inside the one body's radius: their outer edge at radius (1 - 0.05 split))
    float off = 0.6 * radius * split;
    q.x = abs(q.x) - off;
    radius *= 1.0 - 0.65 * split;
    float rq = length(q * vec2(1.0, flat_));
    float d = (mix(rho, rq, c.amp) - mix(R, radius, c.amp)) * min(k.r.x, k.r.y);
    return max(d, lp.y - k.cut);
}
#endif

// A sheer tower's field factor at height fraction s (u: the plan point over the quadric's
// ring, R: the quadric's radius there): the plan's norm and the profile it must stay under.
vec2 sheer_plan_profile(vec2 u, float s, float R, Carving c, float rho) {
    vec2 q = vec2(c.plan.x * u.x - c.plan.y * u.y, c.plan.y * u.x + c.plan.x * u.y);
    vec2 a = abs(q);
    // a rectangle with chamfered corners, never inside the circle (its least norm on the
    // unit circle is 0.793: scaled by 1.261 the body stays in the quadric)
#ifdef TOWERS_LIQUID_LOOK
    // (round 32's readers, every round: "flat extruded prisms / low-poly plastic boxes, hard
    // white edge lines": in the towers' liquid city the plan is a rounded square, |q|_4 -- the
    // walls nearly straight, the corners poured round, so the light rolls over them as a soft
    // highlight instead of a line; its least norm on the unit circle is 2^-1/4, so scaled by
    // 2^1/4 the body stays inside the quadric.  The moss's columns keep the chamfer.)
    // A massive tower's corners are rounded tighter (|q|_8, scaled by 2^3/8): poured round
    // like a slender one, its sheared crown read as a fingernail on a thumb.
    vec2 a2 = a * a;
    vec2 a4 = a2 * a2;
    float rp = (c.tiers > 0.0) ? sqrt(sqrt(sqrt(dot(a4, a4)))) * 1.29684
                               : sqrt(sqrt(a4.x + a4.y)) * 1.18921;
#else
    float rp = max(max(a.x, a.y), 0.5657 * (a.x + a.y)) * 1.261;
#endif
    // the walls: straight with a slight batter to where the taper begins, then a long
    // straight taper to the point (a sheared crown tapers later and is cut by its slope)
    float st = 0.52 + 0.18 * c.crown;
    float T = 0.74 * (1.0 - 0.12 * s) * clamp((1.0 - s) / (1.0 - st), 0.0, 1.0);
    if (c.tiers > 0.0) {
        // a massive tower: a broad curtain wall of glass rising sheer, its crown sheared
        // off by a slope (no level roof, no dome: the crown stays under where the quadric
        // rounds over, whose upturned glass read as a white collar on the roof)
        // (round 29: no ledge -- a slab set back on a slab read to both of round 28's
        // readers as "stacked placeholder boxes"; one sheer body of glass)
        T = 0.86;
    }
    // (the plan fades with the carving as the profile does: a chamfered plan under the
    // quadric's dome, far off, read as a white bow-tie on the roof)
    return vec2(mix(rho, rp, c.sheer * c.amp), min(R, mix(R, T, c.sheer)));
}

// Where lp lies across the twisting flutes: 0 on a ridge, 1 at the bottom of a groove (|sin|
// of half the angle: sharp ridges, broad rounded grooves).  z: the unit direction round the
// axis (lp.xz / r, normalised); cos(n theta + phi) from z^n, no atan.
float sculpt_groove(vec2 z, float y, Carving c) {
    vec2 z2 = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y);
    vec2 z3 = vec2(z2.x * z.x - z2.y * z.y, z2.x * z.y + z2.y * z.x);
    vec2 z4 = vec2(z2.x * z2.x - z2.y * z2.y, 2.0 * z2.x * z2.y);
    vec2 z5 = vec2(z4.x * z.x - z4.y * z.y, z4.x * z.y + z4.y * z.x);
    vec2 z6 = vec2(z3.x * z3.x - z3.y * z3.y, 2.0 * z3.x * z3.y);
    vec2 z7 = vec2(z4.x * z3.x - z4.y * z3.y, z4.x * z3.y + z4.y * z3.x);
    vec2 zn = (c.lobes < 4.5) ? z4 : ((c.lobes < 5.5) ? z5 : ((c.lobes < 6.5) ? z6 : z7));
    // the twist's turn at y, from its cosine and sine at the ray's entry (carving_enter): a
    // second-order step from there (a trace moves a unit or two in height: the error is
    // under a hundredth of a radian) instead of a sine and a cosine at every step
    float dp = c.twist * (y - c.y0);
    float h2 = 0.5 * dp * dp;
    vec2 rot = c.rot0 * (1.0 - h2) + vec2(-c.rot0.y, c.rot0.x) * dp;
    float cn = zn.x * rot.x - zn.y * rot.y;
    return sqrt(max(0.5 - 0.5 * cn, 0.0) + 0.004);
}

// The body's field at lp (relative to the foot), in world units: negative inside, about
// the distance outside (the scale is the narrower radius; the march steps by a share of it).
float sculpt_field(vec3 lp, Body k, Carving c) {
    vec2 u = lp.xz / k.r;
    float rho = length(u);
    if (c.tiers > 0.0) {
        // (round 26: round, tapering and level-topped, a massive tower read as a "bottle":
        // its plan is an octagon inscribed in the quadric's ring, flat walls of glass meeting
        // at crisp vertical edges, so it reads as a building and each wall mirrors its own
        // piece of the night; the octagon's norm is never under the circle's, so the body
        // stays inside the quadric the trace starts from)
        vec2 a = abs(u);
        rho = mix(rho, max(max(a.x, a.y), (a.x + a.y) * 0.70711) * 1.08239, c.amp);
    }
    float s = lp.y / k.h;
    float R = sqrt(max((1.0 - s) * (k.al + k.be * s), 0.0));
    float f;
#ifndef SCULPT_NO_SHEER
    // (round 32: SCULPT_SHEER_ONLY, the liquid city's passes, drawn only while liquid > 0 and
    // so always sheer: the column's waist, flutes and rings below are not compiled, which
    // llvmpipe ran, masked, at each of the march's steps and the normal's taps)
#ifdef SCULPT_SHEER_ONLY
    {
#else
    if (c.sheer > 0.0) {
#endif
#ifdef SCULPT_POURED
        return poured_field(lp, k, c, u, s, R, rho);
#endif
        vec2 pr = sheer_plan_profile(u, s, R, c, rho);
        // a sheared crown: the top cut by a plane sloping across the tower
        vec2 q = vec2(c.plan.x * u.x - c.plan.y * u.y, c.plan.y * u.x + c.plan.x * u.y);
#ifdef TOWERS_LIQUID_LOOK
        // (round 32's readers: "no liquid ripple, no liquid quality": the towers' liquid
        // glass sags and swells in long slow waves that lean across each wall, so its
        // silhouettes are a little molten, never ruled straight -- the one wave, deeper and
        // leaning, in place of the straight one: the field is run ~17 times a glass pixel)
        float wave = smooth_wave(0.13 * lp.y + 0.4 * q.x - 0.25 * c.time + 0.45 * k.h);
        float Rs = pr.y * (1.0 - 0.07 * wave);
#else
        // the liquid: a gentle wave running up the walls (a hundredth and a half of the width)
        float wave = smooth_wave(0.21 * lp.y - 0.3 * c.time + 0.37 * k.h);
        float Rs = pr.y * (1.0 - 0.035 * wave);
#endif
        float d = (pr.x - mix(R, Rs, c.amp)) * min(k.r.x, k.r.y);
        float tilt = c.crown * c.amp * c.sheer * k.h * (c.tiers > 0.0 ? 0.15 : 0.12);
        float slope = tilt * q.x - c.crown * c.amp * c.sheer * k.h * (c.tiers > 0.0 ? 0.45 : 0.16);
        // (the slope's height over the plane's distance: on a slender tower the sheared
        // plane rises up to five units a unit across, and unscaled the march stepped through
        // it into the body -- bright bow-ties on the crowns)
        float grad = tilt / min(k.r.x, k.r.y);
        return max(d, (lp.y - min(k.cut, k.h + slope)) * inversesqrt(1.0 + grad * grad));
    }
#endif
#ifndef SCULPT_SHEER_ONLY
    if (c.tiers > 0.0) {
        // terraces: each tier set back from the one below, bulging a little at its middle
        // (round 25: a shoulder over the tier's top fifth read as "stacked tyres": the
        // set-back now flows over the upper three quarters of each tier, so the terraces
        // pour into one another like glass that sagged as it set -- no hard ring)
        float x = s * c.tiers;
        float tier = floor(x);
        float u = x - tier;
        // (round 26: with the octagon's flat walls, "bottle" still in the long taper: the
        // walls rise nearly straight and step back at a short ledge at each tier's top, a
        // set-back building of glass)
        f = 1.0 - 0.12 * (tier + smoothstep(0.78, 1.0, u));
        f *= 0.96 + 0.04 * smooth_wave(u);
    } else {
        // the waist: a smooth pinch (a polynomial bump, no exp)
        float dw = clamp((s - c.waist_s) * 6.0, -1.0, 1.0);
        float bump = (1.0 - dw * dw);
        f = 1.0 - c.waist * bump * bump;
        // the upper body thins to a needle above the waist
        f *= 1.0 - 0.45 * smoothstep(c.waist_s, 1.0, s);
    }
    // the flared foot: pinched a little just above the street
    float fy = clamp((lp.y - 0.75) * 1.4, -1.0, 1.0);
    float fb = 1.0 - fy * fy;
    f *= 1.0 - 0.18 * fb * fb;
    float groove = sculpt_groove(u / max(rho, 1e-4), lp.y, c);
    f *= 1.0 - c.flute * groove;
    // liquid rings running up the skin: a packet of a few, rising with a swell of its own
    // (rings all the way up read as a ribbed larva, not as liquid)
    float ring = smooth_wave(0.573 * lp.y - 0.382 * c.time);
    float swell = smoothstep(0.72, 1.0, smooth_wave(0.051 * lp.y - 0.119 * c.time + 0.159 * k.h));
    f *= 1.0 - 0.06 * ring * swell;
    f = mix(1.0, f, c.amp);
    float d = (rho - R * f) * min(k.r.x, k.r.y);
    // a massive tower's roof: its top tier cut level (a flat crown, not a point)
    float roof = (c.tiers > 0.0) ? k.h * (1.0 - 0.3 * c.amp) : k.h;
    return max(d, lp.y - min(k.cut, roof));
#endif
}

// The body's outward normal at lp, whose field d0 is known (the march's last): three forward
// taps (a fourth, for a tetrahedron, cost the frame 1.6 %).
vec3 sculpt_normal(vec3 lp, float d0, Body k, Carving c, float e) {
    return normalize(vec3(sculpt_field(lp + vec3(e, 0.0, 0.0), k, c),
                          sculpt_field(lp + vec3(0.0, e, 0.0), k, c),
                          sculpt_field(lp + vec3(0.0, 0.0, e), k, c)) - d0);
}

// From the quadric's entry tn to its exit tf along the unit rd (o: the eye relative to the
// foot): where the body is met (t), or, on a miss, where the ray passed closest to it.
// pix: a pixel's width per unit of distance.  cover: how much of the pixel the body covers (1 on a hit; on a miss, from how close the
// ray came, in pixels: the silhouette's antialiasing); d_at: the field there.
// (Steps of 0.75 of the field: the flutes' slope round the column keeps the field's gradient
// under ~1.35, and from the quadric the body is a few steps in.)
float sculpt_march(vec3 o, vec3 rd, Body k, Carving c, float tn, float tf, float pix,
                   out float cover, out float d_at) {
    float t = max(tn, 0.0);
    float best = 1e9;
    float t_best = t;
    float d_best = 0.0;
    bool hit = false;
    for (int i = 0; i < SCULPT_STEPS; ) {
        float d = sculpt_field(o + rd * t, k, c);
        float pw = t * pix;
        float ratio = d / pw;
        bool better = ratio < best;
        t_best = better ? t : t_best;
        d_best = better ? d : d_best;
        best = min(best, ratio);
        hit = d < 0.25 * pw;
        t += hit ? 0.0 : max(0.75 * d, 0.25 * pw);
        if (++i >= SCULPT_STEPS || hit || t > tf) {
            break;
        }
    }
    cover = hit ? 1.0 : clamp(1.0 - best * 1.4, 0.0, 1.0);
    d_at = d_best;
    return t_best;
}
