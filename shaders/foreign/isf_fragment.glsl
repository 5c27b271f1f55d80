// The fragment stage of an ISF program: what ISF provides before the user's code.
#include "isf_common.glsl"
in vec2 isf_FragNormCoord;
out vec4 isf_FragColor;
