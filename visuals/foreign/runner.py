"""Running a foreign scene: the engine's SceneRunner plus what ISF and Shadertoy ask of it.

Three things differ from a native scene, and only these are added here:

* any pass may read any buffer by name, as the buffer stands when the pass runs: one not yet
  written this frame still holds the last frame's image (an ISF persistent buffer read by an
  earlier pass, a Shadertoy Buffer A read by itself), one written earlier this frame holds
  this frame's.  Buffers a pass writes and may read itself are ping-pong pairs, so a pass
  never samples the texture it draws into;
* per-pass uniforms (ISF's PASSINDEX, Shadertoy's opaque Image pass), so every pass of a file
  shares one program;
* buffer sizes from expressions of the frame size and the parameters, re-evaluated when a
  parameter they read changes;
* ISF ``event`` inputs: true for the one frame on which their parameter rises to 1 (a pad
  pressed, a key on the timeline), as ISF hosts fire them, however long it then stays at 1.

A filter with persistent buffers runs forward from its first frame: post effects get no
history to replay (their input is another scene's image), so it is exact when frames are
rendered in order, as an export renders them, and starts afresh when asked to jump back.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable

import moderngl

from visuals.model.scene import SceneState
from visuals.render.scene_runtime import SceneRunner, _Target
from .expr import SizeExpr
from .isf_header import MAX_SIDE


@dataclass
class ForeignPass:
    """What one pass of a foreign scene binds and sets beyond the engine's own."""

    index: int
    reads: dict[str, tuple[str, str]] = field(default_factory=dict)   # sampler key -> (kind, name)
    uniforms: dict[str, Any] = field(default_factory=dict)
    width: SizeExpr | None = None
    height: SizeExpr | None = None
    samplers: dict[str, tuple[str, str]] = field(default_factory=dict)   # key -> (filter, wrap)

    @property
    def variables(self) -> frozenset[str]:
        out: frozenset[str] = frozenset()
        for e in (self.width, self.height):
            if e is not None:
                out |= e.variables
        return out - {"WIDTH", "HEIGHT"}

    def size(self, frame: tuple[int, int], params: dict[str, Any]) -> tuple[int, int]:
        values: dict[str, float] = {"WIDTH": frame[0], "HEIGHT": frame[1]}
        for name in self.variables:
            v = params.get(name, 0.0)
            values[name] = float(v[0] if isinstance(v, tuple) else v)
        sides = []
        for e, full in ((self.width, frame[0]), (self.height, frame[1])):
            if e is None:
                sides.append(full)
                continue
            try:
                side = e(values)
            except (OverflowError, ValueError, ZeroDivisionError):
                side = full
            if not math.isfinite(side):
                side = full
            # A parameter may ask for anything: clamp, never allocate without bound.
            sides.append(int(min(max(side, 1.0), min(MAX_SIDE, 2 * full))))
        return sides[0], sides[1]


class ForeignRunner(SceneRunner):
    """A SceneRunner for scenes with ``foreign_passes`` (see ForeignPass)."""

    def __init__(self, ctx: moderngl.Context, programs, scene, size: tuple[int, int], exact: bool = True):
        self._size_params: dict[str, Any] = scene.params.defaults()
        self._events_down: dict[str, bool] = {}
        super().__init__(ctx, programs, scene, size, exact)
        self._sized_by = {spec.name: self._size_key(spec.name, self._size_params) for spec in scene.passes}

    def _size_key(self, name: str, params: dict[str, Any]) -> tuple:
        plan = self.scene.foreign_passes[name]
        return tuple(params.get(v) for v in sorted(plan.variables))

    def _pass_size(self, spec) -> tuple[int, int]:
        return self.scene.foreign_passes[spec.name].size(self.size, self._size_params)

    def _fit_targets(self, params: dict[str, Any]) -> None:
        """Reallocate a buffer whose size expression reads a parameter that changed."""
        for spec in self.scene.passes:
            plan = self.scene.foreign_passes[spec.name]
            if not plan.variables:
                continue
            key = self._size_key(spec.name, params)
            if key == self._sized_by[spec.name]:
                continue
            self._sized_by[spec.name] = key
            self._size_params = dict(params)
            size = self._pass_size(spec)
            if size != self.targets[spec.name].size:
                old = self.targets[spec.name]
                self.targets[spec.name] = _Target(self.ctx, spec, size)
                old.release()

    def render(self, state: SceneState, inputs: dict[str, moderngl.Texture] | None = None,
               history: Callable[[int], tuple[SceneState, dict]] | None = None) -> moderngl.Framebuffer:
        if history is None and self.has_feedback:
            # A post effect with buffers: forward from its first frame (see the module doc).
            if self._last_frame is not None and state.frame <= self._last_frame and not (
                    state.frame == self._last_frame and state.params == self._last_params):
                self.reset()
            elif self._last_frame is not None and state.frame == self._last_frame:
                return self.output_fbo
            self._render_one(state, inputs or {})
            return self.output_fbo
        return super().render(state, inputs, history)

    def reset(self) -> None:
        super().reset()
        self._events_down = {}

    def _render_one(self, state: SceneState, inputs: dict[str, moderngl.Texture]) -> None:
        self._fit_targets(state.params)
        events = getattr(self.scene, "event_params", ())
        if events:
            params = dict(state.params)
            for name in events:
                down = float(params.get(name, 0.0)) >= 0.5
                params[name] = 1.0 if down and not self._events_down.get(name, False) else 0.0
                self._events_down[name] = down
            state = replace(state, params=params)
        super()._render_one(state, inputs)

    def _draw(self, spec, prog, state: SceneState, extra: dict) -> None:
        plan = self.scene.foreign_passes[spec.name]
        given = self.inputs
        reads = dict(given)
        for key, (kind, name) in plan.reads.items():
            if kind == "target":
                reads[key] = self.targets[name].texture    # as it stands before this pass draws
            elif kind == "input" and name in given:
                reads[key] = given[name]
            elif kind == "texture" and name in self.extra_textures:
                reads[key] = self.extra_textures[name]
        for key, (filt, wrap) in plan.samplers.items():
            # Sampling is a texture's state here: set it for each pass that reads it, so two
            # passes may read one buffer one nearest, the other linear.
            tex = reads.get(key)
            if tex is not None:
                f = moderngl.NEAREST if filt == "nearest" else moderngl.LINEAR
                tex.filter = (f, f)
                tex.repeat_x = tex.repeat_y = wrap == "repeat"
        for name, value in plan.uniforms.items():
            prog.set(name, value)
        self.inputs = reads
        try:
            super()._draw(spec, prog, state, extra)
        finally:
            self.inputs = given
