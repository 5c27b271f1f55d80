"""Frames the live window saves: screenshots, and the dumped frames a replay is checked against."""
from __future__ import annotations

import json
from pathlib import Path

from visuals.output.stills import write_png


def save_screenshot(folder: Path, show: str, t: float, rgb: bytes, size: tuple[int, int]) -> Path:
    """``SHOW_TIMEs.png`` in ``folder`` (numbered when taken twice at one time); never replaces a file."""
    path = folder / f"{show}_{t:08.3f}s.png"
    n = 1
    while path.exists():
        path = folder / f"{show}_{t:08.3f}s_{n}.png"
        n += 1
    write_png(path, rgb, size)
    return path


def dump_frame(folder: Path, index: int, t: float, rgb: bytes, size: tuple[int, int]) -> None:
    """A rendered frame (no HUD) with its performance time, for comparing against a replay."""
    name = f"frame_{index:06d}.png"
    write_png(folder / name, rgb, size)
    with (folder / "index.jsonl").open("a") as listing:
        listing.write(json.dumps({"file": name, "t": t, "frame": index}) + "\n")
