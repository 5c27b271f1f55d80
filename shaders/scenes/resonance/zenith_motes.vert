#version 330 core
// The worm's-eye shot's memories: one screen quad round each mote and its trail (the scene's
// zenith_mote_boxes), so only their own pixels are shaded (cloud_quad.vert).
#define CLD_QUADS u_zen_mote_box
#define CLD_QUAD_COUNT 10
#include "cloud_quad.vert"
