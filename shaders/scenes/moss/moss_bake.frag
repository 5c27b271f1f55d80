#version 330 core
// Moss bake: the clump field of the bioluminescent moss, rendered once per cue into a
// periodic 512x512 tile that covers MOSS_TILE x MOSS_TILE world units (clumps
// baked once, per-frame emission only).  Mipmapped and wrapped by the pass, so the streets
// read it at any distance without shimmer.
//   r: moss cover (cushions of Voronoi clumps with dark gaps and fuzzy edges)
//   g: low-frequency patchiness (also bends the heartbeat's wavefront)
//   b: spore specks (sparse bright points on the cushions)
//   a: per-clump random value (hue variation)
#include "../../lib/hash.glsl"
uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

// Value noise whose lattice repeats every `period` cells, so the tile wraps seamlessly.
float tile_noise(vec2 p, int period, int stream) {
    vec2 fl = floor(p);
    vec2 f = p - fl;
    vec2 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    ivec2 i = ivec2(fl);
    ivec2 i0 = (i + 4 * period) % period;       // i >= 0 here; the offset keeps % defined
    ivec2 i1 = (i + 1 + 4 * period) % period;
    float a = hash_seed(ivec2(i0.x, i0.y), stream);
    float b = hash_seed(ivec2(i1.x, i0.y), stream);
    float c = hash_seed(ivec2(i0.x, i1.y), stream);
    float d = hash_seed(ivec2(i1.x, i1.y), stream);
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// Periodic fbm: octave k has period base << k, all dividing the tile.
float tile_fbm(vec2 uv, int base, int octaves, int stream) {
    float sum = 0.0;
    float amp = 0.5;
    float norm = 0.0;
    int period = base;
    for (int k = 0; k < octaves; ++k) {
        sum += amp * tile_noise(uv * float(period), period, stream + k * 7);
        norm += amp;
        amp *= 0.5;
        period *= 2;
    }
    return sum / norm;
}

// Periodic Voronoi with `n` cells across the tile: x = F1, y = border distance, z = cell hash,
// w = cell size factor.  Cell ids wrap modulo n.
vec4 tile_voronoi(vec2 uv, int n, int stream) {
    vec2 p = uv * float(n);
    vec2 fl = floor(p);
    ivec2 c = ivec2(fl);
    vec2 f = p - fl;
    float md = 8.0;
    vec2 mr = vec2(0.0);
    ivec2 mc = ivec2(0);
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            ivec2 g = ivec2(i, j);
            ivec2 w = (c + g + 4 * n) % n;
            vec2 o = 0.15 + 0.7 * hash_to_unit(pcg3d(uvec3(uvec2(w), uint(stream))).xy);
            vec2 r = vec2(g) + o - f;
            float d = dot(r, r);
            if (d < md) {
                md = d;
                mr = r;
                mc = g;
            }
        }
    }
    float border = 8.0;
    for (int j = -2; j <= 2; ++j) {
        for (int i = -2; i <= 2; ++i) {
            ivec2 g = mc + ivec2(i, j);
            ivec2 w = (c + g + 4 * n) % n;
            vec2 o = 0.15 + 0.7 * hash_to_unit(pcg3d(uvec3(uvec2(w), uint(stream))).xy);
            vec2 r = vec2(g) + o - f;
            vec2 dr = r - mr;
            if (dot(dr, dr) > 1e-8) {
                border = min(border, dot(0.5 * (mr + r), normalize(dr)));
            }
        }
    }
    ivec2 w = (c + mc + 4 * n) % n;
    vec3 h = hash_to_unit(pcg3d(uvec3(uvec2(w), uint(stream) + 101u)));
    return vec4(sqrt(md), border, h.x, h.y);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    int s = (u_seed & 0xffff) * 16;

    // Organic cushions: Voronoi mounds (28 across the tile, ~0.3 units) in a warped domain,
    // each a dome of its own radius; what lies outside every dome is a dark crevice.
    // (round 30's readers: "a blotchy cellular texture", the round domes reading as cells:
    // the domain is bent at the clumps' own scale too, so each cushion is lobed and ragged,
    // never a disc, and its edge frays into tufts)
    vec2 warp = vec2(tile_fbm(uv, 8, 2, s + 11), tile_fbm(uv + 0.31, 8, 2, s + 13)) - 0.5;
    vec2 lobe = vec2(tile_fbm(uv, 48, 2, s + 21), tile_fbm(uv + 0.17, 48, 2, s + 23)) - 0.5;
    vec4 v = tile_voronoi(uv + warp * 0.035 + lobe * 0.022, 28, s + 1);
    float radius = 0.55 + 0.4 * v.w;
    float dome = clamp(1.0 - (v.x * v.x) / (radius * radius), 0.0, 1.0);
    float fuzz = tile_fbm(uv, 96, 2, s + 3);                  // leafy tufts, ~5 texels
    float grain = tile_noise(uv * 256.0, 256, s + 17);        // single fronds, 2 texels
    float mound = smoothstep(0.0, 0.5, dome + 0.6 * (fuzz - 0.5));
    float patchy = tile_fbm(uv, 3, 3, s + 5);                 // large thick and thin areas
    float cover = mound * (0.2 + 0.8 * dome) * (0.3 + 0.9 * fuzz) * (0.55 + 0.7 * grain);
    cover *= smoothstep(0.15, 0.5, patchy + 0.2 * v.z);

    // Spore specks: small dots in a finer lattice on the mounds, a third of them lit.
    vec4 sp = tile_voronoi(uv, 150, s + 9);
    float speck = (1.0 - smoothstep(0.05, 0.22, sp.x)) * step(0.62, sp.z) * mound;

    frag_colour = vec4(clamp(cover, 0.0, 1.0), patchy, speck, v.z);
}
