"""A sound input heard live: a device (PulseAudio, JACK or ALSA through PortAudio) analysed
at each frame from the newest samples.

The capture callback only copies samples into a ring; the analysis runs on the render thread
when a frame asks for it (``frame_at``), over the newest 2048 samples, with the same level
scale and bands as the offline analysis.  Live has no look-ahead (``ahead``, ``to_onset`` stay
0) and its tempo is the median spacing of recent onsets.  No device, no PortAudio, or a name
that matches nothing: one line, and the show plays on without sound input.
"""
from __future__ import annotations

import math
import threading
import time

import numpy as np

from visuals.errors import VisualsError
from .analysis import (ATTACK_S, BAND_EDGES, NAMED_BANDS, ONSET_DECAY_S, RELEASE_S, WINDOW, AudioFrame,
                       band_power, level_scale)
from .names import BAND_COUNT, FEATURES, TEXTURE_WIDTH


def _sounddevice():
    try:
        import sounddevice
        return sounddevice, ""
    except (ImportError, OSError) as err:
        return None, f"PortAudio is not available ({err}); install libportaudio2"


def list_inputs() -> tuple[list[tuple[int, str, int, float]], str]:
    """(index, name, input channels, default rate) of every input device, and why there are
    none when there are none."""
    sd, why = _sounddevice()
    if sd is None:
        return [], why
    try:
        devices = sd.query_devices()
    except Exception as err:          # PortAudio could not start a host API
        return [], f"PortAudio found no sound system ({err})"
    found = [(i, d["name"], int(d["max_input_channels"]), float(d["default_samplerate"]))
             for i, d in enumerate(devices) if d["max_input_channels"] > 0]
    return found, "no sound server or input device (start PulseAudio or JACK)"


def find_input(spec: str) -> int:
    """A device by index, or the first whose name contains ``spec`` (case-insensitive)."""
    devices, why = list_inputs()
    if not devices:
        raise VisualsError(f"no sound input device: {why}", fix="'visuals audio --list' shows the devices")
    if spec.strip().isdigit():
        index = int(spec)
        if any(d[0] == index for d in devices):
            return index
    for index, name, _, _ in devices:
        if spec.lower() in name.lower():
            return index
    raise VisualsError(f"no sound input device matches '{spec}'",
                       fix="valid: " + ", ".join(f"{i} ({n})" for i, n, _, _ in devices[:8]))


class LiveAnalyser:
    """Capture from a device and answer ``frame_at(t)`` / ``value(name, t)`` with the newest sound."""

    def __init__(self, device: int | None = None, rate: int = 48000, blocksize: int = 256):
        sd, why = _sounddevice()
        if sd is None:
            raise VisualsError(f"no sound input: {why}")
        self.rate = rate
        self.ring = np.zeros(WINDOW * 2, np.float32)
        self.written = 0
        self.lock = threading.Lock()
        self.first_data: float | None = None
        self.rises: list[float] = []
        self._loud = False
        try:
            self.stream = sd.InputStream(device=device, channels=1, samplerate=rate, blocksize=blocksize,
                                         dtype="float32", latency="low", callback=self._capture)
            self.stream.start()
        except Exception as err:
            raise VisualsError(f"cannot open sound input {device if device is not None else '(default)'}: {err}",
                               fix="'visuals audio --list' shows the devices") from None
        self._smoothed = np.zeros(6 + BAND_COUNT, np.float32)
        self._last_t: float | None = None
        self._last_logmag: np.ndarray | None = None
        self._flux_mean = 0.0
        self._flux_top = 1e-6
        self._onsets: list[float] = []
        self.last_frame: AudioFrame | None = None

    def _capture(self, data, frames, when, status) -> None:
        x = data[:, 0]
        with self.lock:
            n = len(x)
            self.ring = np.roll(self.ring, -n)
            self.ring[-n:] = x
            self.written += n
        if self.first_data is None and np.any(x != 0):
            self.first_data = time.perf_counter()
        loud = float(np.abs(x).max()) > 0.1
        if loud and not self._loud:
            self.rises.append(time.perf_counter())      # when a sound arrived (latency benchmark)
            del self.rises[:-16]
        self._loud = loud

    def newest(self, count: int) -> np.ndarray:
        with self.lock:
            return self.ring[-count:].copy()

    def frame_at(self, t: float) -> AudioFrame:
        """Analyse the newest samples; ``t`` (show or wall seconds) only times the smoothing."""
        if self.last_frame is not None and t == self._last_t:
            return self.last_frame           # several cues (and signals) hear one frame once
        x = self.newest(WINDOW)
        window = np.hanning(WINDOW).astype(np.float32)
        spec = np.fft.rfft(x * window)
        power = (np.abs(spec) ** 2)[None, :] * (2.0 / (WINDOW * float((window ** 2).sum())))
        freqs = np.fft.rfftfreq(WINDOW, 1.0 / self.rate)
        named = [level_scale(np.sqrt(2.0 * band_power(power, freqs, lo, min(hi, self.rate / 2))))[0]
                 for lo, hi in NAMED_BANDS.values()]
        bands = [level_scale(np.sqrt(2.0 * band_power(power, freqs, lo, hi)))[0]
                 for lo, hi in zip(BAND_EDGES[:-1], BAND_EDGES[1:])]
        rms = math.sqrt(float(np.mean((x * window) ** 2)) / float(np.mean(window ** 2)))
        raw = np.array([level_scale(np.array([math.sqrt(2) * rms]))[0],
                        level_scale(np.array([float(np.abs(x[-WINDOW // 2:]).max())]))[0], *named, *bands],
                       np.float32)
        dt = 1.0 / 60.0 if self._last_t is None else max(1e-3, min(0.5, t - self._last_t))
        self._last_t = t
        up, down = 1 - math.exp(-dt / ATTACK_S), 1 - math.exp(-dt / RELEASE_S)
        self._smoothed += np.where(raw > self._smoothed, up, down).astype(np.float32) * (raw - self._smoothed)
        logmag = np.log1p(100.0 * np.abs(spec) * (2.0 / window.sum()))
        flux = 0.0 if self._last_logmag is None else float(np.maximum(logmag - self._last_logmag, 0).sum())
        self._last_logmag = logmag
        self._flux_top = max(self._flux_top * math.exp(-dt / 10.0), flux, 1e-6)
        norm = flux / self._flux_top
        if norm > self._flux_mean + 0.3 and norm > 0.3 and (not self._onsets or t - self._onsets[-1] > 0.1):
            self._onsets = (self._onsets + [t])[-9:]
        self._flux_mean += (norm - self._flux_mean) * min(1.0, dt / 0.2)
        s = self._smoothed
        values = {name: 0.0 for name in FEATURES}
        values.update(level=float(s[0]), peak=float(s[1]), bass=float(s[2]), lowmid=float(s[3]),
                      highmid=float(s[4]), treble=float(s[5]), flux=min(1.0, norm))
        if self._onsets:
            values["onset"] = math.exp(-(t - self._onsets[-1]) / ONSET_DECAY_S)
        if len(self._onsets) >= 4:
            period = float(np.median(np.diff(self._onsets)))
            if 0.25 <= period <= 1.5:
                phase = ((t - self._onsets[-1]) / period) % 1.0
                values.update(bpm=60.0 / period, beat=phase, to_beat=(1 - phase) * period)
        # the texture's spectrum row as offline: 512 bins of a 2048-sample FFT (WINDOW)
        spectrum = level_scale(np.abs(spec)[:TEXTURE_WIDTH] * (2.0 / window.sum()))
        waveform = np.clip(0.5 + 0.5 * x[-TEXTURE_WIDTH:], 0, 1).astype(np.float32)
        self.last_frame = AudioFrame(values, s[6:].copy(), spectrum, waveform)
        return self.last_frame

    def value(self, name: str, t: float) -> float:
        frame = self.last_frame if self.last_frame is not None and self._last_t == t else self.frame_at(t)
        return frame.value(name)

    def close(self) -> None:
        try:
            self.stream.stop()
            self.stream.close()
        except Exception:
            pass
