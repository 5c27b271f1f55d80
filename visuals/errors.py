"""User-facing errors.

Everything a user can get wrong (a show that does not exist, a shader that does not compile,
a value out of range, an unwritable path) is raised as a :class:`VisualsError`.  The CLI turns
it into exactly one line on stderr and exit code 2; a live show puts it on the HUD and keeps
playing.  Keeping file, line and fix as separate fields lets every front end format them the
same way and lets tests assert on them without parsing prose.
"""
from __future__ import annotations

import difflib
import inspect
import os
from dataclasses import dataclass
from typing import Iterable


class VisualsError(Exception):
    """An error the user can fix: says where (file, line), what, and how to fix it."""

    def __init__(self, message: str, *, file: str | os.PathLike | None = None,
                 line: int | None = None, fix: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = os.fspath(file) if file is not None else None
        self.line = line
        self.fix = fix

    @classmethod
    def at(cls, site: SourceSite | None, message: str, fix: str | None = None) -> VisualsError:
        """The error pointing at ``site``, the user's line that built the object at fault
        (see caller_site), or at no file when that line is unknown."""
        return cls(message, file=site.file if site else None, line=site.line if site else None, fix=fix)

    def where(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        text = self.message
        if self.where():
            text = f"{self.where()}: {text}"
        if self.fix:
            text = f"{text} (fix: {self.fix})"
        return text


@dataclass(frozen=True)
class SourceSite:
    """Where a piece of a show or scene was written, so errors can point at it."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


def caller_site(skip_modules: Iterable[str] = ("visuals",)) -> SourceSite | None:
    """The first stack frame outside the engine: the user's line that built the object.

    Shows and scenes are Python written by users; when a value in them is wrong the message
    must name *their* file and line, not a line inside the engine.  The engine is the modules
    named in ``skip_modules`` and their submodules (by module name, so ``python -m visuals``
    and an installed wheel's own scene files are told apart correctly), plus code without a
    file of its own (a dataclass's generated ``__init__``) and the dataclasses module.
    """
    skip = tuple(skip_modules)
    frame = inspect.currentframe()
    try:
        frame = frame.f_back if frame else None
        while frame is not None:
            raw = frame.f_code.co_filename
            module = _module_name(frame)
            if not raw.startswith("<") and module != "dataclasses" \
                    and not any(module == m or module.startswith(m + ".") for m in skip):
                return SourceSite(os.path.abspath(raw), frame.f_lineno)
            frame = frame.f_back
        return None
    finally:
        del frame


def _module_name(frame) -> str:
    """The dotted name of the module a frame runs in; a module run as ``python -m x.y`` is
    ``x.y`` (its ``__spec__``), not ``__main__``."""
    spec = frame.f_globals.get("__spec__")
    return getattr(spec, "name", None) or frame.f_globals.get("__name__") or ""


def suggest(name: str, known: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt name, or the list of valid names."""
    known = sorted(set(known))
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not known:
        return "none are defined"
    shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
    return f"valid names: {shown}"


def brief(value: object, limit: int = 60) -> str:
    """A value from a user's file for an error message: its repr (a string's without the
    quotes when it is plain text), cut to ``limit`` characters, so the message stays one
    short line whatever the file holds (a megabyte-long key, a newline in a name)."""
    if isinstance(value, str) and value.isprintable():
        text = value
    else:
        try:
            text = repr(value)
        except RecursionError:      # a table nested thousands deep (TOML's a.a.a.a... = 1)
            text = f"a {type(value).__name__} nested too deeply"
    return text if len(text) <= limit else text[:limit - 3] + "..."
