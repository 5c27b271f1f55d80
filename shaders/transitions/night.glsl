// The night between two pictures, shared by the transitions that pass through it (dark, dusk).

// The pictures A and B, weighted WA and WB, over a blue-black night a breath lighter at the
// centre D (so no frame of a transition is black).  Mixed in light, not in sRGB values (squared
// and rooted, gamma 2: a close, cheap stand-in), so the night dims the pictures rather than
// laying a grey film over them.
vec3 through_night(vec3 a, vec3 b, float wa, float wb, vec2 d) {
    vec3 night = vec3(0.035, 0.033, 0.06) + vec3(0.03, 0.025, 0.05) * exp(-dot(d, d) * 3.0);
    vec3 n = night * night;
    vec3 lin = n + (a * a - n) * wa + (b * b - n) * wb;
    return sqrt(max(lin, 0.0));
}
