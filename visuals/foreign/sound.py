"""The sound an audio input of a foreign shader sees.

Every audio input reads the frame's sound analysis (``SceneState.audio``, from
:mod:`visuals.audio`) through this one function, and silence of the same shape when the frame
hears nothing:

* ISF ``audio``: a waveform, ``width`` samples across and one row per channel, 0.5 = silence
  (ISF stores samples as 0..1 around the middle);
* ISF ``audioFFT``: magnitudes, ``width`` bins across and one row per channel, 0 = silence;
* Shadertoy's sound channel: 512x2, row 0 the spectrum and row 1 the waveform (0.5 = silence).
"""
from __future__ import annotations

import numpy as np

from visuals.model.scene import SceneState

CHANNELS = 2
SHADERTOY_WIDTH = 512


def sound_texture(kind: str, width: int, state: SceneState | None = None) -> np.ndarray:
    """A float32 (rows, width) array for ``kind`` 'audio', 'audioFFT' or 'shadertoy' at
    ``state``'s time: the analysis' spectrum and waveform rows resampled to ``width``, both
    channels the same (the analysis is mono), or silence when there is no sound."""
    frame = getattr(state, "audio", None)
    if frame is not None:
        return _heard(kind, width, frame)
    if kind == "audio":
        return np.full((CHANNELS, width), 0.5, np.float32)
    if kind == "audioFFT":
        return np.zeros((CHANNELS, width), np.float32)
    if kind == "shadertoy":
        data = np.zeros((2, SHADERTOY_WIDTH), np.float32)
        data[1, :] = 0.5
        return data
    raise ValueError(f"unknown sound texture kind {kind!r}")


def _heard(kind: str, width: int, frame) -> np.ndarray:
    """The analysis' rows in the layout ``kind`` asks for.  Shadertoy's channel is the audio
    texture itself; ISF's rows are resampled (linearly) to the width the header declares."""
    from visuals.audio.texture import texture_data
    if kind == "shadertoy":
        return texture_data(frame, "shadertoy")
    row = texture_data(frame, kind)[0]
    if width != row.shape[0]:
        row = np.interp(np.linspace(0.0, row.shape[0] - 1, width), np.arange(row.shape[0]), row)
    return np.ascontiguousarray(np.vstack([row] * CHANNELS).astype(np.float32))


def is_silent_source(state: SceneState | None = None) -> bool:
    """True when ``state`` hears nothing: its silence is uploaded once and kept."""
    return getattr(state, "audio", None) is None
