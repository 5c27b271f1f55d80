"""The live render scale: a fraction of the window's size, lowered and raised to hold a frame rate.

The window shows the render upscaled, so a weak machine can hold ``--adaptive FPS`` by
rendering fewer pixels; it climbs back to the scale asked for (``--scale``) when it can.
"""
from __future__ import annotations

import math
import statistics
from typing import Sequence


class AdaptiveScale:
    def __init__(self, scale: float = 1.0, target_fps: float | None = None):
        self.scale = scale
        self.top = scale               # never above the scale asked for
        self.target_fps = target_fps
        self._since = 0.0              # when the scale last changed

    def render_size(self, window: tuple[int, int]) -> tuple[int, int]:
        w, h = window
        return (max(1, round(w * self.scale)), max(1, round(h * self.scale)))

    def adapt(self, now: float, intervals: Sequence[float]) -> bool:
        """Look at the last frame intervals; True when the scale changed (the intervals
        measured at the old scale say nothing of the new one: clear them)."""
        target = self.target_fps
        if not target or len(intervals) < 20 or now - self._since < 1.0:
            return False
        frame_time = statistics.median(list(intervals)[-20:])
        budget = 1.0 / target
        new = self.scale
        if frame_time > budget * 1.08:
            new = max(0.25, self.scale * max(0.7, math.sqrt(budget / frame_time)))
        elif frame_time < budget * 0.75 and self.scale < self.top:
            new = min(self.top, self.scale * 1.15)
        if abs(new - self.scale) <= 0.02:
            return False
        self.scale = new
        self._since = now
        return True
