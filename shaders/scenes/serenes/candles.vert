#version 330 core
// The candles pass's proxies: one quad per candle (instance = candle) covering its wax (down
// past the bottom of the screen), its flame and glow, and the thread of smoke above it.
#define VISUALS_NO_DERIVATIVES
#include <visuals/params>
#include "../../lib/common.glsl"
#include "serenes.glsl"
#include "quad.glsl"

uniform vec2 u_resolution;
uniform vec4 u_cbase[MAX_CANDLES];
flat out int v_candle;

void main() {
    int k = gl_InstanceID;
    v_candle = k;
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    if (k >= MAX_CANDLES || float(k) >= u_candles) {
        return;
    }
    vec4 cb = u_cbase[k];
    vec4 box = vec4(cb.x - CANDLE_REACH, -1.0, cb.x + CANDLE_REACH, cb.y + u_cshape[k].x + SMOKE_TOP);
    vec2 X = mix(box.xy, box.zw, QUAD_CORNERS[gl_VertexID % 6]);
    gl_Position = screen_clip(plane_to_screen(X, cb.z), u_resolution);
}
