#version 330 core
// Resonance, last pass (full resolution): night sky, faint stars, the aurora from the half-
// resolution march, a far city of glass towers on the horizon, and the still water that
// mirrors it all. Tonemapped, encoded and dithered here.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "resonance.glsl"
#include "camera.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
uniform sampler2D u_aurora;
uniform sampler2D u_city;
uniform sampler2D u_starfield;
out vec4 frag_colour;

#ifdef RESONANCE_RIFT
#include "rift.glsl"
#endif

// How high over the horizon the curtains' march first finds light (the aurora pass is dark
// under it): the sky and its mirror carry the light of this height down to the horizon.
const float AURORA_GAP = 0.045;

// The height whose curtain light shows at height h (0 at the horizon): h itself high up, the
// gap's height at the horizon, joined by a smooth maximum so no row marks the join.
float aurora_height(float h) {
    float k = 0.7 * AURORA_GAP;
    float e = max(k - abs(h - AURORA_GAP), 0.0) / k;
    return max(h, AURORA_GAP) + 0.25 * k * e * e;
}

vec3 sky_base(float dy) {
    // Deep indigo overhead, a paler teal-violet airglow at the horizon, the city's glow.
    vec3 zenith = vec3(0.0022, 0.0026, 0.0095);
    vec3 low = vec3(0.008, 0.014, 0.028);
    vec3 c = mix(low, zenith, smoothstep(0.0, 0.5, dy));
    c += vec3(0.022, 0.012, 0.012) * exp(-max(dy, 0.0) * 30.0);
    return c;
}

// The stars, from the baked layer: brightness, twinkle rate and phase, tint.
vec3 stars() {
    vec4 s = texelFetch(u_starfield, ivec2(gl_FragCoord.xy), 0);
    float tw = 1.0 + 0.4 * sin(u_time * (1.3 + 2.5 * s.g) + 40.0 * s.b);
    vec3 tint = mix(vec3(0.72, 0.8, 1.0), vec3(1.0, 0.86, 0.74), s.a);
    return tint * (s.r * s.r * STAR_RANGE) * tw;
}

// The aurora pass's texture coordinates of a view point (it is drawn in screen space).
vec2 uv_of(vec2 p) {
    p = screen_point(p);
    return vec2(p.x * u_resolution.y / u_resolution.x + 0.5, p.y + 0.5);
}

// The city at q = (x, height above the horizon), from the baked layer: rgb (linear) and
// coverage. lit: how bright its lights are (brighter in the water, where they smear).
// The strip is baked at the screen's size: a longer lens magnifies it, and a rolled frame
// shows it a little larger, so its ends never come into view.
// A city shrunk by `skyline` (zoom over 1) would show the strip's ends: it wraps round
// instead, seaming in the low outskirts at its ends.
uniform float u_city_zoom;     // min(lens / 1.5, 1) / (1 + 0.6 |roll|) / skyline, from scenes/resonance.py

vec4 city(vec2 q, vec3 sky_light, float lit, vec3 behind) {
    q *= u_city_zoom;
    vec4 c = texture(u_city, vec2(fract(q.x * u_resolution.y / u_resolution.x + 0.5),
                                  (q.y - CITY_BOTTOM) / (CITY_TOP - CITY_BOTTOM)));
    // (round 18, 138.3 s: "a muddy horizon band" -- the low ground along the water lit to a
    // mid-purple by the aurora.  It is a dark shore now, near black, the sky's light only a
    // breath on it, so the lit water and glass stand out against it)
    vec3 haze = vec3(0.004, 0.0045, 0.009) + 0.018 * sky_light;
    // (round 17's readers: the spires "black sticks".)  The glass is clear: the aurora behind
    // a tower shows through its body, bent and darkened by the liquid glass and tinted cold,
    // so each spire is a column of the sky's own colour with a dark core, not a cut-out.
    // (round 34's readers: "crystal prisms", "do not look liquid" -- the body is a lens: the
    // baked strip's b is where across its round a point is (c.g: how much is tower), and the
    // sky behind is seen through it bent and flipped (`behind`, looked up by the caller at
    // the point's own bend), deep-tinted at the edges where the light crosses the most
    // glass, clearer through the middle)
    float tw = smoothstep(0.45, 0.95, c.g);
    float side = 2.0 * c.b - 1.0;
    float thick = 1.0 - sqrt(max(1.0 - side * side, 0.0));
    vec3 tint = mix(vec3(0.85, 1.0, 1.0), vec3(0.12, 0.45, 0.55), thick * tw);
    vec3 body = vec3(0.0016, 0.0017, 0.0040) + u_glass * behind * tint
              * (0.5 + 0.75 * smoothstep(0.0, 0.3, c.a));
    vec3 col = mix(haze, body, c.g);
    col += c.b * (1.0 - tw) * lit * vec3(0.06, 0.034, 0.014);
    col += c.a * ((3.6 + 2.4 * u_glass) * sky_light + lit * vec3(0.025, 0.05, 0.065));
    // (`far_city` 0: open water to the horizon -- round 21's trapped faces: the shrunk spires and
    // their reflections stood on the horizon as "cyan waveform spikes")
    return vec4(col, c.r * u_far_city);
}

// What a tower's glass shows of the sky behind it: the aurora a little higher up and
// displaced sideways by the column's curve (bent by refraction), at view point q.
vec3 through_glass(vec2 q) {
    vec4 c = texture(u_city, vec2(fract(q.x * u_city_zoom * u_resolution.y / u_resolution.x + 0.5),
                                  ((q.y - u_horizon) * u_city_zoom - CITY_BOTTOM) / (CITY_TOP - CITY_BOTTOM)));
    float side = (2.0 * c.b - 1.0) * smoothstep(0.45, 0.95, c.g);
    // (a round body of glass shows the sky behind it flipped and squeezed across its width:
    // the curtains to its right seen at its left edge)
    // (and from below: the low curtains over the dark band at the horizon, not the band --
    // looked up straight, the lower bodies showed it as a dark blot)
    float hq = q.y - u_horizon;
    vec2 b = vec2(q.x - 0.06 * side, u_horizon + 0.12 + 0.85 * hq + 0.04 * side * side);
    vec4 a = texture(u_aurora, uv_of(vec2(b.x, u_horizon + aurora_height(b.y - u_horizon))));
    return a.rgb / a.a + sky_base(b.y - u_horizon);
}

// The aurora's light over a column of the city, for its haze and its glass towers (the
// faces' density change divided out): its low curtains a little above the horizon, the part
// of the sky the towers' upright glass faces and mirrors (round 7: the glass mirrors the
// aurora's green, not a violet from high overhead).
vec3 sky_light(float u) {
    vec4 sl = texture(u_aurora, vec2(u, clamp(0.5 + u_horizon + 0.1, 0.3, 0.8)));
    return sl.rgb / sl.a;
}

// The helix's own light (beat 4): a soft glow round its column, gold low and violet high,
// at q = (x, height above the horizon); it lights the aurora, the glass of the towers near
// it and, through the reflection, the water. Nothing while helix is 0.
vec3 helix_light(vec2 q) {
    float across = exp(-q.x * q.x * 45.0);
    float along = smoothstep(-0.02, 0.06, q.y) * exp(-max(q.y - 0.2, 0.0) * 2.5);
    vec3 c = mix(vec3(1.0, 0.62, 0.25), vec3(0.45, 0.3, 1.0), smoothstep(0.0, 0.5, q.y));
    return u_helix * 0.09 * across * along * c;
}

// The night seen through an opening in the curtain (a face's mouth or socket): a deep indigo,
// never black, with fine faint stars of its own, finer than the sky's, so that the opening
// reads as depth behind the curtain.
vec3 night_within(vec2 frag, float starry) {
    vec2 cell = floor(frag / 5.0);
    vec3 h = hash3i(ivec3(ivec2(cell), 731));
    vec2 d = frag - (cell + 0.5 + 0.35 * (h.xy - 0.5) * 2.0) * 5.0;
    float star = step(0.72, h.z) * exp(-dot(d, d) * 0.9) * (h.z - 0.72) * 0.12;
    return vec3(0.0065, 0.0075, 0.021) + starry * star * vec3(0.8, 0.88, 1.0);
}

// The throat of an opening in the curtain (round 34's readers at 133.5 s: "the mouth is a flat
// black blob"): its walls catch the curtain's light at the lips and go down into the dark,
// like the inside of a throat of light, its deepest part darkest; `uv`: the point in the
// aurora pass, `lit`: the curtain's light there.
#ifdef RESONANCE_FACES
#include "face.glsl"
uniform vec4 u_faces[4];       // centre x, centre y, scale, strength (scenes/resonance.py)
uniform vec4 u_faces_b[4];     // mouth open, tilt (rad), tear seed, tear amount

// The throat of a screaming mouth (round 34's readers at 133.5 s: "the mouth is a flat black
// blob"): its walls catch the curtain's light at the lips and go down into the dark, like
// the inside of a throat of light, its deepest part darkest.  At view point p, `lit` the
// curtain's light there; how far into the opening from face.glsl's own outline of it (the
// one the aurora pass cuts through the curtain), so it costs no lookups.  The first face's
// only (the leader, while it shows): a loop over the faces cost the frame a sixth again on
// llvmpipe, and the lesser face's walls, a third as bright, were not worth it.
// (round 34's readers at 141.7 s: "the mouth a flat oval with a starfield inside" -- the
// throat goes down into the dark: rings of the curtain's light receding toward a black heart,
// closer together the deeper they go (in perspective), brightest at the lips and drawn slowly
// inward, the silent scream pulling the light down; no stars in it.)  rgb: its light; a: how
// much of the pixel is throat (the night's stars go out there).
vec4 throat(vec2 p, vec3 lit) {
    vec4 f = u_faces[0], g = u_faces_b[0];
    vec2 q = rot2(-g.y) * (p - f.xy) / f.z;
    float r = face_mouth_at(q, g.x, g.y * 5.0);
    // (as strongly as the face has surfaced: a face fading in or out is no lit oval)
    float shown = clamp(abs(f.w) / 0.5, 0.0, 1.0);
    // (walls only where the opening is large enough on screen to hold them: a few pixels
    // across, a lit opening read as no opening at all)
    float seen = smoothstep(2.0, 6.0, 0.03 * u_resolution.y);
    float inside = smoothstep(1.08, 0.92, r) * shown * seen;
    // the rings: even in log(r), so they crowd toward the heart as a tunnel's do
    float lr = log(max(r, 0.04));
    float ribs = 0.5 + 0.5 * cos(lr * 10.0 + 1.6 * u_time);
    ribs *= ribs;
    // the light from the lips falls off into the dark as it goes down
    // (and fades at the lip itself: a lit rim round the opening is the "coin" of round 14)
    float fall = smoothstep(0.1, 0.85, r);
    fall *= fall * smoothstep(1.02, 0.82, r);
    vec3 wallc = vec3(0.12, 0.075, 0.26) + 0.45 * lit;
    vec3 col = wallc * fall * (0.2 + 0.8 * ribs) * inside;
    return vec4(col, inside);
}
#endif

// The aurora where a face surfaces, made crisper (round 11: "smeared low-resolution clay
// masks"): the aurora pass is drawn at half resolution, so the brows, sockets and screaming
// mouths come back soft.  Where a face changes the light's density (its alpha leaves 1), an
// unsharp mask from four taps one half-resolution texel away firms their edges -- the light
// itself, not an outline drawn over it; elsewhere the curtains are left as soft as they are.
// `face`: how much of a trapped face is at uv (0..1, from the faces' density in the alpha),
// so that the stars can go out behind it; `raw`: the texel itself (the water's mirror light).
vec3 aurora_crisp(vec2 uv, out float face, out vec4 raw) {
    vec4 c = texture(u_aurora, uv);
    raw = c;
    vec2 t = 4.0 / u_resolution;
    vec4 b = 0.25 * (texture(u_aurora, uv + vec2(t.x, 0.0)) + texture(u_aurora, uv - vec2(t.x, 0.0))
                   + texture(u_aurora, uv + vec2(0.0, t.y)) + texture(u_aurora, uv - vec2(0.0, t.y)));
    float dev = max(abs(c.a - 1.0), abs(b.a - 1.0));
    face = smoothstep(0.005, 0.06, dev);    // (wider than the firming: the whole head, not its edges)
    float firm = smoothstep(0.03, 0.2, dev);
    // (the undershoot held to 0.7 of the light, the overshoot to 1.6 times it: firmer edges, never black holes or haloes)
    return clamp(c.rgb + 2.4 * firm * (c.rgb - b.rgb), 0.7 * c.rgb, 1.6 * c.rgb + 0.01);
}

// How far the howl's tear has opened, for the shore (0 without the rift variant): as the sky
// tears the water at the shore goes back to darker, its true blacks round the tear's mirror
// image carrying the gasp into the waking (round 29 lit the shore, "a visible seam", where
// the sky is whole), smoothly, so the variant's switch at the tear's first light is no step.
float shore_torn() {
#ifdef RESONANCE_RIFT
    return smoothstep(0.1, 0.6, u_rift);
#else
    return 0.0;
#endif
}

// A low mist lying on the water at the horizon, lit by the curtains above it (round 28's
// readers at 109-140.6 s: "the spires float with no bases along a dark horizon strip", "a
// heavy dark horizon band" -- the aurora's march finds nothing in the last sliver above the
// horizon, and its mirror image was cut there too).  The mist takes the low curtains' colour
// over its column, drifts in slow soft banks, and is laid over the city, so the spires'
// feet stand in a lit haze and sky and water meet in light, not in a black seam.
// dy: height above (or depth below) the horizon; x: across the frame.
vec3 horizon_mist(float x, float dy, vec3 low_light) {
    float bank = 0.65 + 0.35 * snoise(vec2(x * 2.2 + u_time * 0.02, 3.7));
    // (thinner under the horizon: its mirror; round 29: at 0.018 below it creased the shore --
    // 0.026, but the torn sky keeps it thin, its blacks: shore_torn())
    float h = dy >= 0.0 ? dy / 0.03 : -dy / mix(0.026, 0.018, shore_torn());
    return low_light * (0.5 * bank * exp(-h * h) + 0.12 * exp(-abs(h) * 0.35));
}

// The wind's rows on the water at w (world units on the water plane, camera 1 above it) and
// the distance to it: (the mirror point's shift up the sky, the surface's light: 1 flat).
// fw: the rows' footprint on the pixel (fwidth of w.y, taken by the caller outside the
// water's branch, where the derivatives are defined).
vec2 water_rows(vec2 w, float dist, float fw) {
    // (one noise: the fine rows are a sine bent by it, a second noise cost 1.1x the frame)
    float ry = w.y * 3.2 + 0.25 * sin(w.x * 0.7 + 0.3 * w.y);                  // rows, a little wavy
    float n = snoise(vec2(w.x * 0.2 + 0.04 * u_time, ry - 0.6 * u_time));
    float n2 = sin(ry * 8.3 + 2.5 * n + 1.5 * u_time + 0.8 * sin(w.x * 1.3));
    // (the fine rows fade where they would be finer than ~3 pixels; the coarse ones later)
    float keep = 1.0 - smoothstep(0.12, 0.3, 3.2 * fw);
    float keep2 = 1.0 - smoothstep(0.12, 0.3, 8.3 * fw);
    float r = (n * keep + 0.5 * n2 * keep2);
    // crests mirror the sky higher up (a tilt toward the eye), troughs lower, sharply
    float tilt = sign(r) * pow(abs(r), 0.6);
    float shift = 0.03 * tilt / (1.0 + 0.06 * dist);
    float light = 1.0 + 0.6 * smoothstep(0.45, 0.8, r) * keep - 0.35 * smoothstep(-0.1, -0.6, r) * keep;
    return vec2(shift, light);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 p = view_point(gl_FragCoord.xy, u_resolution);
    float dy = p.y - u_horizon;
    vec3 col = vec3(0.0);
    vec3 glint = vec3(0.0);          // the tear's light on the city's glass
#ifdef RESONANCE_RIFT
    glint = rift_on_glass(p.x);
    // The howl's tear (rift.glsl), worked out once for the pixel: in the sky where it is, and
    // mirrored in the water at the same height below the horizon (both branches run for every
    // pixel on llvmpipe: one evaluation serves both).  It draws the curtains in towards it.
    vec2 rq = vec2(p.x, abs(dy));
    // (round 14: its reflection was a second crisp bolt.  In the water the tear is broken by
    // the ripples -- each streak of the surface throws it sideways by its own amount -- and
    // spread wider and dimmer, a smear of light on moving water.)
    float wet = step(dy, 0.0);
    // (each streak's rows fade out where they would be finer than about three pixels: near
    // the horizon they aliased into moire -- round 19's reader at 188.5 s)
    float row1 = rq.y * 45.0 / (0.15 + rq.y), row2 = rq.y * 110.0 / (0.15 + rq.y);
    // (round 35: only the water's pixels pay for the streaks' two noises -- a block of sky
    // skips them; their footprints are taken outside the branch, where derivatives hold)
    float fw1 = fwidth(row1), fw2 = fwidth(row2);
    float streak = 0.0;
    if (dy < 0.0) {
        streak = snoise(vec2(p.x * 3.0, row1 - u_time * 1.4)) * (1.0 - smoothstep(0.15, 0.35, fw1))
               + 0.25 * snoise(vec2(p.x * 9.0 + 2.0, row2 - u_time * 2.3)) * (1.0 - smoothstep(0.15, 0.35, fw2));
    }
    // (round 26: "a wide wavy ribbon" -- the water is still and black now, the tear mirrored
    // crisply in it, broken only by fine ripple lines across it, barely shifted sideways)
    // (round 29's readers at 188.9 s: "the rift's reflection a zigzag" -- the mirrored kinks
    // of the tear wandered sideways down the water.  Its image is an upright column under the
    // tear's foot now, as light on still water falls: the kinks stay in the sky, and the
    // ripples break the column into rows, not sideways)
    vec2 rs = rift_shape(rq.y, u_time);
    rs.x = mix(rs.x, v_rift_feet.y, wet);
    rs.y *= 1.0 + wet * 0.08;
    // the shock rings, on the water and in the mist as high above it (both from one point)
    vec3 dr = camera_ray(p);
    float pd = 1.0 / max(abs(dr.y), 1e-3);
    float shock = rift_shock(vec2(dr.x, dr.z) * pd, u_time) * u_rift / (1.0 + pd * pd * 0.0015)
                * smoothstep(0.005, 0.05, abs(dy));
    // (round 26: the fronts ran through the curtains as rings round the tear's foot; round 28:
    // over the horizon they read as ellipses drawn round the spires -- the sky's fronts are
    // the tear's own now, rift_fronts; the rings stay on the water)
    // (round 28: and the howl's fronts run out sideways from the tear through them, pushing
    // their folds outward and brightening them on each crest -- the sound seen in the curtains)
    vec2 heart = rift_heart();
    float front = rift_fronts(rq, rs, heart);
    // (the rings blow the curtains back, away from the tear's heart: their lookup drawn in)
    vec2 away = normalize(rq - heart + vec2(1e-4, 0.0));
    vec3 aur = texture(u_aurora, uv_of(vec2(p.x + rift_pull(rq, rs), u_horizon + rq.y) - away * 0.12 * front)).rgb
             * (1.0 + 2.2 * front);
    // (round 32's readers: "garish saturation" -- the curtains under the howl's white light
    // drained a third toward grey, the tear's light the brightest thing in the sky)
    aur = mix(vec3(dot(aur, vec3(0.3, 0.5, 0.2))), aur, 0.65);
    vec3 torn = rift_light(rq, rs, aur, 0.9 * wet);
    // (round 34's readers at 189.3 s: "the purple loop a smoke ring" -- the breath of the
    // tear's light on each ring's crest in the night round it drew a closed loop in the air:
    // gone, the fronts are seen only in the curtains they blow back, each crest lighting the
    // curtain it passes with the wound's white-violet, and on the lake)
    torn += (vec3(0.5, 0.42, 1.0) * 0.35 + aur * 1.6) * front * (1.0 - wet) * smoothstep(0.004, 0.04, dot(aur, vec3(0.3, 0.5, 0.2)));
    torn *= 1.0 - wet * 0.85 * smoothstep(0.0, 0.55, streak);
    vec3 shock_c = vec3(0.55, 0.45, 1.0);
#endif
    // Sky or water, in one straight run (round 32: on llvmpipe a block of pixels ran both
    // branches of the old if/else, so every pixel paid for the city, its glass and the
    // aurora's light twice).  `s` is the view point whose sky the pixel shows: the pixel's
    // own in the sky, its ripple-bent mirror point in the water; the aurora, the city and
    // its glass are looked up once at s, and only what differs is chosen.
    bool under = dy < 0.0;           // the water
    // Still water: the mirror image of the sky about the horizon, stirred by slow swells.
    // The ripples live on the water plane (camera 1 above it), so they shrink toward the
    // horizon, and weaken with distance before they could alias.
    vec3 d = camera_ray(p);
    float dist = 1.0 / max(-d.y, 1e-4);                        // to the water, camera at 1
    vec2 w = vec2(d.x, d.z) * dist;
    // (round 7: calm, long swells; the old chop broke the towers' reflections into
    // jittering slices. The swells' screen frequency grows with the distance, so they
    // fade out well before a pixel could hold a whole one.)
    // (round 28's readers: "the wobbly reflections all the same / exaggerated wobble" --
    // the regular sine swell that bent every spire's image alike is gone, the swells
    // only noise, and each image shifts sideways by half as much)
    float rip = snoise(vec2(w.x * 0.35 + u_time * 0.03, w.y * 1.1 - u_time * 0.22));
    float fade = 1.0 / (1.0 + dist * dist * 0.02);
#ifdef RESONANCE_RIFT
    // (round 26: the water falls still as the sky tears -- "nothing smeared": the spires'
    // reflections were wavy ribbons too)
    fade *= 1.0 - 0.65 * u_rift;
#endif
    // (round 32's readers at 109.1 s and the faces: "the lower third a muddy blurred
    // reflection smear" -- the mirror was the soft curtains again, upside down.  Wind rows
    // now cross the water: fine ripples, long across and short in depth, each tilting its
    // strip of surface so it mirrors the sky a little higher or lower -- the image broken
    // into crisp horizontal slivers -- and lighter on their crests, darker in their troughs.
    // They shrink toward the horizon and fade out before a pixel could hold a whole one.)
    // (only the water's pixels pay for them: a block of sky skips the branch)
    float fw = fwidth(w.y);
    vec2 ripple = vec2(0.0, 1.0);
    if (dy < 0.0) {
        ripple = water_rows(w, dist, fw);
    }
    vec2 q = vec2(p.x + rip * 0.0012 * fade, u_horizon - dy * (1.0 + 0.06 * rip * fade) + ripple.x);
#ifdef RESONANCE_RIFT
    // (the fronts heave the water: its mirror image bends over each ring)
    q.y -= 0.02 * shock * dy / (abs(dy) + 0.05);
#endif
    vec2 s = under ? q : p;
    float sdy = s.y - u_horizon;                 // the height above the horizon it shows
    float ext = smoothstep(0.0, 0.15, dy);       // extinction near the horizon (sky)
    vec3 hl = helix_light(vec2(s.x, sdy));
    // The curtains' light at s (the march finds nothing in the last sliver over the horizon:
    // their lowest light is carried down to the water, far curtains crowding into the distance;
    // round 28's "heavy dark horizon band" was its cut, a black seam at the horizon).
    vec2 uv_low = uv_of(vec2(s.x, u_horizon + aurora_height(sdy)));
    float face;
    vec4 a_raw;
#ifdef RESONANCE_RIFT
    // (no faces in the howl: the plain texel, not the crisping's four more taps)
    a_raw = texture(u_aurora, uv_low);
    face = 0.0;
    vec3 aur_c = a_raw.rgb;
#else
    vec3 aur_c = aurora_crisp(uv_low, face, a_raw);
#endif
    // The sky.
    vec3 sky = sky_base(dy);
#ifdef RESONANCE_RIFT
    sky += stars() * u_stars * ext;
    // (the fronts compress the curtains' light as they pass and thin it behind them)
    // (round 28: the rings in the mist over the horizon dropped -- they read as ellipses
    // drawn round the spires; the fronts are in the curtains now)
    sky += aur * mix(0.6, 1.0, ext) + torn;
#else
    // (round 26's readers at 141.6 s: "smeared, low detail" -- the stars sprinkled over a
    // face, in its sockets and its open mouth, laid a flat speckle on it: a face in the
    // curtains hides the stars behind it, so its hollows read as voids, not holes onto
    // the night)
    // (round 28: the screaming mouths and the sockets are openings through the curtain,
    // the alpha marks them under 0.05: the night shows in them, deep and starry, so each
    // reads as a hole, not a painted oval)
    // (round 28's readers at 138.1/140.6 s: "a flat hard-edged hole", "a flat cut-out of
    // stars" -- the night comes in over a wider rim, slowly at first, so the opening's edge
    // melts into the curtain's feathered edge)
    float hole = smoothstep(0.13, 0.01, a_raw.a);
    hole *= hole;
    // (round 30's readers at the faces: "the stars pasted over the face" -- the forehead and
    // the cheeks are the curtain's own light, which the face's density mark does not reach:
    // the stars go out behind any bright curtain, as faint points do behind a lit veil, and
    // keep to the night between the curtains)
    float veil = 1.0 - 0.92 * smoothstep(0.012, 0.07, dot(aur_c, vec3(0.3, 0.5, 0.2)));
    float in_throat = 0.0;
#ifdef RESONANCE_FACES
    // (the throats: only in the variant drawn while a face is shown)
    // (only where the curtain is thinned -- the openings and their lips: a block of pixels
    // without one skips the walls; face.glsl's outline, not the density's, shapes them)
    if (a_raw.a < 0.4) {
        vec4 th = throat(p, aur_c);
        sky += th.rgb * smoothstep(0.4, 0.25, a_raw.a);
        in_throat = th.a;
    }
#endif
    sky += stars() * u_stars * ext * veil * (1.0 - 0.9 * face * (1.0 - hole)) * (1.0 - in_throat)
         + hole * night_within(gl_FragCoord.xy, 1.0 - in_throat);
    sky += aur_c * mix(0.6, 1.0, ext);
#endif
    sky += hl;
    // The water: the faces live in the sky only, their density change divided out here.
    // (round 29's readers at 134.1/142.4 s: "the lower third a soft smeared reflection
    // with a visible seam" -- the mirror's light at the shore was 0.47 of the sky's just
    // above it (0.55 of the curtains' against the sky's 0.6, times the water's 0.85), a
    // hard step along the whole horizon: they meet now, the water darkening away from it)
    float torn_shore = shore_torn();
    vec3 refl = sky_base(sdy) + a_raw.rgb / a_raw.a * mix(mix(0.6, 0.55, torn_shore), 1.0, smoothstep(0.0, 0.12, sdy))
              + 1.5 * hl;
#ifdef RESONANCE_RIFT
    // (the lake struck: round 34's readers never saw "the Resonance howling" -- as the
    // camera tilts down onto the water its fronts ring across it, each crest catching the
    // wound's light)
    refl += 0.6 * torn + 0.4 * max(shock, 0.0) * shock_c;
#endif
    col = under ? refl : sky;
    // The city near the horizon, once for sky and water (brighter lights in the water).
    if (sdy < CITY_TOP / u_city_zoom) {
        vec4 c = city(vec2(s.x, sdy), sky_light(under ? uv_of(q).x : uv.x) + 6.0 * helix_light(vec2(s.x, 0.1)) + glint,
                      under ? 1.6 : 1.0, through_glass(s));
        col = mix(col, c.rgb, c.a);
    }
    if (under) {
        float fres = mix(mix(1.0, 0.85, torn_shore), 0.45, smoothstep(0.0, 0.3, -dy));
        col = col * fres * u_reflection * ripple.y + vec3(0.0008, 0.0012, 0.0025);
    }
    // (round 34's readers at 133.5 s: "the blurred horizon band is muddy" -- with no city on
    // the horizon there are no spires' feet to stand in it: the mist a third as thick, so
    // sky and water meet in a clean line)
    col += horizon_mist(p.x, dy, sky_light(uv.x)) * mix(0.35, 1.0, u_far_city);
    col *= 1.0 - 0.22 * dot(p * vec2(0.6, 1.0), p * vec2(0.6, 1.0));   // soft vignette
    col = tonemap_aces(col * 0.9);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(saturate(col), gl_FragCoord.xy, u_frame), 1.0);
}
