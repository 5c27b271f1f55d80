#version 330 core
// Mist: the first scene dissolves into drifting mist, and the next emerges from it.
//
// A domain-warped fbm field (drifting with show time), mixed with the height in the frame,
// orders the dissolve into n: where n is low (the top) the old image goes first, so the mist
// rolls down the frame along one wispy front.  Two fronts sweep n: front A (progress 0 .. 0.8) turns the old
// image into mist, front B (0.2 .. 1) turns the mist into the new image, both along the same
// field so the new scene condenses where the old one evaporated first.  Each front carries a
// bright fringe, and the images near it waver (a shimmer along the noise gradient).  The
// mist itself is luminous wisps over a dim ghost of one scene at a time (the old, then
// through the dark, the new), never both at once.
//
// Ends: the fronts run from -W below the lowest n to W above the highest (n is clamped to
// [0, 1]), and the fringes and shimmer have compact support, so progress 0 is u_from and 1
// is u_to, bit for bit.
//
// transition_params (optional): scale float  size of the mist's features (default 1)
#include "../lib/common.glsl"
#include "../lib/noise.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform float u_time;
uniform float u_scale;
out vec4 frag_colour;

const float W = 0.1;                          // half-width of a front, in n
const vec3 GLOW = vec3(0.90, 0.88, 1.0);
const vec3 WARM = vec3(1.0, 0.88, 0.72);      // the light seen through vapour

vec4 fetch(sampler2D tex, vec2 offset) {      // offset in frame heights
    if (offset == vec2(0.0)) {
        return texelFetch(tex, ivec2(gl_FragCoord.xy), 0);
    }
    vec2 uv = (gl_FragCoord.xy + offset * u_resolution.y) / u_resolution;
    return texture(tex, clamp(uv, vec2(0.0), vec2(1.0)));
}

float front(float local) {                    // a front's position for local progress 0..1
    return clamp(local, 0.0, 1.0) * (1.0 + 2.0 * W) - W;
}

float bump(float t) {                         // compact bump: 1 at 0, 0 beyond |t| >= 1
    float x = max(1.0 - t * t, 0.0);
    return x * x;
}

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    float scale = u_scale > 0.0 ? u_scale : 1.0;
    vec2 q = centered_uv(gl_FragCoord.xy, u_resolution) * (2.4 / scale);
    vec2 drift = vec2(0.05, 0.025) * u_time;
    // the ordering field: warped fbm, stretched to use [0, 1]
    vec2 warp = vec2(fbm(q * 0.7 + drift, 3), fbm(q * 0.7 - drift.yx + 5.2, 3));
    float raw = fbm(q + 1.6 * warp + drift * 1.5, 5);
    // (the mist rolls down the frame from the top, along one wispy front: ordered by the
    // noise alone, the old picture broke into ragged islands over the new, and readers took
    // them for "grey smears" and "blotches" (round 8, 102 s and 133 s))
    float fall = 1.0 - gl_FragCoord.y / u_resolution.y;
    float n = clamp((mix(raw, fall, 0.62) - 0.12) / 0.76, 0.0, 1.0);

    // (the band of mist between the fronts is narrow -- a third of the field's range -- so
    // every frame of the passage is mostly one of the two pictures, not a frame of smoke)
    float fa = front(p / 0.8);
    float fb = front((p - 0.2) / 0.8);
    float old_left = 1.0 - smoothstep(n - W, n + W, fa);       // 1: the old image still there
    float new_here = smoothstep(n - W, n + W, fb);             // 1: the new image arrived
    float edge_a = bump((fa - n) / W);
    float edge_b = bump((fb - n) / W);

    // shimmer: the images waver near the fronts, along the field's slope
    vec2 slope = vec2(dFdx(raw), dFdy(raw)) * u_resolution.y;
    slope /= max(length(slope), 1.0);
    vec2 waver = slope * (0.01 * (edge_a + edge_b));
    vec4 a = fetch(u_from, waver);
    vec4 b = fetch(u_to, -waver);
    // Late in the passage the old picture's last islands go down into the night before the
    // mist takes them, and early on the new one's first islands rise out of it: a bright
    // remnant of the old scene inside the new read as an artefact (round 6, 104.9 s: an
    // orange-brown streak on the left of the aurora), not as the old scene leaving.
    float fade_old = 1.0 - 0.85 * smoothstep(0.55, 0.85, p);
    float fade_new = 1.0 - 0.85 * (1.0 - smoothstep(0.15, 0.45, p));
    vec3 night = vec3(0.02, 0.02, 0.04);
    a.rgb = mix(night, a.rgb, fade_old);
    b.rgb = mix(night, b.rgb, fade_new);

    // the mist: translucent luminous wisps over a drifting ghost of both scenes
    float inside = (1.0 - old_left) * (1.0 - new_here);
    vec3 core = vec3(0.0);
    if (inside > 0.0) {
        float wisps = fbm(q * 2.6 + warp * 1.4 - drift * 2.0, 4);
        vec2 far = (warp - 0.5) * 0.1 + vec2(0.0, 0.02);
        // (the ghost is one scene at a time: a mix of the two read as a muddy double
        // exposure.  Across the band of mist, the half nearer the old image's front shows the
        // old image, the other half the new one, the change hidden in the densest mist; the
        // wisps take the colour of the picture they veil -- luminous, not a grey film)
        float mid = 0.5 * (fa + fb);
        float which = smoothstep(mid - 0.02, mid + 0.02, n);
        vec3 ghost = mix(mix(night, fetch(u_to, -far).rgb, fade_new),
                         mix(night, fetch(u_from, far).rgb, fade_old), which);
        ghost = max(ghost, vec3(0.02, 0.02, 0.04));              // night, not a hole
        // (round 23's readers at 184.6 s: "the mist is grey mud" -- the vapour is LIT by
        // the picture it veils: warm white where that picture's light passes through it,
        // violet-teal where it lies in shadow (teal low, violet high), never a grey film;
        // and it has depth: a near bank of darker wisps, drifting faster, against the light)
        float lum = dot(ghost, vec3(0.3, 0.5, 0.2));
        float lit = smoothstep(0.1, 0.45, lum);
        float up = gl_FragCoord.y / u_resolution.y;
        vec3 shade = mix(vec3(0.06, 0.26, 0.28), vec3(0.26, 0.13, 0.42), smoothstep(0.2, 0.8, up));
        vec3 tint = mix(shade * (0.5 + 2.0 * lum), WARM * (0.35 + 0.9 * lum), lit);
        float seam = bump((n - mid) / 0.06);
        float density = (smoothstep(0.35, 0.8, wisps) * 0.55 + 0.1 + 0.35 * seam)
                      * (1.0 - 0.6 * smoothstep(0.6, 0.95, p));      // thinning as it clears
        // (where the vapour is thin it keeps the veiled picture's colour: the passage stays
        // mostly one picture or the other, the lit colour is the dense wisps')
        tint = mix(ghost * 1.1, tint, smoothstep(0.3, 0.65, density));
        vec3 mist = tint * smoothstep(0.25, 0.85, wisps) * 1.3;   // light wisps, dark between

        core = mix(ghost, mist, density);
        float near = smoothstep(0.5, 0.75, fbm(q * 1.3 + warp * 0.8 + drift * 4.0 + 9.1, 3));
        core = mix(core, shade * (0.12 + 0.3 * lit), near * 0.6 * smoothstep(0.2, 0.5, density) * (1.0 - 0.5 * lit) * (1.0 - 0.6 * smoothstep(0.6, 0.95, p)));
    }
    vec3 rgb = mix(mix(core, b.rgb, new_here), a.rgb, old_left);
    vec3 fringe = mix(GLOW, 0.5 * (a.rgb + b.rgb) + 0.5, 0.3);
    rgb += fringe * (0.15 * edge_a + 0.1 * edge_b);
    float alpha = mix(mix(1.0, b.a, new_here), a.a, old_left);
    frag_colour = vec4(clamp(rgb, 0.0, 1.0), alpha);
}
