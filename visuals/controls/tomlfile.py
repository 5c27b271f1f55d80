"""Reading user TOML files (key maps, MIDI mappings, presets) with errors that name the line.

tomllib reports syntax errors with a line and column in its message; semantic errors (an
unknown action, a bad key name) have no position in the parsed data, so the line is found by
looking for the offending name in the text.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from ..errors import VisualsError
from ..paths import display_path


def load_toml(path: str | Path, what: str) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; returns the data and the text (for locating later errors)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise VisualsError(f"cannot read {what} file: {err.strerror or err}", file=display_path(path),
                           fix=f"give the path of an existing {what} file") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as err:
        m = re.search(r"at line (\d+)", str(err))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
        raise VisualsError(f"malformed {what} file: {message}", file=display_path(path),
                           line=int(m.group(1)) if m else None,
                           fix="correct the TOML syntax at that line (strings in quotes, key = value)") from None


def line_of(text: str, name: str) -> int | None:
    """The first line that assigns or names ``name`` (for errors about parsed values)."""
    pattern = re.compile(rf'^\s*(?:"{re.escape(name)}"|{re.escape(name)})\s*=|\[\s*{re.escape(name)}\s*\]')
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    for number, line in enumerate(text.splitlines(), start=1):
        if name in line:
            return number
    return None
