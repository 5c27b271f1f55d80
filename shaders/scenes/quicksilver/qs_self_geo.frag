#version 330 core
// The self the shard holds (``shot`` 2), baked once when the scene starts: head and shoulders
// modelled as a distance field (round 22: a face that reads -- brow, sockets holding eyes that
// look back out of the mirror, nose, lips, jaw, ears -- in a three-quarter view, and a mass of
// dark hair falling to the nape in strands; neck, shoulders, collarbones, chest), ray-marched
// orthographically into a square G-buffer: the surface normal in the bust's frame (x right, y up,
// z towards the mirror) as its x and y in rg, coverage in a (1 where the ray hit), and in b the
// material with its ambient occlusion, in bands qs_shard.frag decodes:
//   hair 0-0.28 (occlusion) | eye 0.31-0.40 (pupil, iris, white) | the tear's wet track
//   0.43-0.47 (occlusion) | lips 0.5-0.55 (occlusion) | skin 0.56-1 (occlusion)
// (in this order so the filtered blend from lips or hair to skin passes through no other band).
// qs_shard.frag relights it every frame (a candle warm from one side, the cold night from the
// other) on a plane where the mirror's reflected rays land.
#include <visuals/params>

uniform vec2 u_resolution;
out vec4 frag_colour;

const float SPAN = 0.6;              // world units the square bake spans (as SELF_SPAN in qs_shard.frag)
const vec2 CENTRE = vec2(0.0, 0.03); // head and shoulders, the face above the middle
const float YAW = 1.35;              // the head turned to a profile (round 28: qs_shard.frag draws the self as
                                     // a silhouette, which reads by its outline: brow, nose, lips, chin; it was 0.62,
                                     // a three-quarter view, while the face was painted)
const float BOW = 0.07;              // and a little bowed

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

const vec3 EYE = vec3(0.029, 0.124, 0.069);   // the eyes' centres (mirrored in x), head frame
const float EYE_R = 0.0118;

float eyes(vec3 p) {
    return length(vec3(abs(p.x), p.yz) - EYE) - EYE_R;
}

float lips(vec3 p) {
    // (round 33's readers: "melted nose and lips" -- two balls stuck on; now wide, flat
    // crescents: the upper's vermilion a ridge under the philtrum, the lower fuller, set back)
    float upper = ellipsoid(p - vec3(0.0, 0.0695, 0.0895), vec3(0.019, 0.0045, 0.0072));
    float lower = ellipsoid(p - vec3(0.0, 0.0585, 0.086), vec3(0.0165, 0.0058, 0.0078));
    return min(upper, lower);
}

// The head, in its own frame (origin at the top of the neck; x to its left ear, y up, z out of
// the face).  Round 22's readers called the round-21 self "a bald smooth doll": so a face that
// reads in a three-quarter view -- the skull and the narrower face under it, a brow ridge over
// carved sockets holding the eyes, cheekbones, a nose with its wings and nostrils, full lips
// parted by the mouth's line, the jaw's angle down to the chin, the ears.
float head(vec3 p) {
    vec3 q = vec3(abs(p.x), p.yz);
    float d = ellipsoid(p - vec3(0.0, 0.148, -0.022), vec3(0.077, 0.09, 0.094));              // the skull
    d = smin(d, ellipsoid(p - vec3(0.0, 0.102, 0.018), vec3(0.064, 0.088, 0.074)), 0.03);     // the face's mass
    d = smin(d, capsule(q, vec3(0.057, 0.088, -0.01), vec3(0.019, 0.034, 0.052), 0.014), 0.02);  // the jaw to the chin
    d = smin(d, ellipsoid(p - vec3(0.0, 0.034, 0.072), vec3(0.02, 0.017, 0.015)), 0.01);      // the chin (round 33: forward, under the lips' line)
    d = smin(d, capsule(q, vec3(0.006, 0.143, 0.082), vec3(0.046, 0.141, 0.068), 0.010), 0.016); // the brow ridge
    d = smin(d, ellipsoid(p - vec3(0.0, 0.143, 0.085), vec3(0.018, 0.011, 0.008)), 0.008);    // the glabella over the nasion's dip
    d = smin(d, ellipsoid(q - vec3(0.05, 0.109, 0.055), vec3(0.022, 0.015, 0.022)), 0.018);   // cheekbones
    d = smax(d, -ellipsoid(q - vec3(0.029, 0.125, 0.09), vec3(0.019, 0.012, 0.017)), 0.009);  // the sockets
    // the nose (round 33: "melted nose" -- a thin straight bridge from the nasion's dip to a
    // small defined tip, the columella running back under it to the philtrum, small wings)
    d = smin(d, capsule(p, vec3(0.0, 0.13, 0.09), vec3(0.0, 0.097, 0.113), 0.0052), 0.008);   // the nose's bridge
    d = smin(d, ellipsoid(p - vec3(0.0, 0.108, 0.093), vec3(0.0115, 0.024, 0.011)), 0.008);   // its root in the face (no gap beside it)
    d = smin(d, length(p - vec3(0.0, 0.0935, 0.1085)) - 0.0078, 0.006);                       // its tip
    d = smin(d, capsule(p, vec3(0.0, 0.089, 0.107), vec3(0.0, 0.0855, 0.093), 0.003), 0.004); // the columella
    d = smin(d, capsule(p, vec3(0.0, 0.0815, 0.0905), vec3(0.0, 0.072, 0.0965), 0.003), 0.005); // the philtrum's ridge
    d = smin(d, ellipsoid(q - vec3(0.0105, 0.0885, 0.095), vec3(0.0062, 0.0055, 0.0068)), 0.005); // its wings
    d = smax(d, -ellipsoid(q - vec3(0.0075, 0.083, 0.104), vec3(0.0042, 0.0028, 0.005)), 0.003); // nostrils
    d = smin(d, lips(p), 0.007);
    // the lids: a shell over each eye's upper half (and a thinner lower one), so the eyes sit
    // in the face half hidden, not bulging
    vec3 e = q - EYE;
    float lid = max(abs(length(e * vec3(1.0, 1.15, 1.0)) - EYE_R - 0.0012) - 0.0016, -(e.y - 0.0035 + 0.25 * e.x));
    float low = max(abs(length(e) - EYE_R - 0.001) - 0.0012, e.y + 0.0062);
    d = smin(d, min(lid, low), 0.002);
    d = smax(d, -ellipsoid(p - vec3(0.0, 0.064, 0.1), vec3(0.019, 0.0014, 0.0145)), 0.0015);  // the mouth's line
    d = smin(d, ellipsoid(q - vec3(0.076, 0.113, -0.006), vec3(0.01, 0.025, 0.016)), 0.007);  // ears
    return min(d, eyes(p));
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

// The hair: a dark mass over the skull from a hairline above the brow, falling behind the
// ear to the nape, combed into strands (ridges running down from the crown) that catch the rim.
float hair(vec3 p) {
    vec3 q = head_frame(p);
    float cap = ellipsoid(q - vec3(0.0, 0.152, -0.026), vec3(0.088, 0.1, 0.106));
    float fall = ellipsoid(q - vec3(0.0, 0.085, -0.05), vec3(0.09, 0.12, 0.078));
    float mass = smin(cap, fall, 0.03);
    float line = -dot(q - vec3(0.0, 0.198, 0.04), normalize(vec3(0.0, 1.0, -1.3)));   // the hairline
    float temple = -dot(vec3(abs(q.x), q.yz) - vec3(0.07, 0.12, 0.02), normalize(vec3(0.0, 0.5, -1.0)));
    mass = smax(mass, min(line, temple), 0.012);
    float a = atan(q.x, q.z);
    float strands = sin(a * 19.0 + 5.0 * sin(q.y * 24.0 + a * 2.0)) + 0.35 * sin(a * 53.0 + q.y * 31.0);
    // (round 32's readers at 171.5 s: "a hard disc edge behind the skull" -- the fall behind
    // was one smooth egg, its outline a ruled curve: it falls in locks, waving its outline,
    // heavier at the nape)
    float back = smoothstep(0.02, -0.05, q.z);
    float locks = sin(a * 5.0 + q.y * 26.0) * 0.65 + sin(q.y * 53.0 - a * 4.0) * 0.35;
    return mass + 0.0009 * strands + back * 0.011 * locks;   // (round 24: a soft mass, not combed ridges; qs_shard.frag lights a few strands)
}

float self_sd(vec3 p) {
    return min(bust(p), hair(p));
}

vec3 bust_normal(vec3 p) {
    const vec2 k = vec2(1.0, -1.0) * 0.0006;
    return normalize(k.xyy * self_sd(p + k.xyy) + k.yyx * self_sd(p + k.yyx) +
                     k.yxy * self_sd(p + k.yxy) + k.xxx * self_sd(p + k.xxx));
}

float occlusion(vec3 p, vec3 n) {
    float o = 0.0, w = 1.0;
    for (int i = 1; i <= 5; ++i) {
        float h = 0.01 * float(i * i);
        o += w * (h - self_sd(p + n * h));
        w *= 0.6;
    }
    return clamp(1.0 - 5.0 * o, 0.0, 1.0);
}

// The eye's part where p lies on it: 0 the pupil, 0.5 the iris, 1 the white.  The eyes look
// straight out of the mirror, back at the dreamer looking in.
float eye_part(vec3 q) {
    vec3 e = vec3(abs(q.x), q.yz) - EYE;
    vec3 gaze = normalize(vec3(sin(YAW) * (q.x < 0.0 ? -1.0 : 1.0), -0.05, cos(YAW)));   // (into the |x| frame)
    float c = dot(normalize(e), gaze);
    return c > 0.95 ? 0.0 : (c > 0.8 ? 0.5 : 1.0);
}

// The tear's wet track down the cheek: from under the near eye's inner corner, wandering down
// over the cheekbone towards the jaw (head frame, the near side x > 0).
float tear_track(vec3 q) {
    float y = clamp((0.116 - q.y) / 0.062, 0.0, 1.0);
    float x = 0.024 + 0.012 * y + 0.003 * sin(y * 9.0);
    float w = mix(0.0016, 0.0028, y);
    return step(0.0, q.y - 0.05) * step(q.y, 0.117) * (1.0 - smoothstep(w * 0.6, w, abs(q.x - x))) * step(0.05, q.z);
}

// One orthographic ray through the bake at uv (the square's centre 0): whether it hits, how far
// it ran (t) and the nearest it passed the self (dmin, for the edge test below).
bool march(vec2 uv, out vec3 ro, out float t, out float dmin) {
    ro = vec3(CENTRE + uv * SPAN, 0.3);
    t = 0.0;
    dmin = 1e3;
    for (int i = 0; i < 96; ++i) {                  // (short steps: the strands bend the field)
        float d = self_sd(ro - vec3(0.0, 0.0, t));
        dmin = min(dmin, d);
        if (d < 0.0006) return true;
        t += 0.75 * d;
        if (t > 0.65) break;
    }
    return false;
}

// The texel's coverage, 4x4 rays across it (round 29b: the bake is magnified ~2x in the shard,
// and a coverage of 0 or 1 per texel showed the hair's outline as stair steps).
float coverage(vec2 uv) {
    vec2 texel = 1.0 / u_resolution;
    float n = 0.0;
    for (int j = 0; j < 4; ++j) {
        for (int i = 0; i < 4; ++i) {
            vec3 ro; float t, dmin;
            n += march(uv + (vec2(i, j) - 1.5) * 0.25 * texel, ro, t, dmin) ? 1.0 : 0.0;
        }
    }
    return n / 16.0;
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution - 0.5;
    vec3 ro; float t, dmin;
    bool hit = march(uv, ro, t, dmin);
    // only texels at the outline are sampled finely: a miss that passed within ~2 texels of the
    // self, or a hit where the surface turns away (interior hits face the mirror, n.z high)
    float near_edge = 2.0 * SPAN / u_resolution.x;
    if (!hit) {
        float cov = dmin < near_edge ? coverage(uv) : 0.0;
        frag_colour = vec4(0.5, 0.5, 0.8, cov);     // (b as skin half occluded, so edges blend clean)
        return;
    }
    vec3 p = ro - vec3(0.0, 0.0, t);
    vec3 n = bust_normal(p);
    float cov = n.z < 0.6 ? coverage(uv) : 1.0;
    float ao = occlusion(p, n);
    vec3 q = head_frame(p);
    float b;
    if (hair(p) < bust(p)) b = 0.28 * ao;
    else if (eyes(q) < 0.0015) b = 0.31 + 0.09 * eye_part(q);
    else if (tear_track(q) > 0.5) b = 0.43 + 0.04 * ao;
    else if (lips(q) < 0.002) b = 0.5 + 0.05 * ao;
    else b = 0.56 + 0.44 * ao;
    frag_colour = vec4(n.xy * 0.5 + 0.5, b, max(cov, 0.25));   // (a hit keeps some coverage: the ray at its centre found it)
}
