"""MIDI: mappings (always), and controllers through a real MIDI system (JACK's dummy driver).

The first part needs no MIDI system: curves, ranges, relative encoders, 14-bit pairs, note
actions, errors that name the line, saving, the example mappings, MIDI clock and learn fed
with messages directly.

The second part starts a JACK server (synchronous, no realtime, dummy driver, a private server
name) once per session, or uses CI's (JACK_DEFAULT_SERVER, started by .ci/run); a stand-in controller is a virtual MIDI output opened by the test through mido's
JACK backend.  Without jackd these tests are skipped, unless VISUALS_REQUIRE_JACK=1 (as in
CI), where a missing jackd fails them.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from visuals.controls.base import ControlContext
from visuals.controls.events import (BeatSync, ControlBus, Crossfade, CueJump, LoadClip, RecallPreset, SetParam,
                                     SetTempo, Tap, TouchAt, Transport, Trigger)
from visuals.controls.midi.bindings import ActionBinding, ControlBinding, curve_function, relative_steps
from visuals.controls.midi.mapping import MidiMapping
from visuals.controls.midi.translate import MidiTranslator
from visuals.errors import VisualsError
from visuals.load.paths import SearchPath
from visuals.load.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
MAPPINGS = ROOT / "scenes" / "mappings"


@pytest.fixture(scope="module")
def registry():
    return Registry(SearchPath.build([]))


class Msg:
    """A MIDI message as mido makes them (type, channel 0-15, ...), without needing mido."""

    def __init__(self, type, **fields):
        self.type = type
        self.channel = 0
        self.__dict__.update(fields)

    def __repr__(self):
        return f"Msg({self.type}, {self.__dict__})"


def cc(control, value, channel=1):
    return Msg("control_change", control=control, value=value, channel=channel - 1)


def note_on(note, velocity=100, channel=1):
    return Msg("note_on", note=note, velocity=velocity, channel=channel - 1)


def mapping(text, registry=None, path="test-mapping.toml"):
    return MidiMapping.loads(textwrap.dedent(text), path, registry=registry)


# -- curves, ranges, encoders, 14-bit pairs -------------------------------------------------------
def test_curves_end_exactly_and_shape_the_middle():
    for name in ("linear", "exp", "log", "in_out_cubic", "ease-in", "cubic-bezier(0.25, 0.1, 0.25, 1)"):
        f = curve_function(name)
        assert f(0.0) == pytest.approx(0.0, abs=1e-12) and f(1.0) == pytest.approx(1.0, abs=1e-12), name
    assert curve_function("linear")(0.25) == 0.25
    assert curve_function("exp")(0.5) == pytest.approx(0.2)           # (16**0.5 - 1) / 15
    assert curve_function("log")(0.2) == pytest.approx(0.5)           # the inverse of exp
    assert curve_function("in_quad")(0.5) == pytest.approx(0.25)


def test_absolute_cc_uses_the_parameter_range_and_curve(registry):
    m = mapping("""
        [[cc]]
        cc = 7
        param = "tide.speed"            # range 0..4 from the scene

        [[cc]]
        cc = 8
        param = "tide.speed"
        range = [2, 0]                  # backwards
        curve = "exp"
        smoothing = 0.25
        deck = "b"
    """, registry)
    t = MidiTranslator(m)
    [e] = t.translate(cc(7, 127))
    assert e == SetParam(scene="tide", param="speed", value=4.0) and e.source == "midi"
    [e] = t.translate(cc(7, 0))
    assert e.value == 0.0
    [e] = t.translate(cc(7, 64))
    assert e.value == pytest.approx(4 * 64 / 127)
    [e] = t.translate(cc(8, 64))
    assert e.value == pytest.approx(2 + (0 - 2) * ((16 ** (64 / 127) - 1) / 15))
    assert e.smoothing == 0.25 and e.deck == "b"
    assert t.translate(cc(7, 64, channel=2)) == []          # another channel
    assert t.translate(cc(9, 64)) == []                     # an unbound CC


def test_int_and_bool_parameters_get_whole_values_and_knob_ranges_are_clamped(tmp_path, registry):
    from conftest import make_project
    project = make_project(tmp_path, {"scenes/knobs.py": """
        from visuals import Param, Pass, Scene
        knobs = Scene("knobs", passes=[Pass("knobs.frag")],
                      params=[Param("count", 2, 0, 6), Param("on", False), Param("level", 0.5, 0.0, 1.0)])
        """})
    m = mapping("""
        [[cc]]
        cc = 1
        param = "knobs.count"           # int 0..6
        [[cc]]
        cc = 2
        param = "knobs.on"              # bool
        [[cc]]
        cc = 3
        param = "knobs.level"           # 0..1
        range = [-1, 2]
    """, Registry(SearchPath.build([project])))
    t = MidiTranslator(m)
    assert t.translate(cc(1, 70))[0].value == 3.0           # 6 * 70 / 127 = 3.3 -> 3
    assert t.translate(cc(2, 63))[0].value == 0.0
    assert t.translate(cc(2, 64))[0].value == 1.0
    assert t.translate(cc(3, 0))[0].value == 0.0            # -1 clamped to the parameter's 0
    assert t.translate(cc(3, 127))[0].value == 1.0
    assert t.translate(cc(3, 64))[0].value == pytest.approx(-1 + 3 * 64 / 127)


@pytest.mark.parametrize("mode, ups, downs", [
    ("twos", {1: 1, 5: 5, 63: 63}, {127: -1, 120: -8, 64: -64}),
    ("signed", {1: 1, 5: 5, 63: 63}, {65: -1, 72: -8, 127: -63}),
    ("offset", {65: 1, 69: 5, 127: 63}, {63: -1, 56: -8, 0: -64}),
])
def test_relative_modes(mode, ups, downs):
    for value, steps in {**ups, **downs}.items():
        assert relative_steps(value, mode) == steps, (mode, value)
    assert relative_steps(64 if mode == "offset" else 0, mode) == 0


def test_relative_encoder_adds_steps_to_the_shown_value_and_stops_at_the_ends(registry):
    m = mapping("""
        [[cc]]
        cc = 16
        param = "tide.bands"        # 1..12
        relative = "twos"
        step = 0.01                 # 0.11 per detent
    """, registry)
    now = [100.0]
    shown = {"value": 5.0}
    t = MidiTranslator(m, current_value=lambda s, p: shown["value"], clock=lambda: now[0])
    assert t.translate(cc(16, 1))[0].value == pytest.approx(5.11)
    shown["value"] = 5.0              # the frame has not shown it yet: the encoder keeps its own count
    assert t.translate(cc(16, 3))[0].value == pytest.approx(5.44)
    assert t.translate(cc(16, 127))[0].value == pytest.approx(5.33)
    now[0] += 2.0                     # a pause: the next turn starts from what the show shows
    shown["value"] = 8.0
    assert t.translate(cc(16, 2))[0].value == pytest.approx(8.22)
    assert t.translate(cc(16, 63))[0].value == pytest.approx(12.0)       # clamped at the top
    now[0] += 2.0
    shown["value"] = None             # nothing known: the scene's default (3)
    assert t.translate(cc(16, 1))[0].value == pytest.approx(3.11)
    assert t.translate(cc(16, 64))[0].value == pytest.approx(1.0)        # -64 detents: the bottom


def test_relative_crossfader_starts_from_the_crossfader():
    m = mapping("""
        [[cc]]
        cc = 10
        param = "crossfader"
        relative = "offset"
        step = 0.1
    """)
    t = MidiTranslator(m, crossfade=lambda: 0.5)
    [e] = t.translate(cc(10, 66))
    assert isinstance(e, Crossfade) and e.value == pytest.approx(0.7)


def test_14_bit_pairs_assemble_msb_and_lsb(registry):
    m = mapping("""
        [[cc]]
        cc = 1
        bits = 14
        param = "tide.speed"      # 0..4
    """, registry)
    t = MidiTranslator(m)
    assert t.translate(cc(33, 100)) == []                      # an LSB before any MSB: nothing yet
    [e] = t.translate(cc(1, 64))                               # MSB: the LSB resets to 0
    assert e.value == pytest.approx(4 * (64 << 7) / 16383)
    [e] = t.translate(cc(33, 127))
    assert e.value == pytest.approx(4 * ((64 << 7) | 127) / 16383)
    [e] = t.translate(cc(1, 127))
    [e] = t.translate(cc(33, 127))
    assert e.value == 4.0
    [e] = t.translate(cc(1, 0))
    assert e.value == 0.0
    # 16384 steps, not 128: neighbouring LSB values give different values
    a = t.translate(cc(33, 10))[0].value
    b = t.translate(cc(33, 11))[0].value
    assert 0 < b - a < 4 / 16000


def test_notes_and_buttons_fire_actions(registry):
    m = mapping("""
        [[note]]
        note = 36
        action = "touch"
        x = 0.25
        y = 0.75
        [[note]]
        note = 37
        action = "cue"
        cue = 3
        [[note]]
        note = 38
        action = "cue"
        step = -1
        [[note]]
        note = 39
        action = "trigger"
        name = "glitch"
        quantize = "beat"
        [[note]]
        note = 40
        action = "preset"
        preset = "calm"
        morph = 4
        unit = "beats"
        [[note]]
        note = 41
        action = "clip"
        show = "sky"
        quantize = "bar"
        [[note]]
        note = 42
        action = "tap"
        [[note]]
        note = 43
        action = "downbeat"
        [[cc]]
        cc = 41
        action = "play_pause"
    """, registry)
    t = MidiTranslator(m)
    [e] = t.translate(note_on(36, 127))
    assert e == TouchAt(x=0.25, y=0.75, strength=1.0) and e.source == "midi"
    assert t.translate(note_on(36, 0)) == []                   # note on with velocity 0 is a note off
    assert t.translate(Msg("note_off", note=36, velocity=64)) == []
    assert t.translate(note_on(37)) == [CueJump(index=3)]
    assert t.translate(note_on(38)) == [CueJump(step=-1)]
    [e] = t.translate(note_on(39, 64))
    assert e == Trigger(name="glitch", value=pytest.approx(64 / 127), quantize="beat")
    assert t.translate(note_on(40)) == [RecallPreset(name="calm", morph=4.0, unit="beats")]
    assert t.translate(note_on(41)) == [LoadClip(deck="b", show="sky", quantize="bar")]
    assert t.translate(note_on(42)) == [Tap()]
    assert t.translate(note_on(43)) == [BeatSync(beat=0.0)]
    # a CC button fires when pressed (127), not when released (0) nor again while held
    assert t.translate(cc(41, 127)) == [Transport(op="toggle")]
    assert t.translate(cc(41, 127)) == []
    assert t.translate(cc(41, 0)) == []
    assert t.translate(cc(41, 127)) == [Transport(op="toggle")]


def test_bend_aftertouch_and_crossfader(registry):
    m = mapping("""
        [[bend]]
        channel = 2
        param = "sky.hue_turn"
        range = [-180, 180]
        [[aftertouch]]
        param = "tide.pulse"
        [[aftertouch]]
        note = 60
        param = "tide.bands"
        [[cc]]
        cc = 14
        param = "crossfader"
        smoothing = 0.05
    """, registry)
    t = MidiTranslator(m)
    assert t.translate(Msg("pitchwheel", pitch=-8192, channel=1))[0].value == -180.0
    assert t.translate(Msg("pitchwheel", pitch=8191, channel=1))[0].value == 180.0
    assert t.translate(Msg("pitchwheel", pitch=0, channel=1))[0].value == pytest.approx(0.0, abs=0.02)
    assert t.translate(Msg("pitchwheel", pitch=0, channel=0)) == []
    assert t.translate(Msg("aftertouch", value=127))[0] == SetParam(scene="tide", param="pulse", value=1.0)
    [e] = t.translate(Msg("polytouch", note=60, value=127))
    assert e == SetParam(scene="tide", param="bands", value=12.0)
    assert t.translate(Msg("polytouch", note=61, value=127)) == []
    assert t.translate(cc(14, 127)) == [Crossfade(value=1.0, smoothing=0.05)]


def test_one_knob_can_play_two_parameters(registry):
    m = mapping("""
        [[cc]]
        cc = 1
        param = "tide.speed"
        [[cc]]
        cc = 1
        param = "sky.inversion"
    """, registry)
    events = MidiTranslator(m).translate(cc(1, 127))
    assert [(e.scene, e.param, e.value) for e in events] == [("tide", "speed", 4.0), ("sky", "inversion", 1.0)]


# -- errors that name the file and line ------------------------------------------------------------
def _error(tmp_path, text, registry=None) -> VisualsError:
    path = tmp_path / "bad.toml"
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    with pytest.raises(VisualsError) as info:
        MidiMapping.load(path, registry=registry)
    err = info.value
    assert err.file and err.file.endswith("bad.toml"), err
    return err


def test_syntax_error_names_the_line(tmp_path):
    err = _error(tmp_path, """
        [[cc]]
        cc = 7
        param = tide.speed
    """)
    assert err.line == 3 and "malformed MIDI mapping" in err.message


def test_unknown_parameter_names_the_line(tmp_path, registry):
    err = _error(tmp_path, """
        # two knobs
        [[cc]]
        cc = 7
        param = "tide.speed"

        [[cc]]
        cc = 8
        param = "tide.sped"
    """, registry)
    assert err.line == 8 and "no parameter 'sped'" in err.message and "speed" in err.fix
    assert str(err).startswith(f"{err.file}:8: ")


def test_bad_cc_number_names_the_line(tmp_path):
    err = _error(tmp_path, """
        [[cc]]
        cc = 7
        param = "tide.speed"

        [[cc]]
        cc = 128
        param = "tide.bands"
    """)
    assert err.line == 6 and "128" in err.message and "0 to 127" in err.message


@pytest.mark.parametrize("text, line, words", [
    ('[[note]]\nnote = 36\naction = "tuch"\n', 3, "unknown action 'tuch'"),
    ('[[cc]]\ncc = 7\nparam = "tide.speed"\nrnage = [0, 1]\n', 4, "unknown key 'rnage'"),
    ('[[cc]]\ncc = 7\nparam = "speed"\n', 3, "not 'scene.param'"),
    ('[[cc]]\nchannel = 0\ncc = 7\nparam = "tide.speed"\n', 2, "channel 0"),
    ('[[cc]]\ncc = 40\nbits = 14\nparam = "tide.speed"\n', 2, "14-bit CC"),
    ('[[cc]]\ncc = 7\nbits = 14\nparam = "tide.speed"\n\n[[cc]]\ncc = 39\nparam = "tide.bands"\n', 6, "LSB"),
    ('[[cc]]\ncc = 7\nparam = "tide.speed"\nrelative = "twos"\ncurve = "exp"\n', 5, "curve has no meaning"),
    ('[[cc]]\ncc = 7\nparam = "tide.speed"\ncurve = "wobbly"\n', 4, "unknown curve"),
    ('[[note]]\nnote = 36\naction = "cue"\n', 1, "cue = N or step"),
    ('[[note]]\nnote = 36\naction = "touch"\nx = 1.5\n', 4, "'x' must be a number from 0 to 1"),
    ('[cc]\ncc = 7\n', 1, "list of tables"),
    ('chanel = 2\n', 1, "unknown key 'chanel'"),
    ('cc = [\n  {cc = 1, param = "tide.speed"},\n  {cc = 300, param = "tide.speed"},\n]\n', 3, "300"),
])
def test_semantic_errors_name_the_line(tmp_path, text, line, words):
    err = _error(tmp_path, text)
    assert err.line == line, err
    assert words in err.message, err


def test_vector_parameters_and_unknown_clips_are_refused(tmp_path, registry):
    err = _error(tmp_path, '[[cc]]\ncc = 1\nparam = "tide.colour_a"\n', registry)
    assert err.line == 3 and "color" in err.message
    err = _error(tmp_path, '[[note]]\nnote = 1\naction = "clip"\nshow = "skyy"\n', registry)
    assert err.line == 4 and "skyy" in err.message and "sky" in err.fix


def test_a_missing_mapping_file_says_so(tmp_path):
    with pytest.raises(VisualsError) as info:
        MidiMapping.load(tmp_path / "nope.toml")
    assert "cannot read MIDI mapping file" in info.value.message


# -- saving (MIDI learn) ---------------------------------------------------------------------------
def test_learn_and_save_keep_comments_and_read_back(tmp_path, registry):
    path = tmp_path / "mine.toml"
    path.write_text(textwrap.dedent("""
        # my controller
        channel = 1

        # knob 1 plays the tide
        [[cc]]
        cc = 1
        param = "tide.speed"

        # knob 2
        [[cc]]
        cc = 2
        param = "tide.bands"
        curve = "exp"

        [[note]]
        note = 36
        action = "tap"
    """).lstrip())
    m = MidiMapping.load(path, registry)
    learned = m.learn("cc", 1, 2, "rings", "count")           # knob 2 moves to rings.count
    assert learned.describe() == "CC 2 ch 1 -> rings.count"
    m.learn("bend", 3, None, "tide", "speed")                 # the tide leaves knob 1 for the wheel
    m.save()
    text = path.read_text()
    assert "# my controller" in text and "# knob 1 plays the tide" in text
    assert "# replaced by MIDI learn:\n# [[cc]]\n# cc = 2" in text
    again = MidiMapping.load(path, registry)
    described = sorted(again.describe())
    assert described == sorted(["CC 2 ch 1 -> rings.count", "pitch bend ch 3 -> tide.speed", "note 36 ch 1 -> tap"])
    # saving again changes nothing; a later learn appends below
    again.save()
    assert path.read_text() == text


def test_save_keeps_a_name_holding_unicode_line_separators(tmp_path, registry):
    # str.splitlines splits at U+0085 and U+2028, which a TOML string may hold: the saved file
    # once broke the controller's name over two lines and did not read back; and the binding
    # to comment out was looked for lines too low.
    path = tmp_path / "odd.toml"
    path.write_text('controller = "box\u0085one\u2028two"\n\n[[cc]]\ncc = 2\nparam = "tide.bands"\n',
                    encoding="utf-8")
    m = MidiMapping.load(path, registry)
    m.learn("cc", 1, 2, "rings", "count")
    m.save()
    text = path.read_text(encoding="utf-8")
    assert "# replaced by MIDI learn:\n# [[cc]]\n# cc = 2\n# param = \"tide.bands\"" in text, text
    again = MidiMapping.load(path, registry)
    assert again.controller == "box\u0085one\u2028two" and again.describe() == ["CC 2 ch 1 -> rings.count"]


def test_save_writes_through_a_linked_mapping_and_refuses_a_folder(tmp_path, registry):
    # The mapping is written by the one safe writer (output/safe_output.write_file): a mapping
    # kept as a link stays a link, and a folder in its place is refused, never replaced.
    real = tmp_path / "dotfiles" / "mine.toml"
    real.parent.mkdir()
    real.write_text('[[cc]]\ncc = 2\nparam = "tide.bands"\n')
    link = tmp_path / "mine.toml"
    link.symlink_to(real)
    m = MidiMapping.load(link, registry)
    m.learn("cc", 1, 3, "tide", "speed")
    m.save()
    assert link.is_symlink() and len(MidiMapping.load(real, registry)) == 2
    folder = tmp_path / "taken.toml"
    folder.mkdir()
    with pytest.raises(VisualsError, match="folder"):
        m.save(folder)
    assert folder.is_dir() and not any(folder.iterdir())


def test_save_creates_a_new_file(tmp_path, registry):
    m = MidiMapping(path=None)
    m.validate(registry)
    m.learn("cc", 1, 7, "tide", "speed")
    path = tmp_path / "sub" / "new.toml"
    m.save(path)
    assert path.read_text().startswith("# visuals MIDI mapping")
    assert MidiMapping.load(path, registry).describe() == ["CC 7 ch 1 -> tide.speed"]


def test_save_round_trips_every_option(tmp_path, registry):
    source = MAPPINGS / "akai-apc-mini.toml"
    m = MidiMapping.load(source, registry)
    m2 = MidiMapping([*m.bindings], channel=1, path=None)
    path = tmp_path / "copy.toml"
    m2.save(path)            # no text to keep: written from scratch
    again = MidiMapping.load(path, registry)
    assert again.bindings == m.bindings


# -- the example mappings ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["generic-8x8.toml", "akai-apc-mini.toml"])
def test_example_mappings_load_and_validate_against_the_built_in_scenes(name, registry):
    m = MidiMapping.load(MAPPINGS / name, registry)
    kinds = {b.kind for b in m.bindings}
    assert {"cc", "note"} <= kinds
    assert any(isinstance(b, ControlBinding) and b.param == "crossfader" for b in m.bindings)
    assert any(isinstance(b, ActionBinding) and b.action == "touch" for b in m.bindings)
    assert any(isinstance(b, ActionBinding) and b.action == "cue" for b in m.bindings)


def test_generic_mapping_has_knobs_1_to_8_and_pads_36_to_43(registry):
    m = MidiMapping.load(MAPPINGS / "generic-8x8.toml", registry)
    knobs = sorted(b.number for b in m.bindings if b.kind == "cc")
    pads = sorted(b.number for b in m.bindings if b.kind == "note")
    assert knobs == list(range(1, 9)) and pads == list(range(36, 44))
    assert {b.action for b in m.bindings if b.kind == "note"} >= {"touch", "cue", "tap"}


def test_the_format_example_in_the_manual_is_a_valid_mapping(registry):
    manual = (ROOT / "docs" / "midi-mapping.md").read_text(encoding="utf-8")
    block = manual.split("## A whole file\n\n```toml\n", 1)[1].split("```", 1)[0]
    m = MidiMapping.loads(block, registry=registry)
    assert len(m) >= 8


# -- MIDI clock and learn, fed directly --------------------------------------------------------------
def test_midi_clock_estimates_tempo_through_jitter_and_follows_start_stop():
    from visuals.controls.midi.clock import MidiClock
    import random
    rng = random.Random(3)
    clock = MidiClock()
    events = clock.feed("start", 0.0)
    period = 60.0 / 120.0 / 24
    block = 256 / 48000                       # JACK delivers pulses in periods: quantised times
    for i in range(24 * 4):
        t = 1.0 + i * period + rng.uniform(0, 0.001)
        events += clock.feed("clock", (t // block + 1) * block)
    assert isinstance(events[0], BeatSync) and events[0].beat == 0.0
    tempos = [e.bpm for e in events if isinstance(e, SetTempo)]
    assert tempos and abs(tempos[-1] - 120.0) < 0.2, tempos
    assert all(abs(b - a) > 0.05 for a, b in zip(tempos, tempos[1:]))    # only real changes are posted
    assert clock.feed("stop", 3.0) == []
    t0 = 1.0 + 24 * 4 * period
    late = [clock.feed("clock", t0 + i * period * 0.5) for i in range(100)]   # the clock doubles its tempo
    assert not any(isinstance(e, SetTempo) for batch in late for e in batch)  # but it is not followed
    assert clock.feed("songpos", 3.1, 16) == []
    clock.feed("continue", 3.2)
    batch = clock.feed("clock", t0 + 100 * period * 0.5)
    assert batch[0] == BeatSync(beat=4.0)                      # 16 sixteenths: beat 4
    assert any(isinstance(e, SetTempo) and abs(e.bpm - 240.0) < 0.5 for e in batch)


def _offline_input(registry, mapping_obj, path=None, learn=None):
    from visuals.controls.midi.input import MidiInput, _Device
    bus = ControlBus()
    notices: list[str] = []
    target = {"value": learn}
    midi = MidiInput(["all"], mapping_obj, path)
    context = ControlContext(bus=bus, registry=registry, show=lambda: None, notify=notices.append,
                             learn_target=lambda: target["value"])
    midi.context = context
    mapping_obj.validate(registry)
    midi.translator = MidiTranslator(mapping_obj)
    midi.poll(0.0)
    device = _Device("fake", None)
    return midi, bus, notices, target, device


def test_learn_binds_the_moved_control_and_recognises_14_bit_faders(tmp_path, registry):
    mido = pytest.importorskip("mido")
    path = tmp_path / "learned.toml"
    midi, bus, notices, target, device = _offline_input(registry, MidiMapping(), path, learn=("tide", "speed"))
    midi.poll(0.0)
    midi._on_message(device, mido.Message("control_change", channel=0, control=3, value=64))
    midi._on_message(device, mido.Message("control_change", channel=0, control=35, value=10))   # its LSB
    midi._on_message(device, mido.Message("control_change", channel=0, control=5, value=1))     # a bump
    assert midi.mapping.describe() == ["CC 3/35 ch 1 -> tide.speed"]
    midi._save()
    midi.poll(0.0)
    assert "learned CC 3 ch 1 -> tide.speed" in notices and "learned CC 3/35 ch 1 -> tide.speed" in notices
    assert MidiMapping.load(path, registry).describe() == ["CC 3/35 ch 1 -> tide.speed"]
    values = [e.value for e, _ in bus.drain() if isinstance(e, SetParam)]
    assert values and values[-1] == pytest.approx(4 * ((64 << 7) | 10) / 16383)
    target["value"] = ("rings", "count")
    midi.poll(0.0)
    midi._on_message(device, mido.Message("pitchwheel", channel=1, pitch=8191))
    assert "pitch bend ch 2 -> rings.count" in midi.mapping.describe()
    midi._on_message(device, mido.Message("sysex", data=[1, 2, 3]))                 # ignored, no error
    midi.poll(0.0)
    assert not any("cannot handle" in n for n in notices)


# -- through JACK -------------------------------------------------------------------------------------
JACK_BACKEND = "mido.backends.rtmidi/UNIX_JACK"


def _jack_running(env) -> bool:
    try:
        out = subprocess.run(["jack_wait", "-c"], env=env, capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.strip().endswith("running") and "not running" not in out


@pytest.fixture(scope="session")
def jack():
    """A JACK server with the dummy driver for this session (or CI's, when it started one)."""
    required = os.environ.get("VISUALS_REQUIRE_JACK") == "1"

    def unavailable(why):
        if required:
            pytest.fail(f"{why} (VISUALS_REQUIRE_JACK=1)")
        pytest.skip(why)
    if not shutil.which("jackd") or not shutil.which("jack_wait"):
        unavailable("jackd is not installed (apt install jackd2): MIDI device tests skipped")
    if importlib.util.find_spec("mido") is None:
        unavailable("mido is not installed")
    try:
        import rtmidi
    except ImportError:
        unavailable("python-rtmidi is not installed")
    if rtmidi.API_UNIX_JACK not in rtmidi.get_compiled_api():
        unavailable("python-rtmidi was built without JACK")
    saved = {k: os.environ.get(k) for k in ("JACK_DEFAULT_SERVER", "JACK_NO_AUDIO_RESERVATION", "MIDO_BACKEND")}
    os.environ["JACK_NO_AUDIO_RESERVATION"] = "1"
    os.environ["MIDO_BACKEND"] = JACK_BACKEND
    proc = None
    log = None
    if not (os.environ.get("JACK_DEFAULT_SERVER") and _jack_running(dict(os.environ))):
        os.environ["JACK_DEFAULT_SERVER"] = f"visuals-test-{os.getpid()}"
        log = open(os.devnull, "wb")
        # -S (synchronous): the server waits for every client each cycle.  In the default
        # asynchronous mode a receiving client that is late (a Python callback waiting for the
        # GIL on a loaded machine) misses that cycle's events: bursts and even paced sweeps lose
        # messages.  With -S a burst of 1000 unpaced messages arrives whole.
        proc = subprocess.Popen(["jackd", "-S", "--no-realtime", "-d", "dummy", "-r", "48000", "-p", "256"],
                                stdout=log, stderr=log, env=dict(os.environ))
        ok = subprocess.run(["jack_wait", "-w", "-t", "15"], env=dict(os.environ), capture_output=True).returncode == 0
        if not ok or proc.poll() is not None:
            proc.kill()
            proc.wait()
            unavailable("jackd did not start")
    try:
        yield dict(os.environ)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


_names = itertools.count(1)


class StandIn:
    """A stand-in controller: a virtual MIDI output (a JACK client of its own)."""

    def __init__(self, client: str):
        import mido
        self.client = client
        self.port = mido.Backend(JACK_BACKEND).open_output("out", client_name=client)
        self.name = f"{client}:out"

    def send(self, message, **fields):
        import mido
        self.port.send(mido.Message(message, **fields) if isinstance(message, str) else message)

    def close(self):
        if not self.port.closed:
            self.port.close()


@pytest.fixture
def standin(jack):
    opened = []

    def make(client: str | None = None) -> StandIn:
        s = StandIn(client or f"visuals-standin-{os.getpid()}-{next(_names)}")
        opened.append(s)
        return s
    yield make
    for s in opened:
        s.close()


@pytest.fixture
def midi_input(jack, registry):
    """A started MidiInput with a bus and a notice list; stopped at the end."""
    from visuals.controls.midi.input import MidiInput
    started = []

    def make(standins, mapping_obj=None, path=None, learn=None, current=None):
        devices = [s.client for s in standins]
        bus = ControlBus()
        notices: list[str] = []
        target = {"value": learn}
        midi = MidiInput(devices, mapping_obj, path)
        context = ControlContext(bus=bus, registry=registry, show=lambda: None, notify=notices.append,
                                 learn_target=lambda: target["value"],
                                 current_value=current or (lambda scene, param: None))
        midi.start(context)
        started.append(midi)
        midi.poll(time.perf_counter())
        connected(midi, *standins)
        return midi, bus, notices, target
    yield make
    for midi in started:
        midi.stop()


def connected(midi, *standins, timeout=5.0):
    """Wait until the input hears each stand-in (a JACK connection takes a few cycles to carry
    messages; under load the first message after connecting can be lost)."""
    for s in standins:
        before = [d.messages for d in midi.devices.values() if d.name == s.name]
        assert before, f"{s.name} not open: {list(midi.devices)}"

        def heard():
            s.send("note_off", channel=15, note=0, velocity=0)     # bound to nothing, never learned
            time.sleep(0.005)
            return [d.messages for d in midi.devices.values() if d.name == s.name][0] > before[0]
        assert wait_for(heard, timeout), f"no message from {s.name} arrived"
    time.sleep(0.02)
    midi.context.bus.drain()


def wait_for(predicate, timeout=3.0, poll=None):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if poll is not None:
            poll()
        value = predicate()
        if value:
            return value
        time.sleep(0.01)
    return predicate()


def collect(bus, count, timeout=3.0):
    got = []
    wait_for(lambda: got.extend(e for e, _ in bus.drain()) or len(got) >= count, timeout)
    return got


CC7 = """
    [[cc]]
    cc = 7
    param = "tide.speed"
    curve = "exp"
    [[note]]
    note = 36
    action = "touch"
    x = 0.2
    y = 0.8
    [[cc]]
    cc = 1
    bits = 14
    param = "rings.count"
    [[cc]]
    cc = 16
    param = "tide.bands"
    relative = "signed"
    step = 0.02
"""


def test_cc7_on_channel_1_changes_the_mapped_parameter(standin, midi_input, registry):
    ctl = standin()
    m = mapping(CC7, registry)
    midi, bus, notices, _ = midi_input([ctl], m)
    assert f"MIDI: {ctl.name} connected" in notices
    assert midi.describe().startswith(f"MIDI: {ctl.name} (4 bindings)")
    ctl.send("control_change", channel=0, control=7, value=100)
    [event] = collect(bus, 1)
    assert isinstance(event, SetParam) and (event.scene, event.param) == ("tide", "speed")
    assert event.source == "midi"
    assert event.value == pytest.approx(4 * ((16 ** (100 / 127) - 1) / 15))
    ctl.send("control_change", channel=1, control=7, value=100)     # channel 2: not bound
    assert collect(bus, 1, timeout=0.3) == []


def test_a_note_triggers_a_touch(standin, midi_input, registry):
    ctl = standin()
    midi, bus, _, _ = midi_input([ctl], mapping(CC7, registry))
    ctl.send("note_on", channel=0, note=36, velocity=127)
    ctl.send("note_off", channel=0, note=36, velocity=0)
    [event] = collect(bus, 1)
    assert event == TouchAt(x=0.2, y=0.8, strength=1.0)


def test_14_bit_cc_through_jack(standin, midi_input, registry):
    ctl = standin()
    midi, bus, _, _ = midi_input([ctl], mapping(CC7, registry))
    ctl.send("control_change", channel=0, control=1, value=100)
    ctl.send("control_change", channel=0, control=33, value=77)
    events = collect(bus, 2)
    assert [e.value for e in events] == pytest.approx([1 + 29 * (100 << 7) / 16383,
                                                       1 + 29 * ((100 << 7) | 77) / 16383])


def test_relative_encoder_through_jack(standin, midi_input, registry):
    ctl = standin()
    midi, bus, _, _ = midi_input([ctl], mapping(CC7, registry), current=lambda s, p: 6.0)
    for value in (1, 1, 3, 65):          # signed: +1 +1 +3 -1
        ctl.send("control_change", channel=0, control=16, value=value)
        time.sleep(0.002)
    events = collect(bus, 4)
    step = 0.02 * 11
    assert [e.value for e in events] == pytest.approx([6 + step, 6 + 2 * step, 6 + 5 * step, 6 + 4 * step])


def test_midi_learn_binds_and_saves(standin, midi_input, registry, tmp_path):
    ctl = standin()
    path = tmp_path / "learned" / "mapping.toml"          # does not exist yet
    midi, bus, notices, target = midi_input([ctl], None, path, learn=("tide", "bands"))
    ctl.send("control_change", channel=0, control=21, value=127)
    [event] = collect(bus, 1)
    assert event == SetParam(scene="tide", param="bands", value=12.0)   # it plays at once, too
    assert wait_for(path.exists, poll=lambda: midi.poll(time.perf_counter()))
    assert wait_for(lambda: "learned CC 21 ch 1 -> tide.bands" in notices, poll=lambda: midi.poll(time.perf_counter()))
    again = MidiMapping.load(path, registry)
    assert again.describe() == ["CC 21 ch 1 -> tide.bands"]
    # learning off: the binding plays
    target["value"] = None
    midi.poll(time.perf_counter())
    ctl.send("control_change", channel=0, control=21, value=0)
    [event] = collect(bus, 1)
    assert event.value == 1.0
    assert "1 binding" in midi.describe()


def _send_clock(ctl, bpm, beats):
    """Start, then 24 pulses a beat paced in real time; returns the times they were sent."""
    period = 60.0 / bpm / 24
    ctl.send("start")
    sent = []
    t0 = time.perf_counter() + 0.02
    for i in range(24 * beats + 1):
        while time.perf_counter() < t0 + i * period:
            time.sleep(0.0005)
        sent.append(time.perf_counter())
        ctl.send("clock")
    return sent


def test_midi_clock_at_120_bpm_sets_120_bpm(standin, midi_input, registry):
    from visuals.controls.midi.clock import CLOCK_WINDOW, MidiClock
    ctl = standin()
    midi, bus, _, _ = midi_input([ctl], MidiMapping())
    for attempt in range(3):
        sent = _send_clock(ctl, 120.0, beats=2)
        time.sleep(0.05)
        events = [e for e, _ in bus.drain()]
        tempos = [e.bpm for e in events if isinstance(e, SetTempo)]
        # What the stand-in really sent, by the same estimator.  A machine loaded to the full
        # (non-realtime JACK) can stall the sender or the server's cycles for tens of ms, and
        # then the pulses are no 120 bpm clock any more: try again, up to three times.
        truth = MidiClock()
        for t in sent[-(CLOCK_WINDOW + 1):]:
            truth.feed("clock", t)
        if tempos and abs(tempos[-1] - 120.0) < 0.5 and abs(truth.bpm - 120.0) < 0.25:
            break
    assert events and events[0] == BeatSync(beat=0.0)
    assert tempos, events
    assert abs(tempos[-1] - 120.0) < 0.5, (tempos, truth.bpm)
    assert "clock 120" in midi.describe() or "clock 119" in midi.describe()
    ctl.send("stop")
    for _ in range(30):
        ctl.send("clock")                           # far too fast: would be a new tempo
        time.sleep(0.001)
    time.sleep(0.05)
    assert not any(isinstance(e, SetTempo) for e, _ in bus.drain())


def test_unplugging_is_survived_and_replugging_is_picked_up(standin, midi_input, registry):
    a = standin()
    b = standin()
    m = mapping(CC7, registry)
    midi, bus, notices, _ = midi_input([a, b], m)
    assert len(midi.devices) == 2
    now = [time.perf_counter()]

    def tick():                                      # the render loop: poll every frame
        now[0] += 0.25
        midi.poll(now[0])
    a.close()                                        # unplug A
    assert wait_for(lambda: f"MIDI: {a.name} disconnected" in notices, poll=tick)
    assert list(midi.devices) == [b.name]
    assert "MIDI:" in midi.describe()
    b.send("control_change", channel=0, control=7, value=127)     # B keeps working
    [event] = collect(bus, 1)
    assert event.value == 4.0
    a2 = standin(a.client)                           # plug A in again
    assert wait_for(lambda: notices.count(f"MIDI: {a.name} connected") == 2, poll=tick)
    connected(midi, a2)
    a2.send("control_change", channel=0, control=7, value=0)
    [event] = collect(bus, 1)
    assert event.value == 0.0
    assert not any("cannot" in n for n in notices), notices


def test_a_sweep_of_all_128_values_keeps_the_final_state(standin, midi_input, registry):
    ctl = standin()
    m = mapping(CC7, registry)
    midi, bus, _, _ = midi_input([ctl], m)
    for value in range(128):
        ctl.send("control_change", channel=0, control=7, value=value)
        time.sleep(0.001)                          # paced: rtmidi's JACK buffer drops bursts
    events = collect(bus, 128)
    assert events[-1].value == pytest.approx(m.value_at(m.bindings[0], 1.0)) == 4.0
    assert len(events) == 128 and [e.value for e in events] == sorted(e.value for e in events)


def test_midi_list_shows_the_stand_in(standin, jack):
    ctl = standin()
    out = subprocess.run([sys.executable, "-m", "visuals", "midi", "--list"], env=jack, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "UNIX_JACK" in out.stdout and ctl.name in out.stdout


def test_midi_list_falls_back_to_jack_when_mido_backend_is_unset(standin, jack):
    ctl = standin()
    env = {k: v for k, v in jack.items() if k != "MIDO_BACKEND"}
    out = subprocess.run([sys.executable, "-m", "visuals", "midi", "--list"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert ctl.name in out.stdout


def test_midi_list_without_a_midi_system_is_one_clear_error(jack):
    env = dict(jack, JACK_DEFAULT_SERVER=f"no-such-server-{os.getpid()}")
    out = subprocess.run([sys.executable, "-m", "visuals", "midi", "--list"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no MIDI system" in lines[0] and "JACK" in lines[0], out.stderr
