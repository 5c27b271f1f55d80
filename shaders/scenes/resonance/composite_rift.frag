#version 330 core
// The Resonance's last pass while the howl tears the sky (rift > 0): composite.frag with the
// tear (rift.glsl) compiled in; the scene draws this one instead of the plain one while the
// sky is torn (scenes/resonance.py), so every other Resonance frame pays nothing for it (on
// llvmpipe even code no pixel needs runs at its full price: shaders/README.md).
#define RESONANCE_RIFT
#include "composite.frag"
