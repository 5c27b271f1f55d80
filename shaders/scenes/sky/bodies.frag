#version 330 core
// sky / bodies pass: violet suns with coronas and emerald moons with soft terminators, in
// colours the sky pass's inversion turns into violet and emerald (scenes/sky.py turns them
// ahead of the inversion front, so they are violet and emerald in every phase).
//
// Drawn as additive quads (bodies.vert), one per body and kaleidoscope sector; a pixel keeps
// only the quad of its own sector and shades the body in folded (wedge) coordinates, exactly
// as the sky pass folds it. Output, linear HDR: rgb = light (sun emission plus moon colour
// times coverage), a = coverage (how much of the sky behind a disc is hidden).
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "sky.glsl"

#define SKY_BODIES 12
#define SKY_ANY_SECTOR 1000

uniform sampler2D u_moonmap;         // maria: a tileable noise, baked once (moonmap pass)

uniform vec2 u_resolution;
uniform float u_sector;
uniform vec2 u_rot;                  // cos, sin of the mandala rotation
uniform float u_zoom_eff;
uniform vec4 u_hum;                  // breath, ripple phase, shiver, depth
uniform vec4 u_body_a[SKY_BODIES];   // x, y, radius, kind (0 sun, 1 moon)
uniform vec4 u_body_b[SKY_BODIES];   // sun: reach, intensity, ray fall-off, phase seed
                                     // moon: reach, light elevation (radians), surface offset xy
uniform vec4 u_body_c[SKY_BODIES];   // sun: cos, sin of the corona's rotation, shiver cos, sin
uniform vec4 u_body_d[SKY_BODIES];   // sun: unit phasors of the corona harmonics 7 and 11
uniform vec4 u_body_e[SKY_BODIES];   // sun: unit phasors of the corona harmonics 17 and 13
uniform vec4 u_body_f[SKY_BODIES];   // sun: the photosphere's rim and corona colour; moon: albedo
uniform vec4 u_body_g[SKY_BODIES];   // sun: the photosphere's centre colour
                                     // (all turned ahead of the inversion by scenes/sky.py)
flat in int v_body;
flat in int v_sector;
out vec4 frag;

// The sun's light near its disc: the photosphere and the part of the corona that the nebula
// pass does not carry (sky_sun_corona's `far` weight), at full resolution.
vec3 sun(vec2 q, int i, float px) {
    vec4 a = u_body_a[i];
    vec4 b = u_body_b[i];
    float r = length(q - a.xy);
    float x = r / a.z;
    float mu = sqrt(max(1.0 - x * x, 0.0));
    float smu = sqrt(mu);
    float disc = clamp((a.z - r) / (px + 0.08 * a.z) + 0.5, 0.0, 1.0);     // a soft limb, no drawn edge
    // Limb-darkened photosphere, white-gold at the centre to orange at the rim.
    vec3 core = mix(u_body_f[i].rgb, u_body_g[i].rgb, mu * smu) * (0.55 + 0.45 * smu) * 1.35;
    // a living surface: granulation, and a ragged bright limb instead of a drawn outline
    vec2 g = (q - a.xy) / a.z;
    core *= 0.82 + 0.36 * vnoise(g * 7.0 + b.w * 31.0) * (0.4 + 0.6 * mu);
    vec3 corona = sky_sun_corona(q, a, b, u_body_c[i], u_body_d[i], u_body_e[i], u_hum, u_body_f[i].rgb)
                * (1.0 - sky_sun_far(x));
    return core * disc * b.y * (1.0 + 0.18 * u_hum.w * u_hum.x) + (1.0 - disc) * corona;
}

// A moon: a sphere lit from the mandala's centre (its sun): Lambert shading falling to a
// clear terminator, limb darkening, maria and craters, a thin bright rim where the sunlit limb
// meets the sky, earthshine on the night side, and a faint halo of light around the disc
// (outside it, nothing is hidden).  A body, not a flat pasted disc.
vec4 moon(vec2 q, int i, float px) {
    vec4 a = u_body_a[i];
    vec4 b = u_body_b[i];
    vec2 d = (q - a.xy) / a.z;
    float r2 = dot(d, d);
    float r = sqrt(r2);
    float cover = clamp((1.0 - r) * a.z / px + 0.5, 0.0, 1.0);
    vec3 n = vec3(d, sqrt(max(1.0 - r2, 0.0)));
    float rho = length(a.xy);
    vec2 toward = (rho > 1e-5) ? -a.xy / rho : vec2(0.0, 1.0);
    // (the light kept low, so every moon shows a terminator, never a full flat face)
    float el = min(b.y, 0.45);
    vec3 l = vec3(toward * cos(el), sin(el));
    float ndl = dot(n, l);
    float lit = smoothstep(-0.12, 0.3, ndl) * (0.3 + 0.7 * clamp(ndl, 0.0, 1.0));
    float detail = smoothstep(0.2, 0.6, u_quality);
    float m = texture(u_moonmap, 0.5 + 0.4 * d + 0.15 * (b.zw - 0.5)).r;
    float maria = detail * smoothstep(0.42, 0.68, m);
    vec3 albedo = u_body_f[i].rgb * (1.0 - 0.55 * maria) * (0.9 + 0.2 * detail * m);  // lavender: emerald once inverted
    float limb = 0.55 + 0.45 * pow(n.z, 0.6);
    vec3 col = albedo * lit * limb * 1.05 + vec3(0.008, 0.012, 0.026) * (1.0 - lit);   // earthshine
    // the sunlit rim: a thin bright crescent line along the limb facing the sun
    float facing = max(dot(normalize(d + 1e-6), toward), 0.0);
    float rim = pow(1.0 - n.z, 5.0) * facing * cover;
    col += u_body_f[i].rgb * 0.9 * rim;
    // a faint halo of the moon's light beyond its disc
    float out_ = max(r - 1.0, 0.0);
    vec3 halo = u_body_f[i].rgb * 0.16 * exp(-out_ * 14.0) * (0.35 + 0.65 * facing) * (1.0 - cover);
    float alpha = cover * mix(0.7, 1.0, lit);
    return vec4(col * cover + halo, alpha);
}

void main() {
    float S = u_sector;
    vec2 sky = sky_point(gl_FragCoord.xy, u_resolution, u_rot, u_hum, u_zoom_eff);
    float theta = sky_theta(sky);
    if (v_sector != SKY_ANY_SECTOR && sky_sector(theta, S) != v_sector) {
        discard;
    }
    float ang;
    vec2 q = sky_fold(sky, theta, S, ang);
    float px = 1.0 / (u_resolution.y * u_zoom_eff);
    if (u_body_a[v_body].w < 0.5) {
        // The disc hides what is behind it (stars, nebula, the far corona); its light is added.
        float disc = clamp((u_body_a[v_body].z - length(q - u_body_a[v_body].xy)) / (px + 0.08 * u_body_a[v_body].z) + 0.5, 0.0, 1.0);
        frag = vec4(sun(q, v_body, px), disc);
    } else {
        frag = moon(q, v_body, px);
    }
}
