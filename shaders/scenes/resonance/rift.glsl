// rift.glsl -- the howl: "The Resonance howls, a sound that is both a requiem and a lullaby."
// The sky tears open under the sound.  Not lines drawn over the picture (round 8's reader: "a
// thin 2D sticker"), but a luminous event in the sky's own depth: a ragged slit opens down the
// sky from high overhead to just above the city, white-hot light pouring through it from
// beyond; its lips burn in the aurora's colours; its light scatters in the curtains round it
// (a wide violet glow, and shafts that leak sideways through the folds, brighter where the
// curtains are dense), pulses with two slow beats against each other (the requiem and the
// lullaby), draws the curtains in towards it, and is mirrored in the water.
// Include-only, after <visuals/params>, common.glsl and noise.glsl (composite_rift.frag, and
// its vertex shader, which defines RIFT_SHAPE_ONLY and takes the tear's shape only: the
// points of it that are the same for every pixel, worked out once a vertex).

// The tear's centre line and half-width at height y above the horizon (view units): a
// jagged line from the top of the sky to a point a little above the city, widest in the
// middle (an eye opening), its lips ragged.  x: offset from the centre line.
// (round 14: the jagged thin slit read as "a cheap 2D lightning bolt".  The tear is a wound
// in the sky seen in perspective: a gently curving centre line, no zigzag; wide overhead,
// where it is near, and narrowing to a point far off above the city, so it recedes; its lips
// frayed finely like torn silk rather than forked.)
// How much of the tear there is at height y (0 .. 1): it runs down the sky as it opens
// (round 26: the howl's three stills were one broad column), its foot falling
// from the top of the frame to just above the city by rift 0.9, tapering to a point there;
// then it widens.
float rift_span(float y) {
    // (round 34's readers at 189.2 s: "the hard white beam cuts the frame in two" -- the tear
    // no longer runs down to the city: it is a wound high in the sky, an eye of light that
    // opens from a seam at its heart to its full length, widest in the middle and closed at
    // both ends; the sound is what reaches the city, as rings)
    float grow = smoothstep(0.0, 0.9, u_rift);
    float lo = mix(0.6, 0.44, grow), hi = mix(0.68, 0.84, grow);
    float s = clamp((y - lo) / (hi - lo), 0.0, 1.0);
    // (round 34, the lead: the wound read as "an eye in the sky", an almond -- lopsided now:
    // torn widest low, then drawn out in a long ragged rent up the sky)
    s = pow(s, 0.6);
    return 4.0 * s * (1.0 - s);
}

vec2 rift_shape(float y, float t) {
    // (round 26: its kinks halved -- a narrow bright seam with kinks read as lightning at 187 s;
    // round 32: its sway near halved again, "a wobbly paint stroke")
    float x0 = 0.04 + 0.02 * snoise(vec2(y * 1.2, 3.1)) + 0.002 * snoise(vec2(y * 5.0, 7.7));
    float span = rift_span(y);
    float open = mix(0.3, 1.0, smoothstep(0.25, 1.0, u_rift)) * step(1e-4, u_rift);
    float near = 0.35 + 0.65 * smoothstep(0.05, 0.9, y);            // wider where it is near
    // (round 26: a third narrower -- round 25's readers: "an overexposed smear")
    // (round 32's readers at 188.1 s: "a crude paint stroke", "a wobbly hard-edged paint
    // stroke" -- half as wide again: a seam of light, not a stroke; its lips soft: rift_light)
    float hw = open * 0.05 * near * span * sqrt(max(span, 0.0))
             * (0.9 + 0.1 * snoise(vec2(y * 6.0, t * 0.5)) + 0.03 * snoise(vec2(y * 25.0, t * 1.3)));
    // (its lips torn unevenly: each a ragged edge of its own, the gap shifting side to side --
    // no mirror-clean almond)
    float rag = snoise(vec2(y * 7.0, 11.3));
    hw *= 0.8 + 0.35 * rag * rag + 0.15 * snoise(vec2(y * 17.0, 2.9));
    x0 += 0.4 * hw * snoise(vec2(y * 3.5, 5.3)) + 0.015 * smoothstep(0.5, 0.8, y);
    return vec2(x0, max(hw, 0.0));
}

// The two beats of the howl (0.55..1.3): a slow requiem and a lullaby a little faster.
float rift_beat(float t) {
    return 0.9 + 0.25 * sin(t * 2.2) * sin(t * 0.63 + 1.0) + 0.15 * sin(t * 3.7);
}

// How far the curtains are drawn towards the tear (a shift of the aurora's lookup, in view
// units) at view point q = (x, height above the horizon).
float rift_pull(vec2 q, vec2 s) {
    // (round 26: "sound drawn into a throat" -- the curtains' lookup spread away from the
    // tear, so their rays crowd in and lean towards it, more the higher up; continuous across
    // it (no seam where the tear has not yet run), and monotone (never folding): the factor
    // 1 + A exp(-|dx|/W) keeps a positive slope for A < 7)
    float dx = q.x - s.x;
    // (round 34: only round the wound, high up -- under it, with no tear to draw them in, the
    // spread curtains left a dark column down to the city)
    float a = u_rift * 1.6 * smoothstep(0.3, 0.55, q.y) * (0.8 + 0.2 * sin(u_time * 2.2));
    return dx * a * exp(-abs(dx) / 0.16);
}

// The howl made visible (round 28): slow pressure fronts running out sideways from the tear
// through the curtains, at view point q (x, height above the horizon), s its shape there.
// Each front is a bump (0..1) at a distance from the lips that grows with its phase, broad and
// soft (a lullaby) and slow (a requiem); two in flight at once.  The composite pushes the
// curtains' lookup outward by it and brightens them on its crest: the curtains ripple, no
// ring is drawn.
// (round 32's readers at 188.1 s: "a crude paint stroke", the sound not seen -- the fronts
// are rings now, out from the heart of the tear (rift_heart), so the curtains are blown back
// round it in widening rings: a shock ring in the aurora's own light, none drawn in the air;
// a little wider than tall, as a ring in the sky overhead is seen foreshortened)
#ifndef RIFT_SHAPE_ONLY
// (its x worked out once a vertex by composite_rift.vert: the same for every pixel)
flat in vec3 v_rift_feet;      // x of the heart, of the water's foot, of the glass's foot

vec2 rift_heart() {
    return vec2(v_rift_feet.x, 0.64);
}

float rift_fronts(vec2 q, vec2 s, vec2 heart) {
    vec2 o = q - heart;
    // (round 34, the lead: the rings round it too concentric, too regular, an eye's -- each
    // front is torn unevenly: further out on one side than the other, dented where the
    // curtains held it back)
    float ang = atan(o.y, o.x);
    float dent = 0.16 * snoise(vec2(cos(ang), sin(ang)) * 1.3 + vec2(0.0, 0.15 * u_time));
    float far = max(length(o * vec2(0.8, 1.15)) * (1.0 + dent) + 0.05 * o.x - 0.03 * o.y - s.y, 0.0);
    float f = 0.0;
    // (round 34: "a beam, not a howl" -- three fronts in flight, crisper, so each still holds
    // rings of the sound spreading through the curtains)
    for (int i = 0; i < 3; i++) {
        float ph = fract(u_time * 0.2 + float(i) / 3.0);
        float e = (far - 0.04 - 1.2 * ph) / (0.018 + 0.04 * ph);
        f += (1.0 - ph) * smoothstep(0.0, 0.1, ph) * exp(-e * e);
    }
    return f * smoothstep(0.0, 0.3, u_rift) * smoothstep(0.02, 0.2, q.y);
}

// The tear's light at q (linear), given its shape at that height (rift_shape) and the
// aurora's light there (which scatters it).  `calm` (0 .. 1): in the water, where the ripples
// throw each row sideways by its own amount, the fine filaments and the hairline lips would
// shatter into moire (round 19's reader at 188.5 s: "moire and aliasing on the rippled light
// path") -- there they are evened out and the lips spread, a smear of light, not a grain.
vec3 rift_light(vec2 q, vec2 s, vec3 aurora, float calm) {
    float t = u_time;
    float dx = q.x - s.x;
    float d = abs(dx) - s.y;                                  // < 0 inside the tear
    float aa = max(fwidth(q.x) * 1.2, 1e-4);
    // (a soft rim a few pixels wide, not a cut edge: round 32's "hard-edged")
    float inside = 1.0 - smoothstep(-aa - 0.35 * s.y, aa + 0.002, d);
    float beat = rift_beat(t);
    // (not its square root: that rose from nothing in a pixel at the wound's ends, and the
    // lips' glow stopped on a level line under it)
    float span = rift_span(q.y);
    // beyond the tear (round 10's reader: "a flat white jagged shape"): depth, not a fill --
    // a white-hot core down its middle, and either side of it, deeper in, a violet and teal
    // light streaming in filaments along the slit, up into the sky beyond; the lips burn
    // white again where the sky is torn
    float across = clamp(abs(dx) / max(s.y, 1e-4), 0.0, 1.0);          // 0 at the core, 1 at a lip
    // (round 28: "an overexposed smear", "murky haze" -- the inside was a wash of violet and
    // white 30 px wide.  Now a crisp hot core: a white-hot seam a few pixels wide down the
    // middle, and round it, in the dark beyond the sky, slender filaments of violet and teal
    // light streaming down the slit with black between them -- structure, not a fill.)
    float flow = snoise(vec2(dx * 25.0, q.y * 4.0 - t * 1.6));
    float fil = 0.5 + 0.5 * snoise(vec2(dx * 70.0 + 0.25 * flow, q.y * 0.7 + t * 0.9));
    fil = mix(fil, 0.5, 0.85 * calm);
    flow *= 1.0 - 0.6 * calm;
    float strand = smoothstep(0.45, 0.9, fil);                       // the filaments, dark between
    // (pale, near one hue: strands of saturated violet beside black swung the colour from
    // pixel to pixel -- the fringing round 25's readers saw on the lips)
    // (the white heart only once the tear has opened: while it runs down the sky it is a
    // violet seam; narrow, so it reads as a hot core, never a white column)
    float heart = smoothstep(0.2, 0.8, u_rift);
    // (round 30's readers at 184.4 s: "ragged doubled edges, a ribbon artefact" -- the dark
    // between the strands ran down the slit as a black band inside each lip, so the tear read
    // as a ribbon of three lines: the inside is one light now, brightest toward the core and
    // dimming toward the lips, the strands only a shimmer in it)
    float inner = 1.0 - across * across;
    vec3 deep = vec3(0.74, 0.7, 0.98)
              * (0.25 + 0.35 * inner + 0.3 * strand * strand) * mix(0.8, 1.0, heart) * mix(1.0, 0.55, calm);
    float w2 = mix(0.022, 0.05, calm);
    vec3 core = vec3(1.0, 0.95, 0.92) * (2.2 * heart * exp(-across * across / (w2 * 4.0)) * (0.8 + 0.3 * fil))
              + vec3(0.7, 0.62, 1.0) * (1.6 * exp(-across * across / 0.06));
    vec3 beyond = deep + core;
    // the burning lips: torn and glowing violet-white, a thin warm white only at the very
    // edge, frayed along its length (round 26: one colour -- the aurora's pink and green,
    // alternating along the lips, read as "colour fringing" to round 25's readers)
    vec3 lipc = vec3(0.62, 0.5, 1.0);
    // (one clean lip, not frayed into doubled lines: round 30)
    float fray = 0.85 + 0.3 * fil;
    float lip = exp(-max(d, 0.0) / mix(0.005, 0.012, calm)) * (1.0 - inside) * fray * (1.0 - 0.5 * calm);
    float lip2 = exp(-max(d, 0.0) / 0.02) * (1.0 - inside);
    // (round 26: while it runs down the sky its lips burn violet, the white only once it has
    // opened -- a thin white seam would read as lightning)
    // (round 32: the narrower seam's lips dimmed to a glow -- bright, beside its core they
    // drew it as a ribbon of three lines)
    vec3 edge = vec3(0.9, 0.8, 0.85) * 0.12 * lip * smoothstep(0.3, 0.8, u_rift) + lipc * (0.3 * lip * fray + 0.45 * lip2);
    // its light in the sky round it: a violet glow, and shafts leaking sideways through
    // the folds of the curtains, brighter where the aurora is (round 26: the glow drawn in
    // close and the spill on the curtains halved, so the sky round the wound stays night --
    // wide, it washed the upper frame lavender: "overexposed")
    float far = max(d, 0.0);
    // (round 26: closer still -- the first pass's "a broad white-lavender column with a soft
    // halo": the night keeps its blacks a little way off the lips, the curtains carry the light)
    // (round 28: "a blown-out column" -- the violet halo a third as strong: true night a
    // finger's width off the lips; the light is carried by the curtains, not the air)
    vec3 glow = vec3(0.55, 0.42, 1.0) * (exp(-far / 0.012) * 0.12 + exp(-far / 0.3) * 0.012);
    // and the curtains near it lit by it, as much as they are dense: its light spills over them
    glow += aurora * 1.2 * exp(-far / 0.09);
    // (the shafts fan out from the slit: their coordinate climbs away from it)
    // (round 14: the light pours out through the air in depth -- broader shafts, reaching
    // further, the aurora they cross swelling with it)
    // (round 14: volumetric -- wide soft shafts, two scales, fanning out through the air)
    // (round 35: worked out only where the halo below lets them show -- far off the wound's
    // heart, near the horizon and in the near water, they were two noises a pixel for light
    // under a fifth of a level)
    float halo = exp(-pow((q.y - rift_heart().y) / 0.2, 2.0));
    float shaft = 0.0;
    if (halo > 0.002) {
        shaft = pow(0.5 + 0.5 * snoise(vec2((q.y - 0.6 * far) * 5.0, 0.4 * t)), 3.0) * exp(-far / 0.35)
              + 0.5 * pow(0.5 + 0.5 * snoise(vec2((q.y - 0.9 * far) * 13.0, 0.3 * t + 4.0)), 4.0) * exp(-far / 0.18);
    }
    vec3 scatter = (vec3(0.02, 0.016, 0.05) + 4.0 * aurora) * shaft * 0.4;
    // (the light gathers behind the sky before it breaks: the glow and the shafts lead, the
    // slit follows -- round 14: a thin early slit read as a lightning bolt, so it shows only
    // once it has opened wide)
    float open = smoothstep(0.05, 0.4, u_rift);
    // (its light in the air fades smoothly off the wound's ends -- cut by its span, the glow
    // stopped on two level lines above and below it)
    return ((0.75 * beyond * inside * open + edge * open * mix(0.7, 1.0, u_rift)) * span
            + (glow + scatter) * sqrt(u_rift) * halo) * beat;
}

// The tear's light on the glass of the city under it (round 26: "light that models form"):
// added to the sky the towers mirror, so the spires near its foot catch it down their faces
// as a violet-white rim once it has opened.  x: the view's x.
vec3 rift_on_glass(float x) {
    float foot = v_rift_feet.z;
    // (round 28: the spires lit by it -- brighter and reaching further along the skyline)
    // (round 30: the howl torn open from its first frame, the spires' glass catching it from
    // the first frame too -- the lead: "the spires' glass catching its light")
    return vec3(0.62, 0.52, 1.0) * 0.45 * smoothstep(0.2, 0.9, u_rift) * exp(-abs(x - foot) / 0.35)
         * rift_beat(u_time);
}

// The howl's shock rings (round 17's readers: "the sound as a physical thing ... shock rings
// in the mist"): pressure fronts running out from the foot of the tear, far off over the
// water, across the water and through the mist overhead -- w is the point a pixel's ray meets
// on the water (or on the mirrored layer of mist as high above), in world units.  Three
// fronts, each a compression followed by a rarefaction (signed, about -1..1), widening and
// weakening as they travel, so they read as rings in perspective, not circles on the glass.
float rift_front(float r, float ph) {
    float e = (r - (1.0 + 24.0 * ph)) / (0.3 + 1.1 * ph);
    return (1.0 - ph) * smoothstep(0.0, 0.08, ph) * 2.3 * e * exp(-e * e);
}

float rift_shock(vec2 w, float t) {
    // (round 34: the lake struck into rings under the wound -- their centre nearer, so
    // the rings cross the water in front of the city, not only far off)
    float r = length(w - vec2(0.04 * u_lens * 9.0, 9.0));
    float ph = fract(t * 0.32);
    return rift_front(r, ph) + rift_front(r, fract(ph + 0.3333)) + rift_front(r, fract(ph + 0.6667));
}
#endif
