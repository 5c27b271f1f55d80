"""The OSC address space: one table that ``visuals osc --list``, the dispatch and the HUD read.

Each row of ``ADDRESSES`` is one address pattern with its OSC type tags, how many arguments it
takes and what they are (the HUD's notice says that when a message brings the wrong number),
what it does (``--list`` prints it), and how it is dispatched: ``press``, the event of a
button, or ``route``, the name of the handler in ``routes.Router`` that checks the arguments
and builds the event.  ``match`` finds an address's row, in table order, so the dispatch can
only reach what the table lists; a test checks that every row is routed and every route has
its row.

A ``<placeholder>`` part matches any non-empty part.  The row of ``<scene>/<param>`` is listed
as each scene's parameters (``address_space``), derived from their ``Param`` declarations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from visuals.audio.names import BAND_COUNT, FEATURES
from visuals.controls.events import BeatSync, Control, CueJump, Tap, Transport
from visuals.controls.limits import FOLLOW_GAIN_RANGE, SPEED_RANGE, TEMPO_RANGE, TRIGGER_RANGE

PREFIX = "/visuals"
BUTTON_ARGUMENTS = (0, 1, "no argument (or 1 for a press, 0 for a release)")

_TYPES = {"float": "f", "int": "i", "bool": "i", "vec2": "ff", "vec3": "fff", "vec4": "ffff", "color": "fff"}
COMPONENTS = {"vec2": "x y", "vec3": "x y z", "vec4": "x y z w"}


@dataclass(frozen=True)
class OscAddress:
    pattern: str                                   # '/visuals/trigger/<name>'
    types: str                                     # OSC type tags, as --list prints them
    description: str                               # what it does, for --list
    arguments: tuple[int, int, str] | None = None  # (fewest, most, what they are); None: the route checks
    press: Callable[[], Control] | None = None     # a button: the event a press posts
    route: str = ""                                # otherwise: the Router method that builds the event
    per_param: bool = False                        # listed as every scene's parameters, not as the pattern

    @property
    def parts(self) -> list[str]:
        return self.pattern[len(PREFIX) + 1:].split("/")

    def match(self, parts: list[str]) -> dict[str, str] | None:
        """The placeholders' values when the address's parts fit this row, else None."""
        mine = self.parts
        if len(parts) != len(mine):
            return None
        found: dict[str, str] = {}
        for want, got in zip(mine, parts):
            if want.startswith("<"):
                if not got:
                    return None
                found[want[1:-1]] = got
            elif want != got:
                return None
        return found


def _button(pattern: str, description: str, press: Callable[[], Control]) -> OscAddress:
    return OscAddress(f"{PREFIX}/{pattern}", "", description + " (button)", BUTTON_ARGUMENTS, press=press)


ADDRESSES: tuple[OscAddress, ...] = (
    OscAddress(f"{PREFIX}/cue", "i", "jump to cue n (1-based, as the keys 1-9); a cue's name (s) works too",
               (1, 1, "a cue number (1-based) or name"), route="cue"),
    _button("cue/next", "jump to the next cue", lambda: CueJump(step=1, source="osc")),
    _button("cue/previous", "jump to the previous cue, or the start of this one",
            lambda: CueJump(step=-1, source="osc")),
    OscAddress(f"{PREFIX}/tempo", "f",
               f"set the tempo in bpm, clamped to [{TEMPO_RANGE[0]:g}, {TEMPO_RANGE[1]:g}]",
               (1, 1, "the tempo in bpm"), route="tempo"),
    _button("tap", "tap tempo: send on every beat", lambda: Tap(source="osc")),
    _button("sync", "beat sync: the next beat starts now", lambda: BeatSync(source="osc")),
    OscAddress(f"{PREFIX}/touch", "ff", "a touch at x y in [0, 1] of the frame, origin bottom-left; "
                                        "an optional third float is the strength in [0, 1]",
               (2, 3, "x y [strength]"), route="touch"),
    OscAddress(f"{PREFIX}/preset", "s", "recall a preset by name (an int is a pad number); "
                                        "an optional float morphs over that many seconds",
               (1, 2, "a preset name [morph seconds]"), route="preset"),
    OscAddress(f"{PREFIX}/crossfade", "f", "the crossfader, 0 (deck A) to 1 (deck B); "
                                           "an optional second float smooths over that many seconds",
               (1, 2, "a value in [0, 1] [smoothing seconds]"), route="crossfade"),
    OscAddress(f"{PREFIX}/deck/b", "s", "load a show or scene by name on deck B",
               (1, 1, "a show or scene name"), route="deck_load"),
    OscAddress(f"{PREFIX}/deck/b/<scene>/<param>", "f",
               "a parameter on deck B; arguments as /visuals/<scene>/<param>", route="param"),
    _button("transport/play", "play", lambda: Transport(op="play", source="osc")),
    _button("transport/pause", "pause", lambda: Transport(op="pause", source="osc")),
    _button("transport/toggle", "pause / play", lambda: Transport(op="toggle", source="osc")),
    OscAddress(f"{PREFIX}/transport/speed", "f",
               f"playback speed, 1 = normal, clamped to [{SPEED_RANGE[0]:g}, {SPEED_RANGE[1]:g}]",
               (1, 1, "a speed (1 = normal)"), route="speed"),
    OscAddress(f"{PREFIX}/seek", "f", "jump to this show time in seconds, clamped to the show",
               (1, 1, "a show time in seconds"), route="seek"),
    OscAddress(f"{PREFIX}/trigger/<name>", "f",
               "fire the named trigger (a glitch burst) with an optional value "
               f"(default 1), clamped to [{TRIGGER_RANGE[0]:g}, {TRIGGER_RANGE[1]:g}]; "
               "0, a button's release, is passed on too: "
               "/visuals/trigger/loop 0.5 loops the last 0.5 s, 0 lets it run on",
               (0, 1, "an optional value"), route="trigger"),
    OscAddress(f"{PREFIX}/<scene>/<param>/follow", "sff",
               "make a one-number parameter follow a sound feature (as Audio(...) in a show): "
               "value = offset + gain * feature, gain (default 1) clamped to "
               f"[{FOLLOW_GAIN_RANGE[0]:g}, {FOLLOW_GAIN_RANGE[1]:g}], offset default 0; features: "
               f"{', '.join(FEATURES)}, band0..band{BAND_COUNT - 1}; "
               "'off' lets the parameter go back to the show; /visuals/deck/b/<scene>/<param>/follow for deck B",
               (1, 3, "a feature name [gain [offset]], or 'off'"), route="follow"),
    OscAddress(f"{PREFIX}/deck/b/<scene>/<param>/follow", "sff",
               "a parameter on deck B follows a sound feature; arguments as /visuals/<scene>/<param>/follow",
               (1, 3, "a feature name [gain [offset]], or 'off'"), route="follow"),
    OscAddress(f"{PREFIX}/<scene>/<param>", "f", "a parameter of a scene on deck A", route="param", per_param=True),
)


def match(address: str) -> tuple[OscAddress, dict[str, str]] | None:
    """The row an address belongs to (the first that fits, in table order) and its
    placeholders' values; None for an address the table does not have."""
    if not address.startswith(PREFIX + "/"):
        return None
    parts = address[len(PREFIX) + 1:].split("/")
    for row in ADDRESSES:
        found = row.match(parts)
        if found is not None:
            return row, found
    return None


def param_types(param) -> str:
    return _TYPES[param.kind]


def param_description(scene_name: str, param) -> str:
    kind = param.kind
    if kind == "color":
        what = "colour: r g b [a] in [0, 1], or '#rrggbb' (s)"
    elif kind in COMPONENTS:
        what = f"{kind}: {COMPONENTS[kind]}{param.describe_range()}"
    elif kind == "bool":
        what = "bool: 0 or 1 (T/F too)"
    else:
        what = f"{kind}{param.describe_range()}"
    text = f"{what}, default {param.format(param.default)}"
    if param.description:
        text = f"{param.description} ({text})"
    return text


def _scenes_of(registry, show) -> list[str]:
    if show is None:
        registry.load_all()
        return sorted(registry.scenes)
    names: list[str] = []
    for cue in show.cues:
        for name in (cue.scene, *cue.bind.values()):
            if name not in names and registry.has_scene(name):
                names.append(name)
    return names


def address_space(registry, show=None) -> list[tuple[str, str, str]]:
    """Every address with its OSC type tags and what it does: the table's rows, the row of
    scene parameters expanded into every parameter of every scene (or of the scenes a show
    plays, when a show is given)."""
    out = [(row.pattern, row.types, row.description) for row in ADDRESSES if not row.per_param]
    for row in ADDRESSES:
        if row.per_param:
            for name in _scenes_of(registry, show):
                for param in registry.scenes[name].params:
                    out.append((row.pattern.replace("<scene>", name).replace("<param>", param.name),
                                param_types(param), param_description(name, param)))
    return out
