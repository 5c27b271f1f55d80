"""What one deck's render step takes and gives: how to render (``RenderConfig``), what the
performer's hands add to a frame (``DeckInputs``), and the rendered image with what its
timeline played (``DeckImage``).  Plain values, apart from the renderer that uses them, so the
frame driver, the sinks and the live deck can build and pass them without the render step.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping

import moderngl

from visuals.errors import VisualsError
from visuals.model.timeline import TimelineSample

MAX_SIZE = 16384


@dataclass(frozen=True)
class RenderConfig:
    """How to render: output size, supersampling factor, frame rate, and exactness."""

    size: tuple[int, int] = (1280, 720)
    ssaa: int = 1
    fps: Fraction = Fraction(30)
    exact: bool = True
    seed: int | None = None

    def __post_init__(self) -> None:
        w, h = self.size
        if not (isinstance(w, int) and isinstance(h, int)) or w < 1 or h < 1 or w > MAX_SIZE or h > MAX_SIZE:
            raise VisualsError(f"invalid size {w}x{h}", fix=f"give WxH with each side in 1..{MAX_SIZE}, e.g. 1280x720")
        if not 1 <= self.ssaa <= 8:
            raise VisualsError(f"ssaa {self.ssaa} is out of range", fix="give a factor from 1 to 8")
        if w * self.ssaa > MAX_SIZE or h * self.ssaa > MAX_SIZE:
            raise VisualsError(f"{w}x{h} supersampled {self.ssaa}x exceeds {MAX_SIZE} pixels a side",
                               fix="lower --ssaa or --size")

    @property
    def render_size(self) -> tuple[int, int]:
        return (self.size[0] * self.ssaa, self.size[1] * self.ssaa)


@dataclass(frozen=True)
class DeckInputs:
    """One deck's frame beyond its show time: what the performer's hands add, and the clock's
    step; a plain show on the export grid has none of it (``PLAIN_DECK``).

    ``overrides``: parameter values played by hand, by scene and name, winning over the
    timeline; ``touches``: (show time, touch) from the mouse or a pad; ``triggers``:
    (performance time ``perf_t`` is now, trigger) whose bursts the post effects add;
    ``tempo``: (beat, bpm) when the tempo is played live; ``dt``: seconds since the frame
    before (u_delta), None on the export grid where it is 1 / fps.
    """

    overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    touches: tuple = ()
    triggers: tuple = ()
    perf_t: float = 0.0
    tempo: tuple[float, float] | None = None
    dt: float | None = None


PLAIN_DECK = DeckInputs()


@dataclass(frozen=True)
class DeckImage:
    """A rendered deck: the framebuffer holding it and what its timeline played."""

    fbo: moderngl.Framebuffer
    sample: TimelineSample
