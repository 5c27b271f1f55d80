// What Shadertoy provides before the Common tab and a pass's code, in terms of this engine's
// uniform contract.  iChannelResolution and iChannelTime are filled in by main() (see
// shadertoy_main.glsl) from the textures themselves.
uniform float u_time;
uniform float u_delta;
uniform int u_frame;
uniform vec2 u_resolution;
uniform vec4 u_st_mouse;
uniform vec4 u_st_date;
uniform sampler2D u_st_ch0;
uniform sampler2D u_st_ch1;
uniform sampler2D u_st_ch2;
uniform sampler2D u_st_ch3;

#define iTime u_time
#define iGlobalTime u_time
#define iTimeDelta u_delta
#define iFrame u_frame
#define iFrameRate (1.0 / max(u_delta, 1e-6))
#define iResolution vec3(u_resolution, 1.0)
#define iMouse u_st_mouse
#define iDate u_st_date
#define iSampleRate 44100.0
#define iChannel0 u_st_ch0
#define iChannel1 u_st_ch1
#define iChannel2 u_st_ch2
#define iChannel3 u_st_ch3

vec3 iChannelResolution[4];
float iChannelTime[4];
