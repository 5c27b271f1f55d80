"""The sinks' write path alone, without rendering: what writing frames safely costs.

Feeds the same synthetic frames (smooth gradients with a moving pattern, about as
compressible as rendered art) to the PNG sequence sink, to the mp4 sink, and to a still, and
prints milliseconds per frame: the fastest of --runs runs (on a machine shared with other
work the fastest run is the one least disturbed by it).  Run it before and after a change to
visuals/output/sinks.py or visuals/output/safe_output.py on the same machine to compare.

usage: python benchmarks/sink_write.py [--frames 60] [--size 1280x720] [--runs 3]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _timing import timed  # noqa: E402
from visuals.output.sinks import PngSequenceSink, ThreadedSink, VideoSink  # noqa: E402
from visuals.output.stills import write_png  # noqa: E402

try:
    from visuals.output.safe_output import write_file  # noqa: E402
except ImportError:     # a checkout from before safe_output.py, to compare against
    write_file = None


def synthetic_frames(n: int, w: int, h: int) -> list[bytes]:
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    frames = []
    for i in range(n):
        r = 127 + 120 * np.sin(x / 37.0 + i * 0.2)
        g = 127 + 120 * np.cos(y / 23.0 - i * 0.1)
        b = 127 + 120 * np.sin((x + y) / 51.0 + i * 0.3)
        frames.append(np.dstack([r, g, b]).astype(np.uint8).tobytes())
    return frames


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.lower().split("x"))
    n = args.frames
    frames = synthetic_frames(n, w, h)
    tmp = Path(tempfile.mkdtemp(prefix="visuals-sink-bench-"))
    try:
        def png_sequence():
            sink = PngSequenceSink(tmp / "png", (w, h))
            for i, f in enumerate(frames):
                sink.write(i, f)
            sink.finish()

        def mp4():
            sink = ThreadedSink(VideoSink(tmp / "x.mp4", (w, h), Fraction(30), "mp4", crf=23, preset="ultrafast",
                                          gpu_yuv=False))
            for i, f in enumerate(frames):
                sink.write(i, f)
            sink.finish()

        def stills():
            for i, f in enumerate(frames[:10]):
                write_png(tmp / "still.png", f, (w, h))

        png_ms = min(timed(png_sequence) for _ in range(args.runs)) / n * 1000
        mp4_ms = min(timed(mp4) for _ in range(args.runs)) / n * 1000
        still_ms = min(timed(stills) for _ in range(args.runs)) / 10 * 1000
        print(f"{n} frames at {w}x{h}, fastest of {args.runs} runs")
        print(f"PNG sequence   {png_ms:7.2f} ms/frame")
        print(f"mp4 (ultrafast){mp4_ms:7.2f} ms/frame  (whole file, rename included)")
        print(f"still PNG      {still_ms:7.2f} ms/still (one file replaced each time)")
        if write_file is not None:
            # The rules' own cost on one frame's bytes: lstat, O_EXCL open, lstat, rename.
            payload = (tmp / "png" / "frame_000000.png").read_bytes()

            def per_call(fn, count=200) -> float:
                times = sorted(timed(lambda: fn(i)) for i in range(count))
                return times[count // 10] * 1e6        # the 10th percentile: least disturbed
            plain = per_call(lambda i: (tmp / f"plain{i % 20}.png").write_bytes(payload))
            safe = per_call(lambda i: write_file(tmp / f"safe{i % 20}.png", payload, durable=False,
                                                 make_folders=False))
            durable = per_call(lambda i: write_file(tmp / f"sync{i % 20}.png", payload), 40)
            print(f"one {len(payload) // 1000} KB file: Path.write_bytes {plain:5.0f} us, safe_output.write_file "
                  f"{safe:5.0f} us, with fsync (stills, sheets, videos) {durable:5.0f} us")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
