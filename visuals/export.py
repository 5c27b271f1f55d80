"""Offline rendering: the fixed-step clock driving the render step into a sink.

The loop is the same step the live window runs, with ``t = frame / fps`` exactly.  Reads
overlap rendering on GPUs (see readback.py) and sinks encode on their own threads, so on a
GPU the encoder and the renderer run side by side; on a 2-core software-GL machine they
share the CPU, and the loop adds no work of its own between them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import moderngl

from .clock import FixedClock
from .errors import VisualsError
from .progress import Progress
from .readback import Readback
from .registry import Registry
from .renderer import RenderConfig, Renderer
from .show import Show
from .sinks import Sink
from .yuv import Yuv420Converter


@dataclass(frozen=True)
class FrameRange:
    """Frames [start, stop) of a show at a frame rate."""

    start: int
    stop: int

    def __len__(self) -> int:
        return max(0, self.stop - self.start)

    @classmethod
    def resolve(cls, clock: FixedClock, duration: float, start_s: float | None = None,
                end_s: float | None = None, frames: str | None = None) -> "FrameRange":
        total = max(1, round(duration * float(clock.fps)))
        if frames is not None:
            try:
                a, _, b = frames.partition(":")
                start = int(a) if a else 0
                stop = int(b) if b else total
            except ValueError:
                raise VisualsError(f"invalid --frames '{frames}'",
                                   fix="write A:B, e.g. 0:120 (frame A up to, not including, B)") from None
        else:
            # Frames whose time t = i / fps lies in [start, end).
            start = clock.first_frame_from(start_s) if start_s is not None else 0
            stop = clock.first_frame_from(end_s) if end_s is not None else total
        if start < 0 or stop <= start:
            raise VisualsError(f"empty frame range {start}:{stop}",
                               fix="give a start before the end (--start/--end in seconds, --frames A:B)")
        return cls(start, stop)


def render_frames(ctx: moderngl.Context, show: Show, registry: Registry, config: RenderConfig,
                  frames: FrameRange, sink: Sink, progress: Progress | None = None) -> int:
    """Render ``frames`` into ``sink``; on any error or Ctrl-C the sink's output is removed."""
    clock = FixedClock(config.fps)
    renderer = Renderer(ctx, show, registry, config)
    yuv = Yuv420Converter(ctx, renderer.programs, config.size) if sink.input_format == "yuv420p" else None
    if yuv:
        readback = Readback(ctx, yuv.texture.size, components=1)
    else:
        readback = Readback(ctx, config.size, components=3)
    try:
        renderer.warm_up()
        for index in range(frames.start, frames.stop):
            fbo = renderer.render(clock.frame(index))
            if yuv:
                fbo = yuv.convert(fbo)
            for done_index, data in readback.push(index, fbo):
                sink.write(done_index, data)
                if progress:
                    progress.update()
        for done_index, data in readback.flush():
            sink.write(done_index, data)
            if progress:
                progress.update()
        sink.finish()
    except BaseException:
        sink.abort()
        raise
    finally:
        readback.release()
        if yuv:
            yuv.release()
        renderer.release()
    return sink.frames_written
