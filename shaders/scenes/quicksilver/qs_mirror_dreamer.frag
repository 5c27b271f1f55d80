#version 330 core
// The quicksilver's metal while the hardened mirror shows the dreamer: qs_mirror.frag with the
// figure (and its bleeding cracks) compiled in; the scene draws this one instead of the plain
// one while the figure shows (scenes/quicksilver.py), so the liquid pool pays nothing for it.
#define QS_DREAMER
#include "qs_mirror.frag"
