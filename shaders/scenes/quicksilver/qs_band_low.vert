#version 330 core
// The close shot's pool band: the rows below the split (see qs_band.glsl).
#define QS_BAND_LOW
#include "qs_band.glsl"
