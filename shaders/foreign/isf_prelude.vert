// The vertex stage of an ISF program: isf_vertShaderInit() draws this engine's full-screen
// triangle (no vertex buffer: built from gl_VertexID) and sets isf_FragNormCoord, 0..1 over
// the target.
#include "isf_common.glsl"
out vec2 isf_FragNormCoord;
vec2 isf_fullscreen_corner() {
    return vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
}
void isf_vertShaderInit() {
    vec2 p = isf_fullscreen_corner();
    isf_FragNormCoord = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
#define vv_vertShaderInit isf_vertShaderInit
