#version 330 core
// Resonance, the cloud shot, pass 3: the glass towers rising out of the city toward the
// cloud, drawn over its picture, one quad per tower over its bounds on screen
// (cloud_quad.vert).  Stepped: a broad body, a narrower storey set back on it, a slender
// crown; dark glass, the cloud's glow mirrored up its faces, a bright line down each corner
// and along each setback.  A tower behind the cloud's near bellies is hidden by them.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "cloud.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_cloud_sky;
flat in int v_item;
out vec4 frag_colour;

const int CLD_TOWERS = 6;
uniform vec4 u_cld_towers[CLD_TOWERS];    // x, z of the centre, half width, height (scene)
uniform vec2 u_cld_tower_rot[CLD_TOWERS]; // cos, sin of each tower's turn about its axis

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
    float dist = d.y < 0.0 ? (o.y - CLD_FLOOR) / -d.y : sky.a;
    vec3 c_low = srgb_to_linear(u_colour_low.rgb);
    vec3 c_high = srgb_to_linear(u_colour_high.rgb);
    float pix = CLD_LENS / u_resolution.y;
    // The towers: dark glass, the cloud's glow mirrored up their faces, bright edges.
    float best = 1e9;
    vec3 bn = vec3(0.0);
    int bk = -1;
    vec4 btw = vec4(0.0);
    for (int k = v_item; k == v_item; ++k) {
        vec4 tw = u_cld_towers[k];
        if (tw.w <= 0.0) {
            continue;
        }
        // stepped: a broad body, a narrower storey set back on it, a slender crown (the
        // whole tower's box first: most rays miss it)
        mat2 R = mat2(u_cld_tower_rot[k].x, -u_cld_tower_rot[k].y, u_cld_tower_rot[k].y, u_cld_tower_rot[k].x);
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
        vec3 lit = tower * (1.0 - fog) + sky.rgb * fog * 0.5;
        frag_colour = vec4(cld_finish(lit, p, gl_FragCoord.xy, u_frame), 1.0 - melt);
        return;
    }
    frag_colour = vec4(0.0);
}
