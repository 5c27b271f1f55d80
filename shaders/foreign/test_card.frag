#version 330 core
// A test card for foreign filters and transitions: colour bars, a grid, and a disc that
// circles once every four seconds, so an effect has edges, colours and motion to work on.
// `variant` 1 turns the bars upside down and the disc the other way: the second image of a
// transition.
#include <visuals/params>
uniform float u_time;
uniform vec2 u_resolution;
out vec4 frag_colour;

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    if (u_variant > 0.5) {
        uv = vec2(uv.x, 1.0 - uv.y);
    }
    int bar = int(floor(uv.x * 7.0));
    vec3 bars[7] = vec3[7](vec3(0.9, 0.9, 0.9), vec3(0.9, 0.9, 0.1), vec3(0.1, 0.9, 0.9), vec3(0.1, 0.9, 0.1),
                           vec3(0.9, 0.1, 0.9), vec3(0.9, 0.1, 0.1), vec3(0.1, 0.1, 0.9));
    vec3 col = uv.y > 0.3 ? bars[clamp(bar, 0, 6)] : vec3(floor(uv.x * 8.0) / 7.0);
    vec2 cell = fract(gl_FragCoord.xy / (u_resolution.y / 6.0));
    col = mix(col, vec3(0.05), step(cell.x, 0.04) + step(cell.y, 0.04) > 0.0 ? 0.8 : 0.0);
    float turn = (u_variant > 0.5 ? -1.0 : 1.0) * u_time * 1.5708;
    vec2 centre = 0.5 * u_resolution + 0.3 * u_resolution.y * vec2(cos(turn), sin(turn));
    float disc = 1.0 - smoothstep(0.1 * u_resolution.y - 1.0, 0.1 * u_resolution.y + 1.0,
                                  length(gl_FragCoord.xy - centre));
    col = mix(col, vec3(1.0, 0.5, 0.0), disc);
    frag_colour = vec4(col, 1.0);
}
