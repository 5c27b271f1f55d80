#version 330 core
// The occluder pass's proxies: each figure's bounds grown by the farthest distance stored.
#define PROXY_PAD 0.26
#include "proxy.glsl"
