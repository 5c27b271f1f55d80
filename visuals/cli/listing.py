"""The commands that print what there is: shows, scenes, effects and transitions (``list``),
OSC addresses (``osc --list``), MIDI inputs (``midi --list``), sound inputs (``audio --list``)."""
from __future__ import annotations

import sys

from .shows import _registry


def cmd_list(args) -> int:
    from visuals.load.transitions import known_transitions
    registry = _registry(args)
    registry.load_all()
    out = sys.stdout
    if args.what in (None, "shows"):
        out.write("Shows:\n")
        for show in sorted(registry.shows.values(), key=lambda s: s.name):
            out.write(f"  {show.name:16s} {show.duration:7.1f} s  {len(show.cues):3d} cues  {show.description}\n")
    from visuals.model.post import PostEffect
    groups = [("scenes", "Scenes", lambda s: not isinstance(s, PostEffect)),
              ("effects", "Post effects", lambda s: isinstance(s, PostEffect))]
    for key, title, wanted in groups:
        if args.what not in (None, key):
            continue
        out.write(f"{title}:\n")
        for scene in sorted((s for s in registry.scenes.values() if wanted(s)), key=lambda s: s.name):
            out.write(f"  {scene.name:16s} {scene.description}\n")
            for p in scene.params:
                out.write(f"      {p.name:16s} {p.kind:5s} {p.format(p.default):>22s}  "
                          f"{p.describe_range().strip():18s} {p.description}\n")
    if args.what in (None, "transitions"):
        out.write("Transitions:\n")
        for name in known_transitions(registry.search):
            out.write(f"  {name}\n")
    for path, err in registry.failures.items():
        sys.stderr.write(f"visuals: warning: {err}\n")
    return 0


def cmd_osc(args) -> int:
    from visuals.controls.osc.addresses import address_space
    registry = _registry(args)
    registry.load_all()
    show = registry.show(args.show) if args.show else None
    for address, types, description in address_space(registry, show):
        print(f"{address:44s} {types:10s} {description}")
    return 0


def cmd_midi(args) -> int:
    from visuals.controls.midi.ports import list_devices
    names, backend = list_devices()
    print(f"MIDI inputs ({backend}):")
    for name in names:
        print(f"  {name}")
    if not names:
        print("  (none)")
    return 0


def cmd_audio(args) -> int:
    from visuals.audio.live_input import list_inputs
    devices, note = list_inputs()
    print("Sound inputs (for visuals live --audio-in NAME or INDEX):")
    for index, name, channels, rate in devices:
        print(f"  {index:3d}  {name}  ({channels} ch, {rate:g} Hz)")
    if not devices:
        print(f"  (none: {note})")
    return 0
