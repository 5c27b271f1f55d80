#version 330 core
// Towers, pass "cracks" (baked once, 256x256, wrapped): what the fracture needs per pixel,
// so that the glass and the mist pay one texture fetch for it instead of a Voronoi search.
//   r: distance to the nearest crack (the border between Voronoi cells of a tiling grid of
//      CRACK_CELLS x CRACK_CELLS jittered points; iq's exact border distance, two passes),
//      in cell units x 2, clamped to 1: a distance field, so it stays sharp when magnified.
//   g: periodic fbm (4 octaves of value noise on lattices that divide the tile), 0..1:
//      the drifting mist the shards dissolve into.
//   b: a hash per Voronoi cell, 0..1: each piece of glass catches the light differently.
// Every lattice is periodic over the tile, so the wrapped texture has no seam.
#include "../../lib/hash.glsl"
uniform vec2 u_resolution;
out vec4 frag_colour;

const int CRACK_CELLS = 8;

vec2 cell_point(ivec2 c) {
    ivec2 w = ((c % CRACK_CELLS) + CRACK_CELLS) % CRACK_CELLS;
    return vec2(c) + 0.15 + 0.7 * hash2i(w + ivec2(31, 17));
}

float lattice(ivec2 c, int period) {
    ivec2 w = ((c % period) + period) % period;
    return hashi(w + ivec2(period * 101, 7));
}

float periodic_noise(vec2 p, int period) {
    ivec2 i = ivec2(floor(p));
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = lattice(i, period);
    float b = lattice(i + ivec2(1, 0), period);
    float c = lattice(i + ivec2(0, 1), period);
    float d = lattice(i + ivec2(1, 1), period);
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 p = uv * float(CRACK_CELLS);
    ivec2 ip = ivec2(floor(p));
    // Pass 1: the nearest point.
    float best = 1e9;
    vec2 mr = vec2(0.0);
    ivec2 mc = ivec2(0);
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            ivec2 c = ip + ivec2(i, j);
            vec2 r = cell_point(c) - p;
            float d = dot(r, r);
            if (d < best) {
                best = d;
                mr = r;
                mc = c;
            }
        }
    }
    // Pass 2: the distance to the nearest border (the bisector with each neighbour).
    float edge = 8.0;
    for (int j = -2; j <= 2; ++j) {
        for (int i = -2; i <= 2; ++i) {
            ivec2 c = mc + ivec2(i, j);
            vec2 r = cell_point(c) - p;
            vec2 dd = r - mr;
            if (dot(dd, dd) > 1e-5) {
                edge = min(edge, dot(0.5 * (mr + r), normalize(dd)));
            }
        }
    }
    float mist = 0.0;
    float amp = 0.5;
    int period = 4;
    for (int o = 0; o < 4; ++o) {
        mist += amp * periodic_noise(uv * float(period), period);
        amp *= 0.5;
        period *= 2;
    }
    mist /= 0.9375;
    ivec2 wc = ((mc % CRACK_CELLS) + CRACK_CELLS) % CRACK_CELLS;
    frag_colour = vec4(clamp(edge * 2.0, 0.0, 1.0), mist, hashi(wc + ivec2(5, 3)), 1.0);
}
