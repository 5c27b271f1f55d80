"""Dispatch: a checked OSC message to the control event its address stands for.

``Router.dispatch`` finds the message's row in the address table (``addresses.ADDRESSES``),
checks the argument count the row states, and posts a button's press or calls the row's
``route_<name>`` method.  Nothing is dispatched that the table does not list.

Some messages need the render thread (``DEFER``): loading a scene module to know its
parameters, or checking a show for deck B, imports user code, which only the render thread
does; the server queues them and hands them back from ``poll``.
"""
from __future__ import annotations

import math

from visuals.controls.events import Crossfade, CueJump, LoadClip, RecallPreset, SetParam, SetTempo, TouchAt, \
    Transport, Trigger
from visuals.controls.limits import (SMOOTHING_RANGE, SPEED_RANGE, TEMPO_RANGE, TRIGGER_RANGE, UNBOUNDED, Refused,
                                     bounded, checked_follow)
from visuals.errors import VisualsError, suggest
from visuals.load.names import is_plain_name
from .addresses import COMPONENTS, PREFIX, match
from .arguments import DEFER, IGNORE, Message, Reject, describe_arg, fmt_value
from .wire import short


def unknown(address: str, hint: str = "") -> Reject:
    return Reject(address, f"OSC: unknown address {short(address, 96)}{'; ' + hint if hint else ''} "
                           f"('visuals osc --list' prints them); ignored")


class Router:
    """Turns messages into events for one server; ``context`` is its ControlContext."""

    def __init__(self, context):
        self.context = context
        self.complete = None       # the registry whose every module the render thread has loaded

    @classmethod
    def routes(cls) -> set[str]:
        """The names of the routes this router has (the table's ``route`` values)."""
        return {name[len("route_"):] for name in dir(cls) if name.startswith("route_")}

    def dispatch(self, m: Message, render_thread: bool):
        """The event of a message, DEFER (needs the render thread) or IGNORE (a button's
        release); raises Reject with the reason."""
        if not m.address.startswith(PREFIX + "/"):
            raise Reject(m.address, f"OSC: unknown address {short(m.address, 96)}: every address starts with "
                                    f"{PREFIX}/ ('visuals osc --list' prints them); ignored")
        found = match(m.address)
        if found is None:
            raise unknown(m.address)
        row, names = found
        if row.arguments is not None:
            m.count(*row.arguments)
        if row.press is not None:
            pressed = not m.args or m.number(m.args[0], "no argument or a number") != 0.0
            return row.press() if pressed else IGNORE
        return getattr(self, f"route_{row.route}")(m, names, render_thread)

    # -- the routes, one per row of the table that is not a button ---------------------------
    def route_cue(self, m: Message, names: dict, render_thread: bool):
        show = self.context.show()
        starts = sorted({c.start for c in show.cues})
        arg = m.args[0]
        if isinstance(arg, str):
            for cue in show.cues:
                if arg in (cue.label, cue.scene):
                    return CueJump(index=starts.index(cue.start) + 1, source="osc")
            raise m.reject(f"the show '{show.name}' has no cue '{arg}' "
                           f"({suggest(arg, [c.label for c in show.cues])})")
        value = m.number(arg, "a cue number")
        if value != value or math.isinf(value) or value != round(value):
            raise m.reject(f"expects a whole cue number, got {fmt_value(value)}")
        index = int(value)
        if not 1 <= index <= len(starts):
            raise m.reject(f"the show '{show.name}' has cues 1 to {len(starts)}, not {index}")
        return CueJump(index=index, source="osc")

    def route_tempo(self, m: Message, names: dict, render_thread: bool):
        return SetTempo(bpm=m.clamp(m.number(m.args[0]), *TEMPO_RANGE, "bpm"), source="osc")

    def route_touch(self, m: Message, names: dict, render_thread: bool):
        x = m.clamp(m.number(m.args[0]), 0.0, 1.0, "x")
        y = m.clamp(m.number(m.args[1]), 0.0, 1.0, "y")
        strength = m.clamp(m.number(m.args[2]), 0.0, 1.0, "strength") if len(m.args) > 2 else 1.0
        return TouchAt(x=x, y=y, strength=strength, source="osc")

    def route_preset(self, m: Message, names: dict, render_thread: bool):
        name = m.args[0]
        if isinstance(name, int) and not isinstance(name, bool):
            name = str(name)
        if not isinstance(name, str) or not name.strip():
            raise m.reject(f"expects a preset name, got {describe_arg(name)}")
        morph = m.clamp(m.number(m.args[1]), *SMOOTHING_RANGE, "morph") if len(m.args) > 1 else 0.0
        return RecallPreset(name=name.strip(), morph=morph, source="osc")

    def route_crossfade(self, m: Message, names: dict, render_thread: bool):
        value = m.clamp(m.number(m.args[0]), 0.0, 1.0)
        smoothing = m.clamp(m.number(m.args[1]), *SMOOTHING_RANGE, "smoothing") if len(m.args) > 1 else 0.0
        return Crossfade(value=value, smoothing=smoothing, source="osc")

    def route_speed(self, m: Message, names: dict, render_thread: bool):
        return Transport(op="speed", value=m.clamp(m.number(m.args[0]), *SPEED_RANGE, "speed"), source="osc")

    def route_seek(self, m: Message, names: dict, render_thread: bool):
        show = self.context.show()
        return Transport(op="seek", value=m.clamp(m.number(m.args[0]), 0.0, float(show.duration), "time"),
                         source="osc")

    def route_trigger(self, m: Message, names: dict, render_thread: bool):
        value = m.clamp(m.number(m.args[0]), *TRIGGER_RANGE, "value") if m.args else 1.0
        return Trigger(name=names["name"], value=value, source="osc")       # 0 too: a release

    def route_deck_load(self, m: Message, names: dict, render_thread: bool):
        name = m.args[0]
        if not isinstance(name, str) or not name.strip():
            raise m.reject(f"expects a show or scene name, got {describe_arg(name)}")
        name = name.strip()
        if not is_plain_name(name):          # the same rule as Registry.show_named, checked off the render thread
            raise m.reject(f"{short(name, 96)!r} is a path or file name: deck B loads shows and scenes by name")
        if not render_thread:
            return DEFER              # loading and checking a show imports modules: the render thread's job
        try:
            self.context.registry.show_named(name)
        except VisualsError as err:
            raise m.reject(f"cannot load '{name}' on deck B: {err.message} ({err.fix})" if err.fix
                           else f"cannot load '{name}' on deck B: {err.message}") from None
        return LoadClip(deck="b", show=name, source="osc")

    def route_param(self, m: Message, names: dict, render_thread: bool):
        param = self._param(m, names, render_thread)
        if param is DEFER:
            return param
        return SetParam(scene=names["scene"], param=names["param"], value=param_value(m, param), deck=_deck(m),
                        source="osc")

    def route_follow(self, m: Message, names: dict, render_thread: bool):
        """A parameter follows a sound feature: FEATURE [GAIN [OFFSET]], or 'off' to let go."""
        param = self._param(m, names, render_thread)
        if param is DEFER:
            return param
        feature = m.args[0]
        if not isinstance(feature, str):
            raise m.reject(f"expects a sound feature name or 'off', got {describe_arg(feature)}")
        value = None
        if feature.strip() != "off":
            value = {"audio": feature.strip()}
            for key, arg in zip(("gain", "offset"), m.args[1:]):
                value[key] = m.number(arg, f"a {key}")
            try:
                value = checked_follow(value, f"{names['scene']}.{names['param']}", m.clamps, param)
            except Refused as why:
                raise m.reject(str(why)) from None
        return SetParam(scene=names["scene"], param=names["param"], value=value, deck=_deck(m), source="osc")

    def _param(self, m: Message, names: dict, render_thread: bool):
        """The spec of the parameter an address names, or DEFER (its scene is not loaded yet)."""
        scene_name, param_name = names["scene"], names["param"]
        registry = self.context.registry           # read each time: a hot reload replaces it
        scene = registry.scenes.get(scene_name)
        if scene is None:
            if render_thread:
                if not registry.has_scene(scene_name):    # imports its module, or every module
                    self.complete = registry
                scene = registry.scenes.get(scene_name)
            elif self.complete is not registry:
                return DEFER
            if scene is None:
                raise unknown(m.address, f"no scene '{scene_name}' ({suggest(scene_name, list(registry.scenes))})")
        if param_name not in scene.params:
            raise unknown(m.address, f"scene '{scene_name}' has no parameter '{param_name}' "
                                     f"({suggest(param_name, scene.params.names())})")
        return scene.params.get(param_name)


def _deck(m: Message) -> str:
    return "b" if m.address.startswith(f"{PREFIX}/deck/b/") else "a"


def param_value(m: Message, param):
    """A parameter's value from the message's arguments: coerced to its kind, clamped into its
    range (and float32's, for a parameter without one), NaN and infinity refused."""
    args = m.args
    kind = param.kind
    if kind == "color":
        if len(args) == 1 and isinstance(args[0], str):
            try:
                value = param.coerce(args[0])
            except VisualsError as err:
                raise m.reject(f"{err.message}; give r g b [a] in [0, 1] or '#rrggbb'") from None
        else:
            m.count(3, 4, "a colour: r g b [a] in [0, 1], or '#rrggbb'")
            value = param.coerce(tuple(m.number(a, "r g b [a] numbers") for a in args))
    elif param.dims == 1:
        m.count(1, 1, f"one number{param.describe_range()}")
        value = param.coerce(m.number(args[0], f"a number{param.describe_range()}"))
    else:
        m.count(param.dims, param.dims, f"{param.dims} numbers ({COMPONENTS[kind]}){param.describe_range()}")
        value = param.coerce(tuple(m.number(a, f"{param.dims} numbers") for a in args))
    components = value if isinstance(value, tuple) else (value,)
    if any(c != c for c in components):
        raise m.reject("a value is NaN")
    if any(math.isinf(c) for c in components):
        raise m.reject("a value is infinite")
    if param.in_range(value) and all(abs(c) <= UNBOUNDED for c in components):
        return value
    clamped = bounded(param.clamp(value))      # a parameter without a range still takes float32 only
    m.clamps.append(f"{fmt_value(value)} is out of range{param.describe_range()}, clamped to {fmt_value(clamped)}")
    return clamped
