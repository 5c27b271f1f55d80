"""What a render hears and carries: ``--audio FILE``, the show's own score, or nothing.

Decided before the GL context starts, so an unreadable file is one line and nothing is made.
``--audio FILE`` is analysed whole (the scenes hear it, with look-ahead and the track's tempo
as the show's beat) and its rendered range is muxed into the video; without it, the show's
score (when it has one) is synthesised for the rendered range and muxed; ``--mute`` leaves the
sound out of the file (the scenes still hear ``--audio``).  Each situation a user should know
about (a silent file, a file shorter than the render, a format without sound) is one note.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from visuals.load.paths import display_path


@dataclass
class RenderSound:
    """The sound of one render: ``samples`` for the rendered range (None: the file is silent
    by request or by format), ``features`` for the scenes to hear (None: they hear nothing)."""

    samples: np.ndarray | None = None
    rate: int = 48000
    features: object = None
    notes: list[str] = field(default_factory=list)
    label: str = ""


def prepare_sound(audio: str | None, mute: bool, fmt: str, registry, show, fps: Fraction,
                  start: int, stop: int, replay: bool = False) -> RenderSound:
    """The sound of frames [start, stop) of ``show`` at ``fps`` written as ``fmt``."""
    t0, t1 = float(Fraction(start) / fps), float(Fraction(stop) / fps)
    carries = fmt in ("mp4", "mov") and not mute
    sound = RenderSound()
    if audio:
        from .analysis import AudioFeatures
        from .sources import load_audio
        clip = load_audio(audio)
        shown = display_path(audio)
        sound.features = AudioFeatures(clip, fps)
        sound.label = shown
        if clip.is_silent():
            sound.notes.append(f"{shown} is silent: the scenes hear nothing (their audio uniforms stay at 0)")
        if clip.duration + 1e-9 < t1:
            sound.notes.append(f"{shown} lasts {clip.duration:.2f} s and the render ends at {t1:.2f} s: "
                               f"after its end the scenes hear silence" + (" and the video is silent" if carries else ""))
        if carries:
            sound.samples, sound.rate = clip.segment(t0, t1), clip.rate
        elif not mute:
            sound.notes.append(f"a {fmt} output carries no sound: the scenes hear {shown}, the frames are written "
                               f"without it (render to .mp4 or .mov to keep it)")
        return sound
    if not carries or replay:
        return sound
    from visuals.audio.score import RATE, find_score
    score = find_score(registry, show)
    if score is None:
        return sound
    sound.samples = score.render(show, registry, t0, t1, fps, RATE)
    sound.rate = RATE
    sound.label = f"the score of '{show.name}'"
    return sound
