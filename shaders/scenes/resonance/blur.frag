#version 330 core
// Resonance, pass 2: blurs the baked field along v (depth) over one march step, so that the
// march's point samples add up to the integral along each ray. Only along v: the rays along
// the sheets (along u) stay sharp.
#include <visuals/params>
#include "resonance.glsl"

uniform vec2 u_resolution;
uniform sampler2D u_field;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    float step_v = march_v_length() / float(march_steps(u_quality));
    const int TAPS = 5;
    vec4 acc = vec4(0.0);
    for (int i = 0; i < TAPS; ++i) {
        float o = ((float(i) + 0.5) / float(TAPS) - 0.5) * step_v;
        acc += texture(u_field, vec2(uv.x, uv.y + o));
    }
    frag_colour = acc / float(TAPS);
}
