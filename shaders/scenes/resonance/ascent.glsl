// ascent.glsl -- "the dead dissolving into the Resonance" (round 34: never seen by a reader;
// and 104 and 120 s "near-identical"): in the lake shot's second half a robed figure stands on
// the water before the glass city, backlit by the curtains, and comes apart from the head
// down into motes of light that stream up in a thinning column into the aurora; its image
// lies broken in the water under it.  Two passes over one screen quad (ascent.vert): the
// body's dark silhouette (alpha blended, ascent_body.frag) and the light (added,
// ascent_light.frag), both drawn only while `ascent` > 0.
// Include-only, after <visuals/params>, common.glsl, hash.glsl and noise.glsl.

uniform vec2 u_resolution;
uniform float u_time;
uniform vec4 u_ascent_at;      // feet x, feet y (view units), height, 0 (scenes/resonance.py)

// Figure-local point (feet at 0, head at about 1) of view point p.
vec2 asc_local(vec2 p) {
    return (p - u_ascent_at.xy) / u_ascent_at.z;
}

// The figure's silhouette: a robed body, its arms lifted open to the light above it (the
// one gesture that reads at this size as a person giving themselves up to the sky), a head
// bowed back, the hem a little flared; signed distance in figure units.
float asc_seg(vec2 u, vec2 a, vec2 b, float ra, float rb) {
    vec2 pa = u - a, ba = b - a;
    float h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h) - mix(ra, rb, h);
}

float asc_smin(float a, float b, float k) {
    float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
    return mix(b, a, h) - k * h * (1.0 - h);
}

// The robe's half-width at height y (figure units): wide at the hem, drawn in at the waist,
// out to the shoulders (the body pass shades the cloth round this width as a cylinder).
float asc_width(float y) {
    y = clamp(y, 0.0, 0.76);
    float w = y < 0.48 ? mix(0.118, 0.07, smoothstep(0.0, 0.48, y)) : mix(0.07, 0.1, smoothstep(0.48, 0.74, y));
    return w + 0.008 * sin(y * 31.0 + 1.3) * (1.0 - smoothstep(0.0, 0.4, y));   // the robe's folds
}

float asc_body(vec2 u) {
    // the robe and the torso
    float w = asc_width(u.y);
    float robe = max(abs(u.x) - w, max(-u.y, u.y - 0.76));
    float d = asc_smin(robe, length((u - vec2(0.0, 0.735)) / vec2(0.1, 0.045)) * 0.045 - 0.045, 0.02);
    // the arms, opening outward and a little up from the sides, palms to the sky -- not
    // raised straight (round 34, the lead: arms up read as a clip-art stick figure)
    d = asc_smin(d, asc_seg(u, vec2(-0.08, 0.71), vec2(-0.2, 0.84), 0.034, 0.022), 0.03);
    d = asc_smin(d, asc_seg(u, vec2(0.08, 0.71), vec2(0.21, 0.83), 0.034, 0.022), 0.03);
    // the neck and the head, tipped back toward the sky
    d = asc_smin(d, asc_seg(u, vec2(0.0, 0.76), vec2(0.006, 0.83), 0.03, 0.028), 0.015);
    d = asc_smin(d, length((u - vec2(0.01, 0.875)) / vec2(0.055, 0.065)) * 0.06 - 0.06, 0.015);
    return d;
}

// How far it has come apart at u (0 whole .. 1 gone): a wide ragged band that falls from
// the head toward the feet as `ascent` rises (fast at first: by a sixth of the way the whole
// upper half is coming apart, round 34's lead: "its upper half breaking into light"), frayed
// by noise drifting up, so it crumbles, not cuts.
float asc_front() {
    return mix(0.95, 0.0, sqrt(clamp(u_ascent, 0.0, 1.0)));
}

float asc_gone(vec2 u) {
    float front = asc_front();
    float fray = 0.07 * snoise(u * vec2(9.0, 4.0) + vec2(0.0, -0.5 * u_time));
    return smoothstep(front - 0.12, front + 0.3, u.y + fray);
}

// The figure's outward normal in the picture's plane at u (its distance's gradient): where
// the light from the curtains above falls on it.
vec2 asc_normal(vec2 u, float d, float e) {
    return normalize(vec2(asc_body(u + vec2(e, 0.0)) - d, asc_body(u + vec2(0.0, e)) - d) + 1e-6);
}

// The light the figure turns into at u (d: its distance, gone: how far come apart there, n:
// its outline's normal, px: a pixel in figure units).  Linear light.
//  - a rim of the aurora's light along what faces up (head, shoulders, the arms' tops), lit
//    from the curtains above; what is coming apart glows through (translucent);
//  - strands: long soft threads of light pulled up out of the upper body, streaming into
//  - a soft column rising into the curtains, with motes carried up in it.
vec3 asc_light(vec2 u, float d, float gone, vec2 n, float px) {
    float t = u_time;
    float front = asc_front();
    vec3 aur = vec3(0.45, 1.0, 0.85);
    vec3 col = vec3(0.0);
    // the rim from above: a thin bright edge where the outline faces the sky, a softer wider one
    float up = clamp(n.y, 0.0, 1.0);
    float edge = exp(-abs(d) / (1.4 * px)) * step(d, 2.0 * px) + 0.35 * exp(-max(-d, 0.0) / (5.0 * px)) * step(d, 0.0);
    col += aur * 1.2 * edge * (0.15 + 0.85 * up * up) * smoothstep(0.35, 0.75, u.y) * (1.0 - 0.6 * gone);
    // translucent: inside what is coming apart, the light shows through the body
    float inside = smoothstep(px, -px, d);
    col += aur * 0.22 * inside * gone * (0.5 + 0.5 * snoise(u * vec2(14.0, 6.0) - vec2(0.0, 0.8 * t)));
    // where the light goes: over the body's width at the front, narrowing into a soft column
    float above = u.y - front;
    float sway = 0.035 * sin(u.y * 2.1 - 0.5 * t);
    float half_w = mix(0.17, 0.06, smoothstep(0.0, 1.6, above));
    float x = u.x - sway * smoothstep(0.0, 0.8, above);
    float band = exp(-pow(x / half_w, 2.0)) * smoothstep(-0.25, 0.15, above);
    // strands: ridged noise stretched up, so the light pulls up in threads, not dots
    // (soft ribbons, a few pixels wide: finer, they read as rain or hairline scratches)
    float s1 = 1.0 - abs(snoise(vec2(x * 11.0, u.y * 1.1 - 0.45 * t)));
    float s2 = 1.0 - abs(snoise(vec2(x * 19.0 + 7.0, u.y * 1.7 - 0.7 * t)));
    float strands = pow(s1, 5.0) + 0.5 * pow(s2, 7.0);
    col += aur * 0.42 * strands * band * exp(-max(above, 0.0) * 0.55);
    // the motes: a few sparks carried up in it, small and soft
    vec2 g = vec2(x * 40.0, (u.y - t * 0.12) * 40.0);
    vec2 c = floor(g);
    vec3 h = hash3i(ivec3(ivec2(c), 911));
    vec2 o = g - c - 0.25 - 0.5 * h.xy;
    float m = exp(-dot(o, o) / 0.012) * step(0.6, h.z) * (0.6 + 0.4 * sin(t * (2.0 + 5.0 * h.x) + 30.0 * h.y));
    col += vec3(0.75, 1.0, 0.92) * 0.9 * m * band * exp(-max(above, 0.0) * 0.9);
    // the column: a soft broad light rising into the sky, brightest where it leaves the body
    float cw = 0.07 + 0.05 * smoothstep(0.0, 2.0, above);
    float column = exp(-pow(x / cw, 2.0)) * smoothstep(-0.2, 0.2, above) * (0.4 + 0.6 * exp(-max(above, 0.0) * 0.6));
    col += vec3(0.35, 0.85, 0.75) * 0.3 * column;
    return col;
}
