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

// q: face-local point; mouth: 0 closed .. 1 wide open (a silent scream); asym: -1 .. 1, how
// this face leans off its mirror (one eye lower and heavier, one brow raised, the mouth
// pulled to one side), so no two faces are the same symmetric mask.  Returns the relief
// (ridges minus hollows, about -1..1, soft-edged); `rim` the light caught along the
// hollows' edges (the eye sockets, the screaming mouth), 0..1, so the face reads as a face
// at a glance while it surfaces.
float face_relief(vec2 q, float mouth, float asym, out float rim) {
    float side = sign(q.x);
    float lean = 0.5 * asym * side;        // +: this half is the heavier one
    vec2 m = vec2(abs(q.x), q.y + 0.018 * lean);
    // Hollows: almond eyes under the brow, closer set and smaller than a mask's, lidded by
    // the scream; the mouth a tall oval, one corner dragged down.
    vec2 e = m - vec2(0.115, 0.06);
    e = mat2(0.985, 0.17, -0.17, 0.985) * e;
    float eye = face_ellipse(e, vec2(0.058 + 0.008 * lean, 0.03 + 0.022 * mouth));
    vec2 mq = q - vec2(0.0, -0.22 - 0.07 * mouth);
    mq.y += 0.03 * asym * mq.x / 0.1;      // the scream pulls one corner down
    float mo = face_ellipse(mq, vec2(0.05 + 0.025 * mouth, 0.03 + 0.14 * mouth));
    float hollow = smin(eye, mo, 0.04);
    // Ridges: brows (one raised), the long nose and its wings, the cheekbones, the chin.
    float brow = sd_segment(m, vec2(0.04, 0.125 + 0.02 * mouth + 0.02 * lean),
                            vec2(0.2, 0.115 + 0.01 * mouth)) - 0.016;
    float nose = sd_segment(m, vec2(0.0, 0.08), vec2(0.02, -0.1)) - 0.016;
    nose = smin(nose, length(m - vec2(0.035, -0.105)) - 0.02, 0.03);
    float bone = sd_segment(m, vec2(0.17, -0.02), vec2(0.21, -0.1)) - 0.022;
    // An egg, not a disc: the face narrows to the chin.
    vec2 hq = q - vec2(0.0, -0.05);
    hq.x *= 1.0 + 0.45 * smoothstep(0.1, -0.45, hq.y);
    float jaw = abs(face_ellipse(hq, vec2(0.26, 0.46 + 0.05 * mouth))) - 0.014;
    jaw = max(jaw, q.y + 0.08);            // the jaw and chin only: the top melts into the sky
    float ridge = smin(smin(brow, nose, 0.05), smin(bone, jaw, 0.08), 0.05);
    // (edges firmer than a blur: the sockets and the screaming mouth cut clean into the
    // light, a bright lip of it along their rims)
    float w = 0.028;
    float hollow_fill = smoothstep(w, -w, hollow);
    float ridge_fill = smoothstep(w, -0.6 * w, ridge);
    // (lit from above, as a sculpted face is: the light catches the lower rims -- the cheek
    // under each socket, the lower lip of the scream -- while the brow shades the upper
    // ones, so the hollows read as sunken, not as drawn rings)
    float below = eye < mo ? smoothstep(0.035, -0.025, e.y)
                           : 0.25 + 0.75 * smoothstep(0.05, -0.08, mq.y);
    rim = exp(-pow((hollow - 0.018) / 0.026, 2.0)) * (0.7 + 0.6 * mouth) * (0.2 + 0.8 * below);
    // A faint overall swelling of the head, so the face reads as a presence.
    float head = smoothstep(0.15, -0.25, face_ellipse(hq, vec2(0.3, 0.5)));
    return 0.75 * ridge_fill + 0.4 * head - 1.9 * hollow_fill;
}
