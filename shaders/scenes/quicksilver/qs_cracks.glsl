// qs_cracks.glsl -- the frozen mirror shattering: log-polar Voronoi shards around an impact
// point, iq's exact border distance (two passes, as lib/noise.glsl voronoi), extended to
// return the border's direction and the neighbouring cell so edges can be bevelled and
// revealed as the crack front spreads.
// Include-only; needs lib/common.glsl and lib/hash.glsl before it.

#ifndef QS_SEED_DECLARED
#define QS_SEED_DECLARED
uniform int u_seed;
#endif

struct Crack {
    float border;     // world distance to the nearest crack line (large when uncracked)
    vec2 dir;         // world unit direction towards that line
    float line;       // 0..1: how far that line has opened
    float shard;      // 0..1: how far this pixel's shard has come loose
    vec2 tilt;        // tilt of the shard's surface (added to the normal's xz)
    vec2 shift;       // displacement of the shard on the floor
    float crush;      // 0..1: the crazed spot at the impact
    float gap_w;      // half width of the open crack (world)
    float bevel_w;    // width of the bevelled edge (world)
    float aa;         // pixel footprint of `border` (set by the caller with fwidth)
};

Crack crack_none() {
    return Crack(1e3, vec2(1.0, 0.0), 0.0, 0.0, vec2(0.0), vec2(0.0), 0.0, 0.0, 0.0, 1.0);
}

// Feature point of a log-polar cell; the angular index wraps every n cells so the
// pattern closes around the impact point without a seam.
vec2 qs_cell_point(ivec2 c, int n, float jitter) {
    int wy = c.y - n * int(floor(float(c.y) / float(n)));
    return 0.5 + jitter * (hash2i(ivec2(c.x + (u_seed & 1023) * 4099, wy)) - 0.5);
}

float qs_cell_hash(ivec2 c, int n, int stream) {
    int wy = c.y - n * int(floor(float(c.y) / float(n)));
    return hash3i(ivec3(c.x, wy, u_seed * 31 + stream)).x;
}

// How far the crack front has passed a point at distance rho from the impact.
float qs_reveal(float rho, float fracture, float jitter) {
    float front = 0.04 + 2.7 * pow(fracture, 1.5);
    return smoothstep(front, front - 0.25, rho + 0.3 * jitter * min(fracture * 4.0, 1.0));
}

// px: the pixel's footprint on the floor (world units), for fading lines that crowd together.
Crack crack_field(vec2 p, vec2 centre, float fracture, float shards, float tilt, float quality, float px) {
    const float RHO0 = 0.06;                 // inside this the shards are wedges meeting at the impact
    vec2 rel = p - centre;
    float rho = max(length(rel), 1e-5);
    float ang = atan(rel.y, rel.x);
    int n = max(int(shards + 0.5), 3);
    float sy = float(n) / TAU;               // cells around
    float sx = sy * 0.5;                     // cells outward: shards ~2x longer than wide
    vec2 q = vec2(log(max(rho, RHO0)) * sx, ang * sy);

    vec2 fl = floor(q);
    ivec2 base = ivec2(fl);
    vec2 f = q - fl;
    const float JITTER = 0.8;

    // Pass 1: the nearest feature point.
    ivec2 mg = ivec2(0);
    vec2 mr = vec2(0.0);
    float md = 8.0;
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            ivec2 g = ivec2(i, j);
            vec2 r = vec2(g) + qs_cell_point(base + g, n, JITTER) - f;
            float dd = dot(r, r);
            if (dd < md) {
                md = dd;
                mr = r;
                mg = g;
            }
        }
    }
    // Pass 2: distance to the nearest bisector: exact over 5x5 cells at high quality; 3x3
    // (jitter 0.8 keeps the neighbours that matter within it almost always) below 0.7.
    int reach = quality < 0.7 ? 1 : 2;
    float border = 8.0;
    vec2 nq = vec2(1.0, 0.0);
    vec2 nr = mr;
    ivec2 ng = mg;
    for (int j = -reach; j <= reach; ) {      // (exits tested at the end too: shaders/README.md)
        for (int i = -reach; i <= reach; ) {
            ivec2 g = mg + ivec2(i, j);
            vec2 r = vec2(g) + qs_cell_point(base + g, n, JITTER) - f;
            vec2 dr = r - mr;
            if (dot(dr, dr) > 1e-8) {
                vec2 nd = normalize(dr);
                float b = dot(0.5 * (mr + r), nd);
                if (b < border) {
                    border = b;
                    nq = nd;
                    nr = r;
                    ng = g;
                }
            }
            if (++i > reach) {
                break;
            }
        }
        if (++j > reach) {
            break;
        }
    }

    // Back to the floor: q = (sx ln rho, sy angle), so a step dq is (rho/sx, rho/sy) in the
    // radial / tangential directions.  Inside RHO0 only the angle moves.
    vec2 er = rel / rho;
    vec2 et = vec2(-er.y, er.x);
    float gx = rho > RHO0 ? sx / rho : 0.0;
    float gy = sy / rho;
    vec2 gw = gx * nq.x * er + gy * nq.y * et;
    float gl = max(length(gw), 1e-6);

    Crack c;
    c.border = border / gl;
    c.dir = gw / gl;

    // The shard's own centre (cell point) and the neighbour across the line.
    vec2 qc = q + mr;
    vec2 qn = q + nr;
    float rho_c = exp(qc.x / sx);
    float rho_n = exp(qn.x / sx);
    ivec2 cell = base + mg;
    float h0 = qs_cell_hash(cell, n, 1);
    float h1 = qs_cell_hash(cell, n, 2);
    float h2 = qs_cell_hash(cell, n, 3);
    c.shard = qs_reveal(rho_c, fracture, h0);
    float jn = qs_cell_hash(base + ng, n, 1);
    // lines fade where they crowd together near the impact (closer than a few pixels)
    float spacing = TAU * rho / float(n);
    c.line = max(c.shard, qs_reveal(rho_n, fracture, jn)) * smoothstep(0.0, 0.04, fracture)
           * smoothstep(2.0 * px, 7.0 * px, spacing);

    // Each shard tips by a hash of its cell: some catch the light, some the dark floor.
    float ta = TAU * h1;
    float tm = (0.04 + 0.22 * h2 * h2) * tilt * c.shard * smoothstep(0.0, 0.6, fracture);
    c.tilt = tm * vec2(cos(ta), sin(ta));

    // and slides a little away from the impact, opening the outline of the pool.
    float ac = qc.y / sy;
    vec2 wc = rho_c * vec2(cos(ac), sin(ac));
    c.shift = wc * (0.035 * fracture * fracture * c.shard);

    c.crush = smoothstep(0.09, 0.0, rho) * smoothstep(0.0, 0.05, fracture);
    c.gap_w = 0.0014 + 0.003 * fracture;
    c.bevel_w = 0.0018 + 0.0022 * fracture;
    c.aa = 1.0;
    return c;
}

// The surface normal with the shard's tilt and the bevel falling into the nearest crack.
vec3 crack_normal(Crack c, vec3 n) {
    n = normalize(n + vec3(c.tilt.x, 0.0, c.tilt.y) * n.y);
    float bev = (1.0 - smoothstep(c.bevel_w - c.aa, c.bevel_w + c.aa, c.border)) * c.line;
    vec3 bn = normalize(vec3(c.dir.x, 7.0, c.dir.y) + n - vec3(0.0, 1.0, 0.0));
    return normalize(mix(n, bn, bev));
}

// Coverage of the open crack itself (the void between shards).
float crack_gap(Crack c) {
    float w = c.gap_w * c.line;
    return (1.0 - smoothstep(w - c.aa, w + c.aa, c.border)) * min(1.0, w / max(c.aa, 1e-6) + 0.3) * c.line;
}

// ---------------------------------------------------------------- storage
// The crack pass stores a Crack in one RGBA32F texel: the border distance as a float, and
// three pairs of 16-bit fixed-point values.  The high value of a pair is kept within
// 256..32256, so the packed float's exponent is never 0 or 255: never a denormal (which
// the rasteriser may flush to zero), infinity or NaN.

float qs_pack(float lo01, float hi01) {
    uint hi = uint(256.0 + clamp(hi01, 0.0, 1.0) * 32000.0 + 0.5);
    uint lo = uint(clamp(lo01, 0.0, 1.0) * 65535.0 + 0.5);
    return uintBitsToFloat((hi << 16) | lo);
}

vec2 qs_unpack(float v) {
    uint b = floatBitsToUint(v);
    return vec2(float(b & 0xFFFFu) / 65535.0, (float(b >> 16) - 256.0) / 32000.0);
}

const float QS_TILT_RANGE = 0.6;     // tilt and shift components are stored in +-range/2
const float QS_SHIFT_RANGE = 0.4;

vec4 crack_store(Crack c) {
    return vec4(c.border,
                qs_pack(atan(c.dir.y, c.dir.x) / TAU + 0.5, c.line),
                qs_pack(c.tilt.x / QS_TILT_RANGE + 0.5, c.tilt.y / QS_TILT_RANGE + 0.5),
                qs_pack(c.shift.x / QS_SHIFT_RANGE + 0.5, c.shift.y / QS_SHIFT_RANGE + 0.5));
}

// The inverse of crack_store; widths and the crush come from the fracture and the distance
// to the impact.
Crack crack_load(vec4 t, vec2 p, vec2 centre, float fracture) {
    Crack c = crack_none();
    c.border = t.x;
    vec2 al = qs_unpack(t.y);
    float a = (al.x - 0.5) * TAU;
    c.dir = vec2(cos(a), sin(a));
    c.line = al.y;
    c.tilt = (qs_unpack(t.z) - 0.5) * QS_TILT_RANGE;
    c.shift = (qs_unpack(t.w) - 0.5) * QS_SHIFT_RANGE;
    c.crush = smoothstep(0.09, 0.0, length(p - centre)) * smoothstep(0.0, 0.05, fracture);
    c.gap_w = 0.0014 + 0.003 * fracture;
    c.bevel_w = 0.0018 + 0.0022 * fracture;
    return c;
}
