"""Drive a farm render: plan, submit, gather, join; and turn every fault into one line.

Chunks are submitted at once as Dask futures, earliest first.  A worker that dies mid-chunk
is Dask's business: the scheduler gives its chunk to another worker (up to
``distributed.scheduler.allowed-failures`` deaths per chunk); an exception inside a chunk
other than the user's own mistakes is retried ``RETRIES`` times.  The client waits in short
steps so that, between results, it can redraw the bar and notice the faults Dask would wait
on forever: the scheduler gone (Dask cancels every future), or no worker left for
``no_workers_s``.  On any error or Ctrl-C the remaining chunks are cancelled and the output's
staging removed, so no file is left under the final name.
"""
from __future__ import annotations

import contextlib
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from visuals.errors import VisualsError
from visuals.output.export import FrameRange
from .cluster import connect, quiet_dask_logs, require_dask, wait_for_workers, _first_line
from .job import ChunkResult, FarmJob
from .output import open_output
from .plan import MAX_CHUNK, MIN_CHUNK, MIN_FRAMES_CHUNK, Chunk, plan_chunks
from .progress import FarmProgress
from .task import render_chunk
from .timing import ChunkTiming, TimeSplit, split_time

RETRIES = 2             # an unexpected exception in a chunk: try it again, possibly elsewhere
CHUNK_BYTES = 256 * 2 ** 20   # the most raw RGB a default chunk carries back
POLL_S = 0.25           # how often the client redraws and checks the cluster between results


@dataclass
class FarmOptions:
    """How to farm a render (the CLI's --workers/--scheduler/--chunk) and where it goes."""

    workers: int | None = None
    scheduler: str | None = None
    chunk: int | None = None
    out: Path | None = None          # file (mp4/mov) or folder (png); None for raw on stdout
    label: str = "render"
    quiet: bool = False
    no_workers_s: float = 20.0       # no worker at all for this long ends the render
    worker_wait_s: float = 30.0      # how long a scheduler may have no worker before the render starts
    connect_timeout_s: float = 10.0
    sound: object = None             # audio.offline.RenderSound with samples: muxed into the video


@dataclass
class FarmReport:
    """What happened, for the CLI's last lines and the benchmark."""

    frames: int = 0
    chunks: int = 0
    slots: int = 0
    seconds: float = 0.0             # wall time from the first submission to the joined output
    join_seconds: float = 0.0
    worker_lines: list[str] = field(default_factory=list)
    timings: list[ChunkTiming] = field(default_factory=list)  # each chunk on its worker's clock
    submitted_at: float = 0.0        # time.time() at the first submission ...
    finished_at: float = 0.0         # ... and when the output was joined

    def time_split(self) -> TimeSplit:
        """Where the slots' time went: rendering, Dask's overhead, the idle tail (timing.py)."""
        return split_time(self.timings, self.slots, self.submitted_at, self.finished_at)


def check_options(options: FarmOptions) -> None:
    if options.workers is not None and options.scheduler:
        raise VisualsError("give either --workers N (a local cluster) or --scheduler ADDRESS, not both",
                           fix="--scheduler uses the workers already started on that scheduler")
    if options.workers is None and not options.scheduler:
        raise VisualsError("--chunk sets the chunks of a farm render", fix="add --workers N or --scheduler ADDRESS")
    if options.workers is not None and not 1 <= options.workers <= 512:
        raise VisualsError(f"--workers {options.workers} is out of range", fix="give 1 to 512 workers")
    if options.chunk is not None and options.chunk < 1:
        raise VisualsError(f"--chunk {options.chunk} is too small", fix="give a chunk of at least 1 frame")


def chunk_bounds(fmt: str, size: tuple[int, int]) -> tuple[int, int]:
    """The smallest and largest default chunk of a render to ``fmt`` at ``size``.  Video keeps
    MIN_CHUNK (a shorter segment ends worse, task.py); frames go down to MIN_FRAMES_CHUNK.  The
    largest is MAX_CHUNK frames, fewer where a chunk's result (raw frames, PNG files) would pass
    CHUNK_BYTES, since it is held in memory on both sides of the wire."""
    if fmt not in ("raw", "png"):
        return MIN_CHUNK, MAX_CHUNK
    w, h = size
    return MIN_FRAMES_CHUNK, max(MIN_FRAMES_CHUNK, min(MAX_CHUNK, CHUNK_BYTES // (w * h * 3)))


def new_job_id() -> str:
    return uuid.uuid4().hex[:12]


def render_on_farm(job: FarmJob, frames: FrameRange, options: FarmOptions) -> FarmReport:
    """Render ``frames`` of ``job`` on a Dask cluster into ``options.out`` (or stdout)."""
    check_options(options)
    require_dask("--workers" if options.workers else "--scheduler")
    output = open_output(job.fmt, options.out, job.config.size,   # checked before any worker starts
                         range(frames.start, frames.stop), options.sound, job.config.fps)
    report = FarmReport()
    try:
        with quiet_dask_logs(), connect(options.workers, options.scheduler, options.connect_timeout_s) as client:
            address = options.scheduler or client.scheduler.address
            report.slots = wait_for_workers(client, address, options.worker_wait_s)
            smallest, largest = chunk_bounds(job.fmt, job.config.size)
            chunks = plan_chunks(frames.start, frames.stop, report.slots, options.chunk,
                                 min_size=smallest, max_size=largest)
            report.chunks = len(chunks)
            progress = FarmProgress(len(frames), options.label, enabled=not options.quiet)
            client.subscribe_topic(job.progress_topic, progress.on_event)
            began = time.perf_counter()
            report.submitted_at = time.time()
            _gather(client, job, chunks, output, progress, report, address, options)
            joined = time.perf_counter()
            output.finish()
            report.join_seconds = time.perf_counter() - joined
            report.seconds = time.perf_counter() - began
            report.finished_at = time.time()
            report.frames = len(frames)
            report.worker_lines = progress.worker_lines()
            where = "stdout" if options.out is None else str(options.out)
            if options.sound is not None:
                where += f" with {options.sound.label}"
            w, h = job.config.size
            progress.close(f"wrote {report.frames} frames ({w}x{h}, {float(job.config.fps):g} fps) to {where} "
                           f"in {report.seconds:.1f} s on {len(progress.workers)} worker{'s' * (len(progress.workers) != 1)} "
                           f"({report.chunks} chunks, joined in {report.join_seconds:.1f} s)")
            if not options.quiet:
                for line in report.worker_lines:
                    sys.stderr.write(line + "\n")
            others = output.other_frames() if job.fmt == "png" else 0
            if others:   # the note a single machine's render prints too
                sys.stderr.write(f"visuals: note: {where} also holds {others} frame file{'s' * (others != 1)} "
                                 f"this render did not write (an earlier render's); they were left as they are\n")
    except BaseException:
        output.abort()
        raise
    return report


def _gather(client, job: FarmJob, chunks: list[Chunk], output, progress: FarmProgress, report: FarmReport,
            address: str, options: FarmOptions) -> None:
    import distributed
    futures = {client.submit(render_chunk, job, chunk, key=f"visuals-chunk-{job.job_id}-{chunk.number:06d}",
                             retries=RETRIES, priority=-chunk.number, pure=False): chunk
               for chunk in chunks}
    pending = set(futures)
    no_workers_since: float | None = None
    try:
        while pending:
            try:
                with _scheduler_calls(address):
                    done, _ = distributed.wait(list(pending), timeout=POLL_S, return_when="FIRST_COMPLETED")
            except (TimeoutError, distributed.TimeoutError):
                done = set()
            for future in done:
                pending.discard(future)
                result = _result(future, futures[future], address)
                output.add(result)
                progress.chunk_done(result)
                report.timings.append(ChunkTiming(result.number, result.worker, result.began_at, result.ended_at))
                future.release()
            progress.refresh()
            if pending and not done:
                if client.status not in ("running", "connecting"):
                    raise _scheduler_lost(address)
                with _scheduler_calls(address):
                    workers = client.nthreads() if client.status == "running" else {}
                if workers:
                    no_workers_since = None
                elif no_workers_since is None:
                    no_workers_since = time.monotonic()
                elif time.monotonic() - no_workers_since > options.no_workers_s:
                    raise VisualsError(f"every Dask worker at {address} has gone, "
                                       f"none for {options.no_workers_s:g} s; the render stopped",
                                       fix=f"start workers with 'dask worker {address}' and render again")
    except BaseException:
        _cancel(client, list(pending))
        raise


def _result(future, chunk: Chunk, address: str) -> ChunkResult:
    status = future.status
    if status == "finished":
        with _scheduler_calls(address):
            result: ChunkResult = future.result()
        if result.error:
            e = result.error
            raise VisualsError(e["message"], file=e["file"], line=e["line"], fix=e["fix"])
        return result
    if status == "cancelled":
        raise _scheduler_lost(address)
    with _scheduler_calls(address):
        err = future.exception()
    frames = f"chunk {chunk.number} (frames {chunk.start}:{chunk.stop})"
    if type(err).__name__ == "KilledWorker":
        raise VisualsError(f"{frames} was lost with every worker that tried it (they died rendering it)",
                           fix="check the workers' memory and logs, or use a smaller --chunk")
    raise VisualsError(f"{frames} failed on a worker: {type(err).__name__}: {_first_line(err)}",
                       fix="check that every worker has the same visuals version and scenes")


@contextlib.contextmanager
def _scheduler_calls(address: str):
    """Dask calls that need the scheduler: losing it shows as a closed connection, or as
    every future cancelled (Dask's way of saying so): either is one line."""
    import distributed
    from distributed.comm import CommClosedError
    try:
        yield
    except (distributed.CancelledError, CommClosedError, ConnectionError) as err:
        raise _scheduler_lost(address) from err


def _scheduler_lost(address: str) -> VisualsError:
    return VisualsError(f"lost the connection to the Dask scheduler at {address}; the render stopped",
                        fix="check that the scheduler is running and render again")


def _cancel(client, futures) -> None:
    if not futures or client.status != "running":
        return
    try:
        client.cancel(futures, asynchronous=False)
    except Exception:
        pass
