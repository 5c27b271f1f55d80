#version 330 core
// Towers, pass "shards": a flying piece of glass (shards.vert), alpha-blended over the city.
// It reflects the sky and the moss like the towers do (Schlick Fresnel), and as it spins its
// face sweeps the key light: a glint that flashes and goes.  Its edges are bright (light
// caught in the broken glass); dissolving, it turns into a soft wisp of the mist and fades.
#define TOWERS_FRACTURE
#include "towers.glsl"

in vec3 v_world;
in vec3 v_bary;
flat in vec3 v_normal;
flat in vec4 v_look;
out vec4 frag_colour;

void main() {
    // (not setup_pixel: only the haze is needed; the moss's structs stay unset)
    g_pix = 2.0 * u_cam_tan / u_resolution.y;
    float dissolve = v_look.x;
    vec3 rd = normalize(v_world - u_cam_pos);
    g_haze = decode_fast(textureLod(u_haze, vec2(env_uv(rd).x, 0.5), 0.0).rgb) * u_env_gain * 0.8;
    vec3 n = v_normal * (dot(v_normal, rd) > 0.0 ? -1.0 : 1.0);
    float cosi = max(dot(-rd, n), 0.0);
    float m = 1.0 - cosi;
    float fres = 0.04 + 0.96 * m * m * m * m * m;
    vec3 rr = reflect(rd, n);
    // the sky above, the moss's green glow below (a cheap read: shards are small and quick)
    vec3 refl = mix(env(rr), u_moss_lin * u_moss_glow * 0.08, smoothstep(0.0, -0.1, rr.y)) * 1.4;
    // Through the piece: the sky bent by the glass, split a little by colour (a prism's
    // fringe), so each shard shows a displaced, refracted world, not a grey film.
    vec3 through = vec3(env(refract(rd, n, 0.62)).r, env(refract(rd, n, 0.66)).g,
                        env(refract(rd, n, 0.70)).b) * u_tint_lin * 0.9;

    // The key light of the towers, and a warmer one from the moss below: glints.
    vec3 L = normalize(vec3(-0.35, 0.45, 0.82));
    float glint = pow(max(dot(rr, L), 0.0), 48.0) * 6.0
                + pow(max(dot(rr, vec3(0.0, -1.0, 0.0)), 0.0), 12.0) * 0.6;

    // Edges: the barycentric distance to the nearest side, in pixels.
    vec3 bw = max(fwidth(v_bary), vec3(1e-5));
    vec3 px = v_bary / bw;
    float edge_px = min(min(px.x, px.y), px.z);
    float inside = clamp(edge_px, 0.0, 1.0);                 // antialiased silhouette
    float rim = exp(-edge_px * 0.7);
    // the broken edge's thickness: a second, inner line of light a few pixels in
    float bevel = exp(-abs(edge_px - 3.0) * 0.9) * 0.5;

    vec3 glass = mix(through, refl, fres) + glint * vec3(0.9, 0.95, 1.0) * v_look.z
               + (rim + bevel) * (0.8 + 1.2 * glint + 0.6 * fres) * vec3(0.85, 0.94, 1.0);
    float a_glass = clamp(0.45 + 0.6 * fres + glint + 0.7 * rim, 0.0, 1.0);

    // Dissolving: soft from the edges in, the mist's colour, thinning away.
    float soft = smoothstep(0.0, 0.33, min(min(v_bary.x, v_bary.y), v_bary.z));
    vec3 mist = g_haze * 0.2 + vec3(0.19, 0.24, 0.36);        // shatter_mist_colour, less the moss
    vec3 col = mix(glass, mist, smoothstep(0.0, 0.6, dissolve));
    float alpha = mix(a_glass * inside, 0.45 * soft, smoothstep(0.0, 0.5, dissolve)) * (1.0 - dissolve);
    alpha *= smoothstep(1.5, 4.0, v_look.w);        // none sweeping across the lens
    col = mix(col, g_haze, fog_amount(v_look.w) * 0.8);
    frag_colour = vec4(encode(col, gl_FragCoord.xy), alpha);
}
