"""The two clocks: a fixed step for export, a time source for the live window.

Export must be frame-exact: frame n is at t = n / fps computed from integers (fps is kept as
a Fraction, so 30000/1001 works), never by adding dt repeatedly, so there is no drift after
any number of frames and any frame can be rendered alone.  The live clock reads an
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
    """One frame to render: its index and its time in seconds."""

    index: int
    t: float


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
        return Frame(index, self.time_of(index))

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


class LiveClock:
    """Performance time for the live window: seconds since it opened, read from an injected
    time source (``time.perf_counter``; tests drive their own), and the frames drawn.

    Show time is not kept here: it is a function of this time through the deck transports
    (performance.TransportState), so pause, seek and speed are events a set file records.
    """

    def __init__(self, fps: Fraction, time_source: Callable[[], float] = time.perf_counter):
        self.fps = fps
        self._now = time_source
        self._t0 = time_source()
        self._last: Frame | None = None

    def time(self) -> float:
        """Seconds since the clock started: the time every control event is applied at."""
        return self._now() - self._t0

    def tick(self) -> tuple[Frame, float]:
        """The next frame to draw (its index counts frames drawn, its t is the performance
        time now) and the seconds since the last one (u_delta; the nominal 1/fps at first)."""
        t = self.time()
        last = self._last
        frame = Frame(0 if last is None else last.index + 1, t)
        self._last = frame
        return frame, float(1 / self.fps) if last is None else t - last.t
