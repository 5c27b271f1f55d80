#version 330 core
// Dusk: the old scene goes down into night the way a room does when its lamps are put out --
// its darks first, its lights last -- and the new one comes up out of the same night lights
// first (candles, eyes, glows), its darks last.  No disc, no wipe, no shape of its own: every
// frame is one dim picture, and where both are lit at once they never share a pixel.
//
// For two places that must not be seen side by side (round 6: the "dark" iris showed the
// Serenes as a brown-violet blob pasted in the middle of the moss).
//
// Order: a pixel of the old image leaves at progress ta = 0.15 .. 0.5 (later the lighter
// it is), over 0.15; one of the new image arrives at tb = 0.25 .. 0.6 (earlier the lighter
// it is), over 0.15, never before the old one has left that pixel.  A slow noise shifts both
// times a little, so the night gathers in drifts and not by brightness alone.
//
// Ends: at progress 0 every old weight is exactly 1 and every new one 0 (ta - 0.15 >= 0), and
// at 1 the reverse (tb + 0.15 <= 1); the ends also return the inputs as they are.
#include "../lib/common.glsl"
#include "../lib/colour.glsl"
#include "../lib/noise.glsl"
#include "../lib/dither.glsl"
#include "night.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
out vec4 frag_colour;

const float SPAN = 0.15;     // how long one pixel takes to go out, or to come up

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    ivec2 px = ivec2(gl_FragCoord.xy);
    vec4 a = texelFetch(u_from, px, 0);
    vec4 b = texelFetch(u_to, px, 0);
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    float drift = (fbm(d * 2.5 + vec2(0.03, 0.01) * u_time, 2) - 0.5) * 0.12;   // -0.06 .. 0.06 (about)
    // (ordered by lightness, the square root of luminance: dark scenes' lights are dim, and
    // ordered by luminance they would all go out, or come up, at one time)
    float la = sqrt(clamp(luma(a.rgb), 0.0, 1.0)), lb = sqrt(clamp(luma(b.rgb), 0.0, 1.0));
    // (round 20: with the old picture gone by 0.65 and the new one's darks not up till 0.9,
    // the middle of the passage was a night veil with a few candles in it, "badly
    // underexposed" at 82.9 s: the old one leaves sooner and the new one's room rises
    // right behind its lights, so the night between them is brief)
    float ta = clamp(0.15 + 0.35 * la + drift, SPAN, 0.5);
    float tb = clamp(0.6 - 0.4 * lb + drift, 0.25, 1.0 - SPAN);
    tb = max(tb, ta);                                             // never both in one pixel
    float wa = 1.0 - smoothstep(ta - SPAN, ta, p);
    float wb = smoothstep(tb, tb + SPAN, p);
    vec3 rgb = through_night(a.rgb, b.rgb, wa, wb, d);
    bool end = p <= 0.0 || p >= 1.0;
    vec4 exact = p <= 0.0 ? a : b;
    frag_colour = end ? exact : vec4(dither8(clamp(rgb, 0.0, 1.0), gl_FragCoord.xy, u_frame),
                                     wb > 0.5 ? b.a : a.a);
}
