"""The whole `visuals render` process against an older checkout of the engine, in one run.

An engine change (a restructure, a new driver) can only be judged against the old engine
measured at the same moment: this machine's speed drifts with other tenants.  Both checkouts
render the same frames of the same show as whole processes, taking turns A B B A ..., each
timed by the wall clock and by the CPU time of the process and its children (ffmpeg,
llvmpipe's threads), which other tenants' load barely moves.  Prints each side's medians and
the ratios new / old (below 1: the working tree is faster).

usage: python benchmarks/engine_ab.py --base DIR [--show demo] [--frames 0:120] [--size 1280x720]
                                      [--format mp4] [--rounds 4]
(DIR holds an older checkout's whole tree, e.g. ``git archive 9a58228 | tar -x -C DIR``.)
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render_once(tree: Path, args, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `visuals render` run from checkout ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cmd = [sys.executable, "-m", "visuals", "render", args.show, "--frames", args.frames, "--size", args.size,
           "--out", str(out), "--quiet", "--mute"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=tree, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="folder holding the older checkout")
    parser.add_argument("--show", default="demo")
    parser.add_argument("--frames", default="0:120")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--format", default="mp4", choices=["mp4", "mov", "png"])
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    trees = {"old": Path(args.base).resolve(), "new": ROOT}
    times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
    one, _, _ = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        suffix = "" if args.format == "png" else f".{args.format}"
        for side in ("old", "new"):                 # warm both (imports, shader caches)
            render_once(trees[side], args, Path(tmp) / f"warm{suffix}")
        for r in range(args.rounds):
            for side in (("old", "new") if r % 2 == 0 else ("new", "old")):
                times[side].append(render_once(trees[side], args, Path(tmp) / f"{side}{r}{suffix}"))
    end, _, _ = os.getloadavg()
    med = {side: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for side, v in times.items()}
    print(f"`visuals render {args.show} --frames {args.frames} --size {args.size}` to {args.format}, "
          f"{args.rounds} rounds A B B A; load average {one:.2f} -> {end:.2f} on {os.cpu_count()} cores")
    print("| checkout | wall (median) | CPU (median) |\n|---|---|---|")
    for side in ("old", "new"):
        print(f"| {side} ({trees[side]}) | {med[side][0]:.2f} s | {med[side][1]:.2f} s |")
    print(f"| new / old | x{med['new'][0] / med['old'][0]:.3f} | x{med['new'][1] / med['old'][1]:.3f} |")


if __name__ == "__main__":
    main()
