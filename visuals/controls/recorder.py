"""Set files: a live performance's control events, as JSON lines, to render again offline.

The first line is a header (the show, the search path, the frame rate the window ran at);
each following line is one event with the performance time it was applied at; the last
line marks the end.  The live loop flushes once per frame, so a crash loses at most the
events of the frame being drawn, and a burst of a thousand OSC messages costs one write.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import VisualsError
from ..paths import display_path
from .events import Control, Interface, control_from_json

FORMAT = 1


class SetRecorder:
    def __init__(self, path: Path, show: str, search: list[str], extra: dict[str, Any] | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file: TextIO = self.path.open("w", encoding="utf-8")
        header = {"visuals_set": FORMAT, "show": show, "path": search,
                  "recorded": time.strftime("%Y-%m-%dT%H:%M:%S"), **(extra or {})}
        self._write(header)
        self.flush()
        self.count = 0

    def _write(self, data: dict) -> None:
        self.file.write(json.dumps(data, separators=(",", ":")) + "\n")

    def flush(self) -> None:
        if not self.file.closed:
            self.file.flush()

    def record(self, t: float, event: Control) -> None:
        if isinstance(event, Interface):
            return   # window-only actions change nothing a replay renders
        self._write({"t": t, "event": event.to_json()})
        self.count += 1

    def close(self, t: float) -> None:
        if not self.file.closed:
            self._write({"t": t, "end": True})
            self.file.close()


@dataclass
class RecordedSet:
    path: Path
    header: dict[str, Any]
    events: list[tuple[float, Control]] = field(default_factory=list)
    duration: float = 0.0

    @classmethod
    def load(cls, path: str | Path) -> "RecordedSet":
        path = Path(path)
        shown = display_path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise VisualsError(f"cannot read set file: {err.strerror or err}", file=shown,
                               fix="give the path of a set recorded by visuals live") from None
        events: list[tuple[float, Control]] = []
        header: dict[str, Any] | None = None
        duration = 0.0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as err:
                raise VisualsError(f"malformed set file: {err.msg}", file=shown, line=number,
                                   fix="each line must be one JSON object, as visuals live writes them") from None
            if header is None:
                if data.get("visuals_set") != FORMAT or "show" not in data:
                    raise VisualsError("not a visuals set file (no header)", file=shown, line=number,
                                       fix="record a set with visuals live --record FILE")
                header = data
                continue
            try:
                t = float(data["t"])
            except (KeyError, TypeError, ValueError):
                raise VisualsError("set event without a time", file=shown, line=number,
                                   fix='each event line needs "t": seconds') from None
            duration = max(duration, t)
            if data.get("end"):
                continue
            try:
                events.append((t, control_from_json(data.get("event") or {})))
            except VisualsError as err:
                raise VisualsError(err.message, file=shown, line=number, fix=err.fix) from None
        if header is None:
            raise VisualsError("empty set file", file=shown, fix="record a set with visuals live --record FILE")
        events.sort(key=lambda e: e[0])
        return cls(path, header, events, duration)
