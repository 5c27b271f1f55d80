#version 330 core
// RGB -> planar YUV 4:2:0 (BT.709, limited range), laid out exactly as ffmpeg's yuv420p
// expects to read it: the target is one 8-bit channel, W wide and 1.5 H tall, read back as
// one contiguous buffer: the Y plane (W x H, top row first), then U (W/2 x H/2), then V.
// Converting here takes the colour conversion off the encoder's CPU (swscale) and halves the
// bytes read back and piped.  Chroma is sited as H.264 expects by default ('left'): on even
// columns, between the two rows, filtered [1 2 1]/4 horizontally and averaged vertically.
uniform sampler2D u_image;   // the final frame, GL order (bottom row first)
out vec4 frag_colour;

const vec3 LUMA = vec3(0.2126, 0.7152, 0.0722);

vec3 src(ivec2 image_xy, ivec2 size) {
    // image_xy counts rows from the top; the texture stores the bottom row first.
    ivec2 p = clamp(image_xy, ivec2(0), size - 1);
    return texelFetch(u_image, ivec2(p.x, size.y - 1 - p.y), 0).rgb;
}

void main() {
    ivec2 size = textureSize(u_image, 0);
    int w = size.x, h = size.y;
    ivec2 o = ivec2(gl_FragCoord.xy);
    float level;
    if (o.y < h) {
        float y = dot(src(o, size), LUMA);
        level = 16.0 + 219.0 * y;
    } else {
        int cw = w / 2, ch = h / 2;
        int index = (o.y - h) * w + o.x;          // position in the U+V area of the buffer
        bool is_v = index >= cw * ch;
        int local = is_v ? index - cw * ch : index;
        ivec2 c = ivec2(local % cw, local / cw);  // chroma sample, rows from the top
        vec3 sum = vec3(0.0);
        for (int row = 0; row < 2; row++) {
            int y = 2 * c.y + row;
            sum += src(ivec2(2 * c.x - 1, y), size) + 2.0 * src(ivec2(2 * c.x, y), size)
                 + src(ivec2(2 * c.x + 1, y), size);
        }
        vec3 rgb = sum / 8.0;
        float y = dot(rgb, LUMA);
        float chroma = is_v ? (rgb.r - y) / 1.5748 : (rgb.b - y) / 1.8556;
        level = 128.0 + 224.0 * chroma;
    }
    frag_colour = vec4(clamp(floor(level + 0.5), 0.0, 255.0) / 255.0);
}
