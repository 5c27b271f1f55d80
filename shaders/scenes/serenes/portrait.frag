#version 330 core
// Serenes, the portrait shot (``portrait``): one Serene close, relit each frame from its
// baked G-buffer (portrait_shot.glsl; lovers.frag is the same shot's lovers' variant).
#include "portrait_shot.glsl"
