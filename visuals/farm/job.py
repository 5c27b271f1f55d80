"""What travels between the client and the workers: plain data, never a shared path.

A worker has its own filesystem.  It gets the show by name from its own search path (the
client's ``--path`` folders where they exist on it too, then its ``VISUALS_PATH``, then the
built-in scenes), the replay set as the events the client parsed (not the file), and the
render config as a value.  What comes back is bytes: a video segment, PNG files, or raw
frames, with the worker's name and its time for the per-worker summary.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from visuals.perform.recorder import RecordedSet
from visuals.render.renderer import RenderConfig


@dataclass(frozen=True)
class FarmJob:
    """One render, as every worker needs to know it.  ``job_id`` keys the workers' caches
    and the progress topic, so two renders on one cluster never mix."""

    job_id: str
    show: str                          # show or scene name, or a .frag path (the set's show for a replay)
    paths: tuple[str, ...]             # the client's search folders, used where they exist on the worker
    end_s: float                       # the render's end, so a scene played alone runs long enough
    stop: int                          # the render's last frame + 1: a segment ending there is the video's end
    config: RenderConfig
    fmt: str                           # mp4 | mov | png | raw
    crf: int = 18
    preset: str = "medium"
    recorded: RecordedSet | None = None
    audio: object = None               # --audio's analysis (audio.analysis.AudioFeatures): what the scenes hear

    @property
    def progress_topic(self) -> str:
        return f"visuals-farm-{self.job_id}"


@dataclass
class ChunkResult:
    """A rendered chunk: ``segment`` (mp4/mov bytes), ``pngs`` (frame index -> PNG bytes) or
    ``raw`` (RGB frames in order, top row first), plus who rendered it and how long it took."""

    number: int
    frames: int
    worker: str
    seconds: float
    began_at: float = 0.0              # the worker's wall clock (time.time()) when the chunk started
    ended_at: float = 0.0              # ... and when its result was ready: the farm's timeline (timing.py)
    segment: bytes = b""
    pngs: dict[int, bytes] = field(default_factory=dict)
    raw: list[bytes] = field(default_factory=list)
    error: dict | None = None          # a VisualsError's fields: a user's mistake, not retried
