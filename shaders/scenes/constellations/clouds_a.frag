#version 330 core
// The sea of cloud's march (clouds.glsl), baked once per camera: for every texel of the bake
// the cloud top the ray meets -- its normal (x, z), its height in the deck (0..1; the gaps
// lowest; -1: the sky, no cloud) and its distance.
#include "clouds.glsl"

uniform vec2 u_resolution;
uniform vec4 u_cloud_view;
out vec4 frag;

// (the march and the normal: in a function, as clouds_b.frag marches the same rays)
#include "clouds_march.glsl"

void main() {
    vec2 p = cloud_point(gl_FragCoord.xy / u_resolution, u_cloud_view);
    CloudHit c = cloud_march(p, u_cloud_view);
    // (round 28: a ray that meets no cloud holds a height of -1 and a distance beyond the deck's
    // last, so the filtered texels at the deck's far edge blend far into far -- fogged into the
    // air -- never into a near, unfogged distance: a dark line along the horizon)
    frag = c.hit ? vec4(c.normal.x, c.normal.z, c.height, c.t) : vec4(0.0, 0.0, -1.0, 2.0 * CLOUD_FAR);
}
