// The entry point wrapped around a Shadertoy pass: mainImage() at this pixel.  u_st_opaque
// is 1 for the Image pass (Shadertoy shows its colour without alpha) and 0 for buffers,
// which keep what they write.
uniform int u_st_opaque;
out vec4 st_FragColor;
void main() {
    iChannelResolution[0] = vec3(vec2(textureSize(iChannel0, 0)), 1.0);
    iChannelResolution[1] = vec3(vec2(textureSize(iChannel1, 0)), 1.0);
    iChannelResolution[2] = vec3(vec2(textureSize(iChannel2, 0)), 1.0);
    iChannelResolution[3] = vec3(vec2(textureSize(iChannel3, 0)), 1.0);
    for (int i = 0; i < 4; ++i) {
        iChannelTime[i] = iTime;
    }
    vec4 colour = vec4(0.0, 0.0, 0.0, 1.0);
    mainImage(colour, gl_FragCoord.xy);
    st_FragColor = u_st_opaque == 1 ? vec4(colour.rgb, 1.0) : colour;
}
