"""What wrapping an ISF file costs per frame: an ISF generator against the same shader written
natively (shaders/foreign/bench/plasma.fs and plasma.frag), measured in the same run.

Both play as one-scene shows through the same Renderer; every frame is rendered and finished
(ctx.finish), not read back.  The two alternate frame by frame, so a machine that slows down
or speeds up during the run (other work on its cores) affects both alike; figures are medians of per-frame times, and
the ISF's frames must come out the same bytes as the native's (the same picture).

usage: python benchmarks/isf_speed.py [--size 640x360] [--frames 30] [--rounds 5]
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
from visuals.model.params import Param  # noqa: E402
from visuals.load.paths import SearchPath, builtin_dir  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig, Renderer  # noqa: E402
from visuals.model.scene import Pass, Scene  # noqa: E402
from visuals.model.show import single_scene_show  # noqa: E402

BENCH = builtin_dir("shaders") / "foreign" / "bench"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    ctx = create_headless_context()
    registry = Registry(SearchPath.build([]))
    native = Scene("plasma_native", [Pass(str(BENCH / "plasma.frag"))], [Param("speed", 1.0, 0.0, 4.0)])
    registry.scenes[native.name] = native
    shows = {"native": single_scene_show(native), "isf": registry.show(str(BENCH / "plasma.fs"))}
    renderers = {k: Renderer(ctx, s, registry, RenderConfig(size=size, fps=Fraction(30))) for k, s in shows.items()}
    clock = FixedClock(30)
    for r in renderers.values():          # compile and warm up
        r.render(clock.frame(0))
        ctx.finish()
    same = renderers["native"].read_rgb() == renderers["isf"].read_rgb()
    times: dict[str, list[float]] = {k: [] for k in renderers}
    order = list(renderers)
    for frame in range(1, args.rounds * args.frames + 1):
        order.reverse()                   # alternate frame by frame, and which goes first
        for name in order:
            t0 = time.perf_counter()
            renderers[name].render(clock.frame(frame))
            ctx.finish()
            times[name].append((time.perf_counter() - t0) * 1000.0)
    for r in renderers.values():
        r.release()
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{size[0]}x{size[1]}, {args.rounds * args.frames} frames each, alternating, median ms per frame:")
    for name in ("native", "isf"):
        print(f"  {name:7s} {med[name]:7.3f} ms")
    print(f"  isf / native: {med['isf'] / med['native']:.3f}   same pixels: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
