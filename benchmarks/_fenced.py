"""Per-pass timing for the benchmarks: every scene pass's draw fenced with ctx.finish().

llvmpipe defers a draw's work to whichever later call waits for it, so an unfenced profile
blames the wrong pass; fenced, each draw's time is its own (the fences cost a little).
"""
from __future__ import annotations

import time
from typing import Callable

from visuals.render import scene_runtime


def fence_passes(ctx, record: Callable[[str, float], None]) -> None:
    """From now on, report every pass drawn as record("scene.pass", seconds)."""
    draw = scene_runtime.SceneRunner._draw

    def fenced_draw(self, spec, prog, state, extra):
        ctx.finish()
        t0 = time.perf_counter()
        draw(self, spec, prog, state, extra)
        ctx.finish()
        record(f"{self.scene.name}.{spec.name}", time.perf_counter() - t0)

    scene_runtime.SceneRunner._draw = fenced_draw
