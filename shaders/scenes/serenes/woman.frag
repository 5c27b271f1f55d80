#version 330 core
// Serenes, the woman close (``close_woman``): her own relight (woman_shot.glsl, the portrait's
// relight cut to her variant, with early-outs) -- she sits alone, head bowed over her open
// hands, her candle beside her, the glitch tearing the rows of her hands.
#define PORTRAIT_WOMAN 1
#include "woman_shot.glsl"
