// env.glsl -- how the towers map a direction onto the bound environment image.
//
// Include-only. The environment is any scene's picture (the sky by default), not a
// panorama, so it is wrapped around the city: azimuth about the street (+z) runs across u,
// mirrored so the whole circle is seamless (90 degrees span the image once; the azimuth is
// the "diamond" pseudo-angle, exact at every 45 degrees and free of atan), and elevation
// runs up v as the sine of the elevation, with the horizon at ENV_HORIZON_V (the zenith
// reaches the top row with zero slope, so nothing is clamped or streaked).

const float ENV_HORIZON_V = 0.3;

vec2 env_uv(vec3 d) {
    float a = d.x / max(abs(d.x) + abs(d.z), 1e-6);          // -1..1 over the front half
    a = (d.z >= 0.0) ? a : ((d.x >= 0.0) ? 2.0 - a : -2.0 - a);  // -2..2 around the circle
    float u = 0.5 + a;
    u = 1.0 - abs(1.0 - mod(u, 2.0));
    float s = clamp(d.y / max(length(d), 1e-6), -1.0, 1.0);
    float v = ENV_HORIZON_V + s * ((s > 0.0) ? (0.99 - ENV_HORIZON_V) : (ENV_HORIZON_V - 0.01));
    return vec2(u, v);
}
