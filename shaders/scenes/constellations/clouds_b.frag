#version 330 core
// The sea of cloud's second half of the bake: where the ray met the deck (world x, z: the mist
// and the drift are laid in them), how deep the point sits among its neighbours (the troughs'
// occlusion) and the glass city's light coming up through a gap (clouds.glsl).
#include "clouds.glsl"
#include <lib/hash.glsl>

uniform vec2 u_resolution;
uniform vec4 u_cloud_view;
out vec4 frag;

#include "clouds_march.glsl"

void main() {
    vec2 p = cloud_point(gl_FragCoord.xy / u_resolution, u_cloud_view);
    CloudHit c = cloud_march(p, u_cloud_view);
    if (!c.hit) {
        frag = vec4(0.0);
        return;
    }
    // occlusion: how far this point lies below the deck's mean round it (a trough is dark)
    float around = 0.0;
    float r = 0.35;
    for (int i = 0; i < 6; i++) {
        float a = float(i) * 1.0472;
        around += cloud_height(c.pos.xz + r * vec2(cos(a), sin(a)), 3);
    }
    around /= 6.0;
    float occ = clamp(0.5 + 2.2 * (c.height - around), 0.0, 1.0);
    // the city through a gap: where the deck thins to its floor, the ray goes on down to the
    // city's floor, a field of emerald-cyan windows and the glow of its glass
    float gap = 1.0 - smoothstep(0.02, 0.14, c.height);
    vec3 rd = cloud_ray(p, u_cloud_view);
    vec3 ro = vec3(0.0, u_cloud_view.y, 0.0);
    vec2 floor_at = (ro + rd * ((ro.y - CITY_Y) / -rd.y)).xz;
    vec2 cell = floor(floor_at * 6.0);
    vec2 f = fract(floor_at * 6.0) - 0.5;
    float lights = 0.0;
    vec2 j = hash22(cell) - 0.5;
    float on = step(0.35, hash12(cell + 17.3));
    lights = on * exp(-dot(f - 0.6 * j, f - 0.6 * j) * 90.0);
    // (round 27: "an odd teal patch" -- the gap filled with a flat even glow: now the city
    // lies dark far below, its windows sparks in it, the glow only round the brightest)
    float city = gap * (0.004 + 1.2 * lights) * (0.3 + 1.0 * fbm(floor_at * 0.7, 2));
    // (and its light on the cloud round the gap: the walls and the near domes glow from below)
    float halo = 1.0 - smoothstep(0.2, 0.34, cloud_mass(c.pos.xz));
    city += 0.012 * halo * halo * (1.0 - gap) * (1.0 - 0.6 * smoothstep(0.3, 0.9, c.height));
    frag = vec4(c.pos.x, c.pos.z, occ, city);
}
