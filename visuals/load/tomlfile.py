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

from visuals.errors import VisualsError
from .paths import display_path
from .textfile import SETTINGS_LIMIT, read_user_text


def load_toml(path: str | Path, what: str) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; returns the data and the text (for locating later errors)."""
    path = Path(path)
    text = read_user_text(path, what, limit=SETTINGS_LIMIT)
    return parse_toml(text, display_path(path), what), text


def parse_toml(text: str, shown: str, what: str) -> dict[str, Any]:
    """TOML text as data; a syntax error (or nesting too deep to parse) names the line."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise VisualsError(f"malformed {what} file: arrays or tables nested too deeply", file=shown,
                           fix="a settings file needs a few levels of nesting at most") from None
    except tomllib.TOMLDecodeError as err:
        m = re.search(r"at line (\d+)", str(err))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
        raise VisualsError(f"malformed {what} file: {message}", file=shown,
                           line=int(m.group(1)) if m else None,
                           fix="correct the TOML syntax at that line (strings in quotes, key = value)") from None
    except ValueError:
        # tomllib lets Python's own limit on integer digits through as a bare ValueError.
        raise VisualsError(f"malformed {what} file: a number has too many digits", file=shown,
                           line=_first_line_matching(text, _LONG_NUMBER),
                           fix="write numbers of a sensible size (a few digits)") from None


_LONG_NUMBER = re.compile(r"[0-9A-Fa-f_]{1000}")


def _first_line_matching(text: str, pattern: re.Pattern) -> int | None:
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


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
