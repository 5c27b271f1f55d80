"""A scene running on the GPU: its passes' targets, feedback buffers and extra textures.

One runner exists per playing cue, so two cues of the same scene (a crossfade from the sky to
the sky with other parameters) keep separate feedback histories.  In exact mode (export, and
any frame that must be repeatable) a runner whose scene has feedback replays its history from
the cue's start whenever it is asked for a frame that does not follow the last one, so frame n
is the same bytes whether it is rendered in sequence, alone, or twice.
"""
from __future__ import annotations

import time
from typing import Any, Callable

import moderngl
import numpy as np

from visuals.audio.texture import bind_audio_texture, release_cache, set_audio_uniforms
from visuals.errors import VisualsError
from .bakes import BakeStore, bake_key
from .gpu import CompiledProgram, ProgramCache
from .uniforms import set_standard_uniforms
from visuals.model.scene import PRECISIONS, Pass, Scene, SceneResources, SceneState

_WRAP = {"clamp": False, "repeat": True, "mirror": True}


def standard_uniforms(prog: CompiledProgram, state: SceneState, size: tuple[int, int]) -> None:
    """The per-frame uniforms of the contract (visuals/render/uniforms.py, documented in
    shaders/README.md) and the audio features, set on one program."""
    set_standard_uniforms(prog, state, size)
    set_audio_uniforms(prog, state.audio)


def _uniform_value(value: Any):
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    return tuple(float(v) for v in value)


class _Target:
    """A pass's render target: one texture, or two for ping-pong feedback."""

    def __init__(self, ctx: moderngl.Context, spec: Pass, size: tuple[int, int],
                 depth: moderngl.Renderbuffer | None = None):
        self.size = size
        dtype = PRECISIONS[spec.precision]
        count = 2 if spec.feedback else 1
        self.textures = [ctx.texture(size, 4, dtype=dtype) for _ in range(count)]
        # A pass that writes coverage owns a depth buffer; a pass that skips what another
        # covers shares that pass's (see Pass).
        self.owns_depth = spec.coverage
        self.depth = ctx.depth_renderbuffer(size) if spec.coverage else depth
        self.fbos = [ctx.framebuffer(color_attachments=[t], depth_attachment=self.depth)
                     for t in self.textures]
        for t in self.textures:
            f = moderngl.LINEAR if spec.filter == "linear" else moderngl.NEAREST
            if spec.mipmaps:
                t.filter = (moderngl.LINEAR_MIPMAP_LINEAR, f)
            else:
                t.filter = (f, f)
            t.repeat_x = t.repeat_y = _WRAP[spec.wrap]
        self.current = 0
        self.clear()

    def clear(self) -> None:
        for fbo in self.fbos:
            fbo.clear(0.0, 0.0, 0.0, 0.0)

    @property
    def texture(self) -> moderngl.Texture:
        return self.textures[self.current]

    @property
    def previous(self) -> moderngl.Texture:
        return self.textures[1 - self.current] if len(self.textures) == 2 else self.textures[0]

    def advance(self) -> moderngl.Framebuffer:
        """Swap the ping-pong pair and return the framebuffer to draw into."""
        if len(self.fbos) == 2:
            self.current = 1 - self.current
        return self.fbos[self.current]

    def release(self) -> None:
        for o in self.fbos + self.textures:
            o.release()
        if self.owns_depth:
            self.depth.release()


def pass_size(spec: Pass, frame_size: tuple[int, int]) -> tuple[int, int]:
    """A pass's target size: its fixed ``size``, or the frame's times ``scale``, shrunk (aspect
    kept) until its longer side is at most ``max_side``."""
    if spec.size:
        return spec.size
    w, h = frame_size[0] * spec.scale, frame_size[1] * spec.scale
    if spec.max_side and max(w, h) > spec.max_side:
        shrink = spec.max_side / max(w, h)
        w, h = w * shrink, h * shrink
    return (max(1, round(w)), max(1, round(h)))


class SceneRunner(SceneResources):
    """Renders one scene instance; ``render(state)`` returns the framebuffer of its output pass
    (the image is that framebuffer's first colour attachment, kept until the next render)."""

    def __init__(self, ctx: moderngl.Context, programs: ProgramCache, scene: Scene,
                 size: tuple[int, int], exact: bool = True):
        self.ctx = ctx
        self.scene = scene
        self.size = size
        self.exact = exact
        self.has_feedback = any(p.feedback for p in scene.passes)
        self.programs = [programs.get(p.frag, p.vert, list(scene.params), scene.folder)
                         for p in scene.passes]
        self.targets: dict[str, _Target] = {}
        for spec in scene.passes:
            if spec.into is not None:              # layers drawn into an earlier pass's target
                self.targets[spec.name] = self.targets[spec.into]
                continue
            shared = self.targets[spec.skip_covered_by].depth if spec.skip_covered_by else None
            self.targets[spec.name] = _Target(ctx, spec, self._pass_size(spec), shared)
        self.extra_textures: dict[str, moderngl.Texture] = {}
        self._texture_keys: dict[str, Any] = {}
        self.inputs: dict[str, moderngl.Texture] = {}
        self._counts: dict[str, tuple[int, int | None]] = {}
        self._black_texture: moderngl.Texture | None = None
        self._audio_textures: dict = {}     # the audio texture (u_audio), made when a shader samples it
        self._rendered_once: set[str] = set()
        self._last_params: dict[str, Any] | None = None
        self._last_frame: int | None = None
        self._last_events = 0
        # Bakes kept before a live show (bakes.py), and this runner's key in the renderer.
        self.bakes: BakeStore | None = None
        self.bake_key: Any = None

    def _pass_size(self, spec: Pass) -> tuple[int, int]:
        return pass_size(spec, self.size)

    # SceneResources -------------------------------------------------------------------
    def texture(self, name: str, data, *, filter: str = "linear", wrap: str = "clamp",
                key: Any = None) -> None:
        if key is not None and self._texture_keys.get(name) == key and name in self.extra_textures:
            return
        self._texture_keys[name] = key
        arr = np.ascontiguousarray(data)
        if arr.ndim == 2:
            arr = arr[:, :, None]
        h, w, comps = arr.shape
        dtype = {np.dtype(np.uint8): "f1", np.dtype(np.float16): "f2",
                 np.dtype(np.float32): "f4"}.get(arr.dtype)
        if dtype is None:
            arr = arr.astype(np.float32)
            dtype = "f4"
        tex = self.extra_textures.get(name)
        if tex is None or tex.size != (w, h) or tex.components != comps or tex.dtype != dtype:
            if tex is not None:
                tex.release()
            tex = self.ctx.texture((w, h), comps, dtype=dtype)
            f = moderngl.LINEAR if filter == "linear" else moderngl.NEAREST
            tex.filter = (f, f)
            tex.repeat_x = tex.repeat_y = _WRAP[wrap]
            self.extra_textures[name] = tex
        tex.write(arr.tobytes())

    def draw_count(self, pass_name: str, count: int, instances: int | None = None) -> None:
        if pass_name not in self.targets:
            raise VisualsError(f"scene '{self.scene.name}' has no pass '{pass_name}'",
                               fix="name one of its passes in draw_count")
        self._counts[pass_name] = (max(0, int(count)), None if instances is None else max(0, int(instances)))

    # rendering ------------------------------------------------------------------------
    @property
    def output_fbo(self) -> moderngl.Framebuffer:
        """The framebuffer holding the output texture, so it can be read back without a copy."""
        target = self.targets[self.scene.output]
        return target.fbos[target.current]

    def render(self, state: SceneState, inputs: dict[str, moderngl.Texture] | None = None,
               history: Callable[[int], tuple[SceneState, dict]] | None = None) -> moderngl.Framebuffer:
        """Render ``state`` with bound ``inputs`` (other scenes' images).

        In exact mode a scene with feedback replays its frames 0..n-1 through ``history(k)``
        (which returns that frame's state and inputs) when frame n does not follow the last
        one rendered, so its history never depends on the order frames were asked for.
        """
        if (self.exact and not inputs and self._last_frame is not None and state.frame == self._last_frame
                and state.params == self._last_params and len(state.events) == self._last_events):
            return self.output_fbo   # the same frame again: already drawn
        if self.exact and self.has_feedback and self._last_frame != state.frame - 1:
            if history is None and state.frame > 0:
                raise VisualsError(f"scene '{self.scene.name}' has feedback and cannot jump to a frame",
                                   fix="render frames in order")
            self.reset()
            for k in range(0, state.frame):
                past_state, past_inputs = history(k)
                self._render_one(past_state, past_inputs)
        self._render_one(state, inputs or {})
        return self.output_fbo

    def _distinct_targets(self) -> list[_Target]:
        """Each target once (a pass drawing ``into`` another shares its target)."""
        return list({id(t): t for t in self.targets.values()}.values())

    def reset(self) -> None:
        for target in self._distinct_targets():
            target.clear()
        self._rendered_once.clear()
        self._last_params = None
        self._last_frame = None

    def _render_one(self, state: SceneState, inputs: dict[str, moderngl.Texture]) -> None:
        self.inputs = inputs
        extra = self.scene.update(state, self) or {}
        params_changed = state.params != self._last_params
        for spec, prog in zip(self.scene.passes, self.programs):
            if spec.update == "once" and spec.name in self._rendered_once:
                continue
            if spec.update == "params" and spec.name in self._rendered_once and not params_changed:
                continue
            if isinstance(spec.update, tuple) and spec.name in self._rendered_once and not any(
                    self._last_params is None or state.params.get(n) != self._last_params.get(n)
                    for n in spec.update):
                continue
            self._draw_or_copy(spec, prog, state, extra)
            self._rendered_once.add(spec.name)
        self._last_params = dict(state.params)
        self._last_frame = state.frame
        self._last_events = len(state.events)

    def _draw_or_copy(self, spec: Pass, prog: CompiledProgram, state: SceneState, extra: dict) -> None:
        """Draw a pass; a bake kept in ``bakes`` is copied into its target instead (a blit),
        and a bake drawn while recording is kept."""
        key = None if self.bakes is None else bake_key(self.bake_key, spec, state)
        if key is None:
            self._draw(spec, prog, state, extra)
            return
        target = self.targets[spec.name]
        kept = self.bakes.get(key)
        if kept is not None:
            self.ctx.copy_framebuffer(target.advance(), kept)
            if spec.mipmaps:
                target.texture.build_mipmaps()
            self.bakes.hits += 1
            return
        if not self.bakes.recording:
            self._draw(spec, prog, state, extra)
            self.bakes.draws += 1
            return
        self.ctx.finish()
        t0 = time.perf_counter()
        self._draw(spec, prog, state, extra)
        self.ctx.finish()
        self.bakes.put(key, target.fbos[target.current], time.perf_counter() - t0)

    def _draw(self, spec: Pass, prog: CompiledProgram, state: SceneState, extra: dict) -> None:
        if spec.into is not None and self._draws_nothing(spec, state):
            # A layer with nothing to draw leaves its target alone: a coverage pass would
            # otherwise clear the coverage the passes before it wrote (so a scene can swap
            # one of two variants of a pass in by draw_count).
            return
        target = self.targets[spec.name]
        fbo = target.advance() if spec.into is None else target.fbos[target.current]
        depth_test = spec.coverage or spec.skip_covered_by is not None
        if depth_test:
            fbo.depth_mask = spec.coverage        # (moderngl applies the masks when binding)
        fbo.use()
        # A pass drawn into another's target never clears it: that would erase the layer below.
        if spec.primitive != "fullscreen" and spec.clear is not None and spec.into is None:
            fbo.clear(*spec.clear)              # (the colour, and a coverage pass's depth, to 1.0)
        elif spec.coverage:                     # depth only: the colour is the pass's to keep
            fbo.color_mask = (False, False, False, False)
            fbo.clear(depth=1.0)
            fbo.color_mask = (True, True, True, True)
            fbo.use()
        standard_uniforms(prog, state, target.size)
        for name, value in state.params.items():
            prog.set(f"u_{name}", _uniform_value(value))
        for name, value in extra.items():
            prog.set(name, value)
        unit = 0
        for inp in spec.inputs:
            unit = self._bind(prog, f"u_{inp}", self.targets[inp].texture, unit)
        if spec.feedback:
            unit = self._bind(prog, "u_prev", target.previous, unit)
        for name, tex in self.extra_textures.items():
            unit = self._bind(prog, f"u_{name}", tex, unit)
        for name, tex in self.inputs.items():
            unit = self._bind(prog, f"u_{name}", tex, unit)
        bound = {f"u_{inp}" for inp in spec.inputs} | {f"u_{n}" for n in (*self.extra_textures, *self.inputs)}
        if "u_audio" in prog.samplers() and "u_audio" not in bound:
            unit = bind_audio_texture(self.ctx, prog, "u_audio", state.audio, unit, self._audio_textures)
            bound.add("u_audio")
        if spec.feedback:
            bound.add("u_prev")
        for name in prog.samplers():
            if name not in bound:     # an idle binding or a texture not uploaded yet reads black,
                unit = self._bind(prog, name, self._black(), unit)   # never a stale unit
        if spec.blend:
            self.ctx.enable(moderngl.BLEND)
            self.ctx.blend_func = {"add": (moderngl.ONE, moderngl.ONE),
                                   "alpha": moderngl.DEFAULT_BLENDING,
                                   "max": (moderngl.ONE, moderngl.ONE),
                                   # beneath what is there: mix(src, dst, dst alpha), alpha 1
                                   "under": (moderngl.ONE_MINUS_DST_ALPHA, moderngl.DST_ALPHA,
                                             moderngl.ONE, moderngl.ZERO)}[spec.blend]
            self.ctx.blend_equation = moderngl.MAX if spec.blend == "max" else moderngl.FUNC_ADD
        if depth_test:
            self.ctx.enable(moderngl.DEPTH_TEST)
            self.ctx.depth_func = "1" if spec.coverage else "<"     # write it / test against it
        try:
            if spec.primitive == "fullscreen":
                prog.vao.render(moderngl.TRIANGLES, vertices=3)
            else:
                mode = {"points": moderngl.POINTS, "lines": moderngl.LINES,
                        "line_strip": moderngl.LINE_STRIP, "triangles": moderngl.TRIANGLES,
                        "triangle_strip": moderngl.TRIANGLE_STRIP}[spec.primitive]
                self.ctx.enable(moderngl.PROGRAM_POINT_SIZE)
                count, instances = self._counts.get(spec.name, (None, None))
                count = self._count(spec.count, state) if count is None else count
                instances = self._count(spec.instances, state) if instances is None else instances
                if count and instances:
                    prog.vao.render(mode, vertices=count, instances=instances)
        finally:
            if spec.blend:
                self.ctx.blend_equation = moderngl.FUNC_ADD
                self.ctx.disable(moderngl.BLEND)
            if depth_test:
                self.ctx.disable(moderngl.DEPTH_TEST)
                self.ctx.depth_func = "<"
        if spec.mipmaps:
            target.texture.build_mipmaps()

    def _draws_nothing(self, spec: Pass, state: SceneState) -> bool:
        if spec.primitive == "fullscreen":
            return False
        count, instances = self._counts.get(spec.name, (None, None))
        count = self._count(spec.count, state) if count is None else count
        instances = self._count(spec.instances, state) if instances is None else instances
        return not (count and instances)

    def _count(self, value: int | str, state: SceneState) -> int:
        if isinstance(value, str):
            return max(0, int(round(float(state.params[value]))))
        return int(value)

    def _black(self) -> moderngl.Texture:
        if self._black_texture is None:
            self._black_texture = self.ctx.texture((1, 1), 4, data=bytes(4))
        return self._black_texture

    def _bind(self, prog: CompiledProgram, name: str, tex: moderngl.Texture, unit: int) -> int:
        member = prog.program.get(name, None)
        if member is None:
            return unit
        tex.use(unit)
        member.value = unit
        return unit + 1

    def release(self) -> None:
        for target in self._distinct_targets():
            target.release()
        for tex in self.extra_textures.values():
            tex.release()
        if self._black_texture is not None:
            self._black_texture.release()
        release_cache(self._audio_textures)
        self.targets.clear()
        self.extra_textures.clear()
