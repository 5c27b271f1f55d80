// cloud.glsl -- the cloud shot of the Resonance (the scene's `cloud`): "a vast, humming cloud
// of shared memory that drifts above the city like a sentient aurora".  The eye hangs between
// the two: overhead the cloud's underside, a ceiling of billows glowing from within in the
// aurora's colours, curtains of light hanging from it; far below the city's floor, thousands
// of small lights, a few dark glass towers rising toward the cloud.
//
// Include-only, after <visuals/params>, common.glsl, hash.glsl, colour.glsl, noise.glsl.
// World units: the city's floor is y = CLD_FLOOR, far below the eye at CLD_EYE; the cloud's base hangs between
// CLD_LO (its lowest bellies) and CLD_HI (its deepest recesses).  Its base is a height field
// baked once (cloud_map.frag) over [-CLD_W, CLD_W]^2 and drifted by the flow.

uniform float u_cld_drift;       // how far the cloud has drifted (scene: flow-time based)
uniform float u_cld_pitch;       // the eye's tilt up (scene: cloud_pitch, from the horizon param)

const float CLD_EYE = 10.0;
const float CLD_FLOOR = -42.0;   // the city's floor, far below the eye
const float CLD_LO = 15.0;
const float CLD_HI = 36.0;
const float CLD_W = 320.0;
const float CLD_FAR = 420.0;
const float CLD_LENS = 1.25;

vec3 cld_eye() {
    return vec3(0.0, CLD_EYE, 0.0);
}

vec3 cld_ray(vec2 p) {
    float c = cos(u_cld_pitch), s = sin(u_cld_pitch);
    vec3 f = vec3(0.0, s, c);
    vec3 u = vec3(0.0, c, -s);
    return normalize(f + CLD_LENS * (p.x * vec3(1.0, 0.0, 0.0) + p.y * u));
}

// Screen point (centered units) of a world point; z: its depth along the view.
vec3 cld_project(vec3 x) {
    float c = cos(u_cld_pitch), s = sin(u_cld_pitch);
    vec3 q = x - cld_eye();
    float z = q.y * s + q.z * c;
    float y = q.y * c - q.z * s;
    return vec3(vec2(q.x, y) / max(z, 0.05) / CLD_LENS, z);
}

// The baked map's texture coordinate of a point on the ground plane, the cloud drifted.
vec2 cld_uv(vec2 xz) {
    return (xz + vec2(0.35, -1.0) * u_cld_drift) / (2.0 * CLD_W) + 0.5;
}

// The base's height at xz (map.r: 1 = a belly hanging low).
float cld_base(sampler2D map, vec2 xz, float lod) {
    return mix(CLD_HI, CLD_LO, textureLod(map, cld_uv(xz), lod).r);
}

// The map's level of detail for a ray at distance t whose pixels span `pix` radians, met at
// slope dy (the ceiling foreshortened): one texel a pixel, so the far billows never shimmer.
float cld_lod(float t, float pix, float dy) {
    return log2(max(t * pix / max(abs(dy), 0.04) / (2.0 * CLD_W / 1024.0), 1.0));
}

// The shot's last step, shared by its passes: a soft vignette, the tone curve, sRGB, dither.
vec3 cld_finish(vec3 col, vec2 p, vec2 frag, int frame) {
    col *= 1.0 - 0.25 * dot(p * vec2(0.6, 1.0), p * vec2(0.6, 1.0));
    col = tonemap_aces(col * 0.95);
    col = linear_to_srgb(col);
    return dither8(saturate(col), frag, frame);
}
