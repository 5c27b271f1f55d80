"""Where finished frames go: video files, PNG sequences, raw bytes on stdout, or nowhere.

Every sink receives frames as RGB bytes in GL row order (bottom row first) and flips them
where that is free: ffmpeg's ``vflip`` only changes row pointers, and the PNG writer filters
rows from a reversed view.  Files are written under a temporary name beside the final one
(``NAME.partial``) and renamed only when complete, so an interrupted render never leaves a
broken file under the name a user will open.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path
from queue import Queue
from typing import BinaryIO


from .errors import VisualsError
from .paths import display_path
from .pngio import encode_png, gl_rows_to_image

FORMATS = ("mp4", "mov", "png", "raw")
PARTIAL = ".partial"


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL)


def ensure_writable(path: Path, is_dir: bool = False) -> None:
    """Fail before rendering, not after, when the output cannot be written."""
    parent = path if is_dir else path.parent
    target = path.parent if is_dir else parent
    try:
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target, prefix=".visuals-write-test-"):
            pass
    except OSError as err:
        raise VisualsError(f"cannot write output {display_path(path)}: {err.strerror or err}",
                           file=display_path(path),
                           fix="choose a folder you can write to with --out, e.g. renders/") from None
    if not is_dir and path.is_dir():
        raise VisualsError(f"output {display_path(path)} is a folder", file=display_path(path),
                           fix="give a file name with --out, e.g. renders/show.mp4")


class Sink:
    """Receives frames in order; ``finish`` makes the output final, ``abort`` removes it.

    ``input_format`` says what bytes the sink wants: ``rgb24`` (GL row order) or ``yuv420p``
    (planar, top row first, converted on the GPU by visuals.yuv).
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
                 crf: int = 18, preset: str = "medium", gpu_yuv: bool = True, codec_args: tuple[str, ...] = ()):
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
               *(tags if self.input_format == "yuv420p" else []), "-i", "-",
               *filters, *tags, *codec, *codec_args, str(self.tmp)]
        self._stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=self._stderr)

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
        os.replace(self.tmp, self.path)
        self._stderr.close()

    def abort(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        try:
            self.tmp.unlink()
        except FileNotFoundError:
            pass


class PngSequenceSink(Sink):
    """One PNG per frame, ``frame_000123.png`` by absolute frame index, in a folder.

    Frames are encoded on a small thread pool (deflate releases the GIL) into
    ``FOLDER.partial``, which replaces ``FOLDER`` when the sequence is complete.
    """

    def __init__(self, folder: Path, size: tuple[int, int], threads: int | None = None,
                 pattern: str = "frame_{:06d}.png"):
        super().__init__(size)
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise VisualsError(f"output {display_path(self.folder)} is a file, a PNG sequence needs a folder",
                               file=display_path(self.folder), fix="give a folder name with --out")
        ensure_writable(self.folder, is_dir=True)
        self.tmp = partial_path(self.folder)
        if self.tmp.exists():
            shutil.rmtree(self.tmp)
        self.tmp.mkdir(parents=True)
        self.pattern = pattern
        workers = threads or min(4, os.cpu_count() or 2)
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="png")
        self.pending: list[Future] = []
        self.max_pending = workers * 2

    def write(self, index: int, data: bytes) -> None:
        self.pending.append(self.pool.submit(self._encode, index, data))
        while len(self.pending) > self.max_pending:
            self.pending.pop(0).result()
        self.frames_written += 1

    def _encode(self, index: int, data: bytes) -> None:
        image = gl_rows_to_image(data, self.size)
        (self.tmp / self.pattern.format(index)).write_bytes(encode_png(image))

    def finish(self) -> None:
        for f in self.pending:
            f.result()
        self.pool.shutdown()
        if self.folder.exists():
            old = self.folder.with_name(self.folder.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            self.folder.rename(old)
            self.tmp.rename(self.folder)
            shutil.rmtree(old)
        else:
            self.tmp.rename(self.folder)

    def abort(self) -> None:
        for f in self.pending:
            f.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.tmp, ignore_errors=True)


class RawSink(Sink):
    """Raw RGB24 frames, top row first, on a stream (stdout) for piping into other tools."""

    def __init__(self, size: tuple[int, int], stream: BinaryIO | None = None):
        super().__init__(size)
        self.stream = stream or sys.stdout.buffer

    def write(self, index: int, data: bytes) -> None:
        self.stream.write(gl_rows_to_image(data, self.size).tobytes())
        self.frames_written += 1

    def finish(self) -> None:
        self.stream.flush()


def write_png(path: Path, data: bytes, size: tuple[int, int]) -> None:
    """One still image, written atomically."""
    path = Path(path)
    ensure_writable(path)
    tmp = partial_path(path)
    try:
        tmp.write_bytes(encode_png(gl_rows_to_image(data, size)))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
