"""The render farm's scaling and overhead (issue 17's benchmark), and a model for more machines.

For each worker count (default 1 and 2) a local Dask cluster of that many worker processes is
started on 127.0.0.1, each worker with one thread and one llvmpipe thread (LP_NUM_THREADS=1),
and the same frames of a show are rendered --runs times through the farm, as `visuals render
--scheduler` does, the worker counts taking turns.  Printed, as medians over the runs:
  1. wall time (first chunk submitted to the joined file), fps, and the speed-up over 1 worker;
  2. Dask's overhead per chunk: the workers' time (workers x wall) split along each worker's
     timeline (visuals/farm/timing.py) into rendering, start (submission to its first chunk),
     gaps between its chunks, the tail (nothing left to take while the last chunks run) and the
     finish (the last result's transfer, writing, the join); Dask's overhead (scheduling,
     transfer, joining) is start + gaps + finish, per chunk and as a share of the mean chunk
     time; the tail is printed on its own, as is everything not rendering;
  3. the output's bytes per frame (what each worker sends the client);
  4. a model of N machines (default 16, two cores each, two workers each) on the whole show at
     another size (default 1920x1080): the render time from the measured per-worker fps scaled
     by pixels, plus the first chunk's start-up, the tail (the last chunk), the join (scaled by
     bytes), and the client's inbound bandwidth it needs.
The host's load average is printed before and after: other work on the machine slows the
workers unevenly, so read the figures with it.

usage: python benchmarks/farm.py [--show dream] [--frames 1500:1620] [--size 1280x720]
                                 [--format mp4] [--workers 1,2] [--runs 3] [--chunk N]
                                 [--model-machines 16] [--model-size 1920x1080] [--model-worker-fps F]
"""
from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from visuals.cli import parse_size  # noqa: E402
from visuals.perform.clock import FixedClock  # noqa: E402
from visuals.output.export import FrameRange  # noqa: E402
from visuals.farm.client import FarmOptions, chunk_bounds, new_job_id, render_on_farm  # noqa: E402
from visuals.farm.cluster import local_cluster  # noqa: E402
from visuals.farm.job import FarmJob  # noqa: E402
from visuals.farm.output import concat_command  # noqa: E402
from visuals.farm.plan import plan_chunks  # noqa: E402
from visuals.load.paths import SearchPath  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig  # noqa: E402


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def join_speed(video: Path, fmt: str, at_least: float, folder: Path) -> tuple[float, float]:
    """(bytes joined, seconds): the farm's concat command over ``video`` listed again and again
    until the list holds ``at_least`` bytes, as a whole show's segments would."""
    copies = max(1, math.ceil(at_least / video.stat().st_size))
    listing = folder / "join.txt"
    listing.write_text(f"file '{video}'\n" * copies)
    out = folder / f"joined.{fmt}"
    began = time.perf_counter()
    subprocess.run(concat_command(listing, out, fmt), check=True)
    seconds = time.perf_counter() - began
    size = out.stat().st_size
    out.unlink()
    return size, seconds


def run_once(address: str, args, config: RenderConfig, frames: FrameRange, folder: Path, keep: Path) -> dict:
    out = None if args.format == "raw" else folder / (f"out.{args.format}" if args.format != "png" else "frames")
    job = FarmJob(job_id=new_job_id(), show=args.show, paths=(), end_s=frames.stop / float(config.fps),
                  stop=frames.stop, config=config, fmt=args.format)
    options = FarmOptions(scheduler=address, chunk=args.chunk, out=out, quiet=True)
    cpu_before = time.process_time()
    if args.format == "raw":
        sys.stdout.flush()
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        try:
            report = render_on_farm(job, frames, options)
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(null)
            os.close(saved)
        size = len(frames) * config.size[0] * config.size[1] * 3
    else:
        report = render_on_farm(job, frames, options)
        size = out.stat().st_size if out.is_file() else sum(f.stat().st_size for f in out.iterdir())
        if out.is_file():
            shutil.copyfile(out, keep / out.name)   # for the join's speed, measured at the end
    client_cpu = time.process_time() - cpu_before     # the client's own threads: receiving, writing, the bar
    split = report.time_split()
    chunk_total = split.rendering
    first = min(report.timings, key=lambda t: t.number)
    return {"wall": report.seconds, "fps": len(frames) / report.seconds, "chunks": report.chunks,
            "chunk_mean": split.mean_chunk, "first_chunk": first.ended_at - first.began_at,
            "overhead_per_chunk": split.overhead_per_chunk, "start": split.start, "gaps": split.gaps,
            "finish": split.finish, "tail": split.tail,
            "idle_per_chunk": (split.slots * split.wall - split.rendering) / split.chunks,
            "join": report.join_seconds, "bytes_per_frame": size / len(frames),
            "worker_fps": len(frames) / chunk_total, "chunk_total": chunk_total, "busy": split.busy,
            "client_cpu": client_cpu / report.seconds}


def measure(counts: list[int], args, config, frames) -> dict[int, list[dict]]:
    """Runs of every worker count, interleaved (1, 2, 1, 2, ...) so that load from other work on
    the machine falls on each count alike; one cluster per count, started before the first run."""
    clusters = {n: local_cluster(n, {"LP_NUM_THREADS": "1"}) for n in counts}   # as --workers starts them
    table: dict[int, list[dict]] = {n: [] for n in counts}
    try:
        for run in range(args.runs):
            for n in counts:
                with tempfile.TemporaryDirectory(prefix="visuals-farm-bench-") as tmp:
                    r = run_once(clusters[n].scheduler_address, args, config, frames, Path(tmp), args.keep)
                table[n].append(r)
                print(f"  {n} worker(s), run {run + 1}: {r['wall']:.1f} s, {r['fps']:.2f} fps, {r['chunks']} chunks, "
                      f"overhead {r['overhead_per_chunk'] * 1000:.0f} ms/chunk of {r['chunk_mean']:.1f} s; {load()}",
                      flush=True)
    finally:
        for cluster in clusters.values():
            cluster.close(timeout=30)
    return table


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", default="dream")
    parser.add_argument("--frames", default="1500:1620")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--format", default="mp4", choices=["mp4", "mov", "png", "raw"])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chunk", type=int)
    parser.add_argument("--model-machines", type=int, default=16)
    parser.add_argument("--model-size", default="1920x1080")
    parser.add_argument("--model-worker-fps", type=float,
                        help="one worker's fps at --size to model with, instead of the one measured "
                             "(e.g. from an idle machine)")
    args = parser.parse_args()

    registry = Registry(SearchPath.build([]))
    show = registry.show(args.show)
    config = RenderConfig(size=parse_size(args.size), fps=Fraction(show.fps))
    frames = FrameRange.resolve(FixedClock(config.fps), show.duration, frames=args.frames)
    counts = [int(n) for n in args.workers.split(",")]
    print(f"farm benchmark: {args.show} frames {frames.start}:{frames.stop} at {args.size}, {args.format}, "
          f"workers {counts}, {args.runs} runs; before: {load()}", flush=True)
    args.keep = Path(tempfile.mkdtemp(prefix="visuals-farm-bench-keep-"))
    try:
        report(args, show, config, frames, counts)
    finally:
        shutil.rmtree(args.keep, ignore_errors=True)
    return 0


def report(args, show, config, frames, counts) -> None:
    table = measure(counts, args, config, frames)
    print(f"after: {load()}")
    print()
    base = median(table[counts[0]], "wall") * counts[0]
    best_base = min(r["wall"] for r in table[counts[0]]) * counts[0]
    for n, results in table.items():
        wall = median(results, "wall")
        overhead = median(results, "overhead_per_chunk")
        chunk = median(results, "chunk_mean")
        print(f"{n} worker(s): {wall:.1f} s, {median(results, 'fps'):.2f} fps, speed-up {base / wall:.2f}x "
              f"over 1 worker; {results[0]['chunks']} chunks of {chunk:.1f} s; overhead per chunk "
              f"{overhead * 1000:.0f} ms = {100 * overhead / chunk:.2f} % of a chunk; join {median(results, 'join'):.2f} s; "
              f"{median(results, 'bytes_per_frame') / 1000:.0f} kB a frame")
        best = min(r["wall"] for r in results)
        busy = median(results, "busy")
        print(f"    fastest run {best:.1f} s (speed-up {best_base / best:.2f}x, fastest against fastest); workers "
              f"busy rendering {100 * busy:.1f} % of the wall time")
        print(f"    the workers' other time, per render (median): start {median(results, 'start'):.2f} s, gaps "
              f"{median(results, 'gaps'):.2f} s, finish {median(results, 'finish'):.2f} s (Dask's overhead), tail "
              f"{median(results, 'tail'):.2f} s (nothing left to take); all of it per chunk "
              f"{median(results, 'idle_per_chunk') * 1000:.0f} ms = "
              f"{100 * median(results, 'idle_per_chunk') / chunk:.2f} % of a chunk; the client used "
              f"{100 * median(results, 'client_cpu'):.0f} % of a core")

    # The model: per-worker fps from the one-worker runs, scaled by pixels to the model's size.
    one = table[counts[0]]
    worker_fps = args.model_worker_fps or median(one, "worker_fps")
    mw, mh = parse_size(args.model_size)
    scale = (mw * mh) / (config.size[0] * config.size[1])
    machines = args.model_machines
    slots = machines * 2
    total = round(show.duration * float(config.fps))
    fps_slot = worker_fps / scale
    render_s = total / (fps_slot * slots)
    # With one worker the chunks finish in order: the first one holds the start-up (compiling the
    # show's programs), the extra time over its frames at the worker's steady rate.
    smallest, largest = chunk_bounds(args.format, config.size)
    first = plan_chunks(frames.start, frames.stop, counts[0], args.chunk, smallest, largest)[0]
    steady_fps = (len(frames) - len(first)) / max(1e-9, sum(r["chunk_total"] for r in one) / len(one)
                                                  - median(one, "first_chunk"))
    startup_s = max(0.0, median(one, "first_chunk") - len(first) / steady_fps) if len(frames) > len(first) else 0.0
    tail_s = smallest / fps_slot                 # at worst the last, smallest chunk runs while others idle
    bytes_frame = median(one, "bytes_per_frame") * scale
    join_s, join_note = 0.0, "no join (PNG files and raw frames are written as they arrive)"
    kept = args.keep / f"out.{args.format}"
    if kept.is_file():
        joined, seconds = join_speed(kept, args.format, total * bytes_frame, args.keep)
        join_s = seconds * (total * bytes_frame) / joined
        join_note = f"the join copies {joined / seconds / 1e6:.0f} MB/s (measured on {joined / 1e6:.0f} MB)"
    inbound = bytes_frame * fps_slot * slots
    print()
    print(f"model: {machines} machines x 2 workers, {args.show} ({total} frames) at {mw}x{mh}, {args.format}: "
          f"{fps_slot:.2f} fps a worker, {fps_slot * slots:.1f} fps in all")
    print(f"  render {render_s:.0f} s + start-up (compiling) {startup_s:.0f} s + tail up to {tail_s:.0f} s "
          f"+ join {join_s:.1f} s = about {render_s + startup_s + tail_s + join_s:.0f} s "
          f"(one machine, 2 workers: {total / (fps_slot * 2):.0f} s)")
    print(f"  {join_note}")
    kept = "keeps {:.2f} GB of segments before the join" if args.format in ("mp4", "mov") else "writes {:.2f} GB in all"
    print(f"  the client receives {inbound / 1e6:.2f} MB/s ({inbound * 8 / 1e6:.0f} Mbit/s) and "
          f"{kept.format(total * bytes_frame / 1e9)}")
    for name, link in (("1 GbE", 125e6), ("10 GbE", 1250e6)):
        cap = link / bytes_frame
        limit = "the client's link limits the farm" if cap < fps_slot * slots else "the rendering limits the farm"
        print(f"  a {name} link into the client carries at most {cap:.1f} fps of this output: {limit} "
              f"({total / min(cap, fps_slot * slots):.0f} s for the show)")


if __name__ == "__main__":
    sys.exit(main())
