"""Instruments for scores: pure functions of absolute time, numpy throughout.

Nothing here holds state or draws unseeded random numbers: noise is a hash of the absolute
sample index, phases are computed from absolute time (or integrated from a cue's start), so
a voice gives the same samples in any range.  A voice in a score calls these with the
curves it reads from the show (see ScoreContext).
"""
from __future__ import annotations

import math

import numpy as np

from visuals.model.hashing import GOLDEN_GAMMA, MASK64, finalize64

TAU = 2.0 * math.pi


def white(index: np.ndarray, seed: int = 0) -> np.ndarray:
    """Uniform noise in [-1, 1) from sample indices (a splitmix64 finaliser, vectorised)."""
    with np.errstate(over="ignore"):
        z = finalize64(index.astype(np.uint64) * np.uint64(GOLDEN_GAMMA)
                       + np.uint64((seed * 0xD1B54A32D192ED03) & MASK64))
    return (z >> np.uint64(11)).astype(np.float64) * (2.0 / 2 ** 53) - 1.0


def hash01(k: int, seed: int = 0) -> float:
    """One deterministic number in [0, 1) for an integer (a grain's, a step's)."""
    return float(white(np.array([k], np.int64), seed)[0]) * 0.5 + 0.5


def smoothed(x: np.ndarray, width: int) -> np.ndarray:
    """A moving average of ``width`` samples (a gentle low-pass for noise)."""
    if width <= 1:
        return x
    c = np.cumsum(np.concatenate([[0.0], x]))
    out = (c[width:] - c[:-width]) / width
    return np.concatenate([np.full(width - 1, out[0] if out.size else 0.0), out])


def partials(t: np.ndarray, freq: float, weights, detune: float = 0.0) -> np.ndarray:
    """A harmonic tone: sum of sin(2 pi k f t) * w_k, with partial k sharpened by ``detune`` Hz."""
    out = np.zeros_like(t)
    for k, w in enumerate(weights, start=1):
        out += w * np.sin(TAU * (k * freq + (k - 1) * detune) * t)
    return out


_TABLE_SIZE = 4096


def harmonic_table(weights) -> np.ndarray:
    """One cycle of a harmonic tone (sum of w_k sin(2 pi k x)), with the first sample repeated
    at the end, for :func:`table_tone`."""
    x = np.arange(_TABLE_SIZE + 1) / _TABLE_SIZE
    return sum(w * np.sin(TAU * k * x) for k, w in enumerate(weights, start=1))


def table_tone(cycles: np.ndarray, table: np.ndarray) -> np.ndarray:
    """A harmonic tone read from its one-cycle table at a running phase (in cycles): one
    interpolated lookup per sample instead of a sine per partial."""
    x = (cycles - np.floor(cycles)) * _TABLE_SIZE
    i = np.minimum(x.astype(np.int32), _TABLE_SIZE - 1)
    lo = table[i]
    return lo + (x - i) * (table[i + 1] - lo)


def envelope(n: int, rate: int, attack: float, decay: float) -> np.ndarray:
    """A linear attack then an exponential decay (time constant ``decay``)."""
    t = np.arange(n) / rate
    return np.minimum(1.0, t / max(attack, 1e-4)) * np.exp(-np.maximum(t - attack, 0.0) / decay)


def thump(rate: int, freq: float, decay: float, length: float = 0.5, drop: float = 1.8) -> np.ndarray:
    """A heartbeat or drum thump: a sine that falls from ``drop`` x ``freq`` to ``freq``."""
    n = int(length * rate)
    t = np.arange(n) / rate
    inst = freq * (1.0 + (drop - 1.0) * np.exp(-t / 0.02))
    phase = TAU * np.cumsum(inst) / rate
    return np.sin(phase) * envelope(n, rate, 0.004, decay)


def crossings(phase: np.ndarray, grid: np.ndarray) -> list[tuple[int, float]]:
    """Times where a running phase (in cycles, on a grid of times) passes each whole number:
    (the whole number, the time), interpolated linearly between grid points."""
    out = []
    whole = np.floor(phase)
    for k in np.nonzero(np.diff(whole) > 0)[0]:
        for n in range(int(whole[k]) + 1, int(whole[k + 1]) + 1):
            p0, p1 = phase[k], phase[k + 1]
            f = (n - p0) / (p1 - p0) if p1 > p0 else 0.0
            out.append((n, float(grid[k] + f * (grid[k + 1] - grid[k]))))
    return out


FORMANTS_A = ((850.0, 1.0, 90.0), (1500.0, 0.55, 120.0), (2950.0, 0.25, 170.0))


def sung(rate: int, f0_start: float, f0_end: float, length: float, formants=FORMANTS_A,
         breath: float = 0.15, seed: int = 0) -> np.ndarray:
    """A voiced syllable ("ha"): harmonics of a gliding pitch weighted by vowel formants,
    a little breath noise, attack and release."""
    n = int(length * rate)
    t = np.arange(n) / rate
    f0 = f0_start + (f0_end - f0_start) * (t / max(length, 1e-6))
    phase = TAU * np.cumsum(f0) / rate
    out = np.zeros(n)
    for k in range(1, 14):
        fk = k * float(np.mean(f0))
        w = sum(a * math.exp(-0.5 * ((fk - fc) / bw) ** 2) for fc, a, bw in formants) + 0.02 / k
        out += w * np.sin(k * phase)
    out += breath * smoothed(white(np.arange(n), seed), 3)
    env = np.minimum(1.0, t / 0.02) * np.minimum(1.0, np.maximum(0.0, (length - t) / 0.05))
    return out * env / 1.6


def gasp(rate: int, length: float = 0.7, seed: int = 11) -> np.ndarray:
    """A sharp in-breath: noise brightening as it rises, cut short."""
    n = int(length * rate)
    t = np.arange(n) / rate
    noise = white(np.arange(n), seed)
    dark = smoothed(noise, 24)
    bright = noise - smoothed(noise, 6)
    mix = (1.0 - t / length) * dark * 3.0 + (t / length) * bright
    env = (t / length) ** 1.5 * np.minimum(1.0, (length - t) / 0.03)
    return mix * env


def drip(rate: int, freq: float, length: float = 0.6) -> np.ndarray:
    """A drop of liquid glass: a sine gliding up an octave fast, ringing out."""
    n = int(length * rate)
    t = np.arange(n) / rate
    inst = freq * (1.0 + np.minimum(1.0, t / 0.03))
    return np.sin(TAU * np.cumsum(inst) / rate) * envelope(n, rate, 0.002, 0.12)
