#version 330 core
// The howl's last pass (composite_rift.frag): one triangle over the viewport, as
// common/fullscreen.vert, that also works out the tear's three points that are the same for
// every pixel of a frame -- its heart (where the rings start), its foot over the water (its
// image's column) and its foot over the city (the glass's glint) -- once a vertex, not once
// a pixel: each is a rift_shape() of seven noises, and the fragments paid four of them (a
// third of the howl's frame on llvmpipe).
#include <visuals/params>
#include "../../lib/noise.glsl"
uniform float u_time;
#define RIFT_SHAPE_ONLY
#include "rift.glsl"
out vec2 v_uv;
flat out vec3 v_rift_feet;     // x of the heart (0.64 up), of the water's foot (0.12), of the glass's (0.15)
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    v_uv = p;
    v_rift_feet = vec3(rift_shape(0.64, u_time).x, rift_shape(0.12, u_time).x, rift_shape(0.15, u_time).x);
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
