#version 330 core
// Serenes, pass "voices": their voices as silk.  Each ribbon is one figure's name, a
// frequency: a standing wave across the stage with that figure's number of loops (nodes
// fixed in the air, antinodes swelling and falling at its own rate), a band of silk that
// twists along its length and drifts, drawn as one triangle strip per ribbon (instance).
// Round 7 ("a thin generic sine band that cuts across the figures"): the ribbon winds in
// depth as it runs along the row, in front of one figure and behind the next (the silk pass
// hides what passes behind a figure), so the voices wrap round them like silk.  Only the
// ribbons' pixels are shaded.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>
#include "../../lib/common.glsl"
#include "serenes.glsl"
#include "quad.glsl"

uniform vec2 u_resolution;
uniform float u_time;

const int VOICE_SEGMENTS = 96;      // strip segments along a ribbon (2 vertices each)
const float VOICE_Z = 0.0;          // the ribbons wind about the figures' plane ...
const float VOICE_DEPTH = 0.7;      // ... this far in front of it and behind
const float FIGURE_SPACING = 0.86;  // the row's spacing (scenes/serenes.py figure_layout, up to 5)

out float v_across;                 // -1..1 across the band
out float v_along;                  // metres along x
out float v_face;                   // cos of the twist: 1 face-on, 0 edge-on
flat out float v_voice;             // which voice (its harmonic)
out float v_z;                      // depth from the figures' plane (m; > 0 behind them)

void main() {
    int k = gl_InstanceID;
    int seg = gl_VertexID / 2;
    float side = (gl_VertexID % 2 == 0) ? -1.0 : 1.0;
    float n = float(2 + k);                                  // its name: the harmonic
    float span = 7.0;                                        // metres the wave spans
    float x0 = -0.5 * span;
    float x = x0 + span * float(seg) / float(VOICE_SEGMENTS);
    float rate = 0.35 + 0.11 * n;                            // swells and falls, Hz
    float swell = sin(TAU * rate * u_time + 1.7 * float(k));
    float y0 = 1.25 + 0.32 * float(k) - 0.08 * float(k * k) + 0.05 * sin(0.3 * u_time + float(k));
    float amp = (0.30 + 0.06 * float(k)) * swell;
    float phase = PI * n * (x - x0) / span;
    float y = y0 + amp * sin(phase) + 0.04 * sin(1.3 * x + 0.5 * u_time + float(k));
    float slope = amp * cos(phase) * PI * n / span + 0.052 * cos(1.3 * x + 0.5 * u_time + float(k));
    // the band twists slowly along its length: its width is the face it turns to us
    float twist = 0.9 * x + 0.7 * u_time * (0.6 + 0.2 * float(k)) + 2.1 * float(k);
    float face = cos(twist);
    float width = (0.09 + 0.04 * float(k % 2)) * (0.12 + 0.88 * abs(face));
    // offset across the band along the normal of the centreline (so it keeps its width on
    // the slopes)
    vec2 normal = normalize(vec2(-slope, 1.0));
    vec2 P = vec2(x, y) + side * width * normal;
    // woven through the row: in front of one figure, behind the next (the figures stand
    // FIGURE_SPACING apart), each voice the other way about from its neighbour, like the
    // threads of a basket; the loop tilts, rising as it passes behind
    float z = VOICE_Z + VOICE_DEPTH * cos(PI * x / FIGURE_SPACING + PI * float(k) + 0.3 * sin(0.2 * u_time + float(k)));
    // (round 14: "voices that wrap around you like silk": with voices_near the first voice
    // sweeps past near the viewer, large and soft, the third between the candles and the
    // row; the rest wind through the row, fine with the distance)
    float near = ((k == 0) ? 1.0 : ((k == 2) ? 0.45 : 0.0)) * clamp(u_voices_near, 0.0, 1.0);
    P = vec2(x, y) + side * width * (1.0 + 1.6 * near * near) * normal;
    z = mix(z, -3.6 + 0.5 * sin(0.5 * x + 0.15 * u_time), near);
    P.y += 0.12 * z - 0.25 * near;
    gl_Position = screen_clip(plane_to_screen(P, z), u_resolution);
    v_z = z;
    bool shown = float(k) < u_voices_count && u_voices > 0.0;
    gl_Position = shown ? gl_Position : vec4(2.0, 2.0, 2.0, 1.0);
    v_across = side;
    v_along = x;
    v_face = face;
    v_voice = n;
}
