"""One frame asked for and one frame given back: what every render of the program exchanges.

Export, still, sheet, replay, live and a farm's chunk each build a ``FrameInputs`` (the frame's
number, the performance state at its time, the size and frame rate) and hand it to
``mixer.Mixer.render``, the one frame driver; a plain show is a performance nobody touched
(``Performance.of_show``).  What they used to read back from the renderer afterwards (which
cues played) comes back in the ``FrameResult``.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping

import moderngl

from visuals.model.timeline import ActiveCue, LayerSample, TimelineSample
from visuals.perform.performance import PerformanceFrame


@dataclass(frozen=True)
class FrameInputs:
    """Everything a frame is made of.

    ``index`` is the frame's number (export: since the start of the show; live: frames drawn),
    ``state`` the performance at the frame's time (``state.t``), ``size`` and ``fps`` the
    output's, ``dt`` the seconds since the frame before (live; None: exactly 1 / fps).
    """

    index: int
    state: PerformanceFrame
    size: tuple[int, int]
    fps: Fraction
    dt: float | None = None

    @property
    def t(self) -> float:
        return self.state.t


@dataclass(frozen=True)
class FrameResult:
    """A rendered frame: the framebuffer holding it (GL rows, bottom first) and what each
    deck's timeline played."""

    fbo: moderngl.Framebuffer
    samples: Mapping[str, TimelineSample]

    def top_layer(self, deck: str = "a") -> LayerSample | None:
        """The top layer a deck showed (a caption's or the HUD's cue), or None."""
        sample = self.samples.get(deck)
        return sample.layers[-1] if sample is not None and sample.layers else None

    def top_cue(self, deck: str = "a") -> ActiveCue | None:
        layer = self.top_layer(deck)
        return None if layer is None else layer.current

    def read_rgb(self) -> bytes:
        return self.fbo.read(components=3, alignment=1)
