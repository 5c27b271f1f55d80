"""Bakes kept for the live show: a pass drawn once (``update='once'``) or when the parameters it
names change (a tuple: a close shot's G-buffer, the relief at a camera) is a frame that takes
1-3 s on llvmpipe -- on stage the picture freezes at the cut.

``Renderer.warm_up(bakes=True)`` (the live player, before the show) renders the show at each
time a bake happens and keeps a copy of each bake pass's target here, keyed by the runner (cue
index, binding slot), the pass and the values of the parameters it is keyed by.  During the show
a runner about to draw a bake pass whose key is kept copies it instead (a blit, a millisecond).
Offline renders never make a store: their bytes do not depend on one.

What a bake depends on beyond its key (the time, an animated parameter it reads) is taken at
the time it bakes in the show, which is the time it is baked here when the frames fall on the
same grid; a bake whose key changes every frame (a ramped parameter) never repeats a key and is
drawn as before.
"""
from __future__ import annotations

import math
from typing import Any, Callable

import moderngl

from visuals.model.scene import Pass, SceneState
from .gpu import release_framebuffer
from visuals.perform.clock import Frame
from visuals.perform.view import current_values


def _hashable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def keyable(spec: Pass) -> bool:
    """A pass whose whole result is its own target's colour, baked by a key: not a layer drawn
    into another pass, not feedback, no depth buffer (which a copy would not carry)."""
    return (spec.update == "once" or isinstance(spec.update, tuple)) and spec.into is None \
        and not spec.feedback and not spec.coverage and spec.skip_covered_by is None


def bake_key(runner_key: Any, spec: Pass, state: SceneState) -> Any:
    """What identifies one bake of ``spec`` in a runner, or None for a pass that is not a bake."""
    if not keyable(spec):
        return None
    names = () if spec.update == "once" else spec.update
    return (runner_key, spec.name, tuple(_hashable(state.params.get(n)) for n in names))


# A bake drawn in less than this is not kept: 102 bakes of the dream at 640x360 held 361 MB,
# and most of them (a 128-pixel moon map, a cloud map) draw in a few milliseconds.
MIN_SECONDS = 0.03


class BakeStore:
    """Copies of baked targets by ``bake_key``.  ``recording``: bakes drawn are kept (warm-up)."""

    def __init__(self, ctx: moderngl.Context, min_seconds: float = MIN_SECONDS):
        self.ctx = ctx
        self.min_seconds = min_seconds
        self.recording = False
        self._kept: dict[Any, moderngl.Framebuffer] = {}
        self.hits = 0            # bakes copied instead of drawn (the test and benchmark read it)
        self.draws = 0           # bake passes drawn while not recording: a stall on stage

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: Any) -> moderngl.Framebuffer | None:
        return self._kept.get(key)

    def put(self, key: Any, source: moderngl.Framebuffer, seconds: float = float("inf")) -> None:
        """Keep a copy of ``source``'s colour (the target just baked in ``seconds``); a bake
        quicker than ``min_seconds`` is not worth its memory and is drawn again on stage."""
        if key in self._kept or seconds < self.min_seconds:
            return
        tex = source.color_attachments[0]
        copy = self.ctx.texture(tex.size, tex.components, dtype=tex.dtype)
        fbo = self.ctx.framebuffer(color_attachments=[copy])
        self.ctx.copy_framebuffer(fbo, source)
        self._kept[key] = fbo

    def nbytes(self) -> int:
        """Memory held (the GL textures' sizes)."""
        size = {"f1": 1, "f2": 2, "f4": 4}
        total = 0
        for fbo in self._kept.values():
            tex = fbo.color_attachments[0]
            total += tex.size[0] * tex.size[1] * tex.components * size.get(tex.dtype, 4)
        return total

    def release(self) -> None:
        for fbo in self._kept.values():
            release_framebuffer(fbo)
        self._kept.clear()


def bake_times(renderer: Any) -> list[float]:
    """Show times at which a bake pass of ``renderer``'s show draws: each cue's start, and each
    frame (on the frame grid from the cue's start) where a parameter a pass of its scene bakes
    by changes and holds -- a cut to a close shot, the relief's camera."""
    show, fps = renderer.show, float(renderer.config.fps)
    times: set[float] = set()
    for index, cue in enumerate(show.cues):
        times.add(cue.start)
        scene = renderer.registry.scene(cue.scene)
        keyed = sorted({n for spec in scene.passes if isinstance(spec.update, tuple) for n in spec.update})
        if not keyed:
            continue
        seen: list[tuple[float, tuple]] = []
        for k in range(max(1, math.ceil((cue.end - cue.start) * fps))):
            t = cue.start + k / fps
            sample = show.timeline.sample(t)
            active = next((c for c in sample.cues() if c.index == index), None)
            if active is not None:
                params = current_values(scene.params, active.values, {}, at=renderer.heard(sample))
                seen.append((t, tuple(repr(params.get(n)) for n in keyed)))
        # a cut: the values change and then hold (a ramp changes them every frame: its bakes
        # never repeat, and are drawn as they come)
        for i in range(1, len(seen)):
            if seen[i][1] != seen[i - 1][1] and (i + 1 == len(seen) or seen[i + 1][1] == seen[i][1]):
                times.add(seen[i][0])
    return sorted(t for t in times if t < show.duration or not show.duration)


def bake_ahead(renderer: Any, progress: Callable[[int, int, float], None] | None = None) -> None:
    """Render ``renderer``'s show at each bake time with its store recording, then leave it
    cold (no runner kept) with the store in place, so the show starts as it would have."""
    if renderer.bakes is None:
        renderer.bakes = BakeStore(renderer.ctx)
    for runner in renderer.runners.values():
        runner.bakes = renderer.bakes
    times = bake_times(renderer)
    renderer.bakes.recording = True
    try:
        for i, t in enumerate(times):
            renderer.render(Frame(0, t))
            if progress is not None:
                progress(i + 1, len(times), t)
    finally:
        renderer.bakes.recording = False
        for runner in renderer.runners.values():
            runner.release()
        renderer.runners.clear()
