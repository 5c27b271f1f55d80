"""The live loop: the show played from the realtime clock into a window.

Each iteration: take the input that arrived (keys, mouse) and apply it, look for saved
shaders and modules (a few times a second), tick the clock, run the same render step as
export, put the frame on the window (upscaled when rendering below window size), draw the
HUD over it, swap.  Input is applied before the frame it arrived in is rendered, so its
effect is on the next frame shown.  Nothing here can blank the screen: a scene that fails
keeps its last good frame, a reload that fails keeps the last good version.
"""
from __future__ import annotations

import json
import math
import os
import signal
import statistics
import time
from collections import deque
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import moderngl

from .clock import RealtimeClock
from .controls.keyboard import KeyMap
from .errors import VisualsError
from .events import Touch
from .gpu import ProgramCache
from .hud import Hud, HudContent
from .paths import SearchPath
from .registry import Registry
from .reload import Reloader
from .renderer import RenderConfig, Renderer
from .sinks import write_png
from .window import KeyEvent, MouseEvent, ResizeEvent, Window

PRESENT_SHADER = "post/present.frag"
RELOAD_INTERVAL = 0.25     # seconds between looks at the files
STATUS_INTERVAL = 0.1      # seconds between status file writes


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
    max_frames: int | None = None


@dataclass
class FrameStats:
    intervals: deque = field(default_factory=lambda: deque(maxlen=240))
    render_ms: deque = field(default_factory=lambda: deque(maxlen=240))

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
        self.registry = Registry(options.search)
        self.show = self.registry.show(options.show)
        self.window = Window(f"visuals - {self.show.name}", options.size, options.fullscreen,
                             options.monitor, options.vsync)
        self.ctx = moderngl.create_context(require=330)
        self.programs = ProgramCache(self.ctx, options.search)
        self.present = self.programs.get(PRESENT_SHADER)
        self.hud = Hud(self.ctx, self.programs)
        self.hud.visible = options.hud
        self.clock = RealtimeClock(start=options.start, paused=options.paused)
        self.scale = options.scale
        self.renderer = self._make_renderer()
        self.reloader = Reloader(options.search, options.show, self.registry, self.programs)
        self.stats = FrameStats()
        self.events_log: deque[str] = deque(maxlen=6)
        self.screenshots: list[str] = []
        self.latencies: deque[int] = deque(maxlen=100)
        self._pending_inputs: list[int] = []
        self._quit = False
        self._frame = 0
        self._last_reload = 0.0
        self._last_status = 0.0
        self._last_touch = -1.0
        self._adaptive_since = 0.0
        self.reloads = 0

    # -- set-up ----------------------------------------------------------------------------
    def render_size(self) -> tuple[int, int]:
        w, h = self.window.framebuffer_size()
        return (max(1, round(w * self.scale)), max(1, round(h * self.scale)))

    def _make_renderer(self) -> Renderer:
        config = RenderConfig(size=self.render_size(), fps=Fraction(60), exact=False)
        renderer = Renderer(self.ctx, self.show, self.registry, config, programs=self.programs, resilient=True)
        old = getattr(self, "renderer", None)
        if old is not None:
            renderer.overrides = old.overrides
            renderer.live_events = old.live_events
            old.release()
        return renderer

    # -- input -----------------------------------------------------------------------------
    def cue_starts(self) -> list[float]:
        return sorted({c.start for c in self.show.cues})

    def apply(self, action: str) -> None:
        c = self.clock
        starts = self.cue_starts()
        now = c.time()
        if action == "toggle_pause":
            c.toggle()
        elif action in ("seek_back", "seek_forward", "seek_back_big", "seek_forward_big"):
            step = 10.0 if action.endswith("big") else 1.0
            c.seek(max(0.0, now + (step if "forward" in action else -step)))
        elif action == "home":
            c.seek(0.0)
        elif action.startswith("cue_"):
            i = int(action[4:]) - 1
            if i < len(starts):
                c.seek(starts[i])
        elif action == "next_cue":
            later = [s for s in starts if s > now + 1e-3]
            if later:
                c.seek(later[0])
        elif action == "previous_cue":
            earlier = [s for s in starts if s < now - 1.0]
            c.seek(earlier[-1] if earlier else 0.0)
        elif action == "slower":
            c.set_speed(max(0.125, c.speed * 0.8))
        elif action == "faster":
            c.set_speed(min(8.0, c.speed * 1.25))
        elif action == "normal_speed":
            c.set_speed(1.0)
        elif action == "fullscreen":
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
        self.events_log.append(f"{self.clock.time():7.2f}s  {action}")

    def handle(self, event) -> None:
        if isinstance(event, KeyEvent):
            if event.action == "release":
                return
            action = self.keymap.action_for(event.key, event.mods)
            if action is not None and (event.action == "press" or action.startswith("seek")):
                self._pending_inputs.append(self._frame)
                self.apply(action)
        elif isinstance(event, MouseEvent) and event.action in ("press", "drag"):
            t = self.clock.time()
            if event.action == "drag" and t - self._last_touch < 0.08:
                return
            self._last_touch = t
            self._pending_inputs.append(self._frame)
            self.renderer.add_event(Touch(0.0, event.x, event.y, 1.0), t)
            self.events_log.append(f"{t:7.2f}s  touch {event.x:.2f} {event.y:.2f}")
        elif isinstance(event, ResizeEvent):
            if event.width > 0 and event.height > 0 and self.render_size() != self.renderer.config.size:
                self.renderer = self._make_renderer()

    # -- features --------------------------------------------------------------------------
    def screenshot(self) -> Path:
        """The current frame at full render resolution, without the HUD."""
        folder = self.options.screenshots
        t = self.clock.time()
        path = folder / f"{self.show.name}_{t:08.3f}s.png"
        n = 1
        while path.exists():
            path = folder / f"{self.show.name}_{t:08.3f}s_{n}.png"
            n += 1
        write_png(path, self.renderer.read_rgb(), self.renderer.config.size)
        self.screenshots.append(str(path))
        self.events_log.append(f"saved {path}")
        return path

    def reload(self, force: bool = False) -> None:
        result = self.reloader.check(force)
        if result.shaders:
            self.reloads += 1
            self.events_log.append("reloaded " + ", ".join(p.name for p in result.shaders))
        if result.show is not None:
            self.registry, self.show = result.show
            self.renderer = self._make_renderer()
            self.reloads += 1
            self.events_log.append(f"reloaded show '{self.show.name}'")
        self.window.set_title(f"visuals - {self.show.name}")

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
            self.renderer = self._make_renderer()
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
        if self.show.duration > 0 and self.clock.time() >= self.show.duration:
            if self.options.loop:
                self.clock.seek(math.fmod(self.clock.time(), self.show.duration))
            else:   # hold the last frame (cues end just before their end time)
                self.clock.seek(max(0.0, self.show.duration - 1e-3))
                self.clock.pause()
        frame = self.clock.tick()
        t0 = time.perf_counter()
        fbo = self.renderer.render(frame)
        self.draw(fbo)
        self.stats.render_ms.append((time.perf_counter() - t0) * 1000)
        self.window.swap()
        for arrived in self._pending_inputs:
            self.latencies.append(self._frame - arrived + 1)   # frames until it was shown
        self._pending_inputs.clear()
        end = time.perf_counter()
        if hasattr(self, "_last_swap"):
            self.stats.intervals.append(end - self._last_swap)
        self._last_swap = end
        self._frame += 1
        self.adapt_scale(end)
        if self.options.status and end - self._last_status > STATUS_INTERVAL:
            self._last_status = end
            self.write_status()

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
            self.hud.update(self.hud_content())
            self.hud.draw((ww, wh))

    def current_cue(self):
        sample = self.renderer.last_sample
        if sample is None or not sample.layers:
            return None
        return sample.layers[-1].current

    def errors(self) -> list[VisualsError]:
        return list(self.renderer.errors.values()) + self.reloader.errors()

    def hud_content(self) -> HudContent:
        active = self.current_cue()
        fps = self.stats.fps()
        ms = statistics.median(self.stats.render_ms) if self.stats.render_ms else 0.0
        status = [f"{fps:5.1f} fps   frame {ms:5.1f} ms   render {self.renderer.config.size[0]}x"
                  f"{self.renderer.config.size[1]} (x{self.scale:.2f})",
                  f"t {self.clock.time():7.2f} / {self.show.duration:.1f} s   "
                  f"{'PAUSED' if self.clock.paused else 'playing'}   speed x{self.clock.speed:.2f}"]
        params = []
        if active is not None:
            status.append(f"cue {active.index + 1}: {active.cue.label}   ({active.local_t:5.1f} s in)")
            scene = self.registry.scene(active.cue.scene)
            state_values = scene.params.defaults()
            state_values.update(active.values)
            state_values.update(self.renderer.overrides.get(scene.name, {}))
            for p in scene.params:
                value = p.coerce(state_values[p.name])
                params.append(f"{scene.name}.{p.name:14s} {p.format(value)}")
        return HudContent(title=f"visuals - {self.show.name}", status=status, params=params,
                          events=list(self.events_log), errors=[str(e) for e in self.errors()])

    def status(self) -> dict:
        active = self.current_cue()
        intervals = list(self.stats.intervals)
        return {
            "frame": self._frame,
            "time": self.clock.time(),
            "paused": self.clock.paused,
            "speed": self.clock.speed,
            "cue": None if active is None else {"index": active.index, "name": active.cue.label,
                                                "scene": active.cue.scene},
            "fps": self.stats.fps(),
            "frame_ms_median": 1000 * statistics.median(intervals) if intervals else None,
            "frame_ms_p99": 1000 * self.stats.percentile(intervals, 0.99) if intervals else None,
            "render_size": list(self.renderer.config.size),
            "window_size": list(self.window.framebuffer_size()),
            "scale": self.scale,
            "hud": self.hud.visible,
            "fullscreen": self.window.fullscreen,
            "errors": [str(e) for e in self.errors()],
            "events": list(self.events_log),
            "screenshots": self.screenshots,
            "reloads": self.reloads,
            "input_latency_frames_max": max(self.latencies) if self.latencies else None,
            "show": self.show.name,
        }

    def write_status(self) -> None:
        path = self.options.status
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(json.dumps(self.status()))
        os.replace(tmp, path)

    def run(self) -> int:
        previous = signal.getsignal(signal.SIGINT)

        def stop(_sig, _frame):
            self._quit = True
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not self._quit and not self.window.should_close:
                self.step()
                if self.options.max_frames is not None and self._frame >= self.options.max_frames:
                    break
            if self.options.status:
                self.write_status()
        finally:
            signal.signal(signal.SIGINT, previous)
            self.renderer.release()
            self.window.destroy()
        return 0
