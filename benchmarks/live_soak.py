"""A live show under attack, against the same show left alone: frame times and memory.

Two runs of `visuals live` of the same length, size and show, one after the other:

* quiet: the show plays; nothing is sent, nothing is saved.
* soak: an OSC flood on loopback (a fixed number of datagrams a second, a fixed mix of hostile
  ones -- a 30 000-byte address, 60 kB of garbage, over-long strings, bundles nested too deep,
  unknown type tags, thousands of different unknown addresses, NaN, inf, 1e308 -- and valid
  ones -- parameters, triggers, the crossfader, touches), while the files of the show's --path
  folder are saved in a cycle: the scene module touched (a reload), a module that never
  returns (the check gives up on it after VISUALS_MODULE_TIMEOUT), that module fixed, the
  scene's shader broken (it fails to compile; the last good one plays on), then fixed.

The player writes every frame interval into its status file (``frame_intervals_ms``); this
script reads the file about 30 times a second and keeps every interval once, and samples the
player's resident memory (VmRSS).  It prints one line per window (10 s by default) for each
run -- frames, median and p99 frame time, RSS -- then the whole run's figures and the ratios
soak / quiet.  Goal: frame time within 2x of the quiet run, memory flat.

usage: python benchmarks/live_soak.py [--seconds 120] [--show soak|demo|dream] [--size 320x180]
                                      [--rate 400] [--window 10] [--save-every 8]
Needs DISPLAY (an Xvfb is started when it is unset).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from osc_latency import free_port, start_display  # noqa: E402

SOAK_PY = """
    from visuals import Cue, Param, Pass, Scene, Show
    soakfill = Scene("soakfill", [Pass("soak.frag")], params=[Param("count", 6.0, 1.0, 30.0, "rings"),
                                                             Param("tint", "#ff8040", description="colour")])
    soak = Show("soak", cues=[Cue("tide", 0, 6, fade_in=0.5), Cue("soakfill", 4, 10, fade_in=2, fade_out=1)], bpm=96)
    # revision {n}
    """
ROOT = Path(__file__).resolve().parent.parent
SHADER = ROOT / "shaders" / "scenes" / "demo" / "rings.frag"      # copied into the --path folder
HANGS = "while True:\n    pass\n"
FIXED = "# fixed: nothing here\n"


def shader(n: int) -> str:
    """The demo's rings shader, with a revision comment so that each save is a change."""
    return SHADER.read_text() + f"\n// revision {n}\n"


# -- the flood -------------------------------------------------------------------------------
def _pad(data: bytes) -> bytes:
    return data + b"\0" * (4 - len(data) % 4)


def message(address: str | bytes, *args: tuple[object, str]) -> bytes:
    address = address.encode() if isinstance(address, str) else address
    tags, payload = ",", b""
    for value, tag in args:
        tags += tag
        payload += {"f": lambda v: struct.pack(">f", v), "d": lambda v: struct.pack(">d", v),
                    "i": lambda v: struct.pack(">i", v), "s": lambda v: _pad(v.encode())}[tag](value)
    return _pad(address) + _pad(tags.encode()) + payload


def bundle(*elements: bytes) -> bytes:
    return b"#bundle\0" + b"\0" * 7 + b"\1" + b"".join(struct.pack(">i", len(e)) + e for e in elements)


GARBAGE = [random.Random(n).randbytes(60000) for n in range(8)]    # made once: the sender's CPU is not the show's


def hostile(rng: random.Random, i: int) -> bytes:
    kind = i % 9
    if kind == 0:
        return message(b"/" + b"x" * 30000)
    if kind == 1:
        return GARBAGE[i % len(GARBAGE)]
    if kind == 2:
        return message("/visuals/preset", ("p" * 5000, "s"))
    if kind == 3:
        deep = message("/visuals/tide/speed", (1.0, "f"))
        for _ in range(8):
            deep = bundle(deep)
        return deep
    if kind == 4:
        return _pad(b"/visuals/tide/speed") + _pad(b",fxq") + b"\0" * 12
    if kind == 5:
        return message(f"/visuals/nowhere{i}/p{rng.randrange(10 ** 6)}", (1.0, "f"))
    if kind == 6:
        return message("/visuals/tide/speed", (float("nan"), "d"))
    if kind == 7:
        return message("/visuals/trigger/glitch", (1e308, "d"))
    return message("/visuals/tide/bands", (float("inf"), "d"))


def valid(rng: random.Random, i: int) -> bytes:
    kind = i % 5
    if kind == 0:
        return message("/visuals/tide/speed", (rng.uniform(0, 4), "f"))
    if kind == 1:
        return message("/visuals/tide/pulse", (rng.random(), "f"))
    if kind == 2:
        return message("/visuals/trigger/glitch", (rng.random(), "f"))
    if kind == 3:
        return message("/visuals/touch", (rng.random(), "f"), (rng.random(), "f"))
    return message("/visuals/soakfill/count", (rng.uniform(1, 30), "f"))


@dataclass
class Flood:
    port: int
    rate: int                       # datagrams a second
    seconds: float
    sent: int = 0
    hostile_sent: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        rng = random.Random(12)
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        start = time.monotonic()
        total = int(self.rate * self.seconds)
        while self.sent < total and not self._stop.is_set():
            due = start + self.sent / self.rate
            now = time.monotonic()
            if due > now:
                time.sleep(min(due - now, 0.05))
                continue
            bad = self.sent % 2 == 0
            data = hostile(rng, self.sent // 2) if bad else valid(rng, self.sent // 2)
            try:
                sock.sendto(data, ("127.0.0.1", self.port))
            except OSError:
                pass                # a full socket buffer drops it, as the network would
            self.sent += 1
            self.hostile_sent += bad
        sock.close()

    def stop(self) -> None:
        self._stop.set()


def saves(folder: Path, every: float, seconds: float, stop: threading.Event, log: list[str]) -> None:
    """The save cycle in the --path folder, one step every `every` seconds."""
    scenes = folder / "scenes"
    steps = [("touch soak.py (reload)", "soak.py", lambda n: textwrap.dedent(SOAK_PY).format(n=n)),
             ("save hang.py: never returns", "hang.py", lambda n: HANGS),
             ("fix hang.py", "hang.py", lambda n: FIXED),
             ("break soak.frag", "soak.frag", lambda n: shader(n) + "#error broken on purpose\n"),
             ("fix soak.frag", "soak.frag", shader)]
    start = time.monotonic()
    n = 0
    while not stop.wait(every) and time.monotonic() - start < seconds - 1:
        what, name, text = steps[n % len(steps)]
        (scenes / name).write_text(text(n))
        log.append(f"{time.monotonic() - start:6.1f} s  {what}")
        n += 1


# -- a run -----------------------------------------------------------------------------------
@dataclass
class Sample:
    t: float
    frame: int
    rss_mb: float
    cpu_s: float          # the player's CPU time so far (every thread, llvmpipe's included)


@dataclass
class Run:
    name: str
    intervals: list[tuple[float, float]] = field(default_factory=list)     # (run time, ms)
    samples: list[Sample] = field(default_factory=list)
    last: dict = field(default_factory=dict)
    load: tuple[float, float] = (math.nan, math.nan)     # the machine's 1-minute load at start and end


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return math.nan


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return math.nan


def play(env: dict, folder: Path, args, soak: bool) -> Run:
    port = free_port()
    status_path = folder / f"status_{'soak' if soak else 'quiet'}.json"
    command = [sys.executable, "-m", "visuals", "--path", str(folder / "scenes"), "live", args.show,
               "--size", args.size, "--status", str(status_path), "--no-record", "--osc", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(command, env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    run = Run("soak" if soak else "quiet")
    seen_frame = 0
    try:
        while True:                      # started: a few frames drawn
            if proc.poll() is not None:
                sys.exit(f"visuals live exited {proc.returncode}: {proc.stderr.read()}")
            status = _read(status_path)
            if status and status["frame"] > 10:
                seen_frame = status["frame"]
                break
            time.sleep(0.05)
        stop = threading.Event()
        threads, log = [], []
        flood = Flood(port, args.rate, args.seconds)
        if soak:
            threads = ([threading.Thread(target=flood.run, daemon=True)] if args.rate else []) + \
                      ([threading.Thread(target=saves, args=(folder, args.save_every, args.seconds, stop, log),
                                         daemon=True)] if args.save_every else [])
            for thread in threads:
                thread.start()
        start = time.monotonic()
        next_sample = start
        load_start = os.getloadavg()[0]
        while time.monotonic() - start < args.seconds:
            if proc.poll() is not None:
                sys.exit(f"visuals live exited {proc.returncode} during the {run.name} run: {proc.stderr.read()}")
            status = _read(status_path)
            now = time.monotonic() - start
            if status and status["frame"] > seen_frame:
                fresh = status["frame"] - seen_frame
                run.intervals += [(now, ms) for ms in status["frame_intervals_ms"][-fresh:]]
                seen_frame = status["frame"]
                run.last = status
            if time.monotonic() >= next_sample:
                run.samples.append(Sample(now, seen_frame, rss_mb(proc.pid), cpu_seconds(proc.pid)))
                next_sample += 1.0
            time.sleep(0.03)
        run.load = (load_start, os.getloadavg()[0])
        stop.set()
        flood.stop()
        for thread in threads:
            thread.join(timeout=5)
        if soak:
            print(f"soak: sent {flood.sent} datagrams ({flood.hostile_sent} hostile) at {args.rate}/s; saves:")
            for line in log:
                print(f"    {line}")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            print("the player did not stop within 10 s of Ctrl-C; killed")
    return run


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def pct(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(run: Run, window: float, seconds: float) -> dict:
    print(f"\n{run.name}: per {window:g} s window (load average {run.load[0]:.1f} at the start, "
          f"{run.load[1]:.1f} at the end, on {os.cpu_count()} cores)")
    print(f"    {'window':>11s} {'drawn':>6s} {'timed':>6s} {'median ms':>10s} {'p99 ms':>8s} {'max ms':>8s} "
          f"{'CPU ms/frame':>12s} {'RSS MB':>8s}")
    t = 0.0
    while t < seconds - 1e-6:
        ms = [v for at, v in run.intervals if t <= at < t + window]
        inside = [s for s in run.samples if t <= s.t < t + window + 1.0]
        drawn = inside[-1].frame - inside[0].frame if len(inside) > 1 else 0
        cpu = (inside[-1].cpu_s - inside[0].cpu_s) * 1000 / drawn if drawn else math.nan
        rss = max((s.rss_mb for s in inside), default=math.nan)
        print(f"    {t:5.0f}-{t + window:<4.0f}s {drawn:6d} {len(ms):6d} {pct(ms, 0.5):10.2f} {pct(ms, 0.99):8.2f} "
              f"{max(ms, default=math.nan):8.1f} {cpu:12.2f} {rss:8.1f}")
        t += window
    ms = [v for _, v in run.intervals]
    first, last = run.samples[0], run.samples[-1]
    drawn = last.frame - first.frame
    whole = {"frames": drawn, "median": pct(ms, 0.5), "p99": pct(ms, 0.99), "max": max(ms, default=math.nan),
             "cpu": (last.cpu_s - first.cpu_s) * 1000 / max(drawn, 1),
             "rss_first": first.rss_mb, "rss_last": last.rss_mb,
             "rss_max": max(s.rss_mb for s in run.samples)}
    print(f"    whole run: {drawn} frames drawn ({len(ms)} timed), median {whole['median']:.2f} ms, "
          f"p99 {whole['p99']:.2f} ms, max {whole['max']:.1f} ms, CPU {whole['cpu']:.2f} ms a frame; "
          f"RSS {whole['rss_first']:.1f} -> {whole['rss_last']:.1f} MB (max {whole['rss_max']:.1f})")
    longest = sorted(run.intervals, key=lambda item: -item[1])[:6]
    print("    longest frames: " + ", ".join(f"{ms:.0f} ms at {at:.1f} s" for at, ms in sorted(longest)))
    if run.last:
        print(f"    last status: errors {len(run.last['errors'])}, reloads {run.last['reloads']}, "
              f"module checks {run.last.get('module_checks')}, refused {run.last.get('refused')}; "
              + "; ".join(run.last["inputs"]))
    return whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="length of each run")
    parser.add_argument("--show", default="soak", help="soak (demo's tide and a scene in the --path folder), "
                                                       "demo or dream")
    parser.add_argument("--size", default="320x180")
    parser.add_argument("--rate", type=int, default=400, help="datagrams a second in the flood (half hostile); 0: no flood")
    parser.add_argument("--window", type=float, default=10.0, help="seconds per line of the curve")
    parser.add_argument("--save-every", type=float, default=8.0, help="seconds between two saves; 0: no saves")
    parser.add_argument("--module-timeout", type=float, default=3.0, help="VISUALS_MODULE_TIMEOUT for the runs")
    args = parser.parse_args()
    env, xvfb = start_display()
    env["VISUALS_MODULE_TIMEOUT"] = str(args.module_timeout)
    try:
        with tempfile.TemporaryDirectory(prefix="visuals-soak-") as tmp:
            folder = Path(tmp)
            (folder / "scenes").mkdir()
            (folder / "scenes" / "soak.py").write_text(textwrap.dedent(SOAK_PY).format(n=0))
            (folder / "scenes" / "soak.frag").write_text(shader(0))
            print(f"live soak: show {args.show} at {args.size}, {args.seconds:g} s quiet then {args.seconds:g} s "
                  f"under a flood of {args.rate} datagrams/s and saves every {args.save_every:g} s "
                  f"(module time limit {args.module_timeout:g} s); DISPLAY {env['DISPLAY']}")
            quiet = report(play(env, folder, args, soak=False), args.window, args.seconds)
            soak = report(play(env, folder, args, soak=True), args.window, args.seconds)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    print(f"\nsoak / quiet: median frame time x{soak['median'] / quiet['median']:.2f}, "
          f"p99 x{soak['p99'] / quiet['p99']:.2f}; frames drawn x{soak['frames'] / max(quiet['frames'], 1):.2f}; "
          f"CPU a frame x{soak['cpu'] / quiet['cpu']:.2f}; "
          f"RSS growth over the soak {soak['rss_last'] - soak['rss_first']:+.1f} MB "
          f"(quiet {quiet['rss_last'] - quiet['rss_first']:+.1f} MB)")


if __name__ == "__main__":
    main()
