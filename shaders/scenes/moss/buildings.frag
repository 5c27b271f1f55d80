#version 330 core
// Moss, pass "city": a face of one box of a dark liquid-glass tower (buildings.vert; a tower
// is a podium, a setback shaft and perhaps a needle spire): a near-black glass curtain wall
// whose panels, each tilted a little, mirror the glowing street at its foot and the night
// unevenly in slow wavers; floor lines and mullions catching the moss light from below (so
// the eye reads storeys, and scale); moss climbing the podium's foot; corners, roof rims and
// the spires' tips flashing with the heartbeat.  No windows: the pulse on the street carries
// the frame.  In the same night fog as the streets.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/hash.glsl"
#include "moss.glsl"

uniform int u_frame;
uniform vec2 u_resolution;
uniform float u_cam_tan;
uniform vec3 u_cam_pos;
uniform vec2 u_heart_origin;
uniform float u_heart_phase;
uniform float u_heart_period;
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
    // The curtain wall: panels MULLION wide and a storey high, each set at its own small tilt,
    // so neighbouring panels mirror different things (the tell of a glass tower); the tilt
    // fades where panels shrink toward a pixel, so far walls do not sparkle.
    const float STOREY = 0.85;
    const float MULLION = 0.55;
    float spire = step(1.5, v_tier.y);
    vec2 pc = vec2(across / MULLION, y / STOREY);
    vec2 ph = hash22(floor(pc) + vec2(17.0 * v_box.w + 3.0 * n.x, 29.0 * v_box.w + 5.0 * n.z)) - 0.5;
    float fine = (1.0 - smoothstep(0.12, 0.35, fp / MULLION)) * (1.0 - spire);
    vec3 nb = normalize(n + wall * (0.045 * w1 * tang + 0.03 * w2 * vec3(0.0, 1.0, 0.0)
                                    + fine * (0.012 * ph.x * tang + 0.02 * ph.y * vec3(0.0, 1.0, 0.0))));
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
    // (and the emerald haze the moss throws along the horizon: the panels that tilt toward
    // it light up among dark ones, a mosaic that says "curtain wall")
    sky += moss * (0.04 + 0.1 * u_rest) * exp(-abs(r.y) * 7.0) * fine;
    vec3 refl = mix(sky, street * exp(-tg / 25.0), smoothstep(0.02, -0.04, r.y));
    col += refl * (0.022 + 0.5 * fres) * wall;
    // the street's light climbing the lower face (the glass lit from below), with the pulse
    col += moss * (0.02 * u_rest + 0.15 * pulse) * exp(-y / 0.8) * wall;
    // Bright thin edges: the corners and the roof's rim catch the moss light, hot on the pulse.
    float half_across = (abs(n.x) > 0.5) ? v_box.z : v_box.x;
    float corner = exp(-max(half_across - abs(across), 0.0) / (0.02 + 0.55 * fp));
    vec2 room = vec2(v_box.x - abs(v_local.x), v_box.z - abs(v_local.z));
    float rim = exp(-max(v_box.y - y, 0.0) / (0.02 + 0.55 * fp)) * wall
              + max(n.y, 0.0) * exp(-min(room.x, room.y) / (0.04 + 0.8 * fp));
    float catchlight = corner * wall * (0.3 + 0.7 * exp(-y / 4.0)) + 0.6 * rim;
    catchlight *= 1.0 - 0.55 * step(0.5, v_tier.y);    // (the podium's edges lead; a setback's are quieter)
    col += catchlight * (moss * (0.035 + 0.08 * u_rest + 0.7 * pulse) + vec3(0.012, 0.018, 0.03));
    // Storeys and mullions: thin frames catching the moss light from below (brightest low
    // down, flashing with the pulse) and a little of the night, fading to their average
    // where they are thinner than a pixel.
    vec2 gd = (0.5 - abs(fract(pc) - 0.5)) * vec2(MULLION, STOREY);       // to the nearest frame
    float lw = 0.018 + 0.6 * fp;
    vec2 frames = (1.0 - smoothstep(0.3 * lw, lw, gd)) * vec2(0.0, 0.45);
    frames = mix(frames, vec2(0.0, 0.45) * 0.025 / vec2(MULLION, STOREY), smoothstep(0.03, 0.12, fp));
    float frame = max(frames.x, frames.y) * wall * (1.0 - spire);
    vec3 uplight = moss * (0.006 + 0.03 * u_rest + 0.7 * pulse) * exp(-y / 2.0)
                 + moss * 0.0005 + vec3(0.0004, 0.0005, 0.0018);
    col += frame * uplight;
    // Moss climbing the podium's foot: a ragged cushion up to a metre or so, glowing like the
    // street it grows from (podiums only: the setbacks stand on roofs).
    float climb = 0.45 + 0.22 * sin(1.3 * across + 9.0 * v_box.w) + 0.14 * sin(3.7 * across + 2.0 + 5.0 * v_box.w)
                + 0.07 * sin(8.9 * across + 4.0 * v_box.w);                     // (no period: a ragged edge)
    float growth = (1.0 - smoothstep(climb - 0.3 - fp, climb + fp, y)) * step(v_tier.y, 0.5) * wall * fine;
    float tuft = 0.7 + 0.3 * sin(23.0 * across + 3.0 * sin(7.0 * y + 2.0 * across));   // (strands, not a lattice)
    // (thick and bright at the foot, thinning to a soft, sparse edge)
    col += growth * tuft * moss * (0.08 + 0.35 * u_rest + 1.1 * pulse) * (1.0 - 0.7 * clamp(y / max(climb, 0.1), 0.0, 1.0));
    // Spires: a needle of glass with a beacon at its tip that beats with the heart.
    float tip = smoothstep(v_box.y - 0.5, v_box.y, y) * spire;
    col += tip * moss * (0.25 + 0.6 * u_rest + 2.5 * pulse);
    col += spire * wall * moss * (0.02 + 0.3 * pulse) * exp(-(v_box.y - y) / 1.2);
    // roofs: dark glass mirroring the sky
    col += max(n.y, 0.0) * vec3(0.0025, 0.0018, 0.009);
    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.010 * (0.5 + u_rest) + vec3(0.004, 0.003, 0.014);
    col = mix(col, horizon, 0.4 * (1.0 - exp(-pow(v_dist / 70.0, 2.0))));   // (glass stays darker than the fog)
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
