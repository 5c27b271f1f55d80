// kaleido.glsl -- the sky seen through a real kaleidoscope (round 24: "the crown a diagram",
// "clip-art screensaver"): chips of coloured glass, folded into the mirrored wedges, lit from
// behind by the pole's violet light.  Include-only (sky.frag's SKY_KALEIDO variant).
//
// The wedge is mapped to log-polar coordinates, which are conformal: a chip keeps its shape
// wherever it lies, only its size follows the radius -- near the frame's edge the chips are
// large and crisp, toward the pole they shrink into the distance (a tunnel of glass), and the
// pattern's drift along log r unfolds it outward from the centre.  In that plane a second
// mirror pair (a triangle fold along log r) gives the chamber of a three-mirror kaleidoscope;
// each ring of chambers holds its own chips (seeded by the ring), so the rings differ.
// In each chamber a folded IFS (abs-fold, diagonal fold, scale, turn) lays shards over shards:
// each iteration's shard a piece of tinted glass whose colour multiplies the light through it
// (where pieces overlap the colours deepen toward black), its edge a crisp bright seam where
// the light refracts.  Edges are antialiased against the pixel's size in the plane, and shards
// smaller than a few pixels fade out (no shimmer).

// A jewel tint (linear) for a shard: the inverted palette -- violets and emeralds, a deep
// sapphire, a rose -- chosen by h in 0..1.
vec3 kaleido_tint(float h) {
    if (h < 0.34) return vec3(0.30, 0.045, 1.00);     // violet
    if (h < 0.66) return vec3(0.01, 0.80, 0.22);      // emerald
    if (h < 0.80) return vec3(0.06, 0.12, 1.00);      // sapphire
    if (h < 0.92) return vec3(0.90, 0.06, 0.55);      // rose-magenta
    return vec3(0.25, 1.00, 0.70);                    // aquamarine
}

float kaleido_hash(float n) {
    return fract(sin(n * 127.1 + 311.7) * 43758.5453);
}

// The glass at a sky point: r its distance from the pole, ang its angle folded into the wedge
// (0..sector), px the pixel's size in sky units, flow the unfolding's clock.  Returns the
// transmission of the glass there (rgb: 0 where no glass lies, the dark between the chips; the
// caller multiplies its backlight in) and, in w, the seams' strength.
vec4 sky_kaleido(float r, float ang, float sector, float px, float flow) {
    float rr = max(r, 1e-4);
    // (the conformal plane: one wedge is one unit wide)
    vec2 P = vec2(log(rr) / sector - flow, ang / sector);
    float pxP = px / (rr * sector);                    // (a pixel's size in the plane)
    // The chambers: mirror-fold along log r, period 2 (one chamber a wedge wide); each ring of
    // two chambers takes its own seed.
    float ring = floor(P.x * 0.5 + 0.5);
    vec2 p = vec2(abs(P.x - 2.0 * ring), P.y) - vec2(0.5, 0.5);    // (-0.5 .. 0.5 in the chamber)
    float seed = kaleido_hash(ring * 3.17 + 0.5);
    vec3 light = vec3(0.0);
    float clear = 1.0;                  // (the light that passes no glass: the dark between)
    float seams = 0.0;
    float s = 1.0;
    float spin = 0.6 + 1.7 * seed + 0.05 * flow;
    vec2 cs = vec2(cos(spin), sin(spin));
    vec2 off = vec2(0.34 + 0.12 * seed, 0.14 + 0.1 * kaleido_hash(seed * 7.0));
    for (int i = 0; i < KALEIDO_ITER; i++) {
        p = abs(p);
        if (p.y > p.x) p = p.yx;
        // this iteration's shard: a thin slab of glass (a box turned in the chamber)
        vec2 b = vec2(0.24 - 0.04 * float(i), 0.05 + 0.05 * kaleido_hash(seed + float(i)));
        vec2 lp = vec2(cs.x * (p.x - off.x) + cs.y * (p.y - off.y), -cs.y * (p.x - off.x) + cs.x * (p.y - off.y));
        float d = sd_box2(lp, b) / s;                                      // (plane units)
        float w = pxP;                                                     // (the edge's width: one pixel)
        float inside = 1.0 - smoothstep(-w, w, d);
        // (a shard smaller than a few pixels fades: no shimmer)
        float seen = smoothstep(1.2 * pxP, 4.0 * pxP, b.y / s);
        // (the great shards violet frames, the next ones mostly emerald gems set in them)
        float h = kaleido_hash(seed * 13.0 + float(i) * 1.7 + floor(lp.x / b.x + 0.5) * 0.37);
        vec3 tint = kaleido_tint((i == 1 || i == 3) ? 0.34 + 0.6 * h : h);
        // glass: thicker toward its middle (deeper colour), clearer at its edges; each chip a
        // facet tilted its own way, so the light runs across it from dark to bright (some chips
        // catch the light, some fall near black: a jewel's play, not a flat quilt)
        float thick = clamp(-d * s / b.y, 0.0, 1.0);
        float h2 = kaleido_hash(h * 91.7 + 3.1);
        vec2 tilt = vec2(2.0 * h2 - 1.0, 2.0 * fract(h2 * 13.1) - 1.0);     // (no sin, cos: a tilt's length only scales its ramp)
        float ramp = clamp(0.5 + 0.5 * dot(lp / b, tilt), 0.0, 1.0);
        float facet = (0.15 + 1.25 * ramp * ramp) * (0.5 + 0.9 * h2);
        vec3 glass = (tint * (0.35 + 0.65 * thick) + 0.25 * (1.0 - thick) * (1.0 - thick)) * facet;
        // (the facet's bright corner: a crisp glint where its light meets its edge)
        float edge = exp(-abs(d) / (1.2 * pxP));            // (one exp for the glint and the seam)
        float r2 = ramp * ramp;
        r2 *= r2;
        glass += vec3(0.9, 0.85, 1.0) * (r2 * r2 * r2) * edge * seen;
        // (a smaller shard lies over the larger: its colour mostly replaces theirs, a little of
        // theirs shows through -- where two lie over each other the colours deepen)
        light = mix(light, glass * (1.0 - 0.3 * (1.0 - clear)) + 0.2 * light, inside * seen);
        clear *= 1.0 - inside * seen;
        // (the great shards' seams bright, the small ones' fainter: lace, not a mesh)
        seams += edge * edge * seen * exp2(-1.3 * float(i));
        p = 1.7 * p - vec2(0.62, 0.22);
        s *= 1.7;
    }
    return vec4(light, seams);
}
