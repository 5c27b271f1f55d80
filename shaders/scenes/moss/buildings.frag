#version 330 core
// Moss, pass "city": a face of a dark liquid-glass tower (buildings.vert): near-black glass
// that mirrors the glowing street at its foot in slow wavers, its corners and roof rim
// catching the moss light and flashing with the heartbeat; no windows, so the pulse on the
// street carries the frame. In the same night fog as the streets.
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
    vec3 nb = normalize(n + wall * (0.045 * w1 * tang + 0.03 * w2 * vec3(0.0, 1.0, 0.0)));
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
    vec3 refl = mix(sky, street * exp(-tg / 25.0), smoothstep(0.02, -0.04, r.y));
    col += refl * (0.03 + 0.5 * fres) * wall;
    // the street's light climbing the lower face (the glass lit from below), with the pulse
    col += moss * (0.02 * u_rest + 0.15 * pulse) * exp(-y / 0.8) * wall;
    // Bright thin edges: the corners and the roof's rim catch the moss light, hot on the pulse.
    float half_across = (abs(n.x) > 0.5) ? v_box.z : v_box.x;
    float corner = exp(-max(half_across - abs(across), 0.0) / (0.03 + 0.8 * fp));
    vec2 room = vec2(v_box.x - abs(v_local.x), v_box.z - abs(v_local.z));
    float rim = exp(-max(v_box.y - y, 0.0) / (0.03 + 0.8 * fp)) * wall
              + max(n.y, 0.0) * exp(-min(room.x, room.y) / (0.04 + 0.8 * fp));
    float catchlight = corner * wall * (0.3 + 0.7 * exp(-y / 4.0)) + 0.6 * rim;
    col += catchlight * (moss * (0.035 + 0.08 * u_rest + 0.7 * pulse) + vec3(0.012, 0.018, 0.03));
    // roofs: dark glass mirroring the sky
    col += max(n.y, 0.0) * vec3(0.006, 0.004, 0.02);
    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.010 * (0.5 + u_rest) + vec3(0.004, 0.003, 0.014);
    col = mix(col, horizon, 0.4 * (1.0 - exp(-pow(v_dist / 70.0, 2.0))));   // (glass stays darker than the fog)
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
