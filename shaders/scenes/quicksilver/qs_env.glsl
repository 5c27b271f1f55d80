// qs_env.glsl -- what the quicksilver reflects: the bound environment image, a city skyline
// on the horizon, the dark floor below the horizon, and the key light.
// Include-only; needs <visuals/params>, lib/colour.glsl and lib/noise.glsl before it.

#ifndef QS_SEED_DECLARED
#define QS_SEED_DECLARED
uniform int u_seed;
#endif
uniform sampler2D u_environment;
uniform sampler2D u_envblur;      // a 64x36 blurred copy of it
uniform int u_city_layers;         // 2: near and far towers; 1 (low quality): near only

// The reflected direction is mapped onto the environment image by a stereographic
// projection about an axis that points up and away at the camera's pitch, so the middle of
// the image shows in the flat mirror, shapes stay round (conformal), and nothing pinches at
// the zenith.  Beyond the image the lookup folds back (mirror wrap): no seams.
const float ENV_PITCH = 0.40;        // radians above the horizon (the camera looks down ~23 deg)
const float ENV_SCALE = 5.0;         // image half-heights per unit of tan(angle / 2)
const float CITY_LIFT = 0.36;        // radians the reflected city's horizon is raised (env_radiance)

// The stereographic plane itself (0 at the flat mirror's reflection of the axis).
vec2 env_q(vec3 r) {
    vec3 axis = vec3(0.0, sin(ENV_PITCH), cos(ENV_PITCH));
    vec3 upv = vec3(0.0, cos(ENV_PITCH), -sin(ENV_PITCH));
    float den = max(1.0 + dot(r, axis), 0.05);
    return vec2(r.x, dot(r, upv)) / den;
}

vec2 env_uv(vec3 r) {
    vec2 q = env_q(r);
    vec2 size = vec2(textureSize(u_environment, 0));
    vec2 uv = 0.5 + 0.5 * ENV_SCALE * q * vec2(size.y / size.x, 1.0);
    return 1.0 - abs(1.0 - mod(uv, 2.0));
}

// sRGB decode by a cubic fit (within ~0.5% of the exact curve; no pow).
vec3 qs_decode(vec3 c) {
    return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878);
}

// Environment image in linear light, with its highlights expanded a little (the image is
// 8-bit display-referred; a mirror needs its bright parts brighter than paper white).
// Directions far from the mapping's axis (and rough reflections) read the blurred copy:
// there the projection squeezes the image, and the sharp one would turn to noise.
// aaw: how far r turns across one pixel (radians); when a pixel spans several texels the
// blurred copy stands in for the missing mip levels.
vec3 env_sample(vec3 r, float blur, float aaw) {
    vec2 uv = env_uv(r);
    vec3 axis = vec3(0.0, sin(ENV_PITCH), cos(ENV_PITCH));
    float ca = dot(r, axis);
    float texels = aaw * ENV_SCALE * 0.5 * float(textureSize(u_environment, 0).y) / max(1.0 + ca, 0.05);
    float soft = max(max(smoothstep(0.2, -0.4, ca), smoothstep(0.7, 3.0, texels)), clamp(blur, 0.0, 1.0));
    vec3 c = mix(texture(u_environment, uv).rgb, texture(u_envblur, uv).rgb, soft);
    c = qs_decode(c);
    float l = luma(c);
    return c * (1.0 + 2.2 * l * l);
}

// The environment's average light (floor ambient).
vec3 env_ambient() {
    return qs_decode(0.5 * (texture(u_envblur, vec2(0.5, 0.7)).rgb
                          + texture(u_envblur, vec2(0.3, 0.4)).rgb));
}

#include "qs_dreamer.glsl"

// The dream's violet sun and emerald moon, high behind the viewer where the still pool
// mirrors them: crisp discs with a rim of their own colour and a faint halo (what makes a
// mirror read as a mirror is a sharp, bright thing in it).  w: antialiasing width (radians).
vec3 qs_disc(vec3 r, vec3 dir, float radius, vec3 colour, float w) {
    float ang = sqrt(2.0 * max(1.0 - dot(r, dir), 0.0));
    float disc = 1.0 - smoothstep(radius - w, radius + w, ang);
    float limb = 1.0 - 0.5 * smoothstep(0.2 * radius, radius, ang);      // darker towards its edge
    float glow = max(ang - radius, 0.0);
    float halo = exp(-glow / (radius * 0.35)) * 0.25;
    return colour * (disc * limb * 1.8 + halo) + vec3(0.8) * disc * smoothstep(0.6 * radius, 0.0, ang);
}

vec3 qs_moons(vec3 r, float w) {
    w += 0.002;
    return qs_disc(r, vec3(-0.19, 0.622, 0.7596), 0.05, vec3(0.55, 0.22, 1.0), w)     // violet sun
         + qs_disc(r, vec3(0.1772, 0.7113, 0.6802), 0.03, vec3(0.25, 1.0, 0.55), w);    // emerald moon
}

// Stars: points on the stereographic plane of env_q (conformal, so they stay round wherever
// the mirror looks), one per cell where the cell's hash allows, each kept at least a pixel
// wide with its light spread thinner (no sparkle as the liquid moves).  w: how far r turns
// across a pixel (radians).
vec3 qs_stars(vec3 r, float w) {
    vec3 axis = vec3(0.0, sin(ENV_PITCH), cos(ENV_PITCH));
    float stretch = 1.0 / max(1.0 + dot(r, axis), 0.05);      // q units per radian (about)
    vec2 q = env_q(r) * 45.0;
    float pix = w * 45.0 * stretch;
    vec2 cell = floor(q);
    vec3 h = hash_to_unit(pcg3d(uvec3(ivec3(ivec2(cell) + 8192, u_seed & 1023))));
    vec2 at = cell + 0.25 + 0.5 * h.xy;
    float size = 0.02 + 0.035 * h.z * h.z;
    float rad = max(size, 0.7 * pix);
    float e = size / rad;
    float d = length(q - at);
    float lit = step(0.5, h.z) * exp(-d * d / (rad * rad)) * e * e;
    // bright ones: white to faintly violet or emerald (the dream's suns and moons)
    vec3 tint = mix(vec3(0.85, 0.9, 1.0), mix(vec3(0.75, 0.55, 1.0), vec3(0.5, 1.0, 0.75), h.x), 0.35 * fract(h.y * 7.0));
    return tint * lit * (1.0 + 16.0 * h.z * h.z * h.z * h.z) * step(0.3, fract(h.x * 5.3));    // (finer, fewer: a night, not snow)
}

// The dream city's glass towers standing round the viewer, in silhouette against the sky:
// what a mirror on the floor of the city shows.  el: elevation, az: azimuth (radians), aaw:
// antialiasing width (radians).  Returns (coverage, lit edge, height within the tower 0..1).
vec3 city(float el, float az, float aaw) {
    vec3 res = vec3(0.0);
    float w = aaw + 0.0015;
    for (int layer = u_city_layers - 1; layer >= 0; ) {      // (exit tested at the end too)
        // layer 1: far, lower towers; layer 0: the near, tall ones, drawn over them
        float dens = layer == 0 ? 11.0 : 19.0;
        float x = az * dens + (layer == 0 ? 31.0 : 57.0) + float(u_seed % 1000) * 7.0;
        float cell = floor(x);
        float f = x - cell;
        vec3 h = hash_to_unit(pcg3d(uvec3(uint(int(cell) + 4096) * 2654435761u, uint(layer) + 0x7A11u, 0x3C6Fu)));
        float exists = step(layer == 0 ? 0.12 : 0.0, h.z);
        // (round 10's reader: "stubby pills" -- slender glass spires, tapering to a point)
        float width = 0.24 + 0.3 * h.x;
        float off = (f - 0.5) / (0.5 * width);                      // -1..1 across the tower
        float top = layer == 0 ? 0.2 + 0.24 * h.y : 0.09 + 0.12 * h.y;   // a skyline at the mirror's far edge, not stripes over it
        top -= (0.05 + 0.12 * fract(h.x * 13.0)) * (0.6 * abs(off) + 0.4 * off * off);   // tapering crowns
        float side = (abs(f - 0.5) - 0.5 * width) / dens;           // radians
        float body = (1.0 - smoothstep(-w, w, el - top)) * (1.0 - smoothstep(-w, w, side)) * exists;
        // a lit vertical edge on one side of some towers
        float e = (f - 0.5 + 0.5 * width * (h.x > 0.5 ? 1.0 : -1.0)) / dens;
        float glint = (1.0 - smoothstep(0.0, 0.004 + w, abs(e))) * step(0.35, h.z);
        res = mix(res, vec3(body, glint * body, clamp(el / max(top, 0.01), 0.0, 1.0)), body);
        if (--layer < 0) {
            break;
        }
    }
    return res;
}

// The Serenes who weep over the pool, standing round its far side: what the mirror shows
// above it, upside down in the metal (round 17's readers: "a cartoon blob", "a sticker").
// Tall shadows on the lifted horizon (el_c = 0, as the city), in front of the towers, each a
// hooded head over sloping shoulders and a veil flaring to the ground, soft-edged like a
// candle's shadow, with two small cold glints of mercury for eyes.  el_c: elevation above the
// lifted horizon (radians, unsqueezed), az: azimuth, aaw: antialiasing width.
// Returns (coverage, eye glint, rim light).
const int SERENES = 4;

// The azimuth a Serene stands at: two each side of the dreamer the hardened mirror shows.
float serene_az(int i) {
    float fi = float(i);
    return (i < 2 ? -0.31 + 0.15 * fi : -0.15 + 0.15 * fi) + 0.02 * sin(fi * 2.7);
}
vec3 serenes_over(float el_c, float az, float aaw) {
    vec3 res = vec3(0.0);
    for (int i = 0; i < SERENES; ++i) {
        float fi = float(i);
        float at = serene_az(i);
        float tall = 0.17 + 0.04 * fract(fi * 0.618 + 0.3);          // its height (radians)
        vec2 q = vec2(az - at, el_c + 0.01) / tall;                   // feet at 0, crown at 1
        float lean = 0.05 * sin(fi * 1.9);                            // some turned, some bowed
        q.x -= lean * q.y;
        // the hood: an upright oval over the head, the veil falling from it
        float hood = length((q - vec2(0.0, 0.87)) * vec2(1.0, 0.8)) - 0.095;
        float half_w = 0.045 + 0.07 * smoothstep(0.8, 0.66, q.y) + 0.035 * smoothstep(0.62, 0.0, q.y);    // neck, shoulders, flaring veil
        float robe = max(abs(q.x) - half_w, q.y - 0.86);
        robe = max(robe, -q.y);
        float sd = smin(robe, hood, 0.04);
        // softer towards the ground (a shadow's blur), crisp round the hood
        float soft = aaw / tall + 0.006 + 0.015 * smoothstep(0.75, 0.0, q.y);
        float cover = smoothstep(soft, -soft, sd);
        float rim = exp(-(sd * sd) / (0.0009 + soft * soft)) * smoothstep(0.45, 0.9, q.y);
        // the eyes: lidless, small, mercury -- a crisp catch-light each
        vec2 e = vec2(abs(q.x - 0.004) - 0.026, q.y - 0.875);
        float eye = exp(-dot(e, e) / (0.00011 + (aaw / tall) * (aaw / tall))) * step(hood, 0.0);
        res.x = max(res.x, cover);
        res.y = max(res.y, eye);
        res.z = max(res.z, rim * (1.0 - res.x + cover));
    }
    return res;
}

// The floor as the metal sees it below the horizon: dark, with a faint polished reflection of
// the sky right at the horizon so the chrome's horizon line stays continuous.
// Set by the caller when it knows where a downward reflected ray lands: 1 where it lands
// in the pool (which then mirrors the sky back), 0 on the bare floor.
float g_ground_pool = 0.0;

vec3 ground_seen(vec3 r) {
    vec3 base = qs_decode(u_floor.rgb);
    vec3 mirrored = env_ambient();
    float haze = exp(r.y * 14.0);
    vec3 moss = vec3(0.02, 0.16, 0.10) * exp(r.y * 30.0) * u_skyline;                          // r.y < 0 here
    vec3 ground = base * 0.6 + mirrored * (0.02 + 0.08 * haze) + moss;
    // (with the horizon's glow mirrored too: the sky's bright band continues into the pool)
    // (round 17: dim -- a bright line here ran round the whole pool, the sticker's "hard white outline")
    vec3 pool = (env_sample(vec3(r.x, -r.y, r.z), 1.0, 0.0) * 0.3 + vec3(0.85, 0.9, 0.95) * exp(r.y * 30.0) * 0.25) * 0.7;
    return mix(ground, pool, g_ground_pool);
}

// Radiance arriving along r (unit), before Fresnel.  rough widens the horizon.
vec3 env_radiance(vec3 r, float rough, float aaw) {
    vec3 sky = env_sample(r, rough * 30.0, aaw);
    float el = asin(clamp(r.y, -1.0, 1.0));
    float az = atan(r.x, r.z);
    // The city's horizon, lifted into the mirror's far half (a dream's mirror: the camera looks
    // down on the pool, whose far rim would otherwise give back only the dark sky overhead),
    // and squeezed so the towers stand low: a bright band of the street's haze at the far rim,
    // the towers cut dark into it, the haze cooling to steel towards the viewer.
    float el_c = (el - CITY_LIFT) * 2.2;
    vec3 c = city(el_c, az, 2.2 * (aaw + rough));
    float cover = c.x * smoothstep(0.0, 0.85, u_skyline);      // (opaque dark glass at the default)
    // (round 17: the Serenes stand in front of the city: round them the towers fall back to
    // the far rim, so each figure stands against the bright haze, its shape clear)
    float near_fig = 0.0;
    for (int i = 0; i < SERENES; ++i) {
        float da = (az - serene_az(i)) / 0.09;
        near_fig = max(near_fig, exp(-da * da));
    }
    cover *= 1.0 - near_fig * smoothstep(0.03, 0.08, el_c) * u_serenes;
    // dark liquid glass: a dim copy of the sky, with moss light rising from the street
    vec3 moss = vec3(0.02, 0.16, 0.10);
    vec3 glass = sky * 0.07 + moss * exp(-c.z * 5.0) + vec3(0.002, 0.002, 0.006)
               + (sky * 0.8 + vec3(0.05)) * c.y;
    // What mercury gives back must be crisp and contrasted, never the bound scene's
    // mid-tones (which read as grey-lilac film): the bound scene only where it is bright (its
    // suns and moons: sharp lights).
    float sl = luma(sky);
    vec3 soft = qs_decode(texture(u_envblur, env_uv(r)).rgb);
    vec3 lights = soft * smoothstep(0.75, 1.0, luma(soft)) * 0.6 + qs_moons(r, aaw + rough);
    // (round 10's reader: a night sky made the pool "purple plastic, not mercury".  Mercury
    // reads as mercury when it gives back something BRIGHT: so overhead hangs the city's lit
    // haze, a pale overcast glowing near-white low down and cooling to steel above, the towers
    // cut dark into it, the moons and the key light crisp in it -- a silver mirror, high in
    // contrast, with the night's stars only where the haze thins overhead.)
    // (soft banks of the lit haze drift through it: the mirror shows clouds, not a flat sheet)
    vec2 cq = env_q(r) * vec2(2.2, 5.0);
    float bank = vnoise(cq + vec2(0.0, 3.7)) * 0.65 + vnoise(cq * 2.3 + 9.1) * 0.35;
    float haze_lo = smoothstep(0.8, 0.24, el + 0.14 * (bank - 0.5));
    haze_lo *= haze_lo;
    vec3 overcast = mix(vec3(0.03, 0.02, 0.05), vec3(1.05, 0.98, 1.22), haze_lo) * (0.45 + 0.9 * bank);
    sky = overcast + mix(vec3(sl), sky, 0.6) * 0.03 + lights + qs_stars(r, aaw + rough) * (1.0 - haze_lo);
    // (the horizon's glow is the far city's, ahead: behind the viewer it is dimmer, so the pool's near rim
    // is not the same white line as its far one -- round 8 read that even line as a cut-out's outline)
    float ahead = 0.1 + 0.9 * smoothstep(-0.2, 0.8, r.z);
    sky += (vec3(0.85, 0.9, 0.95) * exp(-max(el, 0.0) * 14.0) * 0.8
         + mix(vec3(0.55, 0.45, 1.0), vec3(0.9, 0.92, 1.0), exp(-max(el_c, 0.0) * 25.0)) * exp(-max(el_c, 0.0) * 16.0) * 0.8) * ahead;
    sky = mix(sky, glass, cover);
    // (round 17) the pale haze low over the lifted horizon is the street in front of the city,
    // dark: the pool's rims, curving down, give back that dark -- a dark meniscus, not the
    // "hard white outline" of a sticker -- with the city's thin line of light at its base
    sky *= mix(0.12, 1.0, smoothstep(CITY_LIFT - 0.14, CITY_LIFT - 0.02, el));
    // the Serenes standing over the pool, weeping: dark veils with the sky faintly through
    // them, lit at the edge, their mercury eyes the brightest points in the mirror
    if (u_serenes > 0.0) {
        vec3 s = serenes_over(el - CITY_LIFT, az, aaw + rough);
        vec3 veil = sky * 0.03 + vec3(0.002, 0.0015, 0.004);
        sky = mix(sky, veil, s.x * u_serenes);
        sky += (vec3(0.75, 0.7, 1.0) * s.z * 0.5 + vec3(2.2, 2.4, 2.8) * s.y) * u_serenes;
    }
    // the horizon: the street's glow, then the dark floor below it
    sky += moss * 0.5 * (exp(-max(el, 0.0) * 40.0) + exp(-max(el_c, 0.0) * 30.0)) * u_skyline;
    float below = smoothstep(0.006 + rough + aaw, -0.006 - rough - aaw, r.y);
    return mix(sky, ground_seen(r), below) * u_reflection;
}

// The key light: a small bright disc (a pale sun behind the viewer) and a soft halo.
const vec3 KEY_DIR = vec3(0.1153, 0.5592, 0.8209);      // ~34 deg up, 8 deg to the right: the still pool mirrors it (the moons: qs_moons)
const vec3 KEY_COLOUR = vec3(1.0, 0.93, 0.86);

vec3 key_light(vec3 r, float rough, float aaw) {
    // 1 - cos(angle) ~ angle^2 / 2 for the small angles that matter here
    float x = max(1.0 - dot(r, KEY_DIR), 0.0);
    float ang = sqrt(2.0 * x);
    float radius = 0.017 + rough;          // (round 15: smaller -- the 0.028 disc read as "a white orb")
    float w = aaw + 0.004 + rough * 0.5;
    float disc = 1.0 - smoothstep(radius - w, radius + w, ang);
    float sig = 0.045 + rough;
    float halo = exp(-x / (sig * sig));
    float energy = 0.017 / radius;          // (1 for a mirror-sharp disc; spread thinner when rough)
    // (round 14: the mirrored disc at 9x burned to "a blown white orb"; at 2x it stays a
    // bright pale disc with its colour, under the display's shoulder)
    return KEY_COLOUR * u_light * (disc * 2.0 * energy * energy + halo * 0.035);
}

// The floor seen directly: the city's street (stone.r: the stone's shade and mottle, stone.g:
// its moss, stone.b: standing water; baked by qs_floor.frag), dark stone lit by the sky's
// average colour, and wet: the water in its hollows gives back a blurred copy of the night
// (Fresnel, stronger towards the distance), so the floor belongs to the same world as the
// mirror; the moss dark where it is not lit (the caller adds its glow), a faint light far off.
vec3 floor_radiance(vec3 stone, vec3 rd) {
    float mottle = mix(0.55, stone.x, 0.55);     // (slabs of one dark stone, not a patchwork)
    vec3 base = qs_decode(u_floor.rgb) * (0.4 + 0.5 * mottle) * (1.0 - 0.6 * stone.y);
    float cosv = clamp(-rd.y, 0.0, 1.0);
    float f = 1.0 - cosv;
    float f2 = f * f;
    float F = 0.04 + 0.96 * f2 * f2 * f;
    vec3 up = vec3(rd.x, -rd.y, rd.z);
    vec3 broad = qs_decode(texture(u_envblur, env_uv(up)).rgb);
    vec3 wet = broad * (0.2 + 1.6 * stone.z) * (1.0 - stone.y);
    // far off, the streets' moss light glows faintly along the ground
    vec3 moss = vec3(0.02, 0.16, 0.10) * 0.05 * smoothstep(0.45, 0.12, cosv) * u_skyline;
    // (round 18: the puddles are still water: they mirror the night and the pool's light
    // with water's own Fresnel, the dry stone round them only a faint sheen)
    float puddle = smoothstep(0.5, 0.9, stone.z);
    // (the sky's fine points -- its stars -- crisp in the water, its broad shapes only dim:
    // blurred moons mirrored whole read as bokeh discs on the ground)
    vec3 sharp = env_sample(up, 0.0, 0.004);
    vec3 still = min(broad * 0.3 + max(sharp - broad, 0.0), vec3(0.8)) * (1.0 - stone.y);     // (no glare to rival the pool)
    return base * (1.0 - 0.7 * puddle) + min(F, 0.3) * (wet * 0.1 + env_ambient() * 0.03) * u_reflection + moss
         + still * puddle * (0.02 + 0.6 * F) * u_reflection;
}


// The mirror's light on the wet stone round it: the pool gives back the night's moons and the
// key light, and the slabs nearest it catch that light (a broad glow on the stone, and a sheen
// on the polished slabs, strongest where the floor is seen at a glance, past the pool), the
// violet sun's colour on its left and the emerald moon's on its right, falling off into black
// (the far floor sinks: floor_radiance is dimmed by the caller).  p: the floor point from the
// pool's centre; dp: its distance to the pool.
vec3 floor_mirror_light(vec3 stone, vec3 rd, vec2 p, float dp) {
    float near = exp(-max(dp, 0.0) / 0.35);
    float reach = exp(-max(dp, 0.0) / 0.7);
    vec3 tint = mix(vec3(0.5, 0.26, 1.0), vec3(0.22, 0.9, 0.55), smoothstep(-0.6, 0.6, p.x));
    // (round 10: the pool is silver now, and lights the stone round it: a pale glow)
    vec3 light = mix(vec3(0.75, 0.78, 0.86), tint, 0.3) * (near * 0.12 + reach * 0.025);
    float cosv = clamp(-rd.y, 0.0, 1.0);
    float glance = smoothstep(0.75, 0.35, cosv);
    vec3 albedo = qs_decode(u_floor.rgb) * (0.4 + 0.5 * stone.x);
    // (round 18: the wet stone's grain breaks its sheen up -- a smooth sheen read as a grey
    // wash; only the puddles give the light back whole)
    float puddle = smoothstep(0.5, 0.9, stone.z);
    float sheen = stone.z * stone.z * (0.3 + 0.7 * glance) * mix(0.15 + 1.2 * smoothstep(0.45, 0.8, stone.x), 0.3, puddle);
    return (albedo * light + light * sheen * 0.5) * (1.0 - stone.y) * u_reflection;
}

// A gentle vignette (applied before tone mapping).
float qs_vignette(vec2 uv) {
    vec2 q = uv * vec2(0.75, 1.0);
    return 1.0 - 0.4 * dot(q, q);
}
