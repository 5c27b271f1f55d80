#version 330 core
// Scene "moss": the streets of the dream city seen from above, paved with bioluminescent
// moss that pulses with a heartbeat (lub-dub), the pulse running outward along the streets
// from the crossing where the viewer's heart is.  The ground is moss.glsl (shared with the
// towers scene); the camera and the heart's phase come from scenes/moss.py.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "moss.glsl"
#include "mist.glsl"
#include "moon.glsl"
#ifdef MOSS_CUSHIONS
#include "cushions.glsl"
#include "flowers.glsl"
#endif
// Compiled variants (scenes/moss.py draws the one its params ask for; llvmpipe pays for a look
// behind a uniform even where it is off, so the plain ground -- the scene's default -- compiles
// none of them): MOSS_CUSHIONS the near street grown over (moss_cushions*.frag), MOSS_FRONT the
// heartbeat's wavefront, ``front`` (moss_front.frag, moss_cushions_front.frag).  The heat hue
// (round 28, moss_heat_hue) is the dream's grade: it comes with either variant, never with
// the plain ground, which keeps the look and the cost it had before round 28.
#if defined(MOSS_CUSHIONS) || defined(MOSS_FRONT)
#define MOSS_HEAT_HUE
#endif

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_field;          // baked clump field (moss_bake.frag)
uniform vec3 u_cam_pos;
uniform vec3 u_cam_fwd;
uniform vec3 u_cam_right;
uniform vec3 u_cam_up;
uniform float u_cam_tan;            // tan(fov / 2), vertical
uniform vec2 u_heart_origin;
uniform vec2 u_source_origin;       // where the wavefront starts (``source``; the heart's own without it)
uniform float u_heart_phase;        // beats, wrapped on the CPU
uniform float u_heart_period;       // seconds per beat
out vec4 frag_colour;
#ifdef MOSS_CUSHIONS
// (round 32: the nearest columns IN VIEW, nearest first -- the nearest of all were often
// beside or behind the eye, so the feet the frame shows had no pool: scenes/moss.py feet_in_view)
uniform vec4 u_feet[6];             // centre x, z, half x, top
uniform int u_feet_n;               // how many of them

// The columns' feet on the wet street (round 25's readers: "glass columns hanging" over the
// moss -- nothing tied them to the ground): the moss light carried down each column's glass
// spills round its foot in a soft pool, and the wet stone mirrors the foot's glow as a short
// streak running from it toward the eye.  The nearest COLUMN_POOLS columns only (the last in
// the far-to-near list): a fixed loop, the far ones are in the mist anyway.
const int COLUMN_POOLS = 6;
const vec3 TOWER_GLASS = vec3(0.045, 0.48, 0.69);   // (buildings.frag's TINT: the glass's teal)
// x: the pools' and mirrors' light, y: the contact shade at the feet (0..1)
vec2 column_pools(vec2 xz, vec2 eye) {
    float sum = 0.0;
    float seat = 0.0;
    for (int k = 0; k < COLUMN_POOLS; ++k) {
        vec4 a = u_feet[k];
        float on = step(float(k) + 0.5, float(u_feet_n));
        float r = 0.8 * a.z;                            // (the foot's radius, about)
        vec2 dv = xz - a.xy;
        float d = max(length(dv) - r, 0.0);
        // (round 32's readers at 74.4, 80.2 s: "no contact or shadow" -- right at the foot,
        // where the glass stands in the moss, a dark seat; the pool of spilled moss light a
        // ring round it and a broad soft glow further out)
        // (round 35: the pool lit right up to the foot's disc -- its dark middle, the disc
        // being wider than the glass's own foot, read as a black blob round it)
        float pool = exp(-d / 0.4) * mix(0.45, 1.0, smoothstep(0.02, 0.3, d)) + 0.15 * exp(-d / 0.9);
        // (round 35's readers at 81.8 s: "a hard black blob of shadow" round the near foot --
        // the seat was a dark disc wider than the glass: now a faint contact line only)
        seat = max(seat, on * exp(-d / 0.08));
        vec2 to_eye = normalize(eye - a.xy + vec2(1e-4, 0.0));
        float along = dot(dv, to_eye);
        float across = abs(dv.x * to_eye.y - dv.y * to_eye.x);
        // (soft across and tapering toward the eye: a hard-edged streak read as a pedestal)
        float wide = r * (0.75 - 0.35 * smoothstep(r, r + 3.0, along));
        float mirror = exp(-(across * across) / (wide * wide)) * exp(-max(along - r, 0.0) / 1.6)
                     * smoothstep(0.3 * r, r, along);
        sum += on * (pool + 1.2 * mirror);
    }
    return vec2(sum, seat);
}
#endif

// The streets' gentle wander (world units): each street bends a little along its length,
// as old streets do, and none runs ruler-straight.
vec2 street_wander(vec2 xz) {
    return vec2(0.5 * sin(xz.y * 0.23 + 1.3) + 0.22 * sin(xz.y * 0.61 + xz.x * 0.13),
                0.5 * sin(xz.x * 0.19 + 0.4) + 0.22 * sin(xz.x * 0.57 - xz.y * 0.11));
}

// Veins (round 15: the floor read as "a noise-blotch floor with hex tiles ... placeholders"):
// the zero lines of warped simplex noise, a winding network like the veins of a leaf, their
// distance in world units from the noise's value over its analytic gradient, so each line
// has a true width and antialiases against the pixel footprint fp (a line thinner than a
// pixel fades to its average instead of glittering).  x: the line (0..1), y: its halo.
vec2 vein(vec2 xz, float freq, float width, float fp, vec2 seed) {
    vec2 p = xz * freq + seed;
    p += 0.55 * vec2(snoise(p * 0.37 + 3.1), snoise(p * 0.37 - 5.7));
    vec3 ng = snoise_grad(p);
    float d = abs(ng.x) / max(length(ng.yz) * freq, 1e-3);
    // (a vein swells into a trunk and tapers away to nothing: never an endless noodle)
    float taper = smoothstep(-0.45, 0.65, snoise(p * 0.29 + 11.3));
    width *= 0.2 + 1.6 * taper;
    float w = width + 1.2 * fp;
    return vec2((1.0 - smoothstep(0.0, w, d)) * (width / w) * 1.6 * (0.3 + 0.7 * taper),
                exp(-d / (4.0 * width + fp)) * taper);
}

// The heartbeat's wavefront (round 27's readers: "empty and static", the beat unseen in a
// still): the lub's light running out through the moss from the heart.  (Round 29's readers at
// 76.2 and 80.5 s: the round-28 front -- a steep edge, a thin white crest and the dub's second
// ring behind it -- read as "hard ring-shaped seams / concentric band artefacts", banding: now
// one soft travelling swell per beat, a Gaussian a little steeper ahead than behind, no crest
// line and no dub ring, so a still shows a broad brightening of the moss, never a stripe.)
// Widened to the pixel footprint, so a far swell fades instead of shimmering.  x: the swell
// (0..~1), y: unused (0), z: its fall with distance.
#ifdef MOSS_FRONT
vec3 heart_front(vec2 xz, float fp, Heart h) {
    float r = heart_distance(xz, h.origin, 0.0);
    float bpu = 1.0 / max(h.spread * h.period, 1e-3);
    float s_pix = 1.5 * fp * bpu;                       // the footprint, beats
    // (round 34, ``rings``: the second shot, low over the moss, saw the broad swells fill the
    // whole street with light, "washed bright teal": there each swell is a narrow band, the
    // moss between two bands dark, so a still shows rings of light travelling out)
    float narrow = mix(1.0, 0.38, u_rings);
    float lead = sqrt(0.10 * 0.10 * narrow * narrow + s_pix * s_pix);   // ahead of the peak, beats
    float trail = sqrt(0.20 * 0.20 * narrow * narrow + s_pix * s_pix);  // behind it, beats
    float age = fract(h.phase - r * bpu + 0.5) - 0.5;
    float s = age < 0.0 ? lead : trail;
    float swell = exp(-0.5 * age * age / (s * s)) * (0.07 * narrow / lead);
    // (round 32, ``source``: the heart beats ahead in the street, in view, and its waves come
    // lub-dub: the dub's softer swell follows the lub's out, so a still shows the pair)
    float age_b = fract(h.phase - HEART_DUB_DELAY - r * bpu + 0.5) - 0.5;
    float s_b = age_b < 0.0 ? lead : trail;
    swell += u_source_dub * HEART_DUB_LEVEL * exp(-0.5 * age_b * age_b / (s_b * s_b)) * (0.07 * narrow / lead);
    // (and only near: far off the swells crowd into flat stripes along the horizon)
    // (round 34's readers at 73.3 s: the heartbeat still never seen -- the swell died out
    // within a few units of the heart: now it runs on to the viewer's feet, two or three
    // beats' swells out in the moss at once)
    // (``rings``: a swell just leaving the heart lit a flat bright disc round it, "a broad
    // bright patch": the bands grow out of the heart's small knot, each brightening as it opens)
    float open_k = mix(1.0, smoothstep(0.25, 1.8, r), u_rings);
    return vec3(swell, 0.0, open_k * exp(-r / 20.0) / (1.0 + r / max(h.reach, 1e-3)));
}

// The heart itself (round 32's brief: the heartbeat "from a source the eye can find"): where
// the waves start, the moss is knotted into a bright core that beats lub-dub, its light
// spilling round it on the wet moss, so the rings read as running out of something.  Small
// and emerald: a lub burning a white patch a unit across read as a blown hotspot.
float heart_core(vec2 xz, Heart h) {
    float r = length(xz - h.origin);
    float beat = heart_lubdub(h.phase, 0.06);
    float core = exp(-r * r / 0.06) * (0.5 + 1.0 * beat);
    float spill = exp(-r / 0.6) * (0.05 + 0.15 * beat);
    return core + spill;
}
#endif

// The moss's colour by its brightness (linear in, linear out, the same luminance): deep
// emerald where it is dim, teal as it warms, pale cyan-white at the hottest; a slow noise
// over the ground tilts whole colonies greener or bluer.  Near-black stays as it was.
#ifdef MOSS_HEAT_HUE
vec3 moss_heat_hue(vec3 g, vec2 xz, float near) {
    const vec3 W = vec3(0.2, 0.7, 0.1);
    float L = dot(g, W);
    vec3 emerald = vec3(0.02, 1.0, 0.17);
    vec3 teal = vec3(0.08, 0.95, 0.80);
    vec3 white = vec3(0.70, 1.0, 0.95);
    float tint = vnoise(xz * 0.31 + 2.7);
    vec3 hue = mix(emerald, teal, clamp(smoothstep(0.04, 0.55, L) + 0.8 * (tint - 0.5), 0.0, 1.0));
    // (round 32's readers at 74.4, 80.2 s: "the green is monotone") wider colonies of their
    // own kind: some a cold blue-cyan, some a yellow-green, most the emerald -- in the dim and
    // mid light only, the hot crests all going to the same pale cyan-white
    float kind = vnoise(xz * 0.12 - 4.1) * 0.7 + vnoise(xz * 0.45 + 9.3) * 0.3;
    float midl = (1.0 - smoothstep(0.25, 0.9, L)) * near;   // (far off, in the mist, one light)
    hue = mix(hue, vec3(0.04, 0.6, 1.0), 0.85 * smoothstep(0.57, 0.74, kind) * midl);
    hue = mix(hue, vec3(0.26, 1.0, 0.12), 0.6 * smoothstep(0.45, 0.28, kind) * midl);
    // (``rings``: in the second shot only a band's hottest crest pales: its lit crowns had run
    // to a near-white patch by the near column's foot)
    hue = mix(hue, white, smoothstep(0.28 + 0.5 * u_rings, 1.1 + 0.9 * u_rings, L));
    vec3 remap = hue * (L / dot(hue, W));
    return mix(g, remap, smoothstep(0.004, 0.025, L));
}
#endif

// The streets' night fog at distance t (0..1).
float fog_k(float t) {
    return 1.0 - exp(-pow(t / 70.0, 2.0));
}

// The frame's last steps, shared by the sky pass and the ground's: a soft shoulder (hot
// cores go cyan-white), sRGB, dither.
vec4 moss_finish(vec3 col) {
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    return vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), 1.0);
}

void main() {
    vec2 uv = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 rd = normalize(u_cam_fwd + 2.0 * u_cam_tan * (uv.x * u_cam_right + uv.y * u_cam_up));
    float pix = 2.0 * u_cam_tan / u_resolution.y;     // radians per pixel

    // (here the beat is a breath through the moss, not a ring on it: the pulse runs out
    // fast and long, so a whole square swells with light together and sinks back; the towers
    // scene keeps the travelling rings of the shared ground)
    // (round 10's reader wanted the beat as "a wave of light outward": the front runs out at
    // a pace the eye can follow, a broad bright band, and the afterglow holds the carpet lit
    // behind it)
    Heart h = Heart(u_heart_origin, u_heart_phase, u_heart_period, u_spread * 1.6, u_reach * 0.9,
                    u_pulse_width * 1.8);
    MossLook m = MossLook(srgb_to_linear(u_colour.rgb), srgb_to_linear(u_colour_b.rgb),
                          srgb_to_linear(u_speck.rgb), u_glow, u_rest, u_quality, mix(0.9, 0.15, u_streets));

    // The night sky over the city: deep blue-violet, a faint emerald breath of the moss at
    // the horizon, and a few stars (one hashed cell per direction: no loop, no texture).
    vec3 horizon = m.colour_a * 0.010 * (0.5 + m.rest) * m.glow + vec3(0.004, 0.003, 0.014);
    // (round 25: the sky a flat violet wall behind the columns) the city's moss light held
    // in a low mist: a glow along the horizon that thins up into the dark, so the far
    // columns stand as silhouettes against it and the street sinks into it (MIST_* below)
    vec3 mist = moss_mist(m.colour_a, m.colour_b, m.glow);
    float up = max(rd.y, 0.0);
    vec3 sky = mix(horizon, vec3(0.010, 0.006, 0.034), smoothstep(0.0, 0.12, up));
    sky = mix(sky, vec3(0.002, 0.001, 0.010), smoothstep(0.12, 0.6, up));
    // (round 32's readers at 74.4, 80.2 s: "the purple sky is flat", ``sky_depth``) a night
    // with depth: a low rose-violet glow over the city's haze, deepening through violet to an
    // indigo near black at the top of the frame (the moon's aureole, moon.glsl, lifts its side)
    vec3 deep = mix(vec3(0.030, 0.011, 0.048), vec3(0.011, 0.006, 0.034), smoothstep(0.0, 0.1, up));
    deep = mix(deep, vec3(0.003, 0.002, 0.014), smoothstep(0.08, 0.32, up));
    deep = mix(deep, vec3(0.0006, 0.0005, 0.004), smoothstep(0.3, 0.7, up));
    sky = mix(sky, deep, u_sky_depth);    sky = mix(sky, mist, 0.9 * u_mist * exp(-up / 0.022));
    // (round 33's readers at 78.0, 80.7 s: "the horizon is empty": with the moon and the mist,
    // the far skyline of the glass city stands in the haze along it, moss_far_city)
    // (round 35: the city's moss light held in the haze along the horizon, so the far
    // skyline stands dark against a glow, not as a cut-out on the night)
    sky += mist * 1.5 * u_moon * u_mist * exp(-max(up, 0.0) / 0.028);
    if (u_moon * u_mist > 0.0 && up < 0.062) {
        vec4 city = moss_far_city(rd, pix, mist);
        sky = mix(sky, city.rgb, city.a * u_moon * u_mist);
    }
    // (round 32, speed: the sky is its own pass above the horizon, moss_sky.frag, which
    // stops here; the ground passes below it still work the whole sky out for the rows
    // between the horizon and the split -- without its clouds there they drew a dark seam)
    vec2 sp = rd.xz / (rd.y + 1.0) * 60.0;
    vec2 cell = floor(sp);
    vec2 jit = hash22(cell);
    // (round 19's reader at 79.1 s: "generic floating dots" -- the stars were soft discs
    // several pixels across, read as motes drifting between the columns: now fewer, and each
    // a pinpoint about a pixel and a half wide at any size, so they read as far stars)
    float star = step(0.972, hash12(cell + 17.0)) * smoothstep(0.02, 0.1, up);
    float sd_px = length(sp - cell - 0.2 - 0.6 * jit) * (up + 1.0) / (60.0 * pix);
    sky += vec3(0.6, 0.65, 0.95) * star * (0.4 + 0.8 * jit.x) * exp(-sd_px * sd_px * 0.9);
    // (round 27, ``moon``: the emerald moon over the avenue's end, the frame's subject)
    // (round 31, ``clouds``: thin moonlit strata across the night, in front of the moon and
    // the stars, so the sky has depth and the moon sits in it -- moss_moon_clouds)
    vec4 cl = moss_moon_clouds(rd, u_clouds);
    // (thin cloud: the moon dimmed through it, not hidden; the stars and night behind it go)
    sky = sky * (1.0 - cl.a) + moss_moon(rd, u_cam_fwd, pix, u_moon) * (1.0 - 0.2 * cl.a) + cl.rgb * cl.a;
#ifdef MOSS_SKY_ONLY
    frag_colour = moss_finish(sky);
    return;
#endif

    // Ground plane y = 0 (t clamped so rays at the horizon stay finite).
    float down = max(-rd.y, 1e-4);
    float t = u_cam_pos.y / down;
    t = min(t, 400.0);
    vec2 xz = u_cam_pos.xz + rd.xz * t;
    // (streets: a city laid out by hand, not a chessboard -- the streets bend gently and
    // wander, so the paving between them is never a row of square tiles)
    vec2 wander = u_streets * street_wander(xz);
    xz += wander;
    // Footprint: between the mean of both axes and the long one (along the view), and a
    // little over a pixel: far off the rings and clumps are squeezed along the view, and a
    // footprint of the mean alone lets them alias into bands and speckle.
    float fp = 1.25 * t * pix * (0.5 / sqrt(down) + 0.5 / down);
    // (a round, organic heart: no square footprints; or, with `streets`, the pulse runs
    // along the city's streets, the paving between them dark)
    g_moss_grid = u_streets;
    g_moss_bloom = 0.75;                             // (the breath blooms soft: moss.glsl)
    g_moss_tile_scale = 0.8;                         // (round 10: cushions several pixels across, not a grain)
    g_moss_lod_bias = mix(0.4, 1.1, u_streets);      // (round 18: the street's cushions crisp, not a velvet)
#ifdef MOSS_CUSHIONS
    // (round 28: past the near carpet the clumps' field read as "mottled cyan noise": it
    // melts into a soft sheet of light as it runs off into the mist)
    // (round 34, ``rings``: the second shot, low over the street, saw that sheet as broad
    // soft patches beyond the near third: there the far moss keeps its finer mips)
    g_moss_lod_bias += 1.6 * (1.0 - 0.7 * u_rings) * smoothstep(0.06, 0.4, fp);
#endif
    vec4 e = moss_emission(xz, fp, h, m, u_field, 0.0, u_quality);
    float e_beat = e.w;                  // (the pulse alone, without the front's swell)
    // (the wave's front lights the moss it reaches: carried by the pulse everything below reads)
    // (its own pace, slower than the breath's: the breath's rings crowded at that pace)
    // (a compiled variant, MOSS_FRONT: the plain ground pays nothing for it)
#ifdef MOSS_FRONT
    Heart hf = h;
    hf.spread = u_front_speed;
    hf.origin = u_source_origin;       // (round 32: ``source`` ahead in the street, or at the feet)
    vec3 wave = heart_front(xz, fp, hf);
    float front = wave.x * wave.z * u_front;
    // (``rings``: near the heart a band's crest is eased, so it lights the moss, never a patch)
    front /= 1.0 + 0.6 * u_rings * front;
    // (round 30's lead at 82.5 s: "the front burns a bright white patch on the near carpet":
    // the swell warms the moss's light but never its hot white core, which keeps the beat's
    // own pulse -- the swell stays soft and emerald)
    // (round 34, ``rings``: the second shot's "near-white hot patch" round the heart's rings,
    // where they crowd: there the band does not run the moss's own light up into its hot
    // white -- it is drawn by its emerald flare below)
    e.w += 0.6 * front * (1.0 - 0.75 * u_rings);   // (round 29: the broad swell warms the moss, its hot core kept for the crowns)
    float core = 6.0 * heart_core(xz, hf) * u_source_glow;
    // (round 34's readers at 73.3 s: "a stray pale-pink blob sits on the floor" -- the knot's
    // light, run up into the moss's hot white and the grade, burnt a pale patch: its share
    // of the moss's pulse is capped, so the fronds round it glow but never blow out)
    e.w += 0.12 * core / (1.0 + 0.4 * core);
    // (the wave as the flowers take it: the lub and dub's swell, fading slowly, so the rings
    // of two or three beats are out in the moss at once -- flowers.glsl)
    float flower_wave = wave.x * exp(-length(xz - hf.origin) / 22.0) * u_front;
#endif
    // Cushions: each clump a soft dome of moss, brighter at its crown (thicker, more of it
    // glowing) and darker at its fuzzy foot, so the ground reads as a pile of living cushions
    // rather than a flat print (near only: far off the clumps are averaged already).
    float hc = g_moss_clump;
    float relief = smoothstep(0.03, 0.2, fp);
    e.rgb *= mix(0.7 + 0.5 * smoothstep(0.15, 0.85, hc), 1.0, relief);
    // The breath: besides the pulse running out from the heart, every cushion swells with
    // light on each beat at once and sinks back (soft, a tenth of a beat wide), so no square
    // is ever a dead black hole between two waves.
    float breath = heart_lubdub(u_heart_phase - 0.04, 0.11);
    e.rgb += mix(m.colour_a, m.colour_b, 0.3) * smoothstep(0.1, 0.8, hc) * (0.025 + 0.06 * breath) * m.glow
           * mix(1.0, 0.6, relief);
    // The afterglow: living light does not go out at once.  Where the pulse has passed the
    // cushions stay lit and fade over the rest of the beat (a fast rise, a slow decay), so
    // the carpet round the heart glows on between beats instead of a dark hole opening
    // behind each wave.
    float beat_age = fract(h.phase - heart_distance(xz, h.origin, 0.0) / max(h.spread * h.period, 1e-3));
    float after = exp(-3.0 * beat_age) / (1.0 + heart_distance(xz, h.origin, 0.0) / max(h.reach, 1e-3));
    e.rgb += mix(m.colour_a, m.colour_b, 0.25) * (0.3 + 0.7 * smoothstep(0.15, 0.85, hc)) * after * 0.16 * m.glow;
    // (streets: the blocks between them are dark wet stone -- the moss only creeps into
    // them -- so the glowing streets run between true blacks)
    // (round 15: the blocks' cobbles read as "hex tiles" and the clumps as "a noise-blotch":
    // the stone is one smooth wet slab now, and the moss carries bioluminescent veins -- a
    // thick winding network on the streets, fine capillaries creeping out over the stone --
    // that flare as the heartbeat runs out through them, dim embers between beats)
    float vfade = 1.0 - smoothstep(0.08, 0.5, fp);       // far off the veins are the moss's average
    vec2 v1 = vein(xz, 0.55, 0.035, fp, vec2(17.3, 4.1));
    vec2 v2 = vein(xz, 1.7, 0.014, fp, vec2(-9.2, 31.7));
    float pulse_v = m.rest * 0.35 + 2.6 * e.w + 0.9 * after;
    vec3 vein_hot = mix(m.colour_a, vec3(0.55, 1.0, 0.9), 0.35 * smoothstep(0.1, 0.6, e.w));
    float on_street = 1.0;
    float carpet = 0.0;                  // (where the near carpet paves the street)
    float hot_k = 1.0;                   // where the pulse's crest may burn hot (below)
    float street_k = 1.0;                // (the street, where the flowers grow thickest)
    if (u_streets > 0.0) {
        float patchy = textureLod(u_field, xz / 23.0 + 0.31, 5.0).g;
        float clump = g_moss_clump;
        float rag = (clump - 0.4) * 0.7 + (patchy - 0.5) * 1.6;
        float street = street_mask(xz, fp, rag);
        street_k = street;
        vec2 q = abs(xz - CITY_PERIOD * floor(xz / CITY_PERIOD + 0.5));
        float into = max(min(q.x, q.y) - STREET_HALF - rag, 0.0);   // depth into the block
        vec3 moss_lit = mix(m.colour_a, m.colour_b, 0.3) * m.glow * (m.rest + 1.5 * e.w + 0.6 * after);
        // (round 17: the smooth dark slabs read as "a checkerboard" of black squares between
        // the streets) the blocks are old cobbles of varied size, each stone its own dark
        // shade, moss glowing in the cracks between them -- thick where the patchy field is
        // thick, in clumps spilling over the stones -- so the heartbeat runs through the
        // blocks too and no square of black is left
        float cracks = g_moss_cracks;          // (moss_emission's, at the same point)
        float slab = (0.7 + 0.3 * vnoise(xz * 0.6)) * (0.45 + 1.1 * g_cobble);
        vec3 stone = vec3(0.004, 0.006, 0.009) * slab + moss_lit * 0.02 * exp(-into * 0.8);
        float thick = smoothstep(0.3, 0.72, patchy + 0.25 * (clump - 0.4));
        // (the moss takes only some stretches of the cracks -- where the clumps and the patchy
        // field are thick -- so the joints never draw a whole even net, round 15's "hex tiles")
        float in_cracks = cracks * smoothstep(0.25, 0.7, clump + 0.35 * thick) * (0.25 + 0.75 * thick);
        float cushions = thick * smoothstep(0.35, 0.8, clump) * smoothstep(0.4, 0.9, g_cobble + 0.3 * thick);
        // further off the single stones merge: the moss's patches (crossing the blocks'
        // edges, a field 23 units across) carry the block, so it never reads as a dark tile
        float far = smoothstep(0.04, 0.25, fp);
        cushions = mix(cushions, 0.9 * thick + 0.15, far);
        stone = mix(stone, moss_lit * 0.6, clamp(0.6 * in_cracks + mix(0.35, 0.6, far) * cushions, 0.0, 1.0));
        // the capillaries creep out of the street over the stone, thinning into the block
        float creep = exp(-into * 2.4);
        vec3 block = stone + vein_hot * m.glow * pulse_v * (v2.x * 0.3 + v1.x * 0.2) * creep * vfade;
        e.rgb = mix(e.rgb, mix(block, e.rgb, street), u_streets);
        // (round 17's reader, 75.4 s, rated 2: "the 'moss' is scribbly noise lines, not living
        // growth" -- the thick winding veins are gone) on the street the moss is cushions of
        // living growth: each clump's body a dim velvet, its fuzzy rim glowing where the light
        // leaks out of it, brighter as the heartbeat passes; fine filaments between them
        float rim_c = smoothstep(0.05, 0.2, clump) * (1.0 - smoothstep(0.26, 0.6, clump));
        float crown = smoothstep(0.3, 0.9, clump);
        vec3 cushion = e.rgb * (0.3 + 0.25 * crown) + moss_lit * rim_c * 0.35;
        e.rgb = mix(e.rgb, cushion, street * u_streets * vfade);
        on_street = mix(1.0, street, u_streets);
        // (round 20's reader: the floor a "muddy camouflage print" -- cushions and patches
        // blurred into one mottled green) near the eye the whole floor is dark wet stone, each
        // stone bevelled and its own shade, and the moss lives only in the seams between the
        // stones: a crisp glowing line (every seam of the street, some of the blocks'), its
        // light spilling a little onto the stones' edges and caught in their wet sheen.
        // Further off, where the seams get thinner than a pixel, the moss's average above.
        float bd = g_cobble_d;                          // to the stone's edge, world units
        // (living growth, not a drawn net: the moss thickens and thins along each seam, bulges
        // into tufts, and on the blocks leaves some seams bare)
        float grow_n = vnoise(xz * 2.3 + 7.1);
        float seam_w = mix(0.01, 0.026, street) * (0.45 + 1.3 * grow_n) + 0.012 * smoothstep(0.75, 0.95, clump);
        float seam = 1.0 - smoothstep(seam_w, seam_w + 0.8 * fp + 0.006, bd);
        float mossy = mix(smoothstep(0.3, 0.75, clump + 0.6 * thick), 1.0, street)
                    * (0.35 + 0.9 * smoothstep(0.15, 0.8, grow_n));
        float spill = exp(-bd / (0.04 + 0.06 * street + fp)) * mossy;
        float bevel = smoothstep(0.0, 0.3, bd);          // the bevel: edges sink into shadow
        vec3 stone_c = vec3(0.004, 0.005, 0.009) * (0.4 + 1.2 * g_cobble) * (0.35 + 0.65 * bevel);
        float cosv = max(-rd.y, 0.0);
        float mv = 1.0 - cosv;
        float fres_w = 0.02 + 0.98 * mv * mv * mv * mv * mv;
        float wet = 0.15 + 0.85 * smoothstep(0.4, 0.7, vnoise(xz * 0.7 + 4.0) + 0.25 * g_cobble);
        vec3 sheen = fres_w * wet * bevel * (vec3(0.012, 0.01, 0.04) + moss_lit * 0.35 * spill);
        vec3 seam_light = moss_lit * (1.7 * seam * mossy + 0.05 * spill) * mix(0.45, 1.4, street);   // (the street leads)
        seam_light += vec3(0.45, 1.0, 0.85) * m.glow * e_beat * e_beat * seam * mossy * 0.8;   // the pulse's hot core
        // the heartbeat's wave washes over the wet stones as a band of light (round 10's "a
        // wave of light outward"), the seams in it burning brightest
        seam_light += mix(m.colour_a, m.colour_b, 0.3) * m.glow * 0.1 * e.w * wet;
#ifdef MOSS_CUSHIONS
        // (round 24: "a Voronoi cracked-tile floor, like lava pavement": near the eye the
        // street is overgrown -- cushions of moss, sporophytes glowing at their tips, the
        // paving only glimpsed between the clumps: cushions.glsl)
        float near_k = (1.0 - smoothstep(0.1, 0.22, fp)) * u_streets;
        // (a branch: the sky and the far streets, most of the frame, skip it whole)
        float kerb_piece = 0.0;              // (the kerb's broken seam pieces, below)
        if (near_k > 0.0) {
            vec3 grown = moss_cushions(u_cam_pos, rd, xz, wander, t, fp, pix, moss_lit, m.colour_a * m.glow,
                                       e_beat + 0.7 * (e.w - e_beat) + 0.4 * after, stone_c);
            // (round 26: "the street does not read as a street": the carpet paves the street
            // alone, its edge ragged where it spills over the kerb; beside it, under the
            // columns, the blocks' dark wet stones with the moss only in some seams)
            // (round 28: beside the street the cobbles' glowing seams drew a net of cells round
            // the columns, "Voronoi tiles", "a debug overlay": the seams now show only in
            // broken pieces, the stones one dark wet slate, and the carpet creeps out over
            // them in ragged colonies -- thicker along the joints it grows from)
            float colony = 0.6 * vnoise(xz * 1.1 + 5.3) + 0.4 * vnoise(xz * 3.1 - 1.7)
                         + 0.07 * exp(-bd / 0.12);
            float creep_k = smoothstep(0.6, 0.74, colony);
            float piece = smoothstep(0.62, 0.85, vnoise(xz * 1.9 + 2.0));
            kerb_piece = piece;
            // (no bevel and no spill along the joints but in those pieces: either drew the net)
            vec3 slate = vec3(0.004, 0.005, 0.009) * (0.75 + 0.4 * g_cobble);
            vec3 slate_sheen = fres_w * wet * (vec3(0.012, 0.01, 0.04) + moss_lit * 0.35 * spill * piece);
            vec3 kerb_side = mix(slate + slate_sheen + 0.35 * seam_light * piece, 0.6 * grown, creep_k);
            e.rgb = mix(e.rgb, mix(kerb_side, grown, street), near_k);
            carpet = street * near_k;
        }
        on_street *= 1.0 - near_k;
        // (the crests' hot core: on the crowns, soft; round 32: on the kerb's slate only in its
        // broken seam pieces and dim -- the seams burning whole drew a net of cells by the
        // columns' feet, the "Voronoi tiles" the readers mark down)
        hot_k = mix(1.0, mix(0.3 * seam * mossy * kerb_piece, 0.25, street), near_k);
#else
        float near_k = (1.0 - smoothstep(0.07, 0.118, fp)) * u_streets;
        e.rgb = mix(e.rgb, stone_c + sheen + seam_light, near_k);
        on_street *= 1.0 - near_k;                       // (the veins: far only)
        hot_k = mix(1.0, seam * mossy, near_k);          // (near, in the seams alone: the stones stay dark)
#endif
    }
    e.rgb += vein_hot * m.glow * pulse_v * (0.3 * v2.x + 0.04 * v2.y) * vfade
           * on_street * u_streets;       // (the round carpet of the plain scene keeps its cushions)
#ifdef MOSS_CUSHIONS
    // (the columns' feet: their pools and their mirrors in the wet stone, beating with the
    // heart; on the thick carpet the moss drinks most of it)
    vec2 pools = column_pools(xz - wander, u_cam_pos.xz) * u_streets;
    float feet = pools.x;
    e.rgb *= 1.0 - 0.3 * pools.y;
    e.rgb += mix(m.colour_a, m.colour_b, 0.5) * m.glow * (0.1 + 0.1 * m.rest + 0.4 * e.w) * feet
           * (1.0 - 0.9 * carpet);
#endif
    // Grade the shared ground for this scene alone (the towers scene keeps its own look):
    // the glow between pulses sinks toward true black, what the pulse lights stays
    // saturated emerald-cyan, and the crest of each pulse burns a hot core.
    float lum = dot(e.rgb, vec3(0.2, 0.7, 0.1));
    // (round 10: "barely glows; the pulse a dark blotch": a gentler toe, brighter overall)
    vec3 g = e.rgb * (lum / (lum + 0.035)) * 2.0;
    g = max(mix(vec3(dot(g, vec3(0.2, 0.7, 0.1))), g, 1.6), 0.0);
#ifdef MOSS_FRONT
    // (``rings``: the second shot's near-white patch by the column's foot was the pulse's hot
    // core burning on the lit crowns: there it is a glint, and none where the bands crowd)
    hot_k *= (1.0 - 0.75 * u_rings) / (1.0 + 3.0 * u_rings * front);
#endif
    g += vec3(0.45, 1.0, 0.85) * (e_beat * e_beat) * lum * 5.0 * hot_k;
    // depth: the far streets sink into the night (the near moss, where the heart is, holds
    // the light: contrast from near to far)
    float dim = 0.25 + 0.75 * exp(-t / 18.0);
    g *= dim;
    // (round 28: "one flat cyan-teal everywhere"): the moss's light by its own heat -- the
    // dim fronds and the valleys a deep emerald, the lit crowns teal, the hottest crests a
    // pale cyan-white -- and each colony a little its own hue (bluer or greener); the dark
    // stone's violet sheen is left as it was, and the beat's
    // ring and crest (below) keep their own cold white
#ifdef MOSS_HEAT_HUE
    g = moss_heat_hue(g, xz, exp(-t / 30.0));
#endif
#ifdef MOSS_FRONT
    // the wave's front itself: a swell of light sweeping over moss and wet stone alike
    // (the moss under it flaring, above), so it reads whole across the street -- emerald
    // (round 29: the broad swell in the old cold teal washed the whole near carpet teal)
    // (round 32: with ``source`` the swell crosses the whole near street in view: its light
    // by its heat, as the moss's -- deep emerald in its soft flanks, sea-green at its crest --
    // so it no longer washes the street's emerald into one teal)
    // (round 32's brief: "the heartbeat pulse should read in a still, a ring of brighter
    // moss") under the swell the moss itself flares -- its lit cushions and seams brighten,
    // the dark stone between them stays dark -- so the ring is drawn by the moss, not painted
    // over it as a band
    // (the hot cores kept: the flare fades where the moss already burns, never to white)
    // (round 34: "the heartbeat never seen" -- the swell's flare doubled, the light laid
    // over the dark hollows too, so the band reads across the blotches of the moss)
    // and between the swells the moss sinks back toward its dark (near the heart and the eye,
    // not far off, where the swells crowd), so each swell stands out as a band of light
    float trough = (1.0 - smoothstep(0.05, 0.45, wave.x)) * exp(-t / mix(25.0, 60.0, u_rings)) * min(u_front, 1.0);
    // (round 34, ``rings``: the second shot's "few true blacks": between its bands the moss
    // sinks nearly to black, far down the street too, lit only by the bands and the flowers)
    g *= 1.0 - mix(0.6, 0.9, u_rings) * trough;
    // (its flare greener than the moss it lights: lifted evenly, the hot crests at the heart
    // ran to a pale grey-white patch, the "pale blob" again)
    g *= 1.0 + 2.6 * front / (1.0 + 5.0 * dot(g, vec3(0.2, 0.7, 0.1))) * vec3(0.3, 1.0, 0.6);
    // (round 34: carried to the viewer's feet the swell's teal crest turned the whole near
    // street teal, the emerald gone: its light stays emerald, a little bluer at its crest)
    vec3 front_hue = mix(vec3(0.04, 1.0, 0.20), vec3(0.12, 1.0, 0.62), smoothstep(0.45, 1.2, front));
    g += front_hue * front * (0.45 + 0.6 * smoothstep(0.0, 0.1, lum)) * 0.6 * m.glow * dim;
    // the heart's core: a knot of deep emerald light in the moss, pale only at its very heart
    // (the moss's hue by its heat: a teal knot washed the street's emerald out)
    // (round 34: never pale -- its white heart read as a pink blob on the floor; a deep
    // emerald knot whose light saturates instead of climbing to white)
    g += vec3(0.03, 1.0, 0.26) * (core / (1.0 + 0.5 * core)) * 0.22 * m.glow * dim;
#endif
#ifdef MOSS_CUSHIONS
    // (round 34's lead: beyond the near third the second shot's moss was "broad soft
    // patches": its clumps are read at the footprint's long axis, squeezed along the view
    // from so low.  With ``rings`` the far moss -- bands and all -- is broken into fine tufts
    // read at the footprint's mean axis, dark gaps between them, so it has grain, not smears)
    if (u_rings > 0.0) {
        float far_d = smoothstep(0.05, 0.2, fp) * u_rings;
        float mean_fp = 1.4 * t * pix / pow(down, 0.3);
        float lod_f = log2(max(mean_fp * 1.7 * MOSS_TEXELS / MOSS_TILE, 1e-3));
        float tuft = textureLod(u_field, xz * 1.7 / MOSS_TILE + vec2(0.23, 0.57), lod_f).r;
        g *= mix(1.0, 0.2 + 1.6 * smoothstep(0.12, 0.75, tuft), far_d);
    }
#endif
#ifdef MOSS_CUSHIONS
    // (round 32: the feet's pools and mirrors again, after the grade -- its toe crushed
    // them where the moss round a foot was dark, so the columns in mid view still floated:
    // a glass column's spilled light and its teal reflection in the wet moss)
    g += mix(m.colour_a, TOWER_GLASS, 0.4) * m.glow * (0.1 + 0.08 * m.rest + 0.3 * e_beat) * feet
       * (1.0 - 0.9 * carpet) * (1.0 - 0.3 * pools.y) * (0.4 + 0.6 * dim);
#endif
#ifdef MOSS_CUSHIONS
    // (round 34's readers at 73.3 s: "the moss reads as blotchy noise", the heartbeat never
    // seen: tiny flowers of cold light strewn through the moss, dim between beats, flared by
    // the heartbeat's wave as it runs out through them -- flowers.glsl)
    {
#ifdef MOSS_FRONT
        float fw = flower_wave;
#else
        float fw = 0.0;
#endif
        vec2 fwd2 = normalize(rd.xz + vec2(1e-5, 0.0));
        float fmask = mix(0.08, 1.0, street_k * street_k) * u_streets * (1.0 - 0.6 * fog_k(t)) * dim;
        g += moss_flowers(xz, t, pix, down, fwd2, fw, e_beat, fmask) * m.glow * 0.9;
    }
#endif
    // (round 27, ``moon``: its glade broken by ripples on the wet street toward the eye)
    g += moss_moon_glade(rd, xz, fp, u_moon) * (1.0 - 0.8 * carpet);
    float fog = 1.0 - exp(-pow(t / 70.0, 2.0));
    vec3 ground = mix(g, horizon, fog);
    ground = mix(ground, mist, u_mist * mist_amount(t));
    vec3 col = mix(sky, ground, smoothstep(-0.002, 0.002, -rd.y));
    frag_colour = moss_finish(col);
}
