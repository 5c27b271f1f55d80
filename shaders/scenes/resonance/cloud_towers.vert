#version 330 core
// The cloud shot's towers: a quad over each one's bounds on screen (cloud_quad.vert).
#define CLD_QUADS u_cld_tower_box
#define CLD_QUAD_COUNT 6
#include "cloud_quad.vert"
