#version 330 core
// Shatter into mist: the image cracks into Voronoi shards that fall away, tumbling, and
// dissolve into drifting mist on the way, revealing the next scene ("the towers shatter
// into mist").
//
// Each shard (a Voronoi cell of the frame, `shards` per frame height) has a break time t0
// from its distance to the impact point plus a hash of its id.  Before t0 a crack glows
// along its border; after it the shard drops (gravity: ~lp^2, lp = its own progress), turns
// by an angle hashed from its id and recedes (shrinks: it falls away from the viewer, so the
// glass still intact stays in front of it), while its glass burns away from the edges inward
// along a noisy front with a bright fringe.  Each shard is a piece of mirror: a band of light
// sweeps it as it turns, and it shows a piece of the next scene from across the frame, so a
// dark picture breaks into pieces of the new light.  Behind the shards a drifting fbm mist rises
// where they broke, over the next scene.
//
// A pixel finds the shard covering it by mapping itself back through the transform of each
// candidate cell above it (shards only fall, at most FALL cells) and testing Voronoi
// membership there: bisector distances (|x - fn|^2 - |x - fc|^2) / 2|fn - fc| against the 8
// neighbours, whose points are hashed once per pixel into a 5x6 cache.  Of the shards that
// cover it, the least fallen is in front.
//
// Ends: every t0 lies in [FIRST, 1 - DUR], so at progress 0 no shard has moved, no crack
// glows and there is no mist (u_from exactly), and at progress 1 every shard has burnt away
// and the mist has cleared (u_to exactly).
//
// transition_params (optional; 0 or absent means the default):
//   centre  vec2   impact point, in 0..1 of the frame from the bottom left, like touches
//                  (default (0.5, 0.6))
//   shards  float  shards across the frame height (default 6)
#include "../lib/common.glsl"
#include "../lib/hash.glsl"
#include "../lib/noise.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform float u_time;
uniform int u_seed;
uniform vec2 u_centre;
uniform float u_shards;
out vec4 frag_colour;

const float DUR = 0.5;          // share of the progress one shard takes to fall and vanish
const float FIRST = 0.1;        // the first break
const float FALL = 1.6;         // drop at lp = 1, in cells (the candidate rows reach 2 above)
const vec3 MIST = vec3(0.82, 0.81, 0.92);
const vec3 SILVER = vec3(0.86, 0.9, 1.0);      // a mirror's tint on what it reflects

// Cached cells around the pixel's home cell: dx -2..2, dy -2..3.  xy: the cell's point (cell
// units, relative to the home cell's corner), z: a hash for its break order.
vec3 cells[30];

vec3 cell(int dx, int dy) {
    return cells[(dy + 2) * 5 + dx + 2];
}

float break_time(vec2 f, float h, float n_cells, vec2 impact, float rmax) {
    float d = length(f / n_cells - impact) / rmax;
    float order = clamp(0.62 * d + 0.38 * h, 0.0, 1.0);
    return FIRST + order * (1.0 - DUR - FIRST);
}

// Distance (cell units, positive inside) from x to the border of the cell at (dx, dy).
float border(int dx, int dy, vec2 x) {
    vec2 fc = cell(dx, dy).xy;
    float dc = dot(x - fc, x - fc);
    float b = 1e3;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            if (i == 0 && j == 0) continue;
            vec2 fn = cell(dx + i, dy + j).xy;
            vec2 e = fn - fc;
            b = min(b, (dot(x - fn, x - fn) - dc) * 0.5 * inversesqrt(max(dot(e, e), 1e-8)));
        }
    }
    return b;
}

// How much of the key light (from the upper left) an edge of a shard catches: `out` points
// from the shard's point to the edge (its outward normal, roughly), `angle` the shard's turn
// (the key swings round the edges as it tumbles), `h` its hash (each piece of glass a little
// differently tipped).  Sharp, so a rim is lit along a short arc of its length, as a bevel is.
float glint(vec2 out_dir, float angle, float h) {
    float a = 2.4 + angle * 1.6 + (h - 0.5) * 1.2;
    vec2 key = vec2(cos(a), sin(a));
    float facing = max(dot(normalize(out_dir + 1e-5), key), 0.0);
    facing *= facing;
    return facing * facing;
}

vec4 fetch(sampler2D tex, vec2 pos) {           // pos in centred frame heights
    vec2 uv = (pos * u_resolution.y + 0.5 * u_resolution) / u_resolution;
    return texture(tex, clamp(uv, vec2(0.0), vec2(1.0)));
}

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    float n_cells = u_shards > 0.0 ? u_shards : 6.0;
    vec2 aspect = vec2(u_resolution.x / u_resolution.y, 1.0);
    vec2 impact = ((u_centre == vec2(0.0) ? vec2(0.5, 0.6) : u_centre) - 0.5) * aspect;
    vec2 half_frame = 0.5 * aspect;
    float rmax = length(half_frame + abs(impact));
    float px = n_cells / u_resolution.y;                       // a pixel, in cell units
    vec2 q = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 g = q * n_cells;
    ivec2 home = ivec2(floor(g));
    vec2 base = vec2(home);
    g -= base;                                                 // relative to the home cell

    uint seed_key = uint(u_seed) * 0x9E3779B9u + 0x5A7u;
    for (int j = 0; j < 6; j++) {
        for (int i = 0; i < 5; i++) {
            // one 32-bit PCG word per cell (30 per pixel, so the cheap hash): bytes 0-1 jitter
            // the point, the top half orders the break
            ivec2 c = home + ivec2(i - 2, j - 2);
            uint h = pcg(((uint(c.x) & 0xFFFFu) | (uint(c.y) << 16u)) ^ seed_key);
            vec2 jitter = vec2(uvec2(h, h >> 8u) & 255u) * (1.0 / 255.0);
            vec2 f = vec2(i - 2, j - 2) + 0.5 + 0.8 * (jitter - 0.5);   // relative to home
            cells[j * 5 + i] = vec3(f, float(h >> 16u) * (1.0 / 65536.0));
        }
    }

    // The pixel's own cell at rest.
    int own_x = 0, own_y = 0;
    float own_d = 1e9;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            vec2 f = cell(i, j).xy;
            float d = dot(f - g, f - g);
            if (d < own_d) { own_d = d; own_x = i; own_y = j; }
        }
    }
    vec3 own = cell(own_x, own_y);
    float own_t0 = break_time(own.xy + base, own.z, n_cells, impact, rmax);

    vec4 from_px = texelFetch(u_from, ivec2(gl_FragCoord.xy), 0);
    vec4 to_px = texelFetch(u_to, ivec2(gl_FragCoord.xy), 0);

    if (p <= own_t0) {
        // Intact glass: the old image, a crack glowing along the border as t0 nears.
        // (round 32's readers at 176.5 s: "flat Voronoi cell lines drawn over the dark
        // background read as a debug overlay": a crack is a dark hairline that catches the
        // light only where its edge faces the key, in glints along its length)
        float crack = clamp((p - (own_t0 - 0.08)) / 0.08, 0.0, 1.0);
        float line = crack * (1.0 - smoothstep(0.0, 1.5 * px, border(own_x, own_y, g)));
        float catch_light = glint(g - own.xy, 0.0, own.z);
        vec3 cracked = from_px.rgb * (1.0 - 0.6 * line);
        cracked += vec3(0.95, 0.95, 1.0) * line * catch_light;
        frag_colour = vec4(cracked, from_px.a);
        return;
    }

    // Mist behind the shards: rises where the glass broke, drifting up; gone at both ends.
    float local_t0 = FIRST + clamp(0.62 * length(q - impact) / rmax + 0.19, 0.0, 1.0) * (1.0 - DUR - FIRST);
    float ml = clamp((p - local_t0) / DUR, 0.0, 1.0);
    float mist_env = 4.0 * ml * (1.0 - ml);
    vec2 rise = vec2(0.02, 0.05) * u_time + vec2(0.0, 0.3 * ml);
    float wisps = fbm(q * vec2(2.2, 3.4) - rise, 3);
    float density = mist_env * smoothstep(0.3, 0.8, wisps) * 0.5;
    vec3 haze = mix(fetch(u_from, q - vec2(0.0, 0.08 * ml)).rgb, MIST, 0.55) * (0.8 + 0.4 * wisps);
    vec3 back = mix(to_px.rgb, haze, density);

    // The least fallen shard covering this pixel.
    float best_lp = 2.0;
    int bx = 0, by = 0;
    vec2 best_x = vec2(0.0);
    float best_angle = 0.0, best_scale = 1.0;
    // (a loop bound of 0 where the pixel's own shard is intact, or where every shard that
    // could reach it has surely burnt away: llvmpipe runs one masked row for blocks of pixels
    // that need none, instead of four; the exit is tested at the end too, shaders/README.md)
    float reach = (length(q - impact) + 3.0 / n_cells) / rmax;
    float all_gone = FIRST + clamp(0.62 * reach + 0.38, 0.0, 1.0) * (1.0 - DUR - FIRST) + DUR;
    int rows = (p > own_t0 && p < all_gone) ? 4 : 0;
    for (int r = 0; r < rows; ) {
        int dy = r - 1;
        for (int dx = -1; dx <= 1; dx++) {
            vec3 c = cell(dx, dy);
            float lp = clamp((p - break_time(c.xy + base, c.z, n_cells, impact, rmax)) / DUR, 0.0, 1.0);
            float spin = fract(c.z * 97.31) - 0.5;             // more hashes from the same cell
            float side = fract(c.z * 57.17) - 0.5;
            float angle = spin * 2.4 * lp;
            float scale = 1.0 - 0.4 * lp;
            vec2 move = vec2(side * 0.5 * lp, -FALL * lp * lp);
            // rotation by -angle (|angle| <= 1.2) from short series: cheaper than sin and cos
            float a2 = angle * angle;
            float ca = 1.0 - a2 * (0.5 - a2 * (1.0 / 24.0 - a2 * (1.0 / 720.0)));
            float sa = angle * (1.0 - a2 * (1.0 / 6.0 - a2 * (1.0 / 120.0)));
            vec2 d = (g - c.xy - move) / scale;
            vec2 x = c.xy + vec2(ca * d.x + sa * d.y, ca * d.y - sa * d.x);   // back to rest
            // inside when no neighbour's point is nearer
            float dc = dot(x - c.xy, x - c.xy);
            float inside = 1.0;
            for (int j = -1; j <= 1; j++) {
                for (int i = -1; i <= 1; i++) {
                    vec2 fn = cell(dx + i, dy + j).xy;
                    inside = (i == 0 && j == 0) ? inside : min(inside, dot(x - fn, x - fn) - dc + 0.05);
                }
            }
            bool better = lp > 0.0 && lp < best_lp && inside >= 0.0;
            best_lp = better ? lp : best_lp;
            bx = better ? dx : bx;
            by = better ? dy : by;
            best_x = better ? x : best_x;
            best_angle = better ? angle : best_angle;
            best_scale = better ? scale : best_scale;
        }
        if (++r >= rows) {
            break;
        }
    }

    vec3 rgb = back;
    float alpha = to_px.a;
    if (best_lp < 2.0) {
        vec3 c = cell(bx, by);
        float b = border(bx, by, best_x);
        float edge = px / best_scale;
        float cover = clamp(b / edge + 0.5, 0.0, 1.0);
        // the glass burns away from its edges inward, along a noisy front with a glowing edge
        // (the shard falls whole first -- a piece of glass with a lit rim, not a blot -- and
        // burns away only in the second half of its fall)
        float v = 0.6 * clamp(b / 0.3, 0.0, 1.0) + 0.4 * vnoise((best_x - c.xy) * 5.0 + c.z * 31.0);
        float level = smoothstep(0.45, 1.0, best_lp) * 1.15 - 0.08;
        float solid = smoothstep(level - 0.05, level + 0.05, v);
        float t = (v - level) / 0.12;
        float fringe = max(1.0 - t * t, 0.0);
        fringe *= fringe;
        vec4 src = fetch(u_from, (best_x + base) / n_cells);
        vec3 col = src.rgb * (1.0 + 0.3 * sin(best_angle * 1.7 + c.z * 6.28));
        // its rim a bevel lit from one side: the edges facing the key glint (moving round as
        // the shard turns), those turned away are a dark line -- not a wireframe of equal lines
        float rim = 1.0 - smoothstep(0.0, 2.5 * edge, b);
        float lit_rim = glint(best_x - c.xy, best_angle, c.z);
        col = col * (1.0 - 0.55 * rim * (1.0 - lit_rim)) + vec3(0.9, 0.92, 1.0) * 0.8 * rim * lit_rim;
        // a mirror's shard: a soft band of reflected light sweeps its face as it turns, so a
        // shard of a dark picture reads as silvered glass, not a black hole in the next scene
        // (round 21: "floating black blobs" over the towers at 176.9 s)
        float turn = best_angle * 2.3 + c.z * 6.28;
        float sweep = dot(best_x - c.xy, vec2(0.8, 0.6)) - 0.45 * sin(turn);
        col += vec3(0.72, 0.76, 0.95) * (0.16 + 0.3 * max(cos(turn), 0.0)) * exp(-9.0 * sweep * sweep);
        // and it mirrors the world it falls through: each shard, tipped its own way, shows a
        // piece of the next scene from across the frame (mirrored, shifted by its tilt), strong
        // where the old picture is dark, so a dark picture breaks into pieces of the new light
        // (round 22's readers at 176.6 s: "uniform dark Voronoi tiles, like paving, with no
        // refraction or glints")
        vec2 pos = (best_x + base) / n_cells;
        vec2 tilt = vec2(0.22 * sin(turn), 0.16 * cos(1.3 * turn + c.z * 4.0));
        vec3 world = fetch(u_to, vec2(-pos.x, pos.y) + tilt).rgb;
        float dark = 1.0 - clamp(dot(src.rgb, vec3(0.3, 0.5, 0.2)) * 3.0, 0.0, 1.0);
        col += SILVER * world * dark * (0.55 + 0.35 * max(cos(turn), 0.0));
        vec3 vapour = mix(src.rgb, MIST, 0.6) * 1.25;
        col = mix(col, vapour, fringe * (1.0 - solid));
        float keep = cover * max(solid, 0.55 * fringe) * (1.0 - smoothstep(0.9, 1.0, best_lp));
        rgb = mix(back, col, keep);
        alpha = mix(alpha, src.a, keep);
    }
    frag_colour = vec4(clamp(rgb, 0.0, 1.0), alpha);
}
