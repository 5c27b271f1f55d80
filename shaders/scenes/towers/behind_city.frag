#version 330 core
// Towers: the quarter-size picture the liquid glass refracts (the `behind` pass, round 34):
// back_liquid.frag's sky and streets with the towers behind each ray's first one drawn in
// (back.frag tower_behind), so the glass shows the city behind it bent through its body.
// Drawn only while `liquid` is on (towers.py), so the default city pays nothing for it.
#define MOSS_CREEP
#define BEHIND_CITY
#include "back.frag"
