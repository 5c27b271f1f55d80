#version 330 core
// The composite with the land as the ray-marched relief (round 20: lib/land.glsl's relief_light
// over the sky's baked G-buffer) instead of the 2D ranges: drawn instead of main.frag while
// `relief` is on (scenes/constellations.py), so neither pays for the other's code.
#define LAND_RELIEF
#include "main.frag"
