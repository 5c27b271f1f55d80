#version 330 core
// Resonance, pass "helix": joy and despair intertwined like the double helix of a DNA
// strand -- two ribbons of light, one warm gold, one deep violet-blue, winding round each
// other up out of the city into the aurora, and their reflections in the still water
// (instances 2 and 3).  One triangle strip per ribbon; only their pixels are shaded, and
// nothing is drawn while helix is 0.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>
#include "../../lib/common.glsl"
#include "resonance.glsl"
#include "camera.glsl"

uniform vec2 u_resolution;
uniform float u_time;

const int HELIX_SEGMENTS = 120;

out float v_across;           // -1..1 across the ribbon
out float v_depth;            // 1 in front of the other strand, -1 behind
out float v_along;            // height climbed, screen units
flat out float v_strand;      // 0 joy, 1 despair
flat out float v_mirror;      // 1 for the reflections

void main() {
    int k = gl_InstanceID;
    float strand = float(k % 2);
    float mirror = float(k / 2);
    int seg = gl_VertexID / 2;
    float side = (gl_VertexID % 2 == 0) ? -1.0 : 1.0;
    float s = float(seg) / float(HELIX_SEGMENTS);              // 0 at the horizon .. 1 at the top
    float y = u_horizon + 0.02 + s * 0.66;
    float turn = TAU * (2.2 * s) - 0.55 * u_time + PI * strand;  // winding, slowly turning
    float radius = 0.085 + 0.05 * s;                             // it opens as it rises
    float x = radius * sin(turn) + 0.015 * sin(3.0 * s + 0.3 * u_time);
    float depth = cos(turn);
    // the ribbon's half width: wider in front, a seam where it turns edge-on
    float w = (0.011 + 0.016 * (0.5 + 0.5 * depth)) * (0.45 + 0.55 * abs(cos(turn * 0.5 + 0.8)));
    // screen tangent for the ribbon's normal
    float dx = radius * cos(turn) * TAU * 2.2 / 0.66 + 0.04 * sin(turn) / 0.66;
    vec2 tangent = normalize(vec2(dx, 1.0));
    vec2 normal = vec2(-tangent.y, tangent.x);
    vec2 p = vec2(x, y) + side * w * normal;
    // the reflection: mirrored about the horizon, squashed a little by the water
    p.y = (mirror > 0.5) ? u_horizon - (p.y - u_horizon) * 0.8 : p.y;
    p = screen_point(p);
    bool shown = u_helix > 0.0;
    gl_Position = shown ? vec4(2.0 * p.x * u_resolution.y / u_resolution.x, 2.0 * p.y, 0.0, 1.0)
                        : vec4(2.0, 2.0, 2.0, 1.0);
    v_across = side;
    v_depth = depth;
    v_along = s;
    v_strand = strand;
    v_mirror = mirror;
}
