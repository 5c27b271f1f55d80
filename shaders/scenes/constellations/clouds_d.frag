#version 330 core
// The sea of cloud's florets (round 32: round 30's readers, "the cloud floor lumpy like a
// duvet", "a dim lumpy pillow field"): a cumulus top is not a smooth dome but a cauliflower of
// small rounded heads with dark creases between.  Baked once per camera (clouds_a, clouds_b),
// so the composite pays one fetch for it: how much brighter or darker the body's light is at
// this texel (r: around 1) for heads at two scales lit from above and behind, and how deep the
// crease between them (shading the body only; the silver rims and the mist stay as they were).
// Faded to 1 with distance, where the heads grow finer than the bake's texels.
#include "clouds.glsl"

uniform sampler2D u_clouds_a;
uniform sampler2D u_clouds_b;
uniform vec2 u_resolution;
uniform vec4 u_cloud_light;     // the moon's direction (xyz, world)
out vec4 frag;

// The heads' relief at a point of the deck (world x, z): billows, round on top and creased
// between (1 - |noise|), a larger head and smaller ones on it
float floret(vec2 w) {
    float a = 1.0 - abs(snoise(w * 2.3 + vec2(1.3, 7.7)));
    float b = 1.0 - abs(snoise(NOISE_OCTAVE_ROT2 * w * 5.1 + vec2(5.1, 2.2)));
    return 0.65 * a * a + 0.35 * b * b;
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec4 ga = texture(u_clouds_a, uv);
    vec4 gb = texture(u_clouds_b, uv);
    float t = ga.w;
    float fade = 1.0 - smoothstep(5.0, 22.0, t);
    if (ga.z < 0.0 || fade <= 0.0) {
        frag = vec4(1.0);
        return;
    }
    vec2 w = gb.xy;
    const float e = 0.02;
    float f0 = floret(w);
    vec2 g = vec2(floret(w + vec2(e, 0.0)) - f0, floret(w + vec2(0.0, e)) - f0) / e;
    vec3 n = vec3(ga.x, sqrt(max(1.0 - dot(ga.xy, ga.xy), 0.0)), ga.y);
    // (the heads stand out of the body by a fifth of a unit: their slopes tilt its normal)
    vec3 nd = normalize(n - 0.2 * vec3(g.x, 0.0, g.y));
    // the light that models them: the sky's from above and the moon's from behind, over the crests
    vec3 key = normalize(vec3(u_cloud_light.x, 0.0, u_cloud_light.z) * 0.7 + vec3(0.0, 1.0, 0.0));
    float ratio = (0.3 + 0.7 * max(dot(nd, key), 0.0)) / (0.3 + 0.7 * max(dot(n, key), 0.0));
    // the creases between heads in their own shadow, the heads' tops full
    float crease = 0.4 + 0.75 * smoothstep(0.15, 0.8, f0);
    float m = clamp(ratio * crease, 0.25, 2.0);
    frag = vec4(mix(1.0, m, fade), 0.0, 0.0, 1.0);
}
