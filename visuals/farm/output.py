"""The client's side of the output: chunks' results become the final file, folder or stream.

The same rules as a single machine's sinks: nothing appears under the final name until the
render is complete, and nothing is deleted or replaced that this render did not create.

- mp4/mov: the segments are kept in a folder this render creates beside the output, joined by
  ffmpeg's concat demuxer with ``-c copy`` (no re-encoding: every segment starts on a key frame
  and was encoded with the same settings) into ``NAME.partial``, renamed to ``NAME`` at the end.
- png: files are written as they arrive into a staging folder this render creates:
  ``FOLDER.partial`` renamed to ``FOLDER`` when the folder is new, or a hidden folder inside an
  existing ``FOLDER`` whose ``frame_NNNNNN.png`` files are then moved in (added or overwritten;
  nothing else in the folder is touched).
- raw: the frames go to stdout in order as soon as the chunks before them have arrived.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import VisualsError
from ..paths import display_path
from ..sinks import RawSink, ensure_writable, ffmpeg_exe, partial_path
from .job import ChunkResult

PNG_PATTERN = "frame_{:06d}.png"   # the single machine's PngSequenceSink names frames the same way


def _refuse_existing_partial(partial: Path) -> None:
    if partial.exists() or partial.is_symlink():
        raise VisualsError(f"{display_path(partial)} already exists (left by an interrupted render?)",
                           file=display_path(partial),
                           fix="remove it if it is not needed, or choose another --out")


def concat_command(listing: Path, out: Path, fmt: str) -> list[str]:
    """ffmpeg joining the files named in ``listing`` into ``out`` without re-encoding."""
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "concat", "-safe", "0",
            "-i", str(listing), "-c", "copy", "-map", "0:v",
            *(["-movflags", "+faststart"] if fmt == "mp4" else []), "-f", fmt, str(out)]


class VideoJoin:
    """mp4/mov segments joined without re-encoding."""

    def __init__(self, path: Path, fmt: str):
        self.path = Path(path)
        self.fmt = fmt
        ensure_writable(self.path)
        self.partial = partial_path(self.path)
        _refuse_existing_partial(self.partial)
        self.segments = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.segments-", dir=self.path.parent))
        self._made_partial = False
        self._proc: subprocess.Popen | None = None
        self.numbers: list[int] = []

    def add(self, result: ChunkResult) -> None:
        (self.segments / f"segment_{result.number:06d}.{self.fmt}").write_bytes(result.segment)
        self.numbers.append(result.number)

    def finish(self) -> None:
        listing = self.segments / "segments.txt"
        listing.write_text("".join(f"file 'segment_{n:06d}.{self.fmt}'\n" for n in sorted(self.numbers)))
        cmd = concat_command(listing, self.partial, self.fmt)
        self._made_partial = True
        self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE)
        _, err = self._proc.communicate()
        if self._proc.returncode != 0:
            lines = err.decode(errors="replace").strip().splitlines()
            raise VisualsError(f"ffmpeg could not join the segments into {display_path(self.path)}: "
                               f"{lines[-1] if lines else 'exit code ' + str(self._proc.returncode)}",
                               file=display_path(self.path), fix="check free disk space and the output path")
        if self.path.exists() and not self.path.is_file():
            raise VisualsError(f"output {display_path(self.path)} is not a regular file",
                               file=display_path(self.path), fix="give a file name with --out")
        os.replace(self.partial, self.path)
        self._made_partial = False
        shutil.rmtree(self.segments, ignore_errors=True)

    def abort(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self._made_partial:
            self.partial.unlink(missing_ok=True)
        shutil.rmtree(self.segments, ignore_errors=True)


class PngFolder:
    """PNG files, encoded by the workers, written by frame index into a staging folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise VisualsError(f"output {display_path(self.folder)} is a file, a PNG sequence needs a folder",
                               file=display_path(self.folder), fix="give a folder name with --out")
        self.existing = self.folder.is_dir()
        if self.existing:
            ensure_writable(self.folder / PNG_PATTERN.format(0))
            self.staging = Path(tempfile.mkdtemp(prefix=".visuals-farm-", suffix=".partial", dir=self.folder))
        else:
            ensure_writable(self.folder, is_dir=True)
            self.staging = partial_path(self.folder)
            _refuse_existing_partial(self.staging)
            self.staging.mkdir()
        self.names: list[str] = []

    def add(self, result: ChunkResult) -> None:
        for index, data in sorted(result.pngs.items()):
            name = PNG_PATTERN.format(index)
            (self.staging / name).write_bytes(data)
            self.names.append(name)

    def finish(self) -> None:
        if not self.existing:
            if self.folder.exists():
                raise VisualsError(f"{display_path(self.folder)} appeared while rendering",
                                   file=display_path(self.folder),
                                   fix=f"the frames are kept in {display_path(self.staging)}")
            os.rename(self.staging, self.folder)
            return
        for name in self.names:
            target = self.folder / name
            if target.is_dir() or target.is_symlink():
                raise VisualsError(f"{display_path(target)} is not a regular file", file=display_path(target),
                                   fix="move it away, or choose another --out")
        for name in self.names:
            os.replace(self.staging / name, self.folder / name)
        self.staging.rmdir()

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


class RawStream:
    """Raw frames on stdout, in order, through the single machine's RawSink."""

    def __init__(self, size: tuple[int, int], stream=None):
        self.sink = RawSink(size, stream)
        self.waiting: dict[int, ChunkResult] = {}
        self.next_number = 0
        self.frame = 0

    def add(self, result: ChunkResult) -> None:
        self.waiting[result.number] = result
        while self.next_number in self.waiting:
            for data in self.waiting.pop(self.next_number).raw:
                self.sink.write(self.frame, data)
                self.frame += 1
            self.next_number += 1

    def finish(self) -> None:
        if self.waiting:   # cannot happen when every chunk arrived; a guard, not a path
            raise VisualsError(f"chunks {sorted(self.waiting)} arrived without those before them")
        self.sink.finish()

    def abort(self) -> None:
        pass


def open_output(fmt: str, out: Path | None, size: tuple[int, int]):
    """The writer for ``fmt``, checked (and its staging place made) before any chunk renders."""
    if fmt == "raw":
        return RawStream(size)
    if fmt == "png":
        return PngFolder(out)
    return VideoJoin(out, fmt)
