#version 330 core
// The floor's stone, baked once per cue (the camera never moves): a slow mottling of the
// dark slate, seen from the camera.  The main pass colours and lights it.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "qs_pool.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, centered_uv(gl_FragCoord.xy, u_resolution));
    vec2 p = (cam.pos + rd * (-cam.pos.y / rd.y)).xz;
    // average the mottling over the pixel's footprint far away, where it would alias
    vec2 fp = fwidth(p);
    float fade = smoothstep(0.6, 0.1, max(fp.x, fp.y));
    float n = mix(0.5, fbm(p * 1.6 + 5.0, 3), fade);
    frag_colour = vec4(vec3(n), 1.0);
}
