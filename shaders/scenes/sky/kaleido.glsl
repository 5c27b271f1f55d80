// kaleido.glsl -- the inverted sky itself seen through a kaleidoscope's mirrors.  Include-only
// (sky.frag's SKY_KALEIDO).
//
// Rounds 29-33 folded the sky's own gas once more in log radius, rings of it mirrored toward
// the pole, filled with graded panes: round 34's readers saw "hard concentric ring seams and
// flat teal wedges".  Now the mirrors fold an object chamber of the sky's lights (below).

// (round 34: the rings of mirrored gas -- sky_mirrors, its filigree and crescents -- are gone;
// the mirrors now fold the object chamber below over the whole frame)

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
// (round 34's readers at 9.6 s: "the moons are pasted green billiard balls" -- an even green
// ball with a hard shadow line: now a lit crescent-to-gibbous face with a wide soft terminator,
// pocked by craters (rims lit on the sunward side, floors shaded) and darker maria, its night
// side near black, the ashlight only a breath -- a moon, not a ball)
vec4 chamber_moon(vec2 d, float rad, float pc, float elev) {
    vec2 u = d / rad;
    float r2 = dot(u, u);
    float cover = clamp((1.0 - sqrt(r2)) * rad / pc + 0.5, 0.0, 1.0);
    vec3 n = vec3(u, sqrt(max(1.0 - r2, 0.0)));
    vec3 l = vec3(-cos(elev), 0.0, sin(elev));
    float ndl = dot(n, l);
    // craters: a few cells on the face, each a shallow bowl with a raised rim (its normal bent)
    vec2 g = u * 3.2;
    vec2 cc = floor(g);
    vec2 hc = hash22(cc + 17.0);
    vec2 off = g - cc - 0.3 - 0.4 * hc;
    float cr = 0.16 + 0.22 * hc.y;
    float q = length(off) / cr;
    float bowl = step(0.35, hc.x) * (1.0 - smoothstep(0.9, 1.15, q));
    vec2 tilt = off / max(length(off), 1e-4) * (smoothstep(0.0, 1.0, q) * 0.55 - smoothstep(0.85, 1.1, q) * 0.9) * bowl;
    float resolved = smoothstep(2.5, 6.0, rad / pc / 3.2 * cr);       // (craters under a few pixels let go)
    vec3 nb = normalize(n + vec3(-tilt * resolved, 0.0));
    float ndlb = dot(nb, l);
    float lit = smoothstep(-0.18, 0.35, ndlb) * (0.15 + 0.85 * max(ndlb, 0.0));
    // (broad soft maria: two slow waves across the face, foreshortened to the limb)
    float maria = 0.5 + 0.25 * sin(u.x * 5.1 + u.y * 3.3 + 1.7) + 0.25 * sin(u.y * 6.7 - u.x * 2.1);
    vec3 albedo = vec3(0.10, 0.80, 0.52) * (0.62 + 0.45 * smoothstep(0.35, 0.75, maria)) * (1.0 - 0.25 * bowl * resolved);
    vec3 col = albedo * lit * (0.45 + 0.55 * pow(n.z, 0.5)) + vec3(0.002, 0.008, 0.008) * (1.0 - lit) * n.z;
    col += vec3(0.35, 1.0, 0.75) * pow(1.0 - n.z, 5.0) * smoothstep(0.1, 0.7, -u.x) * cover * 0.5;
    return vec4(col * cover, cover);
}

// An aurora curtain across the chamber: its bright foot a scalloped ring at `base` (chamber x),
// its rays reaching outward, emerald at the foot to violet at their tips.  Returns its light.
vec3 chamber_aurora(vec2 c, float base, float lobes, float phase, float pc) {
    // (round 34's readers at 9.6 s: "the sine-wave lines look placeholder-like" -- the foot was
    // one clean sinusoid drawn as a bright line: a shallower fold, a second fold across it, and
    // the hem a soft broken glow that comes and goes along it, the rays carrying the curtain)
    float foot = base + 0.24 * cos(3.14159265 * lobes * c.y) + 0.08 * cos(3.14159265 * (2.0 * lobes + 1.0) * c.y + phase);
    float h = c.x - foot;
    float w = max(0.035, 2.5 * pc);
    // the foot: a soft hem, broken along its length; below it only a breath of light
    float broken = smoothstep(0.25, 0.8, vnoise(vec2(c.y * 9.0 + phase, 3.7 * base)));
    float hem = (exp(-h * h / (w * w)) * (0.2 + 0.8 * broken) + 0.25 * exp(min(h, 0.0) / 0.04) * step(h, 0.0)) * 0.5;
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
