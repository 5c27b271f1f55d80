#version 330 core
// The kaleidoscope's last pass with the view tilted up off the ground (round 32: the
// kaleidoscope's seconds were the sky's slowest): the lake and the ranges lie below the frame,
// so neither is compiled in, nor the lids, the pole's heart and the crown's haze (all off by
// then) -- scenes/sky.py draws it instead of sky_kaleido.frag only while that is so.
#define SKY_LAND
#define LAND_RELIEF
#define SKY_KALEIDO
#define SKY_NO_LAKE
#define SKY_NO_LAND
#define SKY_LEAN
#include "sky.frag"
