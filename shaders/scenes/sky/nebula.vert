#version 330 core
// sky / nebula pass, vertex stage: a quad over the lower-left u_nebula_frac of the target.
// Quality lowers the fraction, so fewer nebula texels are computed at all (llvmpipe shades
// every pixel a full-screen triangle covers, whatever the shader does), and the sky pass reads
// the smaller region.
uniform float u_nebula_frac;

const vec2 CORNERS[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                                vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));

void main() {
    vec2 p = CORNERS[gl_VertexID % 6] * u_nebula_frac;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
