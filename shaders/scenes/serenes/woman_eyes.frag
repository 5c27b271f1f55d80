#version 330 core
// Serenes, the woman close (``close_woman``): her two mercury eyes as a layer over the shot,
// drawn in a small pass over the box of frame pixels round them and composited by her relight
// (woman_shot.glsl).  Round 35's speed: on llvmpipe an untaken branch still costs, so the
// balls' mirror and glow, computed in the relight for every pixel, were a quarter of its time.
#define PORTRAIT_WOMAN 1
#define WOMAN_EYES_PASS 1
#include "woman_shot.glsl"
