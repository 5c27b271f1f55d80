#version 330 core
// The sky's last pass with the land as the ray-marched relief (round 20: lib/land.glsl's
// relief_light over the baked G-buffer, relief*.frag) instead of the 2D ranges: drawn instead
// of sky_land.frag while `relief` is on (scenes/sky.py), so neither pays for the other's code.
#define SKY_LAND
#define LAND_RELIEF
#include "sky.frag"
