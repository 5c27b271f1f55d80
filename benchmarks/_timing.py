"""The benchmarks' one stopwatch: how long a call takes, and the median over several runs.

Imported by the scripts beside it (``python benchmarks/NAME.py`` puts this folder on the path),
so every figure in RESULTS.md is measured the same way: ``time.perf_counter`` around the call
alone, whatever ``before`` prepares left outside the time.
"""
from __future__ import annotations

import statistics
import time
from typing import Callable


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def median_time(fn: Callable[[], object], runs: int, before: Callable[[], object] | None = None) -> float:
    """The median of ``runs`` timed calls of ``fn``; ``before`` runs ahead of each, untimed."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        times.append(timed(fn))
    return statistics.median(times)
