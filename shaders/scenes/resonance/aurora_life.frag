#version 330 core
// The Resonance's aurora pass with the cloud's life compiled in (memories.glsl: the corona
// overhead; the child's laughter has its own variant, aurora_laughter.frag); the scene draws
// this one instead of the plain one while the corona is up
// (scenes/resonance.py), so the other Resonance frames pay nothing for it (on llvmpipe even
// code no pixel needs runs at its full price: shaders/README.md).
#define RESONANCE_LIFE
#include "aurora.frag"
