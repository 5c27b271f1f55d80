"""Control events: what a VJ does, as plain data.

Keys, MIDI and OSC all become these events; they are queued (``ControlBus``), applied once
per frame by the live loop, and recorded with the performance time at which they were
applied.  Because applying an event is a pure function of (state, event, time), replaying a
recorded set offline reproduces the performance exactly at any frame rate and size.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar

from visuals.errors import VisualsError


@dataclass(frozen=True)
class Control:
    kind: ClassVar[str] = "control"
    source: str = field(default="", compare=False)     # 'key', 'midi', 'osc', 'mouse', 'preset'

    def to_json(self) -> dict[str, Any]:
        data = {"kind": self.kind}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data


@dataclass(frozen=True)
class Transport(Control):
    """Play, pause, seek and speed of the show clock."""

    kind: ClassVar[str] = "transport"
    op: str = "toggle"          # play | pause | toggle | seek | nudge | speed | speed_by
    value: float = 0.0


@dataclass(frozen=True)
class CueJump(Control):
    """Jump to cue ``index`` (1-based), or ``step`` cues forward/back from the current one."""

    kind: ClassVar[str] = "cue"
    index: int = 0
    step: int = 0


@dataclass(frozen=True)
class SetParam(Control):
    """A parameter played by hand: ``scene.param`` on a deck, smoothed over ``smoothing`` s."""

    kind: ClassVar[str] = "param"
    scene: str = ""
    param: str = ""
    value: Any = 0.0
    smoothing: float = 0.0
    deck: str = "a"


@dataclass(frozen=True)
class TouchAt(Control):
    """A touch (mouse click, pad, MIDI note) at x, y in 0..1 of the frame."""

    kind: ClassVar[str] = "touch"
    x: float = 0.5
    y: float = 0.5
    strength: float = 1.0
    deck: str = "a"


@dataclass(frozen=True)
class SetTempo(Control):
    kind: ClassVar[str] = "tempo"
    bpm: float = 120.0


@dataclass(frozen=True)
class Tap(Control):
    """One tap of tap tempo."""

    kind: ClassVar[str] = "tap"


@dataclass(frozen=True)
class BeatSync(Control):
    """Align the beat: the next beat starts now (MIDI clock start, a downbeat button)."""

    kind: ClassVar[str] = "beat_sync"
    beat: float = 0.0


@dataclass(frozen=True)
class Crossfade(Control):
    kind: ClassVar[str] = "crossfade"
    value: float = 0.0
    smoothing: float = 0.0


@dataclass(frozen=True)
class DeckMode(Control):
    """How the crossfader mixes the decks: a transition shader or a blend mode."""

    kind: ClassVar[str] = "deck_mode"
    transition: str = "crossfade"
    blend: str = ""


@dataclass(frozen=True)
class LoadClip(Control):
    """Launch a show or scene on a deck, at once or on the next beat or bar."""

    kind: ClassVar[str] = "clip"
    deck: str = "b"
    show: str = ""
    quantize: str = ""          # '' | 'beat' | 'bar'


@dataclass(frozen=True)
class RecallPreset(Control):
    """Recall a preset, morphing over ``morph`` seconds or beats.  ``values`` carries the
    preset's content once resolved, so a recorded set replays without the presets file."""

    kind: ClassVar[str] = "preset"
    name: str = ""
    morph: float = 0.0
    unit: str = "s"             # 's' | 'beats'
    quantize: str = ""
    values: Any = None


@dataclass(frozen=True)
class SavePreset(Control):
    kind: ClassVar[str] = "save_preset"
    name: str = ""


@dataclass(frozen=True)
class Trigger(Control):
    """A momentary named action with a value (a glitch burst); scenes and post read it."""

    kind: ClassVar[str] = "trigger"
    name: str = ""
    value: float = 1.0
    quantize: str = ""


@dataclass(frozen=True)
class Interface(Control):
    """Things that only change the window (HUD, fullscreen, screenshot, quit): not replayed."""

    kind: ClassVar[str] = "ui"
    action: str = ""


EVENT_TYPES: dict[str, type[Control]] = {cls.kind: cls for cls in (
    Transport, CueJump, SetParam, TouchAt, SetTempo, Tap, BeatSync, Crossfade, DeckMode, LoadClip,
    RecallPreset, SavePreset, Trigger, Interface)}


def control_from_json(data: dict[str, Any]) -> Control:
    kind = data.get("kind")
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        raise VisualsError(f"unknown control event kind {kind!r}", fix=f"use one of {', '.join(EVENT_TYPES)}")
    names = {f.name for f in dataclasses.fields(cls)}
    args = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in names}
    try:
        return cls(**args)
    except TypeError as err:
        raise VisualsError(f"malformed {kind} event: {err}", fix="check the event's fields") from None


class ControlBus:
    """A thread-safe queue: MIDI and OSC threads post, the render loop drains once per frame.

    Each event is stamped with its arrival (``time.perf_counter``) so the loop can measure
    the latency from arrival to the frame that shows it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[tuple[Control, float]] = []

    def post(self, event: Control, arrived: float | None = None) -> None:
        """Queue an event; ``arrived`` (perf_counter seconds) when the input knows it better,
        e.g. the kernel's receive time of a UDP datagram."""
        arrived = time.perf_counter() if arrived is None else arrived
        with self._lock:
            self._items.append((event, arrived))

    def drain(self) -> list[tuple[Control, float]]:
        """The events posted since the last drain, oldest first, with their arrival times."""
        with self._lock:
            items, self._items = self._items, []
        return items
