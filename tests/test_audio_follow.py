"""A parameter played by hand may follow what the show hears, as ``Audio(...)`` does in a show
file: from a MIDI pad, over OSC, in a preset, recorded in a set and replayed with ``--audio``.
Every bad follow (unknown feature, gain out of range, wrong type) is one line naming its file and
line, or a HUD notice for OSC."""
from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from audio_helpers import tone
from conftest import make_project

from visuals.audio.analysis import AudioFeatures
from visuals.audio.sources import load_audio
from visuals.controls.events import SetParam, control_from_json
from visuals.controls.limits import Refused, checked
from visuals.errors import VisualsError

SHOW = '''
from visuals import Audio, Cue, Param, Pass, Scene, Show
hears = Scene("hears", [Pass("hears.frag")], params=[Param("glow", 0.0, 0.0, 1.0), Param("spot", (0.5, 0.5))])
hearing = Show("hearing", [Cue("hears", 0, 4)], duration=4)
heard = Show("heard", [Cue("hears", 0, 4, params={"glow": Audio("bass")})], duration=4)
'''
FRAG = '''
#version 330
uniform float u_glow;
out vec4 colour;
void main() { colour = vec4(u_glow, 0.0, 0.0, 1.0); }
'''
BASS = {"audio": "bass", "gain": 1.0, "offset": 0.0}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, {"scenes/hearing.py": SHOW, "scenes/hears.frag": FRAG})


@pytest.fixture
def registry(project):
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    return Registry(SearchPath.build([project]))


def two_tones(path, first: float = 100.0, then: float = 8000.0, seconds: float = 1.0, rate: int = 48000):
    """``first`` for ``seconds``, then ``then`` for as long: the bass band lit, then dark."""
    import soundfile
    t = np.arange(int(seconds * rate)) / rate
    x = np.concatenate([0.5 * np.sin(2 * np.pi * first * t), 0.5 * np.sin(2 * np.pi * then * t)]).astype(np.float32)
    soundfile.write(str(path), np.stack([x, x], 1), rate)
    return path


def red_of(result) -> float:
    rgb = np.frombuffer(result.read_rgb(), np.uint8).reshape(-1, 3)
    return float(rgb[:, 0].mean()) / 255.0


def render_red(gl, registry, events, audio, frames) -> list[float]:
    from visuals.output.export import ShowSource
    from visuals.render.renderer import RenderConfig
    source = ShowSource(gl, registry.show("hearing"), registry, RenderConfig(size=(16, 8), fps=Fraction(30)),
                        audio=audio, events=events)
    try:
        return [red_of(source.render(i)) for i in frames]
    finally:
        source.release()


# -- the renderer evaluates a hand's follow from what the show hears ---------------------------------
def test_a_hands_follow_lights_the_picture_with_the_tones_band(gl, registry, tmp_path):
    """glow follows the bass with gain 0.5 and offset 0.1: under a 100 Hz tone the red is
    0.1 + 0.5 * bass (about 0.6), under an 8 kHz tone it is the offset; as a plain number (no
    follow) it would not move with the sound at all."""
    features = AudioFeatures(load_audio(two_tones(tmp_path / "t.wav")), Fraction(30))
    follow = SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 0.5, "offset": 0.1})
    low, high = render_red(gl, registry, [(0.0, follow)], features, [15, 45])
    assert low == pytest.approx(0.1 + 0.5 * features.value("bass", 0.5), abs=0.01) and low > 0.5
    assert high == pytest.approx(0.1 + 0.5 * features.value("bass", 1.5), abs=0.01) and high < 0.15
    # let go (value None): the timeline's value again (the scene's default, 0)
    let_go = SetParam(scene="hears", param="glow", value=None)
    assert render_red(gl, registry, [(0.0, follow), (0.2, let_go)], features, [15]) == [0.0]
    # without sound a follow reads its offset
    assert render_red(gl, registry, [(0.0, follow)], None, [15]) == [pytest.approx(0.1, abs=0.01)]


def test_a_smoothed_follow_glides_from_the_hands_number_to_the_sound(gl, registry, tmp_path):
    from visuals.perform.performance import Performance
    features = AudioFeatures(load_audio(tone(tmp_path / "t.wav", 100.0)), Fraction(30))
    bass = features.value("bass", 1.0)
    assert bass > 0.8
    glide = [(0.0, SetParam(scene="hears", param="glow", value=0.0)),
             (0.5, SetParam(scene="hears", param="glow", value=BASS, smoothing=0.1))]
    red = render_red(gl, registry, glide, features, [16, 45])
    u = 1.0 - np.exp(-(16 / 30 - 0.5) / 0.1)                # a third of a time constant into the glide
    assert red[0] == pytest.approx(u * features.value("bass", 16 / 30), abs=0.01) and 0.1 < red[0] < 0.5
    assert red[1] == pytest.approx(features.value("bass", 1.5), abs=0.01)   # ten time constants: the sound
    performance = Performance(registry.show("hearing"))
    for t, event in glide:
        performance.apply(event, t)
    assert performance.frame(4.5).decks["a"].overrides["hears"]["glow"] is performance.decks["a"].params[
        ("hears", "glow")].target                          # the glide done: the follow itself, as a preset saves it


# -- the one range check: controls/limits.py ---------------------------------------------------------
@pytest.mark.parametrize("value, message", [
    ({"audio": "bas"}, "hears.glow: unknown audio feature 'bas'; did you mean 'bass'?"),
    ({"audio": 3}, "hears.glow: unknown audio feature '3'"),
    ({"gain": 2.0}, "hears.glow: no audio feature"),
    ({"audio": "bass", "gain": "loud"}, "hears.glow gain is not a number (str)"),
    ({"audio": "bass", "gain": float("nan")}, "hears.glow gain is nan"),
    ({"audio": "bass", "gian": 2.0}, "hears.glow: unknown key 'gian' in a follow (its keys: audio, gain, offset)"),
])
def test_a_bad_follow_is_refused_with_its_reason(registry, value, message):
    registry.show("hearing")
    with pytest.raises(Refused) as why:
        checked(SetParam(scene="hears", param="glow", value=value), registry)
    assert str(why.value).startswith(message)


def test_a_follow_out_of_range_is_clamped_from_a_controller_and_a_vector_cannot_follow(registry):
    registry.show("hearing")
    event, notes = checked(SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 1e9}), registry)
    assert event.value == {"audio": "bass", "gain": 100.0, "offset": 0.0}
    assert notes == ["hears.glow gain 1e+09 clamped to 100"]
    with pytest.raises(Refused, match=r"hears.spot \(vec2\) cannot follow a sound"):
        checked(SetParam(scene="hears", param="spot", value=BASS), registry)


# -- OSC: one row of the address table ------------------------------------------------------------
class _Context:
    def __init__(self, registry):
        self.registry = registry


def osc(registry, address, *args):
    from visuals.controls.osc.arguments import Message
    from visuals.controls.osc.routes import Router
    message = Message(address, list(args))
    return Router(_Context(registry)).dispatch(message, render_thread=True), message.clamps


def test_osc_follow_address(registry):
    from visuals.controls.osc.arguments import Reject
    registry.show("hearing")
    event, clamps = osc(registry, "/visuals/hears/glow/follow", "bass", 2.0)
    assert event == SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 2.0, "offset": 0.0})
    event, clamps = osc(registry, "/visuals/deck/b/hears/glow/follow", "band3", 500.0, 0.25)
    assert (event.deck, event.value) == ("b", {"audio": "band3", "gain": 100.0, "offset": 0.25})
    assert clamps == ["hears.glow gain 500 clamped to 100"]
    assert osc(registry, "/visuals/hears/glow/follow", "off")[0].value is None
    for args, why in ((("treb",), "hears.glow: unknown audio feature 'treb'; did you mean 'treble'?"),
                      ((0.5,), "expects a sound feature name or 'off', got float"),
                      (("bass", "x"), "expects a gain, got a string 'x'"),
                      (("bass", 1.0, 2.0, 3.0), "expects a feature name [gain [offset]], or 'off', got 4 arguments")):
        with pytest.raises(Reject) as err:
            osc(registry, "/visuals/hears/glow/follow", *args)
        assert err.value.message == f"OSC /visuals/hears/glow/follow: {why}; ignored"


def test_osc_list_shows_the_follow_address():
    proc = subprocess.run([sys.executable, "-m", "visuals", "osc", "--list"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if "/follow " in line]
    assert [r.split()[0] for r in rows] == ["/visuals/<scene>/<param>/follow", "/visuals/deck/b/<scene>/<param>/follow"]
    assert "band0..band31" in rows[0] and "treble" in rows[0]


# -- MIDI: a follow pad --------------------------------------------------------------------------------
MAPPING = '''
[[note]]
note = 40
action = "follow"
param = "hears.glow"
audio = "bass"
gain = 2.0
'''


def test_a_midi_pad_toggles_a_follow(registry, tmp_path):
    from types import SimpleNamespace as Msg

    from visuals.controls.midi.mapping import MidiMapping
    from visuals.controls.midi.translate import MidiTranslator
    path = tmp_path / "pads.toml"
    path.write_text(MAPPING)
    mapping = MidiMapping.load(path)
    mapping.validate(registry)
    translator = MidiTranslator(mapping)
    press = Msg(type="note_on", channel=0, note=40, velocity=100)
    on, off, again = (translator.translate(press) for _ in range(3))
    assert on == [SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 2.0})]
    assert off == [SetParam(scene="hears", param="glow", value=None)]
    assert again == on
    assert checked(on[0], registry)[0].value == {"audio": "bass", "gain": 2.0, "offset": 0.0}


@pytest.mark.parametrize("change, line, message", [
    (('audio = "bass"', 'audio = "bas"'), 6, "follow of hears.glow: unknown audio feature 'bas'; did you mean 'bass'?"),
    (("gain = 2.0", "gain = 1000.0"), 7, "follow of hears.glow gain 1000 is out of range [-100, 100]"),
    (("gain = 2.0", 'gain = "2"'), 7, "follow of hears.glow gain is not a number (str)"),
    (('param = "hears.glow"', 'param = "crossfader"'), 5, "param 'crossfader' is not 'scene.param'"),
    (('audio = "bass"\n', ''), 2, "a follow binding needs a param and an audio feature"),
])
def test_a_bad_follow_pad_is_one_error_naming_the_line(tmp_path, change, line, message):
    from visuals.controls.midi.mapping import MidiMapping
    path = tmp_path / "pads.toml"
    path.write_text(MAPPING.replace(*change))
    with pytest.raises(VisualsError) as err:
        MidiMapping.load(path)
    assert (err.value.message, err.value.line, err.value.file.endswith("pads.toml")) == (message, line, True)


def test_a_follow_pad_on_a_vector_is_refused_when_the_show_starts(registry, tmp_path):
    from visuals.controls.midi.mapping import MidiMapping
    path = tmp_path / "pads.toml"
    path.write_text(MAPPING.replace("hears.glow", "hears.spot"))
    with pytest.raises(VisualsError) as err:
        MidiMapping.load(path).validate(registry)
    assert err.value.line == 5 and "'hears.spot' is a vec2" in err.value.message


# -- presets ---------------------------------------------------------------------------------------
def test_a_preset_holds_a_follow_and_writes_it_back(registry, tmp_path):
    from visuals.controls.events import RecallPreset
    from visuals.perform.performance import Performance
    from visuals.perform.presets import PresetStore
    from visuals.perform.view import TimelineView
    path = tmp_path / "presets.toml"
    path.write_text('[presets.loud]\nhears.glow = { audio = "bass", gain = 2.0 }\n')
    store = PresetStore(path, registry)
    assert store.get("loud") == {"hears": {"glow": {"audio": "bass", "gain": 2.0, "offset": 0.0}}}
    performance = Performance(registry.show("hearing"), view=TimelineView(registry), presets=store)
    performance.apply(RecallPreset(name="loud"), 0.0)
    assert performance.frame(0.5).decks["a"].overrides["hears"]["glow"].gain == 2.0
    performance.apply(SetParam(scene="hears", param="glow", value={"audio": "treble", "gain": 0.5}), 1.0)
    performance.presets.save("bright", performance.snapshot(2.0))
    text = path.read_text()
    assert 'hears.glow = { audio = "treble", gain = 0.5, offset = 0.0 }' in text
    assert PresetStore(path, registry).get("bright")["hears"] == {
        "glow": {"audio": "treble", "gain": 0.5, "offset": 0.0}, "spot": (0.5, 0.5)}


@pytest.mark.parametrize("value, message", [
    ('{ audio = "base" }', "preset value hears.glow: unknown audio feature 'base'; did you mean 'bass'?"),
    ('{ audio = "bass", gain = 101.0 }', "preset value hears.glow gain 101 is out of range [-100, 100]"),
    ('{ audio = "bass", gain = true }', "preset value hears.glow gain is not a number (bool)"),
])
def test_a_bad_follow_in_a_preset_is_one_error_naming_the_line(registry, tmp_path, value, message):
    from visuals.perform.presets import PresetStore
    path = tmp_path / "presets.toml"
    path.write_text(f"[presets.calm]\nhears.spot = [0.1, 0.2]\nhears.glow = {value}\n")
    with pytest.raises(VisualsError) as err:
        PresetStore(path, registry)
    assert (err.value.message, err.value.line) == (message, 3)
    path.write_text('[presets.calm]\nhears.spot = { audio = "bass" }\n')
    with pytest.raises(VisualsError) as err:
        PresetStore(path, registry)
    assert err.value.line == 2 and "hears.spot (vec2) cannot follow a sound" in err.value.message


# -- recorded sets: kept, checked, replayed with --audio -----------------------------------------------
def write_set(path, events, start: float = 0.0, show: str = "hearing"):
    from visuals.perform.recorder import SetRecorder
    recorder = SetRecorder(path, show, extra={"fps": "30", "loop": True, "start": start})
    for t, event in events:
        recorder.record(t, event)
    recorder.close(2.0)
    return path


def test_a_follow_is_recorded_and_read_back_as_it_was_played(registry, tmp_path):
    from visuals.perform.recorder import RecordedSet
    played = [(0.0, SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 0.5, "offset": 0.1})),
              (1.0, SetParam(scene="hears", param="glow", value=None))]
    loaded = RecordedSet.load(write_set(tmp_path / "set.jsonl", played))
    loaded.fit_parameters(registry)
    assert loaded.events == played
    assert control_from_json(played[0][1].to_json()) == played[0][1]


def test_a_bad_follow_in_a_set_file_names_the_line(registry, tmp_path):
    from visuals.perform.recorder import RecordedSet
    path = tmp_path / "set.jsonl"
    write_set(path, [(0.0, SetParam(scene="hears", param="glow", value={"audio": "bass"})),
                     (0.5, SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 1e6}))])
    with pytest.raises(VisualsError) as err:
        RecordedSet.load(path)
    assert (err.value.line, err.value.message) == (3, "param.value gain 1e+06 is out of range [-100, 100]")
    write_set(path, [(0.0, SetParam(scene="hears", param="spot", value={"audio": "bass"}))])
    with pytest.raises(VisualsError) as err:
        RecordedSet.load(path).fit_parameters(registry)
    assert err.value.line == 2 and "hears.spot (vec2) cannot follow a sound" in err.value.message


def render_replay(project, set_path, out, *extra) -> list[float]:
    proc = subprocess.run([sys.executable, "-m", "visuals", "--path", str(project), "render", "--replay",
                           str(set_path), "--size", "16x8", "--format", "png", "--out", str(out), "--quiet",
                           *extra], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    from PIL import Image
    return [float(np.asarray(Image.open(p).convert("RGB"))[:, :, 0].mean()) / 255.0
            for p in sorted(out.glob("*.png"))]


def test_a_replayed_set_hears_audio_in_its_own_time_and_replays_identically(project, tmp_path):
    """A set that seeks the show to 2.5 s at once and follows the bass: with --audio (100 Hz for
    the first second, then 8 kHz) frame 15 (0.5 s into the set) is lit by the bass and frame 45
    is not -- the music runs in the set's time, not the seeked show's.  Without --audio the
    follow reads its offset.  The same replay twice writes the same pixels."""
    from visuals.controls.events import Transport
    song = two_tones(tmp_path / "song.wav")
    set_path = write_set(tmp_path / "set.jsonl", [
        (0.0, Transport(op="seek", value=2.5)),
        (0.0, SetParam(scene="hears", param="glow", value={"audio": "bass", "gain": 0.5, "offset": 0.1}))])
    features = AudioFeatures(load_audio(song), Fraction(30))
    heard = render_replay(project, set_path, tmp_path / "a", "--audio", str(song), "--frames", "15:46")
    assert heard[0] == pytest.approx(0.1 + 0.5 * features.value("bass", 0.5), abs=0.01) and heard[0] > 0.5
    assert heard[-1] == pytest.approx(0.1 + 0.5 * features.value("bass", 1.5), abs=0.01) and heard[-1] < 0.15
    again = render_replay(project, set_path, tmp_path / "b", "--audio", str(song), "--frames", "15:46")
    assert again == heard
    # the same pixels (the PNG files' deflate streams may differ: ISA-L's level 1 does not
    # promise the same stream twice, only the same data)
    from PIL import Image
    pixels = lambda folder: [np.asarray(Image.open(p)).tobytes() for p in sorted(folder.glob("*.png"))]
    assert pixels(tmp_path / "a") == pixels(tmp_path / "b")
    deaf = render_replay(project, set_path, tmp_path / "c", "--frames", "15:16")
    assert deaf == [pytest.approx(0.1, abs=0.01)]


def test_a_replayed_set_hears_audio_its_show_file_follows(project, tmp_path):
    """A set of a show whose cue follows Audio("bass") in the show file, touched by no hand:
    ``--replay SET --audio FILE`` hears the file as the show itself would (it heard nothing)."""
    song = two_tones(tmp_path / "song.wav")
    set_path = write_set(tmp_path / "set.jsonl", [], show="heard")
    features = AudioFeatures(load_audio(song), Fraction(30))
    heard = render_replay(project, set_path, tmp_path / "a", "--audio", str(song), "--frames", "15:16")
    assert heard == [pytest.approx(features.value("bass", 0.5), abs=0.01)] and heard[0] > 0.8


def test_a_bad_follow_in_a_replayed_set_is_one_line(project, tmp_path):
    path = tmp_path / "set.jsonl"
    lines = [json.dumps({"visuals_set": 1, "show": "hearing", "fps": "30"}),
             json.dumps({"t": 0.0, "event": {"kind": "param", "scene": "hears", "param": "glow",
                                             "value": {"audio": "boom"}}})]
    path.write_text("\n".join(lines) + "\n")
    proc = subprocess.run([sys.executable, "-m", "visuals", "--path", str(project), "render", "--replay", str(path),
                           "--size", "16x8", "--format", "png", "--out", str(tmp_path / "x"), "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "set.jsonl:2: param.value: unknown audio feature 'boom'" in lines[0], proc.stderr
    assert not (tmp_path / "x").exists()


def test_a_replay_keeps_the_tempo_played_on_stage_over_the_tracks(gl, registry, tmp_path):
    """--audio's tempo is the beat of a replay only until the set plays one (a tap, MIDI clock)."""
    from audio_helpers import clicks

    from visuals.controls.events import SetTempo
    from visuals.output.export import SetSource
    from visuals.perform.recorder import RecordedSet
    from visuals.render.renderer import RenderConfig
    features = AudioFeatures(load_audio(clicks(tmp_path / "c.wav", 100.0, 0.3, 8.0)), Fraction(30))
    recorded = RecordedSet.load(write_set(tmp_path / "set.jsonl", [(1.0, SetTempo(bpm=90.0))]))
    source = SetSource(gl, recorded, registry, RenderConfig(size=(16, 8), fps=Fraction(30)), audio=features)
    try:
        assert source.render(15).samples["a"].bpm == pytest.approx(100.0, abs=0.2)     # the track's
        assert source.render(45).samples["a"].bpm == 90.0                              # the hand's
    finally:
        source.release()


def test_the_hud_and_the_status_file_show_a_follow_as_data():
    from visuals.model.follow import follow_signal
    from visuals.model.signals import Constant
    from visuals.perform.view import follow_label, shown_hand
    follow = follow_signal({"audio": "bass", "gain": 2.0, "offset": 0.1})
    assert follow_label(follow) == "~bass x2 +0.1" and follow_label(0.5) is None
    assert shown_hand(follow) == {"audio": "bass", "gain": 2.0, "offset": 0.1}
    assert json.dumps(shown_hand(follow + Constant(1.0))) == '"gliding"' and shown_hand(0.25) == 0.25


@pytest.mark.skipif(not __import__("shutil").which("xdotool"), reason="window tests need xdotool")
def test_a_follow_sent_over_osc_live_is_recorded_and_replays_with_the_music(display, project, tmp_path):
    """Live: /visuals/hears/glow/follow bass 0.5 0.25 shows on the status (as data) and goes
    into the set file as played; a bad feature is one notice.  The set replayed with a bass
    tone lights the frames after the follow as offset + gain * bass."""
    import socket

    from pythonosc.udp_client import SimpleUDPClient
    from test_live import Live
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    record = tmp_path / "set.jsonl"
    player = Live(display, tmp_path, "hearing", "--osc", f"127.0.0.1:{port}", "--size", "160x90", "--mute",
                  "--record", str(record), name="hearing", options=("--path", str(project)))
    try:
        client = SimpleUDPClient("127.0.0.1", port)
        client.send_message("/visuals/hears/glow/follow", ["bas"])
        player.wait_for(lambda s: any("unknown audio feature 'bas'; did you mean 'bass'?" in e for e in s["events"]))
        client.send_message("/visuals/hears/glow/follow", ["bass", 0.5, 0.25])
        status = player.wait_for(lambda s: s["overrides"].get("hears"))
        assert status["overrides"] == {"hears": {"glow": {"audio": "bass", "gain": 0.5, "offset": 0.25}}}
        player.wait_for(lambda s: s["perf_time"] > status["perf_time"] + 0.5)
    finally:
        assert player.close() == 0
    events = [json.loads(line)["event"] for line in record.read_text().splitlines()[1:]
              if "event" in json.loads(line)]
    assert [e["value"] for e in events if e["kind"] == "param"] == [{"audio": "bass", "gain": 0.5, "offset": 0.25}]
    song = tone(tmp_path / "bass.wav", 100.0, seconds=60.0)
    reds = render_replay(project, record, tmp_path / "frames", "--audio", str(song), "--fps", "10")
    assert reds[0] == 0.0                                     # before the follow: the show's own value
    features = AudioFeatures(load_audio(song), Fraction(10))
    assert reds[-1] == pytest.approx(0.25 + 0.5 * features.value("bass", 5.0), abs=0.01) and reds[-1] > 0.6
