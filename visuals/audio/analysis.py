"""Offline analysis: a whole clip turned into per-frame features, deterministically.

Offline is better than live: the whole file is known before the first frame renders, so each
frame can also know what comes next (``ahead``, ``to_onset``) and the tempo of the whole track.
Everything is numpy over the whole clip at once, with no randomness and no dependence on the
order frames are asked for: frame n's values are the same bytes in any render of any range.

Frame i is the sound around t = i / fps: the band spectrum from a 2048-sample Hann window
centred on t, onsets from a finer 1024-sample grid (hop 512) so each lands on the frame whose
time is nearest, then per-frame attack/release smoothing from the start of the file.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .names import BAND_COUNT, FEATURES, TEXTURE_WIDTH
from .sources import AudioClip

WINDOW = 2048
ONSET_WINDOW, ONSET_HOP = 1024, 512
FLOOR_DB = 60.0                  # the level scale: 0 at -60 dBFS, 1 at full scale
NAMED_BANDS = {"bass": (20.0, 250.0), "lowmid": (250.0, 2000.0), "highmid": (2000.0, 6000.0),
               "treble": (6000.0, 20000.0)}
BAND_EDGES = np.geomspace(40.0, 16000.0, BAND_COUNT + 1)
ATTACK_S, RELEASE_S = 0.01, 0.2
ONSET_DECAY_S = 0.1
AHEAD_S = 0.5
NO_ONSET_S = 10.0


def level_scale(amplitude: np.ndarray) -> np.ndarray:
    """Amplitude (1 = a full-scale sine's) to the 0..1 level scale over the top 60 dB."""
    db = 20.0 * np.log10(np.maximum(amplitude, 1e-9))
    return np.clip((db + FLOOR_DB) / FLOOR_DB, 0.0, 1.0).astype(np.float32)


def frames_of(x: np.ndarray, centres: np.ndarray, width: int) -> np.ndarray:
    """Windows of ``width`` samples centred on ``centres`` (sample indices), zero outside."""
    pad = width
    padded = np.concatenate([np.zeros(pad, np.float32), x.astype(np.float32), np.zeros(pad + width, np.float32)])
    starts = np.clip(centres - width // 2 + pad, 0, len(padded) - width)
    # rows of a strided view, copied row by row (an index array of n x width would cost more)
    return np.lib.stride_tricks.sliding_window_view(padded, width)[starts]


def band_power(power: np.ndarray, freqs: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Mean power of the part of the signal between ``lo`` and ``hi`` Hz (bins by centre; a
    band narrower than a bin takes the bin nearest its centre)."""
    mask = (freqs >= lo) & (freqs < hi)
    if not mask.any():
        mask = np.zeros_like(freqs, bool)
        mask[int(np.argmin(np.abs(freqs - math.sqrt(lo * hi))))] = True
    return power[:, mask].sum(axis=1)


def smooth(values: np.ndarray, fps: float, attack: float = ATTACK_S, release: float = RELEASE_S) -> np.ndarray:
    """One-pole attack/release follower along axis 0, from the start of the file: rises with
    time constant ``attack``, falls with ``release`` (seconds)."""
    a_up = 1.0 - math.exp(-1.0 / (attack * fps)) if attack > 0 else 1.0
    a_down = 1.0 - math.exp(-1.0 / (release * fps)) if release > 0 else 1.0
    out = np.empty_like(values)
    y = np.zeros(values.shape[1:], values.dtype)
    for i in range(values.shape[0]):
        x = values[i]
        y = y + np.where(x > y, a_up, a_down).astype(values.dtype) * (x - y)
        out[i] = y
    return out


def onset_function(mono: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Spectral flux (log-compressed magnitude increase summed over bins) on the fine grid,
    normalised to 1 at its maximum, and the time each value stands for (its window centre)."""
    n = max(1, math.ceil(len(mono) / ONSET_HOP))
    centres = np.arange(n) * ONSET_HOP + ONSET_WINDOW // 2
    frames = frames_of(mono, centres - ONSET_WINDOW // 2 + ONSET_WINDOW // 2, ONSET_WINDOW)
    frames *= np.hanning(ONSET_WINDOW).astype(np.float32)
    spec = np.fft.rfft(frames, axis=1)
    logmag = np.log1p(100.0 * np.abs(spec)).astype(np.float32)
    diff = np.diff(logmag, axis=0, prepend=np.zeros((1, logmag.shape[1]), logmag.dtype))
    flux = np.maximum(diff, 0.0).sum(axis=1)
    top = float(flux.max())
    flux = flux / top if top > 0 else flux
    # window k covers samples [k*hop, k*hop + W): its centre is k*hop + W/2
    times = (np.arange(n) * ONSET_HOP + ONSET_WINDOW / 2) / rate
    return flux.astype(np.float32), times


def pick_onsets(flux: np.ndarray, times: np.ndarray, rate: int) -> np.ndarray:
    """Onset times: local maxima of the flux above a moving average plus a margin, at least
    50 ms apart.  The time is the first fine window that contains the attack, so it lies
    within half a window before the attack itself."""
    if flux.size == 0 or float(flux.max()) <= 0:
        return np.zeros(0)
    hop_s = ONSET_HOP / rate
    half = max(1, int(round(0.1 / hop_s)))
    kernel = np.ones(2 * half + 1) / (2 * half + 1)
    mean = np.convolve(np.pad(flux, half, mode="edge"), kernel, mode="valid")
    is_peak = (flux >= np.concatenate([[0], flux[:-1]])) & (flux > np.concatenate([flux[1:], [0]]))
    candidates = np.nonzero(is_peak & (flux > mean + 0.1) & (flux > 0.2))[0]
    picked: list[int] = []
    gap = max(1, int(round(0.05 / hop_s)))
    for k in candidates:
        if picked and k - picked[-1] < gap:
            if flux[k] > flux[picked[-1]]:
                picked[-1] = k
            continue
        picked.append(k)
    # The time: the first fine window whose flux rose above half the peak, plus a hop and a
    # half from its start (measured on click tracks: within +-7 ms of the attack).
    out = []
    for k in picked:
        j = k
        while j > 0 and flux[j - 1] > 0.5 * flux[k]:
            j -= 1
        out.append(times[j] - (ONSET_WINDOW / 2) / rate + 1.5 * hop_s)
    return np.asarray(out)


def refine_onsets(mono: np.ndarray, rate: int, onsets: np.ndarray) -> np.ndarray:
    """Sharpen each onset to its attack in the waveform: within 15 ms either side, the first
    sample where the 1 ms envelope passes half its peak, when the attack rises well above what
    came before it (a sharp attack); otherwise the spectral estimate stays."""
    if onsets.size == 0:
        return onsets
    span, width = int(0.015 * rate), max(1, int(0.001 * rate))
    out = onsets.copy()
    for k, t in enumerate(onsets):
        c = int(round(t * rate))
        lo, hi = max(0, c - span), min(len(mono), c + span)
        if hi - lo <= 4 * width:
            continue
        env = np.convolve(np.abs(mono[lo:hi]), np.ones(width) / width, mode="same")
        peak = float(env.max())
        before = float(np.median(env[:2 * width]))
        if peak <= 0 or peak < 4.0 * before:
            continue
        out[k] = (lo + int(np.argmax(env > 0.5 * peak))) / rate
    return out


def estimate_tempo(flux: np.ndarray, rate: int, onsets: np.ndarray) -> tuple[float, float]:
    """(bpm, time of beat 0) for the whole track: the autocorrelation of the flux over 60..180
    bpm with a mild preference for 120, then a least-squares fit of a beat grid through the
    onsets that fall near it.  (0, 0) when the track has too few onsets to tell."""
    if len(onsets) < 4:
        return 0.0, 0.0
    frame_rate = rate / ONSET_HOP
    e = flux - flux.mean()
    size = 1 << int(math.ceil(math.log2(2 * len(e) + 1)))
    spec = np.fft.rfft(e, size)
    ac = np.fft.irfft(spec * np.conj(spec), size)[:len(e)]
    bpms = np.arange(60.0, 180.0, 0.25)
    lags = 60.0 * frame_rate / bpms
    valid = lags < len(ac) - 1
    if not valid.any():
        return 0.0, 0.0
    bpms, lags = bpms[valid], lags[valid]
    score = np.interp(lags, np.arange(len(ac)), ac) * np.exp(-0.5 * (np.log2(bpms / 120.0) / 1.0) ** 2)
    period = 60.0 / float(bpms[int(np.argmax(score))])
    # phase: the grid offset that lands on the most onsets, then refine period and offset together
    phases = np.mod(onsets, period) / period
    angle = np.angle(np.exp(2j * np.pi * phases).mean())
    offset = (angle / (2 * np.pi)) % 1.0 * period
    for _ in range(3):
        n = np.round((onsets - offset) / period)
        near = np.abs(onsets - offset - n * period) < 0.2 * period
        if near.sum() < 3 or np.ptp(n[near]) == 0:
            break
        slope, intercept = np.polyfit(n[near], onsets[near], 1)
        period, offset = float(slope), float(intercept)
    if not 0.2 <= period <= 2.0:
        return 0.0, 0.0
    # beat 0: the grid's beat nearest the first onset (the song's first beat, as a musician counts)
    return 60.0 / period, offset + round((float(onsets[0]) - offset) / period) * period


@dataclass
class AudioFrame:
    """What one frame hears: every feature by name, the 32 bands, and the texture rows.

    The rows may be given as arrays or as ``rows``, a function computing both: offline they
    cost an FFT, made only when a shader samples the audio texture."""

    values: dict[str, float]
    bands: np.ndarray
    _spectrum: np.ndarray | None = field(default=None, repr=False)
    _waveform: np.ndarray | None = field(default=None, repr=False)
    rows: Any = field(default=None, repr=False)

    def _fill(self) -> None:
        if self._spectrum is None:
            self._spectrum, self._waveform = self.rows()

    @property
    def spectrum(self) -> np.ndarray:
        self._fill()
        return self._spectrum

    @property
    def waveform(self) -> np.ndarray:
        self._fill()
        return self._waveform

    def value(self, name: str, t: float | None = None) -> float:
        if name.startswith("band") and name[4:].isdigit():
            return float(self.bands[int(name[4:])])
        return float(self.values.get(name, 0.0))


def silent_frame() -> AudioFrame:
    return AudioFrame({name: 0.0 for name in FEATURES}, np.zeros(BAND_COUNT, np.float32),
                      np.zeros(TEXTURE_WIDTH, np.float32), np.full(TEXTURE_WIDTH, 0.5, np.float32))


class AudioFeatures:
    """A clip analysed at a frame rate: ``frame_at(t)``, ``value(name, t)``, ``tempo_at(t)``.

    Times past the end of the clip (a render longer than the song) hear silence, with the
    beat still running on the track's tempo.
    """

    def __init__(self, clip: AudioClip, fps: Fraction | float):
        self.clip = clip
        self.fps = Fraction(fps) if not isinstance(fps, Fraction) else fps
        fpsf = float(self.fps)
        rate = clip.rate
        mono = clip.mono()
        self._mono = mono
        n = max(1, math.ceil(clip.duration * fpsf))
        self.frame_count = n
        centres = np.array([round(Fraction(i) / self.fps * rate) for i in range(n)], np.int64)
        window = np.hanning(WINDOW).astype(np.float32)
        frames = frames_of(mono, centres, WINDOW)
        peak = np.abs(frames[:, WINDOW // 4: 3 * WINDOW // 4]).max(axis=1)
        frames *= window
        spec = np.fft.rfft(frames, axis=1)
        power = (spec.real ** 2 + spec.imag ** 2).astype(np.float32)
        del spec
        power *= 2.0 / (WINDOW * float((window ** 2).sum()))      # mean power per bin, one-sided
        freqs = np.fft.rfftfreq(WINDOW, 1.0 / rate)
        raw: dict[str, np.ndarray] = {}
        for name, (lo, hi) in NAMED_BANDS.items():
            raw[name] = level_scale(np.sqrt(2.0 * band_power(power, freqs, lo, min(hi, rate / 2))))
        bands = np.stack([level_scale(np.sqrt(2.0 * band_power(power, freqs, lo, hi)))
                          for lo, hi in zip(BAND_EDGES[:-1], BAND_EDGES[1:])], axis=1)
        rms = np.sqrt(np.mean(frames ** 2, axis=1) / np.mean(window ** 2))      # (frames are windowed)
        raw["level"] = level_scale(np.sqrt(2.0) * rms)
        raw["peak"] = level_scale(peak)
        stacked = np.stack([raw[k] for k in ("level", "peak", *NAMED_BANDS)], axis=1)
        smoothed = smooth(np.concatenate([stacked, bands], axis=1), fpsf)
        self.series: dict[str, np.ndarray] = {k: smoothed[:, i] for i, k in
                                              enumerate(("level", "peak", *NAMED_BANDS))}
        self.bands = np.ascontiguousarray(smoothed[:, stacked.shape[1]:])
        flux, ftimes = onset_function(mono, rate)
        self.onset_times = refine_onsets(mono, rate, pick_onsets(flux, ftimes, rate))
        self.onset_frames = np.unique(np.round(self.onset_times * fpsf).astype(np.int64))
        self._onset_frame_list = self.onset_frames.tolist()
        self._onset_time_list = self.onset_times.tolist()
        frame_flux = np.interp(np.arange(n) / fpsf, ftimes, flux) if flux.size else np.zeros(n)
        self.series["flux"] = frame_flux.astype(np.float32)
        self.bpm, self.beat_time = estimate_tempo(flux, rate, self.onset_times)
        self.silent = clip.is_silent()
        self._cached: tuple[float, AudioFrame] | None = None

    # -- per frame ----------------------------------------------------------------------
    def index(self, t: float) -> int:
        return int(round(t * float(self.fps)))

    def _onset_values(self, t: float, i: int) -> dict[str, float]:
        # (bisect on plain lists: numpy's searchsorted on a scalar cost more than the rest of
        # a frame's sound, 0.15 ms a frame)
        frames, times = self._onset_frame_list, self._onset_time_list
        fpsf = float(self.fps)
        k = bisect.bisect_right(frames, i)
        onset = math.exp(-(i - frames[k - 1]) / fpsf / ONSET_DECAY_S) if k > 0 else 0.0
        nxt = bisect.bisect_right(times, t)
        to_onset = times[nxt] - t if nxt < len(times) else NO_ONSET_S
        to_onset = min(to_onset, NO_ONSET_S)
        ahead = max(0.0, 1.0 - to_onset / AHEAD_S)
        return {"onset": onset, "to_onset": to_onset, "ahead": ahead}

    def tempo_at(self, t: float) -> tuple[float, float] | None:
        """(beat, bpm) of the track at time t, beat 0 on the first beat; None without a tempo."""
        if self.bpm <= 0:
            return None
        return (t - self.beat_time) * self.bpm / 60.0, self.bpm

    def frame_at(self, t: float) -> AudioFrame:
        if self._cached is not None and self._cached[0] == t:
            return self._cached[1]
        values, bands = self._values(t)
        frame = AudioFrame(values, bands, rows=lambda: texture_rows(self._mono, self.clip.rate, t))
        self._cached = (t, frame)
        return frame

    def _values(self, t: float) -> tuple[dict[str, float], np.ndarray]:
        i = self.index(t)
        values = {name: 0.0 for name in FEATURES}
        if 0 <= i < self.frame_count:
            for name, series in self.series.items():
                values[name] = float(series[i])
            bands = self.bands[i]
        else:
            bands = np.zeros(BAND_COUNT, np.float32)
        values.update(self._onset_values(t, i))
        tempo = self.tempo_at(t)
        if tempo is not None:
            phase = tempo[0] % 1.0
            values.update(beat=phase, to_beat=(1.0 - phase) * 60.0 / self.bpm, bpm=self.bpm)
        return values, bands

    def value(self, name: str, t: float) -> float:
        """One feature at time t (what an Audio signal reads): no texture rows computed."""
        values, bands = self._values(t)
        return AudioFrame(values, bands).value(name)


def texture_rows(mono: np.ndarray, rate: int, t: float) -> tuple[np.ndarray, np.ndarray]:
    """The audio texture's two rows at time t, as Shadertoy lays them out: row 0 the spectrum
    (512 linear bins up to a quarter of the rate, on the 0..1 level scale), row 1 the waveform
    (the 512 samples ending at t, 0.5 = silence)."""
    centre = round(t * rate)
    frame = _excerpt(mono, centre - 2 * TEXTURE_WIDTH, 4 * TEXTURE_WIDTH)
    window = np.hanning(4 * TEXTURE_WIDTH).astype(np.float32)
    mag = np.abs(np.fft.rfft(frame * window))[:TEXTURE_WIDTH] * (2.0 / window.sum())
    spectrum = level_scale(mag)
    wave = _excerpt(mono, centre - TEXTURE_WIDTH, TEXTURE_WIDTH)
    waveform = np.clip(0.5 + 0.5 * wave, 0.0, 1.0).astype(np.float32)
    return spectrum, waveform


def _excerpt(x: np.ndarray, start: int, count: int) -> np.ndarray:
    """``count`` samples from ``start``, zero outside the signal (no copy of the whole)."""
    out = np.zeros(count, np.float32)
    lo, hi = max(start, 0), min(start + count, len(x))
    if hi > lo:
        out[lo - start:hi - start] = x[lo:hi]
    return out
