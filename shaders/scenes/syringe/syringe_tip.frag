#version 330 core
// The needle's point in extreme close-up (``shot`` 1, round 21): the syringe's two stills were
// one set-up ("a product render; purple soup behind"), so the choice gets a second, closer
// shot in the manner of the Serene's portrait (one modelled subject, a light you can see, a
// metal that mirrors it, darkness behind).  The needle is a polished steel tube cut by the
// slanted plane of its bevel, its bore open in the cut (ray-marched: a capped cylinder minus
// its bore, bounded by a sphere); a bead of liquid starlight swells at the bore (``bead``): a
// sphere that glows from inside with drifting points of light, mirrors the night and carries
// one hard highlight; the steel carries the long cold glint of the moon along its length.
// Behind, far and dark, the Serenes who offer it: soft hooded shapes, and their lidless
// mercury eyes sharp, small chrome spheres giving back the bead's light.
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/noise.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/dither.glsl"

uniform vec2 u_resolution;
uniform int u_frame;
uniform float u_bead_r;          // the bead's radius (world units; 0: none yet)
uniform float u_bead_glow;     // how bright the starlight is
uniform float u_swirl;         // the starlight's drift inside the bead (radians, wrapped)
uniform float u_sway;          // the held needle's small sway (radians)
uniform float u_eyes;          // how present the watchers' eyes are
out vec4 frag_colour;

const float FOCAL = 1.9;
const float R = 0.032;                      // the needle's outer radius
const float BORE = 0.023;                   // its bore (a thin wall: the cut face a narrow ring)
const float BEVEL_TAN = 0.2;                // the bevel's slope along the needle (tan of ~11 degrees: a long cut)
const vec3 TIP = vec3(0.1, -0.06, 1.0);     // the point, a little right of and below the centre
const vec3 MOON_DIR = vec3(-0.35, 0.8, -0.5);
const vec3 STAR = vec3(0.75, 0.82, 1.0);
const vec3 GOLD = vec3(1.0, 0.78, 0.45);
const vec3 VIOLET = vec3(0.42, 0.2, 0.75);

float sy_sq_tip(float x) { return x * x; }

vec3 needle_axis() {                        // from the point back towards the barrel
    float s = u_sway;
    return normalize(vec3(-0.82 + 0.03 * s, 0.42 + 0.05 * s, 0.45));
}

// Across the needle, mostly up and a little towards the camera (round 25: turned full to the
// camera the cut face read as "a flat disc / saucer"; tipped up it is seen slanted, a long
// narrow ellipse along the tube).
vec3 bevel_up(vec3 a) {
    vec3 side = normalize(cross(a, vec3(0.0, 0.0, -1.0)));
    vec3 toward = normalize(cross(side, a));
    vec3 up = normalize(vec3(0.0, 1.0, 0.0) - a * a.y);
    return normalize(0.45 * toward + 0.9 * up);
}

vec3 bevel_normal(vec3 a) {                 // the bevel's cut: a plane rising from the point
    return normalize(bevel_up(a) - a * BEVEL_TAN);
}

float needle(vec3 p) {
    vec3 a = needle_axis();
    vec3 q = p - TIP;
    float along = dot(q, a);
    vec3 radial = q - a * along;
    float rr = length(radial);
    float tube = rr - R;                                 // the tube
    // the bevel: a slanted plane from the point (on the tube's far side) back along it
    float cut = (dot(q, bevel_up(a)) - BEVEL_TAN * along + R) / sqrt(1.0 + BEVEL_TAN * BEVEL_TAN);
    float d = max(tube, cut);
    d = max(d, -(rr - BORE));                            // the bore, open in the cut
    return max(d, along - 3.0);
}

vec3 needle_normal(vec3 p) {
    const vec2 k = vec2(1.0, -1.0) * 0.0005;
    return normalize(k.xyy * needle(p + k.xyy) + k.yyx * needle(p + k.yyx) +
                     k.yxy * needle(p + k.yxy) + k.xxx * needle(p + k.xxx));
}

vec3 bead_centre() {
    vec3 a = needle_axis();
    // on the bevel's face, over the lower end of the bore (towards the point: centred on the
    // long cut, the face's ring round it read as a planet's), hanging a little
    // (round 29's readers at 152.8 s: "a stray ring under the drop" -- swollen, the bead left
    // the bevel's sharp point sticking out under it as a bright crescent: as it grows it runs
    // down the cut and hangs from the point, which it swallows, as a drop does)
    float grown = smoothstep(0.02, 0.062, u_bead_r);
    return TIP + a * (mix(0.5, 0.12, grown) * R / BEVEL_TAN) + bevel_normal(a) * (u_bead_r * mix(0.55, 0.3, grown))
         - vec3(0.0, mix(0.35, 0.55, grown) * u_bead_r, 0.0);
}

// The night the steel and the bead give back: dark, the violet haze low, the moon's long cold
// light high behind, the bead's own warm-white light where it is.
vec3 night(vec3 r, float strip) {
    vec3 c = mix(VIOLET * 0.22, vec3(0.008, 0.006, 0.016), smoothstep(-0.25, 0.35, r.y));
    // (round 32, the readers at 150.9/153.3 s: "the needle's underside a flat purple fill, a
    // shading error": every ray the tube's lower half gave back met the same haze.  Below the
    // haze the dark floor: the underside falls off to black, and the haze's brightest line at
    // the horizon runs along the tube as a thin band -- the round of polished steel)
    c = mix(c, vec3(0.003, 0.002, 0.006), smoothstep(-0.05, -0.55, r.y));
    c += VIOLET * 0.3 * exp(-abs(r.y + 0.06) * 28.0);
    float m = max(dot(r, normalize(MOON_DIR)), 0.0);
    c += STAR * (3.5 * pow(m, 400.0) + 0.25 * pow(m, 12.0));
    // a strip of the moon's light (the long glint the needle's round carries)
    c += STAR * 0.6 * strip * exp(-abs(r.x + 0.3) * 9.0) * smoothstep(0.1, 0.7, r.y);
    return c;
}

// The hall far behind the Serenes, out of focus (round 29's readers at 152.8 s: "the
// background a plain purple gradient, close to a placeholder"): the city's liquid-glass
// towers standing in the haze in two rows, dark against it, their moonlit left edges catching
// a thin cold light; soft shafts of moonlight fanning down through the air from a high window
// at the upper left; the wet floor below the haze line giving the towers back, dimmer and
// broken by ripples.  (Round 34's readers at 144.7 s: "flat 2D triangles with mirrored
// copies" -- as in the wide shot, round columns with drawn-out crowns, no triangles.)
vec3 far_hall(vec2 uv, vec3 haze) {
    const float HZ = -0.12;                                    // the haze line (the floor's far edge)
    float above = uv.y - HZ;
    float m = abs(above) * (above < 0.0 ? 1.6 : 1.0);          // (mirrored in the floor below it)
    float below = max(-above, 0.0);
    uv.x += 0.012 * sin(below * 90.0 / (0.2 + 4.0 * below)) * smoothstep(0.0, 0.04, below);   // (the ripples break it)
    vec3 c = haze;
    for (int layer = 0; layer < 2; ++layer) {
        float fl = float(layer);
        float dens = 5.0 + 5.0 * fl;
        float x = uv.x * dens + 2.3 + 4.1 * fl;
        float cell = floor(x);
        float f = x - cell - 0.5;
        vec2 h = vec2(hash12(vec2(cell, 11.0 + fl)), hash12(vec2(cell, 23.0 + fl)));
        float top = (0.22 + 0.42 * h.x * h.x) / (1.0 + fl);
        float up = clamp(m / top, 0.0, 1.0);
        float half_w = (0.14 + 0.1 * h.y) * (1.0 - 0.25 * up);
        float crown = half_w * 5.5 / dens;
        float into = max(m - (top - crown), 0.0) / crown;
        half_w *= max(1.0 - into * into, 0.0);                 // (a drawn-out drop of glass, not a triangle)
        float soft = 0.07 + 0.03 * fl + (above < 0.0 ? 0.12 : 0.0);   // out of focus (in cells), the reflection softer
        float cover = smoothstep(soft, -soft, abs(f) - half_w) * smoothstep(top + 0.02, top - 0.03, m)
                    * step(0.35, h.y);
        float mist = 0.45 + 0.35 * fl;
        float edge = exp(-sy_sq_tip((f + half_w) / soft)) * smoothstep(top + 0.02, top - 0.03, m) * step(0.35, h.y) * (0.4 + 0.6 * up);
        float dim = above < 0.0 ? 0.35 : 1.0;
        c *= 1.0 - 0.75 * cover * (1.0 - mist);                 // dark glass against the haze
        c += mix(VIOLET, STAR, 0.6) * 0.035 * edge * (1.0 - mist) * dim;
    }
    // shafts of moonlight through the hall's air, slanting down from the upper left
    float sx = (uv.x + 0.6) / max(1.3 - uv.y, 0.05);          // (fanning from a high window at the upper left)
    float shafts = sy_sq_tip(sy_sq_tip(0.5 + 0.5 * sin(sx * 7.0 + 0.8))) * 0.7 + pow(0.5 + 0.5 * sin(sx * 17.0 + 2.1), 10.0) * 0.4;
    c += mix(VIOLET, STAR, 0.4) * 0.05 * shafts * smoothstep(-0.15, 0.45, uv.y) * smoothstep(0.5, 0.1, uv.y);
    return c;
}

// The watchers far behind (screen coordinates): soft hoods, and their eyes sharp.
vec3 watchers(vec2 uv, float px) {
    vec3 c = vec3(0.0);
    // the haze they stand in
    // (round 34's readers: "a soft muddy background" -- the haze a band low on the horizon,
    // the air above it going to night, so the steel and the bead stand against true blacks)
    c += VIOLET * 0.085 * exp(-abs(uv.y + 0.12) * 11.0) + VIOLET * 0.02 * exp(-abs(uv.y - 0.05) * 2.5);
    c = far_hall(uv, c);
    // where the bead is on the screen: its warm light rims the Serenes' edges that face it
    vec3 bc = bead_centre();
    vec2 bead_at = bc.xy / bc.z * FOCAL;
    float hood = 0.0;
    vec3 eyes = vec3(0.0);
    vec3 rims = vec3(0.0);
    for (int i = 0; i < 3; ++i) {
        float fi = float(i);
        vec2 at = vec2(-0.55 + 0.52 * fi + 0.07 * fi * fi, 0.13 - 0.05 * fi);
        float size = 0.9 - 0.18 * fi;
        vec2 q = (uv - at) / size;
        // a hooded shape: a tall column widening to the ground, its hood a pointed arch
        // (out of focus: wide soft edges)
        float body = max(abs(q.x) - 0.1 - 0.16 * smoothstep(0.0, -0.7, q.y), q.y - 0.05);
        vec2 hq = q - vec2(0.0, 0.06);
        float hood_sd = max((length(hq / vec2(0.105, 0.16)) - 1.0) * 0.13, (abs(q.x) * 1.1 + q.y - 0.23) * 0.7);
        body = min(body, hood_sd);
        hood = max(hood, (1.0 - smoothstep(-0.05, 0.05, body)) * (0.85 - 0.15 * fi));
        c += VIOLET * 0.07 * exp(-abs(body + 0.03) * 30.0) * smoothstep(-0.5, 0.15, q.y);   // haze caught on the hood's edge
        // (round 29's readers at 152.8 s: "blurred silhouettes, close to a placeholder": the
        // Serenes stand lit in the hall -- the bead's warm light catches the edges of their
        // hoods and robes that face it, falling off with the distance to it, out of focus)
        vec2 to_bead = bead_at - uv;
        vec2 side = vec2(sign(q.x) * 1.0, 0.35 * smoothstep(-0.1, 0.2, q.y));
        float facing_b = max(dot(normalize(side), normalize(to_bead)), 0.0);
        float rim_b = exp(-sy_sq_tip((body + 0.03) / 0.03)) * smoothstep(0.02, -0.03, body) * facing_b * smoothstep(-0.35, 0.0, q.y);
        rims += GOLD * 0.1 * rim_b * u_bead_glow * (0.9 - 0.2 * fi) / (1.0 + 4.0 * dot(to_bead, to_bead));
        // two lidless mercury eyes in the hood's dark: small dark chrome spheres, crisp, the
        // bead's light a hard point in each
        for (int e = 0; e < 2; ++e) {
            vec2 ec = vec2((float(e) - 0.5) * 0.06, 0.075);
            vec2 d = (q - ec) / 0.017;
            float rr = dot(d, d);
            float cover = 1.0 - smoothstep(1.0 - px * 60.0 / size, 1.0, sqrt(rr));
            vec3 n = vec3(d, sqrt(max(1.0 - rr, 0.0)));
            vec3 rf = reflect(vec3(0.0, 0.0, -1.0), n);
            vec3 mirror = night(rf, 1.0) * 0.5 + vec3(0.5, 0.55, 0.7) * 0.07 * pow(1.0 - n.z, 2.0);
            mirror += GOLD * 3.0 * pow(max(dot(rf, normalize(vec3(0.45, -0.25, -0.85))), 0.0), 120.0) * u_bead_glow;
            eyes = mix(eyes, mirror * u_eyes, cover);
            eyes += vec3(0.55, 0.7, 1.0) * 0.025 * u_eyes * exp(-sqrt(rr) * 1.2);   // a faint cold glow
        }
    }
    c = mix(c, c * 0.15, hood);                              // the hoods black against the haze
    c *= mix(0.3, 1.0, smoothstep(-0.45, -0.14, uv.y));       // the floor falls away into the dark (true blacks under the lit air)
    return c + rims + eyes;
}

void main() {
    vec2 uv = (gl_FragCoord.xy - 0.5 * u_resolution) / u_resolution.y;
    float px = 1.0 / u_resolution.y;
    vec3 ro = vec3(0.0);
    vec3 rd = normalize(vec3(uv, FOCAL));

    vec3 col = watchers(uv, px);

    // the needle: marched inside a bounding slab round its last stretch
    float t = 0.7;
    float hit = 0.0;
    for (int i = 0; i < 64; ++i) {
        float d = needle(ro + rd * t);
        if (d < 0.0004 * t) { hit = 1.0; break; }
        t += d;
        if (t > 3.5) break;
    }
    float tn = hit > 0.5 ? t : 1e9;
    if (hit > 0.5) {
        vec3 p = ro + rd * t;
        vec3 n = needle_normal(p);
        vec3 r = reflect(rd, n);
        float fres = 0.55 + 0.45 * pow(1.0 - max(-dot(rd, n), 0.0), 5.0);
        vec3 steel = night(r, 1.0) * fres * vec3(0.9, 0.92, 1.0);
        // the bead's light on the steel near it
        vec3 bl = bead_centre() - p;
        float bd = length(bl);
        steel += GOLD * u_bead_glow * 0.06 * max(dot(n, bl / bd), 0.0) / (bd * bd * 40.0 + 0.4);
        // inside the bore: dark
        vec3 a = needle_axis();
        vec3 q = p - TIP;
        float rr = length(q - a * dot(q, a));
        // the cut face: a narrow polished ring round the lumen, catching the light all along
        // its outer edge and its lip, brighter towards the point (a slanted cut, not a disc)
        float along = dot(q, a);
        float on_face = smoothstep(0.97, 0.995, dot(n, bevel_normal(a)));
        float edge = smoothstep(R - 0.006, R - 0.0008, rr) + 0.6 * (1.0 - smoothstep(BORE + 0.0008, BORE + 0.004, rr));
        float toward_point = 1.0 - smoothstep(0.0, 2.0 * R / BEVEL_TAN, along);
        steel += on_face * (STAR * edge * (0.28 + 0.5 * toward_point) + VIOLET * 0.12 * toward_point);
        steel *= mix(0.03, 1.0, smoothstep(BORE - 0.001, BORE + 0.002, rr));
        col = steel;
    }

    // the bead of starlight swelling at the bore
    if (u_bead_r > 0.001) {
        vec3 c = bead_centre();
        vec3 oc = ro - c;
        float b = dot(oc, rd);
        float h = b * b - dot(oc, oc) + u_bead_r * u_bead_r;
        // its edge antialiased by the distance of the ray from the sphere
        float miss = length(oc - rd * b) - u_bead_r;
        float cover = 1.0 - smoothstep(-px * 2.0, px * 0.5, miss / max(-b, 0.1));
        if (cover > 0.0 && -b - u_bead_r * 0.5 < tn) {
            float tb = -b - sqrt(max(h, 0.0));
            vec3 p = ro + rd * tb;
            vec3 n = normalize(p - c);
            float fres = 0.04 + 0.96 * pow(1.0 - max(-dot(rd, n), 0.0), 5.0);
            // inside: drifting points of light at three depths in the liquid (round 29's
            // readers at 152.8 s: "the orb's sparkles look like sticker dashes" -- looked up
            // through the refracted ray they stretched into streaks at the rim).  Each layer
            // is laid out in the bead's own screen plane, so every point is round; the deeper
            // layers smaller, slower and dimmer, and all dimmed through the thicker liquid towards the rim.
            vec2 local = (p.xy - c.xy) / u_bead_r;
            float stars = 0.0;
            float thick = sqrt(max(1.0 - dot(local, local), 0.0));
            float px_b = px * tb / (FOCAL * u_bead_r);          // one pixel in the bead's units
            for (int k = 0; k < 3; ++k) {
                float fk = float(k);
                float ang = u_swirl * (1.0 - 0.25 * fk) + 1.7 * fk;
                float cs = cos(ang), sn = sin(ang);
                vec2 g = mat2(cs, -sn, sn, cs) * (local * (1.0 - 0.1 * fk)) * (4.5 + 3.0 * fk) + fk * 3.7;
                vec2 id = floor(g);
                vec2 o = vec2(hash12(id), hash12(id + 2.3)) - 0.5;
                float size = (0.045 + 0.06 * hash12(id + 5.7)) * (1.0 - 0.2 * fk);
                float dist = length(fract(g) - 0.5 - 0.6 * o);
                float pxg = px_b * (4.5 + 3.0 * fk);               // one pixel in this layer's cells
                float pt = exp(-sy_sq_tip(dist / max(size * 0.5, pxg))) + 0.15 * exp(-dist / max(size, pxg)) * smoothstep(0.2, 0.05, dist);   // (the glow held inside its cell: cut by the cell's edge it read as a dash)
                stars += pt * step(0.5, hash12(id + 9.1)) * smoothstep(0.2, 0.1, pxg)   // (a layer whose points would be under a few pixels apart fades: no glitter)
                        * (1.0 - 0.3 * fk) * (0.6 + 0.4 * sin(u_swirl * 3.0 + 6.28 * hash12(id + 1.3)));
            }
            stars *= 0.35 + 0.65 * thick;
            // a deep blue-violet body full of drifting stars, a small hot core of gold
            float facing = max(dot(-rd, n), 0.0);
            float core = pow(facing, 22.0);
            vec3 inner = mix(vec3(0.02, 0.015, 0.07), VIOLET * 0.42, facing * facing) + GOLD * 2.2 * core + STAR * stars * 1.6;
            inner *= u_bead_glow;
            // (no moon strip in the bead: squeezed at its rim it read as dashes)
            vec3 outer = night(reflect(rd, n), 0.0);
            // (the hard glints on its front only: reflected at the grazing rim they smeared into dashes)
            float front = smoothstep(0.3, 0.55, facing);
            outer += STAR * 6.0 * front * pow(max(dot(reflect(rd, n), normalize(MOON_DIR)), 0.0), 200.0);
            outer += vec3(1.0, 0.97, 0.92) * 9.0 * front * pow(max(dot(reflect(rd, n), normalize(vec3(-0.45, 0.55, -0.7))), 0.0), 400.0);
            vec3 bead = mix(inner, outer, fres);
            col = mix(col, bead, cover);
        }
        // its glow in the air round it
        float gd = length(cross(rd, c - ro));
        col += GOLD * u_bead_glow * 0.012 * u_bead_r / (gd * gd * 90.0 + u_bead_r * 0.4);
    }

    col *= 1.0 - 0.45 * dot(uv, uv);
    col = agx_display(col * 1.3);
    frag_colour = vec4(dither8(col, gl_FragCoord.xy, u_frame), 1.0);
}
