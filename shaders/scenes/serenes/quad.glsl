// quad.glsl -- corners of a quad drawn as two triangles (6 vertices, gl_VertexID % 6).
const vec2 QUAD_CORNERS[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                                     vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));

// Clip-space position of a screen point in centered_uv units.
vec4 screen_clip(vec2 s, vec2 resolution) {
    return vec4(2.0 * s * resolution.y / resolution, 0.0, 1.0);
}
