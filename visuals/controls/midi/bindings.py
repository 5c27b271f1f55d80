"""Bindings: one control of a controller (a knob, a fader, a pad, a wheel) and what it plays.

The vocabulary of a MIDI mapping (see docs/midi-mapping.md): the kinds of control, the actions a
pad or button fires, the curves a knob's travel goes through, and the two binding types the
file is read into (``mapping_file``) and messages are translated through (``translate``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from visuals.controls.events import (BeatSync, Control, CueJump, LoadClip, RecallPreset, SetParam, Tap,
                                     TouchAt, Transport, Trigger)
from visuals.errors import brief
from visuals.model.easing import get_easing
from visuals.model.follow import FOLLOW_KEYS

KINDS = ("cc", "note", "bend", "aftertouch")
CROSSFADER = "crossfader"
RELATIVE_MODES = ("twos", "signed", "offset")
CURVES = ("linear", "exp", "log")
NOTE_ACTIONS = ("touch", "cue", "trigger", "preset", "clip", "tap", "downbeat", "play_pause", "follow")
QUANTIZE = ("", "beat", "bar")
DECKS = ("a", "b")
CURVE_BASE = 16.0              # exp / log: the slope at one end is 16x the other's
DEFAULT_STEP = 1.0 / 128.0     # relative encoders: a full turn of the range in 128 detents
RELATIVE_HOLD = 0.5            # s: an encoder keeps its own running value while it turns

_COMMON = {"channel"}
_CONTINUOUS = {"param", "range", "curve", "smoothing", "deck"}
ALLOWED_KEYS: dict[str, set[str]] = {
    "cc": _COMMON | _CONTINUOUS | {"cc", "relative", "step", "bits"},
    "bend": _COMMON | _CONTINUOUS,
    "aftertouch": _COMMON | _CONTINUOUS | {"note"},
}
ACTION_KEYS: dict[str, set[str]] = {
    "touch": {"x", "y", "deck"},
    "cue": {"cue", "step"},
    "trigger": {"name", "quantize"},
    "preset": {"preset", "morph", "unit"},
    "clip": {"show", "deck", "quantize"},
    "tap": set(), "downbeat": set(), "play_pause": set(),
    "follow": {"param", "audio", "gain", "offset", "deck"},
}
TOP_KEYS = {"controller", "channel", *KINDS}


# -- curves ------------------------------------------------------------------------------------
def _exp_curve(u: float) -> float:
    return (CURVE_BASE ** u - 1.0) / (CURVE_BASE - 1.0)


def _log_curve(u: float) -> float:
    return math.log1p((CURVE_BASE - 1.0) * u) / math.log(CURVE_BASE)


def curve_function(name: str) -> Callable[[float], float]:
    """The shaping of a control's travel u in [0, 1]: 'linear', 'exp', 'log' or an easing."""
    if name == "linear":
        return lambda u: u
    if name == "exp":
        return _exp_curve
    if name == "log":
        return _log_curve
    return get_easing(name)


def relative_steps(value: int, mode: str) -> int:
    """The signed number of detents a relative encoder's 7-bit value stands for."""
    value &= 0x7F
    if mode == "twos":
        return value - 128 if value >= 64 else value
    if mode == "signed":
        return -(value & 0x3F) if value & 0x40 else value
    if mode == "offset":
        return value - 64
    raise ValueError(f"unknown relative mode {mode!r}")


def brief_value(value: Any) -> str:
    """A value quoted as the file writes it, cut short (see errors.brief)."""
    return brief(value if not isinstance(value, str) else repr(value))


# -- bindings ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ControlBinding:
    """A continuous control (CC, pitch bend, aftertouch) playing a parameter or the crossfader."""

    kind: str                          # 'cc' | 'bend' | 'aftertouch'
    channel: int                       # 1..16
    number: int | None                 # CC number; the note of poly aftertouch; None otherwise
    param: str                         # 'scene.param' or 'crossfader'
    range: tuple[float, float] | None = None
    curve: str = "linear"
    smoothing: float = 0.0
    relative: str = ""                 # '' (absolute) | 'twos' | 'signed' | 'offset'
    step: float | None = None
    bits: int = 7
    deck: str = "a"
    span: tuple[int, int] | None = field(default=None, compare=False)   # lines in the file
    learned: bool = field(default=False, compare=False)

    @property
    def scene_param(self) -> tuple[str, str] | None:
        if self.param == CROSSFADER:
            return None
        scene, _, param = self.param.partition(".")
        return scene, param

    def describe(self) -> str:
        if self.kind == "cc":
            what = f"CC {self.number}/{self.number + 32}" if self.bits == 14 else f"CC {self.number}"
        elif self.kind == "bend":
            what = "pitch bend"
        else:
            what = "aftertouch" if self.number is None else f"aftertouch note {self.number}"
        return f"{what} ch {self.channel} -> {self.param}"


@dataclass(frozen=True)
class ActionBinding:
    """A pad or key (note on), or a button sending a CC, firing an action."""

    kind: str                          # 'note' | 'cc'
    channel: int
    number: int                        # the note, or the CC of a button
    action: str
    options: tuple[tuple[str, Any], ...] = ()
    span: tuple[int, int] | None = field(default=None, compare=False)
    learned: bool = field(default=False, compare=False)

    def option(self, key: str, default: Any = None) -> Any:
        return dict(self.options).get(key, default)

    def describe(self) -> str:
        return f"{'note' if self.kind == 'note' else 'CC'} {self.number} ch {self.channel} -> {self.action}"

    def event(self, velocity: int) -> Control:
        strength = max(0.0, min(1.0, velocity / 127.0))
        o = dict(self.options)
        a = self.action
        if a == "touch":
            return TouchAt(x=float(o.get("x", 0.5)), y=float(o.get("y", 0.5)), strength=strength,
                           deck=o.get("deck", "a"), source="midi")
        if a == "cue":
            return CueJump(index=int(o.get("cue", 0)), step=int(o.get("step", 0)), source="midi")
        if a == "trigger":
            return Trigger(name=o["name"], value=strength, quantize=o.get("quantize", ""), source="midi")
        if a == "preset":
            return RecallPreset(name=o["preset"], morph=float(o.get("morph", 0.0)), unit=o.get("unit", "s"),
                                source="midi")
        if a == "clip":
            return LoadClip(deck=o.get("deck", "b"), show=o["show"], quantize=o.get("quantize", ""),
                            source="midi")
        if a == "tap":
            return Tap(source="midi")
        if a == "downbeat":
            return BeatSync(beat=0.0, source="midi")
        if a == "follow":       # the translator toggles it: a second press lets go (value None)
            scene, _, param = o["param"].partition(".")
            follow = {key: o[key] for key in FOLLOW_KEYS if key in o}
            return SetParam(scene=scene, param=param, value=follow, deck=o.get("deck", "a"), source="midi")
        return Transport(op="toggle", source="midi")


Binding = ControlBinding | ActionBinding
