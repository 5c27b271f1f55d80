"""Offline rendering: the fixed-step clock driving the frame driver into a sink.

The loop is the same step the live window runs (``Mixer.render``), with ``t = frame / fps``
exactly.  Reads
overlap rendering on GPUs (see readback.py) and sinks encode on their own threads, so on a
GPU the encoder and the renderer run side by side; on a 2-core software-GL machine they
share the CPU, and the loop adds no work of its own between them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import moderngl

from visuals.perform.clock import FixedClock
from visuals.controls.events import LoadClip, Transport
from visuals.perform.recorder import RecordedSet
from visuals.errors import VisualsError
from .progress import Progress
from .readback import Readback
from visuals.load.registry import Registry
from visuals.render.frame import FrameInputs, FrameResult
from visuals.render.mixer import Mixer
from visuals.perform.performance import Performance, PerformanceFrame
from visuals.perform.view import TimelineView
from visuals.render.renderer import RenderConfig
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


class PerformanceSource:
    """Frames of a performance: frame i is the performance at T = i / fps, through the one
    frame driver (``Mixer.render``).

    The events are applied at the performance times they were applied at live, and
    everything between them is analytic in T (see performance.py), so any frame rate and size
    reproduces a set; frames asked out of order rebuild the performance from its start.
    A plain show is a performance with no events (``ShowSource``).
    """

    def __init__(self, ctx: moderngl.Context, registry: Registry, config: RenderConfig,
                 events: list = (), audio=None):
        self.ctx = ctx
        self.registry = registry
        self.config = config
        self.events = events
        self.clock = FixedClock(config.fps)
        self.mixer = Mixer(ctx, registry, config, audio=audio)
        self.audio = audio
        self.programs = self.mixer.programs
        self._reset()

    def _start(self) -> Performance:   # pragma: no cover - each source says where it starts
        raise NotImplementedError

    def _reset(self) -> None:
        self.performance = self._start()
        self.next_event = 0
        self.last_t = -1.0

    def warm_up(self) -> None:
        self.mixer.warm_up(self.performance.decks["a"].show)

    def state_at(self, t: float) -> PerformanceFrame:
        if t < self.last_t:
            self._reset()
        events = self.events
        while self.next_event < len(events) and events[self.next_event][0] <= t:
            when, event = events[self.next_event]
            self.performance.apply(event, when)
            self.next_event += 1
        self.last_t = t
        state = self.performance.frame(t)
        if self.audio is not None and state.tempo is None:    # a track's tempo is the beat, unless one was played
            state = replace(state, tempo=self.audio.tempo_at(t))
        return state

    def render_at(self, t: float, index: int) -> FrameResult:
        """The performance at time ``t`` as frame ``index`` (a live frame's time, to compare)."""
        return self.mixer.render(FrameInputs(index, self.state_at(t), self.config.size, self.config.fps))

    def render(self, index: int) -> FrameResult:
        return self.render_at(self.clock.time_of(index), index)

    def release(self) -> None:
        self.mixer.release()


class ShowSource(PerformanceSource):
    """Frames of a show played through: frame i is the show at t = i / fps.

    ``audio`` (offline features of a sound file) is what the scenes hear; when the track has
    a tempo, it is the show's beat too (u_beat, Beat and LFO in beats follow the music).
    ``events`` are control events played on it (a still's --param values, at 0 s)."""

    def __init__(self, ctx: moderngl.Context, show: Show, registry: Registry, config: RenderConfig,
                 audio=None, events: list = ()):
        self.show = show
        super().__init__(ctx, registry, config, events=events, audio=audio)

    def _start(self) -> Performance:
        return Performance.of_show(self.show)


class SetSource(PerformanceSource):
    """Frames of a recorded live set, started as its header says.

    ``audio`` (``--audio FILE``'s analysis) is heard in the set's own time, from the moment the
    recording began, as the room heard it: a seek or a pause on stage does not move the music."""

    def __init__(self, ctx: moderngl.Context, recorded: RecordedSet, registry: Registry, config: RenderConfig,
                 audio=None):
        self.recorded = recorded
        super().__init__(ctx, registry, config, events=recorded.events, audio=audio)

    @property
    def duration(self) -> float:
        return self.recorded.duration

    def _start(self) -> Performance:
        header = self.recorded.header
        show = self.registry.show_named(header["show"])      # a set file names shows, never paths
        performance = Performance(show, loop=header.get("loop", True), load_show=self.registry.show_named,
                                  view=TimelineView(self.registry), presets=None)
        if header.get("start"):
            performance.apply(Transport(op="seek", value=float(header["start"])), 0.0)
        if header.get("paused"):
            performance.apply(Transport(op="pause"), 0.0)
        if header.get("deck_b"):
            performance.apply(LoadClip(deck="b", show=header["deck_b"]), 0.0)
        return performance


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
            fbo = source.render(index).fbo
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
