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
from PIL import Image, ImageDraw, ImageFont

from visuals.controls.notices import RateLimitedNotices
from visuals.render.gpu import ProgramCache

OVERLAY_SHADER = "post/overlay.frag"
MAX_LINE = 120             # characters of one line
MAX_ERROR_LINES = 4        # lines of one error, once wrapped
MAX_ERRORS = 4             # errors shown; the rest counted
MAX_LINES = 48             # lines in all
MAX_WIDTH = 1400           # pixels: with MAX_LINE, what a line can take at the default font
MIN_REDRAW = 0.2           # seconds between two rasterisations of changed text
LINE_CACHE = 64            # rasterised lines kept (at most MAX_WIDTH x 18 px each)
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


class NoticeGate(RateLimitedNotices):
    """The HUD's door for notices: at most ``per_second`` get through, all sources together;
    the ones held back are counted and summed up in one line ("N more like this") once the
    flood slows, so a flood never floods the HUD and never costs more than a few redraws a
    second.  The rate limiting is the one every control input uses (controls/notices.py)."""

    def __init__(self, emit: Callable[[str], None], per_second: int = NOTICES_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(emit, interval=0.0, per_second=per_second, clock=clock,
                         quote=lambda message: clip(message, MAX_LINE - 40))

    def __call__(self, message: str) -> None:
        self.report(clip(message, MAX_LINE * MAX_ERROR_LINES))


class Hud:
    def __init__(self, ctx: moderngl.Context, programs: ProgramCache, font_size: int = 14):
        self.ctx = ctx
        self.program = programs.get(OVERLAY_SHADER)
        self.font = ImageFont.load_default(size=font_size)
        self.line_height = int(font_size * 1.3)
        self.texture: moderngl.Texture | None = None
        self._last: list | None = None
        self._drawn = 0.0
        self._lines: dict[tuple[str, tuple[int, int, int]], Image.Image] = {}
        self.visible = True

    def due(self) -> bool:
        """Whether changed text would be drawn now: the caller builds the content only then
        (building it every frame cost about a millisecond)."""
        return self._last is None or time.monotonic() - self._drawn >= MIN_REDRAW

    def update(self, content: HudContent, force: bool = False) -> None:
        lines = content.lines()
        if lines == self._last:
            return
        now = time.monotonic()
        if not force and self._last is not None and now - self._drawn < MIN_REDRAW:
            return                  # the fps and time change every frame: a few redraws a second do
        self._last = lines
        self._drawn = now
        images = [self._line(text, colour) for text, colour in lines]
        width = min(MAX_WIDTH, 12 + max((im.width for im in images if im is not None), default=0))
        height = 10 + self.line_height * len(lines)
        image = Image.new("RGBA", (max(width, 1), max(height, 1)), (0, 0, 0, 150))
        for i, line in enumerate(images):
            if line is not None:
                image.alpha_composite(line, dest=(6, 5 + i * self.line_height))
        premultiplied = image.convert("RGBa")          # for the blend (ONE, ONE_MINUS_SRC_ALPHA)
        if self.texture is None or self.texture.size != image.size:
            if self.texture is not None:
                self.texture.release()
            self.texture = self.ctx.texture(image.size, 4)
        self.texture.write(premultiplied.tobytes())

    def _line(self, text: str, colour: tuple[int, int, int]) -> Image.Image | None:
        """One line of text as an RGBA image, kept: most lines stay the same between redraws,
        and rasterising a line costs about 2 ms."""
        if not text:
            return None
        key = (text, colour)
        image = self._lines.pop(key, None)
        if image is None:
            width = max(1, min(MAX_WIDTH, int(self.font.getlength(text)) + 2))
            image = Image.new("RGBA", (width, self.line_height), colour + (0,))
            ImageDraw.Draw(image).text((0, 0), text, font=self.font, fill=colour + (255,))
        self._lines[key] = image                        # most recently used last
        while len(self._lines) > LINE_CACHE:
            self._lines.pop(next(iter(self._lines)))
        return image

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
