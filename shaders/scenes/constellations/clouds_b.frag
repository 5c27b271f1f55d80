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
    // the city through a gap, far below: (round 28's readers, both: "a flat cyan speckle patch /
    // teal dotted patch looks flat" -- its windows drawn as sparks at the gap's own depth) the
    // city lies a long way down through the night's haze: no window resolves, only the glow of
    // its districts pooled on the haze, soft, brightest deep in the gap and fading up its walls
    float gap = 1.0 - smoothstep(0.02, 0.14, c.height);
    float deep = 1.0 - smoothstep(0.0, 0.09, c.height);
    vec3 rd = cloud_ray(p, u_cloud_view);
    vec3 ro = vec3(0.0, u_cloud_view.y, 0.0);
    vec2 floor_at = (ro + rd * ((ro.y - CITY_Y) / -rd.y)).xz;
    // the districts: broad soft pools of light (low octaves only: no grain, no dots)
    float districts = smoothstep(0.35, 0.85, fbm(floor_at * 0.22, 2));
    float city = gap * deep * (0.010 + 0.05 * districts);
    // (and its light on the cloud round the gap: the walls and the near domes glow from below)
    float halo = 1.0 - smoothstep(0.2, 0.34, cloud_mass(c.pos.xz));
    city += 0.012 * halo * halo * (1.0 - gap) * (1.0 - 0.6 * smoothstep(0.3, 0.9, c.height));
    // (a sealed deck shows no city: its glow through the cloud read as a blotch)
    frag = vec4(c.pos.x, c.pos.z, occ, city * (1.0 - u_cloud_seal));
}
