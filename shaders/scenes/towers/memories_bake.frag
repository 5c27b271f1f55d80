#version 330 core
// Towers, pass "memories" (baked once, 512x128; soft enough to need no mipmaps): the scenes from memories the
// glass holds, four tiles of light on black, each an image of another movement of the
// dream -- a figure of the Serenes by candlelight with mercury eyes, a child at a night
// window (window_memory.glsl: the memory the close shot's touched wall holds, which the focal
// tower holds after it, ``focal_window``; round 22, in place of the hieroglyph constellations
// no tower had shown since round 10), the heartbeat rings of the moss, a violet sun beside an
// emerald moon.
// Each tower shows one of them deep in its glass (towers.glsl glass_memory).
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/sdf.glsl"
#include "window_memory.glsl"
uniform vec2 u_resolution;
out vec4 frag_colour;

float taper(vec2 p, vec2 a, vec2 b, float ra, float rb) {
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - mix(ra, rb, h);
}

// A veiled figure standing in candlelight (its shadow looming behind), two bright eyes.
vec3 figure_tile(vec2 p) {
    // (round 19's reader at 64.5 s: "the figures in the towers are beige blobs" -- the candle
    // lit a broad warm wall round the figure: now its light is a small low pool at the foot,
    // the wall falling to black, so the tile is a dark figure with two bright eyes and a warm
    // rim, not a beige oval)
    float candle = exp(-length((p - vec2(0.12, -0.45)) * vec2(1.0, 1.6)) * 9.0);
    vec3 col = vec3(1.0, 0.55, 0.22) * (0.004 + 0.8 * candle);
    col *= (p.y < -0.36) ? 0.55 : 1.0;                                    // the floor
    float shadow = taper(p * vec2(0.62, 0.62) - vec2(-0.06, 0.05), vec2(0.0, -0.35), vec2(0.0, 0.25), 0.13, 0.05);
    col *= 0.45 + 0.55 * smoothstep(-0.02, 0.06, shadow);
    float body = taper(p, vec2(0.0, -0.5), vec2(0.0, 0.05), 0.17, 0.05);
    body = min(body, taper(p, vec2(0.0, 0.02), vec2(0.0, 0.27), 0.085, 0.055));
    body = min(body, length((p - vec2(0.0, 0.3)) * vec2(1.0, 0.8)) - 0.06);
    float cov = smoothstep(0.006, -0.006, body);
    col = mix(col, vec3(0.01, 0.008, 0.012), cov);
    // the candle behind her a soft warm glow round the figure's edge, strongest low (the
    // warm accent against the violet glass; a soft halo, not a line: the glass's facets
    // break a thin line into a jagged crack)
    float glow = smoothstep(0.09, 0.0, body) * (1.0 - cov) * (0.2 + 0.8 * smoothstep(0.2, -0.45, p.y));
    col += vec3(1.0, 0.6, 0.28) * 0.3 * glow;
    vec2 e = vec2(abs(p.x) - 0.022, p.y - 0.3);
    col += vec3(0.85, 0.92, 1.0) * (smoothstep(0.014, 0.006, length(e)) * 2.0 + 0.3 * exp(-length(e) * 40.0));
    return col;
}

// The moss's heartbeat, as a picture: a street seen in perspective, its moss lit by a ring
// of the pulse running out from a crossing, dark towers against a dim sky at the horizon.
vec3 moss_tile(vec2 p) {
    const float HZ = 0.12;
    vec3 col = vec3(0.015, 0.05, 0.06) * (1.0 - 1.4 * max(p.y - HZ, 0.0));   // the night sky
    float below = HZ - p.y;
    float z = 0.12 / max(below, 0.004);                    // depth on the street
    vec2 w = vec2(p.x * z * 2.0, z);
    float r = length(w - vec2(0.0, 0.9));
    float rings = exp(-pow(fract(r * 1.1 - 0.15) - 0.5, 2.0) * 50.0) * exp(-r * 0.35);
    vec2 c = floor(w * 5.0);
    float clump = hashi(ivec2(c) + 900);
    float dots = smoothstep(0.5, 0.15, length(fract(w * 5.0) - 0.5)) * (0.4 + 0.6 * clump);
    float street = smoothstep(0.35, 0.3, abs(w.x));       // the moss along the avenue
    vec3 ground = vec3(0.14, 0.95, 0.7) * (0.05 + 0.9 * rings) * (0.35 + 0.65 * dots)
                * (0.35 + 0.65 * street) * exp(-z * 0.12);
    col = (below > 0.0) ? ground + vec3(0.02, 0.08, 0.07) * exp(-below * 14.0) : col;
    // towers either side of the street, dark glass with a green edge of moss light
    float cx = floor(p.x * 8.0);
    float th = HZ + 0.08 + 0.3 * hashi(ivec2(int(cx), 77));
    float inside_t = step(p.y, th) * step(below, 0.0) * step(0.12, abs(p.x));
    float edge = exp(-abs(fract(p.x * 8.0) - 0.08) * 30.0);
    col = mix(col, vec3(0.004, 0.012, 0.014) + vec3(0.1, 0.6, 0.45) * edge * 0.25, inside_t);
    return col;
}

// A violet sun and an emerald moon in an inverted sky.
vec3 sky_tile(vec2 p) {
    vec2 sp = p - vec2(-0.15, 0.08);
    float r = length(sp);
    // the inverted sky: a pale lilac glow low, deepening to violet-black overhead, and a far
    // skyline along the bottom
    vec3 col = mix(vec3(0.32, 0.2, 0.42), vec3(0.03, 0.015, 0.07), smoothstep(-0.3, 0.45, p.y));
    float sky_line = -0.3 + 0.07 * hashi(ivec2(int(floor(p.x * 14.0)), 5));
    col *= step(sky_line, p.y) * 0.9 + 0.1;
    col += vec3(0.62, 0.3, 1.0) * (smoothstep(0.13, 0.11, r) * 1.4 + 0.5 * exp(-r * 7.0));
    float ang = atan(sp.y, sp.x);
    col += vec3(0.55, 0.3, 1.0) * 0.25 * pow(abs(cos(ang * 6.0)), 8.0) * exp(-r * 4.0);
    vec2 mp = p - vec2(0.23, -0.12);
    float moon = max(length(mp) - 0.075, -(length(mp - vec2(0.03, 0.02)) - 0.07));
    col += vec3(0.2, 0.95, 0.5) * (smoothstep(0.006, -0.006, moon) * 1.3 + 0.2 * exp(-length(mp) * 12.0));
    return col;
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    float tile = floor(uv.x * 4.0);
    vec2 p = vec2(fract(uv.x * 4.0), uv.y) - 0.5;
    vec3 col = (tile < 0.5) ? figure_tile(p)
             : (tile < 1.5) ? window_memory(p)
             : (tile < 2.5) ? moss_tile(p) : sky_tile(p);
    // each tile fades to black at its borders (no seams between them in the mipmaps)
    vec2 edge = smoothstep(vec2(0.5), vec2(0.38), abs(p));
    frag_colour = vec4(clamp(col * edge.x * edge.y, 0.0, 1.0), 1.0);
}
