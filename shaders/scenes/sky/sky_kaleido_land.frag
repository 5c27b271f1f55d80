#version 330 core
// The kaleidoscope's last pass as the view tilts up (round 32): the lake already below the
// frame, the ranges' crests still in it -- the relief compiled in, the lake, the lids, the
// pole's heart and the crown's haze (all off by then) not (scenes/sky.py chooses it).
#define SKY_LAND
#define LAND_RELIEF
#define SKY_KALEIDO
#define SKY_NO_LAKE
#define SKY_LEAN
#include "sky.frag"
