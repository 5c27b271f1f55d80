"""Reading frames back from the GPU, overlapped with rendering where that helps.

On a real GPU, ``glReadPixels`` into client memory stalls until the frame is finished.  With
pixel-buffer objects the read of frame n is queued into a buffer and collected one frame
later, while the GPU already renders frame n+1; the sink's encoder thread then works on frame
n at the same time.  On llvmpipe (software GL) rendering happens on the CPU anyway and a PBO
is only an extra copy (measured: no gain), so frames are read directly.
"""
from __future__ import annotations

from typing import Iterator

import moderngl

from visuals.render.gpu import is_software_renderer


class Readback:
    def __init__(self, ctx: moderngl.Context, size: tuple[int, int], components: int = 3,
                 async_reads: bool | None = None):
        """``size`` is the framebuffer's size; ``components`` 3 for RGB, 1 for planar YUV."""
        self.ctx = ctx
        self.size = size
        self.components = components
        self.nbytes = size[0] * size[1] * components
        self.async_reads = (not is_software_renderer(ctx)) if async_reads is None else async_reads
        self._buffers = [ctx.buffer(reserve=self.nbytes) for _ in range(2)] if self.async_reads else []
        self._pending: list[tuple[int, int]] = []   # (frame index, buffer slot)
        self._slot = 0

    def push(self, index: int, fbo: moderngl.Framebuffer) -> Iterator[tuple[int, bytes]]:
        """Queue frame ``index``; yields the frames whose bytes are ready (in order)."""
        if not self.async_reads:
            yield index, fbo.read(components=self.components, alignment=1)
            return
        slot = self._slot
        self._slot = 1 - self._slot
        fbo.read_into(self._buffers[slot], components=self.components, alignment=1)
        self._pending.append((index, slot))
        if len(self._pending) > 1:   # the previous frame's transfer has had a frame to finish
            yield from self._collect_one()

    def _collect_one(self) -> Iterator[tuple[int, bytes]]:
        index, slot = self._pending.pop(0)
        yield index, self._buffers[slot].read()

    def flush(self) -> Iterator[tuple[int, bytes]]:
        while self._pending:
            yield from self._collect_one()

    def release(self) -> None:
        for b in self._buffers:
            b.release()
