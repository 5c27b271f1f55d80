// face.glsl -- the trapped faces of the Resonance, as a soft relief rather than a drawing.
//
// Include-only. A face is a smooth-min union of a few SDF features in face-local units
// (head about 1 tall, y up): hollows (eyes, the open mouth) and ridges (brows, nose, the
// cheek and jaw line). face_relief() returns ridges minus hollows in about -1..1 with soft,
// wide edges, so that the aurora can be thinned and bent by it without an outline ever
// being drawn.

#include "../../lib/sdf.glsl"

// Ellipse-ish distance (exact on the axes, good enough for soft fills).
float face_ellipse(vec2 p, vec2 r) {
    float k = length(p / r);
    return (k - 1.0) * min(r.x, r.y);
}

// q: face-local point; mouth: 0 closed .. 1 wide open (a silent scream).  Returns the
// relief (ridges minus hollows, about -1..1, soft-edged); `rim` the light caught along the
// hollows' edges (the eye sockets, the screaming mouth), 0..1, so the
// face reads as a face at a glance while it surfaces.
float face_relief(vec2 q, float mouth, out float rim) {
    vec2 m = vec2(abs(q.x), q.y);          // mirror: one eye, one brow, one cheek
    // Hollows: eye sockets that droop outward, stretched as the scream opens; the mouth a
    // long dark oval.
    vec2 e = m - vec2(0.135, 0.075);
    e = mat2(0.94, 0.34, -0.34, 0.94) * e;
    float eye = face_ellipse(e, vec2(0.06, 0.075 + 0.035 * mouth));
    float mo = face_ellipse(q - vec2(0.0, -0.22 - 0.07 * mouth),
                            vec2(0.055 + 0.03 * mouth, 0.035 + 0.15 * mouth));
    float hollow = smin(eye, mo, 0.05);
    // Ridges: brows arching high over the eyes, the bridge of the nose, the cheekbones, the
    // long jaw.
    float brow = sd_segment(m, vec2(0.05, 0.17 + 0.03 * mouth), vec2(0.24, 0.15 + 0.02 * mouth)) - 0.02;
    float nose = sd_segment(m, vec2(0.0, 0.1), vec2(0.03, -0.09)) - 0.018;
    float bone = sd_segment(m, vec2(0.19, 0.0), vec2(0.26, -0.12)) - 0.02;
    float jaw = abs(face_ellipse(q - vec2(0.0, -0.05), vec2(0.3, 0.5 + 0.05 * mouth))) - 0.018;
    jaw = max(jaw, q.y - 0.02);            // the jaw and chin only: the top melts into the sky
    float ridge = smin(smin(brow, nose, 0.06), smin(bone, jaw, 0.08), 0.05);
    float w = 0.035;
    float hollow_fill = smoothstep(w, -w, hollow);
    float ridge_fill = smoothstep(w, -0.5 * w, ridge);
    rim = exp(-pow((hollow - 0.02) / 0.04, 2.0)) * (0.6 + 0.4 * mouth);
    // A faint overall swelling of the head, so the face reads as a presence.
    float head = smoothstep(0.15, -0.25, face_ellipse(q - vec2(0.0, 0.0), vec2(0.34, 0.52)));
    return 0.8 * ridge_fill + 0.35 * head - 1.9 * hollow_fill;
}
