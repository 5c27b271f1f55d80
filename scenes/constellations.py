"""Hieroglyph constellations: stars drift, then flow along curves into a glyph of an invented
script, hold and shimmer, and rearrange themselves into the next glyph.

The glyphs come from ``_glyphs.py`` beside this file (a seeded generator, never a font).  Each
glyph becomes a table of star targets uploaded as a texture: star ids ``0..A-1`` are the chart's
bright anchor stars (joined by faint lines), the next ones are star dust along the strokes, the
rest stay in the field.  The vertex shaders place every star from its id, so the stars cost one
point each (``count="stars"``), the chart one quad per line.

Timing (``rate`` > 0): each glyph owns ``1 / rate`` seconds: the first one's stars stream out of
the field into the strokes in writing order; every glyph holds while light runs along the
strokes, then its stars fly straight to their places in the next glyph (a second target table,
``targets_next``), so the sky is never a bare starfield between glyphs.  With ``rate`` = 0 the glyph ``glyph`` stays and ``morph`` alone writes it
(0 scattered .. 1 formed), which is the knob to play live.

A line of the script (``script_line``): nine glyphs of the same script written small and
faint along the bottom of the sky (rasterised here once per script into an 8-bit texture,
drawn by one quad over its band), the glyph the stars are forming lit among them, so the
sky reads as writing even while the stars are scattered between glyphs.  Off by default since
round 2, where a reader took it for subtitles: the glyph is written big across the sky instead
(GLYPH_SCALE), drawn by its bright anchor stars and their chart lines more than by dust, over
a deep, sparse field (most stars at the edge of seeing, one in thirty bright and twinkling).

Round 10 ("a diagram pasted on a generic starfield, no depth, no scale"): the word is written
smaller and higher, across a vast sky above a land (main.frag: a far mountain range dark
against an emerald-violet airglow, the valley's mist, a near black ridge, each sliding with the
view), under a brighter milky way; and a star in flight comes nearer and settles back far away
as it lands (star.glsl), so the word assembles in depth.

Round 11 ("the held words nearly identical, the sky static"): the view travels along the
valley (``travel``: the near ridge passes at TRAVEL_SPEED, the far range at half of it) and
slowly nearer the milky way, so no two stills of a held word are alike.  The land is
shaders/lib/land.glsl, the same the sky's dream stands on.

Round 14 ("a textbook cartouche", Egyptian pictures; "the colours NOT inverted"): a word is
the script's own signs in a row along an arc, placed anew each time (_glyphs.word) -- carved,
not penned (the cursive hand read as Latin handwriting): straight strokes, a shared head bar,
rings and lozenges with dots inside, crossing bars, barbed hooks -- and ``invert`` turns the
night inside out: a pale lilac sky deepening to violet overhead, its faint stars dark ink, but
the word still LIGHT (in ink it read as "grey beaded chains"): emerald-white threads and
white-hot stars in a violet aura, the land's haze glowing with the bright air (main.frag).

Round 15 (mid-flight "scattered debris or rain, not glyphs forming"): a star flying into the
next word draws a curved light trail of its last TRAIL seconds, the stars land in the next
word's writing order, and a pen writes the next word's chart ahead of them (links.vert).

Round 17 (the lilac night "flat"): ``lake`` lays the sky's still lake (lib/land.glsl) under the
ranges, so the word, the sky and the ridges stand mirrored in its water (main.frag shades a water
pixel as the point it mirrors), mist lying on it.

Round 20 ("flat vector mountains"): ``relief`` lays the sky's ray-marched relief (its bake
passes, from scenes/sky.py) in place of the 2D ranges, main_relief.frag relighting it; ``view``
1 bakes it from a second camera (round 22: a wider lens from higher up, another bearing; the
dream raises its lake's shore to the frame's middle there, so the one large sign stands
mirrored whole in the water).

Round 22 ("pastel haze", "a stock purple mountain lake"): the night of real depth -- the zenith
near-black violet, the air's light low over the land (sky.frag), the milky way's star clouds cut
by sharp dust lanes over a fine star field (deep.frag), the ranges dark with a thread of light
on their crests (lib/land.glsl relief_crest), the lake dark and still.

Round 24 ("the same purple mountain lake behind seven stills": the sky's set): ``clouds`` lays
a set of the constellations' own -- you float above a sea of cloud at night (clouds.glsl):
billowed domes rolling to the horizon, marched once per camera into a G-buffer (clouds_a,
clouds_b: normal, height, distance; where, the troughs' occlusion, the city's light through a
gap), relit each frame (clouds_light.glsl): backlit by the emerald moon rising out of the far
deck, the troughs deep violet, the glass city's emerald-cyan glow breathing up through a gap,
a thin mist drifting over the tops; the deck drifts (each row slid by its depth, a plane's
parallax).  ``view`` 1 is the close camera there: lower, skimming the domes, turned toward
the moon, the sign whole over the horizon.  Neither the land nor its relief is drawn then.
And (the signs read as "Latin/CJK letters", "smeared by motion streaks") ``hieroglyphs`` writes
pictographs of an ancient script (_glyphs.hieroglyph_word: an eye, a bird, a scarab, a hand,
water, a seated figure, an ankh, a sun disc, a feather) and ``streak`` shortens a flying star's
streak and trail, so it glides as a crisp point with a short tail.

Round 28 (four stills of the cue "one set, only the glyph differs"; "the horizon line hard";
"the foreground clouds dark and flat"; "the small moon is lost"): ``view`` picks one of five
cameras over the sea of cloud (CLOUD_CAMERAS, each with its own lens: wide, close, low toward
the moon, up at the sign overhead, high over the gap) and each its frame for the sign
(GLYPH_FRAME_CLOUD); the deck's edge melts into a band of moonlit air, the march no longer
leaps the crests of level rays, the near heads carry florets and the word's gold light.

The default of 7000 stars keeps 640x360 well above 30 fps on software GL (llvmpipe); 20 000
and more are meant for GPUs.  The stars' PSF is a Gaussian sized in pixels (never below about
a pixel) whose peak is set from its flux, and flying stars are drawn as streaks over the
shutter interval, so nothing crawls or strobes at any resolution.
"""
from __future__ import annotations

import functools
import math

import numpy as np

from visuals import Param, Pass, Scene
from visuals.load.beside import load_beside

# (the glyph generator beside this file, and the sky's module for the relief's bake passes the
# two scenes share: loaded by file path, as scene modules are)
glyphs = load_beside(__file__, "_glyphs.py", "visuals_scenes_constellations_glyphs")
_sky = load_beside(__file__, "sky.py", "visuals_scenes_constellations_sky")
RELIEF_PASSES, relief_passes, relief_shift = _sky.RELIEF_PASSES, _sky.relief_passes, _sky.relief_shift
RELIEF_WIDE, RELIEF_CLOSE = _sky.RELIEF_WIDE, _sky.RELIEF_CLOSE
# the relief's panorama starts here: the travel's slides (0 .. 0.7 over the dream's cue) with the frame round them
CONSTELLATIONS_RELIEF_U0 = -1.0

TEX_W = 256                 # texels per row of the star and link tables
MAX_STARS = 50000
MAX_LINKS = 512
GLYPH_CENTRE = (0.0, 0.07)  # screen units (y in [-0.5, 0.5]): above the land (main.frag)
GLYPH_SCALE = 0.40          # screen units per glyph unit: the glyph box is 0.8 of the height,
                            # a constellation across the sky over the mountains
DUST_SHARE = 0.05           # share of the non-anchor stars that join the glyph (few: the
                            # glyph is drawn by its bright stars and their lines, not by dust)
DEFAULT_STARS = 7000
TRAVEL_SPEED = 0.022        # screen heights a second the near ridge passes (main.frag's land)
SHUTTER = 0.4               # motion blur: the share of a frame the shutter stays open
TRAIL = 0.3                 # seconds of a flying star's path its light trail shows

# The inscription: a line of the script written small and faint along the bottom of the sky,
# the glyphs the stars form in turn among them (the one being formed lights up), so that the
# sky reads as writing even while the stars are scattered between glyphs.
INSCRIPTION_GLYPHS = 9
INSCRIPTION_TILE = 96       # texels per glyph cell (square)
INSCRIPTION_CACHE = 8       # (seed, first glyph) pairs kept (83 KB each)


def inscription(seed: int, first: int) -> np.ndarray:
    """(TILE, TILE * INSCRIPTION_GLYPHS) float32: the stroke light of glyphs first .. first + 8
    side by side (row 0 at the bottom), each a soft line about 1.3 texels wide, dots as dots."""
    t = INSCRIPTION_TILE
    out = np.zeros((t, t * INSCRIPTION_GLYPHS), np.float32)
    yy, xx = np.mgrid[0:t, 0:t].astype(np.float32) + 0.5
    pix = np.stack([xx.ravel(), yy.ravel()], -1)
    for k in range(INSCRIPTION_GLYPHS):
        g = glyphs.glyph(seed, first + k)
        pts = np.concatenate([glyphs._resample(st.points, 0.02) if len(st.points) > 1 else st.points
                              for st in g.strokes]).astype(np.float32)
        # glyph units (the box about -1..1) to texels, a margin round each glyph
        q = (pts * 0.4 + 0.5) * t
        d2 = np.full(len(pix), np.inf, np.float32)
        for chunk in range(0, len(q), 256):
            c = q[chunk:chunk + 256]
            d2 = np.minimum(d2, ((pix[:, None, :] - c[None, :, :]) ** 2).sum(-1).min(axis=1))
        out[:, k * t:(k + 1) * t] = np.exp(-d2 / (2.0 * 1.3 ** 2)).reshape(t, t)
    return out


@functools.lru_cache(maxsize=INSCRIPTION_CACHE)
def inscription_texels(seed: int, first: int) -> np.ndarray:
    """The inscription as 8-bit texels (a filtered R8 texture costs llvmpipe far less than R32F),
    kept for the last few (seed, first glyph) pairs for the whole process: the numpy above takes
    over a second on llvmpipe's host, and a one-slot cache on the runner was overwritten by the
    live player's warm-up renders, so the cut into the constellations stalled on stage."""
    texels = np.round(inscription(seed, first) * 255.0).astype(np.uint8)
    texels.setflags(write=False)        # shared by every runner: nobody may draw into it
    return texels


# cycle of one word, as fractions of 1 / rate.  The first word of a run is written out of the
# scattered field (RISE); every word holds, and then REARRANGES itself into the next (MORPH):
# each star flies from its place in this word straight to its place in the next, so the sky
# is never a bare starfield between words (a blind reader could not recognise the change-over
# when the words dissolved to dust and re-formed).  The chart lines fade as the stars leave;
# the next word's chart is written by a pen, in its writing order, while its stars fly in
# (links.vert), so the new word starts with its chart whole.  The hold (the shimmer) starts
# CHART_IN after a word's start.
RISE = (0.0, 0.26)
MORPH = (0.80, 0.97)
CHART_IN = 0.06


# The close camera (``view`` 1) holds the glyph higher and a little smaller (round 21): there
# one large sign fills the sky, and at the wide view's place its foot sank behind the nearer,
# taller ranges.
GLYPH_CENTRE_CLOSE = (0.0, 0.30)

# The sea of cloud's cameras (clouds.glsl cloud_ray: the horizon's height on the screen, the
# eye over the deck's floor, the heading, the focal length in screen heights): wide, high over
# the deck, the horizon low and the night over it; close, skimming the domes, the horizon
# higher, turned toward the moon.
CLOUD_WIDE = (-0.14, 2.6, 0.0, 1.25)
CLOUD_CLOSE = (-0.1, 1.35, -0.35, 1.25)
# (round 28's readers: four stills of the cue "one set, only the glyph differs" -- the same
# camera, sea and moon) three more shots, each another picture of the same night:
# low, the eye just over the tallest domes, a long lens straight at the moon: the near turrets
# large and dark against its light, the moon a body over the far deck, the deck most of the frame
# (round 28's lead: from 1.16 over the floor one near dome filled the frame, "a pillow / a
# duvet") the eye higher over the domes, a little shorter lens: several heads in the frame, and
# turned right so the moon stands clear of the word, to the left of it
CLOUD_LOW = (-0.08, 1.8, -0.26, 1.7)
# up, looking up at the sign overhead: a wide lens, the deck a sliver of backlit crests along
# the bottom, the night and the milky way filling the frame
CLOUD_UP = (-0.3, 1.5, -0.05, 0.85)
# high, far over the deck, looking down on it: the horizon near the top (since round 31 the deck
# closed over its gaps there: cloud_seal)
CLOUD_HIGH = (0.1, 4.5, -0.15, 1.1)
CLOUD_CAMERAS = (CLOUD_WIDE, CLOUD_CLOSE, CLOUD_LOW, CLOUD_UP, CLOUD_HIGH)
# (round 30) each shot's move over its length (``push`` 0 -> 1): the horizon sinks this far (screen
# units) and the lens lengthens by this share
PUSH_TILT = 0.1
PUSH_ZOOM = 0.45
CLOUD_DRIFT = 0.035          # world units a second the deck drifts across the view
# the moon (rising over the deck ahead, to the left: the domes backlit, their crests silver): its
# light's direction, world (its disc is drawn on the horizon under it: clouds_light.glsl)
CLOUD_MOON = (-0.56, 0.14, 1.0)
GLYPH_SCALE_CLOSE = 0.23


# (over the sea of cloud the close camera's sign stands lower, whole in the frame, over the
# deck's horizon: CLOUD_CLOSE)
GLYPH_CENTRE_CLOUD_CLOSE = (0.0, 0.19)
# where the sign stands in the frame of each of round 28's shots over the sea of cloud (centre,
# scale): low, a word over the moon's deck, high in the frame; up, one sign large overhead;
# high, one sign over the far deck at the top
GLYPH_FRAME_CLOUD = {2: (0.1, 0.28, 0.21), 3: (0.05, 0.12, 0.3), 4: (0.12, 0.3, 0.15)}


def cloud_camera(view: float) -> tuple[float, float, float, float]:
    """The sea of cloud's camera for ``view`` (0 wide, 1 close, 2 low, 3 up, 4 high)."""
    return CLOUD_CAMERAS[min(max(int(round(view)), 0), len(CLOUD_CAMERAS) - 1)]


def cloud_seal(view: float) -> float:
    """1 where the deck is closed over its gaps: the high shot (round 30's reader at 42.3 s:
    its gap onto the city "a flat teal blotch in the middle ground"), 0 elsewhere."""
    return 1.0 if int(round(view)) == 4 else 0.0


def cloud_moon_x(view: tuple) -> float:
    """Where the sea of cloud's moon stands across the frame (screen units) under a camera
    (clouds.glsl cloud_ray inverted for CLOUD_MOON's bearing)."""
    c, s = math.cos(view[2]), math.sin(view[2])
    wx, wz = CLOUD_MOON[0], CLOUD_MOON[2]
    return (c * wx - s * wz) / (s * wx + c * wz) * view[3]


def cloud_lens(push: float, toward: float = 0.0) -> tuple[float, float, float]:
    """The sea of cloud's camera move within a shot (round 30's readers: the low shot's stills
    at 28.9 and 30.8 s "practically the same frame"), from ``push`` (0 at the shot's start, 1
    at its end): how far the horizon has sunk (screen units: the camera tilts up, the deck
    gives the sky more of the frame) and the push-in (the focal length over the bake's).  Both
    are exact for the baked rays (clouds_light.glsl lens_to_bake), so the move costs no bake.
    It pushes in toward ``toward`` across the frame (screen units: the moon's), which holds
    still, so the moon never leaves the frame."""
    push = min(max(push, 0.0), 1.0)
    return (PUSH_TILT * push, 1.0 + PUSH_ZOOM * push, float(toward))


def glyph_frame(view: float, clouds: float = 0.0) -> tuple[float, float, float]:
    """Where the glyph box lies on the screen for a camera (``view`` as the param, over the
    sea of cloud with ``clouds``): its centre (screen units) and its scale (screen units per
    glyph unit)."""
    shot = int(round(view))
    if clouds >= 0.5 and shot in GLYPH_FRAME_CLOUD:
        return GLYPH_FRAME_CLOUD[shot]
    if view >= 0.5 and clouds >= 0.5:
        return (GLYPH_CENTRE_CLOUD_CLOSE[0], GLYPH_CENTRE_CLOUD_CLOSE[1], GLYPH_SCALE_CLOSE)
    if view >= 0.5:
        return (GLYPH_CENTRE_CLOSE[0], GLYPH_CENTRE_CLOSE[1], GLYPH_SCALE_CLOSE)
    return (GLYPH_CENTRE[0], GLYPH_CENTRE[1], GLYPH_SCALE)


def glyph_to_screen(points: np.ndarray, resolution: tuple[int, int], t: float | None = None) -> np.ndarray:
    """Glyph coordinates -> pixel coordinates (x right, y *down*, origin top-left); at scene
    time ``t`` with the word's turn, breath and the view's drift (sky_motion), as the stars
    are placed (star.glsl's glyph_place)."""
    w, h = resolution
    p = np.asarray(points, float)
    x, y = p[..., 0], p[..., 1]
    cam = (0.0, 0.0)
    if t is not None:
        angle, breath, cam = sky_motion(t)
        c, s = math.cos(angle) * breath, math.sin(angle) * breath
        x, y = c * x - s * y, s * x + c * y
    sx = (GLYPH_CENTRE[0] + GLYPH_SCALE * x + cam[0]) * h + 0.5 * w
    sy = (GLYPH_CENTRE[1] + GLYPH_SCALE * y + cam[1]) * h + 0.5 * h
    return np.stack([sx, h - sy], -1)


def _smooth(x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def cycle(t: float, rate: float, morph: float, first: int, flight: float = 0.0) -> dict:
    """Which word shows at ``t``, how far it is formed out of the field (``form``: only the
    first word rises from it), how far its stars have gone on toward the next word
    (``next``), how much of its chart is drawn (``chart``) and how still it is held
    (``hold``): a pure function of its inputs.  ``flight`` (a share of the cycle) starts the
    rearrangement that much earlier, so the next word is assembled slowly, stroke by stroke,
    over a longer part of the cycle (round 25: "a finished drawing", held stills alike)."""
    if rate <= 0:
        return {"index": first, "form": morph, "dissolving": 0.0, "hold": morph ** 4,
                "next": 0.0, "chart": 1.0}
    c = t * rate
    k = math.floor(c)
    ph = c - k
    form = _smooth((ph - RISE[0]) / (RISE[1] - RISE[0])) if k <= 0 else 1.0
    m0 = MORPH[0] - min(max(flight, 0.0), 0.5)
    onward = _smooth((ph - m0) / (MORPH[1] - m0))
    chart = 1.0 - _smooth((ph - m0) / 0.04)
    # (a later word's chart is already drawn as its stars land -- the next word's chart in
    # the flight before it (links.vert) -- so it is whole from the word's first moment)
    start = RISE[1] if k <= 0 else CHART_IN
    hold = _smooth((ph - start + 0.04) / 0.08) * (1.0 - _smooth((ph - m0 + 0.02) / 0.06))
    return {"index": first + k, "form": form * morph, "dissolving": 0.0, "hold": hold * morph,
            "next": onward * morph, "chart": chart}


def sky_motion(t: float) -> tuple[float, float, tuple[float, float]]:
    """The sky is never still (round 6: stills seconds apart were near-identical): the word
    turns slowly to and fro about its centre (a few degrees), breathes in scale, and the view
    drifts, so the near stars slide over the far ones and the deep sky slides least
    (parallax).  Returns (angle in radians, scale, view offset in screen units); every phase
    wrapped, so long shows keep their precision."""
    tau = 2.0 * math.pi
    angle = 0.075 * math.sin(tau * ((0.043 * t) % 1.0)) + 0.025 * math.sin(tau * ((0.071 * t + 0.3) % 1.0))
    breath = 1.0 + 0.025 * math.sin(tau * ((0.057 * t + 0.6) % 1.0))
    cam = (0.045 * math.sin(tau * ((0.023 * t + 0.15) % 1.0)),
           0.03 * math.sin(tau * ((0.031 * t + 0.55) % 1.0)))
    return angle, breath, cam


def travel(t: float) -> tuple[float, float]:
    """The view's slow journey (round 11: "the held words nearly identical, the sky static"):
    (how far it has gone along the valley, screen units -- the land slides by, the near ridge
    twice as fast as the far range; how far into the deep sky, 0..1 -- the milky way slowly
    nearer, to and fro over two minutes).  Wrapped, so long shows keep their precision."""
    along = (TRAVEL_SPEED * t) % 512.0
    into = 0.5 - 0.5 * math.cos(2.0 * math.pi * ((t / 120.0) % 1.0))
    return along, into


def star_table(seed: int, index: int, stars: int, signs: int = 1, pictographs: bool = False):
    """The targets of every star and the chart's links for one glyph (or a word of
    ``signs`` glyphs written side by side; with ``pictographs``, hieroglyphs: _glyphs.py's
    pictures).

    Returns (targets (rows, TEX_W, 4) float32: x, y, writing order, kind), links
    (rows, TEX_W, 4) float32: star a, star b), the link count, the dust count and the glyph.
    """
    g = glyphs.hieroglyph_word(seed, index, signs) if pictographs else glyphs.word(seed, index, signs)
    small = g.pen / glyphs.hand(seed).pen     # the signs' size in the word (1 for a lone glyph)
    rng = np.random.default_rng([seed & 0xFFFFFFFF, index & 0xFFFFFFFF, 0xC0575])
    stars = int(min(max(stars, 1), MAX_STARS))
    rows = (MAX_STARS + TEX_W - 1) // TEX_W
    table = np.zeros((rows * TEX_W, 4), np.float32)

    # anchors: bright stars at stroke ends, turns and along the way, in writing order
    per_stroke = glyphs.anchors(g, spacing=0.42 * small, min_gap=0.2 * small)
    total = max(g.length + glyphs.DOT_LEN * sum(1 for s in g.strokes if len(s.points) == 1), 1e-6)
    start = 0.0
    anchor_pts, anchor_order, links = [], [], []
    budget = min(stars // 4, MAX_LINKS)
    for s, pts in zip(g.strokes, per_stroke):
        if len(s.points) > 1:
            seg = np.linalg.norm(np.diff(s.points, axis=0), axis=1)
            arc = np.concatenate([[0.0], np.cumsum(seg)])
            nearest = np.argmin(((s.points[None, :, :] - pts[:, None, :]) ** 2).sum(-1), axis=1)
            order = (start + arc[nearest]) / total
            start += arc[-1]
        else:
            order = np.array([1.0 - 0.5 * glyphs.DOT_LEN / total])
        first = len(anchor_pts)
        for p, o in zip(pts, order):
            if len(anchor_pts) >= budget:
                break
            anchor_pts.append(p)
            anchor_order.append(o)
        ids = list(range(first, len(anchor_pts)))
        links += list(zip(ids[:-1], ids[1:]))
        if s.kind == "loop" and len(ids) > 2:
            links.append((ids[-1], ids[0]))
    n_anchor = len(anchor_pts)
    if n_anchor:
        table[:n_anchor, 0:2] = np.array(anchor_pts)
        table[:n_anchor, 2] = np.array(anchor_order)
        table[:n_anchor, 3] = 2.0

    n_dust = int(round(DUST_SHARE * max(stars - n_anchor, 0)))
    if n_dust:
        pos, order, _ = glyphs.sample(g, n_dust, rng)
        table[n_anchor:n_anchor + n_dust, 0:2] = pos
        table[n_anchor:n_anchor + n_dust, 2] = order
        table[n_anchor:n_anchor + n_dust, 3] = 1.0

    links = links[:MAX_LINKS]
    link_rows = (MAX_LINKS + TEX_W - 1) // TEX_W
    link_table = np.zeros((link_rows * TEX_W, 4), np.float32)
    if links:
        link_table[:len(links), 0:2] = np.array(links, np.float32)
        link_table[:len(links), 3] = 1.0
    return (table.reshape(rows, TEX_W, 4), link_table.reshape(link_rows, TEX_W, 4),
            len(links), n_dust, g)


def _dust_gain(n_dust: int) -> float:
    return float(min(max(math.sqrt(3500.0 / max(n_dust, 1)), 0.45), 4.0))


def _field_gain(stars: int, n_dust: int) -> float:
    return float(min(max((4700.0 / max(stars - n_dust, 1)) ** 0.4, 0.55), 1.8))


def _unit(v) -> tuple:
    n = math.sqrt(sum(c * c for c in v))
    return tuple(c / n for c in v)


CLOUD_MOON_DIR = _unit(CLOUD_MOON)     # (normalised once, not every frame)


CLOUD_PASSES = ("clouds_a", "clouds_b", "clouds_c", "clouds_d")


class Constellations(Scene):
    def update(self, state, resources):
        p = state.params
        seed = int(p["glyph_seed"])
        stars = int(p["stars"])
        flight = float(p["flight"])
        cyc = cycle(state.t, float(p["rate"]), float(p["morph"]), int(p["glyph"]), flight)
        index = int(cyc["index"])
        signs = int(round(float(p["signs"])))
        picts = float(p["hieroglyphs"]) >= 0.5
        tables = self.__dict__.setdefault("_tables", {})

        def table(i: int):
            key = (seed, i, stars, signs, picts)
            if key not in tables:
                if len(tables) >= 4:          # a few cues of this scene at once, not a history
                    tables.pop(next(iter(tables)))
                tables[key] = star_table(seed, i, stars, signs, picts)
            return key, tables[key]

        key, (targets, links, n_links, n_dust, g) = table(index)
        # the next word, which this one's stars rearrange themselves into
        key_next, (targets_next, links_next, *_) = table(index + 1)
        resources.texture("targets", targets, filter="nearest", key=key)
        resources.texture("targets_next", targets_next, filter="nearest", key=key_next)
        resources.texture("links", links, filter="nearest", key=key)
        resources.texture("links_next", links_next, filter="nearest", key=key_next)
        # flights of one glyph all bow the same way, alternating glyph to glyph
        curl = 1.0 if glyphs.hand(seed).curl >= 0 else -1.0
        curl = curl if index % 2 == 0 else -curl
        t = float(state.t)
        # the shutter is open for a share of the frame before t: flying stars streak over it
        # (round 24: "smeared by motion streaks" -- ``streak`` shortens the shutter's streak and
        # the light trail, so a star in flight is a crisp point with a short soft tail)
        streak = float(p["streak"])
        then_t = max(t - SHUTTER * streak * float(state.dt), 0.0)
        before = cycle(then_t, float(p["rate"]), float(p["morph"]), int(p["glyph"]), flight)
        if int(before["index"]) != index:      # a glyph boundary: everything is in the field
            before = cyc
        trail = []
        for back in (TRAIL * streak, 0.5 * TRAIL * streak):
            was = cycle(max(t - back, 0.0), float(p["rate"]), float(p["morph"]), int(p["glyph"]), flight)
            trail.append(was["next"] if int(was["index"]) == index else 0.0)
        drift = float(p["drift"])
        first = int(p["glyph"])
        ikey = (seed, first)
        resources.texture("inscription", inscription_texels(seed, first), key=ikey)
        resources.draw_count("script", 6 if float(p["script_line"]) > 0.0 else 0)
        clouds = float(p["clouds"]) >= 0.5
        relief = float(p["relief"]) >= 0.5 and not clouds
        resources.draw_count("main", 0 if relief or clouds else 3)
        resources.draw_count("main_relief", 3 if relief else 0)
        resources.draw_count("main_clouds", 3 if clouds else 0)
        for name in RELIEF_PASSES:
            resources.draw_count(name, 3 if relief else 0)
        for name in CLOUD_PASSES:
            resources.draw_count(name, 3 if clouds else 0)
        lit = (index - first) % INSCRIPTION_GLYPHS
        angle, breath, cam = sky_motion(t)
        return {
            "u_turn": (math.cos(angle), math.sin(angle), breath, 0.0),
            "u_cam": cam,
            "u_travel": travel(t),
            # (the relief slides with the near ridge's slide: main.frag's `near`)
            "u_relief_shift": relief_shift(1.35 * cam[0] + travel(t)[0]),
            "u_relief_u0": CONSTELLATIONS_RELIEF_U0,
            "u_relief_view": RELIEF_CLOSE if float(p["view"]) >= 0.5 else RELIEF_WIDE,
            "u_lake_phase": t % 4096.0,
            "u_cloud_view": cloud_camera(float(p["view"])),
            "u_cloud_seal": cloud_seal(float(p["view"])),
            "u_cloud_lens": cloud_lens(float(p["push"]), cloud_moon_x(cloud_camera(float(p["view"])))),
            "u_cloud_drift": (CLOUD_DRIFT * t) % 64.0,
            "u_cloud_light": (*CLOUD_MOON_DIR, 0.5 + 0.5 * math.sin(2.0 * math.pi * ((t / 5.5) % 1.0))),
            "u_now": (cyc["form"], cyc["dissolving"], (t * drift) % 20000.0, t % 2400.0),
            "u_then": (before["form"], before["dissolving"], (then_t * drift) % 20000.0, then_t % 2400.0),
            "u_hold": cyc["hold"],
            "u_next": (cyc["next"], before["next"]),
            "u_trail": tuple(trail),
            "u_chart": cyc["chart"],
            "u_shimmer": (t * 0.32) % 1.0,
            "u_glyph_xform": glyph_frame(float(p["view"]), float(p["clouds"])),
            "u_curl": float(curl),
            # more stars make a denser sky and a fuller stroke, but not a glaring one
            "u_dust_gain": _dust_gain(n_dust),
            "u_field_gain": _field_gain(stars, n_dust),
            "u_gain_next": (_dust_gain(tables[key_next][3]), _field_gain(stars, tables[key_next][3])),
            "u_link_count": float(n_links),
            "u_link_count_next": float(tables[key_next][2]),
            "u_max_links": float(MAX_LINKS),
            # which glyph of the line is the one the stars are writing, and how far
            "u_inscription_lit": (float(lit), float(cyc["form"])),
            "u_ink_lin": tuple(float(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
                               for c in p["colour"][:3]),
        }


constellations = Constellations(
    "constellations",
    passes=[
        Pass("scenes/constellations/sky.frag", name="sky", scale=0.5, precision="rgba16f",
             update="once"),
        Pass("scenes/constellations/deep.frag", name="deep", inputs=("sky",), update="once"),
        Pass("scenes/constellations/links.frag", name="chart", vert="scenes/constellations/links.vert",
             primitive="triangles", count=2 * 6 * MAX_LINKS, blend="add", precision="rgba16f",
             clear=(0.0, 0.0, 0.0, 0.0)),
        Pass("scenes/constellations/stars.frag", name="starlight", vert="scenes/constellations/stars.vert",
             primitive="points", count="stars", blend="add", precision="rgba16f",
             clear=(0.0, 0.0, 0.0, 0.0), mipmaps=True),
        Pass("scenes/constellations/bloom.frag", name="bloom", inputs=("starlight",), scale=0.5,
             precision="rgba16f"),
        # (drawn as a triangle list so the scene can choose, each frame, between the 2D ranges
        # and the relief's variant: update())
        Pass("scenes/constellations/main.frag", name="main", vert="common/fullscreen.vert", primitive="triangles",
             count=3, inputs=("deep", "chart", "starlight", "bloom")),
        *relief_passes(("relief", "view")),
        Pass("scenes/constellations/main_relief.frag", name="main_relief", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("deep", "chart", "starlight", "bloom", "relief_a", "relief_b"),
             into="main"),
        # (round 24) the sea of cloud: marched once per camera, relit each frame by main_clouds
        *(Pass(f"scenes/constellations/{name}.frag", name=name, vert="common/fullscreen.vert",
               primitive="triangles", count=3, scale=1.25, max_side=2400, precision="rgba16f",
               update=("clouds", "view")) for name in CLOUD_PASSES[:2]),
        # (round 32) what the composite gathered from a dozen fetches of the bake every frame,
        # baked from it once per camera: the soft normal, the silver rims, the near fringes
        Pass("scenes/constellations/clouds_c.frag", name="clouds_c", vert="common/fullscreen.vert",
             primitive="triangles", count=3, scale=1.25, max_side=2400, precision="rgba16f",
             inputs=("clouds_a", "clouds_b"), update=("clouds", "view")),
        # (round 32: "the cloud floor lumpy like a duvet") the near domes' florets and their
        # creases, baked once per camera: the composite's body light modulated by one fetch
        Pass("scenes/constellations/clouds_d.frag", name="clouds_d", vert="common/fullscreen.vert",
             primitive="triangles", count=3, scale=1.25, max_side=2400, precision="rgba16f",
             inputs=("clouds_a", "clouds_b"), update=("clouds", "view")),
        Pass("scenes/constellations/main_clouds.frag", name="main_clouds", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("deep", "chart", "starlight", "bloom", "clouds_a", "clouds_b", "clouds_c", "clouds_d"),
             into="main"),
        # A line of the script along the bottom of the sky (one quad over its band).
        Pass("scenes/constellations/script.frag", name="script", vert="scenes/constellations/script.vert",
             primitive="triangles", count=6, into="main", blend="add"),
    ],
    output="main",
    params=[
        Param("glyph_seed", 7, 0, 99999, "the script: every seed is another invented writing system"),
        Param("glyph", 0, 0, 9999, "which glyph of the script is written first (or held when rate is 0)"),
        Param("signs", 1, 1, 4, "signs written at once, side by side: 1 a glyph, 2-4 a word of the script"),
        Param("hieroglyphs", 0.0, 0.0, 1.0, "1: the signs are pictographs of an ancient script (an eye, a bird, a scarab, a hand, water, a seated figure, an ankh, a sun, a feather); 0: the invented script's carved signs"),
        Param("rate", 0.08, 0.0, 1.0, "glyphs per second; 0 holds one glyph and lets morph write it"),
        Param("morph", 1.0, 0.0, 1.0, "how far the stars go into the glyph: 0 scattered, 1 formed"),
        Param("flight", 0.0, 0.0, 0.5, "how much earlier in each cycle the stars set off into the next word (a share "
              "of the cycle): 0 a brief rearrangement at its end; 0.3 the next word assembled slowly, stroke by stroke"),
        Param("stars", DEFAULT_STARS, 500, MAX_STARS,
              "number of stars (7000 suits software GL; 20000+ for a GPU)"),
        Param("twinkle", 0.5, 0.0, 1.0, "how strongly the stars twinkle"),
        Param("line_glow", 0.5, 0.0, 1.0, "brightness and glow of the chart lines joining a stroke's stars"),
        Param("glow", 0.5, 0.0, 1.0, "soft glow around the bright stars and the written glyph"),
        Param("colour", "#ffd08a", description="the colour the stars take on as they form the glyph"),
        Param("invert", 0.0, 0.0, 1.0, "the inverted night: 0 a violet night with golden stars; 1 a pale lilac sky, "
              "its faint stars in ink, the words emerald-white light in a violet aura, the land's haze glowing with the sky"),
        Param("relief", 0.0, 0.0, 1.0, "the land as real terrain (1: the sky's ray-marched height field of eroded ranges, baked once, relit and fogged by depth) instead of lib/land.glsl's 2D ranges (0)"),
        Param("clouds", 0.0, 0.0, 1.0, "the set: 1 a sea of cloud at night under the word (its tops lit by the moon and the word, the glass city glowing through its gaps), instead of the land and its lake (0)"),
        Param("view", 0.0, 0.0, 4.0, "with relief: 0 the wide view over the lake to the ranges; 1 a second camera, lower and closer (a longer lens, another bearing): fewer, larger mountains over the lake under the word (re-bakes the relief when it changes); over the sea of cloud also 2 low toward the moon, 3 looking up at the sign, 4 high over a gap in the deck"),
        Param("push", 0.0, 0.0, 1.0, "over the sea of cloud, the camera's move within its shot (0 its start, 1 its end): it pushes in and tilts up, the horizon sinking, with no new bake"),
        Param("lake", 0.0, 0.0, 1.0, "a still lake in front of the ranges (lib/land.glsl) mirroring the word, the sky and the ridges, mist on its shore; 0: none"),
        Param("lake_level", -0.24, -0.5, 0.2, "where the lake's far shore lies up the frame (frame heights from its centre)"),
        Param("drift", 1.0, 0.0, 4.0, "how fast the scattered star field drifts and swirls"),
        Param("streak", 1.0, 0.0, 1.0, "how long a flying star's motion streak and light trail are (1: the shutter's "
              "streak and a trail of TRAIL seconds; 0.2: a crisp point with a short soft tail)"),
        Param("size", 1.0, 0.5, 3.0, "star size (PSF width; never below about a pixel)"),
        Param("script_line", 0.0, 0.0, 1.0, "a line of the script written faint along the bottom of the sky "
              "(off by default: it read as subtitles)"),
        Param("quality", 1.0, 0.0, 1.0, "star PSF extent, anchor halos and the glow (low values skip the glow)"),
    ],
    description="thousands of stars flow along curves into the glyphs of an invented script, "
                "hold, shimmer and rearrange themselves into the next",
    duration=25.0,
)
