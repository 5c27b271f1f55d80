#version 330 core
// Proxy quads over the screen tiles the scene marked for the field pass (see qs_tiles.glsl).
#define TILE_CHANNEL 0
#include "qs_tiles.glsl"
