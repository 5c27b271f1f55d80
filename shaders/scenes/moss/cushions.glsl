// cushions.glsl -- the moss near the eye as living growth: cushions and clumps of moss, their
// fibres, and the sporophytes standing out of them with glowing tips.
//
// Include-only (after lib/noise.glsl and moss.glsl), no uniforms: moss.frag's MOSS_CUSHIONS
// variant (moss_cushions.frag) calls it for the ground near the eye.
// Round 24: four readers called the near floor "a Voronoi cracked-tile floor, like lava
// pavement" -- the glowing seams of round 20's cobbles.  Here the street is overgrown: the
// moss is a height field of rounded cushions (three octaves of value noise, shaped into
// domes with soft feet), shaded as velvet (a dark body, a sheen where its surface turns from
// the eye, fine fibres combed across it), glowing from within at its crowns where the
// heartbeat passes; the paving shows only in the gaps between clumps.
// Round 26: the readers saw those domes as "lily pads" and "a grid of pebbles": the street's
// moss is one continuous carpet now -- rolling hummocks (low simplex noise), tufts crowding
// over them (two finer octaves, analytic gradients for the normal), dark hollows, a deep
// crevice only where the noise is lowest.  Out of the carpet
// stand thin sporophyte stalks, each tip a bead of cold light that flares with the pulse.
// The stalks are found analytically: the ray's stretch between the ground and the tips'
// height is a short 2D segment; each stalk of the few cells round it is a vertical segment
// whose distance to the ray is measured on the ground plane (no marching).

const float STALK_CELL = 0.16;        // world units: one sporophyte at most per cell
const float STALK_HEIGHT = 0.11;      // world units: the tips' height above the ground
const float STALK_TIP = 0.011;        // world units: a tip's radius

// One cell's stalk: where it stands (world xz) and whether it is there (0 or 1), with its
// own random for its height and its brightness.
vec4 stalk_in(ivec2 cell) {
    uvec2 q = uvec2(cell) * uvec2(2654435761u, 2246822519u);
    uint n = (q.x ^ (q.y >> 3u) ^ 0x9E37u) * 2654435761u;
    vec2 r = vec2(uvec2(n, n * 2246822519u) >> 8u) / 16777216.0;
    uint n2 = n * 3266489917u;
    float s = float(n2 >> 8u) / 16777216.0;
    return vec4((vec2(cell) + 0.15 + 0.7 * r) * STALK_CELL, s, fract(s * 7.31));
}

// Distance from the point p to the segment a..b (2D), and where along it (0..1).
vec2 segment_distance(vec2 p, vec2 a, vec2 b) {
    vec2 ab = b - a;
    float k = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-8), 0.0, 1.0);
    return vec2(length(p - a - ab * k), k);
}

// Fronds (round 28: "glowing mounds with fine grain, not living moss"): the carpet's light
// gathered into shoots -- each cell of a jittered lattice holds one small star of fronds
// radiating from its heart, the light running out along each frond and beading at its tip (a
// spore glint).  One cell per layer, the star kept inside it, so no border cuts a frond; two
// layers at different sizes and turns, so no lattice reads.  x: the fronds' light (0..~1),
// y: the tips' glints.  fk fades both to their mean before a frond gets thinner than a pixel.
vec2 frond_star(vec2 xz, float cell, float arms, vec2 seed, float fk) {
    vec2 p = xz / cell + seed;
    vec2 id = floor(p);
    vec4 s = stalk_in(ivec2(id) + ivec2(37, 91));
    vec2 c = id + 0.35 + 0.3 * vec2(fract(s.z * 13.1), fract(s.w * 17.3));
    vec2 d = p - c;
    float r = length(d);
    float R = 0.22 + 0.1 * s.z;                     // (inside the cell at any jitter)
    float a = atan(d.y, d.x) + 6.2832 * s.w;
    float n = arms + floor(3.0 * s.z);
    // each frond a lobe of the angle, narrowing toward its tip, bent a little as it grows
    float lobe = 0.5 + 0.5 * cos(n * (a + 0.9 * r / R * (s.z - 0.5)));
    float along = clamp(r / R, 0.0, 1.0);
    float frond = pow(lobe, 2.0 + 10.0 * along) * (1.0 - smoothstep(0.75, 1.0, along));
    float tip = pow(lobe, 14.0) * exp(-pow((along - 0.85) / 0.1, 2.0)) * step(0.55, s.w);
    return mix(vec2(0.32, 0.03), vec2(frond * (0.35 + 0.9 * along), tip), fk);
}

// The moss near the eye, emitted light (linear).  ro, rd: the eye ray; xz, t: where it meets
// the ground (xz already bent by the streets' wander, `bend` that bend); fp: the pixel's
// footprint on the ground; pix: radians per pixel; lit: the moss light here now (the pulse
// and the afterglow in it); pulse: the heartbeat's pulse here (0..~1.5); paving: the stone's
// own colour for the gaps.
vec3 moss_cushions(vec3 ro, vec3 rd, vec2 xz, vec2 bend, float t, float fp, float pix, vec3 lit,
                   vec3 moss_a, float pulse, vec3 paving) {
    // (round 25's readers: "lily pads", "a grid of pebbles" -- flat round domes with black
    // gaps between them.  Moss is a carpet: one continuous sheet of rolling hummocks (summed
    // soft bumps, so no crease and no rim), small tufts crowding over them, dark hollows where
    // the sheet dips, the paving glimpsed only in the rare deep crevice.)
    // (round 26: summed bumps left holes between them, read at a distance as islands, "lily
    // pads" again: the hummocks are low simplex noise now, one sheet that dips into a deep
    // crevice only where the noise is lowest)
    vec3 g0 = snoise_grad(xz * 0.85 + vec2(1.3, 7.1));
    float hum = max(0.78 + 0.62 * g0.x, 0.0);          // the hummocks, about 0..1.4
    // the tufts crowding over them: two octaves of simplex noise with its analytic gradient
    // (organic, no lattice of cells to read as pebbles)
    float lk = 1.0 - smoothstep(0.015, 0.06, fp);
    vec3 g1 = snoise_grad(xz * 4.3 + vec2(3.7, 1.9));
    vec3 g2 = snoise_grad(mat2(0.8, 0.6, -0.6, 0.8) * xz * 10.5 - vec2(5.1, 2.3));
    float tuft = clamp(0.5 + 0.38 * g1.x + 0.22 * g2.x * (0.5 + 0.5 * lk), 0.0, 1.0);
    float h = smoothstep(0.02, 1.1, hum) * (0.6 + 0.4 * tuft);
    // the sheet's slope (the bumps' summed offsets: d(w^2)/dq = -4uw/r, and the noise's own
    // gradient), in world units
    vec2 slope = -(0.22 * 0.62 * 0.85 * g0.yz * step(0.0, hum) + 0.03 * 0.38 * 4.3 * g1.yz
                   + 0.012 * 0.22 * 10.5 * g2.yz * lk);
    vec3 n = normalize(vec3(slope.x, 1.0, slope.y));
    // (and fine lumps: two nested sines, smooth, no lattice)
    vec2 lump = vec2(sin(xz.x * 23.0 + 2.0 * sin(xz.y * 17.0)), sin(xz.y * 21.0 + 2.0 * sin(xz.x * 19.0)));
    n = normalize(n + lk * 0.12 * vec3(lump.x, 0.0, lump.y));
    float facing = max(dot(n, -rd), 0.0);
    // fibres combed across the sheet (one octave of simplex, faded to its mean before it gets
    // thinner than a pixel, so nothing glitters)
    float fk = 1.0 - smoothstep(0.012, 0.04, fp);
    vec2 fq = mat2(0.87, 0.5, -0.5, 0.87) * xz;
    float fib = mix(0.5, 0.5 + 0.45 * snoise(fq * vec2(70.0, 23.0)), fk);
    // velvet: the hollows fall to black, the tufts' tops hold the light from within, and a
    // sheen runs where the sheet turns from the eye
    // (round 27: "speckle", "noisy" -- the crowns were the small tufts', a camouflage of
    // blotches a fifth of a unit across: the glow gathers in the hummocks' tops now, a unit
    // across, rising smoothly out of dark valleys, the tufts only shading it)
    // (round 28: foreshortened, the hollows and tufts drew dark streaks across the mid
    // distance, "mottled noise": off from the eye the carpet's relief softens into a lit sheet)
    // (by distance, not footprint: the same frame at any size)
    float soft = smoothstep(2.8, 7.0, t);
    tuft = mix(tuft, 0.5, soft);
    float hollow = smoothstep(0.05, 0.75, hum) * (0.45 + 0.55 * tuft);
    float crown = smoothstep(0.65, 1.4, hum) * (0.5 + 0.5 * tuft);
    // (round 34's readers at 73.3 s: "the moss reads as blotchy noise" -- off from the eye
    // the hummocks' lit crowns and black hollows were all that was left of the moss, blots a
    // unit across: there the carpet evens out, a little lit everywhere, and its flowers and
    // the heartbeat's swell running through it carry the light instead)
    float even = 0.6 * smoothstep(4.5, 9.0, t);
    crown = mix(crown, 0.2 + 0.5 * crown, even);
    hollow = mix(hollow, 0.5 + 0.5 * hollow, even);
    float sheen = pow(1.0 - facing, 3.0) * hollow;
    // the night's cold light from down the street models the hummocks' backs
    vec3 L = normalize(vec3(0.25, 0.55, -0.8));
    float key = max(dot(n, L), 0.0) * hollow;
    vec3 body = (moss_a * 0.008 + vec3(0.010, 0.009, 0.03) * key * key) * (0.4 + 1.2 * fib) * hollow;
    // (round 27's readers: "the moss noisy", "speckle" -- the fibres multiplied the whole glow
    // six to one, a salt of bright grains: they only comb the light now, the glow itself
    // lives in the tufts' crowns and falls off smoothly into the hollows)
    vec3 glow = lit * (0.06 * hollow * hollow + 0.4 * crown * crown) * (0.4 + fib)
              + lit * 0.2 * sheen * (0.7 + 0.6 * fib);
    // (round 27: the crowns' glow read as flat blotches -- light that models form: the
    // hummocks' slopes, steepened for the light alone, turn the glow down on the sides away
    // from the moon down the street and catch its cold light as a rim on the sides toward it)
    // (round 28: off from the eye only the hummocks' own slope: the tufts' steepened
    // gradients, foreshortened, were a mottle of light and dark across the mid distance)
    vec2 slope_l = mix(slope, -0.22 * 0.62 * 0.85 * g0.yz * step(0.0, hum), soft);
    vec3 ns = normalize(vec3(3.0 * slope_l.x, 1.0, 3.0 * slope_l.y));
    float toward = dot(ns, L);
    glow *= 0.55 + 0.75 * smoothstep(0.1, 0.75, toward);
    body += vec3(0.012, 0.02, 0.045) * pow(1.0 - facing, 2.0) * smoothstep(0.4, 0.8, toward) * hollow;
    // the heartbeat passing lights the tufts a moment from within
    glow += lit * 0.15 * pulse * crown;
    // (round 28: the glow is the fronds' own, not a smooth mound: two layers of shoots comb
    // it into stars of filaments, their tips beading into spore glints on the crowns)
    vec2 fa = frond_star(xz, 0.34, 7.0, vec2(0.0), 1.0 - smoothstep(0.014, 0.04, fp));
    vec2 fb = frond_star(mat2(0.6, 0.8, -0.8, 0.6) * xz, 0.13, 6.0, vec2(3.3, 7.7), 1.0 - smoothstep(0.007, 0.022, fp));
    float fronds = max(fa.x, 0.8 * fb.x);
    glow *= 0.25 + 2.3 * fronds;
    // filaments combed down every cushion from its crown: lines along the slope's own
    // direction (the angle of the height field's gradient turns round each crown, so they
    // radiate from it), broken into short fronds, faded where they would be under two pixels
    float fl = (1.0 - smoothstep(0.005, 0.014, fp)) * smoothstep(0.01, 0.05, length(slope));
    float ang = atan(slope.y, slope.x);
    float strand = 0.5 + 0.5 * cos(20.0 * ang + 2.5 * snoise(xz * 2.2 + 9.1));
    float frond_len = smoothstep(-0.3, 0.6, snoise(vec2(ang * 4.0, hum * 9.0)));
    glow *= mix(1.0, 0.35 + 1.5 * strand * strand * (0.5 + 0.5 * frond_len), fl);
    glow += lit * (fa.y + 0.6 * fb.y) * (0.4 + 1.6 * crown) * (0.6 + 1.5 * pulse) * hollow;
    // the paving only in the deepest crevices, the moss's light spilling on its edges
    // (round 28: the crevice's edge widened with the footprint drew dark streaks across the
    // mid distance: it widens only as a pixel does, and fades off into the sheet)
    float gap = (1.0 - smoothstep(0.0, 0.06 + fp * 0.6, hum - 0.04)) * (1.0 - soft);
    vec3 col = mix(body + glow, paving + lit * 0.008, gap);

    // Sporophytes: the ray's stretch from the tips' height down to the ground, on the ground
    // plane; the stalks of the cells round its middle.
    float down = max(-rd.y, 1e-4);
    float t_top = (ro.y - STALK_HEIGHT) / down;
    vec2 a = ro.xz + rd.xz * t_top + bend;            // (bent as the ground point is)
    vec2 b = xz;
    // (the four cells nearest the stretch's middle: it is under a cell long near the eye)
    ivec2 mid = ivec2(floor(0.5 * (a + b) / STALK_CELL - 0.5));
    float px = t * pix;                                 // a pixel, in world units, here
    float sk = 1.0 - smoothstep(0.02, 0.05, fp);        // stalks thinner than a pixel: gone
    vec3 tips = vec3(0.0);
    float stalk_cover = 0.0;
    // (only out of the thick moss, where this pixel's clump is thick: the stalks stand close)
    float thick = smoothstep(0.3, 0.65, h);
    for (int k = 0; k < 4; ++k) {
        vec4 s = stalk_in(mid + ivec2(k & 1, k >> 1));
        // (a few stalks, not a lawn of dots: a field of pinpoints read as speckle)
        float grow = thick * step(0.78, s.z);
        float hs = STALK_HEIGHT * (0.6 + 0.4 * s.w);
        // the ray at the stalk's own height: a little nearer the ground point
        vec2 top = mix(b, a, hs / STALK_HEIGHT);
        vec2 sd = segment_distance(s.xy, b, top);
        // the stalk: a hair-thin dark-red line, lit on one side by the moss below
        float w = 0.0025 + 0.6 * px;
        float line = (1.0 - smoothstep(0.0025, w, sd.x)) * (0.0025 / w) * grow * sk;
        stalk_cover = max(stalk_cover, line * step(sd.y, 0.999));
        // its tip: a bead of cold light, a soft halo round it, flaring with the pulse
        float d_tip = length(s.xy - top);
        float r = STALK_TIP + 0.7 * px;
        float bead = (1.0 - smoothstep(0.4 * r, r, d_tip)) * (STALK_TIP / r) * (STALK_TIP / r);
        // (the halo ends within half a cell: one reaching past the four cells searched was cut
        // off at their borders, a grid of faint squares)
        float hr = max(1.0 - d_tip / 0.06, 0.0);
        float halo = hr * hr * hr * 0.2;
        tips += (bead + halo) * grow * sk * (0.35 + 0.65 * s.w) * (0.5 + 2.2 * pulse);
    }
    col = mix(col, vec3(0.03, 0.008, 0.01) + lit * 0.1, stalk_cover);
    // (round 28: the ground's heat hue turns the dim moss round them emerald: the beads a
    // little hotter, so they still burn cyan-white spore glints against it)
    col += tips * mix(moss_a, vec3(0.75, 1.0, 0.95), 0.7) * 4.5;
    return col;
}
