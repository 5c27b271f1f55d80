"""The HUD: what the VJ needs to see, drawn over the image but never into it.

Text is rasterised with Pillow into an RGBA image, uploaded as a texture only when the text
changes (at most five times a second, not every frame), and blended over the window after the
frame is presented; screenshots and recordings read the render target, which never sees it.

What the HUD shows partly arrives from outside (an OSC address, a MIDI port name, an error
quoting a saved file), so what it draws is bounded whatever arrives: a line is cut at
``MAX_LINE`` characters, an error at ``MAX_ERROR_LINES`` lines, the errors at
``MAX_ERRORS``, the whole at ``MAX_LINES`` lines, and notices come in at a few a second
(``NoticeGate``), the rest summed up in one line.  A 30 000-character OSC address once
became a 200 000-pixel-wide image redrawn every frame: 18 s frozen and gigabytes taken.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import moderngl
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .gpu import ProgramCache

OVERLAY_SHADER = "post/overlay.frag"
MAX_LINE = 120             # characters of one line
MAX_ERROR_LINES = 4        # lines of one error, once wrapped
MAX_ERRORS = 4             # errors shown; the rest counted
MAX_LINES = 48             # lines in all
MAX_WIDTH = 1400           # pixels: with MAX_LINE, what a line can take at the default font
MIN_REDRAW = 0.2           # seconds between two rasterisations of changed text
NOTICES_PER_SECOND = 4     # notices let through to the HUD; the rest summed up


@dataclass
class HudContent:
    title: str = ""
    status: list[str] = field(default_factory=list)
    params: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[tuple[str, tuple[int, int, int]]]:
        white, grey, amber, red = (235, 235, 240), (170, 170, 185), (255, 200, 120), (255, 110, 110)
        out = [(self.title, white)] + [(s, white) for s in self.status]
        if self.params:
            out.append(("", grey))
            out += [(p, grey) for p in self.params]
        if self.events:
            out.append(("", grey))
            out += [(e, amber) for e in self.events]
        for e in self.errors[:MAX_ERRORS]:
            out.append(("", red))
            wrapped = _wrap(clip(e, MAX_LINE * MAX_ERROR_LINES), MAX_LINE - 10)
            out += [(part, red) for part in wrapped[:MAX_ERROR_LINES]]
        if len(self.errors) > MAX_ERRORS:
            out.append((f"... and {len(self.errors) - MAX_ERRORS} more errors", red))
        if len(out) > MAX_LINES:
            out = out[:MAX_LINES - 1] + [(f"... {len(out) - MAX_LINES + 1} more lines", grey)]
        return [(clip(text, MAX_LINE), colour) for text, colour in out]


def clip(text: str, limit: int) -> str:
    """Printable characters only (a received text may hold anything), at most limit of them."""
    text = str(text)
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return "".join(c if c.isprintable() else "?" for c in text)


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for w in words:
        while len(w) > width:                  # a word longer than a line is cut, not kept whole
            if line:
                lines.append(line)
                line = ""
            lines.append(w[:width])
            w = "    " + w[width:]
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = "    " + w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return lines


class NoticeGate:
    """Lets at most ``per_second`` notices through; the ones held back are counted and summed
    up in one line ("N more like this") once the flood slows, so a flood never floods the HUD
    and never costs more than a few redraws a second."""

    def __init__(self, emit: Callable[[str], None], per_second: int = NOTICES_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic):
        self.emit = emit
        self.per_second = per_second
        self.clock = clock
        self._window = -1.0
        self._shown = 0
        self.held = 0
        self._latest = ""
        self._held_since = 0.0

    def __call__(self, message: str) -> None:
        message = clip(message, MAX_LINE * MAX_ERROR_LINES)
        now = self.clock()
        if self._open(now):
            self.flush(now)
            if self._open(now):
                self._shown += 1
                self.emit(message)
                return
        if not self.held:
            self._held_since = now
        self.held += 1
        self._latest = message

    def _open(self, now: float) -> bool:
        if now - self._window >= 1.0:
            self._window, self._shown = now, 0
        return self._shown < self.per_second

    def flush(self, now: float | None = None) -> None:
        """Sum up what was held back, when the budget allows (called once a frame)."""
        now = self.clock() if now is None else now
        if not self.held or not self._open(now):
            return
        held, latest, since = self.held, self._latest, self._held_since
        self.held = 0
        self._shown += 1
        self.emit(latest if held == 1 else
                  f"{clip(latest, MAX_LINE - 40)} [{held - 1} more like this in {now - since:.1f} s]")


class Hud:
    def __init__(self, ctx: moderngl.Context, programs: ProgramCache, font_size: int = 14):
        self.ctx = ctx
        self.program = programs.get(OVERLAY_SHADER)
        self.font = ImageFont.load_default(size=font_size)
        self.line_height = int(font_size * 1.3)
        self.texture: moderngl.Texture | None = None
        self._last: list | None = None
        self._drawn = 0.0
        self.visible = True

    def update(self, content: HudContent, force: bool = False) -> None:
        lines = content.lines()
        if lines == self._last:
            return
        now = time.monotonic()
        if not force and self._last is not None and now - self._drawn < MIN_REDRAW:
            return                  # the fps and time change every frame: a few redraws a second do
        self._last = lines
        self._drawn = now
        width = min(MAX_WIDTH, 12 + max((int(self.font.getlength(text)) for text, _ in lines), default=0))
        height = 10 + self.line_height * len(lines)
        image = Image.new("RGBA", (max(width, 1), max(height, 1)), (0, 0, 0, 0))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, width, height), fill=(0, 0, 0, 150))
        for i, (text, colour) in enumerate(lines):
            draw.text((6, 5 + i * self.line_height), text, font=self.font, fill=colour + (255,))
        data = np.asarray(image).astype(np.float32) / 255.0
        data[..., :3] *= data[..., 3:4]            # premultiply for the blend
        rgba = (data * 255.0 + 0.5).astype(np.uint8)
        if self.texture is None or self.texture.size != image.size:
            if self.texture is not None:
                self.texture.release()
            self.texture = self.ctx.texture(image.size, 4)
        self.texture.write(rgba.tobytes())

    def draw(self, window_size: tuple[int, int]) -> None:
        if not self.visible or self.texture is None:
            return
        self.ctx.enable(moderngl.BLEND)
        self.ctx.blend_func = (moderngl.ONE, moderngl.ONE_MINUS_SRC_ALPHA)
        self.texture.use(0)
        self.program.set("u_overlay", 0)
        h = self.texture.size[1]
        self.program.set("u_origin", (10.0, float(window_size[1] - h - 10)))
        self.program.vao.render(moderngl.TRIANGLES, vertices=3)
        self.ctx.disable(moderngl.BLEND)
