#version 330 core
// Serenes, figures pass (full resolution, proxies only): the figures as shadow bodies --
// smoke given form, near black, found by the candles' rim light on their edges (round 14:
// "felt puppets", "rubber capsules": no modelled surface, no sheen) -- premultiplied, in an 8-bit encoding e = sqrt(c / (1 + c)) that keeps the near-black
// bodies free of banding and lets max-blending overlap the proxies.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/noise.glsl"
#define SERENES_FIGURE_VARYINGS
#include "serenes.glsl"
#include "light.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
flat in int v_fig;
out vec4 frag_colour;

void main() {
    // (round 14: the woman is seen from afar now, closeup 0.3: her silhouette takes its close
    // look -- near-black, a thin rim -- by then)
    float cu = smoothstep(0.0, 0.3, u_closeup);
    int i = v_fig;
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 X = screen_to_plane(s, 0.0);
    float px = plane_scale(0.0) / u_resolution.y;          // metres per pixel
    vec4 fa = FIG_A(i);
    float h = fa.y;
    float d = figure_sdf(i, X, u_time, 1.0);
    float yl = (X.y - FIG_D(i).x) / h;                     // figure-local height
    // the woman's hands (the one lit detail close on her: kept crisp, untouched by the smoke)
    float skin = smoothstep(0.0015, -0.0005, g_skin * h);
    float near_hand = smoothstep(0.03, 0.004, g_skin * h);
    // (and her bench is wood, not smoke: its exposed edges stay clean)
    // (nor as bright at its edge as her hands: its crisp lit edge is dimmed)
    float wood = smoothstep(0.015, 0.0, g_bench * h) * smoothstep(0.0, 0.015, g_body * h);
    near_hand = max(near_hand, wood);

    // Smoke: the outline is not a cut line but the edge of a shadow cast by a candle, and of
    // smoke -- slow noise rising through the body frays it, most at the hem and the sleeves'
    // falls, least round the hood, and the blur widens downward (the flames are low).
    // (close on her, finer: the same smoke seen nearer)
    vec2 sp = X * vec2(6.0, 2.6) * mix(1.0, 2.5, u_closeup) - vec2(0.0, 0.22 * u_time) + vec2(3.1 * float(i), 0.0);
    float n = 0.65 * vnoise(sp) + 0.35 * vnoise(sp * 2.7 + vec2(5.3, 1.7));
    float low = 1.0 - smoothstep(0.15, 0.75, yl);
    // out along a sleeve, away from the body, the cloth thins into smoke and melts into the
    // dark (standing; close on the woman her arms stay of a piece with her)
    float sleeve = smoothstep(0.03, 0.14, g_trunk * h) * (1.0 - cu);
    low = max(low, sleeve);
    // (round 18: the woman read as "a crude blob": seen as she is staged, her outline is
    // crisp -- head, shoulders, arms, lap and bench read as a seated person -- and only
    // the standing Serenes keep the candle-shadow blur)
    float fray = (0.012 + 0.035 * low) * (1.0 - 0.75 * cu) * (1.0 - near_hand);
    d += fray * (n - 0.42);
    float soft = px + (0.02 + 0.035 * low) * (1.0 - 0.88 * cu) * (1.0 - near_hand);
    float cov = clamp(0.5 - d / soft, 0.0, 1.0);
    cov *= 1.0 - sleeve * (0.55 - 0.4 * n);
    // (round 17) the farther ones stand in the candle-lit haze: paler, the wall through them
    cov *= 1.0 - 0.3 * FIG_D(i).y;
    float inside = max(0.5 * soft - d, 0.0);               // metres inside the soft edge

    // Where across the body this is (-1 at the outline on the left, +1 on the right), smooth
    // (screen derivatives of the distance break into dashes along the thin sleeves).
    float k9 = yl / 0.9;
    float axis = fa.x + fa.z * k9 * k9;
    float dx = X.x - axis;
    float nx = clamp(dx / (inside + abs(dx) + 1e-4), -1.0, 1.0);
    vec3 P = vec3(X, 0.0);

    // The candles stand low in front: each lights the edges that face it (a rim, not a
    // surface), strongest low down near its flame and dying away up the body, and the
    // smoke of the body itself glows faintly on its side (light scattered in it).
    vec3 lc = light_colour();
    float rim = 0.0;
    float glow = 0.0;
    float hand_light = 0.0;
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec3 L = u_cpos[k].xyz - P;
        float d2 = dot(L, L);
        float e = u_cpos[k].w / d2;
        float toward = u_cpos[k].x - axis;
        // (by the side of the outline, not the distance from the axis: near the axis -- the
        // hood, the neck -- a metre-based test lit both edges and drew a halo round her)
        float facing = smoothstep(-0.2, 0.5, nx * sign(toward)) * smoothstep(0.0, 0.2, abs(toward));
        float below = exp(-max(X.y - u_cpos[k].y, 0.0) / mix(0.9, 0.6, cu));
        rim += e * below * (mix(0.12, 0.03, cu) + facing);
        glow += e * below * smoothstep(-0.7, 0.9, nx * sign(toward));
        // the hands held out to the flame take its light full on
        hand_light += e * (0.55 + 0.45 * facing);
    }
    // (a rim as wide as the blur, so the soft edge still carries a line of light)
    float edge = exp(-inside / (0.003 + 0.5 * soft));
    // (the face: a hollow in the hood's dark, unseen -- no rim there; only the orbs glint)
    float face = smoothstep(0.004, -0.004, g_face * h);
    vec3 smoke = mix(vec3(0.0012, 0.001, 0.0025), vec3(0.0001, 0.00008, 0.00018), cu);
    vec3 body = smoke * (0.3 + 0.7 * n);
    // (darker than the wall their shadows fall on: they are the shadow, the wall the light)
    body += lc * glow * mix(0.0012, 0.002, cu) * (1.0 - face);
    body += lc * rim * edge * mix(0.12, 0.06, cu) * (1.0 - face) * (1.0 - 0.5 * wood);
    // (round 18: "ghost cones": standing, they are cloth -- long folds fall from the
    // shoulders, swaying a little, and their ridges catch the candles' light on the side
    // that faces it, fading up the body and into the dark side; the troughs stay shadow)
    float pleat = 0.5 + 0.5 * sin(nx * 8.0 + 1.4 * sin(yl * 3.5 + 0.35 * u_time + 1.7 * float(i)) + float(i));
    pleat = pleat * pleat * pleat;
    body += lc * glow * pleat * 0.02 * (1.0 - cu) * (1.0 - face) * smoothstep(0.8, 0.25, yl)
          * smoothstep(-0.2, 0.6, abs(nx));
    // a cold thread of the wall's bounce light on the far edges, so the silhouette stands
    // off the dark wall (lit from behind as well as from below)
    body += wall_colour() * shade_colour() * 0.004 * exp(-inside / 0.004) * (1.0 - face) * (1.0 - cu);
    // The woman's hands: warm skin in the candle light, the one lit detail of her.
    // (not a flat sticker: the candle glows red through the thin edges of the fingers, as
    // through real skin, and the backs of the hands lie a shade darker and browner)
    float skin_in = clamp(-g_skin * h / 0.005, 0.0, 1.0);
    vec3 flesh = mix(vec3(0.72, 0.36, 0.14), vec3(0.42, 0.25, 0.18), skin_in);
    // (round 14: from afar, a warm glow, not a near-white sticker)
    // (round 17: at 0.2 they clipped to pale peach "paper" as the dream stages her)
    vec3 hands = lc * flesh * hand_light * 0.13 * mix(1.3, 0.75, skin_in);
    body = mix(body, hands, skin);
    vec3 col = max(body, 0.0) * cov;
    vec3 enc = sqrt(col / (1.0 + col));
    enc = dither8(enc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(enc, cov);
}
