#version 330 core
// The ascent, pass 2 (added over pass 1): the light the figure comes apart into -- the
// burning seam of its front, the motes streaming up, the column rising into the curtains --
// and that light mirrored, dimmer and broken, in the water.  Encoded as the picture is (the
// last pass's output is display-referred): a light's sRGB value added.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "camera.glsl"
#include "ascent.glsl"
out vec4 frag_colour;

void main() {
    vec2 p = view_point(gl_FragCoord.xy, u_resolution);
    vec2 u = asc_local(p);
    float wet = step(u.y, 0.0);
    // (its image in the water softer: thrown further sideways by each ripple row)
    vec2 m = vec2(u.x + wet * 0.03 * sin(u.y * 90.0 + 2.0 * u_time) * smoothstep(0.0, -0.1, u.y), abs(u.y));
    float d = asc_body(m);
    float px = 1.5 / (u_resolution.y * u_ascent_at.z);
    vec3 light = asc_light(m, d, asc_gone(m), asc_normal(m, d, px), px) * mix(1.0, 0.4, wet);
    // a pool of its light on the water round its feet
    light += vec3(0.3, 0.8, 0.7) * 0.12 * exp(-dot(u * vec2(2.2, 9.0), u * vec2(2.2, 9.0))) * wet;
    // (faded off before the quad's edges, so no line marks its bounds; and in with `ascent`)
    light *= smoothstep(0.6, 0.4, abs(u.x)) * smoothstep(0.0, 0.08, u_ascent);
    frag_colour = vec4(light, 1.0);
}
