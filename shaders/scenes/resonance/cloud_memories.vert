#version 330 core
// The cloud shot's memories: a small quad round each shard (cloud_quad.vert).
#define CLD_QUADS u_cld_memory_box
#define CLD_QUAD_COUNT 14
#include "cloud_quad.vert"
