#version 330 core
// The close shot (``shot`` 1): down at the surface of the pool, tears of quicksilver falling
// into it.  Round 20's readers missed the beat "they weep quicksilver that pools at your feet
// and hardens into mirrors" in the pool seen from above, so this shot shows it close: each
// tear a ray-traced ellipsoid stretched by its speed, mirroring the night (the violet haze on
// the horizon, the candles, the Serenes' cold eyes) with Fresnel and one sharp highlight; near
// tears large and out of focus, far ones small and sharp; each landing rings the liquid; then
// the surface hardens from where they fall, outwards, into broad mirror panes (Voronoi
// cells, each set a hair off level so it gives back its own piece of the night), a dark
// hairline crack between them.  Everything that moves is worked out on the CPU (scenes/_tears_close.py);
// this pass is the whole image, drawn instead of the pool's passes while the shot lasts.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"

#define CLOSE_TEARS 10
#define CLOSE_WAVES 12
#define CLOSE_PUDDLES 12
uniform vec2 u_resolution;
uniform int u_frame;
uniform vec4 u_ctears[CLOSE_TEARS];  // x, y, z, horizontal radius (world units)
uniform float u_ctear_ry[CLOSE_TEARS];   // vertical radius
uniform int u_ctear_count;
uniform vec4 u_cwaves[CLOSE_WAVES];  // x, z, age (s), amplitude
uniform int u_cwave_count;
uniform vec3 u_ccam_pos;
uniform vec3 u_ccam_target;
uniform float u_ccam_focal;
uniform vec4 u_cfreeze;              // freeze front: x, z of its origin, radius, hardness 0..1
uniform float u_cphase;              // the liquid's slow swell (radians, wrapped on the CPU)
uniform vec4 u_cpool;                // the pool at the feet: x, z of its centre, radius
uniform vec4 u_cpuddles[CLOSE_PUDDLES];   // landed tears' spills: x, z, radius, age
out vec4 frag_colour;

const float FOCUS = 1.25;            // the focused distance (world units from the camera)
// (round 34's readers at 165.2 s: "the droplet reads as a flat ellipse" -- a near tear's
// defocus flattened it into a soft disc with a ring: a smaller aperture keeps it a crisp bead
// of metal giving back the night)
const float APERTURE = 0.004;        // blur (world units at the subject) per unit of defocus
const vec3 KEY = vec3(-0.42, 0.62, -0.66);      // a cold light high behind the viewer, left
const vec3 SUN = vec3(0.3606, 0.1980, 0.9115);    // ~11 deg up, ahead right
const float SUN_R = 0.04;                          // its angular radius (radians)
const vec3 MOON = vec3(-0.2395, 0.4226, 0.8741);   // ~25 deg up, ahead left (above the frame: the tears mirror it)
// (round 29's readers at 164.7 s: "orange blobs on the horizon" -- the flames stood off to the
// side of the figures: each now at its Serene's feet, lighting the veil above it)
const vec3 CANDLE_A = vec3(-0.2425, 0.012, 0.9701);   // at the feet of the Serenes
const vec3 CANDLE_B = vec3(0.0949, 0.010, 0.9954);

// ---------------------------------------------------------------- the night the metal gives back

// A soft disc of light at direction c, angular radius rad, widened by blur (radians).
float glow_disc(vec3 r, vec3 c, float rad, float blur) {
    float a = sqrt(max(2.0 * (1.0 - dot(r, c)), 0.0));
    float w = 0.002 + blur;
    float spread = rad / (rad + blur);               // a blurred light spreads its energy thinner
    return (1.0 - smoothstep(rad - w, rad + w, a)) * spread * spread;
}

// Three Serenes standing far off round the pool: soft hooded shadows against the violet haze
// (far behind the focus, so soft by nature), each with two cold mercury eyes.
// Returns (coverage, eyes, candle-lit veil, moon rim); serene_halo: the mist lit behind them.
float serene_halo = 0.0;
vec4 serenes_far(float az, float el, float blur) {
    float cover = 0.0;
    float eyes = 0.0;
    float lit = 0.0;
    float rim = 0.0;
    serene_halo = 0.0;
    for (int i = 0; i < 3; ++i) {
        float c = -0.26 + 0.34 * float(i) + 0.04 * float(i * i);
        float h = 0.15 - 0.03 * float(i == 1);                // the middle one stands further off
        vec2 q = vec2(az - c, el);
        // a hood (an egg, pointed a little at the crown) over a veil that falls, narrowing, to
        // the ground: tall and slender, no cone
        vec2 hq = (q - vec2(0.0, h)) * vec2(1.0, 0.7);
        float head = length(hq) - 0.021 + 0.007 * smoothstep(0.0, 0.02, hq.y);
        // (round 34's readers: "vague smudges" -- a robe with shoulders under the hood, widening
        // a little to its hem, its folds waving the outline: a figure, not a post)
        float w = 0.019 + 0.011 * smoothstep(h - 0.012, h - 0.04, q.y) + 0.007 * smoothstep(h * 0.7, 0.0, q.y)
                + 0.0025 * sin(q.y * 90.0 + float(i)) * smoothstep(h - 0.03, h * 0.5, q.y);
        float body = max(abs(q.x) - w, q.y - h + 0.012);
        float d = min(head, body);
        // the lit mist behind each one, so its dark hood reads against it as a silhouette
        // (round 32: the figures were black on black, only their eyes and threads seen)
        vec2 hq2 = vec2(q.x * 6.5, (q.y - 0.5 * h) * 5.5);
        serene_halo += exp(-dot(hq2, hq2) * 2.2);
        float ci = 1.0 - smoothstep(-0.002 - blur, 0.002 + blur, d);    // (round 34: a crisp outline)
        cover = max(cover, ci);
        // (round 29's readers at 164.7 s: "the Serenes only eyes", "orange blobs on the
        // horizon": the candles at their feet light their veils from below, warm, fading up
        // the robe, brightest along its folds' edges; the moon ahead left rims their left side)
        float edge = exp(-abs(d + 0.006) / (0.006 + blur));
        lit += ci * (0.45 + 0.55 * edge) * smoothstep(h + 0.01, 0.0, q.y);
        rim += ci * exp(-abs(d + 0.004) / (0.003 + 0.5 * blur)) * smoothstep(0.004, -0.01, q.x) * smoothstep(0.0, h, q.y);
        vec2 e = vec2(abs(q.x) - 0.0055, q.y - h + 0.001);
        eyes += exp(-dot(e, e) / (0.000006 + blur * blur * 0.02));      // (the eyes stay points)
        // (round 32's readers: "just pairs of eye dots" -- no one saw them weep): from each
        // eye a thread of quicksilver runs down the veil to the pool, beads of it sliding down
        // the thread, brightest just under the eye, thinning toward the ground
        if (abs(q.x) < 0.02 && q.y < h) {                             // (only near the figure)
            float below = h - 0.003 - q.y;                                   // how far under the eye
            float tx = abs(q.x) - 0.0055 - 0.0015 * sin(below * 55.0 + float(i) * 1.7) * smoothstep(0.0, 0.03, below);
            float span = smoothstep(-0.001, 0.004, below) * (1.0 - smoothstep(h - 0.03, h + 0.005, below));
            float b = fract(below * 9.0 - u_cphase * 0.4775 + float(i) * 0.37);   // (a bead or two at a time)
            float bead = exp(-b * b * 160.0) + 0.5 * exp(-(1.0 - b) * (1.0 - b) * 600.0);
            float fall = 1.0 - 0.75 * smoothstep(0.0, h, below);
            // (round 32's readers at 164.8 s: "stick-line placeholders / stick figures" -- two
            // unbroken pale threads under the eyes were the figures' legs: a few beads sliding
            // down the veil, the thread between them barely there)
            eyes += exp(-tx * tx / (0.0000008 + blur * blur * 0.006)) * span * fall * (0.006 + 0.22 * bead * bead);
        }
    }
    return vec4(cover, eyes, lit, rim);
}

// The violet sun as a body, not a flat disc (round 28's note: "a soft flat disc"): a sphere
// darkening to a deep violet limb, its face boiling with granules, a thin hot rim and a faint
// ragged corona.  Its blur is capped: it is the brightest thing in the night and reads sharp
// even beyond the focus, so its surface survives the lens.
vec3 sun_body(vec3 r, float blur) {
    vec3 e1 = normalize(cross(vec3(0.0, 1.0, 0.0), SUN));
    vec3 e2 = cross(SUN, e1);
    vec2 q = vec2(dot(r, e1), dot(r, e2)) / SUN_R;                  // disc radii from its centre
    float d = length(q);
    if (dot(r, SUN) < 0.9 || d > 4.0) {
        return vec3(0.0);
    }
    float b = min(blur, 0.0025) / SUN_R;
    float disc = 1.0 - smoothstep(1.0 - b - 0.02, 1.0 + b + 0.02, d);
    float mu = sqrt(max(1.0 - d * d, 0.0));
    // granules: cells foreshortened toward the limb, two octaves, faded where they would alias
    vec2 gq = q / (0.35 + 0.65 * mu);
    float gran = vnoise(mat2(0.8, -0.6, 0.6, 0.8) * gq * 5.0 + 3.1) * 0.5
               + vnoise(mat2(0.5, 0.87, -0.87, 0.5) * gq * 11.0 - 7.7) * 0.3
               + vnoise(gq * 23.0 + 1.3) * 0.2;
    gran = 1.0 - abs(2.0 * gran - 1.0);              // bright cells, dark lanes between them
    float detail = 1.0 - smoothstep(0.01, 0.02, blur);    // (rippled liquid blurs it: no boiling there)
    float face = pow(mu, 0.8) * (0.75 + 0.6 * (gran - 0.6) * detail);
    vec3 hot = mix(vec3(0.22, 0.06, 0.75), vec3(0.75, 0.5, 1.15), smoothstep(0.3, 1.0, face));
    vec3 col = hot * face * 0.75 * disc;
    // the hot rim just inside the limb, and the corona's ragged streamers outside it
    col += vec3(0.6, 0.3, 1.2) * exp(-abs(d - 1.0) * 40.0) * 0.15;
    float ang = atan(q.y, q.x);
    float streak = 0.55 + 0.45 * vnoise(vec2(ang * 3.2, 1.7)) * vnoise(vec2(ang * 9.0, 4.2));
    col += vec3(0.45, 0.14, 1.1) * exp(-max(d - 1.0, 0.0) * (3.5 / streak)) * (1.0 - disc) * 0.12;
    return col;
}

// How much of the key light's broad soft window a mirror gives back (the tears take only its
// hard core: its wide wash behind the viewer filled a drop's face with an even lavender glow,
// round 28's "glass bubble").
float key_wash = 1.0;
// The Serenes' eyes in what a mirror gives back (0 in the tears: round 29's readers found "the
// eyes inside the drops odd", paired glints staring out of each drop).
float tear_eyes = 1.0;
// The sun's disc in what the night gives (0 in the hardened panes, which take one reflection of
// it from the level pool instead: round 32's readers at 164.8 s, "the sun's reflection repeats
// on the tiles", each pane set off level gave back its own copy).
float sun_in = 1.0;

// Radiance from the upper half of the world along r (r.y >= 0), blur in radians.
vec3 night_up(vec3 r, float blur) {
    float el = r.y;
    float az = atan(r.x, r.z);
    // the dream's violet sun, low over the haze ahead, and its emerald moon high behind
    // (the near liquid mirrors it): crisp discs, the brightest colour in the night
    vec3 col = vec3(0.0015, 0.001, 0.003);
    float sun_x = max(1.0 - dot(r, SUN), 0.0);
    col += sun_body(r, blur) * sun_in + vec3(0.45, 0.12, 1.1) * (exp(-sun_x * 300.0) * 0.06 + exp(-sun_x * 40.0) * 0.025);
    col += vec3(0.12, 0.8, 0.38) * (glow_disc(r, MOON, 0.028, blur) * 1.1
           + exp(-max(1.0 - dot(r, MOON), 0.0) * 900.0) * 0.05);
    // a faint cold dome, brighter behind the viewer where the key light hangs
    col += vec3(0.02, 0.018, 0.035) * smoothstep(0.1, 0.9, r.y) * (1.0 + 3.0 * smoothstep(0.2, -0.8, r.z));
    // the violet haze over the far street, brightest ahead, and its thin pale line at the horizon
    // (round 28's note: "the horizon haze band flat" -- it thickens and thins along the horizon,
    // banks of mist lit unevenly by the city, the pale line brightest where the haze parts)
    float ahead = 0.35 + 0.65 * smoothstep(-0.4, 0.9, r.z);
    float bank = vnoise(vec2(az * 7.0, 2.3)) * 0.7 + vnoise(vec2(az * 19.0, 5.1)) * 0.3;
    float thick = 0.55 + 0.9 * bank;
    // (round 34's readers at 165.2 s: "a smeared bright horizon band": the haze a low violet
    // glow, dimmer, and no pale stripe -- the horizon is night, the Serenes stand against it)
    col += vec3(0.30, 0.14, 0.62) * (exp(-el * 30.0 / thick) * 0.11 * thick + exp(-el * 8.0) * 0.03) * ahead;
    // (round 31, the lead at 164.7 s: "a hard bright horizon band cuts the frame across": the
    // pale line lower and softer, melting up into the haze instead of a ruled stripe)
    col += vec3(0.55, 0.5, 0.95) * exp(-el * (70.0 - 30.0 * min(blur * 30.0, 1.0))) * ahead
         * 0.045 * (1.35 - 0.9 * smoothstep(0.3, 0.8, bank));
    // (round 35 follow-up: still "a smeared bright horizon band" -- the haze and its line
    // halved again: the hooded figures, not a stripe of light, carry the horizon)
    // the glass city far off in the haze: towers of uneven height, dark against its glow,
    // a faint violet edge where they catch it (out of focus: the lens softens them)
    float slot = floor(az * 11.0);
    vec3 th = hash_to_unit(pcg3d(uvec3(uint(int(slot) + 5000), 7u, 3u)));
    float tall = (0.015 + 0.055 * th.x * th.x) * step(0.45, th.y);    // gaps between them
    float inslot = fract(az * 11.0) - 0.2 - 0.6 * th.z;                  // where in its slot, how wide
    float half_w = 0.05 + 0.1 * th.x;
    float soft = 0.03 + blur * 11.0;
    float towers = (1.0 - smoothstep(tall - 0.004 - blur, tall + 0.004 + blur, el))
                 * (1.0 - smoothstep(half_w - soft, half_w + soft, abs(inslot)));
    // (only where seen sharp enough: compressed in a tear's curve their slots would stripe)
    towers *= 1.0 - smoothstep(0.012, 0.03, blur);
    col = mix(col, col * 0.3 + vec3(0.02, 0.012, 0.05) * exp(-(tall - el) * 60.0), towers * 0.7);
    // the Serenes against it, dark, their eyes the coldest light in the night
    // (round 34's readers at 165.2 s: "the Serenes vague smudges": far behind the focus, yet
    // kept nearly sharp -- clear dark hooded forms, the lens softening them only a little)
    vec4 s = serenes_far(az, el, 0.3 * blur + 0.0012);
    col += vec3(0.36, 0.22, 0.7) * 0.07 * serene_halo * ahead;
    col = mix(col, vec3(0.003, 0.002, 0.006) + col * 0.04, s.x);
    col += vec3(0.85, 0.95, 1.3) * s.y * 2.5 * tear_eyes;
    // the candles' light up their veils (each candle's pool of light on the figure nearest it)
    vec2 ca = vec2(az - atan(CANDLE_A.x, CANDLE_A.z), (el - 0.01) * 0.7);
    vec2 cb = vec2(az - atan(CANDLE_B.x, CANDLE_B.z), (el - 0.01) * 0.7);
    float warm = exp(-dot(ca, ca) / 0.0045) + 0.85 * exp(-dot(cb, cb) / 0.0045);
    // (round 34: "orange glows" -- the candle's warmth only on the hem, the moon's cold rim the
    // light that models each hooded form)
    col += vec3(1.0, 0.5, 0.2) * 0.1 * s.z * warm + vec3(0.45, 0.5, 0.85) * 0.3 * s.w;
    // candles at their feet, warm (the only warm light: the refusal's)
    // (round 29's readers: "the orange reflections have no source" -- the flames, out of focus
    // on the far horizon, spread too thin to see: each now a warm bokeh glow that reads as the
    // light the streaks in the pool are drawn from)
    // (round 34's readers at 165.2 s: "orange glows" -- the flames small and crisp, their
    // halo close about them, not a smear of warm light over the figures)
    float cblur = min(blur, 0.0015);
    col += vec3(1.7, 0.8, 0.27) * (glow_disc(r, CANDLE_A, 0.004, cblur) * 0.9
           + exp(-max(1.0 - dot(r, CANDLE_A), 0.0) * 6000.0) * 0.25
           + exp(-max(1.0 - dot(r, CANDLE_A), 0.0) * 1500.0) * 0.03);
    // (round 35 follow-up: "orange glows" again -- the flames dimmer, so the lens's bloom no
    // longer swallows the hems: small points of warm light, the figures dark above them)
    col += vec3(1.55, 0.7, 0.23) * (glow_disc(r, CANDLE_B, 0.0035, cblur) * 0.7
           + exp(-max(1.0 - dot(r, CANDLE_B), 0.0) * 6000.0) * 0.2
           + exp(-max(1.0 - dot(r, CANDLE_B), 0.0) * 1500.0) * 0.025);
    // the key light: one small cold disc, the sharp highlight on every tear
    // (a soft cold window of light with a hard core: the tears read as metal, not black glass)
    float k = max(1.0 - dot(r, normalize(KEY)), 0.0);
    col += vec3(1.0, 0.97, 1.05) * (glow_disc(r, normalize(KEY), 0.11, blur) * 7.0 + exp(-k * 14.0) * 0.45) * key_wash;
    return col;
}

// Radiance along any direction: below the horizon the pool mirrors the night back, darker.
vec3 night(vec3 r, float blur) {
    float below = smoothstep(0.004 + blur, -0.004 - blur, r.y);
    return night_up(vec3(r.x, abs(r.y), r.z), blur) * mix(1.0, 0.62, below);
}

// Mercury: neutral, high F0 rising to 1 at grazing.
vec3 mercury(vec3 n, vec3 v, vec3 r, float blur) {
    float f = 0.74 + 0.26 * pow(1.0 - clamp(dot(n, v), 0.0, 1.0), 5.0);
    return f * vec3(0.96, 0.97, 1.0) * night(r, blur);
}

// ---------------------------------------------------------------- the tears

// The lifted sky a mirror of mercury gives back: violet overhead, paling to a white-hot line at
// the horizon (silver holding a violet sky).  The tears and the pool at the feet both hold it:
// mercury is a bright thing, the whole night bent round it.
vec3 sky_lift(vec3 r, float blur) {
    float a = abs(r.y);
    return vec3(0.04, 0.03, 0.10) + vec3(0.55, 0.50, 0.75) * exp(-a * 3.5)
         + vec3(0.9, 0.92, 1.0) * exp(-a * (40.0 - 25.0 * min(blur * 20.0, 1.0))) * 1.5;
}

// What a tear gives back (round 34's follow-up at 165.2 s: the near tear read as "a glass ball
// with a band across it" / "a mirror bubble" -- a bright belt round its waist and a milky lift).
// A drop of mercury is a chrome mirror of the world round it, nothing of its own: its upper
// half gives back the dark violet sky (the sun's violet, the hooded Serenes dark against the
// haze), its lower half the frozen plates it falls toward -- bright polished panes, the
// Serenes' eyes mirrored in them, the cracks between the panes bending round its belly -- and
// one hard specular, the moon's.  No belt: where sky meets floor on the drop it is the dark
// horizon.  tear_face is how far the point faces the viewer (0 at its outline): at the grazing
// outline it looks along the horizon (the candles fade out there).
float tear_face = 1.0;

float tear_cheap = 0.0;

vec3 tear_env(vec3 r, float blur) {
    float el = r.y;
    float hb = max(blur, 0.02);
    float dn = max(-el, 0.0);
    float below = smoothstep(0.04, -0.04, el);
    // one look at the night serves both halves (llvmpipe pays every branch: one call, not two):
    // above, the sky itself; below, the floor giving the sky back, the Serenes' eyes in it
    key_wash = 0.0;
    tear_eyes = below;
    // (mirrored in the pool a tear is small and dim: there it takes the night's broad tones,
    // not a second full look at it)
    vec3 seen = tear_cheap > 0.5
              ? vec3(0.05, 0.03, 0.11) + vec3(0.3, 0.16, 0.6) * exp(-abs(el) * 12.0) * 0.25
              : night_up(vec3(r.x, abs(el) + 0.004, r.z), hb);
    tear_eyes = 1.0;
    key_wash = 1.0;
    vec3 sky = seen * 0.9 + vec3(0.03, 0.02, 0.07) * smoothstep(0.2, 0.8, el);
    // below: the frozen panes' own pale sheen under the mirrored night, brightest a little
    // under the horizon (the panes seen at a glance), none on the horizon itself
    vec3 floor_c = seen * 0.68
                 + vec3(0.42, 0.38, 0.62) * exp(-dn * 3.0) * smoothstep(0.02, 0.25, dn) * (0.3 + 0.4 * u_cfreeze.w);
    // the panes' cracks, curved round the drop's belly: a dark cut, a bright bevel beside it
    // (a value-noise contour: one lookup, where plates() would cost nine cells twice over)
    vec2 q = r.xz / max(dn, 0.1) * 0.28 + 3.7;
    float cn = abs(vnoise(q) - 0.5);
    float cw = 0.012 + 0.2 * hb;
    float on = u_cfreeze.w * smoothstep(0.06, 0.3, dn);
    float cut = (1.0 - smoothstep(0.0, cw, cn)) * on;
    float bevel = exp(-max(cn - cw, 0.0) / cw) * (1.0 - cut) * on;
    floor_c = floor_c * (1.0 - 0.85 * cut) + vec3(0.8, 0.82, 0.95) * bevel * 0.5;
    // the dark stone straight under it: only the bottom edge
    floor_c *= mix(1.0, 0.25, smoothstep(0.5, 0.95, dn));
    // (the join soft, and dark: the horizon is night, no belt)
    vec3 metal = mix(sky, floor_c, below);
    // the candles round the pool: small warm points curved along the drop's face
    vec3 warm = vec3(2.6, 1.2, 0.4) * (glow_disc(r, normalize(vec3(0.62, 0.05, -0.78)), 0.02, blur)
                                     + glow_disc(r, normalize(vec3(-0.3, 0.04, 0.95)), 0.015, blur)) * 60.0 * tear_face;
    // the hard specular: the moon's core, a tight halo round it
    float k = max(1.0 - dot(r, normalize(KEY)), 0.0);
    vec3 spark = vec3(0.9, 1.0, 0.95) * (glow_disc(r, normalize(KEY), 0.03, blur) * 70.0 + exp(-k * 120.0) * 3.0);
    return metal + spark + warm;
}

// A tear's metal: mercury's reflectance over tear_env.  (Round 34's follow-up: "a mirror
// bubble" -- its outline carried a bright ring.  Metal's Fresnel is bright at grazing, but
// what it mirrors there is the dark horizon: the silhouette closes in a dark rim, so the drop
// reads as a solid chrome body against the night, not a bubble.)
vec3 tear_metal(vec3 n, vec3 v, vec3 r, float blur) {
    float nv = clamp(dot(n, v), 0.0, 1.0);
    tear_face = smoothstep(0.05, 0.35, nv);
    float f = 0.8 + 0.2 * pow(1.0 - nv, 5.0);
    float rim = mix(0.06, 1.0, smoothstep(0.02, 0.4, nv));
    return f * rim * vec3(0.96, 0.97, 1.0) * tear_env(r, blur);
}

// A falling tear's profile (round 34's follow-up at 165.2 s: the near tear still read as "a glass
// ball with a band across it"): the width rho(h) of a drop of mercury at height h over its
// centre, world units -- a rounded belly of the tear's radius r below (half height ry), drawn
// up above it into a point and a thin tail (a teardrop elongated along its fall, no sphere).
// Returns (rho, d rho / d h), worked out together (llvmpipe pays for both halves anyway).
vec2 tear_rho(float h, float r, float ry) {
    float sb = clamp(h / ry, -1.0, 0.0);
    float cb = sqrt(max(1.0 - sb * sb, 1e-4));
    vec2 belly = vec2(r * cb, -r * sb / (ry * cb));
    float top = 1.9 * ry;
    float sa = clamp(h / top, 0.0, 1.0);
    float ca = max(cos(1.5708 * sa), 0.0);
    float cp = pow(ca + 1e-5, 0.6);
    vec2 taper = vec2(r * cp * ca, -r * 1.6 * cp * sin(1.5708 * sa) * 1.5708 / top);
    taper.x = max(taper.x, 0.07 * r * (1.0 - smoothstep(0.6 * top, 1.1 * top, h)));
    return h < 0.0 ? belly : taper;
}

// Nearest tear along a ray: t (or -1), its normal, its coverage (defocus-softened edge) and
// how blurred it is (in radians of its reflection).  Each tear is a surface of revolution
// about the vertical through its centre, seen nearly side on: where the ray passes closest to
// that axis, its offset across (u) and height (h) against the profile rho(h) give the
// silhouette's distance (for the lens's soft edge), the point on the near face and its normal
// -- a teardrop for the cost of the old ellipsoid.
float trace_tears(vec3 ro, vec3 rd, float px, out vec3 n, out float cover, out float blur) {
    float best = 1e9;
    n = vec3(0.0, 1.0, 0.0);
    cover = 0.0;
    blur = 0.0;
    float hl2 = dot(rd.xz, rd.xz);
    if (hl2 < 1e-4) {
        return -1.0;
    }
    vec2 vh = rd.xz * inversesqrt(hl2);              // the ray's heading across the ground
    vec2 side = vec2(vh.y, -vh.x);
    for (int i = 0; i < u_ctear_count; ) {
        vec4 tr = u_ctears[i];
        float ry = u_ctear_ry[i];
        vec2 dc = tr.xz - ro.xz;
        float tc = dot(dc, rd.xz) / hl2;              // closest to the tear's axis
        vec3 pc = ro + rd * tc;
        float u = dot(pc.xz - tr.xz, side);
        float h = pc.y - tr.y;
        float coc = APERTURE * abs(tc / FOCUS - 1.0) + px * tc;   // world units at the tear
        // (most rays pass well clear of a tear: only near its outline is the profile read)
        if (abs(u) > tr.w + coc || h < -ry - coc || h > 2.15 * ry + coc || tc <= 0.0 || tc >= best) {
            if (++i >= u_ctear_count) {
                break;
            }
            continue;
        }
        vec2 prof = tear_rho(h, tr.w, ry);
        float rho = prof.x;
        float slope = clamp(prof.y, -12.0, 12.0);
        float d = min((rho - abs(u)) * inversesqrt(1.0 + slope * slope), min(h + ry, 2.15 * ry - h));
        float cov = clamp(0.5 + d / (2.0 * coc), 0.0, 1.0);
        if (tc > 0.0 && cov > 0.0 && tc < best) {
            best = tc;
            // the near face: the surface point across the axis from the ray, rounded by a
            // little of the blur at the edge (no hard line inside a soft outline)
            float rr = max(rho, abs(u) + 0.5 * coc);
            float depth = sqrt(max(rr * rr - u * u, 0.0));
            vec2 radial = (u * side - depth * vh) / rr;
            n = normalize(vec3(radial.x, -slope, radial.y));
            cover = cov;
            blur = min(coc / tr.w, 1.0) * 0.25;
        }
        if (++i >= u_ctear_count) {
            break;
        }
    }
    return best < 1e8 ? best : -1.0;
}

// ---------------------------------------------------------------- the pool's surface

// Rings running out from each landing: returns the height gradient.  foot is a pixel's length
// on the pool there: a ring finer than a few pixels is faded out rather than drawn, since its
// crests would alias into stripes across the far water (round 23's "banding at 160 s").
vec2 rings(vec2 p, float foot) {
    vec2 g = vec2(0.0);
    for (int i = 0; i < u_cwave_count; ) {
        vec4 w = u_cwaves[i];
        vec2 dp = p - w.xy;
        float rho = max(length(dp), 1e-4);
        float x = rho - 0.16 * w.z - 0.01;
        float sig = 0.012 + 0.05 * w.z;
        float env = exp(-x * x / (sig * sig)) * exp(-w.z * 1.1) / (0.05 + rho);
        float k = 95.0 / (1.0 + 0.9 * w.z);
        float resolved = 1.0 - smoothstep(0.12, 0.3, k * foot / 6.2832);
        g += w.w * env * k * cos(k * x) * dp / rho * resolved;
        if (++i >= u_cwave_count) {
            break;
        }
    }
    return g * 0.0006;
}

// The liquid's slow swell as a slope: two drifting octaves of value noise, not plane waves --
// long straight crests seen at a grazing angle mirrored the horizon's pale line as even
// horizontal stripes across the pool (round 23's readers: "banding on the water at 160 s");
// irregular swells break it into a broken glitter instead.
vec2 swell_slope(vec2 p) {
    const float E = 0.03;
    // (u_cphase wraps at 2 pi: the field circles on it, so the wrap is seamless)
    vec2 drift = 0.45 * vec2(cos(u_cphase), sin(u_cphase));
    vec2 a = p * vec2(3.0, 4.5) + drift;
    vec2 b = mat2(0.8, -0.6, 0.6, 0.8) * p * 7.0 - drift * 1.7;
    float a0 = vnoise(a);
    float b0 = vnoise(b);
    vec2 ga = vec2(vnoise(a + vec2(E, 0.0)) - a0, vnoise(a + vec2(0.0, E)) - a0) * vec2(3.0, 4.5);
    vec2 gb = vec2(vnoise(b + vec2(E, 0.0)) - b0, vnoise(b + vec2(0.0, E)) - b0) * 7.0;
    return (ga + 0.5 * gb) / E * 0.35;
}

// The frozen plates: Voronoi cells on the floor (iq's exact border distance).  Returns the
// cell's tilt (a gradient) in xy and the distance to its nearest seam in z; off: from the
// cell's centre to p (each plate set a little dished, so its reflection swims across it).
vec3 plates(vec2 p, out vec2 off) {
    vec2 cell = floor(p);
    vec2 f = p - cell;
    vec2 best_o = vec2(0.0);
    vec2 best_c = vec2(0.0);
    float md = 8.0;
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            vec2 g = vec2(i, j);
            vec2 o = g + 0.15 + 0.7 * hash_to_unit(pcg2d(uvec2(ivec2(cell + g) + 4096)));
            vec2 r = o - f;
            float d = dot(r, r);
            if (d < md) {
                md = d;
                best_o = r;
                best_c = cell + g;
            }
        }
    }
    float edge = 8.0;
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            vec2 g = vec2(i, j);
            vec2 o = g + 0.15 + 0.7 * hash_to_unit(pcg2d(uvec2(ivec2(cell + g) + 4096)));
            vec2 r = o - f;
            vec2 dr = r - best_o;
            if (dot(dr, dr) > 1e-5) {
                edge = min(edge, dot(0.5 * (best_o + r), normalize(dr)));
            }
        }
    }
    vec2 tilt = hash_to_unit(pcg2d(uvec2(ivec2(best_c) + 9001))) * 2.0 - 1.0;
    off = -best_o;
    return vec3(tilt, edge);
}

// Signed distance (positive inside) to the edge of the mercury on the stone: the pool at the
// viewer's feet, its outline lobed a little, and each landed tear's spill, merged smoothly so a
// puddle that the growing pool reaches flows into it.
float liquid_sdf(vec2 p) {
    vec2 q = p - u_cpool.xy;
    float d = u_cpool.z - length(q) + 0.07 * (vnoise(p * 3.5 + 1.7) - 0.5);
    for (int i = 0; i < CLOSE_PUDDLES; ++i) {
        vec4 pu = u_cpuddles[i];
        float di = pu.z - length(p - pu.xy);
        // smooth union (a smooth max of the insides): the mercury draws together
        float h = clamp(0.5 + 0.5 * (di - d) / 0.06, 0.0, 1.0);
        d = mix(d, di, h) + 0.06 * h * (1.0 - h);
    }
    return d;
}

// The dark stone round the pool: near-black basalt, a faint broken sheen of the night in it
// (true blacks beside the mercury's highlights).
vec3 stone(vec2 p, vec3 rd, float foot) {
    float fine = 1.0 - smoothstep(0.01, 0.05, foot);
    float grain = vnoise(p * 9.0) * 0.6 + vnoise(p * 31.0) * 0.4 * fine;
    // (foreshortened toward the horizon the grain smears into streaks: it evens out there)
    grain = mix(0.5, grain, 1.0 - smoothstep(0.015, 0.06, foot));
    float alb = 0.006 + 0.012 * grain;
    vec3 r = reflect(rd, vec3(0.0, 1.0, 0.0));
    vec3 sheen = night(r, 0.06) * (0.003 + 0.012 * smoothstep(0.6, 0.85, grain));
    return vec3(alb) * vec3(0.9, 0.85, 1.1) + sheen;
}

void main() {
    vec2 uv = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 fwd = normalize(u_ccam_target - u_ccam_pos);
    vec3 right = normalize(cross(vec3(0.0, 1.0, 0.0), fwd));
    vec3 up = cross(fwd, right);
    vec3 ro = u_ccam_pos;
    vec3 rd = normalize(fwd * u_ccam_focal + right * uv.x + up * uv.y);
    float px = 1.0 / (u_resolution.y * u_ccam_focal);         // a pixel's angle (radians)

    // The background: the night above the horizon, the pool below it.
    float tp = -ro.y / min(rd.y, -1e-4);
    vec2 p = ro.xz + rd.xz * tp;
    float on_pool = smoothstep(-0.5 * px, 0.5 * px, -rd.y);
    float foot = px * tp / max(-rd.y, 0.02);                   // the pixel's length on the pool

#ifndef CLOSE_SKY
    // the mercury at the feet and its meniscus: the edge of a heavy liquid rounds down onto the
    // stone, so its normal tilts outward there and the rim catches the sky as a bright bead
    float ld = liquid_sdf(p);
    float liquid = smoothstep(-1.1 * foot - 0.002, 1.1 * foot + 0.002, ld);
    // (the meniscus never narrower than a few pixels: a thinner one sparkled in dots)
    float MEN = max(0.035, 3.0 * foot);
    const vec2 E = vec2(0.004, 0.0);
    vec2 ldg = vec2(liquid_sdf(p + E.xy) - ld, liquid_sdf(p + E.yx) - ld) / E.x;
    vec2 men_g = 0.55 * exp(-max(ld, 0.0) / MEN) * ldg * liquid;
    // the freeze: from where the tears fall, outwards, its front ragged
    float fr = length(p - u_cfreeze.xy) + 0.25 * (vnoise(p * 3.0) - 0.5);
    float frozen = smoothstep(u_cfreeze.z + 0.03, u_cfreeze.z - 0.03, fr) * step(0.001, u_cfreeze.w) * liquid;
    float front = exp(-abs(fr - u_cfreeze.z) / (0.006 + 0.5 * foot)) * u_cfreeze.w * (1.0 - u_cfreeze.w) * liquid;
    vec2 g = rings(p, foot) * (1.0 - frozen);
    // the swell, faded where its crests (about 1 unit apart) fall under a few pixels: toward the
    // horizon it would alias into horizontal bands; there the pool is a still, hazy mirror
    float swell = 1.0 - smoothstep(0.1, 0.3, foot);
    g += swell * (1.0 - frozen) * 0.004 * swell_slope(p);
    // the mirrors it hardens into: broad irregular panes, each set a hair off level, so the
    // night they give back (the horizon's line, the Serenes, the candles) breaks and steps at
    // every crack -- round 25's readers saw the old small plates with bright seams as "a tiled
    // floor": the panes are large now, their cracks dark hairlines, not a grout of light
    const float PLATE = 0.32;
    vec2 off;
    vec3 pl = plates(p / PLATE, off);
    float detail = 1.0 - smoothstep(0.1, 0.35, foot / PLATE);
    g -= frozen * detail * (vec2(pl.x * 0.07, 0.025 + pl.y * 0.05) + off * 0.015);
    // (round 34's follow-up at 165.2 s: "the frozen plates flat violet" -- each pane is the
    // tear that fell there, hardened mid-ripple: its rings stand frozen in the metal round the
    // pane's heart, so the night it gives back wavers across it in rings -- a mirror of poured
    // quicksilver, not a flat violet tile; faded where its rings would fall under a few pixels)
    float oc = length(off);
    float ring_res = 1.0 - smoothstep(0.12, 0.3, 44.0 * foot / PLATE / 6.2832);
    // (round 35 follow-up: the ripples frozen in the set metal deeper, read in a still)
    g += frozen * detail * ring_res * off / max(oc, 1e-3) * 0.006 * sin(oc * 44.0) * exp(-oc * 1.3);
    // (round 26's readers at 164.7 s: "the floor crack lines thin and aliased": a crack is at
    // least a pixel and a half wide, its edge spread over the pixel's footprint, and it fades
    // out before it thins under that toward the horizon, instead of breaking into stair-steps)
    // (round 29's readers at 164.7 s: "thick grey tile outlines look like a UI": the crack a
    // narrow dark cut, its width varying along it, its broken lip catching the key light in
    // bright slivers that come and go along it -- not an even grey line round every pane)
    float along = vnoise(p * 4.0 + 7.3);
    float seam_w = max(0.0035, 1.3 * foot / PLATE) * (0.6 + 0.8 * along);
    float seam_fade = 1.0 - smoothstep(0.03, 0.09, foot / PLATE);
    float seam = frozen * (1.0 - smoothstep(0.0, seam_w, pl.z)) * detail * seam_fade;
    g = g * liquid + men_g;
    vec3 n = normalize(vec3(-g.x, 1.0, -g.y));
    vec3 v = -rd;
    vec3 r = reflect(rd, n);
    r.y = abs(r.y);
    // (hardened, it is a polished mirror: the night in it sharpens)
    float rblur = (min(foot * 3.0, 0.025) + 0.002) * (1.0 - 0.8 * frozen);
    // (a true mirror of the night, not a milky lift: what it gives back is the env itself --
    // dark violet toward the feet, where it looks at the sky high overhead, the horizon's glow,
    // the candles and the Serenes crisp in it; only a little fresnel brightening toward its far
    // edge, where the view grazes it and the horizon's pale line fills it)
    // (the view grazes all of it from this low eye, so the fresnel lift is confined to the
    // last few degrees before the horizon: a broad one turned the whole pool milky)
    float graze = smoothstep(0.06, 0.0, r.y);
    sun_in = 1.0 - frozen;
    vec3 pool = mercury(n, v, r, rblur) * 1.1 + 0.08 * graze * vec3(0.55, 0.50, 0.75);
    sun_in = 1.0;
    // the one sun in the hardened mirror, at its mirrored height, whole (the panes lie level
    // on the whole: their cracks cross it, their tilts do not copy it)
    pool += frozen * 0.8 * sun_body(vec3(rd.x, -rd.y, rd.z), rblur);
    // the candles' light drawn down the trembling liquid in long warm streaks (the glitter
    // path of a light on night water: the swell's many small slopes, summed), gone where it froze
    float raz = atan(r.x, r.z);
    vec2 da = (vec2(raz) - vec2(atan(CANDLE_A.x, CANDLE_A.z), atan(CANDLE_B.x, CANDLE_B.z))) / 0.011;
    // (round 28: drawn on down the pool at the feet toward the viewer, the warm light on the metal)
    vec2 path = exp(-da * da) * exp(-max(r.y, 0.0) / 0.25);
    pool += vec3(1.6, 0.72, 0.22) * (path.x + 0.8 * path.y) * (1.0 - frozen) * 0.45;
    // the tears mirrored in the pool
    vec3 tn;
    float tcov, tblur;
    float tr = trace_tears(vec3(p.x, 0.0, p.y), r, px * 0.5, tn, tcov, tblur);
    if (tr > 0.0) {                 // (the tear's metal only where one is seen: it is costly)
        tear_cheap = 1.0;
        pool = mix(pool, tear_metal(tn, -r, reflect(r, tn), tblur + 0.01) * 0.8, tcov);
        tear_cheap = 0.0;
    }
    // the cracks: dark hairlines cut through the metal, a sliver of light along a few of
    // them only where a pane's broken lip catches the key light (no even line round each pane)
    // (round 29: on the dark mirror a crack reads as a crisp bright line -- its broken edge
    // catches the light -- rather than a dark hairline lost in the dark panes)
    pool = mix(pool, pool * 0.08 + vec3(0.004, 0.003, 0.008), seam);
    float lip = frozen * detail * seam_fade * exp(-max(pl.z - seam_w, 0.0) / (0.5 * seam_w + 0.5 * foot / PLATE)) * (1.0 - seam);
    float glint = smoothstep(0.55, 0.85, vnoise(p * 9.0 + pl.xy * 3.0));
    // (round 34's follow-up: "bright bevels at the cracks" -- a pane's broken lip rounds down
    // into the crack; the lip on the crack's far side faces the viewer and the horizon's light
    // and shines along its length, the near lip faces away, dark: one bright bevel per crack,
    // not an even outline round every pane)
    vec2 eg = vec2(dFdx(pl.z), dFdy(pl.z));
    float faces = smoothstep(0.1, 0.8, -eg.y * inversesqrt(dot(eg, eg) + 1e-12));
    pool += vec3(0.85, 0.88, 1.0) * lip * (glint * 1.1 + faces * 0.6 * smoothstep(0.35, 0.6, along));
    pool += vec3(0.9, 0.92, 1.05) * front * 1.4;
    // beyond the mercury the dark stone, a dark contact line hugging the meniscus
    vec3 rock = stone(p, rd, foot) * (0.3 + 0.7 * smoothstep(0.0, 0.03, -ld));
    pool = mix(rock, pool, liquid);
    // far off the pool sinks into the haze
    float haze = (1.0 - exp(-tp * 0.12)) * (1.0 - 0.6 * frozen);
    pool = mix(pool, vec3(0.12, 0.07, 0.24) * mix(0.08, 0.5, liquid), haze);
    // (round 31, the lead: "a hard bright horizon band cuts the frame across" -- the sky's pale
    // haze ended on a ruled line at the dark far stone: the mist lies on the far pool too,
    // thickening to the horizon, so sky and ground melt into one another there)
    float mist = exp(rd.y * 40.0) * (0.7 + 0.3 * vnoise(vec2(atan(rd.x, rd.z) * 9.0, 1.7)));
    // (round 35 follow-up: the set mirror clears the mist off itself -- its reflection of the
    // Serenes crisp to the horizon, the liquid's still hazy: the setting seen as a change)
    float clear = 1.0 - 0.75 * frozen;
    pool = mix(pool, vec3(0.5, 0.42, 0.88) * 0.11, 0.7 * mist * clear);    // (round 34: a dim violet, no pale smear)

    // (the night beyond the focus, softened by the lens: the horizon and the Serenes out of focus)
    vec3 sky = night_up(vec3(rd.x, max(rd.y, 0.0), rd.z), px + APERTURE / FOCUS);
    // (round 32's readers at 164.8 s: "the horizon is a hard flat line" -- the far pool takes
    // the horizon's own light as it nears it, so sky and mirror meet in one bank of mist)
    pool = mix(pool, sky * 0.95, 0.9 * exp(rd.y * mix(60.0, 200.0, frozen)) * on_pool);
    vec3 col = mix(sky, pool, on_pool);
#else
    // (above the split no pixel sees the pool: on_pool is 0 in all of them)
    // (the night beyond the focus, softened by the lens: the horizon and the Serenes out of focus)
    vec3 sky = night_up(vec3(rd.x, max(rd.y, 0.0), rd.z), px + APERTURE / FOCUS);
    vec3 col = sky;
    vec3 tn;
    float tcov, tblur;
#endif

    // The tears in the air, nearest first.
    float tt = trace_tears(ro, rd, px, tn, tcov, tblur);
    if (tt > 0.0 && (on_pool < 0.5 || tt < tp)) {
        vec3 tc = tear_metal(tn, -rd, reflect(rd, tn), tblur);
        col = mix(col, tc, tcov);
    }

    col *= 1.0 - 0.55 * dot(uv, uv);                           // vignette
    col = agx_display(col * 1.3);
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), 1.0);
}
