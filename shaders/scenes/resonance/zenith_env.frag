#version 330 core
// Resonance, the worm's-eye shot: the glass's reflection map (zenith_sky.frag over the upper
// hemisphere folded into a disc, fewer layers).
#define ZENITH_ENV
#include "zenith_sky.frag"
