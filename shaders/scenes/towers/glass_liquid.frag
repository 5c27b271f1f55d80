#version 330 core
// Towers: the liquid glass (round 28, `liquid` > 0: glass.frag with the liquid compiled in; the
// scene draws this one instead of the plain one while liquid > 0, so the default city's glass
// pays nothing for it: towers.glsl).
#define TOWERS_LIQUID
#include "glass.frag"
