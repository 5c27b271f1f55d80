#version 330 core
// Chromatic aberration: each wavelength is magnified a little differently, so colours drift
// apart radially by an offset that grows with r^2 (none at the centre).  The image is sampled
// at points along the radial offset and each sample weighted into red, green and blue by a
// hat function of its position (red outermost, blue innermost): with 3 taps this is the
// classic R/G/B split; with more the fringes become smooth little spectra.  The tap count
// follows the offset's length (about one tap per 1.5 px, so fringes never show as stepped
// ghost edges), up to a cap set by `quality`: 3 (0) to 15 (1).  The loop bound varies per
// pixel, so the calm centre of the frame costs 3 taps.
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
    int cap = 3 + 2 * int(clamp(u_quality, 0.0, 1.0) * 6.0 + 0.5);     // 3 .. 15
    int want = 3 + 2 * int(ceil(length(shift_px) / 1.5));
    int taps = min(cap, want);
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 d = shift * vec2(u_resolution.y / u_resolution.x, 1.0);       // in uv units
    vec3 sum = vec3(0.0);
    vec3 wsum = vec3(0.0);
    for (int k = 0; k < taps; k++) {
        float t = float(k) / float(taps - 1) * 2.0 - 1.0;              // -1 (blue) .. 1 (red)
        vec3 w = vec3(max(t, 0.0), 1.0 - abs(t), max(-t, 0.0));
        sum += w * texture(u_input, uv + d * t).rgb;
        wsum += w;
    }
    frag_colour = vec4(sum / wsum, src.a);
}
