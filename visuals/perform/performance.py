"""A performance: everything a VJ's hands change, as a pure function of performance time.

Live, the performance time T is seconds since the window opened; offline, when a recorded
set is rendered again, it is frame / fps.  Every control event is applied at a T (live: the
start of the frame it arrived in, which is also the T it is recorded with) and everything
between events is analytic in T: the transport (show time from play, pause, seek, speed),
smoothed parameters (an exponential approach with a time constant, or a linear morph), the
live tempo, quantised triggers waiting for the next beat.  So the state at any T is the same
whether it is reached by a 60 fps window or a 24 fps export: this is what makes "perform live,
deliver in 4K" exact.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Protocol

from visuals.controls.events import (BeatSync, Control, Crossfade, CueJump, DeckMode, Interface, LoadClip,
                              RecallPreset, SavePreset, SetParam, SetTempo, Tap, TouchAt, Transport, Trigger)
from visuals.controls.limits import SPEED_BY_RANGE, SPEED_RANGE, TEMPO_RANGE, within
from visuals.model.cue_events import Touch
from visuals.model.follow import follow_data, hand_value
from visuals.model.signals import Audio, Signal
from visuals.model.show import Show
from visuals.model.timeline import repeat_before


@dataclass
class Smoothed:
    """A value moving toward a target: exponentially (``tau`` seconds) or linearly (``ramp``)."""

    start: Any
    target: Any
    t0: float
    tau: float = 0.0
    ramp: float = 0.0

    def value(self, t: float) -> Any:
        """The value at t; a glide to or from a signal (a follow) is a mix the renderer samples."""
        if t <= self.t0:
            return self.start
        if self.ramp > 0:
            u = min(1.0, (t - self.t0) / self.ramp)
        elif self.tau > 0:
            u = 1.0 - math.exp(-(t - self.t0) / self.tau)
        else:
            return self.target
        if u >= 1.0 and (isinstance(self.target, Signal) or isinstance(self.start, Signal)):
            return self.target
        if isinstance(self.target, tuple):
            return tuple(a + (b - a) * u for a, b in zip(self.start, self.target))
        return self.start + (self.target - self.start) * u

    def retarget(self, target: Any, t: float, tau: float = 0.0, ramp: float = 0.0) -> "Smoothed":
        return Smoothed(self.value(t), target, t, tau, ramp)


@dataclass
class TransportState:
    """Show time as a function of performance time: anchored, with speed and pause."""

    anchor_perf: float = 0.0
    anchor_show: float = 0.0
    speed: float = 1.0
    paused: bool = False
    loop: tuple[float, float] | None = None     # (show time it stuck at, length): a glitch loop

    def running_time(self, t: float) -> float:
        if self.paused:
            return self.anchor_show
        return self.anchor_show + (t - self.anchor_perf) * self.speed

    def show_time(self, t: float) -> float:
        raw = self.running_time(t)
        if self.loop is not None and raw >= self.loop[0]:
            return repeat_before(raw, *self.loop)
        return raw

    def reanchor(self, t: float, show: float | None = None) -> None:
        self.anchor_show = self.running_time(t) if show is None else max(0.0, show)
        self.anchor_perf = t


@dataclass
class LiveTempo:
    """The played tempo: None until someone taps, sets it or sends MIDI clock."""

    bpm: float | None = None
    anchor_perf: float = 0.0
    anchor_beat: float = 0.0
    taps: list[float] = field(default_factory=list)

    def beat(self, t: float) -> float:
        return self.anchor_beat + (t - self.anchor_perf) * (self.bpm or 120.0) / 60.0

    def set(self, bpm: float, t: float) -> None:
        """Change tempo without a jump in beat position."""
        beat = self.beat(t) if self.bpm else 0.0
        self.bpm = within(bpm, TEMPO_RANGE)
        self.anchor_perf, self.anchor_beat = t, beat

    def tap(self, t: float) -> None:
        """Tap tempo: the mean of the last intervals; a pause of over 2 s starts again.  Taps
        at the same time (two in one frame, as a set file records them) count once: an
        interval of zero has no tempo."""
        if self.taps and t <= self.taps[-1]:
            return
        if self.taps and t - self.taps[-1] > 2.0:
            self.taps.clear()
        self.taps.append(t)
        del self.taps[:-8]
        if len(self.taps) >= 2:
            intervals = [b - a for a, b in zip(self.taps, self.taps[1:])]
            self.set(60.0 / (sum(intervals) / len(intervals)), t)
            # the tap lands on a beat
            self.anchor_beat = math.floor(self.anchor_beat + 0.5)


@dataclass
class Deck:
    """One deck: a show (or scene) with its own transport, parameters and touches."""

    name: str
    show: Show | None
    transport: TransportState = field(default_factory=TransportState)
    params: dict[tuple[str, str], Smoothed] = field(default_factory=dict)
    touches: list[tuple[float, Touch]] = field(default_factory=list)   # (show time, touch)

    def overrides(self, t: float) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for (scene, param), smoothed in self.params.items():
            out.setdefault(scene, {})[param] = smoothed.value(t)
        return out


@dataclass(frozen=True)
class DeckFrame:
    """One deck at one performance time: its show, where in it, and what the hands add."""

    show: Show
    show_t: float
    overrides: dict[str, dict[str, Any]]
    touches: tuple[tuple[float, Touch], ...]    # (show time, touch)


@dataclass(frozen=True)
class PerformanceFrame:
    """What to render at one performance time (a plain show: deck A, no hands, no tempo)."""

    t: float
    decks: dict[str, DeckFrame]
    crossfade: float
    transition: str
    blend: str
    tempo: tuple[float, float] | None           # (beat, bpm) when played live
    triggers: tuple[tuple[float, Trigger], ...]  # recent triggers (perf time, trigger)


class ParameterView(Protocol):
    """What the parameters show at a performance time, timeline and hand together."""

    def in_play(self, performance: "Performance", t: float) -> list[tuple[str, str]]: ...

    def value(self, performance: "Performance", deck: str, scene: str, param: str, t: float) -> Any: ...


class Performance:
    """The state of a performance and how each control event changes it.

    ``view`` tells what a parameter shows at a time (so a preset morph starts where the
    picture is), ``load_show(name)`` resolves clips, ``presets`` stores and recalls snapshots.
    They are injected so the same class runs the live window and the offline replay.
    ``loop``: deck A starts again at its show's end (True), holds its last moment (False),
    or runs on (None: a plain show exported, whose frames are asked for by time).
    """

    def __init__(self, show: Show, loop: bool | None = True,
                 load_show: Callable[[str], Show] | None = None,
                 view: ParameterView | None = None, presets: Any = None):
        self.decks = {"a": Deck("a", show), "b": Deck("b", None)}
        self.loop = loop
        self.load_show = load_show
        self.view = view
        self.presets = presets
        self.crossfade = Smoothed(0.0, 0.0, 0.0)
        self.transition = "crossfade"
        self.blend = ""
        self.tempo = LiveTempo()
        self.pending: list[tuple[float, Control]] = []   # quantised events waiting for their beat
        self.triggers: list[tuple[float, Trigger]] = []

    @classmethod
    def of_show(cls, show: Show) -> "Performance":
        """A show played through with no hands: what export, still and sheet render."""
        return cls(show, loop=None)

    # -- time -----------------------------------------------------------------------------
    def beat(self, t: float) -> float | None:
        return self.tempo.beat(t) if self.tempo.bpm else None

    def deck_time(self, deck: Deck, t: float) -> float:
        show_t = deck.transport.show_time(t)
        duration = deck.show.duration if deck.show else 0.0
        if duration > 0 and show_t >= duration and (self.loop is not None or deck.name != "a"):
            if self.loop or deck.name != "a":
                show_t = math.fmod(show_t, duration)
            else:
                show_t = max(0.0, duration - 1e-3)
        return show_t

    def frame(self, t: float) -> PerformanceFrame:
        self.release_pending(t)
        decks = {}
        for name, deck in self.decks.items():
            if deck.show is None:
                continue
            show_t = self.deck_time(deck, t)
            decks[name] = DeckFrame(deck.show, show_t, deck.overrides(t), tuple(deck.touches))
        tempo = (self.tempo.beat(t), self.tempo.bpm) if self.tempo.bpm else None
        self.triggers = [(tt, trig) for tt, trig in self.triggers if t - tt < 10.0]
        return PerformanceFrame(t, decks, float(self.crossfade.value(t)), self.transition, self.blend,
                                tempo, tuple(self.triggers))

    # -- events ---------------------------------------------------------------------------
    def next_boundary(self, t: float, unit: str) -> float:
        """The performance time of the next beat or bar (4 beats) after t."""
        beats = 4.0 if unit == "bar" else 1.0
        bpm = self.tempo.bpm or (self.decks["a"].show.timeline.tempo.bpm(0.0) if self.decks["a"].show else 120.0)
        if not self.tempo.bpm:
            self.tempo.set(bpm, 0.0)
        beat = self.tempo.beat(t)
        target = math.floor(beat / beats + 1e-9) * beats + beats
        return self.tempo.anchor_perf + (target - self.tempo.anchor_beat) * 60.0 / self.tempo.bpm

    def release_pending(self, t: float) -> None:
        due = [(when, e) for when, e in self.pending if when <= t]
        self.pending = [(when, e) for when, e in self.pending if when > t]
        for when, event in due:
            self._apply(event, when)

    def apply(self, event: Control, t: float) -> None:
        quantize = getattr(event, "quantize", "")
        if quantize in ("beat", "bar"):
            self.pending.append((self.next_boundary(t, quantize), event))
            self.pending.sort(key=lambda p: p[0])
            return
        self._apply(event, t)

    def _apply(self, event: Control, t: float) -> None:
        deck_a = self.decks["a"]
        if isinstance(event, Transport):
            tr = deck_a.transport
            if event.op == "seek":
                tr.reanchor(t, event.value)
            elif event.op == "nudge":
                tr.reanchor(t, self.deck_time(deck_a, t) + event.value)
            elif event.op in ("play", "pause", "toggle"):
                tr.reanchor(t, self.deck_time(deck_a, t))
                tr.paused = {"play": False, "pause": True, "toggle": not tr.paused}[event.op]
            elif event.op == "speed":
                tr.reanchor(t, self.deck_time(deck_a, t))
                tr.speed = within(event.value, SPEED_RANGE)
            elif event.op == "speed_by":
                tr.reanchor(t, self.deck_time(deck_a, t))
                tr.speed = within(tr.speed * event.value, SPEED_BY_RANGE)
        elif isinstance(event, CueJump):
            self._cue_jump(event, t)
        elif isinstance(event, SetParam):
            deck = self.decks.get(event.deck) or deck_a
            key = (event.scene, event.param)
            if event.value is None:             # let go: the timeline's value again
                deck.params.pop(key, None)
                return
            value = hand_value(event.value)
            old = deck.params.get(key)
            if old is None or event.smoothing <= 0:
                deck.params[key] = Smoothed(value if old is None or event.smoothing <= 0 else old.value(t),
                                            value, t)
            else:
                deck.params[key] = old.retarget(value, t, tau=event.smoothing)
        elif isinstance(event, TouchAt):
            deck = self.decks.get(event.deck) or deck_a
            if deck.show is not None:
                deck.touches.append((self.deck_time(deck, t), Touch(0.0, event.x, event.y, event.strength)))
                del deck.touches[:-64]
        elif isinstance(event, SetTempo):
            self.tempo.set(event.bpm, t)
        elif isinstance(event, Tap):
            self.tempo.tap(t)
        elif isinstance(event, BeatSync):
            if not self.tempo.bpm:
                self.tempo.set(self.decks["a"].show.timeline.tempo.bpm(0.0) if self.decks["a"].show else 120.0, t)
            self.tempo.anchor_perf, self.tempo.anchor_beat = t, event.beat
        elif isinstance(event, Crossfade):
            value = min(max(float(event.value), 0.0), 1.0)
            self.crossfade = self.crossfade.retarget(value, t, tau=event.smoothing)
        elif isinstance(event, DeckMode):
            self.transition, self.blend = event.transition or "crossfade", event.blend
        elif isinstance(event, LoadClip):
            deck = self.decks.setdefault(event.deck, Deck(event.deck, None))
            deck.show = self.load_show(event.show) if self.load_show else None
            deck.transport = TransportState(anchor_perf=t)
            deck.params.clear()
            deck.touches.clear()
        elif isinstance(event, RecallPreset):
            self._recall(event, t)
        elif isinstance(event, SavePreset):
            if self.presets is not None:
                self.presets.save(event.name, self.snapshot(t))
        elif isinstance(event, Trigger):
            self.triggers.append((t, event))
            if event.name == "loop":
                self._glitch_loop(event.value, t)
        elif isinstance(event, Interface):
            pass

    def _glitch_loop(self, length: float, t: float) -> None:
        """Stick deck A on repeat over the last ``length`` seconds; 0 lets it run on again
        from where it stuck (the laughter that loops, then the recording that resumes)."""
        tr = self.decks["a"].transport
        if length > 0:
            now = self.deck_time(self.decks["a"], t)
            tr.reanchor(t, now)
            tr.loop = (now, min(length, now)) if now > 0 else None
        elif tr.loop is not None:
            start = tr.loop[0]
            tr.loop = None
            tr.reanchor(t, start)

    def _cue_jump(self, event: CueJump, t: float) -> None:
        deck = self.decks["a"]
        if deck.show is None:
            return
        starts = sorted({c.start for c in deck.show.cues})
        now = self.deck_time(deck, t)
        target = None
        if event.index:
            if 1 <= event.index <= len(starts):
                target = starts[event.index - 1]
        elif event.step > 0:
            later = [s for s in starts if s > now + 1e-3]
            target = later[0] if later else None
        elif event.step < 0:
            earlier = [s for s in starts if s < now - 1.0]
            target = earlier[-1] if earlier else 0.0
        if target is not None:
            deck.transport.reanchor(t, target)

    # -- presets --------------------------------------------------------------------------
    def snapshot(self, t: float) -> dict[str, dict[str, Any]]:
        """Every parameter value of the scenes playing on deck A now (timeline and hand)."""
        out: dict[str, dict[str, Any]] = {}
        if self.decks["a"].show is None or self.view is None:
            return out
        for scene, param in self.view.in_play(self, t):
            value = self.view.value(self, "a", scene, param, t)
            if isinstance(value, Signal):       # following the sound, or gliding to or from it
                glide = self.decks["a"].params.get((scene, param))
                value = value if isinstance(value, Audio) or glide is None else glide.target
                value = follow_data(value) if isinstance(value, Audio) else value
            out.setdefault(scene, {})[param] = value
        return out

    def _recall(self, event: RecallPreset, t: float) -> None:
        recalled = with_preset_values(event, self.presets)
        if recalled is None:
            return          # no such preset: the live window said so before applying it
        values = recalled.values
        duration = event.morph
        if event.unit == "beats":
            duration = event.morph * 60.0 / (self.tempo.bpm or 120.0)
        deck = self.decks["a"]
        for scene, params in values.items():
            for param, target in params.items():
                key = (scene, param)
                target = hand_value(target)
                if key in deck.params:
                    start = deck.params[key].value(t)
                elif self.view is not None:
                    start = self.view.value(self, "a", scene, param, t)
                else:
                    start = target
                deck.params[key] = Smoothed(start, target, t, ramp=max(duration, 0.0))


def with_preset_values(event: RecallPreset, presets: Any) -> RecallPreset | None:
    """A recall with the values it recalls: as sent (a set file keeps them), or looked up by
    name in ``presets``; None when there is no preset of that name."""
    if event.values is not None:
        return event
    stored = presets.get(event.name) if presets is not None else None
    return None if stored is None else replace(event, values=stored)
