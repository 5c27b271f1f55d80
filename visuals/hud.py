"""The HUD: what the VJ needs to see, drawn over the image but never into it.

Text is rasterised with Pillow into an RGBA image, uploaded as a texture only when the text
changes (a few times a second, not every frame), and blended over the window after the
frame is presented; screenshots and recordings read the render target, which never sees it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import moderngl
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .gpu import ProgramCache

OVERLAY_SHADER = "post/overlay.frag"


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
        for e in self.errors:
            out.append(("", red))
            out += [(part, red) for part in _wrap(e, 110)]
        return out


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(" "), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = "    " + w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return lines


class Hud:
    def __init__(self, ctx: moderngl.Context, programs: ProgramCache, font_size: int = 14):
        self.ctx = ctx
        self.program = programs.get(OVERLAY_SHADER)
        self.font = ImageFont.load_default(size=font_size)
        self.line_height = int(font_size * 1.3)
        self.texture: moderngl.Texture | None = None
        self._last: list | None = None
        self.visible = True

    def update(self, content: HudContent) -> None:
        lines = content.lines()
        if lines == self._last:
            return
        self._last = lines
        width = 12 + max((int(self.font.getlength(text)) for text, _ in lines), default=0)
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
