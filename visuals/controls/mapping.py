"""MIDI mappings: which knob, fader, pad or wheel of a controller plays what.

A mapping is a TOML file with one table per control.  Numbers are the ones printed in
controller manuals: channels 1 to 16, CC and note numbers 0 to 127.  Parameters are named
``scene.param`` exactly as ``visuals list`` prints them.  A whole file::

    controller = "my 8-knob box"    # optional: the controller the mapping is written for
    channel = 1                     # the channel of every binding that does not name one

    [[cc]]                          # a knob or a fader
    cc = 7
    param = "tide.speed"
    range = [0.2, 3.0]              # optional; the parameter's own range when left out;
                                    # [3.0, 0.2] turns the knob the other way
    curve = "exp"                   # linear (default); exp: fine control at the low end;
                                    # log: fine control at the top; or any easing name
                                    # ("in_out_cubic", "ease-in", "cubic-bezier(...)")
    smoothing = 0.05                # seconds the value glides toward the knob (0 jumps)

    [[cc]]                          # an endless encoder: each message is a step up or down
    cc = 16
    param = "sky.rotation"
    relative = "twos"               # how the controller writes steps (see below)
    step = 0.01                     # fraction of the range per detent (default 1/128)

    [[cc]]                          # a 14-bit fader: MSB on cc (0-31), LSB on cc + 32
    cc = 1
    bits = 14
    param = "sky.zoom"

    [[cc]]
    cc = 14
    param = "crossfader"            # the crossfader between deck A and deck B

    [[note]]                        # a pad or key: acts on note-on; velocity sets strength
    note = 36
    action = "touch"                # a touch (ripples in the towers) at x, y (0..1)
    x = 0.5
    y = 0.3

    [[note]]
    note = 37
    action = "cue"
    cue = 2                         # jump to cue 2; or step = 1 / step = -1

    [[cc]]                          # a button that sends a CC (127 pressed, 0 released)
    cc = 41
    action = "play_pause"           # any action below; fires when the button goes down

    [[bend]]                        # the pitch-bend wheel (whole range: bottom to top)
    param = "sky.hue_turn"
    smoothing = 0.1

    [[aftertouch]]                  # channel pressure; add note = 60 for that key's
    param = "tide.pulse"            # polyphonic aftertouch

Actions (of ``[[note]]`` pads and keys, and of ``[[cc]]`` buttons) and their keys:

=============  =========================================================================
``touch``      ``x``, ``y`` (0..1, default 0.5); strength = velocity / 127; ``deck``
               (the towers ripple where they are touched)
``cue``        ``cue = N`` (1-based) or ``step = 1`` / ``step = -1``
``trigger``    ``name`` (a momentary action scenes and post effects read, e.g. "glitch");
               value = velocity / 127; ``quantize = "beat"`` or ``"bar"`` waits for it
``preset``     ``preset`` (its name); ``morph`` (0); ``unit`` ("s" or "beats")
``clip``       ``show`` (a show or scene) launched on ``deck`` ("b" by default);
               ``quantize = "beat"`` or ``"bar"`` to start on the next beat or bar
``tap``        one tap of tap tempo
``downbeat``   the next beat starts now
``play_pause`` pause / play the show
=============  =========================================================================

Relative (endless) encoders send how far they turned, in one of three encodings; set the
one your controller's manual names:

* ``"twos"`` -- two's complement: 1..63 up, 127 (-1) down to 64 (-64);
* ``"signed"`` -- sign and magnitude: 1..63 up, 65 (-1) to 127 (-63) down;
* ``"offset"`` -- offset 64 (binary offset): 65 is +1, 63 is -1.

The steps are added to the value the parameter shows (``step`` times the range per unit),
so an encoder picks up where the timeline or another control left it.  ``curve`` has no
meaning for an encoder.  14-bit pairs follow the MIDI rule: the MSB (cc) resets the LSB
(cc + 32) to zero, and a value is sent for each.

Any control binding may name ``channel`` (1-16) and ``deck`` ("a" by default).  The same
control may be bound several times (one knob, two parameters).  The compact TOML form
``cc = [{cc = 1, param = "tide.speed"}, ...]`` means the same as the ``[[cc]]`` tables.

Errors (a typo, a CC of 128, a parameter no scene has) name the file and line.  Parameters
and clips are checked against the scenes when a live show starts (``validate``).  MIDI learn
adds bindings with :meth:`MidiMapping.learn` and :meth:`MidiMapping.save` writes them: the
file keeps its comments, a replaced binding is commented out, new ones are appended.
"""
from __future__ import annotations

import json
import math
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from visuals.model.easing import get_easing
from visuals.errors import VisualsError, brief, suggest
from visuals.load.names import NAME_FIX, is_plain_name
from visuals.load.paths import display_path
from .events import (BeatSync, Control, Crossfade, CueJump, LoadClip, RecallPreset, SetParam, Tap, TouchAt,
                     Transport, Trigger)
from visuals.load.tomlfile import line_of, load_toml, parse_toml

KINDS = ("cc", "note", "bend", "aftertouch")
CROSSFADER = "crossfader"
RELATIVE_MODES = ("twos", "signed", "offset")
CURVES = ("linear", "exp", "log")
NOTE_ACTIONS = ("touch", "cue", "trigger", "preset", "clip", "tap", "downbeat", "play_pause")
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


def _brief(value: Any) -> str:
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
        return Transport(op="toggle", source="midi")


Binding = ControlBinding | ActionBinding


# -- finding lines in the file -----------------------------------------------------------------
class _Locator:
    """Lines of bindings in the text, for errors and for commenting out replaced bindings."""

    _HEADER = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]")

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines()
        self.headers: list[tuple[str, bool, int]] = []
        # kind -> [(index in headers, line)] of its [[kind]] tables: built once, so finding the
        # lines of every binding of a large file stays linear.
        self._arrays: dict[str, list[tuple[int, int]]] = {}
        for number, line in enumerate(self.lines, start=1):
            m = self._HEADER.match(line)
            if m:
                name, array = m.group(2).strip('"'), bool(m.group(1))
                if array:
                    self._arrays.setdefault(name, []).append((len(self.headers), number))
                self.headers.append((name, array, number))

    def span(self, kind: str, index: int) -> tuple[int, int] | None:
        heads = self._arrays.get(kind, [])
        if index >= len(heads):
            return None
        i, start = heads[index]
        end = self.headers[i + 1][2] - 1 if i + 1 < len(self.headers) else len(self.lines)
        while end > start and (not self.lines[end - 1].strip() or self.lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return start, end

    def inline_line(self, kind: str, index: int) -> int | None:
        """The line of the index-th inline table of ``kind = [{...}, {...}]``."""
        start = None
        for number, line in enumerate(self.lines, start=1):
            if re.match(rf"^\s*{re.escape(kind)}\s*=\s*\[", line):
                start = number
                break
        if start is None:
            return None
        seen = -1
        for number in range(start, len(self.lines) + 1):
            code = self.lines[number - 1].split("#", 1)[0]
            for _ in range(code.count("{")):
                seen += 1
                if seen == index:
                    return number
        return start

    def line(self, kind: str, index: int, key: str | None = None, value: Any = None) -> int | None:
        span = self.span(kind, index)
        if span is not None:
            if key is not None:
                pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")  # "key = ..." or a dotted "key.sub = ..."
                for number in range(span[0], span[1] + 1):
                    if pattern.match(self.lines[number - 1]):
                        return number
            return span[0]
        inline = self.inline_line(kind, index)
        if inline is not None:
            return inline
        if isinstance(value, str) and value:
            found = line_of(self.text, value)
            if found:
                return found
        return line_of(self.text, key or kind)


# -- reading -----------------------------------------------------------------------------------
class _Reader:
    def __init__(self, text: str, shown: str | None):
        self.loc = _Locator(text)
        self.shown = shown
        self.text = text

    def error(self, message: str, line: int | None, fix: str) -> VisualsError:
        return VisualsError(message, file=self.shown, line=line, fix=fix)

    def integer(self, entry: dict, key: str, lo: int, hi: int, kind: str, index: int, what: str) -> int:
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise self.error(f"{what} {_brief(value)} is not a number from {lo} to {hi}",
                             self.loc.line(kind, index, key), f"write {key} = a whole number from {lo} to {hi}")
        return value

    def number(self, entry: dict, key: str, kind: str, index: int, lo: float | None = None,
               hi: float | None = None) -> float:
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
                or (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = (f" from {lo:g}" if lo is not None else "") + (f" to {hi:g}" if hi is not None else "")
            raise self.error(f"'{key}' must be a number{bounds}, not {_brief(value)}", self.loc.line(kind, index, key),
                             f"write {key} = a number{bounds}")
        return float(value)

    def choice(self, entry: dict, key: str, options, kind: str, index: int) -> str:
        value = entry[key]
        if not isinstance(value, str) or value not in options:
            shown = ", ".join(f'"{o}"' for o in options if o)
            raise self.error(f"unknown {key} {_brief(value)}", self.loc.line(kind, index, key, value),
                             (suggest(value, options) + "; " if isinstance(value, str) else "") + f"use one of {shown}")
        return value

    def string(self, entry: dict, key: str, kind: str, index: int) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"'{key}' must be a non-empty string, not {_brief(value)}", self.loc.line(kind, index, key),
                             f'write {key} = "..."')
        return value.strip()

    def check_keys(self, entry: dict, allowed: set[str], kind: str, index: int, what: str) -> None:
        for key in entry:
            if key not in allowed:
                raise self.error(f"unknown key '{brief(key)}' in {what}", self.loc.line(kind, index, key),
                                 suggest(key, allowed))

    def channel(self, entry: dict, default: int, kind: str, index: int) -> int:
        if "channel" not in entry:
            return default
        return self.integer(entry, "channel", 1, 16, kind, index, "MIDI channel")

    def control(self, kind: str, index: int, entry: dict, default_channel: int) -> Binding:
        if kind == "cc" and "action" in entry:
            if "param" in entry:
                raise self.error("a [[cc]] binding has either a param or an action, not both",
                                 self.loc.line(kind, index, "action"),
                                 "knobs and faders play a param; buttons fire an action")
            return self.action(kind, index, entry, default_channel)
        what = {"cc": "a [[cc]] binding", "bend": "a [[bend]] binding", "aftertouch": "an [[aftertouch]] binding"}[kind]
        self.check_keys(entry, ALLOWED_KEYS[kind], kind, index, what)
        channel = self.channel(entry, default_channel, kind, index)
        number = None
        bits = 7
        if kind == "cc":
            if "cc" not in entry:
                raise self.error("a [[cc]] binding needs its CC number", self.loc.line(kind, index),
                                 "add cc = 0..127 (the number the controller sends)")
            if "bits" in entry:
                bits = entry["bits"]
                if bits not in (7, 14) or isinstance(bits, bool):
                    raise self.error(f"bits must be 7 or 14, not {_brief(bits)}", self.loc.line(kind, index, "bits"),
                                     "write bits = 14 for an MSB/LSB pair, or leave it out")
            hi = 31 if bits == 14 else 127
            number = self.integer(entry, "cc", 0, hi, kind, index,
                                  "14-bit CC (the MSB; the LSB is cc + 32)" if bits == 14 else "CC number")
        elif kind == "aftertouch" and "note" in entry:
            number = self.integer(entry, "note", 0, 127, kind, index, "note")
        if "param" not in entry:
            raise self.error(f"{what} needs a param", self.loc.line(kind, index),
                             'add param = "scene.param" (as \'visuals list\' shows) or "crossfader"')
        param = self.string(entry, "param", kind, index)
        if param != CROSSFADER:
            scene, dot, name = param.partition(".")
            if not dot or not scene or not name.isidentifier():
                raise self.error(f"param '{param}' is not 'scene.param'", self.loc.line(kind, index, "param", param),
                                 'write the scene and the parameter, e.g. param = "tide.speed", or "crossfader"')
        rng = None
        if "range" in entry:
            value = entry["range"]
            if not isinstance(value, list) or len(value) != 2 or not all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value):
                raise self.error(f"range must be two finite numbers, not {_brief(value)}", self.loc.line(kind, index, "range"),
                                 "write range = [lo, hi] (or [hi, lo] to reverse the control)")
            rng = (float(value[0]), float(value[1]))
        curve = "linear"
        if "curve" in entry:
            curve = self.string(entry, "curve", kind, index)
            if curve not in CURVES:
                try:
                    get_easing(curve)
                except VisualsError as err:
                    raise self.error(f"unknown curve '{curve}'", self.loc.line(kind, index, "curve", curve),
                                     "use linear, exp, log or an easing name such as in_out_cubic"
                                     + (f" ({err.fix})" if err.fix and "did you mean" in err.fix else "")) from None
        smoothing = self.number(entry, "smoothing", kind, index, 0.0, 60.0) if "smoothing" in entry else 0.0
        relative = ""
        step = None
        if "relative" in entry:
            relative = self.choice(entry, "relative", RELATIVE_MODES, kind, index)
            if bits == 14:
                raise self.error("a relative encoder cannot be a 14-bit pair", self.loc.line(kind, index, "bits"),
                                 "remove bits = 14 or relative")
            if "curve" in entry:
                raise self.error("curve has no meaning for a relative encoder", self.loc.line(kind, index, "curve"),
                                 "remove curve; step sets how far each detent moves")
        if "step" in entry:
            if not relative:
                raise self.error("step is only for relative encoders", self.loc.line(kind, index, "step"),
                                 'add relative = "twos" (or "signed", "offset"), or remove step')
            step = self.number(entry, "step", kind, index, 0.0, 1.0)
            if step <= 0:
                raise self.error("step must be above 0", self.loc.line(kind, index, "step"),
                                 "write step = 0.01 (a hundredth of the range per detent)")
        deck = self.choice(entry, "deck", DECKS, kind, index) if "deck" in entry else "a"
        if param == CROSSFADER and "deck" in entry:
            raise self.error("the crossfader belongs to no deck", self.loc.line(kind, index, "deck"), "remove deck")
        return ControlBinding(kind, channel, number, param, rng, curve, smoothing, relative, step, bits, deck,
                              span=self.loc.span(kind, index))

    def action(self, kind: str, index: int, entry: dict, default_channel: int) -> ActionBinding:
        """A [[note]] binding, or a [[cc]] button with an action."""
        channel = self.channel(entry, default_channel, kind, index)
        if kind not in entry:
            raise self.error(f"a [[{kind}]] binding needs its {kind} number", self.loc.line(kind, index),
                             f"add {kind} = 0..127" + (" (36 is C1, the usual first pad)" if kind == "note" else ""))
        number = self.integer(entry, kind, 0, 127, kind, index, "note" if kind == "note" else "CC number")
        if "action" not in entry:
            raise self.error(f"a [[{kind}]] binding needs an action", self.loc.line(kind, index),
                             "add action = one of " + ", ".join(NOTE_ACTIONS))
        action = self.choice(entry, "action", NOTE_ACTIONS, kind, index)
        self.check_keys(entry, {"channel", kind, "action"} | ACTION_KEYS[action], kind, index,
                        f"a '{action}' {kind} binding")
        options: dict[str, Any] = {}
        if action == "touch":
            for key in ("x", "y"):
                if key in entry:
                    options[key] = self.number(entry, key, kind, index, 0.0, 1.0)
        elif action == "cue":
            if ("cue" in entry) == ("step" in entry):
                raise self.error("a cue binding needs cue = N or step = 1 / -1 (one of them)", self.loc.line(kind, index),
                                 "write cue = 2 to jump to cue 2, or step = 1 for the next cue")
            if "cue" in entry:
                options["cue"] = self.integer(entry, "cue", 1, 999, kind, index, "cue")
            else:
                options["step"] = self.integer(entry, "step", -1, 1, kind, index, "step")
                if options["step"] == 0:
                    raise self.error("step must be 1 or -1", self.loc.line(kind, index, "step"),
                                     "write step = 1 (next cue) or step = -1 (previous)")
        elif action == "trigger":
            if "name" not in entry:
                raise self.error("a trigger binding needs a name", self.loc.line(kind, index), 'add name = "glitch"')
            options["name"] = self.string(entry, "name", kind, index)
        elif action == "preset":
            if "preset" not in entry:
                raise self.error("a preset binding needs the preset's name", self.loc.line(kind, index),
                                 'add preset = "name"')
            options["preset"] = self.string(entry, "preset", kind, index)
            if "morph" in entry:
                options["morph"] = self.number(entry, "morph", kind, index, 0.0, 600.0)
            if "unit" in entry:
                options["unit"] = self.choice(entry, "unit", ("s", "beats"), kind, index)
        elif action == "clip":
            if "show" not in entry:
                raise self.error("a clip binding needs the show (or scene) it launches", self.loc.line(kind, index),
                                 'add show = "sky"')
            options["show"] = self.string(entry, "show", kind, index)
            if not is_plain_name(options["show"]):
                raise self.error(f"clip show {_brief(options['show'])} is not the name of a show or scene",
                                 self.loc.line(kind, index, "show"), NAME_FIX)
        if "quantize" in entry:
            options["quantize"] = self.choice(entry, "quantize", QUANTIZE, kind, index)
        if "deck" in entry:
            options["deck"] = self.choice(entry, "deck", DECKS, kind, index)
        return ActionBinding(kind, channel, number, action, tuple(options.items()), span=self.loc.span(kind, index))


# -- the mapping -------------------------------------------------------------------------------
class MidiMapping:
    """Bindings read from (and saved to) a TOML file; see the module docstring for the format."""

    def __init__(self, bindings: list[Binding] | None = None, *, channel: int = 1, controller: str = "",
                 path: Path | None = None, text: str | None = None):
        self.bindings: list[Binding] = list(bindings or [])
        self.channel = channel
        self.controller = controller
        self.path = Path(path) if path is not None else None
        self.text = text                       # the file as read (kept so a save keeps its comments)
        self.removed: list[Binding] = []       # bindings replaced since the file was read
        self.specs: dict[str, Any] = {}         # 'scene.param' -> Param, once validated
        self.registry = None
        self.lock = threading.RLock()          # MIDI threads read while learn writes
        self.version = 0                       # counts learned changes (a save swaps only its own)
        self._index: dict[tuple, list[tuple[Binding, str]]] | None = None

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path, registry=None) -> "MidiMapping":
        """Read a mapping file; with a registry, also check parameters and clips against it."""
        data, text = load_toml(path, "MIDI mapping")
        return cls._from_data(data, text, Path(path), registry)

    @classmethod
    def loads(cls, text: str, path: str | Path | None = None, registry=None) -> "MidiMapping":
        shown = display_path(path) if path is not None else "<mapping>"
        data = parse_toml(text, shown, "MIDI mapping")
        return cls._from_data(data, text, Path(path) if path is not None else None, registry)

    @classmethod
    def _from_data(cls, data: dict, text: str, path: Path | None, registry) -> "MidiMapping":
        shown = display_path(path) if path is not None else "<mapping>"
        reader = _Reader(text, shown)
        for key, value in data.items():
            if key not in TOP_KEYS:
                line = line_of(text, key)
                if isinstance(value, dict):
                    fix = suggest(key, KINDS)
                    if key in ("cc", "note", "bend", "aftertouch"):
                        fix = f"write [[{key}]] (two brackets: one table per control)"
                    raise VisualsError(f"unknown table [{brief(key)}] in MIDI mapping", file=shown, line=line,
                                       fix=f"{fix}; bindings are [[cc]], [[note]], [[bend]], [[aftertouch]]")
                raise VisualsError(f"unknown key '{brief(key)}' in MIDI mapping", file=shown, line=line,
                                   fix=suggest(key, TOP_KEYS))
        channel = 1
        if "channel" in data:
            channel = data["channel"]
            if isinstance(channel, bool) or not isinstance(channel, int) or not 1 <= channel <= 16:
                raise VisualsError(f"MIDI channel {_brief(channel)} is not a number from 1 to 16", file=shown,
                                   line=line_of(text, "channel"), fix="write channel = 1 (channels are 1 to 16)")
        controller = data.get("controller", "")
        if not isinstance(controller, str):
            raise VisualsError("controller must be a string", file=shown, line=line_of(text, "controller"),
                               fix='write controller = "Korg nanoKONTROL2"')
        bindings: list[Binding] = []
        for kind in KINDS:
            entries = data.get(kind, [])
            if isinstance(entries, dict) or not isinstance(entries, list) \
                    or not all(isinstance(e, dict) for e in entries):
                raise VisualsError(f"'{kind}' must be a list of tables", file=shown, line=line_of(text, kind),
                                   fix=f"write one [[{kind}]] table per control (two brackets)")
            for index, entry in enumerate(entries):
                if kind == "note":
                    bindings.append(reader.action(kind, index, entry, channel))
                else:
                    bindings.append(reader.control(kind, index, entry, channel))
        mapping = cls(bindings, channel=channel, controller=controller, path=path, text=text)
        mapping._check_conflicts()
        if registry is not None:
            mapping.validate(registry)
        return mapping

    def _check_conflicts(self) -> None:
        """A 7-bit CC bound on the LSB of a 14-bit pair would get the pair's fine steps."""
        lsbs = {(b.channel, b.number + 32): b for b in self.bindings
                if isinstance(b, ControlBinding) and b.kind == "cc" and b.bits == 14}
        for b in self.bindings:
            if b.kind == "cc" and (b.channel, b.number) in lsbs:
                pair = lsbs[(b.channel, b.number)]
                raise VisualsError(f"CC {b.number} on channel {b.channel} is the LSB of the 14-bit binding of "
                                   f"CC {pair.number}", file=self._shown(), line=b.span[0] if b.span else None,
                                   fix=f"bind another CC, or remove bits = 14 from CC {pair.number}")

    def _shown(self) -> str:
        return display_path(self.path) if self.path is not None else "<mapping>"

    def _line(self, binding: Binding, key: str | None = None, value: Any = None) -> int | None:
        if self.text is None:
            return None
        loc = _Locator(self.text)
        if binding.span is not None:
            if key is not None:
                pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
                for number in range(binding.span[0], binding.span[1] + 1):
                    if pattern.match(loc.lines[number - 1]):
                        return number
            return binding.span[0]
        same = [b for b in self.bindings if b.kind == binding.kind]
        return loc.line(binding.kind, same.index(binding) if binding in same else 0, key, value)

    def validate(self, registry) -> None:
        """Check every parameter and clip against the scenes and shows (errors name the line)."""
        self.registry = registry
        for binding in self.bindings:
            self._resolve(binding)

    def _resolve(self, binding: Binding) -> None:
        registry = self.registry
        if registry is None:
            return
        if isinstance(binding, ControlBinding):
            target = binding.scene_param
            if target is None or binding.param in self.specs:
                return
            scene_name, param_name = target
            try:
                scene = registry.scene(scene_name)
                spec = scene.params.get(param_name)
            except VisualsError as err:
                raise VisualsError(f"{err.message} (in {binding.describe()})", file=self._shown(),
                                   line=self._line(binding, "param", binding.param), fix=err.fix) from None
            if spec.dims != 1:
                raise VisualsError(f"parameter '{binding.param}' is a {spec.kind}; a MIDI control plays one number",
                                   file=self._shown(), line=self._line(binding, "param", binding.param),
                                   fix="bind a number parameter (float, int or bool)")
            self.specs[binding.param] = spec
        elif binding.action == "clip":
            try:
                registry.show_named(binding.option("show"))
            except VisualsError as err:
                raise VisualsError(f"{err.message} (in {binding.describe()})", file=self._shown(),
                                   line=self._line(binding, "show", binding.option("show")), fix=err.fix) from None

    # -- lookups ---------------------------------------------------------------------------
    def _build_index(self) -> dict[tuple, list[tuple[Binding, str]]]:
        index: dict[tuple, list[tuple[Binding, str]]] = {}
        for b in self.bindings:
            if isinstance(b, ActionBinding):
                index.setdefault((b.kind, b.channel, b.number), []).append((b, "note" if b.kind == "note" else "button"))
            elif b.kind == "cc":
                if b.bits == 14:
                    index.setdefault(("cc", b.channel, b.number), []).append((b, "msb"))
                    index.setdefault(("cc", b.channel, b.number + 32), []).append((b, "lsb"))
                else:
                    index.setdefault(("cc", b.channel, b.number), []).append((b, "cc"))
            elif b.kind == "bend":
                index.setdefault(("bend", b.channel, None), []).append((b, "bend"))
            else:
                index.setdefault(("aftertouch", b.channel, b.number), []).append((b, "aftertouch"))
        return index

    def lookup(self, kind: str, channel: int, number: int | None) -> list[tuple[Binding, str]]:
        """The bindings of one control, with the role of the message ('msb', 'lsb', 'cc', ...)."""
        with self.lock:
            if self._index is None:
                self._index = self._build_index()
            return self._index.get((kind, channel, number), [])

    def range_of(self, binding: ControlBinding) -> tuple[float, float]:
        if binding.range is not None:
            return binding.range
        if binding.param == CROSSFADER:
            return 0.0, 1.0
        spec = self.specs.get(binding.param)
        if spec is not None and spec.lo is not None and spec.hi is not None:
            return float(spec.lo), float(spec.hi)
        return 0.0, 1.0

    def finish(self, binding: ControlBinding, value: float) -> float:
        """Clamp to the parameter's range (a knob range may overshoot it) and round ints and bools."""
        spec = self.specs.get(binding.param)
        if spec is not None:
            return float(spec.clamp(spec.coerce(value)))
        if binding.param == CROSSFADER:
            return min(max(value, 0.0), 1.0)
        return value

    def value_at(self, binding: ControlBinding, u: float) -> float:
        """The value of an absolute control at travel u in [0, 1], through its range and curve."""
        lo, hi = self.range_of(binding)
        shaped = curve_function(binding.curve)(min(max(u, 0.0), 1.0))
        return self.finish(binding, lo + (hi - lo) * shaped)

    # -- MIDI learn ------------------------------------------------------------------------
    def learn(self, kind: str, channel: int, number: int | None, scene: str, param: str,
              bits: int = 7) -> ControlBinding:
        """Bind a control to ``scene.param``: the control leaves its old target, and the
        parameter its old control (one knob, one parameter, as in most VJ and DAW software)."""
        target = f"{scene}.{param}"
        new = ControlBinding(kind, channel, number, target, bits=bits, learned=True)
        with self.lock:
            keep = []
            for b in self.bindings:
                pair = isinstance(b, ControlBinding) and kind == "cc" and number is not None and (
                    (b.bits == 14 and b.number + 32 == number) or (bits == 14 and b.number == number + 32))
                same_control = b.kind == kind and b.channel == channel and (b.number == number or pair)
                same_target = isinstance(b, ControlBinding) and b.param == target
                if same_control or same_target:
                    self.removed.append(b)
                else:
                    keep.append(b)
            self.bindings = keep + [new]
            self._index = None
            self.version += 1
        if self.registry is not None:
            self._resolve(new)
        return new

    # -- writing ---------------------------------------------------------------------------
    @staticmethod
    def binding_toml(binding: Binding) -> str:
        def fmt(v: Any) -> str:
            if isinstance(v, bool):
                return "true" if v else "false"
            if isinstance(v, int):
                return str(v)
            if isinstance(v, float):
                return repr(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
            if isinstance(v, (tuple, list)):
                return "[" + ", ".join(fmt(x) for x in v) + "]"
            return json.dumps(v, ensure_ascii=False)
        lines = [f"[[{binding.kind}]]", f"channel = {binding.channel}"]
        if isinstance(binding, ActionBinding):
            lines += [f"{binding.kind} = {binding.number}", f"action = {fmt(binding.action)}"]
            lines += [f"{k} = {fmt(v)}" for k, v in binding.options]
            return "\n".join(lines)
        if binding.kind == "cc":
            lines.append(f"cc = {binding.number}")
        elif binding.kind == "aftertouch" and binding.number is not None:
            lines.append(f"note = {binding.number}")
        lines.append(f"param = {fmt(binding.param)}")
        if binding.bits == 14:
            lines.append("bits = 14")
        if binding.range is not None:
            lines.append(f"range = {fmt(binding.range)}")
        if binding.curve != "linear":
            lines.append(f"curve = {fmt(binding.curve)}")
        if binding.smoothing:
            lines.append(f"smoothing = {fmt(binding.smoothing)}")
        if binding.relative:
            lines.append(f"relative = {fmt(binding.relative)}")
        if binding.step is not None:
            lines.append(f"step = {fmt(binding.step)}")
        if binding.deck != "a":
            lines.append(f"deck = {fmt(binding.deck)}")
        return "\n".join(lines)

    HEADER = ("# visuals MIDI mapping: one table per control ([[cc]], [[note]], [[bend]], [[aftertouch]]).\n"
              "# Channels are 1-16; param is scene.param as 'visuals live' and 'visuals list' show it.\n"
              "# Optional keys of a [[cc]]: range = [lo, hi], curve = \"exp\", smoothing = 0.05 (s),\n"
              "# relative = \"twos\" | \"signed\" | \"offset\" with step = 0.01, bits = 14.\n")

    def to_text(self) -> str:
        """The file to save: the text as read with replaced bindings commented out and new ones
        appended (comments and layout kept), or a fresh file when there is nothing to keep."""
        return self._to_text()[0]

    def _to_text(self) -> tuple[str, int]:
        with self.lock:
            added = [b for b in self.bindings if b.learned]
            removed = list(self.removed)
            bindings = list(self.bindings)
            text = self.text
            version = self.version
        if text is not None and all(b.span is not None for b in removed):
            lines = text.splitlines()
            for b in sorted(removed, key=lambda b: b.span[0], reverse=True):
                start, end = b.span
                block = ["# replaced by MIDI learn:"] + [("# " + ln) if ln.strip() else "#" for ln in lines[start - 1:end]]
                lines[start - 1:end] = block
            out = "\n".join(lines).rstrip("\n") + "\n"
        else:
            header = [f"controller = {json.dumps(self.controller)}" if self.controller else "",
                      f"channel = {self.channel}" if self.channel != 1 else ""]
            out = self.HEADER + "".join(h + "\n" for h in header if h)
            added = bindings
        stamp = time.strftime("%Y-%m-%d %H:%M")
        for b in added:
            comment = f"# learned {stamp}: {b.describe()}" if b.learned else f"# {b.describe()}"
            out += f"\n{comment}\n{self.binding_toml(b)}\n"
        return out, version

    def save(self, path: str | Path | None = None) -> Path:
        """Write the mapping (for MIDI learn); it reads back to the same bindings."""
        path = Path(path) if path is not None else self.path
        if path is None:
            raise VisualsError("no file to save the MIDI mapping to", fix="pass --mapping FILE to visuals live")
        text, version = self._to_text()
        # The text must read back: check before replacing the user's file.
        fresh = MidiMapping.loads(text, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".partial")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError as err:
            raise VisualsError(f"cannot save the MIDI mapping: {err.strerror or err}", file=display_path(path),
                               fix="check that the folder exists and is writable") from None
        with self.lock:
            if version == self.version:
                # From now on the file as written is the one to keep: its spans replace ours.
                # (When learn changed the mapping meanwhile, the next save writes both.)
                self.text, self.path, self.removed = text, path, []
                self.bindings = fresh.bindings
                self._index = None
        return path

    # -- description -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.bindings)

    def describe(self) -> list[str]:
        return [b.describe() for b in self.bindings]


# -- turning MIDI messages into control events -------------------------------------------------
class MidiTranslator:
    """MIDI messages (mido-like objects: type, channel 0-15, control, value, note, velocity,
    pitch) to control events, through a mapping.  Keeps the state a message alone lacks: the
    MSB of 14-bit pairs and the running values of relative encoders.  Pure: no I/O, no threads
    of its own; the caller serialises calls (one lock per input)."""

    def __init__(self, mapping: MidiMapping, current_value: Callable[[str, str], Any] = lambda s, p: None,
                 crossfade: Callable[[], float] = lambda: 0.0, clock: Callable[[], float] = time.perf_counter):
        self.mapping = mapping
        self.current_value = current_value
        self.crossfade = crossfade
        self.clock = clock
        self.msb: dict[tuple[int, int], int] = {}
        self.lsb: dict[tuple[int, int], int] = {}
        self.running: dict[tuple[str, str], tuple[float, float]] = {}   # (param, deck) -> (value, when)
        self.last_cc: dict[tuple[int, int], int] = {}                   # for buttons' press edges

    def translate(self, msg) -> list[Control]:
        kind = getattr(msg, "type", "")
        if kind not in ("control_change", "note_on", "pitchwheel", "aftertouch", "polytouch"):
            return []
        channel = msg.channel + 1
        events: list[Control] = []
        if kind == "control_change":
            # Buttons fire when pressed: the value crosses 64 upward (momentary buttons send
            # 127 on press and 0 on release).
            key = (channel, msg.control)
            pressed = msg.value >= 64 and self.last_cc.get(key, 0) < 64
            self.last_cc[key] = msg.value
            for binding, role in self.mapping.lookup("cc", channel, msg.control):
                if role == "button":
                    if pressed:
                        events.append(binding.event(msg.value))
                    continue
                event = self._cc(binding, role, channel, msg.control, msg.value)
                if event is not None:
                    events.append(event)
        elif kind == "note_on":
            if msg.velocity > 0:
                for binding, _ in self.mapping.lookup("note", channel, msg.note):
                    events.append(binding.event(msg.velocity))
        elif kind == "pitchwheel":
            for binding, _ in self.mapping.lookup("bend", channel, None):
                events.append(self._absolute(binding, (msg.pitch + 8192) / 16383.0))
        elif kind == "aftertouch":
            for binding, _ in self.mapping.lookup("aftertouch", channel, None):
                events.append(self._absolute(binding, msg.value / 127.0))
        elif kind == "polytouch":
            for binding, _ in self.mapping.lookup("aftertouch", channel, msg.note):
                events.append(self._absolute(binding, msg.value / 127.0))
        return events

    def _cc(self, binding: ControlBinding, role: str, channel: int, control: int, value: int) -> Control | None:
        if role == "msb":
            self.msb[(channel, control)] = value
            self.lsb[(channel, control)] = 0           # the MIDI rule: a new MSB resets the LSB
            return self._absolute(binding, (value << 7) / 16383.0)
        if role == "lsb":
            base = control - 32
            self.lsb[(channel, base)] = value
            # The MSB as last sent (also when it arrived before the pair was bound, by learn).
            msb = self.msb.get((channel, base), self.last_cc.get((channel, base)))
            if msb is None:
                return None                            # no MSB yet: nothing to refine
            return self._absolute(binding, ((msb << 7) | value) / 16383.0)
        if binding.relative:
            return self._relative(binding, relative_steps(value, binding.relative))
        return self._absolute(binding, value / 127.0)

    def _event(self, binding: ControlBinding, value: float) -> Control:
        self.running[(binding.param, binding.deck)] = (value, self.clock())
        if binding.param == CROSSFADER:
            return Crossfade(value=value, smoothing=binding.smoothing, source="midi")
        scene, param = binding.scene_param
        return SetParam(scene=scene, param=param, value=value, smoothing=binding.smoothing, deck=binding.deck,
                        source="midi")

    def _absolute(self, binding: ControlBinding, u: float) -> Control:
        return self._event(binding, self.mapping.value_at(binding, u))

    def _relative(self, binding: ControlBinding, steps: int) -> Control:
        lo, hi = self.mapping.range_of(binding)
        key = (binding.param, binding.deck)
        held = self.running.get(key)
        now = self.clock()
        if held is not None and now - held[1] < RELATIVE_HOLD:
            base = held[0]             # still turning: the shown value lags a frame behind
        else:
            base = self._shown_value(binding, lo)
        step = binding.step if binding.step is not None else DEFAULT_STEP
        value = base + steps * step * (hi - lo)
        value = min(max(value, min(lo, hi)), max(lo, hi))
        return self._event(binding, self.mapping.finish(binding, value))

    def _shown_value(self, binding: ControlBinding, fallback: float) -> float:
        try:
            if binding.param == CROSSFADER:
                value = self.crossfade()
            else:
                value = self.current_value(*binding.scene_param)
            if value is not None:
                value = float(value[0] if isinstance(value, tuple) else value)
                if value == value:
                    return value
        except Exception:      # a control input must never fail on what the player reports
            pass
        spec = self.mapping.specs.get(binding.param)
        if spec is not None:
            return float(spec.default)
        return fallback
