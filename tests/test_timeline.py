"""Tracks, cues, the tempo map and Timeline.sample, without GL."""
from __future__ import annotations

import inspect
import math
import os
import random

import pytest

from visuals.model.colour import parse_colour, srgb_to_oklab
from visuals.errors import VisualsError
from visuals.model.signals import LFO
from visuals.model.timeline import Cue, Key, TempoMap, Timeline, Track

HERE = os.path.abspath(__file__)


def lineno() -> int:
    """The line of the caller, so error-location tests need no hard-coded numbers."""
    return inspect.currentframe().f_back.f_lineno


def smoothstep(u: float) -> float:
    return u * u * (3 - 2 * u)


# --- Track --------------------------------------------------------------------------------

def test_track_holds_first_and_last_values_outside_the_keys():
    track = Track([(2.0, 10.0), (4.0, 20.0)])
    assert track.sample(-5.0) == 10.0
    assert track.sample(0.0) == 10.0
    assert track.sample(2.0) == 10.0
    assert track.sample(4.0) == 20.0
    assert track.sample(99.0) == 20.0


def test_track_linear_between_keys():
    track = Track([(0, 0.0), (2, 10.0), (3, -10.0)])
    assert track.sample(0.5) == pytest.approx(2.5)
    assert track.sample(1.0) == pytest.approx(5.0)
    assert track.sample(2.0) == pytest.approx(10.0)
    assert track.sample(2.25) == pytest.approx(5.0)
    assert track.sample(2.75) == pytest.approx(-5.0)


def test_track_keys_are_sorted_by_time():
    assert Track([(3, 30.0), (1, 10.0), (2, 20.0)]).sample(1.5) == pytest.approx(15.0)


def test_track_accepts_key_objects_and_tuples():
    track = Track([Key(0, 0.0), (1, 1.0, "in_quad"), [2, 0.0]])
    assert track.sample(0.5) == pytest.approx(0.25)
    assert track.sample(1.5) == pytest.approx(0.5)


def test_single_key_track_is_constant():
    track = Track([(3.0, 7.0)])
    assert [track.sample(t) for t in (-1.0, 3.0, 10.0)] == [7.0, 7.0, 7.0]


def test_easing_shapes_the_approach_to_its_key():
    # 'in_quad' on the second key: u**2 on the way from key 1 to key 2.
    track = Track([(0, 0.0, "out_quad"), (2, 8.0, "in_quad"), (4, 0.0)])
    assert track.sample(1.0) == pytest.approx(8.0 * 0.25)
    assert track.sample(0.5) == pytest.approx(8.0 * 0.0625)
    # The first key's ease is for the approach *to* it, so it does not shape 0..2; the third
    # key is linear, so 2..4 is linear.
    assert track.sample(3.0) == pytest.approx(4.0)
    assert track.sample(3.5) == pytest.approx(2.0)


def test_easing_by_css_curve_and_callable():
    track = Track([(0, 0.0), (1, 1.0, lambda u: u ** 3)])
    assert track.sample(0.5) == pytest.approx(0.125)
    css = Track([(0, 0.0), (1, 1.0, "cubic-bezier(0, 0, 1, 1)")])   # the linear bezier
    assert css.sample(0.3) == pytest.approx(0.3, abs=1e-6)


def test_step_holds_until_the_key():
    track = Track([(0, 1.0), (2, 5.0, "step"), (4, 9.0, "step")])
    assert track.sample(0.0) == 1.0
    assert track.sample(1.0) == 1.0
    assert track.sample(1.999) == 1.0
    assert track.sample(2.0) == 5.0
    assert track.sample(3.999) == 5.0
    assert track.sample(4.0) == 9.0


def test_vector_track():
    track = Track([(0, (0.0, 10.0, -1.0)), (2, (1.0, 20.0, 1.0))])
    v = track.sample(0.5)
    assert isinstance(v, tuple) and len(v) == 3
    assert v == pytest.approx((0.25, 12.5, -0.5))
    assert track.sample(-1) == (0.0, 10.0, -1.0)
    assert track.sample(5) == (1.0, 20.0, 1.0)


def test_vector_track_of_mixed_sizes_is_an_error_at_the_callers_line():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Track([(0, (0.0, 1.0)), (1, (0.0, 1.0, 2.0))])  # noqa: E702
    assert info.value.file == HERE and info.value.line == line
    assert "size" in info.value.message


def test_track_of_mixed_kinds_is_an_error():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Track([(0, 1.0), (1, "#ff0000")])  # noqa: E702
    assert info.value.file == HERE and info.value.line == line


def test_empty_track_and_bad_key_are_errors():
    with pytest.raises(VisualsError) as info:
        Track([])
    assert info.value.fix
    with pytest.raises(VisualsError):
        Track([(0, 1.0), 5])
    with pytest.raises(VisualsError):
        Track([(0, 1.0, "no_such_easing")])


VIOLET, EMERALD = "#8a2be2", "#19c39a"


def test_colour_track_endpoints_are_exact():
    track = Track([(0, VIOLET), (1, EMERALD), (2, "#ffffff")])
    assert track.sample(0.0) == parse_colour(VIOLET)
    assert track.sample(-1.0) == parse_colour(VIOLET)
    assert track.sample(1.0) == parse_colour(EMERALD)
    assert track.sample(2.0) == parse_colour("#ffffff")
    assert track.sample(3.0) == (1.0, 1.0, 1.0, 1.0)


def test_colour_track_mixes_in_oklab_not_srgb():
    track = Track([(0, VIOLET), (1, EMERALD)])
    a, b = parse_colour(VIOLET), parse_colour(EMERALD)
    mid = track.sample(0.5)
    assert len(mid) == 4
    srgb_average = tuple((x + y) / 2 for x, y in zip(a, b))
    assert max(abs(m - s) for m, s in zip(mid[:3], srgb_average[:3])) > 0.02
    # Halfway in time is halfway in OKLab (lightness and both opponent axes).
    lab_a, lab_b, lab_mid = srgb_to_oklab(a), srgb_to_oklab(b), srgb_to_oklab(mid)
    for x, y, m in zip(lab_a, lab_b, lab_mid):
        assert m == pytest.approx((x + y) / 2, abs=1e-6)
    # The perceptual mix is brighter than the muddy sRGB average.
    assert srgb_to_oklab(mid)[0] > srgb_to_oklab(srgb_average)[0]


def test_colour_track_mixes_alpha_linearly_and_accepts_tuples():
    track = Track([(0, "#ff000000"), (1, (1.0, 0.0, 0.0, 1.0))])
    assert track.sample(0.25)[3] == pytest.approx(0.25)
    assert track.sample(0.25)[:3] == pytest.approx((1.0, 0.0, 0.0), abs=1e-6)


# --- TempoMap -----------------------------------------------------------------------------

def test_constant_tempo_beats():
    tempo = TempoMap(90)
    assert tempo.bpm(5.0) == 90.0
    assert tempo.beat(0.0) == 0.0
    assert tempo.beat(4.0) == pytest.approx(6.0)
    assert tempo.beat(10.0) == pytest.approx(15.0)


def test_linear_tempo_ramp_beat_is_the_integral():
    tempo = TempoMap([(0, 120), (10, 240)])
    assert tempo.bpm(5.0) == pytest.approx(180.0)
    # beats = integral of bpm/60 dt: over 0..10 s the mean tempo is 180 bpm -> 30 beats.
    assert tempo.beat(10.0) == pytest.approx(30.0, abs=1e-9)
    # 0..5 s: mean of 120 and 180 is 150 bpm -> 12.5 beats.
    assert tempo.beat(5.0) == pytest.approx(12.5, abs=1e-9)
    # After the last key the tempo holds at 240 bpm = 4 beats per second.
    assert tempo.beat(12.0) == pytest.approx(38.0, abs=1e-9)
    # Before the first key it holds at 120 bpm (negative beats before t = 0).
    assert tempo.beat(-1.0) == pytest.approx(-2.0)


def test_tempo_ramp_starting_later_and_multiple_segments():
    tempo = TempoMap([(2, 60), (4, 120), (6, 120)])
    assert tempo.beat(2.0) == pytest.approx(0.0)       # beats count from the first key
    assert tempo.beat(4.0) == pytest.approx(3.0)       # mean 90 bpm for 2 s
    assert tempo.beat(6.0) == pytest.approx(7.0)       # + 120 bpm for 2 s
    assert tempo.beat(0.0) == pytest.approx(-2.0)      # 60 bpm before the first key


def test_eased_tempo_ramp_integrates_the_curve():
    quad = TempoMap([(0, 120), (10, 240, "in_quad")])
    # integral of 120 + 120 (t/10)^2 over 10 s, divided by 60: 20 + 20/3
    assert quad.beat(10.0) == pytest.approx(20.0 + 20.0 / 3.0, abs=1e-9)
    sine = TempoMap([(0, 120), (10, 240, "in_out_sine")])
    # (1 - cos(pi u)) / 2 averages 1/2 over a segment: same count as the linear ramp
    assert sine.beat(10.0) == pytest.approx(30.0, abs=1e-6)


def test_beats_increase_monotonically_through_a_ramp():
    tempo = TempoMap([(0, 60), (3, 200, "in_out_cubic"), (8, 80)])
    beats = [tempo.beat(i * 0.05) for i in range(0, 220)]
    assert all(b1 > b0 for b0, b1 in zip(beats, beats[1:]))


@pytest.mark.parametrize("bpm", [0, -10, 1000, [(0, 120), (5, 0)]])
def test_tempo_out_of_range(bpm):
    with pytest.raises(VisualsError) as info:
        TempoMap(bpm)
    assert "bpm" in info.value.message and info.value.fix


# --- Cue validation -----------------------------------------------------------------------

def test_cue_ending_before_it_starts_names_this_line():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 5, 2)  # noqa: E702
    err = info.value
    assert (err.file, err.line) == (HERE, line)
    assert "tide" in err.message and err.fix
    assert f"{HERE}:{line}" in str(err)


def test_cue_of_zero_length_is_an_error():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 3, 3)  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)


def test_cue_fades_longer_than_the_cue():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 0, 4, fade_in=3, fade_out=2, name="intro")  # noqa: E702
    err = info.value
    assert (err.file, err.line) == (HERE, line)
    assert "intro" in err.message and "fade" in err.fix
    Cue("tide", 0, 4, fade_in=2, fade_out=2)         # exactly the length is fine


def test_cue_negative_fade():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 0, 4, fade_in=-1)  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)


def test_cue_bad_blend_lists_the_modes():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 0, 4, blend="lighten")  # noqa: E702
    err = info.value
    assert (err.file, err.line) == (HERE, line)
    assert "lighten" in err.message
    assert "screen" in err.fix and "add" in err.fix


def test_cue_opacity_out_of_range():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 0, 4, opacity=1.5)  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)


def test_cue_bad_key_track_names_the_cue_line():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Cue("tide", 0, 4, keys={"speed": [(0, 1.0), (1, (1.0, 2.0))]})  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)


def test_cue_site_is_recorded_for_later_validation():
    line = lineno(); cue = Cue("tide", 0, 4)  # noqa: E702
    assert (cue.site.file, cue.site.line) == (HERE, line)


# --- Timeline.sample: envelopes and layers ------------------------------------------------

def test_lone_cue_envelope_with_linear_fades():
    tl = Timeline([Cue("a", 1, 5, fade_in=1, fade_out=2, ease="linear")])
    assert tl.sample(0.5).layers == []
    assert tl.sample(5.0).layers == []                 # end is exclusive
    expected = {1.0: 0.0, 1.5: 0.5, 2.0: 1.0, 3.0: 1.0, 4.0: 0.5, 4.5: 0.25}
    for t, w in expected.items():
        (layer,) = tl.sample(t).layers
        assert layer.previous is None
        assert layer.progress == 1.0
        assert layer.current.envelope == pytest.approx(w)
        assert layer.opacity == pytest.approx(w)
        assert layer.current.local_t == pytest.approx(t - 1)


def test_lone_cue_envelope_default_ease_is_smoothstep():
    tl = Timeline([Cue("a", 0, 10, fade_in=2, fade_out=4)])
    assert tl.sample(0.5).layers[0].opacity == pytest.approx(smoothstep(0.25))
    assert tl.sample(9.0).layers[0].opacity == pytest.approx(smoothstep(0.25))


def test_cue_opacity_scales_the_layer():
    tl = Timeline([Cue("a", 0, 10, fade_in=2, ease="linear", opacity=0.5)])
    assert tl.sample(5).layers[0].opacity == pytest.approx(0.5)
    assert tl.sample(1).layers[0].opacity == pytest.approx(0.25)


def test_overlapping_cues_crossfade_without_a_dip():
    a = Cue("a", 0, 6, fade_out=2)                    # its fade-out is not applied in the overlap
    b = Cue("b", 4, 10, fade_in=2, fade_out=1)
    tl = Timeline([a, b])

    (before,) = tl.sample(3.9).layers
    assert before.current.cue is a and before.previous is None

    progress = []
    for i in range(0, 21):
        t = 4.0 + i * 0.0999
        (layer,) = tl.sample(t).layers
        assert layer.previous is not None and layer.previous.cue is a
        assert layer.current.cue is b
        assert layer.opacity == pytest.approx(1.0), t      # total visibility never dips
        progress.append(layer.progress)
    assert progress[0] == pytest.approx(0.0)
    assert progress[-1] == pytest.approx(1.0, abs=1e-3)
    assert all(p1 > p0 for p0, p1 in zip(progress, progress[1:]))
    assert tl.sample(5.0).layers[0].progress == pytest.approx(0.5)   # smoothstep midpoint

    (after,) = tl.sample(6.0).layers
    assert after.current.cue is b and after.previous is None
    assert after.opacity == pytest.approx(1.0)
    assert tl.sample(9.5).layers[0].opacity == pytest.approx(smoothstep(0.5))


def test_overlap_indices_and_local_times():
    tl = Timeline([Cue("a", 0, 6), Cue("b", 4, 10, fade_in=2, ease="linear")])
    layer = tl.sample(4.5).layers[0]
    assert (layer.previous.index, layer.current.index) == (0, 1)
    assert layer.previous.local_t == pytest.approx(4.5)
    assert layer.current.local_t == pytest.approx(0.5)
    assert layer.progress == pytest.approx(0.25)
    assert [c.cue.scene for c in tl.sample(4.5).cues()] == ["a", "b"]


def test_the_cue_left_is_seen_only_while_its_transition_runs():
    """A short fade-in inside a long overlap: the old cue is still sampled (it runs to its end)
    but once progress reaches 1 it is no longer seen, so nothing draws or captions it."""
    a, b = Cue("a", 0, 8), Cue("b", 4, 10, fade_in=1, ease="linear")
    tl = Timeline([a, b])
    during = tl.sample(4.5).layers[0]
    assert during.previous_seen is not None and during.previous_seen.cue is a
    after = tl.sample(6.0).layers[0]
    assert after.previous is not None and after.previous.cue is a      # a still runs
    assert after.progress == pytest.approx(1.0)
    assert after.previous_seen is None


def test_cues_on_different_layers_do_not_transition():
    tl = Timeline([Cue("top", 2, 8, layer=1, fade_in=1, ease="linear"), Cue("base", 0, 10)])
    sample = tl.sample(2.5)
    assert [ls.layer for ls in sample.layers] == [0, 1]
    base, top = sample.layers
    assert base.current.cue.scene == "base" and base.previous is None and base.opacity == 1.0
    assert top.current.cue.scene == "top" and top.previous is None
    assert top.opacity == pytest.approx(0.5)
    assert [ls.layer for ls in tl.sample(1.0).layers] == [0]
    assert [ls.layer for ls in tl.sample(9.0).layers] == [0]


def test_duration_defaults_to_the_last_cue_end():
    assert Timeline([Cue("a", 0, 4), Cue("b", 3, 12, layer=2)]).duration == 12.0
    assert Timeline([Cue("a", 0, 4)], duration=30).duration == 30.0


# --- Timeline.sample: values --------------------------------------------------------------

def test_show_tracks_by_scene_cue_name_and_effect():
    tl = Timeline(
        [Cue("tide", 0, 10), Cue("tide", 0, 10, layer=1, name="intro"), Cue("rings", 0, 10, layer=2)],
        tracks={
            "tide.speed": [(0, 0.0), (10, 10.0)],
            "intro.speed": [(0, 100.0), (10, 200.0)],
            "rings.count": [(0, 1.0), (10, 3.0)],
            "lens.glow": [(0, 0.0), (10, 1.0)],
        })
    sample = tl.sample(5.0)
    plain, named, rings = (ls.current.values for ls in sample.layers)
    assert plain == {"speed": pytest.approx(5.0)}
    assert named == {"speed": pytest.approx(150.0)}     # the cue's name is more specific
    assert rings == {"count": pytest.approx(2.0)}
    assert sample.owned["lens"] == {"glow": pytest.approx(0.5)}   # an effect's, by its owner


def test_show_tracks_run_in_show_time_and_cue_keys_in_local_time():
    tl = Timeline(
        [Cue("tide", 4, 10, keys={"bands": [(0, 0.0), (2, 1.0)]})],
        tracks={"tide.speed": [(0, 0.0), (10, 10.0)], "tide.bands": [(0, 50.0), (10, 50.0)]})
    values = tl.sample(5.0).layers[0].current.values
    assert values["speed"] == pytest.approx(5.0)          # show time 5
    assert values["bands"] == pytest.approx(0.5)          # local time 1 of 2; keys win
    assert tl.sample(4.0).layers[0].current.values["bands"] == pytest.approx(0.0)
    assert tl.sample(9.0).layers[0].current.values["bands"] == pytest.approx(1.0)


def test_fixed_params_pass_through_and_keys_override_them():
    tl = Timeline([Cue("tide", 0, 10, params={"speed": 2.0, "tint": "#ff0000"},
                       keys={"speed": [(0, 0.0), (10, 1.0)]})])
    values = tl.sample(5.0).layers[0].current.values
    assert values["tint"] == "#ff0000"
    assert values["speed"] == pytest.approx(0.5)


def test_signals_as_cue_params_and_show_tracks():
    tl = Timeline([Cue("tide", 2, 10, params={"speed": LFO("saw", rate=1.0)},
                       keys={"bands": LFO("square", rate=2, unit="beats")})],
                  tracks={"lens.glow": LFO("sine", rate=0.25, amp=2.0)}, bpm=120)
    for t in (2.25, 3.5, 4.75, 7.1):
        sample = tl.sample(t)
        values = sample.layers[0].current.values
        # Signals run in show time (the cue starts at 2 s, the saw still reads show time).
        assert values["speed"] == pytest.approx(2 * (t % 1.0) - 1)
        # A 2-beat square at 120 bpm: +1 for the first half second of each second.
        assert values["bands"] == (1.0 if (t % 1.0) < 0.5 else -1.0)
        assert sample.owned["lens"]["glow"] == pytest.approx(2 * math.sin(2 * math.pi * 0.25 * t))
        assert sample.beat == pytest.approx(2 * t)
        assert sample.bpm == 120


def test_beat_locked_signal_follows_a_tempo_ramp():
    tl = Timeline([Cue("tide", 0, 20, params={"speed": LFO("saw", rate=1, unit="beats")})],
                  bpm=[(0, 120), (10, 240)])
    sample = tl.sample(10.0)
    assert sample.beat == pytest.approx(30.0, abs=1e-9)
    assert sample.bpm == pytest.approx(240.0)
    phase = sample.beat % 1.0
    assert sample.layers[0].current.values["speed"] == pytest.approx(2 * phase - 1, abs=1e-6)


def test_timeline_bpm_error_names_the_callers_line():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Timeline([Cue("a", 0, 1)], bpm=0)  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)


def _busy_timeline() -> Timeline:
    return Timeline(
        [
            Cue("tide", 0, 12, fade_in=1, keys={"bands": [(0, 2.0), (12, 5.0, "in_out_sine")]}),
            Cue("rings", 8, 20, fade_in=3, fade_out=2,
                params={"count": LFO("sine", rate=0.25, amp=2, offset=7)}),
            Cue("tide", 18, 30, name="outro", fade_out=4, ease="in_out_cubic"),
            Cue("sparks", 5, 25, layer=1, blend="add", opacity=0.7,
                params={"size": LFO("triangle", rate=4, unit="beats")}),
        ],
        tracks={"tide.speed": [(0, 0.5), (10, 2.0), (25, 0.1, "out_expo")],
                "outro.tint": [(18, "#2a0a5e"), (30, "#19c39a")],
                "lens.grain": [(0, 0.0), (30, 1.0, "step")],
                "lens.shake": LFO("saw", rate=1, unit="beats", amp=0.5)},
        bpm=[(0, 90), (15, 140, "in_quad"), (30, 100)])


def _plain(sample) -> tuple:
    """A sample as plain data, so samples from two separately built timelines compare."""
    def cue(active):
        if active is None:
            return None
        return (active.index, active.local_t, active.envelope, sorted(active.values.items()))
    layers = tuple((ls.layer, cue(ls.current), cue(ls.previous), ls.progress, ls.opacity)
                   for ls in sample.layers)
    return (sample.t, sample.beat, sample.bpm, layers,
            sorted((owner, sorted(values.items())) for owner, values in sample.owned.items()))


def test_sampling_in_random_order_equals_sampling_in_order():
    times = [i * 0.137 for i in range(0, 240)] + [0.0, 8.0, 12.0, 18.0, 30.0, 31.0]
    fresh = _busy_timeline()
    in_order = {t: _plain(fresh.sample(t)) for t in sorted(times)}
    tl = _busy_timeline()
    shuffled = list(times)
    random.Random(1234).shuffle(shuffled)
    for t in shuffled:
        assert _plain(tl.sample(t)) == in_order[t], t
    # Sampling again, backwards this time, still gives the same answers.
    for t in sorted(times, reverse=True):
        assert _plain(tl.sample(t)) == in_order[t], t
    # The timeline exercises crossfades and several layers.
    assert any(len(s[3]) == 2 for s in in_order.values())
    assert any(layer[2] is not None for s in in_order.values() for layer in s[3])
