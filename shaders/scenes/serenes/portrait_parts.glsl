// portrait_parts.glsl -- what the portrait's relight (portrait_shot.glsl) and the woman's own
// (woman_shot.glsl) share: value noise, a far Serene's blurred shadow, and what a mercury eye
// mirrors.  Include-only, after the shot's constants (SILVER, KEY_CANDLE, the far candles) and
// u_portrait_light.  Why one file: the woman's shot is a cut-down copy of the portrait's for
// speed (round 32), and these three must stay the same in both.

float vnoise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    uvec2 c = uvec2(ivec2(i) + 4096);
    float a = hash_to_unit(pcg2d(c).x), b = hash_to_unit(pcg2d(c + uvec2(1u, 0u)).x);
    float d = hash_to_unit(pcg2d(c + uvec2(0u, 1u)).x), e = hash_to_unit(pcg2d(c + uvec2(1u, 1u)).x);
    return mix(mix(a, b, f.x), mix(d, e, f.x), f.y);
}

// A Serene far behind, out of focus: a hood and a falling robe, as a blurred shadow.
float far_serene(vec2 p, vec2 head, float size, float blur) {
    vec2 q = (p - head) / size;
    float hood = length(q * vec2(1.0, 0.78)) - 0.16;
    float w = mix(0.1, 0.22, smoothstep(-0.12, -0.3, q.y)) + max(-q.y - 0.3, 0.0) * 0.18;
    float body = max(abs(q.x) - w, q.y + 0.05);
    float d = min(hood, body) * size;
    return 1.0 - smoothstep(-blur, blur, d);
}

#ifdef PORTRAIT_LOVERS
const int ENV_CANDLES = 2;      // (four eyes: the nearer far candle only, for the frame's time)
#else
const int ENV_CANDLES = 3;
#endif

// What a mercury eye at E mirrors in direction r: the dark room, the warm floor below,
// and each candle flame as a hot upright teardrop.
vec3 eye_env(vec3 E, vec3 r, vec3 lightc) {
    vec3 col = vec3(0.0015, 0.002, 0.003) + SILVER * 0.004 * smoothstep(0.0, 1.0, r.y);
    // (round 27: "toy buttons / googly cartoon eyes" -- a flat white disc with two flame dots
    // for pupils: the ball mirrors the room as chrome does, a dark ceiling over a crisp
    // horizon, the candle-lit floor a warm band below it that bends round the ball)
    // (round 29: "cartoon googly eyes" -- that band was an even pastel half-ball: chrome
    // mirrors a bright horizon line, the lit wall's foot, over a floor that darkens fast
    // toward the ball's underside, so the ball reads as liquid metal, high in contrast)
    // (round 33, 92.1 and 95.6 s: "the eyes have lids (the text says lidless)" -- that horizon,
    // a warm band across the ball's lower half under a dark top, drew an iris under a lid: the
    // candle-lit floor is a broad soft glow rising from the ball's underside, no line at all)
    col += lightc * 0.028 * smoothstep(0.35, -0.75, r.y) * u_portrait_light.x;
    // the haze high in the room, a faint cold sheen over the top of the ball
    col += SILVER * 0.012 * smoothstep(0.25, 0.85, r.y);
    vec3 cs[3] = vec3[3](KEY_CANDLE, FAR_CANDLE_A, FAR_CANDLE_B);
    // (round 27: the far candles behind the viewer sat mid-ball as the pupils of a googly
    // eye: they are faint sparks now, the key flame the one bright glint)
    float pw[3] = float[3](u_portrait_light.x, 0.012, 0.01);
    for (int k = 0; k < ENV_CANDLES; ++k) {
        vec3 d = cs[k] + vec3(0.0, 0.03, 0.0) - E;
        float dist = length(d);
        d /= dist;
        vec3 right = normalize(cross(vec3(0.0, 1.0, 0.0), d));
        vec3 up = cross(d, right);
        // (angles: a flame drawn larger than life, so the ball's curve carries it)
        vec2 q = vec2(dot(r, right), dot(r, up)) - vec2(0.0, 0.02);
        q.y = q.y > 0.0 ? q.y * 0.42 : q.y * 1.1;               // the flame's tall tip
        float f = length(q);
        // (round 24: a tiny crisp flame on the bead, not a smear across the ball)
        // (round 25: a little larger and warmer, so it holds as a point on the glowing bead)
        col += lightc * pw[k] * (6.0 * (1.0 - smoothstep(0.09, 0.13, f))
                               + 0.03 * exp(-f * f / 0.01));
        col += vec3(1.0, 0.88, 0.7) * pw[k] * 14.0 * (1.0 - smoothstep(0.0, 0.08, f));
    }
    return col;
}
