#version 330 core
// The moss's ground passes draw only the frame below the horizon (round 32, speed): a
// rectangle from the frame's foot up to u_split_ndc (scenes/moss.py, a few pixels above
// the horizon's line, where the sky is pure sky), so no sky pixel pays for the ground.
// The sky above it is sky_band.vert's; the two share the edge, each pixel drawn once.
uniform float u_split_ndc;
out vec2 v_uv;
void main() {
    // two triangles, corners (0,0) (1,0) (1,1) and (0,0) (1,1) (0,1)
    const vec2 c[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                              vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));
    vec2 p = c[gl_VertexID];
    float hi = clamp(u_split_ndc, -1.0, 1.0);
    vec2 ndc = vec2(p.x * 2.0 - 1.0, mix(-1.0, hi, p.y));
    v_uv = ndc * 0.5 + 0.5;
    gl_Position = vec4(ndc, 0.0, 1.0);
}
