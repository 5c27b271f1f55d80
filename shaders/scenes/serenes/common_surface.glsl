// common_surface.glsl -- the surface under a screen point: the wall, or the floor in front.

// Screen y of the line where the floor meets the wall.
float wall_line() {
    return -CAM_Y / plane_scale(WALL_Z);
}

// The point of the wall or floor seen at screen point s.
vec3 surface_point(vec2 s) {
    if (s.y > wall_line()) {
        return vec3(screen_to_plane(s, WALL_Z), WALL_Z);
    }
    float dz = CAM_Y * CAM_F / max(-s.y, 1e-4);
    return vec3(CAM_X + s.x * dz / CAM_F, 0.0, dz - CAM_D);
}
