#version 330 core
// Serenes, figures pass (full resolution, proxies only): the cut-out silhouettes,
// premultiplied, in an 8-bit encoding e = sqrt(c / (1 + c)) that keeps the near-black
// bodies free of banding and lets max-blending overlap the proxies.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#define SERENES_FIGURE_VARYINGS
#include "serenes.glsl"
#include "light.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
flat in int v_fig;
out vec4 frag_colour;

void main() {
    int i = v_fig;
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 X = screen_to_plane(s, 0.0);
    float px = plane_scale(0.0) / u_resolution.y;          // metres per pixel
    float d = figure_sdf(i, X, u_time, 1.0);
    // (round 12: "rubbery lit tubes", "puppet theatre": they are shadows given form -- the
    // edge blurs over a centimetre or two like a shadow cast by a candle, not a cut line)
    // (the hands stay crisp: a blur the width of a finger would melt them away)
    float soft = px + 0.016 * (1.0 - 0.5 * u_closeup) * smoothstep(0.0, 0.025, g_skin * FIG_A(i).y);
    float cov = clamp(0.5 - d / soft, 0.0, 1.0);

    // Volume: the figure is shaded as a body, not a cut-out.  Across the body the normal
    // turns like a cylinder's round the figure's axis (the half-width at this height is the
    // distance inside plus the distance from the axis, both smooth: screen derivatives of
    // the distance break into dashes along the thin arms), tilted toward the candles.
    vec3 P = vec3(X, 0.0);
    // (measured from the soft edge's outer limit: the rims fade out through the blur, no lit halo)
    float inside = max(0.5 * soft - d, 0.0);
    vec4 fa = FIG_A(i);
    float k9 = X.y / fa.y / 0.9;
    float axis = fa.x + fa.z * k9 * k9;
    float dx = X.x - axis;
    float nx = clamp(dx / (inside + abs(dx) + 1e-4), -1.0, 1.0);
    // the gown's pleats: long vertical folds round the body, fanning to the hem
    float pleat = sin(nx * 5.5 + FIG_B(i).w * 6.0 + 0.6 * sin(X.y * 3.0 + u_time * 0.4));
    // (round 9: seated, deeper folds, the candle modelling them; the skirt below the knees
    // falls in finer ones)
    float seat9 = FIG_C(i).x;
    float below = seat9 * smoothstep(0.22, 0.19, X.y / fa.y);
    pleat = mix(pleat, sin(nx * 11.0 + FIG_B(i).w * 6.0 + 0.4 * sin(X.y * 9.0)), below);
    float nxp = clamp(nx + (0.22 + 0.2 * seat9) * pleat * (1.0 - abs(nx)), -1.0, 1.0);
    vec3 N = normalize(vec3(nxp, 0.12, -sqrt(max(1.0 - nxp * nxp, 0.0))));
    vec3 V = normalize(vec3(0.0, CAM_Y, -CAM_D) - P);
    float ndv = max(dot(N, V), 0.0);
    float rim_shape = exp(-inside / 0.006) + 0.12 * (1.0 - 0.75 * u_closeup) * exp(-inside / 0.035);
    float skin = smoothstep(0.0015, -0.0005, g_skin * fa.y);
    // the face: a hollow in the hood's shadow (round 10: the pale egg face with its big orbs
    // read as an alien in goggles); only its lower edge, the chin and a cheek, catches the
    // candle from below, and the hood's lip round it catches the light as a thin bright edge
    float face_m = g_face * fa.y;
    float face = smoothstep(0.002, -0.003, face_m);
    float lip = smoothstep(-0.0015, 0.0008, face_m) * exp(-max(face_m, 0.0) / 0.007);
    float wood = smoothstep(0.001, -0.001, g_bench * fa.y) * smoothstep(-0.001, 0.001, g_body * fa.y);
    // the materials: dark violet-black satin (the gown and the hood), the hands (below),
    // waxed wood (the bench)
    // (round 11: "detached decal hands", "flat 2D cut-outs stuck on the chest": the hands
    // are no longer pale -- small and dark, of a piece with the sleeve's silhouette, a warm
    // skin-dark only a shade above the satin, found by the candle's thin rim on their edge)
    vec3 albedo = mix(vec3(0.0062, 0.0046, 0.0105), vec3(0.021, 0.012, 0.010), skin);
    vec3 e0 = figure_eye(i, 0), e1 = figure_eye(i, 1);
    float ey = 0.5 * (e0.y + e1.y);
    float chin = smoothstep(ey - 1.1 * e0.z, ey - 2.4 * e0.z, X.y);
    albedo = mix(albedo, mix(vec3(0.0015, 0.001, 0.003), vec3(0.018, 0.012, 0.014) * chin * chin, chin), face);
    // (round 9: "the arms melt into the body") where a sleeve lies over the gown, the gown
    // beside it falls into a soft shadow, and the sleeve's own edge catches the light below
    float arm_m = g_arm * fa.y;
    float out_arm = smoothstep(-0.0005, 0.001, arm_m) * (1.0 - skin);
    float crease = out_arm * exp(-max(arm_m, 0.0) / 0.012) * (1.0 - wood);
    float arm_rim = smoothstep(0.001, -0.0005, arm_m) * exp(min(arm_m, 0.0) / 0.004) * (1.0 - skin);
    // (and "the body melts into the bench") the lap: the skirt falling from the knees and
    // the waist folding into them lie in a soft shade round the knees' outline, and the top
    // of the knees catches the light
    float knee_m = g_knee * fa.y;
    crease = max(crease, smoothstep(-0.0005, 0.001, knee_m) * exp(-max(knee_m, 0.0) / 0.01) * out_arm * (1.0 - wood));
    arm_rim = max(arm_rim, smoothstep(0.001, -0.0005, knee_m) * exp(min(knee_m, 0.0) / 0.006)
                           * smoothstep(0.24, 0.27, X.y / fa.y) * out_arm);
    albedo *= 1.0 - 0.85 * crease;
    albedo = mix(albedo, vec3(0.045, 0.024, 0.015), wood);
    vec3 pearl = 0.6 + 0.4 * cos(6.2832 * (vec3(0.0, 0.33, 0.67) + 1.6 * ndv + 0.5 * nx + 0.08 * X.y));
    vec3 diffuse = vec3(0.0);
    vec3 sheen = vec3(0.0);
    float rim = 0.0;
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec3 L = u_cpos[k].xyz - P;
        float d2 = dot(L, L);
        float il = inversesqrt(d2);
        vec3 Ld = L * il;
        float e = u_cpos[k].w / d2;
        // wrapped diffuse: light reaches a little past the terminator, as on cloth
        // (round 10: close on her, a harder terminator -- the lit side bright, the far side
        // sinking into the dark -- so she is modelled, not a brown form on a brown wall)
        float ndl = max(dot(N, Ld) + 0.1, 0.0);
        // (round 11, chiaroscuro: close on her the cloth lies mostly in deep shadow -- "a
        // brown form, murky" -- and the candle finds only its turning edges, as a rim)
        diffuse += e * mix(ndl, 0.2 * ndl * ndl * ndl * ndl, u_closeup);
        vec3 H = normalize(Ld + V);
        float nh = max(dot(N, H), 0.0);
        float s8 = nh * nh; s8 *= s8; s8 *= s8;                  // ^8: the pearl's broad sheen
        float s32 = s8 * s8; s32 *= s32;                         // ^32: the satin's folds, the pearl's gloss
        sheen += e * (mix(((0.22 - 0.14 * seat9) * s32 + 0.02 * s8) * (0.2 + 0.8 * max(pleat, 0.0)), 0.03 * s32, skin) + 0.02 * s8 * wood);
        float toward = u_cpos[k].x - axis;
        float facing = smoothstep(-0.03, 0.03, dx * sign(toward)) * smoothstep(0.0, 0.25, abs(toward));
        rim += e * max(-Ld.z, 0.0) * (0.3 * (1.0 - 0.85 * u_closeup) + facing * (1.0 + 1.5 * u_closeup));
    }
    vec3 lc = light_colour();
    sheen *= (1.0 - 0.85 * crease) * (1.0 - 0.9 * face);
    // (round 11, chiaroscuro on the whole stage too: "lumpy tube bodies" -- the gowns' broad
    // sheen halved, so they stand as dark silhouettes drawn by the candles' rims)
    // (round 12: shadows given form: the sheen and rims lower still, so no lit tube outlines)
    sheen *= 0.25;
    // (the hands keep theirs: the tremor shows there; close on her the candle's side keeps a
    // rim that models her, the tubes' outlines (arm_rim) gone)
    rim *= mix(mix(0.55, 0.3, u_closeup), 1.6, skin);
    // (round 10: close on her, the outlined sleeves and knees read as a mannequin's tubes:
    // there the arms sink into the cloak's dark and only her hands and the hood's lip shine)
    arm_rim *= 1.0 - 0.8 * u_closeup;
    arm_rim = max(arm_rim, 0.6 * lip * (1.0 - skin) * smoothstep(ey - 1.2 * e0.z, ey, X.y));
    diffuse += diffuse * 3.0 * arm_rim;
    vec3 body = lc * (albedo * diffuse + sheen * mix(vec3(1.0), pearl, 0.55 - 0.3 * skin));
    // the warm rim where the light wraps round an edge that faces a candle, on the cloth a
    // faint pearl too
    body += lc * mix(vec3(1.0), pearl, 0.3 * (1.0 - skin)) * (0.05 * rim * rim_shape) * (1.0 + 0.6 * skin);
    // and on both edges a faint rim of the light the lit wall behind them bounces back,
    // which turns the outline round (a body, not a cut-out)
    body += lc * wall_colour() * (0.0035 * exp(-inside / 0.004)) * (1.0 - skin) * (1.0 - 0.8 * u_closeup);
    body += shade_colour() * 0.0012 * (1.0 - 0.6 * u_closeup);
    vec3 col = body * cov;

    col = max(col, 0.0);
    vec3 enc = sqrt(col / (1.0 + col));
    enc = dither8(enc, gl_FragCoord.xy, u_frame);
    frag_colour = vec4(enc, cov);
}
