"""The render's sink factory (visuals/output/render_sink.py): the format picks the sink, video
and raw encode on a thread, a PNG sequence is handed back bare, and the sound is muxed in."""
from __future__ import annotations

import io
from fractions import Fraction
from types import SimpleNamespace

import numpy as np
import pytest

from visuals.audio.mux import AudioMuxSink
from visuals.output.render_sink import open_render_sink
from visuals.output.sinks import PngSequenceSink, RawSink, ThreadedSink, VideoSink

SIZE = (16, 8)
FPS = Fraction(30)


def _frame() -> bytes:
    return np.zeros((SIZE[1], SIZE[0], 3), np.uint8).tobytes()


def test_raw_goes_to_a_threaded_raw_sink_labelled_stdout(monkeypatch):
    stream = io.BytesIO()
    monkeypatch.setattr("sys.stdout", SimpleNamespace(buffer=stream))
    sink, label = open_render_sink("raw", None, SIZE, FPS, range(0, 2))
    assert isinstance(sink, ThreadedSink) and isinstance(sink.inner, RawSink)
    assert label == "stdout"
    sink.write(0, _frame())
    sink.finish()
    assert len(stream.getvalue()) == SIZE[0] * SIZE[1] * 3


def test_png_is_a_bare_sequence_sink_that_checks_its_frames(tmp_path):
    sink, label = open_render_sink("png", tmp_path / "frames", SIZE, FPS, range(5, 7))
    assert type(sink) is PngSequenceSink and label == str(tmp_path / "frames")
    sink.write(5, _frame())
    sink.finish()
    assert sorted(p.name for p in (tmp_path / "frames").iterdir()) == ["frame_000005.png"]
    assert sink.other_frames(range(5, 7)) == 0


@pytest.mark.parametrize("fmt", ["mp4", "mov"])
def test_video_is_threaded_with_the_codec_options(tmp_path, fmt):
    out = tmp_path / f"a.{fmt}"
    sink, label = open_render_sink(fmt, out, SIZE, FPS, range(0, 1), crf=30, preset="ultrafast", gpu_yuv=False)
    try:
        assert isinstance(sink, ThreadedSink) and isinstance(sink.inner, VideoSink)
        assert sink.input_format == "rgb24" and label == str(out)
        assert ("ultrafast" in sink.inner.proc.args) == (fmt == "mp4")
    finally:
        sink.abort()
    assert list(tmp_path.iterdir()) == []       # abort removed what the sink made


def test_gpu_yuv_reaches_the_mp4_sink(tmp_path):
    sink, _ = open_render_sink("mp4", tmp_path / "a.mp4", SIZE, FPS, range(0, 1), gpu_yuv=True)
    try:
        assert sink.input_format == "yuv420p"
    finally:
        sink.abort()


def test_sound_with_samples_is_muxed_and_named(tmp_path):
    sound = SimpleNamespace(samples=np.zeros((4800, 2), np.float32), rate=48000, label="beat.wav")
    out = tmp_path / "a.mp4"
    sink, label = open_render_sink("mp4", out, SIZE, FPS, range(0, 3), gpu_yuv=False, sound=sound)
    try:
        assert isinstance(sink.inner, AudioMuxSink)
        assert label == f"{out} with beat.wav"
    finally:
        sink.abort()
    silent = SimpleNamespace(samples=None, rate=48000, label="")
    sink, label = open_render_sink("mp4", out, SIZE, FPS, range(0, 3), gpu_yuv=False, sound=silent)
    sink.abort()
    assert isinstance(sink.inner, VideoSink) and label == str(out)
