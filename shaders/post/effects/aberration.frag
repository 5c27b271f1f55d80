#version 330 core
// Chromatic aberration: each wavelength is magnified a little differently, so colours drift
// apart radially by an offset that grows with r^2 (none at the centre).  The image is sampled
// at points along the radial offset and each sample weighted into red, green and blue by a
// hat function of its position (red outermost, blue innermost): with 3 taps this is the
// classic R/G/B split; with more the fringes become smooth little spectra.  The tap count
// follows the offset's length (about one tap per 1.5 px, so fringes never show as stepped
// ghost edges), up to a cap set by `quality`: 3 (0) to 15 (1).  The extra taps are in a loop
// whose bound varies per pixel, so the calm centre of the frame costs the three.
#include <visuals/params>
uniform sampler2D u_input;
uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
    vec2 c = (gl_FragCoord.xy - 0.5 * u_resolution) / u_resolution.y;   // centred, height units
    // red moves out by up to 0.012 frame heights at the corners (r^2 ~ 1 there)
    vec2 shift = c * dot(c, c) * (0.012 * u_amount);
    vec2 shift_px = shift * u_resolution.y;
    if (dot(shift_px, shift_px) < 1e-4) {
        frag_colour = src;                   // no visible offset: the input, exactly
        return;
    }
    // taps at t = -1 .. 1 along the offset, evenly spaced: the three of the classic split in
    // straight code, then m pairs in between in a loop (its exit tested at the end too)
    int cap = int(clamp(u_quality, 0.0, 1.0) * 6.0 + 0.5);               // 0 .. 6 pairs
    int pairs = min(cap, int(ceil(length(shift_px) / 1.5)) - 1);
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 d = shift * vec2(u_resolution.y / u_resolution.x, 1.0);       // in uv units
    vec3 sum = vec3(texture(u_input, uv + d).r, src.g, texture(u_input, uv - d).b);
    vec3 wsum = vec3(1.0);
    for (int j = 1; j <= pairs; ) {
        float t = float(j) / float(pairs + 1);
        vec3 outer = texture(u_input, uv + d * t).rgb;                 // toward red
        vec3 inner = texture(u_input, uv - d * t).rgb;                 // toward blue
        sum += vec3(t * outer.r, (1.0 - t) * (outer.g + inner.g), t * inner.b);
        wsum += vec3(t, 2.0 * (1.0 - t), t);
        if (++j > pairs) {
            break;
        }
    }
    frag_colour = vec4(sum / wsum, src.a);
}
