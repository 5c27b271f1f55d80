"""Set files: a live performance's control events, as JSON lines, to render again offline.

The first line is a header (the show by name, how the window started: start, paused, loop,
deck B, and its frame rate ``fps``, the live clock's nominal rate; never a folder: where shows come from is the replaying command line's business);
each following line is one event with the performance time it was applied at; the last
line marks the end.  The live loop flushes once per frame, so a crash loses at most the
events of the frame being drawn, and a burst of a thousand OSC messages costs one write.
"""
from __future__ import annotations

import dataclasses
import json
import sys
import time
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, TextIO

from visuals.errors import VisualsError
from visuals.perform.clock import parse_fps
from visuals.load.paths import display_path
from visuals.load.names import MAX_NAME, NAME_FIX, is_plain_name
from visuals.load.textfile import MiB, normalise_newlines, read_user_text
from visuals.controls.events import EVENT_TYPES, Control, Interface, RecallPreset, SetParam
from visuals.controls.limits import Refused, checked_follow
from visuals.model.follow import is_follow

FORMAT = 1
# A set recorded live for an hour with eight parameters streamed at 60 Hz (an audio analyser
# sending OSC) weighs 234 MiB and loads in 15 s of CPU and 1.2 GiB of memory
# (benchmarks/set_file_size.py); refuse only what is larger than any real set.
SET_LIMIT = 512 * MiB
MAX_TIME = 1e6            # s of performance time (11 days): later than any set
MAX_VALUE = 1e9           # any other number (a seek, a tempo, a parameter value)
MAX_INT = 1_000_000       # cue numbers and steps


class SetRecorder:
    def __init__(self, path: Path, show: str, search: list[str] | None = None,
                 extra: dict[str, Any] | None = None):
        """``search`` is accepted and not written: a set file that named folders made its
        replay import Python from them, so a set received from someone else ran their code."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file: TextIO = self.path.open("w", encoding="utf-8")
        header = {"visuals_set": FORMAT, "show": show,
                  "recorded": time.strftime("%Y-%m-%dT%H:%M:%S"), **(extra or {})}
        self._write(header)
        self.flush()
        self.count = 0

    def _write(self, data: dict) -> None:
        self.file.write(json.dumps(data, separators=(",", ":")) + "\n")

    def flush(self) -> None:
        if not self.file.closed:
            self.file.flush()

    def record(self, t: float, event: Control) -> None:
        if isinstance(event, Interface):
            return   # window-only actions change nothing a replay renders
        self._write({"t": t, "event": event.to_json()})
        self.count += 1

    def close(self, t: float) -> None:
        if not self.file.closed:
            self._write({"t": t, "end": True})
            self.file.close()


@dataclass
class RecordedSet:
    """A set file read back: its header (validated), its events in time order, its length.

    A set file is data someone may send you: every field is checked (types, finite numbers,
    ranges), and nothing in it says where code is imported from -- the show it names is a
    plain name looked up on the search path of the command line that replays it.
    """

    path: Path
    header: dict[str, Any]
    events: list[tuple[float, Control]] = field(default_factory=list)
    duration: float = 0.0
    notes: list[str] = field(default_factory=list)     # things worth a line on stderr
    lines: list[int] = field(default_factory=list)     # the file's line of each event

    @classmethod
    def load(cls, path: str | Path) -> "RecordedSet":
        path = Path(path)
        shown = display_path(path)
        text = read_user_text(path, "set", limit=SET_LIMIT,
                              fix="give the path of a set recorded by visuals live")
        events: list[tuple[float, Control]] = []
        lines: list[int] = []
        header: dict[str, Any] | None = None
        notes: list[str] = []
        duration = 0.0
        for number, line in enumerate(normalise_newlines(text).split("\n"), start=1):
            if not line.strip():
                continue
            check = _Checker(shown, number)
            data = check.json_object(line)
            if header is None:
                header = check.header(data, notes)
                continue
            t = check.time(data)
            duration = max(duration, t)
            if "end" in data:
                if data["end"] is not True:
                    raise check.error(f"'end' must be true, not {_short(data['end'])}",
                                      'the last line of a set is {"t": seconds, "end": true}')
                continue
            events.append((t, check.event(data.get("event"))))
            lines.append(number)
        if header is None:
            raise VisualsError("empty set file", file=shown, fix="record a set with visuals live --record FILE")
        order = sorted(range(len(events)), key=lambda i: events[i][0])
        return cls(path, header, [events[i] for i in order], duration, notes, [lines[i] for i in order])

    def fit_parameters(self, registry) -> None:
        """Bring every value played by hand to its parameter's form (as OSC and MIDI already
        did live, so a recorded value is unchanged); a value of the wrong shape (a vector
        where a number belongs) is an error naming its line, where the replay used to fail
        deep in its smoothing.  Ranges are left to the renderer, which clamps as live did.
        Parameters of scenes not on the search path are left as recorded."""
        shown = display_path(self.path)
        specs: dict[tuple[str, str], Any] = {}      # an hour's set names a few parameters often
        for i, ((t, event), line) in enumerate(zip(self.events, self.lines)):
            if isinstance(event, SetParam):
                value = _fit(registry, specs, event.scene, event.param, event.value, shown, line)
                if type(value) is not type(event.value) or value != event.value:    # noqa: E721
                    self.events[i] = (t, dataclasses.replace(event, value=value))
            elif isinstance(event, RecallPreset) and isinstance(event.values, dict):
                values = {scene: {param: _fit(registry, specs, scene, param, value, shown, line)
                                  for param, value in params.items()}
                          for scene, params in event.values.items()}
                self.events[i] = (t, dataclasses.replace(event, values=values))


def _fit(registry, specs: dict, scene: str, param: str, value: Any, shown: str, line: int) -> Any:
    key = (scene, param)
    if key not in specs:
        try:
            specs[key] = registry.scene(scene).params.get(param)
        except VisualsError:
            specs[key] = None
    spec = specs[key]
    if spec is None or value is None:
        return value
    try:
        if isinstance(value, dict):         # a follow: checked when read; the parameter must take it
            return checked_follow(value, f"{scene}.{param}", param=spec)
        return spec.coerce(value)
    except Refused as why:
        raise VisualsError(str(why), file=shown, line=line, fix="only a one-number parameter follows a sound") from None
    except VisualsError as err:
        raise VisualsError(f"{scene}.{param}: {err.message}", file=shown, line=line, fix=err.fix) from None


def _short(value: Any) -> str:
    text = json.dumps(value) if isinstance(value, (str, int, float, bool, type(None))) else type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def _bound(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


class _Checker:
    """Checks of one line of a set file; every failure names the file and the line."""

    def __init__(self, shown: str, line: int):
        self.shown = shown
        self.line = line

    def error(self, message: str, fix: str) -> VisualsError:
        return VisualsError(message, file=self.shown, line=self.line, fix=fix)

    def json_object(self, line: str) -> dict[str, Any]:
        fix = "each line must be one JSON object, as visuals live writes them"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise self.error(f"malformed set file: {err.msg}", fix) from None
        except RecursionError:
            raise self.error("malformed set file: nested too deeply", fix) from None
        except ValueError:       # Python's limit on the digits of an integer
            raise self.error("malformed set file: a number has too many digits", fix) from None
        if not isinstance(data, dict):
            raise self.error(f"set file line is a JSON {type(data).__name__}, not an object", fix)
        return data

    def header(self, data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
        version = data.get("visuals_set")
        if "show" not in data or isinstance(version, bool) or not isinstance(version, int):
            raise self.error("not a visuals set file (no header)", "record a set with visuals live --record FILE")
        if version != FORMAT:
            raise self.error(f"set file format {version} is not the one this visuals reads ({FORMAT})",
                             "record the set again with this version of visuals live")
        header = {"visuals_set": version, "show": self.name(data["show"], "show")}
        if data.get("path"):
            notes.append(f"{self.shown}: the set's own search path is ignored (a set file never chooses "
                         "where code is imported from); pass --path DIR if its show lives there")
        if isinstance(data.get("recorded"), str):
            header["recorded"] = data["recorded"]
        if data.get("start") is not None:
            header["start"] = self.number(data["start"], "start", 0.0, MAX_TIME)
        for key in ("paused", "loop"):
            if data.get(key) is not None:
                if not isinstance(data[key], bool):
                    raise self.error(f"'{key}' must be true or false, not {_short(data[key])}",
                                     f'write "{key}": true or false')
                header[key] = data[key]
        if data.get("deck_b"):
            header["deck_b"] = self.name(data["deck_b"], "deck_b")
        if data.get("fps") is not None:
            header["fps"] = self.fps(data["fps"])
        return header

    def fps(self, value: Any) -> Fraction:
        fix = 'write "fps": a frame rate such as "60" or "30000/1001"'
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or \
                (isinstance(value, str) and len(value) > 32):
            raise self.error(f"'fps' must be a frame rate, not {_short(value)}", fix)
        try:
            return parse_fps(value)
        except VisualsError as err:
            raise self.error(err.message, fix) from None

    def name(self, value: Any, key: str) -> str:
        if not is_plain_name(value):
            raise self.error(f"'{key}' must be the name of a show or scene, not {_short(value)}", NAME_FIX)
        return value

    def number(self, value: Any, key: str, lo: float = -MAX_VALUE, hi: float = MAX_VALUE) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            raise self.error(f"'{key}' must be a number from {_bound(lo)} to {_bound(hi)}, not {_short(value)}",
                             f'write "{key}": a number in that range')
        return float(value)

    def integer(self, value: Any, key: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not -MAX_INT <= value <= MAX_INT:
            raise self.error(f"'{key}' must be a whole number from {-MAX_INT} to {MAX_INT}, not {_short(value)}",
                             f'write "{key}": a whole number')
        return value

    def string(self, value: Any, key: str, options: tuple[str, ...] | None = None) -> str:
        if not isinstance(value, str) or len(value) > MAX_NAME or (options is not None and value not in options):
            allowed = f" ({', '.join(repr(o) for o in options)})" if options else ""
            raise self.error(f"'{key}' must be a string{allowed}, not {_short(value)}",
                             f'write "{key}": one of those' if options else f'write "{key}": "..."')
        return value

    def time(self, data: dict[str, Any]) -> float:
        if "t" not in data:
            raise self.error("set event without a time", 'each event line needs "t": seconds')
        return self.number(data["t"], "t", 0.0, MAX_TIME)

    def param_value(self, value: Any, key: str) -> Any:
        if value is None and key == "param.value":      # the hand let go
            return None
        if is_follow(value):                            # a follow of a sound feature (model/follow.py)
            try:
                return checked_follow(value, key)
            except Refused as why:
                raise self.error(str(why), 'write {"audio": "bass", "gain": 2.0} as visuals live records it') from None
        if isinstance(value, (bool, str)) and (not isinstance(value, str) or len(value) <= MAX_NAME):
            return value
        if isinstance(value, list) and 0 < len(value) <= 4:
            return [self.number(v, key) for v in value]
        return self.number(value, key)

    def event(self, data: Any) -> Control:
        if not isinstance(data, dict):
            raise self.error(f"set event is {_short(data)}, not an object",
                             'each event line is {"t": seconds, "event": {"kind": ..., ...}}')
        kind = data.get("kind")
        cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise self.error(f"unknown control event kind {_short(kind)}", f"use one of {', '.join(EVENT_TYPES)}")
        args: dict[str, Any] = {}
        for name, annotation in _FIELDS[kind]:
            if name in data:
                value = self.field(kind, name, annotation, data[name])
                args[name] = tuple(value) if isinstance(value, list) else value
        return cls(**args)

    def field(self, kind: str, name: str, annotation: str, value: Any) -> Any:
        key = f"{kind}.{name}"
        if name in _CHOICES:
            return self.string(value, key, _CHOICES[name])
        if kind == "clip" and name == "show":
            return self.name(value, key)
        if kind == "param" and name == "value":
            return self.param_value(value, key)
        if kind == "preset" and name == "values":
            return self.preset_values(value, key)
        if annotation == "float":
            return self.number(value, key)
        if annotation == "int":
            return self.integer(value, key)
        if annotation == "str":
            return sys.intern(self.string(value, key))    # an hour's set repeats a few names
        raise self.error(f"'{key}' is not a field a set file holds", "remove it")   # pragma: no cover

    def preset_values(self, value: Any, key: str) -> Any:
        if value is None:
            return None
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise self.error(f"'{key}' must be an object of scenes holding parameter values, not {_short(value)}",
                             'write {"scene": {"param": value}}')
        return {scene: {param: self.param_value(v, f"{key}.{scene}.{param}") for param, v in params.items()}
                for scene, params in value.items()}


# kind -> (field name, type) of each control event, looked up once rather than per line.
_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    kind: tuple((f.name, str(f.type)) for f in dataclasses.fields(cls)) for kind, cls in EVENT_TYPES.items()}

# Fields (of whichever event has them) whose value is one of a few words.
_CHOICES: dict[str, tuple[str, ...]] = {
    "deck": ("a", "b"),
    "op": ("play", "pause", "toggle", "seek", "nudge", "speed", "speed_by"),
    "quantize": ("", "beat", "bar"),
    "unit": ("s", "beats"),
}
