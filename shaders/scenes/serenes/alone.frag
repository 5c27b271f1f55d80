#version 330 core
// Serenes, the woman alone in her room (``alone``, round 22: her wide room read "a primitive
// mannequin, flat wall"): her seated, hooded figure modelled whole -- the row's shot with one
// figure (portrait.glsl PORTRAIT_ALONE) -- her head bowed over her open hands, one candle on
// the floor before her, her shadow huge on the wall, the dark all round; the glitch tears
// the rows of her hands.
#define PORTRAIT_ROW 1
#define PORTRAIT_ALONE 1
#include "row_shot.glsl"
