"""Render-only speed of scenes: frames per second at one or more sizes.

Each scene plays as a one-scene show; every frame is rendered and finished (ctx.finish) but
not read back or encoded.  The finish per frame matters: llvmpipe drops queued full-screen
opaque draws that a later draw covers, so a loop that never waits measures only the last frame.  Every figure is the median of several runs, and the reference shader
(benchmarks/bench.frag, 16 sin/cos per pixel) is measured in the same run so figures from
a busy machine can be read as ratios.

usage: python benchmarks/scenes.py [SCENE ...] [--sizes 640x360,1280x720] [--frames 60] [--runs 3] [--times]

Another reference shader may be given in $VISUALS_BENCH_FRAG.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visuals.perform.clock import FixedClock  # noqa: E402
from visuals.render.gpu import create_headless_context  # noqa: E402
from visuals.load.paths import SearchPath  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig, Renderer  # noqa: E402

BENCH_FRAG = Path(os.environ.get("VISUALS_BENCH_FRAG")
                  or Path(__file__).resolve().parent / "bench.frag")


def measure(ctx, registry, name: str, size, frames: int, runs: int, start: float = 1.0,
            params: dict | None = None) -> tuple[float, float, float]:
    """Median fps of ``runs`` runs of ``frames`` consecutive frames from ``start`` seconds,
    and the median and 99th percentile of every single frame's time (ms) over all runs."""
    show = registry.show(name)
    if params:
        show.cues[0].params = dict(show.cues[0].params, **params)
    renderer = Renderer(ctx, show, registry, RenderConfig(size=size, fps=Fraction(30)))
    clock = FixedClock(30)
    first = clock.frame_at(start)
    renderer.render(clock.frame(first))   # compile and warm up
    ctx.finish()
    rates, times = [], []
    for run in range(runs):
        t0 = time.perf_counter()
        previous = t0
        for i in range(frames):
            renderer.render(clock.frame(first + 1 + run * frames + i))
            ctx.finish()
            now = time.perf_counter()
            times.append((now - previous) * 1000.0)
            previous = now
        rates.append(frames / (previous - t0))
    renderer.release()
    times.sort()
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    return statistics.median(rates), statistics.median(times), p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenes", nargs="*", help="scene names (default: every built-in scene)")
    parser.add_argument("--sizes", default="640x360,1280x720")
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="set a parameter of the scenes measured (repeatable), e.g. --param stars=20000")
    parser.add_argument("--times", action="store_true",
                        help="also print each frame's time in ms, median and 99th percentile")
    args = parser.parse_args()
    registry = Registry(SearchPath.build([]))
    registry.load_all()
    from visuals.model.post import PostEffect
    names = args.scenes or sorted(n for n, s in registry.scenes.items()
                                  if n != "env_gradient" and not isinstance(s, PostEffect))
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    ctx = create_headless_context()
    print(f"renderer: {ctx.info['GL_RENDERER']}")
    header = "scene".ljust(18) + "".join(f"{w}x{h} fps".rjust(16) for w, h in sizes)
    if args.times:
        header += "".join(f"{w}x{h} ms p50/p99".rjust(22) for w, h in sizes)
    print(header)

    def row(label: str, results) -> str:
        text = label.ljust(18) + "".join(f"{fps:16.1f}" for fps, _, _ in results)
        if args.times:
            text += "".join(f"{p50:15.2f}/{p99:6.2f}" for _, p50, p99 in results)
        return text

    ref_results = [measure(ctx, registry, str(BENCH_FRAG), size, args.frames, args.runs) for size in sizes]
    ref = [fps for fps, _, _ in ref_results]
    print(row("bench.frag (ref)", ref_results))
    params = {}
    for item in args.param:
        key, _, value = item.partition("=")
        params[key] = float(value)
    for name in names:
        scene = registry.scene(name)
        chosen = {k: v for k, v in params.items() if k in scene.params}
        results = [measure(ctx, registry, name, size, args.frames, args.runs, params=chosen) for size in sizes]
        ratio = "  ".join(f"{fps / r:.2f}x ref" for (fps, _, _), r in zip(results, ref))
        print(row(name, results) + "   " + ratio)


if __name__ == "__main__":
    main()
