#version 330 core
// Moss: the night sky alone (MOSS_SKY_ONLY compiled into moss.frag), drawn above the
// horizon by sky_band.vert while the ground passes draw below it (round 32, speed: the
// sky's pixels no longer run the ground's noise, which llvmpipe paid for in full).
#define MOSS_SKY_ONLY
#include "moss.frag"
