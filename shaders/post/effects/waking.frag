#version 330 core
// The waking: "You wake gasping, your cheeks wet, your heart pounding with the unbearable,
// radiant weight of being human."
//
// Eyes still closed: the lids meet in one dark lash line a little below the middle, the
// lashes hanging from it; the light comes through the lids, blood-red and warm (the fire the
// dream's world was without), and the lids' vessels show in it, fanning in from the eye's
// corners and branching, swelling and pulsing with the heart -- lub-dub.  Tears well at the
// lash line and run down the lower lid, wet streaks that bend the light and catch it.  The gasp: a jolt of the frame and a flash.  Then the eyelids open
// -- an almond of two smooth lid curves, the lashes dark soft strands hanging across its top
// and bottom -- dazzled at first, onto the first real light of a morning: the sun just up out
// of the sea, a path of glitter on the water running to the eye, clouds blushing rose against
// the night's last blue, and the light caught in the tears on the lashes.
// Post effect over the whole frame; `amount` 0 is the input, bit for bit (and skipped).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
uniform sampler2D u_input;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
out vec4 frag_colour;

// sRGB decode by a cubic fit (within ~0.5 %; no pow).
vec3 decode(vec3 c) {
    return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878);
}

// Lub-dub: two pulses a beat, the second a third of a beat later and weaker.
float heartbeat(float t, float bpm) {
    float ph = fract(t * bpm / 60.0);
    float a = (ph - 0.04) / 0.05;
    float b = (ph - 0.3) / 0.06;
    return exp(-a * a) + 0.6 * exp(-b * b);
}

// Where the closed lids meet: a gentle downward curve (the closed eye's lash line), a little
// below the middle of the frame, since the upper lid is the larger.
float seam_y(float x) {
    float a = clamp(x / 0.95, -1.0, 1.0);
    return -0.05 - 0.11 * (1.0 - a * a);
}

// The vessels of the lids: from each corner of the eye (off screen, left and right) a fan of
// vessels runs inwards across the lid, each bending and wobbling, thinning as it goes, and
// branching twice; dark crimson lines, thicker while the heart pushes blood through them.
// 1 on a vessel, 0 between.  (Polar coordinates about the corner: the distance to a vessel is
// its radius times the angle between, so each vessel and branch costs a few ALU operations.
// A pixel draws only its own half's fan, which fades out before the middle, and the vessels'
// random shapes are constants, not hashed per pixel: llvmpipe runs every line for every pixel.)
const float VH1[14] = float[](0.259, 0.685, 0.684, 0.849, 0.186, 0.231, 0.147, 0.225, 0.734, 0.130, 0.531, 0.214, 0.295, 0.432);
const float VH2[14] = float[](0.838, 0.608, 0.014, 0.276, 0.147, 0.871, 0.810, 0.806, 0.826, 0.745, 0.949, 0.794, 0.257, 0.850);
const float VH3[14] = float[](0.487, 0.755, 0.564, 0.430, 0.364, 0.430, 0.314, 0.117, 0.820, 0.798, 0.986, 0.691, 0.554, 0.748);
const float VR0[14] = float[](0.135, 0.677, 0.443, 0.177, 0.203, 0.523, 0.253, 0.459, 0.605, 0.396, 0.131, 0.491, 0.235, 0.236);
const float VR1[14] = float[](0.194, 0.366, 0.073, 0.651, 0.954, 0.390, 0.719, 0.933, 0.043, 0.142, 0.806, 0.838, 0.639, 0.160);

float vessels(vec2 q, float swell, float soft, float px) {
    float side = q.x < 0.0 ? -1.0 : 1.0;
    int set = q.x < 0.0 ? 0 : 7;
    vec2 d = q - vec2(side * 1.02, -0.07);
    d.x *= -side;                                       // the fan runs inwards, along +x
    float rho = length(d);
    float th = atan(d.y, d.x);
    float v = 0.0;
    // (round 29b's readers at 192.7 s: "the veins generic curves / flat strands" -- fewer
    // vessels, three over the upper lid and two under, each tapering to a thread,
    // their branches finer than they are)
    const int n = 5, nu = 3;
    for (int i = 0; i < n; i++) {
        int k = set + i;
        float h1 = VH1[k], h2 = VH2[k], h3 = VH3[k];
        // the upper lid's vessels fan upwards, the lower lid's downwards, none on the seam
        float base = i < nu ? mix(0.12, 0.6, (float(i) + 0.5 * h1) / float(nu))
                            : -mix(0.16, 0.5, (float(i - nu) + 0.5 * h1) / float(n - nu));
        float len = 0.75 + 0.6 * h2;
        float wob = sin(rho * (9.0 + 6.0 * h2) + 6.0 * h3);
        float vt = base + (h3 - 0.5) * 0.5 * rho + 0.035 * wob;
        float w = (0.009 + 0.006 * h3) * (1.0 - 0.8 * rho / len) * (1.0 + 0.45 * swell) * (1.0 + soft);
        float core = 0.25 / (1.0 + soft);                  // (soft: a deeper vessel, blurred by the skin over it)
        // (at least a pixel of edge, and thinner than a pixel paler: no stair-stepped dashes
        // now that the vessels stand dark against the light)
        float ink = min(w / px, 1.0);
        v = max(v, ink * smoothstep(w + px, max(core * w - px, 0.0), rho * abs(th - vt)) * smoothstep(len, 0.75 * len, rho));
        // two branches leave the vessel and diverge, one to each side
        for (int j = 0; j < 2; j++) {
            float r0 = len * (0.22 + 0.3 * (j == 0 ? VR0[k] : VR1[k]));
            float sg = j == 0 ? 1.0 : -1.0;
            float bt = vt + sg * ((0.25 + 0.3 * h1) * max(rho - r0, 0.0) / max(rho, 0.05) - 0.015 * wob);
            float bl = r0 + 0.45 * len;
            float bw = 0.38 * w * (1.0 - 0.7 * clamp((rho - r0) / (bl - r0), 0.0, 1.0));
            v = max(v, min(bw / px, 1.0) * smoothstep(bw + px, max(0.8 * core * bw - px, 0.0), rho * abs(th - bt)) * step(r0, rho)
                       * smoothstep(bl, 0.8 * bl, rho));
        }
    }
    return v * smoothstep(0.02, 0.2, abs(q.x));
}

// The lashes: soft dark strands hanging down from a lid margin at height `margin`, curling
// outwards as they hang.  They are a hair's breadth from the eye, far out of focus (`soft`,
// in pixels, blurs them more), so each is a smooth shadow, not a hairline: across the
// strands a continuous soft profile (no per-strand cells, which showed as blocks when
// blurred), their lengths varying smoothly along the lid, and the blur melting neighbours
// into one shadow (round 18's reader: "comb-like lashes").
float lashes(vec2 p, float margin, float dens, float long_, float px, float soft) {
    float below = margin - p.y;
    float lx = p.x * dens + (3.0 + 45.0 * below) * below * p.x * dens * 0.5;
    float per = 1.0 / max(fwidth(lx), 1e-4);                 // pixels per strand
    float blur = clamp((soft + 1.5) / per, 0.0, 1.0);        // how far the blur spans a strand
    float prof = pow(0.5 + 0.5 * cos(TAU * lx), mix(6.0, 1.5, blur));
    // (round 20's reader at 194.9 s: the strands over the opening almond still read as a
    // comb of dark dashes, "moire-striped": once the blur spans most of a strand they melt
    // into one even shadow)
    prof = mix(prof, 0.35, smoothstep(0.1, 0.5, blur));
    float len = long_ * (0.5 + 0.5 * vnoise(vec2(lx * 0.45, 7.0)));
    // (round 29's readers at 192.7 s, both: "a hard horizontal seam crosses the middle" --
    // the strands' root, cut off sharp along the lash line, drew it: the roots are as far out
    // of focus as the strands, so their edge is as soft)
    float root = 0.003 + 0.5 * soft * px;
    return prof * (1.0 - 0.45 * soft / (soft + 6.0))
         * smoothstep(len, 0.25 * len, below) * smoothstep(-root, root, below);
}

// The first light, in linear light: a sea under a dawn sky, seen as the eyes open (`o`,
// 0 .. 1).  No cut-out layers: one subject, the sun just up out of the sea, so bright it
// fills the eye; a sky of clouds in perspective (a ceiling running back to the horizon, dark
// against the glow low down, their undersides blushing rose overhead, their edges lit gold
// towards the sun); shafts of light through the clouds; the sea a long path of glitter to the
// sun, wave crests catching the light and darkening towards the eye; a headland in the haze
// for depth.  At first out of focus (the caller over-exposes it too: the glare of eyes
// opening after the dark), the focus pulling in.  `beat` pulses the sun's glare and the
// glitter (the heart in the light).  `sun` comes back for the light caught on the lashes.
const float HORIZON = -0.1;

// The sky's gradient at height `up` above the horizon (no clouds, no sun): gold on the
// horizon, rose, then the night's last deep blue overhead.
vec3 sky_gradient(float up) {
    vec3 c = mix(vec3(1.4, 0.52, 0.14), vec3(0.42, 0.08, 0.06), smoothstep(0.0, 0.1, up));
    c = mix(c, vec3(0.05, 0.02, 0.06), smoothstep(0.06, 0.24, up));
    return mix(c, vec3(0.004, 0.006, 0.025), smoothstep(0.2, 0.45, up));
}

// How far a noise octave at lattice coordinate `a` is resolved (0 .. 1): its period in
// pixels (from the quad's differences) against `bp`, the blur's width in pixels plus one.
// In focus (a blur of a pixel or two) the waves stay as they were: the fine lines of the
// far sea read as water there; only the out-of-focus sea loses what it cannot hold.
float resolved(vec2 a, float bp) {
    vec2 fw = fwidth(a);
    float k = smoothstep(0.6, 2.0, 1.0 / max(max(fw.x, fw.y), 1e-5) / bp);
    return mix(1.0, k, smoothstep(3.0, 8.0, bp));
}

// The dawn sky's light in a direction seen mirrored in the sea (its height `up` above the
// horizon and `dx` across from the sun): the gradient and the glow along the horizon round
// the sun -- the clouds are too soft in a wave's mirror to be worth their fractal.
vec3 sea_sky(float up, float dx) {
    float ds = length(vec2(dx, up - 0.06));
    return sky_gradient(max(up, 0.0)) + vec3(1.0, 0.5, 0.2) * (0.5 * exp(-ds * 9.0) + 0.35 * exp(-length(vec2(dx * 0.5, up * 3.5)) * 5.0));
}

// One wave of the sea: its slope added to `g` at water point `w`, or, where its period is
// finer than ~7 pixels of the focus (`foot`: a pixel's footprint per unit of wavenumber across
// and up the view), its slope's variance to `var` instead (a rougher mirror, not a stripe).
void sea_wave(vec2 w, vec2 foot, float t, vec2 dir, float kn, float slope, float phase0,
              inout vec2 g, inout float var) {
    vec2 k = normalize(dir) * kn;
    float seen = smoothstep(0.9, 0.35, dot(abs(k), foot));
    float ph = dot(k, w) + sqrt(9.8 * kn) * 0.35 * t + phase0;
    g += k / kn * slope * cos(ph) * seen;
    var += slope * slope * 0.5 * (1.0 - seen);
}

// The sea at morning point `p` (below the horizon), as water: a field of waves (a long swell,
// two crossing chops and a ripple of noise; each wave faded to flat where it would be finer
// than a few pixels of the focus, so the far sea goes smooth, never striped) whose slopes
// tilt the mirror -- each facet shows the sky (sea_sky) up the reflected ray, by Schlick's
// Fresnel over a deep violet-black; the sun's glitter is the specular of the facets that
// face it, sharp specks near the eye and a molten path toward the horizon.
// (round 34's reader at 194.6 s: "the sea is flat bands")
vec3 sea_surface(vec2 p, vec2 sun, float res, float blur, float t, float beat) {
    float below = max(HORIZON - p.y, 0.0);
    float z = 1.0 / (below + 0.012);                                   // how far off
    vec2 w = vec2(p.x * z, z);                                         // on the water's plane
    // a pixel's footprint on the water, per unit of wavenumber: across the view one unit of screen spans z on the water, up the
    // view z^2 -- so a wave's phase step per pixel is |k.x| z + |k.y| z^2 over the height in
    // pixels, times the focus's blur in pixels)
    vec2 foot = vec2(z, z * z) / res * (1.0 + blur * res);
    vec2 g = vec2(0.0);
    float var = 0.0;                                                   // the slopes lost to the blur
    // the waves: direction, wavenumber, slope (amplitude x wavenumber) -- a long swell, two
    // crossing chops, and two nearly across the view (their crests run toward the eye, so they
    // stay resolved far out: the long streaks of a far sea).  (Called out one by one: a
    // constant array indexed in a loop cost llvmpipe a third of the whole pass.)
    sea_wave(w, foot, t, vec2(0.15, 1.0), 1.1, 0.09, 0.0, g, var);
    sea_wave(w, foot, t, vec2(-0.7, 0.7), 2.9, 0.04, 1.7, g, var);
    sea_wave(w, foot, t, vec2(0.8, 0.6), 4.3, 0.03, 3.4, g, var);
    sea_wave(w, foot, t, vec2(0.98, 0.2), 9.0, 0.012, 5.1, g, var);
    sea_wave(w, foot, t, vec2(-0.97, 0.25), 14.0, 0.008, 6.8, g, var);
    // the ripple: noise over the chop, stretched a little across the view (a slope field)
    vec2 nq = vec2(w.x * 3.2, w.y * 2.2 - 0.6 * t);
    float nseen = smoothstep(0.6, 0.25, dot(vec2(3.2, 2.2), foot));
    vec3 n3 = snoise_grad(nq);
    g += vec2(n3.y * 3.2, n3.z * 2.2) * 0.02 * nseen;
    var += 0.006 * (1.0 - nseen);
    // the facet and the eye's ray (the eye a little above the water, looking at the horizon)
    vec3 n = normalize(vec3(-g.x, 1.0, -g.y));
    vec3 rd = normalize(vec3(p.x, -below, 1.0));
    vec3 r = reflect(rd, n);
    r.y = abs(r.y);                                                    // (no ray into the water)
    // (the unresolved waves' slopes tilt the mirror up on average: the far sea shows a
    // higher, darker sky than the horizon's gold, so the horizon stays a line of light)
    float up = r.y / max(length(r.xz), 1e-3) + 0.8 * sqrt(var) + 0.02;
    float fres = 0.02 + 0.98 * pow(1.0 - max(dot(-rd, n), 0.0), 5.0);
    vec3 deep = vec3(0.006, 0.004, 0.012) + vec3(0.02, 0.008, 0.01) * exp(-below * 5.0);
    vec3 sea = mix(deep, 0.4 * sea_sky(up, r.x / max(r.z, 1e-3) - sun.x), fres);
    // the sun's glitter: the facets turned to it; rougher (the unresolved waves' slopes) the
    // further off, so the specks merge into the molten path instead of flickering
    vec3 sd = normalize(vec3(sun.x, sun.y - HORIZON, 1.0));
    // (and the slopes' change across the pixel: a lobe narrower than that would light single
    // pixels along the crests, a crawl of dots -- Toksvig's widening, from the quad's differences)
    vec2 gw = fwidth(g);
    float rough = 0.006 + 1.5 * var + 2.0 * dot(gw, gw);
    // (a glitter path is long and narrow: the slopes along the view are foreshortened at
    // grazing, so the lobe is stretched up and down and narrow across)
    vec2 off = vec2(r.x / max(r.z, 1e-3) - sd.x / sd.z, r.y / max(length(r.xz), 1e-3) - sd.y / sd.z);
    float spec = exp(-off.x * off.x / (0.12 * rough) - off.y * off.y / (5.0 * rough)) * 0.4;
    // (and where the waves are resolved the path breaks into sparks: the crests' tops)
    // out where they are not, it breaks into short streaks of light a few pixels tall, the
    // glints of waves too small to draw, flickering (in screen pixels: never finer than one)
    vec2 sq = vec2(p.x * res * 0.05, p.y * res * 0.4 + 3.0 * t);
    float streak = smoothstep(0.62, 0.9, vnoise(sq));
    float spark = mix(0.25 + 2.6 * streak, 0.35 + 2.2 * smoothstep(0.2, 0.9, n3.x * 0.5 + 0.5), nseen);
    sea += vec3(1.8, 1.05, 0.55) * spec * spark * (0.3 + 0.7 * fres) * (0.85 + 0.3 * beat) * 4.0;
    return sea;
}

// Where the sun stands in the morning (morning()'s coordinates) as the eyes open (`o`).
vec2 morning_sun(float o) {
    return vec2(0.2, HORIZON + 0.045 + 0.035 * smoothstep(0.0, 1.0, o));
}

vec3 morning(vec2 p, float res, float t, float o, float beat, out vec2 sun) {
    float blur = 0.0015 + 0.05 * pow(1.0 - o, 1.5);                  // the focus pulling in
    sun = morning_sun(o);
    vec2 d = p - sun;
    float ds = length(d);
    float up = p.y - HORIZON;
    float sunward = exp(-abs(d.x) * 2.2);
    float glare = (1.0 + 0.3 * beat) * (0.0009 / (ds * ds + 0.0009));        // the sun's own glare

    // -- the sky: a ceiling of clouds in perspective, lit from below by the sun
    float hu = max(up, 0.0);
    vec2 cu = vec2(p.x * 0.9, 1.0) / (hu + 0.06) * vec2(1.0, 0.9) + vec2(0.0, 0.02 * t);
    float c1 = fbm(cu, 4);
    // (the light's side: where the density falls away towards the sun, the cloud's edge
    // faces the sun and glows -- the slope from the pixel quad's own differences, free,
    // instead of a second fractal a step towards the sun)
    vec2 slope = vec2(dFdx(c1), dFdy(c1)) * res;
    float soft = 0.05 + 3.0 * blur;
    float cover = smoothstep(0.5 - soft, 0.68 + soft, c1) * smoothstep(0.0, 0.05, up);
    // (far out of focus the clouds' fine streaks melt into their mean: unresolved, not smeared)
    cover = mix(cover, 0.3 * smoothstep(0.0, 0.05, up), 0.75 * smoothstep(0.012, 0.045, blur));
    float lit = clamp(0.5 + 0.05 * dot(slope, d / max(ds, 1e-3)), 0.0, 1.0);
    vec3 sky = sky_gradient(up);
    float dh = length(d * vec2(0.5, 3.5));                             // the glow spreads along the horizon
    sky += vec3(1.0, 0.5, 0.2) * (0.5 * exp(-ds * 9.0) + 0.35 * exp(-dh * 5.0));
    // (near the horizon the clouds stand dark against the glow; overhead their undersides
    // catch the low sun and blush rose against the night's last blue)
    vec3 under = mix(vec3(0.035, 0.012, 0.03), vec3(0.26, 0.055, 0.08), smoothstep(0.06, 0.32, up));
    vec3 sunlit = mix(vec3(0.9, 0.25, 0.2), vec3(1.8, 0.95, 0.42), exp(-ds * 3.0)) * (0.2 + 1.6 * exp(-ds * 2.4));
    vec3 cloud = mix(under, sunlit, lit * (0.2 + 0.8 * sunward) * smoothstep(0.36, 0.04, up));
    float rim = cover * (1.0 - cover) * 4.0 * exp(-ds * 5.0);             // the silver lining
    sky = mix(sky, cloud, cover * 0.92) + vec3(1.6, 1.0, 0.55) * rim * 0.8;
    // rays from the sun through the gaps in the clouds
    float ang = atan(d.y, d.x);
    float rays = smoothstep(0.35, 0.9, vnoise(vec2(ang * 6.0, 0.1 * t)) * (0.6 + 0.4 * vnoise(vec2(ang * 15.0 + 4.0, -0.07 * t))) * 1.6);
    sky += vec3(1.0, 0.55, 0.25) * 0.3 * rays * (1.0 - 0.7 * cover) * exp(-ds * 7.0) * smoothstep(0.0, 0.04, up);

    // -- the sea: water that mirrors the dawn by its waves (sea_surface below)
    vec3 sea = sea_surface(p, sun, res, blur, t, beat);
    sea += vec3(0.9, 0.4, 0.2) * 0.3 * sunward * exp(-max(-up, 0.0) * 40.0);   // the haze on the water

    // -- the horizon, soft in the haze; a headland to the left, far off, its edge lit
    float hz = smoothstep(-0.002 - blur, 0.002 + blur, up);
    vec3 world = mix(sea, sky, hz);
    float ridge = HORIZON + 0.034 * smoothstep(-0.1, -0.75, p.x) * (0.55 + 0.45 * fbm(vec2(p.x * 6.0, 3.0), 3));
    // (its foot as soft as the focus, and only where the land rises: out of focus, a hard step
    // at its foot drew a crisp line along the whole horizon)
    float land = smoothstep(0.0015 + blur, -0.0015 - blur, p.y - ridge) * smoothstep(HORIZON - 0.004 - blur, HORIZON - 0.004 + blur, p.y)
               * smoothstep(0.0, 0.004, ridge - HORIZON);
    vec3 haze = sky_gradient(0.02) * 0.6;
    vec3 headland = mix(vec3(0.12, 0.05, 0.09), haze, 0.55) + vec3(1.4, 0.7, 0.3) * 0.4 * exp(-abs(ridge - p.y) * 300.0);
    world = mix(world, headland, land);
    // the sun: a disc too bright to look at, and its glare pulsing with the heart
    float disc = smoothstep(0.03 + blur, 0.026 - 0.3 * blur, ds) * hz;
    world = mix(world, mix(vec3(9.0, 7.5, 5.5), vec3(5.0, 2.6, 0.9), smoothstep(0.012, 0.03, ds)), disc);   // white-hot, its limb gold
    world += vec3(1.6, 1.1, 0.7) * glare;
    return world;
}

#include "waking_room.glsl"

void main() {
    float a = clamp(u_amount, 0.0, 1.0);
    vec2 R = u_resolution;
    vec2 p = centered_uv(gl_FragCoord.xy, R);
    float t = mod(u_time, 3600.0);
    float beat = heartbeat(t, u_bpm);
    float o = clamp(u_open, 0.0, 1.0);
    // the gasp jolts the frame inwards and up, the beat swells it a little
    float zoom = 1.0 - 0.06 * u_gasp - 0.012 * beat * (1.0 - o);
    vec2 q = p * zoom + vec2(0.0, 0.02 * u_gasp);

    // the lids: closed, they meet along the seam; opening, the upper lid lifts in a smooth
    // curve and the lower drops a little, an almond onto the world
    float seam = seam_y(q.x);
    float across = clamp(q.x / (0.75 + 0.35 * o), -1.0, 1.0);
    float curve = 1.0 - across * across;
    // (in the room, `room` 1, the lids go on up and down out of the frame: the eyes wide open)
    float upper = seam + (0.64 * curve + 0.7 * u_room) * o;
    float lower = seam - (0.36 * curve * curve + 0.5 * u_room) * o;

    // (wide open on the room, with no gasp, the lids are out of the frame: none of them is
    // drawn -- a uniform branch, skipped for every pixel alike)
    bool lids_seen = u_room < 1.0 || o < 1.0 || u_gasp > 0.0;
    vec2 bend = vec2(0.0);
    float tear = 0.0, spec = 0.0, rimd = 0.0, caustic = 0.0, glow = 0.0, sunlit = 0.0;
    vec3 lid = vec3(0.0);
    if (lids_seen) {
        // tears: welling up at the lash line and running down the lower lid, each a bead of water
        // at the end of the wet streak it leaves (round 20's reader: "the tears two dots").  Both
        // are lenses: the bead a dome that magnifies the lit lid and its vessels under it, with a
        // dark meniscus rim, a hard highlight of the light behind the viewer's shoulder and a
        // bright caustic spot on the lid under it; the streak a thin wet rope that bends the lid a
        // little, a fine glint along its lit edge, a darker line along its shadowed one.
        float fall = seam - q.y;                                    // how far below the seam
        float reach1 = 0.12 + 0.33 * fract(t * 0.11 + 0.3);          // each tear runs on, and wells again
        float reach2 = 0.08 + 0.3 * fract(t * 0.09 + 0.75);
        for (int k = 0; k < 2; ++k) {
            float reach = k == 0 ? reach1 : reach2;
            // (round 27's readers at 194.7 s: "the tear drops tiny pasted-on spheres": full,
            // heavy drops, lenses the lid is seen through)
            // (open, they run on down the cheeks: smaller, out of the lids' shadow -- round 21)
            float big = 1.0 - 0.45 * smoothstep(0.1, 0.6, o);
            float w = (k == 0 ? 0.017 : 0.014) * big;              // the streak's half width
            float rb = (k == 0 ? 0.062 : 0.052) * big;              // the bead's radius
            // the track: each tear's x wanders as it runs down (fall -> x)
            float tx = k == 0 ? q.x + 0.3 + 0.018 * sin(fall * 11.0 + 1.0) + 0.05 * fall
                              : q.x - 0.4 + 0.014 * sin(fall * 15.0 - 0.5) - 0.04 * fall;
            float fc = max(reach - rb, 0.0);                        // the bead's centre, below the seam
            float cx = k == 0 ? -0.3 - 0.018 * sin(fc * 11.0 + 1.0) - 0.05 * fc
                              : 0.4 - 0.014 * sin(fc * 15.0 - 0.5) + 0.04 * fc;
            vec2 c = vec2(cx, seam_y(cx) - fc);
            // the streak, from the lash line down to the bead (thinning as the water runs out)
            float run = smoothstep(-0.004, 0.01, fall) * smoothstep(fc + 0.2 * rb, fc - 0.4 * rb, fall);
            float wk = w * (0.75 + 0.25 * smoothstep(0.0, 0.2, fall));
            float u = tx / wk;
            // (the trail is wettest just behind the bead and has all but dried toward the lash
            // line: a dark-edged rope from the lashes to the bead read to four readers as "tears
            // hanging like pins on strings")
            float fresh = smoothstep(0.0, max(fc, 1e-3), fall);
            run *= 0.12 + 0.88 * fresh * fresh;
            float rope = sqrt(max(1.0 - u * u, 0.0)) * run;
            float aa = 1.5 / (R.y * wk);                            // (a pixel across the streak)
            float in_s = smoothstep(1.0 + aa, 1.0 - aa, abs(u)) * run;
            bend.x += 0.45 * u * wk * rope;
            spec += in_s * 0.12 * exp(-(u + 0.5) * (u + 0.5) * 40.0);
            caustic += 0.5 * rope * rope;
            rimd = max(rimd, in_s * smoothstep(0.55, 1.0, abs(u)) * (u > 0.0 ? 0.3 : 0.15));
            // the bead: a dome a little longer than wide, pulled up into its streak
            vec2 d = (q - c) / vec2(rb, rb * 1.2);
            d.y += 0.25 * max(d.y, 0.0) * max(d.y, 0.0);
            float r = length(d);
            float aab = 1.5 / (R.y * rb);
            float in_b = smoothstep(1.0 + aab, 1.0 - aab, r);
            float z = sqrt(max(1.0 - r * r, 0.0));
            // (round 29b's readers at 192.7 s: "the drops don't refract" -- a bead of water is a
            // strong lens: the glow behind it seen through it inverted and magnified, near twice
            // at the middle, gathering toward the rim, where the dark meniscus hides the turn)
            bend += -(q - c) * (1.0 + 0.55 * z) * in_b;
            vec3 nrm = normalize(vec3(d * 1.3, max(z, 0.05)));
            vec3 light_dir = normalize(vec3(-0.45, 0.6, 0.66));
            float h = pow(max(dot(reflect(vec3(0.0, 0.0, -1.0), nrm), light_dir), 0.0), 50.0);
            spec += in_b * 2.6 * h;
            // and a crisp rim of light along its lit upper edge (the light behind the shoulder
            // grazing the meniscus): a thin arc, a pixel or two wide, brightest toward the light
            // (only once the bead has run clear of the lash line: no bright stroke under it)
            float arc = smoothstep(0.9 - aab, 0.94, r) * smoothstep(1.0, 0.96 - aab, r) * smoothstep(0.12, 0.18, fc - 1.2 * rb)
                      * (1.0 - smoothstep(0.3, 0.8, o));          // (open, the drops run in the lids' shadow: no rim)
            spec += 1.2 * arc * pow(max(dot(d / max(r, 1e-3), normalize(vec2(-0.3, 0.95))), 0.0), 10.0);
            // (inside, the light the dome gathers pools in a bright crescent at its lower side)
            caustic += 1.1 * in_b * smoothstep(0.25, 0.85, r) * smoothstep(0.1, -0.7, d.y);
            rimd = max(rimd, in_b * (0.35 + 0.45 * smoothstep(0.5, -0.5, d.y - 0.4 * d.x)) * smoothstep(0.72, 0.98, r));
            // the light the lens gathers, thrown onto the lid just below the bead's middle
            vec2 cd = (q - c - vec2(0.1, -0.35) * rb) / rb;
            caustic += 0.9 * exp(-dot(cd, cd) * 9.0) * (0.5 + 0.5 * in_b);
            tear = max(tear, max(in_s, in_b));
        }
        vec2 uv = (q * R.y + 0.5 * R) / R + bend;

        // what the closed eye sees: the light, blurred to nothing but its brightness
        vec3 sharp = decode(texture(u_input, clamp(uv, 0.0, 1.0)).rgb);
        vec3 soft = vec3(0.0);
        for (int k = 0; k < 4; k++) {
            float ang = float(k) * (TAU / 4.0) + 0.4;
            vec2 off = vec2(cos(ang), sin(ang)) * 0.09 * vec2(R.y / R.x, 1.0);
            soft += decode(texture(u_input, clamp(uv + off, 0.0, 1.0)).rgb);
        }
        soft = 0.3 * sharp + 0.7 * soft / 4.0;
        // (compressed: a white frame behind the lids lights them, it does not burn them out)
        float light = 1.0 - exp(-1.2 * luma(soft));

        // the lids lit from behind: glowing orange at the thin middle of the upper lid, red, then
        // crimson and dark towards the brow and the cheek; the skin a little mottled
        vec2 qs = q + bend;
        vec2 e = vec2(qs.x * 0.95, (qs.y - 0.05) * 1.45);
        glow = (0.55 + 0.7 * light) * (0.7 + 0.42 * beat) * exp(-dot(e, e) * 2.6);
        glow *= 0.86 + 0.28 * vnoise(qs * 7.0 + 3.0);
        // (round 20's reader: "a flat orange wash" -- the lids drape over the round of the eye,
        // thinnest, so brightest and warmest, over its crown, thicker and darker toward the brow,
        // the cheek and the corners)
        vec2 ball = vec2(qs.x / 1.0, (qs.y - seam - 0.05) / 0.75);
        float crown = sqrt(max(1.0 - dot(ball, ball), 0.0));
        glow *= 0.45 + 0.55 * crown;
        glow *= 1.0 - 0.22 * smoothstep(0.0, -0.1, qs.y - seam);    // the lower lid is thicker
        // (round 25's readers: "a muddy red gradient" -- a ramp of colours painted by brightness.
        // Now the light is a light and the skin filters it as skin does: the sun low behind the
        // lids, high right, where the opening eyes will find it, is a hot spot growing with the
        // dawn (`dawn`) and pounding with the heart; what comes through is that light times the
        // lid's transmittance exp(-thickness x sigma) -- red passes, green less, blue hardly --
        // so the thin crown over the sun burns gold-white, the lid reddens as it thickens and the
        // brow, the cheek and the corners sink to true black: highlights and blacks in one frame.)
        vec2 hs = (qs - vec2(0.17, 0.0 + 0.09 * u_dawn)) * vec2(1.0, 1.35);     // (rising with the dawn)
        sunlit = u_dawn * (0.75 + 0.4 * beat) * (exp(-dot(hs, hs) * 16.0) + 1.5 * exp(-dot(hs, hs) * 90.0));
        float inten = (1.1 * glow + 4.0 * sunlit * (0.5 + 0.5 * crown)) * (0.8 + 0.45 * beat);   // (the heart pounding in the light)
        float thick = 0.45 + 2.6 * (1.0 - crown) + 0.45 * smoothstep(0.0, -0.1, qs.y - seam)
                    + 0.3 * vnoise(qs * 4.0 + 11.0) - 0.25 * smoothstep(0.3, 1.5, sunlit);
        // the vessels: dark crimson, swelling and darkening as each beat pushes the blood through
        // (round 18's reader: "a flat red field" -- the vessels at two depths: deep in the lid a
        // second fan, wide, blurred by the skin over it and plum-dark, the blood reaching it a
        // moment after the surface's; over it the surface vessels, crisp)
        float beat_deep = heartbeat(t - 0.09, u_bpm);
        float vd = vessels(vec2(qs.x * 0.92, 0.02 - qs.y * 1.15), beat_deep, 2.2, 1.0 / R.y);
        float v = vessels(qs, beat, 0.0, 1.0 / R.y);
        // and between them the capillaries: a fine branching net (the crests of a ridged
        // fractal), faint, plum-dark, showing most where the lid is thinnest and lit brightest
        float cap = ridged(qs * vec2(5.0, 7.0) + vec2(2.0, 0.5), 2);
        float capl = smoothstep(0.47, 0.66, cap) * smoothstep(0.2, 0.8, glow) * (1.0 - v);
        // (the blood filters the light as the skin does, only more: the vessels stand dark against
        // the lit lid, darkest where it burns brightest -- silhouettes, not red lines on red)
        vec3 skin = thick * vec3(0.85, 3.4, 7.0);
        // (round 27's readers at 194.7 s: "the veins look like strands of hair" -- dark lines in
        // doubled fans: the blood filters as blood does, red passing, so the vessels are deep
        // crimson channels in the glow, and the blurred deep fan is a faint plum shade under them)
        vec3 blood = vec3(0.55, 3.2, 4.2) * (vd * (0.18 + 0.1 * beat_deep) + v * (0.9 + 0.35 * beat))
                   + vec3(0.5, 0.9, 1.0) * capl * (0.3 + 0.15 * beat);
        lid = inten * exp(-skin - blood) * vec3(1.5, 1.15, 1.0);
        // the lash line: the lids pressed together, in their own shadow
        float margin_d = min(abs(qs.y - upper), abs(qs.y - lower));
        // (soft: the lids' crease is in their own shadow, never an inked line)
        // (round 27's readers: "a flat dark band crosses the middle" -- a thin crease, deepest
        // where the lids meet over the eye, fading toward the corners)
        // (round 29's readers at 192.7 s: "a hard horizontal seam" -- the crease a wide soft
        // shade, the lids rounding into it, not a pencil line)
        lid *= 1.0 - 0.4 * exp(-margin_d * margin_d * 1800.0) * (1.0 - 0.6 * abs(clamp(qs.x, -1.0, 1.0)));
    }

    // the eyes open onto the world through the almond between the lids
    // (lids out of focus; open, the eye looks past them into the distance, so they blur most)
    float edge = 0.012 + 0.02 * (1.0 - o) + 0.05 * smoothstep(0.3, 1.0, o);
    float inside = smoothstep(-edge, edge, upper - p.y) * smoothstep(-edge, edge, p.y - lower)
                 * smoothstep(0.015, 0.08, o);
    // (round 27's readers at 194.7 s: "a flat dark band crosses the middle" -- the first
    // instant of opening let 1 % of the dazzled world through the shut seam, a grey streak
    // along it: the eye shows the world only once the lids have parted)
    // the lashes: the upper lid's hang down from it (over the lower lid while the eyes are
    // shut: the dark line every closed eye is drawn with); the lower lid's point up, once open
    // wide open (fringe_on 1, below) the strands are not drawn: they would be mixed away.
    // (o is a uniform, so the branch is the same for every pixel and fwidth stays defined.)
    float fringe_on = smoothstep(0.35, 0.9, o);
    float lash = 0.0;
    if (fringe_on < 1.0) {
        // (round 18's reader: "comb-like lashes" -- even shut, the lashes are a hair's breadth
        // from the eye, far out of focus: soft dark shadows hanging from the lash line, the
        // strands melting into one another, never a comb of hard strokes)
        float blur_px = (7.0 + 1.5 * smoothstep(0.02, 0.3, o) + 3.0 * smoothstep(0.2, 0.9, o)) * R.y / 360.0;
        lash = max(lashes(q, upper, 31.0, 0.09 - 0.01 * o, 1.0 / R.y, blur_px),
                   0.8 * lashes(q + vec2(0.013, 0.0), upper, 19.0, 0.075, 1.0 / R.y, blur_px));
        vec2 m = vec2(q.x * 1.4, 2.0 * lower - q.y);
        lash = max(lash, 0.6 * smoothstep(0.02, 0.2, o) * lashes(m, lower, 24.0, 0.045, 1.0 / R.y, blur_px));
    }
    // wide open, the strands (blurred, they would show their cells as blocks) give way to what
    // the eye sees of its own lashes: a soft dark fringe under the upper lid, fainter over the
    // lower, breathing a little along its length
    float bu = upper - q.y, bl = q.y - lower;
    float fringe = (1.0 - smoothstep(0.0, 0.085, bu)) * smoothstep(-0.08, -0.01, bu) * (0.75 + 0.25 * vnoise(vec2(q.x * 18.0, 1.0)))
                 + 0.45 * (1.0 - smoothstep(0.0, 0.04, bl)) * smoothstep(-0.08, -0.01, bl);
    lash = mix(lash, 0.7 * fringe, fringe_on);
    lash *= 1.0 - 0.85 * pow(clamp(abs(q.x) / 0.9, 0.0, 1.0), 2.0);
    float above = max(p.y - lower, 0.0);

    // the world, radiant with the morning
    vec2 sun = vec2(0.3, 0.05);
    vec3 world = vec3(0.0);
    if (u_room < 1.0) world = morning(q, R.y, t, o, beat, sun);
    if (u_room > 0.0) {
        // (round 29's readers at 191.5 s: "a placeholder", "waking up gasping in a real room
        // never seen" -- the eyes open from the pillow onto a bedroom at first light, the
        // window over the sea, swimming in tears that double it and run, the focus pulling in;
        // `push`: the head lifting toward the window)
        float tr = clamp(u_tears, 0.0, 1.0);
        // (round 32: 191.8 and 193.5 s one picture -- `roll`: first the room seen from a head
        // lying on its side on the pillow, tilted, levelling as the head lifts)
        float cr = cos(u_roll), sr = sin(u_roll);
        vec2 v = mat2(cr, sr, -sr, cr) * q / (1.0 + 1.4 * u_push) + vec2(0.2, 0.05) * u_push;
        float drim, dglint, dsoft;
        vec2 vb = tear_lenses(v, tr, drim, dglint, dsoft);
        // (through a drop the sight is further out of focus, and a little brighter: the water
        // gathers the window's light)
        // (round 30's readers at 192 s: "almost entirely blur, no readable subject", "reads as
        // mush" -- the tears blur the sight a little, and through the drops more: the window,
        // the sun, the curtain and the hand read from the first moment the eyes are open)
        float fz = min(0.16 * tr + 0.3 * dsoft, 1.0);
        vec3 room = bedroom(vb, R.y, t, beat, fz, true);
        vec3 ghost = bedroom(vb + vec2(0.004, 0.02) * tr, R.y, t, beat, fz, false);
        room = mix(room, ghost, 0.12 * tr);
        // (round 29's readers: "no human" -- the dreamer's own hand on the covers, a dark
        // silhouette rimmed by the window's light)
        // (as the head lifts, the hand on the covers drops out of the frame: no fingertips
        // left standing on its foot)
        room = dreamer_hand(vb + vec2(0.0, 0.8 * u_push), room, max(fz, NEAR_DEFOCUS));
        room = room * (1.0 + 0.25 * dsoft + 3.0 * dglint);   // (the highlight gathers the light behind it: no grey haze on the dark wall)
        world = mix(world, room, u_room);
    }
    // opening after the dark, the eye is dazzled: the morning blooms out of the glare
    world *= mix(3.0 - 1.6 * u_room, 0.75, smoothstep(0.4, 1.0, o));   // (the room: dazzled less, its darks kept)
    // a wet shine along the lower lid (tears pooling)
    world += vec3(1.0, 0.85, 0.7) * 0.3 * (1.0 - 0.8 * fringe_on) * exp(-above * above * 12000.0) * step(0.0, above);
    // open, the lids fall into their own shadow: a deep warm dark round the world, not a
    // lit red border (the light now comes in through the eye, not through the lids)
    vec3 open_lid = mix(lid, vec3(0.030, 0.016, 0.013) * min(glow, 1.2) + vec3(0.003, 0.002, 0.002), smoothstep(0.1, 0.8, o));
    // (wide open, the world falls off into the lids' dark like a vignette: no lighter rim of
    // half-seen sky along the blurred lid)
    float seen = mix(inside, inside * inside * inside, fringe_on);
    vec3 lin = mix(open_lid, world, seen);
    lin *= 1.0 - mix(0.45, 0.9, fringe_on) * lash;     // (shut, the lashes a soft shade: no band)
    // the tears catch the light: on the lids, not across the world
    // the tears: clear water over the lid, so they show as the lid's own light, brighter and
    // yellower through the lens of the drop, with a small hard highlight in each bead
    // (open, the tears have run down onto the cheeks, out of sight)
    float shut = 1.0 - smoothstep(0.4, 0.9, o);
    float on_lid = (1.0 - inside) * (1.0 - 0.9 * lash) * mix(0.6, 1.0, shut);
    // (over the open lids' shadow the drop shows that shadow, not the shut lids' lit red:
    // round 21's reader saw "a red spike at the bottom" of the open eye at 196.3 s)
    vec3 lid_now = mix(open_lid, lid, shut);
    // (round 27's readers: "pasted-on spheres" -- the light a drop gathers is the lid's own,
    // warm, not a grey-blue glass: the drop reads as water on the skin)
    vec3 wet = lid_now * (1.0 + 0.25 * tear) * (1.0 - rimd) + (lid_now * vec3(1.25, 1.05, 0.85) * 0.6 + vec3(0.5, 0.22, 0.07) * min(glow, 1.0) * shut) * caustic
             + vec3(1.0, 0.92, 0.82) * spec * mix(0.35, 1.0, shut);
    lin = mix(lin, wet, on_lid * max(tear, min(caustic, 1.0)));
    // the light caught in the tears on the lashes: strung along the upper lash line, far out
    // of focus, each drop a soft disc of the sun's light with a brighter rim (bokeh),
    // brightest towards the sun and swelling with the heart
    float lx = q.x * 6.0 + 0.5;
    float id = floor(lx);
    vec2 drop = vec2((id + 0.35 + 0.3 * hash11(id + 41.0) - 0.5) / 6.0, upper - 0.035 - 0.03 * hash11(id + 73.0));
    float dr = length(q - drop) / (0.045 + 0.025 * hash11(id + 9.0));
    float caught = smoothstep(1.0, 0.75, dr) * (0.4 + 0.6 * smoothstep(0.3, 0.95, dr))
                 * step(0.5, hash11(id + 17.0)) * exp(-abs(drop.x - sun.x) * 5.0)
                 * smoothstep(0.25, 0.7, o) * (0.75 + 0.5 * beat);
    // (round 26: at 0.07 the drops' rings over the sky read as a lens flare's ghosts -- round
    // 25's readers mark down "lens-flare clip art": a glint of them, no more)
    lin += vec3(1.4, 0.95, 0.6) * 0.02 * caught * (1.0 - u_room);   // (the room: its own drops over the eye)
    // the gasp's flash: the light through the lids leaps up and a warm haze rises over them,
    // but the lash line, the vessels and the tears stay in it (a flash, never a blank frame)
    // (round 26: the broad warm haze it raised, bloomed by the lens, read as milk at 190.6 s --
    // the flash is the sun behind the lids flaring, the lids round it a little brighter, the
    // corners kept dark)
    lin *= 1.0 + 0.35 * u_gasp;
    lin += vec3(1.2, 0.55, 0.12) * u_gasp * sunlit * (1.0 - 0.9 * lash) * (1.0 - inside);
    vec3 woke = linear_to_srgb(1.0 - exp(-lin * 1.3));
    vec3 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0).rgb;
    // The waking comes in as a blink, not a cross-fade (round 19's reader at 190.4 s: "a milky
    // double exposure"): as `amount` rises the lids sweep in from above and below and shut on
    // the white of the breath, the frame outside them already the lit lids, the world still
    // sharp through the closing almond, a soft shadow along each lid's edge.  1 is the
    // shut eye (no almond left), exactly as before.
    float s = 1.0 - smoothstep(0.0, 1.0, a);
    float bow = 1.0 - 0.25 * p.x * p.x;
    float top = seam + 1.0 * s * bow, bottom = seam - 0.7 * s * bow;
    float bedge = 0.006 + 0.01 * s;
    float through = smoothstep(-bedge, bedge, top - p.y) * smoothstep(-bedge, bedge, p.y - bottom) * step(a, 0.999);
    float rim = min(abs(p.y - top), abs(p.y - bottom));
    vec3 shut_lids = woke * (1.0 - 0.85 * exp(-rim * rim * 900.0) * step(a, 0.999));
    vec3 res = mix(shut_lids, src, through);
    frag_colour = vec4(a > 0.0 ? dither8(clamp(res, 0.0, 1.0), gl_FragCoord.xy, u_frame) : src, 1.0);
}
