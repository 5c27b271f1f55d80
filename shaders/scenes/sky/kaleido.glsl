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

// ---- Round 34: the kaleidoscope's object chamber ------------------------------------------
// Round 34's readers at 12.8 s: "hard concentric ring seams and flat teal wedges, like a
// screensaver filter", "flat concentric wedges, like clip-art".  A kaleidoscope shows what lies
// in its object chamber, folded by its mirrors: here the chamber holds the sky's own imagery --
// violet suns, emerald moons lit from the pole, aurora curtains, stars -- and the mirrors fold it
// into the whole frame.  The chamber is log-polar (c.x: log radius in wedge widths, drifting
// outward; c.y: the folded angle, 0..1 between the two mirrors), which is conformal: a round sun
// in the chamber is round on the screen, smaller toward the pole -- a tunnel of mirrors with no
// ring seams (nothing in the chamber is cut at a cell's edge: every light is windowed inside
// its cell, and the aurora's scallops are even about both mirrors, so they meet their own
// reflections without a kink).  pc: a pixel, in chamber units.

// A violet sun in the chamber: a limb-darkened ball of fire, white-hot at its heart, in a
// corona that falls away well inside its cell.  d: the point from its centre, rad its radius.
vec3 chamber_sun(vec2 d, float rad, float pc) {
    float x = length(d) / rad;
    float disc = clamp((1.0 - x) * rad / pc + 0.5, 0.0, 1.0);
    float mu = sqrt(max(1.0 - x * x, 0.0));
    vec3 face = mix(vec3(0.46, 0.20, 1.00), vec3(1.00, 0.90, 1.00), mu * mu) * (0.55 + 0.45 * mu);
    float o = max(x - 1.0, 0.0);
    vec3 corona = vec3(0.42, 0.16, 0.95) * (0.55 * exp(-o * 4.0) + 0.18 * exp(-o * 1.2));
    return face * disc * 1.5 + corona * (1.0 - disc);
}

// An emerald moon in the chamber, a sphere lit from the pole (the chamber's -x: every moon's
// lit face turned to the great sun), its night side a faint teal ashlight, a thin sunward rim.
// Returns the light and the disc's coverage (it hides what lies behind it).
vec4 chamber_moon(vec2 d, float rad, float pc, float elev) {
    vec2 u = d / rad;
    float r2 = dot(u, u);
    float cover = clamp((1.0 - sqrt(r2)) * rad / pc + 0.5, 0.0, 1.0);
    vec3 n = vec3(u, sqrt(max(1.0 - r2, 0.0)));
    vec3 l = vec3(-cos(elev), 0.0, sin(elev));
    float ndl = dot(n, l);
    float lit = smoothstep(-0.04, 0.2, ndl) * (0.12 + 0.88 * max(ndl, 0.0));
    // (broad soft maria: two slow waves across the face, foreshortened to the limb)
    float maria = 0.5 + 0.25 * sin(u.x * 5.1 + u.y * 3.3 + 1.7) + 0.25 * sin(u.y * 6.7 - u.x * 2.1);
    vec3 albedo = vec3(0.10, 0.86, 0.55) * (0.78 + 0.3 * maria * n.z);
    vec3 col = albedo * lit * (0.35 + 0.65 * pow(n.z, 0.5)) + vec3(0.006, 0.03, 0.028) * (1.0 - lit) * n.z;
    col += vec3(0.35, 1.0, 0.75) * pow(1.0 - n.z, 4.0) * smoothstep(0.0, 0.6, -u.x) * cover * 0.8;
    return vec4(col * cover, cover);
}

// An aurora curtain across the chamber: its bright foot a scalloped ring at `base` (chamber x),
// its rays reaching outward, emerald at the foot to violet at their tips.  Returns its light.
vec3 chamber_aurora(vec2 c, float base, float lobes, float phase, float pc) {
    float foot = base + 0.42 * cos(3.14159265 * lobes * c.y) + 0.05 * cos(3.14159265 * (2.0 * lobes + 1.0) * c.y + phase);
    float h = c.x - foot;
    float w = max(0.018, 1.5 * pc);
    // the foot: a thin bright hem, pale at its core; below it only a breath of light
    float hem = exp(-h * h / (w * w)) + 0.25 * exp(min(h, 0.0) / 0.04) * step(h, 0.0);
    // the curtain: rays reaching outward from the hem, fading as they rise
    float up = max(h, 0.0);
    float fall = exp(-up / 0.22) * (1.0 - smoothstep(0.3, 0.7, up)) * smoothstep(-w, w, h);
    // the rays: folds of the curtain along it, swaying; let go where they crowd (< ~4 px)
    float k = 3.14159265 * 9.0;
    float rays = 0.5 + 0.5 * cos(k * c.y + 1.8 * sin(0.37 * k * c.y + phase) - 5.0 * up);
    float fine = 1.0 - smoothstep(0.08, 0.16, pc * 9.0);
    float curtain = fall * mix(0.6, 0.15 + 1.3 * rays * rays * rays, fine);
    vec3 tint = mix(vec3(0.08, 0.95, 0.55), vec3(0.50, 0.16, 0.95), smoothstep(0.03, 0.35, up));
    return tint * curtain * 0.75 + vec3(0.55, 1.0, 0.82) * hem * 0.9;
}
