// The sea of cloud under the word (round 24: "the same purple mountain lake behind seven
// stills" -- the constellations leave the sky's set): you float above a night sea of cloud
// rolling to the horizon, gaps in it opening onto the glass city's glow far below.
// Shared by the bake (clouds_a.frag, clouds_b.frag: marched once per camera) and the
// composite (main.frag's CLOUD_SEA variant: relit every frame, slid for the drift).
// World units: the cloud deck's floor at y = 0, its tallest domes at CLOUD_TOP, the city's
// floor at CITY_Y far below; the camera looks along +z.
#include <lib/noise.glsl>
#include <lib/hash.glsl>

const float CLOUD_TOP = 1.1;
const float CITY_Y = -3.0;
const float CLOUD_FAR = 140.0;
const float CLOUD_X0 = -0.95;        // the bake's first column (screen units from the centre) ...
const float CLOUD_X_SPAN = 2.6;      // ... and its width: the frame and the drift's margin
const float CLOUD_Y0 = -0.52;        // the bake's first row; its rows end just over the horizon

// A camera: x the horizon's height on the screen, y the eye over the deck's floor, z the heading
// (radians), w the focal length in screen heights (round 28: each shot of the cue its own lens --
// a long one skimming the domes toward the moon, a wide one looking up at the sign overhead).
vec3 cloud_ray(vec2 p, vec4 view) {
    vec3 d = normalize(vec3(p.x, p.y - view.x, view.w));
    float c = cos(view.z), s = sin(view.z);
    return vec3(c * d.x + s * d.z, d.y, -s * d.x + c * d.z);
}

// The bake's texel (uv 0..1) <-> the screen point it holds (screen units, y up).
vec2 cloud_point(vec2 uv, vec4 view) {
    return vec2(CLOUD_X0 + uv.x * CLOUD_X_SPAN, CLOUD_Y0 + uv.y * (view.x + 0.04 - CLOUD_Y0));
}
vec2 cloud_uv(vec2 p, vec4 view) {
    return vec2((p.x - CLOUD_X0) / CLOUD_X_SPAN, (p.y - CLOUD_Y0) / (view.x + 0.04 - CLOUD_Y0));
}

// The deck's height (0..1 of CLOUD_TOP) at a point of the floor: great rolling masses, on them
// billows (|noise|: round domes, sharp creases between), finer billows on those; a few gaps
// where the masses part.  `octaves` of fine billow (fewer far away: no shimmer).
// the great masses of the deck (0..1): where they fall under 0.3 the deck parts in a gap
uniform float u_cloud_seal;   // 1: the deck closed over its gaps (the high shot)
float cloud_mass(vec2 q) {
    return fbm(q * 0.07 + vec2(3.1, 7.7), 3);
}

// (round 25's readers: "pillow clouds" -- smooth even domes) the turrets of a real deck: round
// heads packed side by side, of varied size, one per cell of a jittered grid (0..1 each, a
// cap of a sphere), their union softened where two meet so the crease between is a soft fold
float cloud_puffs(vec2 q) {
    vec2 c = floor(q);
    vec2 f = q - c;
    float acc = 0.0;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            vec2 o = vec2(float(i), float(j));
            vec2 h = hash22(c + o);
            vec2 d = o + 0.2 + 0.6 * h - f;
            float r = 0.55 + 0.4 * fract(h.x * 7.13 + h.y * 3.7);
            float k = max(1.0 - dot(d, d) / (r * r), 0.0);
            // (a soft union: the sum of the caps' squares, rooted, rounds the folds)
            acc += k * k * r * r;
        }
    }
    return sqrt(acc);
}

float cloud_height(vec2 q, int octaves) {
    float mass = cloud_mass(q);
    // two octaves of billow: the great domes and the heads on them
    // (heaped where the mass is high, lower and calmer between)
    float heap = smoothstep(0.3, 0.75, mass);
    float b = 0.66 * abs(snoise(q * 0.16));
    vec2 r = NOISE_OCTAVE_ROT2 * q + vec2(1.7, 9.2);
    b += 0.34 * abs(snoise(r * 0.45));
    b = sqrt(b) * (0.15 + 1.2 * heap);
    // turrets heaped on the domes, tallest on the highest, gone in the troughs
    // (fading out with the distance from the eye, over the deck's origin: far off they are
    // finer than a pixel and would only sparkle)
    float crown = smoothstep(0.2, 0.85, b) * (1.0 - smoothstep(8.0, 24.0, length(q)));
    b += 0.28 * crown * cloud_puffs(NOISE_OCTAVE_ROT2 * q * 0.9 + vec2(3.3, 1.9));
    // (round 28: the low camera skims the nearest domes, where one head a dome read as a smooth
    // pillow) near the eye the heads carry smaller heads of their own, a cauliflower's florets
    // (only within a few units: further off they are finer than the bake's texels)
    float near = crown * (1.0 - smoothstep(3.0, 9.0, length(q)));
    if (near > 0.0) {
        b += 0.13 * near * cloud_puffs(q * 2.7 + vec2(7.1, 4.4));
        // (round 28's lead at 29.2 and 33 s: the near domes still "huge smooth grey mounds,
        // pillows, dough") and on the florets smaller florets again: billows at three scales
        b += 0.05 * near * cloud_puffs(NOISE_OCTAVE_ROT2 * q * 6.3 + vec2(2.3, 8.8));
    }
    // finer, soft detail on them (no creases: cloud, not rock)
    float f = 0.0, a = 0.5, fr = 2.0;
    r = NOISE_OCTAVE_ROT2 * r + vec2(4.3, 2.9);
    for (int i = 0; i < 4; i++) {
        if (i + 2 >= octaves) break;
        f += a * snoise(r * fr);
        r = NOISE_OCTAVE_ROT2 * r + vec2(1.3, 7.1);
        fr *= 2.2;
        a *= 0.45;
    }
    // (round 30's reader at 42.3 s: the high shot's gap onto the city "a flat teal blotch in
    // the middle ground") u_cloud_seal 1 closes the deck over the gaps: only a trough is left
    float gap = (1.0 - smoothstep(0.2, 0.27, mass)) * (1.0 - u_cloud_seal);
    // (round 28's lead at 42-47 s: "the deck an even field of lumps, like a texture") the great
    // masses lift the deck in broad swells and sink it in wide, shadowed valleys
    float h = 0.1 + 0.75 * b + 0.025 * f * (0.3 + b) + 0.55 * (mass - 0.5);
    return clamp(h - 0.75 * gap, 0.0, 1.0);
}
