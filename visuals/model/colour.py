"""Colour values on the Python side: parsing and perceptual interpolation.

Colour parameters are written by users as '#rrggbb', '#rgb' or (r, g, b[, a]) tuples in sRGB
0..1.  Keys between colours are interpolated in OKLab, where a halfway mix between violet and
emerald is a luminous in-between rather than the muddy grey that a mix of sRGB numbers gives.
Shaders receive sRGB 0..1 values (see shaders/README.md).
"""
from __future__ import annotations

import math

from visuals.errors import VisualsError


def parse_colour(value) -> tuple[float, float, float, float]:
    """'#rrggbb', '#rrggbbaa', '#rgb' or a 3/4-tuple in 0..1 -> an RGBA tuple."""
    if isinstance(value, str):
        text = value.strip().lstrip("#")
        if len(text) in (3, 4):
            text = "".join(c * 2 for c in text)
        if len(text) not in (6, 8) or any(c not in "0123456789abcdefABCDEF" for c in text):
            raise VisualsError(f"invalid colour '{value}'",
                               fix="write colours as '#rrggbb' or as (r, g, b) in 0..1")
        parts = [int(text[i:i + 2], 16) / 255.0 for i in range(0, len(text), 2)]
    else:
        try:
            parts = [float(v) for v in value]
        except (TypeError, ValueError):
            raise VisualsError(f"invalid colour {value!r}",
                               fix="write colours as '#rrggbb' or as (r, g, b) in 0..1") from None
        if len(parts) not in (3, 4):
            raise VisualsError(f"a colour needs 3 or 4 components, got {len(parts)}",
                               fix="write colours as '#rrggbb' or as (r, g, b) in 0..1")
    if len(parts) == 3:
        parts.append(1.0)
    return tuple(parts)  # type: ignore[return-value]


def hex_colour(value) -> str:
    """An RGB(A) tuple in 0..1 as '#rrggbb' (alpha left out, components clamped), the way a
    user writes a colour: what ``visuals list`` prints and a saved preset holds."""
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in value[:3])


def _to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_srgb(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def srgb_to_oklab(rgb) -> tuple[float, float, float]:
    r, g, b = (_to_linear(c) for c in rgb[:3])
    l = 0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b
    m = 0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b
    s = 0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b
    l, m, s = (math.copysign(abs(v) ** (1 / 3), v) for v in (l, m, s))
    return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)


def oklab_to_srgb(lab) -> tuple[float, float, float]:
    L, a, b = lab
    l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3
    r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s
    g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s
    bb = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s
    return (_to_srgb(r), _to_srgb(g), _to_srgb(bb))


def mix_colour(c0, c1, u: float) -> tuple[float, float, float, float]:
    """Perceptual mix of two RGBA colours (OKLab for colour, linear for alpha)."""
    # The OKLab round trip is not exact (about 1e-7), so a key's own colour is returned as is.
    if u == 0.0:
        return tuple(c0)  # type: ignore[return-value]
    if u == 1.0:
        return tuple(c1)  # type: ignore[return-value]
    lab0, lab1 = srgb_to_oklab(c0), srgb_to_oklab(c1)
    lab = tuple(x + (y - x) * u for x, y in zip(lab0, lab1))
    rgb = oklab_to_srgb(lab)
    return (*rgb, c0[3] + (c1[3] - c0[3]) * u)
