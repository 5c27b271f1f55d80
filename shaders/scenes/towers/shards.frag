#version 330 core
// Towers, pass "shards": a flying piece of thick glass (shards.vert), alpha-blended over the
// city.  Its faces reflect the sky and the moss like the towers do (Schlick Fresnel) and show
// the sky bent and split by colour through the glass; as it spins its faces sweep the key
// light: a glint that flashes and goes.  Its broken edges are the glass seen end-on: bright,
// green-cyan, light trapped in the pane.  Drawn as an open shutter sees it (the trailing
// corners where they were), so fast pieces streak and thin out behind; dissolving, a piece
// turns into a soft wisp of the mist and fades.
#define TOWERS_FRACTURE
#include "towers.glsl"

in vec3 v_world;
in vec3 v_bary;
in float v_trail;
flat in vec3 v_normal;
flat in vec4 v_look;
flat in vec3 v_kind;      // 0 back face, 1 edge, 2 front face; streak length / size;
                          // the glass's thickness on screen, pixels
out vec4 frag_colour;

// A piece of the scene the glass can show along d: the rift's light (warm white, its violet
// glow) and the aurora's curtains over the city (emerald low, violet high, folded across
// the sky by the baked fbm).  Cheap: three texture reads.
vec3 piece_of_world(vec3 d) {
    vec2 sp = screen_dir(d);
    vec3 rl = rift_light(sp);
    float fold = textureLod(u_cracks, vec2(sp.x * 0.42 + 0.004 * u_time, 0.53), 0.0).g;
    float curtain = smoothstep(0.35, 0.7, fold) * exp(-1.5 * abs(sp.y - 0.3));
    vec3 aurora = mix(vec3(0.1, 0.95, 0.55), vec3(0.6, 0.25, 1.0), smoothstep(0.1, 0.7, sp.y));
    return aurora * curtain * 1.1 + vec3(1.0, 0.9, 0.78) * (rl.x * 1.6 + rl.y * 0.3)
         + vec3(0.55, 0.35, 0.9) * rl.y * 0.15;
}

void main() {
    // (not setup_pixel: only the haze is needed; the moss's structs stay unset)
    g_pix = 2.0 * u_cam_tan / u_resolution.y;
    float dissolve = v_look.x;
    vec3 rd = normalize(v_world - u_cam_pos);
    g_haze = decode_fast(textureLod(u_haze, vec2(env_uv(rd).x, 0.5), 0.0).rgb) * u_env_gain * 0.8;
    vec3 n = v_normal * (dot(v_normal, rd) > 0.0 ? -1.0 : 1.0);
    // (round 23: a flat face showed one flat colour -- "flat grey triangles": the pane is
    // a little warped, as broken glass is, so what it reflects slides across it)
    vec3 t1 = normalize(cross(n, abs(n.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0)));
    vec3 t2 = cross(n, t1);
    n = normalize(n + 0.3 * (t1 * (v_bary.x - v_bary.y) + t2 * (v_bary.z - 0.3333)));
    float cosi = max(dot(-rd, n), 0.0);
    float m = 1.0 - cosi;
    float fres = 0.04 + 0.96 * m * m * m * m * m;
    vec3 rr = reflect(rd, n);
    // the sky above, the moss's green glow below (a cheap read: shards are small and quick)
    vec3 refl = mix(env(rr), u_moss_lin * u_moss_glow * 0.08, smoothstep(0.0, -0.1, rr.y)) * 1.4;
    // Through the piece: the sky bent by the glass, split a little by colour (a prism's
    // fringe), so each shard shows a displaced, refracted world, not a grey film.
    vec3 rdr = refract(rd, n, 0.62);
    vec3 through = vec3(env(rdr).r, env(refract(rd, n, 0.66)).g,
                        env(refract(rd, n, 0.70)).b) * u_tint_lin * 0.6;
    // ... and the rift of light behind the city, bent by the glass: each pane shows a
    // displaced sliver of it, split by colour (refraction you can see)
    vec3 rr0 = rift_light(screen_dir(rdr)), rb0 = rift_light(screen_dir(refract(rd, n, 0.72)));
    through += vec3(1.0, 0.55, 0.9) * (rr0.x * 1.5 + rr0.y * 0.5) + vec3(0.3, 0.9, 1.0) * (rb0.x * 1.5 + rb0.y * 0.5);
    // (round 23's readers at 184.6 s: "flat grey triangles" -- each pane now holds a piece of
    // the scene: the rift's warm-white light and the aurora's curtains, seen in it by
    // reflection and bent through it, different on every pane as each turns)
    through += piece_of_world(rdr) * 0.5;
    refl += piece_of_world(rr) * 0.7;

    // The key light of the towers, and a warmer one from the moss below: glints.
    vec3 L = normalize(vec3(-0.35, 0.45, 0.82));
    // and the white light where the city was (the mist's focal point, ahead of the eye):
    // a face turned to catch it flashes, so the falling glass glitters against the black
    vec3 Lf = normalize(u_cam_fwd + 0.12 * u_cam_up);
    float glint = pow(max(dot(rr, L), 0.0), 48.0) * 3.0
                + rift_light(screen_dir(rr)).y * 1.6 * step(0.0, dot(rr, u_cam_fwd))
                + pow(max(dot(rr, Lf), 0.0), 24.0) * 2.0
                + pow(max(dot(rr, vec3(0.0, -1.0, 0.0)), 0.0), 12.0) * 0.6;

    // Faces: the barycentric distance to the nearest side, in pixels.
    float edge_kind = step(0.5, v_kind.x) * step(v_kind.x, 1.5);
    float front = step(1.5, v_kind.x);
    vec3 bw = max(fwidth(v_bary), vec3(1e-5));
    vec3 px = v_bary / bw;
    float edge_px = min(min(px.x, px.y), px.z);
    float inside = mix(clamp(edge_px, 0.0, 1.0), 1.0, edge_kind);     // antialiased silhouette
    // (round 17's reader: "flat outlined triangles" -- a lit line round every pane: the rim is
    // now only where a glint or the grazing Fresnel catches it, never a drawn outline)
    float rim = exp(-edge_px * 0.7) * (1.0 - edge_kind);
    // One sharp bright edge per pane (its first side, the one a break left clean), flashing
    // as the pane turns its face to the rift: a glint that runs along it and goes.
    float flash = pow(max(dot(rr, Lf), 0.0), 10.0) + 0.8 * rift_light(screen_dir(rr)).y;
    float glint_edge = exp(-px.x * 0.9) * (1.0 - edge_kind) * front * min(flash, 1.5) * v_look.z;

    // (round 34's readers at 180.1 s: "the shards are flat alpha triangles with no
    // refraction": a pane is thick glass with a ground bevel round its faces -- along every
    // side a band whose surface turns out toward the edge, so it mirrors another piece of
    // the sky and the rift and catches the lights on its own, a crisp line of light where it
    // meets the flat face; the band denser than the clear middle, as a thick edge is)
    // (as wide as the glass is thick on screen, a few pixels: a fixed share of the pane drew
    // the big near panes as hollow triangle frames)
    float bev_w = min(0.14, clamp(0.7 * v_kind.z, 1.5, 5.0) * max(max(bw.x, bw.y), bw.z));
    float bev = (1.0 - smoothstep(0.7 * bev_w, bev_w, min(min(v_bary.x, v_bary.y), v_bary.z)))
              * (1.0 - edge_kind) * (1.0 - smoothstep(0.6, 1.6, v_kind.y));   // (not on a streak)
    // (a dissolving pane loses its bevel first: its edges erode into the mist, and a bevel
    // left standing round a clear middle drew a hollow triangle frame)
    bev *= 1.0 - smoothstep(0.0, 0.25, dissolve);
    float side_b = (v_bary.x < v_bary.y) ? ((v_bary.x < v_bary.z) ? v_bary.x : v_bary.z)
                                         : ((v_bary.y < v_bary.z) ? v_bary.y : v_bary.z);
    vec2 g2 = vec2(dFdx(side_b), dFdy(side_b));
    vec3 outward = -normalize(g2.x * u_cam_right + g2.y * u_cam_up + 1e-6 * n);
    vec3 nb = normalize(n + 0.9 * (outward - n * dot(outward, n)));
    vec3 rb = reflect(rd, nb);
    float mb = 1.0 - max(dot(-rd, nb), 0.0);
    vec3 bevel_col = (env(rb) * 0.4 + piece_of_world(rb) * 1.2) * (0.2 + 0.8 * mb * mb)
                   + vec3(1.0, 0.97, 0.92) * (pow(max(dot(rb, L), 0.0), 24.0) * 2.0
                                              + pow(max(dot(rb, Lf), 0.0), 12.0) * 1.6)
                   + through * 0.4;
    float bev_line = exp(-abs(min(min(px.x, px.y), px.z) - bev_w / max(max(bw.x, bw.y), bw.z)) * 1.2)
                   * (1.0 - edge_kind) * (1.0 - smoothstep(0.6, 1.6, v_kind.y))
                   * (1.0 - smoothstep(0.0, 0.25, dissolve));
    // (a pane's faces are never quite clear: a faint sheen of the sky over the near one)
    vec3 glass = mix(through, refl, fres) + refl * 0.22 * front + glint * vec3(0.9, 0.95, 1.0) * v_look.z
               + rim * (0.35 + 1.1 * glint + 0.5 * fres) * vec3(0.85, 0.94, 1.0)
               + glint_edge * vec3(1.0, 0.95, 0.85) * 3.0;
    // (round 14: "flat grey triangles": the body of a pane nearly clear -- what it bends shows
    // through it -- so its rims, its glints and the sliver of the rift it refracts draw it)
    float a_glass = clamp(0.08 + 0.5 * fres + glint + rim * min(0.4 + glint + fres, 0.9) + 0.5 * dot(through, vec3(0.3, 0.5, 0.2)) + glint_edge, 0.0, 1.0);
    // (the colours it holds kept vivid: glass tints what it shows, it does not grey it)
    glass = max(mix(vec3(dot(glass, vec3(0.3, 0.5, 0.2))), glass, 1.0 + 0.7 * smoothstep(2.0, 6.0, edge_px)), 0.0);
    glass = mix(glass, bevel_col * 1.5 + shatter_mist_colour(rd) * 0.35, bev * 0.85) + vec3(0.6, 0.92, 0.9) * bev_line * (0.08 + 0.9 * min(flash, 1.0));
    // (light, not a dark rim: over the bright mist a dense dim bevel drew each pane in a dark
    // outline -- the bevel adds the light it catches, and only a little body)
    a_glass = max(a_glass, bev * (0.15 + 0.3 * mb) + bev_line * 0.25 * min(flash, 1.0));
    // the far face, seen through the near one: dimmer, so the piece has a depth
    glass *= mix(0.55, 1.0, front);
    a_glass *= mix(0.5, 1.0, front);
    // The broken edge: thick glass seen end-on, its light trapped and carried along the pane
    // (green-cyan, brightest mid-thickness), flaring where it faces the key light.
    float mid = 1.0 - abs(v_bary.y * 2.0 - 1.0);
    vec3 edge_col = vec3(0.35, 0.85, 0.78) * (0.45 + 0.7 * mid) * (0.7 + 0.6 * v_look.z)
                  + vec3(1.0, 0.97, 0.92) * (pow(max(dot(n, L), 0.0), 6.0) * 2.5 + glint);
    glass = mix(glass, edge_col, edge_kind);
    // (an edge thinner than a pixel would rasterise as a dashed line, and shimmer: it fades
    // out, and the near face's rim stands for it)
    float across_px = 1.0 / max(fwidth(v_bary.y), 1e-4);           // the edge band's width here
    a_glass = mix(a_glass, (0.35 + 0.5 * min(glint, 1.0)) * smoothstep(0.6, 1.8, v_kind.z) * smoothstep(0.9, 2.2, across_px), edge_kind);
    // The open shutter: a streak is as bright, summed, as the piece, so it thins as it grows,
    // and fades toward its trailing end.
    float streak = v_kind.y;
    a_glass *= (1.0 - 0.8 * v_trail * smoothstep(0.05, 0.6, streak)) / (1.0 + 0.4 * streak);

    // Dissolving: soft from the edges in, the mist's colour, thinning away.
    // (round 33, the lead: the shards flew off and were gone, never seen "shatter into mist":
    // a dissolving pane's edges erode first -- a grainy front eating in from its sides, the
    // glass's light freed along it as a glowing fringe -- and what is left is pale lit vapour)
    float minb = min(min(v_bary.x, v_bary.y), v_bary.z);
    float grain = textureLod(u_cracks, v_bary.xy * 4.3 + v_look.yy * 0.37, 0.0).g;
    float front_at = dissolve * 0.42 + 0.12 * (grain - 0.5) * step(0.01, dissolve);
    float eaten = smoothstep(front_at - 0.02, front_at + 0.03, minb);
    float fringe = exp(-abs(minb - front_at) * 28.0) * smoothstep(0.15, 0.45, dissolve);
    float soft = smoothstep(0.0, 0.33, minb);
    vec3 mist = shatter_mist_colour(rd) * 0.7 + vec3(0.22, 0.32, 0.32);
    vec3 col = mix(glass, mist, smoothstep(0.2, 0.8, dissolve));
    col += vec3(0.6, 0.95, 0.9) * fringe * 0.7;
    float alpha = mix(a_glass * inside * eaten, 0.4 * soft, smoothstep(0.3, 0.8, dissolve)) * (1.0 - dissolve * dissolve);
    alpha = max(alpha, fringe * 0.35 * (1.0 - dissolve));
    // none sweeping across the lens (round 14: nor a near pane filling a third of the frame
    // as one grey plane: they thin out from 7 units in)
    alpha *= smoothstep(2.5, 7.0, v_look.w);
    col = mix(col, g_haze, fog_amount(v_look.w) * 0.8);
    frag_colour = vec4(encode(col, gl_FragCoord.xy), alpha);
}
