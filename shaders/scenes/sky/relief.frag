#version 330 core
// The relief's march (lib/land.glsl), baked once: for every texel of the land frame's panorama
// the distance along its ray to the land or the lake's floor (km), the height there, and 1
// where it hit (0: the sky).  relief_a / relief_b turn it into the G-buffer the sky relights.
#include "../../lib/land.glsl"

uniform vec2 u_resolution;
uniform float u_relief_u0;
uniform vec3 u_relief_view;   // the view: lens, eye (km), bearing (lib/land.glsl relief_ray)    // the land frame's first column the bake holds (scenes/sky.py)
out vec4 frag;

void main() {
    vec2 f = relief_frame_point(gl_FragCoord.xy / u_resolution, u_relief_u0);
    vec3 rd = relief_ray(f, u_relief_view);
    vec3 ro = vec3(0.0, u_relief_view.y, 0.0);
    // (below the horizon the water floor ends every ray: march no farther than it)
    float tmax = rd.y < -1e-4 ? min(-ro.y / rd.y, RELIEF_FAR) : RELIEF_FAR;
    // (rays steeper than the tallest range's angle can never hit: a block of sky exits at once)
    float t = rd.y > 0.3 ? tmax : 0.05;
    float hit = 0.0;
    float h = 1.0;
    bool sky = rd.y > 0.3;
    float t_before = t;
    for (int i = 0; i < 260; i++) {
        vec3 p = ro + rd * t;
        h = p.y - relief_floor(p.xz, 6);
        hit = h < 0.0008 * t + 0.0012 * max(t - 6.0, 0.0) ? 1.0 : 0.0;
        // (above the tallest land and climbing: it can only reach the sky)
        sky = (t >= tmax && rd.y >= -1e-4) || (rd.y > 0.0 && p.y > 3.2);
        if (hit > 0.5 || sky || t >= tmax) {
            break;
        }
        t_before = t;
        t = min(t + max(0.3 * h, 0.0012 * t), tmax);
    }
    // (the hit refined between the last two steps: a march that stops anywhere within its
    // tolerance lays neighbouring rows at different depths, and their normals hatch the faces)
    if (hit > 0.5) {
        float lo = t_before;
        float hi = t;
        for (int k = 0; k < 6; k++) {
            float mid = 0.5 * (lo + hi);
            vec3 q = ro + rd * mid;
            if (q.y - relief_floor(q.xz, 6) > 0.0) lo = mid; else hi = mid;
        }
        t = hi;
    }
    // (a ray that ran out of steps was still creeping along the land -- grazing a crest, on
    // its way to the ranges behind: it lies on it; only a ray that left for the sky saw the sky
    // -- counted sky, such rays drew threads of sky along the foot of every hill)
    hit = sky ? hit : 1.0;
    hit = max(hit, rd.y < -1e-4 ? 1.0 : 0.0);
    t = min(t, tmax);
    vec3 p = ro + rd * t;
    frag = vec4(t, max(p.y, 0.0), hit, 1.0);
}
