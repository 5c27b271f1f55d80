// noise.glsl -- value, simplex, fractal, warped, Voronoi and curl noise.
//
// Include-only (no #version, no main). GLSL 330 core.
// Ranges:  vnoise, fbm, ridged, warp_fbm: [0,1].   snoise: [-1,1] (typically within +-0.8).
// All lattice hashing goes through integer cells (ivec of floor(p)), so negative
// coordinates are safe. Precision: keep |p| below ~1e4; fract() of larger values
// loses the sub-cell bits and the noise turns blocky.
// Loops use constant bounds or the caller's `octaves`.  A constant count is unrolled; a
// count known only at run time costs llvmpipe a loop (about 1.4x the unrolled cost at five
// octaves, benchmarks/llvmpipe_control_flow.py), so pass a constant where you can.

#include "hash.glsl"

// Quintic fade 6t^5 - 15t^4 + 10t^3: C2-continuous interpolation weight for lattice noise.
vec2 noise_fade(vec2 t) {
    return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

// Quintic fade, 3D version.
vec3 noise_fade(vec3 t) {
    return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

// 2D value noise in [0,1]: smoothly interpolated random values on the integer lattice.
float vnoise(vec2 p) {
    vec2 fl = floor(p);
    ivec2 i = ivec2(fl);
    vec2 u = noise_fade(p - fl);
    float a = hashi(i);
    float b = hashi(i + ivec2(1, 0));
    float c = hashi(i + ivec2(0, 1));
    float d = hashi(i + ivec2(1, 1));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// 3D value noise in [0,1] (e.g. 2D noise animated along z).
float vnoise(vec3 p) {
    vec3 fl = floor(p);
    ivec3 i = ivec3(fl);
    vec3 u = noise_fade(p - fl);
    float a = hash3i(i).x;
    float b = hash3i(i + ivec3(1, 0, 0)).x;
    float c = hash3i(i + ivec3(0, 1, 0)).x;
    float d = hash3i(i + ivec3(1, 1, 0)).x;
    float e = hash3i(i + ivec3(0, 0, 1)).x;
    float f = hash3i(i + ivec3(1, 0, 1)).x;
    float g = hash3i(i + ivec3(0, 1, 1)).x;
    float h = hash3i(i + ivec3(1, 1, 1)).x;
    float z0 = mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
    float z1 = mix(mix(e, f, u.x), mix(g, h, u.x), u.y);
    return mix(z0, z1, u.z);
}

// Unit-length pseudo-random 2D gradient for a simplex lattice corner.
vec2 snoise_gradient(ivec2 cell) {
    float a = hashi(cell) * 6.28318530718;
    return vec2(cos(a), sin(a));
}

// Uniformly distributed unit 3D gradient for a simplex lattice corner.
vec3 snoise_gradient(ivec3 cell) {
    vec2 h = hash3i(cell).xy;
    float z = h.x * 2.0 - 1.0;
    float a = h.y * 6.28318530718;
    float r = sqrt(max(1.0 - z * z, 0.0));
    return vec3(r * cos(a), r * sin(a), z);
}

// 2D simplex gradient noise in [-1,1] (isotropic, cheaper than Perlin, no grid axes).
// Kernel (0.5 - r^2)^4 per corner; 99.0 rescales the exact worst case (1/99.2) to <= 1.
float snoise(vec2 p) {
    const float F2 = 0.36602540378;   // (sqrt(3) - 1) / 2
    const float G2 = 0.21132486540;   // (3 - sqrt(3)) / 6
    vec2 s = floor(p + (p.x + p.y) * F2);
    vec2 x0 = p - s + (s.x + s.y) * G2;
    vec2 o = (x0.x > x0.y) ? vec2(1.0, 0.0) : vec2(0.0, 1.0);
    vec2 x1 = x0 - o + G2;
    vec2 x2 = x0 - 1.0 + 2.0 * G2;
    ivec2 i = ivec2(s);
    vec3 w = max(0.5 - vec3(dot(x0, x0), dot(x1, x1), dot(x2, x2)), 0.0);
    w *= w;
    w *= w;
    vec3 n = vec3(dot(snoise_gradient(i), x0),
                  dot(snoise_gradient(i + ivec2(o)), x1),
                  dot(snoise_gradient(i + ivec2(1, 1)), x2));
    return 99.0 * dot(w, n);
}

// 2D simplex noise with its analytic gradient: vec3(value, d/dx, d/dy).
// Same value as snoise(p); one evaluation instead of 3-4 for finite differences.
vec3 snoise_grad(vec2 p) {
    const float F2 = 0.36602540378;
    const float G2 = 0.21132486540;
    vec2 s = floor(p + (p.x + p.y) * F2);
    vec2 x0 = p - s + (s.x + s.y) * G2;
    vec2 o = (x0.x > x0.y) ? vec2(1.0, 0.0) : vec2(0.0, 1.0);
    vec2 x1 = x0 - o + G2;
    vec2 x2 = x0 - 1.0 + 2.0 * G2;
    ivec2 i = ivec2(s);
    vec2 g0 = snoise_gradient(i);
    vec2 g1 = snoise_gradient(i + ivec2(o));
    vec2 g2 = snoise_gradient(i + ivec2(1, 1));
    vec3 t = max(0.5 - vec3(dot(x0, x0), dot(x1, x1), dot(x2, x2)), 0.0);
    vec3 t3 = t * t * t;
    vec3 t4 = t3 * t;
    vec3 n = vec3(dot(g0, x0), dot(g1, x1), dot(g2, x2));
    // d/dx [t^4 (g.x)] = t^4 g - 8 t^3 (g.x) x, since dt/dx = -2x
    vec2 d = t4.x * g0 + t4.y * g1 + t4.z * g2
           - 8.0 * (t3.x * n.x * x0 + t3.y * n.y * x1 + t3.z * n.z * x2);
    return 99.0 * vec3(dot(t4, n), d);
}

// 3D simplex gradient noise in [-1,1] (e.g. animated 2D fields, volumetrics).
// Kernel (0.5 - r^2)^4 keeps it continuous; 107.0 rescales the worst case (1/107.65).
float snoise(vec3 p) {
    const float F3 = 1.0 / 3.0;
    const float G3 = 1.0 / 6.0;
    vec3 s = floor(p + dot(p, vec3(F3)));
    vec3 x0 = p - s + dot(s, vec3(G3));
    // Rank the components with a fixed tie order (x > y > z) so that ties,
    // e.g. every point on the main diagonal, still pick a valid simplex.
    float xy = step(x0.y, x0.x);
    float xz = step(x0.z, x0.x);
    float yz = step(x0.z, x0.y);
    vec3 i1 = vec3(xy * xz, (1.0 - xy) * yz, (1.0 - xz) * (1.0 - yz));
    vec3 i2 = 1.0 - vec3((1.0 - xy) * (1.0 - xz), xy * (1.0 - yz), xz * yz);
    vec3 x1 = x0 - i1 + G3;
    vec3 x2 = x0 - i2 + 2.0 * G3;
    vec3 x3 = x0 - 1.0 + 3.0 * G3;
    ivec3 i = ivec3(s);
    vec4 w = max(0.5 - vec4(dot(x0, x0), dot(x1, x1), dot(x2, x2), dot(x3, x3)), 0.0);
    w *= w;
    w *= w;
    vec4 n = vec4(dot(snoise_gradient(i), x0),
                  dot(snoise_gradient(i + ivec3(i1)), x1),
                  dot(snoise_gradient(i + ivec3(i2)), x2),
                  dot(snoise_gradient(i + ivec3(1, 1, 1)), x3));
    return 107.0 * dot(w, n);
}

// Per-octave rotation (36.87 deg) used by the 2D fractals to hide lattice axes.
const mat2 NOISE_OCTAVE_ROT2 = mat2(0.8, 0.6, -0.6, 0.8);
// Per-octave rotation (0.75 rad about (1,2,3)) used by the 3D fractal.
const mat3 NOISE_OCTAVE_ROT3 = mat3(0.750854, 0.584857, -0.306856,
                                    -0.508197, 0.808349, 0.297166,
                                    0.421846, -0.067185, 0.904175);

// 2D fractal Brownian motion of value noise, normalised to [0,1].
// Gain 0.5, lacunarity 2, each octave rotated and shifted.
float fbm(vec2 p, int octaves) {
    float sum = 0.0;
    float amp = 0.5;
    float norm = 0.0;
    for (int k = 0; k < octaves; ) {       // (exit tested at the end too: shaders/README.md)
        sum += amp * vnoise(p);
        norm += amp;
        amp *= 0.5;
        p = NOISE_OCTAVE_ROT2 * p * 2.0 + vec2(13.7, -7.3);
        if (++k >= octaves) {
            break;
        }
    }
    return norm > 0.0 ? sum / norm : 0.5;
}

// 3D fractal Brownian motion of value noise, normalised to [0,1].
float fbm(vec3 p, int octaves) {
    float sum = 0.0;
    float amp = 0.5;
    float norm = 0.0;
    for (int k = 0; k < octaves; ) {
        sum += amp * vnoise(p);
        norm += amp;
        amp *= 0.5;
        p = NOISE_OCTAVE_ROT3 * p * 2.0 + vec3(13.7, -7.3, 5.1);
        if (++k >= octaves) {
            break;
        }
    }
    return norm > 0.0 ? sum / norm : 0.5;
}

// Ridged multifractal in [0,1]: sharp crests from (1-|snoise|)^2, each octave
// weighted by the previous one so detail gathers on the ridges (mountains, veins, cracks).
float ridged(vec2 p, int octaves) {
    float sum = 0.0;
    float amp = 0.5;
    float norm = 0.0;
    float prev = 1.0;
    for (int k = 0; k < octaves; ) {
        float n = 1.0 - abs(snoise(p));
        n *= n;
        sum += amp * n * prev;
        norm += amp;
        prev = n;
        amp *= 0.5;
        p = NOISE_OCTAVE_ROT2 * p * 2.0 + vec2(13.7, -7.3);
        if (++k >= octaves) {
            break;
        }
    }
    return norm > 0.0 ? sum / norm : 0.0;
}

// Domain-warped fbm in [0,1] (iq "warp"): f(p + k*q), q = fbm2(p + k*fbm2(p)).
// Also returns the two warp layers q and r (each in [0,1]^2), handy for colouring.
// Costs 5 fbm evaluations; render nebula-like fields at reduced resolution.
float warp_fbm(vec2 p, int octaves, float strength, out vec2 q, out vec2 r) {
    q = vec2(fbm(p, octaves),
             fbm(p + vec2(5.2, 1.3), octaves));
    r = vec2(fbm(p + strength * q + vec2(1.7, 9.2), octaves),
             fbm(p + strength * q + vec2(8.3, 2.8), octaves));
    return fbm(p + strength * r, octaves);
}

// Domain-warped fbm in [0,1]; strength ~4 gives the classic marbled look.
float warp_fbm(vec2 p, int octaves, float strength) {
    vec2 q;
    vec2 r;
    return warp_fbm(p, octaves, strength, q, r);
}

// Cellular (Worley/Voronoi) noise with feature points jittered by `jitter` in [0,1]
// (0 = regular grid, 1 = fully random). Returns
//   x: distance to the nearest feature point (F1),
//   y: hash in [0,1) of the nearest cell's id (per-cell colour, tilt, shard transform),
//   z: exact distance to the nearest cell border (iq two-pass "voronoilines"; uniform
//      crack widths, unlike F2-F1).
vec3 voronoi(vec2 p, float jitter) {
    vec2 fl = floor(p);
    ivec2 n = ivec2(fl);
    vec2 f = p - fl;

    // Pass 1: nearest feature point in the 3x3 neighbourhood.
    ivec2 mg = ivec2(0);
    vec2 mr = vec2(0.0);
    float md = 8.0;
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            ivec2 g = ivec2(i, j);
            vec2 o = 0.5 + jitter * (hash2i(n + g) - 0.5);
            vec2 r = vec2(g) + o - f;
            float d = dot(r, r);
            if (d < md) {
                md = d;
                mr = r;
                mg = g;
            }
        }
    }

    // Pass 2: distance to the bisector with every other point near the winner (5x5).
    float border = 8.0;
    for (int j = -2; j <= 2; ++j) {
        for (int i = -2; i <= 2; ++i) {
            ivec2 g = mg + ivec2(i, j);
            vec2 o = 0.5 + jitter * (hash2i(n + g) - 0.5);
            vec2 r = vec2(g) + o - f;
            vec2 dr = r - mr;
            if (dot(dr, dr) > 1e-10) {
                border = min(border, dot(0.5 * (mr + r), normalize(dr)));
            }
        }
    }
    return vec3(sqrt(md), hash_seed(n + mg, 0x5EED), border);
}

// Fully jittered Voronoi: vec3(F1 distance, cell id hash, border distance).
vec3 voronoi(vec2 p) {
    return voronoi(p, 1.0);
}

// Divergence-free 2D flow (Bridson curl noise): the curl (d/dy, -d/dx) of snoise
// used as a stream function. No sinks or sources, so advected stars never clump.
// Components reach about +-7 per unit of p (simplex slopes are steep); scale to taste.
vec2 curl2(vec2 p) {
    vec3 n = snoise_grad(p);
    return vec2(n.z, -n.y);
}
