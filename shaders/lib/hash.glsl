// hash.glsl -- integer PCG hashes and float helpers built on them.
//
// Include-only (no #version, no main). GLSL 330 core.
// PCG hashes after Jarzynski & Olano, "Hash Functions for GPU Rendering" (JCGT 2020).
// Never use the sin-fract hash: it has few distinct values and varies between GPUs.
//
// Float helpers return values in [0,1): the top 24 bits of the hash scaled by 2^-24,
// so every result is exactly representable and strictly below 1.0.
//
// Seeding rules:
//  * cell coordinates (floor(p), pixel ids, star ids): pass them as ivec via
//    hashi / hash2i / hash3i / hash_seed. ivec->uvec keeps the bit pattern, so
//    negative cells are fine. Never write uint(negative_float): it is undefined.
//  * arbitrary float seeds: hash11 / hash12 / hash22 / hash33 hash the float's bits
//    (floatBitsToUint), which is defined for every value; -0.0 is folded onto +0.0.

// 1D PCG hash (pcg_hash, RXS-M-XS output): one uint in, one well-mixed uint out.
uint pcg(uint v) {
    uint state = v * 747796405u + 2891336453u;
    uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
    return (word >> 22u) ^ word;
}

// 2D PCG hash: two coupled LCG lanes with xorshift; both outputs depend on both inputs.
uvec2 pcg2d(uvec2 v) {
    v = v * 1664525u + 1013904223u;
    v.x += v.y * 1664525u;
    v.y += v.x * 1664525u;
    v ^= v >> 16u;
    v.x += v.y * 1664525u;
    v.y += v.x * 1664525u;
    v ^= v >> 16u;
    return v;
}

// 3D PCG hash: best quality/cost hash for 3 integer inputs (e.g. cell.xy + frame).
uvec3 pcg3d(uvec3 v) {
    v = v * 1664525u + 1013904223u;
    v.x += v.y * v.z;
    v.y += v.z * v.x;
    v.z += v.x * v.y;
    v ^= v >> 16u;
    v.x += v.y * v.z;
    v.y += v.z * v.x;
    v.z += v.x * v.y;
    return v;
}

// 4D PCG hash: four inputs to four outputs (e.g. cell.xy, frame, seed).
uvec4 pcg4d(uvec4 v) {
    v = v * 1664525u + 1013904223u;
    v.x += v.y * v.w;
    v.y += v.z * v.x;
    v.z += v.x * v.y;
    v.w += v.y * v.z;
    v ^= v >> 16u;
    v.x += v.y * v.w;
    v.y += v.z * v.x;
    v.z += v.x * v.y;
    v.w += v.y * v.z;
    return v;
}

// uint -> float in [0,1) using the top 24 bits (exact in a float mantissa).
float hash_to_unit(uint h) {
    return float(h >> 8u) * (1.0 / 16777216.0);
}

// uvec2 -> vec2 in [0,1), componentwise.
vec2 hash_to_unit(uvec2 h) {
    return vec2(h >> 8u) * (1.0 / 16777216.0);
}

// uvec3 -> vec3 in [0,1), componentwise.
vec3 hash_to_unit(uvec3 h) {
    return vec3(h >> 8u) * (1.0 / 16777216.0);
}

// Bits of a float seed with -0.0 folded onto +0.0 (so hash(-0.0) == hash(0.0)).
uint hash_float_bits(float x) {
    uint b = floatBitsToUint(x);
    return (b == 0x80000000u) ? 0u : b;
}

// Bits of a vec2 seed, -0.0 folded onto +0.0.
uvec2 hash_float_bits(vec2 x) {
    return uvec2(hash_float_bits(x.x), hash_float_bits(x.y));
}

// Bits of a vec3 seed, -0.0 folded onto +0.0.
uvec3 hash_float_bits(vec3 x) {
    return uvec3(hash_float_bits(x.x), hash_float_bits(x.y), hash_float_bits(x.z));
}

// Float seed -> float in [0,1). Hashes the exact bits: 1.0 and 1.0000001 differ.
float hash11(float p) {
    return hash_to_unit(pcg(hash_float_bits(p)));
}

// vec2 seed (e.g. gl_FragCoord.xy) -> float in [0,1).
float hash12(vec2 p) {
    return hash_to_unit(pcg2d(hash_float_bits(p)).x);
}

// vec2 seed -> vec2 in [0,1), two independent values.
vec2 hash22(vec2 p) {
    return hash_to_unit(pcg2d(hash_float_bits(p)));
}

// vec3 seed -> vec3 in [0,1), three independent values.
vec3 hash33(vec3 p) {
    return hash_to_unit(pcg3d(hash_float_bits(p)));
}

// Integer cell -> float in [0,1). Use ivec2(floor(p)) for float cells.
float hashi(ivec2 cell) {
    return hash_to_unit(pcg2d(uvec2(cell)).x);
}

// Integer cell -> vec2 in [0,1) (e.g. jittered point inside the cell).
vec2 hash2i(ivec2 cell) {
    return hash_to_unit(pcg2d(uvec2(cell)));
}

// Integer 3D cell (or cell.xy + time step) -> vec3 in [0,1).
vec3 hash3i(ivec3 cell) {
    return hash_to_unit(pcg3d(uvec3(cell)));
}

// Integer cell plus an independent integer stream id -> float in [0,1).
// Different seeds give uncorrelated values for the same cell (position vs twinkle...).
float hash_seed(ivec2 cell, int seed) {
    return hash_to_unit(pcg3d(uvec3(cell, seed)).x);
}
