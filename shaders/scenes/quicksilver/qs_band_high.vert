#version 330 core
// The close shot's sky band: the rows above the split (see qs_band.glsl).
#include "qs_band.glsl"
