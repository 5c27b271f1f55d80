#version 330 core
// Puts the rendered frame on the window.  Rendering below the window's size (--scale 0.5,
// or the adaptive mode on a weak machine) is upscaled with a Catmull-Rom bicubic filter from
// nine bilinear taps, which keeps edges crisp without the blur of plain bilinear; at equal
// size it is an exact copy.  Letterboxes to keep the frame's aspect ratio.
uniform sampler2D u_image;
uniform vec2 u_window;        // window framebuffer size, pixels
uniform vec4 u_viewport;      // where the image goes: x, y, width, height in window pixels
out vec4 frag_colour;

vec4 catmull_rom(sampler2D tex, vec2 uv, vec2 size) {
    vec2 pos = uv * size;
    vec2 centre = floor(pos - 0.5) + 0.5;
    vec2 f = pos - centre;
    vec2 w0 = f * (-0.5 + f * (1.0 - 0.5 * f));
    vec2 w1 = 1.0 + f * f * (-2.5 + 1.5 * f);
    vec2 w2 = f * (0.5 + f * (2.0 - 1.5 * f));
    vec2 w3 = f * f * (-0.5 + 0.5 * f);
    vec2 w12 = w1 + w2;
    vec2 offset12 = w2 / w12;
    vec2 t0 = (centre - 1.0) / size;
    vec2 t3 = (centre + 2.0) / size;
    vec2 t12 = (centre + offset12) / size;
    vec4 result = vec4(0.0);
    result += texture(tex, vec2(t0.x, t0.y)) * w0.x * w0.y;
    result += texture(tex, vec2(t12.x, t0.y)) * w12.x * w0.y;
    result += texture(tex, vec2(t3.x, t0.y)) * w3.x * w0.y;
    result += texture(tex, vec2(t0.x, t12.y)) * w0.x * w12.y;
    result += texture(tex, vec2(t12.x, t12.y)) * w12.x * w12.y;
    result += texture(tex, vec2(t3.x, t12.y)) * w3.x * w12.y;
    result += texture(tex, vec2(t0.x, t3.y)) * w0.x * w3.y;
    result += texture(tex, vec2(t12.x, t3.y)) * w12.x * w3.y;
    result += texture(tex, vec2(t3.x, t3.y)) * w3.x * w3.y;
    return result;
}

void main() {
    vec2 p = gl_FragCoord.xy - u_viewport.xy;
    if (p.x < 0.0 || p.y < 0.0 || p.x >= u_viewport.z || p.y >= u_viewport.w) {
        frag_colour = vec4(0.0, 0.0, 0.0, 1.0);
        return;
    }
    vec2 size = vec2(textureSize(u_image, 0));
    vec2 uv = p / u_viewport.zw;
    if (abs(size.x - u_viewport.z) < 0.5 && abs(size.y - u_viewport.w) < 0.5) {
        frag_colour = vec4(texelFetch(u_image, ivec2(p), 0).rgb, 1.0);
    } else if (size.x < u_viewport.z) {
        frag_colour = vec4(clamp(catmull_rom(u_image, uv, size).rgb, 0.0, 1.0), 1.0);
    } else {
        frag_colour = vec4(texture(u_image, uv).rgb, 1.0);
    }
}
