"""Renders a performance frame: each deck through its own Renderer, mixed by the crossfader.

The live window and the offline replay of a recorded set both draw through this class, so a
set rendered again at 4K goes through exactly the code that drew it on stage.
"""
from __future__ import annotations

from typing import Any

import moderngl

from visuals.perform.clock import Frame
from .compositor import Compositor, LayerImage
from .gpu import ProgramCache
from visuals.perform.performance import Performance, PerformanceFrame
from visuals.load.registry import Registry
from .renderer import RenderConfig, Renderer
from visuals.model.show import Show
from visuals.model.timeline import BLEND_MODES


class Mixer:
    def __init__(self, ctx: moderngl.Context, registry: Registry, config: RenderConfig,
                 programs: ProgramCache | None = None, resilient: bool = False):
        self.ctx = ctx
        self.registry = registry
        self.config = config
        self.programs = programs or ProgramCache(ctx, registry.search)
        self.resilient = resilient
        self.renderers: dict[str, tuple[Show, Renderer]] = {}
        # Each deck's renderer resolves its own supersampling, so decks mix at output size.
        self.compositor = Compositor(ctx, self.programs, config.size)
        self.frame_fbo: moderngl.Framebuffer | None = None

    def renderer(self, deck: str, show: Show) -> Renderer:
        held = self.renderers.get(deck)
        if held is None or held[0] is not show:
            if held is not None:
                held[1].release()
            renderer = Renderer(self.ctx, show, self.registry, self.config, programs=self.programs,
                                resilient=self.resilient)
            self.renderers[deck] = (show, renderer)
            return renderer
        return held[1]

    @property
    def errors(self) -> dict:
        out = {}
        for _, renderer in self.renderers.values():
            out.update(renderer.errors)
        return out

    def render(self, performance: Performance, pf: PerformanceFrame, index: int) -> moderngl.Framebuffer:
        dt = float(1 / self.config.fps)
        fbos: dict[str, moderngl.Framebuffer] = {}
        for name, deck_frame in pf.decks.items():
            show = performance.decks[name].show
            renderer = self.renderer(name, show)
            renderer.overrides = deck_frame.overrides
            renderer.live_events = deck_frame.touches
            renderer.triggers = pf.triggers
            renderer.perf_time = pf.t
            fbos[name] = renderer.render(Frame(index, deck_frame.show_t, dt), pf.tempo)
        for name in list(self.renderers):
            if name not in pf.decks:
                self.renderers.pop(name)[1].release()
        a, b = fbos.get("a"), fbos.get("b")
        x = pf.crossfade
        if b is None or x <= 0.0:
            out = a if a is not None else self._black()
        elif a is None or x >= 1.0:
            out = b
        elif pf.blend in BLEND_MODES:
            out = self.compositor.composite([LayerImage(a, 1.0, "normal"), LayerImage(b, x, pf.blend)])
        else:
            out = self.compositor.transition(0, pf.transition, a, b, x, {}, {"u_time": float(pf.t)})
        self.frame_fbo = out
        return out

    def _black(self) -> moderngl.Framebuffer:
        fbo = self.compositor.pool.get("black")
        fbo.clear(0.0, 0.0, 0.0, 1.0)
        return fbo

    def read_rgb(self) -> bytes:
        return self.frame_fbo.read(components=3, alignment=1)

    def release(self) -> None:
        for _, renderer in self.renderers.values():
            renderer.release()
        self.renderers.clear()
        self.compositor.release()


class TimelineView:
    """What a parameter shows at a performance time: its timeline value with the hand's on top.

    A pure function of the performance state and the time, so a morph that starts from 'the
    current value' starts from the same value live and in a replay.
    """

    def __init__(self, registry: Registry):
        self.registry = registry

    def _active(self, performance: Performance, deck: str, t: float):
        d = performance.decks[deck]
        show_t = performance.deck_time(d, t)
        tempo = (performance.tempo.beat(t), performance.tempo.bpm) if performance.tempo.bpm else None
        return d, d.show.timeline.sample(show_t, tempo)

    def in_play(self, performance: Performance, t: float) -> list[tuple[str, str]]:
        if performance.decks["a"].show is None:
            return []
        _, sample = self._active(performance, "a", t)
        out = []
        for active in sample.cues():
            scene = self.registry.scene(active.cue.scene)
            out += [(scene.name, p.name) for p in scene.params]
        return list(dict.fromkeys(out))

    def value(self, performance: Performance, deck: str, scene: str, param: str, t: float) -> Any:
        d, sample = self._active(performance, deck, t)
        if (scene, param) in d.params:
            return d.params[(scene, param)].value(t)
        spec = self.registry.scene(scene).params.get(param)
        for active in sample.cues():
            if active.cue.scene == scene and param in active.values:
                return spec.clamp(spec.coerce(active.values[param]))
        return spec.default
