// moss.glsl -- the streets of the dream city: a ground plane of bioluminescent moss that
// pulses with a heartbeat.  Shared by the `moss` scene (the streets alone) and the `towers`
// scene (the ground between the glass towers).
//
// Include-only (no #version, no main). Needs the baked clump field of moss_bake.frag as a
// sampler (pass it in), and takes everything else as arguments, so it declares no uniforms.
// It uses no derivatives and no implicit-LOD texture reads: callers pass the pixel
// footprint on the ground, so the functions also work for reflected and refracted rays and
// inside loops.
//
// City layout (world units, y up, ground at y = 0): streets run along x and z every
// CITY_PERIOD units, centred on the lines x = k*CITY_PERIOD and z = k*CITY_PERIOD, each
// 2*STREET_HALF wide; the blocks between them are paved.  scenes/towers.py mirrors these
// two numbers for its tower layout.
//
// Heartbeat: two Gaussians per beat, "lub" on the beat and "dub" 0.3 of a
// period later at 60%, travelling outward as pulse(phase - r / (spread * period)), where r
// is the distance from the heart along the streets (mostly the L1 distance, which is the
// path length along a street grid) bent by low-frequency noise so the front is organic.

const float CITY_PERIOD = 7.0;
const float STREET_HALF = 1.5;
const float MOSS_TILE = 8.0;          // world units covered by one baked tile
const float MOSS_TEXELS = 512.0;      // texels across the baked tile
const float HEART_DUB_DELAY = 0.3;    // beats from lub to dub
const float HEART_DUB_LEVEL = 0.6;    // dub amplitude relative to lub

struct Heart {
    vec2 origin;      // world xz where the pulse starts
    float phase;      // beats since a lub at the origin, wrapped to [0,1) on the CPU
    float period;     // seconds per beat (60 / bpm)
    float spread;     // travel speed of the pulse front, world units per second
    float reach;      // distance at which the pulse has fallen to half
    float width;      // Gaussian sigma of each pulse, in beats
};

struct MossLook {
    vec3 colour_a;    // linear emission colour of most clumps
    vec3 colour_b;    // linear emission colour of the others
    vec3 speck;       // linear colour of the spore specks
    float glow;       // overall emission gain
    float rest;       // emission between beats, relative to a full pulse
    float haze;       // 0..1: the soft light the moss throws on the air above it
    float garden;     // 0..1: how far the moss has overgrown the paved blocks (open squares)
};

// The lub-dub of one beat: phase in beats (any real), sigma in beats. Peaks 1 and 0.6.
float heart_lubdub(float phase, float sigma) {
    float a = fract(phase + 0.5) - 0.5;
    float b = fract(phase - HEART_DUB_DELAY + 0.5) - 0.5;
    float k = -0.5 / (sigma * sigma);
    return exp(k * a * a) + HEART_DUB_LEVEL * exp(k * b * b);
}

// Distance from the heart along the streets: the L1 distance (path length on a street
// grid) softened toward the Euclidean one, plus the wavefront's noise (from the tile).
// (g_moss_grid, below: 0 makes it the plain Euclidean distance, so the pulse is round)
float g_moss_grid = 1.0;
float heart_distance(vec2 xz, vec2 origin, float bend) {
    vec2 d = abs(xz - origin);
    return mix(length(d), d.x + d.y, 0.2 * g_moss_grid) + bend;
}

// Pulse strength at a ground point: filtered so the front never gets thinner than the
// pixel footprint (a wider Gaussian of the same area, so far fronts fade instead of
// shimmering), and attenuated with distance.
float heart_pulse(vec2 xz, float fp, float bend, Heart h) {
    float r = heart_distance(xz, h.origin, bend);
    float beats_per_unit = 1.0 / max(h.spread * h.period, 1e-3);
    float s_pix = 1.5 * fp * beats_per_unit;
    float sigma = sqrt(h.width * h.width + s_pix * s_pix);
    float p = heart_lubdub(h.phase - r * beats_per_unit, sigma) * (h.width / sigma);
    return p / (1.0 + r / max(h.reach, 1e-3));
}

// 1 on the streets, 0 on the paved blocks, with a ragged edge where the moss spills over.
float street_mask(vec2 xz, float fp, float rag) {
    vec2 q = abs(xz - CITY_PERIOD * floor(xz / CITY_PERIOD + 0.5));
    float edge = min(q.x, q.y) - STREET_HALF - rag;
    float w = 0.04 + fp;
    // far away the streets are thinner than the pixels between them: their average cover,
    // rather than a grid that beats against the pixels (moire)
    return mix(1.0 - smoothstep(-w, w, edge), 0.67, smoothstep(0.35, 1.4, fp));
}

// A cell's random point for the cobbles (its own small integer hash: this file is include-only
// and needs no other library).
vec2 cobble_point(ivec2 cell) {
    uvec2 q = uvec2(cell) * uvec2(1597334677u, 3812015801u);
    uint n = (q.x ^ q.y) * 1597334677u;
    uvec2 r = uvec2(n, n * 3812015801u) >> 8u;
    return 0.12 + 0.76 * vec2(r) / 16777216.0;
}

const float COBBLE = 0.85;            // world units: the mean size of a paving stone

// Moss in the cracks of the paving inside the blocks (round 17: irregular cobbles of varied
// size -- the round-14 square slabs read as "a checkerboard" in every still): the borders of
// a Voronoi field of jittered points, its domain bent a little so no line runs straight.
// Returns the crack cover (1 in a crack) and, in g_cobble, the stone's own random 0..1.
float g_cobble = 0.5;
// ... and, in g_cobble_d, the distance in world units from the point to its stone's edge (the
// crack's middle), so a caller can draw the seam and the light spilling from it at any width.
float g_cobble_d = 8.0;
float paving_cracks(vec2 xz, float fp) {
    g_cobble = 0.5;
    g_cobble_d = 8.0;
    if (fp >= 0.12) {
        return 0.16;                  // (far off: the cracks' average cover, no cell search)
    }
    vec2 p = xz / COBBLE;
    p += 0.22 * vec2(sin(p.y * 1.7 + 0.8 * sin(p.x * 0.9)), sin(p.x * 1.9 + 0.7 * sin(p.y * 1.1)));
    vec2 fl = floor(p);
    vec2 f = p - fl;
    vec2 off[9];
    float md = 8.0;
    int mi = 0;
    for (int k = 0; k < 9; ++k) {
        ivec2 g = ivec2(k % 3 - 1, k / 3 - 1);
        off[k] = vec2(g) + cobble_point(ivec2(fl) + g) - f;
        float d = dot(off[k], off[k]);
        if (d < md) { md = d; mi = k; }
    }
    float border = 8.0;
    for (int k = 0; k < 9; ++k) {
        vec2 dr = off[k] - off[mi];
        if (k != mi) border = min(border, dot(0.5 * (off[mi] + off[k]), normalize(dr)));
    }
    ivec2 own = ivec2(fl) + ivec2(mi % 3 - 1, mi / 3 - 1);
    g_cobble = cobble_point(own * 7 + 3).x;
    float d = border * COBBLE;
    g_cobble_d = d;
    float line = 1.0 - smoothstep(0.02, 0.06 + fp, d);
    // Far away the cracks are sub-pixel: fade to their average cover.
    return mix(line, 0.16, smoothstep(0.03, 0.12, fp));
}

// Extra mip levels of blur on the clumps (a caller may set it before moss_emission; the
// towers scene leaves it at 0, the moss scene softens its close-up clumps with it).
float g_moss_lod_bias = 0.0;
// How many times finer than the baked tile the clumps are read (the moss scene's close view
// reads them finer; the towers scene leaves it at 1).
float g_moss_tile_scale = 1.0;
// How far the pulse's light blooms over the clumps toward their blurred average (round 30's
// readers in the city's streets: a touch's ring "blown out and blotchy", a flat cyan sheet:
// the towers scene keeps this lighter default, so the clumps and their dark gaps show through
// the ring; the moss scene, whose heartbeat is read as a soft breath, sets its own 0.75).
float g_moss_bloom = 0.4;
// The paving's cracks at the last moss_emission point (paving_cracks, kept so a caller that
// lights them -- the moss scene's cobbles -- need not search the cells again).
float g_moss_cracks = 0.0;
// The clump field's value at the last moss_emission point (its own read, kept so a caller that
// shapes the clumps -- the moss scene's cushions -- need not read the same texel again).
float g_moss_clump = 0.0;

// Emitted light (linear, HDR) of the ground at world xz.  fp: pixel footprint in world
// units; extra: additional pulse (touch rings) added to the heartbeat; detail: 0..1 quality
// (how blurred the haze layer is).  Returns rgb, and the local pulse in .w (for
// things lit by the moss).
vec4 moss_emission(vec2 xz, float fp, Heart h, MossLook m, sampler2D field, float extra,
                   float detail) {
    float lod = log2(max(fp * g_moss_tile_scale * (MOSS_TEXELS / MOSS_TILE), 1e-3)) + g_moss_lod_bias;
    vec2 uv = xz * g_moss_tile_scale / MOSS_TILE;
    vec4 f = textureLod(field, uv, lod);
    // A second, rotated and larger read breaks up the tile's repetition.
    vec2 uv2 = mat2(0.8, 0.6, -0.6, 0.8) * xz / (MOSS_TILE * 2.7) + vec2(0.37, 0.71);
    vec4 f2 = textureLod(field, uv2, max(lod - log2(2.7), 0.0) + 2.5 + 1.5 * detail);
    // (round 30's readers at 50.7-67.1 s: "the cellular moss floor looks tiled and busy", "a
    // repeating blotch texture": one size of clump everywhere.)  A third read of the clumps,
    // turned another way and 2.3 times coarser (an incommensurate scale, so the three reads
    // never line up again), grows colonies of big cushions in some stretches and fine moss in
    // others; the mix between them follows the large patchy field, so clump size varies
    // across the street and no tile repeats.
    vec2 uv3 = mat2(0.28, -0.96, 0.96, 0.28) * xz * g_moss_tile_scale / (MOSS_TILE * 2.3) + vec2(0.61, 0.13);
    vec4 f3 = textureLod(field, uv3, max(lod - log2(2.3), 0.0));
    float coarse = smoothstep(0.35, 0.65, f2.g + 0.3 * (f3.g - 0.5));
    float clump = mix(f.r, f3.r, 0.55 * coarse);
    g_moss_clump = clump;
    // darker gaps between the clumps (their feet sink to black), the crowns kept
    clump = smoothstep(0.06, 0.85, clump);
    float cover = clump * (0.55 + 0.9 * f2.g);
    // The clumps' average (the second, blurred read): where the pulse passes, its light
    // blooms over them (bright light reads soft), so a ring is a band of glow, not a band of
    // glittering cells.
    float cover_soft = f2.r * (0.55 + 0.9 * f2.g);

    float bend = (f.g - 0.5) * 2.6 + (f2.g - 0.5) * 1.6;
    float street = street_mask(xz, fp, (f2.g - 0.5) * 0.5 + (f.r - 0.4) * 0.25);
    float cracks = paving_cracks(xz, fp);
#ifdef MOSS_CREEP
    // (round 29b, the liquid city: "a Tron-like hex-grid floor") moss creeping into the
    // joints, not a net of glowing seams: only some stretches of the cracks hold it (the
    // patchy field), and there it spills soft over the stones' edges in clumps of its own
    // width, fading off the joint instead of stopping at a crisp line.
    float creep_in = smoothstep(0.4, 0.8, f2.g + 0.45 * f.g) * smoothstep(0.15, 0.5, f.r);
    float creep_w = 0.03 + 0.2 * f.r * f.r + fp;
    float creep = exp(-g_cobble_d / creep_w) * creep_in;
    cracks = mix(creep, 0.1 * creep_in, smoothstep(0.03, 0.12, fp));
#endif
    g_moss_cracks = cracks;
    // Without the grid (g_moss_grid 0): no streets or slabs, one organic carpet of moss,
    // thicker and thinner in soft round patches (the blurred read), never a square.
    street = mix(mix(0.75, 1.0, smoothstep(0.2, 0.7, f2.g)), street, g_moss_grid);
    cracks = mix(1.0, cracks, g_moss_grid);
    // Moss creeps only into some of the cracks: where the patchy field is thick.
    float grow = mix(cracks * 0.7 * smoothstep(0.35, 0.75, f2.g + 0.3 * f.g), 1.0, street);
    // overgrown squares: cushions of moss over most of the paving, a few slabs still bare
    grow = max(grow, m.garden * smoothstep(0.25, 0.6, f2.g + 0.35 * f.g) * (0.55 + 0.45 * cracks));

    float p = heart_pulse(xz, fp, bend, h) + extra;
    // (round 30's readers: "blown out and blotchy") the pulse lights the moss from within
    // with a soft shoulder: a strong beat or a touch's ring brightens the clumps without
    // burning a flat cyan sheet, and the light stays in the clumps (a lighter bloom toward
    // the blurred read), so the dark gaps still show through the ring.
    float ps = p / (1.0 + 0.5 * max(p - 0.8, 0.0));     // (a beat at the heart keeps its peak)
    float lit = m.rest + 1.5 * ps;
    float bloom = g_moss_bloom * smoothstep(0.05, 0.6, p);
    // (the bloom only adds light: with the soft shoulder a clump dimmed by it read as a
    // second peak in the beat)
    float pcover = mix(cover, 1.15 * cover_soft, bloom);

    vec3 base = mix(m.colour_a, m.colour_b, 0.6 * smoothstep(0.7, 0.98, f.a));
    vec3 col = base * (pcover * grow) * lit * 0.8;
    // Spore glints in the middle distance only: near they would be big dots, far a shimmer.
    float mid = smoothstep(0.004, 0.015, fp) * (1.0 - smoothstep(0.05, 0.12, fp));
    col += m.speck * f.b * grow * (0.3 * m.rest + 0.5 * ps) * (1.0 - bloom) * 0.35 * mid;   // (a glint, not a speckle)
    // A warm core at the crest of each pulse, in the clumps, desaturating toward cyan-white.
    col += vec3(0.35, 0.9, 0.8) * (mix(cover_soft, cover, 0.5) * grow * ps * ps) * 0.45;

    // Haze: the second read is a blurred one (a high mip), so it also spreads light over
    // the dark gaps and the slabs, as bloom would; free because the mip chain is baked once.
    float haze_cover = f2.r * mix(0.15, 1.0, street);
    col += base * haze_cover * lit * 0.3 * m.haze;

    // The paving itself: dark slate faintly lit by the moss around it, each stone its own shade.
    col += vec3(0.006, 0.010, 0.014) * (1.0 - street) * (0.3 + 1.5 * p) * (0.5 + g_cobble);
    return vec4(col * m.glow, p);
}

// A cheap, texture-free version of the same ground for reflected and refracted rays
// (which see it blurred and bent anyway): the streets' average moss and the pulse.
vec3 moss_emission_soft(vec2 xz, float fp, Heart h, MossLook m) {
    float street = street_mask(xz, max(fp, 0.15), 0.0);
    float grow = mix(0.1, 0.55, street);
    float p = heart_pulse(xz, max(fp, 0.15), 0.0, h);
    vec3 base = mix(m.colour_a, m.colour_b, 0.25);
    vec3 col = base * grow * (m.rest + 1.5 * p);
    col += vec3(0.006, 0.010, 0.014) * (1.0 - street) * (0.3 + 1.5 * p);
    return col * m.glow;
}
