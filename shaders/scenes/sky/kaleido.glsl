// kaleido.glsl -- the inverted sky itself seen through a kaleidoscope's mirrors.  Include-only
// (sky.frag's SKY_KALEIDO).
//
// Round 29's readers at 13.4 s: the triangle facets were "a busy, garish, literal triangle
// tessellation that flattens the sky", "hard seams, like a screensaver".  A kaleidoscope is
// mirrors, not tiles: here the sky's own wedge (the nebula, already folded by angle) is folded
// once more in log radius, so rings of it are mirrored inward toward the pole, each ring the
// last one's reflection at a smaller scale (log-polar is conformal: the shapes keep, only
// their size follows the radius -- depth, a tunnel of mirrors).  Each reflection loses a
// little light, as silvered glass does, so the deep rings sink into the dark.  The seams are
// soft: a fine line of light where two mirrors meet, with a wider faint glow, and a glint
// where a ring's seam crosses a wedge's.  Round 30's lead: its jewels "green pebbles and
// purple butterflies floating in black" -- the gas is drawn as its own fine threads
// (sky_filigree), the moons as thin crescents at the rosette's tips (sky_crescent); round 30's
// readers: the threads alone "an edge-detect contour filter" -- sky.frag fills the lobes with
// the gas's own glow and keeps the threads as a faint filigree over it.

// The mirrors at a sky point: r its distance from the pole, ang its angle folded into the
// wedge (0..sector), px a pixel in sky units, flow the rings' drift (in ring widths), band a
// ring's width in log radius, r_out the outer ring's outer edge (beyond it the sky is seen
// directly).  Returns, in x, the radius of the sky point the mirrors show there (in the outer
// ring); y the reflections on the way (0 outside, fractional across a ring: its depth); z the
// distance to the nearest ring seam in pixels; w the ring's place across its width (0..1,
// the unmirrored coordinate).
vec4 sky_mirrors(float r, float ang, float sector, float px, float flow, float band, float r_out) {
    float rr = max(r, 1e-5);
    float u = log(rr / r_out) / band;           // (0 at the outer edge, -1 one ring in ...)
    float inside = step(u, 0.0);
    float v = u;                                 // (rings fixed to the outer edge: none cut by it)
    float k = floor(v);
    float f = v - k;
    float m = (mod(k, 2.0) > 0.5) ? 1.0 - f : f;    // (every other ring mirrored: no seam of content)
    float r_src = mix(rr, r_out * exp((m - 1.0) * band), inside);
    float seam = min(f, 1.0 - f) * band * rr / px;  // (log distance * r = arc distance)
    seam = mix(1e4, seam, inside);
    float depth = max(-u, 0.0);
    // (w: the ring's place, measured outward in every ring -- a mirrored ring's jewels are lit
    // from the pole too)
    return vec4(r_src, depth, seam, f);
}

// The filigree (round 30's lead at 10.5-13.4 s: "a sun with a ring of green pebbles and purple
// butterflies floating in black -- isolated blobs, not a kaleidoscope"): the mirrored gas drawn
// as its own contour lines -- fine threads that follow every swirl of the cloud, nested where it
// thickens, none where the sky is empty, so the folds make a continuous rosette of lace, not
// blobs.  c: the density times the lines' count (plus their slow drift); w: its change over a
// pixel (fwidth).  Returns x the thread (about a pixel wide, antialiased), y a wider soft halo
// round it (the glass's glow), z which thread (its level, for the colour).  Threads that crowd
// closer than ~2.5 pixels let go (no moire).
vec3 sky_filigree(float c, float w) {
    float f = fract(c);
    float dl = min(f, 1.0 - f);                          // (distance to the nearest thread, in levels)
    float ww = max(w, 1e-5);
    float keep = 1.0 - smoothstep(0.22, 0.42, ww);
    float line = (1.0 - smoothstep(0.35 * ww, 1.1 * ww, dl)) * keep;
    float halo = exp(-dl / (4.0 * ww)) * (0.5 + 0.5 * keep);
    return vec3(line, halo, floor(c + 0.5));
}

// A moon at an arm's tip: the emerald moon repeated by the mirrors, a thin crescent lit from the
// pole (the great sun) -- small and crisp, not a round pebble.  d: the pixel from the moon's
// centre (x outward from the pole, y along the ring), rad its radius, px a pixel (same units).
// Returns (lit crescent 0..1, the whole disc's coverage for its dark earthshine).
vec2 sky_crescent(vec2 d, float rad, float px) {
    float disc = 1.0 - smoothstep(rad - px, rad + px, length(d));
    // (the night side: a disc nearly as large, shifted away from the sun, eats all but a sliver)
    float night = 1.0 - smoothstep(0.96 * rad - px, 0.96 * rad + px, length(d - vec2(0.24 * rad, 0.0)));
    return vec2(disc * (1.0 - night), disc);
}
