"""Exports: decoded frame counts, sizes and rates equal what was asked; PNGs are exact."""
from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np

from conftest import render_frames


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "visuals", *args], capture_output=True, **kwargs)


def probe(path: Path) -> tuple[int, tuple[int, int], Fraction, str]:
    import av
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        return frames, (stream.width, stream.height), Fraction(stream.average_rate), stream.codec_context.name


def test_mp4_has_the_frames_size_and_rate_asked(tmp_path):
    out = tmp_path / "demo.mp4"
    proc = run("render", "demo", "--size", "160x90", "--fps", "24", "--frames", "10:27", "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    frames, size, rate, codec = probe(out)
    assert (frames, size, rate, codec) == (17, (160, 90), Fraction(24), "h264")
    assert not (tmp_path / "demo.mp4.partial").exists()
    assert b"17/17 frames" in proc.stderr


def test_mp4_with_ntsc_rate_and_time_range(tmp_path):
    out = tmp_path / "ntsc.mp4"
    proc = run("render", "demo", "--size", "96x54", "--fps", "30000/1001", "--start", "1", "--end", "2",
               "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    frames, size, rate, _ = probe(out)
    # frames whose time is in [1 s, 2 s) at 29.97 fps: 30 (1.001 s) to 59 (1.969 s)
    assert size == (96, 54) and rate == Fraction(30000, 1001) and frames == 30


def test_prores_mov(tmp_path):
    out = tmp_path / "demo.mov"
    proc = run("render", "demo", "--size", "64x36", "--frames", "0:5", "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    frames, size, _, codec = probe(out)
    assert (frames, size, codec) == (5, (64, 36), "prores")


def test_png_sequence_decodes_to_the_rendered_pixels(tmp_path, gl):
    from PIL import Image
    out = tmp_path / "seq"
    proc = run("render", "demo", "--size", "80x45", "--frames", "40:44", "--format", "png", "--out", str(out),
               "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [f"frame_{i:06d}.png" for i in range(40, 44)]
    rendered = render_frames(gl, "demo", range(40, 44), size=(80, 45))
    for i, f in zip(range(40, 44), files):
        assert np.array_equal(np.asarray(Image.open(f).convert("RGB")), rendered[i]), f.name


def test_raw_frames_on_stdout(gl):
    proc = run("render", "demo", "--size", "32x18", "--frames", "0:3", "--format", "raw", "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(proc.stdout) == 3 * 32 * 18 * 3
    first = np.frombuffer(proc.stdout[:32 * 18 * 3], np.uint8).reshape(18, 32, 3)
    assert np.array_equal(first, render_frames(gl, "demo", [0], size=(32, 18))[0])


def test_supersampled_export_keeps_the_output_size(tmp_path):
    out = tmp_path / "ss.mp4"
    proc = run("render", "demo", "--size", "64x36", "--ssaa", "3", "--frames", "0:2", "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    assert probe(out)[:2] == (2, (64, 36))


def test_still_writes_one_png(tmp_path):
    from PIL import Image
    out = tmp_path / "still.png"
    proc = run("still", "demo", "--at", "3", "--size", "64x36", "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    img = Image.open(out)
    assert img.size == (64, 36)
    assert np.asarray(img).std() > 5, "a still of the demo should not be flat"
