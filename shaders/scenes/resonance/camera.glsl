// camera.glsl -- the Resonance's camera, from the scene's parameters.
//
// Include-only, after <visuals/params> and common.glsl.  `horizon` is where the horizon
// falls on screen (centered_uv height; the pitch follows from it and the lens), `lens` turns
// screen units into the tangent of the view angle (1.5: about 74 degrees across the height;
// smaller is a longer lens), `roll` tilts the frame (radians, a dutch angle).  Every pass
// that draws in screen space takes its points through view_point() and its rays through
// camera_ray(), so the aurora, the faces, the city, the water and the helix stay together.

uniform vec2 u_cam_pitch;   // cos and sin of the pitch above the horizon (tan = -horizon * lens)
uniform vec2 u_cam_roll;    // cos and sin of the roll (both from scenes/resonance.py, once a frame)

// The point of the (rolled) view a pixel shows, in centered_uv units.
vec2 view_point(vec2 frag_coord, vec2 resolution) {
    vec2 p = centered_uv(frag_coord, resolution);
    return vec2(u_cam_roll.x * p.x - u_cam_roll.y * p.y, u_cam_roll.y * p.x + u_cam_roll.x * p.y);
}

// Back from the view to the screen (for geometry drawn as vertices, and textures drawn in
// screen space).
vec2 screen_point(vec2 v) {
    return vec2(u_cam_roll.x * v.x + u_cam_roll.y * v.y, -u_cam_roll.y * v.x + u_cam_roll.x * v.y);
}

vec3 camera_ray(vec2 p) {
    vec2 q = p * u_lens;
    return vec3(q.x, q.y * u_cam_pitch.x + u_cam_pitch.y, u_cam_pitch.x - q.y * u_cam_pitch.y);
}
