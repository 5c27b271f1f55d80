#version 330 core
// The chart lines: one quad (6 vertices) per link between two anchor stars of a stroke.
// Both ends come from star.glsl, so a line follows its stars in flight and never lags.
// u_links texel k = (star a, star b, 0, 1); unused links collapse outside the view.
#include "star.glsl"

uniform sampler2D u_links;
uniform float u_link_count;
uniform sampler2D u_links_next;   // the next word's chart: drawn stroke by stroke as its stars land
uniform float u_link_count_next;
uniform float u_max_links;        // quads per chart: the first u_max_links draw this word's, the rest the next's
uniform float u_chart;       // how much of the chart is drawn (fades while the stars rearrange)

out float v_across;          // signed distance from the line, pixels
out float v_along;           // pixels from the start of the drawn part
flat out float v_len;        // drawn length, pixels
flat out vec3 v_colour;      // linear intensity per unit of the core profile
flat out vec2 v_k;           // 1/(2 sigma^2) of core and glow, pixels
flat out vec2 v_peak;        // peak of core and glow

const vec2 CORNERS[6] = vec2[6](vec2(0.0, -1.0), vec2(1.0, -1.0), vec2(1.0, 1.0),
                                vec2(0.0, -1.0), vec2(1.0, 1.0), vec2(0.0, 1.0));

void main() {
    int link = gl_VertexID / 6;
    vec2 corner = CORNERS[gl_VertexID % 6];
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    v_across = 0.0; v_along = 0.0; v_len = 0.0; v_colour = vec3(0.0); v_k = vec2(1.0); v_peak = vec2(0.0);
    // (round 14's reader: mid-flight "scattered debris or rain, not glyphs forming") the next
    // word's chart is drawn while its stars fly in: a line lights once both its stars have
    // landed, so the word's strokes appear one by one where the trails converge
    bool next = float(link) >= u_max_links;
    if (next) {
        link -= int(u_max_links);
        if (u_next.x <= 0.0 || float(link) >= u_link_count_next) {
            return;
        }
    } else if (float(link) >= u_link_count) {
        return;
    }
    vec4 l = next ? texelFetch(u_links_next, ivec2(link % 256, link / 256), 0)
                  : texelFetch(u_links, ivec2(link % 256, link / 256), 0);
    Star a = star_state(int(l.x + 0.5));
    Star b = star_state(int(l.y + 0.5));
    float show = smoothstep(0.75, 1.0, a.formed) * smoothstep(0.75, 1.0, b.formed) * u_chart;
    vec2 pa = star_to_px(a.pos);
    vec2 pb = star_to_px(b.pos);
    if (next) {
        // a pen writes the next word's chart where its stars are going, in writing order, faint
        // until both its stars have landed on it (round 25: in a slow assembly, `flight`, a
        // thread lit long before its stars came read as a stray dash: it is a whisper until then)
        vec4 ta = star_target_next(int(l.x + 0.5));
        float pen = smoothstep(0.0, 0.12, 1.8 * u_next.x - ta.z);
        show = pen * mix(0.5, 1.0, smoothstep(0.8, 1.0, a.arrived) * smoothstep(0.8, 1.0, b.arrived));
        pa = star_to_px(glyph_place(ta.xy));
        pb = star_to_px(glyph_place(star_target_next(int(l.y + 0.5)).xy));
    }
    if (show < 0.002) {
        return;
    }
    float px = u_resolution.y / 1080.0;
    vec2 d = pb - pa;
    float len = length(d);
    // charts leave a little air around each star
    float gap = max(11.0 * px, 2.0);
    if (len < 2.0 * gap + 1.0) {
        return;
    }
    vec2 dir = d / len;
    vec2 nrm = vec2(-dir.y, dir.x);
    float core_s = max(0.7 * px, 0.6);
    float glow_s = max(5.0 * px, 1.5);
    float half_w = 3.0 * glow_s + 1.0;
    float drawn = len - 2.0 * gap;
    vec2 start = pa + dir * gap;
    vec2 p = start + dir * (corner.x * drawn) + nrm * (corner.y * half_w);
    gl_Position = vec4(p / u_resolution * 2.0 - 1.0, 0.0, 1.0);
    v_across = corner.y * half_w;
    v_along = corner.x * drawn;
    v_len = drawn;
    // light per unit length, conserved across resolutions like the stars' flux
    float shimmer = 1.0 + 0.8 * u_hold * (0.5 * (a.flux + b.flux) / 230.0 - 0.5);
    float intensity = 0.5 * px * show * shimmer;      // (the lines draw the constellation)
    v_colour = mix(a.colour, b.colour, 0.5) * intensity;
    v_k = 0.5 / vec2(core_s * core_s, glow_s * glow_s);
    v_peak = vec2(1.0 / (2.5066 * core_s), (2.5 * u_line_glow) / (2.5066 * glow_s));
    v_peak.x *= 0.25 + 0.75 * u_line_glow;
}
