"""Renders with sound: --audio FILE muxed in sync, the dream's score by default, --mute, and
one clear line for every file that cannot serve (missing, unreadable, silent, too short)."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from audio_helpers import clicks, silence, tone


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "visuals", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def streams(path):
    import av
    with av.open(str(path)) as container:
        return {s.type: (s.codec_context.name, getattr(s.codec_context, "sample_rate", None),
                         float(s.duration * s.time_base) if s.duration else None, s.frames)
                for s in container.streams}


def decoded_audio(path) -> tuple[np.ndarray, int]:
    import av
    with av.open(str(path)) as container:
        chunks, rate = [], None
        for frame in container.decode(audio=0):
            rate = frame.sample_rate
            chunks.append(frame.to_ndarray().reshape(-1, frame.samples if frame.format.is_planar else 1)
                          if frame.format.is_planar else frame.to_ndarray().reshape(-1, 2).T)
        return np.concatenate(chunks, axis=1), rate


def test_render_with_audio_file_muxes_it_trimmed_and_in_sync(tmp_path):
    """The demo's frames 15..75 at 30 fps with a click track at 44.1 kHz whose clicks fall on
    frames 30, 60: the mp4 holds AAC at 44.1 kHz lasting 60 frames, first click on frame 30."""
    song = clicks(tmp_path / "song.wav", bpm=60.0, first=1.0, seconds=4.0, rate=44100)
    out = tmp_path / "x.mp4"
    proc = run("render", "demo", "--audio", str(song), "--size", "64x36", "--frames", "15:75", "--out", str(out),
               "--quiet")
    assert proc.returncode == 0, proc.stderr
    info = streams(out)
    assert info["audio"][0] == "aac" and info["audio"][1] == 44100
    assert info["audio"][2] == pytest.approx(2.0, abs=0.03)
    assert info["video"][3] == 60
    samples, rate = decoded_audio(out)
    mono = np.abs(samples).mean(axis=0)
    first = int(np.argmax(mono > 0.2))
    frame = 15 + int(first / rate * 30)          # the output's frame that holds the first click
    assert frame == 30
    assert not list(tmp_path.glob("*.partial"))


def test_mov_carries_pcm_and_mute_leaves_the_sound_out(tmp_path):
    song = tone(tmp_path / "a.wav", 440.0, seconds=1.0)
    out = tmp_path / "x.mov"
    proc = run("render", "demo", "--audio", str(song), "--size", "32x18", "--frames", "0:6", "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    info = streams(out)
    assert info["audio"][0].startswith("pcm_s24") and info["audio"][1] == 48000
    assert info["audio"][2] == pytest.approx(0.2, abs=0.002)
    muted = tmp_path / "m.mp4"
    proc = run("render", "demo", "--audio", str(song), "--mute", "--size", "32x18", "--frames", "0:6",
               "--out", str(muted), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "audio" not in streams(muted)


def test_the_dream_carries_its_score_by_default_and_mute_removes_it(tmp_path):
    out = tmp_path / "dream.mp4"
    proc = run("render", "--frames", "2100:2110", "--size", "32x18", "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    info = streams(out)
    assert info["audio"][1] == 48000 and info["audio"][2] == pytest.approx(10 / 30, abs=0.025)
    samples, _ = decoded_audio(out)
    assert samples.shape[0] == 2 and np.abs(samples).max() > 0.01         # stereo, and not silent
    muted = tmp_path / "muted.mp4"
    assert run("render", "--frames", "2100:2110", "--size", "32x18", "--out", str(muted), "--mute",
               "--quiet").returncode == 0
    assert "audio" not in streams(muted)


def one_line(proc, code=2) -> str:
    assert proc.returncode == code, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_an_unreadable_or_missing_file_is_one_line_and_nothing_is_written(tmp_path):
    bad = tmp_path / "song.mp3"
    bad.write_bytes(b"ID3 but not really an mp3 at all" * 10)
    out = tmp_path / "x.mp4"
    line = one_line(run("render", "demo", "--audio", str(bad), "--size", "32x18", "--frames", "0:3",
                        "--out", str(out), "--quiet"))
    assert line.startswith("visuals: error: ") and "song.mp3: cannot read audio" in line and "fix:" in line
    line = one_line(run("render", "demo", "--audio", str(tmp_path / "gone.wav"), "--size", "32x18",
                        "--frames", "0:3", "--out", str(out), "--quiet"))
    assert "gone.wav: audio file does not exist" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.mp3"]


def test_a_silent_file_and_a_short_file_are_one_note_each_and_the_render_completes(tmp_path):
    quiet = silence(tmp_path / "quiet.wav", seconds=1.0)
    out = tmp_path / "x.mp4"
    proc = run("render", "demo", "--audio", str(quiet), "--size", "32x18", "--frames", "0:6", "--out", str(out), "--quiet")
    line = one_line(proc, code=0)
    assert line.startswith("visuals: note: ") and "quiet.wav is silent" in line
    assert streams(out)["audio"][2] == pytest.approx(0.2, abs=0.025)
    short = tone(tmp_path / "short.wav", 440.0, seconds=0.1)
    proc = run("render", "demo", "--audio", str(short), "--size", "32x18", "--frames", "0:9", "--out", str(out), "--quiet")
    line = one_line(proc, code=0)
    assert "short.wav lasts 0.10 s and the render ends at 0.30 s" in line
    assert streams(out)["audio"][2] == pytest.approx(0.3, abs=0.025)    # padded with silence, not cut


def test_png_sequence_says_it_carries_no_sound(tmp_path):
    song = tone(tmp_path / "a.wav", 440.0, seconds=1.0)
    proc = run("render", "demo", "--audio", str(song), "--size", "32x18", "--frames", "0:2",
               "--format", "png", "--out", str(tmp_path / "frames"), "--quiet")
    line = one_line(proc, code=0)
    assert "a png output carries no sound" in line
    assert len(list((tmp_path / "frames").glob("*.png"))) == 2


def test_a_failing_mux_leaves_no_file_under_the_final_name(tmp_path, monkeypatch):
    """ffmpeg failing on the sound: one line, no x.mov, no partial file, no sound folder."""
    import visuals.audio.mux as mux
    from visuals.errors import VisualsError
    monkeypatch.setitem(mux.AUDIO_CODECS, "mov", ["-c:a", "no_such_codec"])
    from fractions import Fraction

    from visuals.output.sinks import VideoSink
    out = tmp_path / "x.mov"
    sink = mux.AudioMuxSink(lambda p, **sound: VideoSink(p, (32, 18), Fraction(30), "mov", **sound), out, "mov",
                            np.zeros((4800, 2), np.float32), 48000, Fraction(30), 3)
    folder = sink.folder
    with pytest.raises(VisualsError, match=r"ffmpeg failed writing .*x\.mov: .*Encoder not found"):
        try:
            for i in range(3):
                sink.write(i, bytes(32 * 18 * 3))
            sink.finish()
        except BaseException:
            sink.abort()
            raise
    assert list(tmp_path.iterdir()) == [] and not folder.exists()


def test_the_sound_is_encoded_by_the_pictures_own_encoder(tmp_path, monkeypatch):
    """One ffmpeg for picture and sound: no second pass over the video (it cost a fixed 0.2 s)."""
    import subprocess as sp

    import visuals.audio.mux as mux
    started = []
    real_popen, real_run = sp.Popen, sp.run
    monkeypatch.setattr(sp, "Popen", lambda cmd, *a, **k: (started.append(cmd), real_popen(cmd, *a, **k))[1])
    monkeypatch.setattr(sp, "run", lambda cmd, *a, **k: (started.append(cmd), real_run(cmd, *a, **k))[1])
    from fractions import Fraction

    from visuals.output.sinks import VideoSink
    out = tmp_path / "x.mp4"
    sink = mux.AudioMuxSink(lambda p, **sound: VideoSink(p, (32, 18), Fraction(30), "mp4", **sound), out, "mp4",
                            np.zeros((4800, 2), np.float32), 48000, Fraction(30), 3)
    for i in range(3):
        sink.write(i, bytes(32 * 18 * 3))
    sink.finish()
    ffmpegs = [cmd for cmd in started if "-i" in cmd]
    assert len(ffmpegs) == 1 and ffmpegs[0].count("-i") == 2
    info = streams(out)
    assert info["audio"][0] == "aac" and info["audio"][2] == pytest.approx(0.1, abs=0.025)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.mp4"]


def test_the_muxed_sound_is_sample_aligned_with_the_file(tmp_path):
    """Decoded from the mp4, the clicks sit where they are in the file: no encoder delay left
    in (AAC's priming is trimmed by the container's edit list), within a millisecond."""
    import soundfile
    song = clicks(tmp_path / "c.wav", bpm=60.0, first=1.0, seconds=4.0, rate=48000)
    out = tmp_path / "x.mp4"
    assert run("render", "demo", "--audio", str(song), "--size", "32x18", "--frames", "0:90", "--out", str(out),
               "--quiet").returncode == 0
    source, _ = soundfile.read(str(song), dtype="float32")
    decoded, rate = decoded_audio(out)
    assert rate == 48000
    probe = source[47000:49000, 0]                       # around the click at 1.0 s
    search = decoded[0, 40000:60000]
    lag = int(np.argmax(np.correlate(search, probe, "valid"))) + 40000 - 47000
    assert abs(lag) <= 48, lag
