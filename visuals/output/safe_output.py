"""Writing files without ever losing what a user owns.

Every file the program writes (videos, stills, sheets, PNG frames; and any settings file that
adopts :func:`write_file`) follows the same rules, stated for users in the README's "Output":

* A file is written under ``NAME.partial`` beside its final name and renamed over ``NAME`` only
  when it is complete, so ``NAME`` is never a broken file.
* Only a regular file, or nothing, is ever replaced.  A folder, a device, a FIFO, a socket or a
  symbolic link (whatever it points at) at the output path is refused with one line: replacing
  ``/dev/full`` by a PNG, or a link by a file, would destroy something the program did not make.
* ``NAME.partial`` left by a run that was killed outright (SIGKILL, power cut) is removed by the
  next run that writes ``NAME``, and only when it is a regular file; anything else under that
  name is refused, never removed.
* Nothing is created before it is needed: :func:`ensure_writable` only checks, the missing
  folders above an output are made when writing starts (:func:`make_parents`), and a write
  that fails or is interrupted removes the folders it made, while they are still empty.

Errors from the file system (a full disk, no permission) become one :class:`VisualsError`
naming the file, and the ``.partial`` this write claimed is removed first.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from visuals.errors import VisualsError
from visuals.load.paths import display_path

PARTIAL = ".partial"


def partial_path(path: Path) -> Path:
    """Where ``path`` is written until it is complete: ``NAME.partial`` in the same folder, so
    the final rename never crosses file systems."""
    path = Path(path)
    return path.with_name(path.name + PARTIAL)


# What a path that is not a regular file is, as an error message names it.
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def write_error(path: Path, err: OSError, fix: str | None = None) -> VisualsError:
    """One line for a failed write: which file, what the system said, and how to get past it."""
    if fix is None:
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            fix = "free some disk space, or write to another disk with --out"
        elif err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            fix = "choose a folder you can write to with --out, e.g. renders/"
        else:
            fix = "check the output path, or choose another with --out"
    shown = display_path(path)
    return VisualsError(f"cannot write output: {err.strerror or err}", file=shown, fix=fix)


def check_replaceable(path: Path, fix: str | None = None) -> None:
    """Refuse an output path that holds anything but a regular file (or nothing).

    Uses ``lstat``: a symbolic link is refused whatever it points at, because renaming a new
    file over it would replace the link itself, and writing through it would reach a file the
    user named elsewhere."""
    path = Path(path)
    try:
        st = _lstat(path)
    except OSError as err:          # a folder on the way that may not be searched, say
        raise write_error(path, err) from None
    if st is None or stat.S_ISREG(st.st_mode):
        return
    shown = display_path(path)
    if stat.S_ISDIR(st.st_mode):
        raise VisualsError(f"output {shown} is a folder", file=shown,
                           fix=fix or "give a file name with --out, e.g. renders/show.mp4")
    raise VisualsError(f"output {shown} is {_kind(st.st_mode)}; only a regular file is ever replaced",
                       file=shown, fix=fix or "give the name of a new or regular file with --out")


def _nearest_existing(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate):
            return candidate
    return Path(".")


def ensure_writable(path: Path, is_dir: bool = False) -> None:
    """Fail before rendering, not after, when the output cannot be written.  Creates nothing
    (a probe file in an existing folder comes and goes): folders are made when writing starts."""
    path = Path(path)
    if not is_dir:
        check_replaceable(path)
    folder = path if is_dir else path.parent
    existing = _nearest_existing(folder)
    try:
        if not existing.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(existing))
        if existing == folder:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".visuals-write-test-"):
                pass
        elif not os.access(existing, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(existing))
    except OSError as err:
        raise write_error(path, err) from None


def make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and the missing folders above it; return those this call created,
    outermost first, so a failed write can remove exactly them (see :func:`remove_folders`)."""
    missing = []
    for candidate in (Path(folder), *Path(folder).parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    created = []
    for candidate in reversed(missing):
        try:
            candidate.mkdir()
        except FileExistsError:
            if candidate.is_dir():      # made by someone else meanwhile: not ours to remove
                continue
            raise
        created.append(candidate)
    return created


def remove_folders(created: list[Path]) -> None:
    """Remove folders this run created, innermost first, only while they are empty
    (``rmdir`` never removes anything inside)."""
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:
            return


def claim_partial(path: Path) -> int:
    """Create ``NAME.partial`` for writing ``path`` and return its open descriptor.

    A regular file already there is a leftover of a killed run and is removed; anything else
    there is refused.  ``O_EXCL`` makes sure the file written is the one just created (a link
    planted under that name between the check and the open is never followed)."""
    tmp = partial_path(path)
    st = _lstat(tmp)
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            shown = display_path(tmp)
            raise VisualsError(f"{shown} is in the way: it is {_kind(st.st_mode)}, and only a regular "
                               f"file left by an interrupted run is removed under that name", file=shown,
                               fix="move it away, or choose another name with --out")
        os.unlink(tmp)
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)


def discard_partial(path: Path) -> None:
    """Remove the ``NAME.partial`` this run claimed for ``path``."""
    try:
        os.unlink(partial_path(path))
    except FileNotFoundError:
        pass


def commit(path: Path, durable: bool = True) -> None:
    """Rename the finished ``NAME.partial`` over ``path``.

    The output path is checked again first: a render can take hours, and whatever appeared
    there meanwhile is held to the same rule.  ``durable`` flushes the file to disk before the
    rename, so a power cut leaves the old file or the new one, never an empty one."""
    tmp = partial_path(path)
    check_replaceable(path)
    if durable:
        fd = os.open(tmp, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    os.replace(tmp, path)


def _write_all(fd: int, data: bytes | memoryview) -> None:
    """Write every byte (``os.write`` may write fewer than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_file(path: Path, data: bytes | Callable[[], bytes], *, durable: bool = True,
               make_folders: bool = True, fix: str | None = None, through_links: bool = False) -> None:
    """Write a whole file by the rules above: ``NAME.partial`` first, then a rename over a
    regular file or nothing.  ``data`` may be a function, called once the output is known to
    be writable (to encode an image only then).  Any failure or interrupt removes the partial
    file and the folders this call created; file-system errors become one VisualsError.

    Settings files (presets, mappings, status) can adopt this as it is: it is the same
    write-then-rename they do, with the checks added.  ``through_links`` is for them: a
    settings file kept as a symbolic link (into a dotfiles folder, say) is written where the
    link leads, and the link stays; renders refuse links instead (see check_replaceable)."""
    path = Path(os.path.realpath(path)) if through_links else Path(path)
    claimed = False
    created: list[Path] = []
    try:
        check_replaceable(path, fix)
        if make_folders:
            created = make_parents(path.parent)
        payload = data() if callable(data) else data
        fd = claim_partial(path)
        claimed = True
        try:
            _write_all(fd, payload)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        commit(path, durable=False)
        claimed = False
    except BaseException as err:
        if claimed:
            discard_partial(path)
        remove_folders(created)
        if isinstance(err, OSError):
            raise write_error(path, err, fix) from None
        raise
