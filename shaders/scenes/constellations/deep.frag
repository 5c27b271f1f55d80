#version 330 core
// The deep field, baked once per scene start at full resolution (8-bit, sqrt-encoded): the sky (sky.frag, half
// resolution) plus thousands of faint background stars gathered per pixel: at most one star
// per cell, a pixel looks at the four nearest cells.  Where a cell is too small to resolve a
// star (tiny renders), the cell's light is spread evenly instead, so the sky keeps the same
// brightness at every resolution.
#include <lib/common.glsl>
#include <lib/hash.glsl>
#include <lib/dither.glsl>
uniform sampler2D u_sky;
uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

const float CELLS = 72.0;        // background cells per screen height
const float FINE_CELLS = 118.0;  // the milky way's fine star field: cells per screen height

vec3 background_stars(vec2 p, float crowd, float px, float cells, uint stream) {
    float cell_px = u_resolution.y / cells;
    float sigma = max(0.85 * px, 0.95);
    // cells too small to resolve a star turn into their average light (same flux)
    float resolved = smoothstep(3.2, 4.6, cell_px / sigma);
    vec2 g = p * cells - 0.5;
    vec2 base = floor(g);
    vec3 sum = vec3(0.0);
    if (resolved > 0.0) {
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                ivec2 c = ivec2(base) + ivec2(i, j);
                uvec3 hu = pcg3d(uvec3(uvec2(c), uint(u_seed) ^ stream));
                vec3 h = hash_to_unit(hu);
                if (h.z > crowd) continue;
                vec2 star = (vec2(c) + 0.5 + 0.6 * (h.xy - 0.5)) / cells;
                vec2 d = (p - star) * u_resolution.y;
                float b = hash_to_unit(hu.x ^ hu.y);
                float flux = (0.5 + 2.6 * b * b * b * b) * px * px;
                vec3 col = mix(vec3(0.70, 0.78, 1.0), vec3(1.0, 0.88, 0.75), h.y);
                // (a few of the bright ones coloured: emerald, violet, amber giants)
                float giant = step(0.9, b) * step(0.5, h.x);
                col = mix(col, h.y < 0.33 ? vec3(0.45, 1.0, 0.7) : (h.y < 0.66 ? vec3(0.8, 0.55, 1.0) : vec3(1.0, 0.7, 0.4)), giant);
                sum += col * (flux / (6.2831853 * sigma * sigma)) * exp(-dot(d, d) / (2.0 * sigma * sigma));
            }
        }
    }
    // the same light spread evenly, for cells below resolution
    float avg = crowd * (0.5 + 2.6 / 5.0) * px * px / (cell_px * cell_px);
    return sum * resolved + vec3(0.82, 0.84, 1.0) * avg * (1.0 - resolved);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    float px = u_resolution.y / 1080.0;
    vec4 sky = texture(u_sky, uv);
    vec3 col = sky.rgb * 0.6;                 // (a deeper night: the glyph carries the frame)
    col += 0.5 * background_stars(p, sky.a * 0.4, px, CELLS, 0xB6F1u);   // sparse and faint: a deep sky, not static
    // the milky way's fine star field: crowds of sharp faint points where the band is dense
    // (round 22: "fine star fields"), none where its dust lanes lie
    col += 0.22 * background_stars(p, smoothstep(0.45, 1.0, sky.a) * 0.8, px, FINE_CELLS, 0x3C91u);
    // stored as sqrt in 8 bits (dithered), decoded by squaring: fine steps in the darks
    frag_colour = vec4(dither8(sqrt(max(col, 0.0)), gl_FragCoord.xy, 0), 1.0);
}
