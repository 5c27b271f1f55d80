"""A progress bar for renders: frames done, frames per second, time left.

It reads the wall clock, which is fine here: it reports on the render, it never feeds it.
On a terminal it redraws one line at most ten times a second; otherwise (CI logs, pipes) it
prints a plain line every ten percent so logs stay readable.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO


def _fmt_seconds(s: float) -> str:
    if s != s or s == float("inf"):
        return "--:--"
    s = int(round(s))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


class Progress:
    def __init__(self, total: int, label: str = "render", stream: TextIO | None = None,
                 enabled: bool = True, clock=time.perf_counter, unit: str = "frames"):
        self.total = max(total, 0)
        self.unit = unit
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.clock = clock
        self.done = 0
        self.start = clock()
        self._last_draw = -1.0
        self._last_decile = -1
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    @property
    def elapsed(self) -> float:
        return self.clock() - self.start

    def fps(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        fps = self.fps()
        eta = (self.total - self.done) / fps if fps > 0 else float("inf")
        frac = self.done / self.total if self.total else 1.0
        width = 24
        filled = int(frac * width)
        bar = "#" * filled + "-" * (width - filled)
        rate = "fps" if self.unit == "frames" else f"{self.unit}/s"
        return (f"{self.label} [{bar}] {self.done}/{self.total} {self.unit} {frac * 100:5.1f}% "
                f"{fps:6.1f} {rate}  elapsed {_fmt_seconds(self.elapsed)}  ETA {_fmt_seconds(eta)}")

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = self.clock()
        if self.tty:
            if now - self._last_draw >= 0.1 or self.done == self.total:
                self._last_draw = now
                self.stream.write("\r" + self.line())
                self.stream.flush()
        else:
            decile = int(10 * self.done / self.total) if self.total else 10
            if decile != self._last_decile:
                self._last_decile = decile
                self.stream.write(self.line() + "\n")
                self.stream.flush()

    def close(self, message: str | None = None) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r" + self.line() + "\n")
        if message:
            self.stream.write(message + "\n")
        self.stream.flush()
