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
uniform sampler2D u_woman_geo;
uniform sampler2D u_woman_mat;
uniform sampler2D u_woman_room;
uniform sampler2D u_woman_eyes;    // the eyes' layer (its own pass: WOMAN_EYES_PASS)
uniform vec2 u_woman_frame;        // the frame's size (the eyes' pass is smaller)
vec2 woman_eyes_seen;              // where the eyes are seen, centred (woman_framing)
#define GEO_TEX u_woman_geo
#define MAT_TEX u_woman_mat
uniform vec4 u_portrait_light;    // key candle level, rim candle level, zoom (1: none), sway phase
out vec4 frag_colour;

const vec3 SILVER = vec3(0.70, 0.83, 1.0);
#define CLOTH_ALBEDO vec3(0.022, 0.024, 0.044)
// the key candle's power on the cloth (round 26: the lovers' candle, close under their
// mantles, burnt their fronts out to a cream "melted plastic": it is a smaller flame)
const float KEY_POWER = 0.34;   // (round 34: "very dark" -- from 0.26)
// the candle's warm edge along the woman's face (round 30; round 33: less -- at 0.35 it drew
// her nose's ridge as "a strange nose")
// (round 35, both readers at 129.4 s: "a brown mask for a face", "a puppet-like mask" -- her
// face lies in the cowl's shadow, only a breath of the candle on the cheek turned to it)
const float WOMAN_FACE_RIM = 0.03;
// (round 33, both readers at 131.0 s: "the Serene's eyes are different sizes" -- in her
// three-quarter turn the mask's bridge hid half of the far ball: both balls stand whole,
// a little prouder of the mask than the portrait's 3 cm)
const float WOMAN_EYE_PROUD = 0.07;
// (round 34's follow-up: "two mercury eyes large and round in the dark cowl -- googly": her
// balls smaller than the portrait's; sunk back, the mask's bridge hid the far one again)
const float WOMAN_EYE_SCALE = 0.7;
#define CLOTH_SHEEN 0.12
// how far her face's light follows the head's round rather than the mask's nose and mouth
const float WOMAN_FACE_SMOOTH = 0.8;
// (round 34, both readers at 129.8 s: "very dark" -- her hands the frame's key: the candle's
// light on her palms and fingers, and a moist highlight on them)
// (round 35: "her trembling hands the readable subject" -- from 1.9, and their skin's warm edge
// where the flame shines through the fingers, from 0.05)
const float HAND_KEY = 2.6;
const float HAND_SSS = 0.14;
// how far the push goes in at its end (zoom 1 + this), and how much further toward her hands
const float WOMAN_PUSH = 0.6;
const float WOMAN_PUSH_HANDS = 0.5;
const float HAND_GLINT = 0.5;
const float WOMAN_HANDS_BELOW = -0.17;   // her hands lie below this height (metres), her face above
// (the dream's lens lifts the blacks: the shot is kept low; round 34's readers at 129.8 s: "very
// dark", "the whole frame too dark" -- from 0.7: her lit side and hands up, the room still black)
const float PORTRAIT_EXPOSURE = 0.95;
const vec3 FAR_CANDLE_A = vec3(0.95, -0.95, -2.7);    // candles in the room behind the viewer,
const vec3 FAR_CANDLE_B = vec3(-1.4, -0.9, -3.3);     // seen only mirrored in the eyes

#include "portrait_parts.glsl"

// The cloth's weave (round 21: the hood read as "clay"): threads 6.5 mm apart (homespun), over and
// under in a fine diagonal twill, tilting the normal by their rounded tops, with slubs and
// streaks of fibre running down the cloth.  Returns the tilted normal and, in ``top``, how near a thread's
// crown the point lies (0: the dark gap between threads, 1: a crown).  Where a thread would
// be a pixel or finer the weave fades to its average, so it never breaks into moire.
// Where a point lies in the weave's threads (its twill's coordinates, in threads).
vec2 weave_uv(vec3 P) {
    float w = 0.06 - P.z;
    return vec2(atan(P.x, w) * 0.16, P.y) / 0.0065;
}

// (``fw``: the weave's footprint in a pixel, fwidth(weave_uv(P)), taken by the caller outside
// the figure's branch, where derivatives are defined)
vec3 cloth_weave(vec3 N, vec3 Pw, float cloth, vec2 fw, out float top) {
    vec3 P = Pw;
    const float PITCH = 0.0065;                       // metres from one thread to the next
    const float TAU = 6.2831853;
    float w = 0.06 - P.z;
    float r2 = P.x * P.x + w * w;
    vec2 uv = vec2(atan(P.x, w) * 0.16, P.y) / PITCH;
    vec3 du = vec3(w, 0.0, P.x) / r2 * 0.16 / PITCH;  // d(uv.x)/dP
    // (round 21's reader saw the twill's ribs at 1366x768, 5-7 px apart, as "moire striping
    // on the cloth": it shows only where a rib spans 14 px or more -- a 4K close-up -- and
    // the fibre's slubs and streaks carry the cloth at every smaller size)
    float fade = cloth * (1.0 - smoothstep(0.035, 0.07, max(fw.x, fw.y)));
    // a twill: the threads' crowns in fine diagonal ribs
    float a = TAU * (uv.x + uv.y);
    float h = sin(a);
    vec3 grad = TAU * cos(a) * (du + vec3(0.0, 1.0 / PITCH, 0.0));
    // fibre: soft slubs in the wool, a few threads long and barely longer down the fall than
    // across it (round 34, both readers at 129.4 s: "vertical banding on the robe" -- the old
    // streaks, stretched sixteen to one down the cloth, drew its dark front as a barcode)
    float slub = vnoise(vec2(uv.x * 0.3, uv.y * 0.16)) - 0.5;
    top = clamp(0.55 + 0.16 * h * fade + 0.3 * slub * cloth, 0.0, 1.0);
    // (round 35's speed: the fuzz and the nap -- five more noises a pixel, finer than a pixel
    // at the dream's sizes -- are gone; the twill and the slubs carry the wool)
    grad = (grad - N * dot(grad, N)) * (0.18 * PITCH / TAU) * fade;   // crowns tilted ~0.18
    return normalize(N - grad);
}





#include "candle_flame.glsl"

// The key candle in the frame, low at the left: the source of the light on the hood.
// (round 32's speed: away from the candle itself -- its pillar, wick and flame, a narrow
// column at the right -- only its glow in the air is added, as candle_in_frame adds it)
vec3 key_candle(vec2 s, vec3 col, vec3 lightc, float px) {
    vec3 fp = portrait_project(KEY_CANDLE);
    vec2 q = (s - fp.xy) * (fp.z / PORTRAIT_FOCAL);
    if (abs(q.x) > 0.04 + 4.0 * px * fp.z / PORTRAIT_FOCAL || q.y > 0.08) {
        float r2 = dot(q * vec2(1.0, 0.7), q * vec2(1.0, 0.7));
        return col + lightc * u_portrait_light.x * (0.25 / (1.0 + r2 * 4000.0) + 0.01 / (1.0 + r2 * 60.0));
    }
    return candle_in_frame(s, col, lightc, px, KEY_CANDLE, u_portrait_light.x, -1e9);
}


// The round of her head (the face's soft light follows it, not the mask's features): from a
// centre a little behind and below her eyes.
// ``eyes_mid``: the midpoint of her eyes (main has it already).
vec3 woman_head_normal(vec3 P, vec3 eyes_mid) {
    return normalize(P - eyes_mid - vec3(0.0, -0.02, 0.075));
}

// Her bare skin's light at a G-buffer sample (her hands: the candle's key through the skin,
// its warm edge, a moist glint) -- for the echoes of her trembling hands.
vec3 hand_light(vec4 geo, vec4 mat, vec3 rd, vec3 lightc, float key) {
    vec3 P = PORTRAIT_CAM + rd * portrait_geo_depth(geo);
    vec3 N = portrait_geo_normal(geo);
    vec3 V = -rd;
    vec3 Lk = KEY_CANDLE - P;
    float dk2 = dot(Lk, Lk);
    Lk *= inversesqrt(dk2);
    float lit = key * KEY_POWER / max(dk2, 0.09) * mat.y;
    float ndl = max(dot(N, Lk) * 0.92 + 0.08, 0.0);
    float NV = max(dot(N, V), 0.0);
    vec3 c = vec3(0.12, 0.098, 0.1) * lightc * lit * ndl * mat.x * (1.0 + HAND_KEY);
    c += vec3(1.0, 0.45, 0.3) * lightc * lit * 0.05 * pow(1.0 - NV, 2.0) * mat.x;
    return c;
}

// Her trembling hands seen in a still (round 34: "the woman with trembling hands" never seen):
// the tremor leaves faint afterimages of her hands a little above and below them -- her lit
// fingers again, seen through, the further the fainter (a long exposure's trace of the
// shaking).  ``skin_at``: whether her bare skin is at this pixel now.
vec3 hand_echoes(vec2 s, vec2 uv, vec3 col, float skin_at, float in_band, vec3 lightc, float key) {
    float amp = 0.02 * (0.5 + 0.5 * u_tremor);
    vec2 aspect = vec2(u_resolution.y / u_resolution.x, 1.0);
    // one copy a little above the hands, drifting slowly sideways
    // (round 34: it glides, never jumps -- between the glitch's stutters her hands hold
    // clean; the shaking reads in the copy, test_the_hands_glitch_stutters_...)
    // (round 35: "ghosting runs along every edge" -- the fainter second copy below is gone,
    // and with it two of the shot's G-buffer lookups a pixel)
    vec2 o = vec2(0.35 * sin(1.7 * u_time), 1.0) * amp;
    vec4 mat = texture(MAT_TEX, uv + o * aspect);
    float sk = smoothstep(0.72, 0.8, mat.w) * (1.0 - smoothstep(0.9, 0.96, mat.w));
    float a = sk * 0.4 * (1.0 - skin_at) * in_band;
    vec4 geo = texture(GEO_TEX, uv + o * aspect);
    return mix(col, col + hand_light(geo, mat, portrait_ray(s + o), lightc, key), a);
}

// The push's framing: its zoom, and the point it goes in toward (the frame's centred point s0
// shows the shot's point s0 / zoom + focus); ``hands_at``: where her hands are seen, unzoomed.
void woman_framing(out float zoom, out vec2 focus, out vec2 hands_at) {
    // (round 35: 126 and 129.4 s one picture, "her trembling hands the readable subject" --
    // the push goes on, twice as far, and more toward her hands as it goes: from her whole
    // bowed figure to her hands trembling in the candle's light under the eyes)
    float push = (u_portrait_light.z - 1.0) / 0.3;
    zoom = 1.0 + WOMAN_PUSH * push * push;
    // (round 26: the push goes in toward the eyes, not the frame's middle, far enough that
    // stills a few seconds apart are not the same picture)
    vec2 eyes_at = 0.5 * (portrait_project(portrait_eye(0)).xy + portrait_project(portrait_eye(1)).xy);
    // (round 34: her trembling hands the subject -- the push goes in between her eyes and her
    // hands, so both hold the frame, the hands larger)
    hands_at = portrait_project(vec3(0.0, -0.3, -0.23)).xy;
    focus = 0.8 * mix(eyes_at, hands_at, 0.45 + WOMAN_PUSH_HANDS * push) * (1.0 - 1.0 / zoom);
    // (the eyes' box, woman_eyes_origin, is placed round where they are seen)
    woman_eyes_seen = (eyes_at - focus) * zoom;
}

// The box of frame pixels the eyes' layer covers (its own pass, ``box`` pixels, a third of the
// frame's sides): its lower left corner, whole pixels, round the eyes as seen.  (round 35's
// speed: on llvmpipe the two balls' mirror and glow, computed for every pixel of the frame
// though they cover a few hundred, were a quarter of the shot's time)
vec2 woman_eyes_origin(vec2 R, vec2 box) {
    return floor(woman_eyes_seen * R.y + 0.5 * R - 0.5 * box + 0.5);
}

// The two mercury eyes at the shot's point ``s`` (a frame of height ``Ry`` pixels), as a layer
// over what lies there: the frame becomes col * (1 - a) + rgb.  ``fade``: 1 inside the
// eyes' box, falling to 0 at its edges, where their glow is long spent (no seam).
vec4 woman_eyes_layer(vec2 s, vec2 uv, float zoom, float Ry, float fade) {
    vec4 geo = texture(GEO_TEX, uv);
    vec4 mat = texture(MAT_TEX, uv);
    vec3 lightc = light_colour();
    vec3 ro = PORTRAIT_CAM;
    vec3 rd = portrait_ray(s);
    float cov = geo.a;
    float depth = portrait_geo_depth(geo);
    float face = step(0.95, mat.w);
    // (her hands lie far below the eyes: no skin here)
    float lining = 2.0 * min(mat.w, 0.5) * (1.0 - face);
    vec4 acc = vec4(0.0);
    // --- the eyes: mercury spheres, exact, in front of what the G-buffer holds there
    float px = 1.0 / (Ry * PORTRAIT_FOCAL * zoom);
    const float ER = EYE_RADIUS * WOMAN_EYE_SCALE;
    for (int e = 0; e < EYE_COUNT; ++e) {
        vec3 E = portrait_eye(e);
        // (round 32's speed: out of reach of its light -- nine radii off the ball its glow
        // is under 1e-6 -- the rest of the frame skips the ball, a third of the shot's time)
        vec3 pe = portrait_project(E);
        if (length(s - pe.xy) * pe.z > 9.0 * ER * PORTRAIT_FOCAL)
            continue;
        vec3 oc = ro - E;
        float b = dot(oc, rd);
        float c = dot(oc, oc) - b * b;                       // squared distance ray -> centre
        float perp = sqrt(max(c, 0.0));
        float te = -b - sqrt(max(ER * ER - c, 0.0));
        float ecov = clamp((ER - perp) / (px * te) + 0.5, 0.0, 1.0)
                   // (round 29: soft in depth, a few mm -- the hood's brow cut the ball's
                   // top in stair steps at 1600 px)
                   // (round 33's readers at 126.4 s: "eyes that contradict lidless" -- the
                   // mask's brow cut the top of each ball like a lid: her eyes stand whole,
                   // a few cm proud of what lies just before them)
                   * smoothstep(-0.004, 0.004, depth + WOMAN_EYE_PROUD + (1.0 - cov) * 10.0 - te);
        float glow = 0.6 + 0.4 * u_eyes;
        // (round 32's speed: the ball's mirror only on the ball -- a few hundred pixels)
        if (ecov > 0.0) {
        vec3 Pe = ro + rd * te;
        vec3 n = normalize(Pe - E);
        // at the very edge (ecov < 1) the hit is a sliver: keep the limb's normal
        vec3 r = reflect(rd, n);
        float ne = max(dot(n, -rd), 0.0);
        // (round 25: "dull black beads", "button eyes" -- the text's GLOWING orbs of mercury:
        // a liquid-silver bead lit from within, the brightest thing in the figure)
        // the mirror: the room and the candle's flame as a crisp warm point, fresnel toward
        // the limb (mercury reflects strongly everywhere, more at grazing angles)
        float fres = 0.78 + 0.22 * pow(1.0 - ne, 4.0);
        vec3 env = eye_env(E, r, lightc);
        env = mix(vec3(dot(env, vec3(0.3, 0.59, 0.11))) * vec3(0.95, 0.97, 1.0), env, 0.75);
        vec3 ec = env * fres;
        // the cold white-blue core shining through the liquid silver: white at the middle,
        // blue toward the limb
        // (round 27: the even white disc read as a button -- the glow lies deep in the liquid,
        // graded from a white heart to blue, and the mirror lies over it)
        float core = pow(ne, 2.5);
        // (round 29: "googly" -- a milky white heart over the whole face of the ball: the
        // glow is deep and small, the mirror carries the ball)
        ec += mix(vec3(0.15, 0.32, 1.0), vec3(0.55, 0.8, 1.0), core * core) * glow * (0.02 + 0.3 * core * core);   // (round 33: deeper glow, so the mirror's dark horizon does not cut the ball like a lid)
        // (round 27: the bright ring round the ball drew the button's rim -- a dark limb,
        // where the liquid silver turns away and mirrors only the dark of the cowl)
        float rimw = smoothstep(ER * 0.55, ER * 0.98, perp);
        ec *= 1.0 - 0.8 * rimw;
        acc.rgb = acc.rgb * (1.0 - ecov) + ec * ecov;
        acc.a = 1.0 - (1.0 - acc.a) * (1.0 - ecov);
        }
        // its light blooming a little into the dark of the cowl round it -- never through
        // the cloth in front of it (the lovers' far eyes lie behind their hoods)
        float out_r = max(perp - ER, 0.0) / ER;
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
        acc.rgb += vec3(0.45, 0.7, 1.0) * glow * (0.04 * exp(-out_r * 6.0) + 0.01 * exp(-out_r * 1.4))
             * (1.0 - ecov) * seen * fade;
    }
    return acc;
}

#ifndef WOMAN_EYES_PASS
void main() {
    vec2 s0 = centered_uv(gl_FragCoord.xy, u_resolution);
    float zoom;
    vec2 focus, hands_at;
    woman_framing(zoom, focus, hands_at);
    vec3 eye0 = portrait_eye(0), eye1 = portrait_eye(1);
    vec2 s = s0 / zoom + focus;
    vec2 uv = 0.5 + s * vec2(u_resolution.y / u_resolution.x, 1.0);
    vec3 lightc = light_colour();
    float key = u_portrait_light.x;
    float rimc = u_portrait_light.y;

    // the glitch in her hands (paragraph 6: "her hands trembling -- not from emotion, but from
    // a glitch in her programming"): in the band of rows round them, rows tear sideways in
    // hard-edged runs, a few frames at a time, more as the tremor grows
    vec2 hs = (hands_at - focus) * zoom;
    float band = step(abs(s0.y - hs.y), 0.075) * step(abs(s0.x - hs.x), 0.2);
    // (round 34: the hands' echoes, in a wider soft-edged band round them)
    float band_soft = (1.0 - smoothstep(0.07, 0.12, abs(s0.y - hs.y))) * (1.0 - smoothstep(0.2, 0.3, abs(s0.x - hs.x)));
    float row = floor(gl_FragCoord.y / max(u_resolution.y / 180.0, 1.0) / 3.0);
    float tick = floor(u_time * 11.0);
    float r1 = hash_to_unit(pcg2d(uvec2(uint(row + 512.0), uint(tick))).x);
    float r2 = hash_to_unit(pcg2d(uvec2(uint(row + 1024.0), uint(tick))).y);
    // (round 33, both readers at 131.0 s: "a horizontal seam cuts its hands" -- torn on every
    // tick, a still nearly always caught a row or two slipped, a render bug: the glitch comes
    // in stutters now, a third of a second in each second and a half, the rest held clean)
    float burst = step(fract((u_time - 2.0) / 1.5), 0.22);
    float tear = band * burst * step(1.0 - 0.35 * u_tremor, r1) * (r2 - 0.5) * 0.05 * u_tremor;
    vec2 uv_still = uv;
    uv.x += tear * u_resolution.y / u_resolution.x;
    vec4 geo = texture(GEO_TEX, uv);
    vec4 mat = texture(MAT_TEX, uv);
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
    vec3 ro = PORTRAIT_CAM;
    vec3 rd = portrait_ray(s);

    // --- behind: the room in haze (a dolly: it moves less than the figure as we push in)
    // (round 32's speed: the room behind her -- haze, window, the child, far candles, all out
    // of focus -- is drawn at half size by woman_room.frag and read back here)
    // (round 34: the room kept at its old level under the figure's lifted exposure -- true blacks)
    vec3 col = texture(u_woman_room, gl_FragCoord.xy / u_resolution).rgb * (0.7 / PORTRAIT_EXPOSURE);

    // --- the figure: cloth and the face in the cowl's shadow, relit
    float cov = geo.a;
    float depth = portrait_geo_depth(geo);
    vec3 P = ro + rd * depth;
    vec3 V = -rd;
    float face = step(0.95, mat.w);
    // (round 35: "the hands lumpy" -- a hard step on the bilinear id drew their edge against
    // the sleeve as a dark ragged line: the skin comes in over the id's blend)
    float skin = smoothstep(0.64, 0.76, mat.w) * (1.0 - face);             // her bare hands (0.85)
    // (round 34: only her hands, below the face -- the blend of face (1) and lining (0.5) in
    // the bilinear lookup passes 0.85 round the mask, and lit as skin it drew orange shapes)
    skin *= step(P.y, WOMAN_HANDS_BELOW);
    float lining = 2.0 * min(mat.w, 0.5) * (1.0 - face) * (1.0 - skin);
    vec2 wfw = fwidth(weave_uv(P));
    // (round 32's speed: the figure's light only where the figure is -- the dark room round
    // her, half the frame, skips it)
    if (cov > 0.0) {
    float ao = mat.x;
    float thin = mat.z;
    float cloth = 1.0 - face - skin;
    // the weave: threads in the normal and the albedo (a pixel's worth or finer fades out)
    float weave;
    vec3 N = cloth_weave(portrait_geo_normal(geo), P, cloth, wfw, weave);
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
    // (no nearer than 0.3 m: the lovers' candle stands close under their mantles)
    float kp = key * KEY_POWER / max(dk2, 0.09) * (1.0 - 0.88 * face);
    float lit = kp * mat.y;
    // (the folds' valleys fall to black: the occlusion cubed, no floor under it)
    // (and velvet's diffuse: the pile stands up where the cloth faces us, swallowing light,
    // and lies flat toward the silhouette, where it shines -- the faces dim, the turns bright)
    vec3 surf = albedo * lightc * lit * ndl * ao * ao * ao * mix(0.45, 1.25, 1.0 - NV * NV);
    // velvet, not clay: the pile catches the light where the cloth turns away from us (a
    // sheen at grazing, brightest on the lit flank's edges and on the threads' tops), with a
    // faint warm satin glint where the weave faces the flame
    vec3 H = normalize(Lk + V);
    float graze = pow(1.0 - NV, 2.5);
    vec3 pile = mix(lightc, vec3(1.0, 0.87, 0.74), 0.55);   // (round 24: paler: charcoal, not brown)
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
    // (round 33's readers at 126.4 s: "very dark and muddy, murky" -- the dream's lift there
    // is lowered for true blacks, so the hood's shadowed side keeps its form by the window's
    // moonlight behind her at the left: a cold rim along the hood and shoulder turned to it)
    vec3 Lw = normalize(vec3(-0.85, 0.35, -0.4));
    // (the lead: "too saturated blue" -- a paler silver-blue, the moon's, of the same weight)
    surf += vec3(0.6, 0.68, 0.92) * 0.025 * graze * max(dot(N, Lw) + 0.1, 0.0) * cloth * ao
          * (0.6 + 0.4 * weave);
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
        // (round 30: her face forward in the cowl, their cold light made it a grey-blue egg)
        eface = 1.0 - 0.8 * face;
        surf += SILVER * albedo * 0.00026 * (0.5 + 0.5 * u_eyes) * lit / (0.0016 + ds * ds) * (0.3 + 0.7 * ao) * eface;
    }
    // her skin: the candle's warmth through it at the edges (fingers glow where thin)
    surf += vec3(1.0, 0.45, 0.3) * lightc * lit * skin * HAND_SSS * pow(1.0 - NV, 2.0) * ao;
    // her palms in the candle's light, the frame's key, and a moist glint along the fingers
    surf += albedo * lightc * lit * ndl * ao * skin * HAND_KEY;
    surf += vec3(1.0, 0.8, 0.62) * lightc * lit * skin * HAND_GLINT * pow(max(dot(N, H), 0.0), 28.0) * ao;
    // the face and the lining round it stay in the cowl's deep shadow
    // (round 26: "faces waxy" -- the eyes' glow modelled the mask as a grey-blue egg with a
    // cartoon's brow and mouth: it is all but unseen now, the glowing eyes in a void)
    surf *= 1.0 - 0.8 * lining - 0.95 * face;
    // (round 30, 129 s: "the face a black ball with cartoon eyes") her face catches her candle
    // from the side: a thin warm rim along the cheek, jaw and nose turned to the flame,
    // falling off fast into the cowl's shadow; the lining round it stays dark
    // (round 34, both readers at 129.8 s: "the Serene's face shapes look odd", "odd and
    // cartoonish" -- the rim drew the mask's nose and mouth as orange shapes: her face takes the
    // candle as one smooth form, its normal mostly the head's round, a soft warm half-light
    // fading into the cowl, no ridge picked out)
    vec3 Nf = normalize(mix(N, woman_head_normal(P, 0.5 * (eye0 + eye1)), WOMAN_FACE_SMOOTH));
    float fr = max(dot(Nf, Lk) * 0.7 + 0.3, 0.0);
    // (the mask and the lining round it take the same light, so the line where they meet --
    // which drew a nose and a mouth -- is not seen: one dim warm oval inside the cowl)
    float cowl = clamp(face + lining, 0.0, 1.0);
    surf = mix(surf, vec3(0.0), cowl * 0.92);
    surf += vec3(1.0, 0.5, 0.26) * lightc * key * KEY_POWER / max(dk2, 0.09) * cowl * WOMAN_FACE_RIM
          * fr * fr * (0.45 + 0.25 * mat.y) * ao * ao * 0.16;
    // a little of the room's haze between us and the figure
    surf += lightc * 0.0025 * key;
    col = mix(col, surf, cov);
    }
    col = hand_echoes(s, uv, col, skin, band_soft, lightc, key);

    // --- the eyes: mercury spheres, drawn in their own small pass (woman_eyes_layer)
    float px = 1.0 / (u_resolution.y * PORTRAIT_FOCAL * zoom);
    vec2 ebox = vec2(textureSize(u_woman_eyes, 0));
    vec2 eo = gl_FragCoord.xy - woman_eyes_origin(u_resolution, ebox);
    vec4 eyes = texelFetch(u_woman_eyes, ivec2(clamp(eo, vec2(0.0), ebox - 1.0)), 0);
    eyes *= step(0.0, eo.x) * step(0.0, eo.y) * step(eo.x, ebox.x) * step(eo.y, ebox.y);
    col = col * (1.0 - eyes.a) + eyes.rgb;

    // --- the key candle itself, low at the left, as near as the figure: its wax and flame
    // (the source of the light on the hood: the frame's second point, across from the eyes)
    col = key_candle(s, col, lightc, px);

    // --- vignette, exposure, tone map
    float vig = 1.0 - 0.45 * smoothstep(0.35, 1.05, length(s0 * vec2(0.75, 1.0)));
    col *= vig * u_exposure * PORTRAIT_EXPOSURE;
    vec3 outc = tonemap_agx_srgb(col);
    outc = dither_fast(outc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(outc, 1.0);
}
#else
// The eyes' pass: its pixels are the frame's in the box round the eyes (woman_eyes_origin).
void main() {
    float zoom;
    vec2 focus, hands_at;
    woman_framing(zoom, focus, hands_at);
    vec2 R = u_woman_frame;
    vec2 frag = woman_eyes_origin(R, u_resolution) + gl_FragCoord.xy;
    vec2 s = centered_uv(frag, R) / zoom + focus;
    vec2 uv = 0.5 + s * vec2(R.y / R.x, 1.0);
    vec2 e = abs(gl_FragCoord.xy / u_resolution - 0.5) * 2.0;
    float fade = (1.0 - smoothstep(0.6, 1.0, e.x)) * (1.0 - smoothstep(0.6, 1.0, e.y));
    frag_colour = woman_eyes_layer(s, uv, zoom, R.y, fade);
}
#endif
