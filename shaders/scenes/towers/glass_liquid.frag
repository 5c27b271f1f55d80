#version 330 core
// Towers: the liquid glass (round 28, `liquid` > 0: glass.frag with the liquid compiled in; the
// scene draws this one instead of the plain one while liquid > 0, so the default city's glass
// pays nothing for it: towers.glsl).  Its towers are always sheer (sculpt.glsl: the carving's
// sheer amount is the liquid param), so the columns' flutes and waists are not compiled, and
// no groove shading darkens flutes a sheer tower does not have.
#define TOWERS_LIQUID
#define SCULPT_SHEER_ONLY
// (round 34: the city's towers poured -- round, swelling, domed: sculpt.glsl poured_field)
#define SCULPT_POURED
// (round 35: LIQUID the constant 1 -- towers.glsl)
#define TOWERS_LIQUID_ON
#include "glass.frag"
