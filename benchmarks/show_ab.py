"""A whole show against its own older version: its cost over the running time, in one process.

show.py renders the whole show once; on a shared machine whose speed drifts by a factor of two
(other tenants), two such runs minutes apart cannot say whether a change kept the show within
its budget.  Here the base (a folder holding an older checkout's ``shaders/`` and ``scenes/``,
e.g. ``git archive HEAD~5 shaders scenes | tar -x -C /tmp/base``) and the working tree render
frames spread evenly over each one's own running time, in turn (A B B A ...), each finished
with ctx.finish(), so the drift falls on both alike.  Shows of different lengths compare by
their mean frame time: the render time over the running time scales with it, so

    new ratio ~= old ratio (benchmarks/RESULTS.md) x (B mean frame / A mean frame).

usage: python benchmarks/show_ab.py [SHOW] --base DIR [--step 1.0] [--size 640x360]
"""
from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("show", nargs="?", default="dream")
    parser.add_argument("--base", required=True, help="folder with the older shaders/ and scenes/")
    parser.add_argument("--step", type=float, default=1.0, help="seconds of show time between sampled frames")
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--worst", type=int, default=0, help="also list each side's N slowest sampled times")
    parser.add_argument("--rounds", type=int, default=1, help="time every frame this many times and keep "
                        "its fastest (a load spike on a shared machine then spoils one try, not the figure)")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    ctx = create_headless_context()
    clock = FixedClock(30)
    sides = {}
    for name, extra in (("A", [args.base]), ("B", [])):
        registry = Registry(SearchPath.build(extra, environ={}))
        show = registry.show(args.show)
        renderer = Renderer(ctx, show, registry, RenderConfig(size=(w, h), fps=Fraction(30)))
        n = int(show.duration / args.step)
        frames = [clock.frame_at((k + 0.5) * args.step) for k in range(n)]
        sides[name] = (renderer, frames, float(show.duration))
    for name, (renderer, frames, _) in sides.items():      # compile everything before timing
        for f in frames:
            renderer.render(clock.frame(f))
        ctx.finish()
    spent: dict[str, list[float]] = {"A": [], "B": []}
    longest = max(len(frames) for _, frames, _ in sides.values())
    for i in range(longest):
        for name in ("AB" if i % 2 == 0 else "BA"):
            renderer, frames, _ = sides[name]
            if i >= len(frames):
                continue
            tries = []
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                renderer.render(clock.frame(frames[i]))
                renderer.read_rgb()
                ctx.finish()
                tries.append(time.perf_counter() - t0)
            spent[name].append(min(tries))
    print(f"renderer: {ctx.info['GL_RENDERER']}; {args.show} at {w}x{h}, a frame every {args.step:g} s of "
          f"show time, render and readback, A = {args.base}, B = the working tree")
    means = {}
    for name in "AB":
        _, frames, duration = sides[name]
        means[name] = statistics.fmean(spent[name])
        print(f"  {name}: {duration:g} s show, {len(frames)} frames, mean frame {means[name] * 1e3:.2f} ms, "
              f"median {statistics.median(spent[name]) * 1e3:.2f} ms, x real time at 30 fps "
              f"{means[name] * 30:.2f} (render and readback only)")
    print(f"  B / A mean frame: {means['B'] / means['A']:.3f}")
    # Another tenant's burst can make one frame take ten times its time; the trimmed mean (the
    # slowest and fastest 5 % of each side's frames left out) is far less shaken by it.
    trimmed = {}
    for name in "AB":
        times = sorted(spent[name])
        cut = len(times) // 20
        trimmed[name] = statistics.fmean(times[cut:len(times) - cut])
    print(f"  B / A trimmed mean frame (5 % off each end): {trimmed['B'] / trimmed['A']:.3f} "
          f"({trimmed['A'] * 1e3:.2f} / {trimmed['B'] * 1e3:.2f} ms)")
    for name in "AB" if args.worst else "":
        _, frames, _ = sides[name]
        worst = sorted(zip(spent[name], frames), reverse=True)[:args.worst]
        print(f"  {name} slowest: " + ", ".join(f"{f / 30:.1f} s {t * 1e3:.0f} ms" for t, f in worst))


if __name__ == "__main__":
    main()
