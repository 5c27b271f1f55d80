"""A show's own soundtrack, synthesised from the same timeline and parameters as its pictures.

A :class:`Score` is a list of voices, each a function that reads the show through a
:class:`ScoreContext` (its cues, their parameter curves, its loops) and adds stereo samples to
the mix.  Every voice is a pure function of absolute time (phases from t, noise hashed from the
sample index, integrals from the cue's start), so any range of the score is the same samples
as that range cut from the whole, and a render of frames 2100..2110 hears exactly what the
full render has there.

Glitch loops apply to the sound as to the picture: inside a loop, each output frame's samples
are the samples of the source frame it repeats, so the laughter repeats with its frames.
A show names its score with ``Show(..., score=Score(...))``, or a module ``SHOW_score.py``
beside it defines ``Score("SHOW", voices)`` (the dream's is scenes/dream_score.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Sequence

import numpy as np

from visuals.errors import SourceSite, VisualsError, caller_site

RATE = 48000
CONTROL_RATE = 100          # parameter curves are sampled 100 times a second, then interpolated


class ScoreContext:
    """What a voice sees: source time [a, b) of the show as sample indices, the show's cues
    and their parameter curves on a global control grid, and a stereo buffer to add into."""

    def __init__(self, show, registry, start: int, stop: int, rate: int = RATE):
        self.show, self.registry, self.rate = show, registry, rate
        self.start, self.stop = start, stop
        self.out = np.zeros((stop - start, 2), np.float64)
        a, b = start / rate, stop / rate
        touching = [c.start for c in show.cues if c.start < b and c.end > a]
        lo = min([a, *touching])
        self.k0 = math.floor(lo * CONTROL_RATE)
        k1 = math.ceil(b * CONTROL_RATE) + 1
        self.grid = np.arange(self.k0, k1 + 1) / CONTROL_RATE
        self.samples = [show.timeline.sample(float(t)) for t in self.grid]
        self._active = [{c.index: c for c in s.cues()} for s in self.samples]
        self._defaults: dict[str, dict] = {}

    # -- time ---------------------------------------------------------------------------
    def times(self, i0: int = 0, i1: int | None = None) -> np.ndarray:
        """Absolute show time of the buffer's samples i0..i1."""
        i1 = self.stop - self.start if i1 is None else i1
        return (self.start + np.arange(i0, i1)) / self.rate

    def span(self, t0: float, t1: float) -> tuple[int, int]:
        """Sample indices (relative to the buffer) of show time [t0, t1), clipped to the range."""
        i0 = max(self.start, math.ceil(t0 * self.rate)) - self.start
        i1 = min(self.stop, math.ceil(t1 * self.rate)) - self.start
        return i0, max(i0, i1)

    # -- the show -------------------------------------------------------------------------
    def cues(self, scene: str | None = None, name: str | None = None,
             having: Sequence[str] = ()) -> list[tuple[int, Any]]:
        """(index, cue) of the cues that sound in this range, by scene, name or parameters."""
        a, b = self.start / self.rate, self.stop / self.rate
        found = []
        for i, cue in enumerate(self.show.cues):
            if cue.end <= a - 2.0 or cue.start >= b:      # (2 s: grains ringing past a cue's end)
                continue
            if scene is not None and cue.scene != scene:
                continue
            if name is not None and cue.name != name:
                continue
            if having and not all(p in self.defaults(cue.scene) for p in having):
                continue
            found.append((i, cue))
        return found

    def defaults(self, scene: str) -> dict:
        if scene not in self._defaults:
            try:
                self._defaults[scene] = self.registry.scene(scene).params.defaults()
            except VisualsError:
                self._defaults[scene] = {}
        return self._defaults[scene]

    def curve(self, index: int, param: str | None = None) -> np.ndarray:
        """A cue's parameter on the control grid (its default where no key sets it), or with
        ``param`` None its weight: its envelope (fades) while it plays, 0 elsewhere."""
        cue = self.show.cues[index]
        default = self.defaults(cue.scene).get(param, 0.0) if param else 0.0
        out = np.zeros(len(self.grid))
        for k, by_index in enumerate(self._active):
            active = by_index.get(index)
            if active is None:
                out[k] = 0.0 if param is None else _scalar(default)
            elif param is None:
                out[k] = active.envelope
            else:
                out[k] = _scalar(active.values.get(param, default))
        return out

    def owned(self, owner: str, param: str, default: float = 0.0) -> np.ndarray:
        """A show track such as ``glitch.amount`` on the control grid."""
        return np.array([_scalar(s.owned.get(owner, {}).get(param, default)) for s in self.samples])

    def at(self, values: np.ndarray, i0: int, i1: int) -> np.ndarray:
        """A control-grid curve interpolated at the buffer's samples i0..i1."""
        return np.interp(self.times(i0, i1), self.grid, values)

    def integral(self, values: np.ndarray, since: float) -> np.ndarray:
        """The running integral of a control curve from time ``since`` (a cue's start), on the
        grid: the same at any grid point whatever range is being rendered."""
        k = np.arange(len(self.grid)) + self.k0
        ks = math.ceil(since * CONTROL_RATE)
        v = np.where(k >= ks, values, 0.0)
        return np.cumsum(v) / CONTROL_RATE - np.where(k >= ks, v, 0.0) / CONTROL_RATE

    # -- sound ------------------------------------------------------------------------------
    def add(self, i0: int, signal: np.ndarray, pan: float = 0.0) -> None:
        """Add a mono (panned, -1 left .. 1 right) or stereo signal starting at buffer index i0."""
        n = signal.shape[0]
        lo, hi = max(i0, 0), min(i0 + n, self.out.shape[0])
        if hi <= lo:
            return
        part = signal[lo - i0:hi - i0]
        if part.ndim == 1:
            left, right = math.cos((pan + 1) * math.pi / 4), math.sin((pan + 1) * math.pi / 4)
            self.out[lo:hi, 0] += part * left * math.sqrt(2)
            self.out[lo:hi, 1] += part * right * math.sqrt(2)
        else:
            self.out[lo:hi] += part


def _scalar(value: Any) -> float:
    if isinstance(value, (tuple, list)):
        return float(value[0]) if value else 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


Voice = Callable[[ScoreContext], None]


@dataclass
class Score:
    """A show's soundtrack: ``voices`` mixed, scaled by ``gain_db`` and softly limited below
    full scale.  ``show`` names the show it belongs to (for a score in its own module)."""

    show: str
    voices: Sequence[Voice]
    gain_db: float = 0.0
    site: SourceSite | None = None

    def __post_init__(self):
        self.site = self.site or caller_site()
        if not self.voices:
            raise VisualsError.at(self.site, f"score of '{self.show}' has no voices",
                                  fix="give at least one voice")

    def source(self, show, registry, start: int, stop: int, rate: int = RATE) -> np.ndarray:
        """Source (show) time samples [start, stop), before loops, limited."""
        ctx = ScoreContext(show, registry, start, stop, rate)
        for voice in self.voices:
            voice(ctx)
        mix = ctx.out.astype(np.float32)
        mix *= np.float32(10.0 ** (self.gain_db / 20.0) * 1.05)
        np.tanh(mix, out=mix)
        mix *= np.float32(0.985 / 1.05)              # a soft limit: never reaches full scale
        return mix

    def render(self, show, registry, t0: float, t1: float, fps: Fraction, rate: int = RATE) -> np.ndarray:
        """Output time [t0, t1) as stereo float32 at ``rate``, with the show's loops applied."""
        fps = Fraction(fps)
        s0, s1 = round(Fraction(t0).limit_denominator(10 ** 6) * rate), round(Fraction(t1).limit_denominator(10 ** 6) * rate)
        src = loop_sources(show.timeline.loops, np.arange(s0, s1, dtype=np.int64), fps, rate)
        if src.size == 0:
            return np.zeros((0, 2), np.float32)
        lo, hi = int(src.min()), int(src.max()) + 1
        return self.source(show, registry, lo, hi, rate)[src - lo]


def loop_sources(loops, samples: np.ndarray, fps: Fraction, rate: int) -> np.ndarray:
    """The source sample each output sample plays: itself, except inside a loop, where output
    frame f plays the frame the picture repeats there (Loop.source_time on the frame grid),
    at the same offset within the frame."""
    out = samples.copy()
    num, den = fps.numerator, fps.denominator
    frames = (samples * num) // (rate * den)
    for loop in loops:
        n = max(1, round(loop.length * float(fps)))
        f0 = round(loop.start * float(fps))
        inside = (samples >= loop.start * rate) & (samples < loop.end * rate)
        f = frames[inside]
        src_f = f0 - n + (f - f0) % n
        shift = np.round((f - src_f) * rate * den / num).astype(np.int64)
        out[inside] = samples[inside] - shift
    return out


def find_score(registry, show) -> Score | None:
    """The show's score: ``Show(score=...)``, else a Score for this show in ``SHOW_score.py``
    on the search path, else None (a show without a score renders silent)."""
    score = getattr(show, "score", None)
    if isinstance(score, Score):
        return score
    for folder in registry.search.scene_dirs:
        path = folder / f"{show.name}_score.py"
        if path.is_file():
            return _load_score(path, show.name)
    return None


def _load_score(path, name: str) -> Score | None:
    from types import ModuleType

    from visuals.load.paths import display_path
    from visuals.load.registry import module_error
    module = ModuleType(f"visuals_score_{abs(hash(str(path)))}")
    module.__file__ = str(path)
    try:
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
    except VisualsError:
        raise
    except Exception as err:
        raise module_error(path.resolve(), err) from None
    for value in vars(module).values():
        if isinstance(value, Score) and value.show == name:
            return value
    raise VisualsError(f"{display_path(path)} defines no Score for show '{name}'", file=display_path(path),
                       fix=f"define e.g. score = Score(\"{name}\", [voices...]) at its top level")
