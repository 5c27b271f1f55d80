// qs_pool.glsl -- the camera and the pool's signed distance field, shared by the field pass
// (qs_field.frag, half resolution) and the image pass (quicksilver.frag).
// Include-only; needs <visuals/params> before it.

#define MAX_BLOBS 25
uniform vec4 u_blobs[MAX_BLOBS];     // x, z, radius, presence
uniform vec4 u_wobble[MAX_BLOBS];    // rim modes: cos2, sin2, cos3, sin3 (relative)
uniform float u_blob_reach[MAX_BLOBS];  // 1 + the wobble's largest relative swell
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

// The pool: an exponential smooth union of every blob (order-independent), with its
// analytic gradient (the blend of the blobs' gradients by the same weights).  Sites wobble
// (surface-tension modes 2 and 3, u_wobble relative radius terms); beads are plain discs.
// A first, cheap pass (pool_bound_distance) finds a lower bound m of the distances, so the
// sum of exp2((m - d) / k) never overflows and needs one exp2 per blob.
// Lower bound of the pool's distance at p: each blob at its widest (no smooth union).
float pool_bound_distance(vec2 p) {
    float m = 1e3;
    for (int i = 0; i < u_blob_count; ) {      // (exit tested at the end too: shaders/README.md)
        vec4 b = u_blobs[i];
        m = min(m, length(p - b.xy) - b.z * u_blob_reach[i]);
        if (++i >= u_blob_count) {
            break;
        }
    }
    return m;
}

// Distance to the pool's main sites alone (no beads, no union): the shape the floor's light
// falls off from (the main pass), cheap enough for every pixel.
float pool_sites_distance(vec2 p) {
    float m = 1e3;
    for (int i = 0; i < u_site_count; ) {      // (exit tested at the end too: shaders/README.md)
        vec4 b = u_blobs[i];
        m = min(m, length(p - b.xy) - b.z);
        if (++i >= u_site_count) {
            break;
        }
    }
    return m;
}

// m: pool_bound_distance(p).
float pool_field(vec2 p, float k, float m, out vec2 grad) {
    float S = 0.0;
    vec2 G = vec2(0.0);
    float ik = 1.0 / k;
    for (int i = 0; i < u_site_count; ) {
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
        float e = b.w * exp2((m - (rho - b.z * rmod)) * ik);
        S += e;
        G += e * (n - (b.z * drmod / rho) * vec2(-n.y, n.x));
        if (++i >= u_site_count) {
            break;
        }
    }
    for (int i = u_site_count; i < u_blob_count; ) {
        vec4 b = u_blobs[i];
        vec2 dp = p - b.xy;
        float rho = max(length(dp), 1e-5);
        float e = b.w * exp2((m - (rho - b.z)) * ik);
        S += e;
        G += e * (dp / rho);
        if (++i >= u_blob_count) {
            break;
        }
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
    return 0.012 + 0.07 * u_merge * u_merge;
}
