"""``visuals render``: a show, a scene or a recorded set to a video, a PNG sequence or raw frames."""
from __future__ import annotations

import sys
from pathlib import Path

from visuals.errors import VisualsError
from .arguments import _config, _out_arg, _slug, parse_time
from .shows import _default_show, _long_enough, _registry

# Suffixes that name a file, never a folder of PNG frames.
FILE_SUFFIXES = (".mp4", ".mov", ".mkv", ".webm", ".avi", ".gif", ".png", ".jpg", ".jpeg", ".webp",
                 ".tif", ".tiff", ".raw", ".rgb", ".yuv")


def _render_output(fmt: str | None, out: Path | None, slug: str) -> tuple[str, Path | None]:
    """The format and output path of a render.  Without --format the name decides: '-' is raw,
    .mp4/.mov that video, an existing folder or a name without a suffix a PNG sequence; a
    name that contradicts the format is refused rather than guessed around."""
    shown = str(out) if out is not None else ""
    if fmt is None:
        if out is None:
            fmt = "mp4"
        elif shown == "-":
            fmt = "raw"
        elif out.suffix.lower() in (".mp4", ".mov"):
            fmt = out.suffix.lower()[1:]
        elif out.is_dir() or out.suffix == "":
            fmt = "png"
        elif out.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp"):
            raise VisualsError(f"--out {shown} names one image; a render writes a video or a folder of frames",
                               fix=f"for frames give a folder (--format png --out {out.with_suffix('')}_frames), "
                                   f"for one frame use 'visuals still'")
        else:
            raise VisualsError(f"--out {shown}: cannot tell the format from '{out.suffix}'",
                               fix="end the name in .mp4 or .mov, or give --format")
    if fmt == "raw":
        if out is not None and shown != "-":
            raise VisualsError("--format raw writes to stdout", fix="use --out - or leave --out out")
        return fmt, None
    if shown == "-":
        raise VisualsError(f"--out - is raw frames on stdout, not {fmt}", fix="give --format raw, or a file name")
    if fmt == "png":
        out = out if out is not None else Path(f"renders/{slug}_frames")
        if out.suffix.lower() in FILE_SUFFIXES and not out.is_dir():
            raise VisualsError(f"--format png writes a folder of frames, but --out {out} names a file "
                               f"({out.suffix})",
                               fix=f"give a folder name, e.g. --out {out.with_suffix('')}_frames")
        return fmt, out
    out = out if out is not None else Path(f"renders/{slug}.{fmt}")
    if out.suffix.lower() != f".{fmt}":
        raise VisualsError(f"--out {out} does not end in .{fmt}", fix=f"name the file {out.stem}.{fmt}")
    return fmt, out


def cmd_render(args) -> int:
    registry = _registry(args)
    recorded = None
    if args.replay:
        from visuals.perform.recorder import RecordedSet
        recorded = RecordedSet.load(args.replay)
        if args.show:
            raise VisualsError("give either a show or --replay SET, not both",
                               fix="the set file names the show it played")
        for note in recorded.notes:    # shows come from --path and VISUALS_PATH, never the set
            print(f"visuals: note: {note}", file=sys.stderr)
        recorded.fit_parameters(registry)
        name = recorded.header["show"]
        slug = _slug(Path(args.replay).stem)
    else:
        name = args.show or _default_show(registry.search)
        slug = _slug(name)
    show = registry.show(name)
    config = _config(args, show)
    fmt, out = _render_output(args.format, _out_arg(args.out), slug)
    if fmt in ("mp4", "mov"):      # checked before the GL context starts
        if args.crf is not None and not 0 <= args.crf <= 51:
            raise VisualsError(f"--crf {args.crf} is out of range", fix="give 0 (lossless) to 51; 18 is visually lossless")
    from visuals.perform.clock import FixedClock
    from visuals.output.export import FrameRange, SetSource, ShowSource, render_frames
    clock = FixedClock(config.fps)
    duration = recorded.duration if recorded else show.duration
    frames = FrameRange.resolve(clock, duration,
                                parse_time(args.start, "--start") if args.start else None,
                                parse_time(args.end, "--end") if args.end else None, args.frames)
    if not recorded:
        end = frames.stop / float(config.fps)
        asked = f"--frames {args.frames} (to {end:g} s)" if args.frames else f"--end {end:g} s"
        show = _long_enough(registry, name, show, end, asked)
    from visuals.audio.offline import prepare_sound
    sound = prepare_sound(args.audio, args.mute, fmt, registry, show, config.fps, frames.start, frames.stop,
                          replay=recorded is not None)
    for note in sound.notes:
        sys.stderr.write(f"visuals: note: {note}\n")
    if args.workers is not None or args.scheduler or args.chunk is not None:
        from visuals.farm.command import render_farmed
        return render_farmed(args, name, recorded, config, frames, fmt, out, slug, sound)
    from visuals.output.render_sink import open_render_sink
    from visuals.render.gpu import headless_context, is_software_renderer
    with headless_context() as ctx:     # (released after, the caller's context current again)
        from visuals.output.progress import Progress
        sink = None
        try:            # from here on whatever the sink made is removed if anything fails
            # On a GPU the RGB -> yuv420p conversion is a cheap pass that halves the readback; on
            # software GL it is one more full-frame pass on the CPU, slower than ffmpeg's own
            # (measured: 120 frames of bench.frag at 1280x720 in 8.6 s against 6.9 s).
            sink, out_label = open_render_sink(fmt, out, config.size, config.fps,
                                               range(frames.start, frames.stop), crf=args.crf,
                                               preset=args.preset, gpu_yuv=not is_software_renderer(ctx),
                                               sound=sound)
            source = SetSource(ctx, recorded, registry, config, audio=sound.features) if recorded \
                else ShowSource(ctx, show, registry, config, audio=sound.features)
        except BaseException:
            if sink is not None:
                sink.abort()    # a scene that does not compile, or Ctrl-C: remove what the sink made
            raise
        progress = Progress(len(frames), label=slug, enabled=not args.quiet)
        written = render_frames(ctx, source, config, frames, sink, progress)
        progress.close(f"wrote {written} frames ({config.size[0]}x{config.size[1]}, {float(config.fps):g} fps) "
                       f"to {out_label} in {progress.elapsed:.1f} s")
        if fmt == "png":
            others = sink.other_frames(range(frames.start, frames.stop))
            if others:
                sys.stderr.write(f"visuals: note: {out_label} also holds {others} frame file{'s' * (others != 1)} "
                                 f"this render did not write (an earlier render's); they were left as they are\n")
        return 0
