// The silver lining and the near domes' fringe, read from the bake's neighbouring texels:
// baked once per camera by clouds_c.frag (round 32: no longer gathered by every frame's composite).

// How much of a cloud top is a thin rim against what lies behind it (0..1): the bake's texels a
// little above this one (1, 2, 4 of them) meet the deck much further on, or the sky -- this
// point is on a dome's upper edge, the light behind it shining through (a few fetches a pixel).
float cloud_rim(vec2 uv, float t) {
    float dv = 1.0 / float(textureSize(u_clouds_a, 0).y);
    // (round 28's lead at 29.2 s: "hard silver outlines" -- a line drawn round each dome) the
    // samples reach further up, their weights falling away, so the light through the skin glows
    // down into the cloud from its edge, brightest at the crest, and no line is drawn round it
    float rim = 0.0;
    float w = 1.0;
    for (int i = 0; i < 5; i++) {
        float fi = float(i);
        float ta = texture(u_clouds_a, uv + vec2(0.0, dv * (1.0 + 2.0 * fi + 0.8 * fi * fi))).w;
        rim += w * smoothstep(0.03, 0.35, (ta - t) / t);
        w *= 0.55;
    }
    return rim / 2.1;
}

// How much this point lies just over the silhouette of a much nearer dome (0..1): the bake's
// texels a little below (2, 7, 16 of them) meet the deck far nearer than this one -- here the
// near dome's frayed skin of mist hangs in front of what lies behind it (round 31's lead: "no
// hard silhouette lines, the edges frayed into wisps that let the moonlight through")
float cloud_fringe(vec2 uv, float t) {
    float dv = 1.0 / float(textureSize(u_clouds_a, 0).y);
    float f = 0.0;
    float w = 1.0;
    for (int i = 0; i < 3; i++) {
        float fi = float(i);
        float tb = texture(u_clouds_a, uv - vec2(0.0, dv * (2.0 + 3.0 * fi + 2.0 * fi * fi))).w;
        f += w * smoothstep(0.08, 0.4, (t - tb) / max(tb, 0.05)) * (1.0 - smoothstep(5.0, 14.0, tb)) * step(0.0, tb);
        w *= 0.6;
    }
    return f / 1.96;
}
