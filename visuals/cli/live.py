"""``visuals live``: the options of a live set turned into a LivePlayer and run."""
from __future__ import annotations

import time
from pathlib import Path

from visuals.errors import VisualsError
from .arguments import _slug, parse_size, parse_time
from .shows import _default_show


def cmd_live(args) -> int:
    if args.keys:
        from visuals.controls.keyboard import KeyMap
        print(KeyMap.defaults().describe())
        return 0
    from visuals.live.player import LiveOptions, LivePlayer
    from visuals.load.paths import SearchPath
    if not 0.0625 <= args.scale <= 2.0:
        raise VisualsError(f"--scale {args.scale} is out of range", fix="give a scale from 0.0625 to 2, e.g. 0.5")
    if args.adaptive is not None and not 1 <= args.adaptive <= 480:
        raise VisualsError(f"--adaptive {args.adaptive} is out of range", fix="give a target fps such as 30 or 60")
    search = SearchPath.build(args.path)
    name = args.show or _default_show(search)
    inputs = []
    if args.osc:
        from visuals.controls.osc.endpoint import parse_endpoint
        from visuals.controls.osc.server import OscInput
        host, port = parse_endpoint(args.osc)
        inputs.append(OscInput(host, port))
    if args.midi or args.mapping:
        from visuals.controls.midi.mapping import MidiMapping
        from visuals.controls.midi.input import MidiInput
        mapping = MidiMapping.load(args.mapping) if args.mapping and Path(args.mapping).exists() else None
        inputs.append(MidiInput(args.midi or ["all"], mapping, Path(args.mapping) if args.mapping else None))
    options = LiveOptions(show=name, search=search, size=parse_size(args.size), scale=args.scale,
                          adaptive=args.adaptive, fullscreen=args.fullscreen, monitor=args.monitor,
                          vsync=not args.no_vsync, keymap=Path(args.keymap) if args.keymap else None,
                          start=parse_time(args.start, "--start"), paused=args.paused, loop=not args.no_loop,
                          hud=not args.no_hud, status=Path(args.status) if args.status else None,
                          record=None if args.no_record else Path(
                              args.record or f"renders/sets/{_slug(name)}_{time.strftime('%Y%m%d-%H%M%S')}.jsonl"),
                          dump=Path(args.dump) if args.dump else None, max_frames=args.frames,
                          inputs=tuple(inputs), deck_b=args.deck_b, presets=Path(args.presets),
                          audio_in=args.audio_in, mute=args.mute, prebake=not args.no_prebake)
    return LivePlayer(options).run()
