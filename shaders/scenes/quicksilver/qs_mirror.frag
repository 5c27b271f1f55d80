#version 330 core
// The quicksilver itself: the pool's metal (dome, ripples, freeze, cracks, reflections) and
// the tears in the air, drawn only on the tiles the scene marked (near the pool, and where
// tears fall).  Output: display colour (tone mapped, dithered) and coverage in alpha; the
// main pass lays it over the floor.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "qs_env.glsl"
#include "qs_cracks.glsl"
#include "qs_pool.glsl"
#include "qs_surface.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform float u_hard;                // effective hardness: max(harden, 3 * fracture)
uniform vec2 u_crack_centre;
uniform sampler2D u_field;           // half-res pool field: (distance, gradient x, gradient z)
uniform sampler2D u_cracks;          // the crack pass (see crack_store)
uniform int u_shiver_octaves;        // detail of the liquid's shiver (0 once frozen)
uniform float u_time;
out vec4 frag_colour;

const float RIM = 0.06;              // width of the rounded rim (mercury's capillary length, scaled)
const float RIM_ASPECT = 1.0;        // rim height / rim width: 1 = quarter-circle profile

void main() {
    vec2 uv = centered_uv(gl_FragCoord.xy, u_resolution);
    float px_angle = 1.0 / (u_resolution.y * u_cam_focal);
    Camera cam = qs_camera();
    vec3 rd = qs_ray(cam, uv);
    float t_floor = -cam.pos.y / rd.y;
    vec2 p = (cam.pos + rd * t_floor).xz;
    vec3 v = -rd;
    vec2 fp = fwidth(p);
    float px = max(fp.x, fp.y);                 // the pixel's footprint on the floor

    // -- cracks, and the pool's field where this pixel's shard came from
    Crack cr = crack_load(texelFetch(u_cracks, ivec2(gl_FragCoord.xy), 0), p, u_crack_centre, u_fracture);
    cr.aa = max(fwidth(cr.border), 1e-5);
    // the cracks stay inside the mirror (not past its edge onto the floor), and vary in width:
    // wide near the impact, hairlines far out, thicker and thinner along each line
    float d_here = texture(u_field, qs_project(cam, p, u_resolution.x / u_resolution.y)).x;
    cr.line *= smoothstep(0.0, -0.025, d_here);
    float rho_i = length(p - u_crack_centre);
    cr.gap_w *= (0.7 + 1.4 * exp(-rho_i * 4.0)) * (0.6 + vnoise(p * 9.0 + 3.0));
    vec2 fuv = qs_project(cam, p - cr.shift, u_resolution.x / u_resolution.y);
    vec3 field = texture(u_field, fuv).xyz;
    float d = field.x;
    float aa = clamp(fwidth(d), 1e-5, 3.0 * px);
    float cover = clamp(0.5 - d / aa, 0.0, 1.0);

    // -- falling tears, in front of the pool
    vec3 tn;
    float tcov;
    float tt = trace_tears(cam.pos, rd, px_angle, u_tear_count, tn, tcov);
    tcov *= step(0.0, tt) * step(tt, t_floor);

    // Nothing here: stop.  (A GPU skips the rest; llvmpipe runs it masked for the whole
    // block, so on software GL only the tiles save work: shaders/README.md.)
    if (cover <= 0.0 && tcov <= 0.0) {
        discard;
    }

    // -- the dome: flat top, quarter-round rim, normal from the field's gradient (whose
    // length drops below 1 in the necks of the union: keep only its direction)
    float s = -d;
    vec2 g = field.yz / max(length(field.yz), 1e-3);
    float uu = clamp(s / RIM, 0.0, 1.0);
    float qq = 1.0 - uu;
    float sq = sqrt(max(1.0 - qq * qq, 0.0));
    vec3 n = normalize(vec3(RIM_ASPECT * qq * g.x, sq + 1e-4, RIM_ASPECT * qq * g.y));
    float height = RIM * RIM_ASPECT * sq;
    vec3 r_calm = reflect(rd, n);               // before ripples and cracks

    // -- freezing runs from the rims inward, along a ragged front
    float depth01 = clamp(s / 0.5, 0.0, 1.0);
    float freeze_need = 0.15 + 0.65 * depth01 + 0.2 * vnoise(p * 5.0 + 17.0);
    float liquid = 1.0 - smoothstep(0.0, 1.0, 2.0 * u_hard - freeze_need);

    // ripples and the shiver ride on the flat top, damped by the freeze
    float wet = u_ripple * liquid * smoothstep(0.15, 1.0, uu);
    vec2 hg = (ripples(p) + shiver(p, u_shiver_octaves)) * wet;
    float rough = 0.01 * u_ripple * liquid;
    n = normalize(n + vec3(-hg.x, 0.0, -hg.y) * n.y);

    // shard tilt and bevels
    n = crack_normal(cr, n);
    vec3 r = reflect(rd, n);
    float aaw = length(fwidth(r));

    // -- the tears: in the air in front of the pool, and reflected in it (at higher
    // quality).  One shading per pixel (llvmpipe runs every branch, so shading the pool and a
    // tear separately would pay for both everywhere): the pixel shades whichever it shows.
    // The reflected tear is traced along the calm surface's reflection: a small sphere seen
    // through ripples sweeps the whole sky within a pixel or two and only aliases.
    vec3 P = vec3(p.x, height, p.y);
    vec3 rn;
    float rcov;
    float aaw_calm = length(fwidth(r_calm));
    float rt = trace_tears(P + r_calm * 1e-3, r_calm, max(aaw_calm, 0.002), u_refl_tear_count, rn, rcov);
    float in_refl = step(0.0, rt) * rcov;
    float on_tear = step(1e-3, tcov);
    vec3 ns = mix(n, tn, on_tear);
    // (blending the directions antialiases the reflected tear's edge; where they nearly
    // cancel, keep the pool's own reflection rather than normalising zero)
    vec3 rm = mix(mix(r, reflect(r_calm, rn), in_refl), reflect(rd, tn), on_tear);
    vec3 rs = dot(rm, rm) > 1e-4 ? normalize(rm) : r;
    // where the shaded ray starts: the pool, the reflected tear, or the tear in the air; a
    // ray heading down from a tear lands in the pool or on the floor (read from the field)
    vec3 ro_s = mix(mix(P, P + r_calm * max(rt, 0.0), in_refl), cam.pos + rd * max(tt, 0.0), on_tear);
    vec2 land = (ro_s + rs * (ro_s.y / max(-rs.y, 1e-3))).xz;
    float land_d = texture(u_field, qs_project(cam, land, u_resolution.x / u_resolution.y)).x;
    g_ground_pool = smoothstep(0.01, -0.03, land_d) * max(on_tear, in_refl);
    float ws = mix(aaw, length(fwidth(rs)), max(on_tear, in_refl));
    vec3 col = metal_shade(ns, v, rs, rough * (1.0 - max(on_tear, in_refl)), ws);
    col *= 1.0 - 0.25 * in_refl * (1.0 - on_tear);      // the second bounce loses a little
    // Light moving across the shards (round 11: the shattered mirror "a static hold"): each
    // loose shard, tipped its own way, catches the street's light at its own moment -- a
    // soft band of violet or emerald running slowly across it and on -- so the broken
    // mirror glitters while it holds.
    float catch_phase = dot(cr.tilt, vec2(7.0, 5.0)) / max(u_tilt, 0.05) + dot(p, vec2(0.9, 0.35)) - 0.3 * u_time;
    float catch_band = pow(0.5 + 0.5 * sin(TAU * catch_phase), 6.0);
    vec3 catch_tint = mix(vec3(0.55, 0.32, 1.0), vec3(0.25, 1.0, 0.6), step(0.0, cr.tilt.x));
    col = mix(col, col * catch_tint * 1.6 + catch_tint * 0.5, catch_band * 0.6 * u_fracture * (1.0 - on_tear));

    // the dreamer in the hardened mirror (qs_dreamer.glsl), looked up along the calm
    // reflection turned a little towards each shard's own; and each loose shard jolts its
    // piece of the figure (slides and turns it) by its own random tilt, normalised, so the
    // figure is broken across the shards however far the `tilt` parameter tips them.  Only
    // compiled into the variant drawn while the figure shows (qs_mirror_dreamer.frag): on
    // llvmpipe even a loop no pixel enters costs this much code its price.
    float pool_marks = 1.0 - on_tear;
    vec4 me = vec4(0.0);
#ifdef QS_DREAMER
    // (the shard's own tilt turns the reflected ray, exaggerated a little so even the dream's
    // slight tilt breaks the figure; the bevels bend it at the edges, as glass does)
    vec3 r_fig = normalize(r_calm + 0.8 * (r - r_calm));      // (round 16: 1.5 scattered the bust)
    vec2 jolt = cr.tilt / max(0.26 * u_tilt, 1e-3) * step(1e-4, u_tilt);
    // (round 19: not on the steep curl of the rims and the beads, whose glints stand whole)
    me = dreamer(P - vec3(cr.shift.x, 0.0, cr.shift.y), r_fig, jolt) * pool_marks * smoothstep(0.3, 0.8, uu);
    // Seen in the metal, not pasted on it: the figure's light scaled by the metal's
    // reflectance and by the shard's own brightness (each shard shows it lighter or darker),
    // the metal's highlights left standing over it.
    float sheen = smoothstep(0.0, 0.7, luma(col));
    // (a fifth of the metal's own reflection -- its stars, its moons -- lies over the figure,
    // and its highlights stand over it whole: the figure is in the mirror, behind its surface)
    // (round 15: the figure is dark mercury now, so only a trace of the mirror's glare lies
    // over it -- more and the towers showed through it like a double exposure)
    // (round 19: the self is pure shadow -- nothing of the mirror's sky, stars or the
    // Serenes' eyes shows through it: their bright glints read as eyes on its chest)
    col = col * (1.0 - me.a) + metal_f0() * me.rgb * (0.6 + 0.3 * sheen);
#endif
    // the crazed spot where the mirror was struck, and the open cracks (not over a tear):
    // where they cut the dreamer they open wider and bleed
    col = mix(col, col * 0.55 + vec3(0.08), cr.crush * hashi(ivec2(gl_FragCoord.xy) / 2 + 7) * pool_marks);
    // (the blood in a crack pools and thins along it: dark clotted crimson to wet bright red,
    // and the crack opens unevenly, so it reads as a wound, not a drawn red line)
    float clot = vnoise(p * 40.0 + 11.0);
    cr.gap_w *= 1.0 + 0.5 * clot * me.a;        // (fine: round 18's reader saw "lava cracks"; round 19: 0.5, the shadow lays no glints over them)
    vec3 bleed = mix(vec3(0.12, 0.003, 0.003), vec3(0.6, 0.015, 0.008), clot * clot);
    // (after the shatter the red creeps slowly out from the struck point along the cracks,
    // so the broken mirror keeps moving: round 11 read the hold as a static frame)
    float creep = smoothstep(u_bleed * 1.6, u_bleed * 1.6 - 0.35, rho_i + 0.2 * clot) * step(1e-3, u_bleed);
    vec3 gap = mix(vec3(0.002, 0.0015, 0.003), bleed, clamp(3.0 * me.a + creep, 0.0, 1.0));
    col = mix(col, gap, crack_gap(cr) * pool_marks);
    // (round 18's reader: "red glitch bars over the face" -- the rivulets that ran down from
    // the cracks in 3-pixel bands read as a digital glitch.  The red is in the cracks only.)
    // the meniscus: where the metal curls down to the stone it gives back the dark floor
    // beside it, a thin dark edge inside the bright rim (round 10: "a dark edge meniscus")
    // (round 17: the bright rim all round read as a sticker's "hard white outline": the whole
    // curl of the rim is dark, as mercury's meniscus is, and one thin soft highlight runs along
    // it only where it turns towards the light, at the near left)
    float curl = smoothstep(0.55 * RIM, 1.15 * RIM, s);
    col *= mix(1.0, 0.03 + 0.97 * curl * curl, pool_marks);
    float toward = smoothstep(0.1, 0.8, dot(g, normalize(vec2(-0.45, -0.9))));
    float thin = exp(-(s - 0.5 * RIM) * (s - 0.5 * RIM) / ((0.1 * RIM + px) * (0.1 * RIM + px)));
    col += vec3(0.85, 0.88, 1.0) * 0.45 * thin * toward * pool_marks * (1.0 - u_hard * 0.3);
    float alpha = mix(cover, tcov + cover * (1.0 - tcov), on_tear);

    col *= qs_vignette(uv);
    col = agx_display(col * 1.4);
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), alpha);
}
