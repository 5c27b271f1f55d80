#version 330 core
// The syringe of liquid starlight: offered, then refused.
//
// One full-screen pass, all analytic (no march, no texture): the dark where the Serenes watch
// (soft hooded shadows with lidless mercury eyes), the syringe as bodies of revolution
// seen side on (syringe.glsl), the starlight inside it (drifting stars in two depths over a
// glowing swirl), the needle's moonlight glint with its four-pointed flare, and, as the offer
// is refused, the starlight spilling from the needle into a double helix of gold (joy) and
// indigo (despair). The transform, the glint's travel and every phase arrive from Python
// (scenes/syringe.py), wrapped, so long shows keep their precision.
#include <visuals/params>
#include <lib/common.glsl>
#include <lib/hash.glsl>
#include <lib/noise.glsl>
#include <lib/colour.glsl>
#include <lib/dither.glsl>
#include <lib/sdf.glsl>
#include "syringe.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform int u_seed;
uniform vec4 u_xf;          // syringe centre (xy, screen units), cos and sin of its tilt
uniform float u_scale;      // syringe units -> screen units
uniform vec2 u_tip;         // the needle's point on screen
uniform float u_flow;       // the starlight's drift along the barrel (wrapped)
uniform float u_glint_x;    // where the travelling glint is on the needle (syringe x)
uniform float u_glint_now;      // the glint's strength now (pulses)
uniform float u_light;      // how bright the starlight is (dims as it is refused)
uniform float u_level;      // syringe x of the liquid's back (the stopper, or the drained level)
uniform vec4 u_spill;       // axis direction (xy), grown length, phase
uniform vec2 u_spill_from;  // where the spilled starlight lies, the helix rising from it
uniform float u_eyes_on;    // how present the watching eyes are
uniform float u_twinkle;    // twinkle phase (wrapped)

out vec4 frag_colour;

const vec3 MOON = vec3(0.78, 0.88, 1.0);
const vec3 JOY = vec3(1.0, 0.62, 0.22);
const vec3 DESPAIR = vec3(0.28, 0.34, 1.0);

// One star per cell, its light as a soft point of `px` radius; cells in syringe units. The
// glow around a star is windowed to die out before the nearest cell wall (a star lies at least
// a fifth of a cell from it): one star per cell, so a glow reaching past the wall would be cut
// square there -- the "pixel squares" the liquid once showed.
vec3 star_layer(vec2 q, float cell, int stream, float px) {
    vec2 g = q / cell;
    ivec2 id = ivec2(floor(g));
    vec3 h = hash3i(ivec3(id, stream + u_seed * 7));
    vec2 c = (vec2(id) + 0.2 + 0.6 * h.xy) * cell;
    float d2 = dot(q - c, q - c);
    float b = sy_pow12(h.z) * sy_sq(sy_sq(h.z)) * sy_sq(h.z) * (0.65 + 0.35 * sin(TAU * (u_twinkle + h.x * 7.0)));
    vec3 tint = mix(vec3(0.75, 0.85, 1.0), vec3(1.0, 0.85, 0.6), step(0.7, h.y));
    float r = max(px * 0.8, cell * 0.05);
    float window = sy_sq(max(1.0 - d2 / sy_sq(0.2 * cell), 0.0));
    return tint * b * (exp(-d2 / (r * r)) * 9.0 + window * 0.8);
}

// A Serene's silhouette about its eyes (at 0): tall and veiled -- the veil falls from a hood
// over the head in one soft line to the shoulders and on to the ground, widening (no neck,
// no separate head: a draped shape, not a doll).
float serene_sd(vec2 q) {
    float hood = length((q - vec2(0.0, 0.012)) * vec2(1.0, 0.78)) - 0.05;
    float fall = clamp(-q.y + 0.02, 0.0, 2.0);
    float half_w = 0.05 + 0.11 * sqrt(fall) + 0.04 * fall;
    float robe = max(abs(q.x) - half_w, q.y - 0.0);
    return smin(hood, robe, 0.05);
}

// The dark where the offer is made: near black, a violet breath behind the syringe, and the
// Serenes who offer it, soft shadows with lidless eyes of mercury, watching.
vec3 background(vec2 p) {
    vec3 col = vec3(0.004, 0.003, 0.010);
    vec2 c = u_xf.xy;
    col += vec3(0.045, 0.018, 0.10) * exp(-5.0 * dot(p - c, p - c)) * (0.35 + 0.65 * u_light);
    col += vec3(0.002, 0.012, 0.012) * smoothstep(0.0, -0.5, p.y);
    // A high violet haze, so that the Serenes stand against something.
    col += vec3(0.010, 0.005, 0.026) * smoothstep(-0.2, 0.45, p.y) * (1.0 - smoothstep(0.3, 0.95, abs(p.x)));
    // The Serenes who offer it: tall shadows, graceful and still, candlelight on one edge, and
    // their lidless eyes of mercury, watching.
    for (int i = 0; i < 2; ++i) {
        vec3 h = hash3i(ivec3(i, 57, u_seed));
        vec2 o = vec2(mix(-0.75, 0.75, (float(i) + 0.3 + 0.4 * h.x) / 2.0), 0.22 + 0.16 * h.y);
        float figure = serene_sd(p - o);
        // soft-edged, darker than the haze, the veil's long folds faintly lit; a candle burns
        // low in front of each, its warm light on the front of the veil, fading upwards
        float body = smoothstep(0.03, -0.03, figure) * smoothstep(-0.85, -0.1, p.y - o.y);
        vec2 cpos = o + vec2(0.03 - 0.06 * h.z, -0.36);
        vec2 cd = p - cpos;
        float candle_light = exp(-length(cd * vec2(1.2, 0.8)) / 0.11);
        float folds = 0.75 + 0.25 * sin((p.x - o.x) / (0.03 + 0.2 * max(o.y - p.y, 0.0)) * 6.0 + h.x * 6.0);
        vec3 veil = col * 0.25 + vec3(0.5, 0.2, 0.06) * candle_light * folds * 0.35;
        col = mix(col, veil, body * u_eyes_on);
        // the candle itself: a small flame on a pale stub, and its glow in the dark
        float flicker = 0.85 + 0.15 * sin(u_twinkle * TAU * 7.0 + h.y * 20.0);
        vec2 fd = (cd - vec2(0.0, 0.012)) * vec2(1.0, 0.45);
        float flame = exp(-dot(fd, fd) / 0.00004) * flicker;
        float stub = step(abs(cd.x), 0.006) * step(cd.y, 0.0) * step(-0.05, cd.y);
        col += (vec3(1.6, 0.85, 0.3) * flame + vec3(0.08, 0.035, 0.01) * exp(-length(cd) / 0.06) * flicker) * u_eyes_on;
        col = mix(col, vec3(0.16, 0.12, 0.09) * (0.5 + candle_light), stub * u_eyes_on);
        float gap = 0.035 + 0.01 * h.z;
        float r = 0.011;
        for (int e = 0; e < 2; ++e) {
            vec2 d = p - o - vec2((float(e) - 0.5) * gap, 0.0);
            float l = length(d);
            float orb = smoothstep(r, r - 0.003, l);
            float u = clamp(l / r, 0.0, 1.0);
            vec3 metal = mix(vec3(0.16, 0.18, 0.22), vec3(0.015, 0.018, 0.025), u * u);
            metal += 0.7 * exp(-dot(d - vec2(-0.3, 0.35) * r, d - vec2(-0.3, 0.35) * r) / (0.08 * r * r));
            col = mix(col, metal, orb * u_eyes_on);
            col += vec3(0.35, 0.4, 0.5) * 0.02 * u_eyes_on * exp(-l / 0.025);
        }
    }
    return col;
}

// The starlight spilled and refused: it lies in a pool of light on the ground, away from the
// syringe, and rises out of it -- two strands winding upwards, gold and indigo, the nearer
// strand brighter and wider, rungs between them, beads of light climbing it (not streaming
// from the needle: that would read as the injection refused). Returns linear light.
vec3 helix(vec2 p) {
    vec2 a = u_spill.xy;
    vec2 n = vec2(-a.y, a.x);
    vec2 d = p - u_spill_from;
    float s = dot(d, a);
    float w = dot(d, n);
    float len = u_spill.z;
    float env = smoothstep(0.0, 0.04, s) * smoothstep(len, len - 0.12, s);
    float amp = 0.105 * smoothstep(0.0, 0.3, s) * (1.0 - 0.25 * smoothstep(0.4, 1.2, s));   // (it opens out of the pool, a column the frame's height)
    float k = TAU / 0.36;
    vec3 col = vec3(0.0);
    for (int i = 0; i < 2; ++i) {
        float ph = k * s - u_spill.w + float(i) * PI;
        float off = amp * sin(ph);
        float depth = cos(ph);
        float slope = amp * k * depth;
        float dist = abs(w - off) / sqrt(1.0 + slope * slope);
        float width = 0.005 + 0.0055 * (0.5 + 0.5 * depth);     // the nearer strand wider
        float core = exp(-sy_sq(dist / width));
        float halo = exp(-dist / 0.045) * 0.3;
        // (beyond the column the slope-corrected distance underestimates: the glow is held to
        // the helix's envelope, or it smears sideways at the crossings)
        halo *= exp(-sy_sq(max(abs(w) - amp, 0.0) / 0.035));
        float bead = sy_pow12(0.5 + 0.5 * sin(s * 60.0 - u_spill.w * 3.0 + float(i) * 2.0));
        vec3 tint = i == 0 ? JOY : DESPAIR;
        col += tint * (core * (1.4 + 2.5 * bead) + halo) * (0.2 + 0.8 * (0.5 + 0.5 * depth));
    }
    // Rungs: the pairs joining the strands, where the strands are wide apart.
    float spacing = 0.045;
    float rs = (fract(s / spacing) - 0.5) * spacing;
    float rung = exp(-sy_sq(rs / 0.003)) * step(abs(w), abs(amp * sin(k * round(s / spacing) * spacing - u_spill.w)));
    col += mix(DESPAIR, JOY, 0.5 + 0.5 * w / max(amp, 1e-3)) * rung * 0.45;
    // the spilled light it rises from: a low glow on the ground
    vec2 g = (p - u_spill_from) * vec2(1.0, 4.0);
    float pool = exp(-dot(g, g) / 0.02) * smoothstep(0.0, 0.2, len);
    return col * env + mix(DESPAIR, JOY, 0.45) * pool * 0.6;
}

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    float px = 1.0 / (u_resolution.y * u_scale);        // one pixel in syringe units
    // Into the syringe's frame.
    vec2 d = (p - u_xf.xy) / u_scale;
    vec2 q = vec2(dot(d, u_xf.zw), dot(d, vec2(-u_xf.w, u_xf.z)));

    vec3 col = background(p);

    // -- plunger: rod, thumb pad, stopper (behind the glass, seen through it) --------------
    float rod = aa_fill(sy_part(q, 0.020, -0.80, SY_STOPPER - 0.03));
    float pad = aa_fill(sy_part(q, SY_R * 1.15, -0.83, -0.80));
    vec3 plastic = vec3(0.07, 0.075, 0.09) + 0.35 * MOON * sy_studio(q.y / 0.020) * 0.4;
    col = mix(col, plastic, rod * 0.9);
    col = mix(col, vec3(0.05, 0.05, 0.06) + 0.5 * MOON * sy_studio(q.y / (SY_R * 1.15)) * 0.3, pad);

    // -- the starlight inside the glass -----------------------------------------------------
    float rg = sy_glass_r(q.x);
    float ri = max(rg - 0.008, 0.0);
    float inside = aa_fill(sy_part(q, ri, u_level, SY_HUB0 - 0.006));
    float ul = clamp(q.y / max(ri, 1e-4), -1.0, 1.0);
    float depth = sqrt(max(1.0 - ul * ul, 0.0));        // path length through the liquid
    vec2 lq = vec2(q.x - u_flow, q.y);
    // A smooth glowing fluid: slow luminous currents (a warped, low-frequency field -- no
    // cell noise, nothing with edges), brightest along the axis where the light crosses the
    // most liquid, and a milky-way of fine stars suspended in it.
    float tw = TAU * u_twinkle;
    float cur = sin(lq.x * 11.0 + 2.4 * sin(q.y * 38.0 + lq.x * 4.0 + sin(tw)) + 0.9 * sin(lq.x * 27.0 - tw));
    float swirl = fbm(vec2(lq.x * 4.0, q.y * 10.0 + 0.6 * cur), 2);
    float vein = smoothstep(0.25, 0.95, 0.55 * swirl + 0.45 * (0.5 + 0.5 * cur));
    vec3 starlight = vec3(0.010, 0.016, 0.11) * (0.3 + 1.7 * depth)
                   + vec3(0.32, 0.20, 0.95) * vein * vein * vein * 1.5 * depth
                   + vec3(0.55, 0.80, 1.0) * sy_sq(sy_sq(depth)) * 0.22 * (0.2 + 1.4 * vein);
    starlight += star_layer(lq, 0.011, 1, px) * (0.5 + 0.5 * depth);
    starlight += star_layer(vec2(q.x - 0.6 * u_flow, q.y) * 1.6 + 3.1, 0.011, 2, px * 1.6) * 0.55 * (0.4 + vein);
    float stopper = aa_fill(sy_part(q, ri, SY_STOPPER - 0.035, SY_STOPPER));
    vec3 rubber = vec3(0.012, 0.01, 0.014) + 0.06 * sy_studio(ul);
    rubber *= 0.6 + 0.4 * step(0.006, abs(q.x - (SY_STOPPER - 0.018)));
    col = mix(col, rubber, stopper);
    col = mix(col, starlight * u_light, inside);
    // The liquid's own light on the glass around it.
    vec2 toseg = vec2(q.x - clamp(q.x, u_level, SY_BARREL1), max(abs(q.y) - SY_R, 0.0));
    col += vec3(0.10, 0.12, 0.45) * u_light * exp(-length(toseg) / 0.06) * 0.4;

    // -- the glass barrel and shoulder ------------------------------------------------------
    float glass = aa_fill(sy_part(q, rg, SY_BARREL0, SY_HUB0));
    float ug = clamp(q.y / max(rg, 1e-4), -1.0, 1.0);
    float fres = sy_fresnel(ug, 0.04);
    vec3 refl = MOON * (0.08 + 1.1 * sy_studio(ug)) * (0.25 + 0.75 * fres);
    // Graduation marks printed on the glass: every 0.05, longer every 0.25.
    float gx = (fract((q.x - SY_BARREL0) / 0.05 + 0.5) - 0.5) * 0.05;
    float major = step(0.9, fract((q.x - SY_BARREL0) / 0.25 + 0.1));
    float mark = exp(-sy_sq(gx / max(px * 0.9, 0.0012)))
               * step(q.y, -0.015) * step(-0.035 - 0.02 * major, q.y)
               * step(SY_BARREL0 + 0.06, q.x) * step(q.x, SY_BARREL1 - 0.02);
    refl += vec3(0.55, 0.6, 0.7) * mark * 0.35;
    float edge = smoothstep(0.86, 1.0, abs(ug));
    col = mix(col, col * 0.82 + refl + MOON * 0.12 * edge, glass);
    // The finger flange.
    float flange = aa_fill(sy_part(q, SY_R * 1.75, SY_BARREL0 - 0.022, SY_BARREL0));
    col = mix(col, vec3(0.05, 0.055, 0.07) + MOON * 0.5 * sy_studio(q.y / (SY_R * 1.75)), flange * 0.92);

    // -- hub and needle: cold steel, the shard of moonlight ---------------------------------
    float hub = aa_fill(sy_part(q, SY_HUB_R, SY_HUB0, SY_HUB1));
    vec3 steel = vec3(0.06, 0.065, 0.08) + MOON * 0.9 * sy_studio(q.y / SY_HUB_R);
    col = mix(col, steel, hub);
    float rn = sy_needle_r(q.x);
    float dn = sy_part(q, rn, SY_HUB1, SY_TIP);
    float needle = clamp(0.5 - dn / max(px, 1e-5), 0.0, 1.0);
    float un = clamp(q.y / max(rn, px), -1.0, 1.0);
    float glint = exp(-sy_sq((q.x - u_glint_x) / 0.05)) * u_glint_now;
    vec3 needle_col = MOON * (0.15 + 1.3 * sy_studio(un) + 5.0 * glint);
    col = mix(col, needle_col, needle);
    // Light along the steel: the needle shines a little wider than it is thin.
    float along = smoothstep(SY_HUB1, SY_TIP, q.x);
    col += MOON * exp(-max(abs(q.y) - rn, 0.0) / (1.5 * px)) * step(SY_HUB1, q.x) * step(q.x, SY_TIP)
           * (0.12 + 1.2 * glint) * (0.5 + 0.5 * along);

    // -- the glint at the point: a shard of moonlight --------------------------------------
    // A long thin sliver of light along the needle's own axis (running back along the steel
    // and on past the point), a short one across it, and two faint slanted ones: a glint on
    // a blade, not a screen-aligned lens-flare star.
    vec2 f = (p - u_tip);
    vec2 fn = vec2(dot(f, u_xf.zw), dot(f, vec2(-u_xf.w, u_xf.z)));
    float fl = u_glint_now * 0.6 + 0.25 * u_light;
    float rays = exp(-abs(fn.y) / 0.0016) * exp(-abs(fn.x) / (fn.x < 0.0 ? 0.16 : 0.07))
               + 0.55 * exp(-abs(fn.x) / 0.0018) * exp(-abs(fn.y) / 0.035);
    vec2 fr = vec2(fn.x * 0.94 + fn.y * 0.34, fn.y * 0.94 - fn.x * 0.34);
    rays += 0.25 * exp(-abs(fr.y) / 0.0014) * exp(-abs(fr.x) / 0.03);
    fr = vec2(fn.x * 0.94 - fn.y * 0.34, fn.y * 0.94 + fn.x * 0.34);
    rays += 0.25 * exp(-abs(fr.y) / 0.0014) * exp(-abs(fr.x) / 0.03);
    float core = exp(-dot(f, f) / (0.006 * 0.006));
    col += MOON * fl * (1.3 * rays + 2.5 * core);
    // A bead of starlight hanging at the point.
    float drop = smoothstep(0.013, 0.008, length(f + vec2(0.0, 0.008)));
    col += vec3(0.5, 0.6, 1.0) * drop * u_light * 1.2;

    // -- the refusal: spilled starlight winds into the double helix -------------------------
    col += helix(p);

    // true blacks at the edges of the frame
    col *= 1.0 - 0.7 * smoothstep(0.45, 1.05, length(p * vec2(0.75, 1.0)));

    // -- out: tonemap, encode, dither ------------------------------------------------------
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), 1.0);
}
