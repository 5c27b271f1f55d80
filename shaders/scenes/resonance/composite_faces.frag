#version 330 core
// The Resonance's last pass while trapped faces open the curtain (any face shown): composite.frag
// with the screaming mouths' throats compiled in (their walls lit at the lips, going down into
// the dark); the scene draws this one instead of the plain one only while a face is in the sky
// (scenes/resonance.py), so the lake shots pay nothing for it (on llvmpipe a branch no pixel
// takes still cost the plain pass a quarter again: shaders/README.md).
#define RESONANCE_FACES
#include "composite.frag"
