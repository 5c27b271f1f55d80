#version 330 core
// Moss, pass "city": a building's face (buildings.vert): dark stone lit from below by the
// moss and its heartbeat, a sparse grid of windows awake (averaged where smaller than a
// pixel), a breath of moss on the roof's edge; in the same night fog as the streets.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/hash.glsl"
#include "moss.glsl"

uniform int u_frame;
uniform vec2 u_resolution;
uniform float u_cam_tan;
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
    // the pulse reaching the building's foot (the streets around it)
    float pulse = v_pulse;
    vec3 col = vec3(0.006, 0.007, 0.011);
    col += moss * (0.015 + 0.25 * u_rest + 0.35 * pulse) * exp(-v_local.y / 1.3) * wall;
    // windows
    vec2 f = vec2((abs(n.x) > 0.5) ? v_local.z : v_local.x, v_local.y);
    vec2 g = f / vec2(0.55, 0.75);
    ivec2 wc = ivec2(floor(g));
    uint k = pcg(uint(wc.x * 7919 + wc.y * 104729 + int(v_box.w * 9973.0) + int(n.x * 3.0 + n.z * 5.0) * 31));
    vec3 wh = vec3(uvec3(k, k >> 10u, k >> 20u) & 1023u) * (1.0 / 1023.0);
    vec2 wf = abs(fract(g) - 0.5);
    float win = step(0.88, wh.x) * step(wf.x, 0.2) * step(wf.y, 0.16) * step(0.8, v_local.y);
    win = mix(win, 0.12 * 0.128, smoothstep(0.1, 0.3, fp));
    vec3 warm = mix(vec3(1.0, 0.62, 0.3), vec3(0.45, 0.85, 1.0), step(0.7, wh.y));
    col += warm * win * 0.06 * (0.5 + wh.z) * wall * min(u_glow, 1.0);   // (the city sleeps with the moss)
    // the roof's edge
    vec2 room = vec2(v_box.x - abs(v_local.x), v_box.z - abs(v_local.z));
    float edge = 1.0 - smoothstep(0.0, 0.15 + fp, min(room.x, room.y));
    col += max(n.y, 0.0) * edge * moss * 0.03;
    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.025 * (0.5 + u_rest) + vec3(0.006, 0.006, 0.016);
    col = mix(col, horizon, 1.0 - exp(-pow(v_dist / 90.0, 2.0)));
    col = 1.0 - exp(-col * 1.25);
    col = sqrt(col);                         // (dark walls: gamma 2 is close enough to sRGB)
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
