"""The audio features by name: the one table that signals, uniforms and docs share.

Each feature is a float per frame.  Signals read them as ``Audio("bass")``; shaders read
them as ``u_audio_<name>``; the 32 log-spaced bands are ``band0`` .. ``band31`` for
signals and the array ``u_audio_bands[32]`` for shaders.  Kept free of numpy so importing
the signals costs nothing.
"""
from __future__ import annotations

BAND_COUNT = 32
TEXTURE_WIDTH = 512      # bins of the spectrum row and samples of the waveform row (Shadertoy's)

# name -> (meaning, unit/range).  shaders/README.md's audio table is checked against this.
FEATURES: dict[str, str] = {
    "level": "loudness: RMS level, 0 at -60 dBFS or below, 1 at full scale (smoothed)",
    "peak": "peak sample level on the same scale (smoothed)",
    "bass": "20-250 Hz band level, 0..1 as level (smoothed)",
    "lowmid": "250-2000 Hz band level, 0..1 (smoothed)",
    "highmid": "2-6 kHz band level, 0..1 (smoothed)",
    "treble": "6-20 kHz band level, 0..1 (smoothed)",
    "flux": "spectral flux, 0..1 (1 = the loudest change in the track)",
    "onset": "1 on the frame of an onset, decaying over about 0.1 s",
    "ahead": "offline only: ramp from 0 to 1 over the 0.5 s before the next onset (0 live)",
    "to_onset": "offline only: seconds to the next onset (10 when none follows; 0 live)",
    "beat": "phase within the track's beat, 0..1 (0 on the beat)",
    "to_beat": "seconds to the next beat of the track's tempo",
    "bpm": "the track's tempo in beats per minute (0 when none was found)",
}
BAND_NAMES = tuple(f"band{i}" for i in range(BAND_COUNT))
ALL_NAMES = tuple(FEATURES) + BAND_NAMES
