#version 330 core
// Moss, pass "city": a face of one tapering box of a liquid-glass tower (buildings.vert; a
// tower is a podium, a setback shaft and perhaps a needle spire): smooth dark glass that
// mirrors the glowing street at its foot and the violet night in slow liquid wavers, with the
// moss light of the street shining into it from below; and moss grown over it: a thick glowing
// cushion over each roof and a ragged mantle climbing the walls in patches and runnels, all
// of it pulsing with the heartbeat.  No grid of storeys or mullions (round 6: "grid-textured
// black cubes look like placeholders"), no lit wire edges; soft glints only where the glass
// turns.  In the same night fog as the streets.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/noise.glsl"
#include "moss.glsl"

uniform int u_frame;
uniform vec2 u_resolution;
uniform float u_cam_tan;
uniform vec3 u_cam_pos;
uniform vec2 u_heart_origin;
uniform float u_heart_phase;
uniform float u_heart_period;
uniform sampler2D u_field;          // the streets' baked clump field (moss_bake.frag): the same moss
in vec3 v_local;                    // (the box's: unused, the column is traced)
flat in vec3 v_normal;
flat in vec4 v_box;
flat in vec2 v_centre;              // the tower's axis (world xz)
flat in vec2 v_tier;                // base y, kind (0 podium, 1 setback, 2 spire)
in float v_dist;
in vec3 v_world;
in float v_pulse;
out vec4 frag_colour;

void main() {
    vec3 moss = srgb_to_linear(u_colour.rgb) * u_glow;
    // The box is only a proxy: the tower inside it is a round column of glass, an elliptic
    // cone tapering as the box does (exact quadric hit along the eye ray; round 7: "plain
    // low-poly boxes"), so its walls shade smoothly all the way round and its outline is a
    // curve.  In the box's frame scaled to unit half widths the wall is x^2 + z^2 = R(y)^2,
    // R = c0 - k y.
    float kind = v_tier.y;
    float taper = kind < 0.5 ? 0.12 : (kind < 1.5 ? 0.22 : 0.0);
    float base = v_tier.x;
    float top = v_box.y;
    float k = taper / max(top - base, 1e-3);
    float c0 = 1.0 + k * base;
    vec3 scale = vec3(v_box.x, 1.0, v_box.z);
    vec3 d = normalize(v_world - u_cam_pos);
    vec3 o = (u_cam_pos - vec3(v_centre.x, 0.0, v_centre.y)) / scale;
    vec3 dl = d / scale;
    float ro = c0 - k * o.y;
    float qa = dl.x * dl.x + dl.z * dl.z - k * k * dl.y * dl.y;
    float qb = 2.0 * (o.x * dl.x + o.z * dl.z + k * dl.y * ro);
    float qc = o.x * o.x + o.z * o.z - ro * ro;
    float disc = qb * qb - 4.0 * qa * qc;
    float ts = (-qb - sqrt(max(disc, 0.0))) / (2.0 * qa);
    float ys = o.y + ts * dl.y;
    // the roof: a disc at the top, seen from above
    float tc = (top - o.y) / dl.y;
    vec3 pc = o + tc * dl;
    float rt = c0 - k * top;
    float in_cap = rt * rt - dot(pc.xz, pc.xz);
    // Antialiased outline: coverage from how far inside the wall's silhouette (the
    // discriminant, linear across it) and the roof's rim each pixel lies, in pixels; the
    // pass blends by it (derivatives taken before any pixel leaves).
    float cov_side = clamp(0.5 + disc / max(fwidth(disc), 1e-12), 0.0, 1.0)
                   * clamp(0.5 + (top - ys) / max(fwidth(ys), 1e-6), 0.0, 1.0);
    float cov_cap = clamp(0.5 + in_cap / max(fwidth(in_cap), 1e-12), 0.0, 1.0) * step(top, o.y);
    bool on_side = cov_side > 0.0 && ys >= base - 0.05 && ts > 0.0;
    bool on_cap = !on_side && cov_cap > 0.0;
    float coverage = on_side ? max(cov_side, cov_cap) : cov_cap;
    if (!on_side && !on_cap) {
        discard;
    }
    float t_hit = on_side ? ts : tc;
    vec3 pl = o + t_hit * dl;                                     // the hit, scaled frame
    vec3 world = vec3(v_centre.x, 0.0, v_centre.y) + pl * scale;
    vec3 n = on_side ? normalize(vec3(pl.x / scale.x, k * (c0 - k * pl.y), pl.z / scale.z)) : vec3(0.0, 1.0, 0.0);
    float dist = length(world - u_cam_pos);
    float fp = dist * 2.0 * u_cam_tan / u_resolution.y;         // world units per pixel
    float wall = 1.0 - abs(n.y);
    float pulse = v_pulse;                 // the pulse reaching the tower's foot
    vec3 col = vec3(0.0003, 0.0004, 0.0010); // near-black glass
    // round the wall: arc length from the face the eye looks at; up it: height
    float mean_r = 0.5 * (v_box.x + v_box.z) * max(c0 - k * pl.y, 0.05);
    float across = atan(pl.z, pl.x) * mean_r;
    float y = pl.y;
    // Liquid glass: the wall's normal wavers slowly (no geometry, just a bent mirror).
    float w1 = sin(1.7 * across + 0.45 * y + 1.3 * sin(0.8 * y - 1.1 * across + 6.0 * v_box.w));
    float w2 = sin(0.9 * y - 1.3 * across + 2.0 * v_box.w);
    vec3 tang = normalize(vec3(-n.z, 0.0, n.x) + vec3(1e-4, 0.0, 0.0));
    // (the wavers fade where they shrink toward a pixel, so far walls do not sparkle)
    float spire = step(1.5, v_tier.y);
    float fine = (1.0 - smoothstep(0.15, 0.45, fp)) * (1.0 - spire);
    vec3 nb = normalize(n + wall * (0.06 * w1 * tang + 0.04 * w2 * vec3(0.0, 1.0, 0.0)) * (0.4 + 0.6 * fine));
    // The mirror: a reflected ray, analytic (one plane, one sky; nothing is marched).
    vec3 r = reflect(d, nb);
    float fres = 0.06 + 0.94 * pow(1.0 - max(dot(-d, nb), 0.0), 5.0);
    // Downward: the glowing street with its heartbeat rings, seen in the glass.
    // (only the pulse, not the whole ground: the glass sees it blurred, and the towers
    // overdraw each other, so every instruction here is paid several times)
    Heart h = Heart(u_heart_origin, u_heart_phase, u_heart_period, u_spread, u_reach, u_pulse_width);
    float down = max(-r.y, 0.02);
    float tg = min(y / down, 60.0);
    float p = heart_pulse(world.xz + r.xz * tg, 0.3 + tg * 0.02, 0.0, h);
    vec3 street = moss * (0.2 * u_rest + 0.9 * p * p + 0.3 * p);
    // Upward: the violet night (as moss.frag's sky, without its stars).
    vec3 sky = mix(vec3(0.010, 0.006, 0.034), vec3(0.002, 0.001, 0.010), smoothstep(0.1, 0.6, r.y));
    // (and the emerald haze the moss throws along the horizon: the glass that bends toward
    // it light up in liquid wavers)
    sky += moss * (0.005 + 0.03 * u_rest) * exp(-abs(r.y) * 9.0) * (0.35 + 0.65 * (0.5 + 0.5 * w1));
    vec3 refl = mix(sky, street * exp(-tg / 25.0), smoothstep(0.02, -0.04, r.y));
    col += refl * (0.015 + 0.45 * fres) * wall;
    // the night's cold light (a low moon) caught in a bright vertical streak down each
    // column, where the round glass turns it to the eye
    vec3 moon_dir = normalize(vec3(-0.45, 0.35, 0.82));
    float streak = pow(max(dot(r, moon_dir), 0.0), 24.0);
    col += vec3(0.30, 0.36, 0.62) * streak * (0.3 + 0.7 * fres) * wall * (0.25 + 0.75 * exp(-y / 6.0));
    // the street's light climbing the lower face (the glass lit from below), with the pulse
    col += moss * (0.01 * u_rest + 0.1 * pulse) * exp(-y / 0.6) * wall;
    // Light inside the glass: the street's glow carried up into it from below, fading with
    // height, brightest where the column faces the eye (the thickest glass), beating with the
    // pulse.
    float facing = max(dot(n, -d), 0.0);
    col += moss * (0.012 * u_rest + 0.12 * pulse) * exp(-y / 2.5) * (0.3 + 0.7 * facing * facing) * wall;
    // A rim where the column turns away from the eye: the glass's edge catching the moss
    // light and the night (thin, and widened to a pixel far off).
    float rim = pow(1.0 - facing, 4.0 + 6.0 * (1.0 - smoothstep(0.05, 0.4, fp))) * wall;
    col += rim * (moss * (0.01 + 0.3 * pulse) * exp(-y / 5.0) + vec3(0.004, 0.005, 0.012));
    // Moss grown over the tower: a ragged mantle up the walls from the foot (thick low down,
    // in patches and runnels higher up), and a cushion over the roofs, of the same clumps as
    // the street (its baked field, read at the pixel's footprint: smooth far off).
    vec2 top_p = pl.xz * scale.xz * 1.4 + 3.7 * v_box.w;
    vec2 muv = top_p / MOSS_TILE;
    // (two mips softer than the footprint: a velvet of clumps, never a speckle)
    vec4 f = textureLod(u_field, muv, 2.0 + log2(max(1.4 * fp * (MOSS_TEXELS / MOSS_TILE), 1e-3)));
    // how high it has climbed: a soft, lumpy hem of cushions (round 7: the runnels and
    // fingers read as a smeared texture), thick at the foot
    float reach = (v_tier.y < 0.5 ? 0.55 : 0.3) + 0.9 * v_box.w;
    vec2 wq = vec2(across + 13.0 * v_box.w + 2.0 * n.x, y);
    float lumps = vnoise(vec2(wq.x * 1.3, 0.5 * n.x + 1.7 * n.z));
    float hem = reach * (0.55 + 0.9 * lumps) + 0.1 * (vnoise(wq * 6.0 + 5.0) - 0.5);
    float mantle = (1.0 - smoothstep(hem - 0.06 - fp, hem + 0.06 + fp, y)) * wall * (1.0 - spire);
    float roof = smoothstep(0.5, 0.9, n.y) * (1.0 - spire) * smoothstep(0.15, 0.45, f.g + 0.6 * f.r);
    // the wall's moss: round cushions (value noise in world units, faded to its mean before
    // it is finer than a pixel), a fibrous grain close up, brightest along the hem's crown
    // where the cushions bulge out into the light
    float fade = 1.0 - smoothstep(0.06, 0.2, fp);
    float cushions = mix(0.55, 0.3 + 0.7 * vnoise(wq * 3.2) * (0.6 + 0.5 * vnoise(wq * 9.0 + 2.0)), fade);
    float clumps = mix(0.3 + 1.2 * f.r, 0.2 + 1.3 * cushions, wall);
    float crest = exp(-max(hem - y, 0.0) / 0.12) * mantle;
    float growth = max(mantle, roof);
    // lit like the street: clumps glowing over dark gaps, brighter on the pulse
    float lit = 0.03 + 0.2 * u_rest + 1.2 * pulse;
    vec3 moss_lit = moss * lit * clumps * (1.0 - 0.4 * smoothstep(0.0, hem + 0.3, y)) * (1.0 + 0.4 * crest);
    col = mix(col, 0.6 * moss_lit + col * 0.25, growth);
    // Spires: a needle of glass with a beacon at its tip that beats with the heart.
    float tip = smoothstep(v_box.y - 0.5, v_box.y, y) * spire;
    col += tip * moss * (0.25 + 0.6 * u_rest + 2.5 * pulse);
    col += spire * wall * moss * (0.02 + 0.3 * pulse) * exp(-(v_box.y - y) / 1.2);
    // roofs without moss (spires): dark glass mirroring the sky
    col += max(n.y, 0.0) * (1.0 - growth) * vec3(0.0025, 0.0018, 0.009);
    // the streets' night fog (as moss.frag)
    vec3 horizon = moss * 0.010 * (0.5 + u_rest) + vec3(0.004, 0.003, 0.014);
    col = mix(col, horizon, 0.4 * (1.0 - exp(-pow(dist / 70.0, 2.0))));   // (glass stays darker than the fog)
    col = 1.0 - exp(-col * 1.25);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(clamp(col, 0.0, 1.0), gl_FragCoord.xy, u_frame), coverage);
}
