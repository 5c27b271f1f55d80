// grain.glsl -- film grain, shared by `grain` and `lens`.  Include-only.
//
// Zero-mean noise, weaker in the darks and near white the way grain shows on film.  The noise
// is a seeded 256x256 table (uploaded once by scenes/post.py: two uniform bytes per texel for
// a triangular luminance value, two for chroma), placed at a new offset every frame by a PCG
// hash of the frame and the seed: a new pattern each frame, the same grain for the same frame,
// and one bilinear fetch per pixel, which on software GL is cheaper than hashing the grain
// lattice.  Grain larger than a pixel is the table magnified (`size` pixels per texel at
// 720p) and renormalised, since a bilinear mix of texels has less contrast than a texel.
// Monochrome, with `colour` mixing in a chroma-only part.

uint grain_pcg(uint v) {
    uint state = v * 747796405u + 2891336453u;
    uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
    return (word >> 22u) ^ word;
}

// The display colour with grain added.
vec3 film_grain(sampler2D noise, vec3 rgb, float amount, float size, float colour, vec2 frag_coord,
                vec2 resolution, int frame, int seed) {
    uint h = grain_pcg(uint(frame) * 0x2C1B3C6Du + uint(seed) * 0x27D4EB2Fu);
    vec2 offset = vec2(uvec2(h, h >> 16u) & 255u);                   // whole texels
    float cell = max(size * resolution.y / 720.0, 1.0);
    vec2 g = frag_coord / cell - 0.5;                                  // texel centres at cell = 1
    vec2 f = fract(g);
    vec2 w = f * f + (1.0 - f) * (1.0 - f);                            // bilinear weights^2, per axis
    vec4 t = texture(noise, (g + offset + 0.5) / 256.0);
    vec3 n = vec3(t.r + t.g - 1.0, t.b - 0.5, t.a - 0.5) * inversesqrt(w.x * w.y);
    float l = clamp(dot(rgb, vec3(0.2126, 0.7152, 0.0722)), 0.0, 1.0);
    float l2 = l * l;
    float response = sqrt(l) * (1.0 - 0.7 * l2 * l2);                 // weak in the darks and at white
    vec3 chroma = vec3(n.y, -0.5 * (n.y + n.z), n.z) * 1.6;
    return rgb + (n.x + colour * chroma) * (0.14 * amount * response);
}
