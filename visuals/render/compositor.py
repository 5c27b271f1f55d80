"""Layers into one frame: transitions within a layer, blend modes between layers.

A single opaque layer at full opacity in normal mode is passed through untouched (no pass,
no rounding), so what a scene renders is exactly what reaches the sink.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import moderngl

from visuals.audio.texture import bind_audio_texture, release_cache
from visuals.model.scene import SceneState
from .gpu import ProgramCache, release_framebuffer
from .scene_runtime import _uniform_value, standard_uniforms
from .uniforms import TRANSITION_UNIFORMS
from visuals.model.timeline import BLEND_MODES
from visuals.load.transitions import transition_shader

BLEND_SHADER = "post/blend.frag"


@dataclass
class LayerImage:
    fbo: moderngl.Framebuffer   # its first colour attachment is the layer's image
    opacity: float
    blend: str

    @property
    def texture(self) -> moderngl.Texture:
        return self.fbo.color_attachments[0]


class _Pool:
    """Render targets at one size, reused frame to frame by purpose."""

    def __init__(self, ctx: moderngl.Context, size: tuple[int, int]):
        self.ctx = ctx
        self.size = size
        self._fbos: dict[str, moderngl.Framebuffer] = {}

    def get(self, purpose: str) -> moderngl.Framebuffer:
        fbo = self._fbos.get(purpose)
        if fbo is None:
            tex = self.ctx.texture(self.size, 4)
            tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
            fbo = self.ctx.framebuffer(color_attachments=[tex])
            self._fbos[purpose] = fbo
        return fbo

    def release(self) -> None:
        for fbo in self._fbos.values():
            release_framebuffer(fbo)
        self._fbos.clear()


class Compositor:
    def __init__(self, ctx: moderngl.Context, programs: ProgramCache, size: tuple[int, int]):
        self.ctx = ctx
        self.programs = programs
        self.pool = _Pool(ctx, size)
        self.size = size
        self._audio_textures: dict = {}     # a transition's u_audio, made when one samples it

    def transition(self, layer: int, name: str, source: moderngl.Framebuffer, target: moderngl.Framebuffer,
                   progress: float, params: dict[str, Any], state: SceneState) -> moderngl.Framebuffer:
        """``source`` into ``target`` at ``progress``.  A transition hears and sees what a scene
        does: every per-frame uniform of the contract and the audio (``state``, in show time)."""
        if progress <= 0.0:
            return source
        if progress >= 1.0:
            return target
        shader = transition_shader(name, self.programs.search)
        params = {**getattr(shader, "defaults", {}), **params}   # an ISF transition's own defaults
        if getattr(shader, "scene", None) is not None:            # an ISF transition with buffers
            from visuals.foreign.transition import run_transition
            return run_transition(self, layer, shader, source, target, progress, params, state)
        prog = self.programs.get(shader)
        fbo = self.pool.get(f"transition{layer}")
        fbo.use()
        standard_uniforms(prog, state, self.size)
        # A transition's own parameters are the cue's, or 0 ("its default"): never the values a
        # previous cue left in the program.
        given = {f"u_{k}" for k in params}
        for name in prog.own_uniforms():
            if name not in given and name not in TRANSITION_UNIFORMS:
                member = prog.program[name]
                member.write(bytes(member.array_length * member.dimension * 4))
        for key, value in params.items():
            prog.set(f"u_{key}", _uniform_value(value))
        prog.set("u_progress", float(progress))
        if "u_audio" in prog.samplers():
            bind_audio_texture(self.ctx, prog, "u_audio", state.audio, 2, self._audio_textures)
        source.color_attachments[0].use(0)
        target.color_attachments[0].use(1)
        prog.set("u_from", 0)
        prog.set("u_to", 1)
        prog.vao.render(moderngl.TRIANGLES, vertices=3)
        return fbo

    def composite(self, layers: list[LayerImage]) -> moderngl.Framebuffer:
        """Blend layers bottom to top over black."""
        if len(layers) == 1 and layers[0].opacity >= 1.0 and layers[0].blend == "normal":
            return layers[0].fbo
        prog = self.programs.get(BLEND_SHADER)
        base_fbo = self.pool.get("accum0")
        base_fbo.clear(0.0, 0.0, 0.0, 1.0)
        current = 0
        for layer in layers:
            if layer.opacity <= 0.0:
                continue
            out_fbo = self.pool.get(f"accum{1 - current}")
            out_fbo.use()
            self.pool.get(f"accum{current}").color_attachments[0].use(0)
            layer.texture.use(1)
            prog.set("u_base", 0)
            prog.set("u_layer", 1)
            prog.set("u_opacity", float(layer.opacity))
            prog.set("u_mode", BLEND_MODES.index(layer.blend))
            prog.vao.render(moderngl.TRIANGLES, vertices=3)
            current = 1 - current
        return self.pool.get(f"accum{current}")

    def release(self) -> None:
        self.pool.release()
        release_cache(self._audio_textures)
