#version 330 core
// Serenes, eyes pass (full resolution, one small proxy quad per figure's eyes): the lidless
// eyes, small analytic mercury spheres kept as billboards that mirror the room softly, each
// candle one tiny specular, with their own faint cold glow (no rim, no catch-light); premultiplied and encoded as the
// figures are.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"
#include "serenes.glsl"
#include "light.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform sampler2D u_city;
flat in int v_fig;
out vec4 frag_colour;

vec3 encode_hdr(vec3 c) {
    return sqrt(max(c, 0.0) / (1.0 + max(c, 0.0)));
}

// What a mercury eye at E sees in direction r: the candle-lit floor below the horizon, the
// dark room (or the city, with the backdrop) above it.
vec3 eye_environment(vec3 E, vec3 r) {
    vec3 col = shade_colour() * 0.02;
    float down = -r.y;
    // floor: light falling on it, seen at the point the reflected ray meets it
    float tf = E.y / max(down, 1e-3);
    vec3 F = E + r * tf;
    // the wall behind them, caught at the sphere's rim (where the reflected ray turns back)
    vec3 W = E + r * (WALL_Z / max(r.z, 1e-3));
    vec3 floor_light = vec3(0.0);
    vec3 wall_light = vec3(0.0);
    for (int k = 0; k < MAX_CANDLES; ++k) {
        vec3 L = u_cpos[k].xyz - F;
        float d2 = dot(L, L);
        floor_light += u_cpos[k].w * max(L.y, 0.0) * inversesqrt(d2) / d2;
        vec3 M = u_cpos[k].xyz - W;
        float m2 = dot(M, M);
        wall_light += u_cpos[k].w * max(-M.z, 0.0) * inversesqrt(m2) / m2;
    }
    vec3 floor_col = 0.07 * floor_light * light_colour();   // (0.16 before round 19: a pale lower half)
    vec3 wall_col = 0.5 * wall_light * light_colour() * wall_colour();
    col = mix(col, wall_col, smoothstep(0.0, 0.3, r.z) * smoothstep(-1.2, 0.4, W.y));
    // (a soft horizon: a hard line across the ball read as a lid over a white sclera)
    col = mix(col, floor_col, smoothstep(-0.3, 0.5, down));
    // the world in front of them: the room's darkness or the city behind the viewer
    vec2 uv = vec2(0.5 - 0.45 * r.x, 0.55 + 0.5 * r.y);
    vec3 city = srgb_to_linear(textureLod(u_city, uv, 0.0).rgb);
    col += (1.0 - smoothstep(-0.05, 0.1, down)) * (1.0 - smoothstep(0.0, 0.3, r.z))
         * u_backdrop * 0.5 * city;
    return col;
}

void main() {
    int i = v_fig;
    vec2 s = centered_uv(gl_FragCoord.xy, u_resolution);
    vec2 X = screen_to_plane(s, 0.0);
    float px = plane_scale(0.0) / u_resolution.y;          // metres per pixel
    vec3 col = vec3(0.0);
    float cov = 0.0;
    // The eyes: mercury spheres, a hard highlight of each candle and the room around.
    for (int e = 0; e < 2; ++e) {
        vec3 eye = figure_eye(i, e);
        vec2 o = (X - eye.xy) / eye.z;
        float r2 = dot(o, o);
        float dist = sqrt(r2);
        float ecov = clamp((1.0 - dist) * eye.z / px + 0.5, 0.0, 1.0);
        vec3 E = vec3(eye.xy, 0.0);
        vec3 n = vec3(o, -sqrt(max(1.0 - r2, 0.0)));
        n = normalize(n + vec3(0.0, 0.0, -1e-4));
        vec3 v = normalize(E - vec3(CAM_X, CAM_Y, -CAM_D));
        vec3 r = reflect(v, n);
        float fres = 0.78 + 0.22 * pow(1.0 - max(dot(-v, n), 0.0), 5.0);
        vec3 ec = eye_environment(E, r);
        // Mercury is a grey mirror: what it shows is desaturated toward silver (the candles
        // and the city's colours would tint it like a rainbow bead otherwise), and dark: a
        // liquid-metal ball in a dark room is a dark ball, not a white eye.
        ec = mix(vec3(dot(ec, vec3(0.3, 0.59, 0.11))) * vec3(0.92, 0.95, 1.0), ec, 0.15);
        ec *= 0.3 * fres;
        // Its own cold glow, low and even: a soft gradient, brighter overhead and toward the
        // middle (the limb darkens: a ball, not a disc), without the horizon line that read
        // as a lid over a white sclera (round 8: "googly cartoon eyes").
        vec3 silver = vec3(0.72, 0.84, 1.0);
        float sky = smoothstep(-0.6, 0.9, r.y);
        // (round 19: at 1280x720 "the eyes white dots": the orb's own light kept low -- a
        // dark metal ball that the candle's spec lights, not a pale disc)
        ec += (0.45 + u_eyes) * silver * (0.012 + 0.1 * sky * sky) * (1.0 - 0.5 * r2);   // (round 12: always a faint glow of its own)

        // (round 12: "googly eyes": no Fresnel rim -- any bright ring round the ball read as a
        // cartoon sclera round a pupil)
        // The window: each candle mirrored as a small bright image -- the flame a hot,
        // upright teardrop at the half-vector's image, the lit wax a dim warm stroke under
        // it (a convex mirror keeps the world upright) -- at least about a pixel across.
        // (round 18: "dot eyes": flat pale discs -- the orb itself darker now, a liquid mirror, and
        // the candle in it a larger bright spec with a soft warm reflection round it)
        // (round 19: at 1280x720 still "white dots": the ball's mirrored room and its own
        // glow a third as bright, a dark metal orb that the candle's spec alone lights)
        ec *= 0.35;
        // toward full glow the mercury lights from within (the dream keeps it about 0.5:
        // dark; at the cost, 0.95, the eyes burn)
        ec += smoothstep(0.8, 1.0, u_eyes) * silver * 0.25 * (1.0 - 0.5 * r2);
        float rho = max(0.2, 0.6 * px / eye.z);   // (round 12: one tiny specular, not a catch-light)
        for (int k = 0; k < MAX_CANDLES; ++k) {
            vec3 L = u_cpos[k].xyz - E;
            float pw = u_cpos[k].w / dot(L, L);
            vec3 hv = normalize(normalize(L) - v);
            vec2 q = o - hv.xy;
            q.y = q.y > 0.0 ? q.y * 0.55 : q.y * 1.1;            // the flame's tall tip
            float hd = length(q);
            float flame = 1.0 - smoothstep(0.5 * rho, rho, hd);
            float core = 1.0 - smoothstep(0.0, 0.55 * rho, hd);
            ec += (flame * 2.0 + core * 7.0) * pw * mix(light_colour(), vec3(1.0), 0.45 * core);
            // the flame's light in the air and on the floor round it, mirrored as a warm
            // bloom that the sphere's curve squeezes toward its edge: the orb reflects a
            // place, it is not a painted iris with a catch-light
            vec2 g = (o - hv.xy) * vec2(1.0, 0.8) * (1.0 + 1.5 * r2);
            // (round 19: tight, so most of the ball stays dark metal round the spec)
            ec += exp(-dot(g, g) * 16.0) * pw * 0.3 * mix(light_colour(), silver, 0.35);
        }
        // the very edge dark again over the last sliver: the sphere's outline stays crisp
        ec *= 0.15 + 0.85 * smoothstep(1.0, 0.6, dist);   // (round 12: the limb dark: a ball, no ring)
        // (round 9: "cartoon goggle eyes") the brow overhangs the orb: its upper part lies in
        // the brow's shadow, so the ball sits in the face instead of on it
        // (round 12: set deeper: the brow's shadow covers the upper half)
        ec *= 1.0 - 0.6 * smoothstep(-0.2, 0.8, o.y + 0.15 * o.x * o.x);
        col = mix(col, ec, ecov);
        // a soft cold glow round the eye (additive, outside it too): wide and faint, so it
        // reads as light from the orb, not a ring round a goggle
        float halo_r = eye.z * (0.45 + 0.6 * u_eyes);
        col += u_eyes * silver * 0.011 * exp(-max(dist - 1.0, 0.0) * eye.z / halo_r) * (1.0 - ecov)
             * smoothstep(0.095, 0.05, dist * eye.z);
        cov = max(cov, ecov);
    }
    col = dither8(encode_hdr(col), gl_FragCoord.xy, u_frame);
    frag_colour = vec4(col, cov);
}
