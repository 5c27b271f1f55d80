#version 330 core
// The syringe with the Serene who holds it out compiled in (syringe.frag with SY_OFFERER, round
// 34): the scene draws this one instead of the plain one only while that Serene is there, as
// the syringe comes out of the dark (llvmpipe pays for a look behind a uniform even where it
// is off).
#define SY_OFFERER
#include "syringe.frag"
