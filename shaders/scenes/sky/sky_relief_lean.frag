#version 330 core
// The relief's last pass without the lids, the pole's heart and the crown's haze (round 32: the
// opening's and the closing wide shot's seconds to be cheaper): every one of them off once
// the eyes are open and the bodies hang each once, and on llvmpipe code nothing takes still
// costs -- scenes/sky.py draws it instead of sky_relief.frag only while all three are off.
#define SKY_LAND
#define LAND_RELIEF
#define SKY_LEAN
#include "sky.frag"
