"""``visuals render --workers N | --scheduler ADDRESS``: the CLI's hand-off to the farm.

The CLI has resolved the show, the frame range, the format and the output path exactly as for
a single machine; this turns them into the job the workers get and the options the client
runs with, checks what a worker would only find out later (an odd size for video), and prints
nothing but the farm's own progress and summary.
"""
from __future__ import annotations

from pathlib import Path

from visuals.errors import VisualsError
from visuals.output.export import FrameRange
from visuals.load.paths import SHADER_SUFFIXES
from .client import FarmOptions, new_job_id, render_on_farm
from .job import FarmJob


def render_farmed(args, show: str, recorded, config, frames: FrameRange, fmt: str, out: Path | None,
                   label: str, sound=None) -> int:
    """``sound`` (audio.offline.RenderSound): its analysis travels to the workers, its samples
    are muxed into the joined video, as on one machine."""
    paths = [str(Path(p).expanduser().resolve()) for p in args.path]
    if recorded is not None:
        paths += [str(p) for p in recorded.header.get("path") or []]
    w, h = config.size
    if fmt in ("mp4", "mov") and (w % 2 or h % 2):
        raise VisualsError(f"{fmt} video needs an even width and height, got {w}x{h}",
                           fix="give an even --size such as 1280x720, or use --format png")
    if recorded is None and (show.endswith(SHADER_SUFFIXES) or "/" in show):
        show = str(Path(show).resolve())   # a shader file by path: the workers' folders differ from ours
    job = FarmJob(job_id=new_job_id(), show=show, paths=tuple(paths), end_s=frames.stop / float(config.fps),
                  stop=frames.stop, config=config, fmt=fmt, crf=args.crf, preset=args.preset, recorded=recorded,
                  audio=sound.features if sound is not None else None)
    options = FarmOptions(workers=args.workers, scheduler=args.scheduler, chunk=args.chunk,
                          out=None if fmt == "raw" else out, label=label, quiet=args.quiet,
                          sound=sound if sound is not None and sound.samples is not None else None)
    render_on_farm(job, frames, options)
    return 0
