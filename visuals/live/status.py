"""The live window's figures: frame timings, and the status file scripts and tests read.

The status file (``--status``) is JSON written a few times a second by the safe-output rule
(a complete file or the previous one, never half of one).
"""
from __future__ import annotations

import json
import statistics
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from visuals.output.safe_output import write_file
from visuals.perform.view import shown_hand


@dataclass
class FrameStats:
    intervals: deque = field(default_factory=lambda: deque(maxlen=240))
    render_ms: deque = field(default_factory=lambda: deque(maxlen=240))
    # the intervals since the last status write, for a reader that wants every one (a soak
    # benchmark's percentiles over minutes); bounded, as a status file may not be written
    unreported: deque = field(default_factory=lambda: deque(maxlen=4096))

    def fps(self) -> float:
        return len(self.intervals) / sum(self.intervals) if self.intervals and sum(self.intervals) > 0 else 0.0

    def percentile(self, values, q: float) -> float:
        if not values:
            return 0.0
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(values, reduce) -> float | None:
    return 1000 * reduce(values) if values else None


def status(player) -> dict:
    """What the live window is doing now, as the status file holds it."""
    active = player.current_cue()
    stats = player.stats
    intervals = list(stats.intervals)
    transport = player.performance.decks["a"].transport
    state = player.frame_state
    tempo = state.tempo
    return {
        "frame": player._frame,
        "perf_time": player._t,
        "time": player.show_time(),
        "paused": transport.paused,
        "speed": transport.speed,
        "bpm": tempo[1] if tempo else None,
        "crossfade": state.crossfade,
        "decks": {name: deck.show.name for name, deck in state.decks.items()},
        "overrides": {scene: {name: shown_hand(v) for name, v in params.items()}
                      for scene, params in (state.decks["a"].overrides if "a" in state.decks else {}).items()},
        "cue": None if active is None else {"index": active.index, "name": active.cue.label,
                                            "scene": active.cue.scene},
        "fps": stats.fps(),
        "frame_intervals_ms": [round(1000 * v, 3) for v in stats.unreported],
        "frame_ms_median": _ms(intervals, statistics.median),
        "frame_ms_p99": _ms(intervals, lambda v: stats.percentile(v, 0.99)),
        "render_size": list(player.mixer.config.size),
        "window_size": list(player.window.framebuffer_size()),
        "scale": player.scaler.scale,
        "hud": player.hud.visible,
        "fullscreen": player.window.fullscreen,
        "errors": [str(e) for e in player.errors()],
        "events": list(player.events_log),
        "screenshots": player.screenshots,
        "reloads": player.reloads,
        "reloading": player.reloader.busy,
        "module_checks": player.reloader.checks,
        "refused": player.refused,
        "gl_released": player.gl_released,
        "input_latency_frames_max": max(player.latencies) if player.latencies else None,
        "control_latency_ms_median": _ms(player.control_latency, statistics.median),
        "control_latency_ms_max": _ms(player.control_latency, max),
        "controls_applied": len(player.control_latency),
        "learning": player.learn_target(),
        "inputs": [control.describe() for control in player.inputs],
        "show": player.show.name,
    }


def write_status(path: Path, player) -> None:
    write_file(path, json.dumps(status(player)).encode(), durable=False, through_links=True)
    player.stats.unreported.clear()
