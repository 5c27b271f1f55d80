#version 330 core
// Resonance, the worm's-eye shot: the memories drifting up among the spires into the cloud
// (scene: zenith_memories, zenith_trails), a few warm motes -- the one warm light in the cold
// shot -- each drawing its climb behind it.  Drawn as one small quad per mote into a layer of
// their own (linear light; alpha: the light's distance from the eye, weighted by the light,
// so the last pass can hide them behind a nearer spire).  (Round 32: looped over per pixel in
// the last pass, ten of them cost the shot's frame a quarter; on their quads, a few percent.)
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/colour.glsl"

uniform vec2 u_resolution;
flat in int v_item;
out vec4 frag_colour;

const int ZEN_MOTES = 10;
uniform vec4 u_motes[ZEN_MOTES];       // screen x, y, radius, distance (scene: zenith_memories)
uniform float u_mote_light[ZEN_MOTES]; // how bright each is now (0: not shown)
uniform vec4 u_mote_trails[ZEN_MOTES];  // its trail's start and middle (screen x, y, x, y) (scene: zenith_trails)
uniform float u_mote_life[ZEN_MOTES];   // its life: 0 rising from the spires' feet .. 1 gone into the curtains

void main() {
    vec2 p = centered_uv(gl_FragCoord.xy, u_resolution);
    int i = v_item;
    vec3 c_aur = mix(srgb_to_linear(u_colour_low.rgb), vec3(0.85, 1.0, 0.9), 0.3);
    vec4 m = u_motes[i];
    vec4 tr = u_mote_trails[i];
    vec2 sp = m.xy - p;
    float r2 = dot(sp, sp) / max(m.z * m.z, 1e-8);
    // (small and sharp: a hot core, a tight halo -- round 21's soft blobs read as smears)
    float glow = 1.6 * exp(-r2 * 3.0) + 0.06 * exp(-r2 * 0.3);
    // (round 27, "the dead dissolving into the Resonance": the trail, its nearer stroke
    // (middle to mote, h 0.5..1) and its older one (start to middle, h 0..0.5), the stream's
    // light falling with h, fading and thinning toward where it rose)
    vec2 ab = m.xy - tr.zw;
    float h1 = clamp(dot(p - tr.zw, ab) / max(dot(ab, ab), 1e-8), 0.0, 1.0);
    vec2 d1 = p - tr.zw - h1 * ab;
    vec2 cd = tr.zw - tr.xy;
    float h0 = clamp(dot(p - tr.xy, cd) / max(dot(cd, cd), 1e-8), 0.0, 1.0);
    vec2 d0 = p - tr.xy - h0 * cd;
    bool near = dot(d1, d1) < dot(d0, d0);
    float h = near ? 0.5 + 0.5 * h1 : 0.5 * h0;
    vec2 dq = near ? d1 : d0;
    // (its wake already the Resonance's own green: what the body leaves behind has gone into
    // the curtains; its warm life is in the mote, and goes over as it rises)
    float w = m.z * (0.4 + 0.6 * h);
    float wake = 0.35 * h * h * exp(-dot(dq, dq) / max(w * w, 1e-8));
    vec3 c = mix(vec3(1.0, 0.66, 0.32), c_aur, smoothstep(0.25, 0.7, u_mote_life[i]));
    vec3 light = (c * glow + c_aur * wake) * 0.9 * u_mote_light[i];
    frag_colour = vec4(light, dot(light, vec3(0.3, 0.5, 0.2)) * m.w);
}
