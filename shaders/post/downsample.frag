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
    // (exits tested at the end too: llvmpipe would otherwise run each loop's body once more,
    // (k + 1)^2 fetches for k^2; shaders/README.md)
    for (int j = 0; j < k; ) {
        for (int i = 0; i < k; ) {
            sum += texelFetch(u_image, o * k + ivec2(i, j), 0);
            if (++i >= k) {
                break;
            }
        }
        if (++j >= k) {
            break;
        }
    }
    frag_colour = vec4((sum / float(k * k)).rgb, 1.0);
}
