#version 330 core
// The Resonance's aurora pass with the cloud's life and the child's laughter compiled in
// (memories.glsl); the scene draws this one while laughter is up (scenes/resonance.py), so
// the corona's frames pay nothing for the child (shaders/README.md).
#define RESONANCE_LIFE
#define RESONANCE_LAUGHTER
#include "aurora.frag"
