"""A scene against its own older version: both in one process, frames interleaved, per pass.

This machine's speed drifts by a factor of two over a day (other tenants), so two runs of
scenes.py minutes apart cannot tell a 5 % change.  Here the base (a folder holding an older
checkout's ``shaders/`` and ``scenes/``, e.g. from ``git worktree add /tmp/base HEAD~3``) and
the working tree render the same frames in turn, A B B A ..., each pass fenced with
ctx.finish(), so the drift falls on both alike.  Prints each side's median frame and pass
times and the median of the per-frame ratios B / A (below 1: the working tree is faster).

usage: python benchmarks/ab.py SCENE --base DIR [--frames 24] [--at 6] [--size 640x360]
"""
from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _fenced import fence_passes  # noqa: E402
from visuals.perform.clock import FixedClock  # noqa: E402
from visuals.render.gpu import create_headless_context  # noqa: E402
from visuals.load.paths import SearchPath  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig, Renderer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scene")
    parser.add_argument("--base", required=True, help="folder with the older shaders/ and scenes/")
    parser.add_argument("--frames", type=int, default=24)
    parser.add_argument("--at", type=float, default=6.0, help="show time of the first frame, seconds")
    parser.add_argument("--size", default="640x360")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    ctx = create_headless_context()
    side = ["A"]
    spent: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    fence_passes(ctx, lambda name, seconds: spent[(side[0], name)].append(seconds))
    renderers = {}
    for name, extra in (("A", [args.base]), ("B", [])):
        registry = Registry(SearchPath.build(extra))
        renderers[name] = Renderer(ctx, registry.show(args.scene), registry,
                                   RenderConfig(size=(w, h), fps=Fraction(30)))
    clock = FixedClock(30)
    first = clock.frame_at(args.at)
    for name in "AB":                         # compile and bake before timing
        side[0] = name
        renderers[name].render(clock.frame(first))
        ctx.finish()
    spent.clear()
    frames: dict[str, list[float]] = {"A": [], "B": []}
    for i in range(args.frames):
        for name in ("AB" if i % 2 == 0 else "BA"):
            side[0] = name
            t0 = time.perf_counter()
            renderers[name].render(clock.frame(first + 1 + i))
            ctx.finish()
            frames[name].append(time.perf_counter() - t0)
    print(f"renderer: {ctx.info['GL_RENDERER']}; {args.scene} at {w}x{h}, {args.frames} frames each, "
          f"A = {args.base}, B = the working tree")
    for name in "AB":
        passes = {p: statistics.median(v) * 1e3 for (s, p), v in spent.items() if s == name}
        listed = "  ".join(f"{p} {ms:.2f}" for p, ms in passes.items())
        print(f"  {name}: frame {statistics.median(frames[name]) * 1e3:.2f} ms  ({listed})")
    ratios = [b / a for a, b in zip(frames["A"], frames["B"])]
    print(f"  B / A per frame, median: {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
