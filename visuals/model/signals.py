"""Signals: time-varying values that can drive any float parameter of a show.

A signal is a pure function of :class:`SignalTime`: no wall clock, no hidden state, no
unseeded randomness.  That is what lets export render frame 9000 alone, a live show seek
backwards, and two renders of one show come out bit-identical.  Even :class:`Follower`,
which is naturally stateful, recomputes its state from a fixed window of the past.

Signals combine with ``+``, ``-``, ``*`` (with numbers or other signals), ``.scaled`` and
``.clamped``, so ``LFO(rate=4, unit="beats").scaled(0.2, 0.5)`` reads like the intent.
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass, field
from typing import Any, Callable

from visuals.errors import VisualsError, caller_site, suggest
from .hashing import GOLDEN_GAMMA, MASK64, finalize64



@dataclass(frozen=True)
class SignalTime:
    """When a signal is sampled: show seconds, beats since show start (from the tempo map)
    and the bpm in force, so beat-locked and time-locked signals can share one call.
    ``audio``, when the show hears something, answers ``value(feature, t)`` (see
    :class:`Audio`); it is deterministic offline, so signals stay pure functions of time."""

    t: float
    beat: float
    bpm: float
    audio: Any = None


def _error(message: str, fix: str | None = None) -> VisualsError:
    """Point the error at the user's line that built the signal, not at this module."""
    site = caller_site()
    return VisualsError.at(site, message, fix=fix)


def _choice(kind: str, value, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _error(f"unknown {kind} '{value}' (valid: {', '.join(choices)})",
                     fix=suggest(str(value), choices))
    return value


def _number(name: str, value, *, positive: bool = False, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _error(f"{name} must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise _error(f"{name} must be greater than 0, got {value}",
                     fix=f"give a positive {name}, e.g. 1.0")
    if minimum is not None and value < minimum:
        raise _error(f"{name} must be at least {minimum}, got {value}")
    return float(value)


def _numbers(owner: str, signal, names: tuple[str, ...]) -> None:
    """Check that each of ``names`` on ``signal`` is a finite number."""
    for name in names:
        _number(f"{owner} {name}", getattr(signal, name))


def _frac(x: float) -> float:
    """Fractional part in [0, 1); fmod is exact in double precision, unlike x - floor(x)
    chains, so phases stay right at t = 1e6 s."""
    f = math.fmod(x, 1.0)
    if f < 0.0:
        f += 1.0
    return 0.0 if f >= 1.0 else f


def _arith(op: Callable[[float, float], float], reflected: bool = False):
    """Build an operator method; numbers on either side are wrapped as Constant."""
    if reflected:
        return lambda self, other: _BinOp(as_signal(other), self, op)
    return lambda self, other: _BinOp(self, as_signal(other), op)


class Signal:
    """Base class: subclasses implement :meth:`sample`; arithmetic builds new signals."""

    def sample(self, st: SignalTime) -> float:
        raise NotImplementedError

    __add__, __radd__ = _arith(operator.add), _arith(operator.add, True)
    __sub__, __rsub__ = _arith(operator.sub), _arith(operator.sub, True)
    __mul__, __rmul__ = _arith(operator.mul), _arith(operator.mul, True)

    def __neg__(self) -> Signal:
        return _BinOp(Constant(-1.0), self, operator.mul)

    def scaled(self, amp: float, offset: float = 0.0) -> Signal:
        """offset + amp * self: map a [-1, 1] wave onto a parameter's range."""
        return self * _number("amp", amp) + _number("offset", offset)

    def clamped(self, lo: float, hi: float) -> Signal:
        """Keep the value within [lo, hi], e.g. so a sum of signals cannot go negative."""
        lo, hi = _number("lo", lo), _number("hi", hi)
        if lo > hi:
            raise _error(f"clamped(lo={lo}, hi={hi}): lo is greater than hi",
                         fix="swap the two bounds")
        return _Clamp(self, lo, hi)


@dataclass(frozen=True, eq=False)
class _BinOp(Signal):
    a: Signal
    b: Signal
    op: Callable[[float, float], float]

    def sample(self, st: SignalTime) -> float:
        return self.op(self.a.sample(st), self.b.sample(st))


@dataclass(frozen=True, eq=False)
class _Clamp(Signal):
    source: Signal
    lo: float
    hi: float

    def sample(self, st: SignalTime) -> float:
        return min(self.hi, max(self.lo, self.source.sample(st)))


@dataclass(frozen=True, eq=False)
class Constant(Signal):
    """A fixed value, so plain numbers and signals can be mixed freely."""

    value: float

    def __post_init__(self):
        object.__setattr__(self, "value", _number("Constant value", self.value))

    def sample(self, st: SignalTime) -> float:
        return self.value


def as_signal(x) -> Signal:
    """Signals pass through; numbers become :class:`Constant`."""
    if isinstance(x, Signal):
        return x
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise _error(f"cannot use {x!r} as a signal",
                     fix="give a number or a signal such as LFO(...) or Noise(...)")
    return Constant(x)


LFO_SHAPES = ("sine", "triangle", "saw", "square")
LFO_UNITS = ("hz", "beats")


@dataclass(frozen=True, eq=False)
class LFO(Signal):
    """A periodic wave: ``offset + amp * wave`` with wave in [-1, 1].

    unit "hz": rate is cycles per second.  unit "beats": rate is the *period* in beats, so
    ``LFO(rate=4, unit="beats")`` spans four beats whatever the tempo.  ``phase`` is in
    cycles (0.25 = a quarter period ahead).  Waves at phase p: sine = sin(2 pi p); triangle
    follows the sine's peaks (0 -> 1 at 1/4 -> 0 -> -1 at 3/4); saw rises from -1 to 1;
    square is +1 for the first ``duty`` of the cycle and -1 after.
    """

    shape: str = "sine"
    rate: float = 1.0
    unit: str = "hz"
    amp: float = 1.0
    offset: float = 0.0
    phase: float = 0.0
    duty: float = 0.5

    def __post_init__(self):
        _choice("LFO shape", self.shape, LFO_SHAPES)
        _choice("LFO unit", self.unit, LFO_UNITS)
        _number("LFO rate", self.rate, positive=True)
        _numbers("LFO", self, ("amp", "offset", "phase"))
        if not 0.0 <= _number("LFO duty", self.duty) <= 1.0:
            raise _error(f"LFO duty must be within [0, 1], got {self.duty}",
                         fix="0.5 is an even square wave; 0.25 is high a quarter of the time")

    def cycle_phase(self, st: SignalTime) -> float:
        """Position within the current cycle, in [0, 1)."""
        cycles = st.t * self.rate if self.unit == "hz" else st.beat / self.rate
        return _frac(_frac(cycles) + self.phase)

    def sample(self, st: SignalTime) -> float:
        p = self.cycle_phase(st)
        if self.shape == "sine":
            wave = math.sin(2.0 * math.pi * p)
        elif self.shape == "triangle":
            wave = 4.0 * abs(_frac(p + 0.75) - 0.5) - 1.0
        elif self.shape == "saw":
            wave = 2.0 * p - 1.0
        else:
            wave = 1.0 if p < self.duty else -1.0
        return self.offset + self.amp * wave


def _hash_unit(index: int, seed: int) -> float:
    """A well-mixed value in [-1, 1] for a lattice point: a splitmix64 finaliser over the
    pair, so neighbouring indices and neighbouring seeds give unrelated values."""
    z = finalize64((index * GOLDEN_GAMMA + seed * 0xD1B54A32D192ED03 + 0x632BE59BD9B4E019) & MASK64)
    return (z >> 11) * (2.0 / (1 << 53)) - 1.0


def _gradient_noise(x: float, seed: int) -> float:
    """1D gradient noise in [-1, 1]: zero at lattice points, slope set by a hashed
    gradient there.  The quintic fade has zero first and second derivative at the lattice,
    so the curve is C2 and never shows the kinks that linear interpolation does."""
    i = math.floor(x)
    f = x - i
    g0, g1 = _hash_unit(i, seed), _hash_unit(i + 1, seed)
    s = f * f * f * (f * (f * 6.0 - 15.0) + 10.0)
    # The blend is linear in (g0, g1), so its extreme is at gradients (1, -1): 0.5 at f=0.5.
    return 2.0 * (g0 * f * (1.0 - s) + g1 * (f - 1.0) * s)


@dataclass(frozen=True, eq=False)
class Noise(Signal):
    """Smooth deterministic wander within offset +- amp; ``rate`` is lattice cells per
    second (about how many changes of direction per second).  Octaves add finer detail
    at double frequency and half amplitude, normalised so the bound still holds."""

    rate: float = 1.0
    amp: float = 1.0
    offset: float = 0.0
    seed: int = 0
    octaves: int = 1

    def __post_init__(self):
        _number("Noise rate", self.rate, positive=True)
        _number("Noise amp", self.amp)
        _number("Noise offset", self.offset)
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise _error(f"Noise seed must be an integer, got {self.seed!r}")
        if isinstance(self.octaves, bool) or not isinstance(self.octaves, int) \
                or not 1 <= self.octaves <= 16:
            raise _error(f"Noise octaves must be an integer from 1 to 16, got {self.octaves!r}")

    def sample(self, st: SignalTime) -> float:
        x = st.t * self.rate
        total, weight, norm = 0.0, 1.0, 0.0
        for octave in range(self.octaves):
            total += weight * _gradient_noise(x * (1 << octave), self.seed * 131 + octave)
            norm += weight
            weight *= 0.5
        return self.offset + self.amp * max(-1.0, min(1.0, total / norm))


BEAT_SHAPES = ("ramp", "pulse", "square")


def beat_phase(st: SignalTime) -> float:
    """How far through the current beat we are, in [0, 1)."""
    return _frac(st.beat)


@dataclass(frozen=True, eq=False)
class Beat(Signal):
    """Beat-locked envelopes, ``offset + amp * v`` with v in [0, 1].

    ramp: the phase within the beat (0 on the beat, rising to 1); pulse: exp(-decay * phase),
    a kick-drum style hit that is 1 on the beat and dies away; square: 1 for the first half
    of each beat.  ``subdivision`` 2 means eighth notes, 0.25 means once a bar of 4/4.
    """

    shape: str = "pulse"
    subdivision: float = 1.0
    phase: float = 0.0
    decay: float = 6.0
    amp: float = 1.0
    offset: float = 0.0

    def __post_init__(self):
        _choice("Beat shape", self.shape, BEAT_SHAPES)
        _number("Beat subdivision", self.subdivision, positive=True)
        _number("Beat decay", self.decay, minimum=0.0)
        _numbers("Beat", self, ("phase", "amp", "offset"))

    def sample(self, st: SignalTime) -> float:
        p = _frac(_frac(st.beat * self.subdivision) + self.phase)
        if self.shape == "ramp":
            v = p
        elif self.shape == "pulse":
            v = math.exp(-self.decay * p)
        else:
            v = 1.0 if p < 0.5 else 0.0
        return self.offset + self.amp * v


@dataclass(frozen=True, eq=False)
class Follower(Signal):
    """A slew-limited copy of ``source``: rises at most ``rise`` units/s, falls at most
    ``fall`` units/s (default: same as rise).  Smooths jumpy inputs such as audio levels.

    A real follower carries state from frame to frame, which would make frame n depend on
    every frame before it.  Instead each sample integrates on the global grid k * dt over
    the last ``window`` seconds, starting from the source's value there.  The grid is
    anchored at t = 0, not at the sample time, so the same t always replays the same
    steps and returns the same bits, in any sampling order.  The window is long enough for
    a swing of one unit to finish, after which the start value is forgotten.
    """

    source: Signal
    rise: float
    fall: float | None = None
    dt: float = 1.0 / 240.0
    window: float | None = None
    _steps: int = field(init=False, repr=False, default=0)

    def __post_init__(self):
        if not isinstance(self.source, Signal):
            object.__setattr__(self, "source", as_signal(self.source))
        _number("Follower rise", self.rise, positive=True)
        if self.fall is None:
            object.__setattr__(self, "fall", float(self.rise))
        _number("Follower fall", self.fall, positive=True)
        _number("Follower dt", self.dt, positive=True)
        if self.window is None:
            object.__setattr__(self, "window", min(1.0 / min(self.rise, self.fall) + 1.0, 10.0))
        _number("Follower window", self.window, positive=True)
        object.__setattr__(self, "_steps", max(1, math.ceil(self.window / self.dt)))

    def sample(self, st: SignalTime) -> float:
        dt = self.dt
        k_end = math.floor(st.t / dt)
        if k_end * dt > st.t:           # guard against rounding in the division
            k_end -= 1
        # Show time starts at 0: before the first full window, start there like a real one.
        k_start = max(k_end - self._steps, 0) if k_end >= 0 else k_end
        beats_per_s = st.bpm / 60.0

        def source_at(t: float) -> float:
            return self.source.sample(SignalTime(t, st.beat + (t - st.t) * beats_per_s, st.bpm, st.audio))

        up, down = self.rise * dt, self.fall * dt
        y = source_at(k_start * dt)
        for k in range(k_start + 1, k_end + 1):
            y += min(up, max(-down, source_at(k * dt) - y))
        h = st.t - k_end * dt           # the last partial step up to t itself
        if h > 0.0:
            y += min(self.rise * h, max(-self.fall * h, source_at(st.t) - y))
        return y


@dataclass(frozen=True, eq=False)
class Audio(Signal):
    """What the show hears: ``offset + gain * feature``, e.g. ``Audio("bass", gain=2)``.

    Features (level, peak, bass, lowmid, highmid, treble, flux, onset, ahead, to_onset, beat,
    to_beat, bpm, band0..band31) come from ``--audio FILE`` (analysed offline, frame-exact),
    ``visuals live --audio-in DEVICE``, or the show's own score; without sound the feature
    reads 0, so a show that follows the music still plays in silence.  Most features lie in
    [0, 1]; see visuals/audio/names.py for each one's meaning.
    """

    feature: str
    gain: float = 1.0
    offset: float = 0.0

    def __post_init__(self):
        from visuals.audio.names import ALL_NAMES
        _choice("audio feature", self.feature, ALL_NAMES)
        _number("Audio gain", self.gain)
        _number("Audio offset", self.offset)

    def sample(self, st: SignalTime) -> float:
        if st.audio is None:
            return self.offset
        return self.offset + self.gain * float(st.audio.value(self.feature, st.t))
