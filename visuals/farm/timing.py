"""Where a farm render's time went: rendering, Dask's overhead, and the idle tail.

With N worker slots the render holds N x wall seconds of worker time.  Each slot's time, from
the client's first submission to the joined output, is split along that slot's own timeline:

- **rendering**: inside its chunks (a chunk's time on its worker, compiling included);
- **start**: from the submission to its first chunk starting (scheduling, the task's transfer);
- **gaps**: between one of its chunks ending and its next starting (the scheduler handing out
  the next chunk while chunks are still waiting);
- **tail**: from its last chunk ending to the last chunk of the render ending: nothing is left
  for it to take, which is how the chunks were cut (plan.py), not Dask's cost;
- **finish**: from the last chunk ending to the joined output: the last result's transfer, its
  writing, and the join, which every slot waits for.

Dask's overhead (scheduling, transfer, joining, as the issue names it) is start + gaps + finish;
the tail is reported on its own.  The parts add up to N x wall exactly, so nothing is hidden.
Timestamps are ``time.time()`` on each machine: across machines they assume synchronised clocks
(NTP), which is why only the benchmark, on one host, reads them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChunkTiming:
    number: int
    worker: str
    began_at: float
    ended_at: float


@dataclass(frozen=True)
class TimeSplit:
    """Slot-seconds of a render by what they were spent on (see the module's docstring)."""

    slots: int
    chunks: int
    wall: float
    rendering: float
    start: float
    gaps: float
    tail: float
    finish: float

    @property
    def overhead(self) -> float:
        """Dask's overhead in slot-seconds: start + gaps + finish."""
        return self.start + self.gaps + self.finish

    @property
    def overhead_per_chunk(self) -> float:
        return self.overhead / self.chunks

    @property
    def mean_chunk(self) -> float:
        return self.rendering / self.chunks

    @property
    def busy(self) -> float:
        """The share of the slots' time spent rendering."""
        return self.rendering / (self.slots * self.wall)


def split_time(timings: list[ChunkTiming], slots: int, submitted_at: float, finished_at: float) -> TimeSplit:
    """Split ``slots`` x (finished_at - submitted_at) along each worker's timeline.  A slot
    that took no chunk idles the whole render: it counts as start up to the last chunk's end.
    Slots are workers here (one thread each, as the benchmark and ``--workers`` start them)."""
    if not timings:
        raise ValueError("no chunk finished: there is no timeline to split")
    wall = finished_at - submitted_at
    last_end = max(t.ended_at for t in timings)
    by_worker: dict[str, list[ChunkTiming]] = {}
    for t in timings:
        by_worker.setdefault(t.worker, []).append(t)
    rendering = start = gaps = tail = 0.0
    for chunks in by_worker.values():
        chunks.sort(key=lambda t: t.began_at)
        start += chunks[0].began_at - submitted_at
        for before, after in zip(chunks, chunks[1:]):
            gaps += max(0.0, after.began_at - before.ended_at)
        rendering += sum(t.ended_at - t.began_at for t in chunks)
        tail += last_end - chunks[-1].ended_at
    idle_slots = max(0, slots - len(by_worker))
    start += idle_slots * (last_end - submitted_at)
    finish = slots * (finished_at - last_end)
    return TimeSplit(slots=slots, chunks=len(timings), wall=wall, rendering=rendering, start=start, gaps=gaps,
                     tail=tail, finish=finish)
