// qs_pool.glsl -- the camera and the pool's signed distance field, shared by the field pass
// (qs_field.frag, half resolution) and the image pass (quicksilver.frag).
// Include-only; needs <visuals/params> before it.

#define MAX_BLOBS 33
uniform vec4 u_blobs[MAX_BLOBS];     // x, z, radius, presence
uniform vec4 u_wobble[MAX_BLOBS];    // rim modes: cos2, sin2, cos3, sin3 (relative)
uniform int u_site_count;            // the first blobs carry a wobble, the rest are beads
uniform int u_blob_count;
uniform vec3 u_pool_bound;           // a circle (x, z, radius) holding every blob
uniform vec3 u_cam_pos;
uniform vec3 u_cam_target;
uniform float u_cam_focal;

// ---------------------------------------------------------------- camera

struct Camera {
    vec3 pos;
    vec3 fwd;
    vec3 right;
    vec3 up;
};

Camera qs_camera() {
    Camera c;
    c.pos = u_cam_pos;
    c.fwd = normalize(u_cam_target - u_cam_pos);
    c.right = normalize(cross(vec3(0.0, 1.0, 0.0), c.fwd));
    c.up = cross(c.fwd, c.right);
    return c;
}

// The ray through a point of centred coordinates (y in -0.5..0.5), aimed at least slightly
// downwards so it always meets the floor.
vec3 qs_ray(Camera c, vec2 uv) {
    vec3 rd = normalize(c.fwd * u_cam_focal + c.right * uv.x + c.up * uv.y);
    rd.y = min(rd.y, -1e-3);
    return normalize(rd);
}

// Where a floor point (x, z) appears, in 0..1 texture coordinates of a target of aspect a.
vec2 qs_project(Camera c, vec2 p, float aspect) {
    vec3 rel = vec3(p.x, 0.0, p.y) - c.pos;
    float z = max(dot(rel, c.fwd), 1e-3);
    vec2 uv = vec2(dot(rel, c.right), dot(rel, c.up)) * (u_cam_focal / z);
    return vec2(uv.x / aspect + 0.5, uv.y + 0.5);
}

// ---------------------------------------------------------------- the pool's field

// One blob into a running exponential smooth union (log-sum-exp kept relative to the
// running minimum m, so exp2 never overflows).  The union's gradient is the blend of the
// blobs' gradients with the same weights.
void smin_add(float d, vec2 g, float presence, float k, inout float m, inout float S, inout vec2 G) {
    float m2 = min(m, d);
    float e = presence * exp2((m2 - d) / k);
    float sc = exp2((m2 - m) / k);
    S = S * sc + e;
    G = G * sc + e * g;
    m = m2;
}

// The pool: an exponential smooth union of every blob (order-independent), with its
// analytic gradient.  Sites wobble (surface-tension modes 2 and 3); beads are plain discs.
float pool_field(vec2 p, float k, out vec2 grad) {
    float m = 1e3;
    float S = 0.0;
    vec2 G = vec2(0.0);
    for (int i = 0; i < u_site_count; ++i) {
        vec4 b = u_blobs[i];
        vec4 w = u_wobble[i];
        vec2 dp = p - b.xy;
        float rho = max(length(dp), 1e-5);
        vec2 n = dp / rho;
        float c2 = n.x * n.x - n.y * n.y;
        float s2 = 2.0 * n.x * n.y;
        float c3 = n.x * (4.0 * n.x * n.x - 3.0);
        float s3 = n.y * (3.0 - 4.0 * n.y * n.y);
        float rmod = 1.0 + w.x * c2 + w.y * s2 + w.z * c3 + w.w * s3;
        float drmod = -2.0 * w.x * s2 + 2.0 * w.y * c2 - 3.0 * w.z * s3 + 3.0 * w.w * c3;
        smin_add(rho - b.z * rmod, n - (b.z * drmod / rho) * vec2(-n.y, n.x), b.w, k, m, S, G);
    }
    for (int i = u_site_count; i < u_blob_count; ++i) {
        vec4 b = u_blobs[i];
        vec2 dp = p - b.xy;
        float rho = max(length(dp), 1e-5);
        smin_add(rho - b.z, dp / rho, b.w, k, m, S, G);
    }
    S = max(S, 1e-30);
    grad = G / S;
    return m - k * log2(S);
}

// Distance from the circle holding every blob: the field is only evaluated inside it.
float pool_bound(vec2 p) {
    return length(p - u_pool_bound.xy) - u_pool_bound.z;
}

// The field's smooth-union width from the `merge` parameter.
float pool_k() {
    return 0.012 + 0.16 * u_merge * u_merge;
}
