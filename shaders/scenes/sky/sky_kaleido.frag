#version 330 core
// The sky's last pass seen through a real kaleidoscope (round 24: kaleido.glsl's coloured glass
// in the mirrored wedges) over the ray-marched relief and the lake: drawn instead of
// sky_relief.frag while `kaleido` is on (scenes/sky.py), so neither pays for the other's code.
#define SKY_LAND
#define LAND_RELIEF
#define SKY_KALEIDO
#include "sky.frag"
