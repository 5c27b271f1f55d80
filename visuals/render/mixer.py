"""The one frame driver: a performance frame rendered deck by deck and mixed by the crossfader.

Every render goes through ``Mixer.render``: export and stills of a plain show (a performance
with one deck and no hands), contact sheets, the offline replay of a recorded set, a farm's
chunks and the live window, so a set rendered again at 4K goes through exactly the code that
drew it on stage.
"""
from __future__ import annotations

from dataclasses import replace

import moderngl

from visuals.audio.clock import AudioClock
from visuals.perform.clock import Frame
from .compositor import Compositor, LayerImage
from .frame import FrameInputs, FrameResult
from .gpu import ProgramCache
from visuals.load.registry import Registry
from .renderer import DeckInputs, RenderConfig, Renderer
from visuals.model.scene import SceneState
from visuals.model.show import Show
from visuals.model.timeline import BLEND_MODES


class Mixer:
    """Renders ``FrameInputs``; holds one Renderer per deck (rebuilt when its show changes)
    and its GL resources for one size and frame rate (rebuilt when a frame asks for others).
    ``audio`` is what the scenes hear (offline features or a live analyser), or None."""

    def __init__(self, ctx: moderngl.Context, registry: Registry, config: RenderConfig,
                 programs: ProgramCache | None = None, resilient: bool = False, audio=None):
        self.ctx = ctx
        self.registry = registry
        self.config = config
        self.programs = programs or ProgramCache(ctx, registry.search)
        self._owns_programs = programs is None    # a cache passed in is the caller's to release
        self.resilient = resilient
        self.audio = audio
        self.renderers: dict[str, tuple[Show, Renderer]] = {}
        # Each deck's renderer resolves its own supersampling, so decks mix at output size.
        self.compositor = Compositor(ctx, self.programs, config.size)

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

    def _configure(self, size: tuple[int, int], fps) -> None:
        """A frame of another size or rate (a resized window, the adaptive scale): new targets."""
        self.release()
        self.config = replace(self.config, size=size, fps=fps)
        self.compositor = Compositor(self.ctx, self.programs, self.config.size)

    def render(self, inputs: FrameInputs) -> FrameResult:
        """The one render step of the program (see the module's docstring)."""
        if inputs.size != self.config.size or inputs.fps != self.config.fps:
            self._configure(inputs.size, inputs.fps)
        pf = inputs.state
        fbos: dict[str, moderngl.Framebuffer] = {}
        samples = {}
        for name, deck in pf.decks.items():
            renderer = self.renderer(name, deck.show)
            # The sound runs in performance time; a deck's show time moves with its transport.
            renderer.audio = None if self.audio is None else AudioClock(self.audio, pf.t - deck.show_t)
            played = DeckInputs(deck.overrides, deck.touches, pf.triggers, pf.t, pf.tempo, inputs.dt)
            image = renderer.render(Frame(inputs.index, deck.show_t), played)
            fbos[name], samples[name] = image.fbo, image.sample
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
            out = self.compositor.transition(0, pf.transition, a, b, x, {}, self._crossfade_state(inputs, samples))
        return FrameResult(out, samples)

    def _crossfade_state(self, inputs: FrameInputs, samples: dict) -> SceneState:
        """What the deck crossfade's transition reads: the performance's time and sound (the
        sound runs in performance time), deck A's beat and seed."""
        a = samples["a"]
        dt = inputs.dt if inputs.dt is not None else float(1 / inputs.fps)
        seed = self.renderers["a"][1].seed
        return SceneState(t=inputs.t, show_t=a.t, frame=inputs.index, dt=dt, beat=a.beat, bpm=a.bpm, seed=seed,
                          resolution=self.config.size, params={},
                          audio=self.audio.frame_at(inputs.t) if self.audio is not None else None)

    def warm_up(self, show: Show, bakes: bool = False, progress=None) -> None:
        """Compile every program deck A's show can use, so the first frames do not stall;
        ``bakes`` (live): also bake every bake pass ahead and keep them (Renderer.warm_up)."""
        self.renderer("a", show).warm_up(bakes=bakes, progress=progress)

    def drop_bakes(self) -> None:
        """Forget the bakes kept ahead (a shader was reloaded: they show the old one)."""
        for _, renderer in self.renderers.values():
            renderer.drop_bakes()

    def _black(self) -> moderngl.Framebuffer:
        fbo = self.compositor.pool.get("black")
        fbo.clear(0.0, 0.0, 0.0, 1.0)
        return fbo

    def release(self) -> None:
        for _, renderer in self.renderers.values():
            renderer.release()
        self.renderers.clear()
        self.compositor.release()
        if self._owns_programs:
            self.programs.release()
