"""Reading user TOML files (key maps, MIDI mappings, presets) with errors that name the line.

The one place TOML errors are located: syntax errors (``parse_toml``), a name's line
(``line_of``) and a table's lines (``TomlLocator``).

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


def toml_lines(text: str) -> list[str]:
    """The lines of a TOML text as TOML counts them: split at newlines only (str.splitlines
    also splits at characters a TOML string may hold, such as U+0085 and U+2028)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_of(text: str, name: str) -> int | None:
    """The first line that assigns or names ``name`` (for errors about parsed values)."""
    pattern = re.compile(rf'^\s*(?:"{re.escape(name)}"|{re.escape(name)})\s*=|\[\s*{re.escape(name)}\s*\]')
    for number, line in enumerate(toml_lines(text), start=1):
        if pattern.search(line):
            return number
    for number, line in enumerate(toml_lines(text), start=1):
        if name in line:
            return number
    return None


class TomlLocator:
    """Where the ``[[kind]]`` tables (and inline ``kind = [{...}]`` tables) of a TOML text stand:
    for errors about parsed values, and for editing a table in place (commenting it out)."""

    _HEADER = re.compile(r"^\s*\[(\[)?\s*([^\]]+?)\s*\]")

    def __init__(self, text: str):
        self.text = text
        self.lines = toml_lines(text)
        self.headers: list[tuple[str, bool, int]] = []
        # kind -> [(index in headers, line)] of its [[kind]] tables: built once, so finding the
        # lines of every binding of a large file stays linear.
        self._arrays: dict[str, list[tuple[int, int]]] = {}
        for number, line in enumerate(self.lines, start=1):
            m = self._HEADER.match(line)
            if m:
                name, array = m.group(2).strip('"'), bool(m.group(1))
                if array:
                    self._arrays.setdefault(name, []).append((len(self.headers), number))
                self.headers.append((name, array, number))

    def key_line(self, span: tuple[int, int], key: str | None) -> int:
        """The line of ``key = ...`` (or a dotted ``key.sub = ...``) within a table's lines, else
        the table's first line."""
        if key is not None:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
            for number in range(span[0], span[1] + 1):
                if pattern.match(self.lines[number - 1]):
                    return number
        return span[0]

    def span(self, kind: str, index: int) -> tuple[int, int] | None:
        heads = self._arrays.get(kind, [])
        if index >= len(heads):
            return None
        i, start = heads[index]
        end = self.headers[i + 1][2] - 1 if i + 1 < len(self.headers) else len(self.lines)
        while end > start and (not self.lines[end - 1].strip() or self.lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return start, end

    def inline_line(self, kind: str, index: int) -> int | None:
        """The line of the index-th inline table of ``kind = [{...}, {...}]``."""
        start = None
        for number, line in enumerate(self.lines, start=1):
            if re.match(rf"^\s*{re.escape(kind)}\s*=\s*\[", line):
                start = number
                break
        if start is None:
            return None
        seen = -1
        for number in range(start, len(self.lines) + 1):
            code = self.lines[number - 1].split("#", 1)[0]
            for _ in range(code.count("{")):
                seen += 1
                if seen == index:
                    return number
        return start

    def line(self, kind: str, index: int, key: str | None = None, value: Any = None) -> int | None:
        span = self.span(kind, index)
        if span is not None:
            return self.key_line(span, key)
        inline = self.inline_line(kind, index)
        if inline is not None:
            return inline
        if isinstance(value, str) and value:
            found = line_of(self.text, value)
            if found:
                return found
        return line_of(self.text, key or kind)

