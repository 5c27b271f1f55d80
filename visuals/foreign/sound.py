"""The sound an audio input of a foreign shader sees.

There is no sound analysis in the engine yet; until there is, every audio input reads
silence of the documented shape, through this one function, which the sound work will fill
in from its analysis of the frame's time:

* ISF ``audio``: a waveform, ``width`` samples across and one row per channel, 0.5 = silence
  (ISF stores samples as 0..1 around the middle);
* ISF ``audioFFT``: magnitudes, ``width`` bins across and one row per channel, 0 = silence;
* Shadertoy's sound channel: 512x2, row 0 the spectrum and row 1 the waveform (0.5 = silence).
"""
from __future__ import annotations

import numpy as np

from ..scene import SceneState

CHANNELS = 2
SHADERTOY_WIDTH = 512


def sound_texture(kind: str, width: int, state: SceneState | None = None) -> np.ndarray:
    """A float32 (rows, width) array for ``kind`` 'audio', 'audioFFT' or 'shadertoy' at
    ``state``'s time.  Silence for now (see the module doc)."""
    if kind == "audio":
        return np.full((CHANNELS, width), 0.5, np.float32)
    if kind == "audioFFT":
        return np.zeros((CHANNELS, width), np.float32)
    if kind == "shadertoy":
        data = np.zeros((2, SHADERTOY_WIDTH), np.float32)
        data[1, :] = 0.5
        return data
    raise ValueError(f"unknown sound texture kind {kind!r}")


def is_silent_source() -> bool:
    """True while sound_texture only returns silence: uploads can then be done once."""
    return True
