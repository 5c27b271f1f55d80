"""The performance state: transport, smoothing, tempo, quantised clips, presets, decks."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from visuals.controls.events import (BeatSync, Crossfade, CueJump, LoadClip, RecallPreset, SavePreset,
                                     SetParam, SetTempo, Tap, TouchAt, Transport, control_from_json)
from visuals.errors import VisualsError
from visuals.render.frame import FrameInputs
from visuals.render.mixer import Mixer
from visuals.perform.view import TimelineView
from visuals.load.paths import SearchPath
from visuals.perform.performance import Performance
from visuals.perform.presets import PresetStore
from visuals.load.registry import Registry
from visuals.render.renderer import RenderConfig


@pytest.fixture(scope="module")
def registry():
    return Registry(SearchPath.build([]))


@pytest.fixture
def perf(registry):
    return Performance(registry.show("demo"), load_show=registry.show, view=TimelineView(registry))


def test_transport_pause_seek_speed_is_continuous(perf):
    deck = perf.decks["a"]
    assert perf.deck_time(deck, 2.0) == 2.0
    perf.apply(Transport(op="pause"), 2.0)
    assert perf.deck_time(deck, 5.0) == 2.0
    perf.apply(Transport(op="play"), 5.0)
    assert perf.deck_time(deck, 6.0) == pytest.approx(3.0)
    perf.apply(Transport(op="speed", value=2.0), 6.0)
    assert perf.deck_time(deck, 6.0) == pytest.approx(3.0)          # no jump at the change
    assert perf.deck_time(deck, 7.0) == pytest.approx(5.0)
    perf.apply(Transport(op="seek", value=1.0), 7.0)
    assert perf.deck_time(deck, 7.5) == pytest.approx(2.0)
    perf.apply(Transport(op="nudge", value=-5.0), 7.5)
    assert perf.deck_time(deck, 7.5) == 0.0                            # clamped at the start


def test_show_loops_or_holds_at_its_end(registry):
    looping = Performance(registry.show("demo"), loop=True)
    holding = Performance(registry.show("demo"), loop=False)
    assert looping.deck_time(looping.decks["a"], 12.5) == pytest.approx(2.5)
    assert holding.deck_time(holding.decks["a"], 12.5) == pytest.approx(10.0 - 1e-3)


def test_cue_jumps(perf):
    perf.apply(CueJump(index=2), 1.0)
    assert perf.deck_time(perf.decks["a"], 1.0) == 4.0
    perf.apply(CueJump(step=-1), 3.0)   # 2 s into cue 2: back to its start
    assert perf.deck_time(perf.decks["a"], 3.0) == 4.0
    perf.apply(CueJump(step=1), 3.5)    # no later cue: stays
    assert perf.deck_time(perf.decks["a"], 3.5) == 4.5


def test_smoothed_parameters_are_analytic_in_time(perf):
    perf.apply(SetParam(scene="tide", param="speed", value=1.0), 0.0)
    perf.apply(SetParam(scene="tide", param="speed", value=3.0, smoothing=0.5), 1.0)
    values = [perf.frame(t).decks["a"].overrides["tide"]["speed"] for t in (1.0, 1.5, 3.0)]
    assert values[0] == 1.0
    assert values[1] == pytest.approx(3.0 - 2.0 * math.exp(-1.0))
    assert values[2] == pytest.approx(3.0 - 2.0 * math.exp(-4.0))
    # the same times asked in another order give the same values
    again = [perf.frame(t).decks["a"].overrides["tide"]["speed"] for t in (3.0, 1.0, 1.5)]
    assert again == [values[2], values[0], values[1]]


def test_tap_tempo_and_beat_sync(perf):
    for t in (10.0, 10.5, 11.0, 11.5):
        perf.apply(Tap(), t)
    assert perf.tempo.bpm == pytest.approx(120.0)
    assert perf.tempo.beat(11.5) == pytest.approx(round(perf.tempo.beat(11.5)))   # taps land on beats
    perf.apply(SetTempo(bpm=90), 12.0)
    beat_at_change = perf.tempo.beat(12.0)
    assert perf.tempo.beat(14.0) == pytest.approx(beat_at_change + 3.0)
    perf.apply(BeatSync(beat=0.0), 20.0)
    assert perf.tempo.beat(20.0) == 0.0 and perf.frame(20.0).tempo == (0.0, 90.0)
    perf.apply(Tap(), 30.0)          # a lone tap after a pause starts a new measurement
    assert perf.tempo.taps == [30.0]


def test_two_taps_at_one_time_count_once(perf):
    """Two taps in one frame are recorded at the same time; the replay divided by zero."""
    for t in (10.0, 10.0, 10.5, 10.5, 11.0):
        perf.apply(Tap(), t)
    assert perf.tempo.taps == [10.0, 10.5, 11.0]
    assert perf.tempo.bpm == pytest.approx(120.0)


def test_quantised_clip_launches_on_the_next_bar(perf):
    perf.apply(SetTempo(bpm=120), 0.0)       # a beat every 0.5 s, a bar every 2 s
    perf.apply(LoadClip(deck="b", show="rings", quantize="bar"), 0.7)
    assert "b" not in perf.frame(1.9).decks
    frame = perf.frame(2.0)
    assert frame.decks["b"].show_t == 0.0
    assert perf.frame(2.5).decks["b"].show_t == pytest.approx(0.5)


def test_crossfade_smoothing(perf):
    perf.apply(Crossfade(value=1.0, smoothing=0.2), 1.0)
    assert perf.frame(1.0).crossfade == 0.0
    assert 0.9 < perf.frame(1.5).crossfade < 1.0


def test_touches_land_at_the_deck_time(perf):
    perf.apply(Transport(op="seek", value=3.0), 1.0)
    perf.apply(TouchAt(x=0.2, y=0.8), 2.0)
    (show_t, touch), = perf.frame(2.5).decks["a"].touches
    assert show_t == pytest.approx(4.0) and (touch.x, touch.y) == (0.2, 0.8)


def test_presets_save_recall_and_morph_over_beats(perf, registry, tmp_path):
    store = PresetStore(tmp_path / "presets.toml", registry)
    perf.presets = store
    perf.apply(SetParam(scene="tide", param="speed", value=2.5), 0.5)
    perf.apply(SavePreset(name="fast"), 1.0)
    saved = PresetStore(tmp_path / "presets.toml", registry).get("fast")
    assert saved["tide"]["speed"] == 2.5 and "bands" in saved["tide"]
    perf.apply(SetParam(scene="tide", param="speed", value=0.5), 2.0)
    perf.apply(SetTempo(bpm=60), 2.0)                                  # one beat per second
    perf.apply(RecallPreset(name="fast", morph=4, unit="beats"), 3.0)
    speeds = [perf.frame(t).decks["a"].overrides["tide"]["speed"] for t in (3.0, 5.0, 7.0, 9.0)]
    assert speeds == pytest.approx([0.5, 1.5, 2.5, 2.5])


def test_presets_file_errors_name_the_line(registry, tmp_path):
    path = tmp_path / "presets.toml"
    path.write_text('[presets.calm]\ntide.speed = 1.0\ntide.sped = 2.0\n')
    with pytest.raises(VisualsError) as err:
        PresetStore(path, registry)
    assert err.value.line == 3 and "sped" in err.value.message and "speed" in err.value.fix
    path.write_text('[presets.calm]\ntide.speed = 9.0\n')
    with pytest.raises(VisualsError) as err:
        PresetStore(path, registry)
    assert err.value.line == 2 and "out of range" in err.value.message
    path.write_text('[presets.calm\ntide.speed = 1.0\n')
    with pytest.raises(VisualsError) as err:
        PresetStore(path, registry)
    assert err.value.line == 1 and "malformed presets file" in err.value.message


def test_events_survive_json(perf):
    for event in (Transport(op="seek", value=2.0), CueJump(index=3), SetParam(scene="sky", param="segments",
                  value=(1.0, 2.0)), TouchAt(x=0.1, y=0.2), RecallPreset(name="a", values={"tide": {"speed": 1.0}})):
        data = event.to_json()
        assert control_from_json(data) == event
    with pytest.raises(VisualsError):
        control_from_json({"kind": "nonsense"})


def test_mixer_crossfades_two_decks(gl, registry):
    from visuals.output.pngio import gl_rows_to_image
    config = RenderConfig(size=(32, 18), fps=Fraction(30))
    perf = Performance(registry.show("tide"), load_show=registry.show)
    mixer = Mixer(gl, registry, config)
    try:
        def image(t):
            fbo = mixer.render(FrameInputs(0, perf.frame(t), config.size, config.fps)).fbo
            return gl_rows_to_image(fbo.read(components=3, alignment=1), (32, 18)).astype(int)
        a = image(1.0)
        perf.apply(LoadClip(deck="b", show="rings"), 1.0)
        perf.apply(Transport(op="pause"), 1.0)
        assert np.array_equal(image(1.0), a), "deck B is silent at crossfade 0"
        perf.apply(Crossfade(value=1.0), 1.0)
        b = image(1.0)
        perf.apply(Crossfade(value=0.5), 1.0)
        mid = image(1.0)
        assert np.abs(mid - (a + b) / 2).max() <= 1.5
    finally:
        mixer.release()


def test_a_live_glitch_loop_repeats_the_last_seconds_then_resumes(perf):
    from visuals.controls.events import Trigger
    deck = perf.decks["a"]
    perf.apply(Trigger(name="loop", value=0.5), 3.0)
    assert perf.deck_time(deck, 3.0) == pytest.approx(2.5)
    assert perf.deck_time(deck, 3.2) == pytest.approx(2.7)
    assert perf.deck_time(deck, 3.6) == pytest.approx(2.6)      # wrapped
    perf.apply(Trigger(name="loop", value=0.0), 4.0)
    assert perf.deck_time(deck, 4.0) == pytest.approx(3.0)      # resumes where it stuck
    assert perf.deck_time(deck, 5.0) == pytest.approx(4.0)


def test_saving_presets_keeps_a_linked_file_a_link_and_refuses_a_folder(tmp_path, registry):
    # Presets are written by the one safe writer (output/safe_output.write_file): a presets file
    # kept as a link (into a dotfiles folder) is written where it leads and stays a link; a
    # folder in its place is refused in one line, not replaced.
    real = tmp_path / "dotfiles" / "presets.toml"
    real.parent.mkdir()
    real.write_text("[presets.calm]\ntide.speed = 1.0\n")
    link = tmp_path / "presets.toml"
    link.symlink_to(real)
    store = PresetStore(link, registry)
    store.save("fast", {"tide": {"speed": 3.0}})
    assert link.is_symlink() and PresetStore(real, registry).names() == ["calm", "fast"]
    store = PresetStore(tmp_path / "taken.toml", registry)
    store.path.mkdir()                                   # a folder appears where the file was to go
    with pytest.raises(VisualsError, match="folder"):
        store.save("fast", {"tide": {"speed": 3.0}})
    assert store.path.is_dir() and not any(store.path.iterdir())
