"""Reference images: small renders of every built-in scene, and how they are compared.

Regenerate after an intended change of a scene's look (then look at the PNGs before
committing them)::

    python tests/reference/regenerate.py            # all scenes
    python tests/reference/regenerate.py sky rings  # some

Images are 160x90, rendered on the headless EGL context at two times per scene.  Scenes that
read another scene through a binding (the towers' environment) are rendered with their
bindings on the built-in fallback gradient, so one scene's reference does not change when
another scene's look does.
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
    from visuals.load.paths import SearchPath, builtin_dir
    from visuals.load.registry import Registry
    registry = Registry(SearchPath.build([], environ={}))
    registry.load_all()
    builtin = builtin_dir("scenes").resolve()
    from visuals.model.post import PostEffect
    return sorted(name for name, s in registry.scenes.items()
                  if s.site and Path(s.site.file).resolve().parent == builtin and not isinstance(s, PostEffect))


CASES = [(scene, t) for scene in _scenes() for t in TIMES]


def render_reference(ctx, scene: str, t: float) -> np.ndarray:
    """A scene alone at time t, its bindings on their fallbacks, as a top-down RGB array."""
    from fractions import Fraction
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    from visuals.model.show import single_scene_show
    registry = Registry(SearchPath.build([], environ={}))
    spec = registry.scene(scene)
    show = single_scene_show(spec)
    show.cues[0].bind = {slot: binding.fallback for slot, binding in spec.bindings.items()}
    renderer = Renderer(ctx, show, registry, RenderConfig(size=SIZE, fps=Fraction(30)))
    clock = FixedClock(30)
    try:
        renderer.render(clock.frame(clock.frame_at(t)))
        return gl_rows_to_image(renderer.read_rgb(), SIZE).copy()
    finally:
        renderer.release()


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
    from PIL import Image
    from visuals.render.gpu import create_headless_context
    ctx = create_headless_context()
    for scene, t in CASES:
        if names and scene not in names:
            continue
        Image.fromarray(render_reference(ctx, scene, t)).save(reference_path(scene, t))
        print("wrote", reference_path(scene, t))


if __name__ == "__main__":
    main(sys.argv[1:])
