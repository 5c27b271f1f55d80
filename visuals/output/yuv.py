"""Colour conversion for video on the GPU: the final frame as planar YUV 4:2:0.

H.264 in mp4 wants yuv420p.  Converting on the GPU (shaders/post/yuv420.frag) instead of in
ffmpeg's swscale takes that work off the encoder's CPU (at 4K, swscale alone costs tens of
milliseconds a frame on one thread) and halves the bytes read back and piped.  The layout
matches ffmpeg's rawvideo yuv420p exactly, so ffmpeg passes the frames to x264 untouched.
"""
from __future__ import annotations

import moderngl

from visuals.render.gpu import ProgramCache

YUV_SHADER = "post/yuv420.frag"


class Yuv420Converter:
    def __init__(self, ctx: moderngl.Context, programs: ProgramCache, size: tuple[int, int]):
        w, h = size
        if w % 2 or h % 2:
            raise ValueError("yuv420 needs an even width and height")
        self.size = size
        self.program = programs.get(YUV_SHADER)
        self.texture = ctx.texture((w, h * 3 // 2), 1)
        self.fbo = ctx.framebuffer(color_attachments=[self.texture])

    def convert(self, frame: moderngl.Framebuffer) -> moderngl.Framebuffer:
        self.fbo.use()
        frame.color_attachments[0].use(0)
        self.program.set("u_image", 0)
        self.program.vao.render(moderngl.TRIANGLES, vertices=3)
        return self.fbo

    def release(self) -> None:
        self.fbo.release()
        self.texture.release()
