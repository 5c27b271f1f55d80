#version 330 core
// Serenes, the lovers' shot (``profiles``): portrait_shot.glsl in its lovers' variant -- two
// of them in profile, face to face, lit by a candle low between them, the neural thread
// glowing from brow to brow.
#define PORTRAIT_LOVERS 1
#include "portrait_shot.glsl"
