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

// q: face-local point; mouth: 0 closed .. 1 wide open (a silent scream).
float face_relief(vec2 q, float mouth) {
    vec2 m = vec2(abs(q.x), q.y);          // mirror: one eye, one brow
    // Hollows.
    float eye = face_ellipse(m - vec2(0.155, 0.085), vec2(0.085, 0.05 + 0.012 * mouth));
    float mo = face_ellipse(q - vec2(0.0, -0.23 - 0.05 * mouth),
                            vec2(0.075 + 0.02 * mouth, 0.02 + 0.1 * mouth));
    float hollow = smin(eye, mo, 0.09);
    // Ridges: brows arching over the eyes, the bridge of the nose, the cheekbones, the jaw.
    float brow = sd_segment(m, vec2(0.045, 0.175), vec2(0.255, 0.165 - 0.03 * m.x)) - 0.022;
    float nose = sd_segment(m, vec2(0.0, 0.11), vec2(0.035, -0.1)) - 0.018;
    float cheek = sd_segment(m, vec2(0.2, -0.03), vec2(0.25, -0.16)) - 0.02;
    float jaw = abs(face_ellipse(q - vec2(0.0, -0.03), vec2(0.32, 0.45))) - 0.02;
    jaw = max(jaw, q.y - 0.02);            // the jaw and chin only: the top melts into the sky
    float ridge = smin(smin(brow, nose, 0.06), smin(cheek, jaw, 0.08), 0.05);
    float w = 0.05;                        // soft edges: low spatial frequency
    float hollow_fill = smoothstep(w, -w, hollow);
    float ridge_fill = smoothstep(w, -0.5 * w, ridge);
    // A faint overall swelling of the head, so the face reads as a presence.
    float head = smoothstep(0.15, -0.25, face_ellipse(q - vec2(0.0, 0.02), vec2(0.36, 0.5)));
    return 0.55 * ridge_fill + 0.25 * head - hollow_fill;
}
