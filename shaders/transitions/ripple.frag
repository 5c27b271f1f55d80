#version 330 core
// Ripple dissolve: a drop falls into liquid glass.  A damped ring wave spreads from `centre`,
// the next scene appears where the wave has passed, and both images are refracted by the
// ripples (a UV offset along the wave's slope), which catch a little light on their crests.
//
// Round 10's reader: the round reveal "looks like a Photoshop mask".  So the front is a lens
// of liquid, not a cut: a swell of glass rides it (a broad bump whose slope bends both images:
// the new scene is magnified into view through it, the old one is pushed aside), its outline
// wavers like a real spreading drop (a few slow lobes round it, never a perfect circle), and
// it runs out fast at first and slows (1 - (1 - progress)^2), so the moment a round edge is
// on screen is short.
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

const float W = 0.09;          // width of the reveal edge
const float LENS = 0.11;       // half width of the swell of liquid riding the front
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
    float r0 = length(q);
    // the drop's outline wavers: lobes round it that turn slowly as it spreads
    float ang = atan(q.y, q.x);
    float r = r0 * (1.0 + 0.1 * sin(3.0 * ang + 4.0 * p) + 0.05 * sin(5.0 * ang - 3.0 * p + 1.3));
    vec2 far = 0.5 * aspect + abs(centre * aspect);
    float rmax = length(far) * 1.16;

    float pf = 1.0 - (1.0 - p) * (1.0 - p);
    float front = mix(-W - LENS, rmax + W + LENS, pf);
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
    // the swell at the front: a lens of liquid (height exp(-(s/LENS)^2)); its slope bends
    // what is seen through it toward the swell's crest
    float u = s / LENS;
    float bump = exp(-u * u);
    offset += dir * (u * bump) * (0.07 * strength * env);

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
    rgb *= 1.0 - 0.08 * max(-facing, 0.0);
    rgb += vec3(0.9, 0.95, 1.0) * (0.3 * smoothstep(0.2, 1.0, facing));
    // the swell's crest catches the light along its side facing the light (a liquid edge,
    // not a dark cut line)
    rgb += vec3(0.8, 0.9, 1.0) * (0.22 * bump * max(dot(dir, light), 0.0) * env);
    // a thin bright rim rides the front
    float t = (s - 0.5 * W) / (0.5 * W);
    float rim = max(1.0 - t * t, 0.0);
    rgb += vec3(0.85, 0.9, 1.0) * (0.18 * rim * rim * env);
    frag_colour = vec4(clamp(rgb, 0.0, 1.0), mix(a.a, b.a, mask));
}
