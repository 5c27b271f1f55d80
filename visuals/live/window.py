"""The live window: a glfw window with an OpenGL 3.3 core context, and its input events.

Input arrives through glfw callbacks during ``poll()`` and is queued as plain event objects,
so the live loop applies every event of a frame before it renders that frame (an input
shows on the next frame drawn).  Fullscreen toggles on the current monitor; ``next_monitor``
moves a fullscreen window to the next one (a projector).
"""
from __future__ import annotations

import os
from fractions import Fraction
from dataclasses import dataclass

from visuals.errors import VisualsError


@dataclass(frozen=True)
class KeyEvent:
    key: str          # 'space', 'a', '1', 'left', 'f1' ...
    mods: frozenset   # {'shift', 'ctrl', 'alt', 'super'}
    action: str       # 'press' | 'repeat' | 'release'


@dataclass(frozen=True)
class MouseEvent:
    x: float          # 0..1 of the window, origin bottom-left (as shaders see it)
    y: float
    action: str       # 'press' | 'drag' | 'release'
    button: int = 0


@dataclass(frozen=True)
class ResizeEvent:
    width: int
    height: int


def _glfw():
    # Pick the X11 build of GLFW unless the user runs Wayland explicitly.
    if not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("PYGLFW_LIBRARY_VARIANT", "x11")
    import glfw
    return glfw


def _key_names(glfw) -> dict[int, str]:
    names = {glfw.KEY_SPACE: "space", glfw.KEY_LEFT: "left", glfw.KEY_RIGHT: "right", glfw.KEY_UP: "up",
             glfw.KEY_DOWN: "down", glfw.KEY_HOME: "home", glfw.KEY_END: "end", glfw.KEY_ESCAPE: "escape",
             glfw.KEY_ENTER: "enter", glfw.KEY_TAB: "tab", glfw.KEY_BACKSPACE: "backspace",
             glfw.KEY_MINUS: "minus", glfw.KEY_EQUAL: "equal", glfw.KEY_LEFT_BRACKET: "left_bracket",
             glfw.KEY_RIGHT_BRACKET: "right_bracket", glfw.KEY_COMMA: "comma", glfw.KEY_PERIOD: "period",
             glfw.KEY_SLASH: "slash", glfw.KEY_SEMICOLON: "semicolon", glfw.KEY_APOSTROPHE: "apostrophe",
             glfw.KEY_GRAVE_ACCENT: "grave", glfw.KEY_BACKSLASH: "backslash", glfw.KEY_PAGE_UP: "page_up",
             glfw.KEY_PAGE_DOWN: "page_down", glfw.KEY_DELETE: "delete", glfw.KEY_INSERT: "insert",
             glfw.KEY_KP_ADD: "kp_add", glfw.KEY_KP_SUBTRACT: "kp_subtract"}
    for i in range(26):
        names[glfw.KEY_A + i] = chr(ord("a") + i)
    for i in range(10):
        names[glfw.KEY_0 + i] = str(i)
    for i in range(12):
        names[glfw.KEY_F1 + i] = f"f{i + 1}"
    return names


class Window:
    def __init__(self, title: str, size: tuple[int, int] = (1280, 720), fullscreen: bool = False,
                 monitor: int = 0, vsync: bool = True, visible: bool = True):
        glfw = self.glfw = _glfw()
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            raise VisualsError("no display to open a window on (DISPLAY is not set)",
                               fix="run on a desktop, set DISPLAY, or use xvfb-run; "
                                   "'visuals render' needs no display")
        if not glfw.init():
            raise VisualsError(f"cannot open a window on display {os.environ.get('DISPLAY')!r}",
                               fix="check that the X server is running and reachable; "
                                   "'visuals render' needs no display")
        glfw.window_hint(glfw.CONTEXT_VERSION_MAJOR, 3)
        glfw.window_hint(glfw.CONTEXT_VERSION_MINOR, 3)
        glfw.window_hint(glfw.OPENGL_PROFILE, glfw.OPENGL_CORE_PROFILE)
        glfw.window_hint(glfw.OPENGL_FORWARD_COMPAT, True)
        glfw.window_hint(glfw.RESIZABLE, True)
        glfw.window_hint(glfw.VISIBLE, visible)
        self.monitors = glfw.get_monitors() or []
        if monitor and not 0 <= monitor < len(self.monitors):
            glfw.terminate()
            raise VisualsError(f"there is no monitor {monitor}; {len(self.monitors)} connected",
                               fix=f"give --monitor from 0 to {max(0, len(self.monitors) - 1)}")
        self.monitor_index = monitor
        self.windowed_size = size
        self.windowed_pos: tuple[int, int] | None = None
        self.handle = glfw.create_window(size[0], size[1], title, None, None)
        if not self.handle:
            glfw.terminate()
            raise VisualsError("cannot create an OpenGL 3.3 window",
                               fix="update the graphics driver; 'visuals render' works without a window")
        glfw.make_context_current(self.handle)
        glfw.swap_interval(1 if vsync else 0)
        self.events: list = []
        self._keys = _key_names(glfw)
        self._dragging = False
        glfw.set_key_callback(self.handle, self._on_key)
        glfw.set_mouse_button_callback(self.handle, self._on_mouse_button)
        glfw.set_cursor_pos_callback(self.handle, self._on_cursor)
        glfw.set_framebuffer_size_callback(self.handle, self._on_resize)
        self._framebuffer: tuple[int, int] = tuple(glfw.get_framebuffer_size(self.handle))  # type: ignore[assignment]
        self.fullscreen = False
        if fullscreen:
            self.toggle_fullscreen()

    # callbacks -------------------------------------------------------------------------
    def _on_key(self, _win, key, _scancode, action, mods) -> None:
        glfw = self.glfw
        name = self._keys.get(key)
        if name is None:
            return
        flags = set()
        if mods & glfw.MOD_SHIFT:
            flags.add("shift")
        if mods & glfw.MOD_CONTROL:
            flags.add("ctrl")
        if mods & glfw.MOD_ALT:
            flags.add("alt")
        if mods & glfw.MOD_SUPER:
            flags.add("super")
        kind = {glfw.PRESS: "press", glfw.REPEAT: "repeat", glfw.RELEASE: "release"}.get(action, "press")
        self.events.append(KeyEvent(name, frozenset(flags), kind))

    def _mouse_xy(self) -> tuple[float, float]:
        x, y = self.glfw.get_cursor_pos(self.handle)
        w, h = self.glfw.get_window_size(self.handle)
        return (min(max(x / max(w, 1), 0.0), 1.0), min(max(1.0 - y / max(h, 1), 0.0), 1.0))

    def _on_mouse_button(self, _win, button, action, _mods) -> None:
        x, y = self._mouse_xy()
        pressed = action == self.glfw.PRESS
        self._dragging = pressed
        self.events.append(MouseEvent(x, y, "press" if pressed else "release", button))

    def _on_cursor(self, _win, _x, _y) -> None:
        if self._dragging:
            x, y = self._mouse_xy()
            self.events.append(MouseEvent(x, y, "drag"))

    def _on_resize(self, _win, width, height) -> None:
        self._framebuffer = (width, height)
        self.events.append(ResizeEvent(width, height))

    # operations ------------------------------------------------------------------------
    def poll(self) -> list:
        """Process pending input; return the events that arrived since the last poll."""
        self.glfw.poll_events()
        events, self.events = self.events, []
        return events

    @property
    def should_close(self) -> bool:
        return bool(self.glfw.window_should_close(self.handle))

    def close(self) -> None:
        self.glfw.set_window_should_close(self.handle, True)

    def framebuffer_size(self) -> tuple[int, int]:
        """Kept from the resize callback: asking the X server costs a round trip (about a
        millisecond, and a wait for the GIL while an OSC flood is read), several times a frame."""
        return self._framebuffer

    def swap(self) -> None:
        self.glfw.swap_buffers(self.handle)

    def set_title(self, title: str) -> None:
        self.glfw.set_window_title(self.handle, title)

    def _monitor(self):
        if not self.monitors:
            return self.glfw.get_primary_monitor()
        return self.monitors[self.monitor_index % len(self.monitors)]

    def refresh_rate(self) -> Fraction:
        """The rate the window's frames come at with vsync: its monitor's refresh (60 when the
        display does not say).  The live clock's nominal rate, recorded in the set file."""
        monitor = self._monitor()
        mode = self.glfw.get_video_mode(monitor) if monitor else None
        rate = getattr(mode, "refresh_rate", 0) or 0
        return Fraction(int(rate)) if 0 < rate <= 1000 else Fraction(60)

    def toggle_fullscreen(self) -> None:
        glfw = self.glfw
        if self.fullscreen:
            w, h = self.windowed_size
            x, y = self.windowed_pos or (64, 64)
            glfw.set_window_monitor(self.handle, None, x, y, w, h, 0)
            self.fullscreen = False
            return
        monitor = self._monitor()
        if monitor is None:
            return
        self.windowed_size = tuple(glfw.get_window_size(self.handle))
        self.windowed_pos = tuple(glfw.get_window_pos(self.handle))
        mode = glfw.get_video_mode(monitor)
        glfw.set_window_monitor(self.handle, monitor, 0, 0, mode.size.width, mode.size.height,
                                mode.refresh_rate)
        self.fullscreen = True

    def next_monitor(self) -> None:
        """Move to the next monitor (fullscreen there), for sending the show to a projector."""
        self.monitors = self.glfw.get_monitors() or []
        if not self.monitors:
            return
        self.monitor_index = (self.monitor_index + 1) % len(self.monitors)
        if self.fullscreen:
            self.fullscreen = False
        self.toggle_fullscreen()

    def destroy(self) -> None:
        self.glfw.destroy_window(self.handle)
        self.glfw.terminate()
