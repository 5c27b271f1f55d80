"""One deck's render step: a show's timeline at a frame's time, with what the hands add.

``Renderer.render(frame, inputs)`` samples the show's timeline at the frame's time, renders every
active cue's scene (reusing one SceneRunner per cue), applies transitions and blend modes,
and leaves the final image in a framebuffer that sinks read from: the scene's own target when
one layer plays alone (no copy), or the supersampling resolve.  Rows are in GL order, bottom
row first; sinks flip them where they are cheapest to flip (ffmpeg's vflip is free).  The clock decides which frames are asked
for; nothing in here reads the wall clock.  Every render of the program (export, still, sheet,
replay, live, a farm's chunk) reaches it through ``mixer.Mixer.render``, the one frame driver.
"""
from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction
from typing import Any, Callable

import moderngl

from visuals.audio.clock import AudioClock
from visuals.perform.clock import Frame
from .bakes import BakeStore, bake_ahead, bake_times
from .compositor import Compositor, LayerImage
# (the step's values: DeckInputs and RenderConfig are imported from here by much of the program)
from .deck import PLAIN_DECK, DeckImage, DeckInputs, RenderConfig
from visuals.errors import VisualsError
from .gpu import ProgramCache, release_framebuffer
from visuals.load.registry import Registry
from visuals.model.scene import SceneState
from visuals.model.signals import SignalTime
from .scene_runtime import SceneRunner
from visuals.model.show import Show
from visuals.model.timeline import ActiveCue, TimelineSample
from visuals.load.transitions import transition_shader
from visuals.model.post import post_chain
from visuals.perform.view import current_values

DOWNSAMPLE_SHADER = "post/downsample.frag"


class Renderer:
    """Renders frames of one show.

    ``resilient`` (live): a scene that fails keeps showing its last good frame and the error
    is kept in ``errors`` for the HUD, instead of stopping the show.  ``programs`` may be
    shared so a renderer rebuilt after a reload or resize does not recompile anything.
    """

    def __init__(self, ctx: moderngl.Context, show: Show, registry: Registry, config: RenderConfig,
                 programs: ProgramCache | None = None, resilient: bool = False):
        self.ctx = ctx
        self.show = show
        self.registry = registry
        self.config = config
        self.resilient = resilient
        self.errors: dict[str, VisualsError] = {}           # by scene name, while it fails
        self.programs = programs or ProgramCache(ctx, registry.search)
        self._owns_programs = programs is None    # a cache passed in is the caller's to release
        self.compositor = Compositor(ctx, self.programs, config.render_size)
        self.runners: dict[Any, SceneRunner] = {}   # by cue index, or (cue index, binding slot)
        self._used: set[Any] = set()
        out_tex = ctx.texture(config.size, 4)
        self.output = ctx.framebuffer(color_attachments=[out_tex])
        self._downsample = self.programs.get(DOWNSAMPLE_SHADER) if config.ssaa > 1 else None
        self.frame_fbo: moderngl.Framebuffer = self.output
        self.seed = show.seed if config.seed is None else config.seed
        # The frame being rendered: set at the start of ``render`` and read by its helpers.
        self._deck = PLAIN_DECK
        self._sample: TimelineSample | None = None
        # What the show hears (visuals.audio: offline features or a live analyser), or None;
        # read through an AudioClock so a glitch loop repeats the picture, not the sound.
        self.audio: Any = None
        self._audio_clock: Any = None
        # The bakes kept before a live show (warm_up(bakes=True), bakes.py), or None.
        self.bakes: BakeStore | None = None

    # -- preparation ------------------------------------------------------------------
    def warm_up(self, bakes: bool = False, progress: Callable[[int, int, float], None] | None = None) -> None:
        """Compile every program the show can use, so the first frames do not stall.

        ``bakes`` (the live player): also render every bake pass of the show (bakes.py) at the
        times it bakes and keep them, so a cut into a baked shot on stage copies its G-buffer
        instead of marching it for 1-3 s (a longer load instead of a freeze mid-show).
        ``progress(done, total, show_t)`` is called after each bake time."""
        names: list[str] = [name for name, _ in post_chain(self.show.post)]
        for cue in self.show.cues:
            names.append(cue.scene)
            names += [self.bound_scene(cue.scene, slot, cue.bind.get(slot))
                      for slot in self.registry.scene(cue.scene).bindings]
            names += [name for name, _ in post_chain(cue.post)]
            if cue.fade_in > 0:
                self.programs.get(transition_shader(cue.transition, self.registry.search))
        for name in dict.fromkeys(names):
            scene = self.registry.scene(name)
            for spec in scene.passes:
                self.programs.get(spec.frag, spec.vert, list(scene.params), scene.folder)
        if bakes:
            bake_ahead(self, progress)

    def bake_times(self) -> list[float]:
        """Show times at which a bake pass draws (bakes.bake_times)."""
        return bake_times(self)

    def drop_bakes(self) -> None:
        """Release the kept bakes; the runners bake as they meet them again."""
        if self.bakes is not None:
            self.bakes.release()
            self.bakes = None
        for runner in self.runners.values():
            runner.bakes = None

    def _runner(self, key: Any, scene_name: str, size: tuple[int, int]) -> SceneRunner:
        runner = self.runners.get(key)
        if runner is None:
            scene = self.registry.scene(scene_name)
            runner_class = getattr(scene, "runner_class", SceneRunner)   # foreign scenes bring theirs
            runner = runner_class(self.ctx, self.programs, scene, size, self.config.exact)
            runner.bakes, runner.bake_key = self.bakes, key
            self.runners[key] = runner
        self._used.add(key)
        return runner

    def scene_state(self, active: ActiveCue, sample: TimelineSample, frame: Frame) -> SceneState:
        scene = self.registry.scene(active.cue.scene)
        deck = self._deck
        params = current_values(scene.params, active.values, deck.overrides.get(scene.name, {}),
                                at=self.heard(sample))
        events = active.events
        if deck.touches:
            start = active.cue.start
            events = events + tuple(replace(e, time=t - start) for t, e in deck.touches
                                    if start <= t <= sample.t)
        return SceneState(t=active.local_t, show_t=sample.t, frame=self._local_frame(active),
                          dt=self._dt(), beat=sample.beat, bpm=sample.bpm, seed=self.seed,
                          resolution=self.config.render_size, params=params, events=events,
                          audio=self._audio_clock.frame_at(sample.t) if self._audio_clock else None)

    def heard(self, sample: TimelineSample) -> SignalTime:
        """When and what a hand's follow (a signal) hears: as the timeline's Audio signals do."""
        return SignalTime(sample.t, sample.beat, sample.bpm, self._audio_clock)

    def _local_frame(self, active: ActiveCue) -> int:
        """u_frame: frames since the cue started at the frame rate asked for (live: the live
        clock's, so a paused show stands still and its dithering with it)."""
        return max(0, round(active.local_t * float(self.config.fps)))

    def _dt(self) -> float:
        """u_delta: the seconds since the frame before (live), or exactly 1 / fps."""
        return float(1 / self.config.fps) if self._deck.dt is None else self._deck.dt

    def _tempo_at(self, t: float) -> tuple[float, float]:
        """The live tempo extrapolated to another show time (for replaying feedback history)."""
        beat, bpm = self._deck.tempo
        return beat + (t - self._sample.t) * bpm / 60.0, bpm

    def bound_scene(self, cue_scene: str, slot: str, override: str | None) -> str:
        """Which scene fills a binding: the cue's choice, the scene's default, or the fallback."""
        binding = self.registry.scene(cue_scene).bindings[slot]
        for name in (override, binding.default):
            if name and self.registry.has_scene(name):
                return name
        return binding.fallback

    def _inputs(self, active: ActiveCue, state: SceneState) -> dict[str, moderngl.Texture]:
        """Render the scenes bound into this cue's scene (and theirs), in step with it."""
        return self._scene_inputs(active.index, active.cue.scene, active.cue.bind, state,
                                  self._main_states(active), depth=0)

    def _scene_inputs(self, key: Any, scene_name: str, chosen: Any, state: SceneState, history,
                      depth: int) -> dict[str, moderngl.Texture]:
        """Bound scenes of ``scene_name``, rendered at ``state``'s time; a bound scene's own
        bindings are rendered too (the Serenes' city shows the towers, whose glass shows the
        sky), three levels deep at most.  A binding idled by its ``enabled_by`` parameter
        renders nothing and its sampler reads black."""
        scene = self.registry.scene(scene_name)
        inputs: dict[str, moderngl.Texture] = {}
        if depth > 3:
            return inputs
        for slot, binding in scene.bindings.items():
            if binding.enabled_by and not float(state.params.get(binding.enabled_by, 1.0)) > 0.0:
                continue
            name = self.bound_scene(scene_name, slot, chosen.get(slot))
            bound = self.registry.scene(name)
            w, h = state.resolution
            size = (max(1, round(w * binding.scale)), max(1, round(h * binding.scale)))
            params = bound.params.defaults()
            for pname, value in binding.params.items():
                # Meant for the default scene; a fallback without them does not take them.
                if pname in bound.params:
                    params[pname] = bound.params.get(pname).validate(value)
            sub_key = (key, slot)

            def sub_state(main: SceneState, size=size, params=params) -> SceneState:
                return replace(main, resolution=size, params=params, events=())

            def sub_history(k: int, history=history, sub_state=sub_state) -> SceneState:
                return sub_state(history(k))

            def replay(k: int, sub_key=sub_key, name=name, sub_history=sub_history):
                past = sub_history(k)
                return past, self._scene_inputs(sub_key, name, {}, past, sub_history, depth + 1)

            current = sub_state(state)
            sub_inputs = self._scene_inputs(sub_key, name, {}, current, sub_history, depth + 1)
            runner = self._runner(sub_key, name, size)
            inputs[slot] = runner.render(current, sub_inputs, replay).color_attachments[0]
        return inputs

    def _main_states(self, active: ActiveCue):
        """The state of a cue at its local frame k (for replaying feedback exactly)."""
        fps = self.config.fps

        def state_at(k: int) -> SceneState:
            t = active.cue.start + float(Fraction(k) / fps)
            sample = self.show.timeline.sample(t, None if self._deck.tempo is None else self._tempo_at(t),
                                               audio=self._audio_clock)
            match = next((c for c in sample.cues() if c.index == active.index), None)
            if match is None:  # pragma: no cover - the cue is active over its whole span
                match = ActiveCue(active.index, active.cue, t - active.cue.start, 1.0, {})
            state = self.scene_state(match, sample, Frame(k, t))
            state.frame = k
            return state
        return state_at

    def _history(self, active: ActiveCue):
        states = self._main_states(active)

        def state_and_inputs(k: int) -> tuple[SceneState, dict]:
            state = states(k)
            return state, self._inputs(active, state)
        return state_and_inputs

    def _render_cue(self, active: ActiveCue, sample: TimelineSample, frame: Frame) -> moderngl.Framebuffer:
        state = self.scene_state(active, sample, frame)
        inputs = self._inputs(active, state)
        runner = self._runner(active.index, active.cue.scene, self.config.render_size)
        fbo = runner.render(state, inputs, self._history(active))
        return self._post(active.cue.post, fbo, state, sample, key=active.index)

    def _post(self, chain, fbo: moderngl.Framebuffer, state: SceneState, sample: TimelineSample,
              key: Any) -> moderngl.Framebuffer:
        """Run a chain of post effects over an image; each effect has its own runner."""
        for i, (name, static) in enumerate(post_chain(chain)):
            effect = self.registry.scene(name)
            params = current_values(effect.params, static, sample.owned.get(name, {}),
                                    self._deck.overrides.get(name, {}), at=self.heard(sample))
            burst = self._burst(name)
            if burst and "amount" in effect.params:
                spec = effect.params.get("amount")
                params["amount"] = spec.clamp(params["amount"] + burst)
            if effect.bypass and all(float(params[b]) <= 0.0 for b in effect.bypass):
                continue   # the identity: skip its passes
            runner = self._runner((key, "post", i), name, self.config.render_size)
            fbo = runner.render(replace(state, params=params, events=()),
                                {"input": fbo.color_attachments[0]}, None)
        return fbo

    def _render_guarded(self, active: ActiveCue, sample: TimelineSample,
                        frame: Frame) -> moderngl.Framebuffer | None:
        """Render a cue; when resilient, a failure shows the scene's last good frame."""
        if not self.resilient:
            return self._render_cue(active, sample, frame)
        name = active.cue.scene
        try:
            fbo = self._render_cue(active, sample, frame)
            self.errors.pop(name, None)
            return fbo
        except VisualsError as err:
            self.errors[name] = err
        except Exception as err:  # a scene's Python update() or the driver failed
            self.errors[name] = VisualsError(f"scene '{name}' failed: {type(err).__name__}: {err}",
                                             file=getattr(self.registry.scenes.get(name), "site", None)
                                             and self.registry.scenes[name].site.file,
                                             fix="fix the scene; its last good frame is shown meanwhile")
        runner = self.runners.get(active.index)
        if runner is None:
            return None
        self._used.add(active.index)
        return runner.output_fbo

    # -- the step -----------------------------------------------------------------------
    def render(self, frame: Frame, inputs: DeckInputs = PLAIN_DECK) -> DeckImage:
        """Render the show at ``frame.t`` (show time) with what ``inputs`` add to it."""
        self._deck = inputs
        t = self.show.timeline.remap(frame.t, float(self.config.fps) if self.config.exact else None)
        self._audio_clock = AudioClock(self.audio, frame.t - t) if self.audio is not None else None
        if t != frame.t:
            frame = Frame(frame.index, t)
        sample = self.show.timeline.sample(t, inputs.tempo, audio=self._audio_clock)
        self._sample = sample
        layers: list[LayerImage] = []
        self._used = set()
        for layer in sample.layers:
            current = self._render_guarded(layer.current, sample, frame)
            if current is None:
                continue
            image = current
            previous = None
            # (once the transition has finished, progress 1, the compositor returns the new
            # cue's image as it is: the old cue, still running till its own end, is not drawn --
            # the Resonance under the woman's room from 122.5 to 124 s cost 300 ms a frame)
            if layer.previous_seen is not None:
                previous = self._render_guarded(layer.previous_seen, sample, frame)
            if previous is not None:
                cue = layer.current.cue
                image = self.compositor.transition(layer.layer, cue.transition, previous, current,
                                                   layer.progress, dict(cue.transition_params),
                                                   self._show_state(sample))
            layers.append(LayerImage(image, layer.opacity, layer.current.cue.blend))
        if not layers:
            self.output.use()
            self.output.clear(0.0, 0.0, 0.0, 1.0)
            self.frame_fbo = self.output
        elif self._downsample is None:
            self.frame_fbo = self._post_frame(self.compositor.composite(layers), sample, frame)
        else:
            final = self._post_frame(self.compositor.composite(layers), sample, frame)
            self.output.use()
            final.color_attachments[0].use(0)
            self._downsample.set("u_image", 0)
            self._downsample.set("u_ssaa", int(self.config.ssaa))
            self._downsample.vao.render(moderngl.TRIANGLES, vertices=3)
            self.frame_fbo = self.output
        self._release_unused()
        return DeckImage(self.frame_fbo, sample)

    def _release_unused(self) -> None:
        """Release the runners this frame did not use (cues that ended, effects switched off).
        Only after the whole frame, post effects included: releasing before the show's post
        chain ran would rebuild its runners, and lose their history, on every frame."""
        for key in list(self.runners):
            if key not in self._used:
                self.runners.pop(key).release()

    def _burst(self, name: str) -> float:
        """A live trigger named like an effect (a pad's 'glitch') adds a burst to its amount
        that decays over a quarter of a second."""
        now = self._deck.perf_t
        return sum(trigger.value * math.exp(-(now - t) / 0.25)
                   for t, trigger in self._deck.triggers if trigger.name == name and now >= t)

    def _post_frame(self, fbo: moderngl.Framebuffer, sample: TimelineSample, frame: Frame) -> moderngl.Framebuffer:
        """The show's post effects over the whole composited frame, in show time."""
        if not self.show.post:
            return fbo
        return self._post(self.show.post, fbo, self._show_state(sample), sample, key="show")

    def _show_state(self, sample: TimelineSample) -> SceneState:
        """What the whole frame's passes (the show's post effects, transitions) read: the frame
        in show time, no parameters of a scene."""
        return SceneState(t=sample.t, show_t=sample.t, frame=max(0, round(sample.t * float(self.config.fps))),
                          dt=self._dt(), beat=sample.beat, bpm=sample.bpm, seed=self.seed,
                          resolution=self.config.render_size, params={},
                          audio=self._audio_clock.frame_at(sample.t) if self._audio_clock else None)

    def read_rgb(self) -> bytes:
        """The last rendered frame as RGB bytes, bottom row first (GL order)."""
        return self.frame_fbo.read(components=3, alignment=1)

    def release(self) -> None:
        for runner in self.runners.values():
            runner.release()
        self.runners.clear()
        self.compositor.release()
        release_framebuffer(self.output)
        self.drop_bakes()
        if self._owns_programs:
            self.programs.release()
