"""One progress bar for a render spread over workers, and a line per worker at the end.

Workers send their chunk's frame count as Dask events (``Worker.log_event`` on the render's
topic, a few times a second); the client's subscription handler runs on Dask's event-loop
thread and only records the latest count per chunk, and the main thread draws the bar from
their sum.  A finished chunk counts in full; a chunk being rendered again after its worker died
counts from zero again, and the bar never moves backwards.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from visuals.output.progress import Progress
from .job import ChunkResult


@dataclass
class WorkerTotals:
    frames: int = 0
    seconds: float = 0.0
    chunks: int = 0

    @property
    def fps(self) -> float:
        return self.frames / self.seconds if self.seconds > 0 else 0.0


class FarmProgress:
    def __init__(self, total: int, label: str, enabled: bool = True):
        self.bar = Progress(total, label=label, enabled=enabled)
        self._lock = threading.Lock()
        self._running: dict[int, int] = {}     # chunk number -> frames done (latest event)
        self._finished = 0
        self._finished_chunks: set[int] = set()
        self.workers: dict[str, WorkerTotals] = {}

    def on_event(self, event) -> None:
        """Dask's subscription handler: ``event`` is ``(timestamp, message)``."""
        _, message = event
        with self._lock:
            if message["chunk"] not in self._finished_chunks:
                self._running[message["chunk"]] = int(message["done"])

    def chunk_done(self, result: ChunkResult) -> None:
        with self._lock:
            self._running.pop(result.number, None)
            self._finished_chunks.add(result.number)
            self._finished += result.frames
        totals = self.workers.setdefault(result.worker, WorkerTotals())
        totals.frames += result.frames
        totals.seconds += result.seconds
        totals.chunks += 1
        self.refresh()

    def refresh(self) -> None:
        with self._lock:
            done = self._finished + sum(self._running.values())
        if done > self.bar.done:
            self.bar.update(done - self.bar.done)

    def close(self, message: str) -> None:
        self.bar.close(message)

    def worker_lines(self) -> list[str]:
        return [f"  worker {name}: {t.frames} frames in {t.chunks} chunks, {t.fps:.1f} fps"
                for name, t in sorted(self.workers.items())]
