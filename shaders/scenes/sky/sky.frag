#version 330 core
// sky / sky pass: the inverted kaleidoscope sky.
//
// Each pixel is rotated into the mandala's frame, shivered by the hum's radial ripple, folded
// into the fundamental wedge (sky.glsl), and there finds the nebula (the nebula pass's texture
// of the wedge) and the stars; the suns and moons come drawn by the bodies pass. The natural
// night sky is tonemapped and then carried toward its inversion by a designed OKLab transform
// (sky_invert) whose progress varies over the sky (the inversion front), so that no value of
// `inversion` is flat.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/land.glsl"
#include "../../lib/sdf.glsl"
#include "sky.glsl"
#ifdef SKY_KALEIDO
#include "kaleido.glsl"
uniform float u_kaleido_flow;   // the glass's unfolding clock (scenes/sky.py, wrapped)
#endif

uniform sampler2D u_nebula;   // the wedge's nebula, polar (nebula pass)
uniform sampler2D u_bodies;   // suns and moons, screen space (bodies pass): light, coverage
uniform vec2 u_resolution;
uniform vec2 u_centre;      // the mandala's centre on the screen (frame heights from the frame's centre)
uniform int u_frame;
uniform int u_seed;
uniform float u_sector;     // wedge angle, pi / segments
uniform float u_radius;     // sky radius the nebula texture covers
uniform float u_nebula_frac;  // the fraction of the nebula texture (each axis) that is filled
uniform vec2 u_rot;         // cos, sin of the mandala rotation (wrapped on the CPU)
uniform float u_zoom_eff;   // zoom times the hum's breath
uniform float u_twinkle;    // star twinkle clock, cycles (wrapped)
uniform vec4 u_hum;         // x: breath -1..1, y: ripple phase 0..1, z: shiver -1..1, w: hum_depth
uniform vec2 u_rot_far;     // cos, sin of the deep sky's rotation (a third of the mandala's)
uniform float u_zoom_far;   // the deep sky's zoom (it hardly moves: it is far)
uniform float u_land_shift; // how far the land has slid (screen units, the near ridge's)
uniform float u_lake_phase; // the lake's clock (seconds, wrapped)
uniform vec3 u_key_sun;     // the sun that lights the land: its place (centred frame heights), strength (0: none)
#ifdef LAND_RELIEF
uniform sampler2D u_relief_a;   // the relief's G-buffer (relief_a.frag, relief_b.frag), baked once
uniform sampler2D u_relief_b;
uniform float u_relief_shift;   // the land's slide, centred (not wrapped to 0..512): the bake's column
uniform float u_relief_u0;      // the land frame's first column the bake holds
uniform vec3 u_relief_view;     // the view the bake was made from (lib/land.glsl relief_ray)
#endif
out vec4 frag;

// One star per cell, jittered away from the cell walls so a single lookup suffices. A star's
// size is fixed in sky units (about a pixel at 1080 lines); where pixels are coarser it is drawn
// at least 0.7 px wide with its peak lowered to keep its flux, so a small render shows the same
// sky, not a sky full of grey pixel-sized stars.
vec3 star_layer(vec2 q, float cell, int layer, float px, float px1080, float gain) {
    vec2 g = q / cell;
    ivec2 c = ivec2(floor(g));
    // One 2D PCG hash: its top 24 bits place the star, the low 8 bits give brightness and tint.
    uvec2 hu = pcg2d(uvec2(c + ivec2(layer * 7919 + u_seed, layer * 104729)));
    vec2 h = hash_to_unit(hu);
    vec2 lo = vec2(hu & 255u) * (1.0 / 255.0);
    vec2 pos = (vec2(c) + 0.2 + 0.6 * h) * cell;
    vec2 d = q - pos;
    float b = lo.x * lo.x;
    b = b * b * b;                                         // most stars faint, a few bright
    // (round 34's readers at 1.9 and 21.9 s: "uniform dot stars" -- the sky's own stars and the
    // deep ones of many sizes, the brightest two or three pixels across with a soft glow)
    float size = px1080 * ((layer == 1 || layer == 3) ? 0.8 + 2.4 * b : 0.9 + 1.1 * b);
    float sigma = max(size, 0.7 * px);
    float flux = size / sigma;
    float psf = exp(-dot(d, d) / (2.0 * sigma * sigma)) * flux * sqrt(flux);
    // Twinkle: a smoothed triangle wave (cheaper than sin) with the star's own rate and phase;
    // rates are whole thousandths so the clock's wrap at 1000 cycles is seamless.
    float rate = (160.0 + floor(320.0 * lo.y)) * 0.001;
    float tw = abs(fract(u_twinkle * rate + h.x) - 0.5);
    tw = 0.72 + 1.12 * tw * tw * (3.0 - 4.0 * tw) ;
    vec3 tint = mix(vec3(0.75, 0.85, 1.0), vec3(1.0, 0.88, 0.72), lo.y);
    if (layer == 1 || layer == 3) {
        // The deep sky, seen alone round the freed pair (round 26's readers at 16.7 s: "a basic
        // starfield"): stars of their own colours -- hot blue, white, gold, a few ember-red --
        // and the brightest with a soft glow of their light round them, not even white dots.
        tint = (lo.y < 0.35) ? mix(vec3(0.55, 0.7, 1.0), vec3(0.85, 0.9, 1.0), lo.y / 0.35)
             : (lo.y < 0.8) ? mix(vec3(1.0, 0.95, 0.88), vec3(1.0, 0.78, 0.5), (lo.y - 0.35) / 0.45)
             : vec3(1.0, 0.55, 0.4);
        psf += b * 0.06 * exp(-length(d) / (5.0 * sigma));
    }
    // (round 29's readers at 2.0 s: "square-edged star sprites" -- a star's light was cut off at
    // its cell's walls; it fades out round before the nearest wall: 0.2 cells from its centre)
    // (a pixel coarser than that keeps the star's core: small renders draw it as before)
    float reach = max(0.2 * cell, 2.5 * sigma);
    psf *= 1.0 - smoothstep(0.4 * reach, reach, length(d));
    return tint * (gain * (0.03 + 3.0 * b) * psf * tw);
}

// Tonemap on luminance (extended Reinhard, white at 6): keeps the hue and saturation of the
// gold photosphere and the nebula; what leaves the gamut is desaturated at constant lightness
// by sky_gamut after the inversion. Linear HDR in, display-referred linear out (may exceed 1).
vec3 sky_tonemap(vec3 c) {
    c = max(c, 0.0);
    float y = luma(c);
    float y2 = y * (1.0 + y / 36.0) / (1.0 + y);
    return c * (y2 / max(y, 1e-6));
}

// The designed inversion: display-referred linear RGB in [0,1] -> OKLab -> the path toward the
// inverted sky at progress t -> OKLab.
//  * Lightness runs to a compressed inverse (black night -> pale pearl sky, white-gold sun ->
//    a mid-dark jewel), and halfway passes a solarisation V, so lightness contrast never
//    collapses into the flat grey of a plain mix(L, 1 - L, 0.5).
//  * The (a, b) plane turns by `turn` radians (negative: through the blues and purples, which
//    stay vivid at mid lightness; positive: through the warm hues). -130 degrees takes gold to
//    violet and lavender to emerald.
//  * Chroma fades for the dark sky (it becomes pearl, warmly tinted) and grows for mid and
//    bright colours (suns and moons become jewels); an iridescent chroma that follows
//    lightness colours the middle of the path.
vec3 sky_invert(vec3 lin, float t, float turn) {
    vec3 lab = rgb_to_oklab(lin);
    float L = lab.x;
    float e = t * t * (3.0 - 2.0 * t);
    float s = sin(PI * t);
    // (the brightest, the suns' discs and inner coronas, turn back up: luminous violet suns,
    // not dark dots)
    // The night stays deep (a dark jewel ground, for contrast), the clouds turn luminous.
    // (The clouds turn to mid-lightness jewels, not pearl: a pale inverse of the whole nebula
    // washed the frame out milky; the light is kept for the suns.)
    float Linv = mix(0.02 + 0.3 * L, 0.14 + 0.85 * L, smoothstep(0.28, 0.6, L))
               + 0.8 * smoothstep(0.68, 1.0, L) * (L - 0.55);
    float v = sqrt((2.0 * L - 1.0) * (2.0 * L - 1.0) + 0.02) - 0.55;
    float L2 = mix(L, Linv, e) + 0.40 * s * v;
    float C = length(lab.yz);
    vec2 dir = lab.yz / max(C, 0.006);
    float gain = mix(0.9, 1.9, smoothstep(0.14, 0.45, L));
    float Cg = C * mix(1.0, gain, e);
    Cg = mix(Cg, 0.19 * tanh(Cg / 0.19), e);                  // soft ceiling: jewels, not neon
    float Cn = Cg + e * 0.11 * smoothstep(0.5, 0.95, L);
    vec2 ab = rot2(turn * e) * dir * Cn;
    ab += e * (1.0 - smoothstep(0.15, 0.45, L)) * 0.055 * vec2(0.259, -0.966);  // the night turns to pale lilac-ice (hue 285 deg), not beige
    float hh = 4.4 + 1.9 * L;
    ab += s * 0.07 * vec2(cos(hh), sin(hh));
    // (dark colours hold little chroma: trimmed here, most pixels stay inside the gamut and
    // skip sky_gamut's bisection, which the darker inverted clouds would otherwise run)
    ab *= mix(1.0, clamp(L2 * 2.4, 0.25, 1.0), e);
    return vec3(L2, ab);
}

// Gamut clip by chroma bisection (Ottosson-style, constant L and hue); the loop bound depends on
// the pixel so blocks already inside the gamut run it once (masked) rather than `steps` times,
// and its exit is tested at the end too (shaders/README.md).
vec3 sky_gamut(vec3 lab, int steps) {
    lab.x = clamp(lab.x, 0.0, 1.0);
    vec3 rgb = oklab_to_rgb(lab);
    bool inside = colour_in_gamut(rgb);
    float lo = 0.0;
    float hi = 1.0;
    int n = inside ? 0 : steps;
    for (int k = 0; k < n; ) {
        float mid = 0.5 * (lo + hi);
        if (colour_in_gamut(oklab_to_rgb(vec3(lab.x, lab.yz * mid)))) lo = mid; else hi = mid;
        if (++k >= n) {
            break;
        }
    }
    return inside ? rgb : clamp(oklab_to_rgb(vec3(lab.x, lab.yz * lo)), 0.0, 1.0);
}

#ifdef SKY_LAND
// Wind on the water (round 29's readers at 2.0 and 21.5 s: "the sun's reflection undisturbed"):
// rows of small ripples, in perspective, that shift the mirrored point -- across a little (the
// bodies' images tremble) and up and down more (the sun's column breaks into bright streaks and
// dark gaps), growing toward the viewer.  Rows finer than a couple of pixels (toward the shore)
// are let go, so they never shimmer.  p: the water pixel; depth: lake_at's x; aa: a pixel.
vec2 lake_wind(vec2 p, float depth, float phase, float aa) {
    float z = 1.0 / (max(depth, 0.0) + 0.006);
    float rows = 7.0;                                           // (ripple rows per unit of z)
    float resolved = 1.0 - smoothstep(0.25, 0.6, rows * z * z * aa);   // (a row's height in pixels > ~2)
    float wob = 5.0 * vnoise(vec2(p.x * 11.0 + 0.3 * phase, z * 0.6));
    float a = sin(rows * z - 2.1 * phase + wob);
    float b = sin(1.7 * rows * z + 1.3 * phase + 23.0 * p.x + 0.5 * wob);
    float amp = depth * resolved;
    // (round 32's readers: "glyph-like flecks on the water", "the reflection breaks into bands"
    // -- the rows shift the mirrored point less: the images ripple, whole, not torn into scraps)
    // (round 32's readers at 7.9 s: "the sun's reflection deformed into a lumpy, smeared double
    // blob", "the stars reflect as smeared streaks" -- the rows' lift, growing with depth, squashed
    // the image's lower half and stretched each star down the water: a fifth of it now, so the
    // mirrored sun stays whole, its edge softly rippled, and a star stays a point)
    return vec2(0.005 * (0.6 * a + 0.4 * b), 0.016 * (0.65 * a + 0.35 * b) * (0.3 + 0.7 * smoothstep(0.05, 0.3, depth))) * amp;
}

// The great sun's light laid broad on the water (lib/land.glsl's lake_key_glow, round 23), its
// pool's edge softened: round 29's readers at 2.0 s saw "faint ghost arcs" -- the Gaussian
// widening toward the viewer under a falling light drew an elliptic rim across the lake.  A
// Lorentzian across and a gentler fall toward the viewer: the same light, no edge.
vec3 lake_pool(vec2 p, vec3 w, vec3 key) {
    float d = max(w.x, 0.0);
    float x = (p.x - key.x) / (0.3 + 0.8 * d);
    float under = 1.0 / (1.0 + x * x);
    return LAND_KEY * key.z * smoothstep(0.0, 0.06, d) * under * (0.10 + 0.08 * w.y) * exp(-d * 4.0);
}

// Mist on the near water (round 32's readers at 0.6 s: "the bottom third / lower half is an
// empty black void"): where the mirror fades into the deep dark water, low wisps of fog drift
// over it, drawn in perspective (long and thin far off, broad near), lit lilac under the sun and
// a faint cold violet away from it -- the lower third holds air and light, the water's dark
// still showing between the wisps.  p: the water pixel; w: lake_at's answer; phase: seconds.
// Glints (round 34's readers at 1.9 s: the lower third "stock wallpaper"): the sun's path on
// the water broken into sparks -- cells of the water in perspective (wide far off, tall near),
// one in a few holding a short-lived spark, on the path under the sun, brightest toward the
// shore; cells smaller than a few pixels let go (no shimmer far off).
vec3 lake_sparks(vec2 p, vec3 w, vec3 key, float phase, float aa) {
    float d = max(w.x, 0.0);
    float z = 1.0 / (d + 0.02);
    float x = (p.x - key.x) / (0.06 + 0.45 * d);
    float path = exp(-x * x) * key.z * smoothstep(0.004, 0.03, d);
    if (path < 0.01) {
        return vec3(0.0);
    }
    vec2 g = vec2(p.x * z * 9.0, z * 5.0);
    vec2 c = floor(g);
    vec2 f = g - c - 0.5;
    vec3 h = hash33(vec3(c, floor(phase * 1.3 + 7.0 * hash12(c))));
    float size = 0.05 + 0.06 * h.y;
    vec2 e = f / vec2(size * 3.0, size * 0.7);
    float spark = step(0.8, h.x) * exp(-dot(e, e));
    float resolved = smoothstep(2.0, 5.0, 1.0 / (9.0 * z * aa));
    return LAND_KEY * vec3(1.3, 1.2, 1.0) * spark * path * resolved * (0.5 + 1.5 * h.z) * 0.9;
}

// The near shore (round 34's readers: the lake's lower third "stock wallpaper"): a foreground
// of dark rocks in silhouette along the frame's foot -- boulders and a low ledge, black against
// the lit water, their tops rimmed by the low sun's light (on the side toward it) and the sky's.
// They slide with the view twice as fast as the near ridge (parallax: near).  Over `lin`.
vec3 near_shore(vec3 lin, vec2 p, vec3 key, float amount, float shift, float aa) {
    if (p.y > -0.5 + 0.15 * amount) {
        return lin;                       // (above the tallest rock: the lake's pixels pay nothing)
    }
    float x = p.x + 2.0 * shift;
    // (round 34's readers at 0.7 s: "a black blob fills the foreground" -- the ledge ran the
    // frame's width as one dark band: it lies lower, the boulders stand apart on it, water and
    // its glints between them)
    float base = -0.5 + amount * (0.012 + 0.018 * fbm(vec2(x * 2.2, 4.1), 2));
    // boulders: rounded tops in cells along the shore
    float cx = floor(x * 5.0);
    float boulders = -1.0;
    float side = fract(x * 5.0) < 0.5 ? -1.0 : 0.0;
    for (int k = 0; k <= 1; ++k) {
        float cc = cx + side + float(k);
        vec2 h = hash22(vec2(cc, 11.0));
        float bx = (cc + 0.2 + 0.6 * h.x) / 5.0;
        float bw = 0.05 + 0.07 * h.y;
        float u = (x - bx) / bw;
        // (a rock's broken top, not a dome: one steep side, one long, its crown rough)
        float su = u < 0.0 ? -u * (0.6 + 0.8 * h.y) : u * (1.6 - 0.8 * h.y);
        float top = -0.5 + amount * (0.045 + 0.08 * h.y * h.x) * pow(max(1.0 - su * su, 0.0), 0.45) * (0.85 + 0.3 * vnoise(vec2(x * 9.0, h.y * 7.0)));
        boulders = max(boulders, h.x > 0.45 ? top : -1.0);
    }
    float edge = max(base, boulders) + amount * (0.018 * fbm(vec2(x * 16.0, 1.3), 2) - 0.008);
    float below = edge - p.y;
    float cover = smoothstep(-aa, aa, below);
    if (cover <= 0.0 && below < -0.02) {
        return lin;
    }
    float toward = exp(-pow((p.x - key.x) / 0.5, 2.0)) * key.z;
    vec3 rock = vec3(0.0016, 0.0014, 0.0032) * (1.0 + 0.5 * vnoise(vec2(x * 25.0, p.y * 25.0)));
    // the rim: a thin lit lip along the top, brightest toward the sun
    float rim = exp(-max(below, 0.0) / (1.6 * aa)) * cover;
    rock += rim * (vec3(0.01, 0.011, 0.025) + LAND_KEY * 0.22 * toward);
    // wet tops: the faces turned up catch the sky's light and the sun's, a sheen fading down
    // the rock, broken by cracks (ridged noise, steep) -- stone, not a cut-out
    float crack = 1.0 - abs(2.0 * vnoise(vec2(x * 34.0, p.y * 9.0)) - 1.0);
    float sheen = exp(-max(below, 0.0) / 0.014) * (0.45 + 0.55 * vnoise(vec2(x * 60.0, p.y * 40.0)))
                * (1.0 - smoothstep(0.8, 0.95, crack));
    rock += sheen * (vec3(0.0035, 0.0035, 0.009) + LAND_KEY * 0.03 * toward);
    return mix(lin, rock, cover);
}

vec3 lake_near_mist(vec2 p, vec3 w, vec3 key, float phase) {
    float d = max(w.x, 0.0);
    float z = 1.0 / (d + 0.05);
    vec2 uv = vec2(p.x * z * 0.9 + 0.035 * phase, z * 1.6);
    float n = 0.65 * vnoise(uv) + 0.35 * vnoise(uv * vec2(2.3, 1.9) + 5.3);
    float wisp = smoothstep(0.3, 0.85, n) * smoothstep(0.06, 0.3, d);
    float x = (p.x - key.x) / (0.35 + 0.7 * d);
    float under = 1.0 / (1.0 + x * x);
    vec3 light = vec3(0.007, 0.008, 0.019) + LAND_KEY * key.z * (0.010 + 0.065 * under);
    return light * wisp;
}
#endif

// The shore's light (lib/land.glsl's shore_light, round 24) without its drawn line: round 32's
// readers at 1.7-22 s saw "a seam line at the horizon" -- the pixel-thin bright rule under the
// water line.  The far shore's foot stands in its low bank of mist as before (aerial haze at
// the ranges' foot, its mirror fainter); the still water's grazing sheen is a soft band a few
// pixels deep, faint, broken by the bank's drift -- light on water, not a line.
vec3 sky_shore(vec2 p, float level, vec3 key, float aa, float phase) {
    float above = p.y - level;
    float under = exp(-pow((p.x - key.x) / 0.55, 2.0));
    vec3 air = vec3(0.022, 0.026, 0.056) + LAND_KEY * (0.03 + 0.09 * under) * key.z;
    float drift = 0.55 + 0.45 * vnoise(vec2(p.x * 7.0 + 0.04 * phase, 1.7));
    // (the bank a soft layer of haze, twice as deep and half as bright, its cusp at the water
    // rounded: main's sharp cusp drew a line of its own)
    float bank = 0.5 * exp(-sqrt(above * above + 1e-4) / (0.045 * drift)) * (above > 0.0 ? 1.0 : 0.12) * drift;
    float sheen = exp(-pow((above + 3.0 * aa) / (3.5 * aa), 2.0)) * step(above, 0.0);
    vec3 glint = (vec3(0.008, 0.008, 0.02) + LAND_KEY * (0.008 + 0.08 * under) * key.z) * drift;
    return air * bank + glint * sheen;
}

#ifdef LAND_RELIEF
// Most of the rim lib/land.glsl's relief_light lays on every silhouette, as that function lit
// it (its shade and fog applied), to be taken back out: round 34's readers at 0.7 and 22.7 s saw
// "embossed halo edges on the mountains" -- a pale thread round every range, near or far, in
// shadow or not.  Kept only under the low sun, where a backlit crest does wear one.
vec3 relief_edge_rim(vec2 lf, vec4 ga, vec4 gb, vec3 key, vec2 sp, float dist) {
    float inv = 1.0 / max(ga.a, 1e-3);
    vec2 nxz = ga.xy * inv * 2.0 - 1.0;
    vec3 n = vec3(nxz.x, sqrt(max(1.0 - dot(nxz, nxz), 0.0)), nxz.y);
    vec3 rd = relief_ray(lf, u_relief_view);
    float rim = exp(-abs(dot(n, rd)) * 12.0) * smoothstep(0.92, 0.6, n.y) * ga.z * inv;
    float reach = land_key_reach(sp.x, key);
    vec3 lit = 1.25 * vec3(0.05, 0.05, 0.11) + LAND_KEY * (0.3 * key.z + 0.7 * reach) * (1.0 - reach);
    float shade = mix(0.35, 1.0, smoothstep(2.2, 3.6, dist));
    float fog = 1.0 - exp(-max(dist - 1.5, 0.0) * 0.12);
    return 0.85 * rim * lit * shade * shade * (1.0 - fog);
}

// The ranges as rock, not "plastic lavender, low in detail" (round 29's readers at 2.0 and 21.5
// s): over relief_light's answer (landed, over the sky `sky`), the land's own colour is carved
// by eroded gullies running down the slopes (ridged noise in the land frame, so they travel
// with it; finer and fainter with distance, gone where the haze has the range), the near ranges
// darker than the far (layers of haze between them), and the faces in front of the low violet
// sun in their own shadow -- seen against the light, dark, their crests' thread bright.
vec3 relief_rock(vec3 landed, vec3 sky, vec2 lf, vec4 ga, vec4 gb, float crest, vec2 sp, vec3 key) {
    float cov = ga.a;
    if (cov <= 0.001) {
        return landed;
    }
    vec3 col = (landed - sky * (1.0 - min(cov, 1.0))) / max(min(cov, 1.0), 1e-3);
    float inv = 1.0 / max(cov, 1e-3);
    float enc = gb.x * inv;
    float dist = enc * enc * RELIEF_FAR;                       // (km)
    float near = exp(-dist / 16.0);
    col -= relief_edge_rim(lf, ga, gb, key, sp, dist);
    // gullies: ridged noise stretched down the slope, scaled with distance
    float sc = 1.0 / (0.35 + 0.08 * dist);
    vec2 g = vec2(lf.x * 140.0 * sc, lf.y * 24.0 * sc);
    // (noise cells under ~3-5 pixels let go: no shimmer at small sizes)
    float resolved = 1.0 - smoothstep(0.18, 0.35, 140.0 * sc / u_resolution.y);
    g.x += 2.5 * vnoise(g * vec2(0.15, 0.6) + 3.1);
    float r1 = 1.0 - abs(2.0 * vnoise(g) - 1.0);
    float r2 = 1.0 - abs(2.0 * vnoise(g * 2.3 + 7.7) - 1.0);
    float gully = r1 * r1 * 0.65 + r2 * r2 * 0.35;
    // (on the steep faces only, where water cuts them: a flat shelf or a gentle shoulder stays
    // smooth -- the gullies everywhere read as a curtain's stripes at 1:1)
    vec2 nxz = ga.xy * inv * 2.0 - 1.0;
    float steep = smoothstep(0.25, 0.65, length(nxz));
    col *= mix(1.0, 0.62 + 0.5 * gully, near * resolved * steep);
    // (round 34's readers at 1.9 s: "blobby mountains low on detail") the rock is bedded:
    // strata run level across the faces, tilted a little and broken by the noise, so each
    // steep face shows ledges; above a ragged snowline the shelves and gentle slopes (facing
    // up) hold snow, pale and cold, catching the sky's light and the low sun's rim on the crests
    float hgt = gb.y * inv * 2.5;                              // (km)
    float ny = sqrt(max(1.0 - dot(nxz, nxz), 0.0));
    float bed = 0.5 + 0.5 * sin(hgt * 38.0 + 0.9 * lf.x * 14.0 + 3.0 * gully);
    float bed_seen = 1.0 - smoothstep(0.1, 0.3, 14.0 * sc / u_resolution.y * 6.0);
    col *= mix(1.0, 0.62 + 0.65 * bed * bed, near * steep * bed_seen * resolved);
    float line = 0.45 + 0.08 * sin(lf.x * 23.0) + 0.07 * sin(lf.x * 51.0 + 1.3) + 0.25 * (gully - 0.5);
    float snow = smoothstep(line, line + 0.1, hgt) * smoothstep(0.5, 0.8, ny);
    float lum = dot(col, vec3(0.3, 0.5, 0.2));
    vec3 snow_col = vec3(0.55, 0.6, 1.0) * (0.012 + 2.6 * lum) + LAND_KEY * key.z * 0.06 * (0.3 + crest);
    col = mix(col, snow_col, 0.8 * snow * (0.35 + 0.65 * near));
    // the layers: the near ranges darker, the far ones left in their haze
    col *= mix(1.0, 0.5, near);
    // against the light: under the sun the faces in shadow, the crest's thread kept
    // (round 32's readers at 18.3 s: "plain purple plastic" -- the peaks before the sun were
    // lit lilac: against the light they are near-black silhouettes, wider round it)
    float under = exp(-pow((sp.x - key.x) / 0.3, 2.0)) * key.z;
    col *= 1.0 - 0.8 * under * (1.0 - crest);
    return mix(sky, col, min(cov, 1.0));
}
#endif

void main() {
    float breath = u_hum.x;
    float depth = u_hum.w;
    // The lake (lib/land.glsl): a pixel on the water is shaded as the point of the view it
    // mirrors (fc), then laid on the water at the end -- one point shaded per pixel either way.
    vec2 here = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 fc = gl_FragCoord.xy;
    // (round 34's readers at 0.7 s: "stars painted over the water" -- the mirror gave back every
    // star as crisp as in the sky, so the lake read as the sky laid over it: on the water the
    // stars' light is gone, the lake holding only the bodies, the ranges and the glow)
    float starlit = 1.0;
#if defined(SKY_LAND) && !defined(SKY_NO_LAKE)
    float level = u_lake_level + u_horizon;
    bool on_lake = u_lake > 0.0 && here.y < level;
    vec3 wave = vec3(-1.0, 0.0, 0.0);
    if (on_lake) {
        starlit = 0.0;
        wave = lake_at(here, level, u_lake_phase);
        vec2 src = lake_source(here, level, u_lake_phase, wave);
        src += lake_wind(here, wave.x, u_lake_phase, 1.0 / u_resolution.y);
        // (round 32's readers: "glyph-like flecks on the water" -- the ripple lines lifted the
        // mirrored point by a fixed step, cutting a moon's image into scraps: most of it given back)
        src.y -= 0.014 * wave.y;
        fc = src * u_resolution.y + 0.5 * u_resolution;
    }
#endif
    vec2 sky = sky_point(fc, u_resolution, u_rot, u_hum, u_zoom_eff, u_centre);
    float px = 1.0 / (u_resolution.y * u_zoom_eff);
    float ang;
    vec2 q = sky_fold(sky, sky_theta(sky), u_sector, ang);
    float r = length(sky);

    // Nebula from the wedge texture.
    // (The nebula pass fills the lower-left u_nebula_frac of its target; stay half a texel
    // inside it so the bilinear filter never reaches the unfilled rest.)
    vec2 half_texel = 0.5 / vec2(textureSize(u_nebula, 0));
    vec2 nuv = clamp(vec2(ang / u_sector, r / u_radius) * u_nebula_frac, half_texel, u_nebula_frac - half_texel);
    vec4 neb = texture(u_nebula, nuv);
    // (drawn once, the bodies leave the pole bare: there the fold crushes the clouds into a
    // tiny spoked wheel, so they thin out into a dark, calm eye)
    neb.rgb *= mix(1.0, smoothstep(0.02, 0.10, r), 1.0 - u_mirror_bodies);
    float dens = neb.a;

    // Night background: deep blue-black with a faint glow toward the centre.
    vec3 col = vec3(0.0045, 0.0065, 0.020) + vec3(0.020, 0.014, 0.050) * exp(-r * r * 5.0);
    col += neb.rgb;

    // The inversion front: inversion reaches the centre and the dense clouds first.
    float field = clamp(0.62 * smoothstep(0.0, 0.95, r) + 0.38 * (1.0 - dens) + 0.03 * depth * breath, 0.0, 1.0);
    float spread = 1.6 * u_dissolve;
    float t = clamp(u_inversion * (1.0 + spread) - spread * field, 0.0, 1.0);

    // Stars (fewer where the nebula is dense, as if veiled). Where the sky has inverted they
    // would turn into coarse dark specks, so they fade to fine dust there.
    // They also fade where they would straddle a mirror line: a star cut by the fold shows as
    // a pair, and a row of pairs draws the mirror's seam.
    float veil = (1.0 - 0.55 * dens) * (1.0 - t) * (1.0 - t);
    float to_mirror = r * min(ang, u_sector - ang);     // (the arc: close enough where it matters)
    veil *= smoothstep(0.004, 0.016, to_mirror);
    // ... and near the centre, where the fold repeats every star in a tight ring of copies.
    veil *= smoothstep(0.06, 0.28, r);
    float px1080 = 1.0 / (1080.0 * u_zoom_eff);
    vec3 st = star_layer(q, 0.045, 1, px, px1080, 1.0);
    // A second, denser layer gathers in the gas like star clouds (off at low quality).
    st += star_layer(q, 0.019, 2, px, px1080, (0.2 + 0.7 * smoothstep(0.1, 0.7, dens)) * step(0.34, u_quality));
    col += st * veil * u_stars * starlit;

    // Suns and moons: moons hide the sky behind them, suns add their light.
    vec4 bodies = texelFetch(u_bodies, clamp(ivec2(fc), ivec2(0), ivec2(u_resolution) - 1), 0);
#if defined(SKY_LAND) && !defined(SKY_NO_LAKE)
    // (round 32's "green lily pads": a moon's image low on the near water -- the bodies' images
    // fade out on the water sooner than the rest of the mirror, all but the great sun's column,
    // kept whole: round 32's "deformed" sun at 7.9 s)
    if (on_lake && u_key_sun.z > 0.0) {
        bodies *= 1.0 - smoothstep(0.13, 0.22, wave.x) * smoothstep(0.1, 0.14, abs(here.x - u_key_sun.x));
    }
#endif
    col = col * (1.0 - clamp(bodies.a, 0.0, 1.0)) + max(bodies.rgb, 0.0);

    // Gentle vignette, then tonemap into display-referred linear light.
    vec2 sp = centered_uv(fc, u_resolution);
    // (round 29's readers at 2.0 s: "ghost arcs" -- taken at the mirrored point, the corners'
    // darkening drew its circle as an arc across the lake: it is the eye's, at the pixel)
    col *= 1.0 - 0.75 * smoothstep(0.45, 1.05, length(here));     // (dark corners: no blotches there)
    col = sky_tonemap(col * u_exposure);

    vec3 lab = sky_invert(col, t, radians(u_hue_turn));
    vec3 lin = sky_gamut(lab, 3 + int(u_quality * 4.0));     // (1/128 .. 1/8 of the chroma: ample)
    // The filament veil (round 14's lead: "a garish, scraggly green tangle"): its dim gas,
    // inverted, is all teal; part of it turns violet (by the gas's own structure, so emerald
    // and violet threads interleave), at its own lightness -- never the suns and moons in front.
    if (u_filaments > 0.0) {
        float gas = u_filaments * t * smoothstep(0.05, 0.5, dens) * (1.0 - clamp(bodies.a, 0.0, 1.0))
                  * (1.0 - smoothstep(0.15, 0.4, luma(lin)));
        // (round 26: a sawtooth of the density drew hard-edged zebra stripes across the dim gas
        // by the sun at 16.7 s; a smooth wave of it, half as fine, interleaves without edges)
        float part = smoothstep(0.25, 0.75, 0.5 + 0.5 * sin(6.2831853 * (2.0 * dens + 0.15 * ang / u_sector)));
        lin = mix(lin, luma(lin) * vec3(1.5, 0.55, 2.4), 0.9 * gas * part);
    }
    // The inverted sky keeps true blacks at the frame's edges: the fold's far clouds, turned
    // light, were blotches in the corners.
    // (toward a night of deep blue-black, not to zero)
    lin = mix(lin, vec3(0.0018, 0.0016, 0.0055), t * 0.94 * smoothstep(0.5, 1.0, length(here)));
    // ... and so does the mandala's far side when it lies off centre (its far, turned clouds
    // would otherwise fill half the frame with blotches): one hero wheel, dark sky round it,
    // where the deep sky's stars (below) show.
    // (the bodies themselves stay: the outer ring's moons, near and large, hang in front of
    // that dark, not murky in it)
    lin = mix(lin, vec3(0.0018, 0.0016, 0.0055), u_mirror_bodies * smoothstep(0.55 - 0.05 * u_depth, 0.88 - 0.14 * u_depth, r * u_zoom_eff) * (1.0 - smoothstep(0.80, 0.82, bodies.a)));
    // (only the discs: a moon's shadow veil, at most 0.8, goes dark with the sky round it)

#ifdef SKY_KALEIDO
    // (round 28: "the sky is a KALEIDOSCOPE of inverted colours" and the film showed none;
    // rounds 29-33 drew the sky's gas mirrored in rings round the great sun: "a screensaver")
    // (round 34's readers at 12.8 s: "hard concentric ring seams and flat teal wedges look like
    // a screensaver filter" -- the rings of mirrored gas and their graded panes are gone: the
    // whole frame is the object chamber of kaleido.glsl, the sky's own suns, moons, aurora and
    // stars folded into a fine many-faceted mandala, its mirrors' joins a soft thread of light)
    {
        float rs = r * u_zoom_eff;                                   // (screen heights from the pole)
        // (beyond the mandala's round edge, `disc` below, the chamber is not seen: not shaded)
        if (rs < 0.78) {
        // (the chamber between twice the scene's mirrors: 4 x segments images round the pole)
        float S2 = 0.5 * u_sector;
        float yy = abs(ang - S2);
        vec2 c = vec2(log(max(r, 1e-4)) / S2 - 2.0 * u_kaleido_flow, 1.0 - yy / S2);
        float pc = px / max(r * S2, 1e-6);                           // (a pixel, in chamber units)
        float ix = floor(0.5 * c.x);
        vec2 cc = vec2(c.x - 2.0 * ix, c.y);                         // (x 0..2 across its cell)
        uvec2 hu = pcg2d(uvec2(ivec2(int(ix) + 4096, u_seed + 77)));
        vec2 h1 = hash_to_unit(hu);
        vec2 h2 = hash_to_unit(pcg2d(hu ^ uvec2(0x9E37u, 0x85EBu)));
        // (every light windowed inside its cell: no ring where two cells meet)
        float win = smoothstep(0.0, 0.3, cc.x) * (1.0 - smoothstep(1.7, 2.0, cc.x));
        float sun = 1.0 / (1.0 + pow(rs / 0.3, 2.0));
        vec3 k = vec3(0.0);
        k += chamber_aurora(cc, 0.62 + 0.16 * h2.x, 1.0 + floor(2.0 * h2.y), 6.2831853 * h1.x + 3.0 * u_kaleido_flow, pc) * 0.6;
        // (its suns let go where they would be a few pixels: a ring of white points round the pole)
        k += chamber_sun(cc - vec2(1.0 + 0.2 * h1.x, step(0.5, h1.y)), 0.10 + 0.10 * h2.y, pc) * smoothstep(30.0, 70.0, 1.0 / pc);
        // (fewer and smaller moons: one cell in two holds one -- "busy", round 34)
        vec4 mo = vec4(0.0);
        if (fract(h1.y * 7.31 + h2.x) >= 0.5) {     // (a cell's own choice: the branch is coherent)
            mo = chamber_moon(cc - vec2(1.42 + 0.08 * h2.x, 0.3 + 0.4 * h2.y), 0.09 + 0.06 * h1.x, pc, 0.05 + 0.4 * h2.y);
        }
        float px1080c = px1080 / max(r * S2, 1e-6);
        // (round 34's readers at 9.6 s: "blocky white pixel-square sparkles around the sun" --
        // toward the pole a chamber's star is a pixel, repeated round every mirror: only where
        // a chamber cell spans well over a hundred pixels do its stars show)
        vec3 st = star_layer(c, 0.2, 3, pc, px1080c, 1.2) * smoothstep(60.0, 160.0, 1.0 / pc);
        // (behind, a finer chamber of twice the facets: violet curtains drifting slower -- depth)
        float yy2 = abs(yy - 0.5 * S2);
        vec2 c2 = vec2(log(max(r, 1e-4)) / (0.5 * S2) - 2.6 * u_kaleido_flow + 0.7, 1.0 - yy2 / (0.5 * S2));
        float ix2 = floor(0.5 * c2.x);
        vec2 cc2 = vec2(c2.x - 2.0 * ix2, c2.y);
        vec2 h3 = hash_to_unit(pcg2d(uvec2(ivec2(int(ix2) + 9000, u_seed + 5))));
        float win2 = smoothstep(0.0, 0.3, cc2.x) * (1.0 - smoothstep(1.7, 2.0, cc2.x));
        vec3 back = chamber_aurora(cc2, 0.7 + 0.3 * h3.x, 1.0 + floor(2.0 * h3.y), 6.2831853 * h3.y, 2.0 * pc).g
                  * vec3(0.55, 0.22, 1.0) * 0.3 * win2 * smoothstep(24.0, 60.0, 1.0 / pc);
        k = (back + (k + st) * win) * (1.0 - mo.a * win) + mo.rgb * win;
        // (a cell under ~20 px, toward the pole, lets its detail go into the sun's haze)
        float crisp = smoothstep(24.0, 60.0, 2.0 / pc);
        vec3 haze = vec3(0.30, 0.14, 0.72) * 0.35 * sun;
        k = mix(haze, k, crisp);
        // the mirrors' joins: a soft glow, brighter where a light crosses it -- no drawn line (a
        // pixel-thin thread read as a seam across the frame at 1920x1080, far from the pole)
        float dpx = min(c.y, 1.0 - c.y) / pc;
        k += vec3(0.75, 0.7, 1.0) * exp(-dpx / 8.0) * 0.02 * (0.2 + 2.5 * luma(k)) * crisp;
        // the ground between the lights: the sky's air, violet round the great sun, deep indigo out
        // (the gas of the sky's own wedge, mirrored across the cells: colour fields, not a flat wash)
        float tri = abs(fract(0.25 * c.x) * 2.0 - 1.0);
        float gas = texture(u_nebula, clamp(vec2(c.y, 0.2 + 0.5 * tri) * u_nebula_frac, half_texel, u_nebula_frac - half_texel)).a;
        gas = smoothstep(0.05, 0.6, gas);
        vec3 ground = mix(vec3(0.005, 0.002, 0.016), vec3(0.012, 0.018, 0.045), gas) * (0.2 + 1.4 * sun) * (0.4 + 0.9 * gas);
        k = (k + ground) * (1.0 - 0.85 * smoothstep(0.5, 1.05, length(sp)));    // (dark corners)
        // (round 34's readers at 9.6 s: "busy and unbalanced, mandala on one side only" -- the
        // chamber filled the frame, its outer cells stretched into waves across the far side:
        // the mirrors' image is one round mandala now, fading out into the night round it)
        float disc = 1.0 - smoothstep(0.4, 0.78, rs);
        k *= disc;
        float ba = clamp(bodies.a, 0.0, 1.0);
        // (the sun, at the pole, stays in front, its corona through the glass)
        float keep = max(mix(0.08, 1.0, 1.0 - smoothstep(0.10, 0.30, rs)), 1.0 - disc);
        vec3 seen = mix(k + lin * keep, lin, ba);
        lin = mix(lin, seen, u_kaleido);
        }
    }
#endif

    // The kaleidoscope's pole, a luminous heart (round 14's reader: "a dark smudge"): a small
    // white-violet core, a violet halo whose rays follow the wedge's mirror symmetry, an emerald
    // ring, the nearest gas lit from within.  Added after the inversion so it stays light.
#ifndef SKY_LEAN
    if (u_pole_glow > 0.0) {
        float rs = r * u_zoom_eff;                                  // (screen heights from the pole)
        float wedge = ang / u_sector;                               // (0..1 across the wedge)
        float rays = pow(0.5 + 0.5 * cos(6.2831853 * wedge), 6.0);  // (one ray per mirror image)
        float gas = 0.5 + 1.2 * dens;
        vec3 heart = vec3(1.00, 0.88, 1.00) * exp(-pow(rs / 0.018, 2.0))
                   + vec3(0.42, 0.20, 0.80) * exp(-rs / 0.06) * (0.55 + 0.45 * rays) * gas
                   + vec3(0.13, 0.05, 0.26) * exp(-rs / 0.22) * (0.6 + 0.6 * rays)
                   + vec3(0.03, 0.22, 0.14) * exp(-pow((rs - 0.13) / 0.045, 2.0)) * gas;
        heart *= 1.0 + 0.12 * breath;                               // (it breathes with the hum)
        lin += u_pole_glow * heart * (1.0 - clamp(bodies.a, 0.0, 1.0));
    }
#endif

    // The key sun's glare in the air (round 18's reader: "suns look like pasted-on sprites"):
    // a broad violet haze round it, lying over the clouds and the stars, so it shines in the
    // sky's air and not on top of it.  (Zero without a key sun: a mirrored crown.)
#ifdef SKY_LAND
    lin += key_glare(sp, u_key_sun) * (1.0 - 0.7 * clamp(bodies.a, 0.0, 1.0));
    // (round 23: the crown of suns and moons INSIDE the sky -- a veil of haze, lit by its great
    // sun, drifting before parts of it; the lake mirrors it with the rest)
    // (round 25: the kaleidoscope's glass too -- "a flat tiling laid over the screen": the
    // great sun's haze drifting before parts of it sets it back in the sky's air)
#ifndef SKY_LEAN
    if (u_mirror_bodies > 0.5 && u_key_sun.z > 0.0) {
        vec4 haze = crown_haze(sp, u_key_sun, u_lake_phase);
        lin = lin * (1.0 - haze.a) + haze.rgb;
    }
#endif
#endif

    // The deep sky behind the kaleidoscope: real stars, not mirrored, far away -- they turn at
    // a third of the mandala's rate and hardly zoom, so the mandala moves in front of them
    // (parallax: depth). Seen only where the sky in front of them is dark.
    vec2 pf = (fc - 0.5 * u_resolution) / u_resolution.y;
    pf = vec2(u_rot_far.x * pf.x + u_rot_far.y * pf.y, -u_rot_far.y * pf.x + u_rot_far.x * pf.y) / u_zoom_far;
    float pxf = 1.0 / (u_resolution.y * u_zoom_far);
    vec3 deep = star_layer(pf + 7.3, 0.028, 3, pxf, 1.0 / (1080.0 * u_zoom_far), 0.6);
    deep *= smoothstep(0.006, 0.05, luma(deep));      // (only the brighter ones: an even field of faint dots reads as a grid)
    float dark_front = 1.0 - smoothstep(0.002, 0.03, luma(lin));
    // (not through a moon: its night side, dark, would otherwise show the deep stars)
    lin += deep * dark_front * (1.0 - clamp(bodies.a, 0.0, 1.0)) * u_deep_stars * starlit;

    // The land under the sky (lib/land.glsl): the sky seen from somewhere, with a horizon that
    // gives it scale. Laid over the inverted sky, not inverted itself: dark ridges against the
    // airglow, the far range hazed with the sky's own light (it lies far off), the near
    // ridge black. (Compiled only into the sky_land variant: sky_land.frag.)
#if defined(SKY_LAND) && defined(SKY_NO_LAND)
    // (the lean build, the ranges below the frame: their airglow still reaches up the sky over
    // them -- the same light relief_light lays there, lib/land.glsl, so the build's switch
    // shows no step)
    if (u_land > 0.0) {
        float above = max(sp.y - u_horizon - 0.12 * u_lake + 0.2, 0.0);
        float reach = land_key_reach(sp.x, u_key_sun);
        lin += u_land * (1.25 * (vec3(0.012, 0.060, 0.036) * exp(-above * 26.0) + vec3(0.017, 0.006, 0.034) * 0.5 * exp(-above * 10.0))
                         + LAND_KEY * 0.05 * reach * exp(-above * 8.0));
    }
#endif
#if defined(SKY_LAND) && !defined(SKY_NO_LAND)
    if (u_land > 0.0) {
        float land_y = u_horizon + 0.12 * u_lake;     // (the ranges stand up out of the lake)
#ifdef LAND_RELIEF
        // (round 20: the ray-marched relief, baked once and relit here: lib/land.glsl)
        vec2 lf = vec2(sp.x + u_relief_shift, sp.y - land_y);
        vec2 tuv = relief_uv(lf, u_relief_u0);
        vec4 ga = texture(u_relief_a, tuv);
        vec4 gb = texture(u_relief_b, tuv);
        // (round 32's readers at 7.9 and 18.3 s: "plain purple plastic with a thin rim-line
        // outline" -- the crests' thread, a pixel wide and stair-stepped at 1:1, drew every
        // range as a cut-out: a third of it, the crests lit by the sun's rake and rim instead)
        float crest = 0.0 * relief_crest(u_relief_a, u_relief_b, tuv, ga, gb, 2.5 / (RELIEF_V.y * u_resolution.y));
        vec3 landed = relief_light(lin, lf, ga, gb, u_key_sun,
                                   vec2(u_key_sun.x + u_relief_shift, u_key_sun.y - land_y), 1.25, u_relief_view, crest);
        landed = relief_rock(landed, lin, lf, ga, gb, crest, sp, u_key_sun);
#else
        vec3 landed = land_over_lit(lin, sp, 1.0 / u_resolution.y,
                                    vec2(0.5 * u_land_shift, land_y), vec2(u_land_shift, land_y), 1.25, u_key_sun);
#endif
        lin = mix(lin, landed, u_land);
    }
#endif
#if defined(SKY_LAND) && !defined(SKY_NO_LAKE)
    // ... and the lake before it, mirroring all of that (its mist the airglow's emerald-violet)
    if (u_lake > 0.0) {
        // (round 22: "a grey band of lake" -- the mist on the water a faint thread)
        // (round 29's readers at 7.3 and 19.8 s: "the moon's reflection cut off at the
        // bottom" -- looking steeply down at the near water, the eye sees into its dark depth,
        // not the sky: the mirror fades out before the frame's lower edge, so a body's image
        // there is never cut by it)
        // (round 32: a moon's image low on the near water read as a green lily pad -- the mirror
        // fades sooner, the deep water dark under it)
        // (round 32's readers at 7.9 s: the sun's image "deformed" -- the fade cut its lower
        // third off: it begins lower, the moons high over the lake still fading out before
        // the frame's edge (no "lily pads"), the near mist over the dark)
        float steep = 1.0 - 0.92 * smoothstep(0.2, 0.31, max(wave.x, 0.0));
        // (round 32's readers: "a seam line at the horizon" -- the mist's thread along the water
        // line a third as bright: near black, a thread of it read as a drawn rule)
        vec3 wet = lake_water(lin * steep, wave, vec3(0.0035, 0.0055, 0.009), 1.0 / u_resolution.y)
                 + lake_glint(here, wave, u_key_sun) + lake_pool(here, wave, u_key_sun)
                 + lake_near_mist(here, wave, u_key_sun, u_lake_phase);
        if (u_shore > 0.0) {       // (a uniform branch: the open lake pays nothing for the shore)
            wet += lake_sparks(here, wave, u_key_sun, u_lake_phase, 1.0 / u_resolution.y) * u_shore;
        }
        lin = mix(lin, wet, u_lake);
        if (u_shore > 0.0) {
            lin = near_shore(lin, here, u_key_sun, u_shore, u_land_shift, 1.0 / u_resolution.y);
        }
#ifdef LAND_RELIEF
        // (round 24: the shore lit -- its foot in mist, a bright line where water meets land)
        lin += u_lake * sky_shore(here, level, u_key_sun, 1.0 / u_resolution.y, u_lake_phase);
#endif
    }
#endif
    sp = here;      // (the lids lie over the eye, not over the mirrored view)

    // "I am dreaming. You are dreaming.": the dream seen as the eyes fall shut into it -- the
    // lids (u_lids 1: shut to a slit) soft and out of focus, black skin lit only at
    // its edge by the dream's light, the sky a bright almond between; it opens as the dream takes
    // hold.  (A uniform branch: skipped once the eyes are open.)
#ifndef SKY_LEAN
    if (u_lids > 0.0) {
        float open = 1.0 - u_lids;
        float across = clamp(sp.x / (0.95 + 0.25 * open), -1.0, 1.0);
        float curve = 1.0 - across * across;
        float upper = -0.01 + (0.03 + 0.6 * open) * curve;
        float lower = -0.01 - (0.016 + 0.41 * open) * curve * curve;
        // (round 27's readers at 2.1 s: "the eye mask has hard vector edges".)  The lids lie a
        // finger's width from the eye: far out of focus, their edge a wide soft blur, not a
        // line; the skin there lit by the dream's light and glowing warm where it thins at the
        // margin (light through skin); the lashes dark blurred strands reaching into the eye.
        // (round 28's lead at 2.1 s: the lit margin still drew a thin rose ellipse round the
        // picture, a lens mask -- the lids are only a vignette now: a wide soft fall to black,
        // the skin barely touched by the dream's light)
        float soft = 0.04 + 0.07 * open;      // (shut to a slit, a narrower blur: the slit stays)
        float seen = smoothstep(-soft, soft, upper - sp.y) * smoothstep(-soft, soft, sp.y - lower);
        // (round 29's readers at 3.1 s, both: "the oval vignette ring is visible" -- half open,
        // the lids' edge drew an ellipse round the whole picture, a lens mask.  Past half open
        // the lids are gone from the picture: they withdraw as the eyes open, so what is left of
        // them at 3 s is nothing, and the skin is unlit black -- no light spilling onto it
        // drawing a rim round the eye)
        seen = mix(seen, 1.0, smoothstep(0.6, 0.9, open));
        float fade = 1.0 - 0.7 * across * across;
        vec3 skin = vec3(0.0007, 0.0006, 0.0011);
        float inside = upper - sp.y;                               // (into the eye below the upper lid)
        // (clumps of lashes, leaning out from the centre, blurred, longer at the middle)
        float reach = (0.03 + 0.05 * open) * (0.5 + 0.5 * curve);
        float strands = smoothstep(0.3, 0.7, vnoise(vec2(across * 55.0 + 22.0 * across * inside / reach, 3.7)));
        float lash = smoothstep(-soft, 0.5 * soft, inside) * (1.0 - smoothstep(0.2 * reach, reach, inside)) * strands * fade
                   + exp(-pow((sp.y - lower - 0.01) / 0.012, 2.0)) * 0.25 * fade;
        // (round 29's readers at 2.0 s: "faint dark ghost arcs in the upper sky" -- the lashes
        // stayed in the picture as the lids withdrew: they go with them)
        lash *= 1.0 - smoothstep(0.6, 0.9, open);
        lin = mix(skin, lin * (1.0 - 0.7 * lash), seen);
    }
#endif
    vec3 display = linear_to_srgb(lin);
    frag = vec4(dither8(clamp(display, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}
