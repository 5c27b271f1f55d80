#version 330 core
// The syringe of liquid starlight: offered, then refused.
//
// One full-screen pass, all analytic (no march, no texture): the hall where the Serenes watch
// (veiled figures against the horizon's haze on a glossy floor, lidless mercury eyes), the
// syringe as bodies of revolution
// seen side on (syringe.glsl), the starlight inside it (drifting stars in two depths over a
// glowing swirl), the needle's moonlight glint with its four-pointed flare, and, as the offer
// is refused, the starlight dripping from the needle, running along the floor and rising from
// its pool as a double helix of gold (joy) and indigo (despair). The transform, the glint's travel and every phase arrive from Python
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
uniform float u_throw;      // how much of its light it throws on the hall (round 29: refused, the glass
                            // stays full and bright, but its light draws in: the floor and air go dark)
uniform float u_level;      // syringe x of the liquid's back (the stopper, or the drained level)
uniform vec4 u_spill;       // axis direction (xy), grown length, phase
uniform vec2 u_spill_from;  // where the spilled starlight lies, the helix rising from it
uniform float u_eyes_on;    // how present the watching eyes are
uniform float u_twinkle;    // twinkle phase (wrapped)
uniform vec3 u_drip;        // the floor's y under the needle, how strongly it drips, the drips' phase
uniform float u_defocus;    // the macro lens's blur of the hall behind the syringe (screen units)
uniform float u_hall;       // the hall's air (round 26: it darkens as the starlight is refused, 1: as offered)
uniform vec3 u_view;        // the camera's push (round 26): the scene's point at the frame's centre (xy), zoom (z)
uniform float u_near_blur;  // (round 34) the macro lens's blur of the syringe's near end, syringe units at the plunger
uniform vec4 u_offerer;     // (round 34) the Serene who holds it out: eyes' centre (xy), size, presence

out vec4 frag_colour;

// A screen offset d (in syringe units) turned into the syringe's own axes: x along the barrel
// toward the needle, y across it.  The hall's glass, its caustic, its glints and its mirror
// image all measure the syringe this way.
vec2 to_syringe_axes(vec2 d) {
    return vec2(dot(d, u_xf.zw), dot(d, vec2(-u_xf.w, u_xf.z)));
}

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

// A Serene's silhouette about its eyes (at 0): tall and veiled -- a narrow hood over the head,
// the veil falling from it over sloping shoulders in one soft line and flaring only near the
// ground (round 10's reader: "tombstone-shaped": the figure is now three times as tall as it
// is wide, and narrows at the shoulders).
float serene_sd(vec2 q) {
    float hood = length((q - vec2(0.0, 0.01)) * vec2(1.0, 0.62)) - 0.03;
    // the veil falls from the hood close round the neck, over the shoulders (wider than the
    // head: a figure, not a tombstone) and down, flaring a little to the ground
    float half_w = 0.021 + 0.036 * smoothstep(-0.025, -0.1, q.y) + 0.05 * max(-q.y - 0.1, 0.0);
    float robe = max(abs(q.x) - half_w, q.y + 0.01);
    return smin(hood, robe, 0.02);
}

const float HORIZON = -0.08;            // where the dark floor meets the far haze (screen y)
const vec3 HAZE = vec3(0.050, 0.024, 0.105);
const float HALL_KNEE = 0.08;           // (round 35) the hall's grade: light below this sinks towards black

// The light that falls into the hall (round 34's readers at 144.7 s: "uniform purple fog",
// "a flat purple wash"): shafts from one high window beyond the frame's upper left, fanning
// out as they fall (so measured by their slope from that source, not parallel stripes), broken
// into beams of uneven width and strength, fading with the distance they fall.
const vec2 SHAFT_SRC = vec2(-0.55, 1.35);
float g_shafts = 0.0;       // the shafts where far_air last looked (the pixel itself, above the horizon): dust() reuses it
float shafts_at(vec2 p) {
    vec2 d = p - SHAFT_SRC;
    float slope = d.x / max(-d.y, 0.05);
    float beams = sy_sq(sy_sq(0.5 + 0.5 * sin(slope * 9.0 + 0.7))) * 0.8
                + sy_pow12(0.5 + 0.5 * sin(slope * 23.0 + 2.1)) * 0.6
                + sy_sq(0.5 + 0.5 * sin(slope * 4.0 - 0.4)) * 0.25;
    return beams * exp(-max(-d.y - 0.9, 0.0) * 0.9);
}

// The far city in the mist beyond the hall (round 34's readers at 144.7 s: "the spires are flat
// 2D triangles with mirrored copies (placeholder look)").  Four rows of the Serenes' liquid-glass
// towers, far to near: round columns with domed crowns, their sides swelling and easing in
// slow ripples that travel up them, each a lens of glass -- dark where its body is thickest,
// the haze behind showing through its faces brighter towards the middle, a bright rim where it
// turns from the window's light, a long specular streak down its lit side -- the farther rows
// lost in the mist, which lies in banks (not one even wash) and is lit by the shafts.
// `above`: height over the horizon.  px: a pixel (or the blur), in screen units.
vec3 far_air(vec2 p, float above, float px) {
    float banks = vnoise(vec2(p.x * 2.2 + u_flow * 3.0, above * 5.0 - u_flow * 2.0));
    // (the haze low and in banks, the air above it going to night: true blacks at the top)
    // (round 34, follow-up: the low haze itself lighter in the shafts, darker between)
    float sh0 = shafts_at(vec2(p.x, HORIZON + 0.03));
    float gaps = 0.15 + 1.7 * sh0;            // (the mist between the towers: lit in the shafts, dark between)
    // (round 35, follow-up: "the horizon a flat lilac band" -- the haze in banks with true darks
    // between them: the dim mist squared down, the lit banks and the shafts' light kept)
    vec3 col = mix(HAZE * (0.08 + 0.85 * banks * banks) * (0.3 + 1.45 * sh0), vec3(0.0015, 0.0012, 0.005), smoothstep(0.0, 0.32, above));
    float sh = shafts_at(vec2(p.x, HORIZON + above));
    g_shafts = sh;
    // (round 34, follow-up: "a straight hard purple band across the frame" -- the horizon's
    // glow is mist in banks with depth: its top rising and falling along the hall, lighter
    // where a shaft reaches it, darker between, no even line of light)
    float crest = 0.035 + 0.05 * vnoise(vec2(p.x * 3.1 - u_flow * 5.0, 1.7)) + 0.04 * sh0;   // the bank's height here
    float lit = 0.15 + 1.4 * sh0;
    col += vec3(0.05, 0.03, 0.10) * exp(-sy_sq((above - 0.5 * crest) / crest)) * 0.6 * lit;
    col += vec3(0.09, 0.05, 0.2) * exp(-max(above, 0.0) / (0.08 + 1.6 * crest)) * (0.12 + 0.7 * lit) * (1.0 - 0.4 * u_grade);   // (round 35, graded: "washy" -- less of the even glow, the shafts' light kept)
    for (int layer = 3; layer >= 0; --layer) {
        float fl = float(layer);
        float dens = layer == 0 ? 2.6 : (layer == 1 ? 5.0 : (layer == 2 ? 9.0 : 16.0));
        float x = p.x * dens + 3.7 + 7.5 * fl;
        float cell = floor(x);
        float f = x - cell - 0.5;
        vec3 h = hash3i(ivec3(int(cell), 40 + layer, u_seed));
        float tall = layer == 0 ? 0.36 + 0.34 * h.y : (layer == 1 ? 0.18 + 0.28 * h.y * h.y : (layer == 2 ? 0.10 + 0.15 * h.y : 0.05 + 0.08 * h.y));
        // (the nearest row only out to the sides, never behind the barrel, and clear of the
        // two Serenes' own air, so they stand against open haze: background())
        float cx = (cell + 0.5 - 3.7 - 7.5 * fl) / dens;
        float clear = step(0.22, abs(cx + 0.70)) * step(0.22, abs(cx - 0.74));
        float keep = layer == 0 ? step(0.45, h.z) * step(0.35, abs(cx)) * clear : step(0.35, h.z);
        float top = tall * keep;
        float up = clamp(above / max(top, 1e-3), 0.0, 1.0);
        // a column, narrowing a little as it rises, its sides rippling (a slow wave climbing
        // the liquid glass), its crown a tall dome
        float ripple = layer < 2 ? 1.0 + 0.07 * sin(above * (70.0 - 12.0 * fl) - u_flow * 60.0 + TAU * h.x) : 1.0;   // (the far rows too small to show it)
        float half_w = (0.13 + 0.1 * h.x) * (1.0 - 0.3 * up) * ripple;
        float crown = half_w * 5.5 / dens;                          // the crown's height, screen units
        float into = max(above - (top - crown), 0.0) / crown;
        half_w *= max(1.0 - into * into, 0.0) * (0.85 + 0.15 * sqrt(max(1.0 - into, 0.0)));   // (a drawn-out drop, not a dome)
        float fx = f - 0.25 * (h.z - 0.5);
        float dist = (abs(fx) - half_w) / dens;
        float cover = smoothstep(px, -px, dist) * step(into, 1.0) * step(0.0, above + 0.02) * keep;
        float mist = layer == 0 ? 0.05 : (layer == 1 ? 0.28 : (layer == 2 ? 0.58 : 0.8));
        // the glass, a lens: across -1..1, its surface normal turning with it
        float across = clamp(fx / max(half_w, 1e-3), -1.0, 1.0);
        float nz = sqrt(max(1.0 - across * across, 0.0));
        float thick = nz;                                            // the path through it
        vec3 seen = col * (0.25 + 0.8 * nz * nz) + HAZE * 0.35 * nz;  // what is behind, gathered by the lens
        vec3 glass = seen * exp(-vec3(3.6, 3.9, 2.0) * thick) + vec3(0.002, 0.0015, 0.006);
        // the window's light from the upper left: a rim where the glass turns from it, a
        // long specular streak down its lit face, both stronger in the shafts
        float lightk = 0.35 + 1.4 * sh;
        float rim = sy_sq(sy_sq(1.0 - nz)) * (across < 0.0 ? 1.0 : 0.35);
        float streak = exp(-sy_sq((across + 0.5) / 0.12)) * (0.3 + 0.7 * up);
        // (out of focus behind the macro syringe a thin line of light spreads and dims:
        // its light over the width of the blur)
        float thin = 0.3 * half_w / dens;
        glass += vec3(0.20, 0.19, 0.36) * (rim * 0.9 + streak * 0.55) * lightk * thin / (thin + 1.5 * px);
        glass = mix(glass, col * 0.9 + HAZE * 0.3 * gaps, mist);
        col = mix(col, glass, cover);
        // mist between the rows: each row stands in more air than the one before it
        col = mix(col, HAZE * (0.9 + 0.6 * banks) * gaps, 0.12 * exp(-max(above, 0.0) / (0.06 + 0.05 * fl)));
    }
    // two more Serenes far off, half lost in the mist (no eyes to be seen at this distance)
    float far_fig = min(serene_sd((vec2(p.x, HORIZON + above) - vec2(-0.42, 0.03)) / 0.52),
                        serene_sd((vec2(p.x, HORIZON + above) - vec2(0.5, 0.025)) / 0.46));
    col = mix(col, min(col, HAZE * 0.75), smoothstep(px, -px, far_fig * 0.5) * step(-0.026, above) * u_eyes_on);
    // the mist lying over their feet, in banks, and the shafts of light falling through the air
    // (round 34: "uniform purple fog" -- the mist on the ground bright where a shaft reaches it,
    // dim between: the light falls through the air onto it)
    // (round 34, follow-up) two banks of it, a far low one and a nearer one whose soft top
    // rises and falls along the hall, each lit where a shaft reaches it
    float crest2 = 0.05 + 0.09 * vnoise(vec2(p.x * 1.7 + u_flow * 3.0, 8.1));
    float bank_far = 1.0 - smoothstep(0.0, 1.6 * crest, above);
    float bank_near = 1.0 - smoothstep(0.3 * crest2, 1.2 * crest2, above);
    col += HAZE * (0.06 + 0.75 * banks * banks + 1.2 * sh) * (0.35 * bank_far + 0.5 * bank_near * (0.5 + 0.7 * banks)) * (0.4 + 0.7 * lit);
    col += vec3(0.07, 0.08, 0.15) * sh * (0.4 + 0.9 * banks) * smoothstep(-0.1, 0.15, above) * smoothstep(0.9, 0.1, above);
    return col;
}

// Dust in the shafts of light (round 15: "dust in the light shafts"): motes in two depths,
// one per cell, fixed in the air and drifting slowly with the starlight's flow, lit only
// where a shaft passes -- the near ones larger and softer (out of focus), the far ones points.
vec3 dust(vec2 p) {
    float px = 1.0 / (u_resolution.y * u_view.z);
    float shafts = g_shafts;            // (far_air's, at this pixel above the horizon; dust fades out below it)
    vec3 acc = vec3(0.0);
    for (int layer = 0; layer < 2; ++layer) {
        float cell = layer == 0 ? 0.055 : 0.03;
        float r = layer == 0 ? 0.0035 : 0.0012;
        vec2 q = p / cell + vec2(0.7 * u_flow * (layer == 0 ? 9.0 : 5.0), -0.5 * u_flow * (layer == 0 ? 6.0 : 3.0));
        vec2 c = floor(q);
        vec3 h = hash3i(ivec3(ivec2(c), 70 + layer + 3 * u_seed));
        vec2 at = c + 0.2 + 0.6 * h.xy;
        float d = length(q - at) * cell;
        // (round 34: "uniform dot stars" -- each mote its own size, brightness and tint: most
        // faint, a few larger and bright with a soft glow, a few warm)
        float h4 = sy_sq(sy_sq(fract(h.x * 7.31 + h.y * 3.17)));
        float size = 0.6 + 0.9 * h4;
        float mote = exp(-sy_sq(d / (r * size + px))) * step(0.8, h.z) * (0.45 + 2.2 * h4);
        vec3 tint = mix(vec3(0.55, 0.52, 0.85), vec3(0.9, 0.75, 0.55), step(0.88, fract(h.y * 5.7)));
        acc += tint * mote * (layer == 0 ? 0.35 : 0.6) * (0.6 + 0.4 * sin(TAU * (u_twinkle + h.z * 5.0)));
    }
    return acc * shafts * shafts * 1.5 * smoothstep(HORIZON - 0.05, HORIZON + 0.05, p.y);
}

// The far hall with no walls: the air and the city beyond above, a dark glossy floor that
// mirrors it; the starlight (in the syringe, then spilled) lights the floor beneath it, so
// the syringe, the spill and the helix share one space and one light.
vec3 hall(vec2 p) {
    float above = p.y - HORIZON;
    float px = 1.0 / (u_resolution.y * u_view.z);
    // (round 34's readers: "mirrored copies" -- the floor is wet stone, not a mirror: it gives
    // the air and the towers back broken by slow ripples and smeared down, softer with depth)
    // (round 34, follow-up: its puddles in perspective read as "a tiled / checker pattern of
    // cells" -- now shallow water over dark stone: no cells, the broad soft reflections of the
    // shafts and columns broken by a few slow ripples whose fronts wander (their phase bent by
    // a broad noise, so no regular rows), the water darker towards the frame's bottom)
    float below = max(-above, 0.0);
    float persp = 1.0 / (0.06 + below);                  // depth into the floor
    float bend = snoise(vec2(p.x * 1.3 - u_flow * 4.0, persp * 0.12 + u_flow * 3.0));
    float wave = sin(persp * 1.9 + 2.2 * bend - u_flow * 45.0) * smoothstep(0.0, 0.06, below);
    float ma = above < 0.0 ? below * 1.4 + 0.012 * wave * below : above;
    // (and finer, the water's surface shivering: the reflection's detail jittered sideways,
    // so it gives back the light and the forms, not copies)
    float shiver = above < 0.0 ? snoise(vec2(p.x * 30.0 + 2.0 * wave, persp * 0.45 - u_flow * 8.0)) : 0.0;
    float mx = above < 0.0 ? p.x + 0.02 * wave * below + 0.03 * bend * below + 0.01 * shiver * smoothstep(0.0, 0.03, below) : p.x;
    vec3 col = far_air(vec2(mx, HORIZON + ma), ma, px * 1.4 + u_defocus + (above < 0.0 ? 0.006 + 0.06 * below : 0.0));
    // (round 17's reader: "a stock pharma ad: generic bokeh discs" -- no discs of light in the
    // hall: the far city is only its towers and its glow, blurred by the lens)
    // the shafts from the high window landing on the water as pale pools of light
    float wet = 0.75 + 0.25 * bend;                      // (broad, gentle: a sheen, not puddles)
    float sh = shafts_at(vec2(p.x + 0.9 * below, HORIZON + 0.02)) * smoothstep(0.0, 0.04, below) * exp(-below / 0.2);
    vec3 floor_col = col * (0.55 + 0.15 * wave) * wet * (1.0 - smoothstep(0.0, 0.3, below))
                   + vec3(0.004, 0.004, 0.009) + vec3(0.06, 0.06, 0.13) * sh * wet;
    // (round 34, follow-up: "a straight hard purple band" -- the far floor lies under the
    // same mist as the air just above it, so the ground meets the hall without a line)
    floor_col = mix(floor_col, col, exp(-below / 0.045));
    floor_col *= 1.0 - 0.55 * smoothstep(0.06, 0.42, below);     // darker towards the frame's bottom
    col = mix(col, floor_col, smoothstep(0.004 + u_defocus, -0.004 - u_defocus, above));
    // the starlight in the glass lights the floor beneath it (an ellipse: seen in perspective)
    vec2 under = (p - vec2(u_xf.x, HORIZON - 0.22)) * vec2(0.55, 2.6);
    // (round 35, graded: "the purple background washy" -- a smaller, dimmer pool of it, so the
    // floor round it keeps its blacks)
    col += vec3(0.05, 0.05, 0.22) * u_throw * exp(-dot(under, under) / (0.05 - 0.025 * u_grade)) * step(above, 0.0) * wet * (1.0 - 0.4 * u_grade);
    return col;
}

// The Serene who holds it out (round 34's brief: "the Serenes offering it"): nearer than the
// others, standing behind the syringe as it comes out of the dark, as if holding it out before
// it, and stepping back into the dark as the syringe comes close (u_offerer.w).  Made of
// shadow like the others, its hood's edge catching the haze, its robe lit from the front by
// the starlight it holds, its mercury eyes above the glass.  (No reflection: its feet lie in
// the floor's mist.)
#ifdef SY_OFFERER
vec3 offerer(vec2 p, vec3 col) {
    vec2 o = u_offerer.xy;
    float k = u_offerer.z;
    vec2 q = (p - o) / k;
    float figure = serene_sd(q) * k;
    float soft = 0.005 + 0.5 * u_defocus + 0.03 * smoothstep(0.0, -0.3, q.y);
    float body = smoothstep(soft, -soft, figure) * smoothstep(HORIZON - 0.1, HORIZON + 0.05, p.y);
    float dense = (0.82 + 0.16 * smoothstep(soft, -3.0 * soft, figure)) * (0.9 + 0.1 * sin(q.x * 60.0 + 3.0 * sin(q.y * 8.0)));
    vec3 shade = col * 0.07 + vec3(0.002, 0.001, 0.004);
    float rim = exp(-sy_sq(figure / (0.008 + 0.5 * u_defocus))) * smoothstep(-0.2, 0.02, q.y) * smoothstep(0.02, -0.02, figure);
    shade += vec3(0.12, 0.08, 0.24) * rim;
    // the starlight in the glass before it, on its robe: brightest just behind the barrel
    vec2 to_glass = (p - u_xf.xy) * vec2(0.7, 1.3);
    shade += vec3(0.06, 0.07, 0.22) * u_light * exp(-dot(to_glass, to_glass) / 0.02) * (0.4 + 0.6 * smoothstep(0.0, -0.02, figure));
    col = mix(col, shade, body * dense * u_offerer.w);
    float gap = 0.026 * k;
    float px = 1.0 / (u_resolution.y * u_view.z);
    for (int e = 0; e < 2; ++e) {
        vec2 d = p - o - vec2((float(e) - 0.5) * gap, -0.004 * k);
        float l = length(d * vec2(1.0, 1.6));
        float er = 0.0034 * k;
        float orb = smoothstep(er + px, er - px, l);
        vec2 dh = d + vec2(0.001, -0.001) * k;
        vec3 metal = vec3(0.5, 0.56, 0.7) * (0.2 + 1.0 * exp(-dot(dh, dh) / sy_sq(0.0012 * k)));
        col = mix(col, metal, orb * u_offerer.w);
        col += vec3(0.4, 0.46, 0.6) * 0.05 * u_offerer.w * exp(-l / (0.012 * k));
    }
    return col;
}
#endif

// The Serenes who offer it, far back in the hall: tall shadows standing in the mist (round
// 13's readers: "tombstones", "cardboard cut-outs").  They are made of shadow, not cloth:
// half translucent, their edges blurring like shadows cast by a candle -- sharp only round
// the hood, melting wider towards the ground, where the mist lying on the floor swallows
// them -- with the haze's light caught along the hood and shoulders.  Their faces unseen:
// only two small cold glints of mercury in the hood, lidless, on the syringe.  Their
// reflections lie dim and smeared in the floor.  (Two more stand farther off: far_air.)
vec3 background(vec2 p) {
    // (the macro shot: the lit syringe close, the hall behind it a stop darker, so the frame
    // keeps its true blacks round the brighter, larger glass)
    vec3 col = hall(p) * (1.0 - 22.0 * u_defocus);      // (round 18: "the city washed into purple blur": darker still)
    for (int i = 0; i < 2; ++i) {
        // (round 35's readers at 154 s: "the DNA has an odd small head on top" -- the right
        // Serene's hood stood just over the rising helix.  Once the starlight is refused (the
        // cut back from the close shot hides the change) it stands nearer the refused syringe,
        // clear of the helix, watching the drops fall)
        bool refused = u_spill.z > 1e-4;
        vec2 o = i == 0 ? vec2(-0.70, 0.24) : (refused ? vec2(0.40, 0.22) : vec2(0.74, 0.21));    // (clear of the plunger)
        float k = i == 0 ? 1.6 : (refused ? 1.2 : 1.4);                   // the nearer, the larger
        float on = u_eyes_on;
        float feet = HORIZON - 0.05 * k;
        vec2 q = (p - o) / k;
        float figure = serene_sd(q) * k;
        // the blur of a candle's shadow: it widens with the distance from the hood
        float soft = 0.004 + 0.5 * u_defocus + 0.032 * smoothstep(0.0, -0.35, q.y) + 0.012 * abs(sin(q.y * 9.0 + float(i)));
        float body = smoothstep(soft, -soft, figure) * smoothstep(feet - 0.02, feet + 0.12, p.y);
        // shadow: the air behind darkened, not a painted shape -- denser in the middle
        float dense = 0.8 + 0.19 * smoothstep(soft, -3.0 * soft, figure);   // (round 15: denser, against the brighter far glow)
        dense *= 0.88 + 0.12 * sin(q.x * 70.0 + 3.0 * sin(q.y * 9.0 + float(i)));      // (its folds, faint)
        vec3 shade = col * 0.08 + vec3(0.002, 0.001, 0.004);
        // the haze's light caught on the hood and the shoulders, only where the edge is crisp
        float rim = exp(-sy_sq(figure / (0.007 + 0.5 * u_defocus))) * smoothstep(-0.2, 0.02, q.y) * smoothstep(0.02, -0.02, figure);
        shade += min(vec3(0.12, 0.08, 0.24), col * 2.0) * rim;     // (no brighter than the mist it stands in)
        // (round 29's readers at 153.9 s: "the Serenes blurred cut-outs", "the background a
        // purple blur": they stand lit in the hall -- the starlight, or once refused the helix
        // rising from its spill, rims the edges of their hoods and robes that face it, falling
        // off with the distance; the edge as soft as the lens has it)
        float lip = exp(-sy_sq((figure + 0.006) / (0.01 + 0.5 * u_defocus))) * smoothstep(0.01, -0.02, figure) * smoothstep(-0.45, 0.0, q.y);
        if (lip > 0.002) {          // (the outline's normal only near it: the rest of the frame skips it)
            float hx = serene_sd(q + vec2(0.004, 0.0)) - serene_sd(q - vec2(0.004, 0.0));
            float hy = serene_sd(q + vec2(0.0, 0.004)) - serene_sd(q - vec2(0.0, 0.004));
            vec2 outward = normalize(vec2(hx, hy) + 1e-6);
            float rose = smoothstep(0.0, 0.3, u_spill.z);
            vec2 light_at = mix(u_xf.xy, u_spill_from + vec2(0.0, 0.25), rose);
            vec2 to_light = light_at - p;
            float faces = max(dot(outward, normalize(to_light)), 0.0);
            vec3 light_col = mix(vec3(0.45, 0.55, 1.0) * u_light, mix(DESPAIR, JOY, 0.55), rose);
            shade += light_col * 1.6 * lip * faces / (1.0 + 3.0 * dot(to_light, to_light));
        }
        col = mix(col, shade, body * dense * on);
        // the reflection in the floor: the figure mirrored about its feet, dim and smeared
        vec2 m = vec2(p.x, 2.0 * feet - p.y);
        float mirrored = smoothstep(0.04, -0.04, serene_sd((m - o) / k) * k) * step(p.y, feet);
        col = mix(col, col * 0.45, mirrored * on * smoothstep(feet - 0.3, feet, p.y));
        // the eyes: two small points of cold mercury deep in the hood, each a crisp catch-light
        // with a faint glow in the air round it -- no white, no pupils
        float gap = 0.026 * k;
        for (int e = 0; e < 2; ++e) {
            vec2 d = p - o - vec2((float(e) - 0.5) * gap, -0.004 * k);
            float l = length(d * vec2(1.0, 1.6));
            float px = 1.0 / (u_resolution.y * u_view.z);
            // (out of focus behind the macro syringe: each eye a small soft disc of light)
            float er = 0.0042 * k + 0.3 * u_defocus;
            float orb = smoothstep(er + px + 0.15 * u_defocus, er - px - 0.15 * u_defocus, l);
            vec3 metal = vec3(0.55, 0.62, 0.75) * (0.35 + 1.2 * exp(-dot(d + vec2(0.0012, -0.0012) * k, d + vec2(0.0012, -0.0012) * k) / sy_sq(0.0018 * k)));
            col = mix(col, metal, orb * on);
            col += vec3(0.4, 0.46, 0.6) * 0.05 * on * exp(-l / (0.012 * k));
        }
    }
#ifdef SY_OFFERER
    // (only in the variant drawn while the syringe comes out of the dark; round 35: only round
    // the figure -- its body, rim and eyes' glow die out within 0.3 of it -- so the wide shot
    // that holds it costs no more than the plain pass)
    if (abs(p.x - u_offerer.x) < 0.3 && p.y > HORIZON - 0.11 && p.y < u_offerer.y + 0.2)
        col = offerer(p, col);
#endif
    return col;
}

// The refused starlight drips from the needle's point to the floor and runs along it, a
// rivulet of light, to where it pools and rises as the helix.
vec3 drips(vec2 p) {
    float on = u_drip.y;
    vec3 col = vec3(0.0);
    float fall = u_tip.y - u_drip.x;
    // (the splash where they land is one place: each drip only sets how strongly it shows)
    vec2 sp = (p - vec2(u_tip.x, u_drip.x)) * vec2(1.0, 3.0);
    float splash = exp(-dot(sp, sp) / sy_sq(0.02));
    float splash_sum = 0.0;
    for (int k = 0; k < 3; ++k) {
        float ph = fract(u_drip.z + float(k) / 3.0);
        vec2 c = vec2(u_tip.x, u_tip.y - fall * ph * ph);
        vec2 d = (p - c) * vec2(1.0, 1.0 / (1.0 + 2.5 * ph));          // stretched as it falls
        col += vec3(0.55, 0.65, 1.0) * exp(-dot(d, d) / sy_sq(0.0045)) * 2.0;
        splash_sum += sy_sq(1.0 - ph);
    }
    col += vec3(0.45, 0.45, 1.0) * splash * splash_sum * 0.8;
    // (round 34: "the refusal" never seen -- the starlight spilled unused: each drop that lands
    // sends a ring out across the wet floor, in its perspective)
    for (int k = 0; k < 3; ++k) {
        float age = fract(u_drip.z + float(k) / 3.0);
        float r = 0.008 + 0.07 * sqrt(age);
        float ring = abs(length(sp * vec2(1.0, 1.25)) - r);
        col += vec3(0.5, 0.55, 1.0) * exp(-sy_sq(ring / (0.0025 + 0.004 * age))) * (1.0 - age) * 0.8;     // (follow-up: the older ring kept, on the darker water)
    }
    // the rivulet along the floor, from the drips to the spill, turning gold as it goes
    float x0 = u_tip.x, x1 = u_spill_from.x;
    float along = clamp((p.x - x0) / max(x1 - x0, 1e-3), 0.0, 1.0);
    float wander = 0.006 * sin(along * 11.0 + 1.3) * sin(along * 3.14159);
    float span = smoothstep(x0 - 0.01, x0 + 0.01, p.x) * smoothstep(x1 + 0.02, x1 - 0.02, p.x);
    float lane = exp(-sy_sq((p.y - u_drip.x - wander) / (0.005 + 0.006 * along))) * span * 0.6;
    float flow = 0.7 + 0.3 * sin(TAU * (along * 4.0 - u_drip.z * 2.0));
    col += mix(vec3(0.35, 0.4, 1.0), JOY, along) * lane * flow * 0.9;
    // its light on the floor round it
    col += mix(DESPAIR, JOY, along) * exp(-sy_sq((p.y - u_drip.x) / 0.035)) * span * 0.06;
    return col * on;
}

// The starlight spilled and refused: it lies in a pool of light on the ground, away from the
// syringe, and rises out of it -- two strands winding upwards, gold and indigo, the nearer
// strand brighter and wider, rungs between them, beads of light climbing it (not streaming
// from the needle: that would read as the injection refused). Returns linear light.
vec3 helix(vec2 p, out float cover) {
    vec2 a = u_spill.xy;
    vec2 n = vec2(-a.y, a.x);
    vec2 d = p - u_spill_from;
    float s = dot(d, a);
    float w = dot(d, n);
    float len = u_spill.z;
    float env = smoothstep(0.0, 0.04, s) * smoothstep(len, len - 0.12, s);
    float amp = 0.105 * smoothstep(0.0, 0.3, s) * (1.0 - 0.25 * smoothstep(0.4, 1.2, s));   // (it opens out of the pool, a column the frame's height)
    float k = TAU / 0.36;
    float pxs = 1.0 / (u_resolution.y * u_view.z);
    // (round 34's readers at 155.1 s: "the helix is pasted flat", "the DNA a flat 2D ribbon".
    // A helix in 3D, seen a little from above (TILT): each turn of a strand an ellipse, its near
    // side lower on the screen than its far side, so the strands coil round a column of air;
    // round glass tubes of starlight, thick where they swing towards us, the far turns thin,
    // dim and out of focus (the lens focused on the near strand), shadowed where the near
    // strand and the rungs pass in front of them; the rungs round bars, slanted in depth.)
    const float TILT = 0.3;
    vec3 key = normalize(vec3(-0.55, 0.6, 0.6));        // the light from the upper left, in front
    vec2 key_an = vec2(dot(key.xy, a), dot(key.xy, n));   // the key in the helix's own axes
    vec3 hv = normalize(vec3(key_an, key.z) + vec3(0.0, 0.0, 1.0));
    vec3 strand_col[2];
    float strand_cov[2];
    float strand_depth[2];
    float strand_sd[2];
    float strand_w[2];
    for (int i = 0; i < 2; ++i) {
        float base = float(i) * PI - u_spill.w;
        // the point of the strand level with this pixel: s = sh - TILT * amp * cos(phase(sh))
        // (one step of the fixed point from the level itself: the tilt is small)
        float sh = s + TILT * amp * cos(k * s + base);
        float ph = k * sh + base;
        float off = amp * sin(ph);
        float depth = cos(ph);                              // 1: the strand nearest us
        float slope = amp * k * depth / (1.0 + TILT * amp * k * sin(ph));
        float sl = sqrt(1.0 + slope * slope);
        float signed_d = (w - off) / sl;
        float near = 0.5 + 0.5 * depth;
        // (round 35's readers: "the helix clip-art" -- even glass tubes.  Liquid starlight
        // climbs them in slow swells, gold and indigo out of step: each strand brighter and a
        // little fuller where a swell passes, so it reads as light flowing, not a plastic model)
        float swell = sy_sq(sy_sq(0.5 + 0.5 * sin(TAU * (sh * 2.6 - u_flow * 8.0) + float(i) * 2.2)));
        float width = max((0.0045 + 0.0062 * near) * (0.9 + 0.25 * swell), 1.5 * pxs);      // (perspective: the near turn wider; round 35: a little fuller, its fine rungs threads)
        float blur = pxs + 0.004 * (1.0 - near);                     // (the far turn out of focus)
        float u = clamp(signed_d / width, -1.0, 1.0);
        float body = smoothstep(width + blur, width - blur, abs(signed_d));
        float z = sqrt(max(1.0 - u * u, 0.0));
        // the tube's normal: across it (perpendicular to its screen tangent) and towards us
        vec2 perp = vec2(-slope, 1.0) / sl;                  // in (along, across)
        vec3 nrm = vec3(perp * u, z);
        float diffuse = max(dot(nrm, vec3(key_an, key.z)), 0.0);
        float spec = max(dot(nrm, hv), 0.0);
        spec *= spec; spec *= spec; spec *= spec; spec *= spec; spec *= spec; spec *= spec;   // (^64 by squaring: pow is exp2(log2()) here)
        float fres = (1.0 - z) * (1.0 - z) * (1.0 - z);
        // motes of starlight drifting up inside the glass (a glow, not the strand's outline)
        const float MOTE = 0.017;
        float ms = sh - u_flow * 2.4 + float(i) * 0.5 * MOTE;
        float mid = floor(ms / MOTE);
        vec3 mh = hash3i(ivec3(int(mid), 60 + i, u_seed));
        float ds = (ms - (mid + 0.5 + 0.3 * (mh.x - 0.5)) * MOTE) / sl;
        float mr = max((0.0022 + 0.002 * mh.y) * (0.7 + 0.3 * depth), 1.2 * pxs);
        float mote = exp(-(ds * ds + signed_d * signed_d) / (mr * mr)) * (0.35 + 0.65 * mh.z)
                   * (0.7 + 0.3 * sin(TAU * (u_twinkle + mh.x * 5.0)));
        vec3 tint = i == 0 ? JOY : DESPAIR;
        float lit = 0.12 + 0.88 * near * near;              // the far turns sink into the dark
        // the light inside the tube, brightest down its axis, and its shadowed underside
        vec3 inner = tint * (0.25 + 0.75 * z) * (0.08 + 1.1 * diffuse) * (0.65 + 0.8 * swell) + tint * mote * 1.6 + vec3(1.0, 0.97, 0.92) * mote * mote * 0.8
                   + mix(tint, vec3(1.0, 0.97, 0.92), 0.5) * swell * z * z * 0.35;      // (the swell's core)
        vec3 glass = mix(tint, MOON, 0.6) * fres * 0.8 + vec3(1.0, 0.98, 0.94) * spec * 3.0 * (0.2 + 0.8 * near);
        float halo = exp(-abs(signed_d) / 0.03) * 0.1 * exp(-sy_sq(max(abs(w) - amp, 0.0) / 0.03));
        strand_col[i] = ((inner + glass) * body + tint * halo) * lit;
        strand_cov[i] = body;
        strand_depth[i] = depth;
        strand_sd[i] = signed_d;
        strand_w[i] = width;
    }
    // Rungs: the base pairs, round bars between the two strands at the same height on the
    // helix, each slanted on the screen by the tilt (its near end lower), half gold half
    // indigo, lit like the strands, dim where they run away from us.  A pixel lies between
    // two rungs' heights: both are tried.
    // (round 35's readers: "the helix clip-art", "the DNA looks pasted in" -- a textbook
    // ladder of even bars.  The rungs are threads of starlight now, not bars: fine, each its
    // own strength, some not yet spun, the gold half and the indigo half meeting in a small
    // spark where joy and despair touch)
    float spacing = 0.036;
    float rw = max(0.0017, 0.9 * pxs);
    float rung_body = 0.0;
    vec3 rung = vec3(0.0);
    float n0 = floor(s / spacing);
    for (int j = 0; j < 2; ++j) {
        float sn = (n0 + float(j)) * spacing;
        float rph = k * sn - u_spill.w;
        float ra = amp;
        vec2 e0 = vec2(sn - TILT * ra * cos(rph), ra * sin(rph));          // strand 0's end (along, across)
        vec2 e1 = vec2(sn + TILT * ra * cos(rph), -ra * sin(rph));         // strand 1's end
        vec2 pa = vec2(s, w) - e0, ba = e1 - e0;
        float t = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-8), 0.0, 1.0);
        float dr = length(pa - ba * t);
        float zt = cos(rph) * (1.0 - 2.0 * t);                              // its depth along the bar
        float rnear = 0.5 + 0.5 * zt;
        float body = smoothstep(rw + pxs + 0.003 * (1.0 - rnear), rw - pxs, dr) * step(0.06, t) * step(t, 0.94);
        float ru = clamp(dr / rw, 0.0, 1.0);
        vec3 rh = hash3i(ivec3(int(n0) + j, 90, u_seed));
        float spun = step(0.28, rh.x) * (0.45 + 0.55 * rh.y);              // (some threads not there)
        float rlight = (0.3 + 0.7 * sqrt(max(1.0 - ru * ru, 0.0))) * spun;
        float spark = exp(-sy_sq((t - 0.5) * length(ba) / (0.004 + pxs))) * spun * exp(-sy_sq(dr / (0.003 + pxs)));
        vec3 rc = mix(mix(JOY, DESPAIR, smoothstep(0.35, 0.65, t)) * body * rlight, vec3(1.0, 0.95, 0.9) * spark * 1.6, 0.5)
                * (0.1 + 0.9 * rnear * rnear);
        rung += rc * (1.0 - rung_body);
        rung_body = max(rung_body, body);
    }
    // the nearer strand in front, the rungs between, the farther one behind, shadowed where
    // the near strand passes close in front of it
    // (selects, not an array indexed by a varying: llvmpipe would spill the arrays to memory)
    bool first_near = strand_depth[0] > strand_depth[1];
    vec3 near_c = first_near ? strand_col[0] : strand_col[1];
    vec3 far_c = first_near ? strand_col[1] : strand_col[0];
    float near_cov = first_near ? strand_cov[0] : strand_cov[1];
    float far_cov = first_near ? strand_cov[1] : strand_cov[0];
    float near_gap = abs(first_near ? strand_sd[0] : strand_sd[1]) - (first_near ? strand_w[0] : strand_w[1]);
    float ao = 0.35 + 0.65 * smoothstep(0.0, 0.018, near_gap);
    vec3 col = near_c + (rung * ao + far_c * ao * (1.0 - rung_body)) * (1.0 - near_cov);
    cover = max(near_cov, max(rung_body, far_cov)) * env;
    // the spilled light it rises from: a pool of liquid starlight on the ground, seen in
    // perspective, its meniscus a bright line round it, slow rings on it (round 34: the
    // refusal read -- the starlight lying spilled, unused)
    vec2 g = (p - u_spill_from) * vec2(1.0, 4.0);
    float gr = length(g);
    float grown = smoothstep(0.0, 0.2, len);
    float pr = 0.11 * grown * (1.0 + 0.16 * sin(g.x * 38.0 + 1.0) * sin(g.y * 29.0 - 0.7) + 0.1 * sin(g.x * 17.0 - 2.0));   // (a spill's ragged edge)
    float in_pool = smoothstep(pr + pxs * 4.0, pr - pxs * 4.0, gr);
    float rings = 0.5 + 0.5 * sin(gr * 160.0 - u_spill.w * 2.0);
    float pool = exp(-dot(g, g) / 0.02) * grown;
    float meniscus = exp(-sy_sq((gr - pr) / (0.004 + 2.0 * pxs))) * grown;
    vec3 spilled = mix(DESPAIR, JOY, 0.45) * pool * 0.45
                 + mix(DESPAIR, JOY, 0.3 + 0.4 * rings) * in_pool * (0.10 + 0.10 * rings) * (1.0 - gr / max(pr, 1e-3))
                 + vec3(0.75, 0.75, 1.0) * meniscus * 0.16 * smoothstep(0.06, -0.02, g.y);   // (the near lip catches the light)
    return col * env + spilled;
}

// The helix as the wet floor gives it back: the two strands' light only, smeared by the
// ripples (round 34: the full helix traced twice cost the refusal's shots a fifth of their
// time, for a reflection the floor blurs anyway).
vec3 helix_mirrored(vec2 p) {
    vec2 d = p - u_spill_from;
    float s = dot(d, u_spill.xy);
    float w = dot(d, vec2(-u_spill.y, u_spill.x)) + 0.004 * sin(s * 90.0 + u_flow * 40.0);
    float amp = 0.105 * smoothstep(0.0, 0.3, s);
    float env = smoothstep(0.0, 0.04, s) * smoothstep(u_spill.z, u_spill.z - 0.12, s);
    vec3 col = vec3(0.0);
    for (int i = 0; i < 2; ++i) {
        float ph = TAU / 0.36 * s - u_spill.w + float(i) * PI;
        float near = 0.5 + 0.5 * cos(ph);
        col += (i == 0 ? JOY : DESPAIR) * exp(-abs(w - amp * sin(ph)) / (0.004 + 0.004 * near)) * (0.1 + 0.9 * near * near);
    }
    return col * env;
}

// The hand that offers it (round 18's reader: "a collage: syringe, helix, Serene and bokeh
// on top of each other, not composed").  A Serene holds the syringe out to the dreamer: its
// arm reaches in from beyond the frame's upper left along the plunger, the sleeve melting
// into the dark as a candle's shadow does, and its hand closes over the back of the
// barrel, in front of the flange.  Made of shadow like the Serenes behind: near black, the
// edge soft everywhere (round 19: the crisp fingers read as a glove), the starlight's cold
// light bleeding round the edges that face it.  Signed distance in syringe units (q: the syringe's own axes); blur: its softness.
float offering_hand(vec2 q, out float blur) {
    float sleeve = smoothstep(-0.55, -1.35, q.x);           // 0 at the wrist, 1 far up the arm
    // the forearm: a long taper from the sleeve's folds down to the wrist, a little above the plunger
    vec2 a = vec2(-1.9, 0.20), b = vec2(-0.47, 0.09);
    vec2 pa = q - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    float arm = length(pa - ba * h) - mix(0.16, 0.05, h) * (1.0 + 0.06 * sin(q.x * 23.0));
    // the back of the hand over the barrel's end, and four long fingers curling over it
    float palm = length((q - vec2(-0.405, 0.075)) / vec2(0.085, 0.05)) * 0.05 - 0.05;
    // (round 19's reader at 154.1 s: "the glove a crude black shape" -- the crisp fingers
    // read as a rubber glove.  No fingers: a shadow's hand closing over the barrel's end, one
    // soft mass, its edge as soft as a candle-cast shadow's)
    float fist = length((q - vec2(-0.395, 0.035)) / vec2(0.07, 0.06)) * 0.06 - 0.06;
    float hand = smin(smin(arm, palm, 0.03), fist, 0.04);
    blur = 0.012 + 0.045 * sleeve;
    return hand;
}

// Coverage of a part's signed distance, its edge widened by the lens's blur where the part is
// out of focus (round 34's readers at 148.4 s: "the same stock-illustration look, composition
// flat-illustrative": a macro lens holds the needle's point sharp and lets the near end, the
// plunger reaching past the frame towards us, go soft).
float sy_fill(float d, float blur) {
    return clamp(0.5 - d / (max(fwidth(d), 1e-6) + 2.0 * blur), 0.0, 1.0);
}

void main() {
    // (round 26: the refusal's stills were one set-up three times over -- the camera cuts
    // in and pushes slowly towards the helix rising from the spilled starlight: u_view)
    vec2 p = u_view.xy + centered_uv(gl_FragCoord.xy, u_resolution) / u_view.z;
    float px = 1.0 / (u_resolution.y * u_view.z * u_scale);        // one pixel in syringe units
    // Into the syringe's frame.
    vec2 d = (p - u_xf.xy) / u_scale;
    vec2 q = to_syringe_axes(d);
    float dof = u_near_blur * smoothstep(-0.15, -0.85, q.x);        // the near end out of focus

    // The glass refracts the hall behind it: a cylinder of glass turns what is behind it
    // upside down across its width and squeezes it (the horizon, the spires and the Serenes
    // seen through the empty barrel bend and flip), so the background is looked up where the
    // light through the glass came from -- one evaluation, its coordinate bent.
    float g_cov = sy_fill(sy_part(q, sy_glass_r(q.x) + 0.004, SY_BARREL0, SY_HUB0), dof);
    vec2 across = vec2(-u_xf.w, u_xf.z);   // (the syringe's own up)
    // (round 26: as it is refused the hall's violet air goes down towards true black, the
    // spilled starlight and the needle's glint the lights left in it -- the refusal's stills
    // read "washed in purple haze", no blacks)
    vec3 col = background(p - across * (1.75 * q.y * u_scale) * g_cov) * u_hall;
    // Caustics: the starlit glass is a lens, and it throws its light onto the floor beneath
    // it -- a bright focused line along its length, rippling with the liquid's currents, and a
    // net of fainter caustic light round it, in the floor's perspective (squeezed in depth).
    {
        vec2 pc = vec2(p.x, u_xf.y + (p.y - (HORIZON - 0.2)) * 3.2);
        vec2 dc = (pc - u_xf.xy) / u_scale;
        vec2 qc = to_syringe_axes(dc);
        float lit_x = smoothstep(u_level - 0.02, u_level + 0.08, qc.x) * smoothstep(SY_HUB0 + 0.05, SY_BARREL1 - 0.1, qc.x);
        // (slow, broad undulations: a lens's focus on a floor, not an electric squiggle)
        float wob = 0.01 * sin(qc.x * 8.0 + TAU * u_twinkle) + 0.004 * sin(qc.x * 19.0 - TAU * u_twinkle);
        // (out of focus with the hall behind the macro syringe: softer as the lens opens)
        float lw = 0.009 + 0.8 * u_defocus;
        float line = exp(-abs(qc.y - wob) / lw) * (0.009 / lw) * 1.6 + 0.5 * (1.0 - 0.6 * u_grade) * exp(-abs(qc.y - wob) / 0.04);   // (round 35, graded: its broad wash dimmer)
        float net = 1.0 - abs(snoise(vec2(qc.x * 7.0 - u_flow * 30.0, qc.y * 6.0) + 0.4 * sin(qc.x * 3.0)));
        net = sy_sq(sy_sq(net)) * exp(-sy_sq(qc.y / 0.1)) * (1.0 - 25.0 * u_defocus);     // (the net's fine lines lost out of focus)
        float on_ground = smoothstep(HORIZON - 0.01, HORIZON - 0.05, p.y);
        col += (vec3(0.35, 0.42, 1.0) * (line * 0.55 + net * 0.3) + vec3(0.9, 0.95, 1.0) * line * line * 0.3)
               * lit_x * on_ground * u_throw;          // (round 34: drawn back, its caustic fades with its light on the hall)
    }
    // Mist lying on the hall's floor and drifting slowly across it, thickest along the
    // horizon, where it swallows the far floor's edge and the Serenes' feet: lit violet by the
    // haze, blue-white near the starlight, and gold and indigo round the helix once it rises,
    // so everything stands in one air.
    {
        // (round 34, follow-up: "a straight hard purple band" -- the mist lies in banks along
        // the horizon, its middle rising and falling, lit where the shafts reach it and dark
        // between them, so no even line crosses the frame)
        // (round 35, follow-up: "a pale lavender rectangle with a hard top edge" under the
        // barrel -- below the horizon the mist had a long tail that began with a step, lit by
        // the shafts looked up at one height, so each shaft stood on the water as a box.  Now
        // the bank only hugs the horizon, and on the water the shafts' light is looked up
        // where it lands, in the floor's perspective, fading with depth: dark water below)
        float mlit = shafts_at(vec2(p.x, HORIZON + 0.05));
        float dh = p.y - HORIZON - 0.045 * (vnoise(vec2(p.x * 2.4 + u_flow * 4.0, 5.3)) - 0.35) - 0.02 * mlit;
        float mbelow = max(HORIZON - p.y, 0.0);
        mlit = mix(mlit, shafts_at(vec2(p.x + 0.9 * mbelow, HORIZON + 0.02)) * exp(-mbelow / 0.08), smoothstep(0.0, 0.03, mbelow));
        float layer = exp(-sy_sq(dh / (dh > 0.0 ? 0.06 : 0.045))) * (0.08 + 1.3 * mlit);   // (dark between the shafts: no even band)
        vec2 mp = vec2(p.x * 2.6 - u_flow * 6.0, dh * 9.0);
        float wisp = 0.7 * vnoise(mp + vec2(0.0, 0.6 * sin(p.x * 1.7 + u_flow * 8.0))) + 0.3 * (0.5 + 0.5 * sin(mp.x * 2.3 + mp.y * 0.7));
        float dens = smoothstep(0.35, 0.75, wisp) * layer;
        vec2 to_sy = (p - u_xf.xy) * vec2(0.8, 1.6);
        vec3 lightc = HAZE * (1.2 + 1.6 * wisp) * u_hall + vec3(0.08, 0.09, 0.3) * u_throw * exp(-dot(to_sy, to_sy) / 0.12) * (1.0 - 0.5 * u_grade);
        float hx = (p.x - u_spill_from.x) / 0.18;
        // (round the helix its own light fills the mist: warm, not the haze's violet)
        // (round 26: dimmer and closer round it -- pushed in, a broad pale smear of it led
        // from the helix across the frame)
        lightc = mix(lightc, mix(JOY, DESPAIR, 0.35 + 0.35 * sin(p.x * 9.0 + u_spill.w * 0.3)) * 0.17,
                     exp(-hx * hx) * smoothstep(0.0, 0.4, u_spill.z));
        col = mix(col, lightc, dens * 0.55 * (1.0 - 0.45 * u_grade));    // (round 35, graded: the mist thinner, "washy")
        // (round 35's readers: "the purple background washy" -- the hall, its mist and its
        // floor graded down towards black, their lit shafts and rims kept: a knee that halves
        // the dimmest haze and leaves the bright light nearly as it was, so the frame has true
        // blacks round its light)
        col = mix(col, col * col / (col + HALL_KNEE), u_grade);     // (u_grade: the scene's `grade`)
        col += dust(p);
    }

    // -- plunger: rod, thumb pad, stopper (behind the glass, seen through it) --------------
    float rod = sy_fill(sy_part(q, 0.020, -0.80, SY_STOPPER - 0.03), dof);
    float pad = sy_fill(sy_part(q, SY_R * 1.15, -0.83, -0.80), dof);
    vec3 plastic = vec3(0.07, 0.075, 0.09) + 0.35 * MOON * sy_studio(q.y / 0.020, dof / 0.020) * 0.4;
    col = mix(col, plastic, rod * 0.9);
    col = mix(col, vec3(0.05, 0.05, 0.06) + 0.5 * MOON * sy_studio(q.y / (SY_R * 1.15), dof / (SY_R * 1.15)) * 0.3, pad);

    // -- the starlight inside the glass -----------------------------------------------------
    float rg = sy_glass_r(q.x);
    float ri = max(rg - 0.008, 0.0);
    float inside = sy_fill(sy_part(q, ri, u_level, SY_HUB0 - 0.006), dof);
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
    starlight += star_layer(lq, 0.011, 1, px + dof) * (0.5 + 0.5 * depth);
    starlight += star_layer(vec2(q.x - 0.6 * u_flow, q.y) * 1.6 + 3.1, 0.011, 2, px * 1.6) * 0.55 * (0.4 + vein);
    float stopper = sy_fill(sy_part(q, ri, SY_STOPPER - 0.035, SY_STOPPER), dof);
    vec3 rubber = vec3(0.012, 0.01, 0.014) + 0.06 * sy_studio(ul);
    rubber *= 0.6 + 0.4 * step(0.006, abs(q.x - (SY_STOPPER - 0.018)));
    col = mix(col, rubber, stopper);
    col = mix(col, starlight * u_light, inside);
    // The liquid's own light on the glass around it.
    vec2 toseg = vec2(q.x - clamp(q.x, u_level, SY_BARREL1), max(abs(q.y) - SY_R, 0.0));
    col += vec3(0.10, 0.12, 0.45) * u_light * exp(-length(toseg) / 0.06) * 0.4;

    // -- the glass barrel and shoulder ------------------------------------------------------
    float glass = sy_fill(sy_part(q, rg, SY_BARREL0, SY_HUB0), dof);
    float ug = clamp(q.y / max(rg, 1e-4), -1.0, 1.0);
    float ub = dof / SY_R;                                  // the lens's blur across the barrel
    float fres = sy_fresnel(ug, 0.04);
    vec3 refl = MOON * (0.08 + 1.1 * sy_studio(ug, ub)) * (0.25 + 0.75 * fres);
    // Graduation marks printed on the glass: every 0.05, longer every 0.25.
    float gx = (fract((q.x - SY_BARREL0) / 0.05 + 0.5) - 0.5) * 0.05;
    float major = step(0.9, fract((q.x - SY_BARREL0) / 0.25 + 0.1));
    float mark = exp(-sy_sq(gx / max(px * 0.9 + dof, 0.0012)))
               * step(q.y, -0.015) * step(-0.035 - 0.02 * major, q.y)
               * step(SY_BARREL0 + 0.06, q.x) * step(q.x, SY_BARREL1 - 0.02);
    refl += vec3(0.55, 0.6, 0.7) * mark * 0.35;
    float edge = smoothstep(0.86, 1.0, abs(ug));
    // (round 11: "flat vector art".  Glass has thickness: each wall, seen edge-on near the
    // silhouette, is a darker band bounded by a bright inner line where the light runs down it,
    // and a long crisp highlight runs the barrel's length, thinning towards its ends, with a
    // faint second one below -- a lit cylinder of glass, not a drawn outline.)
    float wall = smoothstep(0.80 - ub, 0.88 + ub, abs(ug)) * (1.0 - smoothstep(0.93 - ub, 0.985 + ub, abs(ug)));
    float inner = sy_line(abs(ug), 0.80, 0.035, ub);
    float run = smoothstep(SY_BARREL0, SY_BARREL0 + 0.1, q.x) * smoothstep(SY_HUB0, SY_HUB0 - 0.15, q.x);
    float streak = sy_line(ug, 0.42, 0.05, ub) * run * (0.7 + 0.3 * sin(q.x * 9.0 + 1.3));
    float streak2 = sy_line(ug, -0.55, 0.04, ub) * run;
    col = mix(col, col * 0.82 * (1.0 - 0.45 * wall) + refl + MOON * (0.12 * edge + 0.35 * inner + 1.6 * streak + 0.3 * streak2),
              glass);
    // The finger flange.
    float flange = sy_fill(sy_part(q, SY_R * 1.75, SY_BARREL0 - 0.022, SY_BARREL0), dof);
    col = mix(col, vec3(0.05, 0.055, 0.07) + MOON * 0.5 * sy_studio(q.y / (SY_R * 1.75), dof / (SY_R * 1.75)), flange * 0.92);

    // -- the Serene's hand that holds it out ----------------------------------------------
    {
        float blur;
        float hd = offering_hand(q, blur);
        // (the arm melts into the dark up the sleeve: while the syringe is still far and small
        // it is a hand coming out of the dark, not a bar from the frame's edge)
        float cover = smoothstep(blur + px, -blur - px, hd) * u_hand * smoothstep(-1.5, -0.9, q.x);
        // the starlight's cold light caught on the edges that face it (down the barrel), a
        // thin line inside the outline -- no halo round the whole hand
        vec2 grad = vec2(dFdx(hd), dFdy(hd));
        float facing = smoothstep(0.0, 0.8, dot(grad / max(length(grad), 1e-6), u_xf.zw));
        // (round 19: a soft cold rim, the starlight bleeding round the shadow's edge)
        float rim = exp(-sy_sq((hd + 0.008) / (0.008 + px))) * facing * (1.0 - smoothstep(0.02, 0.05, blur));
        // (its shadow side: denser in the hand than in the smoky sleeve)
        vec3 shade = col * mix(0.06, 0.3, smoothstep(0.012, 0.057, blur)) + vec3(0.002, 0.0015, 0.005)
                   + vec3(0.3, 0.32, 0.9) * rim * 0.6 * (0.35 + 0.65 * u_light);
        col = mix(col, shade, cover);
    }

    // -- hub and needle: cold steel, the shard of moonlight ---------------------------------
    float hub = aa_fill(sy_part(q, SY_HUB_R, SY_HUB0, SY_HUB1));
    vec3 steel = vec3(0.06, 0.065, 0.08) + MOON * 0.9 * sy_studio(q.y / SY_HUB_R);
    col = mix(col, steel, hub);
    float rn = sy_needle_r(q.x);
    float dn = sy_part(q, rn, SY_HUB1, SY_TIP);
    float needle = clamp(0.5 - dn / max(px, 1e-5), 0.0, 1.0);
    float un = clamp(q.y / max(rn, px), -1.0, 1.0);
    float glint = exp(-sy_sq((q.x - u_glint_x) / 0.05)) * u_glint_now;
    // (round 17: the studio's thin lines, a few pixels across the macro shot's needle, broke
    // into dots along it: the steel carries broad bands only, no line narrower than a pixel)
    float steel_band = 0.9 * exp(-sy_sq((un - 0.45) / 0.38)) + 0.6 * exp(-sy_sq((un + 0.7) / 0.3));
    vec3 needle_col = MOON * (0.4 + 1.3 * steel_band + 5.0 * glint);
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
    vec2 fn = to_syringe_axes(f);
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
    float bead_r = 0.013 * max(u_scale / 0.78, 1.0);         // (larger in the macro shot)
    float drop = smoothstep(bead_r, bead_r * 0.6, length(f + vec2(0.0, 0.6 * bead_r)));
    col += vec3(0.5, 0.6, 1.0) * drop * u_light * 1.2;

    // -- the refusal: spilled starlight drips, runs, and winds into the double helix ---------
    col += drips(p);
    float h_cover = 0.0;
    vec3 h_light = vec3(0.0);
    // (round 35: traced only in its own column -- its strands, halo and pool die out within
    // 0.4 of its axis -- so the syringe's half of the frame skips it, buying back its swells)
    vec2 hd = p - u_spill_from;
    float h_s = dot(hd, u_spill.xy), h_w = dot(hd, vec2(-u_spill.y, u_spill.x));
    if (u_spill.z > 0.0 && abs(h_w) < 0.4 && h_s > -0.12 && h_s < u_spill.z + 0.08)
        h_light = helix(p, h_cover);            // (nothing spilled yet: no helix to trace)
    col = col * (1.0 - 0.55 * h_cover) + h_light;     // (the glass filaments' bodies stand in front of the hall)
    // the helix mirrored in the glossy floor, dim, and its light thrown wide across the floor
    vec2 hm = vec2(p.x, 2.0 * u_spill_from.y - p.y);
    float on_floor = smoothstep(u_spill_from.y + 0.005, u_spill_from.y - 0.005, p.y);
    if (on_floor > 0.0 && p.y > u_spill_from.y - 0.3 && u_spill.z > 0.0) {     // (the mirror image only where it can show)
        col += helix_mirrored(hm) * 0.22 * on_floor * smoothstep(u_spill_from.y - 0.3, u_spill_from.y, p.y);
    }
    vec2 lit = (p - u_spill_from) * vec2(0.7, 2.8);
    col += mix(DESPAIR, JOY, 0.5) * 0.06 * smoothstep(0.0, 0.3, u_spill.z) * exp(-dot(lit, lit) / 0.06)
           * smoothstep(HORIZON, HORIZON - 0.03, p.y);

    // the helix's light in the mist round it: a column of lit air, so it stands in the hall
    // (round 10's reader: "pasted on")
    // (round 11: "pasted onto a backdrop" -- a brighter, wider column of lit mist, its light
    // drifting up through the air in slow banks, so the strands glow in the hall's air;
    // round 26: at half its strength, in the darkened hall it washed the frame pale)
    float hx = (p.x - u_spill_from.x) / 0.2;
    float rise = smoothstep(u_spill_from.y - 0.04, u_spill_from.y + 0.1, p.y);
    float banks = 0.6 + 0.4 * vnoise(vec2(p.x * 9.0, p.y * 4.0 - u_spill.w * 0.15));
    col += mix(JOY, DESPAIR, 0.5 + 0.3 * sin(p.y * 6.0 - u_spill.w * 0.5)) * 0.045 * banks * smoothstep(0.0, 0.4, u_spill.z)
           * (exp(-hx * hx) + 0.25 * exp(-abs(hx) * 0.8)) * rise;
    // -- depth: the air of the hall and its glossy floor hold the starlight -----------------
    // Its light scattered wide in the air round the glass (a halo that gives the hall volume),
    // and mirrored in the floor below it: a soft streak drawn down the gloss, as a wet floor
    // stretches a light (the syringe's own mirror image, too costly to draw twice, as its glow).
    vec2 tobar = vec2(q.x - clamp(q.x, u_level, SY_HUB0), max(abs(q.y) - SY_R, 0.0)) * u_scale;
    col += vec3(0.05, 0.05, 0.20) * u_throw * exp(-length(tobar) / 0.1) * 0.35;
    // (round 35, follow-up: this glow, a capsule stretched 3x across the mirrored barrel and cut
    // by the horizon, lay on the floor as "a pale lavender rectangle with a hard top edge".
    // Now the barrel's own reflection: its outline mirrored in the shallow water, broken
    // sideways by the ripples, blurred more the deeper into the floor, brighter where the
    // starlight fills it, fading in below the horizon -- the syringe's shape, soft)
    float mbel = max(HORIZON - p.y, 0.0);
    float rip = sin(mbel * 260.0 / (0.3 + mbel * 4.0) - u_flow * 40.0);
    vec2 dm = (vec2(p.x + 0.006 * rip * smoothstep(0.0, 0.05, mbel), 2.0 * HORIZON - p.y) - u_xf.xy) / u_scale;
    vec2 qm = to_syringe_axes(dm);
    float dmir = length(vec2(0.4 * (qm.x - clamp(qm.x, SY_BARREL0 + 0.1, SY_HUB0 - 0.1)), max(abs(qm.y) - SY_R, 0.0))) * u_scale;   // (its ends melt away)
    float msoft = 0.006 + 0.11 * mbel + u_defocus;
    float mfill = smoothstep(u_level - 0.03, u_level + 0.05, qm.x);     // (the starlit part of the barrel brighter)
    col += vec3(0.16, 0.13, 0.55) * u_throw * exp(-sy_sq(dmir / msoft)) * (0.35 + 0.65 * mfill)
         * (0.8 + 0.2 * rip) * smoothstep(0.0, 0.03, mbel) * exp(-mbel / 0.35) * 0.55;

    // true blacks at the edges of the frame
    // (a vignette of the lens, so measured on the frame, not the pushed-in scene)
    vec2 pf = (p - u_view.xy) * u_view.z;
    col *= 1.0 - 0.7 * smoothstep(0.45, 1.05, length(pf * vec2(0.75, 1.0)));

    // -- out: tonemap, encode, dither ------------------------------------------------------
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), 1.0);
}
