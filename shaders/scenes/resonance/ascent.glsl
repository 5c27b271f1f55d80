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

float asc_body(vec2 u) {
    // the robe and the torso: wide at the hem, drawn in at the waist, out to the shoulders
    float y = clamp(u.y, 0.0, 0.76);
    float w = y < 0.48 ? mix(0.118, 0.07, smoothstep(0.0, 0.48, y)) : mix(0.07, 0.1, smoothstep(0.48, 0.74, y));
    w += 0.008 * sin(u.y * 31.0 + 1.3) * (1.0 - smoothstep(0.0, 0.4, u.y));   // the robe's folds
    float robe = max(abs(u.x) - w, max(-u.y, u.y - 0.76));
    float d = asc_smin(robe, length((u - vec2(0.0, 0.735)) / vec2(0.1, 0.045)) * 0.045 - 0.045, 0.02);
    // the arms, lifted open
    d = asc_smin(d, asc_seg(u, vec2(-0.075, 0.73), vec2(-0.21, 1.0), 0.03, 0.02), 0.02);
    d = asc_smin(d, asc_seg(u, vec2(0.075, 0.73), vec2(0.22, 0.99), 0.03, 0.02), 0.02);
    // the neck and the head, tipped back toward the sky
    d = asc_smin(d, asc_seg(u, vec2(0.0, 0.76), vec2(0.006, 0.83), 0.03, 0.028), 0.015);
    d = asc_smin(d, length((u - vec2(0.01, 0.875)) / vec2(0.055, 0.065)) * 0.06 - 0.06, 0.015);
    return d;
}

// How far it has come apart at u (0 whole .. 1 gone): a ragged front that falls from above
// the head to its feet as `ascent` rises, frayed by noise so it crumbles, not cuts.
float asc_gone(vec2 u) {
    float front = mix(1.1, 0.05, clamp(u_ascent, 0.0, 1.0));
    float fray = 0.05 * snoise(u * vec2(7.0, 5.0) + vec2(0.0, -0.6 * u_time));
    return smoothstep(front - 0.07, front + 0.07, u.y + fray);
}

// The motes and the stream of light over the figure at u: the body's light carried up,
// thinning into a column that rises into the curtains above the frame.  Linear light.
vec3 asc_light(vec2 u, float d, float gone) {
    float t = u_time;
    // the motes: cells drifting up, each with its own place, size and flicker; they rise out
    // of what has come apart (below the front they are the body) and spread, then gather
    // into the column higher up
    vec3 col = vec3(0.0);
    float front = mix(1.1, 0.05, clamp(u_ascent, 0.0, 1.0));
    for (int k = 0; k < 2; k++) {
        float sc = k == 0 ? 26.0 : 48.0;
        vec2 g = vec2(u.x * sc, (u.y - t * (0.09 + 0.05 * float(k))) * sc);
        vec2 c = floor(g);
        vec3 h = hash3i(ivec3(ivec2(c), 911 + 17 * k));
        vec2 o = g - c - 0.2 - 0.6 * h.xy;
        float r = 0.09 + 0.12 * h.z;
        float m = exp(-dot(o, o) / (r * r)) * step(0.45, h.z);
        m *= 0.6 + 0.4 * sin(t * (2.0 + 5.0 * h.x) + 30.0 * h.y);
        // where the motes are: over the body's width up from the front, narrowing as they rise
        float above = u.y - front;
        float half_w = mix(0.16, 0.05, smoothstep(0.0, 1.4, above)) + 0.02 * sin(u.y * 4.0 + t);
        float band = smoothstep(half_w, half_w * 0.4, abs(u.x - 0.05 * sin(u.y * 2.3 - 0.4 * t)))
                   * smoothstep(-0.15, 0.1, above) * exp(-max(above, 0.0) * 0.9);
        col += vec3(0.7, 1.0, 0.9) * m * band * (k == 0 ? 1.4 : 0.8);
    }
    // the column: a soft light rising from the front into the sky, faint, brighter low
    float above = u.y - front;
    float cw = 0.05 + 0.03 * smoothstep(0.0, 2.0, above);
    float column = exp(-pow(u.x / cw, 2.0)) * smoothstep(-0.1, 0.15, above) * (0.35 + 0.65 * exp(-max(above, 0.0) * 0.7));
    col += vec3(0.35, 0.85, 0.75) * 0.22 * column;
    // the burning front on the body: a thin bright seam where it comes apart
    // (a glow over the crumbling band, not a bright stroke: thin, the arms' seams read as
    // letters written in the sky)
    float seam = gone * (1.0 - gone) * 4.0 * smoothstep(0.03, -0.01, d);
    col += vec3(0.6, 0.95, 0.85) * 0.45 * seam;
    return col;
}
