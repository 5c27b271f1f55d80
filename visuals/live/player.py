"""The live loop: the show played from the live clock into a window.

Each iteration: take the input that arrived (keys, mouse) and apply it, look for saved
shaders and modules (a few times a second), tick the live clock, run the same frame driver
as export (``Mixer.render``, at the window's refresh rate with the measured u_delta), put
the frame on the window (upscaled when rendering below window size), draw the
HUD over it, swap.  Input is applied before the frame it arrived in is rendered, so its
effect is on the next frame shown.  Nothing here can blank the screen: a scene that fails
keeps its last good frame, a reload that fails keeps the last good version.

Nothing here can freeze it either: the user's modules are first run in a child process with a
time limit (``probe.py``), at start-up and at each save, and every control event passes the
range check of ``controls/limits.py`` before it plays or is recorded.  Ctrl-C and SIGTERM end
the process within a second whatever it is running: the loop stops at the next frame, and if
the frame does not come (user code that never returns), a watchdog ends the process.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import moderngl

from visuals.controls.base import ControlContext
from visuals.controls.events import Control, ControlBus, Interface, LoadClip, RecallPreset, TouchAt, Transport
from visuals.perform.clock import LiveClock
from visuals.perform.presets import PresetStore
from visuals.controls.keyboard import KeyMap, key_control
from visuals.controls.limits import Refused, checked
from visuals.perform.recorder import SetRecorder
from visuals.errors import VisualsError
from visuals.render.gpu import ProgramCache
from .adaptive import AdaptiveScale
from .prebake import prebake_shots
from .capture import dump_frame, save_screenshot
from .hud import Hud, NoticeGate
from .hud_text import hud_content
from .options import LiveOptions
from .present import Presenter
from .status import FrameStats, write_status
from visuals.render.frame import FrameInputs, FrameResult
from visuals.render.mixer import Mixer
from visuals.perform.performance import Performance, with_preset_values
from visuals.perform.view import TimelineView
from visuals.load.memory import give_back_freed_memory
from visuals.load.probe import checked_registry
from visuals.load.reload import Reloader
from visuals.render.renderer import RenderConfig
from .window import KeyEvent, MouseEvent, Window

RELOAD_INTERVAL = 0.25     # seconds between looks at the files
STATUS_INTERVAL = 0.1      # seconds between status file writes
STOP_GRACE = 0.8           # seconds the loop has to stop after Ctrl-C or SIGTERM before it is ended


def live_mixer(ctx: moderngl.Context, registry, programs: ProgramCache, size: tuple[int, int],
               fps: Fraction) -> Mixer:
    """The frame driver as the live window runs it: resilient (a failing scene keeps its last
    good frame), and off the export grid (frames come when the clock says, not at k / fps)."""
    return Mixer(ctx, registry, RenderConfig(size=size, fps=fps, exact=False), programs=programs, resilient=True)


class LivePlayer:
    def __init__(self, options: LiveOptions):
        self.options = options
        self.keymap = KeyMap.load(options.keymap) if options.keymap else KeyMap.defaults()
        self.registry, self.show = checked_registry(options.search, options.show, options.module_timeout)
        self.window = Window(f"visuals - {self.show.name}", options.size, options.fullscreen,
                             options.monitor, options.vsync)
        self.ctx = moderngl.create_context(require=330)
        # A GL object dropped without release() is handed back here and released on this thread
        # each frame, rather than kept for the life of the show (a reload every few seconds
        # for hours must not grow).
        self.ctx.gc_mode = "context_gc"
        self.programs = ProgramCache(self.ctx, options.search)
        self.presenter = Presenter(self.ctx, self.programs)
        self.hud = Hud(self.ctx, self.programs)
        self.hud.visible = options.hud
        self.bus = ControlBus()
        self.presets = PresetStore(options.presets, self.registry) if options.presets else None
        self.performance = Performance(self.show, loop=options.loop, load_show=self._clip_show,
                                       view=TimelineView(self.registry), presets=self.presets)
        self.clock = LiveClock(self.window.refresh_rate())
        if options.start:
            self.performance.apply(Transport(op="seek", value=options.start), 0.0)
        if options.paused:
            self.performance.apply(Transport(op="pause"), 0.0)
        if options.deck_b:
            self.registry.show(options.deck_b)          # an unknown name fails here, before the window
            self.performance.apply(LoadClip(deck="b", show=options.deck_b), 0.0)
        self.scaler = AdaptiveScale(options.scale, options.adaptive)
        self.mixer = self._make_mixer()
        if options.prebake:
            prebake_shots(self.mixer, self.show)
        self.result: FrameResult | None = None      # the last frame drawn
        self.reloader = Reloader(options.search, options.show, self.registry, self.programs,
                                 timeout=options.module_timeout)
        self.recorder = SetRecorder(options.record, self.show.name, [str(p) for p in options.search.scene_dirs[:-1]],
                                    {"start": options.start, "paused": options.paused, "loop": options.loop,
                                     "deck_b": options.deck_b, "fps": str(self.clock.fps)}) \
            if options.record else None
        self.stats = FrameStats()
        self.events_log: deque[str] = deque(maxlen=6)
        self.notices = NoticeGate(self.events_log.append)
        self.refused = 0                      # control events refused by the range check
        self.gl_released = 0                  # GL objects dropped without release(), released here
        self.screenshots: list[str] = []
        self.latencies: deque[int] = deque(maxlen=100)
        self.control_latency: deque[float] = deque(maxlen=1000)
        self._arrivals: list[float] = []
        self._pending_inputs: list[int] = []
        self.learning = False
        self.selected = 0                      # index of the selected parameter on the HUD
        self.inputs = list(options.inputs)
        from visuals.audio.live_sound import LiveSound       # sound is one more input: heard, played, on the HUD
        self.inputs.append(LiveSound(self, options.audio_in, options.mute))
        context = self.control_context = ControlContext(bus=self.bus, registry=self.registry, show=lambda: self.show,
                                 notify=self.notify, learn_target=self.learn_target,
                                 current_value=lambda scene, param: self.current_value(scene, param),
                                 crossfade=lambda: self.frame_state.crossfade)
        for control in self.inputs:
            control.start(context)
        self._quit = False
        self._watchdog: threading.Timer | None = None
        self._frame = 0
        self._t = 0.0
        self._last_reload = 0.0
        self._last_status = 0.0
        self._last_touch = -1.0
        self.reloads = 0
        self.frame_state = self.performance.frame(0.0)

    # -- set-up ----------------------------------------------------------------------------
    def render_size(self) -> tuple[int, int]:
        return self.scaler.render_size(self.window.framebuffer_size())

    def _make_mixer(self) -> Mixer:
        """The frame driver for the current registry (at start and after a reload)."""
        if getattr(self, "mixer", None) is not None:
            self.mixer.release()
        return live_mixer(self.ctx, self.registry, self.programs, self.render_size(), self.clock.fps)

    def perf_time(self) -> float:
        """Seconds since the performance started: the time every event is applied and recorded at."""
        return self.clock.time()

    def show_time(self) -> float:
        return self.frame_state.decks["a"].show_t if "a" in self.frame_state.decks else 0.0

    # -- input -----------------------------------------------------------------------------
    def post(self, event: Control) -> None:
        self.bus.post(event)

    def apply(self, event: Control, t: float) -> None:
        """Apply one control event at performance time t, record it, and log it on the HUD.

        Its numbers are checked first (finite, in range; a preset's values too): nothing out
        of range plays or is recorded, whichever input or file it came from."""
        if isinstance(event, RecallPreset):
            recalled = with_preset_values(event, self.presets)   # the set keeps what was recalled
            if recalled is None:
                where = f" in {self.presets.path}" if self.presets is not None else ""
                self.notify(f"no preset named '{event.name}'{where}")
                return
            event = recalled
        try:
            event, clamped = checked(event, self.registry)
        except Refused as why:
            self.refused += 1
            self.notify(f"{event.source or '-'} {event.kind}: {why}; ignored")
            return
        if clamped:
            self.notify(f"{event.source or '-'} {event.kind}: " + "; ".join(clamped))
        if isinstance(event, Interface):
            self.interface(event.action)
        else:
            self.performance.apply(event, t)
        if self.recorder is not None:
            self.recorder.record(t, event)
        label = event.action if isinstance(event, Interface) else event.kind
        detail = {k: v for k, v in event.to_json().items() if k not in ("kind", "source") and v not in ("", 0, 0.0)}
        self.events_log.append(f"{self.show_time():7.2f}s  {event.source or '-'}: {label} "
                               + " ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}"
                                          for k, v in detail.items()))

    def notify(self, message: str) -> None:
        """A notice from a control input (an unplugged controller, a clamped value): a few a
        second reach the HUD, the rest are summed up."""
        self.notices(message)

    def selectable_params(self) -> list[tuple[str, str]]:
        return TimelineView(self.registry).in_play(self.performance, self._t) if self.show else []

    def learn_target(self) -> tuple[str, str] | None:
        if not self.learning:
            return None
        params = self.selectable_params()
        return params[self.selected % len(params)] if params else None

    def current_value(self, scene: str, param: str):
        return TimelineView(self.registry).value(self.performance, "a", scene, param, self._t)

    def interface(self, action: str) -> None:
        if action == "fullscreen":
            self.window.toggle_fullscreen()
        elif action == "next_monitor":
            self.window.next_monitor()
        elif action == "hud":
            self.hud.visible = not self.hud.visible
        elif action == "screenshot":
            self.screenshot()
        elif action == "reload":
            self.reload(force=True)
        elif action == "quit":
            self._quit = True
        elif action in ("select_next", "select_previous"):
            self.selected += 1 if action == "select_next" else -1
        elif action == "learn":
            self.learning = not self.learning

    def handle(self, event) -> None:
        if isinstance(event, KeyEvent):
            if event.action == "release":
                return
            action = self.keymap.action_for(event.key, event.mods)
            if action is not None and (event.action == "press" or action.startswith("seek")):
                self._pending_inputs.append(self._frame)
                control = key_control(action, self.frame_state.crossfade)
                self.post(replace(control, source="key"))
        elif isinstance(event, MouseEvent) and event.action in ("press", "drag"):
            now = time.perf_counter()
            if event.action == "drag" and now - self._last_touch < 0.08:
                return
            self._last_touch = now
            self._pending_inputs.append(self._frame)
            self.post(TouchAt(x=event.x, y=event.y, strength=1.0, source="mouse"))
        # A resize needs nothing here: the next frame asks the driver for the new size.

    # -- features --------------------------------------------------------------------------
    def screenshot(self) -> Path:
        """The current frame at full render resolution, without the HUD."""
        path = save_screenshot(self.options.screenshots, self.show.name, self.show_time(),
                               self.result.read_rgb(), self.mixer.config.size)
        self.screenshots.append(str(path))
        self.events_log.append(f"saved {path}")
        return path

    def _clip_show(self, name: str):
        """The show a clip loads.  Clips come from controls (OSC, MIDI, presets), which may name a
        show by its plain name only; the one exception is the --deck-b the user gave on the
        command line, which may be a shader file like the main show.  Reads ``self.registry``
        each time: a hot reload replaces it."""
        if name == self.options.deck_b:
            return self.registry.show(name)
        return self.registry.show_named(name)

    def reload(self, force: bool = False) -> None:
        result = self.reloader.check(force)
        if result.shaders:
            self.mixer.drop_bakes()         # they show the shaders as they were
            self.reloads += 1
            self.events_log.append("reloaded " + ", ".join(p.name for p in result.shaders))
        if result.show is not None:
            self.registry, self.show = result.show
            self.control_context.registry = self.registry
            self.performance.decks["a"].show = self.show
            self.performance.view = TimelineView(self.registry)
            self.mixer = self._make_mixer()
            self.reloads += 1
            self.events_log.append(f"reloaded show '{self.show.name}'")
            self.window.set_title(f"visuals - {self.show.name}")     # only then: it is an X round trip
            # The old registry and mixer are freed: hand their pages back (off this thread: it
            # can take milliseconds, a frame's worth).
            threading.Thread(target=give_back_freed_memory, name="visuals-trim", daemon=True).start()

    # -- the loop --------------------------------------------------------------------------
    def step(self) -> None:
        now = time.perf_counter()
        for event in self.window.poll():
            self.handle(event)
        if now - self._last_reload > RELOAD_INTERVAL:
            self._last_reload = now
            self.reload()
            self.notices.flush()
        frame, dt = self.clock.tick()
        t = self._t = frame.t
        for control in self.inputs:
            control.poll(now)
        for event, arrived in self.bus.drain():
            self.apply(event, t)
            self._arrivals.append(arrived)
        if self.recorder is not None:
            self.recorder.flush()
        self.frame_state = self.performance.frame(t)
        t0 = time.perf_counter()
        self.result = self.mixer.render(FrameInputs(self._frame, self.frame_state, self.render_size(),
                                                    self.clock.fps, dt))
        self.draw(self.result.fbo)
        self.stats.render_ms.append((time.perf_counter() - t0) * 1000)
        if self.options.dump is not None and self._frame % self.options.dump_every == 0:
            dump_frame(self.options.dump, self._frame, t, self.result.read_rgb(), self.mixer.config.size)
        self.window.swap()
        for arrived in self._pending_inputs:
            self.latencies.append(self._frame - arrived + 1)   # frames until it was shown
        self._pending_inputs.clear()
        end = time.perf_counter()
        for arrived in self._arrivals:
            self.control_latency.append(end - arrived)     # arrival to the swap that shows it
        self._arrivals.clear()
        if hasattr(self, "_last_swap"):
            self.stats.intervals.append(end - self._last_swap)
            self.stats.unreported.append(end - self._last_swap)
        self._last_swap = end
        self._frame += 1
        self.release_dropped()
        if self.scaler.adapt(end, self.stats.intervals):
            self.stats.intervals.clear()
        if self.options.status and end - self._last_status > STATUS_INTERVAL:
            self._last_status = end
            write_status(self.options.status, self)

    def release_dropped(self) -> int:
        """Release the GL objects Python dropped without releasing (moderngl's context_gc hands
        them over, with the ones already released as InvalidObject, which are only let go)."""
        count = 0
        objects = self.ctx.objects
        while objects:
            dropped = objects.popleft()
            release = getattr(dropped, "release", None)
            if release is not None:
                release()
                count += 1
        self.gl_released += count
        return count

    def draw(self, fbo: moderngl.Framebuffer) -> None:
        size = self.window.framebuffer_size()
        self.presenter.draw(fbo, size)
        if self.hud.visible:
            if self.hud.due():
                self.hud.update(hud_content(self))
            self.hud.draw(size)

    def current_cue(self):
        """The top cue deck A showed in the last frame (the HUD's and the status file's)."""
        return self.result.top_cue() if self.result is not None else None

    def errors(self) -> list[VisualsError]:
        return list(self.mixer.errors.values()) + self.reloader.errors()

    def stop(self, _sig=None, _frame=None) -> None:
        """Ctrl-C, SIGTERM: the loop ends at the next frame; if no frame comes within
        STOP_GRACE (user code that never returns), the watchdog ends the process."""
        self._quit = True
        if self._watchdog is None:
            self._watchdog = threading.Timer(STOP_GRACE, self._force_exit)
            self._watchdog.daemon = True
            self._watchdog.start()

    def _force_exit(self) -> None:
        sys.stderr.write(f"visuals: the show did not stop within {STOP_GRACE:g} s (code that never returns?); "
                         "ended it\n")
        try:
            self.reloader.close()
            if self.recorder is not None:
                self.recorder.close(self.perf_time())
        finally:
            os._exit(0)

    def run(self) -> int:
        previous = signal.getsignal(signal.SIGINT)
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)
        try:
            while not self._quit and not self.window.should_close:
                self.step()
                if self.options.max_frames is not None and self._frame >= self.options.max_frames:
                    break
            if self.options.status:
                write_status(self.options.status, self)
        finally:
            signal.signal(signal.SIGINT, previous)
            self.reloader.close()
            for control in self.inputs:
                control.stop()
            if self.recorder is not None:
                self.recorder.close(self.perf_time())
            self.mixer.release()
            self.window.destroy()
            if self._watchdog is not None:
                self._watchdog.cancel()
        return 0
