"""Easing (rate) functions: how a value travels from one key to the next.

Every easing maps progress u in [0, 1] to eased progress, with f(0) == 0 and f(1) == 1
*exactly*, so a keyframed value lands on its key with no residue and two segments meet
without a seam.  Input outside [0, 1] is clamped for the same reason.  ``back`` and
``elastic`` deliberately overshoot in between; ``bounce`` stays inside [0, 1].

``expo`` and ``elastic`` use a renormalised envelope (2**(10u) - 1) / 1023 instead of the
textbook 2**(10u - 10), which is 0.001 at u = 0: the textbook form jumps at the ends, and a
jump in an easing is a visible pop in a fade.

Specs users write (names, camelCase names from other tools, CSS strings) all resolve
through :func:`get_easing`, so shows can paste timing curves from CSS or After Effects.
"""
from __future__ import annotations

import math
import re
from typing import Callable

from visuals.errors import VisualsError, suggest

Easing = Callable[[float], float]

_BACK = 1.70158           # Penner's constant: about 10 % overshoot
_BACK_IN_OUT = _BACK * 1.525


def _clamped(fn: Easing) -> Easing:
    """Pin the ends exactly, whatever rounding the formula does near them."""
    def eased(u: float) -> float:
        if u <= 0.0:
            return 0.0
        if u >= 1.0:
            return 1.0
        return fn(u)
    eased.__name__ = fn.__name__
    eased.__doc__ = fn.__doc__
    return eased


def _out_of(f_in: Easing) -> Easing:
    """The 'out' variant is the 'in' curve rotated 180 degrees about (0.5, 0.5)."""
    return lambda u: 1.0 - f_in(1.0 - u)


def _in_out_of(f_in: Easing) -> Easing:
    """Run 'in' over the first half and mirrored 'in' over the second: symmetric and C0."""
    return lambda u: f_in(2.0 * u) / 2.0 if u < 0.5 else 1.0 - f_in(2.0 - 2.0 * u) / 2.0


def _expo_env(u: float) -> float:
    return (2.0 ** (10.0 * u) - 1.0) / 1023.0


def _in_elastic(u: float) -> float:
    # At u = 1 the phase is -pi/2, so the sine is -1 and the product exactly 1.
    return -_expo_env(u) * math.sin((10.0 * u - 10.75) * (2.0 * math.pi / 3.0))


def _out_bounce(u: float) -> float:
    n, d = 7.5625, 2.75
    if u < 1.0 / d:
        v = n * u * u
    elif u < 2.0 / d:
        u -= 1.5 / d
        v = n * u * u + 0.75
    elif u < 2.5 / d:
        u -= 2.25 / d
        v = n * u * u + 0.9375
    else:
        u -= 2.625 / d
        v = n * u * u + 0.984375
    return min(v, 1.0)


def _in_out_back(u: float) -> float:
    c = _BACK_IN_OUT
    if u < 0.5:
        return (2.0 * u) ** 2 * ((c + 1.0) * 2.0 * u - c) / 2.0
    v = 2.0 * u - 2.0
    return (v * v * ((c + 1.0) * v + c) + 2.0) / 2.0


_IN: dict[str, Easing] = {
    "quad": lambda u: u * u,
    "cubic": lambda u: u * u * u,
    "quart": lambda u: u * u * u * u,
    "expo": _expo_env,
    "sine": lambda u: 1.0 - math.cos(u * math.pi / 2.0),
    "circ": lambda u: 1.0 - math.sqrt(max(0.0, 1.0 - u * u)),
    "back": lambda u: (_BACK + 1.0) * u ** 3 - _BACK * u * u,
    "elastic": _in_elastic,
    "bounce": lambda u: 1.0 - _out_bounce(1.0 - u),
}

# Where the generic mirror construction is not the curve people expect, say so explicitly.
_IN_OUT_OVERRIDES: dict[str, Easing] = {
    "back": _in_out_back,  # Penner's in-out back uses a larger constant (c * 1.525)
    "bounce": lambda u: (1.0 - _out_bounce(1.0 - 2.0 * u)) / 2.0 if u < 0.5
    else (1.0 + _out_bounce(2.0 * u - 1.0)) / 2.0,
}


def _step(u: float) -> float:
    """Hold the previous value until the key is reached."""
    return 1.0 if u >= 1.0 else 0.0


EASINGS: dict[str, Easing] = {
    "step": _step,
    "linear": _clamped(lambda u: u),
    "smoothstep": _clamped(lambda u: u * u * (3.0 - 2.0 * u)),
    "smootherstep": _clamped(lambda u: u * u * u * (u * (u * 6.0 - 15.0) + 10.0)),
}
for _name, _f in _IN.items():
    EASINGS[f"in_{_name}"] = _clamped(_f)
    EASINGS[f"out_{_name}"] = _clamped(_out_of(_f))
    EASINGS[f"in_out_{_name}"] = _clamped(_IN_OUT_OVERRIDES.get(_name) or _in_out_of(_f))
del _name, _f


def cubic_bezier(x1: float, y1: float, x2: float, y2: float) -> Easing:
    """A CSS ``cubic-bezier()`` timing function through (0,0), (x1,y1), (x2,y2), (1,1).

    x1 and x2 must lie in [0, 1] so that x(s) is monotone and each u has one answer; y may
    overshoot.  x(s) = u is solved with Newton's method (fast, from the good guess s = u)
    and falls back to bisection, which cannot fail on a monotone x.  Both solve far past
    1e-7 so that rounding in the solver cannot make the curve step backwards.
    """
    values = (x1, y1, x2, y2)
    if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in values):
        raise VisualsError(f"cubic_bezier needs four finite numbers, got {values}",
                           fix="write cubic_bezier(0.25, 0.1, 0.25, 1.0)")
    if not (0.0 <= x1 <= 1.0 and 0.0 <= x2 <= 1.0):
        raise VisualsError(f"cubic_bezier x1={x1}, x2={x2}: x values must be within [0, 1]",
                           fix="keep x1 and x2 between 0 and 1 (y1 and y2 may go outside)")
    x1, y1, x2, y2 = (float(v) for v in values)
    # Polynomial coefficients: b(s) = ((a*s + b)*s + c)*s for each axis.
    cx, cy = 3.0 * x1, 3.0 * y1
    bx, by = 3.0 * (x2 - x1) - cx, 3.0 * (y2 - y1) - cy
    ax, ay = 1.0 - cx - bx, 1.0 - cy - by

    def x_of(s: float) -> float:
        return ((ax * s + bx) * s + cx) * s

    def solve(u: float) -> float:
        s = u
        for _ in range(12):
            err = x_of(s) - u
            if abs(err) < 1e-12:
                return s
            slope = (3.0 * ax * s + 2.0 * bx) * s + cx
            if abs(slope) < 1e-6:
                break
            s -= err / slope
            if not 0.0 <= s <= 1.0:
                break
        lo, hi = 0.0, 1.0
        s = u
        while hi - lo > 1e-10:
            if x_of(s) < u:
                lo = s
            else:
                hi = s
            s = (lo + hi) / 2.0
        return s

    def bezier(u: float) -> float:
        if u <= 0.0:
            return 0.0
        if u >= 1.0:
            return 1.0
        s = solve(u)
        return ((ay * s + by) * s + cy) * s

    bezier.__name__ = f"cubic_bezier({x1:g}, {y1:g}, {x2:g}, {y2:g})"
    return bezier


# CSS named timing functions, with their definitions from the CSS Easing spec.
CSS_KEYWORDS: dict[str, tuple[float, float, float, float]] = {
    "ease": (0.25, 0.1, 0.25, 1.0),
    "ease_in": (0.42, 0.0, 1.0, 1.0),
    "ease_out": (0.0, 0.0, 0.58, 1.0),
    "ease_in_out": (0.42, 0.0, 0.58, 1.0),
}

_CSS_BEZIER = re.compile(r"^\s*cubic[-_]?bezier\s*\((.*)\)\s*$", re.IGNORECASE)


def _snake(name: str) -> str:
    """'easeInOutCubic', 'in-out-cubic', 'In Out Cubic' -> 'ease_in_out_cubic' / 'in_out_cubic'."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip())
    return re.sub(r"[\s\-_]+", "_", name).lower().strip("_")


def _from_name(spec: str) -> Easing:
    match = _CSS_BEZIER.match(spec)
    if match:
        try:
            numbers = [float(p) for p in match.group(1).split(",")]
        except ValueError:
            numbers = []
        if len(numbers) != 4:
            raise VisualsError(f"cannot read easing '{spec}'",
                               fix="write four numbers: 'cubic-bezier(0.25, 0.1, 0.25, 1)'")
        return cubic_bezier(*numbers)
    name = _snake(spec)
    if name in CSS_KEYWORDS:
        return cubic_bezier(*CSS_KEYWORDS[name])
    if name.startswith("ease_"):        # easeInOutCubic, ease-in-cubic
        name = name[len("ease_"):]
    if name in EASINGS:
        return EASINGS[name]
    # Tolerate missing separators ('inoutcubic', 'smooth_step') without guessing further.
    squashed = {k.replace("_", ""): k for k in EASINGS}
    if name.replace("_", "") in squashed:
        return EASINGS[squashed[name.replace("_", "")]]
    raise VisualsError(f"unknown easing '{spec}'",
                       fix=suggest(name, list(EASINGS) + list(CSS_KEYWORDS)))


def get_easing(spec) -> Easing:
    """Resolve any easing spec a user can write to a function of u.

    Accepts a name from :data:`EASINGS` (also 'in-out-cubic', 'easeInOutCubic'), a CSS
    keyword ('ease', 'ease-in-out'), a CSS string 'cubic-bezier(x1, y1, x2, y2)', a tuple
    ('cubic_bezier', x1, y1, x2, y2), or a callable (returned unchanged, so code that
    already has a function never needs to special-case it).
    """
    if callable(spec):
        return spec
    if isinstance(spec, str):
        return _from_name(spec)
    if isinstance(spec, (tuple, list)) and len(spec) == 5 and isinstance(spec[0], str) \
            and _snake(spec[0]) == "cubic_bezier":
        return cubic_bezier(*spec[1:])
    raise VisualsError(f"cannot use {spec!r} as an easing",
                       fix="give a name such as 'in_out_cubic', a function of u, or "
                           "('cubic_bezier', x1, y1, x2, y2)")
