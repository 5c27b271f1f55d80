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
    vec3 col = vec3(0.0004, 0.0006, 0.0012); // near-black glass
    // The glass mirrors the glowing street at its foot: light that climbs the wall and
    // fades, bent into slow liquid wavers (the towers are liquid glass, not stone).
    float across = (abs(n.x) > 0.5) ? v_local.z : v_local.x;
    float y = v_local.y;
    float waver = 0.5 + 0.5 * sin(1.7 * across + 0.45 * y + 1.3 * sin(0.8 * y - 1.1 * across + 6.0 * v_box.w));
    col += moss * (0.003 + 0.05 * u_rest + 0.2 * pulse) * exp(-y / 1.2) * waver * waver * wall;
    // Bright edges: the corners and the roof's rim catch the moss light and flash with the pulse.
    float half_across = (abs(n.x) > 0.5) ? v_box.z : v_box.x;
    float corner = exp(-max(half_across - abs(across), 0.0) / (0.06 + 1.2 * fp));
    vec2 room = vec2(v_box.x - abs(v_local.x), v_box.z - abs(v_local.z));
    float rim = exp(-max(v_box.y - y, 0.0) / (0.06 + 1.2 * fp)) * wall
              + max(n.y, 0.0) * exp(-min(room.x, room.y) / (0.08 + 1.2 * fp));
    float catchlight = (corner * wall * (0.25 + 0.75 * exp(-y / 5.0)) + 0.5 * rim);
    col += catchlight * moss * (0.02 + 0.05 * u_rest + 0.4 * pulse);
    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.025 * (0.5 + u_rest) + vec3(0.006, 0.006, 0.016);
    col = mix(col, horizon, 0.6 * (1.0 - exp(-pow(v_dist / 90.0, 2.0))));   // (glass stays darker than the fog)
    col = 1.0 - exp(-col * 1.25);
    col = sqrt(col);                         // (dark glass: gamma 2 is close enough to sRGB)
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
