"""The two clocks: a fixed step for export, wall time for the live window.

Export must be frame-exact: frame n is at t = n / fps computed from integers (fps is kept as
a Fraction, so 30000/1001 works), never by adding dt repeatedly, so there is no drift after
any number of frames and any frame can be rendered alone.  The realtime clock reads an
injected time source (``time.perf_counter`` by default) so that tests can drive it and so
nothing below the engine touches the wall clock.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from visuals.errors import VisualsError


@dataclass(frozen=True)
class Frame:
    """One frame to render: its index, its time in seconds and the step since the last one."""

    index: int
    t: float
    dt: float


def parse_fps(value: str | float | int | Fraction) -> Fraction:
    """Frames per second as an exact fraction: 30, 29.97, '30000/1001'."""
    try:
        if isinstance(value, Fraction):
            fps = value
        elif isinstance(value, str) and "/" in value:
            num, den = value.split("/", 1)
            fps = Fraction(int(num), int(den))
        else:
            fps = Fraction(str(value)).limit_denominator(1001)
            # 29.97, 59.94, 23.976 are the NTSC rates N * 1000/1001, written as decimals.
            ntsc = Fraction(round(fps * Fraction(1001, 1000)) * 1000, 1001)
            if fps.denominator != 1 and ntsc > 0 and abs(fps - ntsc) < Fraction(1, 200):
                fps = ntsc
    except (ValueError, ZeroDivisionError):
        raise VisualsError(f"invalid fps '{value}'",
                           fix="give a positive number such as 30, 59.94 or 30000/1001") from None
    if not (0 < fps <= 1000):
        raise VisualsError(f"fps {value} is out of range",
                           fix="give a frame rate between 0 and 1000, e.g. 30")
    return fps


class FixedClock:
    """t = frame / fps, exactly; used for export and for anything that must be repeatable."""

    def __init__(self, fps: Fraction | float | int | str = 30):
        self.fps = parse_fps(fps)

    def time_of(self, index: int) -> float:
        return float(Fraction(index) / self.fps)

    def frame(self, index: int) -> Frame:
        return Frame(index, self.time_of(index), float(1 / self.fps))

    def frame_at(self, t: float) -> int:
        """The frame shown at time t (the last one starting at or before t)."""
        # The epsilon absorbs binary rounding of t (0.7 s at 30 fps is frame 21, not 20).
        return max(0, math.floor(t * float(self.fps) + 1e-6))

    def first_frame_from(self, t: float) -> int:
        """The first frame whose time is at or after t (frame ranges are [start, end))."""
        return max(0, math.ceil(t * float(self.fps) - 1e-6))

    def frames(self, start: int, stop: int):
        for i in range(start, stop):
            yield self.frame(i)


class RealtimeClock:
    """Show time that follows a time source, with pause, seek and speed.

    Show time is ``anchor_show + (now - anchor_wall) * speed`` while playing; every change of
    state re-anchors, so pausing, seeking and speed changes never make time jump.
    """

    def __init__(self, time_source: Callable[[], float] = time.perf_counter,
                 start: float = 0.0, speed: float = 1.0, paused: bool = False):
        self._now = time_source
        self._speed = speed
        self._paused = paused
        self._anchor_wall = self._now()
        self._anchor_show = start
        self._index = -1
        self._last_t: float | None = None

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def speed(self) -> float:
        return self._speed

    def time(self) -> float:
        if self._paused:
            return self._anchor_show
        return self._anchor_show + (self._now() - self._anchor_wall) * self._speed

    def _reanchor(self) -> None:
        self._anchor_show = self.time()
        self._anchor_wall = self._now()

    def pause(self) -> None:
        self._reanchor()
        self._paused = True

    def play(self) -> None:
        self._reanchor()
        self._paused = False

    def toggle(self) -> None:
        self.play() if self._paused else self.pause()

    def seek(self, t: float) -> None:
        self._anchor_show = max(0.0, t)
        self._anchor_wall = self._now()

    def nudge(self, dt: float) -> None:
        self.seek(self.time() + dt)

    def set_speed(self, speed: float) -> None:
        self._reanchor()
        self._speed = speed

    def tick(self) -> Frame:
        """The next frame to draw: its index counts frames drawn, its t is the show time."""
        t = self.time()
        dt = 0.0 if self._last_t is None else t - self._last_t
        self._last_t = t
        self._index += 1
        return Frame(self._index, t, dt)
