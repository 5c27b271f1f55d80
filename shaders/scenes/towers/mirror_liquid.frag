#version 330 core
// Towers: the wet street's mirror with the liquid's swell compiled in (round 28, `liquid` > 0:
// mirror.frag with TOWERS_LIQUID; the scene draws this one instead of the plain one while
// liquid > 0, so the default city's mirror pays nothing for it).
#define TOWERS_LIQUID
#include "mirror.frag"
