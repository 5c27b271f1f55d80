"""Offline rendering: the fixed-step clock driving the render step into a sink.

The loop is the same step the live window runs, with ``t = frame / fps`` exactly.  Reads
overlap rendering on GPUs (see readback.py) and sinks encode on their own threads, so on a
GPU the encoder and the renderer run side by side; on a 2-core software-GL machine they
share the CPU, and the loop adds no work of its own between them.
"""
from __future__ import annotations

from dataclasses import dataclass

import moderngl

from fractions import Fraction

from visuals.perform.clock import FixedClock
from visuals.controls.events import LoadClip, Transport
from visuals.perform.recorder import RecordedSet
from visuals.errors import VisualsError
from .progress import Progress
from .readback import Readback
from visuals.load.registry import Registry
from visuals.render.mixer import Mixer, TimelineView
from visuals.perform.performance import Performance
from visuals.render.renderer import RenderConfig, Renderer
from visuals.model.show import Show
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


class ShowSource:
    """Frames of a show: frame i is the show at t = i / fps.

    ``audio`` (offline features of a sound file) is what the scenes hear; when the track has
    a tempo, it is the show's beat too (u_beat, Beat and LFO in beats follow the music)."""

    def __init__(self, ctx: moderngl.Context, show: Show, registry: Registry, config: RenderConfig,
                 audio=None):
        self.clock = FixedClock(config.fps)
        self.renderer = Renderer(ctx, show, registry, config)
        self.renderer.audio = audio
        self.audio = audio
        self.programs = self.renderer.programs

    def warm_up(self) -> None:
        self.renderer.warm_up()

    def render(self, index: int) -> moderngl.Framebuffer:
        frame = self.clock.frame(index)
        tempo = self.audio.tempo_at(frame.t) if self.audio is not None else None
        return self.renderer.render(frame, tempo)

    def release(self) -> None:
        self.renderer.release()


class SetSource:
    """Frames of a recorded live set: frame i is the performance at T = i / fps.

    The recorded events are applied at the performance times they were applied at live, and
    everything between them is analytic in T (see performance.py), so any frame rate and size
    reproduces the set; frames asked out of order rebuild the performance from its start.
    """

    def __init__(self, ctx: moderngl.Context, recorded: RecordedSet, registry: Registry, config: RenderConfig):
        self.ctx = ctx
        self.recorded = recorded
        self.registry = registry
        self.config = config
        self.mixer = Mixer(ctx, registry, config)
        self.programs = self.mixer.programs
        self._reset()

    def _reset(self) -> None:
        header = self.recorded.header
        show = self.registry.show_named(header["show"])      # a set file names shows, never paths
        self.performance = Performance(show, loop=header.get("loop", True), load_show=self.registry.show_named,
                                       view=TimelineView(self.registry), presets=None)
        if header.get("start"):
            self.performance.apply(Transport(op="seek", value=float(header["start"])), 0.0)
        if header.get("paused"):
            self.performance.apply(Transport(op="pause"), 0.0)
        if header.get("deck_b"):
            self.performance.apply(LoadClip(deck="b", show=header["deck_b"]), 0.0)
        self.next_event = 0
        self.last_t = -1.0

    @property
    def duration(self) -> float:
        return self.recorded.duration

    def warm_up(self) -> None:
        pass

    def state_at(self, t: float):
        if t < self.last_t:
            self._reset()
        events = self.recorded.events
        while self.next_event < len(events) and events[self.next_event][0] <= t:
            when, event = events[self.next_event]
            self.performance.apply(event, when)
            self.next_event += 1
        self.last_t = t
        return self.performance.frame(t)

    def render_at(self, t: float, index: int) -> moderngl.Framebuffer:
        return self.mixer.render(self.performance, self.state_at(t), index)

    def render(self, index: int) -> moderngl.Framebuffer:
        return self.render_at(float(Fraction(index) / self.config.fps), index)

    def release(self) -> None:
        self.mixer.release()


def render_frames(ctx: moderngl.Context, source, config: RenderConfig, frames: FrameRange, sink: Sink,
                  progress: Progress | None = None) -> int:
    """Render ``frames`` of a source into ``sink``; on any error, Ctrl-C or SIGTERM the sink is
    aborted (it removes what it made), including an error while setting up the readback."""
    yuv = readback = None
    try:
        yuv = Yuv420Converter(ctx, source.programs, config.size) if sink.input_format == "yuv420p" else None
        if yuv:
            readback = Readback(ctx, yuv.texture.size, components=1)
        else:
            readback = Readback(ctx, config.size, components=3)
        source.warm_up()
        for index in range(frames.start, frames.stop):
            fbo = source.render(index)
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
        if readback:
            readback.release()
        if yuv:
            yuv.release()
        source.release()
    return sink.frames_written
