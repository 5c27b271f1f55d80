#version 330 core
// Resonance, the cloud shot, pass 1 (half resolution): along each pixel's ray, the cloud's
// underside (its baked base marched as a height field, then lit from within), the curtains
// hanging from it (stacked height layers, one map fetch each) and the glowing haze of
// distance.  rgb: the light reaching the eye (for rays to the city, only what the air adds;
// the city's lights come in the last pass); a: the distance to what the ray meets.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "cloud.glsl"
#ifdef CLOUD_FACES
#include "face.glsl"
#include "cloud_faces.glsl"
#endif

uniform vec2 u_resolution;
uniform sampler2D u_cloud_map;
uniform float u_flow;
uniform vec2 u_hum;
out vec4 frag_colour;

const int CLD_STEPS = 16;
const int CLD_LAYERS = 7;

// The aurora's colour at hue h (0 emerald .. 1 violet).
vec3 cld_glow(float h) {
    vec3 lo = srgb_to_linear(u_colour_low.rgb);
    vec3 hi = srgb_to_linear(u_colour_high.rgb);
    return mix(lo, hi, h);
}

// The haze of distance along direction d: the cloud's light scattered in the air, brightest
// at the horizon where the glowing base and the city's haze meet.
vec3 cld_haze(vec3 d) {
    vec3 lo = srgb_to_linear(u_colour_low.rgb);
    vec3 hi = srgb_to_linear(u_colour_high.rgb);
    float a = abs(d.y);
    return mix(0.05 * lo + 0.06 * hi, 0.01 * hi, smoothstep(0.0, 0.2, a));
}

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 o = cld_eye();
    vec3 d = cld_ray(p);
    float jitter = fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
    float breath = 1.0 + 0.35 * u_hum.x;
    float dist = CLD_FAR;
    float pix = CLD_LENS / u_resolution.y;
    vec3 col = vec3(0.0);
    bool hit = false;
    if (d.y > 0.0) {
        // March the base between its lowest bellies and its deepest recesses.
        float t0 = (CLD_LO - o.y) / d.y;
        float t1 = min((CLD_HI - o.y) / d.y, CLD_FAR);
        if (t0 < t1) {
            float dt = (t1 - t0) / float(CLD_STEPS);
            float tp = t0;
            float gp = o.y + d.y * t0 - cld_base(u_cloud_map, o.xz + d.xz * t0, cld_lod(t0, pix, d.y));
            for (int i = 1; i <= CLD_STEPS; ++i) {
                float t = t0 + dt * (float(i) - 0.5 + 0.5 * jitter);
                vec3 x = o + d * t;
                float g = x.y - cld_base(u_cloud_map, x.xz, cld_lod(t, pix, d.y));
                if (g > 0.0) {
                    // refine between the last step outside and this one (bisection, then the
                    // secant), so the billows' edges are smooth lines, not the march's steps
                    float ta = tp, tb = t, ga = gp, gb = g;
                    for (int j = 0; j < 4; ++j) {
                        float tm = 0.5 * (ta + tb);
                        vec3 xm = o + d * tm;
                        float gm = xm.y - cld_base(u_cloud_map, xm.xz, cld_lod(tm, pix, d.y));
                        if (gm > 0.0) {
                            tb = tm;
                            gb = gm;
                        } else {
                            ta = tm;
                            ga = gm;
                        }
                    }
                    dist = mix(ta, tb, -ga / max(gb - ga, 1e-4));
                    hit = true;
                    break;
                }
                tp = t;
                gp = g;
            }
        }
        if (hit) {
            vec3 x = o + d * dist;
            float lod = cld_lod(dist, pix, d.y);
            vec4 m = textureLod(u_cloud_map, cld_uv(x.xz), lod);
            float e = 1.2 * exp2(lod);
            float b0 = mix(CLD_HI, CLD_LO, m.r);
            vec3 n = normalize(vec3(b0 - cld_base(u_cloud_map, x.xz + vec2(e, 0.0), lod),
                                    -e,
                                    b0 - cld_base(u_cloud_map, x.xz + vec2(0.0, e), lod)));
            // (n = (db/dx, -1, db/dz) normalised: out of the cloud, toward the city)
            n = vec3(-n.x, n.y, -n.z);
            // fine fleece on the billows: a little noise in the normal, fading with distance
            float fine = (1.0 - smoothstep(30.0, 120.0, dist)) * (1.0 - smoothstep(0.0, 1.0, lod));
            vec2 fq = x.xz * 0.9 + vec2(0.0, u_flow * 0.05);
            n = normalize(n + fine * 0.35 * vec3(vnoise(fq) - 0.5, 0.0, vnoise(fq.yx + 17.0) - 0.5));
            float belly = m.r;
            float recess = 1.0 - belly;
            float facing = clamp(dot(n, -d), 0.0, 1.0);
            vec3 glow = cld_glow(m.g);
            float heart = m.b * breath;
            // Light from within: it leaks where the cloud is thin (the recesses between the
            // billows glow, the low bellies stay dark) and along each billow's edge, where
            // the ray grazes its skin against the brighter cloud behind (its rim).
            float inner = pow(recess, 3.5) * (0.006 + 0.6 * heart * heart * heart);
            // (relative to a flat ceiling seen along the same ray, so the ceiling's grazing far
            // reaches do not all light up: only a billow's edge turning away from the eye)
            float rel = facing / max(d.y, 0.05);
            float rim = pow(clamp(1.0 - rel, 0.0, 1.0), 2.0) * (0.03 + 0.45 * heart) * (1.0 - 0.5 * smoothstep(1.0, 4.0, lod));
            vec3 lit = glow * (inner + rim);
            // the billows modelled by a soft key from below and to the left (the city's glow
            // and the brightest heart low on the horizon): their faces turned to it pale,
            // the far sides of each fall off to black
            vec3 key = normalize(vec3(-0.45, -0.55, -0.7));
            float lam = max(dot(n, key), 0.0);
            lit += mix(glow, vec3(0.6, 0.75, 0.9), 0.35) * 0.025 * lam * lam * (0.2 + heart);
            // a hot white-green core in the brightest hearts
            lit += vec3(0.7, 1.0, 0.85) * 0.25 * pow(recess * heart, 3.0);
            // the hearts glowing through the whole cloud, bellies and all (softer)
            lit += glow * 0.02 * heart * heart * heart;
            float fog = 1.0 - exp(-dist * 0.0065);
            col = mix(lit, cld_haze(d) * (1.0 + 0.8 * heart), fog);
        } else {
            col = cld_haze(d);
        }
    } else {
        // toward the city: only what the air adds
        dist = min((o.y - CLD_FLOOR) / max(-d.y, 1e-4), CLD_FAR);
        float fog = 1.0 - exp(-dist * 0.0065);
        col = cld_haze(d) * fog * fog * 0.5;
    }
    // The curtains hanging from the cloud: stacked layers from just under the base down to
    // their hems above the city, each a fetch of the sheets there; rays shimmer along them.
    vec3 c_low = srgb_to_linear(u_colour_low.rgb);
    vec3 c_high = srgb_to_linear(u_colour_high.rgb);
    vec3 c_fringe = srgb_to_linear(u_colour_fringe.rgb);
    vec3 acc = vec3(0.0);
    float hem = -22.0, top = CLD_HI;
    for (int k = 0; k < CLD_LAYERS; ++k) {
        float y = mix(hem, top, (float(k) + jitter) / float(CLD_LAYERS));
        float t = (y - o.y) / d.y;
        if (t <= 0.0 || t >= dist) {
            continue;
        }
        vec2 xz = o.xz + d.xz * t;
        vec4 m = textureLod(u_cloud_map, cld_uv(xz), cld_lod(t, pix, d.y));
        float base = mix(CLD_HI, CLD_LO, m.r);
        float below = base - y;
        if (below < 0.0) {
            continue;
        }
        float hang = 30.0 * (0.6 + 0.8 * m.b);
        float v = below / hang;                  // 0 at the base .. 1 at the hem
        float fall = (1.0 - smoothstep(0.75, 1.0, v)) * (0.35 + 0.65 * smoothstep(0.0, 0.5, v));
        // (its rays: a fine shimmer along the sheet, faded where a pixel spans several)
        float ray = 0.6 + 0.4 * sin(0.35 * (xz.x * 0.8 - xz.y * 0.6) + 0.9 * u_flow + 3.0 * m.g)
                  * (1.0 - smoothstep(80.0, 200.0, t));
        float near = smoothstep(25.0, 70.0, t);
        float s = m.a * fall * ray * near * (0.4 + m.b) * breath;
        vec3 c = mix(c_low, c_high, 1.0 - smoothstep(0.0, 0.3, v));
        c = mix(c, c_fringe, 0.6 * smoothstep(0.75, 0.95, v));
        acc += c * s * exp(-t * 0.0065);
    }
    col = (col + acc * 0.1) * u_intensity;
#ifdef CLOUD_FACES
    if (d.y > 0.0) {
        col = cloud_faces(p, col, cld_glow(0.25) * (0.5 + 0.5 * breath) * u_intensity);
    }
#endif
    frag_colour = vec4(col, dist);
}
