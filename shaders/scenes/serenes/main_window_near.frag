#version 330 core
// The Serenes' composite with the woman's window and the near Serenes compiled in
// (window.glsl, near.glsl); the scene draws this one instead of the plain main.frag while
// ``window`` or ``near`` is on (scenes/serenes.py), so a stage without them pays nothing for
// their code (on llvmpipe even code no pixel needs runs at its full price: shaders/README.md).
#define SERENES_WINDOW_AND_NEAR
#include "main.frag"
