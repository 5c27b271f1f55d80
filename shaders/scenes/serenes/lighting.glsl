// lighting.glsl -- light on the wall and floor, and the 8-bit HDR encoding the proxy passes
// use. Include after serenes.glsl, light.glsl and common_surface.glsl; needs u_resolution.

vec2 screen_uv(vec2 s) {
    return vec2(s.x * u_resolution.y / u_resolution.x + 0.5, s.y + 0.5);
}

// Where the baked surfaces (wall.frag, drawn once for the camera at x = 0) hold screen
// point s of the panned camera: the wall moves on screen by one shift, the floor by one per
// row (its parallax); beyond the frame's edges the bake is mirrored.  (Re-baking them at
// every step of the pan cost half a frame.)
vec2 surfaces_uv(vec2 s) {
    float shift = s.y > wall_line() ? CAM_X / plane_scale(WALL_Z) : CAM_X * max(-s.y, 1e-4) / CAM_Y;
    vec2 uv = screen_uv(vec2(s.x + shift, s.y));
    uv.x = 1.0 - abs(1.0 - abs(uv.x));
    return uv;
}

// Linear HDR colour <-> 8 bits: e = sqrt(c / (1 + c)) keeps near-black free of banding,
// reaches any brightness, and is monotonic (so max-blending encoded values is max-blending
// colours).
vec3 encode_hdr(vec3 c) {
    return sqrt(max(c, 0.0) / (1.0 + max(c, 0.0)));
}
vec3 decode_hdr(vec3 e) {
    vec3 y = e * e;
    return y / max(1.0 - y, 1e-3);
}

// Candle light on a wall or floor point P (normal N, colour base), each candle's share
// passing the figures (vis), plus the light bounced round the room and the cold of the
// room that no candle reaches.
// g_pool (set by the caller, 1 by default) scales the candles' direct light alone: the pools
// of light round the flames, the room between them darker, its cold ambient kept.
float g_pool = 1.0;
vec3 light_surface(vec3 P, vec3 N, vec3 base, vec3 vis, vec3 lightc, vec3 shade) {
    vec3 lit = vec3(0.0);
    float total = 0.0;
    // a constant loop (unrolled, constant indices: no per-pixel gathers from the uniform
    // arrays); candles past the count have no power
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec3 L = u_cpos[k].xyz - P;
        float d2 = dot(L, L);
        float id = inversesqrt(d2);
        float e = u_cpos[k].w / d2 * smoke_transmission(d2 * id);
        lit += e * max(dot(N, L * id), 0.0) * vis[k];
        total += e;
    }
    // (the bounce and the cold kept low: the room falls off to true black away from the flames)
    return base * (g_pool * lit * lightc + 0.003 * total * lightc
                   + (0.02 + 0.07 * smoothstep(0.5, 4.0, P.y)) * shade);
}

vec3 wall_normal(vec2 slope) {
    return normalize(vec3(-slope.x, -slope.y, -1.0));
}


