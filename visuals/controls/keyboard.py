"""Keys to actions: the default layout, user key maps in TOML, and what each action posts.

A key map names actions and the keys that trigger them::

    [keys]
    toggle_pause = "space"
    screenshot = ["s", "f12"]
    seek_forward_big = "shift+right"

Keys not mentioned keep their defaults; an action mapped to ``[]`` is disabled.  ``visuals
live --keys`` prints the defaults in this format, ready to copy.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from visuals.errors import VisualsError, brief, suggest
from visuals.load.paths import display_path
from visuals.load.tomlfile import line_of, load_toml

MODIFIERS = ("shift", "ctrl", "alt", "super")
KEY_NAMES = {"space", "left", "right", "up", "down", "home", "end", "escape", "enter", "tab", "backspace",
             "minus", "equal", "left_bracket", "right_bracket", "comma", "period", "slash", "semicolon",
             "apostrophe", "grave", "backslash", "page_up", "page_down", "delete", "insert", "kp_add",
             "kp_subtract"} | {chr(c) for c in range(ord("a"), ord("z") + 1)} | {str(i) for i in range(10)} \
    | {f"f{i}" for i in range(1, 13)}

# action -> (default keys, what it does); the order is the order of `visuals live --keys`.
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "toggle_pause": (("space",), "pause / play"),
    "seek_back": (("left",), "back 1 second"),
    "seek_forward": (("right",), "forward 1 second"),
    "seek_back_big": (("shift+left",), "back 10 seconds"),
    "seek_forward_big": (("shift+right",), "forward 10 seconds"),
    "home": (("home",), "to the start"),
    **{f"cue_{i}": ((str(i),), f"jump to cue {i}") for i in range(1, 10)},
    "previous_cue": (("left_bracket",), "to the previous cue (or the start of this one)"),
    "next_cue": (("right_bracket",), "to the next cue"),
    "slower": (("minus",), "play slower (x0.8)"),
    "faster": (("equal",), "play faster (x1.25)"),
    "normal_speed": (("0",), "play at normal speed"),
    "tap": (("t",), "tap tempo (tap on the beat)"),
    "crossfade_a": (("comma",), "crossfader toward deck A"),
    "crossfade_b": (("period",), "crossfader toward deck B"),
    "fullscreen": (("f",), "fullscreen on / off"),
    "next_monitor": (("m",), "move to the next monitor (projector)"),
    "hud": (("h",), "show / hide the HUD"),
    "learn": (("l",), "MIDI learn on / off for the selected parameter"),
    "select_next": (("down",), "select the next parameter (for MIDI learn)"),
    "select_previous": (("up",), "select the previous parameter"),
    "screenshot": (("s",), "save the frame as PNG in renders/ (full render size, no HUD)"),
    "reload": (("r",), "reload shaders and scene modules now"),
    **{f"preset_{i}": ((f"f{i}",), f"recall preset '{i}' (morph over 2 beats)") for i in range(1, 9)},
    **{f"save_preset_{i}": ((f"shift+f{i}",), f"save the parameters as preset '{i}'") for i in range(1, 9)},
    "quit": (("escape",), "quit"),
}


@dataclass(frozen=True)
class Chord:
    key: str
    mods: frozenset

    @classmethod
    def parse(cls, text: str) -> "Chord":
        parts = text.lower().replace(" ", "").split("+")
        *mods, key = parts
        return cls(key, frozenset(mods))

    def __str__(self) -> str:
        return "+".join([*sorted(self.mods), self.key])


class KeyMap:
    def __init__(self, bindings: dict[str, tuple[Chord, ...]]):
        self.bindings = bindings
        self._lookup: dict[Chord, str] = {}
        for action, chords in bindings.items():
            for chord in chords:
                self._lookup[chord] = action

    @classmethod
    def defaults(cls) -> "KeyMap":
        return cls({a: tuple(Chord.parse(k) for k in keys) for a, (keys, _) in ACTIONS.items()})

    @classmethod
    def load(cls, path: str | Path) -> "KeyMap":
        data, text = load_toml(path, "key map")
        shown = display_path(path)
        keys = data.get("keys")
        if not isinstance(keys, dict):
            raise VisualsError("key map has no [keys] table", file=shown, line=1,
                               fix="start the file with [keys] and lines like toggle_pause = \"space\"")
        bindings = dict(cls.defaults().bindings)
        for action, value in keys.items():
            line = line_of(text, action)
            if action not in ACTIONS:
                raise VisualsError(f"unknown action '{brief(action)}' in key map", file=shown, line=line,
                                   fix=suggest(action, ACTIONS) + "; 'visuals live --keys' lists them")
            names = [value] if isinstance(value, str) else value
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise VisualsError(f"keys for '{brief(action)}' must be a string or a list of strings",
                                   file=shown, line=line, fix=f'write {action} = "space" or ["s", "f12"]')
            chords = []
            for name in names:
                chord = Chord.parse(name)
                bad_mods = [m for m in chord.mods if m not in MODIFIERS]
                if chord.key not in KEY_NAMES or bad_mods:
                    wrong = bad_mods[0] if bad_mods else chord.key
                    raise VisualsError(f"unknown key '{brief(wrong)}' for '{action}'", file=shown, line=line,
                                       fix=suggest(wrong, KEY_NAMES | set(MODIFIERS)))
                chords.append(chord)
            bindings[action] = tuple(chords)
        return cls(bindings)

    def action_for(self, key: str, mods: frozenset) -> str | None:
        """The action of a key press; modifiers must match exactly (shift+right is not right)."""
        return self._lookup.get(Chord(key, frozenset(m for m in mods if m in MODIFIERS)))

    def describe(self) -> str:
        lines = ["# visuals key map: copy, edit, and pass with  visuals live --keymap FILE", "[keys]"]
        for action, (_, help_text) in ACTIONS.items():
            chords = self.bindings.get(action, ())
            value = f'"{chords[0]}"' if len(chords) == 1 else "[" + ", ".join(f'"{c}"' for c in chords) + "]"
            lines.append(f"{action + ' = ' + value:34s} # {help_text}")
        return "\n".join(lines)


def key_control(action: str, crossfade_now: float = 0.0):
    """The control event a key action posts (window-only actions become Interface events)."""
    from .events import CueJump, Crossfade, Interface, RecallPreset, SavePreset, Tap, Transport
    simple = {
        "toggle_pause": Transport(op="toggle"), "home": Transport(op="seek", value=0.0),
        "seek_back": Transport(op="nudge", value=-1.0), "seek_forward": Transport(op="nudge", value=1.0),
        "seek_back_big": Transport(op="nudge", value=-10.0), "seek_forward_big": Transport(op="nudge", value=10.0),
        "previous_cue": CueJump(step=-1), "next_cue": CueJump(step=1),
        "slower": Transport(op="speed_by", value=0.8), "faster": Transport(op="speed_by", value=1.25),
        "normal_speed": Transport(op="speed", value=1.0), "tap": Tap(),
        "crossfade_a": Crossfade(value=max(0.0, round(crossfade_now - 0.1, 6)), smoothing=0.08),
        "crossfade_b": Crossfade(value=min(1.0, round(crossfade_now + 0.1, 6)), smoothing=0.08),
    }
    if action in simple:
        return simple[action]
    if action.startswith("cue_"):
        return CueJump(index=int(action[4:]))
    if action.startswith("preset_"):
        return RecallPreset(name=action[7:], morph=2.0, unit="beats")
    if action.startswith("save_preset_"):
        return SavePreset(name=action[12:])
    return Interface(action=action)
