// sky.glsl -- shared by the passes of the `sky` scene (the inverted kaleidoscope sky).
//
// Include-only. The sky lives in "sky units": centred coordinates (screen height 1) divided by
// the breathing zoom. The kaleidoscope folds every point into the fundamental wedge
// 0 <= angle <= u_sector (u_sector = pi / segments) before anything is drawn, so every
// layer (nebula, stars, suns, moons, the inversion front) is mirror-symmetric by construction.
// The nebula pass stores that wedge in polar form: texture x = angle / u_sector, y = r / u_radius.

// Fold a polar angle into [0, S]: a triangle wave of period 2S, even in theta. Because it is
// even, theta = +pi and -pi land on the same value, so a fractional segment count leaves one
// narrower mirrored pair of sectors opposite theta = 0 instead of a seam: the image stays
// continuous for every segment count and grows the next sector in smoothly.
float sky_fold_angle(float theta, float S) {
    float k = floor(theta / (2.0 * S) + 0.5);
    return abs(theta - 2.0 * S * k);
}

// Fold a point (sky units, mandala frame) with polar angle theta into the fundamental wedge;
// returns the folded point, and the folded angle in `angle`.
vec2 sky_fold(vec2 p, float theta, float S, out float angle) {
    angle = sky_fold_angle(theta, S);
    return length(p) * vec2(cos(angle), sin(angle));
}

// Screen pixel -> sky units in the mandala's frame: rotate by the mandala angle (rot = its cos
// and sin), shiver by the hum's radial ripple (fine rings travelling outward, one per hum
// cycle), divide by the breathing zoom. Every pass that folds a pixel calls this, so they agree
// to the bit.   hum: x breath -1..1, y ripple phase 0..1, z shiver -1..1, w hum depth.
// (centre: where the mandala's centre lies on the screen, in frame heights from the frame's
// centre -- the view drifts, and the composition is not always centred)
vec2 sky_point(vec2 frag_coord, vec2 resolution, vec2 rot, vec4 hum, float zoom_eff, vec2 centre) {
    vec2 p = (frag_coord - 0.5 * resolution) / resolution.y - centre;
    p = vec2(rot.x * p.x + rot.y * p.y, -rot.y * p.x + rot.x * p.y);
    float r0 = length(p);
    float ripple = hum.w * 0.0035 * sin(6.2831853 * (r0 * 4.5 - hum.y)) * smoothstep(0.0, 0.15, r0);
    p *= (r0 > 1e-9) ? (r0 + ripple) / r0 : 1.0;
    return p / zoom_eff;
}

// The polar angle of a sky point, theta in (-pi, pi] (0 at the centre).
float sky_theta(vec2 p) {
    return (dot(p, p) > 1e-24) ? atan(p.y, p.x) : 0.0;
}

// The sector index of a polar angle: floor(theta / S). Sector k folds into the wedge by
// theta - kS (k even) or (k + 1)S - theta (k odd), which is what sky_fold_angle computes.
int sky_sector(float theta, float S) {
    return int(floor(theta / S));
}

vec2 sky_cmul(vec2 a, vec2 b) {
    return vec2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

// How much of a sun's corona, at x = distance / radius, the nebula pass carries (at reduced
// resolution, in the wedge texture); the bodies pass draws the rest, near the disc, at full
// resolution. The two parts sum to the whole corona.
float sky_sun_far(float x) {
    return smoothstep(1.8, 2.8, x);
}

// A sun's corona and glow at folded point q (zero inside the disc): a bright inner ring, a soft
// glow, and streaks made of integer angular harmonics (complex powers of the direction: no atan,
// no branch cut), breathing with the hum. Arrays as in bodies.frag: a = (x, y, radius, kind),
// b = (reach, intensity, ray fall-off, broad flames 0..1), c = (corona rotation, shiver phasor),
// ph / ph2 = phasors of harmonics 7, 11 / 17, 13; tint: the corona's colour (scenes/sky.py
// turns it ahead of the inversion: body_colours).
vec3 sky_sun_corona(vec2 q, vec4 a, vec4 b, vec4 c, vec4 ph, vec4 ph2, vec4 hum, vec3 tint) {
    // (Defined inside the disc too, where the disc covers it, so its edge blends cleanly.)
    float breath = hum.x;
    float depth = hum.w;
    vec2 d = q - a.xy;
    float r = length(d);
    float x = r / a.z;
    vec2 u = (r > 1e-9) ? d / r : vec2(1.0, 0.0);
    u = sky_cmul(u, c.xy);
    vec2 z2 = sky_cmul(u, u);
    vec2 z3 = sky_cmul(z2, u);
    vec2 z4 = sky_cmul(z2, z2);
    vec2 z7 = sky_cmul(z4, z3);
    vec2 z11 = sky_cmul(z7, z4);
    vec2 z13 = sky_cmul(z11, z2);
    vec2 z17 = sky_cmul(z13, z4);
    float h = 0.5 + 0.5 * (0.45 * dot(z7, ph.xy) + 0.35 * dot(z11, ph.zw)
                         + 0.20 * dot(z17, ph2.xy) + 0.15 * dot(z13, sky_cmul(ph2.zw, c.zw)));
    float rays = h * h;
    rays *= rays * h * h;                       // thin filaments over a soft glow, not a drawn star
    // (b.w, a sun drawn once, large: round 25's readers saw its broad flames as "lens-flare
    // clip art" -- a star-shaped burst.  It is a calm fire now: the corona a smooth light
    // falling off from the limb, threaded with a few faint, fine streamers, as a corona is
    // seen in an eclipse, never a drawn star)
    // (about as much light; the streamers faint -- where the harmonics align, a stronger one
    // drew a single beam across the frame, a lens flare's streak)
    float fire = mix(0.22 + 0.78 * rays, 0.3 + 0.08 * rays, b.w);
    float reach = 1.0 + 0.35 * depth * breath;
    float outside = max(x - 1.0, 0.0);
    float corona = fire * exp(-outside * b.z / reach) * smoothstep(0.9, 1.1, x) / (1.0 + 0.3 * outside);
    float inner = exp(-outside * 2.2 / reach);
    float glow = 1.0 / (1.0 + 0.9 * outside * outside + 3.0 * outside);
    vec3 col = tint * (1.3 * corona + 0.55 * inner + 0.16 * glow);
    // Fade out before the light's reach so it never ends in a line.
    col *= 1.0 - smoothstep(0.6 * b.x, b.x, r);
    return col * b.y * (1.0 + 0.18 * depth * breath);
}
