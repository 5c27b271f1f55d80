// qs_surface.glsl -- the liquid's surface (splash ripples, the shiver), the tears in the air,
// and the metal's shading.  Include-only; needs <visuals/params>, lib/noise.glsl,
// lib/colour.glsl and qs_env.glsl before it.

#define MAX_TEARS 8
#define MAX_WAVES 12
uniform vec4 u_tears[MAX_TEARS];     // x, y, z, horizontal radius
uniform vec4 u_tear_shape[MAX_TEARS];// vertical radius
uniform int u_tear_count;
uniform int u_refl_tear_count;       // tears traced in the pool's reflection (0 at low quality)
uniform vec4 u_waves[MAX_WAVES];     // x, z, age (s), amplitude
uniform int u_wave_count;
uniform vec4 u_shiver;               // the shiver's two swell phases (wrapped) and drift, from the CPU

// Splash ripples: damped wave packets running out from each impact.  Returns the height
// gradient (world units per unit).
vec2 ripples(vec2 p) {
    vec2 gsum = vec2(0.0);
    for (int i = 0; i < u_wave_count; ) {      // (exit tested at the end too: shaders/README.md)
        vec4 w = u_waves[i];
        vec2 dp = p - w.xy;
        float rho = max(length(dp), 1e-4);
        float age = w.z;
        float front = 0.55 * age;                     // packet centre (units)
        float sigma = 0.05 + 0.22 * age;              // the packet disperses as it travels
        float x = rho - front;
        float env = exp(-x * x / (sigma * sigma)) * exp(-age * 1.3) / sqrt(0.15 + rho);
        float kw = 34.0 / (1.0 + 0.8 * age);          // longer waves lead as it spreads
        // d/drho of A env sin(kw x); the envelope's own slope is kept (it matters at the crown)
        float ph = kw * x;
        float dh = w.w * env * (kw * cos(ph) - 2.0 * x / (sigma * sigma) * sin(ph));
        gsum += dh * dp / rho;
        if (++i >= u_wave_count) {
            break;
        }
    }
    return gsum * 0.0045;
}

// The liquid's slow shiver (the dream's hum): long, smooth swells and a faint drifting
// undulation; mercury is a near-perfect mirror, so nothing fine.  Returns a height gradient.
vec2 shiver(vec2 p, int octaves) {
    vec2 g = vec2(0.0);
    g += 0.006 * vec2(0.8, 0.6) * cos(dot(p, vec2(0.8, 0.6)) * 7.0 - u_shiver.x);
    g += 0.005 * vec2(-0.5, 0.86) * cos(dot(p, vec2(-0.5, 0.86)) * 10.0 + u_shiver.y);
    vec2 q = p * 2.2 + u_shiver.zw;
    float amp = 0.012;
    for (int o = 0; o < octaves; ) {
        g += amp * snoise_grad(q).yz;
        q = NOISE_OCTAVE_ROT2 * q * 1.9;
        amp *= 0.4;
        if (++o >= octaves) {
            break;
        }
    }
    return g;
}

// ---------------------------------------------------------------- tears in the air

// Nearest falling tear along a ray (the first `count` of them): t (or -1), its normal, and
// antialiased coverage.
float trace_tears(vec3 ro, vec3 rd, float px_angle, int count, out vec3 normal, out float cover) {
    float best = -1.0;
    normal = vec3(0.0, 1.0, 0.0);
    cover = 0.0;
    for (int i = 0; i < count; ) {      // (exit tested at the end too: shaders/README.md)
        vec4 tr = u_tears[i];
        vec3 rad = vec3(tr.w, u_tear_shape[i].x, tr.w);
        vec3 o = (ro - tr.xyz) / rad;
        vec3 d = rd / rad;
        float a = dot(d, d);
        float b = dot(o, d);
        float c = dot(o, o) - 1.0;
        float tc = -b / a;                                   // closest approach
        float miss = sqrt(max(c + 1.0 - b * b / a, 0.0));    // closest distance, in radii
        float h = b * b - a * c;
        float cov = clamp((1.0 - miss) * tr.w / (px_angle * tc) + 0.5, 0.0, 1.0);  // px in radii
        if (tc > 0.0 && cov > 0.0) {                         // ahead, and touching the pixel
            float t = (-b - sqrt(max(h, 0.0))) / a;
            if (best < 0.0 || t < best) {
                best = t;
                vec3 hit = o + d * t;
                normal = normalize(hit / rad);
                cover = cov;
            }
        }
        if (++i >= count) {
            break;
        }
    }
    return best;
}

// ---------------------------------------------------------------- shading

// F0: the tint scaled into 0.3..0.8 (mercury is ~0.75 and neutral; black still reflects).
vec3 metal_f0() {
    return 0.3 + 0.5 * qs_decode(u_tint.rgb);
}

// Mercury: a neutral, high F0 (~0.75) rising to 1 at grazing; no diffuse at all.
// r: the reflected direction; aaw: its change across a pixel (widens sharp features).
vec3 metal_shade(vec3 n, vec3 v, vec3 r, float rough, float aaw) {
    float cosv = clamp(dot(n, v), 0.0, 1.0);
    vec3 f0 = metal_f0();
    vec3 F = f0 + (1.0 - f0) * pow(1.0 - cosv, 5.0);
    return F * (env_radiance(r, rough, aaw) + key_light(r, rough, aaw));
}

