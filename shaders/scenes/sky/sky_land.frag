#version 330 core
// The sky's last pass with the land, the lake and the key sun's glare compiled in (lib/land.glsl);
// the scene draws this one instead of the plain sky.frag while any of them is on
// (scenes/sky.py), so a sky without them pays nothing for their code (on llvmpipe even code
// no pixel needs runs at its full price: shaders/README.md).
#define SKY_LAND
#include "sky.frag"
