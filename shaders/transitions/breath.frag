#version 330 core
// A white breath, for the waking: the image swells into a soft luminous white, and the next
// scene (or white) emerges from it as the breath goes out.
//
// Not a fade to white: the old image is exposed up, so its bright parts bloom first and their
// light spreads (a ring of softening taps) while the frame swells slightly, under a luminous
// veil brighter at the centre; the veil never fills the frame -- at the peak the picture is
// still readable through it -- and the new image settles back out of it into place.
//
// Ends: the breath's envelope is exactly 0 at progress 0 and 1, and the image is mixed
// toward its breathed version by that envelope, so progress 0 is u_from and 1 is u_to,
// bit for bit.  The images change over across the crest (progress 0.4 .. 0.6), both veiled.
//
// transition_params (optional): white vec3  the colour of the breath (default a warm, golden white)
//                               gasp float  0 (default): the veil above; 1: the waking's gasp --
//                                           no milky veil, the light bursts in rays from `burst`
//                                           and the frame's edges keep their darks
//                               burst vec2  where the gasp's light bursts from (uv; default the top
//                                           centre, where the howl tears the sky)
#include "../lib/common.glsl"
#include "../lib/colour.glsl"
#include "../lib/dither.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform int u_frame;
uniform vec3 u_white;
uniform float u_gasp;
uniform vec2 u_burst;
out vec4 frag_colour;

// The image breathed by e (0 .. 1): swollen by `swell`, softened, exposed up, and veiled.
// The white is a veil over the picture, never a fill: at the peak the image is still there,
// over-exposed and softened, its shapes and its darks readable through the luminous haze.
vec3 breathed(sampler2D tex, float e, float swell, vec3 white) {
    vec2 c = 0.5 * u_resolution;
    vec2 uv = (c + (gl_FragCoord.xy - c) / (1.0 + swell)) / u_resolution;
    float radius = 0.02 * e;                                   // frame heights: soft, not lost
    vec2 r = vec2(radius * u_resolution.y) / u_resolution;
    vec3 centre = texture(tex, uv).rgb;
    vec3 blur = vec3(0.0);
    for (int k = 0; k < 6; k++) {
        float a = float(k) * (TAU / 6.0) + 0.39;
        blur += texture(tex, uv + r * vec2(cos(a), sin(a))).rgb;
    }
    blur = 0.5 * centre + 0.5 * blur / 6.0;
    vec3 light = srgb_to_linear(mix(centre, blur, min(1.0, 1.2 * e)));
    // exposure: up to +1.6 stops, through a soft shoulder (highlights bloom, darks stay dark)
    light *= exp2(1.6 * e);
    vec3 shoulder = 1.0 - exp(-1.3 * light);
    // (warmed as it whitens, toward the waking's red-gold light through the lids -- a grey
    // lilac milk over the howl read "milky" at 190.2 s)
    shoulder = mix(shoulder, vec3(max(shoulder.r, max(shoulder.g, shoulder.b))) * white, 0.3 * e);
    vec3 display = linear_to_srgb(shoulder);
    // the breath: a luminous veil, radiant at the centre and falling off to the frame's edges
    // (which keep their darks), at most about half the frame's light
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    float veil = 0.55 * smoothstep(0.2, 1.0, e) * max(1.0 - 0.75 * dot(d, d), 0.0);
    return mix(display, white, veil);
}

// The gasp (round 19's reader at 190.4 s: "overexposed, milky cross-dissolve ... a washed-out
// image"): a breath with a shape.  The image is exposed up less and keeps its darks (the frame's
// edges sink into shadow), and the white is not a veil but light bursting from one point: a
// small hot core and rays fanning out from it, uneven in length and brightness, added as light
// (so what is dark between the rays stays dark).
// The burst's light at this pixel: computed once per pixel, laid over both images.
float gasp_glow(float e, vec2 burst) {
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 b = (burst - 0.5) * vec2(u_resolution.x / u_resolution.y, 1.0);
    vec2 r = d - b;
    float dist = length(r);
    float ang = atan(r.y, r.x);
    // rays: two fans of uneven streaks, each fading out at its own length
    float rays = pow(0.5 + 0.5 * sin(ang * 13.0 + 1.7 * sin(ang * 5.0)), 6.0)
               + 0.7 * pow(0.5 + 0.5 * sin(ang * 29.0 + 2.3 * cos(ang * 3.0)), 10.0);
    float reach = 0.3 + 0.18 * sin(ang * 7.0 + 0.6);
    float core = 0.02 / (dist * dist + 0.02);
    return e * e * (1.6 * core + 0.6 * rays * exp(-dist / max(reach, 0.2)) * smoothstep(0.0, 0.06, dist));
}

// One image through the gasp: swollen, exposed up a little, its edges sinking into shadow,
// the burst's light added.
vec3 gasped(sampler2D tex, float e, float swell, vec3 white, float glow) {
    vec2 c = 0.5 * u_resolution;
    vec2 uv = (c + (gl_FragCoord.xy - c) / (1.0 + swell)) / u_resolution;
    vec3 light = srgb_to_linear(texture(tex, uv).rgb) * exp2(0.3 * e);
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    light = light * (1.0 - 0.55 * e * smoothstep(0.35, 1.1, length(d))) + white * glow;
    vec3 shoulder = 1.0 - exp(-1.3 * light);
    return linear_to_srgb(shoulder);
}

void main() {
    float p = clamp(u_progress, 0.0, 1.0);
    vec3 white = u_white == vec3(0.0) ? vec3(1.0, 0.93, 0.80) : u_white;
    float rise = smoothstep(0.0, 0.5, p);
    float fall = 1.0 - smoothstep(0.5, 1.0, p);
    float e = p <= 0.5 ? rise : fall;                        // exactly 0 at both ends
    bool outgoing = p < 0.5;
    vec4 src = outgoing ? texelFetch(u_from, ivec2(gl_FragCoord.xy), 0)
                        : texelFetch(u_to, ivec2(gl_FragCoord.xy), 0);
    vec3 rgb = src.rgb;
    if (e > 0.0) {
        float swell = 0.03 * e;        // in: the old image swells; out: the new one settles back
        // through the veil the old picture gives way to the new over the breath's crest (both
        // softened and over-exposed there), so the swap is neither a cut nor a double exposure
        // of two sharp pictures
        float w = smoothstep(0.4, 0.6, p);
        vec3 b;
        if (u_gasp > 0.5) {
            vec2 burst = u_burst == vec2(0.0) ? vec2(0.5, 0.72) : u_burst;
            // (the swap a little later, past the crest: the old image holds its colour and its
            // darks through the gasp rather than washing into the new one)
            float wg = smoothstep(0.48, 0.6, p);
            float glow = gasp_glow(e, burst);
            b = mix(gasped(u_from, e, swell, white, glow), gasped(u_to, e, swell, white, glow), wg);
        } else {
            b = mix(breathed(u_from, e, swell, white), breathed(u_to, e, swell, white), w);
        }
        rgb = mix(src.rgb, b, smoothstep(0.0, 0.15, e));
        rgb = dither8(clamp(rgb, 0.0, 1.0), gl_FragCoord.xy, u_frame);
    }
    frag_colour = vec4(rgb, src.a);
}
