"""Where finished frames go: video files, PNG sequences, raw bytes on stdout, or nowhere.

Every sink receives frames as RGB bytes in GL row order (bottom row first) and flips them
where that is free: ffmpeg's ``vflip`` only changes row pointers, and the PNG writer filters
rows from a reversed view.  Every file is written by the rules of safe_output.py: under
``NAME.partial`` beside the final name, renamed over a regular file or nothing only when
complete, so an interrupted render never leaves a broken file under the name a user will
open, and nothing the program did not make is ever removed or replaced.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path
from queue import Queue
from typing import BinaryIO

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from .pngio import encode_png, gl_rows_to_image
from .safe_output import (check_replaceable, claim_partial, commit, discard_partial, ensure_writable, make_parents,
                          partial_path, remove_folders, write_error, write_file)

class Sink:
    """Receives frames in order; ``finish`` makes the output final, ``abort`` removes it.

    ``input_format`` says what bytes the sink wants: ``rgb24`` (GL row order) or ``yuv420p``
    (planar, top row first, converted on the GPU by visuals.output.yuv).
    """

    input_format = "rgb24"

    def __init__(self, size: tuple[int, int]):
        self.size = size
        self.frames_written = 0

    def write(self, index: int, data: bytes) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass


class NullSink(Sink):
    """Discards frames: for benchmarks of rendering alone."""

    def write(self, index: int, data: bytes) -> None:
        self.frames_written += 1


def ffmpeg_exe() -> str:
    """The ffmpeg binary: $IMAGEIO_FFMPEG_EXE when set (a system build, say one with a
    hardware encoder), else the one that ships in the imageio-ffmpeg wheel."""
    chosen = os.environ.get("IMAGEIO_FFMPEG_EXE")
    if chosen:
        return chosen
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


def _fps_arg(fps: Fraction) -> str:
    return f"{fps.numerator}/{fps.denominator}"


class VideoSink(Sink):
    """H.264 mp4 (yuv420p, BT.709) or ProRes 422 HQ mov through an ffmpeg subprocess.

    For mp4 on a GPU the frames arrive already converted to yuv420p (``gpu_yuv``), so ffmpeg
    hands them to x264 untouched; on software GL, and for ProRes (4:2:2, 10-bit), ffmpeg takes
    RGB and converts it itself.
    """

    def __init__(self, path: Path, size: tuple[int, int], fps: Fraction, fmt: str = "mp4",
                 crf: int = 18, preset: str = "medium", gpu_yuv: bool = True, codec_args: tuple[str, ...] = (),
                 inputs: tuple[str, ...] = ()):
        """``inputs`` are more ffmpeg inputs after the frames (``-i sound.wav``), which
        ``codec_args`` map and encode: the sound muxed in by the same encoder."""
        super().__init__(size)
        self.input_format = "yuv420p" if (fmt == "mp4" and gpu_yuv) else "rgb24"
        w, h = size
        if w % 2 or h % 2:
            raise VisualsError(f"{fmt} video needs an even width and height, got {w}x{h}",
                               fix="give an even --size such as 1280x720, or use --format png")
        self.path = Path(path)
        self.tmp = partial_path(self.path)
        ensure_writable(self.path)
        codec = {
            "mp4": ["-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p",
                    "-movflags", "+faststart", "-f", "mp4"],
            "mov": ["-c:v", "prores_ks", "-profile:v", "3", "-vendor", "apl0",
                    "-pix_fmt", "yuv422p10le", "-f", "mov"],
        }[fmt]
        if self.input_format == "yuv420p":
            source = ["-pix_fmt", "yuv420p"]
            filters: list[str] = []
        else:
            # RGB rows arrive bottom-up; vflip only negates the line stride.  Convert with the
            # BT.709 matrix, chroma sited left as H.264 expects (the GPU converter's siting,
            # so both paths give the same planes), and mark the frames BT.709 with setparams:
            # the encoder takes primaries and transfer from the frames, which scale leaves
            # unspecified.
            source = ["-pix_fmt", "rgb24"]
            filters = ["-vf", "vflip,"
                              "scale=out_color_matrix=bt709:out_range=tv:out_chroma_loc=left"
                              ":flags=accurate_rnd+full_chroma_int,"
                              "setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv"]
        # The same colour tags on input and output: for yuv420p input they say what the GPU
        # wrote, so ffmpeg inserts no conversion between them.
        tags = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                "-color_range", "tv"]
        cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
               "-f", "rawvideo", *source, "-s", f"{w}x{h}", "-framerate", _fps_arg(fps),
               *(tags if self.input_format == "yuv420p" else []), "-i", "-", *inputs,
               *filters, *tags, *codec, *codec_args, str(self.tmp)]
        # ffmpeg opens the file by name (mp4's faststart rewrites it), so the partial file is
        # claimed here (a leftover regular file replaced, anything else refused) and handed over.
        self._created: list[Path] = []
        self._claimed = False
        try:
            self._created = make_parents(self.path.parent)
            os.close(claim_partial(self.path))
            self._claimed = True
            self._stderr = tempfile.TemporaryFile()
        except BaseException as err:
            self._cleanup()
            if isinstance(err, OSError):
                raise write_error(self.path, err) from None
            raise
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=self._stderr)
        except BaseException as err:
            self._cleanup()
            if isinstance(err, OSError):
                raise VisualsError(f"cannot start ffmpeg ({cmd[0]}): {err.strerror or err}",
                                   fix="unset IMAGEIO_FFMPEG_EXE or point it at an ffmpeg binary") from None
            raise

    def write(self, index: int, data: bytes) -> None:
        try:
            self.proc.stdin.write(data)  # type: ignore[union-attr]
        except BrokenPipeError:
            raise self._failure() from None
        self.frames_written += 1

    def _failure(self) -> VisualsError:
        self.proc.wait()
        self._stderr.seek(0)
        log = self._stderr.read().decode(errors="replace").strip().splitlines()
        self._cleanup()
        return VisualsError(f"ffmpeg failed writing {display_path(self.path)}: "
                            f"{log[-1] if log else 'exit code ' + str(self.proc.returncode)}",
                            file=display_path(self.path), fix="check free disk space and the output path")

    def finish(self) -> None:
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
        except BrokenPipeError:
            pass
        if self.proc.wait() != 0:
            raise self._failure()
        try:
            commit(self.path)
        except BaseException as err:
            self._cleanup()
            if isinstance(err, OSError):
                raise write_error(self.path, err) from None
            raise
        self._claimed = False
        self._stderr.close()

    def abort(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        """Remove what this sink made: its partial file, then the folders it created if empty."""
        if self._claimed:
            discard_partial(self.path)
            self._claimed = False
        remove_folders(self._created)


class PngSequenceSink(Sink):
    """One PNG per frame, ``frame_000123.png`` by absolute frame index, in a folder.

    Frames are encoded on a small thread pool (deflate releases the GIL).  Each frame is
    written as ``frame_000123.png.partial`` and renamed when complete, so a frame file is
    never broken.  The folder may already exist and hold anything: a render only adds or
    overwrites (regular) files of its own frame pattern; the folder is never renamed, emptied
    or removed, except that a folder this render created is removed again if it is still
    empty when the render fails.  Frames finished before an interrupt stay: they are complete.
    A ``.partial`` left by a killed run is removed when the same frame is written again, never
    for frames outside this render's range: several renders of different ranges may share a
    folder, and one must not take another's half-written frame away.
    """

    def __init__(self, folder: Path, size: tuple[int, int], threads: int | None = None,
                 pattern: str = "frame_{:06d}.png", frames=None):
        """``frames``, the indices to be written, are checked before anything is made."""
        super().__init__(size)
        self.folder = Path(folder)
        shown = display_path(self.folder)
        if os.path.lexists(self.folder) and not self.folder.is_dir():
            raise VisualsError(f"output {shown} is a file, a PNG sequence needs a folder",
                               file=shown, fix="give a folder name with --out")
        ensure_writable(self.folder, is_dir=True)
        self.pattern = pattern
        if frames is not None:
            self.check_frames(frames)
        try:
            self._created = make_parents(self.folder)
        except OSError as err:
            raise write_error(self.folder, err) from None
        workers = threads or min(4, os.cpu_count() or 2)
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="png")
        self.pending: list[Future] = []
        self.max_pending = workers * 2

    def check_frames(self, indices) -> None:
        """Refuse before rendering when a frame's name is taken by anything but a regular file."""
        for index in indices:
            check_replaceable(self.folder / self.pattern.format(index),
                              fix="move it away, or write the sequence into another folder with --out")

    def other_frames(self, indices) -> int:
        """How many frame files of this pattern in the folder this render did not write (an
        earlier, longer render's): they stay, and the user is told so."""
        prefix, marker, suffix = self.pattern.partition("{:06d}")
        if not marker:
            return 0
        ours = {self.pattern.format(i) for i in indices}
        with os.scandir(self.folder) as entries:
            return sum(1 for e in entries if e.name.startswith(prefix) and e.name.endswith(suffix)
                       and e.name[len(prefix):len(e.name) - len(suffix)].isdigit() and e.name not in ours)

    def write(self, index: int, data: bytes) -> None:
        self.pending.append(self.pool.submit(self._encode, index, data))
        while len(self.pending) > self.max_pending:
            self.pending.pop(0).result()
        self.frames_written += 1

    def _encode(self, index: int, data: bytes) -> None:
        # Not flushed to disk frame by frame (an fsync each would slow the sequence down);
        # a power cut can lose the last frames written, never an older one.
        write_file(self.folder / self.pattern.format(index),
                   lambda: encode_png(gl_rows_to_image(data, self.size)), durable=False, make_folders=False,
                   fix="free some disk space, or write the sequence to another disk with --out")

    def finish(self) -> None:
        while self.pending:
            self.pending.pop(0).result()
        self.pool.shutdown()

    def abort(self) -> None:
        for f in self.pending:
            f.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)
        remove_folders(self._created)


class RawSink(Sink):
    """Raw RGB24 frames, top row first, on a stream (stdout) for piping into other tools."""

    def __init__(self, size: tuple[int, int], stream: BinaryIO | None = None):
        super().__init__(size)
        if stream is None and sys.stdout is None:
            raise VisualsError("stdout is closed: raw frames have nowhere to go",
                               fix="pipe the output into a program, e.g. | ffplay -f rawvideo ...")
        self.stream = stream or sys.stdout.buffer

    def write(self, index: int, data: bytes) -> None:
        self.write_top_down(gl_rows_to_image(data, self.size).tobytes())

    def write_top_down(self, rows: bytes) -> None:
        """A frame already turned top row first (a farm worker does that, so the one client
        only copies bytes)."""
        try:
            self.stream.write(rows)
        except OSError as err:
            raise self._failed(err) from None
        self.frames_written += 1

    def finish(self) -> None:
        try:
            self.stream.flush()
        except OSError as err:
            raise self._failed(err) from None

    def _failed(self, err: OSError) -> BaseException:
        """The reader left (a broken pipe: the caller ends quietly) or the stream refused the
        bytes (a full disk: one line).  Either way the bytes still buffered must go nowhere,
        or Python's flush at exit would fail a second time with a traceback-like warning."""
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        if isinstance(err, BrokenPipeError):
            return err
        return VisualsError(f"cannot write raw frames to stdout: {err.strerror or err}",
                            fix="send stdout to a disk with free space or to a program that reads it, "
                                "e.g. | ffplay -f rawvideo ...")


class ThreadedSink(Sink):
    """Runs another sink's writes on a thread so rendering the next frame overlaps them.

    The queue is short (``depth`` frames): enough to absorb jitter, small enough that a slow
    encoder applies back-pressure instead of filling memory.
    """

    _STOP = object()

    def __init__(self, inner: Sink, depth: int = 3):
        super().__init__(inner.size)
        self.inner = inner
        self.input_format = inner.input_format
        self.queue: Queue = Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="sink-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is self._STOP:
                return
            if self.error is None:
                try:
                    self.inner.write(*item)
                except BaseException as err:  # surfaced on the render thread
                    self.error = err

    def write(self, index: int, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((index, data))
        self.frames_written += 1

    def finish(self) -> None:
        self.queue.put(self._STOP)
        self.thread.join()
        if self.error is not None:
            raise self.error
        self.inner.finish()

    def abort(self) -> None:
        if self.thread.is_alive():
            # Drain so the thread can see the stop marker even if the queue is full.
            while not self.queue.empty():
                try:
                    self.queue.get_nowait()
                except Exception:
                    break
            self.queue.put(self._STOP)
            self.thread.join(timeout=5)
        self.inner.abort()
