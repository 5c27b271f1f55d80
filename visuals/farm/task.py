"""The worker's side: render one chunk with the same render step as a single machine.

Each worker thread keeps one headless GL context for its life and, per render (``job_id``),
one frame source with its compiled programs, so only a worker's first chunk of a render pays
for compiling shaders.  A chunk is rendered by ``export.render_frames``, the loop a single
machine runs, into a sink that keeps the result in memory: a video segment encoded by the same
``VideoSink`` (so with the same settings, and starting on a key frame, as every ffmpeg run
does), PNG files encoded here, or the raw frames.  A user's mistake (a shader that does not
compile on this worker) comes back as data, so it is not retried; anything else is raised and
Dask retries the chunk elsewhere.
"""
from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

from visuals.errors import VisualsError
from visuals.output.export import FrameRange, SetSource, ShowSource, render_frames
from visuals.output.pngio import encode_png, gl_rows_to_image
from visuals.output.sinks import Sink, ThreadedSink, VideoSink
from .job import ChunkResult, FarmJob
from .plan import Chunk

REPORT_EVERY_S = 0.25      # how often a worker tells the client its frame count
# x264's macroblock tree lowers the quality of frames that no later frame refers to, so the
# last frames of a segment come out worse than the same frames inside one long video (measured
# at 320x180, 30-frame segments: up to 1.7 dB PSNR lower).  A rate-control zone over a
# segment's last frames gives them the bits their missing future would have: the same zone
# measured within 0.3 dB of the single video on every frame.  The final segment ends where the
# single video ends, and needs none.
TAIL_ZONE_FRAMES = 10
TAIL_ZONE_BITRATE = 2.0

_local = threading.local()   # per worker thread: the GL context and the current render's source


class PngBytesSink(Sink):
    """PNG files in memory, by frame index: the worker encodes, the client only writes."""

    def __init__(self, size: tuple[int, int]):
        super().__init__(size)
        self.files: dict[int, bytes] = {}

    def write(self, index: int, data: bytes) -> None:
        self.files[index] = encode_png(gl_rows_to_image(data, self.size))
        self.frames_written += 1


class RawBytesSink(Sink):
    """Frames turned top row first here, as RawSink writes them: the client, one machine for
    the whole farm, only copies them onto stdout."""

    def __init__(self, size: tuple[int, int]):
        super().__init__(size)
        self.frames: list[bytes] = []

    def write(self, index: int, data: bytes) -> None:
        self.frames.append(gl_rows_to_image(data, self.size).tobytes())
        self.frames_written += 1


class _KeptSource:
    """A frame source that outlives one ``render_frames`` call (which releases its source):
    the next chunk of the same render on this thread reuses its programs and state."""

    def __init__(self, source):
        self.source = source
        self.programs = source.programs

    def warm_up(self) -> None:
        self.source.warm_up()

    def render(self, index: int):
        return self.source.render(index)

    def release(self) -> None:
        pass


class ChunkCancelled(Exception):
    """The client cancelled this chunk (Ctrl-C, an error elsewhere): stop rendering it."""


class _Reporter:
    """Duck-typed ``Progress`` for ``render_frames``: sends this chunk's frame count to the
    client as a Dask event at most every REPORT_EVERY_S, and once at the end.  At the same
    moments it looks whether the client has cancelled the chunk, since Dask cannot stop a
    running task: a cancelled chunk stops within a frame or two instead of rendering on."""

    def __init__(self, job: FarmJob, chunk: Chunk, worker, name: str):
        self.topic = job.progress_topic
        self.chunk = chunk.number
        self.worker = worker
        self.name = name
        self.key = worker.get_current_task() if worker is not None else None
        self.done = 0
        self._last = time.monotonic()

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= REPORT_EVERY_S:
            self._last = now
            if self.cancelled():
                raise ChunkCancelled(f"chunk {self.chunk} was cancelled by the client")
            self.send()

    def cancelled(self) -> bool:
        if self.worker is None:
            return False
        task = self.worker.state.tasks.get(self.key)
        return task is None or task.state in ("cancelled", "released", "forgotten")

    def send(self, **extra) -> None:
        if self.worker is not None:
            self.worker.log_event(self.topic, {"chunk": self.chunk, "done": self.done, "worker": self.name, **extra})


def _context():
    ctx = getattr(_local, "ctx", None)
    if ctx is None:
        from visuals.render.gpu import create_headless_context
        ctx = _local.ctx = create_headless_context()
    return ctx


def _source(job: FarmJob):
    """This thread's source for ``job``, built on first use from the worker's own search path."""
    if getattr(_local, "job_id", None) == job.job_id:
        return _local.source
    old = getattr(_local, "source", None)
    _local.source = _local.job_id = None
    if old is not None:
        old.source.release()
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    ctx = _context()
    registry = Registry(SearchPath.build([p for p in job.paths if Path(p).is_dir()]))
    if job.recorded is not None:
        source = SetSource(ctx, job.recorded, registry, job.config, audio=job.audio)
    else:
        from visuals.cli import _long_enough
        show = registry.show(job.show)
        show = _long_enough(registry, job.show, show, job.end_s, f"the render's end ({job.end_s:g} s)")
        source = ShowSource(ctx, show, registry, job.config, audio=job.audio)
    _local.source, _local.job_id = _KeptSource(source), job.job_id
    return _local.source


def _worker():
    try:
        from distributed import get_worker
        worker = get_worker()
        return worker, str(worker.name if worker.name is not None else worker.address)
    except (ImportError, ValueError):
        return None, "local"


def segment_codec_args(job: FarmJob, chunk: Chunk) -> tuple[str, ...]:
    """Extra encoder options for a chunk's video segment (see TAIL_ZONE_FRAMES)."""
    if job.fmt != "mp4" or chunk.stop >= job.stop:
        return ()
    tail = max(1, min(TAIL_ZONE_FRAMES, len(chunk) // 3))
    return ("-x264-params", f"zones={len(chunk) - tail},{len(chunk) - 1},b={TAIL_ZONE_BITRATE:g}")


def render_chunk(job: FarmJob, chunk: Chunk) -> ChunkResult:
    """Render and encode frames [chunk.start, chunk.stop) of ``job`` on this worker."""
    worker, name = _worker()
    began = time.perf_counter()
    result = ChunkResult(chunk.number, len(chunk), name, 0.0, began_at=time.time())
    reporter = _Reporter(job, chunk, worker, name)
    try:
        source = _source(job)
        ctx = _context()
        frames = FrameRange(chunk.start, chunk.stop)
        size = job.config.size
        if job.fmt in ("mp4", "mov"):
            from visuals.render.gpu import is_software_renderer
            with tempfile.TemporaryDirectory(prefix="visuals-farm-") as tmp:
                segment = Path(tmp) / f"chunk.{job.fmt}"
                sink = VideoSink(segment, size, job.config.fps, job.fmt, crf=job.crf, preset=job.preset,
                                 gpu_yuv=not is_software_renderer(ctx), codec_args=segment_codec_args(job, chunk))
                render_frames(ctx, source, job.config, frames, ThreadedSink(sink), reporter)
                result.segment = segment.read_bytes()
        elif job.fmt == "png":
            sink = PngBytesSink(size)
            render_frames(ctx, source, job.config, frames, sink, reporter)
            result.pngs = sink.files
        else:
            sink = RawBytesSink(size)
            render_frames(ctx, source, job.config, frames, sink, reporter)
            result.raw = sink.frames
    except VisualsError as err:
        result.error = {"message": err.message, "file": err.file, "line": err.line, "fix": err.fix}
    except ChunkCancelled:
        reporter.send(cancelled=True)    # nobody waits for the result; the event says where it stopped
        raise
    reporter.send()
    result.seconds = time.perf_counter() - began
    result.ended_at = result.began_at + result.seconds
    return result
