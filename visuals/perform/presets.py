"""Presets: snapshots of every live parameter, by name, in a TOML file.

::

    [presets.calm]
    sky.inversion = 0.2
    sky.segments = 6.0
    tide.colour_a = "#2a0a5e"

    [presets.storm.tide]        # the same thing, a table per scene
    speed = 3.5
    bands = [9.0]
    pulse = { audio = "bass", gain = 2.0 }      # follows the sound (model/follow.py)

Saving writes the whole file again (values as a user would write them, colours as hex);
recalling morphs every stored parameter from what it shows now to the stored value over a
time or a number of beats.  A recalled preset's values are recorded into the set, so a
replay does not depend on the file being unchanged afterwards.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from visuals.controls.limits import Refused, checked_follow
from visuals.load.tomlfile import line_of, load_toml
from visuals.errors import VisualsError, brief
from visuals.load.paths import display_path
from visuals.model.colour import hex_colour
from visuals.model.follow import is_follow
from visuals.output.safe_output import write_file

Values = dict[str, dict[str, Any]]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _normal(value: Any) -> Any:
    """A stored value as the engine holds it, or None when no parameter can take it."""
    if isinstance(value, list):
        return tuple(float(v) for v in value) if 0 < len(value) <= 4 and all(map(_number, value)) else None
    if _number(value):
        return float(value)
    return value if isinstance(value, (bool, str)) else None


class PresetStore:
    def __init__(self, path: str | Path, registry=None):
        self.path = Path(path)
        self.registry = registry
        self.presets: dict[str, Values] = {}
        if self.path.exists():
            self.load()

    def load(self) -> None:
        data, text = load_toml(self.path, "presets")
        shown = display_path(self.path)
        table = data.get("presets", {})
        if not isinstance(table, dict):
            raise VisualsError("presets file needs [presets.NAME] tables", file=shown, line=line_of(text, "presets"),
                               fix="write [presets.calm] then lines like sky.inversion = 0.2")
        presets: dict[str, Values] = {}
        for name, scenes in table.items():
            if not isinstance(scenes, dict):
                raise VisualsError(f"preset '{brief(name)}' is not a table", file=shown, line=line_of(text, name),
                                   fix=f"write [presets.{brief(name)}] and scene.param = value lines under it")
            values: Values = {}
            for scene, params in scenes.items():
                if not isinstance(params, dict):
                    raise VisualsError(f"preset '{brief(name)}': '{brief(scene)}' should be scene.param = value",
                                       file=shown, line=line_of(text, scene), fix="write sky.inversion = 0.2")
                for param, value in params.items():
                    values.setdefault(scene, {})[param] = self._check(scene, param, value, shown, text)
            presets[name] = values
        self.presets = presets

    def _check(self, scene: str, param: str, value: Any, shown: str, text: str) -> Any:
        # The line is looked for only when there is an error: searching the text for every
        # value made a large file take minutes.
        if is_follow(value):                 # { audio = "bass", gain = 2.0 }: follows the sound
            return self._follow(scene, param, value, shown, text)
        normal = _normal(value)
        if normal is None:
            raise VisualsError(f"preset value {brief(scene)}.{brief(param)} = {brief(value)} is not a parameter value",
                               file=shown, line=line_of(text, param),
                               fix="write a number, a list of up to 4 numbers, true/false or a string")
        if self.registry is None:
            return normal
        try:
            spec = self.registry.scene(scene).params.get(param)
            return spec.validate(normal)
        except VisualsError as err:
            raise VisualsError(err.message, file=shown, line=line_of(text, param), fix=err.fix) from None

    def _follow(self, scene: str, param: str, value: dict, shown: str, text: str) -> dict:
        spec = None
        try:
            if self.registry is not None:
                spec = self.registry.scene(scene).params.get(param)
            return checked_follow(value, f"preset value {brief(scene)}.{brief(param)}", param=spec)
        except (Refused, VisualsError) as err:
            raise VisualsError(getattr(err, "message", str(err)), file=shown, line=line_of(text, param),
                               fix=getattr(err, "fix", None) or 'write { audio = "bass", gain = 2.0 } '
                                                             'for a number parameter') from None

    def names(self) -> list[str]:
        return sorted(self.presets)

    def get(self, name: str) -> Values | None:
        return self.presets.get(name)

    def save(self, name: str, values: Values) -> None:
        self.presets[name] = {scene: dict(params) for scene, params in values.items()}
        self.write()

    def write(self) -> None:
        lines = ["# visuals presets: [presets.NAME] then scene.param = value", ""]
        for name in sorted(self.presets):
            lines.append(f"[presets.{_key(name)}]")
            for scene in sorted(self.presets[name]):
                for param, value in sorted(self.presets[name][scene].items()):
                    lines.append(f"{_key(scene)}.{_key(param)} = {_toml_value(scene, param, value, self.registry)}")
            lines.append("")
        # On the render thread (shift+F1-F8): no fsync, as before; the rename keeps it whole.
        write_file(self.path, "\n".join(lines).encode("utf-8"), durable=False, through_links=True,
                   fix="check that the presets file's folder exists and is writable, or give --presets FILE")


def _key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else _toml_string(name)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped (a name or
    value read from the file must write back as one that reads again)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(scene: str, param: str, value: Any, registry) -> str:
    kind = None
    if registry is not None:
        try:
            kind = registry.scene(scene).params.get(param).kind
        except VisualsError:
            kind = None
    if isinstance(value, dict):       # a follow: { audio = "bass", gain = 2.0, offset = 0.0 }
        return "{ " + ", ".join(f"{key} = {_toml_string(v) if isinstance(v, str) else repr(float(v))}"
                                for key, v in value.items()) + " }"
    if kind == "color" and isinstance(value, (tuple, list)):
        return f'"{hex_colour(value)}"'
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(repr(float(v)) for v in value) + "]"
    if isinstance(value, str):
        return _toml_string(value)
    return repr(float(value))
