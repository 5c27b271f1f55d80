"""How long the largest accepted mapping, presets and key map files take to load.

Each is written just under the 1 MiB limit (visuals/load/textfile.py SETTINGS_LIMIT) into a
temporary folder: a MIDI mapping of ~20 000 [[cc]] bindings, a preset of ~40 000 values, a
key map binding one action to ~200 000 keys.  Prints the CPU seconds of each load (finding
the lines of bindings was quadratic: the mapping took 43 s before it was made linear).

usage: python benchmarks/settings_files.py
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from visuals.controls.keyboard import KeyMap
from visuals.controls.midi.mapping import MidiMapping
from visuals.load.paths import SearchPath
from visuals.perform.presets import PresetStore
from visuals.load.registry import Registry
from visuals.load.textfile import SETTINGS_LIMIT


def fill(unit, limit: int = SETTINGS_LIMIT - 1024) -> tuple[str, int]:
    parts, size, n = [], 0, 0
    while True:
        part = unit(n)
        if size + len(part) > limit:
            return "".join(parts), n
        parts.append(part)
        size += len(part)
        n += 1


def main() -> None:
    registry = Registry(SearchPath.build([]))
    mapping, bindings = fill(lambda n: f'[[cc]]\ncc = {n % 128}\nchannel = {n % 16 + 1}\nparam = "tide.speed"\n\n')
    presets, values = fill(lambda n: f"s{n}.p{n} = 0.5\n")
    keys, chords = fill(lambda n: '"s", ')
    cases = [
        (f"mapping, {bindings} bindings, checked against the scenes", mapping,
         lambda p: MidiMapping.load(p, registry)),
        (f"presets, {values} values", "[presets.big]\n" + presets, PresetStore),
        (f"key map, {chords} keys", '[keys]\nscreenshot = [' + keys + '"s"]\n', KeyMap.load),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for label, text, load in cases:
            path = Path(folder) / "file.toml"
            path.write_text(text)
            started = time.process_time()
            load(path)
            print(f"{label} ({path.stat().st_size / 2**20:.2f} MiB): {time.process_time() - started:.2f} s of CPU")


if __name__ == "__main__":
    main()
