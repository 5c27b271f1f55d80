"""Keys, tracks, cues and the tempo map: what a show says happens at any time t.

``Timeline.sample(t)`` is a pure function of t: keys are found by bisection, signals are
functions of time, the beat position comes from a precomputed tempo map.  So any frame can
be sampled in any order (export of a range, a contact sheet, a seek in the live window)
without replaying the show from zero.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from .colour import mix_colour, parse_colour
from .easing import get_easing
from visuals.errors import SourceSite, VisualsError, caller_site
from .cue_events import events_until
from .signals import Signal, SignalTime

BLEND_MODES = ("normal", "add", "screen", "multiply", "difference", "overlay")


@dataclass
class Key:
    """A value at a time.  ``ease`` shapes the approach *to* this key from the previous one."""

    time: float
    value: Any
    ease: Any = "linear"

    def __post_init__(self) -> None:
        self.time = float(self.time)
        self.ease_fn = get_easing(self.ease)


def _as_key(item: Any) -> Key:
    if isinstance(item, Key):
        return item
    if isinstance(item, (tuple, list)) and len(item) in (2, 3):
        return Key(*item)
    raise VisualsError(f"cannot read {item!r} as a key",
                       fix="write keys as Key(time, value, ease) or (time, value[, ease])")


class Track:
    """Keys for one value: a float, a vector, or a colour (mixed perceptually in OKLab)."""

    def __init__(self, keys: Iterable[Any], site: SourceSite | None = None):
        self.site = site or caller_site()
        self.keys = sorted((_as_key(k) for k in keys), key=lambda k: k.time)
        if not self.keys:
            raise VisualsError.at(self.site, "a track needs at least one key",
                                  fix="give at least one (time, value) pair")
        first = self.keys[0].value
        self.is_colour = isinstance(first, str)
        try:
            self.values = [self._canonical(k.value) for k in self.keys]
        except (TypeError, ValueError):
            raise VisualsError.at(self.site, "a track mixes values of different kinds",
                                  fix="use numbers, tuples of the same length, or colours throughout") from None
        dims = {len(v) if isinstance(v, tuple) else 1 for v in self.values}
        if len(dims) > 1:
            raise VisualsError.at(self.site, "a track mixes values of different sizes",
                                  fix="give every key the same number of components")
        self.times = [k.time for k in self.keys]

    def _canonical(self, value: Any):
        if self.is_colour:
            return parse_colour(value)
        if isinstance(value, (tuple, list)):
            return tuple(float(v) for v in value)
        return float(value)

    def sample(self, t: float):
        i = bisect.bisect_right(self.times, t)
        if i == 0:
            return self.values[0]
        if i == len(self.times):
            return self.values[-1]
        k0, k1 = self.keys[i - 1], self.keys[i]
        span = k1.time - k0.time
        u = k1.ease_fn((t - k0.time) / span) if span > 0 else 1.0
        v0, v1 = self.values[i - 1], self.values[i]
        if self.is_colour:
            return mix_colour(v0, v1, u)
        if isinstance(v0, tuple):
            return tuple(a + (b - a) * u for a, b in zip(v0, v1))
        return v0 + (v1 - v0) * u


def as_track(value: Any, site: SourceSite | None = None) -> Track | Signal:
    """A track, a signal, or a list of keys written inline in a show."""
    if isinstance(value, (Track, Signal)):
        return value
    return Track(value, site=site)


@dataclass
class Cue:
    """A scene playing from ``start`` to ``end`` (show seconds) on a layer.

    ``fade_in``/``fade_out`` are envelope lengths in seconds.  When a cue overlaps the one
    before it on the same layer, its fade-in *is* the transition from that cue (``transition``
    names the shader in shaders/transitions/), and the earlier cue's fade-out is not applied
    within the overlap, so a crossfade never dips.  ``params`` holds fixed values or signals;
    ``keys`` holds tracks in cue-local time (0 = the cue's start).  ``events`` (touches...)
    are in cue-local time too.  ``bind`` chooses which scene fills each of the scene's
    bindings (``{"environment": "resonance"}``) instead of the scene's default.  ``post``
    lists post effects applied to this cue's image: names, or ``(name, {param: value})``.
    """

    scene: str
    start: float
    end: float
    fade_in: float = 0.0
    fade_out: float = 0.0
    layer: int = 0
    params: Mapping[str, Any] = field(default_factory=dict)
    keys: Mapping[str, Any] = field(default_factory=dict)
    transition: str = "crossfade"
    transition_params: Mapping[str, Any] = field(default_factory=dict)
    blend: str = "normal"
    opacity: float = 1.0
    ease: Any = "smoothstep"
    name: str | None = None
    events: Sequence[Any] = ()
    bind: Mapping[str, str] = field(default_factory=dict)
    post: Sequence[Any] = ()
    site: SourceSite | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.site = self.site or caller_site()
        self.start, self.end = float(self.start), float(self.end)
        if self.end <= self.start:
            raise self.error(f"cue '{self.label}' ends ({self.end:g} s) before it starts "
                             f"({self.start:g} s)", "give an end time after the start time")
        if self.fade_in < 0 or self.fade_out < 0 or self.fade_in + self.fade_out > self.end - self.start + 1e-9:
            raise self.error(f"cue '{self.label}' has fades longer than the cue",
                             "make fade_in + fade_out at most end - start, and not negative")
        if self.blend not in BLEND_MODES:
            raise self.error(f"unknown blend mode '{self.blend}'",
                             f"use one of {', '.join(BLEND_MODES)}")
        if not 0.0 <= self.opacity <= 1.0:
            raise self.error(f"opacity {self.opacity} is out of range", "give a value in [0, 1]")
        self.ease_fn = get_easing(self.ease)
        self.key_tracks = {name: as_track(v, self.site) for name, v in self.keys.items()}
        self.events = tuple(sorted(self.events, key=lambda e: e.time))

    @property
    def label(self) -> str:
        return self.name or self.scene

    def error(self, message: str, fix: str) -> VisualsError:
        return VisualsError.at(self.site, message, fix=fix)

    def envelope(self, t: float, with_fade_out: bool = True) -> float:
        """0..1 visibility at show time t from the fades (eased)."""
        if t < self.start or t >= self.end:
            return 0.0
        w = 1.0
        if self.fade_in > 0:
            w = min(w, self.ease_fn(min(1.0, (t - self.start) / self.fade_in)))
        if with_fade_out and self.fade_out > 0:
            w = min(w, self.ease_fn(min(1.0, (self.end - t) / self.fade_out)))
        return w


@dataclass
class Loop:
    """A glitch loop: from ``start`` to ``end`` the show repeats the ``length`` seconds before
    ``start``, like a recording stuck on repeat (the child's laughter of the dream).

    The frames it shows are earlier frames rendered again, which in this engine are the same
    bytes: on the export grid a loop of N frames repeats exactly N frames.
    """

    start: float
    end: float
    length: float = 0.5
    site: SourceSite | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.site = self.site or caller_site()
        if self.end <= self.start or self.length <= 0 or self.length > self.start + 1e-9:
            raise VisualsError.at(self.site, f"invalid loop {self.start:g}..{self.end:g} s of {self.length:g} s",
                                  fix="give start < end and 0 < length <= start (it repeats what came before start)")

    def source_time(self, t: float, fps: float | None = None) -> float:
        if fps:   # on a frame grid: repeat whole frames exactly
            n = max(1, round(self.length * fps))
            f, f0 = round(t * fps), round(self.start * fps)
            return (f0 - n + (f - f0) % n) / fps
        return repeat_before(t, self.start, self.length)


def repeat_before(t: float, start: float, length: float) -> float:
    """Show time inside a glitch loop: from ``start`` on, the ``length`` seconds before it
    repeat.  The one loop arithmetic of a show's Loop and a live glitch trigger."""
    return start - length + math.fmod(t - start, length)


class TempoMap:
    """Beat position as a function of show time, for a constant or keyed bpm.

    The beat count is the integral of bpm/60; it is precomputed per key segment (exactly for
    constant and linear segments, by fixed-step Simpson otherwise) so beat(t) costs a bisection.
    """

    def __init__(self, bpm: float | Track | Sequence[Any] = 120.0, site: SourceSite | None = None):
        self.track = bpm if isinstance(bpm, Track) else (
            Track(bpm, site) if isinstance(bpm, (list, tuple)) else None)
        self.constant = None if self.track else float(bpm)  # type: ignore[arg-type]
        values = self.track.values if self.track else [self.constant]
        for v in values:
            if not isinstance(v, float) or not 1.0 <= v <= 999.0:
                raise VisualsError.at(site, f"bpm {v!r} is out of range", fix="give a tempo between 1 and 999 bpm")
        if self.track:
            self._cumulative = [0.0]
            for i in range(1, len(self.track.times)):
                t0, t1 = self.track.times[i - 1], self.track.times[i]
                self._cumulative.append(self._cumulative[-1] + self._integral(t0, t1))

    def bpm(self, t: float) -> float:
        return self.constant if self.track is None else self.track.sample(t)

    def _integral(self, t0: float, t1: float, steps: int = 64) -> float:
        if t1 <= t0:
            return 0.0
        h = (t1 - t0) / steps
        s = self.bpm(t0) + self.bpm(t1)
        for i in range(1, steps):
            s += (4 if i % 2 else 2) * self.bpm(t0 + i * h)
        return s * h / 3.0 / 60.0

    def beat(self, t: float) -> float:
        if self.track is None:
            return t * self.constant / 60.0
        times = self.track.times
        if t <= times[0]:
            return (t - times[0]) * self.track.values[0] / 60.0
        i = bisect.bisect_right(times, t) - 1
        if i >= len(times) - 1:
            return self._cumulative[-1] + (t - times[-1]) * self.track.values[-1] / 60.0
        return self._cumulative[i] + self._integral(times[i], t)


@dataclass
class ActiveCue:
    """A cue as seen at one instant: its local time, its weight and its parameter values."""

    index: int
    cue: Cue
    local_t: float
    envelope: float
    values: dict[str, Any]

    @property
    def events(self) -> tuple:
        return events_until(self.cue.events, self.local_t)


@dataclass
class LayerSample:
    """What one layer shows: one cue, or a transition from one cue to the next."""

    layer: int
    current: ActiveCue
    previous: ActiveCue | None = None
    progress: float = 1.0  # transition progress from previous to current
    opacity: float = 1.0

    @property
    def previous_seen(self) -> ActiveCue | None:
        """The cue this layer is leaving, while the transition still shows it; None after.

        A finished transition (progress 1) shows the new cue alone, though the old one runs on
        to its own end: the renderer skips drawing it and the contact sheet's caption drops it."""
        return self.previous if self.progress < 1.0 else None


@dataclass
class TimelineSample:
    t: float
    beat: float
    bpm: float
    layers: list[LayerSample]
    owned: dict[str, dict[str, Any]] = field(default_factory=dict)   # "owner.param" tracks by owner

    def cues(self) -> list[ActiveCue]:
        out = []
        for layer in self.layers:
            if layer.previous is not None:
                out.append(layer.previous)
            out.append(layer.current)
        return out


class Timeline:
    """Cues, show-level tracks and the tempo map.

    Show-level tracks are addressed ``"scene.param"`` (every cue of that scene), or
    ``"cue_name.param"`` (one named cue), or a bare name for a global value (such as a post
    effect amount).  They run in show time; a cue's own ``keys`` run in its local time and win.
    """

    def __init__(self, cues: Sequence[Cue], tracks: Mapping[str, Any] | None = None,
                 bpm: float | Sequence[Any] | Track = 120.0, duration: float | None = None,
                 loops: Sequence[Loop] = (), site: SourceSite | None = None):
        self.site = site or caller_site()
        self.cues = list(cues)
        self.loops = sorted(loops, key=lambda lp: lp.start)
        self.tracks = {name: as_track(v, self.site) for name, v in (tracks or {}).items()}
        self.tempo = TempoMap(bpm, self.site)
        self.duration = float(duration) if duration is not None else max(
            (c.end for c in self.cues), default=0.0)
        self._by_layer: dict[int, list[tuple[int, Cue]]] = {}
        for i, cue in enumerate(self.cues):
            self._by_layer.setdefault(cue.layer, []).append((i, cue))
        for entries in self._by_layer.values():
            entries.sort(key=lambda e: (e[1].start, e[0]))
        self._starts = {layer: [c.start for _, c in entries] for layer, entries in self._by_layer.items()}

    def signal_time(self, t: float, audio: Any = None) -> SignalTime:
        return SignalTime(t=t, beat=self.tempo.beat(t), bpm=self.tempo.bpm(t), audio=audio)

    def _values_for(self, index: int, cue: Cue, t: float, st: SignalTime) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, v in cue.params.items():
            values[name] = v.sample(st) if isinstance(v, Signal) else v
        for prefix in (cue.scene, cue.name):
            if not prefix:
                continue
            for address, track in self.tracks.items():
                owner, _, param = address.partition(".")
                if owner == prefix and param:
                    values[param] = track.sample(st) if isinstance(track, Signal) else track.sample(t)
        local = t - cue.start
        for name, track in cue.key_tracks.items():
            if isinstance(track, Signal):
                values[name] = track.sample(st)
            else:
                values[name] = track.sample(local)
        return values

    def _active(self, index: int, cue: Cue, t: float, st: SignalTime, fade_out: bool) -> ActiveCue:
        return ActiveCue(index, cue, t - cue.start, cue.envelope(t, fade_out),
                         self._values_for(index, cue, t, st))

    def sample(self, t: float, tempo: tuple[float, float] | None = None, audio: Any = None) -> TimelineSample:
        """Everything at show time t.  ``tempo`` (beat, bpm) replaces the show's tempo map when
        the tempo is played live (tap, MIDI clock, OSC); ``audio`` is what Audio signals hear."""
        st = self.signal_time(t, audio) if tempo is None else SignalTime(t=t, beat=tempo[0], bpm=tempo[1],
                                                                         audio=audio)
        layers = []
        for layer in sorted(self._by_layer):
            entries = self._by_layer[layer]
            # Only cues that started at or before t can be active; scan back from there.
            hi = bisect.bisect_right(self._starts[layer], t)
            active = [(i, c) for i, c in entries[:hi] if c.start <= t < c.end]
            if not active:
                continue
            (ci, cur) = active[-1]
            if len(active) >= 2:
                pi, prev = active[-2]
                progress = cur.ease_fn(min(1.0, (t - cur.start) / cur.fade_in)) if cur.fade_in > 0 else 1.0
                previous = self._active(pi, prev, t, st, fade_out=False)
                current = self._active(ci, cur, t, st, fade_out=True)
                # The incoming cue's fade-in is the transition, so only its fade-out counts here.
                opacity = (1 - progress) * previous.envelope + progress * _fade_out_only(cur, t)
                layers.append(LayerSample(layer, current, previous, progress,
                                          opacity * cur.opacity))
            else:
                current = self._active(ci, cur, t, st, fade_out=True)
                layers.append(LayerSample(layer, current, None, 1.0, current.envelope * cur.opacity))
        owned: dict[str, dict[str, Any]] = {}
        for address, track in self.tracks.items():
            owner, dot, param = address.partition(".")
            if dot:     # a track without an owner drives nothing (a show refuses it)
                owned.setdefault(owner, {})[param] = track.sample(st) if isinstance(track, Signal) else track.sample(t)
        return TimelineSample(t, st.beat, st.bpm, layers, owned)

    def remap(self, t: float, fps: float | None = None) -> float:
        """Show time after glitch loops: inside a loop the last ``length`` seconds repeat."""
        for loop in self.loops:
            if loop.start <= t < loop.end:
                return loop.source_time(t, fps)
        return t


def _fade_out_only(cue: Cue, t: float) -> float:
    if cue.fade_out <= 0:
        return 1.0
    return cue.ease_fn(min(1.0, max(0.0, (cue.end - t) / cue.fade_out)))
