#version 330 core
// Serenes, surfaces pass (baked once, screen-aligned): the plaster wall and the plank floor.
// r = albedo / 1.25, gb = the height field's slopes (0.5 + slope), a = floor gloss.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "serenes.glsl"

uniform vec2 u_resolution;
uniform int u_seed;
out vec4 frag_colour;

vec2 seed_shift() {
    return vec2(float(u_seed % 97) * 7.31, float((u_seed / 97) % 89) * 3.17);
}

// px: metres per pixel. Octaves finer than about two pixels are left out (they would
// alias into sparkle at small sizes).
float plaster_height(vec2 W, int octaves, float px) {
    W += seed_shift();
    int fit = int(clamp(floor(log2(0.25 / (px * 8.0))) + 1.0, 1.0, float(octaves)));
    float h = 0.55 * fbm(W * 1.7, 4);
    h += 0.30 * fbm(W * 8.0 + 3.1, fit);
    h += 0.12 * vnoise(W * 37.0) * smoothstep(0.5, 0.25, px * 37.0);
    return h;
}

float plaster_albedo(vec2 W) {
    vec2 Ws = W + seed_shift();
    float a = 0.88 + 0.30 * (fbm(Ws * 0.55 + 5.0, 3) - 0.5);
    // damp streaks running down from above, grime rising from the floor
    float streak = fbm(vec2(Ws.x * 2.5, Ws.y * 0.5), 3);
    a *= 1.0 - 0.12 * smoothstep(0.55, 0.8, streak) * smoothstep(0.3, 2.5, W.y);
    a *= 0.72 + 0.28 * smoothstep(0.0, 0.7, W.y);
    return a;
}

// Planks running away from the camera (along z), their ends staggered.
float grain_keep = 1.0;   // fades the wood grain where a pixel spans several of its lines

float plank_height(vec2 F, out float albedo, out float gloss) {
    const float W = 0.19;
    float col = floor(F.x / W);
    float u = F.x / W - col;
    float r = hashi(ivec2(int(col), 7 + u_seed));
    float len = 2.2 + 1.2 * r;
    float along = F.y / len + r * 3.0;
    float row = floor(along);
    float v = along - row;
    float id = hashi(ivec2(int(col), int(row) + 1000));
    float grain = fbm(vec2(F.x * 55.0 + id * 17.0, F.y * 2.5), 3) * grain_keep;
    float rings = sin(grain * 14.0 + F.x * 40.0);
    albedo = (0.55 + 0.35 * id) * (0.8 + 0.2 * grain) * (0.92 + 0.08 * rings);
    gloss = 0.5 + 0.5 * id;
    float gap = smoothstep(0.0, 0.035, u) * smoothstep(1.0, 0.965, u)
              * smoothstep(0.0, 0.01, v) * smoothstep(1.0, 0.99, v);
    return 0.6 * gap + 0.1 * grain;
}

void main() {
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    float line = -CAM_Y / plane_scale(WALL_Z);
    float detail = 2.0 + floor(u_quality * 2.99);
    if (s.y > line - 2.0 / u_resolution.y) {
        vec2 W = screen_to_plane(s, WALL_Z) - vec2(CAM_X, 0.0);   // (baked for the camera at x = 0)
        float e = 0.004;
        int oct = int(detail);
        float px = plane_scale(WALL_Z) / u_resolution.y;
        float h = plaster_height(W, oct, px);
        float hx = plaster_height(W + vec2(e, 0.0), oct, px);
        float hy = plaster_height(W + vec2(0.0, e), oct, px);
        vec2 slope = vec2(hx - h, hy - h) / e * 0.03;
        frag_colour = vec4(plaster_albedo(W) / 1.25, 0.5 + slope, 0.0);
    } else {
        float dz = CAM_Y * CAM_F / max(-s.y, 1e-4);
        vec2 F = vec2(s.x * dz / CAM_F, dz - CAM_D);
        grain_keep = smoothstep(0.5, 0.2, dz / CAM_F / u_resolution.y * 55.0);
        float a, g, a2, g2;
        float h = plank_height(F, a, g);
        float e = 0.003;
        float hx = plank_height(F + vec2(e, 0.0), a2, g2);
        float hz = plank_height(F + vec2(0.0, e), a2, g2);
        vec2 slope = vec2(hx - h, hz - h) / e * 0.006;
        frag_colour = vec4(a / 1.25, 0.5 + slope, g);
    }
}
