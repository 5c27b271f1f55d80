#version 330 core
// Proxy quads over the screen tiles the scene marked for the cracks pass (see qs_tiles.glsl).
#define TILE_CHANNEL 2
#include "qs_tiles.glsl"
