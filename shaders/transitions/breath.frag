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
#include "../lib/common.glsl"
#include "../lib/colour.glsl"
#include "../lib/dither.glsl"
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
uniform vec2 u_resolution;
uniform int u_frame;
uniform vec3 u_white;
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
        vec3 b = mix(breathed(u_from, e, swell, white), breathed(u_to, e, swell, white), w);
        rgb = mix(src.rgb, b, smoothstep(0.0, 0.15, e));
        rgb = dither8(clamp(rgb, 0.0, 1.0), gl_FragCoord.xy, u_frame);
    }
    frag_colour = vec4(rgb, src.a);
}
