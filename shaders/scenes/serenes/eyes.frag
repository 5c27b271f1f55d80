#version 330 core
// Serenes, eyes pass (full resolution, one small proxy quad per figure's eyes): the lidless
// eyes, analytic mercury spheres kept as billboards that mirror the room and catch each
// candle as a hard highlight, with their own cold glow; premultiplied and encoded as the
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
    vec3 floor_col = 0.16 * floor_light * light_colour();
    vec3 wall_col = 0.5 * wall_light * light_colour() * wall_colour();
    col = mix(col, wall_col, smoothstep(0.0, 0.3, r.z) * step(0.0, W.y));
    col = mix(col, floor_col, smoothstep(-0.02, 0.06, down));
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
        vec3 v = normalize(E - vec3(0.0, CAM_Y, -CAM_D));
        vec3 r = reflect(v, n);
        float fres = 0.78 + 0.22 * pow(1.0 - max(dot(-v, n), 0.0), 5.0);
        vec3 ec = eye_environment(E, r);
        // highlights: a disc of at least about a pixel around the half-vector's image
        float rho = max(0.22, 0.9 * px / eye.z);
        for (int k = 0; k < MAX_CANDLES; ++k) {
            vec3 Ld = normalize(u_cpos[k].xyz - E);
            vec3 hv = normalize(Ld - v);
            float hd = length(o - hv.xy);
            float hl = 1.0 - smoothstep(0.55 * rho, rho, hd);
            vec3 L = u_cpos[k].xyz - E;
            ec += hl * u_cpos[k].w / dot(L, L) * light_colour() * 9.0;
        }
        // Mercury is a grey mirror: what it shows is desaturated toward silver (the candles
        // and the city's colours would tint it like a rainbow bead otherwise).
        ec = mix(vec3(dot(ec, vec3(0.3, 0.59, 0.11))) * vec3(0.92, 0.95, 1.0), ec, 0.15);
        ec *= fres;
        // The glow of the mercury itself, as a chrome ball shows it: bright silver overhead
        // fading through a curved horizon to the dark room below (a gradient, not a white
        // disc with a dark pupil), a dark rim where the sphere turns away, so even a few
        // pixels read as a liquid-metal orb rather than a dot of light.
        vec3 silver = vec3(0.8, 0.88, 1.0);
        float sky = smoothstep(-0.25, 0.7, r.y);
        ec += u_eyes * silver * (0.1 + 1.0 * sky * sky);
        // the thin bright line where the sphere mirrors the lit floor at grazing angles
        ec += u_eyes * light_colour() * 0.5 * smoothstep(0.72, 0.92, dist) * smoothstep(0.1, -0.5, o.y);
        ec *= 0.2 + 0.8 * smoothstep(1.0, 0.72, dist);          // the dark rim: a sphere, not a disc
        col = mix(col, ec, ecov);
        // a halo round the eye (additive, outside it too)
        float halo_r = eye.z * (0.2 + 0.4 * u_eyes);
        col += u_eyes * silver * 0.025 * exp(-max(dist - 1.0, 0.0) * eye.z / halo_r) * (1.0 - ecov)
             * smoothstep(0.095, 0.06, dist * eye.z);
        cov = max(cov, ecov);
    }
    col = dither8(encode_hdr(col), gl_FragCoord.xy, u_frame);
    frag_colour = vec4(col, cov);
}
