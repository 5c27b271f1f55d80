"""Sound seen from show time.

The picture's time and the sound's time part ways inside a glitch loop: the picture repeats
earlier show time while the sound track runs on.  The renderer samples the timeline in show
time, so it hands signals and scenes an :class:`AudioClock` that adds the frame's shift back.
"""
from __future__ import annotations

from typing import Any


class AudioClock:
    """``provider`` (offline features or a live analyser) read at ``t + shift``."""

    def __init__(self, provider: Any, shift: float = 0.0):
        self.provider = provider
        self.shift = shift

    def value(self, name: str, t: float) -> float:
        return self.provider.value(name, t + self.shift)

    def frame_at(self, t: float):
        return self.provider.frame_at(t + self.shift)
