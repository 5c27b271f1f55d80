#version 330 core
// Composite: the baked deep sky (deep.frag, stored as sqrt), the chart lines, the stars and
// their glow (glow.frag, half resolution); then a shoulder to white for dense strokes, sRGB,
// dither.  Every full-resolution fetch counts on software GL, so this pass stays small.
#include <visuals/params>
#include <lib/common.glsl>
#include <lib/colour.glsl>
#include <lib/dither.glsl>
#include <lib/noise.glsl>

uniform sampler2D u_deep;
uniform sampler2D u_chart;
uniform sampler2D u_starlight;
uniform sampler2D u_bloom;
uniform vec2 u_resolution;
uniform int u_frame;
uniform vec2 u_cam;          // the view's drift (screen units); the deep sky, farthest, moves a fifth of it
out vec4 frag_colour;

// A ridge line across the frame: the height of the land at x (screen units), a few octaves of
// value noise along one line, sharpened into peaks (1 - |n|) so it reads as mountains, not dunes.
float ridge(float x, float base, float amp, float freq, float seed) {
    float h = 0.0;
    float a = 0.5;
    float f = freq;
    for (int i = 0; i < 4; i++) {
        float n = vnoise(vec2(x * f, seed + 3.1 * float(i)));
        h += a * (1.0 - abs(2.0 * n - 1.0));
        a *= 0.45;
        f *= 2.1;
    }
    return base + amp * h;
}

// The land that gives the sky its scale: a far range of mountains pale in the airglow and a
// near, black ridge, each sliding a little more than the sky as the view drifts (parallax);
// over the horizon the airglow, emerald low down and violet above (the inverted sky's
// colours), so the word is written across a vast sky above a real place.
// Returns the sky's light with the land laid over it.
vec3 land(vec3 sky, vec2 p, float aa) {
    float far_h = ridge(p.x + 1.1 * u_cam.x + 2.3, -0.37, 0.28, 1.9, 5.0) + 1.1 * u_cam.y;
    float near_h = ridge(p.x + 1.35 * u_cam.x - 0.8, -0.465, 0.17, 1.1, 17.0) + 1.35 * u_cam.y;
    float above = max(p.y - far_h, 0.0);
    sky += vec3(0.007, 0.032, 0.021) * exp(-above * 30.0) + vec3(0.020, 0.007, 0.040) * exp(-above * 7.0);
    // the far range: a dark silhouette against the glow, the valley's mist rising at its foot
    vec3 far_col = vec3(0.0035, 0.0045, 0.010);
    far_col += vec3(0.010, 0.030, 0.026) * exp(-max(p.y - near_h, 0.0) * 24.0);
    vec3 col = mix(sky, far_col, smoothstep(-aa, aa, far_h - p.y));
    // the near ridge: black, its crest edged by a thread of the sky's light
    float edge = exp(-max(near_h - p.y, 0.0) * 700.0);
    vec3 near_col = vec3(0.0012, 0.0012, 0.0022) + vec3(0.03, 0.045, 0.05) * edge;
    return mix(col, near_col, smoothstep(-aa, aa, near_h - p.y));
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    float px = u_resolution.y / 1080.0;
    // (the deep sky is baked once: it is seen a little enlarged so that its slow parallax
    // never reaches the edge of the bake)
    vec2 duv = (uv - 0.5) * 0.95 + 0.5 + u_cam * 0.2 * vec2(u_resolution.y / u_resolution.x, 1.0);
    vec3 deep = texture(u_deep, duv).rgb;
    vec3 col = deep * deep;
    col += texelFetch(u_chart, ivec2(gl_FragCoord.xy), 0).rgb;
    col += texelFetch(u_starlight, ivec2(gl_FragCoord.xy), 0).rgb;
    // (an if, not a loop of 0 or 1 turns: llvmpipe runs either for every pixel when not
    // taken, and a taken loop's body twice; shaders/README.md)
    if (u_quality > 0.3 && u_glow > 0.0) {
        col += texture(u_bloom, uv).rgb * u_glow;
    }
    col = land(col, p, 1.0 / u_resolution.y);
    // vignette, gently
    col *= 1.0 - 0.35 * dot(p, p);
    // soft shoulder: linear in the darks, dense light rolls off to white
    col = max(col, 0.0);
    col = 1.0 - exp(-col * 1.15);
    frag_colour = vec4(dither8(linear_to_srgb(col), gl_FragCoord.xy, u_frame), 1.0);
}
