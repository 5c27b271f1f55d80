#version 330 core
// Serenes, pass "threads": "Lovers do not quarrel; their affections are harmonized by neural
// threads that link their minds."  A bundle of fine filaments arcing from one lover's brow to
// the other's, each a triangle strip (instance = filament), just in front of the figures; they
// sway a little and fan apart in the middle of the span.  Drawn only while lovers > 0 (the
// scene's draw_count); only the filaments' pixels are shaded.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>
#include "../../lib/common.glsl"
#include "serenes.glsl"
#include "quad.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform vec4 u_lovers_pair;              // the two figures (indices), lovers 0..1

const int THREAD_SEGMENTS = 48;     // strip segments along a filament (2 vertices each)
const float THREAD_Z = -0.08;       // just in front of the figures

out float v_across;                 // -1..1 across the filament
out float v_along;                  // 0 at one brow .. 1 at the other
flat out float v_thread;            // which filament

// A point on the brow of figure i: between its eyes, a little above.
vec2 brow(int i) {
    vec3 l = figure_eye(i, 0);
    vec3 r = figure_eye(i, 1);
    return 0.5 * (l.xy + r.xy) + vec2(0.0, 1.6 * l.z);
}

void main() {
    int k = gl_InstanceID;
    int seg = gl_VertexID / 2;
    float side = (gl_VertexID % 2 == 0) ? -1.0 : 1.0;
    float s = float(seg) / float(THREAD_SEGMENTS);
    int ia = int(u_lovers_pair.x + 0.5);
    int ib = int(u_lovers_pair.y + 0.5);
    vec2 a = brow(ia);
    vec2 b = brow(ib);
    float fk = float(k);
    // each filament its own arc: some rise over the gap, some sag beneath, fanning apart in
    // the middle and gathering at the brows, swaying slowly
    float span = max(length(b - a), 0.05);
    // (round 14: the tall loops over their heads read as clip-art arcs: a low bridge brow to brow)
    float lift = max(span, 0.3) * (0.32 - 0.12 * fk + 0.05 * sin(0.9 * u_time + 1.7 * fk));
    float hump = 4.0 * s * (1.0 - s);
    vec2 P = mix(a, b, s) + vec2(0.0, lift * hump)
           + vec2(0.0, 0.012 * sin(TAU * (1.5 + 0.5 * fk) * s + 1.3 * u_time + fk)) * hump;
    vec2 dP = (b - a) + vec2(0.0, lift * (4.0 - 8.0 * s));
    vec2 normal = normalize(vec2(-dP.y, dP.x));
    // (round 11: "the thread arcs thin and lost": wider, a halo of light round each)
    // (round 18: "the lovers' threads tiny and lost": the strip three times as wide, so a
    // soft glow of their light hangs in the air round the fine cores -- threads.frag)
    float width = 3.0 * (0.024 + 0.016 * hump) * (1.0 + 0.25 * float(k == 0));   // (a halo round a fine core)
    P += side * width * normal;
    gl_Position = screen_clip(plane_to_screen(P, THREAD_Z), u_resolution);
    bool shown = u_lovers_pair.z > 0.0 && ia >= 0;
    gl_Position = shown ? gl_Position : vec4(2.0, 2.0, 2.0, 1.0);
    v_across = side;
    v_along = s;
    v_thread = fk;
}
