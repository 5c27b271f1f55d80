"""Checking a received message's arguments: counts, numbers, ranges, buttons.

A message that cannot be applied raises ``Reject`` with the reason the HUD shows and the key
its notice is rate-limited under (the address).  A value out of range is clamped, and the
clamp noted for a notice; NaN and infinity are refused.
"""
from __future__ import annotations

import math
from typing import Any

from .wire import short


class Reject(Exception):
    """A message that cannot be applied: why, and the key its report is rate-limited under."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


DEFER = object()       # the message needs the render thread (a scene to load, a show to check)
IGNORE = object()      # a button release


def fmt_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, tuple):
        return "(" + ", ".join(fmt_value(v) for v in value) + ")"
    return repr(value) if isinstance(value, (str, bytes)) else str(value)


def describe_arg(value: Any) -> str:
    kind = {str: "a string", bytes: "a blob", bool: "a bool", type(None): "nil", list: "an array",
            tuple: "a tuple"}.get(type(value), type(value).__name__)
    if isinstance(value, (str, bytes)):
        text = value[:24]
        return f"{kind} {text!r}"
    return kind


class Message:
    """One received message being turned into an event; raises Reject with a clear reason."""

    def __init__(self, address: str, args: list[Any]):
        self.address = address
        # a single OSC array stands for its items: /visuals/tide/colour_a [1 0 0]
        if len(args) == 1 and isinstance(args[0], list):
            args = args[0]
        self.args = args
        self.clamps: list[str] = []

    def reject(self, why: str) -> Reject:
        return Reject(self.address, f"OSC {short(self.address, 96)}: {why}; ignored")

    def number(self, value: Any, what: str = "a number") -> float:
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, (int, float)):
            return float(value)
        raise self.reject(f"expects {what}, got {describe_arg(value)}")

    def count(self, lo: int, hi: int, usage: str) -> None:
        n = len(self.args)
        if not lo <= n <= hi:
            raise self.reject(f"expects {usage}, got {n} argument{'s' if n != 1 else ''}")

    def clamp(self, value: float, lo: float | None, hi: float | None, what: str = "") -> float:
        if value != value:
            raise self.reject(f"{what or 'value'} is NaN")
        if math.isinf(value):                # refused, not clamped: inf is no one's intent
            raise self.reject(f"{what or 'value'} is infinite")
        clamped = value
        if lo is not None:
            clamped = max(clamped, lo)
        if hi is not None:
            clamped = min(clamped, hi)
        if math.isinf(clamped):
            raise self.reject(f"{what or 'value'} is infinite")
        if clamped != value:
            lo_text = "-inf" if lo is None else f"{lo:g}"
            hi_text = "inf" if hi is None else f"{hi:g}"
            label = f"{what} " if what else ""
            self.clamps.append(f"{label}{fmt_value(value)} is out of range [{lo_text}, {hi_text}], "
                               f"clamped to {fmt_value(clamped)}")
        return clamped
