#version 330 core
// The eyes pass's proxies: a box round each figure's eyes and their glow.
#define PROXY_PAD 0.1
#define PROXY_EYES
#include "proxy.glsl"
