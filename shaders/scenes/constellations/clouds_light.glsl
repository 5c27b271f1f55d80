// The sea of cloud relit each frame from its bake (clouds_a.frag, clouds_b.frag), for the
// composite (main.frag's CLOUD_SEA): the crests lit cold by the emerald moon and warm by the
// word's starlight, silver rims where they stand against the light, deep violet shadow in the
// troughs, the glass city's emerald-cyan glow breathing up through the gaps, fog by distance
// into the night's own horizon, and a thin mist drifting over the tops.

// (round 32: speed) whole powers by multiplication -- pow() is a log and an exp per pixel on
// llvmpipe, and the lobes below take a dozen of them
float pow3(float x) { return x * x * x; }
float pow6(float x) { float x3 = x * x * x; return x3 * x3; }
float pow8(float x) { float x2 = x * x; float x4 = x2 * x2; return x4 * x4; }
float pow20(float x) { float x4 = x * x; x4 *= x4; float x16 = x4 * x4; x16 *= x16; return x16 * x4; }
float pow24(float x) { float x6 = pow6(x); float x12 = x6 * x6; return x12 * x12; }
float pow40(float x) { float x20 = pow20(x); return x20 * x20; }
float pow60(float x) { float x6 = pow6(x); float x30 = x6 * x6; x30 *= x30 * x6; return x30 * x30; }
float pow90(float x) { float x6 = pow6(x); float x30 = x6 * x6; x30 *= x30 * x6; return x30 * x30 * x30; }

// The moon's centre above the horizon (radians, about): a little less than its radius
// (MOON_R), so the far deck's haze still holds its lower limb
const float MOON_R = 0.022;
const float MOON_RISE = 0.028;

// The emerald moon seen through the night's air (added to the sky): a disc whose edge is
// crisp (antialiased by the pixel's footprint), darkened toward its limb, mottled by dark seas
// and a few bright rayed craters, so that it reads as a body with a surface -- not a flat
// pasted disc; its lower limb reddened to violet and dimmed by the long path through the
// air over the deck, and a thin streak of high haze drawn across it.
float sy2(float x) {
    return x * x;
}

vec3 moon_face(vec3 rd, vec3 md, vec3 moon_c) {
    vec3 right = normalize(cross(md, vec3(0.0, 1.0, 0.0)));
    vec3 up = cross(right, md);
    vec2 q = vec2(dot(rd, right), dot(rd, up)) / MOON_R;
    float r = length(q);
    float aa = max(fwidth(r), 1e-4);
    float disc = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, r);
    if (disc <= 0.0) {
        return vec3(0.0);
    }
    float mu = sqrt(max(1.0 - r * r, 0.0));
    // (round 28's readers: "the moon texture a blurred smudge"; round 30's: "smeared /
    // blotchy" -- three sine-warped blobs in a disc) the seas are a few broad basins whose
    // shores are broken by value noise at three scales, so they read as maria with ragged
    // coasts; the highlands carry a fine speckle of craters; a young rayed crater low on the
    // disc (all inside the disc's early out: the sky's other pixels never pay for it)
    vec2 b1 = (q - vec2(-0.22, 0.28)) * vec2(1.0, 1.3);
    vec2 b2 = (q - vec2(0.28, 0.12)) * vec2(1.3, 1.0);
    vec2 b3 = (q - vec2(0.02, -0.36)) * vec2(1.6, 1.1);
    float basins = exp(-dot(b1, b1) * 7.0) + 0.85 * exp(-dot(b2, b2) * 11.0) + 0.7 * exp(-dot(b3, b3) * 14.0);
    float coast = fbm(q * 4.3 + vec2(3.7, 1.1), 3);
    float seas = smoothstep(0.42, 0.62, basins + 0.55 * (coast - 0.5));
    float speck = fbm(q * 17.0 + vec2(9.2, 4.4), 2);
    float albedo = (1.0 - 0.5 * seas) * (0.84 + 0.3 * speck * (1.0 - 0.6 * seas));
    vec2 cq = q - vec2(-0.32, -0.58);
    float cr = length(cq);
    albedo += 0.5 * exp(-cr * cr * 600.0)
            + 0.10 * exp(-cr * 4.0) * smoothstep(0.55, 0.95, abs(sin(atan(cq.y, cq.x) * 7.0 + 1.3 * speck)));
    // a waxing gibbous: lit from the upper left, a soft terminator on the right, the dark limb
    // faintly lit by the deck's glow -- the light models a sphere, not a disc
    vec3 nrm = vec3(q.x, q.y, mu);
    float sunlit = smoothstep(-0.12, 0.3, dot(nrm, normalize(vec3(-0.8, 0.3, 0.45))));
    albedo *= 0.06 + 0.94 * sunlit;
    float limb = 0.55 + 0.45 * pow(mu, 0.6);
    // the air low over the deck: the disc's lower part through more of it, dimmer and violet
    float low = smoothstep(0.55, -1.0, q.y);
    vec3 tint = mix(vec3(0.80, 1.06, 1.0) * moon_c + vec3(0.12, 0.12, 0.10), vec3(0.30, 0.30, 0.55), 0.6 * low);
    // a thin streak of high haze across its face
    float streak = exp(-pow((q.y - 0.18 + 0.08 * q.x) * 7.0, 2.0)) * (0.7 + 0.3 * sin(q.x * 5.0 + 1.0));
    float bright = 1.7 * albedo * limb * (1.0 - 0.45 * low) * (1.0 - 0.45 * streak);
    return tint * bright * disc;
}

// (round 30's readers at 28.9 and 30.8 s: "practically the same frame") the camera moves within
// its shot without a new bake: it pushes in (a longer lens) and tilts up (the horizon sinks).
// cloud_ray shifts its image plane for the horizon, so both are exact for the baked rays: the
// screen point p under the moving lens sees the ray the bake holds at lens_to_bake(p).
// (it pushes in toward the point u_cloud_lens.z across the frame -- the moon's -- so that point
// holds still and the moon never leaves the frame: the lens's image plane shifted sideways too)
vec4 cloud_lens_view(vec4 view) {
    return vec4(view.x - u_cloud_lens.x, view.y, view.z, view.w * u_cloud_lens.y);
}
vec2 lens_shifted(vec2 p) {
    return vec2(p.x + u_cloud_lens.z * (u_cloud_lens.y - 1.0), p.y);
}
vec2 lens_to_bake(vec2 p, vec4 view) {
    return vec2(u_cloud_lens.z + (p.x - u_cloud_lens.z) / u_cloud_lens.y,
                view.x + (p.y - view.x + u_cloud_lens.x) / u_cloud_lens.y);
}

// (round 30's readers: "the water strip muddy" -- the far deck fogged to near-black read as a
// dark sea) the night's air over the deck is a luminous violet-blue, so the far ranks of domes
// pale into it layer by layer
const vec3 AIR_VIOLET = vec3(0.0065, 0.006, 0.023);

// The moon's corona (round 30's readers: "the moon flat, pasted on"): its light spread by the
// thin high haze round it -- a bright aureole close to the limb falling off softly, and a faint
// ring of diffraction colour a few radii out (emerald inside, violet outside)
vec3 moon_corona(vec3 rd, vec3 md, vec3 moon_c) {
    // (the angle from the moon's centre: acos's small-angle series, exact to a part in a
    // thousand over the corona's few radii -- acos itself is a costly call per pixel)
    float k = max(1.0 - dot(rd, md), 0.0);
    float r = sqrt(2.0 * k) * (1.0 + k / 12.0) / MOON_R;
    float out_r = max(r - 1.0, 0.0);
    vec3 c = moon_c * (0.05 * exp(-out_r * 1.1) + 0.007 * exp(-out_r * 0.3));
    c += vec3(0.10, 0.30, 0.24) * 0.035 * exp(-sy2((r - 2.7) * 1.6));
    c += vec3(0.22, 0.10, 0.35) * 0.03 * exp(-sy2((r - 3.7) * 1.3));
    // (round 30's readers: the moons "dark shells" -- the corona stopped at the limb, so the
    // disc's unlit part stood darker than the air round it) the haze in front of the moon
    // glows over its whole disc: the unlit limb melts into the aureole
    return c;
}

vec3 cloud_sea(vec3 sky, vec2 p_screen, float px) {
    vec4 view = u_cloud_view;
    vec3 rd = cloud_ray(lens_shifted(p_screen), cloud_lens_view(view));
    // (from here on p is the point of the bake's own frame that holds this pixel's ray)
    vec2 p = lens_to_bake(p_screen, view);
    vec3 moon = u_cloud_light.xyz;
    vec3 moon_c = vec3(0.42, 0.92, 0.78);
    // the moon low over the deck, hidden in its own haze: a cold glow on the night there
    // (its disc on the horizon, the far deck hiding all but its crown; its light a little higher)
    vec3 md = normalize(vec3(moon.x, 0.0, moon.z) + vec3(0.0, MOON_RISE, 0.0));
    float toward = max(dot(rd, md), 0.0);
    // (round 27: "a flat half-disc pasted on the horizon") the moon is a body: risen clear of
    // the deck, its relief, its limb, the air it shines through (moon_face)
    sky += moon_face(rd, md, moon_c);
    sky += moon_corona(rd, md, moon_c) + moon_c * 0.008 * pow40(toward);
    // (round 28's readers: "the horizon line hard, flat, slightly aliased") the air over the far
    // deck glows as the haze on it does (the aerial perspective below, at its far limit) and
    // thins upward, so the deck's edge melts into a luminous band of air, brightest under the moon
    float cm0 = dot(rd, moon);
    float az0 = max(dot(normalize(rd.xz), normalize(moon.xz)), 0.0);
    float broad0 = pow6(max(cm0, 0.0));
    vec3 haze = AIR_VIOLET * (0.6 + 0.8 * broad0)
              + moon_c * (0.006 * broad0 + 0.035 * pow20(az0) + 0.45 * pow60(max(cm0, 0.0))) * 0.8;
    float above = p.y - view.x;
    sky += haze * exp(-max(above, 0.0) * 22.0);
    if (p.y > view.x + 0.02) {
        return sky;
    }
    // the drift: the deck slides across the view, the near rows faster than the far
    // (parallax of a plane: the slide grows with the row's depth below the horizon)
    float below = max(view.x - p.y, 0.0);
    vec2 ps = vec2(p.x + u_cloud_drift * below / (view.y - 0.5 * CLOUD_TOP), p.y);
    vec2 uv = cloud_uv(ps, view);
    vec4 ga = texture(u_clouds_a, uv);
    vec4 gb = texture(u_clouds_b, uv);
    float t = ga.w;
    // (the bake's sky texels hold a height of -1 and a distance beyond the deck's last cloud:
    // the sky runs on down to the deck's far edge, below)
    float cover = smoothstep(-1.5, 1.5, (view.x - p.y) * u_cloud_lens.y * u_resolution.y);
    float h = ga.z;
    float occ = gb.z;
    // (round 26: "evenly lit grey-green domes" -- a flat key from above.  A moonlit deck is lit
    // from behind: the moon low over the far deck, the faces we see turned away from it in
    // shadow, the light coming through where the cloud is thin -- the domes' rims toward it.)
    // the moon's phase for a ray: a tight forward lobe (the glare through thin cloud) over a
    // broad one (the whole half of the view toward the moon brighter than the half away)
    float cm = dot(rd, moon);
    float fwd = pow90(max(cm, 0.0));
    float broad = pow6(max(cm, 0.0));
    float az = max(dot(normalize(rd.xz), normalize(moon.xz)), 0.0);
    // the silver lining: a dome's upper edge seen against what lies behind it (the bake's
    // texels just above hold a ray that runs on much further -- or into the sky): there the
    // cloud is a thin skin the moonlight passes through, a bright line hugging the crest
    // (round 31's lead: the nearest domes' normal softened by the lens's depth of field, the
    // lining's rim and the near domes' fringe: baked once per camera, clouds_c.frag)
    vec4 gc = texture(u_clouds_c, uv);
    vec2 nxy = gc.xy;
    vec3 n = normalize(vec3(nxy.x, sqrt(max(1.0 - dot(nxy, nxy), 0.0)), nxy.y));
    float rim = gc.z;
    float grazing = pow3(1.0 - max(dot(n, -rd), 0.0));
    // (round 31: the near crests' lining still one even bright outline) near the eye the crest
    // frays: the wisp noise tears the lining into bright thin strands and dim gaps
    float nearc = 1.0 - smoothstep(4.0, 16.0, t);
    // (round 32: an if -- the far deck, most of the frame, skips the noise)
    if (nearc > 0.0) {
        float tear = 0.5 + 0.5 * snoise(vec2(gb.x, gb.y) * vec2(6.0, 3.5) + vec2(0.07 * u_lake_phase, 0.0));
        rim *= mix(1.0, 0.08 + 1.5 * smoothstep(0.3, 0.8, tear), nearc);
    }
    float thin = max(rim, 0.1 * grazing * grazing);
    // the word's light: from the word, high over the middle of the view
    vec3 word = normalize(vec3(0.0, 0.55, 1.0));
    vec3 word_c = u_ink_lin * vec3(0.9, 0.85, 1.0);
    float lit_h = smoothstep(0.05, 0.9, h);           // the domes in the light, the troughs in shadow
    // (round 30's readers at 28.9/30.8/38 s: "grey duvet lumps, muddy and pillowy" -- a hard
    // surface lit like a sheet: a gold key on every crinkle, a glossy glaze, grey-brown shadow.)
    // Cloud is lit by what passes through it: the shadowed faces take the night's deep
    // violet-blue from above (through the body's soft normal, not every crinkle's), darkest in
    // the valleys; the moon's light comes through the thin crests and the skin toward it (the
    // silver lining, below); no gloss, no gold on the near domes.
    float soft_up = mix(0.6, n.y, 0.45);
    vec3 col = vec3(0.0045, 0.0050, 0.0200) * (0.35 + 0.65 * soft_up) * (0.25 + 0.75 * occ) * (0.25 + 0.75 * lit_h);
    // the moon's light wrapped round the bodies toward it (scattered inside them: soft, no
    // terminator line), on the half of the view toward the moon
    float lm = 0.5 + 0.5 * dot(n, moon);
    col += moon_c * 0.022 * lm * lm * lit_h * (0.3 + 0.7 * occ) * (0.1 + 0.9 * broad);
    // the tops of the heads catch the sky's light and glow faintly through (their bases dark):
    // each head a body of graded light, not a flat cut-out with a lit outline
    col += vec3(0.018, 0.024, 0.058) * lit_h * lit_h * soft_up * (0.3 + 0.7 * occ) * (0.3 + 0.7 * max(broad, pow8(az)));
    // (round 32: "lumpy like a duvet") the body's light broken into the florets of a cumulus
    // top, small heads lit from above and behind with dark creases between (baked: clouds_d.frag)
    col *= texture(u_clouds_d, uv).r;
    // the light through the thin rims: brightest toward the moon, still a cold thread away from it
    vec3 silver = mix(vec3(0.74, 0.96, 0.95), moon_c, 0.4);
    // (looking down from the wide camera the angle to the moon is wide, but along its bearing
    // the rims still stand between the eye and it)
    float lobe = max(broad, 0.6 * pow24(az));
    // (the skin's light frays in fine wisps along the crest: no even band of icing)
    // (the fray baked into the rim: clouds_c.frag)
    col += silver * thin * lit_h * (0.014 + 3.2 * lobe + 9.0 * fwd);
    // a faint warm touch of the word's light on the rims facing it
    col += word_c * 0.12 * pow3(max(dot(rd, word), 0.0)) * thin * lit_h * occ;
    // the city's glow breathing up through the gaps, and its light on the gaps' walls
    vec3 city_c = vec3(0.10, 0.85, 0.70);
    float breath = 0.7 + 0.3 * u_cloud_light.w;
    // (round 31's lead at 44 s: "the teal gap onto the city a flat patch") torn mist drifts
    // through the gap: the districts' glow shows in pools between its wisps, darker lanes across
    // (an if: the sealed deck and the domes far from a gap skip the noise)
    if (gb.w > 0.0) {
        float veil_g = 0.5 + 0.5 * snoise(vec2(gb.x, gb.y) * vec2(0.7, 0.9) + vec2(0.04 * u_lake_phase, 0.0));
        col += city_c * gb.w * 2.0 * breath * (0.15 + 1.5 * smoothstep(0.3, 0.8, veil_g));
    }
    // the valleys full of mist: the domes' tops stand out of a moonlit haze that lies in the
    // troughs (deepest there, thinning up the slopes), torn in drifting wisps -- the deck's
    // depth layers, each ridge of domes over a paler veil of the valley behind it
    // (round 32: three octaves, not four -- the fourth's wisps were finer than the haze shows)
    float m = fbm(vec2(gb.x, gb.y) * vec2(0.35, 0.7) + vec2(u_lake_phase * 0.03, 0.0), 3);
    float wisp = smoothstep(0.3, 0.75, m);
    float low_h = 1.0 - smoothstep(0.05, 0.55 + 0.25 * wisp, h);
    float mist = clamp(low_h * (0.35 + 0.65 * wisp) + 0.12 * wisp * (1.0 - lit_h), 0.0, 1.0) * 0.55;
    vec3 mist_c = vec3(0.004, 0.0045, 0.017) + moon_c * (0.004 + 0.04 * broad + 0.3 * fwd);
    col = mix(col, mist_c, mist);
    // over a near dome's silhouette its frayed skin hangs as a thin glowing veil, torn in wisps
    float fringe = gc.w;
    if (fringe > 0.0) {
        float fw = fbm(vec2(p.x * 18.0 + 9.0 * p.y, p.y * 45.0) + vec2(0.12 * u_lake_phase, 0.0), 2);
        float veil_f = fringe * smoothstep(0.3, 0.65, fw);
        vec3 glow_f = 1.4 * mist_c + silver * (0.012 + 0.9 * lobe + 3.0 * fwd) * fw;
        col = mix(col, glow_f, 0.8 * veil_f);
    }
    // tendrils of mist rising out of the troughs between the near domes: streaks stretched up
    // the screen, anchored to the deck, drifting slowly, faint and moonlit, over the slopes
    if (nearc > 0.0) {
        float tend = fbm(vec2(gb.x * 1.6 + 0.5 * gb.y, p.y * 9.0 - 0.05 * u_lake_phase), 2);
        float rising = smoothstep(0.42, 0.8, tend) * (1.0 - smoothstep(0.15, 0.85, h)) * nearc;
        col = mix(col, mist_c * 1.8 + silver * 0.008, 0.8 * rising);
    }
    // aerial perspective: the air between the eye and the far deck scatters the moon's light
    // toward us, brightest along the moon's bearing (a glow lying on the far deck under it),
    // falling away to the night's violet at the far side -- no flat band
    float fog = 1.0 - exp(-max(t, 0.0) * 0.03);
    // (to the horizon itself: the last rows meet the air's band over it, no seam)
    float skirt = 1.0 - smoothstep(0.0, 0.03, below);
    fog = min(fog, 0.85) + 0.15 * skirt;
    float bearing = pow20(az);
    // (the glow lies on the far domes' tops, the hollows between them darker: the far deck keeps
    // its modelling in the haze, never a milky slab)
    vec3 air = AIR_VIOLET * (0.6 + 0.8 * broad)
             + moon_c * (0.006 * broad + 0.035 * bearing + 0.45 * pow60(max(cm, 0.0))) * mix(0.35 + 0.9 * lit_h, 1.0, max(smoothstep(20.0, 60.0, t), skirt));
    col = mix(col, air, fog);
    // (round 30's readers: "the horizon a hard line" -- the milky way's violet glow stopped dead
    // on the dark far deck) the far deck's last rows take up the night's light behind them, as
    // thin air would: the sky's glow runs down into the haze and fades over a few rows
    float veil = 1.0 - smoothstep(0.0, 0.1, below);
    col = max(col, mix(col, 0.85 * sky, veil * veil));
    // (beyond the deck's last cloud the bake holds no cloud: there the sky and its band of air
    // run on down to the deck's far edge -- no dark strip of empty "deck" under the horizon)
    return mix(sky, col, cover * step(0.0, ga.z));
}
