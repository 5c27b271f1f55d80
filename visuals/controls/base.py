"""What a control input (OSC server, MIDI ports) gets from the live player, and gives back.

An input runs on its own thread or polls, turns what arrives into control events and posts
them on the bus; the live loop applies them at the start of the next frame.  Inputs never
touch the renderer, so nothing they receive (a malformed packet, an unplugged controller)
can stop the show: they report trouble through ``notify``, which puts it on the HUD.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from visuals.load.registry import Registry
from visuals.model.show import Show
from .events import ControlBus


@dataclass
class ControlContext:
    bus: ControlBus
    registry: Registry
    show: Callable[[], Show]                       # the show playing now (it may be reloaded)
    notify: Callable[[str], None] = lambda message: None
    # the parameter selected for MIDI learn, as (scene, param), or None when not learning
    learn_target: Callable[[], tuple[str, str] | None] = lambda: None
    # the value a parameter shows now (for relative encoders and soft takeover)
    current_value: Callable[[str, str], Any] = lambda scene, param: None
    crossfade: Callable[[], float] = lambda: 0.0


class ControlInput(Protocol):
    name: str

    def start(self, context: ControlContext) -> None: ...

    def poll(self, now: float) -> None:
        """Called once per frame on the render thread (hot-plug checks, timeouts)."""

    def stop(self) -> None: ...

    def describe(self) -> str:
        """One line for the HUD: what is connected."""
