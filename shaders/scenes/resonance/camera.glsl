// camera.glsl -- the Resonance's camera, from the scene's parameters.
//
// Include-only, after <visuals/params> and common.glsl.  `horizon` is where the horizon
// falls on screen (centered_uv height; the pitch follows from it and the lens), `lens` turns
// screen units into the tangent of the view angle (1.5: about 74 degrees across the height;
// smaller is a longer lens), `roll` tilts the frame (radians, a dutch angle).  Every pass
// that draws in screen space takes its points through view_point() and its rays through
// camera_ray(), so the aurora, the faces, the city, the water and the helix stay together.

// cos and sin of the pitch above the horizon: tan(pitch) = -horizon * lens.
vec2 camera_pitch() {
    float t = -u_horizon * u_lens;
    float c = inversesqrt(1.0 + t * t);
    return vec2(c, t * c);
}

// The point of the (rolled) view a pixel shows, in centered_uv units.
vec2 view_point(vec2 frag_coord, vec2 resolution) {
    return rot2(u_roll) * centered_uv(frag_coord, resolution);
}

// Back from the view to the screen (for geometry drawn as vertices).
vec2 screen_point(vec2 view) {
    return rot2(-u_roll) * view;
}

vec3 camera_ray(vec2 p) {
    vec2 cs = camera_pitch();
    vec2 q = p * u_lens;
    return vec3(q.x, q.y * cs.x + cs.y, cs.x - q.y * cs.y);
}
