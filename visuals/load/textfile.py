"""Reading a user's text file (a mapping, a preset or key map, a set, a shader) safely.

Every loader of a file a user wrote or was sent goes through :func:`read_user_text`, so they
all behave the same on the things editors and accidents produce: a UTF-8 byte-order mark
(Windows editors add one) is accepted, bytes that are not UTF-8 are one error naming the
file and the line of the first bad byte, and a file far larger than any real one of its
kind is refused before it is read (a 50 MB mapping took minutes and gigabytes to reject).
"""
from __future__ import annotations

import os
from pathlib import Path

from visuals.errors import VisualsError
from .paths import display_path

BOM = "\ufeff"
MiB = 1024 * 1024
# Mappings, presets and key maps are written by hand or by MIDI learn: a large one is a few
# kilobytes.  1 MiB is hundreds of times that and still parses in well under a second.
SETTINGS_LIMIT = 1 * MiB


def read_user_text(path: str | os.PathLike, what: str, *, limit: int,
                   fix: str | None = None) -> str:
    """The text of ``path`` (a ``what`` file), without a BOM, or one VisualsError."""
    path = Path(path)
    shown = display_path(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise _too_large(shown, what, size, limit)
            # Read one byte more than allowed: a file that grows while read, or a device
            # whose size says 0, is caught too.
            data = handle.read(limit + 1)
    except OSError as err:
        raise VisualsError(f"cannot read {what} file: {err.strerror or err}", file=shown,
                           fix=fix or f"give the path of an existing {what} file") from None
    if len(data) > limit:
        raise _too_large(shown, what, len(data), limit)
    return decode_user_text(data, shown, what)


def decode_user_text(data: bytes, shown: str, what: str) -> str:
    """UTF-8 bytes as text without a BOM; bad bytes are one error naming their line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise VisualsError(f"{what} file is not UTF-8 text (byte 0x{data[err.start]:02x})",
                           file=shown, line=line,
                           fix="save it as UTF-8 in a text editor (or give the right file)") from None
    return text[1:] if text.startswith(BOM) else text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR line ends as LF, so every reader counts lines as an editor does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_large(shown: str, what: str, size: int, limit: int) -> VisualsError:
    return VisualsError(f"{what} file is {_size(size)}, over the limit of {_size(limit)}",
                        file=shown, fix=f"give the right file: a {what} file is far smaller than that")


def _size(n: int) -> str:
    for unit, scale in (("MiB", MiB), ("KiB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
