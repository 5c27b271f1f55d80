#version 330 core
// Dark: the next scene opens out of the old one through a ring of night -- never both
// pictures in one pixel, and never a black frame.  For cuts between two busy pictures, where
// a crossfade stacks them half-transparent into a muddy double exposure, and where a fade
// through black would leave a blank frame at its middle.
//
// An iris: the new picture is a disc growing from the centre to past the corners; the old
// one lies outside it; between them a soft ring of deep blue-black, into which the old image
// goes down (its lights lingering, as lamps do when a room dims) and out of which the new
// one rises.  A pixel is weighted by the old image only outside the ring's middle and by the
// new one only inside it, so no pixel ever mixes the two; the ring's edge wavers a little,
// as a pupil's does, so the opening does not read as a geometric wipe.
//
// Ends: at progress 0 the ring lies inside the centre (the old image's weight is exactly 1
// everywhere, the new one's 0) and at 1 past the corners (the reverse), so the ends are
// u_from and u_to bit for bit.
#include "../lib/common.glsl"
#include "../lib/colour.glsl"
#include "../lib/dither.glsl"
#include "night.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

const float RING = 0.10;     // the ring's half-width, in units of the centre-to-corner distance

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    ivec2 px = ivec2(gl_FragCoord.xy);
    vec4 a = texelFetch(u_from, px, 0);
    vec4 b = texelFetch(u_to, px, 0);
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 corner = 0.5 * vec2(u_resolution.x / u_resolution.y, 1.0);
    float r = length(d) / length(corner);                          // 0 at the centre, 1 at a corner
    float angle = atan(d.y, d.x);
    r *= 1.0 + 0.035 * sin(5.0 * angle + 2.0 * p) + 0.02 * sin(9.0 * angle - 3.0 * p);   // a wavering rim
    float edge = mix(-RING, 1.06 + RING, p);                     // the ring's middle: the boundary
    float wa = smoothstep(edge, edge + RING, r);                 // the old image: outside only
    float wb = 1.0 - smoothstep(edge - RING, edge, r);           // the new image: inside only
    float la = luma(a.rgb), lb = luma(b.rgb);
    wa = mix(wa, sqrt(wa), la);                                   // lights linger going out
    wb = mix(wb, sqrt(wb), lb);                                   // and come first coming up
    vec3 rgb = through_night(a.rgb, b.rgb, wa, wb, d);
    bool end = p <= 0.0 || p >= 1.0;
    vec4 exact = p <= 0.0 ? a : b;
    frag_colour = end ? exact : vec4(dither8(clamp(rgb, 0.0, 1.0), gl_FragCoord.xy, u_frame),
                                     r < edge ? b.a : a.a);
}
