#version 330 core
// The ascent (ascent.glsl): one screen quad round the figure, its reflection and its column
// of light (the scene's u_ascent_box), so only its own pixels are shaded (cloud_quad.vert).
#define CLD_QUADS u_ascent_box
#define CLD_QUAD_COUNT 1
#include "cloud_quad.vert"
