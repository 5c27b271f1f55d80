"""Post effects: bloom, a tone-mapping grade, film grain, vignette, chromatic aberration, the
cracks in the utopia (tremor, block displacement, colour split, and ``glitch``, all three
under one knob), and the end of the dream (``howl``: a sound tearing the sky; ``waking``: light
through closed lids pounding with the heart, a gasp, the eyes opening onto white).

Each effect is a :class:`~visuals.model.post.PostEffect`: passes that read the image they process as
``sampler2D u_input``.  A cue applies them to its own image, a show to the whole frame, and the
timeline automates their parameters as ``"<effect>.<param>"`` tracks::

    Cue("city", 30, 60, post=["bloom", ("grain", {"amount": 0.3})])
    Show("dream", cues, post=["vignette", "glitch"],
         tracks={"glitch.amount": [(120, 0.0), (128, 0.8), (131, 0.0)]})

The images they receive are display-referred sRGB (the scenes' 8-bit output), so every effect
works on that, converting to linear light where light is added or scaled, and dithering what
it writes back.  With its strength at zero an effect returns its input unchanged (bit for bit);
on software GL it still costs its full price (llvmpipe runs both sides of every branch), so an
effect that is off for most of a show is cheaper left out of the chain where it is not used.
The frame loop that sticks on repeat (the looping laughter) is not an effect: it is the
timeline's ``Loop`` and the live ``loop`` trigger.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from visuals import Param, Pass
from visuals.model.post import PostEffect

FX = "post/effects"

# -- bloom ---------------------------------------------------------------------------------
# A dual-Kawase pyramid of five levels from 1/4 down to 1/64 of the frame and back up (the
# levels follow the frame size, so the glow covers the same share of the frame at every
# resolution), all RGBA8 with the light stored square-root encoded and dithered.  The first
# level averages 4x4 pixels with Karis weights so a single hot pixel cannot bloom into a
# flickering square.  It starts at 1/4 rather than 1/2 resolution: on software GL a half-
# resolution level and its upsample cost more than the rest of the bloom together, and the
# glow (light that spread beyond its source's neighbourhood) does not need them.  `lens`
# reuses the pyramid and fuses the composite with the vignette and the grain.
_DOWN = [("down1", 0.125, "bright"), ("down2", 0.0625, "down1"),
         ("down3", 0.03125, "down2"), ("down4", 0.015625, "down3")]
_UP = [("up3", 0.03125, "down4", "down3"), ("up2", 0.0625, "up3", "down2"),
       ("up1", 0.125, "up2", "down1"), ("up0", 0.25, "up1", "bright")]


def bloom_pyramid() -> list[Pass]:
    """The passes that turn the frame into its glow (the last, 'up0', at 1/4 resolution)."""
    return ([Pass(f"{FX}/bloom_bright.frag", name="bright", scale=0.25)]
            + [Pass(f"{FX}/bloom_{name}.frag", name=name, inputs=(src,), scale=scale)
               for name, scale, src in _DOWN]
            + [Pass(f"{FX}/bloom_{name}.frag", name=name, inputs=(low, high), scale=scale)
               for name, scale, low, high in _UP])


_BLOOM_SHAPE = [
    Param("threshold", 0.65, 0.0, 1.0, "display brightness where light starts to bloom (soft knee)"),
    Param("radius", 0.5, 0.0, 1.0, "how far the glow spreads: tight halo (0) to wide haze (1)"),
    Param("quality", 0.5, 0.0, 1.0, "anti-firefly weighting of the first level: 0 plain average, "
                                    "0.5 and up full Karis weights (same cost)"),
]

bloom = PostEffect(
    "bloom",
    passes=bloom_pyramid() + [Pass(f"{FX}/bloom.frag", name="glow", inputs=("up0",))],
    params=[Param("amount", 0.6, 0.0, 2.0, "strength of the glow added around bright light (0 = off)")]
    + _BLOOM_SHAPE,
    description="bloom: bright light spreads a soft glow into its surroundings; flat areas stay as they are",
)

# -- tonemap ------------------------------------------------------------------------------
_AGX_LUT = 1024


def _agx_poly(v):
    v2 = v * v
    v4 = v2 * v2
    return (15.5 * v4 * v2 - 40.14 * v4 * v + 31.96 * v4 - 6.868 * v2 * v
            + 0.4298 * v2 + 0.1191 * v - 0.00232)


@lru_cache(maxsize=4)
def agx_inverse_table(n: int = _AGX_LUT) -> np.ndarray:
    """The inverse of AgX's sigmoid polynomial, sampled at n points of its output range.

    Entry k answers: which log-encoded value v in [0, 1] does the polynomial map to
    ``lo + (hi - lo) * k / (n - 1)``?  (The polynomial is monotonic on [0, 1].)
    """
    v = np.linspace(0.0, 1.0, 1 << 16)
    y = _agx_poly(v)
    want = np.linspace(y[0], y[-1], n)
    return np.interp(want, y, v).astype(np.float32).reshape(1, n)


class Tonemap(PostEffect):
    """Uploads the inverse AgX curve once, so the grade can re-expose a display image."""

    def update(self, state, resources):
        resources.texture("agx_inverse", agx_inverse_table(), key="agx_inverse")
        return {"u_agx_range": (float(_agx_poly(0.0)), float(_agx_poly(1.0)))}


tonemap = Tonemap(
    "tonemap",
    passes=[Pass(f"{FX}/tonemap.frag")],
    params=[
        Param("exposure", 0.0, -4.0, 6.0, "exposure in stops, applied through the curve (highlights roll off)"),
        Param("curve", 1, 0, 2, "tone curve: 0 none (clip), 1 AgX (brights go to white), 2 ACES fit"),
        Param("contrast", 1.0, 0.5, 2.0, "contrast of lightness about mid-grey (1 = unchanged)"),
        Param("saturation", 1.0, 0.0, 2.0, "colourfulness, in OKLab chroma (0 = grey, 1 = unchanged)"),
        Param("lift", 0.0, -0.1, 0.2, "raises (or crushes, below 0) the blacks"),
        Param("tint", "#ffffff", description="white balance: multiplies the light (white = unchanged)"),
    ],
    description="tone mapping as a grade: re-exposes the image through AgX or ACES, then contrast, "
                "saturation, lift and tint",
)


# -- grain, vignette, aberration ------------------------------------------------------------
@lru_cache(maxsize=8)
def grain_table(seed: int) -> np.ndarray:
    """The grain's noise table: 256x256 RGBA8 of uniform bytes, from the show's seed."""
    return np.random.default_rng([seed & 0xFFFFFFFF, 0x6A41]).integers(0, 256, (256, 256, 4), dtype=np.uint8)


class _Grainy(PostEffect):
    """A post effect whose passes read the grain table as ``sampler2D u_grain_noise``."""

    def update(self, state, resources):
        resources.texture("grain_noise", grain_table(state.seed), filter="linear", wrap="repeat",
                          key=("grain", state.seed))
        return {}


grain = _Grainy(
    "grain",
    passes=[Pass(f"{FX}/grain.frag")],
    params=[
        Param("amount", 0.35, 0.0, 1.0, "strength of the film grain (weaker in the darks)"),
        Param("size", 1.2, 1.0, 4.0, "grain size in pixels at 720p (scales with the frame)"),
        Param("colour", 0.2, 0.0, 1.0, "chroma of the grain: 0 monochrome, 1 coloured"),
    ],
    description="film grain: animated, the same for the same frame, weaker in the darks",
)

vignette = PostEffect(
    "vignette",
    passes=[Pass(f"{FX}/vignette.frag")],
    params=[
        Param("amount", 0.35, 0.0, 1.0, "how much the corners darken"),
        Param("roundness", 0.6, 0.0, 1.0, "0 follows the frame's shape, 1 a circle"),
        Param("softness", 0.6, 0.05, 1.0, "width of the falloff: hard edge (0.05) to the whole frame (1)"),
    ],
    description="vignette: darkens toward the corners, never the centre",
)

aberration = PostEffect(
    "aberration",
    passes=[Pass(f"{FX}/aberration.frag")],
    params=[
        Param("amount", 0.3, 0.0, 1.0, "colour fringes toward the edges (radial, grows with r squared)"),
        Param("quality", 0.5, 0.0, 1.0, "most spectral taps per pixel: 3 (0) to 15 (1); smoother wide fringes"),
    ],
    description="chromatic aberration: red and blue drift apart radially, none at the centre",
)


lens = _Grainy(
    "lens",
    passes=bloom_pyramid() + [Pass(f"{FX}/lens.frag", name="glow", inputs=("up0",))],
    params=[Param("bloom", 0.6, 0.0, 2.0, "strength of the glow around bright light (0 = off)")]
    + _BLOOM_SHAPE + [
        Param("vignette", 0.3, 0.0, 1.0, "how much the corners darken"),
        Param("roundness", 0.6, 0.0, 1.0, "vignette shape: 0 follows the frame, 1 a circle"),
        Param("softness", 0.6, 0.05, 1.0, "vignette falloff width: hard edge (0.05) to the whole frame (1)"),
        Param("grain", 0.12, 0.0, 1.0, "film grain strength (weaker in the darks; subtle by default)"),
        Param("grain_size", 1.2, 1.0, 4.0, "grain size in pixels at 720p (scales with the frame)"),
        Param("grain_colour", 0.2, 0.0, 1.0, "grain chroma: 0 monochrome, 1 coloured"),
        # the film's one grade (grade.glsl); off by default, so other shows are unchanged
        Param("tone", 0.0, 0.0, 1.0, "filmic tone curve: a toe that sinks murky near-blacks to black and a soft "
                                     "shoulder that rolls bright light off instead of clipping (0 = off)"),
        Param("split", 0.0, 0.0, 1.0, "split-tone: shadows toward deep violet-blue, highlights toward a warm white (0 = off)"),
        Param("halation", 0.0, 0.0, 1.0, "a warm red-orange fringe round bright lights, as on film (0 = off)"),
        Param("lift", 0.0, 0.0, 1.0, "with tone: eases the toe off and raises shadows and mid-tones over a faint "
                                     "violet-blue black, so dark scenes keep shadow detail (0 = the plain curve)"),
        Param("shoulder", 0.0, 0.0, 1.0, "with tone: starts the highlights' roll-off lower, so bright light is "
                                         "compressed well under white, never a flat white area (0 = the plain curve)"),
        Param("white", 0.0, 0.0, 2.0, "with tone: the display value the shoulder brings exactly to white (from 1 up), "
                                      "so the hottest light reaches white; 0 = off, the shoulder only nears white"),
    ],
    description="lens: bloom, a filmic grade, vignette and grain fused in one pass over the frame (cheaper than apart)",
    bypass=("bloom", "vignette", "grain", "tone", "split", "halation"),
)


# -- the cracks in the utopia ---------------------------------------------------------------
tremor = PostEffect(
    "tremor",
    passes=[Pass(f"{FX}/tremor.frag")],
    params=[
        Param("amount", 0.5, 0.0, 1.0, "size of the shake: 1 = 3 px at 720p (scales with the frame)"),
        Param("rate", 12.0, 1.0, 30.0, "new shake positions per second"),
    ],
    description="tremor: the whole image trembles by a pixel or two",
)

blocks = PostEffect(
    "blocks",
    passes=[Pass(f"{FX}/blocks.frag")],
    params=[
        Param("amount", 0.5, 0.0, 1.0, "how many blocks break loose and how far they slide"),
        Param("size", 0.08, 0.02, 0.3, "block height, in frame heights (blocks are ~3x as wide)"),
        Param("rate", 8.0, 1.0, 30.0, "new block patterns per second"),
    ],
    description="block displacement: rectangles of the image slip sideways, in bursts",
)

split = PostEffect(
    "split",
    passes=[Pass(f"{FX}/split.frag")],
    params=[
        Param("amount", 0.4, 0.0, 1.0, "channel offset: 1 = 10 px at 720p (scales with the frame)"),
        Param("angle", 0.0, -3.1416, 3.1416, "direction red moves, radians (0 = right; blue goes opposite)"),
    ],
    description="colour split: red and blue slide apart from green",
)

glitch = PostEffect(
    "glitch",
    passes=[Pass(f"{FX}/glitch.frag")],
    params=[
        Param("amount", 0.3, 0.0, 1.0, "one knob for the cracks: tremor, then split, then blocks (0 = off)"),
        Param("rate", 10.0, 1.0, 30.0, "new glitch patterns per second"),
        Param("rows", 0.0, 0.0, 1.0, "over 0.5: the blocks are whole rows, so the frame tears in thin horizontal bands"),
    ],
    description="glitch: tremor, colour split and block displacement together, in bursts, from one amount",
)


# -- the end of the dream -------------------------------------------------------------------
howl = PostEffect(
    "howl",
    passes=[Pass(f"{FX}/howl.frag")],
    params=[
        Param("amount", 0.0, 0.0, 1.0, "the howl: sound waves through the image and the sky cracking like glass (0 = off)"),
        Param("waves", 1.0, 0.0, 2.0, "strength of the pressure waves (displacement, colour along the fronts)"),
        Param("tear", 1.0, 0.0, 2.0, "how far the cracks run out from the source (0 = no cracks)"),
        Param("source_x", 0.5, 0.0, 1.0, "where the howl strikes the sky, in frame widths from the left"),
        Param("source_y", 0.72, 0.0, 1.0, "height of the howl's source, in frame heights from the bottom"),
    ],
    description="the howl: a sound tearing the sky -- pressure waves, and cracks radiating from one point that break the sky into shards of glass catching the light",
)

waking = PostEffect(
    "waking",
    passes=[Pass(f"{FX}/waking.frag")],
    params=[
        Param("amount", 0.0, 0.0, 1.0, "the waking over the frame (0 = off)"),
        Param("open", 0.0, 0.0, 1.0, "the eyes: 0 closed (red light through veined lids), 1 open (the world at dawn, through the lashes)"),
        Param("gasp", 0.0, 0.0, 1.0, "the gasp: a jolt of the frame and a flash (automate as a short impulse)"),
        Param("bpm", 96.0, 30.0, 180.0, "the pounding heart's tempo"),
        Param("dawn", 1.0, 0.0, 1.0, "the sun coming up behind the shut lids: a hot spot burning gold-white through them (0: none, the lids lit only by the frame)"),
        Param("room", 0.0, 0.0, 1.0, "what the opening eyes find: 0 the bare sea at dawn through the lids, 1 a bedroom at first light seen from the pillow, its window over the sea (the lids go out of the frame)"),
        Param("tears", 0.0, 0.0, 1.0, "the room swimming in tears: drops over the eye (lenses), the sight doubled and out of focus (0: dry and sharp)"),
        Param("push", 0.0, 0.0, 1.0, "the head lifting from the pillow toward the window (0: lying, 1: the window near)"),
        Param("roll", 0.0, -0.6, 0.6, "the head lying on its side on the pillow: the room seen tilted by this many radians (0: level, the head lifted)"),
        Param("breath", 0.0, 0.0, 1.0, "the dreamer's gasping breath fogging the window's lower panes, swelling with each breath, beads of water in it (0: clear glass)"),
        Param("spectrum", 0.0, 0.0, 1.0, "the low sun through the wet glass breaking into a ring of every colour round it, red inside to violet outside (0: none)"),
    ],
    description="waking: light through closed, veined eyelids pounding with the heart, tears, a gasp, the eyelids opening, dazzled, onto the sun rising out of the sea",
)

