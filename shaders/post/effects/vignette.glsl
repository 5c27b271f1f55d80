// vignette.glsl -- the vignette's falloff, shared by `vignette` and `lens`.  Include-only.
//
// Light falls off toward the corners.  The distance is measured from the centre in units
// where the corners are 1; `roundness` blends the shape from the frame's own rectangle-ellipse
// (0) to a circle (1), `softness` sets where the falloff starts (1 - softness).  Returns the
// factor display values are multiplied by: the light is scaled by 1 - amount * smoothstep,
// and display values by its square root (gamma 2), so colours keep their hue.  Exactly 1 at
// the centre and wherever the falloff has not started.
float vignette_factor(vec2 frag_coord, vec2 resolution, float amount, float roundness, float softness) {
    vec2 p = frag_coord / resolution * 2.0 - 1.0;
    vec2 shape = vec2(mix(1.0, resolution.x / resolution.y, roundness), 1.0);
    float r = length(p * shape) / length(shape);              // 0 centre, 1 corners
    float inner = 1.0 - clamp(softness, 0.05, 1.0);
    float x = clamp((r - inner) / (1.0 - inner), 0.0, 1.0);
    float fall = clamp(amount * x * x * (3.0 - 2.0 * x), 0.0, 1.0);
    return fall > 0.0 ? sqrt(1.0 - fall) : 1.0;
}
