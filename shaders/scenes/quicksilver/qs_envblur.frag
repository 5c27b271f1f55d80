#version 330 core
// A small blurred copy of the bound environment: what rough or far-off reflections, the
// floor's ambient light and the reflected ground see.  Each texel averages a 6x6 grid of
// taps over twice its footprint (a box blur about two texels wide).
uniform sampler2D u_environment;
uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 texel = 1.0 / u_resolution;
    vec2 centre = gl_FragCoord.xy * texel;
    vec3 sum = vec3(0.0);
    for (int j = 0; j < 6; ++j) {
        for (int i = 0; i < 6; ++i) {
            vec2 o = (vec2(float(i), float(j)) - 2.5) / 2.5 * texel;
            sum += texture(u_environment, clamp(centre + o, vec2(0.0), vec2(1.0))).rgb;
        }
    }
    frag_colour = vec4(sum / 36.0, 1.0);
}
