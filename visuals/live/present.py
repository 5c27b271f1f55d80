"""The rendered frame put on the window: letterboxed at its aspect, upscaled when rendered smaller."""
from __future__ import annotations

import moderngl

from visuals.render.gpu import ProgramCache

PRESENT_SHADER = "post/present.frag"


class Presenter:
    def __init__(self, ctx: moderngl.Context, programs: ProgramCache):
        self.ctx = ctx
        self.program = programs.get(PRESENT_SHADER)

    def draw(self, fbo: moderngl.Framebuffer, window: tuple[int, int]) -> None:
        self.ctx.screen.use()
        ww, wh = window
        rw, rh = fbo.size
        # Letterbox: the largest rectangle of the render's aspect that fits the window.
        k = min(ww / rw, wh / rh)
        vw, vh = round(rw * k), round(rh * k)
        self.ctx.viewport = (0, 0, ww, wh)
        fbo.color_attachments[0].use(0)
        self.program.set("u_image", 0)
        self.program.set("u_window", (float(ww), float(wh)))
        self.program.set("u_viewport", (float((ww - vw) // 2), float((wh - vh) // 2), float(vw), float(vh)))
        self.program.vao.render(moderngl.TRIANGLES, vertices=3)
