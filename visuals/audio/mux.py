"""Sound into a rendered video, in one of two ways.

A single render hands the sound to the picture's own encoder as a second input
(:class:`AudioMuxSink`): one ffmpeg writes both streams, the sound cut to exactly the rendered
frames, and nothing is read or written a second time (a second pass cost a fixed 0.2 s, 7.5 %
of a 10 s export).  A video made in pieces (a render farm's chunks joined) has no single
encoder, so it gets its sound once at the end (:class:`SoundAfterPicture`): a second ffmpeg
step that copies the picture untouched and adds the sound, prepared while the picture renders.

Files follow safe_output's rules: everything is written under ``NAME.partial`` (the joined
picture under ``NAME.noaudio.partial``) and renamed over ``NAME`` only when complete; a failure
or interrupt at any point removes what this render made and leaves ``NAME`` as it was.
"""
from __future__ import annotations

import io
import os
import subprocess
import tempfile
from fractions import Fraction
from pathlib import Path

import numpy as np

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from visuals.output.safe_output import check_replaceable, claim_partial, commit, discard_partial, write_error
from visuals.output.sinks import Sink, ffmpeg_exe

# ffmpeg's AAC encoder with its fast coder: a quarter of the default coder's CPU (0.08 s against
# 0.30 s for 10 s of stereo; the default alone was 6 % of a 640x360 export) and, at 192 kb/s,
# no worse a waveform (SNR 25 dB against 20 dB on benchmarks/audio.py's song).
AUDIO_CODECS = {"mp4": ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "192k"], "mov": ["-c:a", "pcm_s24le"]}


def picture_path(path: Path) -> Path:
    """Where the picture alone is finished before the sound joins it."""
    path = Path(path)
    return path.with_name(path.name + ".noaudio.partial")


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """Float samples as a 32-bit float WAV in memory (lossless for the muxer to encode)."""
    import soundfile
    buffer = io.BytesIO()
    soundfile.write(buffer, np.asarray(samples, np.float32), rate, subtype="FLOAT", format="WAV")
    return buffer.getvalue()


def remove_private_folder(folder: Path) -> None:
    """Remove a folder this module made with ``mkdtemp`` and the plain files it put there."""
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


class SoundTrack:
    """The sound of a render, prepared while the picture renders: written as a WAV in a private
    temporary folder and, for mp4, encoded to AAC by an ffmpeg started at once, so joining it to
    the picture afterwards is a copy of both streams."""

    def __init__(self, samples: np.ndarray, rate: int, fmt: str):
        self.folder = Path(tempfile.mkdtemp(prefix="visuals-sound-"))
        self.wav = self.folder / "sound.wav"
        self.wav.write_bytes(wav_bytes(samples, rate))
        self.encoder: subprocess.Popen | None = None
        self.path, self.codec = self.wav, AUDIO_CODECS[fmt]
        if fmt == "mp4":
            self.path, self.codec = self.folder / "sound.m4a", ["-c:a", "copy"]
            cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-nostdin", "-i", str(self.wav),
                   *AUDIO_CODECS[fmt], "-f", "mp4", str(self.path)]
            try:
                self.encoder = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            except OSError as err:
                self.close()
                raise VisualsError(f"cannot start ffmpeg ({cmd[0]}): {err.strerror or err}",
                                   fix="unset IMAGEIO_FFMPEG_EXE or point it at an ffmpeg binary") from None

    def ready(self, out: Path) -> None:
        """Wait for the encoder; its failure is one line naming the output."""
        if self.encoder is None:
            return
        _, err = self.encoder.communicate()
        if self.encoder.returncode != 0:
            lines = err.decode(errors="replace").strip().splitlines()
            raise VisualsError(f"ffmpeg failed encoding the sound for {display_path(out)}: "
                               f"{lines[-1] if lines else 'exit code ' + str(self.encoder.returncode)}",
                               file=display_path(out), fix="check free disk space, or render with --mute")

    def close(self) -> None:
        if self.encoder is not None and self.encoder.poll() is None:
            self.encoder.kill()
            self.encoder.wait()
        remove_private_folder(self.folder)


def mux_audio(video: Path, sound: SoundTrack, out: Path, fmt: str, duration: float) -> None:
    """Write ``out`` (through ``out.partial``) from ``video``'s picture stream, copied, and the
    prepared ``sound``; both cut to ``duration`` seconds."""
    check_replaceable(out)
    sound.ready(out)
    os.close(claim_partial(out))
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-nostdin",
           "-i", str(video), "-i", str(sound.path), "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy",
           *sound.codec, "-t", f"{duration:.6f}",
           *(["-movflags", "+faststart"] if fmt == "mp4" else []), "-f", fmt,
           str(out.with_name(out.name + ".partial"))]
    try:
        proc = subprocess.run(cmd, capture_output=True)
    except BaseException as err:
        discard_partial(out)
        if isinstance(err, OSError):
            raise VisualsError(f"cannot start ffmpeg ({cmd[0]}): {err.strerror or err}",
                               fix="unset IMAGEIO_FFMPEG_EXE or point it at an ffmpeg binary") from None
        raise
    if proc.returncode != 0:
        discard_partial(out)
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        raise VisualsError(f"ffmpeg failed adding the sound to {display_path(out)}: "
                           f"{lines[-1] if lines else 'exit code ' + str(proc.returncode)}",
                           file=display_path(out), fix="check free disk space, or render with --mute")
    try:
        commit(out)
    except BaseException as err:
        discard_partial(out)
        if isinstance(err, OSError):
            raise write_error(out, err) from None
        raise


class SoundAfterPicture:
    """The second step every sounded video takes: its picture is made under
    ``picture_path(out)`` by ``make_picture(path)`` (anything with ``finish`` and ``abort``: a
    single render's VideoSink, the farm's join of segments), then :func:`mux_audio` joins the
    sound in under ``out``; the picture file is removed whether or not that succeeds."""

    def __init__(self, make_picture, out: Path, fmt: str, samples: np.ndarray, rate: int,
                 fps: Fraction, frame_count: int):
        self.out = Path(out)
        check_replaceable(self.out)
        self.picture = picture_path(self.out)
        self.inner = make_picture(self.picture)
        self.fmt = fmt
        self.duration = float(Fraction(frame_count) / fps)
        self._picture_done = False
        try:
            self.sound = SoundTrack(samples, rate, fmt)
        except BaseException:
            self.inner.abort()
            raise

    def finish(self) -> None:
        try:
            self.inner.finish()
            self._picture_done = True
            mux_audio(self.picture, self.sound, self.out, self.fmt, self.duration)
        finally:
            self._remove_picture()
            self.sound.close()

    def abort(self) -> None:
        self.inner.abort()
        self._remove_picture()
        self.sound.close()

    def _remove_picture(self) -> None:
        if self._picture_done:
            Path(self.picture).unlink(missing_ok=True)
            self._picture_done = False


class AudioMuxSink(Sink):
    """A video sink whose encoder also takes the sound: the samples of the rendered range are
    written as a WAV in a private temporary folder, given to ``make_video(out, inputs=...,
    codec_args=...)`` as a second input, encoded (AAC in mp4, PCM in mov) and cut to the
    rendered frames by the same ffmpeg that encodes the picture.

    ``make_video`` builds the picture's sink (a VideoSink, with whatever codec options the
    caller chose), so this wrapper stays independent of how the picture is encoded.
    """

    def __init__(self, make_video, out: Path, fmt: str, samples: np.ndarray, rate: int,
                 fps: Fraction, frame_count: int):
        self.folder = Path(tempfile.mkdtemp(prefix="visuals-sound-"))
        try:
            wav = self.folder / "sound.wav"
            wav.write_bytes(wav_bytes(samples, rate))
            duration = float(Fraction(frame_count) / fps)
            self.inner = make_video(Path(out), inputs=("-i", str(wav)),
                                    codec_args=("-map", "0:v:0", "-map", "1:a:0", *AUDIO_CODECS[fmt],
                                                "-t", f"{duration:.6f}"))
        except BaseException:
            self._remove_folder()
            raise
        Sink.__init__(self, self.inner.size)
        self.input_format = self.inner.input_format

    def write(self, index: int, data: bytes) -> None:
        self.inner.write(index, data)
        self.frames_written = self.inner.frames_written

    def finish(self) -> None:
        try:
            self.inner.finish()
        finally:
            self._remove_folder()

    def abort(self) -> None:
        try:
            self.inner.abort()
        finally:
            self._remove_folder()

    def _remove_folder(self) -> None:
        if self.folder.exists():
            remove_private_folder(self.folder)
