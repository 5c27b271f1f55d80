"""The client's side of the output: chunks' results become the final file, folder or stream.

The same rules as a single machine's sinks (see safe_output.py and the README's "Output"),
through the same functions: nothing is created before the render starts, nothing this render
did not make is deleted or replaced, and a file appears under its final name only complete.

- mp4/mov: ``NAME.partial`` is claimed at the start, as ``VideoSink`` does; the segments wait in
  a folder this render creates beside the output and are joined by ffmpeg's concat demuxer with
  ``-c copy`` (no re-encoding: every segment starts on a key frame and was encoded with the same
  settings) into ``NAME.partial``, which is committed (renamed) over ``NAME`` at the end.
- png: ``PngSequenceSink`` checks the frame names and makes the folder; each PNG the workers
  encoded is written by ``safe_output.write_file`` (``frame_NNNNNN.png.partial``, renamed), so a
  folder only gains or overwrites its own frames, as on one machine.
- raw: the frames (turned top row first by the workers) go to stdout through ``RawSink``, in
  order, as soon as the chunks before them have arrived.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from visuals.output.safe_output import (claim_partial, commit, discard_partial, ensure_writable, make_parents, partial_path,
                           remove_folders, write_error, write_file)
from visuals.output.sinks import PngSequenceSink, RawSink, ffmpeg_exe
from .job import ChunkResult

PNG_PATTERN = "frame_{:06d}.png"   # PngSequenceSink's own default, passed to it explicitly


def concat_command(listing: Path, out: Path, fmt: str) -> list[str]:
    """ffmpeg joining the files named in ``listing`` into ``out`` without re-encoding."""
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0",
            "-i", str(listing), "-c", "copy", "-map", "0:v",
            *(["-movflags", "+faststart"] if fmt == "mp4" else []), "-f", fmt, str(out)]


class VideoJoin:
    """mp4/mov segments joined without re-encoding."""

    def __init__(self, path: Path, fmt: str):
        self.path = Path(path)
        self.fmt = fmt
        ensure_writable(self.path)
        self._created: list[Path] = []
        self._claimed = False
        self._proc: subprocess.Popen | None = None
        self.segments: Path | None = None
        self.numbers: list[int] = []
        try:
            self._created = make_parents(self.path.parent)
            os.close(claim_partial(self.path))
            self._claimed = True
            self.segments = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.segments-", dir=self.path.parent))
        except BaseException as err:
            self.abort()
            if isinstance(err, OSError):
                raise write_error(self.path, err) from None
            raise

    def add(self, result: ChunkResult) -> None:
        try:
            (self.segments / f"segment_{result.number:06d}.{self.fmt}").write_bytes(result.segment)
        except OSError as err:
            raise write_error(self.path, err) from None
        self.numbers.append(result.number)

    def finish(self) -> None:
        listing = self.segments / "segments.txt"
        listing.write_text("".join(f"file 'segment_{n:06d}.{self.fmt}'\n" for n in sorted(self.numbers)))
        self._proc = subprocess.Popen(concat_command(listing, partial_path(self.path), self.fmt),
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, err = self._proc.communicate()
        if self._proc.returncode != 0:
            lines = err.decode(errors="replace").strip().splitlines()
            raise VisualsError(f"ffmpeg could not join the segments into {display_path(self.path)}: "
                               f"{lines[-1] if lines else 'exit code ' + str(self._proc.returncode)}",
                               file=display_path(self.path), fix="check free disk space and the output path")
        try:
            commit(self.path)
        except OSError as err:
            raise write_error(self.path, err) from None
        self._claimed = False
        shutil.rmtree(self.segments, ignore_errors=True)

    def abort(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self.segments is not None:
            shutil.rmtree(self.segments, ignore_errors=True)
        if self._claimed:
            discard_partial(self.path)
            self._claimed = False
        remove_folders(self._created)


class PngFolder:
    """PNG files the workers encoded, written by frame index by the single machine's rules."""

    def __init__(self, folder: Path, size: tuple[int, int], frames: range):
        # The sink checks the folder and every frame name, and makes the folder; its encoder
        # threads stay idle (the workers encoded the frames).
        self.sink = PngSequenceSink(folder, size, threads=1, pattern=PNG_PATTERN, frames=frames)
        self.folder = self.sink.folder
        self.frames = frames

    def add(self, result: ChunkResult) -> None:
        for index, data in sorted(result.pngs.items()):
            write_file(self.folder / PNG_PATTERN.format(index), data, durable=False, make_folders=False,
                       fix="free some disk space, or write the sequence to another disk with --out")

    def finish(self) -> None:
        self.sink.finish()

    def abort(self) -> None:
        self.sink.abort()

    def other_frames(self) -> int:
        return self.sink.other_frames(self.frames)


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
            for rows in self.waiting.pop(self.next_number).raw:
                self.sink.write_top_down(rows)
                self.frame += 1
            self.next_number += 1

    def finish(self) -> None:
        if self.waiting:   # cannot happen when every chunk arrived; a guard, not a path
            raise VisualsError(f"chunks {sorted(self.waiting)} arrived without those before them")
        self.sink.finish()

    def abort(self) -> None:
        pass


class VideoWithSound:
    """The joined picture, then the render's sound muxed in: the same second step
    (``audio.mux.SoundAfterPicture``) a single render's AudioMuxSink takes."""

    def __init__(self, path: Path, fmt: str, sound, fps, frame_count: int):
        from visuals.audio.mux import SoundAfterPicture
        self.muxed = SoundAfterPicture(lambda picture: VideoJoin(picture, fmt), path, fmt,
                                       sound.samples, sound.rate, fps, frame_count)

    def add(self, result: ChunkResult) -> None:
        self.muxed.inner.add(result)

    def finish(self) -> None:
        self.muxed.finish()

    def abort(self) -> None:
        self.muxed.abort()


def open_output(fmt: str, out: Path | None, size: tuple[int, int], frames: range, sound=None, fps=None):
    """The writer for ``fmt``, checked (and its place made) before any chunk renders."""
    if fmt == "raw":
        return RawStream(size)
    if fmt == "png":
        return PngFolder(out, size, frames)
    if sound is not None:
        return VideoWithSound(out, fmt, sound, fps, len(frames))
    return VideoJoin(out, fmt)
