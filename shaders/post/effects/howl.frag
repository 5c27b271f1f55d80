#version 330 core
// The howl: "The Resonance howls, a sound that is both a requiem and a lullaby."  Sound made
// visible, and the sky torn by it -- not a broken video file.
//
// Pressure waves run out from the howl's source (high in the sky): each crest pushes the image
// outwards a little and splits its colours along the wavefront (red carried furthest), and the
// crests themselves shine faintly.  Two slow wave trains of different lengths beat against each
// other (the requiem and the lullaby).  Across the sky a jagged tear opens with the amount:
// the image above it is lifted and below it pushed down, and in the gap a searing
// white-violet light flickers with the sound.  Smooth and continuous in space and time: no
// blocks, no steps.  amount 0 is the input, bit for bit (and the renderer skips the pass).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
out vec4 frag_colour;

// sRGB decode by a cubic fit (within ~0.5 %; no pow).
vec3 decode(vec3 c) {
    return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878);
}

vec3 fetch(vec2 uv) {
    return texture(u_input, clamp(uv, vec2(0.0), vec2(1.0))).rgb;
}

void main() {
    float a = clamp(u_amount, 0.0, 1.0);
    vec2 R = u_resolution;
    vec2 uv = gl_FragCoord.xy / R;
    vec2 p = centered_uv(gl_FragCoord.xy, R);
    vec2 src = vec2(0.0, u_source_y - 0.5);
    vec2 dv = p - src;
    float d = length(dv);
    vec2 dir = dv / max(d, 1e-4);
    float t = mod(u_time, 600.0);
    // two wave trains: the requiem (long, slow) and the lullaby (short, gentle)
    float ph1 = d * 38.0 - t * 5.0;
    float ph2 = d * 71.0 - t * 7.3 + 1.3;
    float env = exp(-d * 1.2) * smoothstep(0.0, 0.05, d);
    float wave = (0.65 * sin(ph1) + 0.35 * sin(ph2)) * env;
    float push = a * u_waves * 0.006 * wave;                      // frame heights

    // the tear: a jagged line across the sky that opens with the amount
    float x = p.x;
    // jagged like a crack in glass: straight runs and sharp turns (abs of noise gives the kinks)
    float jag = 0.07 * (vnoise(vec2(x * 3.0, 3.7)) - 0.5)
              + 0.022 * (abs(vnoise(vec2(x * 17.0, 1.3)) - 0.5) - 0.25)
              + 0.006 * (vnoise(vec2(x * 60.0, 9.1)) - 0.5);
    float ty = u_tear_y - 0.5 + jag;
    // it opens widest where it started, under the source, and runs out thin to the edges
    float taper = 1.0 - smoothstep(0.05, 0.95, abs(x) / max(a, 0.2));
    float open = a * a * u_tear * 0.055 * taper * (0.85 + 0.15 * sin(t * 2.3) * sin(t * 0.7 + x * 3.0));
    float dist = abs(p.y - ty);
    float part = sign(p.y - ty) * open * smoothstep(0.6, 0.0, dist);   // frame heights
    vec2 duv = vec2(dir.x * push * R.y / R.x, dir.y * push + part);

    vec3 col;
    col.r = fetch(uv - duv * 1.5).r;
    col.g = fetch(uv - duv).g;
    col.b = fetch(uv - duv * 0.55).b;
    vec3 lin = decode(col);
    // the crests shine, violet-white, faintly
    float c1 = 0.5 + 0.5 * (0.65 * sin(ph1) + 0.35 * sin(ph2));
    float c2 = c1 * c1;
    float crest = c2 * c2 * c2 * env;                          // (^6 by multiplication: pow is costly here)
    lin += vec3(0.55, 0.5, 1.0) * crest * a * u_waves * 0.06;
    // the light in the gap: white-hot core, violet edges, flickering with the sound
    float gap = open * 0.5;
    float core = 1.0 - smoothstep(gap * 0.3, gap + 0.5 / R.y, dist);
    float burn = exp(-max(dist - gap, 0.0) / (0.004 + 0.6 * gap)) * step(1e-5, open) * (0.3 + 0.7 * taper);
    float flick = 0.75 + 0.25 * sin(t * 11.0 + x * 7.0) * sin(t * 3.1);
    lin = mix(lin, vec3(1.6, 1.5, 1.9), core * step(1e-5, open));
    lin += vec3(0.6, 0.35, 1.0) * burn * a * flick * 0.8;
    vec3 base = fetch(uv);
    vec3 res = linear_to_srgb(clamp(lin, 0.0, 1.0));
    frag_colour = vec4(a > 0.0 ? dither8(clamp(res, 0.0, 1.0), gl_FragCoord.xy, u_frame) : base, 1.0);
}
