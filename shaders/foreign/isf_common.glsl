// ISF's automatic uniforms and image functions, in terms of this engine's uniform contract.
// Included (by visuals/foreign) at the top of both stages of every ISF program, before the
// generated input declarations and the user's own file, whose lines are left as written.
uniform float u_time;
uniform float u_delta;
uniform int u_frame;
uniform vec2 u_resolution;
uniform int u_isf_pass;
uniform vec4 u_isf_date;

#define TIME u_time
#define TIMEDELTA u_delta
#define FRAMEINDEX u_frame
#define RENDERSIZE u_resolution
#define PASSINDEX u_isf_pass
#define DATE u_isf_date

// Image access: sizes come from the texture itself, so any sampler (an input, a pass
// buffer, an imported image) works without a size uniform of its own.
#define IMG_SIZE(img) vec2(textureSize(img, 0))
#define IMG_NORM_PIXEL(img, coord) texture(img, coord)
#define IMG_PIXEL(img, coord) texture(img, (coord) / vec2(textureSize(img, 0)))
#define IMG_THIS_NORM_PIXEL(img) texture(img, isf_FragNormCoord)
#define IMG_THIS_PIXEL(img) texture(img, isf_FragNormCoord)
#define vv_FragNormCoord isf_FragNormCoord
