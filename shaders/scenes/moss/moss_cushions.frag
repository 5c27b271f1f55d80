#version 330 core
// Moss: the ground with the near street overgrown (moss.frag with MOSS_CUSHIONS compiled in:
// cushions.glsl); the scene draws this one instead of the plain one while ``cushions`` is on (and ``front``
// off: with it, moss_cushions_front.frag).
#define MOSS_CUSHIONS
#include "moss.frag"
