#version 330 core
// The howl: "The Resonance howls, a sound that is both a requiem and a lullaby."  Sound made
// visible, and the sky torn by it -- not a broken video file.
//
// Pressure waves run out from the howl's source (high in the sky) and bend the image a little
// along their fronts; two slow wave trains of different lengths beat against each other (the
// requiem and the lullaby).  And the sky tears like struck glass: from the source, jagged
// cracks radiate outwards (they grow with the amount) and rings of cracks cross them, cutting
// the sky into pieces.  Each piece is torn loose -- turned about the source by its own angle
// and pushed outwards, so the picture breaks at every crack and bends across the piece --
// and catches the light as it tilts.  The tears open onto the black behind the sky, each its
// own width: wide near the source, pinching and swelling along their length, hairlines at
// their tips; their torn edges burn white-violet and the impact point blazes.
// amount 0 is the input, bit for bit (and the renderer skips the pass).
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

vec3 fetch(vec2 uv) {
    return texture(u_input, clamp(uv, vec2(0.0), vec2(1.0))).rgb;
}

void main() {
    float a = clamp(u_amount, 0.0, 1.0);
    vec2 R = u_resolution;
    vec2 uv = gl_FragCoord.xy / R;
    vec2 p = centered_uv(gl_FragCoord.xy, R);
    vec2 src = vec2((u_source_x - 0.5) * R.x / R.y, u_source_y - 0.5);
    vec2 dv = p - src;
    float d = length(dv);
    vec2 dir = dv / max(d, 1e-4);
    float t = mod(u_time, 600.0);
    // two wave trains: the requiem (long, slow) and the lullaby (short, gentle)
    float ph1 = d * 38.0 - t * 5.0;
    float ph2 = d * 71.0 - t * 7.3 + 1.3;
    float env = exp(-d * 1.2) * smoothstep(0.0, 0.05, d);
    float wave = (0.65 * sin(ph1) + 0.35 * sin(ph2)) * env;
    float push = a * u_waves * 0.004 * wave;                      // frame heights

    // the cracks: spokes from the source, jagged (their angle wanders with the distance), and
    // rings across them at uneven radii; the reach grows with the amount
    const float SPOKES = 13.0;
    float ang = atan(dv.y, dv.x) / TAU + 0.5;                       // 0..1 around the source
    float wob = 0.035 * (vnoise(vec2(d * 9.0, ang * 40.0)) - 0.5)
              + 0.012 * (abs(vnoise(vec2(d * 31.0, ang * 90.0 + 4.0)) - 0.5) - 0.25);
    float sa = ang * SPOKES + wob * SPOKES / max(d * 6.0, 0.6);
    float sector = floor(sa);
    float jit = hash11(sector + 31.0);
    float sf = fract(sa);
    float spoke_d = min(sf, 1.0 - sf) * TAU * d / SPOKES;           // distance to the nearest spoke
    float lr = d * 5.0 + 0.9 * jit + 0.15 * vnoise(vec2(ang * 60.0, 2.0));
    float ring = floor(lr);
    float rf = fract(lr);
    float ring_d = min(rf, 1.0 - rf) / 5.0;                         // distance to the nearest ring
    float reach = a * a * u_tear * 0.9;
    float grown = smoothstep(reach, reach - 0.1, d)                  // cracked out to here,
                * smoothstep(-0.3, -0.12, p.y);                     // in the sky, not the water
    // the rings crack only between some spokes (a web, not a target)
    float ring_on = step(0.62, hash12(vec2(sector, ring))) * step(0.5, ring);
    float crack_px = min(spoke_d, mix(1.0, ring_d, ring_on)) * R.y;   // to the nearest crack, px
    // the tears' widths: each spoke its own, widest near the source and opening as the howl
    // grows, pinching and swelling along its length, down to a hair at its tip; rings thinner
    float spoke_id = floor(sa + 0.5);
    float on_ring = step(ring_d, spoke_d) * ring_on;
    float taper = smoothstep(reach + 0.02, 0.15 * reach, d);
    float pinch = 0.45 + 1.1 * vnoise(vec2(d * 17.0, spoke_id * 3.7 + ring * 1.3));
    float gap_w = (0.6 + (1.0 + 6.5 * hash11(spoke_id + 5.0)) * taper * a * pinch)
                * mix(1.0, 0.45, on_ring) * R.y / 360.0;
    float gap = smoothstep(gap_w + 0.8, gap_w - 0.6, crack_px) * grown;        // inside the tear
    float rim = exp(-abs(crack_px - gap_w) * 1.8) * grown;                     // its lit edges
    float halo = exp(-crack_px / 5.0 * 360.0 / R.y) * grown;

    // each shard is torn loose: turned about the source by its own small angle and pushed out,
    // so the picture breaks at every crack and bends across each shard (the turn grows with
    // the distance from the source)
    vec3 h = hash33(vec3(sector, ring, 7.0));
    float tilt = (h.x - 0.5) * 2.0;
    float turn = tilt * 0.05 * a * grown;
    float out_ = (0.008 + 0.03 * h.y) * a * grown * smoothstep(0.02, 0.12, d);
    vec2 moved = rot2(turn) * dv - dir * out_ + vec2(0.0, (h.z - 0.5) * 0.02 * a * grown);
    vec2 shift = dv - moved;
    vec2 duv = vec2((dir.x * push + shift.x) * R.y / R.x, dir.y * push + shift.y);
    float split = (0.4 + 0.8 * h.z) * grown * a;                    // colours part like glass

    vec3 col;
    col.r = fetch(uv - duv * (1.0 + 0.15 * split)).r;
    col.g = fetch(uv - duv).g;
    col.b = fetch(uv - duv * (1.0 - 0.08 * split)).b;
    vec3 lin = decode(col);
    // the crests of the sound shine, violet-white, faintly
    float c1 = 0.5 + 0.5 * (0.65 * sin(ph1) + 0.35 * sin(ph2));
    float c2 = c1 * c1;
    float crest = c2 * c2 * c2 * env;                          // (^6 by multiplication: pow is costly here)
    lin += vec3(0.55, 0.5, 1.0) * crest * a * u_waves * 0.05;
    // the sheen: a band of light sweeping across each tilted shard as it moves
    float across = dot(p, normalize(vec2(0.6 + tilt, 1.0)));
    float sheen = sin(across * 9.0 + tilt * 6.0 + t * (0.6 + h.y));
    sheen = max(sheen, 0.0);
    sheen *= sheen;
    sheen *= sheen;
    lin += vec3(0.75, 0.8, 1.0) * sheen * 0.06 * grown * a * step(0.02, d);
    // each shard's edge darkens just inside the tear (the glass's thickness)
    lin *= 1.0 - 0.45 * exp(-max(crack_px - gap_w, 0.0) * 0.35) * grown * (1.0 - gap);
    // through the tears: the void behind the sky, black, a violet ember at the heart of the
    // widest; the torn edges burn white-violet, flickering with the sound
    float flick = 0.8 + 0.2 * sin(t * 11.0 + d * 20.0) * sin(t * 3.1);
    vec3 void_ = vec3(0.003, 0.0, 0.01) + vec3(0.05, 0.012, 0.12) * smoothstep(2.0, 8.0, gap_w) * exp(-crack_px / max(0.3 * gap_w, 1.0));
    lin = mix(lin, void_, gap);
    lin = mix(lin, vec3(1.5, 1.4, 1.9), min(rim, 1.0) * (0.7 + 0.3 * flick));
    lin += vec3(0.55, 0.35, 1.0) * halo * a * flick * 0.07 * (1.0 - gap);
    lin += vec3(1.0, 0.9, 1.2) * a * a * exp(-d * 34.0) * 1.2;
    vec3 base = fetch(uv);
    vec3 res = linear_to_srgb(clamp(lin, 0.0, 1.0));
    frag_colour = vec4(a > 0.0 ? dither8(clamp(res, 0.0, 1.0), gl_FragCoord.xy, u_frame) : base, 1.0);
}
