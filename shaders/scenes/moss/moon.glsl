// moon.glsl -- the moss scene's emerald moon (include-only, no uniforms): round 26's readers
// at 74.2 and 80.6 s, "pillars plain cylinders under an empty flat sky", "nothing to look
// at".  One low emerald moon (the dream's "emerald moons") hangs over the avenue's far end:
// the frame's subject and its brightest highlight, a gibbous disc with relief (maria, limb
// darkening) and a crisp terminator, a halo in the mist; the glass columns bend and mirror
// it into thin bright lines (buildings.frag), so they read as glass, not plastic, and the
// far wet street lays its glade, broken by ripples, toward the eye (moss.frag).

// Over the street's far end, a little left of its axis, low (the cue's view looks down -z).
const vec3 MOSS_MOON = vec3(-0.135, 0.17, -0.976);
const float MOSS_MOON_R = 0.047;                     // its angular radius, radians
const vec3 MOSS_MOON_TINT = vec3(0.06, 0.85, 0.34);  // emerald (linear)

// The moon seen along the ray rd, pix radians a pixel, fwd the view's axis: its disc
// (antialiased round limb, a sphere lit from the right with a soft terminator, maria and
// crater relief, the dark side faint in earthshine) plus its halo.
// (round 33's readers at 78.0 and 80.7 s: "a flat decal / a cut-out", "clipped egg-shaped
// moon" -- the dark side sank into the glow, so only the gibbous lit face showed, an egg;
// and the wide lens of the second shot drew the disc out toward the frame's edge.  Now the
// whole sphere reads: its limb one clean circle on the screen, the lens's stretch undone.)
vec3 moss_moon(vec3 rd, vec3 fwd, float pix, float amount) {
    vec3 m = normalize(MOSS_MOON);
    vec3 ex = normalize(cross(m, vec3(0.0, 1.0, 0.0)));
    vec3 ey = cross(ex, m);
    vec2 uv0 = vec2(dot(rd, ex), dot(rd, ey)) / MOSS_MOON_R;
    // a rectilinear lens stretches what lies off its axis by 1/cos along the way to the
    // axis: squeeze the disc that way by cos, so it lands on the screen a circle
    float c = clamp(dot(fwd, m), 0.2, 1.0);
    vec2 w = vec2(dot(fwd, ex), dot(fwd, ey));
    w = dot(w, w) > 1e-8 ? normalize(w) : vec2(1.0, 0.0);
    vec2 uv = uv0 + w * dot(uv0, w) * (1.0 / c - 1.0);             // the disc: |uv| < 1
    float r = length(uv);
    float front = step(0.0, dot(rd, m));
    float disc = clamp((1.0 - r) * MOSS_MOON_R * c / max(pix, 1e-5) + 0.5, 0.0, 1.0) * front;
    vec3 sun = normalize(vec3(0.8, 0.3, 0.5));                  // (ex: the view's right)
    vec3 face = vec3(0.0);
    if (r < 1.05 && front > 0.0) {
        vec3 n = vec3(uv, sqrt(max(1.0 - r * r, 0.0)));          // the sphere's normal
        // the surface as a real moon's: broad soft-edged maria, fine crater speckle and a
        // few bright ray-craters, the lit face pale jade, the emerald deep in its shadows
        float maria = vnoise(uv * 1.7 + 7.0) * 0.5 + vnoise(uv * 3.6 + 3.0) * 0.3
                    + vnoise(uv * 7.9 - 2.0) * 0.2;
        float albedo = mix(1.0, 0.56, smoothstep(0.44, 0.64, maria));
        vec2 cq = uv * 17.0 + 1.7;
        float cr = vnoise(cq);
        float craters = cr * 0.55 + vnoise(uv * 37.0 + 4.1) * 0.45;
        albedo *= 0.82 + 0.32 * craters;
        albedo += 0.25 * smoothstep(0.8, 0.95, vnoise(uv * 11.0 + 9.3));
        // relief: the craters' slope tilts the normal, so near the terminator the ground
        // catches the light on one wall and shades the other (strongest there, as on a moon)
        vec2 g = vec2(vnoise(cq + vec2(0.15, 0.0)) - cr, vnoise(cq + vec2(0.0, 0.15)) - cr) / 0.15;
        vec3 nb = normalize(n - vec3(g, 0.0) * 0.07 * n.z);
        float lit = dot(nb, sun);
        // a soft terminator: the light grazes in over a band a tenth of the disc wide
        float day = smoothstep(-0.1, 0.2, lit);
        float light = day * (0.1 + 1.45 * pow(max(lit, 0.0), 0.8));
        float limb = 0.85 + 0.15 * n.z;
        vec3 jade = mix(MOSS_MOON_TINT, vec3(0.34, 1.0, 0.5), 0.25 + 0.25 * smoothstep(0.3, 0.9, lit));
        // the dark side in earthshine: faint, but over the glow beside it, so the limb
        // closes the circle all the way round
        vec3 earth = MOSS_MOON_TINT * 0.11 * (0.7 + 0.3 * albedo) * (1.0 - day);
        face = jade * albedo * limb * light + earth;
    }
    // the halo: a corona in the mist round the lit face (the light scatters from the lit
    // side, so the glow hugs it and falls off round the dark limb) and a broad aureole
    float cosa = max(dot(rd, m), 0.0);
    float a = sqrt(max(2.0 * (1.0 - cosa), 0.0)) / MOSS_MOON_R;  // angle in moon radii
    a *= r / max(length(uv0), 1e-4);                             // (the same squeeze)
    float side = 0.15 + 0.85 * smoothstep(-0.6, 0.7, dot(uv / max(r, 1e-4), normalize(sun.xy)));
    vec3 halo = MOSS_MOON_TINT * (0.07 * side * exp(-max(a - 1.0, 0.0) * 1.6) + 0.022 * exp(-a * 0.22)) * front;
    halo += vec3(0.35, 0.75, 0.6) * 0.035 * side * exp(-max(a - 1.0, 0.0) * 4.0) * front;
    // (a wide aureole lifting the sky round it, held above the horizon's mist)
    halo += vec3(0.05, 0.16, 0.14) * 0.05 * exp(-a * 0.06) * front * smoothstep(0.02, 0.14, rd.y);
    // the sphere stands in front of the glow behind it: the disc hides it
    return (face * disc + halo * (1.0 - 0.85 * disc)) * amount;
}

// The moon as the glass sees it in a reflected or refracted ray: a small hot spot, which the
// columns' curvature draws out into a thin line of light.
vec3 moss_moon_glint(vec3 rd, float amount) {
    float c = max(dot(rd, normalize(MOSS_MOON)), 0.0);
    return MOSS_MOON_TINT * (pow(c, 2400.0) * 3.0 + pow(c, 90.0) * 0.06) * amount;
}

// The moon's glade on the wet street (ground at y = 0, seen along rd): the stones' ripples
// break its reflection into a column of glints under the moon, long toward the horizon,
// fading toward the eye as the wet stone's Fresnel falls.
vec3 moss_moon_glade(vec3 rd, vec2 xz, float fp, float amount) {
    vec3 m = normalize(MOSS_MOON);
    vec3 ex = normalize(cross(m, vec3(0.0, 1.0, 0.0)));
    vec3 rr = vec3(rd.x, -rd.y, rd.z);                         // the mirrored ray
    float across = dot(rr, ex);
    float below = max(dot(normalize(m.xz), normalize(rd.xz)), 0.0);
    float width = 0.012 + 0.05 * max(-rd.y, 0.0);               // ripples widen it near the eye
    float band = exp(-across * across / (width * width)) * step(0.0, -rd.y) * below;
    float rise = asin(clamp(-rd.y, 0.0, 1.0));
    float fall = exp(-max(rise - m.y, 0.0) / 0.09);             // the glade's length below the moon
    // ripples: bright crests across it, smoothed where they get smaller than a pixel
    float rip = vnoise(xz * vec2(0.9, 6.0)) * 0.7 + vnoise(xz * vec2(2.1, 13.0) + 3.0) * 0.3;
    float crest = mix(smoothstep(0.45, 0.8, rip), 0.45, smoothstep(0.05, 0.3, fp));
    return MOSS_MOON_TINT * band * fall * crest * 0.6 * amount;
}

// Round 31's readers at 75.2 / 80.5 s: "the sky an empty flat gradient with a moon that looks
// stuck on" -- and round 32's at 74.4 / 80.2 s of round 31's strata: "stripy bands / smeared
// strips".  Soft banks of high cloud over the night: value-noise fbm on the sky plane, barely
// stretched (the plane's own perspective flattens them toward the horizon), each bank with a
// body and soft edges; lit as a volume from the moon -- the density a step toward the moon
// minus the density here is how much light reaches the face, so each bank has a bright
// silver-jade lining on its moon side and a darker belly away from it -- and from below by
// the city's moss (a faint teal underglow low in the sky).  They pass in front of the moon
// and the stars, so it sits in the sky, not on it.  rgb: the clouds' light, a: their cover.
// (fine: the fine octaves too; the light's probe toward the moon takes the broad shape only,
// which is all the shading needs -- llvmpipe pays for every octave)
float moss_cloud_density(vec2 q, bool fine) {
    q += 0.7 * vec2(vnoise(q * 0.5 + 5.0), vnoise(q * 0.5 - 3.0)) - 0.35;   // (billowed)
    float n = vnoise(q * vec2(0.42, 0.75) + vec2(1.3, 1.1)) * 0.55;
    if (!fine) {
        return n + 0.45 * 0.5;
    }
    return n + vnoise(q * vec2(1.0, 1.7) + vec2(7.1, 2.0)) * 0.28
             + vnoise(q * vec2(2.3, 3.8) + vec2(3.3, 9.0)) * 0.17;
}

vec4 moss_moon_clouds(vec3 rd, float amount) {
    float up = max(rd.y, 0.0);
    vec2 q = rd.xz / (up + 0.12);                                  // the sky plane, flattened
    // (round 34's readers at 73.3 s: "the clouds are flat" -- soft smudges of one tone: the
    // banks now have a body and a lit side: a finer billow on their edges, the moon's light
    // found with the same fine field a step toward it, so each billow is bright on the
    // moon's side and shaded on its far side, the thick cores darker than the night)
    // (the billows: a ridged finer octave that bites into the banks' edges, cauliflower,
    // only where the bank thins -- its body stays whole)
    float base_n = moss_cloud_density(q, true);
    float ridge = 1.0 - abs(2.0 * vnoise(q * vec2(3.1, 5.2) + 2.3) - 1.0);
    float n = base_n + 0.14 * (ridge - 0.6) * (1.0 - smoothstep(0.55, 0.8, base_n));
    vec3 m = normalize(MOSS_MOON);
    vec2 qm = m.xz / (m.y + 0.12);                                 // the moon on the same plane
    vec2 tm = qm - q;
    float n_lit = moss_cloud_density(q + 0.22 * tm / max(length(tm), 0.35), true);
    // near the horizon the banks shrink toward a pixel: they melt into an even haze there
    float far = smoothstep(0.03, 0.15, up);
    float body = smoothstep(0.47, 0.64, n);
    float cover = mix(0.2, body, far) * (1.0 - smoothstep(0.5, 0.95, up));
    cover *= 0.85 * amount;
    float a = sqrt(max(2.0 * (1.0 - max(dot(rd, m), 0.0)), 0.0)) / MOSS_MOON_R;   // moon radii
    // light reaching this bit of cloud from the moon: more where the cloud toward it is thin
    float lit = clamp(0.5 + 4.0 * (n - n_lit), 0.0, 1.0);
    float edge = 1.0 - smoothstep(0.25, 0.8, body);               // thin edges glow: the lining
    float thick = smoothstep(0.6, 0.85, n);
    vec3 jade = mix(MOSS_MOON_TINT, vec3(0.6, 0.88, 0.8), 0.45);
    // (round 35's readers at 81.8 s: still "flat grey cloud wisps": the moon's light reaches
    // further across the sky, and its lit side parts more from its shaded one -- a bright
    // lining, a dark core -- so each bank has form, not one grey tone)
    vec3 moonlit = jade * (0.15 * exp(-a * 0.07) + 1.0 * exp(-a * 0.3)) * (0.04 + 1.7 * lit * lit) * (0.4 + 1.0 * edge);
    // (over the disc itself the veil stays thin and dim, so the moon's terminator still reads)
    moonlit *= mix(0.15, 1.0, smoothstep(1.0, 1.8, a)) * smoothstep(0.02, 0.14, up);
    // the belly: violet-grey, darker than the night behind where the bank is thick and turned
    // from the moon, with the moss's teal glow caught low down
    vec3 belly = mix(vec3(0.011, 0.008, 0.03), vec3(0.003, 0.002, 0.010), thick * (1.0 - lit))
               + vec3(0.004, 0.022, 0.02) * exp(-up / 0.12);
    return vec4(belly + moonlit, cover);
}

// Round 33's readers at 78.0 / 80.7 s: "the horizon is empty, the sky generic".  The glass
// city goes on past the avenue: two ranks of far spires stand along the horizon in the
// mist, the nearer taller and darker, the farther lower and sunk deeper in the haze; each
// tapers to a needle and catches a hair of the moon's light down its middle.  One hashed
// cell per rank and direction (no loop); the edges antialiased to the pixel.  rgb: the
// skyline's colour, a: its cover (0 above it).
vec4 moss_far_city(vec3 rd, float pix, vec3 mist) {
    // (round 35's readers at 81.8 s: "a cut-out skyline", "the horizon a row of tiny
    // spikes": the ranks were one flat tone and a few pixels high.  Now the near rank stands
    // three times taller and sparser, its towers of several shapes -- needles, blunt shafts
    // with a setback crown, twin spires -- dark at their heads and dissolving into the
    // glowing haze at their feet (aerial perspective), the far rank low and pale behind it,
    // both against the city's light in the mist along the horizon (moss.frag).)
    float up = rd.y;
    float az = atan(rd.x, -rd.z);                   // 0 down the avenue (the seam behind)
    vec4 acc = vec4(0.0);
    for (int k = 1; k >= 0; --k) {                  // far rank first, the near over it
        float kk = float(k);
        float K = mix(40.0, 95.0, kk);              // cells a radian
        float x = az * K + 13.7 * kk;
        float cell = floor(x);
        float f = fract(x) - 0.5;
        float h = hash11(cell + 31.0 * kk + 0.5);
        float kind = hash11(cell + 5.9 + 3.0 * kk);
        float top = mix(0.008, 0.004, kk) + mix(0.050, 0.016, kk) * h * h;
        float hw = (0.10 + 0.16 * hash11(cell + 7.3 + kk)) * step(0.25, hash11(cell + 3.1 + kk));
        float px = pix * K;
        // the silhouette's half width at this height: a needle tapers over its upper half,
        // a blunt shaft steps in once near its crown, a twin splits into two points
        float s = clamp((top - up) / top, 0.0, 1.0);           // 0 at the head, 1 at the foot
        float needle = hw * clamp(s / 0.5, 0.06, 1.0);
        float blunt = hw * (s < 0.12 ? 0.55 : 1.0);
        float fx = abs(f);
        float twin_gap = hw * 0.35 * (1.0 - smoothstep(0.0, 0.3, s));   // the notch at its head
        float shape = kind < 0.45 ? needle - fx : kind < 0.8 ? blunt - fx : min(needle - fx, fx - twin_gap);
        float cov = clamp(shape / px + 0.5, 0.0, 1.0) * clamp((top - up) / pix + 0.5, 0.0, 1.0);
        // dark heads, feet sunk in the lit haze; the far rank paler throughout
        float sink = exp(-max(up, 0.0) / max(0.35 * top, pix));
        vec3 col = mist * mix(0.1, 0.6, kk);
        col = mix(col, mist * 0.95, sink * mix(0.75, 0.9, kk));
        // a hair of the emerald moon down the near towers' lit sides
        col += MOSS_MOON_TINT * 0.03 * (1.0 - kk) * smoothstep(-0.5 * hw, hw, f) * (1.0 - smoothstep(hw - 2.0 * px, hw, fx));
        acc = mix(acc, vec4(col, 1.0), cov);
    }
    return acc;
}
