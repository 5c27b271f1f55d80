"""MIDI clock: tempo and beat from the 24 pulses per quarter note a sequencer sends.

The tempo is the least-squares slope of the last two beats of pulses, which averages out the
jitter of the pulses' arrival (JACK delivers them in blocks of a period, 5.3 ms at 256 frames
and 48 kHz); ``SetTempo`` is posted when it moves by more than 0.05 bpm.  Start and continue
align the beat (``BeatSync``) on the first pulse that follows them, as the MIDI spec places the
downbeat there; stop stops following the clock until the next start or continue.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from visuals.controls.events import BeatSync, Control, SetTempo

CLOCK_PPQN = 24
CLOCK_WINDOW = 2 * CLOCK_PPQN     # pulses the tempo is estimated over (two beats)
CLOCK_MIN = CLOCK_PPQN            # pulses before the first estimate (one beat)
CLOCK_GAP = 0.3                   # s without a pulse (below 9 bpm): the clock stopped; start afresh
TEMPO_THRESHOLD = 0.05            # bpm: smaller changes are not posted


@dataclass
class MidiClock:
    """Tempo and beat from MIDI clock: feed each realtime message with its arrival time."""

    threshold: float = TEMPO_THRESHOLD
    ticks: deque = field(default_factory=lambda: deque(maxlen=CLOCK_WINDOW + 1))
    following: bool = True          # stop -> False until start / continue
    bpm: float | None = None        # the latest estimate
    posted: float | None = None     # the last bpm posted
    song_position: int | None = None    # in sixteenth notes, from a song position pointer
    _sync: float | None = None      # the beat to align on the next pulse

    def feed(self, kind: str, t: float, value: Any = None) -> list[Control]:
        out: list[Control] = []
        if kind == "clock":
            if self.ticks and t - self.ticks[-1] > CLOCK_GAP:
                self.ticks.clear()
            self.ticks.append(t)
            if self._sync is not None:
                out.append(BeatSync(beat=self._sync, source="midi"))
                self._sync = None
            if len(self.ticks) > CLOCK_MIN:
                self.bpm = self.estimate()
                if self.following and self.bpm is not None and (
                        self.posted is None or abs(self.bpm - self.posted) > self.threshold):
                    self.posted = self.bpm
                    out.append(SetTempo(bpm=round(self.bpm, 3), source="midi"))
        elif kind == "start":
            self.following, self._sync, self.song_position = True, 0.0, None
            self.posted = None          # post the tempo again: someone may have tapped meanwhile
            self.ticks.clear()          # a new run of the clock, perhaps at another tempo
        elif kind == "continue":
            self.following = True
            self._sync = self.song_position / 4.0 if self.song_position is not None else 0.0
            self.posted = None
        elif kind == "stop":
            self.following = False
        elif kind == "songpos":
            self.song_position = int(value or 0)
        return out

    def estimate(self) -> float | None:
        """bpm from the least-squares slope of pulse times against pulse numbers."""
        n = len(self.ticks)
        if n < 2:
            return None
        times = list(self.ticks)
        mean_i = (n - 1) / 2.0
        mean_t = sum(times) / n
        num = sum((i - mean_i) * (t - mean_t) for i, t in enumerate(times))
        den = sum((i - mean_i) ** 2 for i in range(n))
        if num <= 0 or den <= 0:
            return None
        seconds_per_pulse = num / den
        return 60.0 / (seconds_per_pulse * CLOCK_PPQN)

