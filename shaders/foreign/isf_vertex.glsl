// The vertex stage of an ISF program: isf_vertShaderInit() places the vertex and sets
// isf_FragNormCoord, 0..1 over the target.  There is no vertex buffer: corners come from
// gl_VertexID.  A file with its own .vs is drawn as a quad of two triangles (u_isf_quad = 1),
// as ISF hosts draw it: such shaders compute values per vertex (texture offsets clamped to
// 0..1) that only interpolate right between the target's own corners.  Without a .vs one
// triangle covering the target does the same work with one triangle less.
#include "isf_common.glsl"
uniform int u_isf_quad;
out vec2 isf_FragNormCoord;
vec2 isf_corner() {
    if (u_isf_quad == 1) {
        const vec2 quad[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(0.0, 1.0),
                                     vec2(0.0, 1.0), vec2(1.0, 0.0), vec2(1.0, 1.0));
        return quad[gl_VertexID % 6];
    }
    return vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
}
void isf_vertShaderInit() {
    vec2 p = isf_corner();
    isf_FragNormCoord = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
#define vv_vertShaderInit isf_vertShaderInit
