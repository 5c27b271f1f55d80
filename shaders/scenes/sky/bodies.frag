#version 330 core
// sky / bodies pass: violet suns with coronas and emerald moons with soft terminators, in
// colours the sky pass's inversion turns into violet and emerald (scenes/sky.py turns them
// ahead of the inversion front, so they are violet and emerald in every phase).
//
// Drawn as additive quads (bodies.vert), one per body and kaleidoscope sector; a pixel keeps
// only the quad of its own sector and shades the body in folded (wedge) coordinates, exactly
// as the sky pass folds it. Output, linear HDR: rgb = light (sun emission plus moon colour
// times coverage), a = coverage (how much of the sky behind a disc is hidden).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "sky.glsl"

#define SKY_BODIES 12
#define SKY_ANY_SECTOR 1000

uniform sampler2D u_moonmap;         // maria: a tileable noise, baked once (moonmap pass)

uniform vec2 u_resolution;
uniform vec2 u_centre;      // the mandala's centre on the screen (frame heights from the frame's centre)
uniform float u_sector;
uniform vec2 u_rot;                  // cos, sin of the mandala rotation
uniform float u_zoom_eff;
uniform vec4 u_hum;                  // breath, ripple phase, shiver, depth
uniform vec4 u_body_a[SKY_BODIES];   // x, y, radius, kind (0 sun, 1 moon)
uniform vec4 u_body_b[SKY_BODIES];   // sun: reach, intensity, ray fall-off, phase seed
                                     // moon: reach, light elevation (radians), surface offset xy
uniform vec4 u_body_c[SKY_BODIES];   // sun: cos, sin of the corona's rotation, shiver cos, sin
                                     // moon: xy the direction toward its sun
uniform vec4 u_body_d[SKY_BODIES];   // sun: unit phasors of the corona harmonics 7 and 11
uniform vec4 u_body_e[SKY_BODIES];   // sun: unit phasors of the corona harmonics 17 and 13
uniform vec4 u_body_f[SKY_BODIES];   // sun: the photosphere's rim and corona colour; moon: albedo
uniform vec4 u_body_g[SKY_BODIES];   // sun: the photosphere's centre colour
                                     // (all turned ahead of the inversion by scenes/sky.py)
flat in int v_body;
flat in int v_sector;
out vec4 frag;

// A sun drawn once, large, has a surface to see: a faint bright granulation (two octaves of
// small cells, where the disc faces us, foreshortened to the limb) and plage near the limb.  A factor
// on the photosphere's light.  g: the point on the disc (radii), mu: cos of the view angle
// there, seed: the sun's own.  (Round 32's readers at 18.3 s: "the sun texture muddy" -- the
// broad mottle and the dark threads read as cracks in a stone: the surface is fine and bright.)
float sun_surface(vec2 g, float mu, float seed) {
    vec2 drift = u_hum.y * vec2(-0.5, 0.3);
    float cells = vnoise(g * 19.0 + seed * 13.0 + drift);
    float fine = vnoise(g * 43.0 - seed * 5.0 - drift * 1.7);
    float gran = smoothstep(0.25, 0.85, 0.6 * cells + 0.4 * fine);
    float plage = smoothstep(0.6, 0.85, vnoise(g * 5.5 + seed * 3.0)) * (1.0 - mu);
    // (round 34's readers at 17.5 s, crops at 1920x1080: "a big noise-textured disc", "faint seam
    // lines cross the sun" -- the value noise's cells read as blocks and the filaments' threads
    // as seams: the granulation is a faint grain under the limb darkening, no threads)
    return (0.93 + 0.1 * gran * mu) * (1.0 + 0.15 * plage);
}

// The corona of a sun drawn once: brighter close on the limb, the wide haze drawn in so the
// disc stands clear against the night (a factor; x: the distance from the sun's centre, radii).
float sun_corona_shape(float x) {
    float out_ = max(x - 1.0, 0.0);
    return 0.35 + 0.65 * exp(-out_ * 2.5) + 0.6 * exp(-out_ * 14.0);
}

// Prominences: a few arcs and tongues of fire on the limb, where a noise in the direction round
// the disc rises (no atan: the noise is read on the unit circle).
float sun_prominences(vec2 d, float x, float seed) {
    vec2 u = d / max(length(d), 1e-6);
    float n = vnoise(u * 4.0 + seed * 11.0 + u_hum.y * vec2(0.15, -0.1));
    float tall = 0.02 + 0.12 * smoothstep(0.55, 0.9, n);
    float ragged = vnoise(u * 21.0 + vec2(x * 14.0, -x * 9.0) + seed * 3.0);
    float h = (x - 1.0) / tall;
    float body = smoothstep(0.0, 0.15, x - 0.995) * (1.0 - smoothstep(0.5, 1.0, h)) * smoothstep(0.55, 0.85, n);
    return body * smoothstep(0.35, 0.75, ragged) * 0.7;
}

// The sun's light near its disc: the photosphere and the part of the corona that the nebula
// pass does not carry (sky_sun_corona's `far` weight), at full resolution.  A ball of fire,
// not a sticker: strong limb darkening (white-hot centre to a deep rim), a turbulent surface
// of granules and brighter faculae that drift, and a thin bright chromosphere at the limb
// where the disc meets its corona.  `surf` is where the surface is read (the folded point:
// the sun at the centre is mirrored like everything else, a mandala of granules).
vec3 sun(vec2 q, vec2 surf, int i, float px) {
    vec4 a = u_body_a[i];
    vec4 b = u_body_b[i];
    float r = length(q - a.xy);
    float x = r / a.z;
    float mu = sqrt(max(1.0 - x * x, 0.0));
    float smu = sqrt(mu);
    float once = 1.0 - u_mirror_bodies;
    // a soft limb, no drawn edge; drawn once and large, a crisp one (round 26's readers at
    // 16.7 s: "a fuzzy ball sun", "a blur ball") -- limb darkening, not blur, rounds it
    float disc = clamp((a.z - r) / (px + mix(0.05, 0.008, once) * a.z) + 0.5, 0.0, 1.0);
    // Limb-darkened photosphere, white-hot at the centre to the deep rim colour at the limb.
    vec3 core = mix(u_body_f[i].rgb * 0.8, u_body_g[i].rgb, mu * smu) * (0.38 + 0.62 * smu) * 1.38;
    // a living surface: granules (foreshortened toward the limb) and drifting bright faculae
    vec2 g = (surf - a.xy) / a.z;
    g *= 1.0 + 0.6 * (1.0 - mu);
    // (drawn once, the broad mottle goes: sun_surface's fine cells are its surface)
    if (once < 0.5) {
        float gran = vnoise(g * 9.0 + b.w * 31.0 + u_hum.y * vec2(0.6, -0.4));
        float fac = vnoise(g * 3.2 - b.w * 17.0 + u_hum.y * vec2(-0.3, 0.5));
        core *= (0.86 + 0.26 * gran * (0.4 + 0.6 * mu)) * (0.92 + 0.2 * smoothstep(0.55, 0.9, fac));
    }
    // (with depth, the great sun is a ball of violet fire: a deeper limb round a white-hot
    // heart, so that once inverted its rim is a saturated jewel and not a pale flat disc)
    // (drawn once, large over the land, a sun is a ball of violet fire: a white-hot heart and
    // a limb kept at mid lightness, where the inverted violet is most vivid -- darker, the
    // inversion's steep lightness curve turned the limb into a grey drawn ring)
    core *= mix(1.0 - u_depth * 0.55 * (1.0 - mu * smu), (0.76 + 0.24 * mu) * (1.0 + 1.0 * mu * mu * mu), 1.0 - u_mirror_bodies);
    if (once > 0.5) {
        core *= sun_surface(g, mu, b.w);
    }
    // the chromosphere: a thin bright ring at the limb, in the rim's colour
    float chrom = exp(-(x - 0.975) * (x - 0.975) / 0.0016);
    vec3 corona = sky_sun_corona(q, a, b, u_body_c[i], u_body_d[i], u_body_e[i], u_hum, u_body_f[i].rgb)
                * (1.0 - u_mirror_bodies * sky_sun_far(x));     // (drawn once: all of it here)
    // (drawn once: the wide glow drawn in -- the "fuzzy ball" was this haze three radii wide --
    // and prominences standing on the limb, arcs of fire, with the corona's streamers)
    if (once > 0.5) {
        corona *= sun_corona_shape(x);
        corona += u_body_f[i].rgb * sun_prominences(q - a.xy, x, b.w) * b.y * 0.5;
    }
    return core * disc * b.y * (1.0 + 0.18 * u_hum.w * u_hum.x) + (1.0 - disc) * corona
         + u_body_f[i].rgb * chrom * b.y * (0.55 - 0.25 * (1.0 - u_mirror_bodies));
}

// Craters seen close (round 34's readers at 21.9 s: "flat moons", "a sticker"): a field of
// bowls with raised rims, scattered over the disc (most cells empty: a golf ball otherwise, sizes varied
// toward few large ones), as height and its slope (x: height, yz: gradient) -- the slope bends
// the moon's normal, so along the terminator each bowl is shadowed on its sunward wall and lit
// on the far one.  Analytic slopes: one pass of nine cells, no differences of fetches.
vec3 moon_craters(vec2 p) {
    vec2 fl = floor(p);
    vec2 f = p - fl;
    vec3 acc = vec3(0.0);
    for (int j = -1; j <= 1; ++j) {
        for (int i = -1; i <= 1; ++i) {
            ivec2 c = ivec2(fl) + ivec2(i, j);
            vec2 h = hash2i(c + ivec2(0x51, 0x3C7));
            if (h.y < 0.62) continue;
            float rad = 0.16 + 0.42 * h.x * h.x;
            vec2 v = vec2(i, j) + 0.2 + 0.6 * hash2i(c) - f;
            float dv = length(v) + 1e-5;
            float r = dv / rad;
            if (r > 1.8) continue;
            // bowl (r < 1) and rim (a ring just outside it), and their slopes along r
            float bowl = r < 1.0 ? (r * r - 1.0) : 0.0;
            float dbowl = r < 1.0 ? 2.0 * r : 0.0;
            float e = exp(-pow((r - 1.0) / 0.28, 2.0));
            float rim = 0.45 * e;
            float drim = -0.45 * e * 2.0 * (r - 1.0) / (0.28 * 0.28);
            float depth = 0.55 * rad;
            acc += vec3(depth * (bowl + rim), -(depth * (dbowl + drim) / rad) * v / dv);
        }
    }
    return acc;
}

// A moon: a sphere lit from the mandala's centre (its sun), with a phase that changes as the
// light swings above and below the disc's plane (crescent to gibbous). Its surface has relief:
// the baked maria and craters also bend the normal (three texture fetches give the slope), so
// the terminator is ragged and craters cast light and shade along it. The night side is not a
// hole cut into the sky: it glows faintly with the sky's own light (ashen, with the maria
// showing), darkening to its limb. Around the disc, an atmosphere of its light, brighter on the
// sunward side, and a dim veil of the night that sets it INTO the sky, not on it.
vec4 moon(vec2 q, int i, float px) {
    vec4 a = u_body_a[i];
    vec4 b = u_body_b[i];
    vec2 d = (q - a.xy) / a.z;
    float r2 = dot(d, d);
    float r = sqrt(r2);
    float cover = clamp((1.0 - r) * a.z / px + 0.5, 0.0, 1.0);
    vec3 n = vec3(d, sqrt(max(1.0 - r2, 0.0)));
    float rho = length(a.xy);
    vec2 toward = u_body_c[i].xy;        // toward its sun (scenes/sky.py)
    // (the light swings from the disc's plane to above it: half moons to gibbous ones, so a
    // moon shows its face, not a black hole with a rim)
    // (drawn once, b.y is the elevation itself, kept well off the plane: a curved terminator)
    float once = 1.0 - u_mirror_bodies;
    float el = mix(clamp(0.3 + 0.55 * b.y, -0.2, 0.55), b.y, once);
    vec3 l = vec3(toward * cos(el), sin(el));
    float detail = smoothstep(0.2, 0.6, u_quality);
    // the surface wraps toward the limb (foreshortened), so it reads as a ball, not a decal
    vec2 suv = 0.5 + 0.2 * d * (0.75 + 0.25 * n.z) + 0.3 * (b.zw - 0.5);   // (broad maria: a moon is
    // 20-60 px wide here, finer texture would only speckle)
    float m = texture(u_moonmap, suv).r;
    float e = 1.0 / 128.0;
    // (only the slope toward the sun shades the relief: one fetch along it, not two along x and y)
    vec2 slope = toward * ((texture(u_moonmap, suv + toward * e).r - m) * (128.0 * 0.02) * detail);
    // (round 11's reader: "moons flat blurred discs, stickers with no depth".) Craters: a finer
    // relief of the same map, its bowls' walls lit on the side away from the sun and shadowed
    // on the side toward it, strongest near the terminator where the light grazes
    vec2 cuv = suv * 2.7 + 0.37;
    float cm = texture(u_moonmap, cuv).r;
    float ce = 1.0 / 96.0;
    vec2 cslope = toward * ((texture(u_moonmap, cuv + toward * ce).r - cm) * (96.0 * 0.06) * detail);
    // (round 15: a moon seen close, a third of the frame high, read as a flat emerald glare:
    // where its disc is large in pixels, smaller maria of the map come in over the broad ones
    // and the lit face is dimmed, below, so they show; a moon 20-60 px wide is as it was)
    float close_up = smoothstep(30.0, 90.0, a.z / px) * detail;
    float crater = 0.0;
    vec2 cg = vec2(0.0);
    if (close_up > 0.0) {
        vec2 fuv = suv * 7.3 + 0.61;
        float fm = texture(u_moonmap, fuv).r;
        cslope += toward * ((texture(u_moonmap, fuv + toward * ce).r - fm) * (96.0 * 0.1) * close_up);
        m += 1.2 * close_up * (fm - 0.5);
    }
    // craters at two sizes on the face, foreshortened toward the limb (each octave only where
    // its bowls span a few pixels: no shimmer); drawn-once moons only -- the crown's mirrored
    // ones are small, and the sky scene's default pays nothing
    if (close_up > 0.0 && once > 0.5) {
        vec2 fp = d / (0.45 + 0.55 * n.z) + 3.1 * b.zw;
        float rpx = a.z / px;
        float f1 = smoothstep(14.0, 40.0, rpx / 4.5 * 4.0) * close_up;
        float f2 = smoothstep(14.0, 40.0, rpx / 11.0 * 4.0) * close_up;
        vec3 c1 = f1 > 0.0 ? moon_craters(fp * 4.5) : vec3(0.0);
        vec3 c2 = f2 > 0.0 ? moon_craters(fp * 11.0 + 17.3) : vec3(0.0);
        cg = (c1.yz * 4.5 * f1 + c2.yz * 11.0 * 0.6 * f2) * 0.035;
        crater = c1.x * f1 + 0.6 * c2.x * f2;
    }
    // (drawn once, the relief bends the normal less: at full strength it tore the terminator
    // into the "crude shadow line" round 15's reader saw; the maria still shade the face)
    vec3 nb = normalize(n - vec3(slope + cslope, 0.0) * n.z * (1.0 - 0.7 * once) - vec3(cg, 0.0) * n.z * smoothstep(-0.1, 0.15, dot(n, l)));
    float ndl = dot(nb, l);
    // a crisper terminator (the light of a sun without air: no long twilight band), and the
    // lit face brightest under its sun, falling off toward the limb and the terminator -- a ball
    float lit = smoothstep(-0.03, 0.12, ndl) * (0.16 + 0.84 * clamp(ndl, 0.0, 1.0));
    // (drawn once, a soft falloff: the face dims as a sphere's does toward the terminator, a
    // shading and not a drawn line)
    // (round 23's readers: "clip-art moons" -- in the crown too, a ball lit by the great sun at
    // its heart: a soft terminator, the face dimming toward it, never a drawn line)
    lit = smoothstep(-0.14, 0.4, ndl) * (0.08 + 0.92 * clamp(ndl, 0.0, 1.0));
    // (round 26's readers at 16.7 s: "a flat-textured green disc" -- drawn once, close, the
    // terminator is crisp, the light grazing the relief along it, the face lit from one side)
    lit = mix(lit, smoothstep(-0.02, 0.07, ndl) * (0.05 + 0.95 * pow(clamp(ndl, 0.0, 1.0), 0.8)), once);
    lit *= 0.9 + 0.35 * pow(clamp(ndl, 0.0, 1.0), 6.0);
    float maria = detail * smoothstep(0.42, 0.68, m);
    vec3 albedo = u_body_f[i].rgb * (1.0 - 0.65 * maria) * (0.75 + 0.5 * detail * m);  // lavender: emerald once inverted
    albedo *= clamp(1.0 + 0.9 * crater, 0.55, 1.3);
    float limb = 0.3 + 0.7 * pow(n.z, 0.7);
    // ashen night side: the sky's light, a tenth of the sun's, the maria still showing
    // (drawn once, a little brighter: the dark side of the ball shows, faint, not a hole --
    // round 26: with the terminator crisp, a faint earthshine, so the lit crescent is the
    // subject and the night side no "flat-textured green disc")
    // (round 27's readers: the moons "unlit discs pasted on like stickers" -- the freed moon's
    // night side was a black hole in the stars: drawn once, the earthshine as in the crown,
    // its maria just showing, so the disc reads as a ball with a lit crescent)
    vec3 ash = albedo * ((0.08 - 0.012 * once) * (0.25 + 0.75 * n.z)) + vec3(0.004, 0.005, 0.014);
    // (close, the lit face is dimmed so its maria and craters are not lost in a flat glare)
    vec3 col = albedo * lit * limb * 1.1 * (1.0 - 0.45 * close_up) + ash * (1.0 - lit);
    // the sunlit rim: a thin bright crescent line along the limb facing the sun
    float facing = max(dot(normalize(d + 1e-6), toward), 0.0);
    float rim = pow(1.0 - n.z, 5.0) * facing * cover * smoothstep(-0.4, 0.3, el);
    col += u_body_f[i].rgb * 1.5 * rim;
    // its atmosphere: light scattered beyond the disc, strongest on the sunward side
    float out_ = max(r - 1.0, 0.0);
    // (a thin bright shell hugging the limb and a faint wide glow: not a blur round the disc)
    // (round 32: drawn once, a soft halo round the whole disc as well -- the moon's light in
    // the air round it, gone before the patch's edge at 1.6 radii)
    // (round 32's readers at 18.3 s: "the moon a sticker" -- the shell ran on round the night
    // side as a thin grey outline: it fades out there, the dark limb melting into the night)
    float sunward = smoothstep(-0.1, 0.6, dot(normalize(d + 1e-6), toward));
    float glow = (exp(-out_ * 40.0) * 0.45 + exp(-out_ * 4.0) * 0.035) * sunward
               + once * 0.07 * exp(-out_ * 6.0) * (1.0 - smoothstep(0.2, 0.58, out_)) * (0.5 + 0.5 * facing);
    vec3 halo = u_body_f[i].rgb * glow * (1.0 - cover);
    // (no shade cast on the sky behind it: drawn once it read as a ghost, and in the crown
    // round 23's readers called it "a HARD DROP SHADOW" -- the moons hang in the great sun's
    // air, set into it by the haze drifting before them, sky.frag)
    // (round 25's readers: "the moons look like marbles" -- round 24's glassy highlight and
    // fresnel rim through the kaleidoscope are gone: a moon is its cratered face lit by the
    // sun, the thin sunward rim and its atmosphere above, not a polished jewel)
    float alpha = cover;
    return vec4(col * cover + halo, alpha);
}

void main() {
    float S = u_sector;
    vec2 sky = sky_point(gl_FragCoord.xy, u_resolution, u_rot, u_hum, u_zoom_eff, u_centre);
    float theta = sky_theta(sky);
    if (v_sector != SKY_ANY_SECTOR && sky_sector(theta, S) != v_sector) {
        discard;
    }
    float ang;
    vec2 q = (u_mirror_bodies > 0.5) ? sky_fold(sky, theta, S, ang) : sky;
    float px = 1.0 / (u_resolution.y * u_zoom_eff);
    if (u_body_a[v_body].w < 0.5) {
        // The disc hides what is behind it (stars, nebula, the far corona); its light is added.
        float disc = clamp((u_body_a[v_body].z - length(q - u_body_a[v_body].xy)) / (px + 0.05 * u_body_a[v_body].z) + 0.5, 0.0, 1.0);
        frag = vec4(sun(q, q, v_body, px), disc);
    } else {
        frag = moon(q, v_body, px);
    }
}
