#version 330 core
// Resonance: the far city, baked once when the scene starts (it never moves). The texture
// spans the screen's width and the strip CITY_BOTTOM..CITY_TOP above the horizon; the AA
// widths are the frame's pixels (this pass has the frame's size).
//   r: coverage   g: how much of it is near, dark building (vs. hazy far blocks)
//   b: warm window light   a: glass sheen of the towers plus cold window light
#include "../../lib/hash.glsl"
#include "../../lib/sdf.glsl"
#include "resonance.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

// A row of blocks: the signed distance to the buildings of one layer, at q = (x, height
// above the horizon). Each building sits inside its cell, so one cell is enough.
float blocks(vec2 q, float width, float scale, int layer) {
    float c = floor(q.x / width);
    vec3 h = hash3i(ivec3(int(c), layer, u_seed));
    float half_w = width * (0.3 + 0.2 * h.y);
    float top = scale * (0.004 + 0.03 * h.x * h.x * h.x + 0.006 * h.z);
    vec2 o = vec2(q.x - (c + 0.5) * width, q.y - 0.5 * (top - 0.02));
    return sd_box2(o, vec2(half_w, 0.5 * (top + 0.02)));
}

// The glass towers: tall, slender, tapering, some with a needle spire. Returns the distance
// and, in `side`, where across the tower the point is (-1 .. 1) for the glass's sheen.
float towers(vec2 q, out float side) {
    const float CELL = 0.05;
    float c = floor(q.x / CELL);
    vec3 h = hash3i(ivec3(int(c), 7, u_seed));
    vec3 g = hash3i(ivec3(int(c), 8, u_seed));
    side = 0.0;
    if (h.x < 0.22) {
        return 1.0;
    }
    float cx = (c + 0.3 + 0.4 * h.y) * CELL;
    // slender needles and broad glass slabs, a few pixels to a dozen wide
    float w = (g.x < 0.35) ? 0.004 + 0.003 * g.y : 0.007 + 0.011 * g.x * g.x;
    float ht = 0.04 + 0.085 * h.z * h.z;
    vec2 o = vec2(q.x - cx, q.y);
    float taper = w * (1.0 - 0.45 * clamp(o.y / ht, 0.0, 1.0));
    side = clamp(o.x / taper, -1.0, 1.0);
    float body = max(abs(o.x) - taper, o.y - ht);
    // Rounded crown or a needle.
    float crown = length(vec2(o.x, (o.y - ht) * 1.6)) - taper;
    body = (g.y > 0.65) ? min(body, crown) : body;      // a few domed crowns, most cut flat
    // a stepped setback on the broad ones
    float step_top = max(abs(o.x) - taper * 0.55, o.y - ht - 0.012 * g.y);
    body = (w > 0.009) ? min(body, step_top) : body;
    float spire = sd_segment(o, vec2(0.0, ht), vec2(0.0, ht + 0.03 * g.y)) - 0.0007;
    return g.z > 0.72 ? min(body, spire) : body;
}

vec4 city(vec2 q) {
    float far = blocks(q + vec2(0.13, 0.0), 0.008, 0.55, 1);
    float near = min(blocks(q, 0.017, 1.0, 2), blocks(q + vec2(0.0071, 0.0), 0.012, 0.7, 3));
    float side;
    float tower = towers(q, side);
    // Coverage from the distance in pixels (the block SDFs jump at cell borders, where
    // fwidth would smear them into lines).
    float inv_px = u_resolution.y;
    float c_far = clamp(0.5 - far * inv_px, 0.0, 1.0);
    float c_near = clamp(0.5 - near * inv_px, 0.0, 1.0);
    float c_tower = clamp(0.5 - tower * inv_px, 0.0, 1.0);
    float cover = max(max(c_far, c_near), c_tower);
    // Windows: a sparse grid of warm and cold lights; averaged where smaller than a pixel.
    vec2 wcell = vec2(0.0029, 0.0037);
    vec2 wg = q / wcell;
    vec3 wh = hash3i(ivec3(ivec2(floor(wg)), u_seed + 9));
    vec2 wf = fract(wg) - 0.5;
    float win = step(0.88, wh.x) * step(abs(wf.x), 0.28) * step(abs(wf.y), 0.3);
    float detail = smoothstep(1.2, 3.0, wcell.x * u_resolution.y);
    win = mix(0.12 * 0.56 * 0.6, win, detail);
    float lights = max(c_near - c_tower, 0.0) * win * (0.5 + 0.5 * wh.z);
    float cold = step(0.72, wh.y);
    // Glass: the towers mirror the aurora, brightest along one edge; faint floors glow.
    // (vertical mullions split the glass into panes that catch the sky unevenly)
    float pane = 0.75 + 0.25 * step(0.5, fract(side * 2.5 + 0.5));
    float sheen = (0.12 + 0.5 * smoothstep(0.1, 1.0, side) + 0.12 * smoothstep(-0.5, -1.0, side)) * pane;
    sheen *= 0.4 + 0.6 * smoothstep(0.0, 0.1, q.y);
    float floors = win * detail * step(0.5, fract(wg.y * 0.5)) + 0.08 * step(0.93, fract(wg.y * 0.25));
    return vec4(cover, max(c_near, c_tower), lights * (1.0 - cold),
                c_tower * (sheen + 0.6 * floors) + lights * cold * 0.5);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 q = vec2((uv.x - 0.5) * u_resolution.x / u_resolution.y,
                  mix(CITY_BOTTOM, CITY_TOP, uv.y));
    frag_colour = city(q);
}

