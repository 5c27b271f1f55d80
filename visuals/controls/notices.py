"""Rate-limited notices: what the OSC server, the MIDI input and the HUD say, never a flood.

A notice is one line for the VJ ("OSC /x: unknown address; ignored", "MIDI: APC connected").
What causes them arrives from outside, at any rate, so every notice passes one
:class:`RateLimitedNotices`:

* per key (an OSC address, a MIDI device): at most one notice per ``interval``; the ones held
  back are counted and summed up in one line ("N more like this in X s") once the key has
  been quiet for the interval (``flush``).  An interval of ``math.inf`` says a key once, until
  :meth:`~RateLimitedNotices.forget` re-arms it (MIDI's "cannot open this device").
* all keys together: at most ``per_second`` notices a second (None: no budget); when several
  keys held notices back (a flood of different bad addresses) they are summed up in one line
  rather than shown one after another for long after the flood.

"N more like this" counts the notices held back under that key since the last one shown.
Thread-safe: the OSC thread, MIDI's threads and the render loop all report.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Callable

MAX_KEYS = 256             # keys tracked; the notices of any more share one key
FORGET_AFTER = 30.0        # s: a quiet key with nothing held is dropped (its next notice shows)


@dataclass
class _Key:
    last: float            # when a notice under this key was last shown
    held: int              # notices held back since
    latest: str            # the latest of them
    since: float           # when the first of them arrived
    interval: float


class RateLimitedNotices:
    def __init__(self, emit: Callable[[str], None], *, interval: float = 1.0, per_second: int | None = None,
                 clock: Callable[[], float] = time.monotonic, quote: Callable[[str], str] = str):
        self.emit = emit
        self.interval = interval
        self.per_second = per_second
        self.clock = clock
        self.quote = quote                      # shortens a message quoted in a summary line
        self._lock = threading.Lock()
        self._keys: dict[str, _Key] = {}
        self._window = (-math.inf, 0)           # (second it started, notices shown in it)
        self.shown: list[str] = []              # the last notices, for describe() and tests
        self.sent = 0

    @property
    def held(self) -> int:
        """Notices held back now, under every key."""
        with self._lock:
            return sum(entry.held for entry in self._keys.values())

    def _budget(self, now: float) -> bool:
        if self.per_second is None:
            return True
        start, count = self._window
        if now - start >= 1.0:
            start, count = now, 0
        if count >= self.per_second:
            self._window = (start, count)
            return False
        self._window = (start, count + 1)
        return True

    def report(self, message: str, key: str = "", now: float | None = None,
               interval: float | None = None) -> None:
        """Show ``message`` now, or hold it back (counted) when its key or the budget says so;
        ``interval`` overrides the instance's for this key (``math.inf``: once)."""
        now = self.clock() if now is None else now
        out = None
        with self._lock:
            if key not in self._keys and len(self._keys) >= MAX_KEYS:
                key = "(other)"
            entry = self._keys.get(key)
            if entry is None:
                entry = self._keys[key] = _Key(-math.inf, 0, "", now,
                                               self.interval if interval is None else interval)
            if now - entry.last >= entry.interval and self._budget(now):
                out = message if not entry.held else f"{self.quote(message)} [{entry.held} more like this]"
                entry.last, entry.held, entry.latest, entry.since = now, 0, message, now
            else:
                if not entry.held:
                    entry.since = now
                entry.held += 1
                entry.latest = message
        if out is not None:
            self._emit(out)

    def forget(self, key: str) -> None:
        """Let the next notice under ``key`` through (the trouble it said once has passed)."""
        with self._lock:
            self._keys.pop(key, None)

    def flush(self, now: float | None = None) -> None:
        """Sum up what was held back, once its key has been quiet for the interval (called a
        few times a second)."""
        now = self.clock() if now is None else now
        out = []
        with self._lock:
            ready = [entry for entry in self._keys.values() if entry.held and now - entry.last >= entry.interval]
            if len(ready) > 2 and self._budget(now):
                held = sum(entry.held for entry in ready)
                first = min(entry.since for entry in ready)
                latest = max(ready, key=lambda entry: entry.last).latest
                out.append(f"{self.quote(latest)} [{held} more like this, about {len(ready)} addresses, "
                           f"in {max(now - first, 0.0):.1f} s]")
                for entry in ready:
                    entry.last, entry.held, entry.since = now, 0, now
            else:
                for entry in ready:
                    if self._budget(now):
                        out.append(entry.latest if entry.held == 1 else
                                   f"{self.quote(entry.latest)} [{entry.held} more like this in "
                                   f"{max(now - entry.since, 0.0):.1f} s]")
                        entry.last, entry.held, entry.since = now, 0, now
            for key, entry in list(self._keys.items()):
                if not entry.held and now - entry.last > max(FORGET_AFTER, entry.interval):
                    del self._keys[key]
        for message in out:
            self._emit(message)

    def _emit(self, message: str) -> None:
        self.sent += 1
        self.shown = (self.shown + [message])[-8:]
        try:
            self.emit(message)
        except Exception:      # a broken HUD must not stop the input that reports
            pass
