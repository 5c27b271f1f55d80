// light.glsl -- the colours of the candle light and of the cold room, from the parameters.

// The candle light's colour: the hue of the `light` parameter at full strength (the
// `candle` parameter sets how bright; black reads as neutral), deeper and redder as the
// candles burn low, paler as they burn high (a flame's colour follows its heat). Linear.
vec3 light_colour() {
    vec3 c = max(srgb_to_linear(u_light.rgb), vec3(0.02));
    c /= max(max(c.r, c.g), c.b);
    vec3 ember = c * vec3(1.0, 0.55, 0.25);
    vec3 pale = mix(c, vec3(1.0, 0.93, 0.82) * max(max(c.r, c.g), c.b), 0.5);
    float heat = u_candle;
    return heat < 1.0 ? mix(ember, c, smoothstep(0.0, 1.0, heat))
                      : mix(c, pale, clamp(heat - 1.0, 0.0, 1.0));
}

// The wall's colour (never quite black: the light must land on something). Linear RGB.
// Close on the woman alone the plaster is taken toward a cool grey: under the one orange
// flame a beige wall read as brown murk, a grey one as warm light falling into black.
vec3 wall_colour() {
    vec3 c = max(srgb_to_linear(u_wall.rgb), vec3(0.03));
    float y = dot(c, vec3(0.2126, 0.7152, 0.0722));
    return mix(c, y * vec3(0.9, 0.92, 1.12), 0.75 * clamp(u_closeup, 0.0, 1.0));
}

// The cold of the unlit room, what the shadows keep. Linear RGB.
vec3 shade_colour() {
    return srgb_to_linear(u_shade.rgb);
}

// The air's absorption over a distance d (m): a cheap stand-in for exp(-SMOKE d).
float smoke_transmission(float d) {
    float x = 0.6 * d;
    return 1.0 / (1.0 + x + 0.5 * x * x);
}

// Triangular-PDF dither of +-1 LSB at 8 bits, the same for the three channels, animated per
// frame; shrinks near 0 and 1 so black and white stay exact. One pcg2d of (pixel, frame) gives
// two independent uniforms, whose sum is triangular: about a third of dither8's cost (no
// pcg3d, no square roots), which matters in a full-resolution last pass on llvmpipe.
// (round 33, 92.1 s: "screen-door dither" -- it was two interleaved-gradient-noise samples,
// but IGN steps 0.556 of a cycle per pixel in x, so it alternates column by column in a
// regular lattice, and the second sample, at a fixed offset, was the first shifted by 0.37:
// the sum was neither triangular nor irregular; the lens's tone curve stretched it in the
// dark haze into a visible 2-pixel weave.)
vec3 dither_fast(vec3 c, vec2 frag_coord, int frame) {
    uvec2 px = uvec2(ivec2(floor(frag_coord)));
    uvec2 h = pcg2d(uvec2(px.x, px.y ^ (uint(frame) << 16u)));
    float a = float(h.x >> 8u) * (1.0 / 16777216.0);
    float b = float(h.y >> 8u) * (1.0 / 16777216.0);
    vec3 amp = clamp(min(c, 1.0 - c) * 255.0, 0.0, 1.0);
    return c + (a + b - 1.0) * amp * (1.0 / 255.0);
}

// The display encoding of the library's AgX: linear_to_srgb(tonemap_agx(x)) without its six
// powers. The AgX sigmoid's output v is display-referred for a 2.2 gamma; the sRGB code of
// v^2.2 is fitted by (d v + a v^2 + b v^3) / (c + v), within one 8-bit level above v = 0.04
// (below it the output is under two levels anyway).
vec3 tonemap_agx_srgb(vec3 x) {
    vec3 v = agx_display(x);
    vec3 g = (-0.03223976 * v + 1.13362668 * v * v - 0.09769239 * v * v * v) / (0.0062544 + v);
    return clamp(g, 0.0, 1.0);
}
