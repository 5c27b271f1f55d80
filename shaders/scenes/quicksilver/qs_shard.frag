#version 330 core
// The shard shot (``shot`` 2, round 21): after the pool has hardened, ONE tilted mirror shard
// close, standing propped in the dark on the frozen metal, holding the self.  Round 20's
// readers gave the pool from above three near-identical stills and called the self in it "a
// flat featureless blob"; the one 4 they gave was a single modelled subject, close, lit by a
// light you can see, in a material that mirrors it, darkness behind.  So: a slab with a
// chipped outline and a bevel round its face that catches the candle and the night in sharp
// glints; in its face the self, head and shoulders with real form (the bust baked once by
// qs_self_geo.frag, relit here: warm from the candle beside it, cold from the other side), the
// candle's flame reflected beside the shoulder; as ``fracture`` rises, cracks run out from an
// impact at the temple, each piece of the glass tipped a little so the self breaks across
// them, and the cracks bleed (``bleed``).  (Round 23, the readers: "a laser grid, not cracks or
// blood": each crack a thin dark line with a bright refracting sliver on one side and chips
// along it, each piece's picture shifted as well as tipped; the blood deep crimson, seeping
// into the glass and running down in thin runs to beads, glowing only faintly.)  (Round 24, the
// readers: "a stiff, uncanny CG face", "a mannequin": the self painted by the candle alone, in
// Rembrandt's light.)  (Round 28, the readers: "a crude, uncanny face": the self a silhouette in
// profile with a warm rim and crimson life in it, the cracks bleeding light -- see self_seen.)  Around it the hardened pool: dark mirror
// facets fading into the dark, the shard mirrored in them, broken by their tilts.  One
// full-screen pass, analytic (no march): the shard's plane, the floor's plane, the bust's plane.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_self_geo;
uniform sampler2D u_self_soft;          // the bust's soft normal and coverage (qs_self_soft.frag)
uniform vec3 u_scam_pos;
uniform vec3 u_scam_target;
uniform float u_scam_focal;
uniform vec3 u_shard_o;              // the shard's centre, and its frame (x, y in its face; n out of it)
uniform vec3 u_shard_x;
uniform vec3 u_shard_y;
uniform vec3 u_shard_n;
uniform vec3 u_self_o;               // the plane the self stands in, facing the shard, and its frame
uniform vec3 u_self_x;
uniform vec3 u_self_y;
uniform vec3 u_self_n;
uniform vec4 u_crack;                // impact point (shard coords), the cracks' reach, bleed 0..1
uniform float u_flicker;             // the candle's flicker (0..1, worked out on the CPU)
uniform float u_pulse;               // the heartbeat's phase (0..1, 72 a minute, wrapped on the CPU)
out vec4 frag_colour;

const float SELF_SPAN = 0.6;         // as qs_self_geo.frag
const vec2 SELF_CENTRE = vec2(0.0, 0.03);
const float SELF_SCALE = 1.75;       // the self in the glass larger than life: head and shoulders fill the shard
const vec2 CANDLE_UV = vec2(0.85, 0.68);   // where the candle stands beside the self, in its bake's square
const vec2 CROWN_UV = vec2(0.5, 0.95);  // whence the hair's strands fall, in the bake's square (round 34)
const float KEY_SIDE = 0.8;          // the face's cold key: from its side of the bake (round 34)
const float SKIN_KEY = 0.15;         // the key's share on the skin (round 35: a silhouette, not a lit mask)
const vec2 GLOW_AT = vec2(0.1, 0.2);  // the light behind the self, in its plane (round 35)
const float GLOW_GAIN = 0.42;
const float SELF_LIFT = 0.16;        // (its face above the shard's middle, the chest sinking into the dark)
const float BEVEL = 0.024;
const float SHARD_SCALE = 0.8;       // the outline's size (world units per unit of OUTLINE)           // the bevel's width round the face (world units)
const int SIDES = 7;
const vec2 OUTLINE[SIDES] = vec2[SIDES](
    vec2(-0.40, -0.58), vec2(0.30, -0.62), vec2(0.50, -0.12), vec2(0.44, 0.40),
    vec2(0.02, 0.64), vec2(-0.38, 0.46), vec2(-0.52, -0.02));
const vec3 WARM = vec3(1.0, 0.52, 0.2);
const vec3 COLD = vec3(0.32, 0.5, 1.0);
const vec3 MOON = vec3(0.62, 1.0, 0.84);
const vec3 VIOLET = vec3(0.42, 0.2, 0.75);
const vec3 CANDLE_DIR = vec3(-0.78, 0.18, 0.6);   // the candle, left and a little in front of the shard
const vec3 NIGHT_DIR = vec3(0.7, 0.55, -0.45);    // the cold light, right and behind
// the candle standing on the frozen pool, left of the shard (round 33: set back beside its foot,
// so its flame and the long reflection under it are in the frame at 171.5 s, not cut by its edge)
const vec3 CANDLE_POS = vec3(-0.7, 0.0, 0.2);
const float CANDLE_H = 0.13;                      // its stub's height; the flame above it

// The Serenes in the dark beyond (round 22: "the shard in a PLACE"): only their eyes, pairs of
// small mercury orbs low over the frozen pool, watching -- (azimuth, elevation, size) of each pair.
const int WATCHERS = 7;
const vec3 WATCHER[WATCHERS] = vec3[WATCHERS](
    vec3(-0.52, 0.034, 1.0), vec3(-0.36, 0.05, 0.8), vec3(-0.12, 0.068, 0.62), vec3(0.09, 0.052, 0.7),
    vec3(0.27, 0.03, 0.9), vec3(0.44, 0.06, 0.75), vec3(-0.7, 0.06, 0.7));

// How near the candle a point on the floor is (1 beside it, falling off).
float near_candle_f(vec3 g) {
    vec2 d = g.xz - CANDLE_POS.xz;
    return 1.0 / (1.0 + 12.0 * dot(d, d));
}

vec3 watchers(float az, float el) {
    vec3 c = vec3(0.0);
    for (int i = 0; i < WATCHERS; ++i) {
        vec3 w = WATCHER[i];
        vec2 d = vec2(az - w.x, el - w.y) / w.z;
        vec2 e = vec2(abs(d.x) - 0.0072, d.y);
        float rr = length(e) / 0.0034;
        float disc = 1.0 - smoothstep(0.75, 1.05, rr);
        // a chrome orb: dark at its rim, the night's cold sheen over it, the candle a hard point
        vec3 orb = vec3(0.32, 0.36, 0.44) * (1.0 - 0.7 * rr * rr) + vec3(0.6, 0.66, 0.78) * smoothstep(0.2, -0.6, e.y / 0.0034);
        orb += WARM * 3.0 * exp(-dot(e - vec2(-0.0012, 0.0009), e - vec2(-0.0012, 0.0009)) / 0.0000006);
        c += orb * disc * w.z + COLD * 0.035 * exp(-rr * 0.9) * w.z;
    }
    return c;
}

float polygon(vec2 p) {
    float d = dot(p - OUTLINE[0], p - OUTLINE[0]);
    float s = 1.0;
    for (int i = 0, j = SIDES - 1; i < SIDES; j = i, ++i) {
        vec2 e = OUTLINE[j] - OUTLINE[i];
        vec2 w = p - OUTLINE[i];
        vec2 b = w - e * clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
        d = min(d, dot(b, b));
        bvec3 c = bvec3(p.y >= OUTLINE[i].y, p.y < OUTLINE[j].y, e.x * w.y > e.y * w.x);
        if (all(c) || all(not(c))) s = -s;
    }
    return s * sqrt(d);
}

// The polygon's signed distance and, in yz, its gradient (the unit vector from the nearest
// point of the outline, outward): round 32, speed -- the bevel's normal came from four more
// whole outlines (finite differences), each a loop over the sides and two noises.
vec3 polygon_grad(vec2 p) {
    vec2 best = p - OUTLINE[0];
    float d = dot(best, best);
    float s = 1.0;
    for (int i = 0, j = SIDES - 1; i < SIDES; j = i, ++i) {
        vec2 e = OUTLINE[j] - OUTLINE[i];
        vec2 w = p - OUTLINE[i];
        vec2 b = w - e * clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
        float bb = dot(b, b);
        best = bb < d ? b : best;
        d = min(d, bb);
        bvec3 c = bvec3(p.y >= OUTLINE[i].y, p.y < OUTLINE[j].y, e.x * w.y > e.y * w.x);
        if (all(c) || all(not(c))) s = -s;
    }
    return vec3(s * sqrt(d), s * best / max(sqrt(d), 1e-6));
}

// The shard's outline, chipped: small bites out of the edge (noise along it).
float chip_bite(vec2 p) {
    p /= SHARD_SCALE;
    float chip = vnoise(p * 13.0) * 0.7 + vnoise(p * 47.0) * 0.3;
    // (round 31, the lead at 173.1 s: "the mirror edge ragged": a clean cut glass edge, its
    // chips only a hair deep)
    return 0.0015 * smoothstep(0.62, 0.72, chip);
}

// The broken edge (round 34's readers at 174.4 s: "the frame a plain polygon"; asked for "the
// mirror's edge broken quicksilver, not a polygon"): the seven sides bitten into irregular
// teeth, as glass snaps -- a zigzag of uneven runs, each tooth its own depth and lean, a finer
// serration over it.  Periodic round the shard (the angle enters only through integer counts
// and a noise of the unit direction), so there is no seam.  World units, added to the distance.
float edge_turn(vec2 p) {                                    // 0..1 round the shard
    vec2 dir = normalize(p + 1e-6);
    return atan(dir.y, dir.x) / 6.2831853 + 0.5;
}
float broken_edge(vec2 p) {
    vec2 dir = normalize(p + 1e-6);
    float turn = edge_turn(p);
    float wob = vnoise(dir * 2.2 + 4.1);
    float t1 = turn * 13.0 + 0.9 * wob;
    float c1 = floor(t1);
    float f1 = fract(t1);
    float lean = 0.25 + 0.5 * hash12(vec2(mod(c1, 13.0), 2.3));
    float tooth = f1 < lean ? f1 / lean : (1.0 - f1) / (1.0 - lean);
    float deep = 0.015 + 0.06 * hash12(vec2(mod(c1, 13.0), 6.7));
    deep *= hash12(vec2(mod(c1, 13.0), 9.1)) < 0.3 ? 0.2 : 1.0;   // (a few runs left nearly straight)
    float t2 = turn * 53.0 + 1.7 * wob;
    float f2 = fract(t2);
    float fine = 1.0 - abs(2.0 * f2 - 1.0);
    return SHARD_SCALE * (deep * tooth + 0.006 * fine * hash12(vec2(mod(floor(t2), 53.0), 1.1)));
}

float outline(vec2 p) { return polygon(p / SHARD_SCALE) * SHARD_SCALE + chip_bite(p) + broken_edge(p); }

// The night the metal gives back: dark above, the violet haze low, a few sharp stars, the
// candle's warm point, and the emerald moon's faint halo.  (Round 32, speed: no moon's disc --
// round 29's readers called its reflection in the shard's tipped pieces "two stray green bokeh
// discs", so it was already off there, and in the floor's plates it was a sliver no still
// showed; its sphere and its two noises were paid for on every pixel twice.)
vec3 night(vec3 r) {
    float el = r.y;
    vec3 c = mix(VIOLET * 0.16, vec3(0.006, 0.004, 0.014), smoothstep(-0.05, 0.4, el));
    c += VIOLET * 0.3 * exp(-abs(el - 0.03) * 18.0);
    vec2 g = vec2(atan(r.x, r.z), el) * 90.0;
    vec2 cell = floor(g);
    float h = hash12(cell);
    vec2 off = vec2(hash12(cell + 7.1), hash12(cell + 3.3)) - 0.5;
    float star = smoothstep(0.09, 0.0, length(fract(g) - 0.5 - 0.6 * off)) * step(0.965, h);
    c += vec3(0.85, 0.88, 1.0) * star * 1.6 * smoothstep(0.05, 0.25, el);
    c += WARM * 9.0 * pow(max(dot(r, normalize(CANDLE_DIR)), 0.0), 900.0);
    float m = acos(clamp(dot(r, normalize(NIGHT_DIR)), -1.0, 1.0));
    return c + MOON * 0.04 * exp(-m * 18.0);
}

float segment(vec2 p, vec2 a, vec2 b) {
    vec2 pa = p - a, ba = b - a;
    return length(pa - ba * clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0));
}

// The cracks from the impact: seven rays at uneven angles, each kinked once, and a few short
// cross cracks near the impact.  Returns (distance to the nearest crack, the piece's index, or
// -1 where the cracks have not reached).  (Round 23: each piece's picture is shifted, so the
// pieces are bounded by the drawn cracks themselves -- each ray's angle at the point's radius
// follows its kink -- and the cross cracks close the inner pieces, so every seam in the picture
// lies on a crack.)
const int RAYS = 7;
const float RAY_ANGLE[RAYS] = float[RAYS](0.35, 1.22, 1.9, 2.78, 3.62, 4.46, 5.18);
const float RAY_KINK[RAYS] = float[RAYS](0.14, -0.1, 0.12, -0.15, 0.09, -0.12, 0.16);
const float RAY_KNEE = 0.32;          // how far each ray runs straight before its kink
float cross_radius(int i) { return 0.13 + 0.05 * float(i % 3); }
vec2 cracks(vec2 p) {
    // (round 29's readers at 173.1 s: "the cracks straight glow lines from one point": a crack
    // in glass wanders as it runs -- the plane is bent before the rays are laid on it, gently
    // over the shard's width and sharply at a finer scale, so each ray and cross crack zigzags
    // and the pieces they bound bend with them)
    vec2 w = p * 9.0;
    p += 0.016 * (vec2(vnoise(w), vnoise(w + 3.1)) - 0.5)
       + 0.006 * (vec2(vnoise(w * 3.7 + 1.9), vnoise(w * 3.7 + 8.2)) - 0.5);
    p += 0.003 * vec2(vnoise(p * 70.0), vnoise(p * 70.0 + 5.3)) - 0.0015;   // glass breaks jagged
    vec2 d = p - u_crack.xy;
    float r = length(d);
    float a = atan(d.y, d.x);
    a = a < 0.0 ? a + 6.2831853 : a;
    float dist = 1.0;
    float idx = 0.0;
    float beyond = max(r - RAY_KNEE, 0.0);
    for (int i = 0; i < RAYS; ++i) {
        float t = RAY_ANGLE[i];
        vec2 k = u_crack.xy + RAY_KNEE * vec2(cos(t), sin(t));
        float t2 = t + RAY_KINK[i];
        dist = min(dist, segment(p, u_crack.xy, k));
        dist = min(dist, segment(p, k, k + 0.9 * vec2(cos(t2), sin(t2))));
        // a fork off each ray, short, splitting away from it (cracks branch as they run out)
        vec2 fb = u_crack.xy + (0.16 + 0.05 * float(i % 3)) * vec2(cos(t), sin(t));
        float tf = t + (i % 2 == 0 ? 0.55 : -0.6);
        dist = min(dist, segment(p, fb, fb + (0.07 + 0.03 * float(i % 2)) * vec2(cos(tf), sin(tf))));
        // the ray's angle seen from the impact at this radius (straight to the knee, then bent)
        float seen = t + atan(beyond * sin(RAY_KINK[i]), RAY_KNEE + beyond * cos(RAY_KINK[i]));
        idx += step(seen, a);
    }
    // cross cracks between neighbouring rays, not a full ring
    for (int i = 0; i < RAYS; i += 2) {
        float t = RAY_ANGLE[i], t2 = RAY_ANGLE[i + 1 < RAYS ? i + 1 : 0];
        float rr = cross_radius(i);
        dist = min(dist, segment(p, u_crack.xy + rr * vec2(cos(t), sin(t)),
                                    u_crack.xy + (rr + 0.03) * vec2(cos(t2), sin(t2))));
    }
    idx = mod(idx, float(RAYS));              // (the sector past the last ray is the first one: no seam at angle 0)
    // the piece inside a cross crack is its own piece (the ray before it even: it has one)
    int before = int(mod(idx + float(RAYS) - 1.0, float(RAYS)));
    if (before % 2 == 0) idx += float(RAYS) * step(cross_radius(before) + 0.015, r);
    float reach = smoothstep(u_crack.z, u_crack.z - 0.04, r);
    return vec2(mix(1.0, dist, reach), reach > 0.0 ? idx : -1.0);
}

// Round 28 (both readers at 166.1 and 168.7 s, the film's worst stills: "a crude, uncanny
// pseudo-realistic face (helmet hair, warped nose and jaw)"; both asked for a stylised
// reflection instead -- "a silhouette of the dreamer ... with warm red life in it"): the baked
// bust is no longer painted as skin.  It is a silhouette: near black, its form only softly
// there (the baked normals averaged over a wide kernel, so the nose's, lips' and hair's detail
// that read uncanny are gone and only the head's and shoulders' roundness is left), cut out
// against a glow of warm light behind it in the glass; a thin gold rim where its edge turns to
// the candle; and the life in it -- crimson light glowing through it where it is thin (along
// the rim and round the heart), swelling outward with each beat (``u_pulse``).
// (The soft normal -- the bust's normal averaged over a ring round each point, its form without
// its features, and in w its coverage averaged alike, under 1 near the silhouette -- is baked
// once by qs_self_soft.frag: round 32, speed.)
vec4 soft_normal(vec2 uv) {
    vec4 s = texture(u_self_soft, clamp(uv, 0.0, 1.0));
    vec2 nxy = s.rg * 2.0 - 1.0;
    return vec4(nxy, sqrt(max(1.0 - dot(nxy, nxy), 0.0)), s.a);
}

// The self as the dark floor gives it back (round 32, speed): there, dimmed to a fifth and
// broken by the plates' tilts, its modelled light and the glass's night were never seen, and
// llvmpipe paid for them on every pixel of the frame -- one fetch: the dark profile cut out
// against the candle's glow behind it in the glass.
vec3 self_far(vec3 h, vec3 r) {
    float den = dot(r, -u_self_n);
    float t = dot(h - u_self_o, u_self_n) / (den > 0.0 ? den : 1.0);
    vec3 q = h + r * t - u_self_o;
    vec2 pc = vec2(dot(q, u_self_x), dot(q, u_self_y));
    vec2 uv = ((pc + vec2(0.0, SELF_LIFT)) / SELF_SCALE - SELF_CENTRE) / SELF_SPAN + 0.5;
    float cover = texture(u_self_geo, clamp(uv, 0.0, 1.0)).a * step(abs(uv.x - 0.5), 0.5) * step(abs(uv.y - 0.5), 0.5);
    vec2 gp = (pc - vec2(0.02, 0.12)) / 0.84;
    float gg = dot(gp, gp);
    vec3 glow = mix(vec3(0.55, 0.08, 0.04), WARM, exp(-gg * 14.0)) * (0.14 * exp(-gg * 9.0) + 0.02 * exp(-gg * 2.0));
    vec3 behind = VIOLET * 0.03 + glow * (0.85 + 0.3 * u_flicker);
    return mix(behind, vec3(0.006, 0.003, 0.004), cover) * step(0.0, den);
}

// The self in the mirror, where the reflected ray r from h lands on its plane: lit colour, coverage.
vec4 self_seen(vec3 h, vec3 r) {
    float den = dot(r, -u_self_n);
    if (den <= 0.0) return vec4(0.0);
    float t = dot(h - u_self_o, u_self_n) / den;
    vec3 q = h + r * t - u_self_o;
    vec2 pc = vec2(dot(q, u_self_x), dot(q, u_self_y));     // where on the self's plane
    vec2 uv = ((pc + vec2(0.0, SELF_LIFT)) / SELF_SCALE - SELF_CENTRE) / SELF_SPAN + 0.5;
    vec4 g = texture(u_self_geo, clamp(uv, 0.0, 1.0));
    float cover = g.a * step(abs(uv.x - 0.5), 0.5) * step(abs(uv.y - 0.5), 0.5);
    vec4 sn = soft_normal(uv);
    vec3 nb = sn.xyz;
    vec3 n = normalize(u_self_x * nb.x + u_self_y * nb.y + u_self_n * nb.z);
    vec3 lc = normalize(u_self_x * -0.9 + u_self_y * -0.2 + u_self_n * 0.1);
    float flick = 0.85 + 0.3 * u_flicker;
    float ndl = dot(n, lc);
    vec2 to_candle = uv - CANDLE_UV;
    float near = 1.6 / (1.0 + 6.0 * dot(to_candle, to_candle));
    // the edge: within SOFT of the silhouette (the coverage round it falling), nowhere inside
    float edge = smoothstep(0.8, 0.5, sn.w);
    // the body: dark, its roundness modelled by the candle -- warm skin where it turns to the
    // flame, falling off into shadow (round 32's readers at 171.5 s: "a dull plastic bust":
    // the skin lit, with red life in it, not a black cut-out)
    float is_hair = step(g.b, 0.28);
    vec3 c = vec3(0.006, 0.003, 0.004) + mix(WARM * 0.27, WARM * 0.03, is_hair) * smoothstep(0.0, 1.0, ndl) * near * 0.5;
    // (round 34's readers at 174.4 s: "the face mannequin-like with blotchy shading"; asked for
    // "a modelled face (eye sockets, cheekbones, lips), lit skin": the skin takes the bake's own
    // normal (its brow, sockets, cheekbone and lips), not the averaged mass whose ring of fetches
    // broke into blotches over the cheek, lit by a soft cold key from the face's side and the
    // candle's warmth wrapping round, its occlusion deepening the sockets and under the jaw)
    vec2 rn = g.rg * 2.0 - 1.0;
    vec3 nr = normalize(u_self_x * rn.x + u_self_y * rn.y + u_self_n * sqrt(max(1.0 - dot(rn, rn), 0.0)));
    float skin = (1.0 - is_hair) * smoothstep(0.3, 0.55, g.b);
    float ao = clamp((g.b - 0.56) / 0.44, 0.0, 1.0);
    ao = mix(1.0, ao, step(0.555, g.b)) * mix(0.55, 1.0, step(0.425, g.b));
    float wet = step(0.425, g.b) * step(g.b, 0.475);              // the tear's track: a wet glint
    vec3 lk = normalize(u_self_x * KEY_SIDE + u_self_y * 0.55 + u_self_n * 0.55);
    float kd = max(dot(nr, lk), 0.0);
    float wrap = max(dot(nr, lc) * 0.75 + 0.25, 0.0);
    vec3 hv = normalize(lk - r);
    float spec = pow(max(dot(nr, hv), 0.0), 40.0);
    vec3 alb = mix(vec3(0.62, 0.36, 0.3), vec3(0.5, 0.12, 0.12), step(0.495, g.b) * step(g.b, 0.555));
    vec3 lit = alb * (vec3(0.85, 0.72, 0.78) * 0.6 * kd * kd + WARM * 0.3 * wrap * wrap * near * flick) * (0.2 + 0.8 * ao)
             + vec3(0.7, 0.75, 0.95) * (0.12 * spec * ao + wet * (0.04 + 0.5 * spec));
    // (the key on the face only: the neck and shoulders fall off into the dark under it, so the
    // lit face comes out of shadow rather than a lit bust standing in the glass)
    // (round 35, every reader for four rounds: "the self-portrait crude, a rubbery profile" --
    // the modelled skin is what read as a mask: the face is a silhouette against the light now,
    // its key a glancing fifth so only the brow, the cheekbone and the lips' edges catch it;
    // the outline, the rim and the tear carry it)
    c = mix(c, c * 0.3 + lit * SKIN_KEY * smoothstep(0.5, 0.66, uv.y), skin);

    // the hair: strands catching the flame in fine warm threads (its own combed normals), so the
    // mass behind the skull reads as hair, not a dark disc
    vec2 gn0 = g.rg * 2.0 - 1.0;
    float strand = max(dot(normalize(vec3(gn0, 0.35)), lc), 0.0);
    // (round 34's readers: "the hair chunky" -- fine strands over the mass: streaks running the
    // way the hair falls, out from the crown along its normal's turn, each catching the light
    // or not, so the mass breaks into many thin threads instead of a few broad ridges)
    vec2 fc = uv - CROWN_UV;
    float across = atan(fc.y, fc.x) * 95.0 + 6.0 * length(fc);       // (round the crown: no seam within the hair)
    float along = length(fc) * 9.0;
    float fibre = vnoise(vec2(across, along)) * 0.7 + vnoise(vec2(across * 1.9 + 5.1, along * 1.7)) * 0.3;
    fibre = smoothstep(0.35, 0.8, fibre);
    // (round 35: "flat strand hair" -- in the silhouette only a few threads catch the flame)
    c += WARM * 0.11 * strand * strand * strand * is_hair * near * flick * (0.3 + 1.4 * fibre);
    c += vec3(0.5, 0.55, 0.8) * 0.03 * max(dot(normalize(vec3(gn0, 0.35)), lk), 0.0) * fibre * is_hair;
    // the life: crimson light through it where it is thin -- along its lit edge and round the
    // heart -- swelling outward from the heart with each beat
    vec2 heart = vec2(0.56, 0.16);
    float hd = length(uv - heart);
    float ph = fract(u_pulse - 1.3 * hd);
    float beat = exp(-ph * ph / 0.006) + 0.6 * exp(-(ph - 0.28) * (ph - 0.28) / 0.006);
    float thin = edge * smoothstep(-0.4, 0.3, ndl) * (1.0 - 0.8 * step(g.b, 0.28)) + 0.45 * exp(-hd * hd * 60.0);
    c += vec3(0.85, 0.07, 0.03) * 0.3 * thin * (0.6 + 0.7 * beat) * flick;
    // the rim: a thin gold line where the edge turns to the candle
    // (the rim where the raw normal grazes, near the silhouette: it runs smoothly along the
    // outline, where a threshold on the averaged coverage broke into blotches; the hair's
    // strands dimmer, so its edge does not fray into sparks)
    vec2 gn = g.rg * 2.0 - 1.0;
    float lip = smoothstep(0.8, 0.97, length(gn)) * smoothstep(0.97, 0.75, sn.w) * (1.0 - 0.7 * step(g.b, 0.28));
    c += mix(vec3(0.9, 0.12, 0.04), vec3(1.0, 0.72, 0.45), lip * lip) * 1.2 * lip * smoothstep(0.0, 0.5, ndl) * near * flick;
    c *= smoothstep(0.0, 0.3, uv.y);                        // the chest sinks into the dark below
    // behind it in the glass: the candle's flame beside the shoulder, its warm glow spread
    // wide, so the dark self stands cut out against light
    vec2 fp = (pc - vec2(-0.36, -0.2)) / 0.84 * vec2(1.0, 0.45);
    float flame = exp(-dot(fp, fp) * 5200.0) * 6.0 + exp(-dot(fp, fp) * 90.0) * 0.18;
    vec2 gp = (pc - GLOW_AT) / 0.84;
    float gg = dot(gp, gp);
    // (round 35: a bright warm light behind the profile, so it stands out black against it --
    // the deepest dark and the brightest light of the frame meet along the face's edge)
    vec3 glow = mix(vec3(0.55, 0.08, 0.04), mix(WARM, vec3(1.0, 0.8, 0.55), 0.5 * exp(-gg * 30.0)), exp(-gg * 12.0))
              * (GLOW_GAIN * exp(-gg * 7.0) + 0.03 * exp(-gg * 2.0));
    vec3 behind = night(r) * 0.55 + (WARM * flame + glow) * (0.85 + 0.3 * u_flicker);
    // (round 32's readers at 171.5 s: "a hard disc edge behind the skull": the hair's outline
    // is feathered -- thinning out into the glow over the last of its mass; qs_self_geo.frag
    // falls it in locks, so the outline waves)
    cover *= mix(1.0, smoothstep(0.42, 0.62, sn.w), is_hair);
    return vec4(mix(behind, c, cover), 1.0);
}

// Round 33 (the lead at 171.5 s: both readers, "the dark surround is empty"): the mirror in a
// world.  A low silver mist lies along the frozen pool's horizon (its wisps drifting in x), the
// far floor fading into it, so the horizon is soft and the upper frame stays true black.
const vec3 SILVER = vec3(0.62, 0.64, 0.74);
vec3 mist(vec3 r) {
    if (abs(r.y) > 0.4) return vec3(0.0);                  // (under a level's hundredth beyond)
    float w = 0.55 + 0.9 * vnoise(vec2(atan(r.x, r.z) * 6.0, r.y * 12.0) + 2.3);
    return SILVER * 0.05 * w * (0.65 * exp(-r.y * r.y * 1400.0) + 0.35 * exp(-abs(r.y) * 16.0));
}

// At depth, three more standing shards of the hardened mirror, dim and out of focus (their
// edges softened by a blur that grows with distance): each gives back the mist and, where it
// is turned to the candle, the flame's glint in its face and along its cut edge.  Returns
// (colour, coverage) for the nearest one the ray meets before tmax.
const int FAR_SHARDS = 3;
const vec4 FAR_SHARD[FAR_SHARDS] = vec4[FAR_SHARDS](      // (x, z, height, yaw)
    vec4(-1.9, 3.2, 1.05, -0.5), vec4(1.75, 4.4, 1.3, 0.45), vec4(-0.25, 6.4, 0.85, 0.15));
// (each one's face normal, leaning back a little, and its horizontal axis: worked out once here
// from the yaws above -- sin, cos and a normalize per shard per pixel cost a fifth of the frame)
const vec3 FAR_N[FAR_SHARDS] = vec3[FAR_SHARDS](vec3(-0.47601, 0.11915, -0.87133), vec3(0.43187, 0.11915, -0.89403), vec3(0.14837, 0.11915, -0.98173));
const vec3 FAR_X[FAR_SHARDS] = vec3[FAR_SHARDS](vec3(0.87758, 0.0, -0.47943), vec3(0.90045, 0.0, 0.43497), vec3(0.98877, 0.0, 0.14944));
vec4 far_shards(vec3 ro, vec3 rd, float tmax, vec3 flame_pos, float flick) {
    // (the outlines first, all three -- a few dot products each; then one shading for the
    // nearest one met: round 33, speed)
    int hit = -1;
    float hd = 0.0, hv = 0.0, hu = 0.0, hb = 1.0, cover = 0.0;
    for (int i = 0; i < FAR_SHARDS; ++i) {
        vec4 s = FAR_SHARD[i];
        vec3 o = vec3(s.x, 0.0, s.y);
        float den = dot(rd, FAR_N[i]);
        float t = dot(o - ro, FAR_N[i]) / (abs(den) > 1e-4 ? den : 1e-4);
        vec3 h = ro + rd * t;
        float u = dot(h - o, FAR_X[i]), v = h.y;
        float w = 0.2 + 0.05 * float(i);
        // a broken slab: narrowing as it rises, its top snapped off to a leaning point
        float pk = w * (0.35 - 0.7 * float(i == 1));
        float top = s.z - 1.6 * abs(u - pk) - 0.5 * max(u - pk, 0.0);
        float d = max(max(abs(u) - w * (1.0 - 0.35 * v / s.z), v - top), -v);
        float bw = 0.012 + 0.006 * t;                          // out of focus: softer further off
        float cv = smoothstep(bw, -bw, d) * step(0.0, t) * step(t, tmax);
        if (cv > 0.0) { hit = i; hd = d; hv = v; hu = u; hb = bw; cover = cv; tmax = t; }
    }
    if (hit < 0) return vec4(0.0);
    vec3 n = FAR_N[hit];
    vec3 h = ro + rd * tmax;
    vec3 rf = reflect(rd, n);
    vec3 to_f = normalize(flame_pos - h);
    float gl = max(dot(rf, to_f), 0.0);
    vec3 c = VIOLET * 0.008 + mist(rf) * 0.25
           + WARM * flick * (0.7 * pow(gl, 40.0) + 0.03 * pow(gl, 4.0));
    // the cut edge catching the candle: a soft warm-silver line round the outline
    float rim = exp(-abs(hd) / (1.6 * hb)) * (0.3 + 0.7 * max(dot(FAR_X[hit], -to_f) * sign(hu), 0.0));
    c += mix(SILVER, WARM, 0.55) * 0.2 * rim * rim * flick;
    c = mix(c, mist(rd) * 1.4, exp(-hv * 7.0));              // its foot lost in the mist
    return vec4(c, cover);
}

void main() {
    vec2 uv = (gl_FragCoord.xy - 0.5 * u_resolution) / u_resolution.y;
    vec3 ro = u_scam_pos;
    vec3 fw = normalize(u_scam_target - ro);
    vec3 rt = normalize(cross(fw, vec3(0.0, 1.0, 0.0)));
    vec3 up = cross(rt, fw);
    vec3 rd = normalize(fw * u_scam_focal + rt * uv.x + up * uv.y);
    float px = 1.0 / (u_resolution.y * u_scam_focal);

    // The dark beyond, and the Serenes' eyes in it.
    vec3 col = vec3(0.0016, 0.0012, 0.0034) + watchers(atan(rd.x, rd.z), rd.y) + mist(rd);
    vec3 flame_pos = CANDLE_POS + vec3(0.004 * (u_flicker - 0.5), CANDLE_H + 0.03, 0.0);
    float flick = 0.85 + 0.3 * u_flicker;

    // The hardened pool round the shard: mirror plates, each tipped its own way so each gives
    // back another piece of the night (the Serenes' eyes, the candle's flame as a hard glint),
    // fading into the dark.  (Round 24, the readers: "a tile floor with grey grout": the plates
    // are larger and irregular, their borders wandering as frozen liquid's do, and there is no
    // grout -- where two plates meet the quicksilver froze into a rounded lip, dark unless it
    // turns the candle's or the moon's light to the eye, so a seam shows only as a thin broken
    // glint; the even glint at each plate's middle, which set them out like tiles, is gone.)
    float tg = rd.y < 0.0 ? -ro.y / rd.y : 1e9;
    if (tg < 1e8) {
        vec3 g = ro + rd * tg;
        const float PLATES = 2.8;                                    // plates per world unit
        vec2 gp = g.xz * PLATES + 0.45 * vec2(vnoise(g.xz * 1.7), vnoise(g.xz * 1.7 + 7.7));
        vec2 cell = floor(gp);
        vec2 f = fract(gp);
        float best = 9.0, second = 9.0;
        vec2 id = cell;
        vec2 ob = vec2(0.0), os = vec2(1.0);
        for (int j = -1; j <= 1; ++j) for (int i = -1; i <= 1; ++i) {
            vec2 c = cell + vec2(i, j);
            vec2 o = vec2(i, j) + vec2(hash12(c), hash12(c + 5.7)) - f;
            float d = dot(o, o);
            if (d < best) { second = best; os = ob; best = d; ob = o; id = c; }
            else if (d < second) { second = d; os = o; }
        }
        vec2 across = normalize(os - ob + 1e-5);                    // from this plate to its neighbour
        float edge_w = max(dot(0.5 * (ob + os), across), 0.0) / PLATES;   // to the seam (world units)
        float pix = px * tg / max(-rd.y, 0.05);                      // a pixel's footprint on the floor
        // the rounded lip: within LIP of the seam the plate's face rolls down towards it
        const float LIP = 0.014;
        float lip = 1.0 - smoothstep(0.0, LIP, edge_w);
        float lip_seen = smoothstep(0.4, 1.5, LIP / pix);             // (faded where it is under a pixel: no shimmer)
        vec3 n = normalize(vec3(hash12(id + 1.3) - 0.5, 4.5, hash12(id + 2.9) - 0.5));
        n = normalize(n + vec3(across.x, 0.0, across.y) * 2.2 * lip * lip * lip_seen);
        vec3 r = reflect(rd, n);
        float fres = 0.55 + 0.45 * pow(1.0 - max(-dot(rd, n), 0.0), 5.0);
        // (dark mirrors: true blacks between the glints; round 32, speed: the Serenes' eyes no
        // longer looked for in every plate -- seven pairs for a glint no still held)
        vec3 floor_col = night(r) * 0.75;
        // the shard mirrored in the frozen metal, broken by the facets' tilts: its self, its
        // lit edge and its bleeding cracks
        float den_r = dot(r, u_shard_n);
        float tr = abs(den_r) > 1e-4 ? dot(u_shard_o - g, u_shard_n) / den_r : -1.0;
        if (tr > 0.0) {
            vec3 h = g + r * tr;
            vec2 p = vec2(dot(h - u_shard_o, u_shard_x), dot(h - u_shard_o, u_shard_y));
            float d = outline(p);
            float cover = 1.0 - smoothstep(-0.004, 0.004, d);
            vec3 mirrored = self_far(h, reflect(r, u_shard_n)) * 0.8;
            mirrored += vec3(0.8, 0.78, 0.85) * 0.6 * exp(-abs(d + 0.006) * 300.0);
            // (round 32, speed: its cracks' crimson only as a warmth over the mirrored glass --
            // the whole crack star again for every pixel of the frame cost a fifth of it)
            mirrored = mix(mirrored, mirrored * vec3(0.8, 0.3, 0.25) + vec3(0.04, 0.002, 0.003), 0.6 * u_crack.w * smoothstep(u_crack.z, 0.0, length(p - u_crack.xy)));
            floor_col = mix(floor_col, mirrored, cover);
        }
        // the candle's flame mirrored: a hard warm glint in the plates tipped to catch it
        // (its size as the flame's seen from the plate, so the plates by the candle hold its image)
        vec3 to_f = flame_pos - g;
        float dist_f = length(to_f);
        float off2 = 2.0 * (1.0 - dot(r, to_f / dist_f));
        floor_col += mix(WARM, vec3(1.0, 0.9, 0.7), 0.4) * flick * (7.0 * exp(-off2 * dist_f * dist_f / 0.00016) + 0.25 * exp(-off2 * dist_f * dist_f / 0.004));
        // other shards of the broken mirror lying on the dark floor (round 31, the lead at
        // 173.1 s: "the frame mostly black" -- "shards lying around catching the candle and the
        // moon, each with a sliver of the red self"): a few plates are fallen pieces of glass,
        // each its own tilt's picture of the night and the candle (round 32, below)
        float fallen = step(0.78, hash12(id + 4.4)) * step(0.7, length(g.xz - u_shard_o.xz)) * step(length(g.xz - u_shard_o.xz), 3.2);
        if (fallen > 0.0) {
            // (a triangle of glass round the plate's point, turned its own way: a shard, not a tile)
            float ang = 6.2832 * hash12(id + 6.1);
            float tri = -1e3;
            for (int k = 0; k < 3; ++k) {
                float a = ang + 2.0944 * float(k) + 0.5 * (hash12(id + float(k) + 9.1) - 0.5);
                tri = max(tri, dot(-ob, vec2(cos(a), sin(a))));
            }
            float R = 0.16 + 0.1 * hash12(id + 3.3);
            float fp = pix * PLATES;                                         // a pixel in plate units
            float inside = 1.0 - smoothstep(R - fp, R + fp, tri);
            // (round 32, the readers at 172.2 s: "stray orange triangles on the floor" -- the
            // pieces filled with the red self read as flat orange cut-outs.  A fallen piece is
            // mirror glass lying at its own tilt: it gives back the night's violet haze and, where
            // it is tipped to the candle, the flame's warm sheen; no fill of its own, and its
            // cut edge bright only where the candle is near)
            vec3 tn = normalize(vec3(hash12(id + 8.7) - 0.5, 1.6, hash12(id + 2.2) - 0.5));
            vec3 pr = reflect(rd, tn);
            vec3 piece = mix(VIOLET * 0.2, vec3(0.006, 0.004, 0.014), smoothstep(-0.05, 0.4, pr.y))
                       + VIOLET * 0.35 * exp(-abs(pr.y - 0.03) * 18.0);
            vec3 to_fl = normalize(flame_pos - g);
            piece += mix(WARM, vec3(1.0, 0.85, 0.6), 0.4) * flick * (2.5 * pow(max(dot(pr, to_fl), 0.0), 80.0) + 0.5 * pow(max(dot(pr, to_fl), 0.0), 3.0));
            piece += MOON * 0.35 * pow(max(dot(pr, normalize(NIGHT_DIR)), 0.0), 8.0);   // (the emerald moon's sheen)
            floor_col = mix(floor_col, piece * 2.4, inside);
            // the cut edge: a thin clean line where the piece's bevel catches the light
            float cut = exp(-abs(tri - R) / (0.5 * fp + 0.0015)) * (0.4 + 0.6 * smoothstep(0.2, 0.8, dot(pr, to_fl)));
            floor_col += mix(WARM * 0.4, WARM * 1.6, near_candle_f(g)) * 1.4 * cut;   // (warm: no cold grout lines)
        }
        floor_col *= fres * 0.55;
        // the seams: no line of their own -- the lip's glints above (the candle's and the moon's
        // light where it rolls to the eye), and the hairline gap between the plates, dark
        float near_candle = 1.0 / (1.0 + 12.0 * dot(g.xz - CANDLE_POS.xz, g.xz - CANDLE_POS.xz));
        floor_col += (MOON * 1.5 * pow(max(dot(r, normalize(NIGHT_DIR)), 0.0), 30.0)
                      + mix(WARM, vec3(1.0, 0.85, 0.6), 0.3) * flick * (9.0 * exp(-off2 * 40.0) + 2.0 * exp(-off2 * 8.0)) * (0.5 + near_candle)) * lip * lip_seen;
        floor_col *= 1.0 - 0.85 * (1.0 - smoothstep(0.0, 0.6 * pix + 0.0008, edge_w));
        // the candle's warm pool of light round it, the dark beyond (round 33 at 171.8 s: "the
        // ground is empty" -- a wider faint warmth reaching the mirror's foot, so the plates
        // there read as a floor in the flame's light)
        vec2 dc = g.xz - CANDLE_POS.xz;
        floor_col += WARM * (0.05 * near_candle + 0.03 / (1.0 + 0.8 * dot(dc, dc))) * flick;
        // (round 33) the frozen pool as one mirror beneath its plates' tilts: a long soft
        // reflection of the candle, and the far shards dim in it (the flat mirror's ray; the
        // plates' roughness as the blur; the shard's own rim image lies under its foot, out of
        // the frame, so it is not paid for)
        vec3 r0 = vec3(rd.x, -rd.y, rd.z);
        vec3 soft = vec3(0.0);
        vec3 fm = vec3(flame_pos.x, -flame_pos.y, flame_pos.z);      // the flame's image under the pool
        vec3 df = rd - normalize(fm - ro);
        float sx = dot(df, rt), sy = dot(df, up);
        soft += mix(WARM, vec3(1.0, 0.88, 0.65), 0.35) * flick
              * (0.35 + 0.65 * hash12(id + 0.7))                        // (broken by the plates' tilts)
              * (0.9 * exp(-sx * sx / 0.00005 - sy * sy / 0.005)
                 + 0.15 * exp(-sx * sx / 0.0012 - sy * sy / 0.02));
        if (rd.y > -0.3 && tg > 2.0) {          // (only where their images can lie: the far plates)
            vec4 fr = far_shards(g, r0, 40.0, flame_pos, flick);
            soft = mix(soft, fr.rgb * 0.5, fr.a);
        }
        col = mix(col, floor_col * 0.6, exp(-tg * 0.45));
        col += soft * 0.45 * exp(-tg * 0.12);                 // (dimmed less with distance: a mirror's image)
    }

    if (rd.y > -0.15 && rd.y < 0.15) {          // (the band they stand in, seen from here)
        vec4 fs = far_shards(ro, rd, tg, flame_pos, flick);
        col = mix(col, fs.rgb, fs.a);
    }

    // The shard: its face's plane, its chipped outline, the bevel round it.
    float den = dot(rd, u_shard_n);
    float ts = den < 0.0 ? dot(u_shard_o - ro, u_shard_n) / den : -1.0;
    if (ts > 0.0 && ts < tg) {
        vec3 h = ro + rd * ts;
        vec2 p = vec2(dot(h - u_shard_o, u_shard_x), dot(h - u_shard_o, u_shard_y));
        vec3 pg = polygon_grad(p / SHARD_SCALE);
        // (round 32's readers at 171.5 s: "the frame a simple bevelled polygon": the rim is
        // the mirror's own quicksilver, rolled into a bead -- its line swelling and thinning
        // as poured metal does, its straight sides no longer ruled)
        float swell = vnoise(p * 4.5 + 1.3);
        // (round 34: "the mirror's edge broken quicksilver" -- a thin cut edge.  Beads of the
        // metal clinging along it read to both of the next readers as "a beaded chain", "a
        // beaded sausage": the cut edge alone)
        float d = pg.x * SHARD_SCALE + chip_bite(p) + broken_edge(p) + 0.004 * (swell - 0.5);
        float bevel_w = BEVEL * (0.4 + 0.3 * swell);
        float aa = px * ts * 1.5;
        float cover = 1.0 - smoothstep(-aa, aa, d);
        if (cover > 0.0) {
            // the bevel: within BEVEL of the edge the face turns outwards, towards the edge
            vec2 grad = pg.yz;
            float bev = smoothstep(-bevel_w, 0.0, d);
            vec2 ck = cracks(p);
            vec3 n = u_shard_n;
            // each broken piece tipped and shifted a little, so the self breaks across the
            // cracks (round 23: the picture OFFSET across each crack, as a broken mirror's is)
            vec3 hs = h;
            float piece_lit = 1.0;
            if (ck.y >= 0.0) {
                vec2 tip = vec2(hash12(vec2(ck.y, 3.1)), hash12(vec2(ck.y, 8.4))) - 0.5;
                float grown = smoothstep(0.0, 0.5, u_crack.z);
                // (round 28: the shot's stills were one set-up differing by the push: as the
                // cracks run out to the rim the pieces turn apart, so the self breaks)
                float apart = smoothstep(0.65, 1.0, u_crack.z);
                // (round 29, both readers at 174.9 s: "the face triple-ghosted like a bug" -- the
                // pieces turned so far apart each held a whole profile: now they turn a little,
                // the self stays one face broken at the cracks, not three faces)
                n = normalize(n + (0.035 * grown + 0.03 * apart) * (u_shard_x * tip.x + u_shard_y * tip.y));
                hs += (0.012 * grown + 0.02 * apart) * (u_shard_x * tip.y - u_shard_y * tip.x);
                piece_lit = 1.0 + (0.35 * grown + 0.3 * apart) * (hash12(vec2(ck.y, 5.9)) - 0.5);
            }
            // (a rolled bead's round profile: the normal turns from the face to the outside
            // along a quarter circle, so the night and the flame slide round it in thin bright
            // lines and dark between, as on a drop of mercury)
            float roll = 1.45 * clamp((d + bevel_w) / bevel_w, 0.0, 1.0);
            vec3 nb = normalize(mix(n, n * cos(roll) + (u_shard_x * grad.x + u_shard_y * grad.y) * sin(roll), bev));
            vec3 r = reflect(rd, nb);
            float fres = 0.62 + 0.38 * pow(1.0 - max(-dot(rd, nb), 0.0), 5.0);
            vec3 face = self_seen(hs, r).rgb * fres * 0.95 * piece_lit;
            // the bevel catches the light: its glass edge lit by the candle and the night
            // (round 28, the readers: "a plastic frame" -- the even lilac of the night over the
            // whole bevel made a moulded rim: the bevel narrower, dark but for sharp glints)
            vec3 edge = night(r) * 0.12;
            edge += WARM * 3.0 * pow(max(dot(r, normalize(CANDLE_DIR)), 0.0), 40.0) * (0.85 + 0.3 * u_flicker);
            vec3 to_flame = normalize(flame_pos - h);               // the visible candle on the bevel
            edge += WARM * (4.0 * pow(max(dot(r, to_flame), 0.0), 60.0) + 0.25 * max(dot(nb, to_flame), 0.0)) * flick;
            edge += COLD * 2.0 * pow(max(dot(r, normalize(NIGHT_DIR)), 0.0), 30.0);
            // (round 31: "a clean bevelled glass edge catching light": the bevel's glints run
            // long along the edge, a soft cold sheen over it where no light is caught)
            edge += vec3(0.03, 0.027, 0.045) * (0.4 + 0.6 * bev);
            edge *= 0.8 + 0.4 * smoothstep(0.3, 0.7, vnoise(p * 4.0));
            vec3 c = mix(face, edge, bev);
            // a thin dark groove where the bevel meets the face, and the edge's bright lip
            c *= 1.0 - 0.6 * exp(-pow((d + bevel_w) / (aa + 0.002), 2.0));
            c += vec3(0.9, 0.85, 0.8) * 0.5 * exp(-pow(d / (aa + 0.0015), 2.0)) * (0.3 + 0.7 * smoothstep(0.3, 0.8, vnoise(p * 17.0)));
            // the cracks as broken glass (round 23: "a laser grid"): a thin dark line, and on
            // one side of it the piece's broken edge refracting the light -- a bright sliver,
            // broken up along its length -- and tiny chips flaked off along it
            float cw = aa * 0.5 + 0.0006;
            float reached = step(0.0, ck.y);
            float line = exp(-pow(ck.x / cw, 2.0)) * reached;
            float lit_side = mod(ck.y, 2.0) < 0.5 ? 1.0 : 0.1;
            float sliver = exp(-pow((ck.x - 2.2 * cw) / cw, 2.0)) * reached * lit_side
                         * smoothstep(0.3, 0.7, vnoise(p * 45.0 + ck.y));
            float chips = exp(-ck.x / (2.0 * cw)) * smoothstep(0.8, 0.86, vnoise(p * 90.0 + 3.7)) * reached;
            float bleed = u_crack.w;
            // the blood: seeping from the cracks into the glass (a soft stain either side, wider
            // where the crack is wider) and running down from them in thin runs to beads --
            // deep crimson, darkening the picture it lies over, its glow only a faint warmth
            // that swells with the heartbeat (``u_pulse``)
            float ph = fract(u_pulse - 1.4 * length(p - u_crack.xy));
            float beat = exp(-ph * ph / 0.004) + 0.6 * exp(-(ph - 0.28) * (ph - 0.28) / 0.004);
            float vein = 0.4 + 1.2 * vnoise(p * 23.0);
            // (Round 28, both readers: "cartoon blood drips", "the crack a sticker"; asked for
            // "blood as light in the cracks": no runs and beads now -- the blood is light, a
            // hot crimson core in each crack with a red glow seeping either side into the glass,
            // brightest near the impact and swelling outward with each beat)
            // (round 31: the crack star off the face -- the glow a little wider along the runs, so
            // it still reads as light where the cracks cross the bright face)
            float seep = bleed * reached * exp(-ck.x / ((0.0032 + 0.0075 * bleed) * vein));
            float core = bleed * reached * exp(-pow(ck.x / (cw * 1.1), 2.0)) * (0.25 + 0.75 * smoothstep(0.3, 0.75, vnoise(p * 16.0 + 2.0)));
            float heat = (0.45 + 0.55 * exp(-2.5 * length(p - u_crack.xy))) * (0.55 + 0.7 * beat) * (1.0 - bev);
            c *= 1.0 - 0.85 * line * (1.0 - bleed);
            c = mix(c, c * vec3(0.6, 0.1, 0.08), 0.85 * seep * (1.0 - bev));
            c += (vec3(0.9, 0.06, 0.02) * 0.6 * seep + mix(vec3(1.0, 0.2, 0.05), vec3(1.0, 0.62, 0.3), 0.5 * beat) * 1.3 * core) * heat;
            c += vec3(0.95, 0.92, 1.0) * 0.45 * (1.0 - 0.6 * bleed) * sliver * (1.0 - bev) + mix(WARM, vec3(1.0), 0.5) * 0.3 * chips * (1.0 - bev);
            col = mix(col, c, cover);
        }
    }

    // The candle: a wax stub on the frozen pool, its flame, its halo in the dark.
    {
        vec2 oc = ro.xz - CANDLE_POS.xz;
        float a = dot(rd.xz, rd.xz), b = dot(oc, rd.xz), c = dot(oc, oc) - 0.026 * 0.026;
        float disc = b * b - a * c;
        if (disc > 0.0) {
            float tc = (-b - sqrt(disc)) / a;
            float y = ro.y + rd.y * tc;
            if (tc > 0.0 && y > 0.0 && y < CANDLE_H) {                 // (it stands clear of the shard)
                vec3 hp = ro + rd * tc;
                vec3 nc = normalize(vec3(hp.x - CANDLE_POS.x, 0.0, hp.z - CANDLE_POS.z));
                float lit = 0.35 + 0.65 * max(dot(nc, -rd), 0.0);
                col = WARM * (0.05 + 0.5 * exp(-(CANDLE_H - y) * 40.0)) * lit * flick;   // wax glowing under the flame
            }
        }
        float along = dot(flame_pos - ro, rd);
        vec3 pv = ro + rd * along - flame_pos;
        float dy = pv.y;
        float dx = length(pv - vec3(0.0, dy, 0.0));
        float fh = dy > 0.0 ? 0.03 : 0.011;
        float fl = exp(-(dx * dx) / (0.0085 * 0.0085) - dy * dy / (fh * fh));
        col += mix(WARM, vec3(1.0, 0.92, 0.75), fl) * fl * 5.0 * flick;
        col += WARM * (0.22 * exp(-length(pv) / 0.04) + 0.05 * exp(-length(pv) / 0.25)) * flick;
    }

    col *= 1.0 - 0.5 * dot(uv, uv);                             // vignette
    col = agx_display(col * 1.35);
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), 1.0);
}
