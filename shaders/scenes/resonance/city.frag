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

// One tower of a skyline layer, in its cell c: a liquid-glass shaft of its own width and
// height, set at a random place in its cell (so the skyline is uneven, never a row of posts),
// its top cut flat, slanted, stepped or drawn up into a needle. Returns the distance; `side`
// is where across the tower the point is (-1 .. 1), `facet` how close to the shaft's middle
// fold (where two faces of the glass meet and catch the light).
float tower(vec2 q, float c, float cell, float wmax, float hmin, float hmax, int layer,
            out float side, out float facet) {
    vec3 h = hash3i(ivec3(int(c), layer, u_seed));
    vec3 g = hash3i(ivec3(int(c), layer + 31, u_seed));
    float w = cell * (0.06 + wmax * g.x * g.x);
    float cx = (c + 0.5) * cell + (h.y - 0.5) * (cell - 2.0 * w);
    float ht = hmin + (hmax - hmin) * pow(h.z, 1.6);
    vec2 o = vec2(q.x - cx, q.y);
    float taper = w * (1.0 - (g.z < 0.4 ? 0.5 : 0.12) * clamp(o.y / ht, 0.0, 1.0));
    side = clamp(o.x / taper, -1.0, 1.0);
    facet = exp(-pow((o.x + 0.25 * taper) * u_resolution.y, 2.0) * 0.5);
    float slant = (g.y < 0.35) ? (g.y - 0.17) * 2.2 * o.x : 0.0;         // a sloped roof
    float body = max(abs(o.x) - taper, o.y - ht - slant);
    float upper = max(abs(o.x) - taper * 0.5, o.y - ht - 0.35 * ht * g.y);  // a setback
    body = (g.y > 0.7) ? min(body, upper) : body;
    float spire = sd_segment(o, vec2(0.0, ht), vec2(0.0, ht + 0.05 * h.x)) - 0.0008;
    return (h.x > 0.72) ? min(body, spire) : body;
}

// A layer of towers: the nearer of the two in the cells around q (a tower may lean over its
// cell's border), with its side and fold.
float towers(vec2 q, float cell, float wmax, float hmin, float hmax, int layer,
             out float side, out float facet) {
    float c = floor(q.x / cell);
    float s0, f0, s1, f1;
    float d0 = tower(q, c, cell, wmax, hmin, hmax, layer, s0, f0);
    float nb = c + (fract(q.x / cell) < 0.5 ? -1.0 : 1.0);
    float d1 = tower(q, nb, cell, wmax, hmin, hmax, layer, s1, f1);
    bool first = d0 < d1;
    side = first ? s0 : s1;
    facet = first ? f0 : f1;
    return min(d0, d1);
}

// The light of a tower's glass at a point `d` inside it (d < 0, frame units): the aurora
// caught in broad reflections across the shaft, brightest toward one side, a bright rim
// along every edge of the silhouette, a fold of light down its middle, faint floors.
float glass(float d, float side, float facet, vec2 q, float inv_px) {
    float sheen = 0.05 + 0.35 * smoothstep(0.2, 1.0, side) + 0.06 * smoothstep(-0.4, -1.0, side);
    float rim = exp(-max(-d * inv_px - 0.5, 0.0) * 0.9);
    rim *= 0.2 + 0.8 * smoothstep(-0.2, 1.0, side);          // the side facing the light
    return sheen + 0.8 * rim + 0.35 * facet;
}

vec4 city(vec2 q) {
    float far = blocks(q + vec2(0.13, 0.0), 0.008, 0.45, 1);
    float inv_px = u_resolution.y;
    // Three skylines: a hazy far one, a middle one, and the near liquid-glass towers.
    float s_far, f_far, s_mid, f_mid, s_near, f_near;
    float t_far = towers(q + vec2(0.37, 0.0), 0.031, 0.5, 0.015, 0.07, 11, s_far, f_far);
    float t_mid = towers(q + vec2(0.11, 0.0), 0.053, 0.55, 0.03, 0.12, 21, s_mid, f_mid);
    float t_near = towers(q, 0.089, 0.5, 0.05, 0.19, 41, s_near, f_near);
    float c_far = clamp(0.5 - min(far, t_far) * inv_px, 0.0, 1.0);
    float c_mid = clamp(0.5 - t_mid * inv_px, 0.0, 1.0);
    float c_near = clamp(0.5 - t_near * inv_px, 0.0, 1.0);
    float cover = max(max(c_far, c_mid), c_near);
    // Windows: a sparse grid of warm and cold lights, in the far blocks only; averaged where
    // smaller than a pixel.
    vec2 wcell = vec2(0.0029, 0.0037);
    vec2 wg = q / wcell;
    vec3 wh = hash3i(ivec3(ivec2(floor(wg)), u_seed + 9));
    vec2 wf = fract(wg) - 0.5;
    float win = step(0.9, wh.x) * step(abs(wf.x), 0.28) * step(abs(wf.y), 0.3);
    float detail = smoothstep(1.2, 3.0, wcell.x * u_resolution.y);
    win = mix(0.1 * 0.56 * 0.6, win, detail);
    float lights = max(c_far - max(c_mid, c_near), 0.0) * win * (0.5 + 0.5 * wh.z);
    float cold = step(0.72, wh.y);
    // Glass, front to back: the near towers over the middle ones over the far.
    float g_far = 0.35 * c_far * glass(t_far, s_far, f_far, q, inv_px) * step(far, t_far + 1e-4);
    float g_mid = 0.7 * glass(t_mid, s_mid, f_mid, q, inv_px);
    float g_near = glass(t_near, s_near, f_near, q, inv_px);
    float sheen = mix(mix(g_far, g_mid, c_mid), g_near, c_near);
    float dark = max(max(c_mid, c_near), 0.6 * c_far);
    return vec4(cover, dark, lights * (1.0 - cold), sheen + lights * cold * 0.5);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 q = vec2((uv.x - 0.5) * u_resolution.x / u_resolution.y,
                  mix(CITY_BOTTOM, CITY_TOP, uv.y));
    frag_colour = city(q);
}

