// The march of a ray through the cloud deck (clouds.glsl), for the two bake passes.
struct CloudHit {
    bool hit;
    float t;          // distance along the ray
    vec3 pos;         // where (world)
    vec3 normal;
    float height;     // 0..1 of the deck
};

CloudHit cloud_march(vec2 p, vec4 view) {
    CloudHit c;
    vec3 rd = cloud_ray(p, view);
    vec3 ro = vec3(0.0, view.y, 0.0);
    c.hit = false;
    c.t = -1.0;
    c.pos = ro;
    c.normal = vec3(0.0, 1.0, 0.0);
    c.height = 0.0;
    if (rd.y > -1e-4) {
        return c;
    }
    // from the plane of the tallest domes down to the deck's floor
    float t0 = (ro.y - CLOUD_TOP) / -rd.y;
    float t1 = min(ro.y / -rd.y, CLOUD_FAR);
    if (t0 > CLOUD_FAR) {
        return c;
    }
    float t = t0, tb = t0;
    bool hit = false;
    // (round 28: the low camera's rays run nearly level over the domes -- a step scaled by
    // 1 / rd.y leapt over their crests and met the far side of a dome: terraces and stairs on
    // the near slopes.  The step is bounded by a slope the domes never exceed, so no crest is
    // skipped; the bake runs once per shot, so the extra steps cost nothing per frame.)
    for (int i = 0; i < 200; i++) {
        vec3 q = ro + rd * t;
        int oct = t < 8.0 ? 5 : (t < 25.0 ? 4 : 3);
        float d = q.y - CLOUD_TOP * cloud_height(q.xz, oct);
        if (d < 0.0) { hit = true; break; }
        tb = t;
        t += max(0.45 * d / max(-rd.y, 0.25), 0.004 * t + 0.01);
        if (t > t1) { t = t1; hit = true; break; }
    }
    // refined between the last two steps
    float lo = tb, hi = t;
    for (int i = 0; i < 6; i++) {
        float m = 0.5 * (lo + hi);
        vec3 q = ro + rd * m;
        if (q.y - CLOUD_TOP * cloud_height(q.xz, 5) < 0.0) hi = m; else lo = m;
    }
    t = hi;
    vec3 q = ro + rd * t;
    // the normal, smoother with distance (no shimmer at the horizon)
    float e = 0.012 + 0.006 * t;
    int oct = t < 8.0 ? 5 : (t < 25.0 ? 4 : 3);
    float h = cloud_height(q.xz, oct);
    float hx = cloud_height(q.xz + vec2(e, 0.0), oct);
    float hz = cloud_height(q.xz + vec2(0.0, e), oct);
    c.hit = hit;
    c.t = t;
    c.pos = q;
    c.normal = normalize(vec3(-(hx - h) * CLOUD_TOP, e, -(hz - h) * CLOUD_TOP));
    c.height = h;
    return c;
}
