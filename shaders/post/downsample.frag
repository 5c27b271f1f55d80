#version 330 core
// Supersampling resolve: each output pixel is the mean of its k x k block in the large
// render (a box filter, the exact integral of the pixel's footprint).
uniform sampler2D u_image;
uniform int u_ssaa;
out vec4 frag_colour;

void main() {
    ivec2 o = ivec2(gl_FragCoord.xy);
    int k = max(u_ssaa, 1);
    vec4 sum = vec4(0.0);
    for (int j = 0; j < k; j++) {
        for (int i = 0; i < k; i++) {
            sum += texelFetch(u_image, o * k + ivec2(i, j), 0);
        }
    }
    frag_colour = vec4((sum / float(k * k)).rgb, 1.0);
}
