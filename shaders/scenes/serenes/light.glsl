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
vec3 wall_colour() {
    return max(srgb_to_linear(u_wall.rgb), vec3(0.03));
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
