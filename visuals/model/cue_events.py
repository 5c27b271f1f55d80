"""Events on a cue that a scene reacts to: touches.

An event happens at a time and stays in the scene's memory: ``SceneState.events`` lists
every event of the cue that happened at or before the frame's time, so a ripple started at
t = 3 s is a pure function of the frame's time (exact for export and seeking).  On the
timeline they are written in the cue's local time; live controls (mouse, pads, MIDI notes)
append them with the show time at which they arrived.  (The controls' own events -- keys,
MIDI, OSC, presets, triggers for the post effects -- are visuals/controls/events.py.)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from visuals.errors import SourceSite, VisualsError, caller_site


@dataclass(frozen=True)
class Touch:
    """A touch at (x, y) in 0..1 of the frame (origin bottom-left, like gl_FragCoord).

    ``time`` is in the cue's local seconds; ``strength`` scales the response (a MIDI note's
    velocity, a click's pressure).
    """

    time: float
    x: float
    y: float
    strength: float = 1.0
    site: SourceSite | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.site is None:
            object.__setattr__(self, "site", caller_site())
        for name, value, lo, hi in (("x", self.x, 0.0, 1.0), ("y", self.y, 0.0, 1.0),
                                    ("strength", self.strength, 0.0, 4.0)):
            if not lo <= value <= hi:
                raise VisualsError.at(self.site, f"touch {name} {value} is out of range",
                                      fix=f"give {name} in [{lo:g}, {hi:g}]")
        if self.time < 0:
            raise VisualsError(f"touch time {self.time} is negative", fix="give a time in cue seconds from 0")

    @property
    def kind(self) -> str:
        return "touch"


def events_until(events, t: float) -> tuple:
    """The events at or before local time t, oldest first."""
    return tuple(e for e in events if e.time <= t + 1e-9)
