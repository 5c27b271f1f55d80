"""Render-only speed of scenes: frames per second at one or more sizes.

Each scene plays as a one-scene show; every frame is rendered and finished (ctx.finish) but
not read back or encoded.  The finish per frame matters: llvmpipe drops queued full-screen
opaque draws that a later draw covers, so a loop that never waits measures only the last frame.  Every figure is the median of several runs, and the reference shader
(shared/bench/bench.frag, 16 sin/cos per pixel) is measured in the same run so figures from
a busy machine can be read as ratios.

usage: python benchmarks/scenes.py [SCENE ...] [--sizes 640x360,1280x720] [--frames 60] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visuals.clock import FixedClock  # noqa: E402
from visuals.gpu import create_headless_context  # noqa: E402
from visuals.paths import SearchPath  # noqa: E402
from visuals.registry import Registry  # noqa: E402
from visuals.renderer import RenderConfig, Renderer  # noqa: E402

BENCH_FRAG = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "bench.frag"


def measure(ctx, registry, name: str, size, frames: int, runs: int, start: float = 1.0,
            params: dict | None = None) -> float:
    """Median fps of ``runs`` runs of ``frames`` consecutive frames from ``start`` seconds."""
    show = registry.show(name)
    if params:
        show.cues[0].params = dict(show.cues[0].params, **params)
    renderer = Renderer(ctx, show, registry, RenderConfig(size=size, fps=Fraction(30)))
    clock = FixedClock(30)
    first = clock.frame_at(start)
    renderer.render(clock.frame(first))   # compile and warm up
    ctx.finish()
    results = []
    for run in range(runs):
        t0 = time.perf_counter()
        for i in range(frames):
            renderer.render(clock.frame(first + 1 + run * frames + i))
            ctx.finish()
        results.append(frames / (time.perf_counter() - t0))
    renderer.release()
    return statistics.median(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenes", nargs="*", help="scene names (default: every built-in scene)")
    parser.add_argument("--sizes", default="640x360,1280x720")
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="set a parameter of the scenes measured (repeatable), e.g. --param stars=20000")
    args = parser.parse_args()
    registry = Registry(SearchPath.build([]))
    registry.load_all()
    from visuals.post import PostEffect
    names = args.scenes or sorted(n for n, s in registry.scenes.items()
                                  if n != "env_gradient" and not isinstance(s, PostEffect))
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    ctx = create_headless_context()
    print(f"renderer: {ctx.info['GL_RENDERER']}")
    header = "scene".ljust(18) + "".join(f"{w}x{h} fps".rjust(16) for w, h in sizes)
    print(header)
    ref = [measure(ctx, registry, str(BENCH_FRAG), size, args.frames, args.runs) for size in sizes]
    print("bench.frag (ref)".ljust(18) + "".join(f"{v:16.1f}" for v in ref))
    params = {}
    for item in args.param:
        key, _, value = item.partition("=")
        params[key] = float(value)
    for name in names:
        scene = registry.scene(name)
        chosen = {k: v for k, v in params.items() if k in scene.params}
        fps = [measure(ctx, registry, name, size, args.frames, args.runs, params=chosen) for size in sizes]
        ratio = "  ".join(f"{f / r:.2f}x ref" for f, r in zip(fps, ref))
        print(name.ljust(18) + "".join(f"{v:16.1f}" for v in fps) + "   " + ratio)


if __name__ == "__main__":
    main()
