"""Cutting a frame range into chunks, the farm's unit of work.

A chunk is rendered and encoded by one worker in one go, so its size trades two costs: large
chunks amortise the per-chunk overhead (scheduling, a video segment's extra key frame, the
transfer) while small ones balance the load, above all at the end, where one big chunk left
running keeps every other worker idle.  The default is guided: each chunk takes a share of
what remains (``remaining / (2 * slots)``), between a floor and a ceiling, so the first chunks
are large and the last ones small.  ``--chunk N`` gives fixed chunks of N frames instead.

The floor depends on the output.  A video segment shorter than a second loses quality at its
end (task.py), so video chunks keep MIN_CHUNK; PNG files and raw frames have no such cost, and
their floor is MIN_FRAMES_CHUNK, so the last chunks end close together: with a 30-frame floor
the last chunk of a render, run while the other workers have nothing left, was measured as
most of the two-worker farm's idle time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from visuals.errors import VisualsError

MIN_CHUNK = 30      # one second at 30 fps: shorter video segments lose quality at their ends (see task.py)
MAX_CHUNK = 300     # ten seconds at 30 fps: bounds a chunk's memory in transit and a lost chunk's cost
MIN_FRAMES_CHUNK = 2   # PNG / raw: about 0.5 s of 1280x720 dream frames on one llvmpipe thread, 40x Dask's cost


@dataclass(frozen=True)
class Chunk:
    """Frames [start, stop) rendered by one worker task; ``number`` orders the results."""

    number: int
    start: int
    stop: int

    def __len__(self) -> int:
        return self.stop - self.start


def plan_chunks(start: int, stop: int, slots: int, size: int | None = None,
                min_size: int = MIN_CHUNK, max_size: int = MAX_CHUNK) -> list[Chunk]:
    """Chunks covering frames [start, stop) in order, for ``slots`` workers rendering at once."""
    if size is not None and size < 1:
        raise VisualsError(f"--chunk {size} is too small", fix="give a chunk of at least 1 frame, e.g. --chunk 30")
    slots = max(1, slots)
    chunks: list[Chunk] = []
    at = start
    while at < stop:
        remaining = stop - at
        if size is not None:
            step = size
        else:
            step = min(max_size, max(min_size, math.ceil(remaining / (2 * slots))))
        step = min(step, remaining)
        chunks.append(Chunk(len(chunks), at, at + step))
        at += step
    return chunks
