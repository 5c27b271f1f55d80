#version 330 core
// A chart line's cross-section: a thin Gaussian core plus a wider glow, ends faded.
in float v_across;
in float v_along;
flat in float v_len;
flat in vec3 v_colour;
flat in vec2 v_k;
flat in vec2 v_peak;
out vec4 frag_colour;

void main() {
    // (round 25's readers: the signs "clip-art line drawings") a thread of light, not an inked
    // line: it leaves each star at full strength and tapers, thinner and fainter, toward the
    // middle of its span, where it all but vanishes -- the eye joins the stars, the chart
    // only hints the way (s: 1 at either end, 0 mid-span)
    float s = abs(2.0 * v_along / max(v_len, 1.0) - 1.0);
    float taper = 0.22 + 0.78 * s * s;
    float thin = mix(0.45, 1.0, s);
    float r2 = v_across * v_across / (thin * thin);
    float profile = v_peak.x * exp(-r2 * v_k.x) + v_peak.y * exp(-r2 * v_k.y);
    float ends = smoothstep(0.0, 4.0, v_along) * smoothstep(0.0, 4.0, v_len - v_along);
    frag_colour = vec4(v_colour * profile * ends * taper, 0.0);
}
