#version 330 core
// Dark: the first scene goes out into the night and the next comes up out of it -- never both
// at once.  For cuts between two busy pictures, where a crossfade stacks them half-transparent
// into a muddy double exposure.
//
// The old image goes down into a deep blue-black (its lights lingering, as lamps do when a
// room dims), reaching it at the midpoint; the new one rises from there at once (its lights
// first, then its darks).  Each image is weighted only on its own half, so no pixel
// ever mixes the two.  The dark between them holds a faint glow at the centre, so the frame
// is night, not a hole.
//
// Ends: at progress 0 the old image's weight is exactly 1 and the new one's exactly 0 (and the
// reverse at 1), so the ends are u_from and u_to bit for bit.
#include "../lib/common.glsl"
#include "../lib/colour.glsl"
#include "../lib/dither.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform int u_frame;
out vec4 frag_colour;

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    ivec2 px = ivec2(gl_FragCoord.xy);
    vec4 a = texelFetch(u_from, px, 0);
    vec4 b = texelFetch(u_to, px, 0);
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 night = vec3(0.035, 0.033, 0.06) + vec3(0.03, 0.025, 0.05) * exp(-dot(d, d) * 3.0);
    // weights: the old image over the first half, the new over the second; a pixel's lights
    // keep their weight longer (going out) and gain it sooner (coming up).  The dark itself is
    // a moment (about a tenth of the fade), not a held black frame.
    float la = luma(a.rgb), lb = luma(b.rgb);
    float wa = 1.0 - smoothstep(0.1, 0.5, p);
    float wb = smoothstep(0.5, 0.82 - 0.2 * lb, p);
    wa = mix(wa, sqrt(wa), la);                                   // x^(1 - l/2), near enough
    wb = mix(wb, sqrt(wb), lb);
    // (mixed in light, not in sRGB values -- squared and rooted, gamma 2, a close and cheap
    // stand-in: the frame dims as light goes out, not under a grey film)
    vec3 n = night * night;
    vec3 lin = n + (a.rgb * a.rgb - n) * wa + (b.rgb * b.rgb - n) * wb;
    vec3 rgb = sqrt(max(lin, 0.0));
    bool end = p <= 0.0 || p >= 1.0;
    vec4 exact = p <= 0.0 ? a : b;
    frag_colour = end ? exact : vec4(dither8(clamp(rgb, 0.0, 1.0), gl_FragCoord.xy, u_frame), mix(a.a, b.a, step(0.5, p)));
}
