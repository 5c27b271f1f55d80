"""The inverted sky: the dream's opening image.

"...the sky is a kaleidoscope of inverted colors -- violet suns, emerald moons..."

An n-fold mirror kaleidoscope (fractional segment counts grow the next sector in without a
seam) turns slowly over a layered, domain-warped nebula, a star field, rings of moons with soft
terminators and suns with coronas. ``inversion`` carries the natural night sky (0: a dark sky)
to its inversion (1: a pale sky) through a designed OKLab transform that sweeps over the sky as
a front; the suns and moons are violet and emerald throughout (their colours are turned here,
ahead of the front, by what the inversion has not yet turned: body_colours; ``body_lead`` 0
gives the natural gold suns and lavender moons).  The hum, a global oscillator, makes the
whole thing breathe and shiver.

``depth`` (round 10: "a flat mandala, no depth") sets the crown down a tunnel of light toward
a greater central sun: the rings close up toward it, the deep ones' bodies small and the outer
ones near, large and lit from the side (half moons), and the clouds, their radius bent, grow
finer toward the sun.  ``lids`` lays eyelids over the sky for the dream's first words ("I am
dreaming"): shut, a bright slit of the dream between dark lids.

Round 11 ("a screensaver mandala ... moons flat, doubled, suns overlapping"): ``mirror_bodies``
0 draws each sun and moon once, where it hangs, turning about the kaleidoscope's pole with the
sky (FREE_SUNS, FREE_MOONS: a few large suns of violet fire, emerald moons lit from their
nearest sun, a lit and a dark side) -- the kaleidoscope lives in the clouds; ``land`` lays the
dream's horizon (shaders/lib/land.glsl, shared with the constellations) along the bottom, so
the sky is seen from somewhere, and the view travels over it (``land_travel``).  The dream
uses both, with the pole high in the frame; the scene's defaults keep the crown.

Round 14 ("the nebula paint blobs", "a murky teal smudge"): ``filaments`` draws the clouds as
fine bright threads cut by crisp dust lanes, part of the gas amber so that the inversion turns
it violet beside the emerald; the land (lib/land.glsl) is four ranges in aerial perspective.

Round 15 ("one set with the suns moved", "the kaleidoscope a dark smudge"): ``horizon`` lifts or
sinks the land so the view can tilt up into the sky, the centre may lie off the frame (a close
view of one body), ``pole_glow`` makes the pole a luminous heart, and a moon large in the frame
shows smaller maria on a dimmed lit face.

Round 17 ("screensaver, cluttered", "cardboard mountains"): ``lake`` lays a still lake before
the ranges (lib/land.glsl) that mirrors the sky, the bodies and the ridges -- a water pixel is
shaded as the point it mirrors, so it costs no extra pass -- with slow swells, ripple lines and
mist banks on it; the ranges' faces are lit by their turn to the light.

Round 20 (nine readers: "flat vector mountains", "layered cardboard ranges"): ``relief`` draws
the land as real terrain -- lib/land.glsl's eroded height field round the lake, ray-marched once
into a G-buffer (the relief_* passes, a panorama of the land frame re-baked only when ``relief``
or ``land`` changes) and relit every frame by sky_relief.frag: the key sun's raking violet, the
moon's emerald fill, the sky's light in the occlusion, fog by depth and mist in the valleys.
The dream uses it; the scene's default keeps the 2D ranges.

Passes (shaders/scenes/sky/):
- ``moonmap``: the moons' maria, a small noise texture baked once.
- ``nebula``: the expensive domain-warped nebula of one kaleidoscope wedge, in polar form at
  half resolution, plus the far, smooth part of every sun's corona.
- ``bodies``: suns and moons as additive patches, one per body and sector, so each costs only
  the pixels its light reaches (llvmpipe shades every pixel a full-screen pass covers).
- ``sky``: folds every pixel into the wedge, looks up the nebula, adds stars and the bodies,
  tonemaps, applies the inversion (OKLab) and dithers.  ``sky_land`` is the same pass with the
  land, the lake and the key sun's glare compiled in (sky_land.frag), drawn instead of it while
  any of them is on, so a sky without them pays nothing for their code; ``sky_relief`` the same
  with the relief in place of the 2D ranges.
- ``relief_march``, ``relief_a``, ``relief_b``: the relief's bake (shared with the
  constellations: relief_passes), drawn only with ``relief`` on.
Everything positional (rotation, the hum's phase, body orbits) is computed here in double
precision and wrapped, so long shows keep their precision.
"""
from __future__ import annotations

import math

import numpy as np

from visuals import Param, Pass, Scene
from visuals.model.scene import draw_one_of

MAX_BODIES = 6      # suns, and moons, at most (the shaders hold 2 * MAX_BODIES)
SKY_SECTORS = 50    # kaleidoscope sectors the bodies pass draws per body (segments <= 24)
SKY_ARC = 4         # quads along the arc of each sector patch (bodies.vert)


# mirror_bodies 0: the bodies, each once, in the sky about the kaleidoscope's pole -- (polar
# angle in degrees in the turning frame, distance from the pole in sky units, radius).  Large
# and few, of varied sizes (near and far), spread round the pole so that as the sky turns
# some are always in view.
FREE_SUNS = [(-118.0, 0.50, 0.110), (-28.0, 0.66, 0.055), (150.0, 0.62, 0.080),
             (60.0, 0.55, 0.05), (-70.0, 0.9, 0.04), (100.0, 0.8, 0.04)]
FREE_MOONS = [(-84.0, 0.36, 0.072), (-168.0, 0.72, 0.120), (-48.0, 0.42, 0.050),
              (-150.0, 0.27, 0.056), (20.0, 0.6, 0.075), (110.0, 0.5, 0.06)]

# ``free_set`` 1, the opening's sky (round 27's readers at 2.1-14.8 s: "a symmetric screensaver
# mandala", "the suns and moons flat sprites", "two moons overlap and merge"): few bodies at
# varied depths, none overlapping -- the great violet sun at the pole (rising behind the ranges,
# the land's key light), a near emerald moon large, a far one small, a far small sun; the
# angles are where they stand at t 0 (the sky turns them by ``rotation``).
OPENING_SUNS = [(0.0, 0.0, 0.095), (-20.0, 0.78, 0.032)] + FREE_SUNS[2:]
OPENING_MOONS = [(128.0, 0.46, 0.080), (50.0, 0.36, 0.034), (170.0, 0.82, 0.05)] + FREE_MOONS[3:]


# The light's elevation over a moon's disc drawn once (radians): well off the plane, gibbous.
FREE_MOON_LIGHT = 0.55


# How calm the crown's suns burn (sky.glsl sky_sun_corona's b.w): round 25's readers saw their
# rayed coronas as "lens-flare clip art" -- a smooth fire threaded with faint streamers instead.
CROWN_CALM = 0.6


def _hum(t: float, freq: float) -> tuple[float, float, float]:
    """The hum: (breath -1..1, ripple phase 0..1, shiver -1..1) at time t.

    The breath is the fundamental plus a little of a slightly sharp second partial, so the
    breathing is organic rather than metronomic; the shiver is a fast seventh partial.
    """
    ph = (t * freq) % 1.0
    ph2 = (t * freq * 2.013 + 0.31) % 1.0
    ph7 = (t * freq * 7.0) % 1.0
    breath = (0.82 * math.sin(2 * math.pi * ph) + 0.18 * math.sin(2 * math.pi * ph2))
    return breath, ph, math.sin(2 * math.pi * ph7)


def _smooth(x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


# The bodies' natural colours (linear): the photosphere's rim (also the corona) and centre,
# and the moons' lavender.  sky.frag's inversion turns every hue by `hue_turn` as its front
# passes, which takes these to violet suns and emerald moons.
SUN_RIM = (1.0, 0.62, 0.30)
SUN_CENTRE = (1.0, 0.90, 0.70)
MOON_ALBEDO = (0.66, 0.52, 1.0)

_RGB_TO_LMS = np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                        [0.2119034982, 0.6806995451, 0.1073969566],
                        [0.0883024619, 0.2817188376, 0.6299787005]])
_LMS_TO_LAB = np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                        [1.9779984951, -2.4285922050, 0.4505937099],
                        [0.0259040371, 0.7827717662, -0.8086757660]])


def turned(rgb, angle: float, deepen: float = 1.0) -> tuple[float, float, float]:
    """Linear sRGB turned by ``angle`` radians in OKLab's (a, b) plane, chroma times
    ``deepen``, lightness kept (the turn sky_invert gives a hue; clipped at 0)."""
    lab = _LMS_TO_LAB @ np.cbrt(_RGB_TO_LMS @ np.asarray(rgb, float))
    c, s = math.cos(angle), math.sin(angle)
    lab[1:] = np.array([[c, -s], [s, c]]) @ lab[1:] * deepen
    lms = np.linalg.solve(_LMS_TO_LAB, lab) ** 3
    return tuple(float(v) for v in np.maximum(np.linalg.solve(_RGB_TO_LMS, lms), 0.0))


def inversion_at(r: float, inversion: float, dissolve: float, dens: float = 0.5) -> float:
    """The inversion's progress at distance r from the mandala's centre, as sky.frag's front
    finds it (the nebula's density there taken as typical)."""
    field = min(max(0.62 * _smooth(r / 0.95) + 0.38 * (1.0 - dens), 0.0), 1.0)
    spread = 1.6 * dissolve
    return min(max(inversion * (1.0 + spread) - spread * field, 0.0), 1.0)


def body_colours(r: float, kind: str, p: dict) -> tuple[tuple, tuple]:
    """A body's colours, turned ahead of the inversion: by the part of ``hue_turn`` the front
    has not yet applied where the body is (times ``body_lead``), so that after the inversion
    its hue is the inverted one at every moment -- violet suns and emerald moons on the dark
    natural night as on the pale inverted sky (the text has no gold suns).  Two colours: the
    sun's rim (and corona) and centre; the moon's albedo (twice)."""
    # (the clouds thin out beyond the crown: a far body's front is where the sky is clear)
    t = inversion_at(r, float(p["inversion"]), float(p["dissolve"]), 0.5 - 0.5 * _smooth((r - 0.4) / 0.3))
    owed = (1.0 - _smooth(t)) * float(p["body_lead"])
    angle = math.radians(float(p["hue_turn"])) * owed
    deepen = 1.0 + 0.9 * owed       # (on the dark night a pale violet reads white: deepen it)
    if kind == "sun":
        return turned(SUN_RIM, angle, deepen), turned(SUN_CENTRE, angle, deepen)
    moon = turned(MOON_ALBEDO, angle, deepen)
    return moon, moon


def _sun_phasors(h, t: float, shiver: float) -> tuple[tuple, tuple, tuple]:
    """A sun's turning corona as cos/sin pairs (its spin with the hum's shiver, then harmonics
    2.1, 3.3 and 4.0 of its slow phase), worked out here once a frame instead of per pixel."""
    spin = 2 * math.pi * (((0.004 + 0.006 * h[2]) * t + h[4]) % 1.0)
    ph = 2 * math.pi * ((h[2] + 0.01 * t) % 1.0)
    return ((math.cos(spin), math.sin(spin), math.cos(shiver), math.sin(shiver)),
            (math.cos(ph), math.sin(ph), math.cos(2.1 * ph), math.sin(2.1 * ph)),
            (math.cos(3.3 * ph), math.sin(3.3 * ph), math.cos(4.0 * ph), math.sin(4.0 * ph)))


# Round 20 ("flat vector mountains", nine readers): the land as a ray-marched height field
# (lib/land.glsl's relief), baked once into a G-buffer by these passes and relit every frame by
# sky_relief.frag.  The bake is a panorama of the land frame RELIEF_U_SPAN (2.67) screen heights
# wide from SKY_RELIEF_U0: the dream's slides (-0.4 .. 0.15) with the frame round them.
RELIEF_PASSES = ("relief_march", "relief_a", "relief_b")
# The relief's highest crest over its land line (frame heights; measured from the bake's
# coverage: -0.094), and how far past the frame's edge the ground must lie (its shore light and
# mist reach a little over it) before a build of the last pass leaves it out.
RELIEF_TOP = -0.09
GROUND_MARGIN = 0.04
KALEIDO_VARIANTS = ("sky_kaleido", "sky_kaleido_lake", "sky_kaleido_land", "sky_kaleido_up")
SKY_RELIEF_U0 = -1.45
RELIEF_SCALE = 1.5      # the bake's texels per frame pixel (its rows hold 1.1 frame heights)
RELIEF_MAX_SIDE = 2880  # ... up to 1920x1080 frames; a larger frame reads a bake this wide, stretched
# The views the relief is seen from (lib/land.glsl relief_ray): lens (screen heights per radian),
# eye (km over the water), bearing (radians).  The close one, from lower down with a longer lens,
# keeps the far shore's water line where the wide one has it (lens x eye the same).
RELIEF_WIDE = (1.5, 0.08, 0.0)
RELIEF_CLOSE = (1.1, 0.109, -0.7)


def relief_shift(x: float) -> float:
    """The land's slide for the relief's panorama: wrapped into -256 .. 256 (beyond its columns
    the bake's edge is held), so a slide a little below 0 stays there instead of wrapping to 512."""
    return (x + 256.0) % 512.0 - 256.0


def relief_passes(update: tuple) -> list:
    """The relief's three bake passes (shaders/scenes/sky/relief*.frag), shared with the
    constellations: the march (distance, height, hit) and the two halves of the G-buffer,
    re-baked only when one of ``update``'s parameters changes."""
    common = dict(vert="common/fullscreen.vert", primitive="triangles", count=3, scale=RELIEF_SCALE,
                  max_side=RELIEF_MAX_SIDE, update=update)
    return [
        Pass("scenes/sky/relief.frag", name="relief_march", precision="rgba32f", filter="nearest", **common),
        Pass("scenes/sky/relief_a.frag", name="relief_a", inputs=("relief_march",), **common),
        Pass("scenes/sky/relief_b.frag", name="relief_b", inputs=("relief_march",), **common),
    ]


class Sky(Scene):
    """The sky scene: computes the hum, rotation and body layout each frame."""

    def layout(self, params: dict, t: float, seed: int, shiver: float = 0.0) -> dict:
        """Sun and moon positions in the fundamental wedge (sky units).

        ``arrangement`` 0 is the crown: the first sun at the centre, then rings that alternate
        moons (on the mirror lines, so each ring shows ``segments`` moons) and suns (on the
        wedge's bisector, twice ``segments`` suns per ring). 1 scatters the bodies at seeded
        places in the wedge, where they drift slowly. Values between glide from one to the other.
        """
        n = float(params["segments"])
        S = math.pi / n
        ns = int(round(params["suns"]))
        nm = int(round(params["moons"]))
        orbit = float(params["orbit"])
        size = float(params["body_size"])
        a = _smooth(float(params["arrangement"]))
        deep = float(params["depth"])
        rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 0x5C1E5])
        scatter = rng.uniform(size=(2 * MAX_BODIES, 6))
        mirrored = float(params["mirror_bodies"]) >= 0.5

        # Crown slots: 0 = centre (first sun), then rings alternating moon, sun, moon, ...
        slots: list[tuple[str, int]] = []
        if ns > 0:
            slots.append(("sun", 0))
        si, mi = (1, 0)
        while si < ns or mi < nm:
            if mi < nm:
                slots.append(("moon", mi))
                mi += 1
            if si < ns:
                slots.append(("sun", si))
                si += 1
        crown: dict[tuple[str, int], tuple[float, float]] = {}
        ring = 0
        moon_ring = 0
        for kind, i in slots:
            if kind == "sun" and i == 0:
                crown[(kind, i)] = (0.0, 0.5)
                continue
            ring += 1
            # (depth: the rings recede toward the central sun, closer together the deeper they
            # lie, as rings down a tunnel do; 0 spaces them evenly, a flat mandala)
            rho = orbit * ((0.10 + 0.125 * ring) + (0.13 * 1.45 ** ring - (0.10 + 0.125 * ring)) * deep)
            if kind == "moon":
                alpha = 0.0 if moon_ring % 2 == 0 else 1.0     # alternate the two mirror lines
                moon_ring += 1
            else:
                alpha = 0.5
            crown[(kind, i)] = (rho, alpha)

        body_a = np.zeros((2 * MAX_BODIES, 4), np.float32)
        body_b = np.zeros((2 * MAX_BODIES, 4), np.float32)
        body_c = np.zeros((2 * MAX_BODIES, 4), np.float32)
        body_d = np.zeros((2 * MAX_BODIES, 4), np.float32)
        body_e = np.zeros((2 * MAX_BODIES, 4), np.float32)
        body_f = np.zeros((2 * MAX_BODIES, 4), np.float32)
        body_g = np.zeros((2 * MAX_BODIES, 4), np.float32)
        count = 0
        free: list = []
        for kind, n_kind in (("sun", ns), ("moon", nm)):
            for i in range(n_kind):
                h = scatter[i + (0 if kind == "sun" else MAX_BODIES)]
                w1 = 2 * math.pi / (70.0 + 60.0 * h[3])
                rho_s = orbit * (0.16 + 0.62 * h[0]) * (1.0 + 0.06 * math.sin(w1 * 0.7 * t + 6.0 * h[5]))
                alpha_s = 0.5 + 0.34 * math.sin(2 * math.pi * h[1] + w1 * t)
                rho_c, alpha_c = crown[(kind, i)]
                rho = rho_c + (rho_s - rho_c) * a
                alpha = alpha_c + (alpha_s - alpha_c) * a
                phi = alpha * S
                central = kind == "sun" and i == 0
                if not mirrored:
                    # Each body once, where it hangs in the sky (FREE_SUNS / FREE_MOONS): a few
                    # large bodies of varied sizes and depths, turning about the pole with the
                    # kaleidoscope of the clouds, not a crown repeated by its mirrors.
                    table = ((OPENING_SUNS, OPENING_MOONS) if float(params["free_set"]) >= 0.5
                             else (FREE_SUNS, FREE_MOONS))[0 if kind == "sun" else 1]
                    deg, rho, rad = table[i % MAX_BODIES]
                    phi = math.radians(deg) + 0.03 * math.sin(w1 * t + 6.0 * h[5])
                    rho *= orbit
                    x, y = rho * math.cos(phi), rho * math.sin(phi)
                    radius = rad * size
                    free.append((kind, count, x, y, radius, h, rho))
                    count += 1
                    continue
                # The central sun is the crown's heart; scattered, it shrinks to a sun among
                # suns, because off the centre every body is mirrored 2 x segments times.
                hero = 0.072 + 0.018 * deep          # (the great sun the tunnel leads to)
                if kind == "sun":
                    base = size * ((hero + (0.042 - hero) * a) if central else 0.028)
                else:
                    base = size * 0.046
                # perspective: the deep rings' bodies small, the outer ones near and large
                if not central:
                    base *= 1.0 + (min(max(0.35 + 1.5 * rho / orbit, 0.5), 1.8) - 1.0) * deep
                # Keep neighbouring images of one body from piling up when the wedge is narrow.
                room = 2.0 * rho * math.sin(min(S, math.pi / 2) * (0.5 if kind == "sun" else 1.0))
                radius = min(base, max(0.42 * room, 0.45 * base))
                if central:
                    radius = base + (radius - base) * a
                x, y = rho * math.cos(phi), rho * math.sin(phi)
                tint_a, tint_b = body_colours(rho, kind, params)
                body_f[count, :3] = tint_a
                body_g[count, :3] = tint_b
                if kind == "sun":
                    decay = (0.28 + (0.7 - 0.28) * a) if central else 1.1   # ray fall-off per radius
                    reach = radius * (3.0 + 3.6 / decay)
                    intensity = (1.0 - 0.3 * a) if central else 0.6
                    body_a[count] = (x, y, radius, 0.0)
                    body_b[count] = (reach, intensity, decay, 0.0 if central else CROWN_CALM)
                    body_c[count], body_d[count], body_e[count] = _sun_phasors(h, t, shiver)
                else:
                    elev = 0.55 * math.sin(2 * math.pi * (((0.011 + 0.01 * h[2]) * t + h[4]) % 1.0)) + 0.15
                    # (with depth the near, outer moons are lit from the side by the great sun:
                    # half moons and crescents, spheres in its light rather than full discs)
                    elev -= deep * 2.0 * max(rho / orbit - 0.3, 0.0)
                    body_a[count] = (x, y, radius, 1.0)
                    body_b[count] = (radius * 1.6, elev, h[5], h[4])    # (the disc and its atmosphere)
                    body_c[count, :2] = (-x / rho, -y / rho) if rho > 1e-5 else (0.0, 1.0)
                count += 1
        self._free_bodies(free, params, t, shiver, body_a, body_b, body_c, body_d, body_e, body_f, body_g)
        return {"u_body_a": body_a, "u_body_b": body_b, "u_body_c": body_c, "u_body_d": body_d,
                "u_body_e": body_e, "u_body_f": body_f, "u_body_g": body_g,
                "u_body_count": count, "u_sun_count": ns if mirrored else 0,
                "u_mirror_bodies": 1.0 if mirrored else 0.0}

    @staticmethod
    def _free_bodies(free, params, t, shiver, body_a, body_b, body_c, body_d, body_e, body_f, body_g):
        """Fill the arrays for bodies drawn once each (mirror_bodies 0): suns whose whole
        corona the bodies pass draws (the nebula carries no far part of it), moons lit from
        the nearest sun -- a lit side and a dark side, a half or gibbous moon."""
        suns = [(x, y, rad) for kind, _, x, y, rad, _, _ in free if kind == "sun"]
        for kind, j, x, y, radius, h, rho in free:
            tint_a, tint_b = body_colours(rho, kind, params)
            body_f[j, :3] = tint_a
            body_g[j, :3] = tint_b
            if kind == "sun":
                decay = 1.5            # (short rays: a fire's corona, not a lens flare's spikes)
                body_a[j] = (x, y, radius, 0.0)
                # (a calm fire, not flare spikes; a violet disc round a white heart, not a white glare;
                # round 34's readers at 17.5 s: "a streak leaks to its left" -- where the
                # streamers' harmonics aligned: the calmest fire, its streamers a faint thread)
                body_b[j] = (radius * 4.6, 0.45, decay, 1.0)
                body_c[j], body_d[j], body_e[j] = _sun_phasors(h, t, shiver)
            else:
                if suns:
                    sx, sy, _ = min(suns, key=lambda s: (s[0] - x) ** 2 + (s[1] - y) ** 2)
                    dx, dy = sx - x, sy - y
                else:
                    dx, dy = -x, -y
                n = math.hypot(dx, dy) or 1.0
                # The light's elevation over the disc's plane, in radians (bodies.frag takes it
                # as it is for a moon drawn once).  Round 15's reader: "flat stickers with a
                # crude shadow line" -- near the plane (a half moon) the terminator is a
                # straight line across the disc; kept well off it, the terminator is a
                # curved ellipse of a sphere.
                # (round 32's readers at 1.7-22 s: the moons "dark shells with a green rim" --
                # drawn once they are gibbous, the light well over the disc: a lit face)
                elev = FREE_MOON_LIGHT + 0.1 * math.sin(2 * math.pi * (((0.011 + 0.01 * h[2]) * t + h[4]) % 1.0))
                body_a[j] = (x, y, radius, 1.0)
                body_b[j] = (radius * 1.6, elev, h[5], h[4])
                body_c[j, :2] = (dx / n, dy / n)

    @staticmethod
    def _key_sun(bodies: dict, angle: float, zoom_eff: float, centre: tuple, landed: bool = False) -> tuple:
        """The one sun that lights the land and the lake (round 18's reader: "suns look like
        pasted-on sprites"): the largest sun drawn once, on the screen (centred frame heights,
        as the bodies pass places it) and its strength (by its size; the light's violet is
        land.glsl's).  A mirrored crown over the land (``landed``; round 22: the kaleidoscope
        rising over the ranges) is lit by its central sun, at the pole; without land, and in
        skies without suns, nothing is lit."""
        none = (0.0, 2.0, 0.0)
        a, b = bodies["u_body_a"], bodies["u_body_b"]
        if bodies["u_mirror_bodies"] > 0.5:
            if not landed or bodies["u_sun_count"] < 1:
                return none
            # (the crown's first sun hangs at the pole: the mandala's centre on the screen)
            return (float(centre[0]), float(centre[1]), min(float(a[0, 2]) * zoom_eff / 0.08, 1.5))
        suns = [j for j in range(len(a)) if a[j, 2] > 0.0 and a[j, 3] == 0.0 and b[j, 0] > 0.0]
        if not suns:
            return none
        j = max(suns, key=lambda k: a[k, 2])
        x, y = float(a[j, 0]) * zoom_eff, float(a[j, 1]) * zoom_eff
        c, s = math.cos(angle), math.sin(angle)
        sx, sy = c * x - s * y + centre[0], s * x + c * y + centre[1]
        strength = min(float(a[j, 2]) * zoom_eff / 0.08, 1.5)
        return (sx, sy, strength)

    @staticmethod
    def _lean(p: dict) -> bool:
        """Whether the lids, the pole's heart and the crown's haze are all off (round 32): the
        lean builds of the last pass (SKY_LEAN) leave them out."""
        return (float(p["lids"]) <= 0.0 and float(p["pole_glow"]) <= 0.0
                and float(p["mirror_bodies"]) < 0.5)

    @staticmethod
    def _kaleido_variant(p: dict) -> str:
        """Which build of the kaleidoscope's last pass draws (round 32: its seconds were the
        sky's slowest, and on llvmpipe code nothing takes still costs): as the view tilts up,
        the lake's far shore sinks below the frame first, then the ranges' crests; the lean
        builds leave out what is gone, and the lids, the pole's heart and the crown's haze,
        which the tilted-up shot never shows (drawn only while those are off)."""
        lean = Sky._lean(p)
        horizon = float(p["horizon"])
        lake_gone = float(p["lake"]) <= 0.0 or float(p["lake_level"]) + horizon < -0.5 - GROUND_MARGIN
        land_top = horizon + 0.12 * float(p["lake"]) + RELIEF_TOP
        land_gone = land_top < -0.5 - GROUND_MARGIN
        if not lean:
            return "sky_kaleido"
        if not lake_gone:
            # (round 33: the kaleidoscope over the lake, the eyes open)
            return "sky_kaleido_lake"
        return "sky_kaleido_up" if land_gone else "sky_kaleido_land"

    def update(self, state, resources):
        p = state.params
        t = float(state.t)
        n = min(max(float(p["segments"]), 1.0), 24.0)
        S = math.pi / n
        depth = float(p["hum_depth"])
        breath, ripple_phase, shiver = _hum(t, float(p["hum_freq"]))
        zoom_eff = float(p["zoom"]) * (1.0 + 0.035 * depth * breath)
        w, h = state.resolution
        cx, cy = float(p["centre_x"]), float(p["centre_y"])
        corner = 0.5 * math.hypot(w / h, 1.0) + math.hypot(cx, cy)     # (the farthest corner from the mandala's centre)
        radius = (corner + 0.01) / zoom_eff * 1.02
        angle = math.radians((float(p["rotation"]) * t) % 360.0)
        far_angle = math.radians((float(p["rotation"]) * t / 3.0) % 360.0)   # (wrapped on its own)
        bodies = self.layout(p, t, state.seed, shiver * depth)
        key_pos = self._key_sun(bodies, angle, zoom_eff, (cx, cy), float(p["land"]) > 0.0)
        # The land, the lake and the key sun's glare live in a variant of the last pass
        # (sky_land.frag), drawn instead of the plain one only while one of them is on: on
        # llvmpipe an untaken branch still costs, so a sky without them pays nothing for them.
        landed = float(p["land"]) > 0.0 or float(p["lake"]) > 0.0 or key_pos[2] > 0.0
        relief = landed and float(p["land"]) > 0.0 and float(p["relief"]) >= 0.5
        resources.draw_count("sky", 0 if landed else 3)
        resources.draw_count("sky_land", 3 if landed and not relief else 0)
        kaleido = relief and float(p["kaleido"]) > 0.0
        variant = self._kaleido_variant(p) if kaleido else ""
        lean = relief and not kaleido and self._lean(p)
        resources.draw_count("sky_relief", 3 if relief and not kaleido and not lean else 0)
        resources.draw_count("sky_relief_lean", 3 if lean else 0)
        draw_one_of(resources, KALEIDO_VARIANTS, variant, 3)
        # (the relief's bake: drawn once, when `relief` or `land` changes -- nothing without it)
        for name in RELIEF_PASSES:
            resources.draw_count(name, 3 if relief else 0)
        return {
            "u_sector": S,
            "u_centre": (cx, cy),
            "u_radius": radius,
            # Quality sets how much of the half-resolution nebula target is computed: its
            # resolution runs from 0.5 (quality 1) to 0.3 (quality 0) of the frame's.
            "u_nebula_frac": 0.6 + 0.4 * float(p["quality"]),
            "u_rot": (math.cos(angle), math.sin(angle)),
            "u_rot_far": (math.cos(far_angle), math.sin(far_angle)),
            "u_zoom_far": float(p["zoom"]) ** 0.25,
            "u_zoom_eff": zoom_eff,
            "u_flow": (0.045 * float(p["drift"]) * t) % 4096.0,
            "u_twinkle": (2.3 * t) % 1000.0,
            "u_hum": (breath, ripple_phase, shiver, depth),
            # the land slides as the view swings (its centre) and travels (parallax: the near
            # ridge twice as fast as the far range)
            "u_land_shift": (float(p["land_offset"]) - cx + float(p["land_travel"]) * t) % 512.0,
            "u_lake_phase": t % 4096.0,
            "u_key_sun": key_pos,
            # (the relief's bake is a panorama of the land frame: its slide centred, not wrapped)
            "u_relief_shift": relief_shift(float(p["land_offset"]) - cx + float(p["land_travel"]) * t),
            "u_relief_u0": SKY_RELIEF_U0,
            "u_relief_view": RELIEF_WIDE,
            # (the glass unfolds outward from the pole: its clock, in wedge widths of log r)
            "u_kaleido_flow": (float(p["kaleido_unfold"]) * t) % 64.0,
            **bodies,
        }


sky = Sky(
    "sky",
    passes=[
        Pass("scenes/sky/moonmap.frag", name="moonmap", size=(128, 128), update="once"),
        Pass("scenes/sky/nebula.frag", name="nebula", vert="scenes/sky/nebula.vert", primitive="triangles",
             count=6, scale=0.5, precision="rgba16f", clear=(0.0, 0.0, 0.0, 0.0)),
        Pass("scenes/sky/bodies.frag", name="bodies", vert="scenes/sky/bodies.vert",
             primitive="triangles", count=6 * SKY_ARC, instances=2 * MAX_BODIES * SKY_SECTORS,
             blend="add", precision="rgba16f", clear=(0.0, 0.0, 0.0, 0.0), inputs=("moonmap",)),
        # (drawn as a triangle list so the scene can choose, each frame, between the plain sky
        # and the one with the land, the lake and the key sun compiled in: update())
        Pass("scenes/sky/sky.frag", name="sky", vert="common/fullscreen.vert", primitive="triangles",
             count=3, inputs=("nebula", "bodies")),
        Pass("scenes/sky/sky_land.frag", name="sky_land", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("nebula", "bodies"), into="sky"),
        *relief_passes(("relief", "land")),
        Pass("scenes/sky/sky_relief.frag", name="sky_relief", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("nebula", "bodies", "relief_a", "relief_b"), into="sky"),
        *(Pass(f"scenes/sky/{name}.frag", name=name, vert="common/fullscreen.vert",
               primitive="triangles", count=3, inputs=("nebula", "bodies", "relief_a", "relief_b"), into="sky")
          for name in ("sky_relief_lean",) + KALEIDO_VARIANTS),
    ],
    output="sky",
    params=[
        Param("inversion", 1.0, 0.0, 1.0, "natural night sky (0) to the inverted sky (1), a designed OKLab transform"),
        Param("dissolve", 0.6, 0.0, 1.0, "how much the inversion sweeps as a front (centre and clouds first) instead of everywhere at once"),
        Param("hue_turn", -140.0, -360.0, 360.0, "degrees hues turn on the way to the inverted sky (-140: gold suns to violet, lavender moons to emerald, through the blues)"),
        Param("body_lead", 1.0, 0.0, 1.0, "how far the suns and moons wear their inverted hue ahead of the inversion front (1: violet suns and emerald moons even in the natural night; 0: gold and lavender until the front reaches them)"),
        Param("segments", 8.0, 1.0, 24.0, "kaleidoscope mirror count; fractional values grow the next sector in smoothly"),
        Param("rotation", 3.0, -45.0, 45.0, "rotation speed of the kaleidoscope, degrees per second"),
        Param("zoom", 1.0, 0.5, 2.5, "magnification of the whole sky"),
        Param("centre_x", 0.0, -1.2, 1.2, "where the mandala's centre lies across the frame (frame heights from its centre): off-centre compositions, a drifting view"),
        Param("centre_y", 0.0, -0.6, 1.2, "where the mandala's centre lies up the frame (frame heights from its centre)"),
        Param("suns", 2, 0, MAX_BODIES, "suns in the kaleidoscope's wedge (each shows as a ring or pair of images)"),
        Param("moons", 2, 0, MAX_BODIES, "moons in the kaleidoscope's wedge"),
        Param("arrangement", 0.0, 0.0, 1.0, "0: a crown of rings about a central sun; 1: scattered, drifting bodies"),
        Param("orbit", 1.0, 0.4, 2.0, "how far out the rings of bodies sit"),
        Param("depth", 0.0, 0.0, 1.0, "the crown as a tunnel of light: its rings recede toward the great central sun (closer together, smaller, veiled in its light) while the outer bodies come near (large and crisp); 0: a flat mandala of even rings"),
        Param("body_size", 1.0, 0.4, 2.0, "size of the suns and moons"),
        Param("nebula_glow", 1.0, 0.0, 3.0, "brightness of the nebula (0: none, a clean night round the bodies)"),
        Param("filaments", 0.0, 0.0, 1.0, "the nebula drawn as fine bright filaments and sharp dark dust lanes, part of its gas turning violet, instead of broad soft clouds (0)"),
        Param("teal", 1.0, 0.0, 1.0, "the natural nebula's teal oxygen cores (inverted they turn amber-brown; 0 leaves them violet, which inverts to emerald)"),
        Param("drift", 1.0, 0.0, 4.0, "how fast the nebula churns"),
        Param("stars", 1.0, 0.0, 2.0, "brightness of the star field"),
        Param("deep_stars", 1.0, 0.0, 2.0, "the deep sky behind the kaleidoscope: real, unmirrored stars far away, turning at a third of its rate (parallax), seen where the sky in front is dark"),
        Param("exposure", 1.0, 0.5, 3.0, "exposure before tonemapping"),
        Param("hum_depth", 0.35, 0.0, 1.0, "how strongly the hum makes the sky breathe and shiver"),
        Param("hum_freq", 0.2, 0.02, 4.0, "frequency of the hum, Hz"),
        Param("mirror_bodies", 1.0, 0.0, 1.0, "1: the suns and moons repeated by the kaleidoscope's mirrors (the crown); 0: each drawn once where it hangs, turning about the pole with the sky -- a few large bodies, the kaleidoscope left to the clouds"),
        Param("free_set", 0.0, 0.0, 1.0, "with mirror_bodies 0, which bodies: 0 the freed pair's sky (FREE_SUNS, FREE_MOONS); 1 the opening's (OPENING_SUNS, OPENING_MOONS: the great sun at the pole, moons near and far)"),
        Param("land", 0.0, 0.0, 1.0, "the land under the sky (shaders/lib/land.glsl): a far range against the airglow, the valley's mist, a near black ridge -- the sky seen from somewhere; 0: none"),
        Param("land_travel", 0.02, -0.2, 0.2, "how fast the view travels along the land, screen heights a second of the near ridge (the far range half as fast)"),
        Param("horizon", 0.0, -1.0, 0.3, "where the land lies up the frame (frame heights): below 0 the view tilts up into the sky, the land sinking out of view; above 0 it looks down over more of the land"),
        Param("relief", 0.0, 0.0, 1.0, "the land as real terrain (1: a ray-marched height field of eroded ranges, baked once and relit by the key sun and the moon, fogged by depth) instead of lib/land.glsl's 2D ranges (0)"),
        Param("lake", 0.0, 0.0, 1.0, "a still lake in front of the ranges (lib/land.glsl), mirroring the sky, the suns and moons and the ridges, broken by slow swells and ripple lines, mist on it; 0: none"),
        Param("shore", 0.0, 0.0, 1.0, "the near shore: dark rocks in silhouette along the frame's foot, rimmed by the low sun, and the sun's path on the water broken into glints (0: the open lake)"),
        Param("lake_level", -0.3, -0.5, 0.2, "where the lake's far shore lies up the frame (frame heights from its centre; moves with horizon)"),
        Param("pole_glow", 0.0, 0.0, 2.0, "the kaleidoscope's pole as a luminous heart (a white-violet core, rays along its mirrors, an emerald ring) instead of a dark calm eye (0)"),
        Param("land_offset", 0.0, -4.0, 4.0, "where along the land the view is at time 0 (screen heights): lines the ridges up with another scene's land"),
        Param("kaleido", 0.0, 0.0, 1.0, "with the relief: the sky seen through a kaleidoscope's mirrors -- an object chamber of its own violet suns, emerald moons, aurora curtains and stars folded over the whole frame into a many-faceted mandala round the pole, a tunnel of mirrors drifting outward, the mirrors' joins soft threads of light (kaleido.glsl); 0: the nebula alone"),
        Param("kaleido_unfold", 0.12, -1.0, 1.0, "how fast the kaleidoscope's facets unfold outward from the pole (wedge widths of log radius a second)"),
        Param("lids", 0.0, 0.0, 1.0, "eyelids over the sky, for the dream's first words: 1 shut to a bright slit, 0 open (none)"),
        Param("quality", 1.0, 0.0, 1.0, "detail: nebula resolution and octaves, gamut-clip precision, moon surfaces, the second star layer"),
    ],
    description="inverted-colour kaleidoscope sky: violet suns, emerald moons, nebula, the hum",
    duration=20.0,
)
