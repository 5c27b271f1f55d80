// proxy.glsl -- one quad per figure (6 vertices, instance = figure), covering the figure's
// bounds grown by PROXY_PAD metres, so a pass shades only the pixels near a figure.
// The includer defines PROXY_PAD before including this file.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>
#include "../../lib/common.glsl"
#include "serenes.glsl"

uniform vec2 u_resolution;
flat out int v_fig;

const vec2 CORNERS[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                                vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));

void main() {
    int i = gl_InstanceID;
    v_fig = i;
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    if (i >= MAX_FIGURES || float(i) >= u_count) {
        return;
    }
    vec4 box = figure_bounds(i, PROXY_PAD);
    vec2 c = CORNERS[gl_VertexID % 6];
    vec2 X = mix(box.xy, box.zw, c);
    vec2 s = plane_to_screen(X, 0.0);
    gl_Position = vec4(2.0 * s * u_resolution.y / u_resolution, 0.0, 1.0);
}
