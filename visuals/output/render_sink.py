"""The sink of one render, chosen by its format: the one place that knows which sink class
writes mp4/mov (muxed with the render's sound when it has one), a PNG sequence or raw frames,
and which of them encode on a thread of their own."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from .sinks import PngSequenceSink, RawSink, Sink, ThreadedSink, VideoSink


def open_render_sink(fmt: str, out: Path | None, size: tuple[int, int], fps: Fraction, frames: range, *,
                     crf: int = 18, preset: str = "medium", gpu_yuv: bool = True, sound=None) -> tuple[Sink, str]:
    """The sink for frames ``frames`` written as ``fmt`` to ``out``, and the words that name
    where they went ("stdout", the path, the path "with" the sound's file).

    ``gpu_yuv``: convert RGB to yuv420p on the GPU for mp4 (worth it on a GPU, not on software
    GL); ``sound``: an ``audio.offline.RenderSound`` whose samples are muxed into the video.
    Video and raw sinks are wrapped in a ThreadedSink so encoding overlaps rendering; a PNG
    sequence encodes on its own pool and is returned bare (the caller asks it
    ``other_frames``).  Whatever was made is removed again if the sink cannot be completed.
    """
    if fmt == "raw":
        inner: Sink = RawSink(size)
        label = "stdout"
    elif fmt == "png":
        return PngSequenceSink(out, size, frames=frames), str(out)
    else:
        def video_sink(path, **sound_args):
            return VideoSink(path, size, fps, fmt, crf=crf, preset=preset, gpu_yuv=gpu_yuv, **sound_args)
        if sound is not None and sound.samples is not None:
            from visuals.audio.mux import AudioMuxSink
            inner = AudioMuxSink(video_sink, out, fmt, sound.samples, sound.rate, fps, len(frames))
            label = f"{out} with {sound.label}"
        else:
            inner = video_sink(out)
            label = str(out)
    try:
        return ThreadedSink(inner), label
    except BaseException:
        inner.abort()
        raise
