"""Export speed for the shader benchmarks/bench.frag (issue 2's benchmark).

Measured in one run, on whatever machine runs it:
  1. render only, readback only, encode only (libx264 medium crf 23 yuv420p, fed from memory)
     and PNG encode only: milliseconds per frame, each measured alone;
  2. the bound for export on a machine where render and encode share the CPU:
     one frame per (render + readback + encode);
  3. export fps inside one process (render -> readback -> sink), to mp4 and to PNG, and the
     fraction of the bound reached;
  4. whole processes, start to finished file: `visuals render` to mp4 and to PNG, `visuals still`
     of one 640x360 frame, and the plain moderngl loop (benchmarks/peer_plain_loop.py) as the
     baseline peer measured at the same moment.
Every figure is the median of --runs runs.

usage: python benchmarks/export.py [--frames 120] [--size 1280x720] [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from _timing import median_time, timed  # noqa: E402
from visuals.perform.clock import FixedClock  # noqa: E402
from visuals.output.export import FrameRange, ShowSource, render_frames  # noqa: E402
from visuals.render.gpu import create_headless_context, is_software_renderer  # noqa: E402
from visuals.load.paths import SearchPath  # noqa: E402
from visuals.output.pngio import encode_png, gl_rows_to_image  # noqa: E402
from visuals.load.registry import Registry  # noqa: E402
from visuals.render.renderer import RenderConfig, Renderer  # noqa: E402
from visuals.output.sinks import NullSink, PngSequenceSink, ThreadedSink, VideoSink, ffmpeg_exe  # noqa: E402

BENCH = Path(os.environ.get("VISUALS_BENCH_FRAG") or Path(__file__).resolve().parent / "bench.frag")


def median_of(runs: int, fn) -> float:
    return statistics.median(fn() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    n = args.frames
    registry = Registry(SearchPath.build([]))
    show = registry.show(str(BENCH))
    config = RenderConfig(size=(w, h), fps=Fraction(30))
    ctx = create_headless_context()
    clock = FixedClock(30)
    print(f"renderer: {ctx.info['GL_RENDERER']}; {n} frames of bench.frag at {w}x{h}; medians of {args.runs} runs")

    renderer = Renderer(ctx, show, registry, config)
    renderer.render(clock.frame(0))
    ctx.finish()

    def render_only():
        for i in range(n):
            renderer.render(clock.frame(i))
            ctx.finish()   # llvmpipe drops covered draws that nobody waits for

    def readback_only():
        for _ in range(n):
            renderer.read_rgb()

    frames = []
    for i in range(n):
        renderer.render(clock.frame(i))
        frames.append(renderer.read_rgb())

    def encode_only():
        proc = subprocess.Popen([ffmpeg_exe(), "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
                                 "-s", f"{w}x{h}", "-framerate", "30", "-i", "-", "-vf", "vflip",
                                 "-c:v", "libx264", "-preset", "medium", "-crf", "23", "-pix_fmt", "yuv420p",
                                 "-f", "mp4", str(Path(tempfile.gettempdir()) / "visuals-bench-encode.mp4")],
                                stdin=subprocess.PIPE)
        for f in frames:
            proc.stdin.write(f)
        proc.stdin.close()
        proc.wait()

    def png_only():
        for f in frames[:max(1, n // 4)]:
            encode_png(gl_rows_to_image(f, (w, h)))

    t_render = median_time(render_only, args.runs) / n
    t_read = median_time(readback_only, args.runs) / n
    t_encode = median_time(encode_only, args.runs) / n
    t_png = median_time(png_only, args.runs) / max(1, n // 4)
    renderer.release()
    bound = 1.0 / (t_render + t_read + t_encode)
    print(f"render only      {t_render * 1000:7.2f} ms/frame  ({1 / t_render:6.1f} fps)")
    print(f"readback only    {t_read * 1000:7.2f} ms/frame")
    print(f"x264 encode only {t_encode * 1000:7.2f} ms/frame  (medium, crf 23, yuv420p)")
    print(f"PNG encode only  {t_png * 1000:7.2f} ms/frame  (one thread)")
    print(f"bound for mp4 export: {bound:6.1f} fps  = 1 / (render + readback + encode)")

    tmp = Path(tempfile.mkdtemp(prefix="visuals-bench-"))
    try:
        def export_mp4():
            sink = ThreadedSink(VideoSink(tmp / "x.mp4", (w, h), Fraction(30), "mp4", crf=23, preset="medium",
                                          gpu_yuv=not is_software_renderer(ctx)))   # as visuals render chooses
            return timed(lambda: render_frames(ctx, ShowSource(ctx, show, registry, config), config, FrameRange(0, n), sink))

        def export_png():
            sink = PngSequenceSink(tmp / "png", (w, h))
            return timed(lambda: render_frames(ctx, ShowSource(ctx, show, registry, config), config, FrameRange(0, n), sink))

        def export_null():
            return timed(lambda: render_frames(ctx, ShowSource(ctx, show, registry, config), config, FrameRange(0, n), NullSink((w, h))))

        e_mp4 = n / median_of(args.runs, export_mp4)
        e_png = n / median_of(args.runs, export_png)
        e_null = n / median_of(args.runs, export_null)
        print(f"export to mp4    {e_mp4:6.1f} fps  = {e_mp4 / bound * 100:5.1f}% of the bound")
        print(f"export to PNG    {e_png:6.1f} fps")
        print(f"render + readback into a null sink {e_null:6.1f} fps")

        visuals = [sys.executable, "-m", "visuals"]
        common = ["--frames", f"0:{n}", "--size", f"{w}x{h}", "--quiet"]

        # Whole processes run as an installed package runs: with its bytecode cached (pip
        # compiles it at install time).  A shell with PYTHONDONTWRITEBYTECODE set would otherwise
        # recompile every module on every start (measured: `visuals still` 0.52 s against 0.42 s).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "visuals")], check=True,
                       env=env, capture_output=True)

        def proc(cmd) -> float:
            return timed(lambda: subprocess.run(cmd, check=True, cwd=tmp, capture_output=True, env=env))

        p_mp4 = median_of(args.runs, lambda: proc(visuals + ["render", str(BENCH), *common, "--crf", "23",
                                                              "--out", "v.mp4"]))
        p_png = median_of(args.runs, lambda: proc(visuals + ["render", str(BENCH), *common, "--format", "png",
                                                              "--out", "vpng"]))
        p_still = median_of(max(args.runs, 5), lambda: proc(visuals + ["still", str(BENCH), "--at", "1",
                                                                      "--size", "640x360", "--out", "s.png"]))
        peer = [sys.executable, str(HERE / "peer_plain_loop.py")]
        q_mp4 = median_of(args.runs, lambda: proc(peer + ["mp4", "p.mp4", str(n), f"{w}x{h}"]))
        q_png = median_of(args.runs, lambda: proc(peer + ["png", "ppng", str(n), f"{w}x{h}"]))
        print("whole processes (start to finished file):")
        print(f"  visuals render mp4  {p_mp4:6.2f} s   plain moderngl loop {q_mp4:6.2f} s   ratio {p_mp4 / q_mp4:.2f}")
        print(f"  visuals render png  {p_png:6.2f} s   plain moderngl loop {q_png:6.2f} s   ratio {p_png / q_png:.2f}")
        print(f"  visuals still 640x360 {p_still:5.2f} s")
        print("peers measured in ENVIRONMENT.md on the reference machine, where the plain loop took 3.5 s (mp4) "
              "and 12 s (png): moderngl-window 4.4 s mp4 / 12 s png, manim 4.9 s / 12.5 s, glslViewer 12 s / 7.3 s; "
              "goals: mp4 <= 0.85 x 4.4 s, png <= 0.6 x 7.9 s, still < 0.5 s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
