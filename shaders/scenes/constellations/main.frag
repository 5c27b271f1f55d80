#version 330 core
// Composite: the baked sky, a deep field of faint background stars gathered per pixel
// (one candidate per cell, the four nearest cells), the chart lines and the flying stars;
// then a soft shoulder to white for dense strokes, sRGB and dither.
#include <visuals/params>
#include <lib/common.glsl>
#include <lib/hash.glsl>
#include <lib/colour.glsl>
#include <lib/dither.glsl>

uniform sampler2D u_sky;
uniform sampler2D u_chart;
uniform sampler2D u_starlight;
uniform vec2 u_resolution;
uniform float u_aspect;
uniform int u_frame;
uniform int u_seed;
uniform float u_drift_t;
uniform float u_twinkle_t;
out vec4 frag_colour;

const float CELLS = 72.0;        // background cells per screen height

vec3 background_stars(vec2 p, float crowd, float px) {
    float cell_px = u_resolution.y / CELLS;
    float sigma = max(0.85 * px * u_size, 0.95);
    // cells too small to resolve a star turn into their average light (same flux)
    float resolved = smoothstep(3.2, 4.6, cell_px / sigma);
    vec2 g = p * CELLS - 0.5;
    vec2 base = floor(g);
    vec3 sum = vec3(0.0);
    float mean_flux = 0.0;
    if (resolved > 0.0) {
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                ivec2 c = ivec2(base) + ivec2(i, j);
                uvec3 hu = pcg3d(uvec3(uvec2(c), uint(u_seed) ^ 0xB6F1u));
                vec3 h = hash_to_unit(hu);
                if (h.z > crowd) continue;
                vec2 star = (vec2(c) + 0.5 + 0.6 * (h.xy - 0.5)) / CELLS;
                vec2 d = (p - star) * u_resolution.y;
                float b = hash_to_unit(hu.x ^ hu.y);
                float flux = (0.5 + 2.6 * b * b * b * b) * px * px;
                float tw = 1.0 + u_twinkle * 0.6 * sin(u_twinkle_t * (1.1 + 3.0 * h.y) + 6.2831 * h.x);
                vec3 col = mix(vec3(0.70, 0.78, 1.0), vec3(1.0, 0.88, 0.75), h.y);
                sum += col * (flux * tw / (6.2831853 * sigma * sigma)) * exp(-dot(d, d) / (2.0 * sigma * sigma));
            }
        }
    }
    // the same light spread evenly, for cells below resolution
    float avg = crowd * (0.5 + 2.6 / 5.0) * px * px / (cell_px * cell_px);
    return sum * resolved + vec3(0.82, 0.84, 1.0) * avg * (1.0 - resolved);
}

// Smooth (cubic B-spline) lookup of one mip level from 4 bilinear taps: a coarse level
// read with plain bilinear filtering shows its texel grid as boxes around bright strokes.
vec3 mip_bspline(sampler2D tex, vec2 uv, float level) {
    vec2 size = vec2(textureSize(tex, int(level)));
    vec2 t = uv * size - 0.5;
    vec2 f = fract(t);
    vec2 i = t - f;
    vec2 f2 = f * f, f3 = f2 * f;
    vec2 w0 = (1.0 - 3.0 * f + 3.0 * f2 - f3) / 6.0;
    vec2 w1 = (4.0 - 6.0 * f2 + 3.0 * f3) / 6.0;
    vec2 w2 = (1.0 + 3.0 * f + 3.0 * f2 - 3.0 * f3) / 6.0;
    vec2 w3 = f3 / 6.0;
    vec2 g0 = w0 + w1, g1 = w2 + w3;
    vec2 h0 = (i - 0.5 + w1 / g0) / size;     // texel centres at (k + 0.5) / size
    vec2 h1 = (i + 1.5 + w3 / g1) / size;
    return g0.y * (g0.x * textureLod(tex, vec2(h0.x, h0.y), level).rgb
                 + g1.x * textureLod(tex, vec2(h1.x, h0.y), level).rgb)
         + g1.y * (g0.x * textureLod(tex, vec2(h0.x, h1.y), level).rgb
                 + g1.x * textureLod(tex, vec2(h1.x, h1.y), level).rgb);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    float px = u_resolution.y / 1080.0;
    vec4 sky = texture(u_sky, uv);
    vec2 drift = vec2(sin(u_drift_t * 0.05), cos(u_drift_t * 0.037)) * 0.006;
    vec3 col = sky.rgb;
    if (u_quality > 0.15) {
        col += background_stars(p + drift, sky.a * mix(0.55, 0.8, u_quality), px);
    }
    col += texelFetch(u_chart, ivec2(gl_FragCoord.xy), 0).rgb;
    col += texelFetch(u_starlight, ivec2(gl_FragCoord.xy), 0).rgb;
    // glow: the starlight's own mip chain, blurred over a fixed share of the screen
    float lod = floor(log2(max(6.0 * px, 1.0)) + 0.5);
    vec3 glow = textureLod(u_starlight, uv, lod).rgb * 0.5 + mip_bspline(u_starlight, uv, lod + 2.0) * 0.5;
    col += glow * 0.45 * u_glow;
    // vignette, gently
    col *= 1.0 - 0.35 * dot(p, p);
    // soft shoulder: linear in the darks, dense light rolls off to white
    col = max(col, 0.0);
    col = 1.0 - exp(-col * 1.15);
    frag_colour = vec4(dither8(linear_to_srgb(col), gl_FragCoord.xy, u_frame), 1.0);
}
