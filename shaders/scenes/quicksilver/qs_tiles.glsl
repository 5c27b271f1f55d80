// qs_tiles.glsl -- proxy geometry: one quad per active screen tile.  llvmpipe runs every
// line of a fragment shader for every fragment (an if() or a loop that no pixel enters still
// costs its full price), so the only way to skip work is not to raster the pixels at all.
// The scene marks the tiles near the pool (or the falling tears) in a small texture, one
// channel per pass; inactive tiles collapse to a degenerate quad.  Draw 6 * QS_TILES_X *
// QS_TILES_Y vertices.  Include-only, from a vertex shader that #defines TILE_CHANNEL.

#define QS_TILES_X 48
#define QS_TILES_Y 27
uniform sampler2D u_tiles;

void main() {
    int tile = gl_VertexID / 6;
    int corner = gl_VertexID - tile * 6;
    ivec2 t = ivec2(tile % QS_TILES_X, tile / QS_TILES_X);
    // two triangles: (0,0) (1,0) (1,1)  (0,0) (1,1) (0,1)
    const vec2 CORNERS[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                                    vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));
    float on = texelFetch(u_tiles, t, 0)[TILE_CHANNEL];
    vec2 c = (vec2(t) + CORNERS[corner] * step(0.5, on)) / vec2(QS_TILES_X, QS_TILES_Y);
    gl_Position = vec4(c * 2.0 - 1.0, 0.0, 1.0);
}
