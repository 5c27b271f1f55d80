#version 330 core
// The waking: "You wake gasping, your cheeks wet, your heart pounding with the unbearable,
// radiant weight of being human."
//
// Eyes still closed: the light comes through the lids, blood-red and warm (the fire the
// dream's world was without), and the lids' veins show in it, dark branching lines that swell
// and pulse with the heart -- lub-dub.  Tears run down the lower half, wet streaks that bend
// the light and catch it.  The gasp: a jolt of the frame and a flash.  Then the eyelids open
// -- an almond of two smooth lid curves, the lashes dark soft strands hanging across its top
// and bottom -- onto the real world at dawn: a warm sun low over rooftops, long shadows on the
// street, windows lit with fire, and the dream's light turned into the morning's clouds.
// Post effect over the whole frame; `amount` 0 is the input, bit for bit (and skipped).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
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

// Lub-dub: two pulses a beat, the second a third of a beat later and weaker.
float heartbeat(float t, float bpm) {
    float ph = fract(t * bpm / 60.0);
    float a = (ph - 0.04) / 0.05;
    float b = (ph - 0.3) / 0.06;
    return exp(-a * a) + 0.6 * exp(-b * b);
}

// The veins of the lid: thin dark branching lines (the crests of ridged noise, warped so they
// wander like vessels), thicker with the pulse.  1 on a vein, 0 between.
float veins(vec2 p, float swell) {
    vec2 w = p + 0.2 * (vec2(vnoise(p * 2.3 + 3.1), vnoise(p * 2.3 - 7.7)) - 0.5);
    // two sizes of vessel, each broken off where a mask noise is low, so they branch and end
    float big = smoothstep(0.9 - 0.03 * swell, 0.985, 1.0 - abs(snoise(w * 1.7)))
              * smoothstep(0.35, 0.6, vnoise(w * 2.0 + 4.0));
    float mid = smoothstep(0.93, 0.99, 1.0 - abs(snoise(w * 4.3 + 11.0)))
              * smoothstep(0.45, 0.7, vnoise(w * 4.0 - 2.0));
    return max(big, 0.7 * mid);
}

// The world at dawn, in linear light: a sky from deep blue to rose and gold, the sun just up,
// the dream's light (`clouds`, its blurred brightness) as clouds lit from below, rooftops in
// silhouette with windows lit by fire, a street in long shadow.
vec3 dawn(vec2 p, float clouds, float t) {
    float hz = -0.14;                                          // the horizon
    vec2 sun = vec2(0.3, hz + 0.17);
    float up = p.y - hz;
    vec3 sky = mix(vec3(1.2, 0.55, 0.18), vec3(0.7, 0.22, 0.3), smoothstep(0.0, 0.16, up));
    sky = mix(sky, vec3(0.05, 0.07, 0.22), smoothstep(0.1, 0.5, up));
    float ds = length(p - sun);
    sky += vec3(1.0, 0.7, 0.35) * (0.9 * exp(-ds * 9.0) + 0.35 * exp(-ds * 2.5));
    sky = mix(sky, vec3(5.0, 4.0, 2.8), smoothstep(0.034, 0.028, ds));            // the disc
    // the clouds: the dream's light, now streaks lit rose and gold from the sun below
    float band = smoothstep(0.02, 0.12, up) * (1.0 - smoothstep(0.3, 0.5, up));
    float cl = band * smoothstep(0.25, 0.75, clouds + 0.35 * (vnoise(vec2(p.x * 3.0, p.y * 14.0)) - 0.5));
    sky = mix(sky, mix(vec3(0.9, 0.42, 0.35), vec3(1.4, 0.85, 0.45), exp(-ds * 3.0)), cl * 0.8);

    // rooftops: houses of hashed widths and heights, pitched roofs, a chimney here and there
    float x = p.x * 7.0;
    float cell = floor(x);
    float f = fract(x);
    float hh = hash11(cell + 17.0);
    float roof = hz + 0.02 + 0.08 * hh;
    float pitch = 0.05 * hash11(cell + 3.0) * (1.0 - abs(2.0 * f - 1.0) * 1.6);
    float chimney = step(0.7, hash11(cell + 9.0)) * step(0.62, f) * step(f, 0.72) * 0.035;
    float top = roof + max(pitch, chimney);
    float house = smoothstep(0.0, 0.004, top - p.y);
    // windows: a grid on the facades, some lit warm and flickering like fire
    vec2 wg = vec2(f * 4.0, (p.y - hz) * 42.0);
    vec2 wc = floor(wg);
    float lit = step(0.55, hash12(wc + cell * 13.0)) * step(p.y, roof - 0.015) * step(0.5, wc.x) * step(wc.x, 2.5);
    float pane = step(0.25, fract(wg.x)) * step(fract(wg.x), 0.75) * step(0.3, fract(wg.y)) * step(fract(wg.y), 0.8);
    float flick = 0.8 + 0.2 * sin(t * 7.0 + hash12(wc) * 40.0);
    vec3 facade = vec3(0.035, 0.025, 0.035) + vec3(0.25, 0.1, 0.05) * exp(-abs(p.x - sun.x) * 3.0) * 0.4;
    facade += vec3(1.6, 0.7, 0.22) * lit * pane * flick;
    // the street below the horizon: lit gold, crossed by the houses' long shadows
    float street = step(p.y, hz);
    float k = (p.x - sun.x) / max(hz - p.y + 0.01, 0.01);      // rays from under the sun
    float sk = fract(k * 0.12 + 0.35);
    float shadow = smoothstep(0.05, 0.3, sk) * smoothstep(0.95, 0.7, sk);
    vec3 ground = mix(vec3(0.04, 0.03, 0.05), vec3(0.9, 0.45, 0.18) * exp(-(hz - p.y) * 2.0), shadow);
    vec3 w = mix(sky, facade, house);
    return mix(w, mix(ground, facade, step(p.y, top) * house * step(hz - 0.04, p.y)), street);
}

void main() {
    float a = clamp(u_amount, 0.0, 1.0);
    vec2 R = u_resolution;
    vec2 p = centered_uv(gl_FragCoord.xy, R);
    float t = mod(u_time, 3600.0);
    float beat = heartbeat(t, u_bpm);
    float o = clamp(u_open, 0.0, 1.0);
    // the gasp jolts the frame inwards and up, the beat swells it a little
    float zoom = 1.0 - 0.06 * u_gasp - 0.012 * beat * (1.0 - o);
    vec2 q = p * zoom + vec2(0.0, 0.02 * u_gasp);

    // tears: wet streaks down the lower half that bend the light sideways and catch it
    float tx1 = q.x + 0.28 + 0.02 * sin(q.y * 9.0 + 1.0);
    float tx2 = q.x - 0.36 + 0.015 * sin(q.y * 13.0 - 0.5);
    float run = smoothstep(0.1, -0.25, q.y);                    // they run from the middle down
    float s1 = exp(-tx1 * tx1 * 9000.0) * run;
    float s2 = exp(-tx2 * tx2 * 12000.0) * run * smoothstep(0.05, -0.1, q.y);
    float by = q.y + 0.22 - 0.03 * fract(t * 0.3);
    float bead1 = exp(-(tx1 * tx1 + by * by) * 4000.0);
    float tear = s1 + s2 + 1.5 * bead1;
    vec2 uv = (q * R.y + 0.5 * R) / R + vec2(0.012 * (s1 * sign(tx1) + s2 * sign(tx2)), 0.0);

    // what the closed eye sees: the light, blurred to nothing but its brightness
    vec3 sharp = decode(texture(u_input, clamp(uv, 0.0, 1.0)).rgb);
    vec3 soft = vec3(0.0);
    for (int k = 0; k < 4; k++) {
        float ang = float(k) * (TAU / 4.0) + 0.4;
        vec2 off = vec2(cos(ang), sin(ang)) * 0.09 * vec2(R.y / R.x, 1.0);
        soft += decode(texture(u_input, clamp(uv + off, 0.0, 1.0)).rgb);
    }
    soft = 0.3 * sharp + 0.7 * soft / 4.0;
    float light = luma(soft);
    float r2 = dot(p, p);

    // the lids lit from behind: orange-red at the brightest, crimson, then dark at the rim
    float glow = (0.5 + 0.9 * light) * (0.65 + 0.5 * beat) * exp(-r2 * 1.8);
    vec3 lid = mix(vec3(0.5, 0.02, 0.01), vec3(1.0, 0.28, 0.08), clamp(glow * 0.9, 0.0, 1.0)) * glow;
    float v = veins(q * 1.0 + vec2(0.0, 0.01 * beat), beat);
    lid = mix(lid, lid * vec3(0.45, 0.12, 0.16), v);            // the blood in them is dark crimson
    lid += vec3(0.3, 0.01, 0.02) * v * beat * glow;             // and it surges with the beat
    lid *= 0.35 + 0.65 * smoothstep(1.0, 0.15, r2 * 1.6);       // dark at the rim

    // the eyes open: an almond of two smooth lid curves, the upper lid lifting further
    float across = clamp(p.x / (0.75 + 0.35 * o), -1.0, 1.0);
    float curve = 1.0 - across * across;
    float upper = -0.02 + 0.6 * o * curve;
    float lower = -0.02 - 0.38 * o * curve * curve;
    float edge = 0.012 + 0.02 * (1.0 - o);                       // lids out of focus, softer when near
    float inside = smoothstep(-edge, edge, upper - p.y) * smoothstep(-edge, edge, p.y - lower)
                 * smoothstep(0.0, 0.08, o);
    // the lashes: dark soft strands hanging across the aperture from each lid, curving outwards
    float along = p.x * 24.0;
    float below = max(upper - p.y, 0.0);
    float lx = along + (3.0 + 60.0 * below) * below * p.x * 14.0;   // curling outwards as they hang
    float id = floor(lx);
    float strand = 1.0 - abs(fract(lx) - 0.5 - 0.3 * (hash11(id) - 0.5)) * 2.0;
    float lash_len = (0.05 + 0.12 * hash11(id + 5.0)) * step(0.25, hash11(id + 2.0));
    float lash = smoothstep(0.72 + 0.2 * below / lash_len, 0.98, strand) * smoothstep(lash_len, lash_len * 0.4, below)
               * step(0.0, upper - p.y);
    float above = max(p.y - lower, 0.0);
    float lx2 = along * 1.4 - 40.0 * above * p.x;
    float strand2 = 1.0 - abs(fract(lx2) - 0.5) * 2.0;
    lash = max(lash, 0.6 * step(0.4, hash11(floor(lx2))) * smoothstep(0.75, 0.97, strand2) * smoothstep(0.04, 0.0, above) * step(0.0, above));
    lash *= smoothstep(0.02, 0.25, o) * (1.0 - 0.7 * across * across);

    // the world, radiant with the morning; the dream's light becomes its clouds
    vec3 world = dawn(q, light * 2.0, t) * (0.6 + 0.05 * beat);
    // a wet shine along the lower lid (tears pooling), and the streaks catching the light
    world += vec3(1.0, 0.85, 0.7) * 0.3 * exp(-above * above * 12000.0) * step(0.0, above);
    vec3 open_lid = lid * (1.0 - 0.5 * o);
    vec3 lin = mix(open_lid, world, inside);
    lin *= 1.0 - 0.95 * lash * inside;
    lin += vec3(1.0, 0.75, 0.6) * tear * (0.25 + 0.6 * light) * (1.0 - 0.8 * inside);   // (on the lids, not across the world)
    lin += vec3(1.0, 0.96, 0.9) * 2.5 * u_gasp;                                  // the gasp's flash
    vec3 woke = linear_to_srgb(1.0 - exp(-lin * 1.3));
    vec3 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0).rgb;
    vec3 res = mix(src, woke, a);
    frag_colour = vec4(a > 0.0 ? dither8(clamp(res, 0.0, 1.0), gl_FragCoord.xy, u_frame) : src, 1.0);
}
