"""Fuzzing the loaders of files a user may be sent: set files, MIDI mappings, presets, key maps.

Each loader is fed files generated near the valid format (the right keys with wrong, huge,
non-finite or mistyped values) and raw text and bytes.  Whatever comes in, a loader either
returns or raises VisualsError (the one-line error path): any other exception is a bug.  A
set file that loads is also played through a Performance, so what the loader lets through
cannot crash the replay either.  Deterministic (derandomize) so CI sees the same examples.
"""
from __future__ import annotations

import atexit
import dataclasses
import json
import math
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visuals.controls.events import EVENT_TYPES
from visuals.controls.keyboard import ACTIONS, KeyMap
from visuals.controls.midi.bindings import ACTION_KEYS, ALLOWED_KEYS, KINDS, NOTE_ACTIONS
from visuals.controls.midi.mapping import MidiMapping
from visuals.perform.recorder import RecordedSet
from visuals.errors import VisualsError
from visuals.perform.view import TimelineView
from visuals.load.paths import SearchPath
from visuals.perform.performance import Performance
from visuals.perform.presets import PresetStore
from visuals.load.registry import Registry

FUZZ = settings(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)


FOLDER = Path(tempfile.mkdtemp(prefix="visuals-fuzz-"))     # one file rewritten per example
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
REGISTRY = Registry(SearchPath.build([], environ={}))


def loads_or_refuses(load, data: bytes, name: str):
    """Write ``data`` to a file and load it: a result, or None after a VisualsError."""
    path = FOLDER / name
    path.write_bytes(data)
    try:
        return load(path)
    except VisualsError as err:
        text = str(err)
        assert "\n" not in text and len(text) < 1000, text
        return None


# -- values near the formats ----------------------------------------------------------------------
NAMES = st.sampled_from(["demo", "tide", "sky", "speed", "a", "b", "glitch", "crossfader", "tide.speed",
                         "sky.inversion", "", " ", "../x", "/etc/passwd", "x.frag", "é", "a\nb", "cc", "note"])
NUMBERS = st.one_of(st.integers(-300, 300), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from([0, 1, 7, 14, 16, 127, 128, -1, 0.5, 1e308, 10 ** 30]))
SCALARS = st.one_of(NUMBERS, st.booleans(), NAMES, st.text(max_size=12), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                      st.dictionaries(NAMES, inner, max_size=4)),
                      max_leaves=12)


def mostly(draw, valid, hostile=None, odds: int = 4):
    """A value from ``valid`` ``odds`` times in ``odds + 1``, otherwise anything (so a file
    usually gets past its first lines and the later checks are reached too)."""
    return draw(valid) if draw(st.integers(0, odds)) else draw(hostile if hostile is not None else VALUES)


# -- set files ------------------------------------------------------------------------------------
FINE = st.floats(-100, 100)
EVENT_FIELDS = {
    "float": FINE, "int": st.integers(-3, 12),
    "str": st.sampled_from(["a", "b", "seek", "nudge", "speed", "speed_by", "play", "pause", "toggle", "beat",
                            "bar", "", "s", "beats", "tide", "sky", "speed", "glitch", "loop", "demo", "calm",
                            "crossfade", "add"]),
    "Any": st.one_of(FINE, st.lists(FINE, min_size=1, max_size=4),
                     st.dictionaries(st.sampled_from(["tide", "sky"]),
                                     st.dictionaries(st.sampled_from(["speed", "inversion", "colour_a"]),
                                                     st.one_of(FINE, st.lists(FINE, min_size=3, max_size=4))))),
}


@st.composite
def set_events(draw):
    kind = mostly(draw, st.sampled_from(sorted(EVENT_TYPES)), SCALARS, odds=15)
    event = {"kind": kind}
    if isinstance(kind, str) and kind in EVENT_TYPES:
        fields = [(f.name, str(f.type)) for f in dataclasses.fields(EVENT_TYPES[kind])]
        for name, kind_of in draw(st.lists(st.sampled_from(fields), max_size=6, unique=True)):
            event[name] = mostly(draw, EVENT_FIELDS[kind_of], odds=15)
    if draw(st.integers(0, 9)) == 0:
        event[draw(NAMES)] = draw(VALUES)
    times = st.one_of(st.sampled_from([0.0, 0.5, 1.0, 2.0, 2.0]), st.floats(0, 30))   # events at one time too
    line = {"t": mostly(draw, times, st.one_of(NUMBERS, SCALARS), odds=15), "event": event}
    if draw(st.integers(0, 39)) == 0:
        line = draw(st.one_of(VALUES, st.just({"t": 1.0, "end": draw(SCALARS)})))
    return line


@st.composite
def set_files(draw):
    header = {"visuals_set": mostly(draw, st.just(1), SCALARS, odds=10),
              "show": mostly(draw, st.sampled_from(["demo", "tide", "sky"]), st.one_of(NAMES, SCALARS), odds=10)}
    valid = {"path": st.lists(st.text(max_size=5), max_size=2), "start": st.floats(0, 30), "paused": st.booleans(),
             "loop": st.booleans(), "deck_b": st.sampled_from(["sky", "tide", "nosuch"]), "recorded": st.text(max_size=5)}
    for key in draw(st.lists(st.sampled_from(sorted(valid)), max_size=4, unique=True)):
        header[key] = mostly(draw, valid[key], odds=10)
    lines = [header] + draw(st.lists(set_events(), max_size=8))
    text = "\n".join(json.dumps(line) for line in lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8")


def play(recorded: RecordedSet) -> None:
    """What the loader lets through must replay: fit the values to the parameters (as the
    replay does), apply every event with the timeline's view of the parameters, ask for frames."""
    recorded.fit_parameters(REGISTRY)
    performance = Performance(REGISTRY.show("demo"), load_show=REGISTRY.show, view=TimelineView(REGISTRY))
    for t, event in recorded.events:
        try:
            performance.apply(event, t)
        except VisualsError:
            pass            # an unknown clip name: the replay's own one-line error
        frame = performance.frame(t)
        assert math.isfinite(frame.crossfade)
        for deck in frame.decks.values():
            assert math.isfinite(deck.show_t)
            for params in deck.overrides.values():
                for value in params.values():
                    assert all(math.isfinite(v) for v in (value if isinstance(value, tuple) else (value,))
                               if not isinstance(v, str))


@fuzz(700)
@given(set_files())
def test_structured_set_files(data):
    recorded = loads_or_refuses(RecordedSet.load, data, "set.jsonl")
    if recorded is not None:
        try:
            play(recorded)
        except VisualsError as err:
            assert err.file and err.file.endswith("set.jsonl") and err.line, err


@fuzz(300)
@given(st.one_of(st.binary(max_size=300),
                 st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                 st.text(alphabet='{}[]":,0123456789.eE-tn \n\ufeffINaf', max_size=200).map(
                     lambda t: ('{"visuals_set":1,"show":"demo"}\n' + t).encode("utf-8"))))
def test_raw_set_files(data):
    recorded = loads_or_refuses(RecordedSet.load, data, "set.jsonl")
    if recorded is not None:
        try:
            play(recorded)
        except VisualsError as err:
            assert err.file and err.file.endswith("set.jsonl") and err.line, err


# -- TOML: mappings, presets, key maps ------------------------------------------------------------
_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_key(key: str) -> str:
    return key if _BARE.match(key) else json.dumps(key)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):    # TOML has no surrogate-pair escapes and no raw DEL
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items() if v is not None) + "}"
    return '""'


TOML_VALUES = VALUES.filter(lambda v: v is not None)


FLOAT01 = st.floats(0, 1)
MAPPING_KEYS = {
    "cc": st.integers(0, 127), "channel": st.integers(1, 16), "note": st.integers(0, 127),
    "param": st.sampled_from(["tide.speed", "sky.inversion", "crossfader", "tide.colour_a", "tide.nope", "speed"]),
    "range": st.lists(st.floats(-5, 5), min_size=2, max_size=2), "smoothing": st.floats(0, 60),
    "curve": st.sampled_from(["linear", "exp", "log", "in_out_cubic", "wobbly"]),
    "relative": st.sampled_from(["twos", "signed", "offset"]), "step": FLOAT01, "bits": st.sampled_from([7, 14]),
    "deck": st.sampled_from(["a", "b"]), "action": st.sampled_from(NOTE_ACTIONS), "x": FLOAT01, "y": FLOAT01,
    "cue": st.integers(1, 9), "name": st.just("glitch"), "quantize": st.sampled_from(["", "beat", "bar"]),
    "preset": st.just("calm"), "morph": st.floats(0, 600), "unit": st.sampled_from(["s", "beats"]),
    "show": st.sampled_from(["sky", "demo", "nosuch"]),
    "audio": st.sampled_from(["bass", "band31", "band32", "Bass"]), "gain": st.floats(-200, 200),
    "offset": st.floats(-5, 5),
}


@st.composite
def mapping_files(draw):
    lines = []
    if draw(st.integers(0, 3)) == 0:
        lines.append(f"channel = {toml_value(mostly(draw, st.integers(1, 16), TOML_VALUES))}")
    if draw(st.integers(0, 3)) == 0:
        lines.append(f"controller = {toml_value(mostly(draw, st.text(max_size=8), TOML_VALUES))}")
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(KINDS))
        lines.append(f"\n[[{kind}]]")
        needed = ["note", "action"] if kind == "note" else ["cc", "param"] if kind == "cc" else ["param"]
        allowed = ALLOWED_KEYS.get(kind, set()) | ACTION_KEYS[mostly(draw, st.sampled_from(NOTE_ACTIONS),
                                                                     st.sampled_from(NOTE_ACTIONS))]
        others = draw(st.lists(st.sampled_from(sorted(allowed)), max_size=3, unique=True)) if allowed else []
        if draw(st.integers(0, 9)) == 0:
            others.append(draw(st.sampled_from(sorted(MAPPING_KEYS))))
        for key in dict.fromkeys(needed[:len(needed) - (draw(st.integers(0, 9)) == 0)] + others):
            lines.append(f"{key} = {toml_value(mostly(draw, MAPPING_KEYS[key], TOML_VALUES))}")
    if draw(st.integers(0, 9)) == 0:
        lines.append(f"{toml_key(draw(NAMES) or 'k')} = {toml_value(draw(TOML_VALUES))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


PRESET_VALUES = st.one_of(st.floats(-10, 10), st.lists(FLOAT01, min_size=3, max_size=4),
                          st.sampled_from(['#2a0a5e', "#fff", "red"]), st.booleans())


@st.composite
def preset_files(draw):
    lines = []
    names = st.one_of(st.sampled_from(["calm", "1", "storm", "x y"]), NAMES).map(lambda n: n or "p")
    for name in draw(st.lists(names, max_size=3, unique=True)):
        lines.append(f"\n[presets.{toml_key(name)}]")
        used = set()
        for _ in range(draw(st.integers(0, 4))):
            scene, param = draw(st.sampled_from(["tide", "sky", "nosuch"])), draw(st.sampled_from(
                ["speed", "inversion", "colour_a", "bands", "nope"]))
            if (scene, param) in used:
                continue
            used.add((scene, param))
            lines.append(f"{scene}.{param} = {toml_value(mostly(draw, PRESET_VALUES, TOML_VALUES))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@st.composite
def keymap_files(draw):
    lines = [mostly(draw, st.just("[keys]"), st.sampled_from(["[keyz]", "", "keys = 1"]))]
    chords = st.sampled_from(["space", "shift+right", "ctrl+alt+f12", "s", "f12", "a", "+", "", "hyper+a",
                              "shift+", "x+y", "SHIFT + LEFT"])
    actions = st.sampled_from(sorted(ACTIONS) + ["nope", "a\nb", "toggle pause"])
    for action in draw(st.lists(actions, max_size=5, unique=True)):
        value = mostly(draw, st.one_of(chords, st.lists(chords, max_size=3)), TOML_VALUES)
        lines.append(f"{toml_key(action)} = {toml_value(value)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def with_noise(files):
    """The structured files, sometimes with a BOM, CRLF ends or a bad byte spliced in."""
    @st.composite
    def noisy(draw):
        data = draw(files)
        choice = draw(st.integers(0, 5))
        if choice == 0:
            data = b"\xef\xbb\xbf" + data
        elif choice == 1:
            data = data.replace(b"\n", b"\r\n")
        elif choice == 2 and data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at:]
        return data
    return noisy()


RAW_TOML = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8")),
                     st.text(alphabet='[]{}="\'.,=#\n abc0123456789+-', max_size=150).map(lambda t: t.encode()))

LOADERS = {
    "mapping": (lambda p: MidiMapping.load(p, REGISTRY), with_noise(mapping_files()), 500),
    "mapping without a registry": (lambda p: MidiMapping.load(p), RAW_TOML, 150),
    "presets": (lambda p: PresetStore(p, REGISTRY), with_noise(preset_files()), 300),
    "presets without a registry": (lambda p: PresetStore(p), RAW_TOML, 150),
    "key map": (KeyMap.load, with_noise(keymap_files()), 300),
    "key map raw": (KeyMap.load, RAW_TOML, 150),
}


@pytest.mark.parametrize("name", LOADERS)
def test_settings_files(name):
    load, files, examples = LOADERS[name]

    @fuzz(examples)
    @given(files)
    def run(data):
        loaded = loads_or_refuses(load, data, "file.toml")
        # What loads must also write back as a file that loads again (MIDI learn and preset
        # saving rewrite the user's file from what was read).
        if isinstance(loaded, MidiMapping):
            again = MidiMapping.loads(loaded.to_text(), FOLDER / "again.toml")
            assert again.describe() == loaded.describe()
        elif isinstance(loaded, PresetStore):
            loaded.path = FOLDER / "again.toml"
            loaded.write()
            assert PresetStore(loaded.path, loaded.registry).names() == loaded.names()
        elif isinstance(loaded, KeyMap):
            loaded.describe()

    run()
