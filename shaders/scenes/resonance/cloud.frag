#version 330 core
// Resonance, the cloud shot, last pass (full resolution): the city far below -- a dark floor
// strewn with thousands of small lights along its streets, brighter districts and dark ones,
// a few dark glass towers rising toward the cloud with bright rims -- under the cloud and its
// curtains (cloud_sky, half resolution), and the memories: small crisp lit fragments caught
// in the cloud's underside.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "cloud.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform int u_seed;
uniform float u_flow;
uniform sampler2D u_cloud_sky;
out vec4 frag_colour;

const int CLD_TOWERS = 6;
uniform vec4 u_cld_towers[CLD_TOWERS];    // x, z of the centre, half width, height (scene)
uniform vec2 u_cld_tower_rot[CLD_TOWERS]; // cos, sin of each tower's turn about its axis
uniform vec4 u_cld_tower_box[CLD_TOWERS]; // its bounds on screen (scene): most pixels skip it
const int CLD_MEMORIES = 14;
uniform vec4 u_cld_memories[CLD_MEMORIES]; // screen x, y, radius, depth (scene: cloud_memories)
uniform vec2 u_cld_memory_rot[CLD_MEMORIES]; // cos, sin of each shard's slow turn

// The city's lights on the floor at xz, seen over a footprint fp (world units a pixel spans
// there): each cell of a fine grid may hold one lamp on the streets; where a pixel spans many
// cells the lamps melt into their mean glow, so the far city never shimmers.
vec3 city_lights(vec2 xz, float fp) {
    const float CELL = 2.4;
    vec2 c = floor(xz / CELL);
    vec2 f = xz / CELL - c;
    vec3 h = hash33(vec3(c, 3.0));
    // blocks, some lit and some dark, brighter districts among dim ones
    float district = smoothstep(0.3, 0.75, vnoise(xz * 0.006 + 4.0));
    float quarter = smoothstep(0.35, 0.75, vnoise(xz * 0.04 + 11.0));
    float dens = (0.03 + 0.5 * quarter) * (0.2 + 1.0 * district);
    float lamp = step(h.x, dens);
    vec3 tint = h.y < 0.62 ? vec3(1.0, 0.86, 0.62) : (h.y < 0.93 ? vec3(0.3, 1.0, 0.62) : vec3(0.5, 0.9, 1.0));
    float bright = 0.6 + 1.6 * h.z * h.z;
    vec2 at = 0.25 + 0.5 * hash22(c + 9.0);
    float r0 = 0.12;
    float r = max(r0, 0.6 * fp);
    vec2 q = (f - at) * CELL;
    float point = exp(-dot(q, q) / (r * r)) * (r0 * r0) / (r * r);
    // the mean glow of a cell's lamp, for where the pixel spans the grid
    vec3 mean_tint = vec3(0.45, 0.8, 0.6);
    float mean = dens * 1.2 * 3.1416 * r0 * r0 / (CELL * CELL);
    float far = smoothstep(0.6, 1.6, fp / CELL);
    vec3 lit = mix(tint * bright * point * lamp * 30.0, mean_tint * mean * 14.0, far);
    // a dim lit ground round the bright districts (the city's own glow)
    lit += vec3(0.002, 0.004, 0.003) * district * quarter;
    return lit;
}

// The ray's first meeting with tower k (an upright box turned about its axis): distance, and
// the normal there; -1 when missed.
float tower_hit(vec3 o, vec3 d, vec4 tw, mat2 R, out vec3 n) {
    vec2 oq = R * (o.xz - tw.xy);
    vec2 dq = R * d.xz;
    vec3 ob = vec3(oq.x, o.y, oq.y);
    vec3 db = vec3(dq.x, d.y, dq.y);
    vec3 lo = vec3(-tw.z, CLD_FLOOR, -tw.z), hi = vec3(tw.z, CLD_FLOOR + tw.w, tw.z);
    vec3 inv = 1.0 / (db + vec3(1e-7));
    vec3 ta = (lo - ob) * inv, tb = (hi - ob) * inv;
    vec3 tmin = min(ta, tb), tmax = max(ta, tb);
    float tn = max(max(tmin.x, tmin.y), tmin.z);
    float tf = min(min(tmax.x, tmax.y), tmax.z);
    if (tn > tf || tf < 0.0) {
        return -1.0;
    }
    vec3 nb = tn == tmin.x ? vec3(-sign(db.x), 0.0, 0.0) : (tn == tmin.y ? vec3(0.0, -sign(db.y), 0.0) : vec3(0.0, 0.0, -sign(db.z)));
    vec2 nxz = transpose(R) * nb.xz;
    n = vec3(nxz.x, nb.y, nxz.y);
    return tn;
}

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 o = cld_eye();
    vec3 d = cld_ray(p);
    vec4 sky = texture(u_cloud_sky, gl_FragCoord.xy / u_resolution);
    vec3 col = sky.rgb;
    float dist = sky.a;
    vec3 c_low = srgb_to_linear(u_colour_low.rgb);
    vec3 c_high = srgb_to_linear(u_colour_high.rgb);
    float pix = CLD_LENS / u_resolution.y;          // radians a pixel spans, near the middle
    if (d.y < 0.0) {
        float t = (o.y - CLD_FLOOR) / -d.y;
        vec3 x = o + d * t;
        float fp = t * pix / max(-d.y, 0.08);       // (the floor foreshortened)
        vec3 floor_col = city_lights(x.xz, fp) * u_intensity;
        col += floor_col * exp(-t * 0.003);
        dist = t;
    }
    // The towers: dark glass, the cloud's glow mirrored up their faces, bright edges.
    float best = 1e9;
    vec3 bn = vec3(0.0);
    int bk = -1;
    vec4 btw = vec4(0.0);
    for (int k = 0; k < CLD_TOWERS; ++k) {
        vec4 tw = u_cld_towers[k];
        if (tw.w <= 0.0) {
            continue;
        }
        // stepped: a broad body, a narrower storey set back on it, a slender crown (the
        // whole tower's box first: most rays miss it)
        vec4 sb = u_cld_tower_box[k];
        if (p.x < sb.x || p.y < sb.y || p.x > sb.z || p.y > sb.w) {
            continue;
        }
        mat2 R = mat2(u_cld_tower_rot[k].x, -u_cld_tower_rot[k].y, u_cld_tower_rot[k].y, u_cld_tower_rot[k].x);
        vec3 nb0;
        float tb0 = tower_hit(o, d, tw, R, nb0);
        if (tb0 < 0.0 || tb0 > best) {
            continue;
        }
        for (int j = 0; j < 3; ++j) {
            float fj = float(j);
            vec4 tier = vec4(tw.xy, tw.z * (1.0 - 0.22 * fj), tw.w * (0.6 + 0.2 * fj));
            vec3 n;
            float th = tower_hit(o, d, tier, R, n);
            if (th > 0.0 && th < best) {
                best = th;
                bn = n;
                bk = k;
                btw = tier;
            }
        }
    }
    if (bk >= 0 && best < dist) {
        vec4 tw = btw;
        vec3 x = o + d * best;
        float v = (x.y - CLD_FLOOR) / u_cld_towers[bk].w;
        float cosi = clamp(dot(-d, bn), 0.0, 1.0);
        float fres = 0.04 + 0.96 * pow(1.0 - cosi, 5.0);
        vec3 r = reflect(d, bn);
        // the glow overhead mirrored: brighter the higher the face looks, the nearer the cloud
        vec3 refl = mix(0.5 * c_low + 0.2 * c_high, 0.3 * c_high, smoothstep(0.0, 0.6, r.y)) * (0.3 + 1.2 * v * v);
        vec3 glass = vec3(0.0005, 0.001, 0.0015) + refl * (0.01 + 0.6 * fres);
        // the storeys' faint lit lines and a few lit windows deep inside
        float fl = fract(x.y * 1.2);
        float row = smoothstep(0.9, 1.0, fl) * 0.03;
        vec2 win = floor(vec2(dot(x.xz, vec2(bn.z, -bn.x)) * 1.6, x.y * 1.2));
        float lit_win = step(0.975, hash12(win + float(bk) * 17.0)) * 0.3;
        glass += (row * c_low + lit_win * vec3(1.0, 0.85, 0.6)) * (1.0 - v * 0.6);
        // the edges of the box catching the light: a thin bright line down each corner
        vec2 cs = u_cld_tower_rot[bk];
        vec2 lq = mat2(cs.x, -cs.y, cs.y, cs.x) * (x.xz - tw.xy);
        float ew = best * pix * 1.5;
        float corner = 1.0 - smoothstep(0.0, ew, abs(abs(lq.x) - abs(lq.y)) * 0.7071);
        // and the tier's top edge, where its setback catches the cloud's light
        float lip = 1.0 - smoothstep(0.0, ew, tw.w + CLD_FLOOR - x.y);
        glass += mix(c_low, vec3(0.9, 1.0, 0.95), 0.5) * (corner + lip) * (0.15 + 1.2 * v);
        float fog = 1.0 - exp(-best * 0.0065);
        vec3 tower = glass * u_intensity;
        // the top dissolving into the cloud's light
        float melt = smoothstep(0.8, 1.0, v);
        col = mix(tower * (1.0 - fog) + sky.rgb * fog * 0.5, col, melt);
        dist = best;
    }
    // The memories: small crisp lit fragments caught in the cloud's underside (warm shards
    // of light turning slowly), veiled by the cloud in front of them.
    for (int i = 0; i < CLD_MEMORIES; ++i) {
        vec4 m = u_cld_memories[i];
        vec2 dp = p - m.xy;
        float r = m.z;                               // (0: not shown)
        if (dot(dp, dp) > 36.0 * r * r) {
            continue;
        }
        vec2 cs = u_cld_memory_rot[i];
        vec2 q = mat2(cs.x, -cs.y, cs.y, cs.x) * dp / r;     // in the shard's own size
        float shard = max(abs(q.x) + abs(q.y) * 0.45, abs(q.y) * 1.2);   // a slanted sliver
        float aa = pix / r * 1.5;
        float body = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, shard);
        float halo = exp(-dot(q, q) * 0.35) * 0.15;
        float veil = exp(-max(m.w - dist, 0.0) * 0.25);
        col += vec3(1.0, 0.8, 0.55) * (2.2 * body + halo) * veil * exp(-m.w * 0.004);
    }
    col *= 1.0 - 0.25 * dot(p * vec2(0.6, 1.0), p * vec2(0.6, 1.0));
    col = tonemap_aces(col * 0.95);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(saturate(col), gl_FragCoord.xy, u_frame), 1.0);
}
