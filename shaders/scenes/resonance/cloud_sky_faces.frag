#version 330 core
// The cloud shot's first pass with the trapped faces compiled in (cloud_faces.glsl); the
// scene draws this one instead of the plain one while faces surface (memory > 0), so the
// cloud alone pays nothing for them (on llvmpipe even code no pixel needs runs at its full
// price: shaders/README.md).
#define CLOUD_FACES
#include "cloud_sky.frag"
