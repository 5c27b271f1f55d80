"""Sound files for the audio tests: tones, click tracks, silence (written with soundfile)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def tone(path: Path, freq: float, seconds: float = 2.0, rate: int = 48000, amp: float = 0.5) -> Path:
    import soundfile
    t = np.arange(int(seconds * rate)) / rate
    x = (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)
    soundfile.write(str(path), np.stack([x, x], 1), rate)
    return path


def click_times(bpm: float, first: float, seconds: float) -> np.ndarray:
    return np.arange(first, seconds - 0.1, 60.0 / bpm)


def clicks(path: Path, bpm: float = 120.0, first: float = 0.5, seconds: float = 10.0, rate: int = 48000,
           subtype: str | None = None) -> Path:
    """A click track: a short decaying burst at each beat from ``first`` on."""
    import soundfile
    x = np.zeros(int(seconds * rate), np.float32)
    burst = (np.sign(np.sin(np.arange(240) * 0.7)) * np.linspace(0.8, 0.0, 240)).astype(np.float32)
    for t in click_times(bpm, first, seconds):
        s = int(round(t * rate))
        x[s:s + 240] += burst[:len(x) - s]
    soundfile.write(str(path), np.stack([x, x], 1), rate, subtype=subtype)
    return path


def silence(path: Path, seconds: float = 1.0, rate: int = 48000) -> Path:
    import soundfile
    soundfile.write(str(path), np.zeros((int(seconds * rate), 2), np.float32), rate)
    return path
