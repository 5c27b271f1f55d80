#version 330 core
// Resonance, pass 2 (half resolution): marches the aurora through stacked height layers,
// reading the baked field once per layer, and lets the faces of memory warp and thin it.
// (aurora_life.frag: the same with the corona and the drifting memories compiled in.)
#include <visuals/params>
#include "../../lib/common.glsl"
#include "../../lib/hash.glsl"
#include "../../lib/colour.glsl"
#include "../../lib/noise.glsl"
#include "resonance.glsl"
#include "camera.glsl"
#include "face.glsl"

const int MAX_FACES = 4;

uniform vec2 u_resolution;
uniform sampler2D u_field_blur;
uniform float u_span;
uniform vec2 u_hum;
uniform int u_face_count;
uniform vec4 u_faces[MAX_FACES];     // centre x, centre y, scale, strength (signed contrast)
uniform vec4 u_faces_b[MAX_FACES];   // mouth open, tilt (rad), tear seed, tear amount
uniform float u_flow;                // cue-local seconds x speed (the rays' shimmer)
uniform float u_time;
out vec4 frag_colour;

#ifdef RESONANCE_LIFE
#include "memories.glsl"
#endif

// The faces at screen point p: x = density factor - 1, yz = domain warp, w = the extra
// haze of memory gathered where a face surfaces (so a face in dark sky still has light to
// be carved from).
float g_face_glow;     // the faces' own light (their lit planes), set by faces()
float g_face_lit;      // how squarely the face there meets the light (0..1), set by faces()
float g_face_on;       // how much of a face's modelled surface is here (0..1), set by faces()
float g_mouth;         // how far into an open screaming mouth (0..1): no light there
float g_void;          // the openings through the curtain (mouths, sockets' cores): the night behind
float g_lip;           // the curtain's light gathered on the openings' inner lips
// the faces' rays: striations per face-height unit (a head is about 0.6 wide: ~14 rays)
const float FACE_RAYS = 23.0;
// the aurora's light on the faces: from above and a little to the side
const vec3 FACE_LIGHT = normalize(vec3(0.4, 0.55, 0.75));

vec4 faces(vec2 p) {
    vec2 acc = vec2(0.0);
    vec2 slope = vec2(0.0); // the faces' sculpted height's gradient on screen
    float body = 0.0;      // how much face is here (strength x fade x its rays), out of the mouth
    float mouth_dark = 0.0; // how deep in an open screaming mouth the point is
    float on = 0.0;         // how much modelled face is here (its skin below the brow)
    float hole = 0.0;       // the openings cut through the curtain (max over the faces)
    float lip = 0.0;        // the light on their inner lips
    // (The loop's exit is tested at the end too: llvmpipe would run its body once more, as it
    // runs an if's body for every pixel of a block; see shaders/README.md.)
    for (int i = 0; i < u_face_count; ) {
        vec4 f = u_faces[i];
        vec4 g = u_faces_b[i];
        vec2 q = rot2(-g.y) * (p - f.xy) / f.z;
        if (dot(q, q) < 0.64) {
            // Flicker tears the face into horizontal slices that slip sideways.
            // (round 14: hard steps read as a barcode, a glitchy pixel column: each slice
            // slides into the next over most of its height, a sway rather than a cut)
            float bq = q.y * 4.5;
            int band = int(floor(bq));
            float slip = mix(hash_seed(ivec2(band, int(g.z)), 77), hash_seed(ivec2(band + 1, int(g.z)), 77),
                             smoothstep(0.0, 1.0, fract(bq)));
            q.x += (slip - 0.5) * g.w;
            float cavity, skin;
            float r0 = face_relief(q, g.x, g.y * 5.0);
            vec3 hgt = face_height(q, g.x, g.y * 5.0, cavity, skin);
            // A ragged edge, so the face surfaces out of the aurora's folds, not a disc.
            float fray = 0.07 * sin(6.0 * q.y + 9.0 * g.y) * sin(4.0 * q.x - 3.0 * q.y);
            float fade = smoothstep(0.72, 0.42, sqrt(dot(q, q)) + fray);
            slope += rot2(g.y) * hgt.yz;       // (d/dq, turned back to the screen's axes)
            // (round 14: "a smooth bland mask pasted onto the sky".)  The face is made of
            // the curtains' rays: vertical striations that bend sideways over its relief
            // (pushed by the height's slope, so they curve round the brow, the cheekbones,
            // the jaw and into the mouth), widen where a plane meets the light and fade
            // where it turns away, each ray its own brightness, shimmering like the aurora's.
            // (round 14: even rays with flat tops read as a barcode.  Like an aurora's
            // curtain: the spacing wanders, so the rays vary in width; each has its own
            // sharpness; each fades upward over a long soft tail to its own height.)
            float fi = float(i);
            float xs = FACE_RAYS * (q.x - 0.008 * hgt.y - 0.08 * hgt.x * q.x)
                     + 0.9 * sin(8.2 * q.x + 1.7 * fi + 0.1 * u_flow);
            float k = floor(xs + 0.5);
            float c = 0.5 + 0.5 * cos(TAU * xs);
            float lit_i = max(dot(normalize(vec3(-1.3 * hgt.yz, 1.0)), FACE_LIGHT), 0.0);
            float hk = hash11(k + 17.0 * fi);
            float ray = pow(c, mix(5.0, 1.3, lit_i * lit_i) * (0.6 + 1.3 * hk))
                      * (0.55 + 0.45 * sin(5.7 * k + 1.3 * u_flow + 2.0 * sin(2.3 * k)));
            // The smooth light of the face stops at the brow's top; its rays run on up out of
            // the crown, each to its own height, so the head melts into the curtains with a
            // ragged top, not the straight edge of a pasted patch.
            float ray_top = 0.12 + 0.36 * fract(hk * 7.13 + 0.37);
            float crown = smoothstep(ray_top + 0.34, ray_top - 0.14, q.y);
            crown *= crown;
            float brow = smoothstep(0.36, 0.06, q.y);
            // (the lower face melts into the curtain: below the mouth its smooth light goes,
            // the rays run on down through the jaw)
            float melt = smoothstep(-0.66, -0.3, q.y);
            float veil = smoothstep(0.62, 0.2, q.y);       // (a faint haze between the rays)
            // (round 21's reader: "stretched smears" -- the face below the brow is modelled
            // light: its planes carry a smooth skin of the curtains' glow, lit by their slope,
            // and the rays thin there, running on strong only up out of the crown)
            // (round 22: "pasted-on masks" -- the modelled zone's top was a straight cut
            // across the brow: it rises into the rays raggedly, ray by ray)
            float face_zone = smoothstep(0.19 + 0.07 * hk, 0.07, q.y) * melt;      // (below the brow)
            // (round 27's readers at 135.3 and 139.3 s: "blurry clay smears" -- the skin below
            // the brow was a smooth fill of light, a clay mask's: it is woven of the rays
            // too, bent over the relief, the dark between them showing, so the face is made
            // of the aurora's light threads)
            float weave = 0.4 + 2.2 * ray;
            body += sqrt(0.5 * f.w) * fade * (1.0 - cavity) * skin
                  * ((0.3 * brow * melt + 0.45 * face_zone) * weave + 0.07 * veil + 1.5 * ray * crown * (1.0 - 0.55 * face_zone));
            // (round 22: "Halloween masks" -- the orbits, too, are voids the light does not
            // reach: no lit round in the socket)
            vec2 oq = (vec2(sqrt(q.x * q.x + 0.0004), q.y) - vec2(0.112, 0.05)) / vec2(0.062, 0.05);
            float orbit = exp(-dot(oq, oq));
            mouth_dark += f.w * fade * (cavity + 1.6 * orbit * orbit);
            // (round 28: "dark green-grey ovals like pebbles" -- the screaming mouth is an
            // opening THROUGH the curtain into the night behind it, crisp-edged, its inner lip
            // a thin line of the curtain's light, brighter along the dropped jaw, which faces
            // the light above; the sockets' cores open onto the night too, rimmed fainter)
            float mk = face_mouth_at(q, g.x, g.y * 5.0);
            float open_m = smoothstep(0.2, 0.5, g.x);
            float below = smoothstep(0.02, -0.06, q.y - (FACE_MOUTH_Y0 - FACE_MOUTH_DROP * g.x));
            // (round 28's readers at 138.1/140.6 s: "a flat hard-edged hole", "a flat cut-out of
            // stars" -- its edge feathers into the curtain over a wider rim, the lip a soft glow)
            float mouth_hole = smoothstep(1.1, 0.6, mk) * open_m;
            float mouth_lip = exp(-pow((mk - 1.14) / 0.2, 2.0)) * open_m * (0.12 + 0.88 * below) * (0.5 + 1.0 * ray);
            // (the sockets' openings lidded by the brow and drooping outward, not round
            // goggles: their lip only along the lower rim, faint, where the cheek takes the light)
            vec2 eo = oq + vec2(0.0, 0.25 * oq.x * sign(q.x) - 0.15);
            float ol = length(eo * vec2(1.0, 1.35));
            float eye_hole = smoothstep(0.7, 0.45, ol);
            float eye_lip = exp(-pow((ol - 0.82) / 0.14, 2.0)) * smoothstep(-0.1, -0.4, eo.y) * (0.5 + ray);
            float there = fade * smoothstep(0.0, 0.25, f.w);     // (strength: 0.5 at its fullest)
            hole = max(hole, there * max(mouth_hole, 0.92 * eye_hole));
            lip += there * (mouth_lip + 0.3 * eye_lip);
            on += min(f.w, 1.0) * fade * skin * face_zone;   // (the rays carry the forehead)
            // Density follows the hollows only (the sockets' shade, the screaming mouth):
            // the rest of the face is its own light.
            acc.x += f.w * (min(r0, 0.0) - 1.4 * cavity) * fade;
            acc.y += f.w * fade * 0.6;
        }
        if (++i >= u_face_count) {
            break;
        }
    }
    // Faces belong to the sky: they fade out toward the horizon and the city.
    float sky = smoothstep(0.02, 0.2, p.y - u_horizon);
    acc *= sky;
    // The planes of the face, lit from above and a little to the side (the aurora's light),
    // from its height's gradient: brow, nose, cheekbones and chin catch it, the sockets,
    // the cheeks' hollows and the underside of the jaw fall into shade.
    vec3 n = normalize(vec3(-2.2 * slope, 1.0));   // (round 21: the relief deeper, so its planes read)
    float lit = max(dot(n, FACE_LIGHT), 0.0);
    float lit3 = lit * lit * lit;
    g_face_glow = body * sky * (0.08 + 0.6 * lit + 1.2 * lit3) * 5.0;
    g_face_lit = lit;
    g_face_on = clamp(on * sky, 0.0, 1.0);
    g_mouth = smoothstep(0.0, 0.9, mouth_dark * sky);   // (a soft ramp: a void, not a cut-out)
    g_void = hole * sky;
    g_lip = lip * sky;
    // The field is pulled toward the ridges, away from the hollows: a warp down the relief's
    // gradient, clamped where the flicker tears it.
    vec2 grad = vec2(dFdx(acc.x), dFdy(acc.x)) * u_resolution.y;
    vec2 warp = -0.0024 * grad;
    warp *= min(1.0, 0.012 / max(length(warp), 1e-6));
    return vec4(acc.x, warp, acc.y);
}

void main() {
    vec2 p = view_point(gl_FragCoord.xy, u_resolution);
    vec4 fc = faces(p);
    p += fc.yz;
    vec3 d = camera_ray(p);
    vec3 col = vec3(0.0);
    if (d.y > 0.002) {
        float u = field_u(d.x / d.z, u_span);
        int n = march_steps(u_quality);
        float inv_n = 1.0 / float(n);
        float step_v = march_v_length() * inv_n;
        // v of the lowest height on this pixel's ray, then one step per v interval (sampled at
        // its centre, where the blurred field holds the interval's mean); the height climbs
        // by a constant factor per step. No jitter: nothing is narrower than a step, so the
        // march is smooth and steady in time without noise.
        float v0 = field_v(log(MARCH_H_LO * d.z / d.y)) + 0.5 * step_v;
        float h_step = exp(step_v * (FIELD_L1 - FIELD_L0));
        float H = MARCH_H_LO * exp(0.5 * step_v * (FIELD_L1 - FIELD_L0));
        vec3 c_low = srgb_to_linear(u_colour_low.rgb);
        vec3 c_high = srgb_to_linear(u_colour_high.rgb);
        vec3 c_fringe = srgb_to_linear(u_colour_fringe.rgb);
        float reach = (0.35 + 0.9 * u_reach) * (1.0 + 0.25 * u_hum.x);
        float span_h = AURORA_TOP - AURORA_BASE;
        // The lower edge is as sharp as the steps allow (about two steps wide at the base).
        float soft = max(0.012, 1.1 * (h_step - 1.0) * AURORA_BASE / span_h);
        float k_edge = min(22.0, 0.9 / soft);
        float k_top = 3.0 / reach;
        float k_haze = 1.2 / reach;
        float haze = 0.065 * fc.w;
        for (int i = 0; i < n; ) {          // (exit tested at the end too)
            vec4 s = texture(u_field_blur, vec2(u, v0 + float(i) * step_v));
            float b = AURORA_BASE * (0.7 + 0.6 * s.b);
            float rel = (H - b) / span_h;
            float rise = smoothstep(-soft, soft, rel);
            float w = rise * (exp(-rel * k_top) + 1.2 * exp(-rel * k_edge));
            vec3 c = mix(c_low, c_high, smoothstep(0.04, 0.5 * reach, rel));
            // (round 30's readers at 104.2 s: "the aurora a pinkish hard-edged band" -- each
            // sheet's lower edge drew a pink line, stacked into pink stripes with their mirror
            // images: the fringe only a hint, a third of it, melting up into the green)
            c = mix(c, c_fringe, 0.35 * (1.0 - smoothstep(-soft, 2.5 * soft, rel)));
            float lower = smoothstep(-2.0 * soft, 2.0 * soft, rel);
            // (the faces' light is carried by the curtains' rays, not laid over them as a
            // smooth fill: a face is made of the aurora, streaked with it)
            col += (2.0 * s.r * w + (0.075 * s.g + haze * (0.06 + 7.5 * s.r)) * lower * exp(-rel * k_haze)) * c;
            H *= h_step;
            if (++i >= n) {
                break;
            }
        }
        col *= inv_n * 8.0 * u_intensity * (1.0 + 0.3 * u_hum.x);
        // The faces thin and thicken the light, and glow along their hollows' rims in the
        // curtains' own colours: spectral masks, their eyes and screaming mouths dark.
        // (round 22: deep hollows -- at 0.3 the sockets kept a lit round that read as a mask's eye)
        col *= max(1.0 + fc.x, 0.1);      // (the eyes and the screaming mouth dark in a lit face)
        col *= 1.0 - 0.7 * g_mouth;       // (the mouth a dark hole the curtains do not fill)
        // (round 21's reader: "stretched smears".  Where a face surfaces, the curtains' own
        // light is shaded by its planes -- the brow, the nose's ridge, the cheekbones and the
        // chin catch it, the sockets, the cheeks' hollows and the jaw's underside fall away
        // into shade -- so the face is modelled in the aurora, not streaked across it)
        col *= mix(1.0, 0.3 + 1.3 * g_face_lit, g_face_on);
        // (their glow, too, rides on the curtains' own light where they pass through it, so
        // no face hangs in the sky as a pasted mask)
        float la = dot(col, vec3(0.3, 0.5, 0.2));
        float carried = 0.3 + 0.7 * smoothstep(0.0, 0.25, la);
        // (round 10's reader: "a grey photo-like overlay instead of being made of the aurora".
        // The face takes the colour of the curtains it surfaces in -- their green low down,
        // their violet up high, read from the light already gathered at this pixel -- and only
        // its most squarely lit planes (brow, nose, cheekbones) pale towards white.)
        vec3 c_mid = mix(c_low, c_high, smoothstep(0.0, 0.35, p.y - u_horizon));
        c_mid /= max(dot(c_mid, vec3(0.3, 0.5, 0.2)), 1e-3);
        vec3 hue = mix(c_mid, min(col / max(la, 1e-4), vec3(4.0)), smoothstep(0.01, 0.08, la));
        float lit2 = g_face_lit * g_face_lit;
        vec3 c_face = mix(hue * 0.7, vec3(0.85, 0.95, 1.0), 0.12 * lit2 * lit2);
        // (their light is the aurora's: with the aurora put out, they go with it)
        col += g_face_glow * 0.2 * carried * smoothstep(0.0, 0.5, u_intensity) * c_face
             * max(1.0 + fc.x, 0.0) * (1.0 - g_mouth)
             * smoothstep(0.0, 0.1, d.y);
        // the openings' inner lips: the curtain's own light, thin and bright where it turns
        // in over the edge, then nothing: the curtain opens onto the night
        col += g_lip * 0.16 * smoothstep(0.0, 0.5, u_intensity) * mix(hue, vec3(0.85, 1.0, 0.95), 0.3);
    }
    col *= 1.0 - g_void;
#ifdef RESONANCE_LIFE
    // the cloud's life (memories.glsl), compiled in only in the variant drawn while the
    // corona or the laughter is up (aurora_life.frag)
    vec2 pv = view_point(gl_FragCoord.xy, u_resolution);
    vec4 crown = corona(pv, u_time);
    col = col * crown.w + crown.rgb;
#ifdef RESONANCE_LAUGHTER
    // (the child, only in its own variant: its four after-images' figures cost every pixel
    // of the corona's frames a fifth again while the dream keeps laughter at 0 -- round 32)
    vec4 child = memory_laughter(pv, u_time);
    col = col * child.w + child.rgb;
#endif
#endif
    // alpha: the faces' density factor, which the water's reflection divides out.
    // (the openings through the curtain are marked below 0.05 for the last pass, which shows
    // the night and its stars in them)
    frag_colour = vec4(col, mix(max(1.0 + fc.x, 0.06), 0.02, g_void));
}
