"""Where a scene's frame time goes: milliseconds per pass (bound scenes' passes included).

Each draw is fenced with ``ctx.finish()`` before and after, so its time is its own (llvmpipe
otherwise defers the work to whichever later call waits for it, and a profile blames that
call).  The fences cost a little, so the passes add up to a bit less than the frame total.
Run it on a quiet machine: one scene, a few dozen frames, no reference needed.

usage: python benchmarks/passes.py SCENE [--size 640x360] [--frames 20] [--at 1.0]
"""
from __future__ import annotations

import argparse
import collections
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
    parser.add_argument("scene", help="a scene or show name, or a .frag file")
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--frames", type=int, default=20)
    parser.add_argument("--at", type=float, default=1.0, help="show time of the first frame, seconds")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    ctx = create_headless_context()
    spent: dict[str, float] = collections.defaultdict(float)

    def record(name: str, seconds: float) -> None:
        spent[name] += seconds

    fence_passes(ctx, record)
    registry = Registry(SearchPath.build([]))
    renderer = Renderer(ctx, registry.show(args.scene), registry, RenderConfig(size=(w, h), fps=Fraction(30)))
    clock = FixedClock(30)
    first = clock.frame_at(args.at)
    renderer.render(clock.frame(first))      # compile, bake the once-only passes
    ctx.finish()
    spent.clear()
    t0 = time.perf_counter()
    for i in range(args.frames):
        renderer.render(clock.frame(first + 1 + i))
        ctx.finish()
    total = (time.perf_counter() - t0) / args.frames
    renderer.release()
    print(f"renderer: {ctx.info['GL_RENDERER']}; {args.scene} at {w}x{h}, {args.frames} frames")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        ms = 1000 * seconds / args.frames
        print(f"  {name:30s} {ms:8.2f} ms  {100 * ms / (1000 * total):5.1f} %")
    print(f"  {'frame':30s} {1000 * total:8.2f} ms")


if __name__ == "__main__":
    main()
