#version 330 core
// Towers: the glass while the dream fractures (glass.frag with the fracture compiled in; the
// scene draws this one instead of the plain one while fracture > 0: towers.glsl).
#define TOWERS_FRACTURE
#include "glass.frag"
