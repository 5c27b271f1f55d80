#version 330 core
// Resonance, the worm's-eye shot (zenith.glsl), pass 1: bakes the curtains' ground field over
// the sky overhead, once a frame.  Texel = a ground point (x, z) in [-ZEN_W, ZEN_W]^2:
//   r: the curtains (thin folded sheets with rays along them)
//   g: the humming cloud, a haze between them
//   b: the height of each sheet's lower edge, 0..1
//   a: how far out from the corona's heart (0 near it .. 1 in the outer turns: violet)
// The curtains swirl round the corona's heart (a little off the zenith), as an overhead
// aurora's folds do, so seen from below their rays fan out from it.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "zenith.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
uniform float u_flow;
uniform vec2 u_hum;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 x = (uv - 0.5) * 2.0 * ZEN_W;
    vec2 sd = vec2(float(u_seed % 997) * 1.37, float((u_seed / 997) % 997) * 0.71);
    vec4 c = zen_curtain(x, u_flow, sd, u_hum.y);
    float t = u_flow;
    float cloud = fbm(x * 0.02 + vec2(t * 0.02, -t * 0.015) + sd.yx, 3);
    cloud = smoothstep(0.4, 0.8, cloud) * exp(-c.w * c.w * 6.0);
    float edge = smoothstep(ZEN_W, 0.7 * ZEN_W, max(abs(x.x), abs(x.y)));
    // (round 23: broad draperies -- a sheet with body, a soft skirt of glow round it;
    // round 26: a leaner body, so the whorl's arms read as folded sheets, not blobs)
    // (round 29's readers at 110.5 s: "the aurora a little like neon tubing", "a stroked
    // glowing line" -- a sheet seen from below at a slant is not a tube of even width: one
    // crisp edge, its body falling off on the other side, and its width swelling and
    // pinching along its length where it folds)
    float wide = 0.55 + 0.9 * vnoise(x * 0.045 + sd * 3.0 + vec2(0.02 * t, 0.0));
    float fw = c.w / wide;
    float body = exp(-max(fw, 0.0) * 15.0) * smoothstep(-0.012, 0.006, fw);
    // (and the body is not an even glow: it gathers into rays, brighter and darker bundles
    // along the sheet, a few world units apart, which the march draws up the curtain's height)
    float bundle = zen_bundle(x, t, sd);
    float sheet = 0.5 * (0.4 + 0.6 * bundle) * exp(-fw * fw * 1400.0) + 0.85 * bundle * body
                + 0.08 * exp(-fw * fw * 40.0);
    float far = smoothstep(12.0, 55.0, length(x - ZEN_HEART));
    // (the light and the haze stored as their square roots: zen_field_light)
    frag_colour = vec4(sqrt(vec2(0.2 * sheet * c.r * edge, cloud * edge)), c.b, far);
}
