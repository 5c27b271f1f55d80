#version 330 core
// The moss's sky pass (moss_sky.frag) draws only the frame above u_split_ndc, the part
// ground_band.vert leaves (round 32, speed): a rectangle from the split to the frame's top.
uniform float u_split_ndc;
out vec2 v_uv;
void main() {
    const vec2 c[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                              vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));
    vec2 p = c[gl_VertexID];
    float lo = clamp(u_split_ndc, -1.0, 1.0);
    vec2 ndc = vec2(p.x * 2.0 - 1.0, mix(lo, 1.0, p.y));
    v_uv = ndc * 0.5 + 0.5;
    gl_Position = vec4(ndc, 0.0, 1.0);
}
