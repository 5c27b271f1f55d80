import math
import random
from fractions import Fraction

import pytest

from visuals.errors import VisualsError
from visuals.model.signals import (LFO, Beat, Constant, Follower, Noise, Signal, SignalTime,
                             as_signal, beat_phase)


def at(t, bpm=120.0):
    """A SignalTime for a constant tempo, as the tempo map would produce."""
    return SignalTime(t=t, beat=t * bpm / 60.0, bpm=bpm)


class Step(Signal):
    def __init__(self, when, lo, hi):
        self.when, self.lo, self.hi = when, lo, hi

    def sample(self, st):
        return self.hi if st.t >= self.when else self.lo


# --- LFO -------------------------------------------------------------------------------

def test_sine_at_known_phases():
    lfo = LFO("sine", rate=2.0, amp=3.0, offset=1.0)
    assert lfo.sample(at(0.0)) == pytest.approx(1.0)
    assert lfo.sample(at(0.125)) == pytest.approx(4.0)    # quarter period: offset + amp
    assert lfo.sample(at(0.375)) == pytest.approx(-2.0)   # three quarters: offset - amp
    assert lfo.sample(at(0.5)) == pytest.approx(1.0, abs=1e-12)


def test_phase_shifts_by_cycles():
    assert LFO("sine", phase=0.25).sample(at(0.0)) == pytest.approx(1.0)
    assert LFO("saw", phase=0.5).sample(at(0.0)) == pytest.approx(0.0)


def test_triangle_and_saw():
    tri = LFO("triangle", rate=1.0)
    for t, want in [(0, 0), (0.25, 1), (0.5, 0), (0.75, -1), (0.125, 0.5), (0.875, -0.5)]:
        assert tri.sample(at(t)) == pytest.approx(want, abs=1e-12)
    saw = LFO("saw", rate=1.0)
    for t, want in [(0.0, -1.0), (0.25, -0.5), (0.5, 0.0), (0.99, 0.98), (1.0, -1.0)]:
        assert saw.sample(at(t)) == pytest.approx(want, abs=1e-12)


def test_square_duty():
    sq = LFO("square", rate=1.0, duty=0.25)
    samples = [sq.sample(at(i / 1000)) for i in range(1000)]
    assert set(samples) == {1.0, -1.0}
    assert samples.count(1.0) == 250
    assert sq.sample(at(0.2)) == 1.0 and sq.sample(at(0.3)) == -1.0


@pytest.mark.parametrize("bpm", [90.0, 140.0])
def test_beat_locked_period_in_beats(bpm):
    lfo = LFO("sine", rate=4, unit="beats")
    seconds_per_cycle = 4 * 60.0 / bpm
    for t in (0.1, 0.7, 2.3):
        assert lfo.sample(at(t, bpm)) == pytest.approx(lfo.sample(at(t + seconds_per_cycle, bpm)),
                                                       abs=1e-9)
    # Peak one beat (a quarter of the four-beat cycle) after the downbeat, at any tempo.
    assert lfo.sample(at(60.0 / bpm, bpm)) == pytest.approx(1.0)
    # Half a cycle later it is not the same value: the period is not shorter.
    assert lfo.sample(at(0.1 + seconds_per_cycle / 2, bpm)) != pytest.approx(
        lfo.sample(at(0.1, bpm)), abs=1e-3)


def test_beat_lfo_ignores_seconds():
    lfo = LFO("saw", rate=2, unit="beats")
    assert lfo.sample(SignalTime(t=0.0, beat=0.5, bpm=60)) == pytest.approx(-0.5)
    assert lfo.sample(SignalTime(t=99.0, beat=0.5, bpm=200)) == pytest.approx(-0.5)


def test_phase_accurate_at_a_million_seconds():
    assert LFO("sine", rate=1.0).sample(at(1e6 + 0.25)) == pytest.approx(1.0, abs=1e-9)
    rate, t = 0.37, 1e6 + 0.123
    exact = (Fraction(t) * Fraction(rate)) % 1          # exact phase of the double inputs
    want = math.sin(2 * math.pi * float(exact))
    assert LFO("sine", rate=rate).sample(at(t)) == pytest.approx(want, abs=1e-8)
    saw = LFO("saw", rate=rate).sample(at(t))
    assert saw == pytest.approx(2 * float(exact) - 1, abs=1e-8)


# --- Noise -----------------------------------------------------------------------------

def test_noise_deterministic_and_seeded():
    times = [i * 0.037 for i in range(500)]
    a = [Noise(seed=3).sample(at(t)) for t in times]
    b = [Noise(seed=3).sample(at(t)) for t in reversed(times)][::-1]
    c = [Noise(seed=4).sample(at(t)) for t in times]
    assert a == b
    assert max(abs(x - y) for x, y in zip(a, c)) > 0.2


@pytest.mark.parametrize("octaves", [1, 4])
def test_noise_bounds_and_variety(octaves):
    n = Noise(rate=3.0, amp=2.0, offset=5.0, seed=11, octaves=octaves)
    values = [n.sample(at(i * 0.01)) for i in range(20000)]
    assert all(3.0 <= v <= 7.0 for v in values)
    assert max(values) - min(values) > 1.5       # it actually moves


@pytest.mark.parametrize("octaves", [1, 3])
def test_noise_is_smooth(octaves):
    n = Noise(rate=2.0, seed=7, octaves=octaves)
    h = 1e-6
    worst_jump = worst_slope_change = 0.0
    for i in range(3000):
        t = i * 0.0013 - 1.0          # includes negative time and lattice crossings
        v0, v1, v2 = (n.sample(at(t + k * h)) for k in range(3))
        worst_jump = max(worst_jump, abs(v1 - v0))
        worst_slope_change = max(worst_slope_change, abs((v2 - v1) - (v1 - v0)) / h)
    assert worst_jump < 1e-4
    assert worst_slope_change < 1e-2   # C1: no kinks at lattice points
    for k in range(-3, 4):             # lattice points themselves
        t = k / 2.0
        left = (n.sample(at(t)) - n.sample(at(t - h))) / h
        right = (n.sample(at(t + h)) - n.sample(at(t))) / h
        assert left == pytest.approx(right, abs=1e-3)


# --- Beat ------------------------------------------------------------------------------

def test_beat_ramp_and_phase():
    ramp = Beat("ramp")
    st = SignalTime(t=1.0, beat=3.25, bpm=120)
    assert ramp.sample(st) == pytest.approx(0.25)
    assert beat_phase(st) == pytest.approx(0.25)
    assert beat_phase(SignalTime(t=0, beat=-0.25, bpm=120)) == pytest.approx(0.75)
    eighths = Beat("ramp", subdivision=2)
    assert eighths.sample(SignalTime(t=0, beat=3.25, bpm=120)) == pytest.approx(0.5)
    assert eighths.sample(SignalTime(t=0, beat=3.75, bpm=120)) == pytest.approx(0.5)


def test_beat_pulse_and_square():
    pulse = Beat("pulse", decay=4.0, amp=2.0, offset=1.0)
    assert pulse.sample(SignalTime(0, 7.0, 120)) == pytest.approx(3.0)
    assert pulse.sample(SignalTime(0, 7.5, 120)) == pytest.approx(1.0 + 2.0 * math.exp(-2.0))
    assert pulse.sample(SignalTime(0, 7.99, 120)) < pulse.sample(SignalTime(0, 7.5, 120))
    sq = Beat("square")
    assert sq.sample(SignalTime(0, 2.2, 120)) == 1.0 and sq.sample(SignalTime(0, 2.7, 120)) == 0.0


# --- Follower --------------------------------------------------------------------------

def test_follower_rise_time():
    f = Follower(Step(1.0, 0.0, 2.0), rise=4.0)       # swing 2 at 4/s: 0.5 s
    assert f.sample(at(0.9)) == 0.0
    assert f.sample(at(1.25)) == pytest.approx(1.0, abs=0.02)
    assert f.sample(at(1.5 - 0.02)) < 2.0 - 0.05       # not there before delta / rise
    assert f.sample(at(1.5 + 2 * f.dt)) == pytest.approx(2.0)
    assert f.sample(at(3.0)) == pytest.approx(2.0)


def test_follower_separate_fall():
    f = Follower(Step(1.0, 1.0, 0.0), rise=10.0, fall=0.5)
    assert f.sample(at(2.0)) == pytest.approx(0.5, abs=0.01)   # fell 0.5 in 1 s
    assert f.sample(at(3.0 + 2 * f.dt)) == pytest.approx(0.0)
    assert f.fall == 0.5 and Follower(Constant(0), rise=3.0).fall == 3.0


def test_follower_order_independent():
    f = Follower(LFO("square", rate=0.7) * 3 + Noise(rate=5, seed=2), rise=2.0, fall=5.0)
    rng = random.Random(1234)
    times = [rng.uniform(0, 40) for _ in range(60)] + [0.0, 1e-9, 12.5]
    first = {t: f.sample(at(t)) for t in times}
    rng.shuffle(times)
    second = {t: f.sample(at(t)) for t in times}
    assert first == second                                  # bit-identical floats
    g = Follower(LFO("square", rate=0.7) * 3 + Noise(rate=5, seed=2), rise=2.0, fall=5.0)
    assert all(g.sample(at(t)) == v for t, v in first.items())


def test_follower_tracks_slow_source_exactly():
    src = LFO("sine", rate=0.1)
    f = Follower(src, rise=5.0)
    for t in (0.3, 4.0, 17.0):
        assert f.sample(at(t)) == pytest.approx(src.sample(at(t)), abs=1e-9)


def test_follower_uses_beat_clock_for_source():
    src = Beat("ramp")
    f = Follower(src, rise=1000.0)
    st = SignalTime(t=10.0, beat=20.3, bpm=120)
    assert f.sample(st) == pytest.approx(0.3, abs=1e-9)


# --- arithmetic and validation ---------------------------------------------------------

def test_arithmetic():
    a, b = LFO("saw", rate=1.0), Constant(2.0)
    st = at(0.75)                                     # saw = 0.5
    assert (a + b).sample(st) == pytest.approx(2.5)
    assert (1 + a).sample(st) == pytest.approx(1.5)
    assert (a - 1).sample(st) == pytest.approx(-0.5)
    assert (3 - a).sample(st) == pytest.approx(2.5)
    assert (a * b * 2).sample(st) == pytest.approx(2.0)
    assert (0.5 * a).sample(st) == pytest.approx(0.25)
    assert (-a).sample(st) == pytest.approx(-0.5)
    assert a.scaled(4, 1).sample(st) == pytest.approx(3.0)
    assert (a * 10).clamped(-1, 1).sample(st) == 1.0
    assert (a * 10).clamped(-1, 1).sample(at(0.25)) == -1.0
    assert as_signal(5).sample(st) == 5.0 and as_signal(a) is a


@pytest.mark.parametrize("make, word", [
    (lambda: LFO("sinus"), "sine"),
    (lambda: LFO(unit="bars"), "beats"),
    (lambda: LFO(rate=0), "rate"),
    (lambda: LFO(rate=-1, unit="beats"), "rate"),
    (lambda: LFO("square", duty=1.5), "duty"),
    (lambda: Noise(rate=0), "rate"),
    (lambda: Noise(seed=1.5), "seed"),
    (lambda: Beat("pluse"), "pulse"),
    (lambda: Beat(subdivision=0), "subdivision"),
    (lambda: Follower(Constant(0), rise=0), "rise"),
    (lambda: Follower(Constant(0), rise=1, fall=-2), "fall"),
    (lambda: as_signal("loud"), "loud"),
    (lambda: Constant(1).clamped(2, 1), "lo"),
])
def test_validation(make, word):
    with pytest.raises(VisualsError) as info:
        make()
    assert word in str(info.value)
    assert info.value.file == __file__                # points at the user's line


def test_unknown_shape_lists_choices_and_suggests():
    with pytest.raises(VisualsError) as info:
        LFO("trianglee")
    assert "trianglee" in info.value.message
    assert "sine, triangle, saw, square" in info.value.message
    assert info.value.fix == "did you mean 'triangle'?"


def test_noise_and_scene_hashes_keep_their_values_on_the_shared_splitmix64():
    """Noise's lattice hash and the scenes' mix64 share one splitmix64 mixer
    (visuals/model/hashing.py); the numbers every show was made with stay the same."""
    from visuals.model.hashing import finalize64, mix64
    from visuals.model.signals import _hash_unit
    assert [_hash_unit(i, s) for i, s in [(0, 0), (1, 0), (-5, 3), (10**6, 123456789)]] == [
        -0.14285917378164714, -0.27520689020564504, 0.9759120238979924, 0.9037384104467698]
    assert [mix64(x) for x in [0, 1, -1, 2**70]] == [
        16294208416658607535, 10451216379200822465, 16490336266968443936, 16294208416658607535]
    assert finalize64(0) == 0
    import numpy as np
    from visuals.audio.score.voices import white      # the score's noise, vectorised on the same mixer
    assert white(np.array([0, 1, -3, 123456789]), 7).tolist() == [
        0.8537532463704305, -0.8687110989896614, 0.8263415353689354, -0.1856993574266983]
