#version 330 core
// Resonance, the cloud shot, pass 2 (full resolution): the city far below -- a dark floor
// strewn with thousands of small lights, brighter quarters and dark ones -- under the cloud
// and its curtains (cloud_sky, half resolution).  The towers (cloud_towers) and the memories
// (cloud_memories) are drawn over it as geometry, each only on its own pixels: on llvmpipe a
// loop over them here ran its whole body for every pixel, a third of the shot's time.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "cloud.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform int u_seed;
uniform float u_flow;
uniform sampler2D u_cloud_sky;
out vec4 frag_colour;


// The city's lights on the floor at xz, seen over a footprint fp (world units a pixel spans
// there): each cell of a fine grid may hold one lamp on the streets; where a pixel spans many
// cells the lamps melt into their mean glow, so the far city never shimmers.
vec3 city_lights(vec2 xz, float fp) {
    const float CELL = 2.4;
    vec2 c = floor(xz / CELL);
    vec2 f = xz / CELL - c;
    vec3 h = hash33(vec3(c, 3.0));
    // blocks, some lit and some dark, brighter districts among dim ones
    float district = smoothstep(0.3, 0.75, vnoise(xz * 0.006 + 4.0));
    float quarter = smoothstep(0.35, 0.75, vnoise(xz * 0.04 + 11.0));
    float dens = (0.03 + 0.5 * quarter) * (0.2 + 1.0 * district);
    float lamp = step(h.x, dens);
    vec3 tint = h.y < 0.62 ? vec3(1.0, 0.86, 0.62) : (h.y < 0.93 ? vec3(0.3, 1.0, 0.62) : vec3(0.5, 0.9, 1.0));
    float bright = 0.6 + 1.6 * h.z * h.z;
    vec2 at = 0.25 + 0.5 * hash22(c + 9.0);
    float r0 = 0.12;
    float r = max(r0, 0.6 * fp);
    vec2 q = (f - at) * CELL;
    float point = exp(-dot(q, q) / (r * r)) * (r0 * r0) / (r * r);
    // the mean glow of a cell's lamp, for where the pixel spans the grid
    vec3 mean_tint = vec3(0.45, 0.8, 0.6);
    float mean = dens * 1.2 * 3.1416 * r0 * r0 / (CELL * CELL);
    float far = smoothstep(0.6, 1.6, fp / CELL);
    vec3 lit = mix(tint * bright * point * lamp * 30.0, mean_tint * mean * 8.0, far);
    // a dim lit ground round the bright districts (the city's own glow)
    lit += vec3(0.002, 0.004, 0.003) * district * quarter;
    return lit;
}

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 o = cld_eye();
    vec3 d = cld_ray(p);
    vec4 sky = texture(u_cloud_sky, gl_FragCoord.xy / u_resolution);
    vec3 col = sky.rgb;
    float dist = sky.a;
    vec3 c_low = srgb_to_linear(u_colour_low.rgb);
    vec3 c_high = srgb_to_linear(u_colour_high.rgb);
    float pix = CLD_LENS / u_resolution.y;          // radians a pixel spans, near the middle
    if (d.y < 0.0) {
        float t = (o.y - CLD_FLOOR) / -d.y;
        vec3 x = o + d * t;
        float fp = t * pix / max(-d.y, 0.08);       // (the floor foreshortened)
        vec3 floor_col = city_lights(x.xz, fp) * u_intensity;
        col += floor_col * exp(-t * 0.003);
        dist = t;
    }
    frag_colour = vec4(cld_finish(col, p, gl_FragCoord.xy, u_frame), 1.0);
}
