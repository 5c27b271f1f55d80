#version 330 core
// The floor's stone, baked once per cue (the camera never moves): the city's street, big
// paving slabs of dark slate, each its own shade, with a slow mottling and the joints between
// them (r: the stone's shade, g: the joint, where the moss light glows).  The main pass colours
// and lights it.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
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
    // slabs in running bond: every other row shifted by half a slab
    vec2 sp = p * vec2(1.3, 2.0);
    float row = floor(sp.y);
    sp.x += 0.5 * mod(row, 2.0);
    vec2 cell = floor(sp);
    vec2 e = min(fract(sp), 1.0 - fract(sp)) / vec2(1.3, 2.0);      // world distance to the joint
    float jw = 0.012 + 0.6 * max(fp.x, fp.y);
    float joint = (1.0 - smoothstep(0.0, jw, min(e.x, e.y))) * mix(0.3, 1.0, fade);
    float shade = 0.75 + 0.5 * hashi(ivec2(cell) + 91);
    frag_colour = vec4(n * mix(1.0, shade, fade), joint, 0.0, 1.0);
}
