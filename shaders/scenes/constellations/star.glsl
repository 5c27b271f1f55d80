// star.glsl -- where star number `id` is, how bright and what colour, this frame.
//
// Include-only, for vertex shaders (stars.vert draws the stars, links.vert draws the chart
// lines between them and must agree on every position).  A star has a home in the field,
// drifts around it, and when it belongs to the glyph flies along a bowed path to its target
// on a stroke (u_targets, written by scenes/constellations.py):
//   u_targets texel id = (glyph x, glyph y, writing order 0..1, kind)
//   kind 0: a field star (never joins), 1: star dust of a stroke, 2: a chart anchor.
//
// Units: positions in centred screen units (y in [-0.5, 0.5], x scaled by the aspect);
// fluxes in "1080p pixels": a star of flux F spreads F * (R.y/1080)^2 of linear light over
// the pixels it covers, so it looks the same at every resolution.

#include <visuals/params>
#include <lib/hash.glsl>
#include <lib/noise.glsl>
#include <lib/colour.glsl>

uniform sampler2D u_targets;
uniform sampler2D u_targets_next;   // the next word's targets: this word's stars rearrange into it
uniform vec2 u_resolution;
uniform float u_aspect;
uniform int u_seed;

// The clock of the motion, now and when the shutter opened (0.4 frame earlier, motion blur):
//   x: formation progress 0 (scattered) .. 1 (glyph written)
//   y: 1 while the glyph comes apart (random order instead of writing order)
//   z: drift time (seconds * drift), w: twinkle time (seconds, wrapped on the CPU)
uniform vec4 u_now;
uniform vec4 u_then;
uniform float u_hold;        // 0..1 while the glyph is held: drives the shimmer
uniform float u_shimmer;     // phase of the light running along the strokes (wrapped on the CPU)
uniform vec3 u_glyph_xform;  // glyph box -> screen: centre.xy, scale
uniform float u_curl;        // +1 or -1: which way this glyph's flights bow
uniform float u_dust_gain;   // keeps stroke brightness steady across star counts
uniform float u_field_gain;  // the same for the field
uniform vec2 u_gain_next;    // the next word's dust and field gains: the rearranging stars take
                             // them on as they arrive, so nothing steps at the word's change
uniform vec2 u_next;         // how far the stars have gone on into the next word: now, then
uniform vec2 u_trail;        // the same, TRAIL and TRAIL / 2 seconds ago: a flying star's light trail
uniform vec4 u_turn;         // the word's slow turn and breath: cos and sin of its angle, scale, -
uniform vec2 u_cam;          // the slow drift of the view (screen units): the nearer, the further it moves

// A place in the word's box -> the sky: the word turns slowly about its centre and breathes
// (the cartouche is never still on a held word), and rides the view's drift in front of the
// field.
vec2 glyph_place(vec2 t) {
    vec2 r = vec2(u_turn.x * t.x - u_turn.y * t.y, u_turn.y * t.x + u_turn.x * t.y);
    return u_glyph_xform.xy + u_glyph_xform.z * u_turn.z * r + u_cam;
}

const float STAR_TEX_W = 256.0;

struct Star {
    vec2 pos;       // centred screen units
    vec2 blur;      // where it was when the shutter opened, minus pos (motion blur streak)
    vec2 trail_a;   // where it was TRAIL seconds ago, minus pos (its curved light trail's tail)
    vec2 trail_b;   // ... and TRAIL / 2 seconds ago (the trail's bend)
    float flux;     // 1080p-pixel units
    float sigma;    // PSF sigma in 1080p pixels
    vec3 colour;    // linear, unit-ish
    float formed;   // 0 in the field .. 1 on its stroke
    float arrived;  // 0 .. 1: how far it has flown into the next word (0 while a word is held)
    float kind;     // 0 field, 1 dust, 2 anchor
    float anchor;   // 1 for a chart anchor (blended into the next word's while rearranging)
    float order;    // writing order along the glyph
};

vec4 star_target(int id) {
    return texelFetch(u_targets, ivec2(id % int(STAR_TEX_W), id / int(STAR_TEX_W)), 0);
}

vec4 star_target_next(int id) {
    return texelFetch(u_targets_next, ivec2(id % int(STAR_TEX_W), id / int(STAR_TEX_W)), 0);
}

// The rearrangement: a star goes from where it is in this word (or the field) straight to its
// place in the next word (or back to the field), in an order that sweeps across the sky, along
// a bowed path.  m: progress 0..1; returns the progress of this star in `k`.
vec2 star_rearranged(vec2 from, vec2 to, vec3 h2, float m, out float k) {
    float S = 1.2;
    float x = clamp(m * (1.0 + S) - S * h2.y, 0.0, 1.0);
    k = x * x * (3.0 - 2.0 * x);
    vec2 d = to - from;
    vec2 n = vec2(-d.y, d.x);
    return mix(from, to, k) + n * (u_curl * (0.2 + 0.3 * h2.z)) * 4.0 * k * (1.0 - k);
}

// The home of a star in the field and its slow drift (bounded: no wrap-around, no jumps).
vec2 star_field_pos(vec3 h, float depth, float T) {
    float hw = 0.5 * u_aspect + 0.07;
    vec2 home = vec2((h.x * 2.0 - 1.0) * hw, (h.y * 2.0 - 1.0) * 0.57);
    vec3 q = vec3(home * 1.3, T * 0.045);
    vec2 swirl = vec2(snoise(q), snoise(q + vec3(19.1, 7.3, 0.0)));
    // nearer (brighter) stars sway further: a hint of parallax
    vec2 sway = vec2(sin(T * 0.07), cos(T * 0.053)) * 0.03 * depth;
    // the view drifts: the far, faint stars move least, the near bright ones most
    return home + swirl * 0.055 + sway + u_cam * (0.3 + 0.55 * depth * depth);
}

// Held stars breathe a little in place (the same in the word they leave and the one they
// arrive in, so nothing steps at the change of word).
vec2 star_breath(vec3 h2, float w) {
    return (vec2(h2.y, h2.z) - 0.5) * 0.0016 * sin(w * (0.6 + h2.y) + 6.2831 * h2.z);
}

// (round 25's readers: the signs "clip-art line drawings" of "uniform lines of equal stars")
// a star of a stroke's dust lies a little off the stroke, scattered like the stars of a real
// stellar stream along a path, not beads threaded on a wire (glyph units; the anchors stay
// on the stroke, where the chart's threads run).  h3: the star's third hash.
vec2 star_scatter(vec3 h3, float kind) {
    if (kind < 0.5 || kind > 1.5) {
        return vec2(0.0);
    }
    // (a rough Gaussian: the sum of two uniforms; most near the stroke, a few further out)
    vec2 u = vec2(h3.y + fract(h3.z * 7.31), h3.z + fract(h3.y * 5.17)) - 1.0;
    return u * 0.022;
}

// A star's own light and hue (round 25: "uniform lines of equal stars"): magnitudes spread
// as in a real sky -- most of a sign's stars modest, one in six or so brilliant -- and its
// colour temperature from blue-white to deep amber, kept in the word's gold by the tint.
// Returns (flux scale of an anchor, flux scale of dust); colour from star_temperature.
vec2 star_magnitude(vec3 h3) {
    float m = h3.x;
    float m3 = m * m * m;
    // (the dust mostly at the edge of seeing, a faint stream along the stroke, a few of it
    // standing out: its mean light a half of before, its median a tenth)
    float d = fract(m * 13.17 + h3.y * 0.5);
    float d3 = d * d * d;
    return vec2(0.32 + 2.0 * m3 * m, 0.13 + 2.2 * d3 * d3);
}

vec3 star_temperature(vec3 h3) {
    float t = fract(h3.x * 3.77 + h3.z * 1.91);
    vec3 cool = vec3(0.62, 0.78, 1.0);
    vec3 warm = vec3(1.0, 0.62, 0.32);
    // (luminance kept near the tint's, so the hue changes and the magnitude does not)
    return mix(cool, warm, t * t * (3.0 - 2.0 * t)) * mix(1.05, 1.0, t);
}

// Where a glyph star is at clock `clk`, and how far along its flight (e, 0..1).
// (The field position is shared by both shutter times: the drift is far too slow to blur.)
vec2 glyph_star_pos(vec2 field, vec3 h2, vec3 h3, vec4 tgt, vec4 clk, out float e) {
    vec2 g = glyph_place(tgt.xy + star_scatter(h3, tgt.w));
    g += star_breath(h2, clk.w);
    // flight: staggered by writing order as the glyph forms, at random as it dissolves
    float o = mix(tgt.z, h2.y, clk.y);
    float S = mix(1.8, 0.8, clk.y);
    float x = clamp(clk.x * (1.0 + S) - S * o, 0.0, 1.0);
    e = x * x * (3.0 - 2.0 * x);
    vec2 d = g - field;
    vec2 n = vec2(-d.y, d.x);
    // all flights of a glyph bow the same way: the stars pour in like a slow vortex
    float bend = u_curl * (0.3 + 0.35 * h2.z) * mix(1.0, -0.8, clk.y);
    return mix(field, g, e) + n * bend * 4.0 * e * (1.0 - e);
}

// A star's light by kind (0 field, 1 dust, 2 anchor) at formation e; mag: star_magnitude.
float star_flux(float kind, float e, float field_flux, float dust_gain, vec2 mag) {
    if (kind > 1.5) {
        return mix(field_flux, 230.0 * mag.x, e * e * e);
    }
    if (kind > 0.5) {
        return mix(field_flux, 4.5 * dust_gain * mag.y, e);
    }
    return field_flux;
}

Star star_state(int id) {
    Star s;
    uvec3 hu = pcg3d(uvec3(uint(id), uint(u_seed), 0x5A17u));
    vec3 h = hash_to_unit(hu);
    vec3 h2 = hash_to_unit(pcg3d(hu ^ uvec3(0x9E37u, 0x79B9u, 0x7F4Au)));
    vec3 h3 = hash_to_unit(pcg3d(hu ^ uvec3(0x51EDu, 0xB0A7u, 0x2C3Du)));
    vec2 mag = star_magnitude(h3);
    float depth = h.z;
    vec2 field = star_field_pos(h, depth, u_now.z);

    vec4 tgt = star_target(id);
    float kind = (id < int(u_stars + 0.5)) ? tgt.w : 0.0;
    s.kind = kind;     // (this word's kind; while rearranging, `formed` follows the next's)
    s.order = tgt.z;

    // field look: a deep sky -- most stars at the edge of seeing, a few bright ones that
    // twinkle (a field of even stars reads as TV static); warm and cool temperatures
    float d2 = depth * depth;
    float bright = d2 * d2;
    float b8 = bright * bright;
    float b32 = b8 * b8; b32 *= b32;                 // depth^32: one star in thirty stands out
    float field_flux = (0.16 + 1.6 * bright * d2 + 80.0 * b32 * b32) * mix(u_field_gain, u_gain_next.y, u_next.x);
    // stars gather in loose clusters and leave dark voids, like a real sky
    float cluster = snoise(field * 1.9 + vec2(float(u_seed % 101) * 0.37, 3.1));
    field_flux *= mix(0.25, 1.35, smoothstep(-0.45, 0.55, cluster));
    // the sky holds its breath while a glyph is written
    // (round 22: on the dark night the field stars stand out more: they hold it further back,
    // so the word's stars stay the brightest things in the frame)
    field_flux *= 1.0 - 0.5 * u_now.x;
    float temp = h2.x;
    vec3 field_col = mix(vec3(0.62, 0.74, 1.0), vec3(1.0, 0.86, 0.68), smoothstep(0.25, 0.95, temp));
    field_col = mix(field_col, vec3(0.9, 0.92, 1.0), 0.35);

    float e = 0.0;
    vec2 pos = field;
    vec2 then = field;
    vec2 ta = vec2(0.0), tb = vec2(0.0);
    if (kind > 0.5) {
        float e_then;
        pos = glyph_star_pos(field, h2, h3, tgt, u_now, e);
        then = glyph_star_pos(field, h2, h3, tgt, u_then, e_then);
    }
    // on into the next word (uniform branch: skipped while a word is held)
    float kn = 0.0;
    vec4 tgt_n = vec4(0.0);
    float kind_n = 0.0;
    if (u_next.x > 0.0 || u_next.y > 0.0) {
        tgt_n = star_target_next(id);
        kind_n = (id < int(u_stars + 0.5)) ? tgt_n.w : 0.0;
        vec2 dest = (kind_n > 0.5) ? glyph_place(tgt_n.xy + star_scatter(h3, kind_n)) + star_breath(h2, u_now.w) : field;
        float kt;
        vec2 from = pos;
        // (the next word's stars land in its writing order, as the pen of its chart passes
        // (links.vert): the strokes fill one after another, not at random)
        vec3 h2o = vec3(h2.x, (kind_n > 0.5) ? 0.8 * tgt_n.z + 0.2 * h2.y : h2.y, h2.z);
        pos = star_rearranged(from, dest, h2o, u_next.x, kn);
        then = star_rearranged(then, dest, h2o, u_next.y, kt);
        // (round 14's reader: mid-flight "scattered debris or rain"): the path it came by,
        // a curved trail of light bowing into the next word
        ta = star_rearranged(from, dest, h2o, u_trail.x, kt);
        tb = star_rearranged(from, dest, h2o, u_trail.y, kt);
    }
    s.formed = mix(e, (kind_n > 0.5) ? 1.0 : 0.0, kn);
    s.arrived = kn;
    // depth: a star in flight comes out of the far sky toward us and settles back as it lands
    // (the word assembles in depth, not on a plane): mid-flight its place swells away from the
    // word's centre, as nearer things do, and it grows larger and softer (sigma, below)
    // (flight: how far through a flight the star is, 1 mid-way; it dims and swells with it)
    float flight = max(4.0 * e * (1.0 - e), 4.0 * kn * (1.0 - kn));
    float near = (kind > 0.5 || kind_n > 0.5) ? flight : 0.0;
    vec2 mid = u_glyph_xform.xy + u_cam;
    pos = mid + (pos - mid) * (1.0 + 0.25 * near);
    then = mid + (then - mid) * (1.0 + 0.25 * near);
    s.pos = pos;
    s.blur = then - pos;
    bool trailed = (u_next.x > 0.0) && (kind_n > 0.5);     // (only stars flying into the word)
    s.trail_a = trailed ? mid + (ta - mid) * (1.0 + 0.25 * near) - pos : vec2(0.0);
    s.trail_b = trailed ? mid + (tb - mid) * (1.0 + 0.25 * near) - pos : vec2(0.0);

    // brightness
    vec3 tint = srgb_to_linear(u_colour.rgb);
    float flux = star_flux(kind, e, field_flux, u_dust_gain, mag);
    if (kn > 0.0) {
        flux = mix(flux, star_flux(kind_n, 1.0, field_flux, u_gain_next.x, mag), kn);
    }
    flux *= 1.0 - 0.35 * flight;
    // twinkle: two incommensurate sines per star, mean 1
    float w1 = mix(1.3, 4.2, h2.x);
    float tw = 0.6 * sin(u_now.w * w1 + 6.2831 * h.x) + 0.4 * sin(u_now.w * w1 * 2.71 + 6.2831 * h2.z);
    flux *= 1.0 + u_twinkle * mix(0.5, 0.95, bright) * tw * mix(1.0, 0.55, e);
    // shimmer: light running along the strokes in writing order while the glyph is held
    float wave = 0.5 + 0.5 * cos(6.2831 * (mix(tgt.z, tgt_n.z, kn) * 1.6 - u_shimmer));
    wave = wave * wave; wave = wave * wave; wave = wave * wave;
    flux *= 1.0 + 1.6 * u_hold * e * wave;
    s.flux = flux;
    float fe = s.formed;
    float anchor = mix(kind > 1.5 ? 1.0 : 0.0, kind_n > 1.5 ? 1.0 : 0.0, kn);
    s.anchor = anchor;
    // (each of the word's stars keeps its own temperature in the gold: blue-white to amber)
    vec3 own = tint * mix(vec3(1.0), star_temperature(h3), mix(0.35, 0.7, anchor));
    s.colour = mix(field_col, own, fe * mix(0.92, 0.85, anchor));
    // (a brilliant anchor's core a little wider than a modest one's)
    float core = mix(1.0, mix(0.8, 1.3, h3.x * h3.x), anchor);
    s.sigma = u_size * mix(1.05, 1.6, bright) * mix(1.0, mix(1.0, 1.5, fe) * core, anchor) * (1.0 + 1.2 * near);
    return s;
}

// Screen units -> window pixels.
vec2 star_to_px(vec2 p) {
    return p * u_resolution.y + 0.5 * u_resolution;
}
