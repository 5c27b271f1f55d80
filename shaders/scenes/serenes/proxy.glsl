// proxy.glsl -- per figure (instance = figure) two quads (12 vertices) covering its bounds
// (serenes.glsl figure_bounds: the body, the band the arms sweep), or with PROXY_EYES one
// quad (6 vertices) round its eyes, grown by PROXY_PAD metres, so a pass shades only the
// pixels near a figure. The includer defines PROXY_PAD (and PROXY_EYES) first.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>
#include "../../lib/common.glsl"
#include "serenes.glsl"
#include "quad.glsl"

uniform vec2 u_resolution;
flat out int v_fig;
// the figure's pose, for fragment shaders that read it so (SERENES_FIGURE_VARYINGS)
flat out vec4 v_fig_a;
flat out vec4 v_fig_b;
flat out vec4 v_fig_c;
flat out vec4 v_fig_d;
flat out vec4 v_arms[6];

void main() {
    int i = gl_InstanceID;
    v_fig = i;
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    int f = min(i, MAX_FIGURES - 1);
    v_fig_a = u_fig_a[f];
    v_fig_b = u_fig_b[f];
    v_fig_c = u_fig_c[f];
    v_fig_d = u_fig_d[f];
    for (int k = 0; k < 6; ++k) {
        v_arms[k] = u_arms[6 * f + k];
    }
    if (i >= MAX_FIGURES || float(i) >= u_count) {
        return;
    }
#ifdef PROXY_EYES
    // a box round both eyes and their glow
    vec3 e0 = figure_eye(i, 0);
    vec3 e1 = figure_eye(i, 1);
    vec4 box = vec4(min(e0.xy, e1.xy) - PROXY_PAD, max(e0.xy, e1.xy) + PROXY_PAD);
#else
    vec4 box = figure_bounds(i, PROXY_PAD, gl_VertexID / 6);    // (12 vertices: two boxes)
#endif
    vec2 X = mix(box.xy, box.zw, QUAD_CORNERS[gl_VertexID % 6]);
    gl_Position = screen_clip(plane_to_screen(X, 0.0), u_resolution);
}
