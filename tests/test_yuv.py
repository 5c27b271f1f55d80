"""The GPU's RGB -> yuv420p conversion matches BT.709 limited range, laid out as ffmpeg reads it."""
from __future__ import annotations

import subprocess
import sys

import numpy as np

from conftest import render_frames


def reference_yuv420(rgb: np.ndarray) -> np.ndarray:
    """BT.709 limited-range yuv420p of a top-down (h, w, 3) uint8 image, chroma sited left."""
    x = rgb.astype(np.float64) / 255.0
    h, w, _ = x.shape
    luma = x @ np.array([0.2126, 0.7152, 0.0722])
    y_plane = np.floor(16 + 219 * luma + 0.5)
    padded = np.concatenate([x[:, :1], x, x[:, -1:]], axis=1)           # clamp at the edges
    horizontal = (padded[:, 0:w:2] + 2 * padded[:, 1:w + 1:2] + padded[:, 2:w + 2:2]) / 4
    c = (horizontal[0::2] + horizontal[1::2]) / 2
    cy = c @ np.array([0.2126, 0.7152, 0.0722])
    u = np.floor(128 + 224 * (c[..., 2] - cy) / 1.8556 + 0.5)
    v = np.floor(128 + 224 * (c[..., 0] - cy) / 1.5748 + 0.5)
    return np.concatenate([y_plane.ravel(), u.ravel(), v.ravel()]).clip(0, 255)


def test_gpu_conversion_matches_bt709_reference(gl):
    from fractions import Fraction
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    from visuals.output.yuv import Yuv420Converter
    registry = Registry(SearchPath.build([]))
    size = (94, 54)   # 54/2 = 27 chroma rows: the U plane ends part-way through a buffer row
    renderer = Renderer(gl, registry.show("demo"), registry, RenderConfig(size=size, fps=Fraction(30)))
    converter = Yuv420Converter(gl, renderer.programs, size)
    try:
        frame = renderer.render(FixedClock(30).frame(130)).fbo
        rgb = gl_rows_to_image(renderer.read_rgb(), size)
        got = np.frombuffer(converter.convert(frame).read(components=1, alignment=1), np.uint8)
    finally:
        converter.release()
        renderer.release()
    want = reference_yuv420(rgb)
    assert got.shape == want.shape
    diff = np.abs(got.astype(int) - want.astype(int))
    assert diff.max() <= 1, f"max difference {diff.max()} levels"
    assert (diff == 0).mean() > 0.98


def assert_mp4_holds_bt709_planes(path, rendered: dict) -> None:
    """The mp4's tags say BT.709 limited range and its planes are those of the rendered frames,
    but for x264's loss (small, unbiased differences)."""
    import av
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        ctx = stream.codec_context
        assert (ctx.colorspace, ctx.color_primaries, ctx.color_range) == (1, 1, 1)   # BT.709, limited
        decoded = [f.to_ndarray(format="yuv420p").ravel().astype(int) for f in container.decode(stream)]
    assert len(decoded) == len(rendered)
    h, w = next(iter(rendered.values())).shape[:2]
    n = w * h
    planes = {"Y": slice(0, n), "U": slice(n, n + n // 4), "V": slice(n + n // 4, None)}
    for i, planar in zip(sorted(rendered), decoded):
        diff = planar - reference_yuv420(rendered[i])
        for name, part in planes.items():
            assert np.abs(diff[part]).mean() < 1.5, f"frame {i} {name}: {np.abs(diff[part]).mean():.2f}"
            assert abs(diff[part].mean()) < 0.5, f"frame {i} {name} is biased by {diff[part].mean():.2f}"


def test_mp4_decodes_to_the_bt709_planes_of_the_rendered_frames(gl, tmp_path):
    """Layout, matrix, range and tags survive ffmpeg: only x264's loss remains.  (On software
    GL `visuals render` hands ffmpeg RGB and lets it convert.)"""
    out = tmp_path / "demo.mp4"
    proc = subprocess.run([sys.executable, "-m", "visuals", "render", "demo", "--size", "160x90", "--frames",
                           "100:104", "--crf", "12", "--out", str(out), "--quiet"], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    rendered = render_frames(gl, "demo", range(100, 104), size=(160, 90))
    assert_mp4_holds_bt709_planes(out, rendered)


def test_gpu_yuv_export_gives_the_same_planes(gl, tmp_path):
    """The GPU path (what a real GPU uses): frames converted to yuv420p before readback and
    handed to x264 untouched."""
    from fractions import Fraction
    from visuals.output.export import FrameRange, ShowSource, render_frames as export
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig
    from visuals.output.sinks import ThreadedSink, VideoSink
    registry = Registry(SearchPath.build([]))
    config = RenderConfig(size=(160, 90), fps=Fraction(30))
    out = tmp_path / "gpu.mp4"
    sink = ThreadedSink(VideoSink(out, (160, 90), Fraction(30), "mp4", crf=12, gpu_yuv=True))
    assert sink.input_format == "yuv420p"
    export(gl, ShowSource(gl, registry.show("demo"), registry, config), config, FrameRange(100, 104), sink)
    rendered = render_frames(gl, "demo", range(100, 104), size=(160, 90))
    assert_mp4_holds_bt709_planes(out, rendered)
