#version 330 core
// Towers, pass "wall_memory" (baked once at the frame's size, mipmapped; the square picture
// stretched over it, the wall's lookup unstretching it): the memory the close shot's
// glass wall holds (wall.frag): window_memory.glsl's child at a night window, a picture a
// stranger names at a glance.  Linear colour.
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/sdf.glsl"
#include "window_memory.glsl"
uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 p = gl_FragCoord.xy / u_resolution - 0.5;
    vec3 col = window_memory(p);
    // the edges of the picture fade to black (no seams in the wall's mipmaps)
    vec2 edge = smoothstep(vec2(0.5), vec2(0.42), abs(p));
    frag_colour = vec4(clamp(col * edge.x * edge.y, 0.0, 4.0), 1.0);
}
