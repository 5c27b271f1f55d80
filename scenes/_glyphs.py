"""An invented script: glyphs generated from a seed, for the `constellations` scene.

Pure Python + numpy, no GL, no font.  A *hand* (a scribe's habits) is derived from the seed:
slant, how much strokes bow, which way they curl, how often a stroke ends in a loop, whether
the script likes arcs or dots, how wide its pen is, and a small set of recurring components
(radicals) that many glyphs of the script reuse.  That shared hand is what makes glyphs of one
seed look like one writing system, and glyphs of another seed like a different one.

``glyph(seed, index)`` returns a :class:`Glyph`: a list of strokes, each a dense polyline in
glyph coordinates, all inside the glyph's box ``[-w, w] x [-1, 1]`` (``w = Glyph.half_width``
<= 1).  The same (seed, index) always gives the same glyph.

Strokes are built from a jittered grid of nodes: walks along neighbouring nodes joined by
bowed quadratic curves, circular arcs around a node, small closed loops, and dots.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

STEP = 0.025          # polyline sampling step, in glyph units (the box is 2 units tall)
DOT_LEN = 0.18        # a dot weighs like this much stroke when stars are shared out
MARGIN = 0.06         # strokes stay this far inside the box
_HAND_STREAM = 0x68A4D   # rng stream ids, so hand and glyph draws never share numbers
_GLYPH_STREAM = 0x91F3


@dataclass(frozen=True)
class Stroke:
    kind: str              # "line" (a walk of bowed segments), "arc", "loop" or "dot"
    points: np.ndarray     # (n, 2) polyline in glyph coordinates; a dot has n == 1

    @property
    def length(self) -> float:
        if len(self.points) < 2:
            return 0.0
        return float(np.linalg.norm(np.diff(self.points, axis=0), axis=1).sum())


@dataclass(frozen=True)
class Glyph:
    seed: int
    index: int
    half_width: float
    strokes: tuple[Stroke, ...]
    pen: float             # the hand's stroke width, glyph units (how wide the star dust lies)

    @property
    def length(self) -> float:
        return sum(s.length for s in self.strokes)

    def all_points(self) -> np.ndarray:
        return np.concatenate([s.points for s in self.strokes])


@dataclass(frozen=True)
class Hand:
    """A scribe's habits, all derived from the seed."""
    seed: int
    half_width: float      # box aspect: the glyph box is [-w, w] x [-1, 1]
    slant: float           # shear x += slant * y
    bow: float             # how far segments bow out, as a fraction of their length
    curl: float            # -1..1: preferred bowing side (consistent curl of the hand)
    round_corners: float   # 0 sharp corners .. 1 rounded turns
    arc_rate: float        # chance a stroke is an arc
    loop_rate: float       # chance a walk ends in a loop
    dot_rate: float        # chance a glyph carries a dot (diacritic)
    grid: tuple[int, int]  # nodes across, down
    jitter: float          # node jitter as a fraction of the cell
    strokes: tuple[int, int]   # free strokes per glyph: min, max (inclusive)
    walk: tuple[int, int]      # nodes per walk: min, max
    pen: float
    frame: str             # a mark every glyph of the script shares: "", "head", "base", "spine"
    radicals: tuple = field(default=(), repr=False)   # tuples of Stroke in unit box [-1,1]^2


# ----------------------------------------------------------------------------- curves
def _resample(points: np.ndarray, step: float = STEP, closed: bool = False) -> np.ndarray:
    """Even spacing along a polyline (keeps the ends)."""
    pts = np.asarray(points, float)
    if closed:
        pts = np.vstack([pts, pts[:1]])
    seg = np.linalg.norm(np.diff(pts, axis=0), axis=1)
    total = float(seg.sum())
    if total < 1e-9:
        return pts[:1].copy()
    n = max(2, int(np.ceil(total / step)) + 1)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    u = np.linspace(0.0, total, n)
    return np.stack([np.interp(u, s, pts[:, 0]), np.interp(u, s, pts[:, 1])], axis=1)


def _bezier(a, c, b, n: int = 24) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)[:, None]
    return (1 - t) ** 2 * a + 2 * (1 - t) * t * c + t ** 2 * b


def _bowed(a: np.ndarray, b: np.ndarray, bow: float) -> np.ndarray:
    """A quadratic curve from a to b whose middle leaves the chord by ``bow`` * length."""
    d = b - a
    normal = np.array([-d[1], d[0]])
    return _bezier(a, (a + b) / 2 + normal * bow, b)


def _arc(centre, radius, start, sweep, squash=1.0, n: int = 48) -> np.ndarray:
    ang = start + sweep * np.linspace(0.0, 1.0, n)
    return np.stack([centre[0] + radius * np.cos(ang), centre[1] + radius * squash * np.sin(ang)], 1)


def _round_corners(pts: np.ndarray, amount: float) -> np.ndarray:
    """Chaikin corner cutting, ``amount`` of the way (0: as is, 1: two rounds)."""
    rounds = int(round(amount * 2))
    for _ in range(rounds):
        if len(pts) < 3:
            break
        q = 0.75 * pts[:-1] + 0.25 * pts[1:]
        r = 0.25 * pts[:-1] + 0.75 * pts[1:]
        mid = np.empty((2 * len(q), 2))
        mid[0::2], mid[1::2] = q, r
        pts = np.vstack([pts[:1], mid[1:-1], pts[-1:]])
    return pts


# ----------------------------------------------------------------------------- the hand
def _nodes(rng: np.random.Generator, hand: Hand) -> np.ndarray:
    nx, ny = hand.grid
    xs = np.linspace(-0.8, 0.8, nx)
    ys = np.linspace(-0.8, 0.8, ny)
    g = np.stack(np.meshgrid(xs, ys, indexing="ij"), -1)       # (nx, ny, 2)
    cell = np.array([1.6 / max(nx - 1, 1), 1.6 / max(ny - 1, 1)])
    return g + rng.uniform(-0.5, 0.5, g.shape) * cell * hand.jitter


def _walk(rng: np.random.Generator, hand: Hand, nodes: np.ndarray) -> list[Stroke]:
    """A stroke along neighbouring grid nodes, with bowed segments and maybe a closing loop."""
    nx, ny = nodes.shape[:2]
    i, j = int(rng.integers(nx)), int(rng.integers(ny))
    path = [(i, j)]
    length = int(rng.integers(hand.walk[0], hand.walk[1] + 1))
    prev_dir = None
    for _ in range(length - 1):
        options = []
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                if (di, dj) == (0, 0):
                    continue
                a, b = i + di, j + dj
                if 0 <= a < nx and 0 <= b < ny and (a, b) not in path:
                    w = 1.0
                    if di and dj:
                        w = 0.55          # diagonals are less common than straight moves
                    if prev_dir is not None and (di, dj) == prev_dir:
                        w *= 1.8          # strokes like to keep going
                    options.append(((a, b), w))
        if not options:
            break
        weights = np.array([w for _, w in options])
        k = int(rng.choice(len(options), p=weights / weights.sum()))
        (a, b), _ = options[k]
        prev_dir = (a - i, b - j)
        i, j = a, b
        path.append((i, j))
    if len(path) < 2:
        return []
    pts = [nodes[path[0]]]
    for p, q in zip(path[:-1], path[1:]):
        side = hand.curl + rng.normal(0.0, 0.6)
        seg = _bowed(nodes[p], nodes[q], hand.bow * np.tanh(1.5 * side) * rng.uniform(0.4, 1.2))
        pts.append(seg[1:])
    line = _round_corners(np.vstack(pts), hand.round_corners)
    strokes = [Stroke("line", _resample(line))]
    if rng.random() < hand.loop_rate:
        # a small loop at the end of the walk, turning the way the hand curls
        end, before = line[-1], line[-4] if len(line) >= 4 else line[0]
        d = end - before
        d = d / (np.linalg.norm(d) + 1e-9)
        r = rng.uniform(0.12, 0.22)
        sgn = 1.0 if hand.curl >= 0 else -1.0
        centre = end + np.array([-d[1], d[0]]) * r * sgn
        start = np.arctan2(end[1] - centre[1], end[0] - centre[0])
        loop = _arc(centre, r, start, sgn * 2 * np.pi, squash=rng.uniform(0.7, 1.2))
        strokes.append(Stroke("loop", _resample(loop)))
    return strokes


def _arc_stroke(rng: np.random.Generator, hand: Hand, nodes: np.ndarray) -> Stroke:
    nx, ny = nodes.shape[:2]
    centre = nodes[int(rng.integers(nx)), int(rng.integers(ny))]
    radius = rng.uniform(0.3, 0.65)
    # the hand opens its arcs towards a few favourite directions
    start = (np.round(rng.uniform(0, 4)) * 0.5 * np.pi + rng.normal(0, 0.25) +
             hand.curl * 0.6)
    sweep = rng.uniform(0.55, 1.45) * np.pi * (1 if rng.random() < 0.5 + 0.4 * hand.curl else -1)
    return Stroke("arc", _resample(_arc(centre, radius, start, sweep, squash=rng.uniform(0.75, 1.25))))


def _free_strokes(rng: np.random.Generator, hand: Hand, count: int) -> list[Stroke]:
    nodes = _nodes(rng, hand)
    out: list[Stroke] = []
    for _ in range(count):
        if rng.random() < hand.arc_rate:
            out.append(_arc_stroke(rng, hand, nodes))
        else:
            out += _walk(rng, hand, nodes)
    return out


@lru_cache(maxsize=64)
def hand(seed: int) -> Hand:
    """The habits of the scribe of ``seed``."""
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, _HAND_STREAM])
    grid = (int(rng.integers(3, 5)), int(rng.integers(3, 6)))
    base = Hand(
        seed=int(seed),
        half_width=float(rng.uniform(0.62, 0.95)),
        slant=float(rng.normal(0.0, 0.18)),
        bow=float(rng.uniform(0.0, 0.45) ** 1.2),
        curl=float(rng.uniform(-1.0, 1.0)),
        round_corners=float(rng.uniform(0.0, 1.0)),
        arc_rate=float(rng.uniform(0.05, 0.45)),
        loop_rate=float(rng.uniform(0.0, 0.5) ** 1.5),
        dot_rate=float(rng.uniform(0.0, 0.8)),
        grid=grid,
        jitter=float(rng.uniform(0.1, 0.55)),
        strokes=(int(rng.integers(1, 3)), int(rng.integers(3, 5))),
        walk=(2, int(rng.integers(3, 6))),
        pen=float(rng.uniform(0.025, 0.06)),
        frame=str(rng.choice(["", "", "", "head", "base", "spine"])),
    )
    # recurring components of the script: small stroke groups reused by many glyphs
    radicals = []
    for _ in range(int(rng.integers(3, 6))):
        radicals.append(tuple(_free_strokes(rng, base, int(rng.integers(1, 3)))))
    return Hand(**{**base.__dict__, "radicals": tuple(radicals)})


# ----------------------------------------------------------------------------- glyphs
def _place(strokes, scale, offset) -> list[Stroke]:
    return [Stroke(s.kind, s.points * scale + offset) for s in strokes]


def _fit(strokes: list[Stroke], hand: Hand) -> list[Stroke]:
    """Slant, then scale and centre uniformly so every point lies inside the box."""
    sheared = [Stroke(s.kind, s.points + np.stack([s.points[:, 1] * hand.slant,
                                                  np.zeros(len(s.points))], 1)) for s in strokes]
    pts = np.concatenate([s.points for s in sheared])
    lo, hi = pts.min(0), pts.max(0)
    span = np.maximum(hi - lo, 1e-6)
    room = np.array([hand.half_width, 1.0]) - MARGIN
    k = float(min(2 * room[0] / span[0], 2 * room[1] / span[1]))
    centre = (lo + hi) / 2
    fitted = [Stroke(s.kind, (s.points - centre) * k) for s in sheared]
    # numerical safety: the fit is exact up to rounding; clip that rounding away
    for s in fitted:
        np.clip(s.points[:, 0], -room[0], room[0], out=s.points[:, 0])
        np.clip(s.points[:, 1], -room[1], room[1], out=s.points[:, 1])
    return fitted


def _frame_stroke(rng: np.random.Generator, hand: Hand) -> Stroke:
    """The script's shared mark: a head bar, a base bar or a vertical spine, gently bowed."""
    a, b = rng.uniform(-0.9, -0.7), rng.uniform(0.7, 0.9)
    at = rng.uniform(0.8, 0.95)
    ends = {"head": ([a, at], [b, at]), "base": ([a, -at], [b, -at]),
            "spine": ([rng.uniform(-0.2, 0.2), a], [rng.uniform(-0.2, 0.2), b])}[hand.frame]
    p, q = np.array(ends[0]), np.array(ends[1])
    return Stroke("line", _resample(_bowed(p, q, 0.3 * hand.bow * hand.curl)))


def _dot(rng: np.random.Generator, strokes: list[Stroke], half_width: float) -> Stroke:
    """A diacritic dot at the candidate spot farthest from the strokes (but near them)."""
    pts = np.concatenate([s.points for s in strokes])
    cand = rng.uniform([-half_width + MARGIN, -1 + MARGIN], [half_width - MARGIN, 1 - MARGIN], (48, 2))
    d = np.sqrt(((cand[:, None, :] - pts[None, :, :]) ** 2).sum(-1)).min(1)
    good = np.where((d > 0.22) & (d < 0.6))[0]
    pick = good[int(np.argmax(d[good]))] if len(good) else int(np.argmax(d))
    return Stroke("dot", cand[pick:pick + 1].copy())


def _interesting(strokes: list[Stroke], hand: Hand) -> bool:
    lines = [s for s in strokes if s.kind != "dot"]
    if not lines:
        return False
    total = sum(s.length for s in lines)
    pts = np.concatenate([s.points for s in lines])
    span = pts.max(0) - pts.min(0)
    if total < 2.2 or total > 9.0:
        return False
    if min(span) < 0.25 * max(span):      # a lone bar or sliver: not a glyph
        return False
    # how much of a coarse grid the strokes visit: too little is a scribble in one place
    cells = {(int(x), int(y)) for x, y in ((pts - pts.min(0)) / (max(span) + 1e-9) * 3.999)}
    if len(cells) < 6:
        return False
    # too much ink in one place reads as a scribble: cap the busiest cell's share
    fine = np.floor((pts - pts.min(0)) / (max(span) + 1e-9) * 5.999).astype(int)
    _, counts = np.unique(fine[:, 0] * 8 + fine[:, 1], return_counts=True)
    return counts.max() <= 0.16 * len(pts)


@lru_cache(maxsize=256)
def glyph(seed: int, index: int) -> Glyph:
    """Glyph number ``index`` of the script of ``seed`` (deterministic)."""
    return _build(hand(seed), seed, index, _GLYPH_STREAM)


def _build(h: Hand, seed: int, index: int, stream: int) -> Glyph:
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, int(index) & 0xFFFFFFFF, stream])
    strokes: list[Stroke] = []
    for _attempt in range(40):
        strokes = []
        n_free = int(rng.integers(h.strokes[0], h.strokes[1] + 1))
        if h.radicals and rng.random() < 0.7:
            # a radical in one part of the box: left, top, right, bottom or small inside
            rad = h.radicals[int(rng.integers(len(h.radicals)))]
            where = int(rng.integers(5))
            scale, offset = {
                0: (np.array([0.45, 0.9]), np.array([-0.5, 0.0])),
                1: (np.array([0.9, 0.45]), np.array([0.0, 0.5])),
                2: (np.array([0.45, 0.9]), np.array([0.5, 0.0])),
                3: (np.array([0.9, 0.45]), np.array([0.0, -0.5])),
                4: (np.array([0.5, 0.5]), np.array([0.0, 0.0])),
            }[where]
            strokes += _place(rad, scale, offset)
            n_free = max(1, n_free - 1)
        strokes += _free_strokes(rng, h, n_free)
        strokes = [s for s in strokes if s.length > 0.05]
        if h.frame:
            strokes.insert(0, _frame_stroke(rng, h))
        if _interesting(strokes, h):
            break
    strokes = _fit(strokes, h)
    if rng.random() < h.dot_rate:
        strokes.append(_dot(rng, strokes, h.half_width))
    return Glyph(int(seed), int(index), h.half_width, tuple(strokes), h.pen)


# Words (round 14: "a textbook cartouche", Egyptian pictures -- the text says FORGOTTEN
# languages; then the lead: the cursive words read as Latin handwriting, "ukhe", "rtdkc").  A
# word is the script's own signs in a row, written along one arc by one grammar nobody can read
# but everybody can see is writing -- and no Latin hand: the scribe writes words with a stylus,
# not a pen (carved_hand: straight strokes on a tight grid, sharp corners, a head bar every sign
# hangs from), and every sign carries one of the script's marks: a closed ring or lozenge with a
# dot inside, a short bar crossing its longest stroke, or a barbed hook at a stroke's end.  Small
# dots ride above or below some signs (the hand decides which side, once); a lozenge with its
# dot closes the word.  The line is written along a gentle arc, bowed up or down word by word,
# each word placed a little differently in the sky so stills seconds apart differ.
WORD_SIGN_SCALE = 0.5    # a sign's size within a word (the word's box is then about 1 tall)
WORD_MAX_HALF = 1.75     # the row's half length at most (longer words are written smaller)
WORD_GAP = 0.2           # space between the signs of a word, in word units
WORD_ARC = 3.4           # radius of the arc the line is written along, in word units
WORD_ROOM = 1.95         # a word's half length plus its shift along the line stays within this
MARKS = ("ring", "cross", "hook")   # the marks a sign of a word carries (one each)
_SIGN_STREAM = 0x5167
_MARK_STREAM = 0x3A2C


@lru_cache(maxsize=64)
def carved_hand(seed: int) -> Hand:
    """The hand of ``seed`` as it writes words: its proportions, its curl and its dots, but a
    stylus's strokes -- straight, on a tight grid, sharp-cornered, three or four to a sign, and
    a head bar (or the hand's base bar) every sign shares -- so no sign reads as a Latin letter."""
    h = hand(seed)
    base = Hand(**{**h.__dict__, "bow": 0.0, "round_corners": 0.0, "jitter": 0.08,
                   "slant": 0.4 * h.slant, "arc_rate": 0.1, "loop_rate": 0.0, "dot_rate": 0.0,
                   "grid": (3, 4), "strokes": (2, 4), "walk": (2, 4),
                   "frame": "base" if h.frame == "base" else "head", "radicals": ()})
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, _SIGN_STREAM, 1])
    radicals = tuple(tuple(_free_strokes(rng, base, int(rng.integers(1, 3)))) for _ in range(4))
    return Hand(**{**base.__dict__, "radicals": radicals})


def _ring(centre: np.ndarray, r: float, lozenge: bool) -> Stroke:
    """A small closed form: a ring, or a lozenge standing on its point."""
    if lozenge:
        pts = centre + r * np.array([[0.0, 1.0], [0.8, 0.0], [0.0, -1.0], [-0.8, 0.0]])
        return Stroke("loop", _resample(pts, closed=True))
    return Stroke("loop", _resample(_arc(centre, r, 0.5 * np.pi, 2 * np.pi)))


def _mark(rng: np.random.Generator, strokes: list[Stroke], half_width: float, kind: str,
          lozenge: bool) -> list[Stroke]:
    """One of the script's marks for a sign (in the sign's box)."""
    lines = [s for s in strokes if len(s.points) > 1]
    pts = np.concatenate([s.points for s in lines])
    if kind == "ring":
        # in the sign's emptiest spot, as large as the room there allows, a dot inside
        xs, ys = np.meshgrid(np.linspace(-half_width + 0.3, half_width - 0.3, 7), np.linspace(-0.7, 0.7, 9))
        cand = np.stack([xs.ravel(), ys.ravel()], 1)
        d = np.sqrt(((cand[:, None, :] - pts[None, :, :]) ** 2).sum(-1)).min(1)
        # (near the strokes, so the ring belongs to the sign and never floats off as a moon)
        k = int(np.argmax(np.where(d < 0.42, d, -d) + 0.01 * rng.random(len(d))))
        r = float(np.clip(0.75 * d[k], 0.16, 0.26))
        return [_ring(cand[k], r, lozenge), Stroke("dot", cand[k:k + 1].copy())]
    if kind == "cross":
        # a short bar across the middle of the sign's longest stroke
        s = max(lines, key=lambda st: st.length)
        i = len(s.points) // 2
        t = s.points[min(i + 1, len(s.points) - 1)] - s.points[max(i - 1, 0)]
        t = t / (np.linalg.norm(t) + 1e-9)
        n = np.array([-t[1], t[0]])
        mid = s.points[i]
        return [Stroke("line", _resample(np.array([mid - 0.3 * n, mid + 0.3 * n])))]
    # a barbed hook: from the end of a stroke nearest the foot of the sign, a short barb back
    ends = np.array([p for st in lines for p in (st.points[0], st.points[-1])])
    e = ends[int(np.argmin(ends[:, 1] + 0.3 * ends[:, 0]))]
    barb = np.array([e, e + np.array([0.22, -0.12]), e + np.array([0.3, 0.14])])
    return [Stroke("line", _resample(barb))]


@lru_cache(maxsize=256)
def sign(seed: int, index: int) -> Glyph:
    """Sign number ``index`` of the script of ``seed`` as written in a word: a glyph of the
    carved hand carrying one of the script's marks (MARKS, by turns of the index, so a word's
    signs each carry a different one)."""
    g = _build(carved_hand(seed), seed, index, _SIGN_STREAM)
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, int(index) & 0xFFFFFFFF, _MARK_STREAM])
    lozenge = hand(seed).curl < 0.0 or hand(seed).round_corners < 0.5
    marks = _mark(rng, list(g.strokes), g.half_width, MARKS[index % len(MARKS)], lozenge)
    return Glyph(g.seed, g.index, g.half_width, g.strokes + tuple(marks), g.pen)


def word_signs(seed: int, index: int, signs: int) -> list[Glyph]:
    """The signs of word ``index``: signs ``index * signs`` .. of the script of ``seed``."""
    return [sign(seed, index * signs + k) for k in range(signs)]


def _word_rng(seed: int, index: int) -> np.random.Generator:
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, int(index) & 0xFFFFFFFF, 0x1A7E])


def _bend(strokes: list[Stroke], radius: float, tilt: float) -> list[Stroke]:
    """The line written along an arc of ``radius`` (positive bows it up, an arch; negative a
    bowl), then tilted by ``tilt`` radians: x runs along the arc, y across it."""
    c, s = np.cos(tilt), np.sin(tilt)
    out = []
    for st in strokes:
        x, y = st.points[:, 0], st.points[:, 1]
        ang = x / radius
        px = (radius + y) * np.sin(ang)
        py = (radius + y) * np.cos(ang) - radius
        out.append(Stroke(st.kind, np.stack([c * px - s * py, s * px + c * py], 1)))
    return out


def _laid_word(seed: int, index: int, rng, strokes: list, pen: float, arc: float, tilt: float,
               lift: tuple[float, float]) -> Glyph:
    """A word's strokes (laid along a straight line) bent along an arc, bowed up or down word
    by word and a little tilted, centred, then shifted along the line and lifted -- so
    consecutive words never sit in one place (to the left and the right by turns)."""
    bow = 1.0 if index % 2 == 0 else -1.0
    strokes = _bend(strokes, bow * arc * rng.uniform(0.8, 1.25), rng.uniform(-tilt, tilt))
    pts = np.concatenate([st.points for st in strokes])
    mid = 0.5 * (pts.min(0) + pts.max(0))
    half = 0.5 * float(pts[:, 0].max() - pts[:, 0].min())
    shift = bow * rng.uniform(0.35, 1.0) * max(WORD_ROOM - half, 0.0)
    lifted = rng.uniform(*lift)
    strokes = [Stroke(st.kind, st.points - mid + np.array([shift, lifted])) for st in strokes]
    reach = float(max(np.abs(st.points[:, 0]).max() for st in strokes))
    return Glyph(int(seed), int(index), reach, tuple(strokes), pen)


@lru_cache(maxsize=64)
def word(seed: int, index: int, signs: int) -> Glyph:
    """Word number ``index`` of the script of ``seed``: ``signs`` signs written along one line,
    as one Glyph (its strokes in writing order, left to right: each sign's strokes; the closing
    lozenge and its dot; the riding dots last).

    A single sign, however strange, can pass for a bracket or a mark; a row of signs of one
    hand -- sharing its head bar, its marks, its dots -- reads as writing.  One sign is exactly
    ``glyph(seed, index)``.  The word's box is ``[-w, w] x [-1, 1]`` (about) with ``w`` the half
    length of the line (it may exceed 1).
    """
    if signs <= 1:
        return glyph(seed, index)
    parts = word_signs(seed, index, signs)
    h = hand(seed)
    rng = _word_rng(seed, index)
    s = WORD_SIGN_SCALE
    widths = [2.0 * p.half_width * s for p in parts]
    total = sum(widths) + WORD_GAP * signs + 0.3 * s
    if total > 2.0 * WORD_MAX_HALF:
        s *= 2.0 * WORD_MAX_HALF / total
        widths = [2.0 * p.half_width * s for p in parts]
        total = sum(widths) + WORD_GAP * signs + 0.3 * s
    x = -0.5 * total
    above = h.curl >= 0          # the hand's dots ride above the line, or below it
    strokes: list[Stroke] = []
    dots: list[Stroke] = []
    for k, (p, w) in enumerate(zip(parts, widths)):
        centre = np.array([x + 0.5 * w, 0.0])
        sign_strokes = [Stroke(st.kind, st.points * s + centre) for st in p.strokes]
        strokes += sign_strokes
        x += w + WORD_GAP
        if k % 2 == 0 and rng.random() < 0.7:
            # one to three dots over (or under) the sign, in a short row
            pts = np.concatenate([st.points for st in sign_strokes])
            lo, hi = pts.min(0), pts.max(0)
            n = int(rng.integers(1, 4))
            y = (hi[1] + 0.2 * s) if above else (lo[1] - 0.2 * s)
            mid = 0.5 * (lo[0] + hi[0]) + rng.uniform(-0.2, 0.2) * (hi[0] - lo[0])
            for j in range(n):
                dots.append(Stroke("dot", np.array([[mid + (j - 0.5 * (n - 1)) * 0.16 * s, y]])))
    # the word's full stop: a lozenge with its dot, on the line after the last sign
    stop = np.array([x + 0.15 * s, 0.0])
    strokes += [_ring(stop, 0.3 * s, True), Stroke("dot", stop[None].copy())]
    strokes += dots
    # along an arc, bowed up or down word by word, a little tilted, shifted along the line
    return _laid_word(seed, index, rng, strokes, parts[0].pen * s, arc=WORD_ARC, tilt=0.08,
                      lift=(-0.12, 0.16))


# ----------------------------------------------------------------------------- sampling
def anchors(g: Glyph, spacing: float = 0.42, corner_deg: float = 50.0,
            min_gap: float = 0.2) -> list[np.ndarray]:
    """The constellation's bright stars per stroke: ends, sharp turns, and evenly between.

    Returns one (k, 2) array per stroke, in stroke order; consecutive anchors of a stroke are
    joined by the chart's faint lines.
    """
    out = []
    for s in g.strokes:
        p = s.points
        if len(p) == 1:
            out.append(p.copy())
            continue
        d = np.diff(p, axis=0)
        seglen = np.linalg.norm(d, axis=1)
        arc = np.concatenate([[0.0], np.cumsum(seglen)])
        keep = {0, len(p) - 1}
        ang = np.arctan2(d[:, 1], d[:, 0])
        # turning angle over a short window, so gradual curves do not all count as corners
        w = 3
        if len(ang) > 2 * w:
            turn = np.abs((ang[2 * w:] - ang[:-2 * w] + np.pi) % (2 * np.pi) - np.pi)
            corners = np.where(turn > np.radians(corner_deg))[0] + w
            # one anchor per corner run: the middle of each consecutive group
            if len(corners):
                groups = np.split(corners, np.where(np.diff(corners) > 1)[0] + 1)
                keep |= {int(gr[len(gr) // 2]) for gr in groups}
        idx = sorted(keep)
        # fill long gaps evenly
        filled = [idx[0]]
        for a, b in zip(idx[:-1], idx[1:]):
            gap = arc[b] - arc[a]
            n = int(gap // spacing)
            for k in range(1, n + 1):
                target = arc[a] + gap * k / (n + 1)
                filled.append(int(np.searchsorted(arc, target)))
            filled.append(b)
        filled = sorted(set(filled))
        # no two anchors closer than min_gap along the stroke (the ends always stay)
        kept = [filled[0]]
        for k in filled[1:]:
            if arc[k] - arc[kept[-1]] >= min_gap:
                kept.append(k)
            elif k == filled[-1]:
                if len(kept) > 1:
                    kept[-1] = k
                else:
                    kept.append(k)
        pts = p[kept]
        if s.kind == "loop" and len(pts) > 2 and np.linalg.norm(pts[0] - pts[-1]) < 1e-3:
            pts = pts[:-1]     # a closed loop: its last anchor is its first
        out.append(pts)
    return out


def sample(g: Glyph, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n`` star-dust positions along the strokes, stratified by arc length.

    Returns (positions (n, 2), writing order in [0, 1] (n,), stroke index (n,)).  Dots get a
    share of stars as a tight cluster.  Positions scatter across the stroke by the hand's pen.
    """
    lines = [s for s in g.strokes if len(s.points) > 1]
    dots = [s for s in g.strokes if len(s.points) == 1]
    lengths = np.array([s.length for s in lines]) if lines else np.zeros(0)
    dot_len = DOT_LEN
    total = float(lengths.sum() + dot_len * len(dots))
    # writing order: strokes one after another, dots last
    u = (np.arange(n) + rng.random(n)) / max(n, 1) * total
    pos = np.zeros((n, 2))
    stroke_id = np.zeros(n, np.int32)
    starts = np.concatenate([[0.0], np.cumsum(lengths)])
    for k, s in enumerate(lines):
        sel = (u >= starts[k]) & (u < starts[k + 1])
        if not sel.any():
            continue
        seg = np.linalg.norm(np.diff(s.points, axis=0), axis=1)
        arc = np.concatenate([[0.0], np.cumsum(seg)])
        local = u[sel] - starts[k]
        px = np.interp(local, arc, s.points[:, 0])
        py = np.interp(local, arc, s.points[:, 1])
        # normal direction from the neighbouring samples
        i = np.clip(np.searchsorted(arc, local), 1, len(arc) - 1)
        tang = s.points[i] - s.points[i - 1]
        tang /= np.linalg.norm(tang, axis=1, keepdims=True) + 1e-9
        normal = np.stack([-tang[:, 1], tang[:, 0]], 1)
        spread = rng.normal(0.0, 0.7, sel.sum()).clip(-2.0, 2.0) * g.pen
        pos[sel] = np.stack([px, py], 1) + normal * spread[:, None]
        stroke_id[sel] = k
    for k, s in enumerate(dots):
        lo = starts[-1] + k * dot_len
        sel = (u >= lo) & (u < lo + dot_len)
        m = int(sel.sum())
        r = np.abs(rng.normal(0.0, 1.0, m)) * g.pen * 1.2
        a = rng.random(m) * 2 * np.pi
        pos[sel] = s.points[0] + np.stack([r * np.cos(a), r * np.sin(a)], 1)
        stroke_id[sel] = len(lines) + k
    # stars never leave the box, even with the pen's scatter
    pos[:, 0] = pos[:, 0].clip(-g.half_width, g.half_width)
    pos[:, 1] = pos[:, 1].clip(-1.0, 1.0)
    order = u / max(total, 1e-9)
    return pos, order, stroke_id


# ----------------------------------------------------------------------------- hieroglyphs
# Round 24 (four readers in a row: the signs read as "Latin/CJK letters"): the dream's
# "hieroglyphs of forgotten languages" as PICTOGRAPHS a reader names as an ancient script at a
# glance -- an eye, a bird in profile, a scarab, a hand, water, a seated figure, an
# ankh, a sun disc, a feather -- each drawn once here as a few strokes (outlines and inner
# lines) in the glyph box [-1, 1]^2; a word is two to four of them in a row.  Which pictures,
# in which order, and a little of each one's pose is drawn from the seed, so words differ.

def _smooth(pts, closed: bool = False) -> np.ndarray:
    """A hand-drawn line through key points: corners cut twice (Chaikin), evenly resampled."""
    p = np.asarray(pts, float)
    if closed:
        p = np.vstack([p, p[:1]])
    p = _round_corners(p, 1.0)
    return _resample(p)


def _loop(centre, rx: float, ry: float) -> np.ndarray:
    return _resample(_arc(np.asarray(centre, float), rx, 0.5 * np.pi, 2 * np.pi, squash=ry / rx, n=64))


def _pict_eye() -> list[Stroke]:
    brow = _smooth([(-0.85, 0.42), (-0.3, 0.68), (0.35, 0.66), (0.9, 0.46)])
    lid = _smooth([(-0.9, 0.02), (-0.45, 0.32), (0.2, 0.36), (0.75, 0.12), (0.9, 0.02),
                   (0.5, -0.2), (-0.2, -0.24), (-0.7, -0.1)], closed=True)
    pupil = _loop((0.0, 0.06), 0.17, 0.17)
    # (the falcon's cheek marks under it: a drop straight down and a curl)
    drop = _smooth([(-0.15, -0.24), (-0.2, -0.85)])
    curl = _smooth([(0.25, -0.22), (0.45, -0.55), (0.75, -0.6), (0.8, -0.4), (0.62, -0.35)])
    return [Stroke("line", brow), Stroke("loop", lid), Stroke("loop", pupil),
            Stroke("line", drop), Stroke("line", curl)]


def _pict_bird() -> list[Stroke]:
    body = _smooth([(0.85, 0.5), (0.62, 0.72), (0.42, 0.7), (0.32, 0.45), (0.0, 0.22), (-0.5, 0.02),
                    (-0.92, -0.28), (-0.5, -0.22), (-0.1, -0.36), (0.3, -0.26), (0.45, 0.08),
                    (0.5, 0.38), (0.65, 0.5)], closed=True)
    wing = _smooth([(0.3, 0.16), (-0.2, -0.02), (-0.68, -0.18)])
    legs = [_smooth([(0.05, -0.33), (0.0, -0.9)]), _smooth([(0.22, -0.3), (0.26, -0.9)])]
    feet = _smooth([(-0.18, -0.9), (0.42, -0.9)])
    return [Stroke("loop", body), Stroke("line", wing), *(Stroke("line", l) for l in legs),
            Stroke("line", feet), Stroke("dot", np.array([[0.55, 0.6]]))]


def _pict_scarab() -> list[Stroke]:
    """The sacred beetle seen from above, its forelegs holding up the sun disc.  It replaced the
    flowering reed (round 28's readers at 42.1/44.4 s: the high shot's lone reed "a random
    squiggle"): a scarab is named as Egyptian at a glance, and no other shot shows one."""
    disc = _loop((0.0, 0.74), 0.2, 0.2)
    head = _smooth([(-0.18, 0.27), (-0.15, 0.42), (0.0, 0.47), (0.15, 0.42), (0.18, 0.27)])
    body = _loop((0.0, -0.3), 0.44, 0.58)
    # (the wing cases: the seam across under the thorax and the split down the back)
    seam = _smooth([(-0.42, -0.04), (0.0, 0.04), (0.42, -0.04)])
    split = _smooth([(0.0, 0.04), (0.0, -0.88)])
    strokes = [Stroke("loop", disc), Stroke("line", head), Stroke("loop", body),
               Stroke("line", seam), Stroke("line", split)]
    for side in (-1.0, 1.0):
        for leg in ([(0.34, 0.14), (0.58, 0.36), (0.27, 0.64)],        # up to the disc
                    [(0.43, -0.2), (0.8, -0.1), (0.9, -0.44)],
                    [(0.36, -0.64), (0.7, -0.7), (0.74, -0.95)]):
            strokes.append(Stroke("line", _smooth([(side * x, y) for x, y in leg])))
    return strokes


def _pict_hand() -> list[Stroke]:
    # (an open hand held up, the fingers apart: the flat hand of the scribes read as a shoe)
    palm = _smooth([(-0.28, -0.95), (-0.34, -0.25), (-0.78, 0.02), (-0.72, 0.16), (-0.3, 0.02),
                    (-0.36, 0.72), (-0.22, 0.8), (-0.12, 0.22), (-0.06, 0.9), (0.08, 0.92),
                    (0.12, 0.22), (0.24, 0.82), (0.37, 0.8), (0.32, 0.14), (0.5, 0.58),
                    (0.62, 0.52), (0.46, -0.22), (0.3, -0.95)])
    cuff = _smooth([(-0.3, -0.72), (0.32, -0.72)])
    return [Stroke("line", palm), Stroke("line", cuff)]


def _pict_water() -> list[Stroke]:
    # (one ripple, the scribes' sign for water: round 25's readers took three rows of zigzags
    # for "the Aquarius sign")
    xs = np.linspace(-0.92, 0.92, 11)
    pts = np.stack([xs, 0.16 * np.array([(-1) ** k for k in range(11)])], 1)
    return [Stroke("line", _resample(pts))]


def _pict_seated() -> list[Stroke]:
    head = _loop((0.2, 0.68), 0.2, 0.22)
    spine = _smooth([(0.12, 0.46), (0.02, 0.1), (-0.08, -0.45)])
    leg = _smooth([(-0.08, -0.45), (0.5, -0.42), (0.46, -0.9), (0.78, -0.9)])
    arm = _smooth([(0.08, 0.3), (0.45, 0.05), (0.62, 0.3)])
    seat = _smooth([(-0.42, -0.45), (-0.42, -0.9), (0.1, -0.9)])
    return [Stroke("loop", head), Stroke("line", spine), Stroke("line", leg), Stroke("line", arm),
            Stroke("line", seat)]


def _pict_ankh() -> list[Stroke]:
    loop = _smooth([(0.0, 0.12), (-0.28, 0.45), (-0.22, 0.8), (0.0, 0.92), (0.22, 0.8), (0.28, 0.45)],
                   closed=True)
    bar = _smooth([(-0.62, 0.06), (0.62, 0.06)])
    stem = _smooth([(0.0, 0.1), (0.0, -0.95)])
    return [Stroke("loop", loop), Stroke("line", bar), Stroke("line", stem)]


def _pict_sun() -> list[Stroke]:
    return [Stroke("loop", _loop((0.0, 0.05), 0.62, 0.62)), Stroke("dot", np.array([[0.0, 0.05]]))]


def _pict_feather() -> list[Stroke]:
    spine = _smooth([(-0.1, -0.95), (0.0, -0.2), (0.08, 0.5), (0.25, 0.9), (0.42, 0.72)])
    vane = _smooth([(0.0, -0.55), (-0.3, -0.1), (-0.32, 0.45), (0.05, 0.88)])
    return [Stroke("line", spine), Stroke("line", vane)]


def _pict_owl() -> list[Stroke]:
    """The owl (the scribes' m): its body in profile, the tail swept down behind, the head
    turned to face you -- two round eyes under ear tufts -- the picture most readers name as
    Egyptian at a glance (round 30's reader: the low shot's word read as "YO£")."""
    body = _smooth([(-0.44, 0.96), (-0.22, 0.74), (0.22, 0.74), (0.44, 0.96), (0.52, 0.5),
                    (0.5, 0.04), (0.4, -0.4), (0.15, -0.66), (-0.3, -0.68), (-0.76, -0.9),
                    (-0.58, -0.5), (-0.52, 0.0), (-0.52, 0.5)], closed=True)
    # (few inner lines: drawn in stars at a word's size, a wing, a beak and ringed eyes blurred
    # the face into a blob) the eyes two bright stars, the outline clean round them
    feet = [_smooth([(0.02, -0.68), (0.0, -0.92)]), _smooth([(0.24, -0.62), (0.28, -0.92)])]
    return [Stroke("loop", body), *(Stroke("dot", np.array([[x, 0.42]])) for x in (-0.2, 0.2)),
            *(Stroke("line", f) for f in feet)]


PICTOGRAPHS = {
    "eye": _pict_eye, "bird": _pict_bird, "scarab": _pict_scarab, "hand": _pict_hand,
    "water": _pict_water, "seated": _pict_seated, "ankh": _pict_ankh, "sun": _pict_sun,
    "feather": _pict_feather,
}
_PICT_STREAM = 0x41E6
# pictures only words use (outside PICTOGRAPHS, so the lone signs' seeded order stays)
WORD_PICTURES = {**PICTOGRAPHS, "owl": _pict_owl}
# (round 30's reader at 32.5 s: the low shot's word -- a bird, a sun disc, a seated figure --
# read as "YO£ / emoji, not an ancient script") the words the cue's shots hold are written out:
# the second word (the low shot's) the owl, the eye of Horus and water; the third (its stars'
# flight's goal) a hand, water, a feather -- never the ankh or the scarab of the later shots
SCRIBED_WORDS = {1: ("owl", "eye", "water"), 2: ("hand", "water", "feather")}


@lru_cache(maxsize=256)
def hieroglyph(seed: int, index: int, name: str | None = None) -> Glyph:
    """Hieroglyph ``index`` of the sequence of ``seed``: one of PICTOGRAPHS (every picture once
    in each run of nine, in a seeded order; or the picture ``name`` of WORD_PICTURES), slightly
    leaned and scaled as a scribe's hand varies, in the glyph box."""
    name = name or hieroglyph_name(seed, index)
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, int(index) & 0xFFFFFFFF, _PICT_STREAM, 1])
    lean = rng.uniform(-0.06, 0.06)
    scale = rng.uniform(0.9, 1.0)
    m = np.array([[1.0, lean], [0.0, 1.0]]) * scale
    strokes = tuple(Stroke(s.kind, np.clip(s.points @ m.T, -1.0 + MARGIN, 1.0 - MARGIN))
                    for s in WORD_PICTURES[name]())
    return Glyph(int(seed), int(index), 1.0, strokes, hand(seed).pen)


def hieroglyph_name(seed: int, index: int) -> str:
    """Which picture hieroglyph ``index`` of ``seed`` is (PICTOGRAPHS' key)."""
    names = list(PICTOGRAPHS)
    run, k = divmod(int(index), len(names))
    order = np.random.default_rng([int(seed) & 0xFFFFFFFF, run & 0xFFFFFFFF, _PICT_STREAM]).permutation(len(names))
    return names[int(order[k])]


def word_names(seed: int, index: int, signs: int) -> tuple[str, ...]:
    """The pictures of word ``index`` (WORD_PICTURES' keys): SCRIBED_WORDS' where it writes a
    word of that many signs, else hieroglyphs ``index * signs`` .. of the seeded order."""
    scribed = SCRIBED_WORDS.get(int(index))
    if scribed is not None and len(scribed) == signs:
        return scribed
    return tuple(hieroglyph_name(seed, index * signs + k) for k in range(signs))


@lru_cache(maxsize=64)
def hieroglyph_word(seed: int, index: int, signs: int) -> Glyph:
    """Word ``index`` of hieroglyphs: ``signs`` pictographs (hieroglyph ``index * signs`` ..) in
    a row along a gentle arc, placed a little differently in the sky each time (as ``word``);
    one sign is ``hieroglyph(seed, index)``."""
    if signs <= 1:
        return hieroglyph(seed, index)
    names = word_names(seed, index, signs)
    parts = [hieroglyph(seed, index * signs + k, n) for k, n in enumerate(names)]
    rng = _word_rng(seed, index)
    s = WORD_SIGN_SCALE * 1.1
    gap = 0.25
    total = signs * 2.0 * s + gap * (signs - 1)
    if total > 2.0 * WORD_MAX_HALF:
        s *= 2.0 * WORD_MAX_HALF / total
        total = signs * 2.0 * s + gap * (signs - 1)
    x = -0.5 * total
    strokes: list[Stroke] = []
    for p in parts:
        centre = np.array([x + s, 0.0])
        strokes += [Stroke(st.kind, st.points * s + centre) for st in p.strokes]
        x += 2.0 * s + gap
    return _laid_word(seed, index, rng, strokes, parts[0].pen * s, arc=2.0 * WORD_ARC, tilt=0.06,
                      lift=(-0.1, 0.12))
