"""A parameter following what the show hears, written as data: ``{audio = "bass", gain = 2.0}``.

A show file writes ``Audio("bass", gain=2)`` in Python; the files a performer writes or receives
(MIDI mappings, presets, recorded sets) are data and never executed, so they write the same
signal as a small table: ``audio`` (a feature name from ``visuals.audio.names``), ``gain``
(default 1) and ``offset`` (default 0).  An OSC message and a MIDI pad build the same table; it
travels in a ``SetParam`` event's value, is recorded in a set file as it is, and becomes an
``Audio`` signal only when the performance applies it, so a replay evaluates exactly what the
live show did.  Checking the table (known feature, numbers in range) is ``controls.limits``'s
job; this module only converts between the two forms.
"""
from __future__ import annotations

from typing import Any

from .signals import Audio

FOLLOW_KEYS = ("audio", "gain", "offset")
LET_GO = None      # a SetParam value: the hand lets the parameter go back to its timeline


def is_follow(value: Any) -> bool:
    """True for what a file means as a follow: a table naming any of its keys (so a table
    that forgot ``audio`` is told so, and one of other keys is no parameter value at all)."""
    return isinstance(value, dict) and any(key in value for key in FOLLOW_KEYS)


def follow_signal(data: dict[str, Any]) -> Audio:
    """The signal a checked follow table stands for (the one a show file writes)."""
    return Audio(data["audio"], gain=float(data.get("gain", 1.0)), offset=float(data.get("offset", 0.0)))


def follow_data(signal: Audio) -> dict[str, Any]:
    """A follow signal back as data (a preset saved while a parameter follows the music)."""
    return {"audio": signal.feature, "gain": signal.gain, "offset": signal.offset}


def describe_follow(data: dict[str, Any]) -> str:
    """How the HUD and notices show a follow: ``~bass x2`` (``+0.1`` when offset)."""
    text = f"~{data['audio']} x{float(data.get('gain', 1.0)):g}"
    offset = float(data.get("offset", 0.0))
    return text + (f" {offset:+g}" if offset else "")


def hand_value(value: Any) -> Any:
    """A value played by hand as the performance holds it: a list as a tuple, a follow table
    as the Audio signal it stands for."""
    if is_follow(value):
        return follow_signal(value)
    return tuple(value) if isinstance(value, list) else value
