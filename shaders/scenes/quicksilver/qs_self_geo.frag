#version 330 core
// The self the shard holds (``shot`` 2, round 21), baked once when the scene starts: a head
// and shoulders modelled as a distance field (skull, jaw, brow, nose, sockets, cheekbones,
// ears, neck, shoulders, chest, upper arms, smooth-unioned; a cap of hair), ray-marched orthographically,
// a little turned and bowed, into a square G-buffer: rgb the surface normal in the bust's
// frame (x right, y up, z towards the mirror) as its x and y in rg, the material and the ambient
// occlusion in b (hair 0-0.45, skin 0.55-1), coverage in a (1 where the ray hit).  qs_shard.frag relights it every frame (a candle warm from one
// side, the cold night from the other) on a plane where the mirror's reflected rays land,
// so the self has form, not the "flat featureless blob" the readers saw in the pool.
#include <visuals/params>

uniform vec2 u_resolution;
out vec4 frag_colour;

const float SPAN = 0.84;             // world units the square bake spans (as SELF_SPAN in quicksilver.py)
const vec2 CENTRE = vec2(0.0, -0.03);
const float YAW = 1.2;               // the head turned towards the candle, nearly in profile (radians)
const float BOW = 0.16;              // and bowed

float smin(float a, float b, float k) {
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

float smax(float a, float b, float k) {
    return -smin(-a, -b, k);
}

float ellipsoid(vec3 p, vec3 r) {
    float k0 = length(p / r);
    float k1 = length(p / (r * r));
    return k0 * (k0 - 1.0) / k1;
}

float capsule(vec3 p, vec3 a, vec3 b, float r) {
    vec3 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - r;
}

mat3 rot_y(float a) {
    float c = cos(a), s = sin(a);
    return mat3(c, 0.0, -s, 0.0, 1.0, 0.0, s, 0.0, c);
}

mat3 rot_x(float a) {
    float c = cos(a), s = sin(a);
    return mat3(1.0, 0.0, 0.0, 0.0, c, s, 0.0, -s, c);
}

// The head, in its own frame (origin at the top of the neck).
float head(vec3 p) {
    vec3 q = vec3(abs(p.x), p.yz);
    float d = ellipsoid(p - vec3(0.0, 0.115, 0.0), vec3(0.080, 0.105, 0.092));
    d = smin(d, ellipsoid(p - vec3(0.0, 0.14, -0.025), vec3(0.086, 0.092, 0.095)), 0.03);      // the skull
    d = smin(d, ellipsoid(p - vec3(0.0, 0.045, 0.035), vec3(0.052, 0.048, 0.058)), 0.04);      // the jaw
    d = smin(d, capsule(q, vec3(0.0, 0.148, 0.082), vec3(0.042, 0.150, 0.074), 0.014), 0.02);   // the brow
    d = smin(d, ellipsoid(q - vec3(0.048, 0.098, 0.062), vec3(0.028, 0.022, 0.03)), 0.025);     // cheekbones
    d = smin(d, capsule(p, vec3(0.0, 0.138, 0.088), vec3(0.0, 0.095, 0.112), 0.012), 0.018);   // the nose
    d = smin(d, ellipsoid(q - vec3(0.083, 0.11, -0.01), vec3(0.012, 0.028, 0.018)), 0.01);     // ears
    d = smax(d, -(length(q - vec3(0.033, 0.124, 0.101)) - 0.014), 0.012);                      // sockets
    d = smax(d, -ellipsoid(p - vec3(0.0, 0.066, 0.1), vec3(0.024, 0.005, 0.02)), 0.008);       // the mouth's line
    return d;
}

vec3 head_frame(vec3 p) {
    return rot_y(YAW) * (rot_x(BOW) * (p - vec3(0.0, 0.03, 0.0)));
}

float bust(vec3 p) {
    vec3 q = vec3(abs(p.x), p.yz);
    float d = capsule(p, vec3(0.0, -0.07, -0.015), vec3(0.0, 0.05, -0.005), 0.046);            // the neck
    d = smin(d, capsule(q, vec3(0.03, -0.085, -0.02), vec3(0.17, -0.115, -0.025), 0.058), 0.09); // shoulders
    d = smin(d, ellipsoid(p - vec3(0.0, -0.25, -0.02), vec3(0.19, 0.17, 0.085)), 0.09);         // the chest
    d = smin(d, capsule(q, vec3(0.18, -0.17, -0.025), vec3(0.21, -0.44, -0.01), 0.056), 0.08); // upper arms
    d = smin(d, capsule(q, vec3(0.025, -0.095, 0.045), vec3(0.13, -0.105, 0.03), 0.012), 0.03); // collarbones
    return smin(d, head(head_frame(p)), 0.03);
}

// The hair: a close cap over the skull, from a hairline above the brow down to the nape.
float hair(vec3 p) {
    vec3 q = head_frame(p);
    float cap = ellipsoid(q - vec3(0.0, 0.148, -0.022), vec3(0.094, 0.101, 0.103));
    float line = -dot(q - vec3(0.0, 0.158, 0.06), normalize(vec3(0.0, 1.0, -0.9)));
    return max(cap, line);
}

float self_sd(vec3 p) {
    return min(bust(p), hair(p));
}

vec3 bust_normal(vec3 p) {
    const vec2 k = vec2(1.0, -1.0) * 0.0008;
    return normalize(k.xyy * self_sd(p + k.xyy) + k.yyx * self_sd(p + k.yyx) +
                     k.yxy * self_sd(p + k.yxy) + k.xxx * self_sd(p + k.xxx));
}

float occlusion(vec3 p, vec3 n) {
    float o = 0.0, w = 1.0;
    for (int i = 1; i <= 5; ++i) {
        float h = 0.012 * float(i * i);
        o += w * (h - self_sd(p + n * h));
        w *= 0.6;
    }
    return clamp(1.0 - 5.0 * o, 0.0, 1.0);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution - 0.5;
    vec3 ro = vec3(CENTRE + uv * SPAN, 0.3);
    float t = 0.0;
    float hit = 0.0;
    for (int i = 0; i < 56; ++i) {
        float d = self_sd(ro - vec3(0.0, 0.0, t));
        if (d < 0.0006) { hit = 1.0; break; }
        t += d;
        if (t > 0.65) break;
    }
    if (hit < 0.5) {
        frag_colour = vec4(0.5, 0.5, 0.8, 0.0);     // (b as skin half occluded, so edges blend clean)
        return;
    }
    vec3 p = ro - vec3(0.0, 0.0, t);
    vec3 n = bust_normal(p);
    float ao = occlusion(p, n);
    // rg: the normal's x and y (its z, towards the viewer, is positive); b: the material and
    // the occlusion (hair 0-0.45, skin 0.55-1); a: coverage (filtered, so edges antialias)
    bool is_hair = hair(p) < bust(p);
    frag_colour = vec4(n.xy * 0.5 + 0.5, is_hair ? 0.45 * ao : 0.55 + 0.45 * ao, 1.0);
}
