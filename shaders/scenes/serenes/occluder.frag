#version 330 core
// Serenes, occluder pass (half resolution, screen-aligned with the plane z = 0): the
// figures' distance field in metres, encoded so that max-blending the proxies keeps the
// nearest figure. The last pass looks a shadow up here with one fetch per candle.
#include <visuals/params>
#include "../../lib/common.glsl"
#define SERENES_COARSE
#define SERENES_FIGURE_VARYINGS
#include "serenes.glsl"

uniform vec2 u_resolution;
uniform float u_time;
flat in int v_fig;
out vec4 frag_colour;

void main() {
    vec2 X = screen_to_plane(centered_uv(gl_FragCoord.xy, u_resolution), 0.0);
    float d = figure_sdf(v_fig, X, u_time, 0.0);
    float v = clamp((OCC_FAR - d) / (OCC_FAR + OCC_IN), 0.0, 1.0);
    frag_colour = vec4(v, 0.0, 0.0, v);
}
