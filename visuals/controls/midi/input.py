"""MIDI input: controllers play the show through a mapping, MIDI clock sets the tempo.

``MidiInput`` opens the MIDI inputs whose names contain one of the given strings (or all of
them) through mido, whose backend comes from ``MIDO_BACKEND`` (python-rtmidi by default;
``mido.backends.rtmidi/UNIX_JACK`` for JACK).  Each message arrives on one of rtmidi's
threads, is turned into control events through the mapping (``translate.py``) and posted
on the bus; the live loop applies them at the start of the next frame.  Nothing here touches the
renderer, and nothing that arrives (an unknown message, an unplugged controller, a JACK
server going away) can raise into the show: trouble becomes a notice on the HUD.

Threads:

* rtmidi's callback threads (one per open port): translate and post; MIDI learn edits the
  mapping in memory.  No file or device work happens there.
* a worker thread: lists devices (once a second, when ``poll`` asks), opens the new ones,
  closes the ones that disappeared (opening or closing a JACK port costs about 20 ms), and
  saves the mapping after MIDI learn.
* the render thread: ``poll`` reads the parameter selected for learn (so the MIDI threads
  never look into the player's state), hands notices to the HUD and asks for a device scan.
  It never waits for MIDI.

MIDI clock sets the tempo through ``clock.MidiClock``, one per device.
"""
from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from visuals.controls.base import ControlContext
from visuals.controls.notices import RateLimitedNotices
from visuals.errors import VisualsError
from .clock import MidiClock
from .mapping import MidiMapping
from .ports import Lister, open_backend, short_name
from .translate import MidiTranslator

SCAN_INTERVAL = 1.0          # s between looks for devices that appeared or disappeared
LEARN_SETTLE = 0.5           # s: while the learned control moves, other controls don't steal the target
IGNORED_FOR_ALL = ("midi through",)   # ALSA's loopback port is no controller


@dataclass
class _Device:
    name: str
    port: Any
    clock: MidiClock = field(default_factory=MidiClock)
    messages: int = 0


class MidiInput:
    """MIDI controllers and clock as a control input for the live player (see the module doc)."""

    name = "midi"

    def __init__(self, devices: list[str] | tuple[str, ...] = ("all",), mapping: MidiMapping | None = None,
                 mapping_path: Path | None = None, backend: str | None = None):
        self.patterns = [d for d in devices if d] or ["all"]
        self.mapping_path = Path(mapping_path) if mapping_path is not None else (mapping.path if mapping else None)
        self.mapping = mapping if mapping is not None else MidiMapping(path=self.mapping_path)
        self.backend_name = backend
        self.context: ControlContext | None = None
        self.translator: MidiTranslator | None = None
        self.devices: dict[str, _Device] = {}
        self.messages = 0
        self.posted = 0
        self._backend = None
        self._lister: Lister | None = None
        self._lock = threading.Lock()            # translator state and learn, across MIDI threads
        self._devices_lock = threading.Lock()
        self._pending: deque[str] = deque(maxlen=200)      # notices for the render thread to hand on
        self._notices = RateLimitedNotices(self._pending.append, interval=0.0)
        self._learn_target: tuple[str, str] | None = None
        self._learned: tuple[str, tuple, float] | None = None   # (target, control, last seen)
        self._wake = threading.Event()
        self._want_scan = False
        self._want_save = False
        self._stopping = False
        self._worker: threading.Thread | None = None
        self._last_scan = 0.0
        self._waiting_noted = False

    # -- the ControlInput protocol ---------------------------------------------------------
    def start(self, context: ControlContext) -> None:
        self.context = context
        if context.registry is not None:
            self.mapping.validate(context.registry)      # a wrong mapping fails here, naming its line
        self.translator = MidiTranslator(self.mapping, current_value=context.current_value,
                                         crossfade=context.crossfade)
        self._backend, self._lister = open_backend(self.backend_name)
        self._scan()                                     # what is plugged in now opens before the show
        self._last_scan = time.perf_counter()
        self._worker = threading.Thread(target=self._work, name="visuals-midi", daemon=True)
        self._worker.start()

    def poll(self, now: float) -> None:
        context = self.context
        if context is None:
            return
        try:
            self._learn_target = context.learn_target()
        except Exception:
            self._learn_target = None
        if now - self._last_scan >= SCAN_INTERVAL:
            self._last_scan = now
            self._want_scan = True
            self._wake.set()
        while self._pending:
            context.notify(self._pending.popleft())

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join(timeout=5.0)
        if self._want_save:                  # learned just before quitting: keep it
            self._want_save = False
            self._save()
        with self._devices_lock:
            devices, self.devices = list(self.devices.values()), {}
        for device in devices:
            self._close(device)
        if self._lister is not None:
            self._lister.close()
            self._lister = None

    def describe(self) -> str:
        now = time.perf_counter()
        with self._devices_lock:
            names = [short_name(d.name) for d in self.devices.values()]
            clocks = [d.clock for d in self.devices.values()
                      if d.clock.bpm is not None and d.clock.ticks and now - d.clock.ticks[-1] < 2.0]
        shown = ", ".join(names) if names else "no device (" + ", ".join(f"'{p}'" for p in self.patterns) + ")"
        text = f"MIDI: {shown} ({len(self.mapping)} binding{'s' if len(self.mapping) != 1 else ''})"
        if clocks:
            clock = clocks[0]
            text += f", clock {clock.bpm:.1f} bpm" if clock.following else ", clock stopped"
        if self._learn_target is not None:
            text += f", learning {self._learn_target[0]}.{self._learn_target[1]}"
        return text

    # -- devices (worker thread, and start) ------------------------------------------------
    def matches(self, name: str) -> bool:
        low = name.lower()
        for pattern in self.patterns:
            if pattern.lower() == "all":
                if not any(skip in low for skip in IGNORED_FOR_ALL):
                    return True
            elif pattern.lower() in low:
                return True
        return False

    def _notice(self, message: str, once: str | bool = False) -> None:
        """A HUD notice; ``once`` (a key, or True for the message itself) reports it only once
        (until the trouble passes and the key is forgotten)."""
        if once:
            self._notices.report(message, message if once is True else once, interval=math.inf)
        else:
            self._notices.report(message)

    def _scan(self) -> None:
        lister = self._lister
        if lister is None:
            return
        try:
            names = lister.names()
        except Exception as err:
            self._notice(f"MIDI: cannot list devices: {err}", once="list")
            return
        self._notices.forget("list")
        with self._devices_lock:
            current = dict(self.devices)
        for name, device in current.items():
            if name not in names:
                with self._devices_lock:
                    self.devices.pop(name, None)
                self._close(device)
                self._notice(f"MIDI: {short_name(name)} disconnected")
        for name in names:
            if name in current or not self.matches(name) or self._stopping:
                continue
            device = _Device(name, None)
            try:
                device.port = self._backend.open_input(name, callback=partial(self._on_message, device))
            except Exception as err:
                self._notice(f"MIDI: cannot open {short_name(name)}: {err}", once=f"open {name}")
                continue
            with self._devices_lock:
                self.devices[name] = device
            self._notices.forget(f"open {name}")
            self._notice(f"MIDI: {short_name(name)} connected")
            self._waiting_noted = False
        if not self.devices and not self._waiting_noted:
            self._waiting_noted = True
            wanted = ", ".join(f"'{p}'" for p in self.patterns)
            self._notice(f"MIDI: waiting for a device matching {wanted} ('visuals midi --list' shows them)"
                         if self.patterns != ["all"] else "MIDI: waiting for a device ('visuals midi --list')")

    def _close(self, device: _Device) -> None:
        port = device.port
        if port is None:
            return
        try:
            port.close()
        except Exception as err:
            self._notice(f"MIDI: closing {short_name(device.name)}: {err}", once=True)

    def _work(self) -> None:
        while not self._stopping:
            self._wake.wait()
            self._wake.clear()
            if self._stopping:
                break
            try:
                if self._want_save:
                    self._want_save = False
                    self._save()
                if self._want_scan:
                    self._want_scan = False
                    self._scan()
            except Exception as err:          # the worker must outlive anything that goes wrong
                self._notice(f"MIDI: {type(err).__name__}: {err}", once=True)

    def _save(self) -> None:
        path = self.mapping_path
        if path is None:
            self._notice("MIDI learn: not saved (start with --mapping FILE to keep learned bindings)", once=True)
            return
        try:
            self.mapping.save(path)
        except VisualsError as err:
            self._notice(f"MIDI learn: {err}")

    # -- messages (rtmidi's threads) -------------------------------------------------------
    def _on_message(self, device: _Device, msg) -> None:
        arrived = time.perf_counter()
        try:
            self.messages += 1
            device.messages += 1
            kind = msg.type
            if kind in ("clock", "start", "continue", "stop", "songpos"):
                events = device.clock.feed(kind, arrived, getattr(msg, "pos", None))
            else:
                with self._lock:
                    if self._learn_target is not None:
                        self._learn(msg, arrived)
                    events = self.translator.translate(msg) if self.translator else []
            bus = self.context.bus if self.context else None
            for event in events:
                if bus is not None:
                    bus.post(event)
                    self.posted += 1
        except Exception as err:       # never into rtmidi's thread
            self._notice(f"MIDI: cannot handle {msg}: {type(err).__name__}: {err}", once=True)

    def _learn(self, msg, now: float) -> None:
        target = self._learn_target
        if target is None or msg.type not in ("control_change", "pitchwheel"):
            return
        channel = msg.channel + 1
        kind, number = ("bend", None) if msg.type == "pitchwheel" else ("cc", msg.control)
        name = f"{target[0]}.{target[1]}"
        for binding, _ in self.mapping.lookup(kind, channel, number):
            if binding.param == name:          # already this control's target: play it
                self._learned = (name, (kind, channel, binding.number), now)
                return
        last = self._learned if self._learned is not None and self._learned[0] == name else None
        if last is not None and now - last[2] < LEARN_SETTLE:
            lkind, lchannel, lnumber = last[1]
            if kind == "cc" and lkind == "cc" and lchannel == channel and lnumber is not None \
                    and lnumber < 32 and number == lnumber + 32:
                # The LSB of the control just learned: it is a 14-bit fader.
                binding = self.mapping.learn("cc", channel, lnumber, target[0], target[1], bits=14)
                self._learned = (name, last[1], now)
                self._notice(f"learned {binding.describe()}")
                self._want_save = True
                self._wake.set()
            return                             # another control bumped while learning: ignore it
        binding = self.mapping.learn(kind, channel, number, target[0], target[1])
        self._learned = (name, (kind, channel, number), now)
        self._notice(f"learned {binding.describe()}")
        self._want_save = True
        self._wake.set()

