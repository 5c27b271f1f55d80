"""Show and scene names as data files may give them.

A set file, or a MIDI mapping's clip pad, names a show or scene that the registry looks up on
the user's own search path.  ``Registry.show`` also takes a shader file's path (for the
command line), so a name read from a file must be checked first: a file someone sent you
must never make visuals compile or import a file of its choosing.
"""
from __future__ import annotations

from typing import Any

from .paths import SHADER_SUFFIXES

MAX_NAME = 256      # characters: far longer than any real name, short enough for one error line


def is_plain_name(value: Any) -> bool:
    """A show or scene name as 'visuals list' prints them: never a path or a shader file."""
    return (isinstance(value, str) and 0 < len(value) <= MAX_NAME and value.isprintable()
            and "/" not in value and "\\" not in value and not value.startswith(".")
            and not value.endswith(SHADER_SUFFIXES))


NAME_FIX = ("a file names a show or scene as 'visuals list' prints it, never a path; "
            "give the folders of your own shows with --path")
