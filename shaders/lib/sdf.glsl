// sdf.glsl -- signed distance primitives, combinators and analytic ray intersectors.
//
// Include-only (no #version, no main). GLSL 330 core.
// Conventions: negative inside, positive outside; shapes centred at the origin in
// their local frame (translate/rotate p before calling). "half_size" = half extents.
// Intersectors: ray origin in the shape's local frame, rd need not be normalised
// (t is in units of |rd|); they return -1.0 (or vec2(-1.0)) on a miss and never NaN.

// ---------------------------------------------------------------- 2D primitives

// Circle of radius r.
float sd_circle(vec2 p, float r) {
    return length(p) - r;
}

// Axis-aligned rectangle with half extents b.
float sd_box2(vec2 p, vec2 b) {
    vec2 d = abs(p) - b;
    return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

// Unsigned distance to the segment a-b (subtract a radius for a stroke).
float sd_segment(vec2 p, vec2 a, vec2 b) {
    vec2 pa = p - a;
    vec2 ba = b - a;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-20), 0.0, 1.0);
    return length(pa - ba * h);
}

// Exact unsigned distance to the quadratic Bezier a-b-c (b = control point).
// Solves the cubic d/dt |B(t)-p|^2 = 0 in closed form (Cardano / trigonometric),
// clamps roots to [0,1]. Falls back to the segment a-c when the curve is straight.
float sd_bezier(vec2 p, vec2 a, vec2 b, vec2 c) {
    vec2 e = b - a;              // B(t) = a + 2t e + t^2 f
    vec2 f = a - 2.0 * b + c;
    vec2 q = a - p;
    float ff = dot(f, f);
    vec2 ac = c - a;
    // Straight (or nearly): the chord is within |f|/4 of the curve.
    if (ff < 1e-8 * dot(ac, ac) + 1e-20) {
        return sd_segment(p, a, c);
    }
    // t^3 + 3 kx t^2 + 3 ky t + kz = 0
    float kk = 1.0 / ff;
    float kx = kk * dot(e, f);
    float ky = kk * (2.0 * dot(e, e) + dot(q, f)) / 3.0;
    float kz = kk * dot(q, e);
    // Depressed cubic in x = t + kx:  x^3 + 3 pp x + qq = 0
    float pp = ky - kx * kx;
    float qq = kx * (2.0 * kx * kx - 3.0 * ky) + kz;
    float h = qq * qq + 4.0 * pp * pp * pp;
    float res;
    if (h >= 0.0) {
        // One real root.
        h = sqrt(h);
        vec2 x = (vec2(h, -h) - qq) * 0.5;
        vec2 uv = sign(x) * pow(abs(x), vec2(1.0 / 3.0));
        float t = clamp(uv.x + uv.y - kx, 0.0, 1.0);
        vec2 d = q + (2.0 * e + f * t) * t;
        res = dot(d, d);
    } else {
        // Three real roots; the middle one is a maximum, so test the outer two.
        float z = sqrt(-pp);
        float v = acos(clamp(qq / (pp * z * 2.0), -1.0, 1.0)) / 3.0;
        float m = cos(v);
        float n = sin(v) * 1.7320508;
        vec2 t = clamp(vec2(m + m, -n - m) * z - kx, 0.0, 1.0);
        vec2 d0 = q + (2.0 * e + f * t.x) * t.x;
        vec2 d1 = q + (2.0 * e + f * t.y) * t.y;
        res = min(dot(d0, d0), dot(d1, d1));
    }
    return sqrt(res);
}

// Arc of radius ra and stroke half-thickness rb, symmetric about +y.
// sc = vec2(sin, cos) of the half aperture (pass it precomputed, e.g. from a uniform).
float sd_arc(vec2 p, vec2 sc, float ra, float rb) {
    p.x = abs(p.x);
    return ((sc.y * p.x > sc.x * p.y) ? length(p - sc * ra)
                                      : abs(length(p) - ra)) - rb;
}

// ---------------------------------------------------------------- 3D primitives

// Sphere of radius r.
float sd_sphere(vec3 p, float r) {
    return length(p) - r;
}

// Axis-aligned box with half extents b.
float sd_box(vec3 p, vec3 b) {
    vec3 d = abs(p) - b;
    return length(max(d, 0.0)) + min(max(d.x, max(d.y, d.z)), 0.0);
}

// Box with half extents b (outer size) and edges rounded by radius r.
float sd_round_box(vec3 p, vec3 b, float r) {
    vec3 d = abs(p) - b + r;
    return length(max(d, 0.0)) + min(max(d.x, max(d.y, d.z)), 0.0) - r;
}

// Capped cylinder along y: radius r, half height h.
float sd_cylinder(vec3 p, float h, float r) {
    vec2 d = abs(vec2(length(p.xz), p.y)) - vec2(r, h);
    return min(max(d.x, d.y), 0.0) + length(max(d, 0.0));
}

// Capsule (rounded segment) from a to b with radius r.
float sd_capsule(vec3 p, vec3 a, vec3 b, float r) {
    vec3 pa = p - a;
    vec3 ba = b - a;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-20), 0.0, 1.0);
    return length(pa - ba * h) - r;
}

// Plane dot(p, n) + h = 0 with unit normal n (positive on the normal's side).
float sd_plane(vec3 p, vec3 n, float h) {
    return dot(p, n) + h;
}

// Torus in the xz plane: t.x = major radius, t.y = tube radius.
float sd_torus(vec3 p, vec2 t) {
    vec2 q = vec2(length(p.xz) - t.x, p.y);
    return length(q) - t.y;
}

// ---------------------------------------------------------------- operators

// Union of two distances.
float op_union(float a, float b) {
    return min(a, b);
}

// Subtraction: shape a with shape b carved out (a minus b).
float op_sub(float a, float b) {
    return max(a, -b);
}

// Intersection of two distances.
float op_intersect(float a, float b) {
    return max(a, b);
}

// Polynomial (quadratic) smooth minimum; k = blend width in distance units.
// Cheap, but not associative: blend order matters for 3+ shapes.
float smin(float a, float b, float k) {
    k = max(k, 1e-6);
    float h = max(k - abs(a - b), 0.0) / k;
    return min(a, b) - h * h * k * 0.25;
}

// Exponential smooth minimum; k = blend width. Order-independent (metaballs).
// Written relative to min(a,b) so exp2 never overflows.
float smin_exp(float a, float b, float k) {
    k = max(k, 1e-6);
    float m = min(a, b);
    return m - k * log2(exp2((m - a) / k) + exp2((m - b) / k));
}

// Polynomial smooth maximum (smooth intersection / carving).
float smax(float a, float b, float k) {
    return -smin(-a, -b, k);
}

// Rounds a shape by r (grows it outward, rounding convex edges).
float op_round(float d, float r) {
    return d - r;
}

// Hollow shell of the surface with half-thickness t.
float op_onion(float d, float t) {
    return abs(d) - t;
}

// Infinite repetition: maps p into the cell of size `spacing` centred on the origin.
vec3 op_repeat(vec3 p, vec3 spacing) {
    return p - spacing * round(p / spacing);
}

// Infinite repetition in 2D.
vec2 op_repeat(vec2 p, vec2 spacing) {
    return p - spacing * round(p / spacing);
}

// ---------------------------------------------------------------- intersectors

// Replaces ray direction components with |c| < 1e-8 by +-1e-8 (sign kept, 0 -> +)
// so that 1/rd stays finite and 0*inf can not produce NaN.
vec3 sdf_safe_dir(vec3 rd) {
    const float EPS = 1e-8;
    vec3 s = mix(vec3(-1.0), vec3(1.0), step(0.0, rd));
    return mix(rd, s * EPS, lessThan(abs(rd), vec3(EPS)));
}

// Ray vs axis-aligned box centred at the origin with half extents half_size (slab test).
// Returns vec2(t_near, t_far); vec2(-1.0) on a miss or when the box is behind the ray.
// If the origin is inside, t_near < 0 and t_far is the exit. `normal` is the outward
// normal of the entry face (see ray_box_exit_normal for the exit face).
// Thickness for Beer-Lambert absorption is t_far - max(t_near, 0).
vec2 ray_box(vec3 ro, vec3 rd, vec3 half_size, out vec3 normal) {
    vec3 d = sdf_safe_dir(rd);
    vec3 m = 1.0 / d;
    vec3 n = m * ro;
    vec3 k = abs(m) * half_size;
    vec3 t1 = -n - k;
    vec3 t2 = -n + k;
    float tn = max(max(t1.x, t1.y), t1.z);
    float tf = min(min(t2.x, t2.y), t2.z);
    if (tn > tf || tf < 0.0) {
        normal = vec3(0.0);
        return vec2(-1.0);
    }
    // The entry face is the slab whose near t is largest (first match wins on ties).
    vec3 sel = (t1.x >= t1.y && t1.x >= t1.z) ? vec3(1.0, 0.0, 0.0)
             : ((t1.y >= t1.z) ? vec3(0.0, 1.0, 0.0) : vec3(0.0, 0.0, 1.0));
    normal = -sign(d) * sel;
    return vec2(tn, tf);
}

// Outward normal of the face where the ray leaves the box (for the exit refraction).
// Only meaningful when ray_box reported a hit.
vec3 ray_box_exit_normal(vec3 ro, vec3 rd, vec3 half_size) {
    vec3 d = sdf_safe_dir(rd);
    vec3 m = 1.0 / d;
    vec3 t2 = -m * ro + abs(m) * half_size;
    vec3 sel = (t2.x <= t2.y && t2.x <= t2.z) ? vec3(1.0, 0.0, 0.0)
             : ((t2.y <= t2.z) ? vec3(0.0, 1.0, 0.0) : vec3(0.0, 0.0, 1.0));
    return sign(d) * sel;
}

// Ray vs sphere (centre, radius): nearest t >= 0, the exit t if the origin is inside,
// -1.0 on a miss.
float ray_sphere(vec3 ro, vec3 rd, vec3 centre, float radius) {
    vec3 oc = ro - centre;
    float a = dot(rd, rd);
    if (a < 1e-30) {
        return -1.0;
    }
    float b = dot(oc, rd);
    float c = dot(oc, oc) - radius * radius;
    float h = b * b - a * c;
    if (h < 0.0) {
        return -1.0;
    }
    h = sqrt(h);
    float t = (-b - h) / a;
    if (t < 0.0) {
        t = (-b + h) / a;
    }
    return t >= 0.0 ? t : -1.0;
}

// Ray vs plane dot(p, n) + h = 0 (same convention as sd_plane): t >= 0 or -1.0 when the
// ray is parallel or the plane is behind.
float ray_plane(vec3 ro, vec3 rd, vec3 n, float h) {
    float denom = dot(rd, n);
    if (abs(denom) < 1e-8) {
        return -1.0;
    }
    float t = -(dot(ro, n) + h) / denom;
    return t >= 0.0 ? t : -1.0;
}
