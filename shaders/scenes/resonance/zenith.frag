#version 330 core
// Resonance, the worm's-eye shot, last pass (full resolution): the glass spires rising round
// the eye into the curtains overhead, the sky behind them (zenith_sky) and the stars.
//
// Each spire is found first on its bounding cone (analytic: a quadratic per spire), then on
// its true form inside it: a tapering body that waists and flares, fluted with ribs that twist
// as it rises to a needle, with rings of liquid ripple running up it.  Its normal comes from
// that form, so the glass's fresnel reflection of the aurora (zenith_env), the sky seen
// through it (bent, darkened by the thickness of glass crossed) and the corona's glints
// follow the flutes and the rings.  Far spires fade into the violet haze.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/dither.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "zenith.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform int u_frame;
uniform float u_flow;
uniform vec2 u_hum;
uniform int u_seed;
uniform sampler2D u_zenith_sky;
uniform sampler2D u_zenith_env;
uniform sampler2D u_zenith_field;
uniform sampler2D u_zenith_motes;
uniform sampler2D u_starfield;
out vec4 frag_colour;

const float FLUTES = 6.0;
const float ZEN_MIST_H = 2.5;     // the mist's height scale among the spires' feet
// The spire's radius at height fraction v (0 foot .. 1 needle) and angle a round its axis,
// as a fraction of the bounding cone's radius there (always <= 1, so the cone bounds it).
float spire_shape(float v, float a, float seed, float t) {
    float w = (v - 0.42 - 0.1 * seed) / 0.16;
    float waist = 1.0 - 0.3 * exp(-w * w);
    float flare = 1.0 - 0.12 * smoothstep(0.0, 0.12, v);
    // (round 33: "thin and plasticky / placeholder cones" -- a shard's cross-section is a
    // polygon of flat facets, five to seven, twisting a little as it rises: crisp ridges
    // between flat faces that each take the light whole, as cut glass does, not a fluted cone)
    float seg = 6.2832 / FLUTES;
    float fa = mod(a + (0.5 + 0.6 * seed) * v + 6.0 * seed, seg) - 0.5 * seg;
    // (each ridge rounded over a few degrees, so its normal turns smoothly and the light on
    // it does not step from pixel to pixel -- a hard ridge stair-stepped down the near shard)
    float m = 0.5 * seg - abs(fa);
    float fr = 0.5 * seg - (sqrt(m * m + 0.0036) - 0.06);
    float flute = cos(0.5 * seg) / cos(fr);
    float ring = 0.97 + 0.03 * sin(55.0 * v - 3.0 * t + 9.0 * seed);
    return waist * flare * flute * ring;
}

// The ripples' beads of light running up a spire (0..1) at height fraction v.
float beads0(float v, float t, float seed) {
    return pow(0.5 + 0.5 * sin(16.0 * v - 2.0 * t + 9.0 * seed), 3.0);
}

// The pixel's footprint (world units) at distance t along a ray.
float foot_at(float t) {
    return t * u_zen_lens / u_resolution.y;
}

// Distance-like field of spire i at point x: > 0 outside its true surface.
float spire_g(vec3 x, vec4 s, float seed, float t) {
    vec2 q = x.xz - s.xy;
    float v = clamp(x.y / s.w, 0.0, 1.0);
    float a = atan(q.y, q.x);
    return length(q) - s.z * (1.0 - v) * spire_shape(v, a, seed, t);
}

// The bounding cone of spire s: entry and exit distances along the ray (o, d); x > y: missed.
vec2 cone_hit(vec3 o, vec3 d, vec4 s) {
    vec2 q = o.xz - s.xy;
    float k = s.z / s.w;
    float A = s.w - o.y;
    float a = dot(d.xz, d.xz) - k * k * d.y * d.y;
    float b = 2.0 * (dot(q, d.xz) + k * k * A * d.y);
    float c = dot(q, q) - k * k * A * A;
    float disc = b * b - 4.0 * a * c;
    vec2 none = vec2(1e9, -1e9);
    if (disc < 0.0) {
        return none;
    }
    float sq = sqrt(disc);
    float t0 = (-b - sq) / (2.0 * a);
    float t1 = (-b + sq) / (2.0 * a);
    if (t0 > t1) {
        float tmp = t0; t0 = t1; t1 = tmp;
    }
    float t_apex = A / max(d.y, 1e-4);            // where the ray passes the needle's height
    // (below the apex only: the upper nappe of the double cone is not the spire)
    bool ok0 = t0 > 0.0 && t0 < t_apex;
    bool ok1 = t1 > 0.0 && t1 < t_apex;
    float enter = ok0 ? t0 : (ok1 ? t1 : 1e9);
    float leave = ok0 ? (ok1 ? t1 : t_apex) : t_apex;
    return vec2(enter, leave);
}

// The curtains' lower edges at full resolution: the hem of each sheet, where the ray
// crosses the fold at the sheet's own lowest height (found in two looks: a guess at the
// middle height gives the sheet and its hem's height, the second look is there).  Seen from
// below, each sheet's light rises inward from its hem toward the zenith (the march in
// zenith_sky), so the hem is the crisp bright line that draws the fold.
vec3 zen_hem(vec3 d) {
    float dy = max(d.y, 0.02);
    vec2 slope = d.xz / dy;
    vec2 sd = vec2(float(u_seed % 997) * 1.37, float((u_seed / 997) % 997) * 0.71);
    // (the first look reads the hem's height from the baked field, the same folds at the
    // same time, not from a second full curtain evaluation: round 32, the shot ran slow)
    vec2 g0 = slope * (ZEN_H0 * 1.25);
    float base = texture(u_zenith_field, g0 / (2.0 * ZEN_W) + 0.5).b;
    vec2 g = slope * (ZEN_H0 * (1.0 + 0.5 * base));
    vec4 c = zen_curtain(g, u_flow, sd, u_hum.y);
    // (the hem breaks with the body's rays, not one even stroked line: round 29)
    float bundle = 0.05 + 0.5 * zen_bundle(g, u_flow, sd);
    // (the line a pixel or so wide whatever the distance: its width from the pixel's own
    // footprint across the sheets, capped where the fold wraps from +0.5 to -0.5)
    float w = max(0.022, min(1.2 * fwidth(c.w), 0.08));
    float line = exp(-(c.w * c.w) / (w * w));
    vec3 c_low = zen_crown();
    vec3 hot = mix(c_low, vec3(0.85, 1.0, 0.9), 0.35);
    float edge = smoothstep(ZEN_W, 0.7 * ZEN_W, max(abs(slope.x), abs(slope.y)) * ZEN_H0 * 1.25);
    return hot * (0.3 * bundle * line * (0.1 * c.g + 0.9 * c.r) * edge * u_intensity * smoothstep(0.12, 0.45, d.y));
}

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 d = zen_ray(p);
    vec3 o = vec3(0.0, ZEN_EYE, 0.0);
    vec2 suv = gl_FragCoord.xy / u_resolution;
    // (four bilinear taps a pixel apart: a tent over the half-resolution sky that melts its
    // march's dither into the light)
    // (1.5 px apart: one pixel apart the dither's hatching still showed in a 1:1 crop of the
    // curtains' rays, round 29)
    vec2 px = 1.5 / u_resolution;
    vec3 sky = 0.25 * (texture(u_zenith_sky, suv + vec2(px.x, px.y)).rgb + texture(u_zenith_sky, suv + vec2(-px.x, px.y)).rgb
                     + texture(u_zenith_sky, suv + vec2(px.x, -px.y)).rgb + texture(u_zenith_sky, suv - px).rgb);
    // (round 23: no comb of rays at all -- both readers: "a warp-speed screensaver")
    vec3 base = zen_sky_base(d);
    // (the hem only where its sheet's body glows: a hem over a faint body read as a loose
    // noodle of light)
    float body_light = dot(sky - base, vec3(0.3, 0.5, 0.2));
    sky += zen_hem(d) * smoothstep(0.004, 0.04, body_light);
    // (round 35's readers at 110.9 s: "the aurora a vague ring with little structure") -- the
    // curtains' fine rays.  An aurora's rays are vertical, and every vertical seen from below
    // runs to the zenith, so they are a pattern of the azimuth alone: noise read round a circle
    // (no seam where the angle wraps), two scales, the light of the curtains' body combed into
    // them; faded out near the zenith, where they would crowd into one point.
    {
        vec2 hz = d.xz / max(length(d.xz), 1e-4);
        float rn = 0.6 * vnoise(hz * 44.0 + vec2(0.06 * u_flow, 3.0)) + 0.4 * vnoise(hz * 115.0 + vec2(7.0, -0.1 * u_flow));
        // (combed hard in some sectors of the whorl and softly in others -- the sheets' folds
        // -- not evenly everywhere: round 23's even comb of rays read as "a warp-speed screensaver")
        float fold = 0.25 + 0.75 * smoothstep(0.3, 0.7, vnoise(hz * 7.0 + vec2(-0.03 * u_flow, 11.0)));
        float comb = mix(1.0, 0.35 + 1.3 * smoothstep(0.32, 0.7, rn), fold * smoothstep(0.3, 0.55, d.y) * (1.0 - smoothstep(0.93, 0.995, d.y)));
        sky = base + max(sky - base, 0.0) * comb;
    }
    vec4 st = texelFetch(u_starfield, ivec2(gl_FragCoord.xy), 0);
    float tw = 1.0 + 0.4 * sin(u_time * (1.3 + 2.5 * st.g) + 40.0 * st.b);
    float veil = smoothstep(0.1, 0.0, dot(sky, vec3(0.3, 0.5, 0.2)));   // (stars only in clear sky)
    vec3 col = sky + 0.8 * (st.r * st.r) * tw * vec3(0.8, 0.85, 1.0) * (0.3 + 0.7 * veil);

    // The nearest spire on its bounding cone.
    float best = 1e9, leave = 0.0;
    vec4 s = vec4(0.0, 0.0, 1.0, 1.0);
    float seed = 0.0;
    for (int i = 0; i < ZEN_SPIRES; ++i) {
        vec2 h = cone_hit(o, d, u_spires[i]);
        if (h.x < best && h.x <= h.y) {
            best = h.x;
            leave = h.y;
            s = u_spires[i];
            seed = hash11(float(i) + 0.5);
        }
    }
    float t = u_flow;
    float hit = 0.0;
    float th = best;
    if (best < 1e8) {
        // Through the cone: the first sample inside the true form, then halve the bracket.
        float lo = best, hi = best;
        float dt = (leave - best) / 5.0;
        bool found = false;
        for (int j = 1; j <= 5; ++j) {
            float tj = best + dt * float(j);
            if (!found) {
                if (spire_g(o + tj * d, s, seed, t) < 0.0) {
                    found = true;
                    hi = tj;
                } else {
                    lo = tj;
                }
            }
        }
        for (int j = 0; j < 3; ++j) {
            float tm = 0.5 * (lo + hi);
            bool inside = spire_g(o + tm * d, s, seed, t) < 0.0;
            lo = inside ? lo : tm;
            hi = inside ? tm : hi;
        }
        hit = found ? 1.0 : 0.0;
        th = hi;
    }
    if (hit > 0.0) {
        vec3 x = o + th * d;
        vec2 q = x.xz - s.xy;
        float rq = length(q);
        vec2 radial = q / max(rq, 1e-5);
        // The normal from the form's gradient (numerically along the height and round the
        // axis, where the flutes and rings are).
        float v = clamp(x.y / s.w, 0.0, 1.0);
        float a = atan(q.y, q.x);
        float e = 0.004;
        float R = s.z * (1.0 - v) * spire_shape(v, a, seed, t);
        float dRdv = (s.z * (1.0 - v - e) * spire_shape(v + e, a, seed, t) - R) / e;
        float dRda = (s.z * (1.0 - v) * spire_shape(v, a + 0.01, seed, t) - R) / 0.01;
        vec2 tang = vec2(-radial.y, radial.x);
        vec3 n = normalize(vec3(radial.x, 0.0, radial.y) - vec3(0.0, dRdv / s.w, 0.0)
                           - vec3(tang.x, 0.0, tang.y) * dRda / max(rq, 1e-3));
        if (dot(n, d) > 0.0) {
            n = -n;
        }
        float cosi = max(dot(-d, n), 0.0);
        float fres = 0.04 + 0.96 * pow(1.0 - cosi, 5.0);
        vec3 rd = reflect(d, n);
        vec3 refl = texture(u_zenith_env, zen_env_uv(rd)).rgb * smoothstep(-0.2, 0.1, rd.y);
        // Through the glass: the sky behind, bent by the form, dimmed by the glass crossed
        // (the chord through the bounding cone, thicker toward the body's middle).
        // (round 23: "the towers just dark wedges" -- the glass disperses: red, green and
        // blue bent by different amounts, so the curtains behind come through it split into
        // fringes of their colours, and the glass is clear, the aurora bright in it; round 26:
        // the split narrowed -- wide, it laid rainbow smears down the near spire's body)
        float aspect_inv = u_resolution.y / u_resolution.x;
        // (round 35: "flat-shaded cones" -- the body a lens: the bend grows toward the axis,
        // where the rod inverts and magnifies the curtains behind it)
        vec2 q0b = o.xz - s.xy;
        float tcb = clamp(-dot(q0b, d.xz) / max(dot(d.xz, d.xz), 1e-6), best, leave);
        vec3 xcb = o + tcb * d;
        float rrb = clamp(-spire_g(xcb, s, seed, t) / max(s.z * (1.0 - clamp(xcb.y / s.w, 0.0, 1.0)), 1e-4), 0.0, 1.0);
        vec3 behind;
        for (int c = 0; c < 3; ++c) {
            vec3 pr = zen_project(normalize(d - (0.3 + 0.55 * rrb + 0.04 * float(c)) * n));
            vec2 buv = vec2(pr.x * aspect_inv, pr.y) + 0.5;
            behind[c] = texture(u_zenith_sky, clamp(buv, 0.0, 1.0))[c];
        }
        float chord = (leave - th) / max(s.z, 0.1);
        // (round 28: "dark faceted cones, plastic, no refraction" -- the glass clearer, so the
        // curtains' green and violet come through it bent; the dark is kept for its core)
        vec3 absorb = exp(-vec3(0.72, 0.5, 0.36) * chord);
        // the curtains overhead seen down through the body (refracted up the spire)
        vec3 up_d = normalize(refract(d, n, 0.67) + vec3(0.0, 0.6, 0.0));
        vec3 inner = texture(u_zenith_env, zen_env_uv(up_d)).rgb;
        // a dark core where the eye looks square through the body's thickest glass; toward
        // the flanks the light behind is bent in brightly, and a band of it caught by total
        // internal reflection runs just inside each edge, parallel to it (what says glass rod)
        // (measured across the body as seen: where the ray passes closest to the axis, its
        // depth inside the form over the body's radius there, 0 at the silhouette, 1 on the axis)
        vec2 q0 = o.xz - s.xy;
        float tc = clamp(-dot(q0, d.xz) / max(dot(d.xz, d.xz), 1e-6), best, leave);
        vec3 xc = o + tc * d;
        float gc = spire_g(xc, s, seed, t);
        float foot = tc * u_zen_lens / u_resolution.y;
        float rr = clamp(-gc / max(s.z * (1.0 - clamp(xc.y / s.w, 0.0, 1.0)), 1e-4), 0.0, 1.0);
        float core = smoothstep(0.3, 0.7, rr);
        float tir = exp(-pow((rr - 0.2) / 0.07, 2.0));
        // (round 33: a dark body -- the light through the thick middle of the shard all but
        // gone, kept at its flanks and in the band inside its edges)
        vec3 glass = (behind * 1.5 * (1.0 - 0.7 * core) + inner * (0.35 * (1.0 - 0.7 * core) + 1.6 * tir)) * absorb
                   + tir * 0.18 * mix(srgb_to_linear(u_colour_high.rgb), srgb_to_linear(u_colour_low.rgb), 0.5 + 0.5 * sin(3.0 * v + seed * 6.0))
                   + vec3(0.0005, 0.001, 0.002);
        // The corona's glints: the heart overhead caught in the flutes, streaks up the body.
        vec3 heart = normalize(vec3(ZEN_HEART.x, 35.0, ZEN_HEART.y));
        float glint = pow(max(dot(rd, heart), 0.0), 60.0);
        float sheen = pow(max(dot(rd, heart), 0.0), 8.0);
        vec3 c_low = zen_crown();
        vec3 c_high = zen_outer();
        // (round 22: dark glass -- the aurora mirrored faintly in the body, the light kept for
        // one bright line along its edge)
        vec3 lit = glass * (1.0 - fres) + refl * vec3(0.75, 0.8, 1.0) * (0.02 + 0.45 * fres * fres * fres)
                 + (3.0 * glint * vec3(0.85, 0.9, 1.0) + 0.3 * sheen * c_high) * (0.4 + 0.6 * fres);
        // The key: the brightest curtains, low to one side -- a long highlight down each
        // spire's flank, so the round of the body reads.
        vec3 key = normalize(vec3(0.8, 0.55, 0.3));
        float kdot = max(dot(rd, key), 0.0);
        lit += (pow(kdot, 16.0) * c_low * 0.2 + pow(kdot, 120.0) * vec3(0.9, 1.0, 0.95) * 2.5) * (0.3 + 0.7 * fres);
        // The liquid's ripple rings running up the body: thin bright hoops where the ring's
        // crest turns the glass to the light, curving round the spire (so it reads round),
        // and the flutes' ridges catching a fainter line each.
        float ring = 0.5 + 0.5 * sin(55.0 * v - 3.0 * t + 9.0 * seed);
        float hoop = pow(ring, 14.0) * (1.0 - v) * (0.4 + 0.6 * fres);
        lit += hoop * 0.12 * mix(c_low, vec3(0.8, 0.9, 1.0), 0.5) * (0.4 + sheen * 3.0 + 0.6 * cosi);
        // The facets' ridges: a thin lit edge along each, a pixel wide whatever the distance,
        // bright on the side the key (the brightest curtains) falls on and all but gone on the
        // far side -- the cut edges of a glass shard catching the light over its dark body.
        float seg = 6.2832 / FLUTES;
        float fa = mod(a + (0.5 + 0.6 * seed) * v + 6.0 * seed, seg) - 0.5 * seg;
        float ridge_px = rq * (0.5 * seg - abs(fa)) / max(foot_at(th), 1e-6);
        float ra = a - fa + sign(fa) * 0.5 * seg;          // the ridge's own angle round the axis
        float facing = max(dot(vec2(cos(ra), sin(ra)), normalize(vec2(0.8, 0.3))), 0.0);
        lit += mix(c_low, vec3(0.9, 0.97, 1.0), 0.7) * exp(-ridge_px * ridge_px * 0.6) * (0.05 + 2.6 * facing * facing)
             * (0.6 + 0.8 * sheen) * (1.0 - 0.6 * v);
        // Rim light from the curtains: the silhouette's edges pale green (grazing fresnel).
        lit += c_low * 0.04 * pow(1.0 - cosi, 4.0);
        // One bright edge each: the grazing silhouette catching the curtains, a thin line.
        // (thin, white-silver, bright: the Fresnel edge of liquid glass, a pixel or two inside
        // the silhouette whatever the distance, brighter toward the needle where the glass thins)
        // (broken by the liquid's ripples running up the body, each crest catching the light
        // at the edge: beads of light sliding up a wet edge, not a drawn outline; and only
        // where the body is wider than a few pixels, where a line inside its edge can be seen)
        float edge_px = -gc / max(foot, 1e-6);
        float body_px = s.z * (1.0 - v) / max(foot, 1e-6);
        float beads = 0.2 + 0.8 * pow(0.5 + 0.5 * sin(16.0 * v - 2.0 * t + 9.0 * seed), 3.0);
        // (round 35: "liquid glass" -- the light behind focused by the rod into a caustic
        // line inside the flank away from the key, broken by the ripples running up it)
        float side = smoothstep(0.0, 0.5, -dot(radial, normalize(vec2(0.8, 0.3))));
        float caus = exp(-pow((rr - 0.5) / 0.09, 2.0)) * side * (0.35 + 0.65 * beads0(v, t, seed));
        lit += caus * 0.9 * mix(c_low, vec3(0.9, 1.0, 0.95), 0.4) * (1.0 - 0.5 * v);
        // (the broad Fresnel sheen of the grazing flanks the outer turns' violet, the thin edge
        // inside it white: the glass takes the whorl's depth of colour, not one green)
        lit += mix(c_high, vec3(0.9, 0.9, 1.0), 0.35) * 1.1 * pow(1.0 - cosi, 6.0);
        lit += mix(c_low, vec3(0.92, 0.97, 1.0), 0.75) * (1.6 * pow(1.0 - cosi, 16.0)
             + 0.45 * exp(-pow((edge_px - 1.2) / 0.9, 2.0)) * beads * smoothstep(3.0, 10.0, body_px) * (0.5 + sheen + 0.6 * v));
        // Haze by distance, and the needles dissolving into the light overhead.
        // (a thin violet air, not the sky itself: the glass must stay darker than what it
        // stands against, or its body melts into the curtains' rays)
        float haze = 1.0 - exp(-th * 0.012);
        lit = mix(lit, 0.25 * sky + 0.01 * c_high, haze * 0.6);
        float melt = smoothstep(0.75, 1.0, v);
        // Antialiased silhouette: the form's signed distance where the ray passes closest to
        // the spire's axis, over the pixel's footprint there, ramps the glass in over ~1.5 px.
        float cover = smoothstep(0.0, 1.5 * foot, -gc);
        col = mix(col, lit, (1.0 - melt) * cover);
    }
    // A thin mist low among the spires' feet: ground fog thinning with height (scale
    // ZEN_MIST_H), integrated along the ray to the glass or out to the sky, faint violet with
    // the curtains' green in it, drifting in slow wisps -- the spires rise out of air, not
    // a void (round 32's readers: "no mist"); looking up, the sky overhead stays black.
    {
        float tt = hit > 0.0 ? th : 80.0;
        float dy = max(d.y, 0.05);
        float fog = ZEN_MIST_H * (1.0 - exp(-tt * dy / ZEN_MIST_H)) / dy;
        vec3 xm = o + min(tt, 12.0) * d;
        float wisp = 0.55 + 0.9 * vnoise(xm.xz * 0.25 + vec2(0.15 * u_flow, -0.1 * u_flow));
        vec3 mist_c = mix(srgb_to_linear(u_colour_high.rgb) * 0.5, zen_crown(), 0.35);
        // (only low, where the rays run long through the fog: the sky up toward the zenith keeps
        // its true black)
        col = mix(col, mist_c * 0.08, (1.0 - exp(-0.12 * fog * wisp)) * (1.0 - smoothstep(0.25, 0.62, d.y)));
    }
    // Memories drifting up among the spires into the cloud: a few warm motes and their
    // trails (zenith_motes.frag, drawn on their own quads), hidden behind any spire in front
    // of them (their layer's alpha: the light's distance, weighted by the light).
    vec4 mt = texelFetch(u_zenith_motes, ivec2(gl_FragCoord.xy), 0);
    float mote_dist = mt.a / max(dot(mt.rgb, vec3(0.3, 0.5, 0.2)), 1e-7);
    col += mt.rgb * (hit > 0.0 && th < mote_dist ? 0.0 : 1.0);
    col *= 1.0 - 0.32 * dot(p * vec2(0.6, 1.0), p * vec2(0.6, 1.0));   // soft vignette
    col = tonemap_aces(col * 0.9);
    col = linear_to_srgb(col);
    frag_colour = vec4(dither8(saturate(col), gl_FragCoord.xy, u_frame), 1.0);
}
