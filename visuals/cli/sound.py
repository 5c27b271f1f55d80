"""``visuals sound``: a show's own score synthesised alone to a sound file."""
from __future__ import annotations

import sys
from pathlib import Path

from visuals.errors import VisualsError
from .arguments import _out_arg, _slug, parse_time
from .shows import _default_show, _registry


SOUND_TYPES = {".wav": ("WAV", "PCM_24"), ".flac": ("FLAC", "PCM_24"), ".ogg": ("OGG", "VORBIS")}


def cmd_sound(args) -> int:
    from visuals.perform.clock import parse_fps
    from visuals.output.safe_output import ensure_writable
    registry = _registry(args)
    name = args.show or _default_show(registry)
    show = registry.show(name)
    out = _out_arg(args.out) or Path(f"renders/{_slug(name)}.wav")
    kind = SOUND_TYPES.get(out.suffix.lower())
    if kind is None:
        raise VisualsError(f"'{out.suffix}' is not a sound type visuals writes", file=str(out),
                           fix="end the name in .wav, .flac or .ogg")
    start = parse_time(args.start, "--start") if args.start else 0.0
    end = parse_time(args.end, "--end") if args.end else show.duration
    if end <= start:
        raise VisualsError(f"empty time range {start:g}..{end:g} s", fix="give --start before --end")
    from visuals.audio.score import RATE, find_score
    score = find_score(registry, show)
    if score is None:
        raise VisualsError(f"show '{show.name}' has no score",
                           fix=f"give it one: Show(..., score=Score(...)) or a {show.name}_score.py beside it")
    ensure_writable(out)
    fps = parse_fps(args.fps) if args.fps else parse_fps(show.fps)
    samples = score.render(show, registry, start, end, fps, RATE)
    import io

    import soundfile
    from visuals.output.safe_output import write_file

    def encode() -> bytes:
        buffer = io.BytesIO()
        soundfile.write(buffer, samples, RATE, format=kind[0], subtype=kind[1])
        return buffer.getvalue()
    write_file(out, encode)
    print(f"wrote {out} ({samples.shape[0] / RATE:.2f} s, stereo, {RATE} Hz)", file=sys.stderr)
    return 0
