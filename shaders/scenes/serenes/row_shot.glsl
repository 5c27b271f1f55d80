// row_shot.glsl -- the relight of the modelled stage shots: the row (row.frag) and the woman
// alone in her room (alone.frag, PORTRAIT_ALONE); their G-buffers baked by portrait.glsl.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "light.glsl"
#include "portrait.glsl"
#include "../../lib/noise.glsl"
#ifdef PORTRAIT_ALONE
#define WINDOW_VIEW_ONLY
#include "window.glsl"
#endif

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
uniform float u_exposure;
uniform float u_stage_pan;
#ifdef PORTRAIT_ALONE
uniform sampler2D u_alone_geo;
uniform sampler2D u_alone_mat;
#define GEO_TEX u_alone_geo
#define MAT_TEX u_alone_mat
#else
uniform sampler2D u_row_geo;
uniform sampler2D u_row_mat;
#define GEO_TEX u_row_geo
#define MAT_TEX u_row_mat
#endif
uniform vec4 u_portrait_light;    // the two front candles' levels, the rim candle's, sway phase
out vec4 frag_colour;

#ifndef PORTRAIT_ALONE
#define CANDLE_SCALE 2.0
#endif
#include "candle_flame.glsl"

const vec3 SILVER = vec3(0.70, 0.83, 1.0);
#ifdef PORTRAIT_ALONE
const float ALONE_NIGHT = 1.0;        // the night's brightness through her window
// (round 31: 0.18 left 123.4 and 125.3 s one picture -- the push is twice as far now, and the
// cue drifts the camera right with it, ``pan``: the window slides out, her shadow comes in)
const float ALONE_PUSH = 0.36;        // how far the wide shot pushes in toward her (``push`` 1)
const float ALONE_TEAR_ROWS = 5.0;   // the glitch's torn bands, in rows of a 180-line frame
// (round 28, 124.4 s: "the right half dead black"): the candle's light bounced off the boards
// and the lit plaster, unshadowed and soft, fills her shadow on the wall to a deep warm umber
const float ALONE_BOUNCE = 0.25;
// (round 28: "the hands float ... a different skin tone from the body"): her hands' skin in
// the same candle light as her cloth, muted, their glow through the edges faint
const vec3 ALONE_SKIN = vec3(0.085, 0.068, 0.062);
const float ALONE_SKIN_GLOW = 0.1;
const float ALONE_CLOTH = 3.0;        // her cloth's albedo over the row's charcoal
// (round 28: "a dark sack" -- her candle's second light behind her at the left, a warm rim
// along her hood and shoulder that cuts her from the wall)
const float ALONE_RIM = 0.45;
const float ALONE_FACE_RIM = 2.2;     // the candle's warm edge along her face
// The window's wall coordinates (window.glsl: metres along the wall, up from the floor) of
// a point of her wall: its centre 1.75 m left of her, past her candle, its sill a little
// lower than the stage's (the whole arch in the frame).
vec2 alone_window_at(vec3 B) {
    return vec2(B.x - 0.3, B.y - ROW_FEET + 0.25);
}
// (round 29, 125.7 s: "the window a flat 2D cut-out in another style"): the opening is set
// in a thick wall and lit by the room's own candle -- the reveal's left side and the sill,
// turned toward the flame, take its warm light (``room`` is the plaster's light here), the
// right side falls into shade; the frame is candle-lit wood, not a black stencil; and the
// glass carries a faint warm sheen of the room over the night.
const float ALONE_REVEAL = 0.09;      // the reveal's depth seen on the wall (m)
vec3 alone_window_opening(vec2 w, float sd, float aa, vec3 room) {
    vec3 view = window_view(w, aa) * ALONE_NIGHT;
    float up = w.y - WIN_SILL;
    view += room * 0.05 * (1.0 - smoothstep(0.0, WIN_SIDE, up));
    // (the reveal: the wall's cut round the frame, ALONE_REVEAL wide)
    float band = smoothstep(-aa, aa, sd);
    float left = 1.0 - smoothstep(-aa, aa, w.x - WIN_X);
    float sill = 1.0 - smoothstep(-aa, aa, up);
    // (the side toward the flame lit, the sill half, the far side in shade; darker deeper in)
    float lit = max(left * 1.2, 0.85 * sill);
    vec3 reveal = room * mix(0.15, 1.0, lit) * (0.6 + 0.4 * smoothstep(0.0, ALONE_REVEAL, sd));
    vec3 col = mix(view, reveal, band);
    // the wood: dark stained, its faces in the candle's light
    vec3 wood = room * vec3(0.42, 0.34, 0.3);
    return mix(col, wood, window_frame(w, sd, aa) * (1.0 - band));
}
// (round 29, 125.7 s: "the right half empty darkness"): a second window, off the frame at
// the right, throws the night's cold light on the wall beyond her shadow -- the arched
// opening's shape stretched and slanted on the plaster, its mullions' shadows across it,
// soft-edged (the night sky is a wide light): the warm room at the left, the cold patch at
// the right, her shadow between.
const float ALONE_MOON_X = 1.55;      // the patch's centre along the wall (m; she sits at 0.12)
const float ALONE_MOON = 1.0;         // its light on the plaster
vec3 alone_moon_patch(vec3 B) {
    float up = B.y - (ROW_FEET + 0.35);
    vec2 w = vec2(WIN_X + (B.x - ALONE_MOON_X) * 0.8 - 0.3 * up, WIN_SILL + up * 0.85);
    float sd = window_sd(w);
    float patch = 1.0 - smoothstep(-0.14, 0.16, sd);
    patch *= 1.0 - 0.7 * window_frame(w, sd + 0.06, 0.05);
    return vec3(0.16, 0.32, 0.75) * ALONE_MOON * patch;
}
#endif
// (round 29, 86.8 s: "underexposed" -- 0.88, not 0.7: the wall's candle pools and the folds
// lifted, the vignette's corners still true black)
const float ROW_EXPOSURE = 0.88;
const float PAN_SCREEN = 0.24;       // screen units the picture shifts per metre of ``pan``
const float SWAY = 0.02;             // the shear of their unison sway at head height
#ifndef PORTRAIT_ALONE
// (round 26: "dark carved-looking columns against a brown wall", 83 and 85.5 s one picture)
const float ROW_PUSH = 0.4;          // the first row shot's push in toward the middle of the row (``push`` 1)
// (round 32: "one head is cut off at the top" at 87.2 s -- aimed at 0.12 the push carried the
// tallest hood out of the frame: it aims at the hoods' own height, so they stay in)
const vec2 ROW_AIM = vec2(0.02, 0.26);   // where it pushes toward (screen units: between the middle hoods)
const float SHADOW_THROW = 4.0;      // a shadow on the wall sways this many times its figure (candle near, wall far)
const float ROW_RIM = 0.55;          // the candle behind the row along their edges (0.16 read as carved wood)
// (round 32: "stiff lumpy columns", "shapeless tubes", "melted-wax blobs" -- the front
// candles modelled every lump of the gowns: the row commits to the text's "shadows cast by
// candlelight", near-black shapes against the lit wall, the front light on the cloth a
// seventh of what it was, their cold light only on their edges, and found by a strong rim of the candle behind them)
const float ROW_FRONT = 0.15;        // the front candles' light on the cloth, a fraction
const float ROW_RIM_BOLD = 1.6;      // the rim over ROW_RIM: the hot edge that draws each silhouette
const float ROW_RIM_SOFT = 0.1;      // ... and its soft spill a little way into the cloth
const float ROW_COLD = 0.06;         // the eyes' cold light on their cloth at the cost (``eyes`` 0.95)
const float ROW_EYE_GLOW = 6.0;
const float ROW_POOL = 0.05;         // the candles' glow pooled on the boards round their feet      // the eyes' own light, over the portrait's (the brightest points of the row)
#endif

#ifndef PORTRAIT_ALONE
// How near the figures' outline a covered texel of the bake lies, 0..1 (round 32): how
// much of two taps ROW_EDGE_W up-left and up-right of it miss the figures (sideways and
// up, not down: the hems stand on the floor), so the rim draws the silhouette, not the
// lumps.  (Two taps, not four: the row's frame is the cue's costliest.)
const float ROW_EDGE_W = 0.007;      // screen units (of the frame's height)
float row_edge(vec2 uv, float aspect) {
    vec2 d = vec2(ROW_EDGE_W / ROW_OVERSCAN / aspect, 0.6 * ROW_EDGE_W / ROW_OVERSCAN);
    float miss = 2.0 - texture(GEO_TEX, uv + d).a - texture(GEO_TEX, uv + vec2(-d.x, d.y)).a;
    return clamp(miss * 0.8, 0.0, 1.0);
}

// The rim's profile across the edge (round 34, 85.8 s: "the rim light is a hard, detached
// band", "the rim lines look stuck on" -- two taps at one distance drew a band of even width
// and even light, cut off where the lumpy normals turned): the same test at a third of the
// distance too, so the light is brightest on the outline itself and falls off smoothly
// into the cloth, 0..1.
float row_rim_profile(vec2 uv, float aspect, float far_edge) {
    vec2 d = vec2(ROW_EDGE_W / ROW_OVERSCAN / aspect, 0.6 * ROW_EDGE_W / ROW_OVERSCAN) * 0.3;
    float miss = 2.0 - texture(GEO_TEX, uv + d).a - texture(GEO_TEX, uv + vec2(-d.x, d.y)).a;
    float near_edge = clamp(miss * 0.8, 0.0, 1.0);
    return near_edge * 0.7 + far_edge * far_edge * 0.3;
}
#endif

#ifndef PORTRAIT_ALONE
// The plaster's mottle for the row (round 32, for speed: the row's frame is the cue's
// costliest): value noise as vnoise, its corners from a two-multiply integer hash instead
// of a full pcg2d each -- the same soft stains, a different draw of them.
float row_hash(uvec2 c) {
    uint h = (c.x * 1597334677u) ^ (c.y * 3812015801u);
    h ^= h >> 16u;
    h *= 747796405u;
    h ^= h >> 15u;
    return float(h) * (1.0 / 4294967296.0);
}

float row_vnoise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    uvec2 c = uvec2(ivec2(i) + 4096);
    float a = row_hash(c), b = row_hash(c + uvec2(1u, 0u));
    float d = row_hash(c + uvec2(0u, 1u)), e = row_hash(c + uvec2(1u, 1u));
    return mix(mix(a, b, f.x), mix(d, e, f.x), f.y);
}

// row_vnoise with its gradient (value, d/dx, d/dy) from the same four corners (round 34: the
// plaster's relief, one lookup where three finite-difference ones cost the row 4 %).
vec3 row_vnoise_d(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f), du = 6.0 * f * (1.0 - f);
    uvec2 c = uvec2(ivec2(i) + 4096);
    float a = row_hash(c), b = row_hash(c + uvec2(1u, 0u));
    float d = row_hash(c + uvec2(0u, 1u)), e = row_hash(c + uvec2(1u, 1u));
    float k = a - b - d + e;
    return vec3(mix(mix(a, b, u.x), mix(d, e, u.x), u.y),
                du.x * (b - a + k * u.y), du.y * (d - a + k * u.x));
}
#endif

// The cloth's light from one candle at ``c`` (level ``k``, its shadow ``sh``): a wrapped
// diffuse, and the velvet pile catching it where the cloth turns from us.
vec3 cloth_light(vec3 P, vec3 N, vec3 V, vec3 c, float k, float sh, vec3 lightc, vec3 albedo) {
    vec3 L = c - P;
    float d2 = dot(L, L);
    L *= inversesqrt(d2);
    float lit = k * sh * 0.5 / max(d2, 0.25);
    float ndl = max(dot(N, L) * 0.85 + 0.15, 0.0);
    float graze = pow(1.0 - max(dot(N, V), 0.0), 4.0);
    vec3 pile = mix(lightc, vec3(1.0, 0.8, 0.6), 0.45);
    // (round 24: "brown leather sacks" -- the pile's sheen at grazing carries the cloth,
    // bright on the fold crests that turn from us, the flat faces between them dark)
    return lightc * albedo * lit * ndl + pile * lit * 0.09 * graze * max(dot(N, L) + 0.2, 0.0);
}

// What a mercury eye mirrors in direction r: the dark room, the warm floor below, the
// candle flames as hot points.
vec3 eye_env(vec3 E, vec3 r, vec3 lightc, vec2 lv) {
    vec3 col = vec3(0.0015, 0.002, 0.003) + SILVER * 0.004 * smoothstep(0.0, 1.0, r.y);
    col += lightc * 0.04 * smoothstep(0.0, -0.25, r.y) * smoothstep(-0.9, -0.3, r.y) * lv.x;
    vec3 cs[2] = vec3[2](KEY_CANDLE, KEY_CANDLE_B);
    for (int k = 0; k < 2; ++k) {
        vec3 d = normalize(cs[k] + vec3(0.0, 0.03, 0.0) - E);
        float f = 1.0 - dot(r, d);
        col += lightc * lv[k] * (3.0 * (1.0 - smoothstep(0.0015, 0.004, f)) + 0.15 * exp(-f * 60.0));
        col += vec3(1.0, 0.9, 0.72) * lv[k] * 6.0 * (1.0 - smoothstep(0.0, 0.0015, f));
    }
    return col;
}

void main() {
    vec2 s0 = centered_uv(gl_FragCoord.xy, u_resolution);
    float aspect = u_resolution.x / u_resolution.y;
    vec3 lightc = light_colour();
    vec2 lv = u_portrait_light.xy;
    float rimc = u_portrait_light.z;
    // the drift along the row, and their sway: above the floor's line the picture leans
    vec2 s = s0 + vec2(u_stage_pan * PAN_SCREEN, 0.0);
#ifdef PORTRAIT_ALONE
    // (round 26: her wide room held one picture for five seconds -- two stills alike): a slow
    // push in toward her over the shot (``push``), the room closing round her
    float zoom = 1.0 + ALONE_PUSH * u_push;
    vec2 her = portrait_project(row_world(vec3(0.0, -0.3, 0.0), 0)).xy;
    s = s / zoom + her * (1.0 - 1.0 / zoom);
    // she does not sway; the glitch in her hands (paragraph 6) tears rows round them
    // sideways in hard-edged runs, a few frames at a time, more as the tremor grows
    float sway = 0.0;
    vec2 hs = portrait_project(row_world(vec3(0.0, -0.3, -0.23) + HAND_SHIFT, 0)).xy;
    float band = step(abs(s.y - hs.y), 0.045) * step(abs(s.x - hs.x), 0.12);
    // (round 28: rows two lines of 180 tall read as "thin horizontal line artefacts crossing
    // the hands": the tears are bands a fifth of a hand tall, torn whole)
    float row_ = floor(gl_FragCoord.y / max(u_resolution.y / 180.0, 1.0) / ALONE_TEAR_ROWS);
    float tick = floor(u_time * 11.0);
    float r1 = hash_to_unit(pcg2d(uvec2(uint(row_ + 512.0), uint(tick))).x);
    float r2 = hash_to_unit(pcg2d(uvec2(uint(row_ + 1024.0), uint(tick))).y);
    vec2 torn = s - vec2(band * step(1.0 - 0.35 * u_tremor, r1) * (r2 - 0.5) * 0.035 * u_tremor, 0.0);
    // (round 29, 125.7 s: "the horizontal tear at her hands looks like a render bug" -- the
    // band tore the wall and her lap with them): only her hands stutter, a ghost of them
    // jumped sideways over whatever lies beside them, so each hand's outline doubles where
    // it jumps, and the room round them holds still
    vec4 torn_mat = texture(MAT_TEX, 0.5 + torn / ROW_OVERSCAN * vec2(1.0 / aspect, 1.0));
    vec2 sf = mix(s, torn, step(0.5, torn_mat.z));
#else
    // the slow push in along the row (``push``), so two stills of one shot are two framings
    float zoom = 1.0 + ROW_PUSH * u_push;
    s = s / zoom + ROW_AIM * (1.0 - 1.0 / zoom);
    float sway = SWAY * sin(u_portrait_light.w) * max(s.y + 0.26, 0.0) / 0.5;
    vec2 sf = s - vec2(sway, 0.0);
#endif
    vec2 uv = 0.5 + sf / ROW_OVERSCAN * vec2(1.0 / aspect, 1.0);
    vec4 geo = texture(GEO_TEX, uv);
    vec4 mat = texture(MAT_TEX, uv);
    vec3 ro = PORTRAIT_CAM;
    vec3 rd = portrait_ray(sf);
    vec3 V = -rd;

    // --- the room: the floor and the wall, lit by the front candles past the figures
    float tb = row_room(ro, rd);
    vec3 B = ro + rd * tb;
    float on_floor = step(B.y, ROW_FEET + 0.001);
    vec3 Nb = on_floor > 0.5 ? vec3(0.0, 1.0, 0.0) : vec3(0.0, 0.0, -1.0);
    float bg = step(mat.w, -0.5);
    float shA = mix(0.0, mat.y, bg), shB = mix(0.0, mat.z, bg);
#ifndef PORTRAIT_ALONE
    // (round 26, the text's own image, "shadows cast by candlelight"): their shadows on the
    // wall, thrown by candles low and near, are huge and sway with them, several times as far
    // (the bake's shadow looked up where the sway carries it), and hard-edged enough to read as
    // their hooded shapes: dark figures of shade in the candles' pools
    {
        float throw_ = SHADOW_THROW * sway * (1.0 - on_floor);
        vec4 mt = texture(MAT_TEX, 0.5 + (sf - vec2(throw_, 0.0)) / ROW_OVERSCAN * vec2(1.0 / aspect, 1.0));
        float bgt = step(mt.w, -0.5);
        float ta = mix(shA, mt.y, bgt * (1.0 - on_floor)), tb_ = mix(shB, mt.z, bgt * (1.0 - on_floor));
        shA = mix(shA, smoothstep(0.25, 0.75, ta), bg);
        shB = mix(shB, smoothstep(0.25, 0.75, tb_), bg);
    }
#endif
    // (old plaster, mottled and stained, not a flat wall)
#ifdef PORTRAIT_ALONE
    float mottle = 0.6 * vnoise(B.xy * 3.0) + 0.4 * vnoise(B.xy * 11.0 + 7.0);
#else
    float mottle = 0.6 * row_vnoise(B.xy * 3.0) + 0.4 * row_vnoise(B.xy * 11.0 + 7.0);
#endif
    // (round 24: a cooler, duller plaster -- the room all one orange-brown made the cloth
    // read as "brown leather"; the candles alone warm it)
    vec3 plaster = wall_colour() * vec3(0.5, 0.44, 0.42) * 0.2 * (0.7 + 0.5 * mottle);
    vec3 boards = vec3(0.05, 0.034, 0.024) * (0.8 + 0.2 * sin(B.x * 9.0 + 0.5 * sin(B.z * 3.0)));
#ifndef PORTRAIT_ALONE
    // (round 26: the boards' candle pools read as a pale beige sheet under them: dark
    // polished wood, its light the flames' streaks and the pools' falloff)
    boards *= 0.35;
#endif
#ifndef PORTRAIT_ALONE
    // (round 34, 85.8 s: "the background is empty" -- a wall with texture): the plaster's
    // relief, trowelled lime in short slanting strokes over a fine grain, its normal tilted
    // so the candles low in front rake across it and the strokes catch their light
    vec2 pq = B.xy * vec2(34.0, 22.0) + vec2(B.y * 9.0, 0.0);
    vec3 hn = row_vnoise_d(pq);
    Nb = mix(Nb, normalize(vec3(-hn.y * 0.19, -hn.z * 0.19, -1.0)), 1.0 - on_floor);
    plaster *= 0.82 + 0.36 * hn.x;
#endif
    vec3 alb = mix(plaster, boards, on_floor);
    vec3 room = vec3(0.0);
    vec3 cs[3] = vec3[3](KEY_CANDLE, KEY_CANDLE_B, RIM_CANDLE);
#ifdef PORTRAIT_ALONE
    // (her wall is near: the dark round her; round 30: 3.5, not 1.5 -- her shadow stands as
    // a shape on a lit wall, the bounce halved to 0.25 so it stays dark)
    const float WALL_LIGHT = 3.5;
#else
    // (round 32: 8, not 7 -- with the gowns gone to shadow the lit plaster carries the
    // frame's exposure, and the silhouettes stand against it)
    const float WALL_LIGHT = 8.0;
#endif
    float ck[3] = float[3](WALL_LIGHT * lv.x * shA, WALL_LIGHT * lv.y * shB, 0.35 * rimc);
    for (int k = 0; k < 3; ++k) {
        vec3 L = cs[k] - B;
        float d2 = dot(L, L);
        room += lightc * alb * ck[k] * max(dot(Nb, L * inversesqrt(d2)), 0.0) * 0.9 / max(d2, 0.04);
    }
#ifdef PORTRAIT_ALONE
    {
        vec3 L = KEY_CANDLE - B;
        room += lightc * alb * WALL_LIGHT * lv.x * ALONE_BOUNCE / (dot(L, L) + 1.0);
    }
#endif
#ifndef PORTRAIT_ALONE
    // (round 34 follow-up: the candles' glow pooling on the boards round their feet, warm and
    // falling off within a stride, where the dark polished wood drank their light)
    for (int k = 0; k < 2; ++k) {
        vec2 dxz = B.xz - cs[k].xz;
        room += lightc * vec3(1.0, 0.6, 0.3) * lv[k] * ROW_POOL * on_floor * (k == 0 ? shA : shB)
              * exp(-dot(dxz, dxz) / 0.05) * mix(1.0, mat.x, bg);
    }
#endif
    room *= mix(1.0, mat.x, bg);
    // the polished boards mirror the flames (a warm streak under each) and, where a figure
    // stands between, go dark: its reflection (the mirrored point looked up in the bake)
    {
        vec3 rr = reflect(rd, vec3(0.0, 1.0, 0.0));
        float fres = 0.04 + 0.5 * pow(1.0 - max(rd.y * -1.0, 0.0), 5.0);
        vec3 refl = vec3(0.0);
        for (int k = 0; k < 3; ++k) {
            vec3 d = normalize(cs[k] - B);
            vec2 off = vec2(dot(rr.xz - d.xz, vec2(1.0, 0.0)), rr.y - d.y);
            float streak = exp(-off.x * off.x * 9000.0) * exp(-abs(off.y) * 14.0);
            refl += lightc * (k == 2 ? rimc : lv[k]) * streak * 0.9;
        }
        // the figures mirrored: the bake's coverage where the ray's mirror meets the row
        float mcov = 0.0;
        for (int k = 0; k < 3; ++k) {
            float zp = -0.15 + 0.4 * float(k);
            float tz = (zp - B.z) / max(rr.z, 1e-3);
            vec3 Q = B + rr * max(tz, 0.0);
            vec3 sp = portrait_project(Q);
            vec2 quv = 0.5 + (sp.xy + vec2(sway * 0.0, 0.0)) / ROW_OVERSCAN * vec2(1.0 / aspect, 1.0);
            vec4 g = texture(GEO_TEX, quv);
            mcov = max(mcov, g.a * step(abs(g.z - sp.z), 0.45) * step(ROW_FEET, Q.y));
        }
        room = room * (1.0 - 0.5 * mcov * on_floor) + refl * fres * on_floor * (1.0 - mcov);
    }
#ifdef PORTRAIT_ALONE
    // (round 26: her wide room rated 3 -- one warm brown murk): the tall arched window onto
    // the glass city's night (window.glsl) in the wall at her left, past her candle, its
    // frame dark against the cold sky and needle towers, and the night's cold light thrown
    // through it in a long patch across the boards toward her
    // (``window``, as on the stage: 0 a plain wall; a uniform branch, the plain wall pays nothing)
    if (u_window > 0.0) {
        float aa = 1.5 * (ROW_WALL - PORTRAIT_CAM.z) / (PORTRAIT_FOCAL * u_resolution.y);
        if (on_floor < 0.5) {
            vec2 w = alone_window_at(B);
            float sd = window_sd(w);
            float inside = (1.0 - smoothstep(-aa, aa, sd - ALONE_REVEAL)) * bg;
            vec3 opening = alone_window_opening(w, sd, aa, room);
            room = mix(room, opening, inside * u_window);
            room += plaster * alone_moon_patch(B) * u_window * bg;
            // the night's cold glow on the plaster round the opening
            room += plaster * vec3(0.06, 0.12, 0.3) * 0.5 * exp(-max(sd, 0.0) * 3.0) * step(0.0, sd) * bg * u_window;
        } else {
            float t = (ROW_WALL - B.z) / -WIN_LIGHT.z;          // back along the light to the wall
            float sd = window_sd(alone_window_at(B - WIN_LIGHT * t));
            float patch = (1.0 - smoothstep(-0.08, 0.12, sd)) * exp(-t * 0.25);
            room += boards * vec3(0.16, 0.32, 0.75) * 3.0 * patch * mix(1.0, mat.x, bg) * u_window;
        }
    }
#endif
    // the haze of the room: candle light scattered in the air, more with distance
    room += lightc * (lv.x + lv.y) * 0.0022 * (1.0 - exp(-tb * 0.15));
    vec3 col = room;

    // --- the figures: charcoal-umber cloth, lit only on the folds and rims
    float cov = geo.a;
    float depth = portrait_geo_depth(geo);
    vec3 P = ro + rd * depth;
    vec3 N = portrait_geo_normal(geo);
    float ao = mat.x;
    float face = step(0.75, mat.w);
    float lining = clamp(mat.w, 0.0, 1.0) * (1.0 - face) * 2.0;
    float NV = max(dot(N, V), 0.0);
    // (deep charcoal going umber, round 22: no terracotta -- the light lives in the pile)
    // (round 24: charcoal, barely warm -- the candle gives the umber, not the cloth)
    vec3 albedo = mix(vec3(0.0052, 0.005, 0.0054), vec3(0.02, 0.02, 0.026), face);
#ifdef PORTRAIT_ALONE
    // her bare hands (0.85): pale skin, the candle warm through their thin edges
    float skin = mat.z;                        // (PORTRAIT_ALONE's bake: skin, not a shadow)
    // (round 28, 124.4 s: "the figure a shapeless sack", "the hands float, disconnected"): her
    // cloth a shade less black, so her candle models its folds, her arms and sleeves up to
    // her hands
    albedo *= ALONE_CLOTH;
    face *= 1.0 - skin;
    albedo = mix(albedo, ALONE_SKIN, skin);
#endif
#ifdef PORTRAIT_ALONE
    vec3 fig = cloth_light(P, N, V, KEY_CANDLE, lv.x, mat.y, lightc, albedo)
             + cloth_light(P, N, V, KEY_CANDLE_B, lv.y, mat.z, lightc, albedo);
#else
    // (round 32: the gowns are shadows, the front light a faint ROW_FRONT on them -- the two
    // front candles as one light between them, their levels and shadows summed: one
    // evaluation, not two, for what is now barely seen)
    float lk = lv.x + lv.y;
    vec3 cmid = (KEY_CANDLE * lv.x + KEY_CANDLE_B * lv.y) / max(lk, 1e-3);
    float shm = (mat.y * lv.x + mat.z * lv.y) / max(lk, 1e-3);
    vec3 fig = cloth_light(P, N, V, cmid, lk * ROW_FRONT, shm, lightc, albedo);
#endif
    fig *= ao * ao;                              // (the folds' valleys fall to black)
    // the rim: the candle behind the row caught along their edges
    vec3 Lr = normalize(RIM_CANDLE - P);
    float rim = pow(1.0 - NV, 3.0) * max(dot(N, Lr) + 0.2, 0.0);
#ifdef PORTRAIT_ALONE
    fig += lightc * rimc * rim * ALONE_RIM * (0.4 + 0.6 * ao);
#else
    // (round 26: a thin hot line of the candle behind, round each hood and down each flank,
    // cutting every figure from the wall and from the one behind it)
    // (round 32: only near the silhouette -- the gowns' lumps turn their normals from us
    // all over their fronts, and a rim from the normal alone lit every lump)
    // (round 34: "a hard, detached band" -- the rim's light from the outline's profile, not
    // from the baked normals, whose lumps cut it off and left a dark seam at the very edge;
    // the side toward the candle behind chosen softly; warmer, a candle's gold, not cream)
    float edge = row_edge(uv, aspect);
    float prof = row_rim_profile(uv, aspect, edge);
    float toward = smoothstep(-0.55, 0.45, dot(N, Lr));
    rim = prof * prof * toward;
    fig += lightc * vec3(1.0, 0.76, 0.46) * rimc * (rim * ROW_RIM * ROW_RIM_BOLD * 0.7
         + edge * edge * toward * ROW_RIM_SOFT) * (0.5 + 0.5 * ao);
#endif
    // the cold of the room, barely, from above
    fig += vec3(0.3, 0.36, 0.9) * 0.004 * ao * (0.5 + 0.5 * N.y) * (0.3 + 0.7 * u_eyes);
#ifndef PORTRAIT_ALONE
    // (round 28, 102.2 s: the cost, "underexposed, nearly unreadable"): as their eyes burn up
    // past 0.6 their cold light takes the room -- a silver light from above their hoods down
    // their shoulders and the crests of their folds, the valleys left black
    // (lit from above it showed the bodice's small horizontal creases as "wax" ripples: a
    // sheen at grazing instead, on the long vertical fold crests that turn from us)
    // (round 32: near the silhouette only -- over the fronts it lit every lump, "wax")
    fig += SILVER * ROW_COLD * smoothstep(0.6, 0.95, u_eyes) * ao * ao * (0.75 + 0.25 * N.y)
         * (0.01 + 0.6 * pow(1.0 - NV, 2.5) * edge);
#endif
#ifdef PORTRAIT_ALONE
    // the night's cold light from the window at her left, a thin edge along her hood and arm
    fig += vec3(0.16, 0.32, 0.75) * 0.05 * pow(1.0 - NV, 2.0) * max(dot(N, -WIN_LIGHT), 0.0) * ao * u_window;
    lining *= 1.0 - skin;
    fig += vec3(1.0, 0.45, 0.3) * lightc * lv.x * skin * ALONE_SKIN_GLOW * pow(1.0 - NV, 2.0) * mat.y;
#endif
    fig *= 1.0 - 0.85 * lining - 0.85 * face;
#ifdef PORTRAIT_ALONE
    // (round 30, 125.7 s: "a blank cone") her face catches the candle from the side: a thin
    // warm rim along the cheek, jaw and nose where they turn to the flame, falling off fast
    // into the cowl's shadow; the lining round it stays dark
    vec3 Lf = normalize(KEY_CANDLE - P);
    float fr = max(dot(N, Lf), 0.0);
    fig += vec3(1.0, 0.5, 0.26) * lightc * lv.x * face * ALONE_FACE_RIM
         * fr * fr * (0.25 + pow(1.0 - NV, 1.5)) * (0.3 + 0.7 * mat.y);
#endif
    fig += lightc * (lv.x + lv.y) * 0.0022 * (1.0 - exp(-depth * 0.15));
    col = mix(col, fig, cov);

    // --- the eyes: mercury spheres, the nearest one hit
    float px = 1.0 / (u_resolution.y * PORTRAIT_FOCAL * zoom);
    float halo = 0.0;
    // (a pixel no eye covers keeps the first eye: never a NaN blended in at zero weight)
    float best = 0.99, ecov = 0.0;
    vec3 bestE = portrait_eye(0);
    for (int e = 0; e < EYE_COUNT; ++e) {
        vec3 E = portrait_eye(e);
        float r = EYE_RADIUS * ROW_AT[e >> 1].z;
        vec3 oc = ro - E;
        float b = dot(oc, rd);
        float c = dot(oc, oc) - b * b;
        float perp = sqrt(max(c, 0.0));
        float te = -b;
        float cv = clamp((r - perp) / (px * te) + 0.5, 0.0, 1.0) * step(te, depth + 0.05 + (1.0 - cov) * 10.0);
        if (cv > ecov) { ecov = cv; best = perp / r; bestE = E; }
#ifdef PORTRAIT_ALONE
        halo += exp(-perp / (te * px) * 0.45) * (1.0 - cv);
#else
        // (round 32, for speed, ten eyes a pixel: exp(-0.45 px) as a short polynomial,
        // (1 - px/12)^4, within a few % of it where it shows and nothing past 12 px)
        float hq = max(1.0 - perp / (te * px) * (1.0 / 12.0), 0.0);
        hq *= hq;
        halo += hq * hq * (1.0 - cv);
#endif
    }
    {
        vec3 E = bestE;
        vec3 oc = ro - E;
        float b = dot(oc, rd);
        float r = length(oc - rd * b) / max(best, 1e-3);      // (its radius, from the pass)
        float te = -b - sqrt(max(r * r - dot(oc, oc) + b * b, 0.0));
        vec3 n = normalize(ro + rd * te - E);
        vec3 rr = reflect(rd, n);
        float ne = max(dot(n, -rd), 0.0);
        vec3 env = eye_env(E, rr, lightc, lv);
        env = mix(vec3(dot(env, vec3(0.3, 0.59, 0.11))) * vec3(0.95, 0.97, 1.0), env, 0.65);
        // (its own cold glow from within, brightest in the middle: an orb, not a ring)
        vec3 ec = env * 0.72 + SILVER * (0.012 + 0.05 * u_eyes) * ne * ne * ne;
#ifndef PORTRAIT_ALONE
        ec += SILVER * (0.012 + 0.05 * u_eyes) * (ROW_EYE_GLOW - 1.0) * ne * ne;
#endif
        ec *= 0.15 + 0.85 * smoothstep(1.0, 0.6, best);
        col = mix(col, ec, ecov);
    }
    col += SILVER * (0.002 + 0.01 * u_eyes) * halo;

    // --- the candles themselves, in front of the row, and their glow in the air
#ifdef PORTRAIT_ALONE
    const int FLAMES = 1;
#else
    const int FLAMES = 2;
#endif
    for (int k = 0; k < FLAMES; ++k) {
        vec3 fp = portrait_project(cs[k] + vec3(0.0, 0.01, 0.0));
        vec2 d = (sf - fp.xy) * vec2(1.0, 0.8);
        col += lightc * lv[k] * (0.006 / (1.0 + dot(d, d) * 9000.0) + 0.0025 / (1.0 + dot(d, d) * 120.0));
    }
    col = candle_in_frame(sf, col, lightc, px, KEY_CANDLE, lv.x, (ROW_FEET - KEY_CANDLE.y) / CANDLE_SCALE);
#ifndef PORTRAIT_ALONE
    col = candle_in_frame(sf, col, lightc, px, KEY_CANDLE_B, lv.y, (ROW_FEET - KEY_CANDLE_B.y) / CANDLE_SCALE);
#endif

#ifdef PORTRAIT_ALONE
    float vig = 1.0 - 0.45 * smoothstep(0.35, 1.05, length(s0 * vec2(0.75, 1.0)));
#else
    // (round 26: true blacks -- the room falls to black at the frame's edges and top)
    float vig = (1.0 - 0.7 * smoothstep(0.3, 1.0, length(s0 * vec2(0.75, 1.0))))
              * (1.0 - 0.6 * smoothstep(0.1, 0.5, s0.y));
#endif
    col *= vig * u_exposure * ROW_EXPOSURE;
    vec3 outc = tonemap_agx_srgb(col);
    outc = dither_fast(outc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(outc, 1.0);
}
