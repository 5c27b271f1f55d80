// syringe.glsl -- the syringe's shape and materials, in its own frame.
//
// Include-only. The syringe lies along +x in "syringe units" (1 = the frame's height at
// scale 1): plunger pad at x = -0.83, the glass barrel from -0.42 to 0.30, a tapering
// shoulder to the hub, and the needle from 0.42 to its tip at 0.85. Every part is a body
// of revolution seen side on, so a part is a radius profile r(x) and its shading uses the
// cylinder's normal n = (0, y/r, sqrt(1 - (y/r)^2)): no ray is marched.

// Powers by multiplication: pow() is exp2(log2()) on software GL, several times the cost.
float sy_sq(float x) {
    return x * x;
}

float sy_pow12(float x) {
    float x4 = sy_sq(sy_sq(x));
    return x4 * x4 * x4;
}

const float SY_R = 0.070;          // barrel radius
const float SY_BARREL0 = -0.42;    // barrel back (the finger flange)
const float SY_BARREL1 = 0.30;     // barrel front, where the shoulder starts
const float SY_HUB0 = 0.355;       // shoulder end, hub start
const float SY_HUB1 = 0.42;        // hub end, needle start
const float SY_TIP = 0.85;         // the needle's point
const float SY_STOPPER = -0.30;    // the rubber stopper's front face (the liquid's back)
const float SY_HUB_R = 0.021;

// Radius of the glass (barrel and shoulder) at x; 0 outside it.
float sy_glass_r(float x) {
    float shoulder = mix(SY_R, SY_HUB_R * 1.15, smoothstep(SY_BARREL1, SY_HUB0, x));
    return (x > SY_BARREL0 && x < SY_HUB0) ? shoulder : 0.0;
}

// Radius of the needle at x: a fine taper to a bevelled point.
float sy_needle_r(float x) {
    float k = clamp((x - SY_HUB1) / (SY_TIP - SY_HUB1), 0.0, 1.0);
    return mix(0.0052, 0.0016, k) * (1.0 - smoothstep(0.93, 1.0, k) * 0.7);
}

// Signed distance (approximate, in syringe units) to a part with radius r over [x0, x1].
float sy_part(vec2 q, float r, float x0, float x1) {
    return max(abs(q.y) - r, max(x0 - q.x, q.x - x1));
}

// Schlick Fresnel for a cylinder seen side on, u = y / r in (-1, 1).
float sy_fresnel(float u, float f0) {
    float nz = sqrt(max(1.0 - u * u, 0.0));
    float m = 1.0 - nz;
    float m2 = m * m;
    return f0 + (1.0 - f0) * m2 * m2 * m;
}

// What a polished cylinder reflects across its width (u = y / r): a broad soft window above,
// a hard thin rim light below, and the dark room between. Gives glass and steel their form.
float sy_studio(float u) {
    float window = exp(-sy_sq((u - 0.52) / 0.13));
    float rim = exp(-sy_sq((u + 0.80) / 0.045));
    float line = exp(-sy_sq((u - 0.18) / 0.035));
    return 0.9 * window + 1.2 * rim + 0.35 * line;
}

// A gaussian line of width w at c, seen through a lens blur b (same units): wider and dimmer,
// its light kept (round 34: the macro shot's near end out of focus).
float sy_line(float u, float c, float w, float b) {
    float wb = sqrt(w * w + b * b);
    return exp(-sy_sq((u - c) / wb)) * (w / wb);
}

// sy_studio seen through a lens blur b (in units of u).
float sy_studio(float u, float b) {
    return 0.9 * sy_line(u, 0.52, 0.13, b) + 1.2 * sy_line(u, -0.80, 0.045, b) + 0.35 * sy_line(u, 0.18, 0.035, b);
}
