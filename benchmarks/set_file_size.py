"""How large a set file an hour of dense live playing makes, and how long it takes to load.

Dense: eight parameters streamed at 60 Hz all hour (an audio analyser sending OSC into the
show), plus a touch and a trigger every second.  Writes the set with the live recorder into a
temporary folder, prints its size, then times ``RecordedSet.load`` (CPU seconds) and how far it raises peak memory; the
set file size limit (visuals/perform/recorder.py SET_LIMIT) is chosen above this.

usage: python benchmarks/set_file_size.py [--minutes 60] [--params 8] [--rate 60]
"""
from __future__ import annotations

import argparse
import tempfile
import resource
import time
from pathlib import Path

from visuals.controls.events import SetParam, TouchAt, Trigger
from visuals.perform.recorder import SET_LIMIT, RecordedSet, SetRecorder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--params", type=int, default=8)
    parser.add_argument("--rate", type=float, default=60.0, help="messages per second per parameter")
    parser.add_argument("--no-load", action="store_true", help="only measure the size")
    args = parser.parse_args()
    seconds = args.minutes * 60.0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dense.jsonl"
        recorder = SetRecorder(path, "demo", extra={"start": 0.0, "paused": False, "loop": True})
        ticks = int(seconds * args.rate)
        for i in range(ticks):
            t = i / args.rate
            for p in range(args.params):
                recorder.record(t, SetParam(scene="tide", param=f"band_{p}", value=0.123456789 * (i % 97),
                                            smoothing=0.05, source="osc"))
            if i % int(args.rate) == 0:
                recorder.record(t, TouchAt(x=0.25, y=0.75, strength=0.8, source="mouse"))
                recorder.record(t, Trigger(name="glitch", value=1.0, source="midi"))
            if i % 600 == 0:
                recorder.flush()
        recorder.close(seconds)
        size = path.stat().st_size
        events = recorder.count
        print(f"{args.minutes:g} min, {args.params} params at {args.rate:g} Hz: {events} events, "
              f"{size / 2**20:.1f} MiB ({size / max(events, 1):.0f} bytes an event); "
              f"limit {SET_LIMIT / 2**20:.0f} MiB")
        if args.no_load:
            return
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.process_time()
        loaded = RecordedSet.load(path)
        elapsed = time.process_time() - started
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(f"load: {len(loaded.events)} events in {elapsed:.1f} s of CPU, "
              f"peak memory up {grown / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
