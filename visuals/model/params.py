"""Typed scene parameters: the one name that the timeline, MIDI, OSC and the HUD all use.

A parameter is declared once by its scene (name, default, range, description) and becomes the
uniform ``u_<name>`` in every pass of that scene.  Values written in a show are checked
against the declaration when the show loads (an out-of-range value is an error naming the
show's file and line); values played live are clamped instead, because a knob turned too far
must never stop a performance.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .colour import hex_colour, parse_colour
from visuals.errors import VisualsError, SourceSite, caller_site, suggest

KINDS = ("float", "int", "bool", "vec2", "vec3", "vec4", "color")
_DIMS = {"float": 1, "int": 1, "bool": 1, "vec2": 2, "vec3": 3, "vec4": 4, "color": 4}

Value = float | tuple[float, ...]


def _infer_kind(default: Any) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, str):
        return "color"
    if isinstance(default, Sequence) and 2 <= len(default) <= 4:
        return f"vec{len(default)}"
    raise VisualsError(f"cannot infer the type of default {default!r}",
                       fix=f"pass kind= one of {', '.join(KINDS)}")


@dataclass
class Param:
    """A scene parameter: ``Param("inversion", 0.0, 0, 1, "natural (0) to inverted sky (1)")``.

    ``lo``/``hi`` bound every component; ``kind`` is inferred from the default when omitted
    ('#rrggbb' strings are colours).  ``int`` values are passed as floats rounded to integers
    so that shaders may morph between whole values when they choose to read them smoothly.
    """

    name: str
    default: Any
    lo: float | None = None
    hi: float | None = None
    description: str = ""
    kind: str | None = None
    site: SourceSite | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.site is None:
            self.site = caller_site()
        if not self.name.isidentifier():
            raise self._error(f"parameter name '{self.name}' is not a valid identifier",
                              "use letters, digits and underscores, e.g. 'line_glow'")
        self.kind = self.kind or _infer_kind(self.default)
        if self.kind not in KINDS:
            raise self._error(f"unknown parameter kind '{self.kind}'", f"use one of {', '.join(KINDS)}")
        if self.kind == "color":
            self.lo, self.hi = 0.0, 1.0
        if self.kind == "bool":
            self.lo, self.hi = 0.0, 1.0
        if self.lo is not None and self.hi is not None and self.lo > self.hi:
            raise self._error(f"parameter '{self.name}' has lo {self.lo} above hi {self.hi}",
                              "swap the bounds")
        self.default = self.validate(self.default, self.site)

    @property
    def dims(self) -> int:
        return _DIMS[self.kind]  # type: ignore[index]

    def _error(self, message: str, fix: str, site: SourceSite | None = None) -> VisualsError:
        site = site or self.site
        return VisualsError.at(site, message, fix=fix)

    def coerce(self, value: Any, site: SourceSite | None = None) -> Value:
        """Convert to the canonical form (float, or a tuple of floats) without range checks."""
        try:
            if self.kind == "color":
                return parse_colour(value)
            if self.dims == 1:
                if isinstance(value, Sequence) and not isinstance(value, str):
                    raise TypeError
                v = float(value)
                if self.kind == "int":
                    return float(round(v))
                if self.kind == "bool":
                    return 1.0 if v >= 0.5 else 0.0
                return v
            if isinstance(value, str):   # '12' is not the vec2 (1, 2)
                raise TypeError
            parts = tuple(float(v) for v in value)
            if len(parts) != self.dims:
                raise TypeError
            return parts
        except VisualsError as err:
            raise self._error(f"parameter '{self.name}': {err.message}", err.fix or "", site) from None
        except (TypeError, ValueError):
            raise self._error(f"parameter '{self.name}' ({self.kind}) cannot take {value!r}",
                              f"give {self.describe_type()}", site) from None

    def describe_type(self) -> str:
        if self.kind == "color":
            return "a colour such as '#8a2be2' or (r, g, b)"
        if self.dims == 1:
            return f"a number{self.describe_range()}"
        return f"{self.dims} numbers{self.describe_range()}"

    def describe_range(self) -> str:
        if self.lo is None and self.hi is None:
            return ""
        lo = "-inf" if self.lo is None else f"{self.lo:g}"
        hi = "inf" if self.hi is None else f"{self.hi:g}"
        return f" in [{lo}, {hi}]"

    def _components(self, value: Value) -> tuple[float, ...]:
        return value if isinstance(value, tuple) else (value,)

    def in_range(self, value: Value) -> bool:
        for c in self._components(value):
            if c != c:  # NaN
                return False
            if self.lo is not None and c < self.lo - 1e-9:
                return False
            if self.hi is not None and c > self.hi + 1e-9:
                return False
        return True

    def validate(self, value: Any, site: SourceSite | None = None) -> Value:
        """Coerce and range-check a value written in a show or scene: errors name the line."""
        v = self.coerce(value, site)
        if not self.in_range(v):
            raise self._error(f"value {value!r} for parameter '{self.name}' is out of range",
                              f"give {self.describe_type()}", site)
        return v

    def format(self, value: Value) -> str:
        """A value as a user writes it: 0.6, (0, 1), '#2a0a5e'."""
        if self.kind == "color" and isinstance(value, tuple):
            return hex_colour(value)
        if isinstance(value, tuple):
            return "(" + ", ".join(f"{v:.3g}" for v in value) + ")"
        return f"{value:.4g}"

    def clamp(self, value: Value) -> Value:
        """Bring a live value into range (knobs and OSC are clamped, never rejected).

        A NaN component (a broken signal, a malformed OSC float) falls back to the default's.
        """
        default = self.default if isinstance(self.default, tuple) else (self.default,)

        def one(c: float, fallback: float) -> float:
            if c != c:
                c = fallback
            if self.lo is not None:
                c = max(c, self.lo)
            if self.hi is not None:
                c = min(c, self.hi)
            if self.kind == "bool":
                c = 1.0 if c >= 0.5 else 0.0
            return c
        if isinstance(value, tuple):
            return tuple(one(c, d) for c, d in zip(value, default))
        return one(value, default[0])


class ParamSet:
    """A scene's parameters by name, with lookups that fail with a did-you-mean."""

    def __init__(self, params: Sequence[Param], owner: str):
        self.owner = owner
        self._by_name: dict[str, Param] = {}
        for p in params:
            if p.name in self._by_name:
                raise p._error(f"scene '{owner}' declares parameter '{p.name}' twice",
                               "give each parameter a distinct name")
            self._by_name[p.name] = p

    def __iter__(self):
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def names(self) -> list[str]:
        return list(self._by_name)

    def get(self, name: str, site: SourceSite | None = None) -> Param:
        try:
            return self._by_name[name]
        except KeyError:
            raise VisualsError.at(site, f"scene '{self.owner}' has no parameter '{name}'",
                                  fix=suggest(name, self._by_name)) from None

    def defaults(self) -> dict[str, Value]:
        return {p.name: p.default for p in self}
