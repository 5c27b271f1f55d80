// zenith.glsl -- the worm's-eye shot of the Resonance (the scene's `zenith`): standing among
// the glass spires at their feet, looking UP into the aurora's corona overhead.  The spires
// rise out of the frame's edges and converge on the zenith; the curtains hang far above them,
// folded draperies with a bright hem winding round the zenith in one whorl, green near its
// heart, violet in its outer turns (round 23: no fine rays, which seen end-on from below all
// ran to the zenith as "a warp-speed screensaver"; round 26: one whorl, not scattered blobs).
//
// Include-only, after <visuals/params>, common.glsl, hash.glsl, colour.glsl, noise.glsl.
// World units: the eye stands at ZEN_EYE above the ground, the spires are 10-20 tall, the
// curtains hang between ZEN_H0 and ZEN_H1.  The curtains' ground field (zenith_field.frag)
// is baked over [-ZEN_W, ZEN_W]^2 of the ground plane.

uniform vec4 u_zen_cam;          // cos, sin of the yaw; cos, sin of the elevation (scene)
uniform vec4 u_spires[8];        // x, z of the foot, foot radius, height (scene: seeded)
uniform float u_zen_lens;        // screen units -> tangent of the view angle

const float ZEN_EYE = 0.3;
const float ZEN_H0 = 28.0;       // the curtains' lowest edge
const float ZEN_H1 = 75.0;       // the top of the march
const float ZEN_W = 85.0;        // half width of the baked ground field
const int ZEN_SPIRES = 8;
// The corona's heart on the ground plane: all but under the eye, so the sheets wind round the
// very point the spires converge on (round 25's reader: "messy, no subject" -- with the heart
// off to one side the curtains and the spires pulled the eye two ways).
const vec2 ZEN_HEART = vec2(1.5, 2.5);
// The ground distances over which the sheets' ray bundles fade to an even glow (zen_bundle).
const float ZEN_BUNDLE_NEAR = 14.0;
const float ZEN_BUNDLE_FAR = 32.0;

// The camera's forward, right and up vectors.
void zen_basis(out vec3 f, out vec3 r, out vec3 u) {
    vec2 yaw = u_zen_cam.xy;
    vec2 el = u_zen_cam.zw;
    f = vec3(yaw.y * el.x, el.y, yaw.x * el.x);
    r = vec3(yaw.x, 0.0, -yaw.y);
    u = cross(f, r);
    // (the frame rolled about its axis: the scene's zen_roll, as zenith_camera rolls it)
    float cr = cos(u_zen_roll), sr = sin(u_zen_roll);
    vec3 r0 = r;
    r = cr * r0 + sr * u;
    u = cr * u - sr * r0;
}

vec3 zen_ray(vec2 p) {
    vec3 f, r, u;
    zen_basis(f, r, u);
    return normalize(f + u_zen_lens * (p.x * r + p.y * u));
}

// Screen point of a direction (for looking the sky up behind the glass); z: in front.
vec3 zen_project(vec3 d) {
    vec3 f, r, u;
    zen_basis(f, r, u);
    float z = dot(d, f);
    return vec3(vec2(dot(d, r), dot(d, u)) / max(z, 0.05) / u_zen_lens, z);
}

// The reflection map: the upper hemisphere folded into a disc (equal-angle), for the glass's
// reflections, which look every way.
vec2 zen_env_uv(vec3 d) {
    float th = acos(clamp(d.y, -1.0, 1.0));            // from the zenith
    vec2 h = d.xz / max(length(d.xz), 1e-5);
    return 0.5 + 0.5 * h * min(th / 1.5708, 1.0);
}

vec3 zen_env_dir(vec2 uv) {
    vec2 q = 2.0 * uv - 1.0;
    float th = min(length(q), 1.0) * 1.5708;
    vec2 h = q / max(length(q), 1e-5);
    return vec3(h.x * sin(th), cos(th), h.y * sin(th));
}

// The curtains' ground pattern at ground point x (flow time t, seed offset sd, the hum's
// shiver): r, the sheet's light there (activity x rays x the open heart, without the sheet's
// cross profile); g, the sheet's activity alone (act x heart); b, its lower edge's height (0..1); w, the signed distance across the sheet
// in sheet spacings (-0.5..0.5, 0 on it).  Shared by the baked field (zenith_field.frag) and
// the full-resolution lower edges (zenith.frag), so the two lie on the same folds.
// The sheets wind round the corona's heart (at the zenith) in a two-armed whorl, bent by slow
// noise, as an overhead aurora's folds do: seen from below, one vortex of light that the
// spires point into, its near turns bright, its outer ones dimmer and further off.
vec4 zen_curtain(vec2 x, float t, vec2 sd, float shiver) {
    vec2 c = x - ZEN_HEART;                     // from the corona's heart
    float r = length(c);
    float a = atan(c.y, c.x);
    // (long, gentle folds: round 21's tight wiggles read as noodles, not as sheets)
    vec2 wp = x * 0.011 + sd;
    // (round 23: "a warp-speed screensaver" -- a few broad draperies, their pleats a middle
    // scale of fold along each sheet, their light soft: no fine rays, which seen from below
    // all run to the zenith as streaks)
    float fold = snoise(wp + vec2(t * 0.02, -t * 0.013)) + 0.2 * snoise(wp * 2.3 + vec2(-t * 0.04, t * 0.03) + 5.1)
               + 0.07 * snoise(x * 0.075 + vec2(t * 0.05, 2.0));
    // (two arms, whole turns of the spiral per turn round the heart: the fold's phase runs
    // on without a seam where the angle wraps, and nothing below reads the sheet's index or
    // the angle, so no straight cut runs out from the heart; the noise bends the arms only a
    // little -- round 25: at 0.45 they broke up into "green-pink glowing blobs")
    float phi = 0.045 * r + 2.0 * a / 6.2832 + 0.22 * fold + 0.05 * shiver;
    float f = fract(phi) - 0.5;
    vec2 q = x + sd * 13.0;
    // (each arm lit along its whole length, swelling and thinning: patchy sheets were the blobs)
    float act = 0.3 + 0.7 * smoothstep(0.25, 0.7, vnoise(q * 0.05 + vec2(t * 0.03, -t * 0.02)));
    // The light along each sheet: broad, slow swells (brighter where the drapery gathers).
    float r1 = vnoise(q * 0.07 + vec2(t * 0.12, t * 0.1));
    float rays = 0.35 + 1.5 * smoothstep(0.25, 0.85, r1);
    // (the heart itself is open: the sheets wind round a small dark eye of sky, brightest on
    // their innermost turn)
    float heart = smoothstep(2.0, 9.0, r) * (0.35 + 0.65 * exp(-r * 0.02));
    float base = vnoise(q * 0.09 + vec2(t * 0.05, 9.0));
    return vec4(act * rays * heart, act * heart, base, f);
}

// The sheets' rays at ground point x (flow time t, seed offset sd): brighter and darker
// bundles a few world units apart along each sheet, 0.15..2 (round 29's readers at 110.5 s:
// "neon tubing", "a stroked glowing line" -- an even band with an even hem).  The baked body
// (zenith_field.frag) and the full-resolution hem (zenith.frag) read the same bundles.
// (round 33: the bundles are value noise, whose lattice is square; far out, low in the frame,
// where the sheets are seen obliquely and a ray crosses them in long strides, its cells read as
// "soft rectangular blocks" -- a render bug to a reader.  Their contrast fades out with the
// ground distance from under the eye: far sheets are an even, dimmer glow, the rays stay overhead)
float zen_bundle(vec2 x, float t, vec2 sd) {
    float n = vnoise(x * 0.32 + sd * 5.0 + vec2(0.0, 0.05 * t));
    // (to a dimmer glow than the bundles' mean: an even sheet at their mean filled the dark
    // gaps of the outer turns, and the far sheets are the dimmer for their distance)
    float b = 0.15 + 1.85 * smoothstep(0.35, 0.65, n);
    return mix(b, 0.5, smoothstep(ZEN_BUNDLE_NEAR, ZEN_BUNDLE_FAR, length(x)));
}

// The ground field's light (r) and haze (g) are stored as their square roots, in 8 bits.
// (round 33's readers at 110.2 and 117.3 s: "blocky, stair-stepped aurora edges", rectangles
// 30-40 px wide at 1080p, mid-frame and upper -- stored as they were, the sheets' faint skirts
// stepped by 1/255, and the march, summing a dozen layers and brightening them tenfold, drew
// each step's contour as a hard jagged edge; as square roots the faintest step is 1/65025.
// Half floats did the same at 1.1x the shot's frame on llvmpipe.)  zen_field_light

// Layers the march takes through the curtains (the sky's; the reflection map takes fewer).
int zen_steps(float quality) {
    return int(mix(6.0, 18.0, clamp(quality, 0.0, 1.0)));
}

// The curtains along a ray d (d.y > 0): a march up through the height layers, one fetch of
// the baked ground field per layer.  Returns the light (linear).
// The whorl's two colours (linear): its crown and its outer turns.  `zen_violet` turns them
// over (round 32's readers at 113 and 117.3 s: "near-identical, the aurora vortex") -- the
// second half of the shot a violet crown in emerald turns, "violet suns, emerald moons": the
// same whorl, another picture.
vec3 zen_crown() {
    vec3 lo = srgb_to_linear(u_colour_low.rgb), hi = srgb_to_linear(u_colour_high.rgb);
    return mix(lo, hi * 1.7 + vec3(0.08, 0.02, 0.06), u_zen_violet);
}

vec3 zen_outer() {
    vec3 lo = srgb_to_linear(u_colour_low.rgb), hi = srgb_to_linear(u_colour_high.rgb);
    return mix(hi, lo * 0.8, u_zen_violet);
}

vec3 zen_aurora(vec3 d, sampler2D field, int n, float intensity, float jitter) {
    vec3 col = vec3(0.0);
    float dy = max(d.y, 0.02);
    vec2 slope = d.xz / dy;                       // ground offset per unit of height
    vec3 c_low = zen_crown();
    vec3 c_high = zen_outer();
    vec3 c_fringe = srgb_to_linear(u_colour_fringe.rgb);
    float k = pow(ZEN_H1 / ZEN_H0, 1.0 / float(n));
    // (the first layer's height dithered per pixel over one step: a thin sheet met by only
    // one or two layers was coloured by their heights alone and stepped out from the zenith
    // in stripes of fringe and green; dithered, the steps fall at every height and the
    // bilinear upsampling of this half-resolution pass melts them)
    float h = ZEN_H0 * pow(k, jitter);
    float span = ZEN_H1 - ZEN_H0;
    for (int i = 0; i < n; ) {
        vec2 g = slope * h;
        // (the field is read blurred along the ray over one layer's step: zenith_blur.frag)
        vec4 s = texture(field, g / (2.0 * ZEN_W) + 0.5);
        s.rg *= s.rg;                             // (zen_field_light)
        float base = ZEN_H0 * (1.0 + 0.5 * s.b);
        float rel = (h - base) / span;
        float rise = smoothstep(-0.03, 0.03, rel);
        float w = rise * (exp(-rel * 16.0) + 2.4 * exp(-rel * 40.0));
        vec3 c = mix(c_low, c_high, smoothstep(0.03, 0.45, rel));
        // (only a hint of the pink fringe: seen from below the hem outlines every sheet, and
        // in full it drew each in a pink line -- round 25: "green-pink glowing blobs")
        c = mix(c, c_fringe, 0.25 * (1.0 - smoothstep(-0.03, 0.06, rel)));
        // (the outer turns, further off and lower in the sky, go over to violet: a green
        // crown in a violet whorl, depth in colour -- s.a, the field's distance from the heart)
        c = mix(c, 0.6 * c_high, 0.75 * s.a);
        col += (2.6 * s.r * w + 0.002 * s.g * rise * exp(-rel * 1.5)) * c;
        h *= k;
        if (++i >= n) {
            break;
        }
    }
    // (the ground field fades out toward its edges: the low sky is the dark airglow)
    return col * (10.0 / float(n)) * intensity * smoothstep(0.12, 0.45, d.y);
}

// The night behind the curtains: indigo, a paler airglow low down, the corona's glow.
vec3 zen_sky_base(vec3 d) {
    // (round 35: "true blacks" -- overhead the night all but black; the airglow low down kept)
    vec3 c = mix(vec3(0.008, 0.012, 0.03), vec3(0.0006, 0.0008, 0.0028), smoothstep(0.3, 0.8, d.y));
    float z = max(d.y, 0.0);
    c += srgb_to_linear(u_colour_high.rgb) * 0.035 * pow(z, 24.0);   // (round 23: a black starry sky, the corona a faint violet breath)
    return c;
}
