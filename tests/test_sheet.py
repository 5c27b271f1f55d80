"""The contact sheet: its grid, its stills, and the command."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
from PIL import Image

from conftest import render_times
from visuals.output.sheet import SheetLayout, sample_times


def test_sample_times_cover_the_show():
    times = sample_times(10.0, 1.0)
    assert times == [i + 0.5 for i in range(10)]
    assert len(sample_times(180.0, None)) <= 24
    # the last stretch (176-180 s) is sampled at its middle, never at the black end of a fade-out
    assert sample_times(180.0, None)[-1] == 178.0
    assert sample_times(9.0, 2.0) == [1.0, 3.0, 5.0, 7.0, 8.5]


def test_caption_times_round_before_splitting_minutes():
    from visuals.output.sheet import _fmt
    assert _fmt(179.99) == "3:00.0"
    assert _fmt(61.25) in ("1:01.2", "1:01.3")
    assert _fmt(4.0) == "0:04.0"


def test_sheet_has_the_grid_and_the_stills(tmp_path, gl):
    out = tmp_path / "sheet.png"
    proc = subprocess.run([sys.executable, "-m", "visuals", "sheet", "demo", "--every", "2", "--thumb", "80x45",
                           "--columns", "3", "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    layout = SheetLayout(thumb=(80, 45), columns=3)
    image = np.asarray(Image.open(out).convert("RGB")).astype(int)
    times = sample_times(10.0, 2.0)                       # 5 stills: 2 rows of 3
    assert image.shape[:2] == layout.sheet_size(len(times), 1)[::-1]
    rendered = render_times(gl, "demo", times, size=(80, 45))
    for n, still in enumerate(rendered):
        col, row = n % 3, n // 3
        x = layout.margin + col * (80 + layout.gap)
        y = layout.header + row * (45 + layout.caption + layout.gap)
        assert np.array_equal(image[y:y + 45, x:x + 80], still), f"still {n} at {times[n]} s"
    # the slot after the last still is empty background
    x = layout.margin + 2 * (80 + layout.gap)
    y = layout.header + 1 * (45 + layout.caption + layout.gap)
    from visuals.output.sheet import BACKGROUND
    assert (image[y:y + 45, x:x + 80] == BACKGROUND).all()
