"""MIDI control latency: from a CC leaving a controller to its control event on the bus, and on
screen in ``visuals live``.

1. In one process: a stand-in controller (a virtual MIDI output through JACK) sends CCs, paced,
   to a ``MidiInput``; each CC's latency is the time from ``send`` to its event being posted on
   the bus (both read from ``time.perf_counter``).  Then a sweep of all 128 values (paced at
   1 ms) and a burst of 1000 unpaced CCs: how many arrive, and whether the last value (the final
   state) does.
2. With ``--live``: ``visuals live demo --midi all --status FILE`` runs on a virtual X display
   (Xvfb is started when DISPLAY is unset) while this process sends CCs; its status file reports
   ``control_latency_ms_median`` / ``_max``: from the event's arrival on the bus to the swap of
   the first frame that shows it.  The live loop applies bus events at the start of the next
   frame, so that figure is the wait for the next frame plus one frame's render.

A JACK server (dummy driver) is needed: the one named by JACK_DEFAULT_SERVER when it runs,
otherwise one is started for the run (``jackd -S --no-realtime -d dummy -r 48000 -p 256``)
and stopped at the end.  ``--async`` starts it without -S, to compare.

usage: python benchmarks/midi_latency.py [--count 500] [--pace-ms 2] [--live] [--live-seconds 8]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

JACK_BACKEND = "mido.backends.rtmidi/UNIX_JACK"
MAPPING = '[[cc]]\ncc = 7\nparam = "tide.speed"\n\n[[note]]\nnote = 36\naction = "touch"\n'


def jack_running() -> bool:
    try:
        out = subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.strip() == "running"


def start_jack(sync: bool) -> subprocess.Popen | None:
    """A private JACK server unless one named by JACK_DEFAULT_SERVER is running."""
    os.environ.setdefault("JACK_NO_AUDIO_RESERVATION", "1")
    os.environ["MIDO_BACKEND"] = JACK_BACKEND
    if os.environ.get("JACK_DEFAULT_SERVER") and jack_running():
        return None
    if not shutil.which("jackd"):
        sys.exit("midi_latency: jackd is not installed (apt install jackd2)")
    os.environ["JACK_DEFAULT_SERVER"] = f"visuals-bench-{os.getpid()}"
    args = ["jackd", *(["-S"] if sync else []), "--no-realtime", "-d", "dummy", "-r", "48000", "-p", "256"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if subprocess.run(["jack_wait", "-w", "-t", "15"], capture_output=True).returncode != 0:
        proc.kill()
        sys.exit("midi_latency: jackd did not start")
    return proc


def stats(values_ms: list[float]) -> str:
    if not values_ms:
        return "none"
    ordered = sorted(values_ms)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return f"median {statistics.median(ordered):.2f} ms, p99 {p99:.2f} ms, max {ordered[-1]:.2f} ms"


def in_process(count: int, pace: float) -> dict:
    import mido
    from visuals.controls.base import ControlContext
    from visuals.controls.events import ControlBus
    from visuals.controls.midi.mapping import MidiMapping
    from visuals.controls.midi.input import MidiInput
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry

    registry = Registry(SearchPath.build([]))
    client = f"bench-ctl-{os.getpid()}"
    out = mido.Backend(JACK_BACKEND).open_output("out", client_name=client)
    bus = ControlBus()
    midi = MidiInput([client], MidiMapping.loads(MAPPING, "bench.toml", registry))
    midi.start(ControlContext(bus=bus, registry=registry, show=lambda: None))
    results: dict = {}
    try:
        # Let the connection settle: wait until a message gets through.
        deadline = time.perf_counter() + 5
        while midi.messages == 0 and time.perf_counter() < deadline:
            out.send(mido.Message("note_off", channel=15, note=0))
            time.sleep(0.01)
        time.sleep(0.05)
        bus.drain()

        sent = []
        for i in range(count):
            t = time.perf_counter()
            out.send(mido.Message("control_change", control=7, value=i % 128))
            sent.append(t)
            while time.perf_counter() < t + pace:
                time.sleep(pace / 4)
        time.sleep(0.3)
        arrived = [when for _, when in bus.drain()]
        latencies = [(a - s) * 1000 for s, a in zip(sent, arrived)]
        results["paced"] = {"sent": count, "arrived": len(arrived), "pace_ms": pace * 1000,
                            "median_ms": statistics.median(latencies) if latencies else None,
                            "max_ms": max(latencies) if latencies else None, "summary": stats(latencies)}

        for label, n, step in (("sweep", 128, 0.001), ("burst", 1000, 0.0)):
            for i in range(n):
                out.send(mido.Message("control_change", control=7, value=i % 128 if label == "burst" else i))
                if step:
                    time.sleep(step)
            time.sleep(0.5)
            events = [e for e, _ in bus.drain()]
            last_value = (n - 1) % 128
            expected = 4.0 * last_value / 127
            results[label] = {"sent": n, "arrived": len(events),
                              "final_state_kept": bool(events) and abs(events[-1].value - expected) < 1e-9}
    finally:
        midi.stop()
        out.close()
    return results


def free_display() -> int:
    for n in range(90, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            return n
    raise RuntimeError("no free X display number")


def live(seconds: float, pace: float, size: str) -> dict:
    import mido
    env = dict(os.environ, PYGLFW_LIBRARY_VARIANT="x11")
    xvfb = None
    if not env.get("DISPLAY"):
        if not shutil.which("Xvfb"):
            return {"skipped": "no DISPLAY and no Xvfb"}
        n = free_display()
        xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                break
            time.sleep(0.05)
        env["DISPLAY"] = f":{n}"
    folder = Path(tempfile.mkdtemp(prefix="visuals-midi-bench-"))
    mapping = folder / "bench.toml"
    mapping.write_text(MAPPING)
    status = folder / "status.json"
    out = mido.Backend(JACK_BACKEND).open_output("out", client_name=f"bench-live-{os.getpid()}")
    log = (folder / "live.log").open("w")
    player = subprocess.Popen([sys.executable, "-m", "visuals", "live", "demo", "--size", size, "--midi", "all",
                               "--mapping", str(mapping), "--status", str(status), "--no-record"],
                              env=env, stdout=log, stderr=log)
    result: dict = {}
    try:
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline and player.poll() is None:   # window up, MIDI open
            if status.exists():
                try:
                    data = json.loads(status.read_text())
                except ValueError:
                    data = {}
                if data.get("frame", 0) > 10 and any("bench-live" in i for i in data.get("inputs", [])):
                    break
            time.sleep(0.1)
        t_end = time.perf_counter() + seconds
        i = sent = 0
        while time.perf_counter() < t_end and player.poll() is None:
            out.send(mido.Message("control_change", control=7, value=i % 128))
            sent += 1
            i += 1
            time.sleep(pace)
        time.sleep(0.5)
        data = json.loads(status.read_text()) if status.exists() else {}
        result = {k: data.get(k) for k in ("fps", "frame_ms_median", "control_latency_ms_median",
                                           "control_latency_ms_max", "controls_applied", "inputs", "render_size")}
        result["sent"] = sent
        if data.get("frame_ms_median") and data.get("control_latency_ms_median") is not None:
            result["latency_in_frames_median"] = data["control_latency_ms_median"] / data["frame_ms_median"]
            result["latency_in_frames_max"] = data["control_latency_ms_max"] / data["frame_ms_median"]
    finally:
        player.terminate()
        try:
            player.wait(timeout=20)
        except subprocess.TimeoutExpired:
            player.kill()
            player.wait()
        log.close()
        if not result.get("fps"):
            result["error"] = (folder / "live.log").read_text().strip().splitlines()[-3:]
        out.close()
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=500, help="paced CCs for the latency figures")
    parser.add_argument("--pace-ms", type=float, default=2.0, help="milliseconds between paced CCs")
    parser.add_argument("--live", action="store_true", help="also measure 'visuals live --midi all' on Xvfb")
    parser.add_argument("--live-seconds", type=float, default=8.0)
    parser.add_argument("--size", default="640x360", help="live window size")
    parser.add_argument("--async", dest="sync", action="store_false",
                        help="start jackd in its default asynchronous mode (not -S)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    jack = start_jack(args.sync)
    try:
        results = {"jack": "private, " + ("-S (synchronous)" if args.sync else "asynchronous")
                   if jack else f"running server '{os.environ.get('JACK_DEFAULT_SERVER')}'"}
        results.update(in_process(args.count, args.pace_ms / 1000))
        if args.live:
            results["live"] = live(args.live_seconds, 0.02, args.size)
    finally:
        if jack is not None:
            jack.terminate()
            jack.wait(timeout=10)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"JACK: {results['jack']}")
    p = results["paced"]
    print(f"CC to bus, {p['sent']} CCs every {p['pace_ms']:g} ms: {p['arrived']} arrived; {p['summary']}")
    for label in ("sweep", "burst"):
        r = results[label]
        what = "sweep of 128 values, 1 ms apart" if label == "sweep" else "burst of 1000, unpaced"
        print(f"{what}: {r['arrived']}/{r['sent']} arrived, final state "
              f"{'kept' if r['final_state_kept'] else 'LOST'}")
    if "live" in results:
        r = results["live"]
        if "skipped" in r or "error" in r:
            print(f"visuals live: {r}")
        else:
            print(f"visuals live --midi all ({r['render_size']}, {r['fps']:.1f} fps, frame "
                  f"{r['frame_ms_median']:.1f} ms): bus to shown frame median "
                  f"{r['control_latency_ms_median']:.1f} ms, max {r['control_latency_ms_max']:.1f} ms "
                  f"({r['latency_in_frames_median']:.2f} / {r['latency_in_frames_max']:.2f} frame intervals); "
                  f"{r['controls_applied']} of {r['sent']} CCs applied")


if __name__ == "__main__":
    main()
