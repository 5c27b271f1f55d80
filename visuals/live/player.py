"""The live loop: the show played from the realtime clock into a window.

Each iteration: take the input that arrived (keys, mouse) and apply it, look for saved
shaders and modules (a few times a second), tick the clock, run the same render step as
export, put the frame on the window (upscaled when rendering below window size), draw the
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

import json
import math
import os
import signal
import statistics
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

import moderngl

from visuals.controls.base import ControlContext
from visuals.controls.events import Control, ControlBus, Interface, LoadClip, RecallPreset, TouchAt, Transport
from visuals.perform.presets import PresetStore
from visuals.controls.keyboard import KeyMap, key_control
from visuals.controls.limits import Refused, checked
from visuals.perform.recorder import SetRecorder
from visuals.errors import VisualsError
from visuals.render.gpu import ProgramCache
from .hud import Hud, HudContent, NoticeGate
from visuals.render.mixer import Mixer, TimelineView
from visuals.load.paths import SearchPath
from visuals.perform.performance import Performance
from visuals.load.memory import give_back_freed_memory
from visuals.load.probe import checked_registry, module_timeout
from visuals.load.reload import Reloader
from visuals.render.renderer import RenderConfig
from visuals.output.stills import write_png
from .window import KeyEvent, MouseEvent, ResizeEvent, Window

PRESENT_SHADER = "post/present.frag"
RELOAD_INTERVAL = 0.25     # seconds between looks at the files
STATUS_INTERVAL = 0.1      # seconds between status file writes
STOP_GRACE = 0.8           # seconds the loop has to stop after Ctrl-C or SIGTERM before it is ended


@dataclass
class LiveOptions:
    show: str
    search: SearchPath
    size: tuple[int, int] = (1280, 720)
    scale: float = 1.0
    adaptive: float | None = None          # target fps for the adaptive render scale
    fullscreen: bool = False
    monitor: int = 0
    vsync: bool = True
    keymap: Path | None = None
    start: float = 0.0
    paused: bool = False
    loop: bool = True
    hud: bool = True
    status: Path | None = None              # JSON status file (for scripts and tests)
    screenshots: Path = Path("renders")
    record: Path | None = None             # the set file every control event goes into
    inputs: tuple = ()                     # control inputs (OSC server, MIDI ports)
    deck_b: str | None = None              # a show or scene on deck B
    presets: Path | None = None            # the presets file (saved and recalled by name or key)
    dump: Path | None = None               # save every dump_every-th rendered frame (to check replays)
    dump_every: int = 10
    max_frames: int | None = None
    module_timeout: float = field(default_factory=module_timeout)   # s a scene module may take to load
    audio_in: str | None = None            # a sound input device the scenes hear (name or index)
    mute: bool = False                     # do not play the show's score


@dataclass
class FrameStats:
    intervals: deque = field(default_factory=lambda: deque(maxlen=240))
    render_ms: deque = field(default_factory=lambda: deque(maxlen=240))
    # the intervals since the last status write, for a reader that wants every one (a soak
    # benchmark's percentiles over minutes); bounded, as a status file may not be written
    unreported: deque = field(default_factory=lambda: deque(maxlen=4096))

    def fps(self) -> float:
        return len(self.intervals) / sum(self.intervals) if self.intervals and sum(self.intervals) > 0 else 0.0

    def percentile(self, values, q: float) -> float:
        if not values:
            return 0.0
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


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
        self.present = self.programs.get(PRESENT_SHADER)
        self.hud = Hud(self.ctx, self.programs)
        self.hud.visible = options.hud
        self.bus = ControlBus()
        self.presets = PresetStore(options.presets, self.registry) if options.presets else None
        self.performance = Performance(self.show, loop=options.loop, load_show=self._clip_show,
                                       view=TimelineView(self.registry), presets=self.presets)
        self._t0 = time.perf_counter()
        if options.start:
            self.performance.apply(Transport(op="seek", value=options.start), 0.0)
        if options.paused:
            self.performance.apply(Transport(op="pause"), 0.0)
        if options.deck_b:
            self.registry.show(options.deck_b)          # an unknown name fails here, before the window
            self.performance.apply(LoadClip(deck="b", show=options.deck_b), 0.0)
        self.scale = options.scale
        self.mixer = self._make_mixer()
        self.reloader = Reloader(options.search, options.show, self.registry, self.programs,
                                 timeout=options.module_timeout)
        self.recorder = SetRecorder(options.record, self.show.name, [str(p) for p in options.search.scene_dirs[:-1]],
                                    {"start": options.start, "paused": options.paused, "loop": options.loop,
                                     "deck_b": options.deck_b}) \
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
        self._adaptive_since = 0.0
        self.reloads = 0
        self.frame_state = self.performance.frame(0.0)

    # -- set-up ----------------------------------------------------------------------------
    def render_size(self) -> tuple[int, int]:
        w, h = self.window.framebuffer_size()
        return (max(1, round(w * self.scale)), max(1, round(h * self.scale)))

    def _make_mixer(self) -> Mixer:
        config = RenderConfig(size=self.render_size(), fps=Fraction(60), exact=False)
        old = getattr(self, "mixer", None)
        if old is not None:
            old.release()
        return Mixer(self.ctx, self.registry, config, programs=self.programs, resilient=True)

    def perf_time(self) -> float:
        """Seconds since the performance started: the time every event is applied and recorded at."""
        return time.perf_counter() - self._t0

    def show_time(self) -> float:
        return self.frame_state.decks["a"].show_t if "a" in self.frame_state.decks else 0.0

    # -- input -----------------------------------------------------------------------------
    def post(self, event: Control) -> None:
        self.bus.post(event)

    def apply(self, event: Control, t: float) -> None:
        """Apply one control event at performance time t, record it, and log it on the HUD.

        Its numbers are checked first (finite, in range; a preset's values too): nothing out
        of range plays or is recorded, whichever input or file it came from."""
        if isinstance(event, RecallPreset) and event.values is None and self.presets is not None:
            stored = self.presets.get(event.name)
            if stored is None:
                self.notify(f"no preset named '{event.name}' in {self.presets.path}")
                return
            event = replace(event, values=stored)    # the set keeps what was recalled
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
        elif isinstance(event, ResizeEvent):
            if event.width > 0 and event.height > 0 and self.render_size() != self.mixer.config.size:
                self.mixer = self._make_mixer()

    # -- features --------------------------------------------------------------------------
    def screenshot(self) -> Path:
        """The current frame at full render resolution, without the HUD."""
        folder = self.options.screenshots
        t = self.show_time()
        path = folder / f"{self.show.name}_{t:08.3f}s.png"
        n = 1
        while path.exists():
            path = folder / f"{self.show.name}_{t:08.3f}s_{n}.png"
            n += 1
        write_png(path, self.mixer.read_rgb(), self.mixer.config.size)
        self.screenshots.append(str(path))
        self.events_log.append(f"saved {path}")
        return path

    def dump_frame(self, t: float) -> None:
        """The rendered frame (no HUD) with its performance time, for comparing against a replay."""
        folder = self.options.dump
        name = f"frame_{self._frame:06d}.png"
        write_png(folder / name, self.mixer.read_rgb(), self.mixer.config.size)
        with (folder / "index.jsonl").open("a") as index:
            index.write(json.dumps({"file": name, "t": t, "frame": self._frame}) + "\n")

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

    def adapt_scale(self, now: float) -> None:
        """Hold a target fps on a weak machine by rendering smaller (and back up when it can)."""
        target = self.options.adaptive
        if not target or len(self.stats.intervals) < 20 or now - self._adaptive_since < 1.0:
            return
        frame_time = statistics.median(list(self.stats.intervals)[-20:])
        budget = 1.0 / target
        new = self.scale
        if frame_time > budget * 1.08:
            new = max(0.25, self.scale * max(0.7, math.sqrt(budget / frame_time)))
        elif frame_time < budget * 0.75 and self.scale < self.options.scale:
            new = min(self.options.scale, self.scale * 1.15)
        if abs(new - self.scale) > 0.02:
            self.scale = new
            self.mixer = self._make_mixer()
            self._adaptive_since = now
            self.stats.intervals.clear()

    # -- the loop --------------------------------------------------------------------------
    def step(self) -> None:
        now = time.perf_counter()
        for event in self.window.poll():
            self.handle(event)
        if now - self._last_reload > RELOAD_INTERVAL:
            self._last_reload = now
            self.reload()
            self.notices.flush()
        t = self._t = self.perf_time()
        for control in self.inputs:
            control.poll(now)
        for event, arrived in self.bus.drain():
            self.apply(event, t)
            self._arrivals.append(arrived)
        if self.recorder is not None:
            self.recorder.flush()
        self.frame_state = self.performance.frame(t)
        t0 = time.perf_counter()
        fbo = self.mixer.render(self.performance, self.frame_state, self._frame)
        self.draw(fbo)
        self.stats.render_ms.append((time.perf_counter() - t0) * 1000)
        if self.options.dump is not None and self._frame % self.options.dump_every == 0:
            self.dump_frame(t)
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
        self.adapt_scale(end)
        if self.options.status and end - self._last_status > STATUS_INTERVAL:
            self._last_status = end
            self.write_status()

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
        screen = self.ctx.screen
        screen.use()
        ww, wh = self.window.framebuffer_size()
        rw, rh = fbo.size
        # Letterbox: the largest rectangle of the render's aspect that fits the window.
        k = min(ww / rw, wh / rh)
        vw, vh = round(rw * k), round(rh * k)
        self.ctx.viewport = (0, 0, ww, wh)
        fbo.color_attachments[0].use(0)
        self.present.set("u_image", 0)
        self.present.set("u_window", (float(ww), float(wh)))
        self.present.set("u_viewport", (float((ww - vw) // 2), float((wh - vh) // 2), float(vw), float(vh)))
        self.present.vao.render(moderngl.TRIANGLES, vertices=3)
        if self.hud.visible:
            if self.hud.due():
                self.hud.update(self.hud_content())
            self.hud.draw((ww, wh))

    def deck_renderer(self, deck: str = "a"):
        held = self.mixer.renderers.get(deck)
        return held[1] if held else None

    def current_cue(self):
        renderer = self.deck_renderer()
        sample = renderer.last_sample if renderer else None
        if sample is None or not sample.layers:
            return None
        return sample.layers[-1].current

    def errors(self) -> list[VisualsError]:
        return list(self.mixer.errors.values()) + self.reloader.errors()

    def hud_content(self) -> HudContent:
        active = self.current_cue()
        fps = self.stats.fps()
        ms = statistics.median(self.stats.render_ms) if self.stats.render_ms else 0.0
        transport = self.performance.decks["a"].transport
        tempo = self.frame_state.tempo
        status = [f"{fps:5.1f} fps   frame {ms:5.1f} ms   render {self.mixer.config.size[0]}x"
                  f"{self.mixer.config.size[1]} (x{self.scale:.2f})",
                  f"t {self.show_time():7.2f} / {self.show.duration:.1f} s   "
                  f"{'PAUSED' if transport.paused else 'playing'}   speed x{transport.speed:.2f}"
                  + (f"   {tempo[1]:.1f} bpm" if tempo else "")]
        if "b" in self.frame_state.decks:
            status.append(f"deck B: {self.performance.decks['b'].show.name}   crossfade {self.frame_state.crossfade:.2f}")
        params = []
        if active is not None:
            status.append(f"cue {active.index + 1}: {active.cue.label}   ({active.local_t:5.1f} s in)")
            scene = self.registry.scene(active.cue.scene)
            state_values = scene.params.defaults()
            state_values.update(active.values)
            state_values.update(self.frame_state.decks["a"].overrides.get(scene.name, {}))
            target = self.learn_target()
            for p in scene.params:
                value = p.coerce(state_values[p.name])
                mark = "> " if target == (scene.name, p.name) else "  "
                params.append(f"{mark}{scene.name}.{p.name:14s} {p.format(value)}")
            if target:
                params.append(f"MIDI learn: move a control to bind {target[0]}.{target[1]}")
        for control in self.inputs:
            status.append(control.describe())
        return HudContent(title=f"visuals - {self.show.name}", status=status, params=params,
                          events=list(self.events_log), errors=[str(e) for e in self.errors()])

    def status(self) -> dict:
        active = self.current_cue()
        intervals = list(self.stats.intervals)
        transport = self.performance.decks["a"].transport
        tempo = self.frame_state.tempo
        return {
            "frame": self._frame,
            "perf_time": self._t,
            "time": self.show_time(),
            "paused": transport.paused,
            "speed": transport.speed,
            "bpm": tempo[1] if tempo else None,
            "crossfade": self.frame_state.crossfade,
            "decks": {name: self.performance.decks[name].show.name for name in self.frame_state.decks},
            "overrides": self.frame_state.decks["a"].overrides if "a" in self.frame_state.decks else {},
            "cue": None if active is None else {"index": active.index, "name": active.cue.label,
                                                "scene": active.cue.scene},
            "fps": self.stats.fps(),
            "frame_intervals_ms": [round(1000 * v, 3) for v in self.stats.unreported],
            "frame_ms_median": 1000 * statistics.median(intervals) if intervals else None,
            "frame_ms_p99": 1000 * self.stats.percentile(intervals, 0.99) if intervals else None,
            "render_size": list(self.mixer.config.size),
            "window_size": list(self.window.framebuffer_size()),
            "scale": self.scale,
            "hud": self.hud.visible,
            "fullscreen": self.window.fullscreen,
            "errors": [str(e) for e in self.errors()],
            "events": list(self.events_log),
            "screenshots": self.screenshots,
            "reloads": self.reloads,
            "reloading": self.reloader.busy,
            "module_checks": self.reloader.checks,
            "refused": self.refused,
            "gl_released": self.gl_released,
            "input_latency_frames_max": max(self.latencies) if self.latencies else None,
            "control_latency_ms_median": 1000 * statistics.median(self.control_latency) if self.control_latency else None,
            "control_latency_ms_max": 1000 * max(self.control_latency) if self.control_latency else None,
            "controls_applied": len(self.control_latency),
            "learning": self.learn_target(),
            "inputs": [control.describe() for control in self.inputs],
            "show": self.show.name,
        }

    def write_status(self) -> None:
        path = self.options.status
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(json.dumps(self.status()))
        os.replace(tmp, path)
        self.stats.unreported.clear()

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
                self.write_status()
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
