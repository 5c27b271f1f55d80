"""Reference images: small renders of every built-in scene, and how they are compared.

Regenerate after an intended change of a scene's look (then look at the PNGs before
committing them)::

    python tests/reference/regenerate.py            # all scenes
    python tests/reference/regenerate.py sky rings  # some

Images are 160x90, rendered on the headless EGL context at two times per scene.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SIZE = (160, 90)
TIMES = (1.0, 4.0)
MEAN_TOLERANCE = 1.5      # mean absolute difference, in 8-bit levels
PIXEL_TOLERANCE = 12      # per-pixel difference allowed ...
OUTLIER_FRACTION = 0.005  # ... for all but this fraction of pixels


def _scenes() -> list[str]:
    from visuals.paths import SearchPath, builtin_dir
    from visuals.registry import Registry
    registry = Registry(SearchPath.build([], environ={}))
    registry.load_all()
    builtin = builtin_dir("scenes").resolve()
    return sorted(name for name, s in registry.scenes.items()
                  if s.site and Path(s.site.file).resolve().parent == builtin)


CASES = [(scene, t) for scene in _scenes() for t in TIMES]


def reference_path(scene: str, t: float) -> Path:
    return HERE / f"{scene}_{t:g}s.png"


def compare(got: np.ndarray, want: np.ndarray) -> tuple[bool, str]:
    if got.shape != want.shape:
        return False, f"size {got.shape} vs {want.shape}"
    diff = np.abs(got.astype(np.int16) - want.astype(np.int16))
    mean = float(diff.mean())
    outliers = float((diff.max(axis=2) > PIXEL_TOLERANCE).mean())
    ok = mean <= MEAN_TOLERANCE and outliers <= OUTLIER_FRACTION
    return ok, f"mean diff {mean:.2f} levels, {outliers * 100:.2f}% pixels over {PIXEL_TOLERANCE}"


def main(names: list[str]) -> None:
    sys.path.insert(0, str(HERE.parent))
    from conftest import render_times
    from PIL import Image
    from visuals.gpu import create_headless_context
    ctx = create_headless_context()
    for scene, t in CASES:
        if names and scene not in names:
            continue
        img = render_times(ctx, scene, [t], size=SIZE)[0]
        Image.fromarray(img).save(reference_path(scene, t))
        print("wrote", reference_path(scene, t))


if __name__ == "__main__":
    main(sys.argv[1:])
