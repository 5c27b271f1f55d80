#version 330 core
// The towers' horizon haze: the bound environment averaged over a band just above the
// horizon and over a wide stretch of azimuth, into a strip of 32 texels (u = azimuth as in
// env.glsl).  The far city and the moss fade into it; being low-frequency, it never streaks.
#include "env.glsl"
uniform vec2 u_resolution;
uniform sampler2D u_environment;
out vec4 frag_colour;

void main() {
    float u = gl_FragCoord.x / u_resolution.x;
    vec3 sum = vec3(0.0);
    for (int i = 0; i < 8; ++i) {
        for (int j = 0; j < 4; ++j) {
            float du = (float(i) - 3.5) / 3.5 * 0.09;
            float uu = 1.0 - abs(1.0 - mod(u + du + 2.0, 2.0));
            float v = ENV_HORIZON_V + 0.01 + float(j) * 0.05;
            sum += textureLod(u_environment, vec2(uu, v), 0.0).rgb;
        }
    }
    frag_colour = vec4(sum / 32.0, 1.0);
}
