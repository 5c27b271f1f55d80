"""Reading a MIDI mapping's TOML data into bindings, every error naming the file and line.

The data comes from ``load.tomlfile`` (syntax errors are found there); this module checks what
each table means: numbers in range, known keys and actions, one of param or action.  The
format is documented in docs/midi-mapping.md.
"""
from __future__ import annotations

import math
from typing import Any

from visuals.errors import VisualsError, brief, suggest
from visuals.controls.limits import FOLLOW_GAIN_RANGE, SMOOTHING_RANGE, Refused, checked_follow
from visuals.model.follow import FOLLOW_KEYS
from visuals.load.names import NAME_FIX, is_plain_name
from visuals.load.tomlfile import TomlLocator, line_of
from visuals.model.easing import get_easing
from .bindings import (ACTION_KEYS, ALLOWED_KEYS, CROSSFADER, CURVES, DECKS, KINDS, NOTE_ACTIONS, QUANTIZE,
                       RELATIVE_MODES, TOP_KEYS, ActionBinding, Binding, ControlBinding, brief_value)


class BindingReader:
    """The bindings of one mapping text: each check raises one VisualsError naming the line."""

    def __init__(self, text: str, shown: str | None):
        self.loc = TomlLocator(text)
        self.shown = shown
        self.text = text

    def error(self, message: str, line: int | None, fix: str) -> VisualsError:
        return VisualsError(message, file=self.shown, line=line, fix=fix)

    def integer(self, entry: dict, key: str, lo: int, hi: int, kind: str, index: int, what: str) -> int:
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise self.error(f"{what} {brief_value(value)} is not a number from {lo} to {hi}",
                             self.loc.line(kind, index, key), f"write {key} = a whole number from {lo} to {hi}")
        return value

    def number(self, entry: dict, key: str, kind: str, index: int, lo: float | None = None,
               hi: float | None = None) -> float:
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
                or (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = (f" from {lo:g}" if lo is not None else "") + (f" to {hi:g}" if hi is not None else "")
            raise self.error(f"'{key}' must be a number{bounds}, not {brief_value(value)}", self.loc.line(kind, index, key),
                             f"write {key} = a number{bounds}")
        return float(value)

    def choice(self, entry: dict, key: str, options, kind: str, index: int) -> str:
        value = entry[key]
        if not isinstance(value, str) or value not in options:
            shown = ", ".join(f'"{o}"' for o in options if o)
            raise self.error(f"unknown {key} {brief_value(value)}", self.loc.line(kind, index, key, value),
                             (suggest(value, options) + "; " if isinstance(value, str) else "") + f"use one of {shown}")
        return value

    def string(self, entry: dict, key: str, kind: str, index: int) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"'{key}' must be a non-empty string, not {brief_value(value)}", self.loc.line(kind, index, key),
                             f'write {key} = "..."')
        return value.strip()

    def param(self, entry: dict, kind: str, index: int, crossfader: bool = True) -> str:
        """The binding's 'scene.param' (or the crossfader, where a control may play it)."""
        param = self.string(entry, "param", kind, index)
        if param != CROSSFADER or not crossfader:
            scene, dot, name = param.partition(".")
            if not dot or not scene or not name.isidentifier():
                raise self.error(f"param '{param}' is not 'scene.param'", self.loc.line(kind, index, "param", param),
                                 'write the scene and the parameter, e.g. param = "tide.speed"'
                                 + (', or "crossfader"' if crossfader else ""))
        return param

    def follow(self, entry: dict, kind: str, index: int) -> dict:
        """A follow pad's options: its parameter and the table of model/follow.py, each key
        checked by controls/limits (as OSC and set files are) and reported at its own line."""
        if "param" not in entry or "audio" not in entry:
            raise self.error("a follow binding needs a param and an audio feature", self.loc.line(kind, index),
                             'add param = "tide.speed" and audio = "bass" (gain = 2.0 and offset = 0.0 optional)')
        options: dict[str, Any] = {"param": self.param(entry, kind, index, crossfader=False)}
        for key in FOLLOW_KEYS:
            if key in entry:
                options[key] = entry[key]
                try:
                    checked_follow({k: options[k] for k in FOLLOW_KEYS if k in options}, f"follow of {options['param']}")
                except Refused as why:
                    raise self.error(str(why), self.loc.line(kind, index, key),
                                     'write audio = "bass" (a feature name), gain = a number from '
                                     f'{FOLLOW_GAIN_RANGE[0]:g} to {FOLLOW_GAIN_RANGE[1]:g}, offset = a number') from None
        return options

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
                    raise self.error(f"bits must be 7 or 14, not {brief_value(bits)}", self.loc.line(kind, index, "bits"),
                                     "write bits = 14 for an MSB/LSB pair, or leave it out")
            hi = 31 if bits == 14 else 127
            number = self.integer(entry, "cc", 0, hi, kind, index,
                                  "14-bit CC (the MSB; the LSB is cc + 32)" if bits == 14 else "CC number")
        elif kind == "aftertouch" and "note" in entry:
            number = self.integer(entry, "note", 0, 127, kind, index, "note")
        if "param" not in entry:
            raise self.error(f"{what} needs a param", self.loc.line(kind, index),
                             'add param = "scene.param" (as \'visuals list\' shows) or "crossfader"')
        param = self.param(entry, kind, index)
        rng = None
        if "range" in entry:
            value = entry["range"]
            if not isinstance(value, list) or len(value) != 2 or not all(
                    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value):
                raise self.error(f"range must be two finite numbers, not {brief_value(value)}", self.loc.line(kind, index, "range"),
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
        smoothing = self.number(entry, "smoothing", kind, index, *SMOOTHING_RANGE) if "smoothing" in entry else 0.0
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
        elif action == "follow":
            options.update(self.follow(entry, kind, index))
        elif action == "clip":
            if "show" not in entry:
                raise self.error("a clip binding needs the show (or scene) it launches", self.loc.line(kind, index),
                                 'add show = "sky"')
            options["show"] = self.string(entry, "show", kind, index)
            if not is_plain_name(options["show"]):
                raise self.error(f"clip show {brief_value(options['show'])} is not the name of a show or scene",
                                 self.loc.line(kind, index, "show"), NAME_FIX)
        if "quantize" in entry:
            options["quantize"] = self.choice(entry, "quantize", QUANTIZE, kind, index)
        if "deck" in entry:
            options["deck"] = self.choice(entry, "deck", DECKS, kind, index)
        return ActionBinding(kind, channel, number, action, tuple(options.items()), span=self.loc.span(kind, index))



def read_mapping(data: dict, text: str, shown: str) -> tuple[list[Binding], int, str]:
    """The bindings, default channel and controller name of a mapping's parsed TOML."""
    reader = BindingReader(text, shown)
    for key, value in data.items():
        if key not in TOP_KEYS:
            line = line_of(text, key)
            if isinstance(value, dict):
                fix = suggest(key, KINDS)
                if key in KINDS:
                    fix = f"write [[{key}]] (two brackets: one table per control)"
                raise VisualsError(f"unknown table [{brief(key)}] in MIDI mapping", file=shown, line=line,
                                   fix=f"{fix}; bindings are [[cc]], [[note]], [[bend]], [[aftertouch]]")
            raise VisualsError(f"unknown key '{brief(key)}' in MIDI mapping", file=shown, line=line,
                               fix=suggest(key, TOP_KEYS))
    channel = 1
    if "channel" in data:
        channel = data["channel"]
        if isinstance(channel, bool) or not isinstance(channel, int) or not 1 <= channel <= 16:
            raise VisualsError(f"MIDI channel {brief_value(channel)} is not a number from 1 to 16", file=shown,
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
    return bindings, channel, controller
