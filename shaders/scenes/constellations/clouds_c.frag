#version 330 core
// The sea of cloud's third bake (round 32: speed): what the composite used to gather from
// many fetches of the bake every frame, though it never changes within a shot -- the nearest
// domes' softened normal (the lens's depth of field), the silver lining over a dome's crest
// (cloud_rim: five fetches above) with its static wisps, and the frayed skin over a near
// dome's silhouette (cloud_fringe: three fetches below).  Baked once per camera from
// clouds_a and clouds_b; the composite (clouds_light.glsl) reads it with one fetch.
#include "clouds.glsl"

uniform sampler2D u_clouds_a;
uniform sampler2D u_clouds_b;
uniform vec2 u_resolution;
out vec4 frag;

#include "clouds_rim.glsl"

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec4 ga = texture(u_clouds_a, uv);
    vec4 gb = texture(u_clouds_b, uv);
    float t = ga.w;
    if (ga.z < 0.0) {
        frag = vec4(0.0);
        return;
    }
    // the nearest domes lie inside the lens's depth of field: their body's normal read a
    // little wider, softer the nearer (round 31's lead: "lumpy mounds, a duvet")
    float dof = 1.0 - smoothstep(1.5, 6.0, t);
    vec2 duv = vec2(1.0) / vec2(textureSize(u_clouds_a, 0)) * (1.0 + 3.0 * dof);
    vec2 nb = texture(u_clouds_a, uv + vec2(duv.x, 0.0)).xy + texture(u_clouds_a, uv - vec2(0.0, duv.y)).xy;
    vec2 nxy = mix(ga.xy, 0.5 * nb, 0.7 * dof);
    float rim = cloud_rim(uv, t);
    // (far off the crests are finer than the bake: the rims fade into the haze, no dotted line)
    rim *= 1.0 - smoothstep(14.0, 40.0, t);
    // (round 28's lead: the lining an even band of "icing" on every dome) the skin is thinner in
    // some places than others: the light through it comes and goes along the crest, in wisps
    rim *= clamp(0.45 + 0.9 * (0.5 + 0.5 * snoise(gb.xy * vec2(2.6, 1.4))), 0.0, 1.3);
    // (the skin's light frays in fine wisps along the crest: no even band of icing)
    rim *= 0.55 + 0.9 * fbm(gb.xy * vec2(5.5, 3.0), 3);
    frag = vec4(nxy, rim, cloud_fringe(uv, t));
}
