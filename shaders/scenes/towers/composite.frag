#version 330 core
// Towers, output: the glass over the back (both display-encoded and dithered).
uniform sampler2D u_glass;
uniform sampler2D u_back;
out vec4 frag_colour;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec4 g = texelFetch(u_glass, p, 0);
    vec3 b = texelFetch(u_back, p, 0).rgb;
    frag_colour = vec4(mix(b, g.rgb, g.a), 1.0);
}
