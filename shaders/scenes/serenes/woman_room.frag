#version 330 core
// Serenes, the woman close (``close_woman``): the room behind her, out of focus -- the warm
// haze low down, the tall window onto the city's night at her left, the child whose laughter
// loops standing in its light (woman_child.glsl), the far candles as soft discs.  Drawn at
// half the frame's size (round 32's speed: it is all soft, a quarter of the pixels is enough)
// and read back by her relight (woman_shot.glsl) under her figure.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/hash.glsl"
#include "light.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform vec4 u_portrait_light;    // key candle level, rim candle level, zoom (1: none), sway phase
out vec4 frag_colour;

float vnoise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    uvec2 c = uvec2(ivec2(i) + 4096);
    float a = hash_to_unit(pcg2d(c).x), b = hash_to_unit(pcg2d(c + uvec2(1u, 0u)).x);
    float d = hash_to_unit(pcg2d(c + uvec2(0u, 1u)).x), e = hash_to_unit(pcg2d(c + uvec2(1u, 1u)).x);
    return mix(mix(a, b, f.x), mix(d, e, f.x), f.y);
}

#include "woman_child.glsl"

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
    // (round 32: only where the opening is -- the rest of the frame skips the four cells)
    for (int j = 0; j < (open > 0.0 ? 4 : 0); ++j) {
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
    // (she is alone: behind her only the dark, a tall window's cold light far off at the left)
    col = far_window(s, col, drift);
    // the child whose laughter loops, in the window's light (woman_child.glsl)
    col = woman_child(s, col, lightc, key, u_time, 1.0 / u_resolution.y);
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

void main() {
    vec2 s0 = centered_uv(gl_FragCoord.xy, u_resolution);
    float zoom = u_portrait_light.z;
    // (a dolly: the room moves less than the figure as the shot pushes in)
    frag_colour = vec4(background(s0 / (1.0 + (zoom - 1.0) * 0.3), light_colour()), 1.0);
}
