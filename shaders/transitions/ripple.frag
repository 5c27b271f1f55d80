#version 330 core
// Ripple dissolve: a drop falls into liquid glass.  A damped ring wave spreads from `centre`,
// the next scene appears where the wave has passed, and both images are refracted by the
// ripples (a UV offset along the wave's slope), which catch a little light on their crests.
//
// Geometry, in frame heights: the front is at radius F = mix(-W, Rmax + W, progress), where
// Rmax is the distance from the centre to the farthest corner, so at progress 0 no pixel is
// behind the front and at 1 every pixel is at least W behind it: the reveal mask is exactly
// 0 and 1 at the ends.  Refraction, sheen and the front's rim are scaled by an envelope that
// is exactly 0 at both ends, so progress 0 is u_from and 1 is u_to, bit for bit.
//
// transition_params (all optional; 0 or absent means the default):
//   centre   vec2   where the drop falls, in 0..1 of the frame from the bottom left, like
//                   touches (default (0.5, 0.5), the middle)
//   rings    float  ripples trailing the front (default 4)
//   strength float  refraction strength (default 1)
#include "../lib/common.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform vec2 u_centre;
uniform float u_rings;
uniform float u_strength;
out vec4 frag_colour;

const float W = 0.05;          // width of the reveal edge
const float WAVELENGTH = 0.06;

// The image at this pixel moved by `offset` (frame heights); an exact fetch when unmoved.
vec4 fetch(sampler2D tex, vec2 offset) {
    if (offset == vec2(0.0)) {
        return texelFetch(tex, ivec2(gl_FragCoord.xy), 0);
    }
    vec2 uv = (gl_FragCoord.xy + offset * u_resolution.y) / u_resolution;
    return texture(tex, clamp(uv, vec2(0.0), vec2(1.0)));
}

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    float rings = u_rings > 0.0 ? u_rings : 4.0;
    float strength = u_strength > 0.0 ? u_strength : 1.0;
    vec2 aspect = vec2(u_resolution.x / u_resolution.y, 1.0);
    vec2 centre = (u_centre == vec2(0.0) ? vec2(0.5) : u_centre) - 0.5;   // centred, frame units
    vec2 q = centered_uv(gl_FragCoord.xy, u_resolution) - centre * aspect;
    float r = length(q);
    vec2 far = 0.5 * aspect + abs(centre * aspect);
    float rmax = length(far);

    float front = mix(-W, rmax + W, p);
    float s = front - r;                                   // > 0: the wave has passed
    // envelope: rises fast as the drop lands, fades as the last rings leave the frame
    float rise = 1.0 - (1.0 - min(8.0 * p, 1.0)) * (1.0 - min(8.0 * p, 1.0));
    float env = rise * pow(1.0 - p, 0.6);

    // damped wave behind the front: height h(s), its slope dh/ds (normalised to about +-1)
    float k = TAU / WAVELENGTH;
    float damp = rings * WAVELENGTH;
    float onset = smoothstep(0.0, 0.5 * WAVELENGTH, s);
    float decay = exp(-max(s, 0.0) / damp) * onset;
    float h = sin(k * s) * decay;
    float slope = (cos(k * s) - sin(k * s) / (k * damp)) * decay;
    vec2 dir = r > 1e-6 ? q / r : vec2(0.0);
    vec2 offset = -dir * slope * (0.02 * strength * env);   // refraction toward the trough

    float mask = smoothstep(0.0, W, s + 0.35 * W * h * env);
    vec4 a = fetch(u_from, offset);
    // the new scene through the glass, with a little dispersion (red bends least)
    vec4 b = fetch(u_to, offset * 0.7);
    b.r = fetch(u_to, offset * 0.55).r;
    b.b = fetch(u_to, offset * 0.85).b;
    vec3 rgb = mix(a.rgb, b.rgb, mask);

    // glass catching light: crests facing the light brighten, the far sides darken a little
    vec2 light = normalize(vec2(-0.5, 0.8));
    float facing = dot(-dir * slope, light) * env;
    rgb *= 1.0 - 0.2 * max(-facing, 0.0);
    rgb += vec3(0.9, 0.95, 1.0) * (0.3 * smoothstep(0.2, 1.0, facing));
    // a thin bright rim rides the front
    float t = (s - 0.5 * W) / (0.5 * W);
    float rim = max(1.0 - t * t, 0.0);
    rgb += vec3(0.85, 0.9, 1.0) * (0.18 * rim * rim * env);
    frag_colour = vec4(clamp(rgb, 0.0, 1.0), mix(a.a, b.a, mask));
}
