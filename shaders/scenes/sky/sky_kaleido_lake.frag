#version 330 core
// The kaleidoscope's last pass over the ranges and the lake with the eyes open (round 33: it
// unfolds over the lake from 6.2 s, before the tilt up -- round 32's readers never saw it): the
// relief and the lake compiled in, the lids, the pole's heart and the crown's haze (all off by
// then) not (scenes/sky.py chooses it).
#define SKY_LAND
#define LAND_RELIEF
#define SKY_KALEIDO
#define SKY_LEAN
#include "sky.frag"
