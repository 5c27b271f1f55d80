#version 330 core
// Towers, pass "wall_shot" (the close shot, param ``wall``): ONE wall of liquid glass filling most
// of the frame, touched.  The dream's "towers that ripple like water when touched, their
// surfaces reflecting ... scenes from your deepest memories", seen close enough to read:
// concentric rings spread from the point of light where a fingertip met the glass, and bend
// the memory held inside the glass (wall_memory_bake.frag: a child at a night window); on
// the rings' slopes red, green and blue part a little (each channel refracted by its own
// index); the crests catch the fingertip's light and the sky's; the wall's vertical edge turns
// away from the eye and mirrors the sky brightly (Fresnel); beyond it the city stands dark
// and out of focus.  No marching: the wall is a height field over a plane with a rounded
// edge, its normal analytic, so the whole shot is one full-screen pass.
#include "towers.glsl"
uniform sampler2D u_wall_memory;
uniform vec4 u_wall_touch[4];       // screen-centred x, y (frame heights), age s, strength (0: none)
out vec4 frag_colour;

const float EDGE_X = 0.52;          // where the wall ends (frame heights from the middle)
const float EDGE_ROUND = 0.16;      // the width over which its surface turns away
const vec2 MEMORY_CENTRE = vec2(-0.17, 0.0);
const float MEMORY_SIZE = 1.0;      // the picture's side, frame heights
const float MEMORY_DEPTH = 0.09;    // how far behind the surface the picture lies (its bending)
const float RING_SPEED = 0.15;      // frame heights per second
const float RING_K = 150.0;         // wavenumber: a wavelength of ~0.042 frame heights

// The slope of the surface at p: a slow idle flow of the liquid skin plus each touch's ring
// packet (a damped train of waves trailing its front), and the fingertip's light.
vec2 wall_slope(vec2 p, out float light) {
    // (long slow swells of the liquid skin, enough to catch the long lights as soft sheens
    // drifting up the wall and to sway the memory a little: glass, not a printed picture)
    float swell = p.y * 5.0 - 0.9 * u_time + 1.6 * sin(p.x * 2.2 + 0.3 * u_time);
    vec2 g = vec2(0.012 * cos(p.y * 9.0 + 0.7 * u_time + 2.0 * sin(p.x * 3.0)) + 0.01 * cos(swell),
                  0.008 * cos(p.x * 7.0 - 0.5 * u_time) + 0.035 * sin(swell));
    light = 0.0;
    for (int i = 0; i < 4; ++i) {
        vec4 tch = u_wall_touch[i];
        vec2 d = p - tch.xy;
        float r = length(d) + 1e-5;
        float age = tch.z;
        float front = RING_SPEED * age;
        float x = r - front;
        // the packet: a sharp front, rings trailing behind it over a widening band
        // (a few rings, the water calm again behind them: a wide train read as a bullseye)
        float w_out = 0.018;
        float w_in = 0.04 + 0.015 * age;
        float env = exp(-x * x / ((x > 0.0) ? w_out * w_out : w_in * w_in));
        // (gone by ripple_decay, when the touch leaves the live list: no pop)
        float amp = tch.w * 0.0024 * exp(-0.2 * age) / (1.0 + 1.5 * front)
                  * smoothstep(u_ripple_decay, 0.6 * u_ripple_decay, age);
        float denv = -2.0 * x / ((x > 0.0) ? w_out * w_out : w_in * w_in);
        float dh = amp * env * (RING_K * cos(RING_K * x) + sin(RING_K * x) * denv);
        g += dh * d / r;
        // the fingertip: a point of light on the glass, brightest as it lands, fading
        float touch_on = smoothstep(0.0, 0.08, age) * exp(-1.1 * age) * tch.w
                       * smoothstep(u_ripple_decay, 0.6 * u_ripple_decay, age);
        light += touch_on * (exp(-r * r * 9000.0) * 3.0 + exp(-r * 38.0) * 0.25);
    }
    return g;
}

// The dark city beyond the wall's edge, out of focus: blurred towers and soft discs of light.
vec3 city_beyond(vec2 p) {
    vec3 col = mix(vec3(0.012, 0.01, 0.03), vec3(0.0015, 0.001, 0.004), smoothstep(-0.2, 0.5, p.y));
    col += vec3(0.1, 0.06, 0.18) * exp(-max(p.y + 0.05, 0.0) * 6.0) * 0.15;
    // the towers' soft dark columns with a faint lit edge
    float cx = p.x * 5.0;
    float tower = smoothstep(0.45, 0.25, abs(fract(cx) - 0.5));
    col *= 1.0 - 0.6 * tower;
    col += vec3(0.05, 0.2, 0.2) * 0.12 * exp(-abs(fract(cx) - 0.23) * 25.0);
    // bokeh: a few soft discs of far windows and moss light
    for (int j = 0; j < 2; ++j) {
        vec2 cell_p = p * (6.0 + 3.0 * float(j)) + vec2(0.0, 0.37 * float(j));
        ivec2 cell = ivec2(floor(cell_p));
        vec3 h = hash3i(ivec3(cell, 17 + j));
        vec2 c = vec2(cell) + 0.2 + 0.6 * h.xy;
        float r = length(cell_p - c);
        float disc = smoothstep(0.34, 0.28, r) * (0.7 + 0.3 * smoothstep(0.2, 0.32, r));
        vec3 tint = (h.z < 0.4) ? vec3(0.15, 0.9, 0.65) : ((h.z < 0.75) ? vec3(0.55, 0.35, 1.0) : vec3(1.0, 0.6, 0.3));
        col += tint * disc * 0.012 * step(0.75, h.z * 1.7 - 0.3 * float(j) + h.x * 0.3);
    }
    return col;
}

void main() {
    vec2 p = (gl_FragCoord.xy - 0.5 * u_resolution) / u_resolution.y;
    float zoom = 1.0 + 0.006 * clamp(u_time, 0.0, 40.0);        // a slow push in
    vec2 q = p / zoom;
    float px = 1.0 / (u_resolution.y * zoom);
    // the wall's edge leans a little; past it, the city
    float edge_x = EDGE_X + 0.05 * q.y;
    float cover = smoothstep(0.5 * px, -0.5 * px, q.x - edge_x);
    vec3 behind = city_beyond(q);

    float light;
    vec2 g = wall_slope(q, light);
    // the rounded edge: the surface turns from facing the eye to side-on (a quarter circle)
    float u = clamp((q.x - (edge_x - EDGE_ROUND)) / EDGE_ROUND, 0.0, 0.999);
    float turn = u / sqrt(1.0 - u * u);             // the slope of the quarter circle
    g.x += turn;
    vec3 n = normalize(vec3(-g, -1.0));             // facing the eye (the eye looks along +z)
    vec3 rd = normalize(vec3(q, 1.7));
    float cos_i = max(-dot(rd, n), 0.0);
    float fres = 0.04 + 0.96 * pow(1.0 - cos_i, 5.0);

    // the memory inside: each channel refracted by its own index (dispersion on the slopes),
    // softer where the glass turns away and the path through it grows
    vec2 bend = (n.xy / max(-n.z, 0.2)) * MEMORY_DEPTH;
    vec2 m = (q - MEMORY_CENTRE) / MEMORY_SIZE + 0.5;
    float spread = 0.9 + 0.25 * u_dispersion * 10.0;
    float lod = 0.4 + 3.0 * u * u;
    vec3 mem;
    mem.r = textureLod(u_wall_memory, m + bend * (1.0 - 0.25 * spread), lod).r;
    mem.g = textureLod(u_wall_memory, m + bend, lod).g;
    mem.b = textureLod(u_wall_memory, m + bend * (1.0 + 0.25 * spread), lod).b;
    // the glass absorbs (thick toward its edge: a darker, tinted body there)
    vec3 absorb = exp(-(0.35 + 2.2 * u * u) * (vec3(1.0) - u_tint_lin) * u_absorption * 2.0);
    vec3 inside = mem * mem * u_memories_glow * 0.9 * absorb;      // (deep darks, bright lights)
    // the glass's own dim body glow, cold, so the dark parts of the memory are glass, not a hole
    inside += vec3(0.004, 0.012, 0.02) * (0.5 + 0.5 * u);
    // where the wall turns away the eye looks along its thickness: the glass's own sea-green
    // body, lit from within by the memory's light running along it, and the far face's edge
    // a second, fainter line (a slab of glass, not a pane)
    float along = smoothstep(0.35, 0.9, u);
    float held = dot(textureLod(u_wall_memory, m + bend, 5.0).rgb, vec3(0.3, 0.5, 0.2));
    inside = mix(inside, vec3(0.02, 0.09, 0.08) * (0.3 + 6.0 * held) + 0.4 * inside, along);
    inside += vec3(0.35, 0.8, 0.75) * 0.1 * exp(-pow((u - 0.62) * 30.0, 2.0));

    // reflections: the sky (and its sun) in the turned edge; on the flat face a faint mirror
    vec3 rr = reflect(rd, n);
    // (the bound sky's picture only in the turned edge: on the face its colours read as
    // blotches over the memory; the face mirrors the dark city behind the eye instead)
    vec3 sky = mix(city_beyond(vec2(-rr.x, rr.y) * 0.8 + vec2(0.3, 0.0)) * 2.0,
                   env(vec3(rr.x, rr.y, -rr.z)), smoothstep(0.3, 0.8, u)) * u_reflect;
    // the key light from above-left catches the ring crests as fine bright arcs
    vec3 key_dir = normalize(vec3(-0.5, 0.8, -1.0));
    float kd = max(dot(rr, key_dir), 0.0);
    float spec = pow(kd, 400.0) * 2.0 + pow(kd, 24.0) * 0.006;     // (crisp on crests, a faint sheen)
    // the two long lights the city gives the glass, the violet sky's glow above and the moss's
    // below, seen only where a ring's slope tilts the surface toward them: each ring drawn as
    // a pair of fine arcs, violet over green
    // (by the ripple's own slope, tilted up toward the sky or down toward the moss)
    vec2 ring = g - vec2(turn, 0.0);
    // (only the slopes turned mostly up or down: arcs over and under each ring, as light
    // lies on water, not whole coloured circles -- a target)
    float facing = ring.y / (length(ring) + 1e-4);
    vec3 bands = vec3(0.6, 0.45, 1.0) * 0.2 * smoothstep(0.03, 0.2, -ring.y) * smoothstep(0.55, 0.9, -facing)
               + vec3(0.15, 0.9, 0.65) * 0.09 * smoothstep(0.03, 0.2, ring.y) * smoothstep(0.55, 0.9, facing);
    // the edge where the glass turns away: a thin bright line of the sky along it
    spec += 0.35 * smoothstep(0.8, 0.93, u) * smoothstep(0.995, 0.95, u);
    // the fingertip's point of light glints on the crests near it
    vec4 tch = u_wall_touch[0];
    vec3 tip = vec3(tch.xy, -0.06) - vec3(q, 0.0);
    float tip_r = length(tip);
    float tip_on = smoothstep(0.0, 0.08, tch.z) * exp(-0.6 * tch.z) * tch.w;
    float glint = pow(max(dot(rr, tip / tip_r), 0.0), 120.0) * tip_on * 0.6 / (1.0 + 30.0 * tip_r);

    vec3 col = inside * (1.0 - fres) + sky * fres
             + vec3(0.95, 0.9, 1.0) * spec + bands  + vec3(0.7, 1.0, 0.95) * glint
             + vec3(0.75, 1.0, 0.95) * light;
    col = mix(behind, murk_toe(col), cover);
    // the frame's corners fall off to black
    col *= 1.0 - 0.5 * smoothstep(0.5, 1.1, length(p * vec2(0.8, 1.0)));
    frag_colour = vec4(encode(col, gl_FragCoord.xy), 1.0);
}
