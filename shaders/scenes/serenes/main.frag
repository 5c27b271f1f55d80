#version 330 core
// Serenes, last pass (full resolution): the candle-lit wall and floor with the figures'
// shadows, the city through the wall, the figures, the candles in front; tonemapped,
// encoded and dithered.
//
// The shadows come from the half-resolution shadow pass, one fetch for all candles.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "serenes.glsl"
#include "light.glsl"
#include "common_surface.glsl"
#include "window.glsl"
#include "near.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
uniform sampler2D u_surfaces;
uniform sampler2D u_shadow;
uniform sampler2D u_figures;
uniform sampler2D u_haze;
uniform sampler2D u_eyes_img;
uniform sampler2D u_candles_img;
uniform sampler2D u_floor;
uniform vec4 u_cbase[MAX_CANDLES];   // candle stand: x, top y, z, wax radius (m)
uniform float u_exposure;
const float TOE = 0.02;           // the standing stage's toe: the luminance (at 4 candles' key) where it bites half way
const float TOE_FLOOR = 0.38;     // ... and the least of the light it keeps (never a crush to black)
const float COLD_TIGHT = 10.0;    // the eyes' cold light at the cost: how tight its pool round each hood (2.4 in round 18)
const float COLD_GAIN = 0.6;      // ... and its strength at the hood (0.42 with the wide pool)
// The trembling hands' echoes (scenes/serenes.py hand_echoes): where the hands were one and
// two stutter steps ago (left dx, dy, right dx, dy in texture units), the hands' region, and
// (amount, the figure's axis x).
uniform vec4 u_echo1;
uniform vec4 u_echo2;
uniform vec4 u_echo_box;
uniform vec4 u_echo_mix;
// how much of the wall a figure's body hides (1: opaque cut-outs)
const float FIGURE_DENSITY = 0.95;
out vec4 frag_colour;

// How far the close view's look applies (the woman: a true silhouette, the room black
// round her pool): full by closeup 0.3.
float solid_closeup() {
    return smoothstep(0.0, 0.3, u_closeup);
}

#include "lighting.glsl"

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec3 lightc = light_colour();
    vec3 shade = shade_colour();

    // --- the surface under this pixel: the wall, or the floor in front of it
    bool on_wall = s.y > wall_line();
    vec3 P = surface_point(s);
    vec4 surf = texture(u_surfaces, surfaces_uv(s));
    vec2 slope = surf.gb - 0.5;
    vec3 N = on_wall ? wall_normal(slope) : normalize(vec3(-slope.x, 1.0, -slope.y));
    vec4 shadow = texture(u_shadow, uv);
    float albedo = surf.r * 1.25;
    vec3 base = on_wall ? wall_colour() * albedo
                        : wall_colour() * vec3(0.55, 0.42, 0.34) * albedo;
    // Close on the woman alone, the room falls away into darkness round her candle's pool
    // (chiaroscuro: true blacks, not a brown wall lit evenly from edge to edge); on the whole
    // stage each flame keeps a warmer pool too, the wall between them darker.
    float pools = 0.0;
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec2 dp = (P.xy - u_cpos[k].xy) * vec2(0.8, 1.0);
        pools += min(u_cpos[k].w * 50.0, 1.0) * exp(-dot(dp, dp) * mix(0.35, 0.12, u_closeup));   // (round 15: a generous pool)
    }
    // (round 11: close on her the pool is wide enough to ring her huge shadow on the wall,
    // the corners beyond it true black)
    g_pool = mix(0.4, 0.03, u_closeup) + mix(0.8, 0.97, u_closeup) * min(pools, 1.0);
    vec3 col = light_surface(P, N, base, shadow.rgb, lightc, shade);
    // "But there is a cost" (round 15: at the end "badly underexposed and muddy"): as the
    // candles gutter, a cold light rises from their mercury eyes onto the wall and floor
    // round each hood, so the dark room is lit blue-silver from them, not left to mud.
    {
        float cold = smoothstep(0.6, 0.95, u_eyes) * (1.0 - solid_closeup());
        if (cold > 0.0) {
            float g = 0.0;
            // (a constant loop, unrolled: constant indices, no per-pixel gathers; a cheap
            // rational falloff in place of exp, for llvmpipe)
            for (int i = 0; i < MAX_FIGURES; ++i) {
                vec2 e = vec2(u_fig_a[i].x, u_fig_a[i].y * 0.87 + u_fig_d[i].x) - P.xy;
                // (round 19: "a grey haze flattens the centre": a tight pool round each
                // hood, true black between them, not one wash over the row)
                float q = dot(e, e) * COLD_TIGHT;
                g += step(float(i) + 0.5, u_count) / (1.0 + q + 0.5 * q * q + 0.17 * q * q * q);
            }
            col += cold * g * base * vec3(0.30, 0.52, 0.95) * COLD_GAIN;
        }
    }

#ifdef SERENES_WINDOW_AND_NEAR
    // --- the woman's window onto the city's night: the cold sky and towers in the opening,
    // the frame lit by her candle, the night's light in a long patch on the floor
    if (u_window > 0.0) {
        float aa = 1.5 * plane_scale(WALL_Z) / u_resolution.y;
        if (on_wall) {
            float sd = window_sd(P.xy);
            if (sd < WIN_FRAME * 2.0) {
                float inside = 1.0 - smoothstep(-aa, aa, sd);
                vec3 night = window_view(P.xy, aa);
                // the candle's flame mirrored faintly in the panes
                vec2 fl2 = P.xy - vec2(u_cpos[0].x * 0.6 + WIN_X * 0.4, u_cpos[0].y + 0.1);
                night += lightc * u_cpos[0].w * 0.02 / (1.0 + dot(fl2, fl2) * 400.0);
                vec3 wood = col * 0.18;
                vec3 opening = mix(night, wood, window_frame(P.xy, sd, aa));
                col = mix(col, opening, inside * u_window);
            }
            // the cold glow of the night round the opening, on the plaster
            col += u_window * base * vec3(0.06, 0.12, 0.3) * 0.25 * exp(-max(sd, 0.0) * 3.0)
                 * step(0.0, sd);
        } else {
            col += u_window * base * vec3(0.16, 0.32, 0.75) * 0.55 * window_floor_light(P);
        }
    }
#endif

    // --- the floor: the robes' contact darkness, the boards' sheen and reflection
    vec4 fl = texture(u_floor, uv);
    if (!on_wall) {
        col = col * fl.a + decode_hdr(fl.rgb);
    }

    // --- the city glowing through the wall (not shadowed: it lights the wall from behind)
    if (on_wall) {
        vec3 haze = texture(u_haze, uv).rgb;
        col += u_backdrop * haze * haze;
    }

    // --- the figures (premultiplied, decoded from their 8-bit encoding)
    vec4 fig = texture(u_figures, uv);
    vec3 fig_light = decode_hdr(fig.rgb);
    // (round 12: "rubbery puppets": they are shadows given form, half-translucent -- the
    // candle-lit wall and the haze show faintly through them; with their soft edges, the
    // margins let more through than the core)
    // (round 14: close on the woman she is a silhouette against her candle-lit wall: nearly
    // opaque there, so her body is the dark and the wall the light)
    // (round 14: the woman seen from afar, closeup 0.3, stays a true silhouette: the
    // density reaches its close value by then)
    float solid = solid_closeup();
    float density = mix(FIGURE_DENSITY, 0.98, solid);
    col = col * (1.0 - density * mix(fig.a * fig.a, fig.a, solid)) + fig_light;
    // (round 17) the window's cold night light catches her edges that face it: where the
    // figure's cover falls off toward the window, a thin cold rim (its one cold line against
    // the candle's warm one)
#ifdef SERENES_WINDOW_AND_NEAR
    if (u_window > 0.0) {
        vec2 toward = normalize(vec2(WIN_X, WIN_SILL + WIN_SIDE) - P.xy) * vec2(1.0, -0.2);
        vec2 step_uv = toward * 2.0 / u_resolution;
        float a_out = texture(u_figures, uv + step_uv).a;
        float rim = max(fig.a - a_out, 0.0) * u_window;
        col += rim * vec3(0.16, 0.3, 0.7) * 0.04;
    }
#endif

    // The glitch in her programming, readable in a still: after-images of the
    // hands where they were a stutter step and two ago, split cold and warm like a
    // display's ghosting (only the light they add over what is there now; nothing while
    // the hands are frozen or still).
    {
        bool left = uv.x < u_echo_mix.y;
        vec2 d1 = left ? u_echo1.xy : u_echo1.zw;
        vec2 d2 = left ? u_echo2.xy : u_echo2.zw;
        float inbox = step(u_echo_box.x, uv.x) * step(uv.x, u_echo_box.z)
                    * step(u_echo_box.y, uv.y) * step(uv.y, u_echo_box.w) * u_echo_mix.x;
        // (round 18: the soft after-images read as "a smear": the glitch is a crisp digital
        // artefact now -- the box cut into rows of a few pixels, hard-edged, and in some of
        // them the after-image is torn sideways by a step of its own (new at each stutter
        // step: keyed on the echo offsets), its red and blue a pixel or two apart)
        float row = floor(uv.y * u_resolution.y / max(2.0, u_resolution.y / 120.0));
        float key = dot(u_echo1, vec4(37.1, 91.7, 13.3, 71.9)) * 400.0;
        float hr = fract(sin(row * 12.9898 + key) * 43758.5453);
        float torn = step(0.55, hr);
        float shift = torn * (hr - 0.775) * 0.09 * u_echo_mix.x;
        vec2 split = vec2(max(1.5, u_resolution.x / 480.0) / u_resolution.x, 0.0) * (0.5 + torn);
        d1 += vec2(shift, 0.0);
        d2 -= vec2(shift * 0.6, 0.0);
        vec3 g1 = vec3(decode_hdr(texture(u_figures, uv + d1 + split).rgb).r,
                       decode_hdr(texture(u_figures, uv + d1).rgb).g,
                       decode_hdr(texture(u_figures, uv + d1 - split).rgb).b);
        vec3 g2 = decode_hdr(texture(u_figures, uv + d2).rgb);
        // (the hands' lit rims only, not the gown's dim sheen)
        // (round 11: the hands are dark now, found by their rim: the echoes are the rim's
        // after-images, brighter, split cold cyan and hot magenta like a failing display)
        // (round 12: her sleeves' rims are dimmer -- a shadow-figure, no lit tubes -- so the
        // echoes are drawn from fainter light and amplified more)
        // (round 14: the hands are the one lit detail -- warm skin, redder than the candle's
        // rim on her cloak and bench -- and the glitch stays on them: an echo is drawn only
        // from light of the skin's hue, never from the rims along her sleeve)
        float lg = lightc.g / max(lightc.r, 1e-3);
        g1 *= smoothstep(0.003, 0.02, dot(g1, vec3(0.333)))
            * smoothstep(0.8, 0.7, g1.g / max(g1.r, 1e-4) / lg);
        g2 *= smoothstep(0.003, 0.02, dot(g2, vec3(0.333)))
            * smoothstep(0.8, 0.7, g2.g / max(g2.r, 1e-4) / lg);
        // (round 14: the cyan/magenta split read as a rainbow sticker outline: a subtle
        // split now, the after-images in the candle's own light, one a little cold)
        col += inbox * 2.5 * (max(g1 - fig_light, 0.0) * vec3(1.0, 1.2, 1.45)
                            + max(g2 - fig_light, 0.0) * vec3(1.5, 0.85, 0.8));
    }
    vec4 eyes = texture(u_eyes_img, uv);
    col = col * (1.0 - eyes.a) + decode_hdr(eyes.rgb);

    // --- the candles in front: the glow of each flame in the air, then the candles (wax,
    // flame, smoke) from their pass
    for (int k = 0; k < MAX_CANDLES; ++k) {     // (unrolled; unlit candles add nothing)
        vec4 cb = u_cbase[k];
        vec4 cs = u_cshape[k];
        vec2 Pc = screen_to_plane(s, cb.z);
        vec2 lp = Pc - cb.xy;
        float power = u_cpos[k].w;
        vec2 fc2 = lp - vec2(cs.y * 0.4, 0.004 + 0.45 * cs.x);
        float r = length(fc2 * vec2(1.0, 0.8));
        // (the wide glow kept faint: over the whole frame it was a brown veil on the blacks)
        col += lightc * power * (0.05 / (1.0 + r * r * 400.0) + 0.005 / (1.0 + r * r * 30.0));
        // (round 15: close on the woman, a soft volumetric glow round her flame: the warm
        // air lit between her and the wall)
        // (round 19: "a soft haze dulls her": the glow lies in the air behind her, between
        // her and the wall, so her silhouette in front of it stays dark and crisp)
        col += lightc * power * solid * 0.012 / (1.0 + r * r * 6.0) * (1.0 - fig.a);
    }
    // the candles themselves, from their pass
    vec4 cand = texture(u_candles_img, uv);
    col = col * (1.0 - cand.a) + decode_hdr(cand.rgb);

#ifdef SERENES_WINDOW_AND_NEAR
    // --- the stage in depth (``near``): the candle-lit smoke in the air between the row
    // and the camera, drifting; then the near Serenes, backlit, dark, their edges crisp and rim-lit
    if (u_near > 0.0) {
        float glow = 0.0;
        for (int k = 0; k < MAX_CANDLES; ++k) {
            vec2 dc = screen_to_plane(s, u_cpos[k].z) - u_cpos[k].xy;
            glow += u_cpos[k].w / (1.0 + dot(dc, dc) * 1.6);
        }
        float drift = 0.6 + 0.4 * sin(s.x * 4.0 + s.y * 2.5 + u_time * 0.21)
                                * sin(s.y * 6.5 - u_time * 0.13 + s.x * 1.7);
        col += u_near * glow * drift * 0.012 * lightc;
        vec2 Xn = screen_to_plane(s, NEAR_Z);
        for (int n = 0; n < 2; ++n) {
            float x0 = NEAR_XS[n];
            float turn = n == 0 ? -1.0 : 1.0;     // each turned toward the row
            if (abs(Xn.x - x0) < 0.75 && Xn.y < NEAR_H * 1.12) {
                float d = near_figure_sd(Xn, u_time, x0, turn);
                float cover = 1.0 - smoothstep(-NEAR_BLUR, NEAR_BLUR, d);
                // backlit: a thin glow on the edge's inner side, not an outline, strongest up
                // the side toward the candles and the row, on the hood and shoulders; at the
                // cost the cold of the burning eyes joins it
                // (round 18: the edge crisp, the rim a band of light a few centimetres deep
                // inside it, broken by the cloth's folds -- vertical falls that sway a little
                // -- so it reads as a hooded figure in cloth, not a smudge)
                float edge = exp(-max(-d, 0.0) / 0.01) * smoothstep(0.0, -0.003, d);
                float folds = 0.55 + 0.45 * sin(Xn.x * 38.0 * turn + 2.2 * sin(Xn.y * 2.3 + 0.3 * u_time));
                edge *= mix(1.0, folds, smoothstep(1.75, 1.3, Xn.y));
                float side = smoothstep(0.1, -0.25, (Xn.x - x0) * turn)
                           * smoothstep(0.3, 1.5, Xn.y);
                float burn = smoothstep(0.6, 0.95, u_eyes);
                vec3 rim = mix(lightc * u_candle, vec3(0.35, 0.55, 1.0) * 0.8, 0.5 * burn);
                float power = u_cpos[0].w + u_cpos[1].w;
                // the rim strongest low down, toward the flames, fading up the hood; inside
                // it the cloth's soft translucency, a faint warm glow a hand deep
                float low = 0.3 + 0.7 * smoothstep(1.9, 0.5, Xn.y);
                float through = exp(-max(-d, 0.0) / 0.09) * side * low;
                vec3 body = vec3(0.002, 0.002, 0.004)
                          + (edge * low * 0.03 + through * 0.004) * side * power * rim;
                col = mix(col, body, cover * 0.96 * u_near);
            }
        }
    }

    // --- the woman's window: its cold shaft of night light through the room's air
    if (u_window > 0.0 && P.x < WIN_X + WIN_HW + 2.2 && P.y < WIN_SILL + WIN_SIDE + WIN_HW + 0.1) {
        // (fixed samples, each soft-edged, overlap smoothly: a per-pixel jitter left grain)
        col += u_window * window_shaft(s) * vec3(0.10, 0.2, 0.45) * 0.2;
    }
#endif

    // --- vignette, exposure, tone map
    float vig = 1.0 - (0.35 + 0.2 * solid) * smoothstep(0.3, 1.0, length(s * vec2(0.8, 1.0)));
    col *= vig * u_exposure;
    // (round 18: the standing stage read as "a muddy brown grade": a toe under the tone
    // curve sinks the dim wall between the candles' pools toward black, so the candles are
    // the one key light and the blacks are deep; close on the woman her room is kept)
    float lum = dot(col, vec3(0.2126, 0.7152, 0.0722));
    // (relative to the candles' light: dimmed candles keep their room readable)
    float key = (u_cpos[0].w + u_cpos[1].w + u_cpos[2].w) * 0.25;
    col *= mix(mix(TOE_FLOOR, 1.0, lum / (lum + TOE * key)), 1.0, solid);
    vec3 outc = tonemap_agx_srgb(col);
    outc = dither_fast(outc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(outc, 1.0);
}
