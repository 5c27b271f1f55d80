"""How long the whole default show takes to render, and where each movement stands.

For each size: the whole process `visuals render dream` to mp4 (start to finished file),
its frames per second and its ratio to the show's running time (below 1 means faster than
real time); then each cue's stretch rendered alone into a null sink (render and readback,
no encoding), with its fps against the 30 fps the show plays at.

usage: python benchmarks/show.py [SHOW] [--sizes 640x360,1280x720] [--skip-whole] [--seconds S]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visuals.perform.clock import FixedClock  # noqa: E402
from visuals.output.export import FrameRange, ShowSource, render_frames  # noqa: E402
from visuals.render.gpu import create_headless_context  # noqa: E402
from visuals.load.paths import SearchPath  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig  # noqa: E402
from visuals.output.sinks import NullSink  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("show", nargs="?", default="dream")
    parser.add_argument("--sizes", default="640x360,1280x720")
    parser.add_argument("--skip-whole", action="store_true", help="only the per-cue figures")
    parser.add_argument("--seconds", type=float, default=None,
                        help="render only this many seconds from the middle of each cue's stretch "
                             "(quicker at large sizes; default: all of it)")
    args = parser.parse_args()
    registry = Registry(SearchPath.build([]))
    show = registry.show(args.show)
    fps = Fraction(show.fps)
    frames_total = round(show.duration * float(fps))
    ctx = create_headless_context()
    print(f"renderer: {ctx.info['GL_RENDERER']}; show '{show.name}', {show.duration:g} s = {frames_total} frames "
          f"at {float(fps):g} fps")
    for size_text in args.sizes.split(","):
        w, h = (int(v) for v in size_text.split("x"))
        print(f"\n{w}x{h}")
        if not args.skip_whole:
            with tempfile.TemporaryDirectory() as tmp:
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "visuals", "render", args.show, "--size", f"{w}x{h}",
                                "--out", str(Path(tmp) / "show.mp4"), "--quiet"], check=True)
                took = time.perf_counter() - t0
            print(f"  whole process to mp4: {took:7.1f} s   {frames_total / took:5.1f} fps   "
                  f"{took / show.duration:4.2f} x the running time")
        config = RenderConfig(size=(w, h), fps=fps)
        clock = FixedClock(fps)
        cues = sorted(show.cues, key=lambda c: c.start)
        for i, cue in enumerate(cues):
            end = cues[i + 1].start if i + 1 < len(cues) else cue.end
            begin = cue.start
            if args.seconds is not None and end - begin > args.seconds:
                begin = (cue.start + end - args.seconds) / 2
                end = begin + args.seconds
            span = FrameRange(clock.first_frame_from(begin), clock.first_frame_from(end))
            source = ShowSource(ctx, show, registry, config)
            source.warm_up()
            t0 = time.perf_counter()
            render_frames(ctx, source, config, span, NullSink((w, h)))
            took = time.perf_counter() - t0
            rate = len(span) / took
            print(f"  {begin:6.1f}-{end:6.1f} s  {cue.label[:34]:34s} {rate:6.1f} fps  "
                  f"{float(fps) / rate:5.2f} x real time")


if __name__ == "__main__":
    main()
