"""A plain (non-editable) install carries the built-in shaders and scenes with it."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_carries_shaders_and_scenes_and_renders_from_anywhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True)
    wheel = next(wheels.glob("visuals-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("visuals/_data/shaders/lib/noise.glsl", "visuals/_data/shaders/README.md",
                     "visuals/_data/scenes/demo.py", "visuals/_data/shaders/common/fullscreen.vert"):
        assert required in names, required
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("VISUALS_PATH", None)
    proc = subprocess.run([sys.executable, "-c", "import visuals, sys; print(visuals.__file__)"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert proc.stdout.strip().startswith(str(target)), "the installed copy must be the one imported"
    proc = subprocess.run([sys.executable, "-m", "visuals", "still", "demo", "--at", "2", "--size", "32x18",
                           "--out", "x.png"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (elsewhere / "x.png").stat().st_size > 100
