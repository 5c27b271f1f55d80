#version 330 core
// The night behind the stars, baked once per scene start at half resolution.
// rgb: linear light; a: how crowded the background stars are here (the band holds more).
// (round 21's readers: "pastel haze", "a stock purple mountain lake": a NIGHT of real depth)
// The zenith near-black violet, the air's glow only low over the land; across it the milky
// way, a band of unresolved starlight with bright star clouds in its core, torn by dark dust
// lanes -- sharp-edged, branching, darkest where the band is brightest -- in violet and
// emerald (the dream's inverted palette), its edges fading into the dark.
#include <lib/common.glsl>
#include <lib/noise.glsl>
uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 off = vec2(float(u_seed % 97) * 1.37, float(u_seed % 89) * 0.91);
    // the band: a gentle diagonal rising out of the land at the left, warped so it meanders
    vec2 axis = normalize(vec2(1.0, 0.62));
    float warp = fbm(p * 1.6 + off, 4) - 0.5;
    float across = dot(p, vec2(-axis.y, axis.x)) + 0.12 + 0.14 * warp;
    float band = exp(-across * across / (2.0 * 0.12 * 0.12));
    float core = exp(-across * across / (2.0 * 0.05 * 0.05));
    // star clouds: the band's light gathered in bright knots along it
    float clouds = fbm(p * 4.0 + off + 3.7, 5);
    clouds = smoothstep(0.35, 0.8, clouds);
    // the dust lanes: thin dark ridges of a ridged noise, sharp-edged, running along the band
    vec2 q = vec2(dot(p, axis) * 3.0, dot(p, vec2(-axis.y, axis.x)) * 7.0) + vec2(warp * 1.5) + off + 11.0;
    float ridge = 1.0 - abs(2.0 * fbm(q, 5) - 1.0);
    float lanes = smoothstep(0.72, 0.9, ridge);
    // (a broad rift down the band's middle, as the great rift splits ours)
    float rift = smoothstep(0.55, 0.7, fbm(p * 2.2 + off + 19.0, 4)) * core;
    float dust = clamp(lanes * 0.85 + rift * 0.9, 0.0, 0.95);
    float density = band * (0.25 + 1.1 * clouds) * (1.0 - dust * band);
    float hue = fbm(p * 1.1 + off + 27.0, 3);
    vec3 violet = vec3(0.105, 0.058, 0.170);
    vec3 emerald = vec3(0.030, 0.120, 0.080);
    vec3 glow = mix(violet, emerald, smoothstep(0.42, 0.7, hue)) * density;
    // the core's star clouds a pale, near-white light
    glow += vec3(0.09, 0.08, 0.12) * core * clouds * clouds * (1.0 - dust);
    // the night itself: near-black violet overhead, a little of the air's light low down
    float low = 1.0 - smoothstep(-0.35, 0.25, p.y);
    vec3 deep = mix(vec3(0.0035, 0.0018, 0.0085), vec3(0.020, 0.011, 0.040), low);
    vec3 col = deep + glow * 1.1;
    frag_colour = vec4(col, 0.25 + 0.75 * band * (0.4 + clouds) * (1.0 - 0.8 * dust));
}
