"""Audio files as samples: WAV, FLAC, OGG and MP3 through soundfile, anything else ffmpeg decodes.

A clip is float32 samples (frames x channels) at its own rate.  Nothing is resampled here:
the analysis works at any rate and the muxer keeps the file's rate in the video.  Every way a
file can be unusable (missing, unreadable, empty) is one :class:`VisualsError` naming it.
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from visuals.errors import VisualsError
from visuals.load.paths import display_path

FFMPEG_RATE = 48000


@dataclass(frozen=True)
class AudioClip:
    """Samples (n, channels) float32 in [-1, 1] at ``rate`` Hz; ``source`` names it in messages."""

    samples: np.ndarray
    rate: int
    source: str = ""

    @property
    def duration(self) -> float:
        return self.samples.shape[0] / self.rate

    @property
    def channels(self) -> int:
        return self.samples.shape[1]

    def mono(self) -> np.ndarray:
        return self.samples.mean(axis=1, dtype=np.float32) if self.channels > 1 else self.samples[:, 0]

    def is_silent(self) -> bool:
        return not self.samples.size or float(np.max(np.abs(self.samples))) < 1e-4   # under -80 dBFS

    def segment(self, start: float, stop: float) -> np.ndarray:
        """Samples from ``start`` to ``stop`` seconds, padded with silence past either end,
        so a render longer than the file still gets exactly its length of sound."""
        a, b = round(start * self.rate), round(stop * self.rate)
        out = np.zeros((max(0, b - a), self.channels), np.float32)
        lo, hi = max(a, 0), min(b, self.samples.shape[0])
        if hi > lo:
            out[lo - a:hi - a] = self.samples[lo:hi]
        return out


def _unreadable(path: Path, why: str) -> VisualsError:
    return VisualsError(f"cannot read audio: {why}", file=display_path(path),
                        fix="give a WAV, FLAC, OGG or MP3 file (or anything ffmpeg decodes)")


def _ffmpeg_decode(path: Path) -> AudioClip:
    """What soundfile cannot read (AAC, a video's sound track...) decoded by ffmpeg to float32."""
    from visuals.output.sinks import ffmpeg_exe
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-i", str(path),
           "-vn", "-ac", "2", "-ar", str(FFMPEG_RATE), "-f", "f32le", "-"]
    try:
        proc = subprocess.run(cmd, capture_output=True)
    except OSError as err:
        raise _unreadable(path, f"ffmpeg could not start ({err.strerror or err})") from None
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        raise _unreadable(path, lines[-1] if lines else f"ffmpeg exit code {proc.returncode}")
    data = np.frombuffer(proc.stdout, np.float32).reshape(-1, 2)
    return AudioClip(data.copy(), FFMPEG_RATE, display_path(path))


@contextlib.contextmanager
def _quiet_stderr():
    """Silence what decoders inside libsndfile (libmpg123) print on the process's stderr, so
    a bad file is the one line visuals says about it and no warning from C above it."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def load_audio(path: str | Path) -> AudioClip:
    """Read a whole audio file; one clear error when it is missing, unreadable or empty."""
    path = Path(path).expanduser()
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise VisualsError(f"audio file {what}", file=display_path(path),
                           fix="give the path of a WAV, FLAC, OGG or MP3 file with --audio")
    import soundfile
    try:
        with _quiet_stderr():
            data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
        clip = AudioClip(np.ascontiguousarray(data), int(rate), display_path(path))
    except (RuntimeError, soundfile.LibsndfileError, TypeError, ValueError):
        clip = _ffmpeg_decode(path)
    if clip.samples.shape[0] == 0:
        raise VisualsError("the audio file holds no samples", file=display_path(path),
                           fix="give a file with sound in it")
    return clip
