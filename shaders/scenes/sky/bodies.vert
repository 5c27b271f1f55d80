#version 330 core
// sky / bodies pass, vertex stage: one patch per (body, kaleidoscope sector).
//
// Instance i draws body i / SKY_SECTORS in sector k = i % SKY_SECTORS - SKY_SECTORS / 2. The
// patch is the part of that sector (a wedge) that the body's light can reach: an annular sector
// around the body's (possibly virtual) image in sector k, built from SKY_ARC quads whose outer
// corners circumscribe the arc. The patches of one body tile its disc of light without
// overlapping (each pixel lies in one sector), so a sun whose corona fills the screen costs one
// screen, not one screen per sector; the fragment stage still discards pixels outside its own
// sector (the patches get a pixel of margin against cracks). Unused instances collapse.
#define VISUALS_NO_DERIVATIVES
#include "../../lib/common.glsl"
#include "sky.glsl"

#define SKY_BODIES 12
#define SKY_SECTORS 50

uniform vec2 u_resolution;
uniform vec2 u_centre;      // the mandala's centre on the screen (frame heights from the frame's centre)
uniform float u_sector;
uniform vec2 u_rot;         // cos, sin of the mandala rotation
uniform float u_zoom_eff;
uniform int u_body_count;
uniform vec4 u_body_a[SKY_BODIES];   // x, y (sky units, in the wedge), radius, kind (0 sun, 1 moon)
uniform vec4 u_body_b[SKY_BODIES];   // reach (sky units), then per kind
uniform float u_mirror_bodies;       // 1: every body repeated by the mirrors; 0: each drawn once
flat out int v_body;
flat out int v_sector;

#define SKY_ARC 4
#define SKY_ANY_SECTOR 1000

// Corners of one quad of the strip: (step along the arc 0/1, inner 0 / outer 1).
const vec2 CORNERS[6] = vec2[6](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(1.0, 1.0),
                                vec2(0.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));

void main() {
    int body = gl_InstanceID / SKY_SECTORS;
    int k = gl_InstanceID % SKY_SECTORS - SKY_SECTORS / 2;
    float S = u_sector;
    int kmin = int(floor(-PI / S));
    int kmax = int(floor(PI / S));
    v_body = body;
    v_sector = k;
    if (body >= u_body_count || k < kmin || k > kmax) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);   // degenerate: nothing rasterised
        return;
    }
    vec4 a = u_body_a[body];
    float rho = length(a.xy);
    float phi = (rho > 0.0) ? atan(a.y, a.x) : 0.0;
    float img = ((k & 1) == 0) ? float(k) * S + phi : float(k + 1) * S - phi;
    // Suns: only the near field (the nebula pass carries the rest); moons: their disc.
    bool once = u_mirror_bodies < 0.5;
    float reach = (a.w < 0.5 && !once) ? 2.8 * a.z : u_body_b[body].x;
    float corner = (0.5 * length(vec2(u_resolution.x / u_resolution.y, 1.0)) + length(u_centre)) / u_zoom_eff;
    float pad = (0.006 + 3.0 / u_resolution.y) / u_zoom_eff;      // the hum's ripple, AA
    float r_in = max(rho - reach - pad, 0.0);
    float r_out = min(rho + reach + pad, corner + pad);
    // Angular extent: the sector, narrowed to the body's disc of light when it is far out.
    float half_width = (reach + pad < rho) ? asin((reach + pad) / rho) : PI;
    float a_pad = min(pad / max(r_in, 1e-3), 0.2);
    float a0 = max(max(float(k) * S, img - half_width), -PI) - a_pad;
    float a1 = min(min(float(k + 1) * S, img + half_width), PI) + a_pad;
    if ((r_in >= r_out || a0 >= a1) && !once) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    int v = gl_VertexID;
    vec2 cnr = CORNERS[v % 6];
    vec2 p;
    if (once || rho < 1e-6) {
        // One square round its light, no sector test: a body drawn once where it is (not
        // folded), or a body at the centre, which is its own image in every sector.
        if (k != 0 || v >= 6) {
            gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
            return;
        }
        v_sector = SKY_ANY_SECTOR;
        p = (once ? a.xy : vec2(0.0)) + (cnr * 2.0 - 1.0) * (reach + pad);
    } else {
        // As few quads along the arc as keep the circumscribed outer edge within 8%.
        int arcs = clamp(int(ceil((a1 - a0) / (PI / float(SKY_ARC)))), 1, SKY_ARC);
        if (v / 6 >= arcs) {
            gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
            return;
        }
        float step_angle = (a1 - a0) / float(arcs);
        float ang = a0 + (float(v / 6) + cnr.x) * step_angle;
        float rr = (cnr.y > 0.5) ? r_out / cos(0.5 * step_angle) : r_in;
        p = rr * vec2(cos(ang), sin(ang));
    }
    p *= u_zoom_eff;
    p = vec2(u_rot.x * p.x - u_rot.y * p.y, u_rot.y * p.x + u_rot.x * p.y) + u_centre;
    float aspect = u_resolution.x / u_resolution.y;
    gl_Position = vec4(p.x / (0.5 * aspect), p.y / 0.5, 0.0, 1.0);
}
