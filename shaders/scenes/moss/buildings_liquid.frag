#version 330 core
// Moss, pass "city_liquid": the columns with round 28's ``liquid`` compiled in (buildings.frag
// with MOSS_LIQUID: the sheer carving, its chamfered edges' lines, the silver outline probed
// with sculpt_field); the scene draws this one instead of the plain one while liquid > 0, so
// the default city pays nothing for it.
#define MOSS_LIQUID
#include "buildings.frag"
