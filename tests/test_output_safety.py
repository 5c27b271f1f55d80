"""Nothing a user owns is ever lost: what render, still and sheet may replace, create and leave.

Every test works in tmp_path.  Devices are never opened for replacement: a FIFO, a Unix socket
and symbolic links stand in for them (writing raw frames to /dev/full as stdout is safe: it is
only written to, never replaced).
"""
from __future__ import annotations

import errno
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

BROKEN_FRAG = "#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(u_tim);\n}\n"


def run(*args, cwd=None, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "visuals", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120, **kwargs)


def one_line_error(proc: subprocess.CompletedProcess | tuple[int, str]) -> str:
    code, err = (proc.returncode, proc.stderr) if isinstance(proc, subprocess.CompletedProcess) else proc
    assert code == 2, (code, err)
    assert "Traceback" not in err
    progress = re.compile(r".* \[[#-]+\] \d+/\d+ ")       # the sheet's progress bar
    lines = [ln for ln in err.splitlines() if ln.strip() and not progress.match(ln)]
    assert len(lines) == 1, err
    assert lines[0].startswith("visuals: error: ") and "fix:" in lines[0]
    return lines[0]


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.partial"))


# -- 1. a PNG sequence only adds its own frames -------------------------------------------------

def test_png_sequence_into_an_existing_folder_keeps_everything_else(tmp_path):
    out = tmp_path / "d"
    out.mkdir()
    (out / "precious.txt").write_text("keep")
    (out / "frame_000001.png").write_bytes(b"an earlier frame")     # its own pattern: overwritten
    (out / "frame_000007.png").write_bytes(b"outside the range")    # not this render's: kept
    (out / "frame_000001.png.partial").write_bytes(b"left by a killed run")   # its own leftover
    (out / "frame_000009.png.partial").write_bytes(b"another render's frame being written")
    (out / "notes.partial").write_text("a user's file that happens to end in .partial")
    inode = out.stat().st_ino
    proc = run("render", "demo", "--size", "160x90", "--frames", "0:2", "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert (out / "precious.txt").read_text() == "keep"
    assert (out / "notes.partial").read_text().startswith("a user's file")
    assert (out / "frame_000007.png").read_bytes() == b"outside the range"
    assert (out / "frame_000001.png").read_bytes()[:4] == b"\x89PNG"
    assert (out / "frame_000000.png").read_bytes()[:4] == b"\x89PNG"
    assert not (out / "frame_000001.png.partial").exists()
    assert (out / "frame_000009.png.partial").read_bytes().startswith(b"another render's")
    assert out.stat().st_ino == inode, "the folder was renamed away and replaced"
    assert "also holds 1 frame file this render did not write" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"], "nothing is made beside the folder"


def test_png_sequence_into_the_working_folder(tmp_path):
    (tmp_path / "precious.txt").write_text("keep")
    proc = run("render", "demo", "--size", "160x90", "--frames", "0:2", "--out", ".", "--quiet", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frame_000000.png", "frame_000001.png", "precious.txt"]


def test_a_frame_name_taken_by_a_folder_is_refused_before_rendering(tmp_path):
    out = tmp_path / "seq"
    (out / "frame_000001.png").mkdir(parents=True)
    (out / "frame_000001.png" / "inside.txt").write_text("keep")
    line = one_line_error(run("render", "demo", "--size", "160x90", "--frames", "0:2", "--out", str(out),
                              "--quiet"))
    assert "frame_000001.png is a folder" in line
    assert (out / "frame_000001.png" / "inside.txt").read_text() == "keep"
    assert sorted(p.name for p in out.iterdir()) == ["frame_000001.png"]


# -- 2. only a regular file, or nothing, is replaced ----------------------------------------------

def _make_node(path: Path, kind: str, tmp_path: Path):
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        return sock
    elif kind == "symlink-to-file":
        target = tmp_path / "target.bin"
        target.write_bytes(b"the link's target")
        path.symlink_to(target)
    elif kind == "symlink-to-fifo":
        os.mkfifo(tmp_path / "target.fifo")
        path.symlink_to(tmp_path / "target.fifo")
    elif kind == "dangling-symlink":
        path.symlink_to(tmp_path / "nowhere")
    return None


KINDS = ["fifo", "socket", "symlink-to-file", "symlink-to-fifo", "dangling-symlink"]


@pytest.mark.parametrize("kind", KINDS)
def test_still_never_replaces_anything_but_a_regular_file(tmp_path, kind):
    out = tmp_path / "x.png"
    keep = _make_node(out, kind, tmp_path)
    before = os.lstat(out)
    try:
        line = one_line_error(run("still", "demo", "--size", "32x18", "--out", str(out)))
    finally:
        if keep:
            keep.close()
    assert "only a regular file is ever replaced" in line
    after = os.lstat(out)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
    if kind == "symlink-to-file":
        assert (tmp_path / "target.bin").read_bytes() == b"the link's target"
    assert partials(tmp_path) == []


@pytest.mark.parametrize("command", [
    ["render", "demo", "--size", "32x18", "--frames", "0:2", "--quiet"],
    ["sheet", "demo", "--every", "5", "--thumb", "32x18"],
])
def test_render_and_sheet_refuse_a_fifo_at_the_output(tmp_path, command):
    out = tmp_path / ("x.mp4" if command[0] == "render" else "x.png")
    os.mkfifo(out)
    line = one_line_error(run(*command, "--out", str(out)))
    assert "named pipe (FIFO)" in line
    assert stat.S_ISFIFO(os.lstat(out).st_mode)
    assert partials(tmp_path) == []


def test_a_partial_name_that_is_not_a_regular_file_is_refused_not_removed(tmp_path):
    out = tmp_path / "x.png"
    os.mkfifo(tmp_path / "x.png.partial")
    line = one_line_error(run("still", "demo", "--size", "32x18", "--out", str(out)))
    assert "x.png.partial is in the way" in line
    assert stat.S_ISFIFO(os.lstat(tmp_path / "x.png.partial").st_mode)
    assert not out.exists()


def test_a_regular_partial_left_by_a_killed_run_is_cleaned_by_the_next(tmp_path):
    out = tmp_path / "x.mp4"
    (tmp_path / "x.mp4.partial").write_bytes(b"half a video")
    proc = run("render", "demo", "--size", "32x18", "--frames", "0:2", "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 100 and partials(tmp_path) == []


# -- 3. names that contradict the format ----------------------------------------------------------

@pytest.mark.parametrize("args,needle", [
    (["render", "demo", "--format", "png", "--out", "w.mp4"], "--format png writes a folder of frames"),
    (["render", "demo", "--out", "w.png"], "--out w.png names one image"),
    (["render", "demo", "--out", ""], "--out is empty"),
    (["still", "demo", "--out", ""], "--out is empty"),
    (["sheet", "demo", "--out", ""], "--out is empty"),
    (["still", "demo", "--out", "s.gif"], "'.gif' is not an image type visuals writes"),
    (["still", "demo", "--out", "shot"], "no suffix to say the image type"),
    (["sheet", "demo", "--out", "s.tga"], "'.tga' is not an image type"),
])
def test_output_names_that_surprise_are_refused(tmp_path, args, needle):
    line = one_line_error(run(*args, "--size" if args[0] != "sheet" else "--thumb", "32x18", cwd=tmp_path))
    assert needle in line
    assert list(tmp_path.iterdir()) == [], "nothing is written, not even renders/"


@pytest.mark.parametrize("suffix,kind", [(".png", "PNG"), (".jpg", "JPEG"), (".jpeg", "JPEG"), (".webp", "WEBP")])
def test_a_still_is_written_in_the_format_its_name_asks_for(tmp_path, suffix, kind):
    from PIL import Image
    out = tmp_path / f"s{suffix}"
    proc = run("still", "demo", "--at", "3", "--size", "64x36", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    with Image.open(out) as image:
        assert image.format == kind and image.size == (64, 36)


# -- 4. full disks and pipes ----------------------------------------------------------------------

def test_raw_frames_into_a_full_disk_is_one_line(tmp_path):
    with open("/dev/full", "wb") as full:      # written to, never replaced
        proc = subprocess.run([sys.executable, "-m", "visuals", "render", "demo", "--size", "160x90",
                               "--frames", "0:3", "--format", "raw", "--quiet"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    line = one_line_error(proc)
    assert "cannot write raw frames to stdout: No space left on device" in line


def test_raw_frames_into_a_pipe_closed_early_end_quietly(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "visuals", "render", "demo", "--size", "160x90",
                             "--frames", "0:60", "--format", "raw", "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert len(proc.stdout.read(100)) == 100
    proc.stdout.close()                         # as `| head -c 100` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert err == "", err


@pytest.fixture
def full_disk(monkeypatch):
    """Every file written by the rules of safe_output fails as on a full disk."""
    from visuals.output import safe_output

    def no_space(fd, data):
        os.write(fd, bytes(memoryview(data)[:10]))          # a little gets written first
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(safe_output, "_write_all", no_space)


@pytest.mark.parametrize("command,out_name", [
    (["still", "demo", "--size", "32x18"], "x.png"),
    (["sheet", "demo", "--every", "5", "--thumb", "32x18"], "x.png"),
    (["render", "demo", "--size", "32x18", "--frames", "0:3", "--quiet"], "frames"),
])
def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, capsys, full_disk, command, out_name):
    from visuals.cli import main
    out = tmp_path / "new" / out_name
    code = main([*command, "--out", str(out)])
    line = one_line_error((code, capsys.readouterr().err))
    assert "No space left on device" in line and out_name in line
    assert list(tmp_path.iterdir()) == [], "no file, no .partial, no folder made for it"


def test_a_video_encoder_that_runs_out_of_disk_is_one_line_and_leaves_nothing(tmp_path):
    fake = tmp_path / "ffmpeg"
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho 'av_interleaved_write_frame(): No space left on device' >&2\n"
                    "exit 1\n")
    fake.chmod(0o755)
    out = tmp_path / "out" / "x.mp4"
    env = dict(os.environ, IMAGEIO_FFMPEG_EXE=str(fake))
    line = one_line_error(run("render", "demo", "--size", "32x18", "--frames", "0:3", "--out", str(out),
                              "--quiet", env=env))
    assert "No space left on device" in line
    assert not (tmp_path / "out").exists()


def test_an_encoder_that_cannot_start_is_one_line_and_leaves_nothing(tmp_path):
    env = dict(os.environ, IMAGEIO_FFMPEG_EXE=str(tmp_path / "no-such-ffmpeg"))
    line = one_line_error(run("render", "demo", "--size", "32x18", "--frames", "0:2",
                              "--out", str(tmp_path / "out" / "x.mp4"), "--quiet", env=env))
    assert "cannot start ffmpeg" in line and "IMAGEIO_FFMPEG_EXE" in line
    assert not (tmp_path / "out").exists()


# -- folders are made only when writing starts, and unmade when it fails ----------------------------

@pytest.mark.parametrize("command,out_name", [
    (["still"], "x.png"),
    (["render", "--frames", "0:2", "--quiet"], "x.mp4"),
    (["render", "--frames", "0:2", "--quiet", "--format", "png"], "frames"),
])
def test_a_failed_render_leaves_no_folders_behind(tmp_path, command, out_name):
    frag = tmp_path / "broken.frag"
    frag.write_text(BROKEN_FRAG)
    out = tmp_path / "new" / "sub" / out_name
    line = one_line_error(run(command[0], str(frag), *command[1:], "--size", "32x18", "--out", str(out)))
    assert "u_tim" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.frag"]


def test_a_second_signal_cannot_cut_the_cleanup_short():
    from visuals.cli import Terminated, _stop_once
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(Terminated):
            _stop_once(Terminated)(signal.SIGTERM, None)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
    assert issubclass(Terminated, KeyboardInterrupt), "everything that cleans up on Ctrl-C cleans up on SIGTERM"


# -- 5. SIGTERM cleans up as Ctrl-C does ----------------------------------------------------------

def _start_long_render(out: Path, *extra: str) -> subprocess.Popen:
    # 3000 frames (the 10 s demo at 300 fps): still running when the signal comes.
    return subprocess.Popen([sys.executable, "-m", "visuals", "render", "demo", "--size", "320x180",
                             "--fps", "300", "--out", str(out), *extra], stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))


def _wait_for(predicate, what: str) -> None:
    deadline = time.time() + 60
    while not predicate() and time.time() < deadline:
        time.sleep(0.05)
    assert predicate(), what


def test_sigterm_during_a_render_leaves_no_file(tmp_path):
    out = tmp_path / "long.mp4"
    proc = _start_long_render(out)
    _wait_for((tmp_path / "long.mp4.partial").exists, "the render never started writing")
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "terminated" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_sigterm_during_a_png_sequence_keeps_only_complete_frames(tmp_path):
    from PIL import Image
    out = tmp_path / "seq"
    proc = _start_long_render(out, "--format", "png")
    _wait_for(lambda: out.is_dir() and any(p.suffix == ".png" for p in out.iterdir()), "no frame was written")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    names = sorted(p.name for p in out.iterdir())
    assert names and all(n.startswith("frame_") and n.endswith(".png") for n in names), names
    for name in names:
        with Image.open(out / name) as image:
            image.load()                        # every frame left is a whole PNG


# -- the helper other writers can adopt -------------------------------------------------------------

def test_write_file_replaces_a_regular_file_and_can_write_through_a_link(tmp_path):
    from visuals.errors import VisualsError
    from visuals.output.safe_output import write_file
    target = tmp_path / "dotfiles" / "presets.toml"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "presets.toml"
    link.symlink_to(target)
    with pytest.raises(VisualsError, match="symbolic link"):
        write_file(link, b"new")                            # outputs refuse links
    write_file(link, b"new", through_links=True)           # settings files write where it leads
    assert link.is_symlink() and target.read_text() == "new"
    write_file(target, b"newer")
    assert target.read_text() == "newer" and partials(tmp_path) == []
