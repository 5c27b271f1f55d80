#version 330 core
// Tone mapping as a grade.  The scenes arrive display-referred (already "tone mapped"), so
// exposure is applied *through* the chosen curve: a pixel is read as that curve's output,
// walked back to the scene light that would have produced it, scaled by 2^exposure, and sent
// through the curve again.  Exposure 0 is therefore exactly the input, and +3 stops roll
// bright violets off into white (AgX) instead of clipping them to flat magenta.
//   curve 0: none (linear scale, clipped); 1: AgX (minimal polynomial, Wrensch/iolite; its
//   sigmoid is inverted with a table uploaded by scenes/post.py); 2: ACES fit (Narkowicz),
//   inverted analytically.
// Then tint (white balance, in linear light), contrast about the middle and saturation in
// OKLab, lift in display space, and a dither.  At neutral settings the input passes bit for
// bit (but on software GL the pass costs the same whatever its settings: llvmpipe runs both
// sides of every if).
#include <visuals/params>
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
uniform sampler2D u_input;
uniform sampler2D u_agx_inverse;   // 1 x N table: log-encoded v for each sigmoid output
uniform vec2 u_agx_range;          // the sigmoid's output at v = 0 and v = 1
uniform int u_frame;
out vec4 frag_colour;

const float AGX_SPAN = 4.026069 + 12.47393;   // EV range of AgX's log encoding

vec3 agx_sigmoid(vec3 v) {
    vec3 v2 = v * v;
    vec3 v4 = v2 * v2;
    return 15.5 * v4 * v2 - 40.14 * v4 * v + 31.96 * v4 - 6.868 * v2 * v
         + 0.4298 * v2 + 0.1191 * v - 0.00232;
}

vec3 agx_unsigmoid(vec3 y) {
    vec3 t = clamp((y - u_agx_range.x) / (u_agx_range.y - u_agx_range.x), 0.0, 1.0);
    float n = float(textureSize(u_agx_inverse, 0).x);
    vec3 x = (t * (n - 1.0) + 0.5) / n;
    return vec3(texture(u_agx_inverse, vec2(x.r, 0.5)).r,
                texture(u_agx_inverse, vec2(x.g, 0.5)).r,
                texture(u_agx_inverse, vec2(x.b, 0.5)).r);
}

// AgX: display output -> log-encoded light, shifted by ev stops, -> display output (linear).
vec3 agx_reexpose(vec3 linear, float ev) {
    vec3 encoded = pow(max(linear, 0.0), vec3(1.0 / 2.2));   // undo AgX's 2.2 decode
    vec3 v = agx_unsigmoid(AGX_INSET * encoded);              // AGX_INSET undoes AGX_OUTSET
    v = clamp(v + ev / AGX_SPAN, 0.0, 1.0);
    return pow(clamp(AGX_OUTSET * agx_sigmoid(v), 0.0, 1.0), vec3(2.2));
}

vec3 aces_curve(vec3 x) {
    return (x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14);
}

// The positive root of aces_curve(x) = y, for y in [0, 1].
vec3 aces_inverse(vec3 y) {
    y = clamp(y, 0.0, 1.0);
    vec3 a = 2.43 * y - 2.51;
    vec3 b = 0.59 * y - 0.03;
    vec3 c = 0.14 * y;
    return (-b - sqrt(max(b * b - 4.0 * a * c, 0.0))) / (2.0 * a);
}

// Move a colour toward the grey of its own lightness until it fits the sRGB cube.
vec3 fit_gamut(vec3 rgb, float grey) {
    vec3 d = rgb - grey;
    vec3 over = mix(vec3(1e9), (1.0 - grey) / max(d, 1e-9), greaterThan(rgb, vec3(1.0)));
    vec3 under = mix(vec3(1e9), grey / max(-d, 1e-9), lessThan(rgb, vec3(0.0)));
    float t = clamp(min(min(min(over.r, over.g), over.b), min(min(under.r, under.g), under.b)), 0.0, 1.0);
    return grey + d * t;
}

void main() {
    vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
    bool exposed = u_exposure != 0.0;
    bool tinted = u_tint.rgb != vec3(1.0);
    bool graded = u_contrast != 1.0 || u_saturation != 1.0;
    if (!exposed && !tinted && !graded && u_lift == 0.0) {
        frag_colour = src;                       // neutral: the input, bit for bit
        return;
    }
    vec3 light = srgb_to_linear(clamp(src.rgb, 0.0, 1.0));
    if (exposed) {
        int curve = int(u_curve + 0.5);
        if (curve == 1) {
            light = agx_reexpose(light, u_exposure);
        } else if (curve == 2) {
            light = clamp(aces_curve(aces_inverse(light) * exp2(u_exposure)), 0.0, 1.0);
        } else {
            light = clamp(light * exp2(u_exposure), 0.0, 1.0);
        }
    }
    light *= srgb_to_linear(u_tint.rgb);
    if (graded) {
        vec3 lab = rgb_to_oklab(light);
        // contrast: a sigmoid of lightness about the middle (OKLab L 0.5), black and white kept
        float u = clamp(lab.x, 0.0, 1.0);
        float a = pow(u, u_contrast);
        lab.x = a / max(a + pow(1.0 - u, u_contrast), 1e-6);
        lab.yz *= u_saturation;
        light = fit_gamut(oklab_to_rgb(lab), lab.x * lab.x * lab.x);
    }
    vec3 display = linear_to_srgb(clamp(light, 0.0, 1.0));
    display = clamp(display + u_lift * (1.0 - display), 0.0, 1.0);
    frag_colour = vec4(display + (ign(gl_FragCoord.xy, u_frame) - 0.5) * (1.0 / 255.0), src.a);
}
