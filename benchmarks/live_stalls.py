"""The live player's worst frames: the one-frame stalls at the cuts into baked shots.

Drives the frame driver the way ``visuals live`` does (visuals/live/player.py: one context,
``live_mixer`` -- resilient, off the export grid -- and a Performance sought to ``--from``),
frame after frame at the live rate, and times each ``Mixer.render`` (with ``ctx.finish``, so
llvmpipe's work is inside the time).  Each run builds a fresh mixer and program cache; per
frame the median over the runs is kept, and the script prints the median frame, the worst
frames (show time, ms, ratio to the median frame) and the warm-up's own time.

``--warm``: ``none`` (nothing before the first frame), ``programs`` (``Mixer.warm_up``
compiles every program), ``bakes`` (``warm_up(bakes=True)``: also every bake pass of every cue
at the times it bakes, kept for the show -- what the live player does).

usage: python benchmarks/live_stalls.py [--show dream] [--from 84] [--to 100] [--size 640x360]
                                        [--fps 30] [--runs 3] [--warm bakes] [--top 6]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visuals.load.paths import SearchPath  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.live.player import live_mixer  # noqa: E402
from visuals.perform.performance import Performance  # noqa: E402
from visuals.controls.events import Transport  # noqa: E402
from visuals.render.frame import FrameInputs  # noqa: E402
from visuals.render.gpu import ProgramCache, headless_context  # noqa: E402


def one_run(ctx, registry, show, args, size, fps) -> tuple[list[float], list[float], float, str]:
    """Frame times (seconds) of one pass over the span, their show times, the warm-up's, and
    what the bakes kept hold and did (warm=bakes)."""
    programs = ProgramCache(ctx, registry.search)
    mixer = live_mixer(ctx, registry, programs, size, fps)
    performance = Performance(show)
    performance.apply(Transport(op="seek", value=args.start), 0.0)
    try:
        t0 = time.perf_counter()
        if args.warm == "programs":
            mixer.warm_up(show)
        elif args.warm == "bakes":
            mixer.warm_up(show, bakes=True)
        ctx.finish()
        warm = time.perf_counter() - t0
        times, shows = [], []
        n = round((args.end - args.start) * float(fps))
        for i in range(n):
            t = i / float(fps)
            state = performance.frame(t)
            t0 = time.perf_counter()
            mixer.render(FrameInputs(i, state, size, fps, 1.0 / float(fps)))
            ctx.finish()
            times.append(time.perf_counter() - t0)
            shows.append(state.decks["a"].show_t)
        store = mixer.renderers["a"][1].bakes if "a" in mixer.renderers else None
        kept = "" if store is None else (f"{len(store)} bakes kept, {store.nbytes() / 1e6:.0f} MB; "
                                         f"{store.hits} copied, {store.draws} drawn on stage")
        return times, shows, warm, kept
    finally:
        mixer.release()
        programs.release()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", default="dream")
    ap.add_argument("--from", dest="start", type=float, default=84.0)
    ap.add_argument("--to", dest="end", type=float, default=100.0)
    ap.add_argument("--size", default="640x360")
    ap.add_argument("--fps", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warm", choices=("none", "programs", "bakes"), default="bakes")
    ap.add_argument("--top", type=int, default=6)
    args = ap.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    fps = Fraction(args.fps)
    registry = Registry(SearchPath.build([]))
    show = registry.show(args.show)
    runs, warms, shows = [], [], []
    with headless_context() as ctx:
        for _ in range(args.runs):
            times, shows, warm, kept = one_run(ctx, registry, show, args, size, fps)
            runs.append(times)
            warms.append(warm)
    per_frame = [statistics.median(col) for col in zip(*runs)]
    typical = statistics.median(per_frame)
    print(f"{args.show} {args.start:g}-{args.end:g} s at {args.size}, {args.fps} fps, warm={args.warm}, "
          f"{args.runs} runs: warm-up {statistics.median(warms):.2f} s, median frame {typical * 1000:.1f} ms")
    worst = sorted(range(len(per_frame)), key=lambda i: -per_frame[i])[:args.top]
    for i in sorted(worst):
        print(f"  frame {i:4d}  t {shows[i]:7.2f} s  {per_frame[i] * 1000:8.1f} ms  {per_frame[i] / typical:6.1f}x")
    print(f"worst/median {max(per_frame) / typical:.1f}x" + (f"; {kept}" if kept else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
