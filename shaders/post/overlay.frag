#version 330 core
// Draws the HUD (text rasterised by Pillow, premultiplied alpha) over the window.
uniform sampler2D u_overlay;
uniform vec2 u_origin;        // bottom-left corner of the overlay in window pixels
out vec4 frag_colour;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy - u_origin);
    ivec2 size = textureSize(u_overlay, 0);
    if (p.x < 0 || p.y < 0 || p.x >= size.x || p.y >= size.y) discard;
    frag_colour = texelFetch(u_overlay, ivec2(p.x, size.y - 1 - p.y), 0);
}
