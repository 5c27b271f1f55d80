// mist.glsl -- the moss scene's low night mist (include-only, no uniforms): the glow of the
// city's moss held in the air near the ground.  moss.frag lays it along the horizon of the
// sky and over the far street, buildings.frag over the far columns, both by the same
// distance, so the street and the avenue sink into one haze and the columns stand in layers
// (round 25's readers: the moss a flat frame, "no atmosphere").

// The mist's own light (linear): the moss's emerald-cyan, dimmed, over a violet night.
vec3 moss_mist(vec3 moss_a, vec3 moss_b, float glow) {
    return mix(moss_a, moss_b, 0.5) * 0.035 * glow + vec3(0.011, 0.008, 0.040) * min(glow, 1.0);
}

// How much of the mist lies between the eye and a point `dist` units off (0..0.9): thin
// near the eye, so the near moss keeps its blacks, thick down the street.
float mist_amount(float dist) {
    return 0.9 * (1.0 - exp(-dist / 30.0)) * smoothstep(2.0, 12.0, dist);
}
