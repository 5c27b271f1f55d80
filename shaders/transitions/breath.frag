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
//                                           no milky veil: light floods in from `burst` as the
//                                           eyes fly open, the picture burning out into it,
//                                           and the frame's edges keep their darks
//                               burst vec2  where the gasp's light floods in from (uv; default
//                                           the top centre, where the howl tears the sky)
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
// image"; round 26's: the burst of rays that replaced it read as "lens-flare clip art"): eyes
// flying open in a shock.  Light floods in from the tear as a soft bloom, wider than tall like
// an eye thrown open, that grows until it swallows most of the frame; inside it the picture
// burns out (exposed up, its bright parts going to white first, its darks last, so the spires
// stand a moment as soft silhouettes in the flood) and loses its focus.  No angular structure
// at all: no rays, no star.  The frame's edges keep their darks.
// The flood at this pixel (0 .. 1): computed once per pixel, laid over both images.
float gasp_flood(float e, vec2 burst) {
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 b = (burst - 0.5) * vec2(u_resolution.x / u_resolution.y, 1.0);
    vec2 r = (d - b) * vec2(0.62, 1.0);                       // wider than tall: an eye wide open
    float reach = 0.06 + 0.62 * e * e;                         // frame heights: it grows and grows
    float q = dot(r, r) / (reach * reach);
    // a soft body with a long tail, so the flood has no edge to read as a disc
    float body = 0.75 * exp(-q) + 0.25 / (1.0 + 2.0 * q);
    // (and it dies away toward the frame's edges, which stay in shadow: an eye's aperture)
    return e * body * (1.0 - 0.85 * smoothstep(0.4, 1.0, length(d)));
}

// One image through the gasp: swollen, its edges sinking into shadow, and burnt out by the
// flood -- exposed up (up to +3.5 stops at the flood's heart) and softened, the flood's own
// warm white light added only at its heart (the picture burns; it is not painted over, so its
// darks stay dark -- a white laid over all of it read as milk in round 19).
vec3 gasped(sampler2D tex, float e, float swell, vec3 white, float flood) {
    vec2 c = 0.5 * u_resolution;
    vec2 uv = (c + (gl_FragCoord.xy - c) / (1.0 + swell)) / u_resolution;
    vec2 r = vec2(0.006 * flood * u_resolution.y) / u_resolution;   // focus lost in the light
    vec3 centre = texture(tex, uv).rgb;
    vec3 blur = vec3(0.0);
    for (int k = 0; k < 6; k++) {
        float a = float(k) * (TAU / 6.0) + 0.39;
        blur += texture(tex, uv + r * vec2(cos(a), sin(a))).rgb;
    }
    vec3 light = srgb_to_linear(0.4 * centre + 0.6 * blur / 6.0);
    light *= exp2(0.3 * e + 3.5 * flood);
    vec2 d = centered_uv(gl_FragCoord.xy, u_resolution);
    light = light * (1.0 - 0.55 * e * smoothstep(0.35, 1.1, length(d))) + white * (0.8 * pow(flood, 4.0));
    vec3 shoulder = 1.0 - exp(-1.3 * light);
    // burning out goes to white through the flood's warm white, not through the picture's hues
    shoulder = mix(shoulder, vec3(max(shoulder.r, max(shoulder.g, shoulder.b))) * white, 0.5 * flood);
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
            float flood = gasp_flood(e, burst);
            b = mix(gasped(u_from, e, swell, white, flood), gasped(u_to, e, swell, white, flood), wg);
        } else {
            b = mix(breathed(u_from, e, swell, white), breathed(u_to, e, swell, white), w);
        }
        rgb = mix(src.rgb, b, smoothstep(0.0, 0.15, e));
        rgb = dither8(clamp(rgb, 0.0, 1.0), gl_FragCoord.xy, u_frame);
    }
    frag_colour = vec4(rgb, src.a);
}
