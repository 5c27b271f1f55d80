#version 330 core
// Moss: the near street overgrown (MOSS_CUSHIONS) and the heartbeat's wavefront (MOSS_FRONT)
// both compiled into moss.frag: the dream's moss shots, ``cushions`` and ``front`` both on.
#define MOSS_CUSHIONS
#define MOSS_FRONT
#include "moss.frag"
