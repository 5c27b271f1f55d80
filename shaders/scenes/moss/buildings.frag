#version 330 core
// Moss, pass "city": one liquid-glass column round the moss streets, the same glass as the
// city's (towers.glsl): a column held by its own surface tension, its radius swelling and
// tapering with height to a rounded tip (r^2 = (1 - s)(al + be s), s the height over the
// tip's), met exactly in a quadratic inside its box proxy (buildings.vert).  Round 9's reader
// saw "flat black cylinders": the glass is now clear and lit by the moss -- a Fresnel mirror
// of the glowing street and the violet night, a refraction in and out of the column (a lens:
// the pulsing moss behind and beneath it is bent and magnified through it, tinted and
// absorbed with the path), the moss light carried up inside from its foot, a bright rim where
// the round skin turns away and the low moon's streak down it -- all of it beating with the
// heart.  Moss climbs its foot in a soft glowing hem.  In the streets' night fog.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/noise.glsl"
#include "moss.glsl"
#include "mist.glsl"
#include "moon.glsl"
// (round 28's sheer carving, ``liquid``, only in buildings_liquid.frag: the plain columns'
// march compiles no sheer branch -- llvmpipe pays for what it inlines, on or off)
#ifndef MOSS_LIQUID
#define SCULPT_NO_SHEER
#endif
#include "../towers/sculpt.glsl"

uniform int u_frame;
uniform float u_time;
uniform vec2 u_resolution;
uniform float u_cam_tan;
uniform vec3 u_cam_pos;
uniform vec2 u_heart_origin;
uniform float u_heart_phase;
uniform float u_heart_period;
uniform sampler2D u_field;          // the streets' baked clump field (moss_bake.frag): the same moss
#ifdef MOSS_LIQUID
uniform vec2 u_source_origin;       // where the heartbeat's wavefront starts (``front``, ``source``)
#endif
flat in vec4 v_box;                 // half x, top y, half z, seed
flat in vec2 v_centre;              // the column's axis (world xz)
in vec3 v_world;
in float v_pulse;
out vec4 frag_colour;

const float IOR = 1.45;
const vec3 TINT = vec3(0.045, 0.48, 0.69);          // the city's glass tint (#3cb8d8), linear
const vec3 MOON_DIR = vec3(-0.50, 0.42, 0.76);      // the low cold moon the glass catches

// The column's quadric in its frame scaled to unit half widths and unit height:
// |p.xz|^2 = al + kk p.y - be p.y^2.  Returns (a, b, c) of the ray o + t v.
vec3 column_quadratic(vec3 o, vec3 v, float al, float kk, float be) {
    return vec3(dot(v.xz, v.xz) + be * v.y * v.y,
                2.0 * dot(o.xz, v.xz) - kk * v.y + 2.0 * be * o.y * v.y,
                dot(o.xz, o.xz) - al - kk * o.y + be * o.y * o.y);
}

#ifdef MOSS_LIQUID
const float CLIMB_PER_BEAT = 16.0;    // how far up the glass the beat's light climbs in a beat
// The heartbeat climbing the glass (buildings_liquid only): a band of the moss's light at
// the height the wavefront's lub (and, weaker, its dub) has climbed since it passed this
// column's foot.  The band rises CLIMB_PER_BEAT in one beat (the height a view in the
// street sees), its upper edge crisp, a
// softer wake trailing below; it is inside the glass (behind the Fresnel mirror) and lights
// the column's silver edges where it crosses them.
float climb_one(float age, float y, float top, float fp) {
    float yb = age * CLIMB_PER_BEAT;                      // the band's height now
    float w = 0.13 + 1.2 * fp;                            // its half height (never sub-pixel)
    float dy = y - yb;
    float band = exp(-0.5 * dy * dy / (w * w));
    float wake = dy < 0.0 ? 0.18 * exp(dy / (1.8 + fp)) : 0.0;
    return (2.2 * band * w / (w + fp) + wake) * (1.0 - 0.6 * age);              // (fading as it climbs)
}

void climb_band(inout vec3 col, float y, float top, float fp, float fres, float silver,
                float rim, float c_round, vec3 moss) {
    if (u_front <= 0.0) {
        return;
    }
    float r = length(v_centre - u_source_origin);
    float bpu = 1.0 / max(u_front_speed * u_heart_period, 1e-3);
    float a_lub = fract(u_heart_phase - r * bpu);
    float a_dub = fract(u_heart_phase - HEART_DUB_DELAY - r * bpu);
    float c = climb_one(a_lub, y, top, fp) + HEART_DUB_LEVEL * climb_one(a_dub, y, top, fp);
    vec3 hue = mix(moss, vec3(0.35, 1.0, 0.75) * length(moss), 0.35);
    // (a hoop of light inside the glass, not a painted stripe: seen through more glass
    // toward its sides, where the skin turns away, it brightens -- the ring wraps the body)
    float limb = 0.55 + 0.35 / (0.3 + c_round);
    col += hue * c * (0.9 * (1.0 - fres) * limb + 0.8 * rim + 2.5 * silver) * min(u_front, 1.0) * u_liquid;
}
#endif

void main() {
    Heart h = Heart(u_heart_origin, u_heart_phase, u_heart_period, u_spread * 3.0, u_reach * 0.6,
                    u_pulse_width * 1.8);      // (moss.frag's breath through the moss)
    g_moss_grid = 0.0;
    vec3 moss = srgb_to_linear(u_colour.rgb) * u_glow;
    vec3 moss_b = srgb_to_linear(u_colour_b.rgb) * u_glow;
    float moon = clamp(u_glow, 0.0, 1.0);       // (glow 0: the scene's lights are all out)
    float top = v_box.y;
    vec3 scale = vec3(v_box.x, top, v_box.z);
    // the profile (as towers.glsl: widest ring, radius 1, at the height sp)
    float sp = 0.3 + 0.15 * fract(v_box.w * 5.37 + 0.13);
    float be = 1.0 / ((1.0 - sp) * (1.0 - sp));
    float al = (1.0 - 2.0 * sp) * be;
    float kk = be - al;
    vec3 centre = vec3(v_centre.x, 0.0, v_centre.y);
    vec3 d = normalize(v_world - u_cam_pos);
    vec3 o = (u_cam_pos - centre) / scale;
    vec3 v = d / scale;
    vec3 q = column_quadratic(o, v, al, kk, be);
    float disc = q.y * q.y - 4.0 * q.x * q.z;
    float tn = (-q.y - sqrt(max(disc, 0.0))) / (2.0 * q.x);
    float ys = o.y + tn * v.y;
    // Antialiased outline: how far inside the silhouette (the discriminant, smooth across
    // it) and above the street each pixel lies, in pixels (derivatives before any discard).
    float coverage = clamp(0.5 + disc / max(fwidth(disc), 1e-12), 0.0, 1.0)
                   * clamp(0.5 + ys / max(fwidth(ys), 1e-6), 0.0, 1.0);
#ifdef MOSS_LIQUID
    // (round 32's readers at 74.4, 80.2 s: "plain floating cylinders / bare pillars with no
    // contact": the foot ended in a hard level cut over the moss) the foot sinks into the
    // moss: a lumpy, soft-edged line of cushions a hand high grows up round it, so the street's
    // moss shows over its last few centimetres (the ground drawn first shows through)
    {
        vec3 pw = u_cam_pos + d * max(tn, 0.0);
        float fpx = max(tn, 0.0) * 2.0 * u_cam_tan / u_resolution.y;
        vec2 ab = pw.xz - v_centre;
        float around = atan(ab.y, ab.x) * max(v_box.x, 0.3);
        float lump = 0.04 + 0.12 * vnoise(vec2(around * 3.0 + 17.0 * v_box.w, 1.7))
                   + 0.03 * vnoise(vec2(around * 8.0, 4.1));
        coverage *= smoothstep(lump - 0.05 - fpx, lump + 0.05 + fpx, pw.y);
    }
#endif
    // (round 20: "plain acrylic cylinders" -- the column is carved inside its quadric as
    // the city's are (towers/sculpt.glsl): a flared foot, twisting flutes, rings running up
    // it, a waist above its swell; a short trace from the quadric's entry finds the body)
    Body bd = Body(scale.xz, top, al, be, top);
    float t_q = max(tn, 0.0);
    Carving cv = carving(bd, t_q, u_sculpt, u_time);
    // (round 28, ``liquid``: "drinking glasses / plain tubes / bottle-shaped" -- the column is
    // carved as the liquid city's sheer towers are (sculpt.glsl carving_sheer): a chamfered
    // plan rising straight with crisp vertical edges to a fine point or a sheared crown, a
    // gentle wave running up it; a uniform, so every pixel takes the same branch)
    // (compiled only into buildings_liquid.frag, MOSS_LIQUID: the default city pays nothing)
#ifdef MOSS_LIQUID
    if (u_liquid > 0.0) {
        carving_sheer(cv, u_liquid, t_q, u_sculpt);
    }
#endif
    carving_enter(cv, u_cam_pos.y + d.y * t_q);
    float tq_far = (-q.y + sqrt(max(disc, 0.0))) / (2.0 * q.x);
    float pix = 2.0 * u_cam_tan / u_resolution.y;
    float body_cover, d_body;
    float th = sculpt_march(u_cam_pos - centre, d, bd, cv, t_q, tq_far, pix, body_cover, d_body);
    coverage *= body_cover;
    if (coverage <= 0.0 || tn <= 0.0) {
        discard;
    }
    vec3 pl = o + th * v;                                   // the hit, scaled frame
    vec3 world = centre + pl * scale;
    float y = world.y;
    vec3 n = normalize(vec3(2.0 * pl.x / scale.x, (-kk + 2.0 * be * pl.y) / top, 2.0 * pl.z / scale.z));
    vec3 lb = world - centre;
    n = normalize(mix(n, sculpt_normal(lb, d_body, bd, cv, max(0.5 * th * pix, 0.004)), cv.amp));
    vec2 zb = lb.xz / bd.r;
    float groove = sculpt_groove(zb / max(length(zb), 1e-4), lb.y, cv);
    float c_round = max(dot(-d, n), 0.0);       // the carved skin, before its facets
    float dist = length(world - u_cam_pos);
    float fp = dist * 2.0 * u_cam_tan / u_resolution.y;     // world units per pixel

    // Liquid: the skin's normal wavers slowly (a bent mirror and lens; no geometry), faded
    // where its waves shrink toward a pixel so far columns do not sparkle.
    float ang = atan(pl.z, pl.x);
    float across = ang * 0.5 * (scale.x + scale.z);
    float w1 = sin(1.7 * across + 0.45 * y + 1.3 * sin(0.8 * y - 1.1 * across + 6.0 * v_box.w));
    float w2 = sin(0.9 * y - 1.3 * across + 2.0 * v_box.w);
    vec3 tang = normalize(vec3(-n.z, 0.0, n.x) + vec3(1e-4, 0.0, 0.0));
    float fine = 1.0 - smoothstep(0.12, 0.4, fp);
    // Cut glass (round 15: "untextured capsule pillars"): the round skin is cut into FACETS
    // flat faces, each turning the light as one (a facet flashes whole, its neighbour stays
    // dark), their ridges catching a thin line of light; the silhouette stays round and soft.
    const float FACETS = 11.0;
    float fu = (ang / 6.2831853 + 0.5 + v_box.w) * FACETS;
    float fa = (floor(fu) + 0.5) / FACETS * 6.2831853 - 3.14159265 - v_box.w * 6.2831853;
    float nh = length(n.xz);
    vec3 nf = normalize(vec3(cos(fa) * nh, n.y, sin(fa) * nh));
    float radius = length(pl.xz * scale.xz);
    float ridge_d = (0.5 - abs(fract(fu) - 0.5)) * 6.2831853 / FACETS * radius;   // world units
    float ridge = (1.0 - smoothstep(0.0, 0.012 + fp, ridge_d)) * (0.012 / (0.012 + fp));
    // (across a ridge the round normal, which lies between its two facets', over a pixel or
    // two: the facet's edge is antialiased, not a stair of hard steps)
    n = normalize(mix(n, nf, 0.85 * (1.0 - smoothstep(0.2, 0.6, fp)) * smoothstep(0.0, 1.5 * fp, ridge_d)
                         * (1.0 - cv.amp)));
    // (a carved column's flutes take the facets' place: their ridges are its lines of light)
    float groove_px = cv.lobes * fp / (2.0 * max(length(lb.xz), 0.05));
    ridge = mix(ridge, 1.0 - smoothstep(0.0, groove_px + 0.012, groove - 0.063), cv.amp);
#ifdef MOSS_LIQUID
    // (a sheer column has no flutes: its lines of light are the crisp vertical edges where
    // its walls meet their chamfers -- where the plan's two norms, the rectangle's and the
    // chamfer's (sculpt.glsl sheer_plan_profile), are equal -- a pixel wide at any size)
    vec2 qp = vec2(cv.plan.x * zb.x - cv.plan.y * zb.y, cv.plan.y * zb.x + cv.plan.x * zb.y);
    vec2 ap = abs(qp);
    // (the two norms part at 0.43 of a unit a unit along the wall: over it, world units)
    float edge_d = abs(max(ap.x, ap.y) - 0.5657 * (ap.x + ap.y)) * 2.93 * min(bd.r.x, bd.r.y);
    float corner = (1.0 - smoothstep(0.0, 0.01 + fp, edge_d)) * (0.012 / (0.012 + fp));
    ridge = mix(ridge, corner, u_liquid);
#endif
    vec3 nb = normalize(n + (0.07 * w1 * tang + 0.05 * w2 * vec3(0.0, 1.0, 0.0)) * (0.35 + 0.65 * fine));
    float facing = max(dot(-d, nb), 0.0);
    float fres = 0.04 + 0.96 * pow(1.0 - facing, 5.0);

    // The violet night (moss.frag's sky without its stars) and the moon's cold light.
    vec3 night_hi = vec3(0.002, 0.001, 0.010);
    vec3 night_lo = moss * 0.012 + vec3(0.010, 0.006, 0.034);

    // Reflection: the street (its breath and the pulse, blurred) below, the night above.
    vec3 r = reflect(d, nb);
    float down = max(-r.y, 0.02);
    float tg = min(y / down, 60.0);
    vec2 gxz = world.xz + r.xz * tg;
    float pr = heart_pulse(gxz, 0.4 + tg * 0.03, 0.0, h);
    float fr = textureLod(u_field, gxz * 1.6 / MOSS_TILE, 5.0).r;
    vec3 street_r = mix(moss, moss_b, 0.3) * (0.05 + 0.25 * u_rest + 1.1 * pr) * (0.5 + fr) * exp(-tg / 30.0);
    vec3 sky_r = mix(night_lo, night_hi, smoothstep(0.0, 0.5, r.y));
    sky_r += moss_moon_glint(r, u_moon);                    // (round 27: the moon mirrored)
    vec3 refl = mix(sky_r, street_r, smoothstep(0.02, -0.04, r.y));
    refl += vec3(0.75, 0.8, 1.0) * pow(max(dot(r, MOON_DIR), 0.0), 60.0) * 3.0 * moon;

    // Refraction: in at the near skin, across the column (its far root), out at the far
    // skin; the ray then meets the street (the pulsing moss bent through the lens) or the
    // night.  Where it leaves through the column's foot it sees the moss beneath it.
    vec3 rr = refract(d, nb, 1.0 / IOR);
    rr = dot(rr, rr) > 0.0 ? rr : r;
    vec3 vr = rr / scale;
    vec3 q2 = column_quadratic(pl, vr, al, kk, be);
    float tf = (-q2.y + sqrt(max(q2.y * q2.y - 4.0 * q2.x * q2.z, 0.0))) / (2.0 * q2.x);
    // (through the floor inside: stop at the street)
    float t_floor = vr.y < -1e-5 ? -pl.y / vr.y : 1e9;
    float tx = min(max(tf, 0.0), t_floor);
    vec3 pe = pl + tx * vr;
    vec3 exit_w = centre + pe * scale;
    float path = length(exit_w - world);
    vec3 n2 = normalize(vec3(2.0 * pe.x / scale.x, (-kk + 2.0 * be * pe.y) / top, 2.0 * pe.z / scale.z));
    vec3 out_d = refract(rr, -n2, IOR);
    out_d = dot(out_d, out_d) > 0.0 ? out_d : reflect(rr, -n2);
    out_d = tf < t_floor ? out_d : rr;                       // (at the floor: straight down into it)
    float down2 = max(-out_d.y, 0.02);
    float tg2 = min(exit_w.y / down2, 60.0);
    vec2 bxz = exit_w.xz + out_d.xz * tg2;
    float pb = heart_pulse(bxz, 0.3 + tg2 * 0.02, 0.0, h);
    float fb = textureLod(u_field, bxz * 0.5 / MOSS_TILE, 4.5).r;
    float breath = heart_lubdub(u_heart_phase - 0.04, 0.11);
    vec3 street_t = mix(moss, moss_b, 0.25 + 0.3 * fb) * (0.06 + 0.3 * u_rest + 0.05 * breath + 1.3 * pb)
                  * (0.35 + 1.1 * fb) * exp(-tg2 / 25.0);
    vec3 sky_t = mix(night_lo, night_hi, smoothstep(0.0, 0.5, out_d.y));
    sky_t += moss_moon_glint(out_d, u_moon);                // (round 27: the moon seen through)
#ifdef MOSS_LIQUID
    if (u_liquid > 0.0) {
        // (round 34's readers at 73.3 s: "the columns are opaque, not glass / plain
        // extrusions": the moss seen through the column was a dim blur of its light -- now it
        // is the street's own moss, its clumps sharp enough to read bent and magnified through
        // the lens, as bright as the street beside it, sinking into the night's mist far off,
        // the heart's swell running through it)
        // (its mip from the pixel's footprint on that far ground, widened by the lens's
        // squeeze: a fixed fine level speckled the small columns, points of noise)
        float fpg = (dist + tg2) * pix / down2;
        float fs = textureLod(u_field, bxz * 0.8 / MOSS_TILE,
                              max(log2(max(fpg * 0.8 * MOSS_TEXELS / MOSS_TILE, 1e-3)) + 2.0, 3.0)).r;
        float fc = smoothstep(0.1, 0.75, fs);
        vec3 seen = mix(moss, moss_b, 0.2 + 0.4 * fb) * (0.05 + 0.4 * u_rest + 0.1 * breath + 1.8 * pb)
                  * (0.2 + 1.5 * fc) * exp(-tg2 / 40.0);
        vec3 haze = moss_mist(moss / max(u_glow, 1e-4), moss_b / max(u_glow, 1e-4), u_glow);
        seen = mix(seen, haze, u_mist * mist_amount(tg2 + length(exit_w - u_cam_pos)));
        street_t = mix(street_t, seen, u_liquid);
        // the night through the glass: the violet glow over the city low down, as behind it
        sky_t = mix(sky_t, mix(haze * 0.8, sky_t, smoothstep(0.0, 0.03, out_d.y)), u_mist * u_liquid);
    }
#endif
    vec3 trans = mix(sky_t, street_t, smoothstep(0.02, -0.04, out_d.y));
    // Beer-Lambert: the glass lets its cyan through, the longer the path the deeper
    trans *= exp(-path * 0.4 * (1.0 - TINT)) * 0.75;
#ifdef MOSS_LIQUID
    // (thick glass: clear where the path through it is short, the deep edges drinking the
    // red and green out of the light -- a teal that darkens with the path)
    trans *= mix(vec3(1.0), 1.3 * exp(-path * 0.35 * (1.0 - TINT)), u_liquid);
#endif

    vec3 col = trans * (1.0 - fres) + refl * fres * 1.2;
    // the moss light carried up inside the glass from its foot, beating with the pulse,
    // strongest through the thick middle of the column
    float pulse = v_pulse;
    col += mix(moss, TINT, 0.35) * (0.01 + 0.04 * u_rest + 0.35 * pulse) * exp(-y / 1.6) * (0.3 + 0.7 * facing);
    // a rim where the skin turns away: the edge of the glass catching the moss and the moon
    // (wide and soft: a thin bright outline round every column read as drawn lines)
    // (round 25: "milky" columns, a broad lilac sheen down each: the rim and the moon's streak
    // narrowed, so the glass is dark with crisp lines of light at its edges)
    float rim = pow(1.0 - max(dot(-d, n), 0.0), 3.0 + 2.5 * fine);
    // the facets' ridges: thin lines of the moss and the moon, brightest where they turn away
    col += ridge * (moss * (0.06 + 0.5 * pulse) * exp(-y / 6.0) + vec3(0.03, 0.07, 0.16) * moon) * (0.4 + rim);
    col += rim * (moss * (0.03 + 0.35 * pulse) * exp(-y / 5.0) + vec3(0.05, 0.06, 0.13) * smoothstep(0.0, 0.6, n.y + 0.3));
    // (round 28's readers, of the columns and the city's towers alike: "plain tubes",
    // "plastic" -- wanted "crisp thin Fresnel edges, white-silver") a thin silver line where
    // the skin turns away, as the city's liquid glass has, so each column is drawn by its
    // edges of light out of a clear dark body rather than filled with one teal
    // (a line a pixel or two wide at any size: on a round body the outline lies r c^2 / 2
    // from where the skin is seen at cosine c -- the Fresnel term alone, steep at the very
    // edge, gave a sub-pixel sliver)
    float edge_px = 0.5 * length(lb.xz) * c_round * c_round / max(fp, 1e-5);
    // (only on columns more than ~20 pixels across: the far ones, all edge, turned white)
    float silver = exp(-edge_px * edge_px / 2.0) * smoothstep(10.0, 24.0, length(lb.xz) / max(fp, 1e-5));
#ifdef MOSS_LIQUID
    if (u_liquid > 0.0) {
        // (round 33's lead at 74.4 s: "two parallel silver stripes", every reader's "hard
        // white edge lines": the old probe -- the plan sampled where a ray a pixel aside
        // passes nearest the axis -- missed the chamfered plan along a whole wall seen near
        // edge-on and drew it silver top to bottom, a band several pixels wide.  Now the
        // outline is found exactly: the plan is convex, so its silhouette across the view
        // lies at its support -- its furthest corner along the view's sideways axis, scaled
        // to the plan's norm at the hit -- and the sheen is the last pixel inside it, lit
        // only where the skin faces a light: the emerald moon's side, the moss's glow low
        // down, the skin's slow waves breaking it into lengths; elsewhere a faint trace)
        vec2 dh = normalize(d.xz);
        vec2 e_side = vec2(-dh.y, dh.x);
        float n_hit = max(max(ap.x, ap.y), 0.5657 * (ap.x + ap.y));
        float h_sup = 0.0;
        for (int k = 0; k < 4; k++) {
            vec2 vq = (k == 0) ? vec2(1.0, 0.7678) : (k == 1) ? vec2(0.7678, 1.0)
                    : (k == 2) ? vec2(1.0, -0.7678) : vec2(-0.7678, 1.0);
            vec2 vu = vec2(cv.plan.x * vq.x + cv.plan.y * vq.y, -cv.plan.y * vq.x + cv.plan.x * vq.y);
            h_sup = max(h_sup, abs(dot(bd.r * vu, e_side)));
        }
        float sil_px = (h_sup * n_hit - abs(dot(lb.xz, e_side))) / max(fp, 1e-5);
        float outline = 1.0 - smoothstep(0.0, 1.2, sil_px);
        vec2 nh2 = normalize(n.xz + vec2(1e-4, 0.0));
        float to_moon = smoothstep(-0.2, 0.9, dot(nh2, normalize(MOSS_MOON.xz))) * u_moon;
        float to_moss = exp(-y / (0.18 * top + 1.0)) * (0.4 + 1.6 * pulse);
        float ripple = 0.55 + 0.45 * sin(0.7 * y + 2.3 * w2 + 9.0 * v_box.w);
        float lit_edge = clamp(0.12 + (1.1 * to_moon + 1.4 * to_moss) * ripple, 0.0, 1.0);
        silver = mix(silver, outline * lit_edge * smoothstep(10.0, 24.0, length(lb.xz) / max(fp, 1e-5)), u_liquid);
    }
#endif
    col *= 1.0 - 0.25 * (1.0 - silver) * (1.0 - exp(-y / 1.6));
    col += vec3(0.72, 0.78, 0.95) * (0.6 * silver) * (0.4 + 0.6 * smoothstep(0.0, 0.6, n.y + 0.5));
    // the moon's streak down the column, where its round glass turns the light to the eye
    float streak = pow(max(dot(reflect(d, n), MOON_DIR), 0.0), 20.0);
    // (round 27: under the emerald moon ahead, ``moon``, the old moon behind the eye gives
    // way: its broad lilac sheen down the near columns read as milky plastic, a light with no
    // source in the frame; a narrow streak stays)
    streak *= mix(1.0, pow(streak, 3.0), u_moon);
    col += vec3(0.45, 0.5, 0.85) * streak * streak * (2.2 + 1.3 * fine) * moon;
#ifdef MOSS_LIQUID
    if (u_liquid > 0.0) {
        // (round 30's lead at 76.8 s: "the pillars bare extrusions, flat grey sticks") the
        // glass lit as glass: the emerald moon ahead focused by the column into one vertical
        // streak down its body (where the ray through it leaves toward the moon, across only:
        // a cylinder's lens), the moss's emerald light carried high up inside from its foot,
        // and its crown's point catching the moon
        // (across the column, -1..1 from its left outline to its right: the moon's line lies a
        // third of the way in from the side nearer it, a pixel and a half wide at least)
        vec2 dh_m = normalize(d.xz);
        float rad_m = max(length(lb.xz), 1e-3);
        float u_m = dot(lb.xz, vec2(-dh_m.y, dh_m.x)) / rad_m;
        vec3 mh = normalize(vec3(MOSS_MOON.x, 0.0, MOSS_MOON.z));
        float side_m = sign(dot(mh.xz - dh_m * dot(mh.xz, dh_m), vec2(-dh_m.y, dh_m.x)) + 1e-4);
        float sg = max(0.05, 1.5 * fp / rad_m);
        float um = (u_m - 0.4 * side_m) / sg;
        float mstreak = exp(-0.5 * um * um) * (0.05 / max(sg, 0.05)) * (1.0 - fres) * smoothstep(0.05, 0.35, y / top);
        col += mix(MOSS_MOON_TINT, vec3(0.6, 1.0, 0.85), 0.5) * mstreak * 1.0 * u_moon * moon;
        // (round 32's readers at 74.4, 80.2 s: "bare pillars", "give them glass material") a
        // thick glass body: toward its sides the light inside is bent out through the wall
        // (total internal reflection), so just inside each bright outline the body darkens in
        // a band, and its middle, the moss seen bent through it, stands clear between them
        float wall = smoothstep(0.5, 0.92, abs(u_m)) * (1.0 - smoothstep(0.92, 1.0, abs(u_m)));
        col *= 1.0 - 0.5 * wall * (1.0 - silver) * u_liquid;
        col += mix(moss, TINT, 0.1) * (0.01 + 0.02 * u_rest + 0.3 * pulse) * exp(-y / 2.0)
             * (1.0 - fres) * facing * facing * u_liquid;
        // (round 35's brief: "the heartbeat readable at any moment: a pulse of light
        // travelling through the moss and up the glass") when the wavefront (``front``)
        // reaches a column's foot its light climbs the glass: a bright band rising inside
        // the body, a fainter wake below it, the dub's weaker band after it.  The front's
        // age at the column's axis, in beats, sets the band's height: every column is
        // somewhere in its climb at every moment, the nearer ones (reached later) lower.
        climb_band(col, y, top, fp, fres, silver, rim, c_round, moss);
        float tip = exp(-max(top - y, 0.0) / (0.07 * top + 3.0 * fp));
        col += mix(MOSS_MOON_TINT, vec3(0.75, 1.0, 0.9), 0.6) * tip * (0.35 + 1.2 * rim + 0.8 * silver) * moon * u_liquid;
    }
#endif

    // Moss grown over its foot: a soft, lumpy hem of glowing cushions.
    float reach = 0.35 + 0.6 * v_box.w;
    float lumps = vnoise(vec2(across * 1.3 + 13.0 * v_box.w, 0.5));
    float hem = reach * (0.55 + 0.9 * lumps);
    // (a glow that thins up into the glass, not a band with an edge: round 10's first
    // hem read as a cuff)
    float mantle = 1.0 - smoothstep(0.15 * hem - fp, hem + 0.15 + fp, y);
    mantle *= mantle;
    float fade = 1.0 - smoothstep(0.06, 0.2, fp);
    float cushions = mix(0.55, 0.3 + 0.7 * vnoise(vec2(across, y) * 3.2), fade);
    vec3 hem_col = moss * (0.08 + 0.2 * u_rest + 1.3 * pulse) * (0.3 + 1.0 * cushions)
                 * (1.0 + 0.6 * exp(-max(hem - y, 0.0) / 0.12));
    col = mix(col, hem_col, mantle * 0.8);

    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.010 * (0.5 + u_rest) + vec3(0.004, 0.003, 0.014);
    col = mix(col, horizon, 0.45 * (1.0 - exp(-pow(dist / 70.0, 2.0))));
    // the low mist (as moss.frag): thickest at the foot, the column's head above it clearer
    col = mix(col, moss_mist(moss / max(u_glow, 1e-4), moss_b / max(u_glow, 1e-4), u_glow),
              u_mist * mist_amount(dist) * mix(0.8, 0.3, smoothstep(0.0, 14.0, y)));
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), coverage);
}
