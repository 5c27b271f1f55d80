#version 330 core
// The stars' glow at half resolution, from the starlight's mip chain: a tight level and a
// wide one two levels up, read through a cubic B-spline (a coarse level read bilinearly
// shows its texel grid as boxes around bright strokes).  The levels follow the frame height,
// so the glow covers the same share of the screen at every resolution.
#include <visuals/params>
uniform sampler2D u_starlight;
uniform vec2 u_resolution;      // this pass's size (half the frame)
out vec4 frag_colour;

// Smooth (cubic B-spline) lookup of one mip level from 4 bilinear taps: a coarse level
// read with plain bilinear filtering shows its texel grid as boxes around bright strokes.
vec3 mip_bspline(sampler2D tex, vec2 uv, float level) {
    vec2 size = vec2(textureSize(tex, int(level)));
    vec2 t = uv * size - 0.5;
    vec2 f = fract(t);
    vec2 i = t - f;
    vec2 f2 = f * f, f3 = f2 * f;
    vec2 w0 = (1.0 - 3.0 * f + 3.0 * f2 - f3) / 6.0;
    vec2 w1 = (4.0 - 6.0 * f2 + 3.0 * f3) / 6.0;
    vec2 w2 = (1.0 + 3.0 * f + 3.0 * f2 - 3.0 * f3) / 6.0;
    vec2 w3 = f3 / 6.0;
    vec2 g0 = w0 + w1, g1 = w2 + w3;
    vec2 h0 = (i - 0.5 + w1 / g0) / size;     // texel centres at (k + 0.5) / size
    vec2 h1 = (i + 1.5 + w3 / g1) / size;
    return g0.y * (g0.x * textureLod(tex, vec2(h0.x, h0.y), level).rgb
                 + g1.x * textureLod(tex, vec2(h1.x, h0.y), level).rgb)
         + g1.y * (g0.x * textureLod(tex, vec2(h0.x, h1.y), level).rgb
                 + g1.x * textureLod(tex, vec2(h1.x, h1.y), level).rgb);
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    float px = 2.0 * u_resolution.y / 1080.0;          // frame pixels per 1080p pixel
    vec3 glow = vec3(0.0);
    if (u_quality > 0.3 && u_glow > 0.0) {
        float lod = floor(log2(max(6.0 * px, 1.0)) + 0.5);
        glow = textureLod(u_starlight, uv, lod).rgb * 0.5 + mip_bspline(u_starlight, uv, lod + 2.0) * 0.5;
    }
    frag_colour = vec4(glow * 0.45, 1.0);
}
