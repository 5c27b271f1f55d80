"""A show against its own older version in CPU time, sampled over its whole length.

ab.py times frames by the wall clock, which a shared machine (other tenants, a load of 10 on
2 cores) makes useless for a few per cent.  Here each side's frames are timed by the CPU
time this process spends (time.process_time: Python, and llvmpipe's rendering threads),
which another tenant's load barely moves.  A sample every STEP seconds of the show: a
warm-up frame, then the better of two frames, A and B interleaved.  Prints each sample
and the totals; below 1 the working tree is cheaper.

usage: python benchmarks/ab_cpu.py --base DIR [SHOW] [--step 3] [--from 0] [--to END] [--size 640x360]
(DIR holds an older checkout's ``shaders/`` and ``scenes/``, e.g. from
``git archive HEAD~3 shaders scenes | tar -x -C DIR``.)
"""
from __future__ import annotations

import argparse
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
    parser.add_argument("--step", type=float, default=3.0, help="seconds between samples")
    parser.add_argument("--from", dest="start", type=float, default=0.0)
    parser.add_argument("--to", dest="end", type=float, default=None)
    parser.add_argument("--size", default="640x360")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    ctx = create_headless_context()
    renderers = {}
    for name, extra in (("A", [args.base]), ("B", [])):
        registry = Registry(SearchPath.build(extra))
        renderers[name] = Renderer(ctx, registry.show(args.show), registry,
                                   RenderConfig(size=(w, h), fps=Fraction(30)))
    end = args.end if args.end is not None else float(renderers["B"].show.duration)
    clock = FixedClock(30)
    totals = {"A": 0.0, "B": 0.0}
    t = args.start + args.step / 2
    i = 0
    while t < end:
        frame = clock.frame_at(t)
        spent = {}
        for name in ("AB" if i % 2 == 0 else "BA"):
            renderers[name].render(clock.frame(max(frame - 1, 0)))
            ctx.finish()
            best = 1e9
            for k in range(2):
                t0 = time.process_time()
                renderers[name].render(clock.frame(frame + k))
                ctx.finish()
                best = min(best, time.process_time() - t0)
            spent[name] = best
            totals[name] += best
        print(f"{t:7.1f} s   A {spent['A'] * 1e3:7.1f} ms   B {spent['B'] * 1e3:7.1f} ms   "
              f"B/A {spent['B'] / spent['A']:.2f}", flush=True)
        t += args.step
        i += 1
    print(f"total: A {totals['A']:.2f} s  B {totals['B']:.2f} s  B/A {totals['B'] / totals['A']:.3f}")


if __name__ == "__main__":
    main()
