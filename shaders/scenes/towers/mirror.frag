#version 330 core
// Towers, last pass: the wet street mirrors the glass towers (round 17: "reflections in still
// water or wet floors" are what every reader rates 4; the street showed only the sun's streak).
//
// A screen-space reflection that needs no depth buffer.  The reflected ray of a street pixel
// runs on along the same line over the ground as the eye's ray, only rising, so the tower it
// meets is the first one standing behind that point on the line -- the first tower pixel
// above it in its own screen column.  Where that tower's foot meets the street (row y_foot)
// is the mirror's line, and the point seen in the mirror at row y is the tower's at
// 2 y_foot - y: exact for a level camera and vertical walls, close for the slight tilts the
// cues use.  The glass pass marks its towers in alpha (back.frag leaves alpha 0 beneath the
// glass), so this pass reads which pixels are towers from the finished picture.
#include <visuals/params>
#include "../../lib/common.glsl"

uniform vec2 u_resolution;
uniform float u_time;
uniform vec3 u_cam_fwd;
uniform vec3 u_cam_right;
uniform vec3 u_cam_up;
uniform float u_cam_tan;
uniform sampler2D u_glass;          // the city: towers (alpha 1) over the sky and the streets (alpha 0)
out vec4 frag_colour;

#ifdef TOWERS_LIQUID
// (round 28, `liquid`: "smeary vertical reflection streaks across the floor" -- the towers
// mirrored as long straight smears.)  The wet stone's film of water in ripples: the mirrored
// image broken into wavering bands, as a reflection in water is -- a swell across the rows
// whose crests bend slowly along the street (a wavelength of ~150 pixels across, so an edge
// bends rather than zigzags), moving toward the eye, growing with the reach from the foot.
// q: the pixel in 360p units; reach: rows from the tower's foot.  Returns the offset (pixels).
vec2 liquid_swell(vec2 q, float reach, float sc) {
    float bend = 0.9 * sin(0.042 * q.x + 0.3 * u_time) + 0.5 * sin(0.017 * q.x - 0.2 * u_time);
    float phase = 0.32 * q.y + 2.2 * bend + 2.0 * u_time;
    float grow = min(reach / (120.0 * sc), 1.0);
    return sc * vec2(2.5 * sin(phase) * grow, 3.0 * sin(0.8 * phase + 1.3) * grow);
}
#endif

void main() {
    ivec2 ip = ivec2(gl_FragCoord.xy);
    vec4 here = texelFetch(u_glass, ip, 0);
    vec2 uv = centered_uv(gl_FragCoord.xy, u_resolution);
    vec3 rd = normalize(u_cam_fwd + 2.0 * u_cam_tan * (uv.x * u_cam_right + uv.y * u_cam_up));
    // the horizon's row (the camera never rolls: its right vector is level)
    float y_h = (-u_cam_fwd.y / (2.0 * u_cam_tan * max(u_cam_up.y, 1e-3))) * u_resolution.y + 0.5 * u_resolution.y;
    float y = gl_FragCoord.y;
    vec3 col = here.rgb;
    if (rd.y < -1e-4 && here.a < 0.5 && u_wet > 0.0) {
        // The tower behind this point on its line (if any) is the one the column shows at the
        // horizon's row (a nearer one would hide the street pixel itself; one shorter than the
        // eye is let go); its foot is found by halving the rows between, not by stepping up the
        // column -- llvmpipe pays every lane's longest loop.  (round 18: six halvings left the
        // foot 3-6 rows out, a different error in each column, so every reflected edge came
        // out as a sawtooth at the towers' feet: halvings until the foot is within one row)
        float top = min(y_h, u_resolution.y) - 1.0;
        float span = top - y;
        float lo = y, hi = top;
        if (span > 1.0 && texelFetch(u_glass, ivec2(ip.x, int(top)), 0).a > 0.5) {
            int halvings = int(ceil(log2(max(span, 2.0))));
            for (int k = 0; k < halvings; ++k) {
                float mid = 0.5 * (lo + hi);
                bool tower = texelFetch(u_glass, ivec2(ip.x, int(mid)), 0).a > 0.5;
                lo = tower ? lo : mid;
                hi = tower ? mid : hi;
            }
            float y_foot = hi;
            // the wet stone's slow swell bends the image a little sideways: long, smooth waves
            // in screen rows (the same in every column, so an edge bends, never zigzags;
            // round 17's fast ripple read as a sawtooth at the towers' feet)
            float sc = u_resolution.y / 360.0;
            float ripple = sin(0.05 * y / sc + 0.6 * u_time) * 0.7 + sin(0.021 * y / sc - 0.4 * u_time) * 0.3;
            float away = min((y_foot - y) / (60.0 * sc), 1.0);
            vec2 at = vec2(gl_FragCoord.x + 1.2 * sc * ripple * away, 2.0 * y_foot - y);
#ifdef TOWERS_LIQUID
            at += u_liquid * away * liquid_swell(gl_FragCoord.xy / sc, y_foot - y, sc);
#endif
            vec4 seen = texture(u_glass, at / u_resolution);
            // grazing light mirrors most (Schlick), the image fades as it reaches down from the
            // foot (wet stone is a rough mirror) and off the top of the frame
            float fres = 0.04 + 0.96 * pow(1.0 - min(-rd.y, 1.0), 5.0);
            float reach = exp(-(y_foot - y) / (0.35 * u_resolution.y));
            float inside = 1.0 - smoothstep(u_resolution.y - 4.0, u_resolution.y, at.y);
            float w = clamp(u_wet, 0.0, 1.0) * fres * reach * inside * seen.a;
            // (a mirror takes the place of some of the street's own light: the wet stone
            // darkens under the reflection a little, so the reflected glass reads on it)
            col = col * (1.0 - 0.45 * w) + seen.rgb * w;
        }
    }
    frag_colour = vec4(col, 1.0);
}
