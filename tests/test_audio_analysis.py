"""Offline audio analysis: bands, onsets, tempo, look-ahead, determinism, and how scenes hear
it (uniforms, the audio texture, Audio signals).  No sound device is needed."""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from audio_helpers import click_times, clicks, silence, tone
from conftest import make_project

from visuals.audio.analysis import AudioFeatures
from visuals.audio.sources import load_audio
from visuals.errors import VisualsError

BANDS = ("bass", "lowmid", "highmid", "treble")


@pytest.mark.parametrize("freq, band", [(100.0, "bass"), (1000.0, "lowmid"), (4000.0, "highmid"),
                                        (10000.0, "treble")])
def test_a_tone_lights_its_band_and_not_the_others(tmp_path, freq, band):
    features = AudioFeatures(load_audio(tone(tmp_path / "t.wav", freq)), Fraction(30))
    frame = features.frame_at(1.0)
    assert frame.value(band) > 0.8
    for other in BANDS:
        if other != band:
            assert frame.value(other) < 0.05, (other, frame.values)
    assert frame.value("level") > 0.8
    # the 32 log bands: the one holding the tone is the loudest
    peak_band = int(np.argmax(frame.bands))
    from visuals.audio.analysis import BAND_EDGES
    assert BAND_EDGES[peak_band] <= freq < BAND_EDGES[peak_band + 1]


@pytest.mark.parametrize("bpm, first", [(120.0, 0.5), (100.0, 0.3), (137.0, 0.77)])
def test_a_click_track_gives_onsets_on_the_right_frames_and_its_tempo(tmp_path, bpm, first):
    features = AudioFeatures(load_audio(clicks(tmp_path / "c.wav", bpm, first, 12.0)), Fraction(30))
    expected = np.round(click_times(bpm, first, 12.0) * 30).astype(int)
    assert list(features.onset_frames) == list(expected)
    assert features.bpm == pytest.approx(bpm, abs=0.3)
    beat, _ = features.tempo_at(first + 3 * 60.0 / bpm)
    assert beat == pytest.approx(3.0, abs=0.02)         # beat 0 on the first click
    # the onset pulse is 1 on an onset frame and has decayed by the next
    i = int(expected[2])
    assert features.frame_at(i / 30).value("onset") == pytest.approx(1.0)
    assert features.frame_at((i - 1) / 30).value("onset") < 0.1


def test_look_ahead_ramps_before_each_onset(tmp_path):
    features = AudioFeatures(load_audio(clicks(tmp_path / "c.wav", 60.0, 1.0, 6.0)), Fraction(30))
    onset = features.onset_times[1]                  # about 2.0 s
    assert features.value("ahead", onset - 0.6) == 0.0
    assert features.value("ahead", onset - 0.25) == pytest.approx(0.5, abs=0.05)
    assert features.value("to_onset", onset - 0.25) == pytest.approx(0.25, abs=1e-9)
    assert features.value("to_beat", 1.75) == pytest.approx(0.25, abs=0.01)


def test_analysis_is_deterministic(tmp_path):
    path = clicks(tmp_path / "c.wav", 128.0, 0.2, 8.0)
    a = AudioFeatures(load_audio(path), Fraction(30))
    b = AudioFeatures(load_audio(path), Fraction(30))
    for name in a.series:
        assert a.series[name].tobytes() == b.series[name].tobytes()
    assert a.bands.tobytes() == b.bands.tobytes()
    assert a.onset_times.tobytes() == b.onset_times.tobytes() and a.bpm == b.bpm
    # a frame asked twice, or after others, is the same
    f1 = a.frame_at(3.0)
    a.frame_at(5.0)
    f2 = a.frame_at(3.0)
    assert f1.values == f2.values and f1.spectrum.tobytes() == f2.spectrum.tobytes()


def test_silence_reads_zero_and_past_the_end_is_silent(tmp_path):
    features = AudioFeatures(load_audio(silence(tmp_path / "s.wav")), Fraction(30))
    assert features.silent and features.bpm == 0.0
    assert all(features.value(n, 0.5) == 0.0 for n in ("level", "bass", "onset", "ahead", "flux"))
    short = AudioFeatures(load_audio(tone(tmp_path / "t.wav", 440.0, seconds=1.0)), Fraction(30))
    assert short.value("level", 0.5) > 0.5 and short.value("level", 3.0) == 0.0


def test_files_soundfile_cannot_read_go_through_ffmpeg(tmp_path):
    import subprocess

    from visuals.output.sinks import ffmpeg_exe
    wav = tone(tmp_path / "t.wav", 1000.0, seconds=1.0)
    m4a = tmp_path / "t.m4a"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(wav), "-c:a", "aac", str(m4a)], check=True)
    clip = load_audio(m4a)
    assert clip.rate == 48000 and clip.duration == pytest.approx(1.0, abs=0.05)
    assert AudioFeatures(clip, Fraction(30)).value("lowmid", 0.5) > 0.8


def test_unreadable_missing_and_empty_files_are_one_clear_error(tmp_path):
    bad = tmp_path / "notes.wav"
    bad.write_text("these are not samples")
    with pytest.raises(VisualsError, match="cannot read audio") as err:
        load_audio(bad)
    assert err.value.file.endswith("notes.wav") and err.value.fix
    with pytest.raises(VisualsError, match="does not exist"):
        load_audio(tmp_path / "nowhere.wav")
    import soundfile
    soundfile.write(str(tmp_path / "empty.wav"), np.zeros((0, 2), np.float32), 48000)
    with pytest.raises(VisualsError, match="no samples"):
        load_audio(tmp_path / "empty.wav")


def test_audio_signal_reads_a_feature_and_is_zero_without_sound(tmp_path):
    from visuals import Audio
    from visuals.model.signals import SignalTime
    features = AudioFeatures(load_audio(tone(tmp_path / "t.wav", 100.0)), Fraction(30))
    sig = Audio("bass", gain=2.0, offset=0.1)
    assert sig.sample(SignalTime(1.0, 0.0, 120.0, features)) == pytest.approx(0.1 + 2 * features.value("bass", 1.0))
    assert sig.sample(SignalTime(1.0, 0.0, 120.0)) == 0.1
    assert Audio("band3").sample(SignalTime(1.0, 0.0, 120.0, features)) == pytest.approx(float(features.bands[30][3]))
    with pytest.raises(VisualsError, match="unknown audio feature 'bas'") as err:
        Audio("bas")
    assert "bass" in err.value.fix and err.value.file.endswith("test_audio_analysis.py")


SHOW = '''
from visuals import Audio, Cue, Param, Pass, Scene, Show
hears = Scene("hears", [Pass("hears.frag")], params=[Param("follow", 0.0, 0.0, 1.0)])
hearing = Show("hearing", [Cue("hears", 0, 4, params={"follow": Audio("treble")})], duration=4)
'''
FRAG = '''
#version 330
uniform vec2 u_resolution;
uniform float u_audio_bass;
uniform float u_audio_bands[32];
uniform float u_follow;
uniform sampler2D u_audio;
out vec4 colour;
void main() {
    float x = gl_FragCoord.x / u_resolution.x;
    float spectrum = texture(u_audio, vec2(x, 0.25)).r;
    float wave = texture(u_audio, vec2(x, 0.75)).r;
    colour = vec4(u_audio_bass, spectrum, x < 0.5 ? u_follow : wave, 1.0);
}
'''


def test_scenes_hear_through_uniforms_texture_and_signals(gl, tmp_path):
    """Red: u_audio_bass; green: the spectrum row of the texture (bright at the tone's bin, on
    the left); blue: a parameter following Audio("treble") (left half) and the waveform row."""
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    folder = make_project(tmp_path, {"scenes/hearing.py": SHOW, "scenes/hears.frag": FRAG})
    registry = Registry(SearchPath.build([folder]))
    size = (128, 8)
    for freq, bass_lit in ((100.0, True), (8000.0, False)):
        features = AudioFeatures(load_audio(tone(tmp_path / f"{freq}.wav", freq)), Fraction(30))
        renderer = Renderer(gl, registry.show("hearing"), registry, RenderConfig(size=size, fps=Fraction(30)))
        renderer.audio = features
        renderer.render(FixedClock(30).frame(30))
        image = gl_rows_to_image(renderer.read_rgb(), size).astype(float)
        renderer.release()
        red = image[:, :, 0].mean() / 255
        assert red == pytest.approx(features.value("bass", 1.0), abs=0.02)
        assert (red > 0.8) == bass_lit
        # the spectrum row: 512 bins up to a quarter of the rate (12 kHz): the tone's column
        column = int(freq / 12000.0 * size[0])
        green = image[4, :, 1] / 255
        assert green[max(0, column - 1):column + 2].max() > 0.6 and np.median(green) < 0.3
        blue_left = image[:, : size[0] // 2 - 1, 2].mean() / 255
        assert blue_left == pytest.approx(features.value("treble", 1.0), abs=0.02)
        assert (blue_left > 0.8) == (not bass_lit)
    # without sound: all uniforms zero, the texture silent (spectrum 0, waveform 0.5)
    renderer = Renderer(gl, registry.show("hearing"), registry, RenderConfig(size=size, fps=Fraction(30)))
    renderer.render(FixedClock(30).frame(30))
    image = gl_rows_to_image(renderer.read_rgb(), size)
    renderer.release()
    assert image[:, :, :2].max() == 0
    assert abs(int(image[4, -1, 2]) - 128) <= 1


def test_the_uniform_contract_documents_every_audio_feature():
    """shaders/README.md's audio table and visuals/audio/names.py name the same uniforms."""
    import re

    from conftest import ROOT

    from visuals.audio.names import FEATURES
    text = (ROOT / "shaders" / "README.md").read_text()
    documented = re.findall(r"^\| `u_audio_(\w+)` \| `float` \|", text, flags=re.M)
    assert documented == list(FEATURES)
    assert "`u_audio_bands[32]`" in text and "| `u_audio` | `sampler2D` |" in text


def test_the_tracks_tempo_is_the_shows_beat_in_a_render(gl, tmp_path):
    """With --audio, the show's beat follows the music: u_bpm is the track's tempo and beat 0
    falls on its first beat."""
    from visuals.output.export import ShowSource
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig
    features = AudioFeatures(load_audio(clicks(tmp_path / "c.wav", 100.0, 0.3, 8.0)), Fraction(30))
    registry = Registry(SearchPath.build([]))
    source = ShowSource(gl, registry.show("demo"), registry, RenderConfig(size=(32, 18), fps=Fraction(30)),
                        audio=features)
    try:
        sample = source.render(45).samples["a"]             # t = 1.5 s: 2 beats of 0.6 s after 0.3 s
        assert sample.bpm == pytest.approx(100.0, abs=0.2)
        assert sample.beat == pytest.approx(2.0, abs=0.02)
    finally:
        source.release()
