"""The ranges of live control values, and the last check before an event plays and is recorded.

OSC and MIDI clamp what they receive, each in its own words; this module is the one place the
ranges are written, and ``checked`` is the guard every event from a controller passes through
on the render thread before it changes the performance or goes into the set file.  A value
that is not a finite number (NaN, inf) is refused; a finite one is clamped into its range.
Once a ``1e308`` trigger was applied and recorded as it came; it cannot be now, whichever way
it arrives (an OSC message, a MIDI mapping with a wide scale, a bundle).
"""
from __future__ import annotations

import math
from dataclasses import fields, replace
from typing import Any

from visuals.audio.names import ALL_NAMES, BAND_COUNT, FEATURES
from visuals.errors import VisualsError, brief, suggest
from visuals.model.follow import FOLLOW_KEYS
from .events import (BeatSync, Control, Crossfade, CueJump, LoadClip, RecallPreset, SetParam, SetTempo, TouchAt,
                     Transport, Trigger)

TEMPO_RANGE = (20.0, 400.0)          # bpm (the performance's live tempo clamps to it too)
SPEED_RANGE = (0.0, 16.0)            # the transport's speed
SPEED_FACTOR_RANGE = (0.0, 16.0)     # a 'speed_by' factor
SPEED_BY_RANGE = (0.125, 8.0)        # where 'speed_by' steps may take the speed (never to a stop)
NUDGE_RANGE = (-3600.0, 3600.0)      # seconds a nudge moves the show by
SEEK_RANGE = (0.0, 1e6)              # seconds (OSC clamps to the show's length, which it knows)
TRIGGER_RANGE = (0.0, 60.0)          # a trigger's value: seconds for 'loop', an amount for a burst
SMOOTHING_RANGE = (0.0, 60.0)        # seconds of smoothing or preset morph
BEAT_RANGE = (-1e6, 1e6)
UNBOUNDED = 1e6                      # the bound of a parameter declared without one: shaders take float32
FOLLOW_GAIN_RANGE = (-100.0, 100.0)  # a follow's gain: features lie in [0, 1], parameters rarely past 100
FOLLOW_OFFSET_RANGE = (-UNBOUNDED, UNBOUNDED)


class Refused(Exception):
    """An event that cannot be applied: why, in a few words."""


def _number(value: Any, what: str) -> float:
    if not isinstance(value, (int, float)):           # a bool is a number here: 0 or 1
        raise Refused(f"{what} is not a number ({type(value).__name__})")
    value = float(value)
    if not math.isfinite(value):
        raise Refused(f"{what} is {value}")
    return value


def within(value: float, bounds: tuple[float, float]) -> float:
    """``value`` clamped to ``bounds`` (the performance's last word on a value it applies)."""
    return min(max(value, bounds[0]), bounds[1])


def bounded(value: float | tuple) -> float | tuple:
    """A number, or each of a tuple's, kept within +-UNBOUNDED: what a shader's float32 takes,
    for a parameter declared without a range of its own."""
    if isinstance(value, tuple):
        return tuple(within(v, (-UNBOUNDED, UNBOUNDED)) for v in value)
    return within(value, (-UNBOUNDED, UNBOUNDED))


def _clamp(value: Any, bounds: tuple[float, float], what: str, notes: list[str]) -> float:
    number = _number(value, what)
    clamped = within(number, bounds)
    if clamped != number:
        notes.append(f"{what} {number:.4g} clamped to {clamped:.4g}")
    return clamped


def feature_hint(name: str) -> str:
    """What to write instead of an unknown feature name (the table in visuals/audio/names.py)."""
    close = suggest(name, ALL_NAMES)
    if close.startswith("did you mean"):
        return close
    return f"use one of {', '.join(FEATURES)} or band0..band{BAND_COUNT - 1}"


def checked_follow(value: Any, what: str, notes: list[str] | None = None, param=None) -> dict:
    """A follow table (``{audio, gain, offset}``, see model/follow.py) checked: a known feature,
    finite numbers, no other keys, a parameter that takes one number (``param``, its spec,
    when known).  A controller's gain out of range is clamped into ``notes``; a file's
    (``notes`` None) is refused, so its error can name the line."""
    if not isinstance(value, dict):
        raise Refused(f"{what}: a follow is a table such as {{ audio = \"bass\", gain = 2.0 }}, "
                      f"not {brief(value)}")
    for key in value:
        if key not in FOLLOW_KEYS:
            raise Refused(f"{what}: unknown key '{brief(key)}' in a follow (its keys: {', '.join(FOLLOW_KEYS)})")
    feature = value.get("audio")
    if not isinstance(feature, str) or feature not in ALL_NAMES:
        shown = "no audio feature" if feature is None else f"unknown audio feature '{brief(feature)}'"
        raise Refused(f"{what}: {shown}; {feature_hint(feature if isinstance(feature, str) else '')}")
    if param is not None and param.dims != 1:
        raise Refused(f"{what} ({param.kind}) cannot follow a sound: only a one-number parameter can")
    out: dict[str, Any] = {"audio": feature}
    for key, bounds, default in (("gain", FOLLOW_GAIN_RANGE, 1.0), ("offset", FOLLOW_OFFSET_RANGE, 0.0)):
        number = value.get(key, default)
        if isinstance(number, bool):
            raise Refused(f"{what} {key} is not a number (bool)")
        number = _number(number, f"{what} {key}")
        if notes is None and not bounds[0] <= number <= bounds[1]:
            raise Refused(f"{what} {key} {number:g} is out of range [{bounds[0]:g}, {bounds[1]:g}]")
        out[key] = _clamp(number, bounds, f"{what} {key}", notes if notes is not None else [])
    return out


def _param_value(event: SetParam, registry, notes: list[str]):
    scene = registry.scenes.get(event.scene) if registry is not None else None
    param = scene.params.get(event.param) if scene is not None and event.param in scene.params else None
    value = event.value
    if value is None:              # the hand lets go: the timeline's value again
        return None
    if isinstance(value, dict):    # a follow of a sound feature
        return checked_follow(value, f"{event.scene}.{event.param}", notes, param)
    parts = value if isinstance(value, (tuple, list)) else (value,)
    if isinstance(value, str):
        if param is None:
            return value
        try:
            return param.coerce(value)
        except VisualsError as err:
            raise Refused(err.message) from None
    numbers = tuple(_number(v, f"{event.scene}.{event.param}") for v in parts)
    if param is None:          # a parameter this registry does not know: keep it finite and bounded
        clamped = bounded(numbers)
    else:
        try:
            coerced = param.coerce(numbers if isinstance(value, (tuple, list)) else numbers[0])
        except VisualsError as err:
            raise Refused(err.message) from None
        clamped = param.clamp(coerced) if not param.in_range(coerced) else coerced
        clamped = clamped if isinstance(clamped, tuple) else (clamped,)
        clamped = bounded(clamped)
    if clamped != numbers:
        shown = ", ".join(f"{v:.4g}" for v in numbers)
        notes.append(f"{event.scene}.{event.param} ({shown}) clamped into range")
    return clamped if isinstance(value, (tuple, list)) or len(clamped) > 1 else clamped[0]


def checked_values(values: dict, registry, notes: list[str]) -> dict:
    """A preset's values (scene -> param -> value, e.g. read from a presets file, where TOML
    allows nan and inf) with each number finite and in its parameter's range; values that are
    not finite are left out."""
    out: dict = {}
    for scene, params in values.items():
        kept = {}
        for param, value in params.items():
            try:
                kept[param] = _param_value(SetParam(scene=scene, param=param, value=value), registry, notes)
            except Refused as why:
                notes.append(f"{why}; left out")
        out[scene] = kept
    return out


def checked(event: Control, registry=None) -> tuple[Control, list[str]]:
    """The event with every number finite and in range, and what was clamped; raises Refused."""
    notes: list[str] = []
    changes: dict[str, Any] = {}
    if isinstance(event, Transport):
        bounds = {"speed": SPEED_RANGE, "speed_by": SPEED_FACTOR_RANGE, "nudge": NUDGE_RANGE,
                  "seek": SEEK_RANGE}.get(event.op, NUDGE_RANGE)
        changes["value"] = _clamp(event.value, bounds, event.op, notes)
    elif isinstance(event, CueJump):
        for name in ("index", "step"):
            value = getattr(event, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise Refused(f"cue {name} {value!r} is not a whole number")
            changes[name] = within(value, (-10_000, 10_000))
    elif isinstance(event, SetParam):
        changes["value"] = _param_value(event, registry, notes)
        changes["smoothing"] = _clamp(event.smoothing, SMOOTHING_RANGE, "smoothing", notes)
    elif isinstance(event, TouchAt):
        for name in ("x", "y", "strength"):
            changes[name] = _clamp(getattr(event, name), (0.0, 1.0), f"touch {name}", notes)
    elif isinstance(event, SetTempo):
        changes["bpm"] = _clamp(event.bpm, TEMPO_RANGE, "bpm", notes)
    elif isinstance(event, BeatSync):
        changes["beat"] = _clamp(event.beat, BEAT_RANGE, "beat", notes)
    elif isinstance(event, Crossfade):
        changes["value"] = _clamp(event.value, (0.0, 1.0), "crossfade", notes)
        changes["smoothing"] = _clamp(event.smoothing, SMOOTHING_RANGE, "smoothing", notes)
    elif isinstance(event, RecallPreset):
        changes["morph"] = _clamp(event.morph, SMOOTHING_RANGE if event.unit == "s" else (0.0, 256.0),
                                  "morph", notes)
        if isinstance(event.values, dict):
            changes["values"] = checked_values(event.values, registry, notes)
    elif isinstance(event, Trigger):
        changes["value"] = _clamp(event.value, TRIGGER_RANGE, f"trigger '{event.name}'", notes)
    elif not isinstance(event, LoadClip):
        for f in fields(event):            # any other event: its numbers at least finite
            value = getattr(event, f.name)
            if isinstance(value, float):
                _number(value, f.name)
    changes = {k: v for k, v in changes.items() if v != getattr(event, k) or type(v) is not type(getattr(event, k))}
    return (replace(event, **changes) if changes else event), notes
