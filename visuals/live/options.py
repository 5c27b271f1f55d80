"""What ``visuals live`` was asked for: the command line's options, as the player reads them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from visuals.load.paths import SearchPath
from visuals.load.probe import module_timeout


@dataclass
class LiveOptions:
    show: str
    search: SearchPath
    size: tuple[int, int] = (1280, 720)
    scale: float = 1.0
    adaptive: float | None = None          # target fps for the adaptive render scale
    fullscreen: bool = False
    monitor: int = 0
    vsync: bool = True
    keymap: Path | None = None
    start: float = 0.0
    paused: bool = False
    loop: bool = True
    hud: bool = True
    status: Path | None = None              # JSON status file (for scripts and tests)
    screenshots: Path = Path("renders")
    record: Path | None = None             # the set file every control event goes into
    inputs: tuple = ()                     # control inputs (OSC server, MIDI ports)
    deck_b: str | None = None              # a show or scene on deck B
    presets: Path | None = None            # the presets file (saved and recalled by name or key)
    dump: Path | None = None               # save every dump_every-th rendered frame (to check replays)
    dump_every: int = 10
    max_frames: int | None = None
    module_timeout: float = field(default_factory=module_timeout)   # s a scene module may take to load
    audio_in: str | None = None            # a sound input device the scenes hear (name or index)
    mute: bool = False                     # do not play the show's score
    prebake: bool = True                   # bake every bake pass before the show (Renderer.warm_up)
