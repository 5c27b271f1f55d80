#version 330 core
// Towers: the sky and streets of the liquid city (back.frag with MOSS_CREEP compiled in: the
// paving's seams moss creeping in the joints, broken and soft, not a regular glowing net --
// moss.glsl).  The scene draws this one instead of the plain one while liquid > 0, so the
// default city's streets pay nothing for it.
#define MOSS_CREEP
#include "back.frag"
