// qs_band.glsl -- proxy geometry for the close shot (round 35, speed): one quad over the rows
// below (QS_BAND_LOW) or above the split row the scene works out from the horizon, so the
// pool's metal is paid for only where the pool can be seen (llvmpipe runs every line of a
// fragment shader for every fragment it rasters).  The two quads share their edge exactly, so
// every pixel is drawn once.  Draw 6 vertices.  Include-only, from a vertex shader.

uniform float u_close_split;         // the split, in NDC y (a pixel row's edge)

void main() {
    const vec2 CORNERS[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                                    vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));
    vec2 c = CORNERS[gl_VertexID];
#ifdef QS_BAND_LOW
    float y = mix(-1.0, u_close_split, c.y);
#else
    float y = mix(u_close_split, 1.0, c.y);
#endif
    gl_Position = vec4(c.x * 2.0 - 1.0, y, 0.0, 1.0);
}
