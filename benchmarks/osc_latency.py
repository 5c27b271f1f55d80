"""OSC control latency and a 1000-message burst against a running `visuals live` window.

For each window size: start `visuals live SHOW --osc 127.0.0.1:PORT --status FILE` (on $DISPLAY,
or on an Xvfb started here when DISPLAY is unset), send N messages to one parameter paced over
a few seconds (at random phases against the frames), then read the status file: the live loop
measures each control event from its arrival on the bus to the end of the swap that shows it.
The latency is printed in ms and in frames (latency / median frame time).

Then the burst: 1000 messages to one parameter as fast as one socket sends them; it reports how
many the server received (its describe line), whether the final value is the one shown, and the
frame times around the burst.

usage: python benchmarks/osc_latency.py [--messages 200] [--seconds 4] [--size 160x90 --size 1280x720]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.udp_client import SimpleUDPClient

ROOT = Path(__file__).resolve().parent.parent


def start_display() -> tuple[dict, subprocess.Popen | None]:
    env = dict(os.environ, PYGLFW_LIBRARY_VARIANT="x11")
    if env.get("DISPLAY"):
        return env, None
    if not shutil.which("Xvfb"):
        sys.exit("no DISPLAY and no Xvfb (apt install xvfb)")
    n = next(n for n in range(90, 200) if not os.path.exists(f"/tmp/.X11-unix/X{n}")
             and not os.path.exists(f"/tmp/.X{n}-lock"))
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{n}") and time.time() < deadline:
        time.sleep(0.05)
    env["DISPLAY"] = f":{n}"
    return env, proc


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Player:
    def __init__(self, env: dict, folder: Path, show: str, size: str, port: int):
        self.status_path = folder / "status.json"
        self.proc = subprocess.Popen([sys.executable, "-m", "visuals", "live", show, "--osc", f"127.0.0.1:{port}",
                                      "--status", str(self.status_path), "--no-hud", "--size", size, "--no-record"],
                                     env=env, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def status(self) -> dict | None:
        try:
            return json.loads(self.status_path.read_text())
        except (OSError, ValueError):
            return None

    def wait_for(self, predicate, timeout: float = 60.0) -> dict:
        deadline = time.time() + timeout
        status = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"visuals live exited {self.proc.returncode}: {self.proc.stderr.read()}")
            status = self.status()
            if status is not None and predicate(status):
                return status
            time.sleep(0.05)
        raise SystemExit(f"timed out; last status: {status}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def osc_counts(status: dict) -> tuple[int, int]:
    for line in status["inputs"]:
        found = re.match(r"OSC .*: (\d+) messages, (\d+) rejected", line)
        if found:
            return int(found.group(1)), int(found.group(2))
    raise SystemExit(f"no OSC input in the status: {status['inputs']}")


def run(env: dict, show: str, size: str, messages: int, seconds: float, burst: int) -> None:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        player = Player(env, Path(tmp), show, size, port)
        try:
            player.wait_for(lambda s: s["frame"] > 30 and s["frame_ms_median"])
            client = SimpleUDPClient("127.0.0.1", port)
            rng = random.Random(1)
            gap = seconds / messages
            for i in range(messages):
                client.send_message("/visuals/tide/pulse", rng.random())
                time.sleep(gap * (0.5 + rng.random()))      # random phase against the frames
            status = player.wait_for(lambda s: s["controls_applied"] >= messages)
            frame_ms = status["frame_ms_median"]
            median, worst = status["control_latency_ms_median"], status["control_latency_ms_max"]
            print(f"{size:>9s}  frame {frame_ms:6.2f} ms ({status['fps']:5.1f} fps)  "
                  f"{status['controls_applied']} paced messages: latency median {median:6.2f} ms "
                  f"= {median / frame_ms:4.2f} frames, max {worst:6.2f} ms = {worst / frame_ms:4.2f} frames")
            wait = re.search(r"socket wait .*", " ".join(status["inputs"]))
            if wait:      # before the bus stamp: time the datagram waited for the server thread (the GIL)
                print(f"{'':>9s}  {wait.group(0)} (kernel arrival to the server thread, not in the latency above)")

            before, _ = osc_counts(status)
            final = 3.25
            values = [4.0 * i / (burst - 1) for i in range(burst - 1)] + [final]
            datagrams = []
            for value in values:
                builder = OscMessageBuilder("/visuals/tide/speed")
                builder.add_arg(value)
                datagrams.append(builder.build().dgram)
            raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            started = time.perf_counter()
            for data in datagrams:
                raw.sendto(data, ("127.0.0.1", port))
            sent_ms = (time.perf_counter() - started) * 1000
            raw.close()
            deadline = time.time() + 10
            status = player.status()
            while time.time() < deadline:
                status = player.status() or status
                if status and osc_counts(status)[0] - before >= burst \
                        and status["overrides"].get("tide", {}).get("speed") == final:
                    break
                time.sleep(0.05)
            time.sleep(0.3)
            status = player.status() or status
            received = osc_counts(status)[0] - before
            shown = status["overrides"].get("tide", {}).get("speed")
            print(f"{'':>9s}  burst of {burst} sent in {sent_ms:.1f} ms: {received} received, "
                  f"final value {'shown' if shown == final else f'NOT shown ({shown})'}; "
                  f"frame p99 {status['frame_ms_p99']:.2f} ms, latency max {status['control_latency_ms_max']:.2f} ms")
        finally:
            player.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", default="demo")
    parser.add_argument("--messages", type=int, default=200, help="paced messages (default 200)")
    parser.add_argument("--seconds", type=float, default=4.0, help="over this many seconds (default 4)")
    parser.add_argument("--burst", type=int, default=1000, help="messages in the burst (default 1000)")
    parser.add_argument("--size", action="append", help="window size, repeatable (default 160x90 and 1280x720)")
    args = parser.parse_args()
    env, xvfb = start_display()
    try:
        os.chdir(ROOT)
        print(f"python {sys.version.split()[0]}, display {env['DISPLAY']}{' (Xvfb started here)' if xvfb else ''}")
        for size in args.size or ["160x90", "1280x720"]:
            run(env, args.show, size, args.messages, args.seconds, args.burst)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)


if __name__ == "__main__":
    main()
