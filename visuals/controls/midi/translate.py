"""MIDI messages to control events, through a mapping: the step from a controller to the bus.

Keeps the state a message alone lacks (the MSB of 14-bit pairs, the running values of
relative encoders, the last value of each CC for buttons' press edges).
"""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, Callable

from visuals.controls.events import Control, Crossfade, SetParam
from .bindings import CROSSFADER, DEFAULT_STEP, RELATIVE_HOLD, ActionBinding, ControlBinding, relative_steps
from .mapping import MidiMapping


class MidiTranslator:
    """MIDI messages (mido-like objects: type, channel 0-15, control, value, note, velocity,
    pitch) to control events, through a mapping.  Keeps the state a message alone lacks: the
    MSB of 14-bit pairs and the running values of relative encoders.  Pure: no I/O, no threads
    of its own; the caller serialises calls (one lock per input)."""

    def __init__(self, mapping: MidiMapping, current_value: Callable[[str, str], Any] = lambda s, p: None,
                 crossfade: Callable[[], float] = lambda: 0.0, clock: Callable[[], float] = time.perf_counter):
        self.mapping = mapping
        self.current_value = current_value
        self.crossfade = crossfade
        self.clock = clock
        self.msb: dict[tuple[int, int], int] = {}
        self.lsb: dict[tuple[int, int], int] = {}
        self.running: dict[tuple[str, str], tuple[float, float]] = {}   # (param, deck) -> (value, when)
        self.last_cc: dict[tuple[int, int], int] = {}                   # for buttons' press edges
        self.following: set[tuple[str, str]] = set()                    # (param, deck) a follow pad turned on

    def translate(self, msg) -> list[Control]:
        kind = getattr(msg, "type", "")
        if kind not in ("control_change", "note_on", "pitchwheel", "aftertouch", "polytouch"):
            return []
        channel = msg.channel + 1
        events: list[Control] = []
        if kind == "control_change":
            # Buttons fire when pressed: the value crosses 64 upward (momentary buttons send
            # 127 on press and 0 on release).
            key = (channel, msg.control)
            pressed = msg.value >= 64 and self.last_cc.get(key, 0) < 64
            self.last_cc[key] = msg.value
            for binding, role in self.mapping.lookup("cc", channel, msg.control):
                if role == "button":
                    if pressed:
                        events.append(self._action(binding, msg.value))
                    continue
                event = self._cc(binding, role, channel, msg.control, msg.value)
                if event is not None:
                    events.append(event)
        elif kind == "note_on":
            if msg.velocity > 0:
                for binding, _ in self.mapping.lookup("note", channel, msg.note):
                    events.append(self._action(binding, msg.velocity))
        elif kind == "pitchwheel":
            for binding, _ in self.mapping.lookup("bend", channel, None):
                events.append(self._absolute(binding, (msg.pitch + 8192) / 16383.0))
        elif kind == "aftertouch":
            for binding, _ in self.mapping.lookup("aftertouch", channel, None):
                events.append(self._absolute(binding, msg.value / 127.0))
        elif kind == "polytouch":
            for binding, _ in self.mapping.lookup("aftertouch", channel, msg.note):
                events.append(self._absolute(binding, msg.value / 127.0))
        return events

    def _action(self, binding: ActionBinding, velocity: int) -> Control:
        """A pad's or button's event; a follow pad toggles: its second press lets go."""
        event = binding.event(velocity)
        if binding.action != "follow":
            return event
        key = (binding.option("param"), binding.option("deck", "a"))
        if key in self.following:
            self.following.discard(key)
            return replace(event, value=None)
        self.following.add(key)
        return event

    def _cc(self, binding: ControlBinding, role: str, channel: int, control: int, value: int) -> Control | None:
        if role == "msb":
            self.msb[(channel, control)] = value
            self.lsb[(channel, control)] = 0           # the MIDI rule: a new MSB resets the LSB
            return self._absolute(binding, (value << 7) / 16383.0)
        if role == "lsb":
            base = control - 32
            self.lsb[(channel, base)] = value
            # The MSB as last sent (also when it arrived before the pair was bound, by learn).
            msb = self.msb.get((channel, base), self.last_cc.get((channel, base)))
            if msb is None:
                return None                            # no MSB yet: nothing to refine
            return self._absolute(binding, ((msb << 7) | value) / 16383.0)
        if binding.relative:
            return self._relative(binding, relative_steps(value, binding.relative))
        return self._absolute(binding, value / 127.0)

    def _event(self, binding: ControlBinding, value: float) -> Control:
        self.running[(binding.param, binding.deck)] = (value, self.clock())
        if binding.param == CROSSFADER:
            return Crossfade(value=value, smoothing=binding.smoothing, source="midi")
        scene, param = binding.scene_param
        return SetParam(scene=scene, param=param, value=value, smoothing=binding.smoothing, deck=binding.deck,
                        source="midi")

    def _absolute(self, binding: ControlBinding, u: float) -> Control:
        return self._event(binding, self.mapping.value_at(binding, u))

    def _relative(self, binding: ControlBinding, steps: int) -> Control:
        lo, hi = self.mapping.range_of(binding)
        key = (binding.param, binding.deck)
        held = self.running.get(key)
        now = self.clock()
        if held is not None and now - held[1] < RELATIVE_HOLD:
            base = held[0]             # still turning: the shown value lags a frame behind
        else:
            base = self._shown_value(binding, lo)
        step = binding.step if binding.step is not None else DEFAULT_STEP
        value = base + steps * step * (hi - lo)
        value = min(max(value, min(lo, hi)), max(lo, hi))
        return self._event(binding, self.mapping.finish(binding, value))

    def _shown_value(self, binding: ControlBinding, fallback: float) -> float:
        try:
            if binding.param == CROSSFADER:
                value = self.crossfade()
            else:
                value = self.current_value(*binding.scene_param)
            if value is not None:
                value = float(value[0] if isinstance(value, tuple) else value)
                if value == value:
                    return value
        except Exception:      # a control input must never fail on what the player reports
            pass
        spec = self.mapping.specs.get(binding.param)
        if spec is not None:
            return float(spec.default)
        return fallback

