// flowers.glsl -- tiny lit flowers in the moss, lit by the heartbeat's wave as it passes.
//
// Include-only (after lib/hash.glsl), no uniforms: moss.frag's MOSS_CUSHIONS variants draw
// them over the street's moss.  Round 34's readers at 73.3 s: "the moss reads as blotchy
// noise" and "moss pulsing with a heartbeat" never seen: the moss is strewn with small
// flowers of cold light (five soft petals and a hot eye near the eye, a pinpoint further
// off), each dim between beats, so when the wave of the heartbeat runs out through the moss
// it lights a band of them -- a travelling ring of flowers that a still catches at any moment.
//
// One cell of a jittered lattice per layer (no search): the flower stays well inside its
// cell, its radius measured with the view's foreshortening partly undone (the head stands up
// a little out of the moss, so it is not a flat smear), widened to the pixel with its energy
// kept, so it never glitters; it fades out before it spans a third of its cell.

// One layer of flowers.  xz: the ground point; cell: the lattice's size (world units); px:
// a pixel's size here across the view (world); squash: how much of the along-view offset
// counts (1 seen from above, toward 0 at grazing); fwd2: the view's heading on the ground
// (unit); seed: the layer's own.  x: the flower's light (its petals' area kept), y: which
// kind it is (0..1), z: its ring delay (0..1: the flower's own moment in the wave).
vec3 flower_layer(vec2 xz, float cell, float px, float squash, vec2 fwd2, vec2 seed) {
    vec2 p = xz / cell + seed;
    vec2 id = floor(p);
    vec3 hr = hash33(vec3(id, seed.x));
    // (most cells hold none: a sprinkle, not a lawn)
    float here = step(0.45, hr.z);
    vec2 c = id + 0.3 + 0.4 * hr.xy;
    vec2 d = (p - c) * cell;                              // world units
    // the along-view part of the offset foreshortened as the eye sees it
    float along = dot(d, fwd2);
    vec2 dd = vec2(d.x * fwd2.y - d.y * fwd2.x, along * squash);
    float r0 = cell * (0.035 + 0.03 * fract(hr.z * 7.3));   // the flower's own radius
    float w = px;                                         // (the pixel, in the same metric)
    float r = length(dd);
    // five soft petals near the eye, a round head where they fall under a couple of pixels
    float petals = 1.0 - smoothstep(2.0, 5.0, r0 / max(w, 1e-5));
    float ang = atan(dd.y, dd.x) + 6.2832 * hr.x;
    float shape = r0 * (1.0 - 0.6 * petals * (0.5 - 0.5 * cos(5.0 * ang)));
    float rr = shape + 0.7 * w;
    // (a soft star of light falling off from the eye to the petals' tips: a flat-filled
    // head read as a pale disc, a sticker)
    float prof = clamp(1.0 - r / rr, 0.0, 1.0);
    float head = prof * prof * (r0 / (r0 + w)) * (r0 / (r0 + w));
    // a hot eye at the centre, and a faint halo of its light on the moss round it
    float eye = exp(-r * r / max(0.08 * r0 * r0 + w * w, 1e-9)) * (r0 / (r0 + w));
    float halo = exp(-r / (1.6 * r0 + w)) * 0.12;
    // (gone before the flower, widened to the pixel, spans a third of its cell; and all of
    // its light ends softly inside the cell, whose border would otherwise cut it: a seam)
    float keep = 1.0 - smoothstep(0.14, 0.24, (r0 + w) / cell);
    keep *= 1.0 - smoothstep(0.22 * cell, 0.29 * cell, max(abs(d.x), abs(d.y)));
    return vec3((0.8 * head + 1.0 * eye + halo) * here * keep, fract(hr.z * 13.7), fract(hr.x * 5.1 + hr.y));
}

// The flowers' light (linear).  xz: the ground point; t: its distance; pix: radians a pixel;
// down: the ray's downward cosine; fwd2: the view's heading on the ground; wave: the
// heartbeat's wave here (0..~1.5, the swell running out from the heart); beat: the breath's
// pulse here; mask: where the moss grows them (0..1).
vec3 moss_flowers(vec2 xz, float t, float pix, float down, vec2 fwd2, float wave, float beat,
                  float mask) {
    float px = t * pix;
    float squash = max(down, 0.45);
    // (the pixel in the foreshortened metric: across it is px, along the view px / down
    // squashed back by `squash`)
    float w = px * max(1.0, squash / max(down, 1e-3));
    vec3 a = flower_layer(xz, 0.5, w, squash, fwd2, vec2(0.0, 0.0));
    vec3 b = flower_layer(mat2(0.8, 0.6, -0.6, 0.8) * xz, 0.31, w, squash, fwd2, vec2(5.3, 1.7));
    // each flower a pale cold light of its own kind: most a cyan-white, some a lime, a few a
    // soft violet-blue (the night's colour, taken up by the moss)
    vec3 kind_a = mix(vec3(0.25, 1.0, 0.75), vec3(0.2, 1.0, 0.35), step(0.7, a.y));
    kind_a = mix(kind_a, vec3(0.3, 0.5, 1.0), step(0.9, a.y));
    vec3 kind_b = mix(vec3(0.15, 1.0, 0.6), vec3(0.35, 0.6, 1.0), step(0.85, b.y));
    // dim embers between beats; the wave flares them (steeply: its soft flanks leave them
    // dim, so the band it lights stands out), each a moment after its neighbour
    float ww = wave * wave;
    float lit_a = 0.05 + 0.15 * beat + 2.6 * ww * (0.75 + 0.5 * a.z);
    float lit_b = 0.04 + 0.12 * beat + 2.2 * ww * (0.75 + 0.5 * b.z);
    return (kind_a * a.x * lit_a + 0.8 * kind_b * b.x * lit_b) * mask;
}
