// portrait_shot.glsl -- the portrait shot (``portrait``, full resolution, drawn into ``main`` in place of
// the stage): one Serene close, head and shoulders, relit each frame from the G-buffer baked
// when the shot began (portrait.glsl). The hood's cloth is lit by a candle low in front to
// the left (its soft shadow baked) and rimmed by one behind to the right; the face lies in
// the cowl's deep shadow, and in it the two lidless eyes are analytic mercury spheres that
// mirror the candle flames, with a soft cold light of their own that falls on the inside of
// the hood. Behind, the others stand as soft shadows in the candle-lit haze, out of focus.
// A slow push-in (u_portrait_light.z) zooms the baked image; the haze behind moves less.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "light.glsl"
#include "portrait.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
uniform float u_exposure;
#ifdef PORTRAIT_LOVERS
uniform sampler2D u_lovers_geo;
uniform sampler2D u_lovers_mat;
#define GEO_TEX u_lovers_geo
#define MAT_TEX u_lovers_mat
#elif defined(PORTRAIT_WOMAN)
uniform sampler2D u_woman_geo;
uniform sampler2D u_woman_mat;
#define GEO_TEX u_woman_geo
#define MAT_TEX u_woman_mat
#else
uniform sampler2D u_portrait_geo;
uniform sampler2D u_portrait_mat;
#define GEO_TEX u_portrait_geo
#define MAT_TEX u_portrait_mat
#endif
uniform vec4 u_portrait_light;    // key candle level, rim candle level, zoom (1: none), sway phase
out vec4 frag_colour;

const vec3 SILVER = vec3(0.70, 0.83, 1.0);
#ifndef CLOTH_ALBEDO
#define CLOTH_ALBEDO vec3(0.022, 0.024, 0.044)
#endif
// the key candle's power on the cloth (round 26: the lovers' candle, close under their
// mantles, burnt their fronts out to a cream "melted plastic": it is a smaller flame)
#ifdef PORTRAIT_LOVERS
const float KEY_POWER = 0.045;
#else
const float KEY_POWER = 0.22;
#endif
const float WOMAN_FACE_RIM = 0.35;  // the candle's warm edge along the woman's face (round 30)
// (round 33, 92.1 s: "clay or bark" -- the candle's broad diffuse on the hood made it a
// beige clay: velvet swallows the light where it faces us and shines where it turns away)
#if !defined(PORTRAIT_LOVERS) && !defined(PORTRAIT_WOMAN) && !defined(PORTRAIT_ALONE)
// (round 35, 88.2 / 94.9 s: still "a bland sheet-ghost", "plasticky cloth", "a simple blobby
// hood" -- the broad diffuse lit the whole front beige: the key falls off hard across the
// folds (PORTRAIT_KEY_FALLOFF), the faces of the cloth swallow more, the crests keep the sheen)
#define VELVET_DIFFUSE 0.3
#define CLOTH_SHEEN 0.1
#define PORTRAIT_KEY_FALLOFF
#define PORTRAIT_ROOM_DEPTH
#elif defined(PORTRAIT_LOVERS)
#define VELVET_DIFFUSE 0.7             // (the lovers' fronts, square to their candle, read as a sheet; round 35: 0.7, their sheen now on the turns only)
#define CLOTH_SHEEN 0.2
#else
#define VELVET_DIFFUSE 1.0
#endif
#ifndef CLOTH_SHEEN
#define CLOTH_SHEEN 0.12
#endif
#ifdef PORTRAIT_LOVERS
// (round 29, 98 s: "badly underexposed, muddy figures, 70 % black" -- the lovers' candle is
// a small flame under their mantles (KEY_POWER): the shot itself is exposed up to it)
const float PORTRAIT_EXPOSURE = 1.15;
#else
const float PORTRAIT_EXPOSURE = 0.7;   // (the dream's lens lifts the blacks: the shot is kept low)
#endif
const vec3 FAR_CANDLE_A = vec3(0.95, -0.95, -2.7);    // candles in the room behind the viewer,
const vec3 FAR_CANDLE_B = vec3(-1.4, -0.9, -3.3);     // seen only mirrored in the eyes

// The glow of a mercury eye into the cowl round it: its colour, and its level at the limb
// from a near and a far falloff.
const vec3 EYE_HALO = vec3(0.45, 0.7, 1.0);
#ifdef PORTRAIT_WOMAN
const float EYE_HALO_NEAR = 0.04;    // (the woman's shot, W's: as it was)
const float EYE_LIMB_GLOW = 0.0;     // (its limb dark)
#else
const float EYE_HALO_NEAR = 0.024;   // (round 32: 0.04 drew a bright ring at the limb round a darker ball)
const float EYE_LIMB_GLOW = 1.0;     // the limb goes over into the halo's light (0: a dark limb)
#endif
const float EYE_HALO_FAR = 0.01;

#include "portrait_parts.glsl"

// The cloth's weave (round 21: the hood read as "clay"): threads 6.5 mm apart (homespun), over and
// under in a fine diagonal twill, tilting the normal by their rounded tops, with slubs and
// streaks of fibre running down the cloth.  Returns the tilted normal and, in ``top``, how near a thread's
// crown the point lies (0: the dark gap between threads, 1: a crown).  Where a thread would
// be a pixel or finer the weave fades to its average, so it never breaks into moire.
vec3 cloth_weave(vec3 N, vec3 Pw, float cloth, out float top) {
#ifdef PORTRAIT_LOVERS
    vec3 P = lover_local(Pw);
    float side = Pw.x >= 0.0 ? 1.0 : -1.0;
#else
    vec3 P = Pw;
#endif
    const float PITCH = 0.0065;                       // metres from one thread to the next
    const float TAU = 6.2831853;
    float w = 0.06 - P.z;
    float r2 = P.x * P.x + w * w;
    vec2 uv = vec2(atan(P.x, w) * 0.16, P.y) / PITCH;
    vec3 du = vec3(w, 0.0, P.x) / r2 * 0.16 / PITCH;  // d(uv.x)/dP
    vec2 fw = fwidth(uv);
    // (round 21's reader saw the twill's ribs at 1366x768, 5-7 px apart, as "moire striping
    // on the cloth": it shows only where a rib spans 14 px or more -- a 4K close-up -- and
    // the fibre's slubs and streaks carry the cloth at every smaller size)
    float fade = cloth * (1.0 - smoothstep(0.035, 0.07, max(fw.x, fw.y)));
    // a twill: the threads' crowns in fine diagonal ribs
    float a = TAU * (uv.x + uv.y);
    float h = sin(a);
    vec3 grad = TAU * cos(a) * (du + vec3(0.0, 1.0 / PITCH, 0.0));
#ifdef PORTRAIT_LOVERS
    grad = lover_dir_world(grad, side);
#endif
    // fibre: slubs and streaks running down the cloth (coarse enough never to alias)
    float slub = vnoise(vec2(uv.x * 0.35, uv.y * 0.06)) * 0.6 + vnoise(vec2(uv.x * 0.9, uv.y * 0.12)) * 0.4 - 0.5;
    // (round 24: the finer streaks faded where they would be under ~3 px across -- toward
    // the silhouette they packed into a shimmer of hairlines)
    float streak = 1.0 - smoothstep(0.25, 0.5, fw.x * 0.9);
    // (round 33, 92.1 s: "the hood looks like clay or bark" -- strong slubs and fuzz drew a
    // bark's grain down the folds: the fibre is a faint unevenness in the dye, the folds and
    // the pile's sheen carry the cloth)
    top = clamp(0.55 + 0.16 * h * fade + 0.12 * slub * cloth * mix(0.4, 1.0, streak), 0.0, 1.0);
    // (round 26: the slubs alone read as wood grain, "carved": wool's loose fibre, a fine
    // irregular fuzz a few pixels across, faded before it would shimmer under ~2 px)
    float fuzz = vnoise(uv * vec2(2.2, 1.1)) * 0.6 + vnoise(uv * vec2(4.7, 2.3) + 7.0) * 0.4 - 0.5;
    top = clamp(top + 0.2 * fuzz * cloth * (1.0 - smoothstep(0.25, 0.5, max(fw.x * 2.2, fw.y * 1.1))), 0.0, 1.0);
    grad = (grad - N * dot(grad, N)) * (0.18 * PITCH / TAU) * fade;   // crowns tilted ~0.18
    // (round 24: "rubbery sacks" -- the cloth's surface was smooth as a sheet of rubber
    // between the folds): a woollen nap, crumpled fibre in the normal, streaks running down
    // the fall, each a few pixels across (faded before a streak would be under ~5 px)
    vec2 nq = vec2(uv.x * 0.8, uv.y * 0.22);
    float n0 = vnoise(nq);
    vec2 ng = vec2(vnoise(nq + vec2(0.3, 0.0)) - n0, vnoise(nq + vec2(0.0, 0.3)) - n0) / 0.3;
    float nap = cloth * (1.0 - smoothstep(0.12, 0.25, max(fw.x * 0.8, fw.y * 0.22)))
              * smoothstep(0.2, 0.5, abs(N.z));      // (not at grazing: blotches there)
    vec3 T = du - N * dot(du, N);
    T *= inversesqrt(max(dot(T, T), 1e-12));
#ifdef PORTRAIT_LOVERS
    T = lover_dir_world(T, side);
#endif
    vec3 B = cross(N, T);
    grad += (T * ng.x + B * ng.y) * 0.05 * nap;
    top = clamp(top + (n0 - 0.5) * 0.12 * nap, 0.0, 1.0);
    return normalize(N - grad);
}


#ifdef PORTRAIT_WOMAN
// The tall window far off at her left, out of focus (round 27's readers at 129.4 s: "the left
// half empty apart from a stray blue rectangle"): an arched window, its leads a dark cross of
// mullions, and through it the glass city's night -- deep blue going violet low down, its
// lights soft cold discs of bokeh, a few warm -- its cold light falling on the floor below.
vec3 far_window(vec2 s, vec3 col, float drift) {
    vec2 wq = (s - vec2(-0.62, 0.12)) / vec2(0.16, 0.34);
    // the opening: straight sides, a round arch over the top (soft: the focus is on her)
    vec2 aq = vec2(wq.x, max(wq.y - 0.5, 0.0) * 0.32 / 0.5 * 1.56);
    float edge = max(abs(wq.x), wq.y > 0.5 ? length(aq) : max(abs(wq.y), 0.0));
    float open = (1.0 - smoothstep(0.86, 1.04, edge)) * (1.0 - smoothstep(0.86, 1.04, -wq.y));
    // the leads: one upright, two crossbars, blurred as the window is
    float lead = 1.0 - smoothstep(0.05, 0.13, abs(wq.x));
    lead = max(lead, 1.0 - smoothstep(0.04, 0.11, abs(wq.y - 0.12) * 0.6));
    lead = max(lead, 1.0 - smoothstep(0.04, 0.11, abs(wq.y + 0.5) * 0.6));
    // the night beyond: deep blue, violet and brighter toward the city low down
    float low = smoothstep(0.6, -1.0, wq.y);
    vec3 night = mix(vec3(0.06, 0.08, 0.3), vec3(0.22, 0.12, 0.42), low) * (0.5 + 0.9 * low);
    vec3 sky = night * 0.02 * (0.85 + 0.15 * drift);
    // the city's lights: cells of soft discs in its lower half, each with a brighter rim
    vec2 cq = s * vec2(40.0, 55.0);
    for (int j = 0; j < 4; ++j) {
        vec2 o = vec2(float(j & 1), float(j >> 1));
        vec2 c = floor(cq) + o - 0.5;
        uvec2 h = pcg2d(uvec2(ivec2(c) + 4096));
        float on = step(0.86, hash_to_unit(h.x));
        vec2 at = (c + 0.5 + 0.6 * (vec2(hash_to_unit(h.y), hash_to_unit(h.x ^ h.y)) - 0.5)) / vec2(40.0, 55.0);
        float r = length(s - at) / (0.007 + 0.009 * hash_to_unit(h.y * 3u));
        float disc = (1.0 - smoothstep(0.8, 1.0, r)) * (0.6 + 0.4 * smoothstep(0.5, 0.95, r));
        float warm = step(0.8, hash_to_unit(h.y ^ 0x9e37u));
        vec3 lc = mix(vec3(0.55, 0.75, 1.0), vec3(1.0, 0.7, 0.4), warm);
        float city = smoothstep(-0.1, -0.6, (at.y - 0.12) / 0.34);
        sky += lc * disc * on * city * 0.03 * (0.4 + hash_to_unit(h.x * 7u));
    }
    col += sky * open * (1.0 - 0.9 * lead);
    // its cold light on the floor under it, a soft pool
    vec2 fq = (s - vec2(-0.55, -0.42)) / vec2(0.35, 0.06);
    col += vec3(0.25, 0.35, 0.9) * 0.0025 / (1.0 + dot(fq, fq));
    return col;
}
#endif

#ifdef PORTRAIT_ROOM_DEPTH
// (round 35, 88.2 / 94.9 s: "the background empty / a dead background", "a lot of dead black
// space"): the hall behind the portrait recedes -- a line of candles along its far wall runs
// off toward the right, each nearer one larger, brighter and softer, each throwing a tall
// warm pool up the plaster, so the others standing in the haze are dark shapes against
// light and the dark has a floor, a wall and a distance.
const int ROOM_CANDLES = 5;
vec3 receding_candles(vec2 s, vec3 col, vec3 lightc, float key, float drift) {
    for (int k = 0; k < ROOM_CANDLES; ++k) {
        float fk = float(k);
        float near = 1.0 / (1.0 + 0.75 * fk);                   // 1 near .. ~0.2 far
        vec2 c = mix(vec2(1.02, -0.17), vec2(-0.3, -0.43), near);
        c.x += 0.03 * sin(fk * 2.7);
        // the pool it throws on the wall: taller than wide, climbing from the flame
        vec2 d = (s - c - vec2(0.0, 0.06 * near)) / vec2(0.09 * near + 0.02, 0.2 * near + 0.05);
        float pool = exp(-dot(d, d)) * (0.6 + 0.4 * drift);
        col += lightc * vec3(1.0, 0.7, 0.45) * pool * 0.018 * near * key;
        // the flame out of focus: a soft disc, its rim a little brighter
        float rad = 0.004 + 0.016 * near;
        float r = length(s - c) / rad;
        float disc = 1.0 - smoothstep(0.8, 1.0, r);
        col += lightc * disc * (0.05 + 0.04 * smoothstep(0.5, 0.95, r)) * (0.35 + 0.65 * near) * key;
    }
    return col;
}
#endif

// The room behind the figure, out of focus: warm haze lit by the candles low down, the
// others standing in it as soft shadows, their eyes faint cold points.
vec3 background(vec2 s, vec3 lightc) {
    float key = u_portrait_light.x;
    float drift = vnoise(s * 3.0 + vec2(u_time * 0.05, -u_time * 0.03)) * 0.6
                + vnoise(s * 7.0 - vec2(u_time * 0.04, 0.0)) * 0.4;
    // the warm air: brightest low down, where the candles stand behind them
    vec3 col = vec3(0.0008, 0.0007, 0.0014);
    vec2 pools[3] = vec2[3](vec2(-0.42, -0.46), vec2(0.05, -0.5), vec2(-0.85, -0.44));
    float glow = 0.0;
    for (int k = 0; k < 3; ++k) {
        vec2 d = (s - pools[k]) * vec2(0.8, 1.2);
        glow += 1.0 / (1.0 + dot(d, d) * 30.0);
    }
    col += lightc * glow * (0.004 + 0.004 * drift) * key;
#ifdef PORTRAIT_ROOM_DEPTH
    col = receding_candles(s, col, lightc, key, drift);
#endif
#ifndef PORTRAIT_WOMAN
    // the others, in unison: they sway together
    float sway = 0.012 * sin(u_portrait_light.w);
#ifdef PORTRAIT_LOVERS
    // (round 29, 96.7 s: "a dark blob of a figure behind" -- the big near one at the left
    // read as a blot beside the lovers: behind them the others stand smaller and further,
    // fainter shade, the right one's eyes clear of the frame's edge)
    const vec3 FAR[3] = vec3[3](vec3(-0.7, 0.1, 0.42), vec3(-0.2, 0.05, 0.32), vec3(0.72, 0.12, 0.4));
    const float FAR_SHADE = 0.6;
#else
    const vec3 FAR[3] = vec3[3](vec3(-0.6, 0.13, 0.62), vec3(-0.17, 0.06, 0.4), vec3(0.86, 0.16, 0.55));
    const float FAR_SHADE = 0.85;
#endif
    float f1 = far_serene(s, FAR[0].xy + vec2(sway, 0.0), FAR[0].z, 0.028);
    float f2 = far_serene(s, FAR[1].xy + vec2(sway * 0.6, 0.0), FAR[1].z, 0.04);
    float f3 = far_serene(s, FAR[2].xy + vec2(sway * 0.8, 0.0), FAR[2].z, 0.03);
    float shadow = max(f1, max(f2 * 0.8, f3));
    col *= 1.0 - FAR_SHADE * shadow;
    // their eyes: pairs of faint cold points in the dark hoods
    float pts = 0.0;
    for (int k = 0; k < 3; ++k) {
        float sw = sway * (k == 0 ? 1.0 : k == 1 ? 0.6 : 0.8);
        vec2 e = FAR[k].xy + vec2(sw, k == 1 ? -0.005 : -0.01);
        for (int j = -1; j <= 1; j += 2) {
            vec2 d = s - e - vec2(float(j) * 0.028 * FAR[k].z, 0.0);
            pts += exp(-dot(d, d) / (0.00004 + 0.00003 * float(k))) * (1.0 - 0.3 * float(k == 1));
        }
    }
    col += SILVER * pts * (0.03 + 0.05 * u_eyes);
#else
    // (she is alone: behind her only the dark, a tall window's cold light far off at the left)
    col = far_window(s, col, drift);
#endif
    // far candles out of focus: soft discs with a brighter rim
    vec3 bokeh[4] = vec3[4](vec3(-0.41, -0.43, 0.024), vec3(0.07, -0.47, 0.018),
                            vec3(-0.86, -0.41, 0.03), vec3(-0.28, -0.38, 0.012));
    for (int k = 0; k < 4; ++k) {
        float r = length(s - bokeh[k].xy) / bokeh[k].z;
        float disc = 1.0 - smoothstep(0.85, 1.0, r);
        col += lightc * disc * (0.05 + 0.05 * smoothstep(0.5, 0.95, r)) * key;
    }
    return col;
}



#include "candle_flame.glsl"
#include "silk_air.glsl"

// The key candle in the frame, low at the left: the source of the light on the hood.
// (round 33: a short candle standing whole in the frame on a dark dish, its rim lit by the
// flame above it -- the light of the shot seen entire, not a pillar cut by the edge)
#ifdef PORTRAIT_LOVERS
const float KEY_CANDLE_FOOT = -0.05;    // (the lovers': a stub of a candle low between them)
#else
const float KEY_CANDLE_FOOT = -0.075;   // the wax's foot, metres below the flame
#endif

// The dish under the key candle: a shallow dark ellipse seen from a little above, its near
// rim catching the flame, drawn before the wax so the pillar stands in it.
vec3 candle_dish(vec2 s, vec3 col, vec3 lightc, float px) {
    vec3 fp = portrait_project(KEY_CANDLE);
    float scale = PORTRAIT_FOCAL / fp.z;
    vec2 q = (s - fp.xy) / scale - vec2(0.0, KEY_CANDLE_FOOT);   // metres, about the dish's centre
    if (abs(q.x) > 0.06 || abs(q.y) > 0.03) return col;
    float pxm = px / scale;
    vec2 e = q / vec2(0.042, 0.042 * 0.28);
    float top = length(e) - 1.0;                                 // the dish's top ellipse
    float side = max(abs(q.x) - 0.042, max(q.y, -q.y - 0.006)); // its lip, 6 mm deep
    float under = length((q + vec2(0.0, 0.006)) / vec2(0.042, 0.042 * 0.28)) - 1.0;  // its round foot
    float d = min(min(top, under) * 0.042 * 0.28, side);
    float cover = clamp(0.5 - d / (pxm * 1.5), 0.0, 1.0);
    float key = u_portrait_light.x;
    // (round 34, 93.3 s: "a primitive CG candle" -- its dish a flat brown ellipse): dark
    // pewter, its top holding the candle's foot mirrored as a warm glow and a pool of set wax
    // round it, its far rim a thin dark lip, its near rim and side a crisp bright line of
    // the flame above, falling off round the curve
    float r = length(e);
    vec3 dish = vec3(0.004, 0.0042, 0.005) + lightc * key * 0.012 * smoothstep(0.3, 1.0, r);
    float pool = 1.0 - smoothstep(0.6, 0.7, length(e + vec2(0.12 * sin(3.0 * atan(e.y, e.x)), 0.0)));
    dish = mix(dish, lightc * key * vec3(1.0, 0.72, 0.45) * 0.05 * (1.0 - 0.6 * r), pool * step(top, 0.0));
    dish += lightc * key * 0.06 * exp(-abs(q.x) / 0.012) * exp(-max(-q.y, 0.0) / 0.004) * step(top, 0.0);
    float near_rim = exp(-abs(top) * 14.0) * step(-0.001, -q.y);
    dish += lightc * key * vec3(1.0, 0.85, 0.65) * 0.35 * near_rim * exp(-q.x * q.x / 0.0006);
    dish += lightc * key * 0.05 * near_rim;
    // its side: the lip's metal band, lit along its top edge
    float band = step(0.0, -q.y) * step(0.0, top);
    dish = mix(dish, lightc * key * (0.01 + 0.12 * exp(q.y / 0.0015)) * exp(-q.x * q.x / 0.0008), band);
    return mix(col, dish, cover);
}

vec3 key_candle(vec2 s, vec3 col, vec3 lightc, float px) {
    col = candle_dish(s, col, lightc, px);
    return candle_in_frame(s, col, lightc, px, KEY_CANDLE, u_portrait_light.x, KEY_CANDLE_FOOT);
}

#ifdef PORTRAIT_LOVERS
// The neural thread between the lovers (paragraph 4: "their affections are harmonized by
// neural threads that link their minds"): a fan of fine filaments from brow to brow across
// the gap, each a smooth catenary of its own sag and depth, drawn like spider silk in a
// light -- a hair-fine core, a thin-film sheen that shifts from cyan to violet to gold along
// it, and pulses of light running both ways.  Drawn over the figures (nothing stands between
// their faces).
// (round 30, 96.7 s: "the thread a thin scribble / zigzag" -- three strands twisted with a
// wiggle of nine straight segments; now five smooth strands, no wiggle, walked in twelve segments)
const vec3 THREAD_CYAN = vec3(0.45, 0.9, 1.0);
const float THREAD_CORE_PX = 1.1;    // a filament's core width in pixels
const int THREAD_STRANDS = 5;
const int THREAD_SEG = 12;

// The thin film's colour at ``x`` (0..1 along the sheen): cyan, violet, a touch of gold.
vec3 thread_film(float x) {
    return clamp(vec3(0.55, 0.75, 0.95) + vec3(0.4, 0.25, 0.1) * cos(6.2832 * (x + vec3(0.15, 0.45, 0.6))),
                 0.0, 1.2);
}

// (round 34, 98.8 s: "the threads stop short of the left eye", "the thread is drawn in front
// of the hood rim"): each strand runs from one of the left one's eyes to one of the right
// one's -- the eyes are their minds' windows -- ending on the ball's face turned to the other,
// and where the G-buffer's cloth (``depth``, ``cov``) lies nearer than the strand it passes
// behind it: the far eye's strands go in under the hood's rim.
vec3 thread_end(int e, vec3 other) {
    vec3 E = portrait_eye(e);
    return E + normalize(other - E) * EYE_RADIUS * 0.8;
}

vec3 lovers_thread(vec2 s, float px, float depth, float cov, float reach) {
    vec3 col = vec3(0.0);
    vec3 ca = 0.5 * (portrait_eye(2) + portrait_eye(3));
    vec3 cb = 0.5 * (portrait_eye(0) + portrait_eye(1));
    float hit = depth + (1.0 - cov) * 10.0;          // the cloth's distance here (far: none)
    for (int k = 0; k < THREAD_STRANDS; ++k) {
        float fk = float(k) - 0.5 * float(THREAD_STRANDS - 1);
        // (strand k: the left one's eye k & 1, the right one's (k >> 1) & 1)
        vec3 a = thread_end(2 + (k & 1), cb);
        vec3 b = thread_end((k >> 1) & 1, ca);
        // (the strands' ends projected once each and the middle: on screen a strand is the
        // quadratic through the three, walked in 2D -- a projection per segment cost the
        // lovers' shot 1.4x its time)
        vec2 pa = portrait_project(a).xy, pb = portrait_project(b).xy;
        float ta = distance(a, PORTRAIT_CAM), tb = distance(b, PORTRAIT_CAM);
        // each strand's sag (a slow breath), its spread in height and depth at the middle
        float sag = 0.010 + 0.004 * fk * fk * 0.25 + 0.002 * sin(u_time * 0.9 + fk * 1.3);
        vec3 spread = vec3(0.0, 0.0045 * fk, 0.008 * fk);
        vec2 pm = portrait_project(0.5 * (a + b) + vec3(0.0, -sag, 0.0) + spread).xy;
        vec2 pc = 2.0 * pm - 0.5 * (pa + pb);        // the control point through pm
        vec2 prev = pa;
        float best = 1e9, at = 0.0;
        for (int i = 1; i <= THREAD_SEG; ++i) {
            float u = float(i) / float(THREAD_SEG);
            vec2 cur = mix(mix(pa, pc, u), mix(pc, pb, u), u);
            vec2 ab = cur - prev, ap = s - prev;
            float h = clamp(dot(ap, ab) / dot(ab, ab), 0.0, 1.0);
            float d = length(ap - ab * h);
            if (d < best) { best = d; at = (float(i - 1) + h) / float(THREAD_SEG); }
            prev = cur;
        }
        // behind the cloth where the cloth is nearer than the strand (soft over a few mm)
        float tt = mix(ta, tb, at) + 0.01 * (1.0 - 4.0 * (at - 0.5) * (at - 0.5));
        float vis = smoothstep(-0.012, 0.004, hit - tt);
        float w = px * THREAD_CORE_PX;
        float core = exp(-best * best / (w * w)) * vis;
        float halo = exp(-best / (px * 10.0));
        // (round 35: the lovers' 95 and 99 s stills "practically the same frame" -- the link
        // is made in the shot: from the cut the strands grow out of both pairs of eyes toward
        // each other, each tip a bright bead of their light, and meet half-way by ``lovers``
        // 1, where their pulses begin to run)
        float from_eye = min(at, 1.0 - at);
        float tip = 0.5 * reach - 0.02 * float(k & 1);
        float grown = smoothstep(tip + 0.01, tip - 0.01, from_eye);
        float spark = exp(-pow((from_eye - tip) / 0.025, 2.0)) * (1.0 - smoothstep(0.45, 0.5, tip));
        core *= grown;
        halo = halo * grown + exp(-best / (px * 6.0)) * spark;
        core += exp(-best * best / (4.0 * w * w)) * spark * vis * 2.0;
        // the film's sheen: brightest where the strand turns to the candle below them (its
        // lowest point), its hue drifting along it
        float glint = 0.35 + 0.65 * exp(-pow((at - 0.5) * 3.2, 2.0));
        vec3 film = thread_film(at * 1.3 + fk * 0.17 + 0.05 * u_time);
        float pulse = (exp(-pow(fract(at - u_time * 0.35 + fk * 0.23) - 0.5, 2.0) * 300.0)
                    + exp(-pow(fract(1.0 - at - u_time * 0.3 + fk * 0.41) - 0.5, 2.0) * 300.0))
                    * smoothstep(0.85, 1.0, reach);
        col += film * core * (0.3 * glint + 1.2 * pulse) * (1.0 - 0.12 * abs(fk))
             + THREAD_CYAN * halo * (0.004 + 0.02 * pulse);    // (its light on the cloth near it)
    }
    return col;
}
#endif

void main() {
    vec2 s0 = centered_uv(gl_FragCoord.xy, u_resolution);
    float zoom = u_portrait_light.z;
    // (round 26: the push goes in toward the eyes, not the frame's middle, far enough that
    // stills a few seconds apart are not the same picture)
    vec2 eyes_at = 0.5 * (portrait_project(portrait_eye(0)).xy + portrait_project(portrait_eye(1)).xy);
#ifdef PORTRAIT_LOVERS
    // (round 33, 95.0 s: "a flame cut off at the bottom edge" -- the lovers' push goes in
    // toward the middle of their two lights, the thread above and the candle below, so the
    // candle stays whole in the frame as the shot closes in)
    eyes_at = 0.5 * (eyes_at + portrait_project(KEY_CANDLE).xy);
#endif
    vec2 focus = 0.8 * eyes_at * (1.0 - 1.0 / zoom);
    vec2 s = s0 / zoom + focus;
    vec2 uv = 0.5 + s * vec2(u_resolution.y / u_resolution.x, 1.0);
    vec3 lightc = light_colour();
    float key = u_portrait_light.x;
    float rimc = u_portrait_light.y;

#ifdef PORTRAIT_WOMAN
    // the glitch in her hands (paragraph 6: "her hands trembling -- not from emotion, but from
    // a glitch in her programming"): in the band of rows round them, rows tear sideways in
    // hard-edged runs, a few frames at a time, more as the tremor grows
    vec2 hs = (portrait_project(vec3(0.0, -0.3, -0.23)).xy - focus) * zoom;
    float band = step(abs(s0.y - hs.y), 0.075) * step(abs(s0.x - hs.x), 0.2);
    float row = floor(gl_FragCoord.y / max(u_resolution.y / 180.0, 1.0) / 3.0);
    float tick = floor(u_time * 11.0);
    float r1 = hash_to_unit(pcg2d(uvec2(uint(row + 512.0), uint(tick))).x);
    float r2 = hash_to_unit(pcg2d(uvec2(uint(row + 1024.0), uint(tick))).y);
    float tear = band * step(1.0 - 0.35 * u_tremor, r1) * (r2 - 0.5) * 0.05 * u_tremor;
    vec2 uv_still = uv;
    uv.x += tear * u_resolution.y / u_resolution.x;
#endif
    vec4 geo = texture(GEO_TEX, uv);
    vec4 mat = texture(MAT_TEX, uv);
#ifdef PORTRAIT_WOMAN
    // (round 27's readers: "the glitch bars look like a render artefact" -- whole rows of her
    // robe tore with the hands, the robe's lit edge jumping in bars: only her hands tear now,
    // their rows slipping over the still cloth; elsewhere the frame holds)
    if (tear != 0.0) {
        vec4 mat_still = texture(MAT_TEX, uv_still);
        bool hand_torn = mat.w > 0.7 && mat.w < 0.95;
        bool hand_still = mat_still.w > 0.7 && mat_still.w < 0.95;
        if (!hand_torn && !hand_still) {
            geo = texture(GEO_TEX, uv_still);
            mat = mat_still;
        }
    }
#endif
    vec3 ro = PORTRAIT_CAM;
    vec3 rd = portrait_ray(s);

    // --- behind: the room in haze (a dolly: it moves less than the figure as we push in)
    // (round 35: not where the figure covers it all -- the hall's candles paid for themselves)
    float cov = geo.a;
    vec3 col = vec3(0.0);
    if (cov < 0.999)
        col = background(s0 / (1.0 + (zoom - 1.0) * 0.3), lightc);

    // --- the figure: cloth and the face in the cowl's shadow, relit
    float depth = portrait_geo_depth(geo);
    vec3 P = ro + rd * depth;
    vec3 V = -rd;
    float ao = mat.x;
    float thin = mat.z;
#ifdef PORTRAIT_WOMAN
    float face = step(0.95, mat.w);
    float skin = step(0.7, mat.w) * (1.0 - face);             // her bare hands (0.85)
    float lining = 2.0 * min(mat.w, 0.5) * (1.0 - face) * (1.0 - skin);
#else
    float face = step(0.75, mat.w);
    float skin = 0.0;
    float lining = mat.w * (1.0 - face) * 2.0;
#endif
    float cloth = 1.0 - face - skin;
    // (round 33: the figure's light only where the figure is -- most of the frame is room)
    if (cov > 0.0) {
        // the weave: threads in the normal and the albedo (a pixel's worth or finer fades out)
        float weave;
        vec3 N = cloth_weave(portrait_geo_normal(geo), P, cloth, weave);
        float NV = max(dot(N, V), 0.0);
        // dark woven cloth, charcoal going umber; the face a dark mask
        // (round 24: "brown leather sacks" -- a cooler charcoal, the warmth only the candle's)
        vec3 albedo = mix(CLOTH_ALBEDO * (0.6 + 0.6 * weave), vec3(0.02, 0.02, 0.026), face);
        albedo = mix(albedo, vec3(0.12, 0.098, 0.1), skin);        // pale, a little cold
        // the key: a candle low in front, to the left (wrapped: light creeps round the folds)
        vec3 Lk = KEY_CANDLE - P;
        float dk2 = dot(Lk, Lk);
        Lk *= inversesqrt(dk2);
        float ndl = max(dot(N, Lk) * 0.92 + 0.08, 0.0);
#ifdef PORTRAIT_KEY_FALLOFF
        ndl *= ndl;    // (no wrap: the side of each fold turned from the flame goes to black)
#endif
        // (no nearer than 0.3 m: the lovers' candle stands close under their mantles)
        float kp = key * KEY_POWER / max(dk2, 0.09) * (1.0 - 0.88 * face);
        float lit = kp * mat.y;
        // (the folds' valleys fall to black: the occlusion cubed, no floor under it)
        // (and velvet's diffuse: the pile stands up where the cloth faces us, swallowing light,
        // and lies flat toward the silhouette, where it shines -- the faces dim, the turns bright)
        vec3 surf = albedo * lightc * lit * ndl * ao * ao * ao * mix(0.45, 1.25, 1.0 - NV * NV) * VELVET_DIFFUSE;
        // velvet, not clay: the pile catches the light where the cloth turns away from us (a
        // sheen at grazing, brightest on the lit flank's edges and on the threads' tops), with a
        // faint warm satin glint where the weave faces the flame
        vec3 H = normalize(Lk + V);
#if defined(PORTRAIT_KEY_FALLOFF) || defined(PORTRAIT_LOVERS)
        // (round 35: at 2.5 the sheen lay over the whole front, a pale sheet: only the turns)
        float graze = pow(1.0 - NV, 4.5);
        vec3 pile = mix(lightc, vec3(1.0, 0.87, 0.74), 0.3);
#else
        float graze = pow(1.0 - NV, 2.5);
        vec3 pile = mix(lightc, vec3(1.0, 0.87, 0.74), 0.55);   // (round 24: paler: charcoal, not brown)
#endif
        // (round 24: no glossy lobe -- that read as leather; the pile's sheen alone, stronger,
        // catching the light along the fold crests where they turn from us)
        surf += pile * lit * cloth * ao * ao * CLOTH_SHEEN * graze * max(dot(N, Lk) + 0.2, 0.0) * (0.35 + 0.65 * weave);
        // light THROUGH the cloth: where it is thin (the cowl's lip, a fold's edge, the hood's
        // outline) the candle behind it glows through, deep warm, the way a lampshade does
        vec3 Lr = normalize(RIM_CANDLE - P);
        float behind = max(dot(-V, Lr) + 0.25, 0.0);
        // (round 24: less of it -- broad glowing cloth read as "melted wax")
        surf += vec3(1.0, 0.42, 0.13) * lightc * rimc * cloth * thin * thin * behind * behind * 0.09 * (0.7 + 0.3 * weave);
        // the rim: the candle behind to the right, caught along the hood's edge
        float rim = pow(1.0 - NV, 3.0) * max(dot(N, Lr) + 0.15, 0.0);
        surf += lightc * rimc * rim * 0.2 * cloth * (0.5 + 0.5 * ao) * (0.6 + 0.4 * weave);
        // and a thin cold edge from behind at the right: the others' burning eyes, far off
        vec3 Lc = normalize(vec3(0.8, 0.45, 0.9));
        surf += vec3(0.3, 0.5, 1.0) * 0.05 * pow(1.0 - NV, 4.0) * max(dot(N, Lc), 0.0) * cloth * ao
              * (0.4 + 0.6 * u_eyes);
        // the cold of the room, barely: the forms never go flat black
        surf += vec3(0.32, 0.3, 0.9) * 0.007 * ao * ao * (0.5 + 0.5 * max(N.x, 0.0)) * (0.6 + 0.4 * N.y) * (1.0 - face);
        // the eyes' own cold light on the face and the inside of the hood
        for (int e = 0; e < EYE_COUNT; ++e) {
            vec3 Le = portrait_eye(e) - P;
            float dl = length(Le);
            float lit = max(dot(N, Le / dl) + 0.3, 0.0);
            float ds = max(dl - EYE_RADIUS, 0.0);
            // (round 24: no near-field spike -- it drew the socket's rim under a small deep
            // bead as a bright curve, a cartoon smile)
            // (round 25: the beads glow, so their light is brighter on the cowl's inside)
            float eface = 1.0;
    #ifdef PORTRAIT_WOMAN
            // (round 30: her face forward in the cowl, their cold light made it a grey-blue egg)
            eface = 1.0 - 0.8 * face;
    #endif
            surf += SILVER * albedo * 0.00026 * (0.5 + 0.5 * u_eyes) * lit / (0.0016 + ds * ds) * (0.3 + 0.7 * ao) * eface;
        }
        // her skin: the candle's warmth through it at the edges (fingers glow where thin)
        surf += vec3(1.0, 0.45, 0.3) * lightc * lit * skin * 0.05 * pow(1.0 - NV, 2.0) * ao;
        // the face and the lining round it stay in the cowl's deep shadow
        // (round 26: "faces waxy" -- the eyes' glow modelled the mask as a grey-blue egg with a
        // cartoon's brow and mouth: it is all but unseen now, the glowing eyes in a void)
        surf *= 1.0 - 0.8 * lining - 0.95 * face;
    #ifdef PORTRAIT_WOMAN
        // (round 30, 129 s: "the face a black ball with cartoon eyes") her face catches her candle
        // from the side: a thin warm rim along the cheek, jaw and nose turned to the flame,
        // falling off fast into the cowl's shadow; the lining round it stays dark
        float fr = max(dot(N, Lk), 0.0);
        surf += vec3(1.0, 0.5, 0.26) * lightc * key * KEY_POWER / max(dk2, 0.09) * face * WOMAN_FACE_RIM
              * fr * fr * (0.2 + pow(1.0 - NV, 1.5)) * (0.3 + 0.7 * mat.y) * ao;
    #endif
        // a little of the room's haze between us and the figure
        surf += lightc * 0.0025 * key;
        col = mix(col, surf, cov);
    }

    // --- the eyes: mercury spheres, exact, in front of what the G-buffer holds there
    float px = 1.0 / (u_resolution.y * PORTRAIT_FOCAL * zoom);
    for (int e = 0; e < EYE_COUNT; ++e) {
        vec3 E = portrait_eye(e);
        vec3 oc = ro - E;
        float b = dot(oc, rd);
        float c = dot(oc, oc) - b * b;                       // squared distance ray -> centre
        float perp = sqrt(max(c, 0.0));
        float te = -b - sqrt(max(EYE_RADIUS * EYE_RADIUS - c, 0.0));
        float ecov = clamp((EYE_RADIUS - perp) / (px * te) + 0.5, 0.0, 1.0)
                   // (round 29: soft in depth, a few mm -- the hood's brow cut the ball's
                   // top in stair steps at 1600 px)
                   * smoothstep(-0.004, 0.004, depth + 0.006 + (1.0 - cov) * 10.0 - te);
        // (round 25: "dull black beads", "button eyes" -- the text's GLOWING orbs of mercury:
        // a liquid-silver bead lit from within, the brightest thing in the figure)
        float glow = 0.6 + 0.4 * u_eyes;
        // (round 33: the ball's own colour only where the ball is -- its mirror's flames cost)
        if (ecov > 0.0) {
            vec3 Pe = ro + rd * te;
            vec3 n = normalize(Pe - E);
            // at the very edge (ecov < 1) the hit is a sliver: keep the limb's normal
            vec3 r = reflect(rd, n);
            float ne = max(dot(n, -rd), 0.0);
            // the mirror: the room and the candle's flame as a crisp warm point, fresnel toward
            // the limb (mercury reflects strongly everywhere, more at grazing angles)
            float fres = 0.78 + 0.22 * pow(1.0 - ne, 4.0);
            vec3 env = eye_env(E, r, lightc);
            // (round 33: more silver than copper -- a warm lower half read as an iris)
            env = mix(vec3(dot(env, vec3(0.3, 0.59, 0.11))) * vec3(0.95, 0.97, 1.0), env, 0.5);
            vec3 ec = env * fres;
            // the cold white-blue core shining through the liquid silver: white at the middle,
            // blue toward the limb
            // (round 27: the even white disc read as a button -- the glow lies deep in the liquid,
            // graded from a white heart to blue, and the mirror lies over it)
            float core = pow(ne, 2.5);
            // (round 29: "googly" -- a milky white heart over the whole face of the ball: the
            // glow is deep and small, the mirror carries the ball)
            ec += mix(vec3(0.15, 0.32, 1.0), vec3(0.55, 0.8, 1.0), core * core) * glow * (0.01 + 0.2 * core * core * core);
            // (round 27: the bright ring round the ball drew the button's rim -- a dark limb,
            // where the liquid silver turns away and mirrors only the dark of the cowl)
            // (round 32: "glass marbles with ghosted double edges" -- that dark limb, between the
            // ball and the glow round it, drew a second outline: the limb goes over into the
            // glow's own light, so the ball's edge is one soft step into its halo)
            float rimw = smoothstep(EYE_RADIUS * 0.55, EYE_RADIUS * 0.98, perp);
            vec3 halo0 = EYE_HALO * glow * (EYE_HALO_NEAR + EYE_HALO_FAR);
            ec = mix(ec, halo0 * EYE_LIMB_GLOW, 0.8 * rimw);
            // (round 33: no shade over the ball's top -- with the mirror's horizon it read as a lid)
            col = mix(col, ec, ecov);
        }
        // its light blooming a little into the dark of the cowl round it -- never through
        // the cloth in front of it (the lovers' far eyes lie behind their hoods)
        float out_r = max(perp - EYE_RADIUS, 0.0) / EYE_RADIUS;
        // (round 26: soft in depth -- a hard cut drew the face mask behind the eyes as a lit
        // egg with a dark brow and a cartoon's mouth, "faces waxy": the glow hangs in the
        // cowl's air over mask and lining alike)
        // (round 28, 98.6 s: "the left figure's eyes glow through its hood, off the face" --
        // the soft depth let the lovers' far eyes bloom through the outside of the hood that
        // hides them: only the cowl's inside, the face and its lining, takes the soft range;
        // the outer cloth must lie behind the eye to be lit by it)
        float inside = clamp(face + lining, 0.0, 1.0);
        float seen = smoothstep(-b - mix(0.02, 0.25, inside), -b - mix(0.0, 0.06, inside),
                                depth + (1.0 - cov) * 10.0);
        col += EYE_HALO * glow * (EYE_HALO_NEAR * exp(-out_r * 6.0) + EYE_HALO_FAR * exp(-out_r * 1.4))
             * (1.0 - ecov) * seen;
    }

#ifdef PORTRAIT_LOVERS
    col += lovers_thread(s, px, depth, cov, u_lovers) * (0.4 + 0.6 * u_lovers);
#endif
#if !defined(PORTRAIT_LOVERS) && !defined(PORTRAIT_WOMAN)
    // (round 28: the voices "wrapping around you like silk", never seen in a still): ribbons
    // of pale silk light curling through the air round the figure (silk_air.glsl); nothing
    // to pay while they are silent (a uniform branch)
    if (u_voices > 0.0)
        col += silk_air(s, px, depth, cov, lightc, portrait_project(KEY_CANDLE).xy, u_time, u_voices);
#endif

    // --- the key candle itself, low at the left, as near as the figure: its wax and flame
    // (the source of the light on the hood: the frame's second point, across from the eyes)
    col = key_candle(s, col, lightc, px);

    // --- vignette, exposure, tone map
    float vig = 1.0 - 0.45 * smoothstep(0.35, 1.05, length(s0 * vec2(0.75, 1.0)));
    col *= vig * u_exposure * PORTRAIT_EXPOSURE;
#if defined(PORTRAIT_LOVERS) || !defined(PORTRAIT_WOMAN)
    // (round 33, 95.0 s: "dark murky frame", "muddy brown" -- the dim warm veil between the
    // lights sinks toward true black (a soft toe under ~LOVERS_TOE), the flame and the eyes
    // and the lit folds kept as they were)
#ifdef PORTRAIT_LOVERS
    const float LOVERS_TOE = 0.0015;
    col *= col / (col + LOVERS_TOE) + LOVERS_TOE / (max(col, vec3(1e-6)) + 0.25);
#else
    // (round 34, 93.3 s: the portrait's "muddy brown palette" -- the same toe there, on the
    // luminance: per channel it sank the charcoal cloth's dim blue first, the hood going brown)
    const float PORTRAIT_TOE = 0.0012;
    float tl = max(dot(col, vec3(0.3, 0.59, 0.11)), 1e-6);
    col *= tl / (tl + PORTRAIT_TOE) + PORTRAIT_TOE / (tl + 0.25);
#endif
#endif
    vec3 outc = tonemap_agx_srgb(col);
    outc = dither_fast(outc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(outc, 1.0);
}
