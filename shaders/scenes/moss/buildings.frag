#version 330 core
// Moss, pass "city": a face of one tapering box of a liquid-glass tower (buildings.vert; a
// tower is a podium, a setback shaft and perhaps a needle spire): smooth dark glass that
// mirrors the glowing street at its foot and the violet night in slow liquid wavers, with the
// moss light of the street shining into it from below; and moss grown over it: a thick glowing
// cushion over each roof and a ragged mantle climbing the walls in patches and runnels, all
// of it pulsing with the heartbeat.  No grid of storeys or mullions (round 6: "grid-textured
// black cubes look like placeholders"), no lit wire edges; soft glints only where the glass
// turns.  In the same night fog as the streets.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "moss.glsl"

uniform int u_frame;
uniform vec2 u_resolution;
uniform float u_cam_tan;
uniform vec3 u_cam_pos;
uniform vec2 u_heart_origin;
uniform float u_heart_phase;
uniform float u_heart_period;
uniform sampler2D u_field;          // the streets' baked clump field (moss_bake.frag): the same moss
in vec3 v_local;
flat in vec3 v_normal;
flat in vec4 v_box;
flat in vec2 v_tier;                // base y, kind (0 podium, 1 setback, 2 spire)
in float v_dist;
in vec3 v_world;
in float v_pulse;
out vec4 frag_colour;

void main() {
    vec3 moss = srgb_to_linear(u_colour.rgb) * u_glow;
    float fp = v_dist * 2.0 * u_cam_tan / u_resolution.y;       // world units per pixel
    vec3 n = v_normal;
    float wall = 1.0 - abs(n.y);
    float pulse = v_pulse;                 // the pulse reaching the tower's foot
    vec3 col = vec3(0.0003, 0.0004, 0.0010); // near-black glass
    float across = (abs(n.x) > 0.5) ? v_local.z : v_local.x;
    float y = v_local.y;
    // Liquid glass: the wall's normal wavers slowly (no geometry, just a bent mirror).
    float w1 = sin(1.7 * across + 0.45 * y + 1.3 * sin(0.8 * y - 1.1 * across + 6.0 * v_box.w));
    float w2 = sin(0.9 * y - 1.3 * across + 2.0 * v_box.w);
    vec3 tang = (abs(n.x) > 0.5) ? vec3(0.0, 0.0, 1.0) : vec3(1.0, 0.0, 0.0);
    // (the wavers fade where they shrink toward a pixel, so far walls do not sparkle)
    float spire = step(1.5, v_tier.y);
    float fine = (1.0 - smoothstep(0.15, 0.45, fp)) * (1.0 - spire);
    vec3 nb = normalize(n + wall * (0.06 * w1 * tang + 0.04 * w2 * vec3(0.0, 1.0, 0.0)) * (0.4 + 0.6 * fine));
    // The mirror: a reflected ray, analytic (one plane, one sky; nothing is marched).
    vec3 d = normalize(v_world - u_cam_pos);
    vec3 r = reflect(d, nb);
    float fres = 0.06 + 0.94 * pow(1.0 - max(dot(-d, nb), 0.0), 5.0);
    // Downward: the glowing street with its heartbeat rings, seen in the glass.
    // (only the pulse, not the whole ground: the glass sees it blurred, and the towers
    // overdraw each other, so every instruction here is paid several times)
    Heart h = Heart(u_heart_origin, u_heart_phase, u_heart_period, u_spread, u_reach, u_pulse_width);
    float down = max(-r.y, 0.02);
    float tg = min(y / down, 60.0);
    float p = heart_pulse(v_world.xz + r.xz * tg, 0.3 + tg * 0.02, 0.0, h);
    vec3 street = moss * (0.2 * u_rest + 0.9 * p * p + 0.3 * p);
    // Upward: the violet night (as moss.frag's sky, without its stars).
    vec3 sky = mix(vec3(0.010, 0.006, 0.034), vec3(0.002, 0.001, 0.010), smoothstep(0.1, 0.6, r.y));
    // (and the emerald haze the moss throws along the horizon: the glass that bends toward
    // it light up in liquid wavers)
    sky += moss * (0.005 + 0.03 * u_rest) * exp(-abs(r.y) * 9.0) * (0.35 + 0.65 * (0.5 + 0.5 * w1));
    vec3 refl = mix(sky, street * exp(-tg / 25.0), smoothstep(0.02, -0.04, r.y));
    col += refl * (0.015 + 0.45 * fres) * wall;
    // the street's light climbing the lower face (the glass lit from below), with the pulse
    col += moss * (0.01 * u_rest + 0.1 * pulse) * exp(-y / 0.6) * wall;
    // Light inside the glass: the street's glow carried up into it from below, fading with
    // height, brightest through the middle of each face (thick glass), beating with the pulse.
    float half_across = (abs(n.x) > 0.5) ? v_box.z : v_box.x;
    float middle = 1.0 - pow(clamp(abs(across) / max(half_across, 1e-3), 0.0, 1.0), 3.0);
    col += moss * (0.012 * u_rest + 0.12 * pulse) * exp(-y / 2.5) * (0.4 + 0.6 * middle) * wall;
    // A soft glint where the glass turns at the corners (not a lit wire edge).
    float corner = exp(-max(half_across - abs(across), 0.0) / (0.08 + 0.8 * fp)) * wall;
    col += corner * (moss * (0.004 + 0.25 * pulse) * exp(-y / 5.0) + vec3(0.002, 0.0025, 0.006));
    // Moss grown over the tower: a ragged mantle up the walls from the foot (thick low down,
    // in patches and runnels higher up), and a cushion over the roofs, of the same clumps as
    // the street (its baked field, read at the pixel's footprint: smooth far off).
    vec2 wp = vec2(across + 5.3 * v_box.w + 2.0 * n.x, y) * 1.4;
    vec2 top_p = v_local.xz * 1.4 + 3.7 * v_box.w;
    vec2 muv = mix(wp, top_p, step(0.5, n.y)) / MOSS_TILE;
    // (two mips softer than the footprint: a velvet of clumps, never a speckle)
    vec4 f = textureLod(u_field, muv, 2.0 + log2(max(1.4 * fp * (MOSS_TEXELS / MOSS_TILE), 1e-3)));
    // how high it has climbed: runnels and fingers reaching up from a ragged hem
    float reach = (v_tier.y < 0.5 ? 0.5 : 0.25) + 1.1 * v_box.w;
    float fingers = vnoise(vec2(across * 2.2 + 13.0 * v_box.w, 0.5 * n.x + 1.7 * n.z));
    float hem = reach * (0.45 + 1.3 * fingers * fingers) + 0.5 * (vnoise(vec2(across * 6.0, y * 0.8) + 5.0) - 0.5);
    float mantle = (1.0 - smoothstep(hem - 0.15 - fp, hem + 0.15 + fp, y)) * wall * (1.0 - spire);
    float roof = smoothstep(0.5, 0.9, n.y) * (1.0 - spire) * smoothstep(0.15, 0.45, f.g + 0.6 * f.r);
    float growth = max(mantle, roof);
    // lit like the street: clumps glowing over dark gaps, brighter on the pulse, specks
    float lit = 0.03 + 0.2 * u_rest + 1.2 * pulse;
    vec3 moss_lit = moss * lit * (0.3 + 1.2 * f.r) * (1.0 - 0.45 * smoothstep(0.0, hem + 0.3, y));
    col = mix(col, moss_lit + col * 0.25, growth);
    // Spires: a needle of glass with a beacon at its tip that beats with the heart.
    float tip = smoothstep(v_box.y - 0.5, v_box.y, y) * spire;
    col += tip * moss * (0.25 + 0.6 * u_rest + 2.5 * pulse);
    col += spire * wall * moss * (0.02 + 0.3 * pulse) * exp(-(v_box.y - y) / 1.2);
    // roofs without moss (spires): dark glass mirroring the sky
    col += max(n.y, 0.0) * (1.0 - growth) * vec3(0.0025, 0.0018, 0.009);
    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.010 * (0.5 + u_rest) + vec3(0.004, 0.003, 0.014);
    col = mix(col, horizon, 0.4 * (1.0 - exp(-pow(v_dist / 70.0, 2.0))));   // (glass stays darker than the fog)
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
