#version 330 core
// Moss: the plain ground with the heartbeat's wavefront (``front``) compiled in (moss.frag with
// MOSS_FRONT); the scene draws this one instead of the plain one while ``front`` is on.
#define MOSS_FRONT
#include "moss.frag"
