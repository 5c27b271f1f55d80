#version 330 core
// Composite: the baked deep sky (deep.frag, stored as sqrt), the chart lines, the stars and
// their glow (glow.frag, half resolution); then a shoulder to white for dense strokes, sRGB,
// dither.  Every full-resolution fetch counts on software GL, so this pass stays small.
#include <visuals/params>
#include <lib/common.glsl>
#include <lib/colour.glsl>
#include <lib/dither.glsl>
#include <lib/noise.glsl>
#ifdef CLOUD_SEA
#include "clouds.glsl"
#else
#include <lib/land.glsl>
#endif

uniform sampler2D u_deep;
uniform sampler2D u_chart;
uniform sampler2D u_starlight;
uniform sampler2D u_bloom;
uniform vec2 u_resolution;
uniform int u_frame;
uniform vec2 u_cam;          // the view's drift (screen units); the deep sky, farthest, moves a fifth of it
uniform vec2 u_travel;       // x: how far the view has travelled over the land (screen units); y: how far it has gone into the deep sky (0..1)
uniform float u_lake_phase;  // the lake's clock (seconds, wrapped)
#ifdef LAND_RELIEF
uniform sampler2D u_relief_a;   // the relief's G-buffer (scenes/sky/relief_a.frag, relief_b.frag), baked once
uniform sampler2D u_relief_b;
uniform float u_relief_shift;   // the land's slide (the near ridge's), centred
uniform float u_relief_u0;      // the land frame's first column the bake holds
uniform vec3 u_relief_view;     // the view the bake was made from (lib/land.glsl relief_ray)
#endif
#ifdef CLOUD_SEA
uniform sampler2D u_clouds_a;   // the sea of cloud's bake (clouds_a.frag, clouds_b.frag), once per camera
uniform sampler2D u_clouds_b;
uniform sampler2D u_clouds_d;   // (round 32) the near domes' florets: the body light's modulation (clouds_d.frag)
uniform sampler2D u_clouds_c;   // (round 32) its normals, rims and fringes, baked from the two (clouds_c.frag)
uniform vec4 u_cloud_view;      // its camera (clouds.glsl cloud_ray)
uniform vec3 u_cloud_lens;      // the camera's move within its shot: x how far the horizon has sunk (screen units), y the push-in (focal length over the bake's), z the point across the frame it pushes toward
uniform float u_cloud_drift;    // how far the deck has drifted across the view (world units)
uniform vec4 u_cloud_light;     // the moon's direction (xyz, world) and the city's breath (w, 0..1)
uniform vec3 u_ink_lin;         // the word's colour, linear
#endif
out vec4 frag_colour;

#ifdef CLOUD_SEA
#include "clouds_light.glsl"
#endif

void main() {
    // The lake (lib/land.glsl): a pixel on the water is shaded as the point of the view it
    // mirrors (fc) -- the word, the sky, the ranges -- and laid on the water at the end.
    vec2 here = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 fc = gl_FragCoord.xy;
#ifndef CLOUD_SEA
    bool on_lake = u_lake > 0.0 && here.y < u_lake_level;
    vec3 wave = vec3(-1.0, 0.0, 0.0);
    if (u_lake > 0.0) {             // (a uniform branch: no lake, no cost)
        wave = lake_at(here, u_lake_level, u_lake_phase);
        if (on_lake) {
            fc = lake_source(here, u_lake_level, u_lake_phase, wave) * u_resolution.y + 0.5 * u_resolution;
        }
    }
#endif
    ivec2 texel = clamp(ivec2(fc), ivec2(0), ivec2(u_resolution) - 1);
    vec2 uv = fc / u_resolution;
    vec2 p = centered_uv(fc, u_resolution);
    float px = u_resolution.y / 1080.0;
    // (the deep sky is baked once: it is seen a little enlarged so that its slow parallax
    // never reaches the edge of the bake)
    // (and, as the view travels, the deep sky comes slowly nearer: it is seen ever more enlarged)
    vec2 duv = (uv - 0.5) * (0.95 - 0.12 * u_travel.y) + 0.5 + u_cam * 0.2 * vec2(u_resolution.y / u_resolution.x, 1.0);
    vec3 deep = texture(u_deep, duv).rgb;
    vec3 sky = deep * deep;
    vec3 chart = texelFetch(u_chart, texel, 0).rgb;
    vec3 light = chart + texelFetch(u_starlight, texel, 0).rgb;
    vec3 halo = vec3(0.0);
    // (an if, not a loop of 0 or 1 turns: llvmpipe runs either for every pixel when not
    // taken, and a taken loop's body twice; shaders/README.md)
    if (u_quality > 0.3 && u_glow > 0.0) {
        halo = texture(u_bloom, uv).rgb * u_glow;
    }
    vec3 col = sky + light + halo;
    // The inverted night (round 12's reader: "the colours are NOT inverted"): the night turned
    // inside out -- a luminous lilac sky, pale low over the land and deepening to violet
    // overhead, its milky way a darker violet river, the faint stars dark ink on it.  The word
    // stays LIGHT (round 14's lead: strokes drawn in ink read as "grey beaded chains, dirt on a
    // pale sky"): its glow turned inside out is a soft violet-black aura carved in the pale
    // sky, and in it the strokes burn as thin emerald-white threads and the stars as white-hot
    // points with emerald halos -- constellation light, inverted.  (A uniform branch.)
    if (u_invert > 0.0) {
        // (round 18's reader at 33 and 40.8 s: "flat pastel" -- the sky with more depth: pale
        // only low over the ranges, deepening fast to a dark violet zenith)
        vec3 lilac = mix(vec3(0.80, 0.60, 1.05), vec3(0.045, 0.016, 0.12), smoothstep(0.3, 0.95, uv.y));
        vec3 negative = lilac * exp(-sky * vec3(7.0, 9.0, 5.0));
        vec3 w = vec3(0.3, 0.5, 0.2);
        float glow = dot(halo, w);
        float star = dot(light, w);
        float thread = dot(chart, w);
        // the aura: the word's own glow, negated -- the pale sky darkens to a violet night round it
        float aura = 1.0 - exp(-glow * 30.0);
        negative = mix(negative, vec3(0.035, 0.010, 0.085), 0.82 * aura);
        // faint stars away from the word stay ink (their light is small and has no glow round it)
        float ink = (1.0 - exp(-max(star - thread, 0.0) * 14.0)) * (1.0 - aura);
        negative = mix(negative, vec3(0.02, 0.008, 0.04), 0.85 * ink);
        // the light: an emerald glow, the threads and stars emerald-white at their cores
        negative += vec3(0.05, 0.85, 0.45) * glow * 7.0 * aura;
        // (round 18's reader: "connect-the-dots" -- the stars as real light, the threads finer
        // than them: a white-hot core, a pale-gold to emerald halo; the threads thinner light)
        float core = max(star - thread, 0.0);
        negative += vec3(0.55, 1.25, 0.85) * (thread * 6.0 + star * 3.0) * aura;
        negative += vec3(1.0, 0.95, 0.8) * smoothstep(0.12, 0.4, core) * aura;
        // (the next word's chart, written ahead of its stars where no glow is yet, is light
        // too: an emerald thread on the pale sky, never ink)
        negative += vec3(0.10, 0.55, 0.38) * thread * 9.0 * (1.0 - aura);
        col = mix(col, negative, u_invert);
    }
    // The land (lib/land.glsl), sliding with the view's drift and its slow travel along the
    // valley: the near ridge passes faster than the far range (parallax), so a held word is
    // never a still picture.  Under the pale inverted sky the air between the ranges is as
    // bright as the sky: their haze and mist glow with it.
    vec2 far = vec2(1.1 * u_cam.x + 0.5 * u_travel.x, 1.1 * u_cam.y);
    vec2 near = vec2(1.35 * u_cam.x + u_travel.x, 1.35 * u_cam.y);
    float glow = 1.0 + 7.0 * u_invert;
#if defined(CLOUD_SEA)
    col = cloud_sea(col, here, px);
#elif defined(LAND_RELIEF)
    // (round 20: the ray-marched relief, the sky's own land, baked once and relit: lib/land.glsl;
    // the view turns along it as it travels)
    // (the land stands on the lake's far shore: a shore raised or lowered -- the close camera's
    // higher horizon, round 22 -- lifts the ranges with it; at the default level 0.12 over it)
    float lift = u_lake * (0.36 + u_lake_level);
    vec2 lf = vec2(p.x + u_relief_shift, p.y - lift);
    vec2 tuv = relief_uv(lf, u_relief_u0);
    // (no sun in this night: the word's and the sky's violet light rakes the faces from the
    // upper left, softly -- a key of 0.6 where the sky's largest sun gives up to 1.5)
    vec3 key = vec3(-0.45, 0.38, 0.6);
    vec4 ga = texture(u_relief_a, tuv);
    vec4 gb = texture(u_relief_b, tuv);
    float crest = relief_crest(u_relief_a, u_relief_b, tuv, ga, gb, 2.5 / (RELIEF_V.y * u_resolution.y));
    col = relief_light(col, lf, ga, gb, key, vec2(key.x + u_relief_shift, key.y - lift), glow, u_relief_view, crest);
#else
    col = land_over(col, p + vec2(0.0, -0.12 * u_lake), 1.0 / u_resolution.y, far, near, glow);   // (the ranges stand up out of the lake)
#endif
#ifndef CLOUD_SEA
    if (u_lake > 0.0) {
        // (its mist the valleys' pale teal, glowing with the sky as the land's haze does)
        // (round 22: "a grey band of lake" -- the night's water dark and still, only a faint
        // thread of mist along the shore)
        col = mix(col, lake_water(col, wave, glow * vec3(0.004, 0.008, 0.013), 1.0 / u_resolution.y), u_lake);
    }
#endif
    p = here;
    // vignette, gently
    col *= 1.0 - 0.35 * dot(p, p);
    // soft shoulder: linear in the darks, dense light rolls off to white
    col = max(col, 0.0);
    // (round 19's reader at 34.8 and 37.5 s: "a milky wash over everything, low contrast"):
    // under the inverted sky the land's and the water's mid-tones sink -- the ranges and the
    // lake deepen toward violet-black -- while the sky above, the pale air low over the land
    // and the word's light stay as bright as they were (on a floor: the near ridge stays a
    // deep near-black, never crushed to zero)
    float low = 1.0 - smoothstep(0.36, 0.52, gl_FragCoord.y / u_resolution.y);
    col = mix(col, pow(col + 0.01, vec3(1.45)) * 1.08, u_invert * low);
    col = 1.0 - exp(-col * 1.15);
    frag_colour = vec4(dither8(linear_to_srgb(col), gl_FragCoord.xy, u_frame), 1.0);
}
