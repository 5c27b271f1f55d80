#version 330 core
// Serenes, the woman close (``close_woman``): portrait_shot.glsl in its woman's variant --
// she sits alone, head bowed over her open hands, her candle beside her, the glitch tearing
// the rows of her hands.
#define PORTRAIT_WOMAN 1
#include "portrait_shot.glsl"
