#version 330 core
// The figures pass's proxies: each figure's bounds grown by the eyes' glow.
#define PROXY_PAD 0.09
#include "proxy.glsl"
