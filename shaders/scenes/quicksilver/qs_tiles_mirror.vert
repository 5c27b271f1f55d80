#version 330 core
// Proxy quads over the screen tiles the scene marked for the mirror pass (see qs_tiles.glsl).
#define TILE_CHANNEL 1
#include "qs_tiles.glsl"
