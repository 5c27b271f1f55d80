"""Fuzzing the loaders of files a user may be sent: set files, MIDI mappings, presets, key maps.

Each loader is fed files generated near the valid format (the right keys with wrong, huge,
non-finite or mistyped values) and raw text and bytes.  Whatever comes in, a loader either
returns or raises VisualsError (the one-line error path): any other exception is a bug.  A
set file that loads is also played through a Performance, so what the loader lets through
cannot crash the replay either.  Deterministic (derandomize) so CI sees the same examples.
"""
from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visuals.controls.events import EVENT_TYPES
from visuals.controls.keyboard import ACTIONS, KeyMap
from visuals.controls.mapping import ACTION_KEYS, ALLOWED_KEYS, KINDS, NOTE_ACTIONS, MidiMapping
from visuals.controls.recorder import RecordedSet
from visuals.errors import VisualsError
from visuals.paths import SearchPath
from visuals.performance import Performance
from visuals.presets import PresetStore
from visuals.registry import Registry

FUZZ = settings(deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)


FOLDER = Path(tempfile.mkdtemp(prefix="visuals-fuzz-"))
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


# -- set files ------------------------------------------------------------------------------------
def _field_names(kind: str) -> list[str]:
    import dataclasses
    return [f.name for f in dataclasses.fields(EVENT_TYPES[kind])]


@st.composite
def set_events(draw):
    kind = draw(st.one_of(st.sampled_from(sorted(EVENT_TYPES)), SCALARS))
    event = {"kind": kind}
    fields = _field_names(kind) if isinstance(kind, str) and kind in EVENT_TYPES else ["value"]
    for name in draw(st.lists(st.sampled_from(fields + ["extra"]), max_size=6)):
        event[name] = draw(st.one_of(SCALARS, VALUES, st.sampled_from(["a", "b", "seek", "speed", "beat", "bar",
                                                                        "s", "beats", "toggle", "tide"])))
    line = {"t": draw(st.one_of(st.floats(0, 100), NUMBERS, SCALARS)), "event": event}
    if draw(st.integers(0, 9)) == 0:
        line = draw(st.one_of(VALUES, st.just({"t": 1.0, "end": draw(SCALARS)})))
    return line


@st.composite
def set_files(draw):
    header = {"visuals_set": draw(st.one_of(st.just(1), SCALARS)), "show": draw(st.one_of(NAMES, SCALARS))}
    for key in draw(st.lists(st.sampled_from(["path", "start", "paused", "loop", "deck_b", "recorded"]), max_size=4)):
        header[key] = draw(VALUES)
    lines = [header] + draw(st.lists(set_events(), max_size=8))
    text = "\n".join(json.dumps(line) for line in lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8")


def play(recorded: RecordedSet) -> None:
    """What the loader lets through must replay: apply every event, ask for frames."""
    performance = Performance(REGISTRY.show("demo"), load_show=REGISTRY.show)
    for t, event in recorded.events:
        try:
            performance.apply(event, t)
        except VisualsError:
            pass            # an unknown clip name: the replay's own one-line error
        frame = performance.frame(t)
        assert math.isfinite(frame.crossfade)
        for deck in frame.decks.values():
            assert math.isfinite(deck.show_t)


@fuzz(700)
@given(set_files())
def test_structured_set_files(data):
    recorded = loads_or_refuses(RecordedSet.load, data, "set.jsonl")
    if recorded is not None:
        play(recorded)


@fuzz(300)
@given(st.one_of(st.binary(max_size=300),
                 st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                 st.text(alphabet='{}[]":,0123456789.eE-tn \n\ufeffINaf', max_size=200).map(
                     lambda t: ('{"visuals_set":1,"show":"demo"}\n' + t).encode("utf-8"))))
def test_raw_set_files(data):
    recorded = loads_or_refuses(RecordedSet.load, data, "set.jsonl")
    if recorded is not None:
        play(recorded)


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
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items() if v is not None) + "}"
    return '""'


TOML_VALUES = VALUES.filter(lambda v: v is not None)


@st.composite
def mapping_files(draw):
    lines = []
    for key in draw(st.lists(st.sampled_from(["controller", "channel", "chanel"]), max_size=2, unique=True)):
        lines.append(f"{key} = {toml_value(draw(TOML_VALUES))}")
    keys = sorted(set().union(*ALLOWED_KEYS.values(), *ACTION_KEYS.values(), {"action", "note", "cc"}))
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(KINDS))
        lines.append(f"\n[[{kind}]]")
        chosen = draw(st.lists(st.sampled_from(keys), max_size=6, unique=True))
        for key in chosen:
            value = draw(st.one_of(TOML_VALUES, st.sampled_from(list(NOTE_ACTIONS) + ["twos", "exp", "tide.speed"])))
            lines.append(f"{key} = {toml_value(value)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@st.composite
def preset_files(draw):
    lines = []
    for _ in range(draw(st.integers(0, 3))):
        lines.append(f"\n[presets.{toml_key(draw(NAMES) or 'p')}]")
        used = set()
        for _ in range(draw(st.integers(0, 4))):
            scene, param = draw(st.sampled_from(["tide", "sky", "nosuch"])), draw(st.sampled_from(
                ["speed", "inversion", "colour_a", "bands", "nope"]))
            if (scene, param) in used:
                continue
            used.add((scene, param))
            lines.append(f"{scene}.{param} = {toml_value(draw(TOML_VALUES))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@st.composite
def keymap_files(draw):
    lines = [draw(st.sampled_from(["[keys]", "[keys]", "[keyz]", ""]))]
    for action in draw(st.lists(st.sampled_from(sorted(ACTIONS) + ["nope"]), max_size=5, unique=True)):
        value = draw(st.one_of(TOML_VALUES, st.sampled_from(["space", "shift+right", "ctrl+alt+f12", "+", "", "hyper+a"]),
                               st.lists(st.sampled_from(["s", "f12", "shift+", "x+y"]), max_size=3)))
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
        if isinstance(loaded, MidiMapping):
            loaded.to_text()          # what MIDI learn would save must be writable too
        elif isinstance(loaded, KeyMap):
            loaded.describe()

    run()
