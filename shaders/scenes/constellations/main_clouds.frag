#version 330 core
// The composite over the sea of cloud (round 24: clouds.glsl, its bake relit here each frame)
// instead of the land and its lake: drawn instead of main.frag while `clouds` is on
// (scenes/constellations.py), so neither pays for the other's code.
#define CLOUD_SEA
#include "main.frag"
