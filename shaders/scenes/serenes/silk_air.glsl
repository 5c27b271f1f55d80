// silk_air.glsl -- the Serenes' voices seen close (round 28: "their voices emerge not from
// mouths but from the air itself ... wrapping around you like silk" -- no reader had seen
// them: the stage's silk strips are drawn over the stage's frame, never over a close shot).
// In the portrait's shot, ribbons of pale silk light curl through the air round the figure:
// each a band whose centre line waves across the frame and whose face twists as it goes
// (wide where it turns its face to us, a bright hem where it turns edge-on), one far behind
// the figure, one wound close behind its shoulder, one sweeping past near the camera, large
// and soft; the candle warms the silk nearest it.  Analytic, a few sines a pixel.

const int SILK_AIR_RIBBONS = 3;
// per ribbon: base height, wave amplitude, wave frequency, phase
const vec4 SILK_AIR_WAVE[SILK_AIR_RIBBONS] = vec4[SILK_AIR_RIBBONS](
    vec4(0.30, 0.07, 2.3, 0.4), vec4(-0.05, 0.11, 3.1, 2.1), vec4(-0.33, 0.16, 1.6, 4.0));
// per ribbon: half width (screen), twist rate, its depth (m from the camera), its brightness
const vec4 SILK_AIR_BAND[SILK_AIR_RIBBONS] = vec4[SILK_AIR_RIBBONS](
    vec4(0.022, 3.2, 2.6, 0.55), vec4(0.03, 2.4, 1.25, 0.9), vec4(0.075, 1.5, 0.45, 0.6));
// per ribbon: where along the frame (x) it emerges out of the air and where it thins away
const vec4 SILK_AIR_SPAN[SILK_AIR_RIBBONS] = vec4[SILK_AIR_RIBBONS](
    vec4(-0.55, 0.35, 1.2, 0.2), vec4(-1.0, 0.2, 0.75, 0.35), vec4(-1.1, 0.2, 0.55, 0.45));
const float SILK_AIR_LEVEL = 0.085;   // the silk's light, in the shot's linear units

// The silk's light at screen point s (px: a pixel in screen units) over a figure at ``depth``
// with coverage ``cov``; ``amount`` is the voices' level, ``kc`` the candle on screen.
vec3 silk_air(vec2 s, float px, float depth, float cov, vec3 lightc, vec2 kc, float t, float amount) {
    vec3 acc = vec3(0.0);
    for (int i = 0; i < SILK_AIR_RIBBONS; ++i) {
        vec4 wv = SILK_AIR_WAVE[i];
        vec4 bd = SILK_AIR_BAND[i];
        float fi = float(i);
        float ph = wv.w + t * (0.35 + 0.1 * fi);
        // the centre line and its slope: two waves, the second drifting the other way
        float x = s.x;
        float y = wv.x + wv.y * sin(wv.z * x + ph) + 0.4 * wv.y * sin(2.3 * wv.z * x - 0.6 * t + fi);
        float dy = wv.y * wv.z * cos(wv.z * x + ph) + 0.92 * wv.y * wv.z * cos(2.3 * wv.z * x - 0.6 * t + fi);
        float d = (s.y - y) * inversesqrt(1.0 + dy * dy);
        // the twist: its face to us (wide), then edge-on (a thin bright hem)
        float tw = bd.y * x + 0.5 * t + 1.7 * fi;
        float face = cos(tw);
        // (the near one swells toward the frame's left, as if curling out toward the camera)
        float grow = i == 2 ? 1.0 + 0.9 * smoothstep(0.2, -0.9, x) : 1.0;
        // (round 33, 92.1 s: "odd box geometry" -- abs(face) kinked the band's edge into
        // straight runs and corners where the face turned edge-on: a smooth |face| instead)
        float hw = bd.x * grow * (0.12 + 0.88 * sqrt(face * face + 0.04));
        // (the near one out of focus; round 29: the others' hems 2.5 px soft -- at 1.2 px
        // the lit flank's edge stair-stepped at 1600 px and the lens's sharpening rang round it)
        // (round 33: the near one's edge blurred as a lens would, not by pixels -- at 6 px it
        // still cut a hard dark-over-light line across the candle's glow)
        float soft = i == 2 ? max(px * 6.0, 0.035) : px * 2.5;
        float a = abs(d) / hw;
        float body = 1.0 - smoothstep(1.0 - soft / hw, 1.0 + soft / hw, a);
        // (round 29, both readers: "flat banded strips" -- even stripes ran along each band
        // and its face was one flat tone: the cloth now bows across its width, so its face
        // turns through the light from hem to hem -- one flank in shade, the other lit, and a
        // single crisp satin glint riding across the band as it twists, the way silk shines)
        float u = clamp(d / hw, -1.0, 1.0);
        float bow = tw + 1.1 * u;                       // the local face's angle across the bow
        // (round 34, 93.3 s: "silk ribbons are flat tubes" -- the bow shaded each band as a
        // cylinder, one flank lit, one dark: a shallower bow, and the light runs along the
        // silk in long irregular streaks of sheen, fibres catching it, the body between them
        // all but clear: thin, translucent gauze with a crisp lit hem)
        float flank = 0.55 + 0.45 * smoothstep(-0.7, 0.9, cos(bow - 0.5));
        float fib = vnoise(vec2(u * 7.0 + fi * 13.0, x * 1.6 - 0.25 * t + fi * 3.0));
        fib = fib * fib * 1.6;
        float satin = pow(max(cos(bow - 0.5), 0.0), 18.0);
        float sheen = (0.25 + 0.75 * pow(abs(face), 2.0)) * flank;
        float hem = exp(-(1.0 - min(a, 1.0)) * 14.0) * (1.0 - 0.6 * abs(face));
        float threads = 1.0 + 2.2 * satin * (i == 2 ? 0.4 : 1.0);
        float gloss = pow(0.5 + 0.5 * sin(1.7 * x - 0.8 * t + 2.0 * fi + 1.5 * face), 4.0);
        // the ribbon's ends thin into the air
        vec4 sp = SILK_AIR_SPAN[i];
        float ends = smoothstep(sp.x, sp.x + sp.y, x) * smoothstep(sp.z, sp.z - sp.w, x);
        // the candle warms the silk near it; the rest is pale, a little lilac
        float warm = exp(-length(vec2(x, y) - kc) * 2.2);
        // (round 35, 88-95 s: "the ribbons thin grey strokes" -- the silk is sound made
        // visible: a thin film's play of colour, lilac to mercury-cyan to rose, shifting across
        // the bow and along the band as it twists, and the tone's standing wave travelling
        // along it as soft swells of light, not a grey line)
        vec3 film = 0.5 + 0.5 * cos(6.2832 * (0.45 * face + 0.22 * u + 0.12 * x + 0.33 * fi) + vec3(0.0, 2.1, 4.2));
        vec3 cold = mix(vec3(0.82, 0.84, 1.0), film * vec3(0.9, 0.95, 1.15), 0.55);
        vec3 tone = mix(cold, lightc * vec3(1.0, 0.8, 0.62), 0.25 + 0.65 * warm);
        float swell = 0.5 + 0.5 * cos(9.0 * x - 2.2 * t + 2.0 * fi);
        tone *= 0.7 + 0.8 * swell * swell * swell;
        float l = (0.03 + sheen * (0.12 + 2.6 * gloss) * threads * (0.35 + fib) + 2.0 * hem) * (0.6 + 1.2 * warm);
        // the light it gives the air round it: a soft glow off the band, brighter with its gloss
        // (as dim as the flank it leaves: a bright halo over a shaded hem drew a dark,
        // stair-stepped seam along the band's edge)
        float halo = exp(-max(abs(d) - hw, 0.0) / (0.02 + 0.5 * soft)) * (0.05 + 0.25 * gloss) * flank;
        // hidden where the figure stands nearer than it
        float seen = 1.0 - cov * step(depth, bd.z);
        acc += tone * (l * body + halo) * ends * bd.w * seen * (i == 2 ? 0.6 : 1.0);
    }
    return acc * SILK_AIR_LEVEL * amount;
}
