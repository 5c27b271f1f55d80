"""Clocks without GL: the fixed export clock is frame-exact, the live clock follows an
injected time source (never the wall clock in a test)."""
from __future__ import annotations

from fractions import Fraction

import pytest

from visuals.model.timeline import repeat_before
from visuals.perform.clock import FixedClock, Frame, LiveClock, parse_fps
from visuals.perform.performance import TransportState
from visuals.errors import VisualsError

NTSC = Fraction(30000, 1001)


# --- parse_fps ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (30, Fraction(30)),
    (60, Fraction(60)),
    ("30", Fraction(30)),
    (25.0, Fraction(25)),
    (12.5, Fraction(25, 2)),
    ("24000/1001", Fraction(24000, 1001)),
    ("30000/1001", NTSC),
    (Fraction(60000, 1001), Fraction(60000, 1001)),
    # The decimal spellings of the NTSC rates mean the exact /1001 rates, as in ffmpeg.
    (29.97, NTSC),
    ("29.97", NTSC),
    (59.94, Fraction(60000, 1001)),
    (23.976, Fraction(24000, 1001)),
    ("23.976", Fraction(24000, 1001)),
    (1000, Fraction(1000)),
])
def test_parse_fps_is_exact(value, expected):
    fps = parse_fps(value)
    assert isinstance(fps, Fraction)
    assert fps == expected


def test_parse_fps_does_not_snap_rates_that_are_not_ntsc():
    assert parse_fps(29.98) == Fraction(2998, 100)
    assert parse_fps(15) == 15
    assert parse_fps(14.5) == Fraction(29, 2)
    assert parse_fps(0.5) == Fraction(1, 2)
    assert parse_fps(0.001) == Fraction(1, 1000)   # slow, but not snapped to 0


@pytest.mark.parametrize("bad", [0, -30, "-24", 1001, 5000.0, "0/1", "30/0", "abc", "",
                                 "30 fps", float("nan"), float("inf"), None, "1/2/3"])
def test_parse_fps_rejects_with_a_fix(bad):
    with pytest.raises(VisualsError) as info:
        parse_fps(bad)
    err = info.value
    assert err.fix, "every fps error must say how to fix it"
    assert "30" in err.fix           # the fix gives a usable example rate
    assert str(bad) in err.message or repr(bad) in err.message
    assert "fix:" in str(err)


# --- FixedClock ---------------------------------------------------------------------------

@pytest.mark.parametrize("fps", [30, 24, "24000/1001", "30000/1001", 29.97, 60, 12.5])
def test_fixed_clock_time_is_frame_over_fps(fps):
    clock = FixedClock(fps)
    exact_fps = parse_fps(fps)
    for n in (0, 1, 2, 7, 29, 30, 31, 1001, 12345):
        assert clock.time_of(n) == float(Fraction(n) / exact_fps)
        frame = clock.frame(n)
        assert frame == Frame(n, clock.time_of(n))


def test_fixed_clock_whole_seconds_are_exact():
    clock = FixedClock(30)
    for seconds in range(0, 5000, 7):
        assert clock.time_of(30 * seconds) == float(seconds)


@pytest.mark.parametrize("fps", [30, "30000/1001", 29.97, "24000/1001"])
def test_no_drift_at_frame_100000(fps):
    clock = FixedClock(fps)
    n = 100_000
    exact = Fraction(n) / parse_fps(fps)           # the true time, as a rational number
    t = clock.frame(n).t
    assert t == float(exact)                       # correctly rounded, not approximately
    assert clock.time_of(n) == t


def test_ntsc_decimal_and_fraction_give_identical_frame_times():
    assert FixedClock(29.97).time_of(100_000) == FixedClock("30000/1001").time_of(100_000)
    # 100 000 frames at 30000/1001 last exactly 100 000 * 1001 / 30000 s.
    assert FixedClock(29.97).time_of(100_000) == float(Fraction(100_000 * 1001, 30_000))


@pytest.mark.parametrize("fps", [30, 60, 25, "30000/1001", "24000/1001", 29.97, 12.5])
def test_frame_at_inverts_time_of(fps):
    clock = FixedClock(fps)
    for n in list(range(0, 3000)) + [99_999, 100_000, 100_001]:
        assert clock.frame_at(clock.time_of(n)) == n
        assert clock.first_frame_from(clock.time_of(n)) == n


def test_frame_at_tricky_decimal_times():
    clock = FixedClock(30)
    assert clock.frame_at(0.7) == 21
    # 4.1 * 30 is 122.99999999999999 in binary floating point, but 4.1 s is frame 123.
    assert 4.1 * 30 < 123
    assert clock.frame_at(4.1) == 123
    assert clock.first_frame_from(4.1) == 123
    assert any((k / 10) * 30 < 3 * k for k in range(2000))   # the loop below hits such cases
    assert clock.frame_at(0.1 + 0.2) == 9           # 0.30000000000000004
    for tenths in range(0, 2000):
        t = tenths / 10
        assert clock.frame_at(t) == 3 * tenths, t
        assert clock.first_frame_from(t) == 3 * tenths, t


def test_frame_at_between_frames():
    clock = FixedClock(30)
    assert clock.frame_at(0.7 + 1 / 60) == 21        # half a frame later: still frame 21
    assert clock.frame_at(0.7 - 1 / 60) == 20
    assert clock.first_frame_from(0.7 + 1 / 60) == 22
    assert clock.frame_at(-1.0) == 0
    assert clock.first_frame_from(-1.0) == 0


def test_frames_iterates_half_open_range():
    clock = FixedClock(24)
    frames = list(clock.frames(10, 14))
    assert [f.index for f in frames] == [10, 11, 12, 13]
    assert [f.t for f in frames] == [clock.time_of(i) for i in range(10, 14)]


# --- LiveClock and the transport: the one live time model ---------------------------------

class FakeTime:
    """A time source the test advances by hand."""

    def __init__(self, now: float = 1000.0):
        self.now = now
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_live_clock_reads_only_the_injected_source():
    fake = FakeTime(5000.0)
    clock = LiveClock(Fraction(60), fake)
    assert clock.time() == 0.0
    fake.advance(2.5)
    assert clock.time() == pytest.approx(2.5)
    assert fake.calls > 0


def test_live_tick_counts_frames_and_measures_dt():
    fake = FakeTime()
    clock = LiveClock(Fraction(50), fake)
    f0, dt0 = clock.tick()
    assert (f0.index, f0.t, dt0) == (0, 0.0, 1 / 50)      # nominal before there is a frame before
    fake.advance(1 / 60)
    f1, dt1 = clock.tick()
    assert f1.index == 1 and f1.t == pytest.approx(1 / 60) and dt1 == pytest.approx(1 / 60)
    fake.advance(0.05)
    f2, dt2 = clock.tick()
    assert f2.index == 2 and dt2 == pytest.approx(0.05) and f2.t == pytest.approx(1 / 60 + 0.05)


def test_transport_pause_stops_show_time_and_play_resumes_without_jump():
    tr = TransportState()
    tr.reanchor(3.0)
    tr.paused = True
    assert tr.show_time(103.0) == pytest.approx(3.0)
    tr.reanchor(103.0)
    tr.paused = False
    assert tr.show_time(103.0) == pytest.approx(3.0)      # no jump by the 100 s spent paused
    assert tr.show_time(103.5) == pytest.approx(3.5)


def test_transport_seek_and_speed_reanchor_without_jump():
    tr = TransportState()
    tr.reanchor(7.0, 42.0)
    assert tr.show_time(8.0) == pytest.approx(43.0)
    tr.reanchor(8.0, -5.0)
    assert tr.show_time(8.0) == 0.0                       # a seek before zero clamps
    tr.reanchor(12.0)
    tr.speed = 2.0
    assert tr.show_time(12.0) == pytest.approx(4.0)       # continuous at the change
    assert tr.show_time(13.0) == pytest.approx(6.0)


def test_one_loop_arithmetic_for_a_show_loop_and_a_live_glitch_loop():
    from visuals.model.timeline import Loop
    tr = TransportState(loop=(4.0, 0.5))
    loop = Loop(4.0, 10.0, 0.5)
    for t in (4.0, 4.2, 4.5, 4.75, 7.3):
        assert tr.show_time(t) == loop.source_time(t) == repeat_before(t, 4.0, 0.5)
