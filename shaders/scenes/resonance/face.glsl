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
// (ridges minus hollows, about -1..1, soft-edged).
// Where the screaming mouth sits and how large it opens (mouth 0..1), shared by the relief
// and the height field.  (round 26: an open oval under the nose, ending above the chin,
// about twice as tall as wide -- round 25's readers did not find the "mouths open in silent
// screams": the long mouth, four times as tall as wide and hanging below the chin, read as a
// dark drip, not a mouth)
const float FACE_MOUTH_Y0 = -0.23;
const float FACE_MOUTH_DROP = 0.06;
vec2 face_mouth_radii(float mouth) {
    return vec2(0.05 + 0.035 * mouth, 0.045 + 0.09 * mouth);
}

// The screaming mouth's outline, 1 on its rim (mq: the point from the mouth's centre, mr: its
// radii): stretched down below its centre, the rim wavering -- one shape for
// the light's relief and the cavity's darkness.
float face_mouth(vec2 mq, vec2 mr, float asym) {
    vec2 mn = mq / mr;
    mn.y /= mix(1.0, 1.7, smoothstep(0.2, -0.8, mn.y));
    float rim = 1.0 + 0.13 * sin(4.0 * abs(mn.x) + 2.5 * mn.y + 3.0 * asym * (1.0 + mn.x)) + 0.08 * sin(6.5 * mn.y - 3.0 * abs(mn.x));
    return length(mn) / rim;
}

// The screaming mouth's outline value at face-local q (< 1 inside the opening), the same
// opening as face_height()'s cavity: for the pass that cuts it through the curtains.
// (round 28: "dark green-grey ovals like pebbles" -- the mouth is a hole through the light
// into the night behind, its edge crisp, the jaw dropped, one corner dragged down)
float face_mouth_at(vec2 q, float mouth, float asym) {
    vec2 mq = q - vec2(0.0, FACE_MOUTH_Y0 - FACE_MOUTH_DROP * mouth);
    mq.y += 0.03 * asym * mq.x / 0.1;
    // (the shape of a scream, not an egg: the upper lip a flattened arch, the mouth widest
    // just under it, the jaw dropped into a long rounded fall, one side a little fuller)
    vec2 mn = mq / face_mouth_radii(mouth);
    mn.y *= mn.y > 0.0 ? 1.3 : 1.0 / mix(1.0, 1.5, smoothstep(0.1, -0.8, mn.y));
    mn.x /= (1.0 + 0.12 * smoothstep(-0.7, 0.2, mn.y)) * (1.0 + 0.06 * asym * sign(mn.x));
    return length(mn) / (1.0 + 0.04 * sin(5.0 * mn.x + 2.0 * mn.y + 3.0 * asym));
}

float face_relief(vec2 q, float mouth, float asym) {
    // (+: this half is the heavier one.  The lean eases to 0 across the nose: a step in it
    // at the midline split the face into two halves that did not meet, a visible seam)
    float lean = 0.5 * asym * clamp(q.x / 0.05, -1.0, 1.0);
    vec2 m = vec2(abs(q.x), q.y + 0.018 * lean);
    // Hollows: almond eyes under the brow, closer set and smaller than a mask's, lidded by
    // the scream; the mouth a tall oval, one corner dragged down.
    vec2 e = m - vec2(0.115, 0.06);
    e = mat2(0.985, 0.17, -0.17, 0.985) * e;
    // (round 22: "Halloween masks" -- the eyes deep dark orbits, wider than the almond the
    // light's rims drew round as goggles, their edges soft)
    float eye = face_ellipse(e, vec2(0.058 + 0.006 * lean, 0.042 + 0.016 * mouth));
    vec2 mq = q - vec2(0.0, FACE_MOUTH_Y0 - FACE_MOUTH_DROP * mouth);
    mq.y += 0.03 * asym * mq.x / 0.1;      // the scream pulls one corner down
    // (round 14: "the scream a coin", then "still crisp black ovals": a long mouth, its rim
    // wavering, dragged down into the jaw below its centre, and soft-edged -- a void in the
    // light, not a hole cut clean like the sockets)
    vec2 mr = face_mouth_radii(mouth);
    float mo = (face_mouth(mq, mr, asym) - 1.0) * mr.x;
    float mouth_fill = smoothstep(0.035, -0.05, mo);
    float hollow = eye;
    // Ridges: brows (one raised), the long nose and its wings, the cheekbones, the chin.
    float brow = sd_segment(m, vec2(0.07, 0.13 + 0.02 * mouth + 0.02 * lean),
                            vec2(0.18, 0.12 + 0.01 * mouth)) - 0.014;
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
    // light)
    float w = 0.028;
    float hollow_fill = smoothstep(1.4 * w, -1.2 * w, hollow);
    float ridge_fill = smoothstep(w, -0.6 * w, ridge);
    // A faint overall swelling of the head, so the face reads as a presence.
    float head = smoothstep(0.15, -0.25, face_ellipse(hq, vec2(0.3, 0.5)));
    return 0.75 * ridge_fill + 0.4 * head - 1.9 * hollow_fill - 1.6 * mouth_fill;
}

// A soft bell, 1 at the centre c, falling off over the radii r, with its gradient:
// (value, d/dx, d/dy).
vec3 face_bump(vec2 p, vec2 c, vec2 r) {
    vec2 d = (p - c) / r;
    float v = exp(-dot(d, d));
    return vec3(v, -2.0 * v * d / r);
}

// The face as a sculpted height field (round 7: the rim-lit holes read as crude "Scream"
// masks): an egg of a head narrowing to the chin, a brow ridge over sunken sockets that hold
// the round of an eye, a long nose, high cheekbones with the hollow under them that a scream
// pulls in, the lips round the open mouth and a chin.  Returns (height, its gradient in q),
// the gradient summed from its smooth bells analytically (screen derivatives of a half-
// resolution pass would light it in blocks), so that the aurora pass can light the planes of
// a human face rather than draw outlines.  `cavity`: how far into the open mouth the point is
// (0..1), which no light reaches; `skin`: how much of the head is here (0 off it; the caller
// melts the crown into the sky).
vec3 face_height(vec2 q, float mouth, float asym, out float cavity, out float skin) {
    float lean = 0.5 * asym * clamp(q.x / 0.05, -1.0, 1.0);   // (eased across the nose: no seam, as above)
    // (the mirror is a soft |x|: its slope runs smoothly through 0 at the midline, so the
    // mirrored bumps' x-slope does not flip there -- with a hard |x| the light fell on one
    // half and not the other, and the face showed a seam down the nose)
    float soft_x = sqrt(q.x * q.x + 0.0004);
    float side = q.x / soft_x;
    vec2 m = vec2(soft_x, q.y + 0.018 * lean);
    // the head: a broad soft egg, narrower toward the chin
    vec2 hq = q - vec2(0.0, -0.07);
    float narrow = 1.0 + 0.5 * smoothstep(0.05, -0.45, hq.y);
    vec2 hr = vec2(0.3 / narrow, 0.47 + 0.04 * mouth);
    vec3 h = 0.7 * face_bump(q, vec2(0.0, -0.07), hr);
    // (the crown is not cut here: the caller melts it into the sky, the aurora's rays running
    // on up out of it)
    skin = smoothstep(0.12, 0.45, h.x / 0.7);
    // (in m, mirrored: a bump's x slope turns with the side)
    vec3 mb;
    vec2 eye = vec2(0.112, 0.055 - 0.012 * lean);
    // (round 22: two arched brows over the orbits, not one bar across the face -- the bar,
    // lit on top and shaded under, framed the eyes like a mask's or sunglasses')
    mb  = 0.1 * face_bump(m, vec2(0.12, 0.13 + 0.02 * mouth + 0.02 * lean), vec2(0.06, 0.03));  // brow
    mb -= (0.3 + 0.1 * mouth) * face_bump(m, eye, vec2(0.07, 0.05));                                // socket
    // (round 22: no eyeball -- its lit round read as a mask's goggles; the sockets are deep
    // hollows the light does not reach)
    mb += 0.14 * face_bump(m, vec2(0.165, -0.035), vec2(0.065, 0.045));                             // cheekbone
    mb -= (0.03 + 0.09 * mouth) * face_bump(m, vec2(0.15, -0.17), vec2(0.05, 0.07));               // drawn cheek
    mb += 0.06 * face_bump(m, vec2(0.035, -0.11), vec2(0.025, 0.02));                               // nose wing
    h += vec3(mb.x, side * mb.y, mb.z);
    // the nose: a ridge down the middle to a rounded tip
    h += 0.2 * face_bump(q, vec2(0.0, -0.02), vec2(0.03, 0.08));
    h += 0.12 * face_bump(q, vec2(0.0, -0.1), vec2(0.035, 0.028));
    // the mouth: lips round an open oval (one corner dragged down), the dark inside
    vec2 mq = q - vec2(0.0, FACE_MOUTH_Y0 - FACE_MOUTH_DROP * mouth);
    mq.y += 0.03 * asym * mq.x / 0.1;
    // (long and stretched down in the scream; the lips a faint rise, not a lit coin's rim)
    vec2 mr = face_mouth_radii(mouth);
    h += 0.04 * face_bump(mq, vec2(0.0), mr * 1.35);
    h -= 0.3 * face_bump(mq, vec2(0.0), mr * 0.85);      // (shallower: its lit lower lip read as a coin's rim)
    // (round 14: "coins".  The void is irregular -- its rim wavers -- soft-edged, and
    // dragged down into the jaw below its centre: a silent scream, not a cut-out oval.)
    cavity = smoothstep(1.25, 0.15, face_mouth(mq, mr, asym));
    // the chin
    h += 0.08 * face_bump(q, vec2(0.0, -0.5 - 0.06 * mouth), vec2(0.08, 0.05));
    return h;
}
