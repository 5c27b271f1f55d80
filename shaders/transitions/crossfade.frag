#version 330 core
// Crossfade: a straight mix of the two images (progress is already eased by the cue).
uniform sampler2D u_from;
uniform sampler2D u_to;
uniform float u_progress;
out vec4 frag_colour;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    frag_colour = mix(texelFetch(u_from, p, 0), texelFetch(u_to, p, 0), u_progress);
}
