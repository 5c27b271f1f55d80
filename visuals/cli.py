"""The ``visuals`` command line: render, still, list.

Every error a user can cause ends as one line, ``visuals: error: FILE:LINE: what (fix: how)``,
and exit code 2, never a traceback.  Heavy modules (GL, numpy, ffmpeg) are imported inside
the commands that need them, so ``visuals still`` starts fast.
"""
from __future__ import annotations

import argparse
import re
import signal
import sys
import time
from pathlib import Path

from .errors import VisualsError

DEFAULT_SHOWS = ("dream", "demo")   # the first that exists plays when no show is named
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130           # 128 + SIGINT, as a shell reports a job stopped by Ctrl-C
EXIT_TERMINATED = 143            # 128 + SIGTERM

# Suffixes that name a file, never a folder of PNG frames.
FILE_SUFFIXES = (".mp4", ".mov", ".mkv", ".webm", ".avi", ".gif", ".png", ".jpg", ".jpeg", ".webp",
                 ".tif", ".tiff", ".raw", ".rgb", ".yuv")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt, so a render stopped by ``kill``
    (or a service manager, or ``timeout``) cleans up exactly as one stopped by Ctrl-C."""


def _stop_once(exc: type[BaseException]):
    """A signal handler that raises ``exc`` once; Ctrl-C or SIGTERM again while the cleanup
    runs is ignored, so a second signal cannot cut the cleanup short and leave a partial file
    behind (SIGKILL can: the next run removes it)."""
    def handler(signum, frame):
        for stop in (signal.SIGINT, signal.SIGTERM):
            signal.signal(stop, signal.SIG_IGN)
        raise exc()
    return handler


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*[xX]\s*(\d+)\s*", text or "")
    if not m:
        raise VisualsError(f"invalid size '{text}'", fix="write WIDTHxHEIGHT, e.g. --size 1280x720")
    w, h = int(m.group(1)), int(m.group(2))
    if not (1 <= w <= 16384 and 1 <= h <= 16384):
        raise VisualsError(f"size {w}x{h} is out of range", fix="give each side between 1 and 16384 pixels")
    return w, h


def parse_time(text: str, option: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise VisualsError(f"invalid {option} '{text}'", fix=f"give {option} in seconds, e.g. {option} 2.5") from None
    if value < 0 or value != value:
        raise VisualsError(f"{option} {text} is negative", fix=f"give {option} in seconds from 0")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors follow the one-line, exit-code-2 rule with a fix."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise VisualsError(message, fix=f"see '{self.prog} --help'")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="visuals", description="Procedural visual art: GLSL scenes on a Python timeline, "
                     "rendered to video and images or played live.")
    parser.add_argument("--path", action="append", default=[], metavar="DIR",
                        help="extra folder of scenes/shows and shaders, searched before the built-in ones "
                             "(repeatable; also the VISUALS_PATH environment variable)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    r = sub.add_parser("render", help="render a show to a video, a PNG sequence or raw frames",
                       description="Render a show (or a scene, or a bare fragment shader file) offline, "
                                   "frame-exact, with a progress bar. A file is written under "
                                   "NAME.partial and renamed when complete; only a regular file is ever "
                                   "replaced. A PNG sequence only adds its frame_NNNNNN.png files to its "
                                   "folder (see the README's Output section).")
    r.add_argument("show", nargs="?", help="show or scene name, or a .frag file (default: the dream)")
    r.add_argument("--out", help="output file (.mp4, .mov), folder (png: an existing folder or a name "
                                 "without a suffix) or '-' for raw frames on stdout (default: renders/SHOW.mp4)")
    r.add_argument("--size", help="output size WxH (default: the show's, 1280x720)")
    r.add_argument("--fps", help="frames per second: 30, 59.94 or 30000/1001 (default: the show's, 30)")
    r.add_argument("--start", help="first second to render (default 0)")
    r.add_argument("--end", help="last second to render (default: the show's end)")
    r.add_argument("--frames", metavar="A:B", help="render frames A up to B (overrides --start/--end)")
    r.add_argument("--ssaa", type=int, default=1, metavar="K",
                   help="supersample: render K times larger and average down (default 1)")
    r.add_argument("--format", choices=["mp4", "mov", "png", "raw"],
                   help="mp4 (H.264), mov (ProRes 422 HQ), png (sequence in a folder), raw (RGB24 on stdout); "
                        "default from --out, else mp4")
    r.add_argument("--crf", type=int, default=18, help="H.264 quality, lower is better (default 18)")
    r.add_argument("--preset", default="medium", help="x264 speed preset (default medium)")
    r.add_argument("--seed", type=int, help="override the show's seed")
    r.add_argument("--replay", metavar="SET",
                   help="render a set recorded by 'visuals live' (every control event, frame-exact) instead of "
                        "a show; --start/--end/--frames then count performance time")
    r.add_argument("--audio", metavar="FILE",
                   help="a sound file (WAV, FLAC, OGG, MP3...) the scenes hear, analysed whole first, and muxed "
                        "into the video in place of the show's own score; its tempo is the show's beat")
    r.add_argument("--mute", action="store_true",
                   help="write the video without sound (the show's score, or --audio's file, left out)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument("--workers", type=int, metavar="N",
                   help="render on a local Dask cluster of N worker processes (needs pip install 'visuals[farm]')")
    r.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="render on the workers of an existing Dask scheduler ('dask worker ADDRESS' on "
                        "machines with visuals and the same scenes)")
    r.add_argument("--chunk", type=int, metavar="FRAMES",
                   help="frames per farm task (default: large first, small last, to keep every worker busy)")

    s = sub.add_parser("still", help="render one frame to an image",
                       description="Render the frame at one time of a show to a PNG, JPEG or WebP image "
                                   "(the name's suffix decides).")
    s.add_argument("show", help="show or scene name, or a .frag file")
    s.add_argument("--at", default="0", help="time in seconds (default 0)")
    s.add_argument("--out", help="image file: .png, .jpg, .jpeg or .webp (default renders/SHOW_T.png)")
    s.add_argument("--size", help="image size WxH (default: the show's, 1280x720)")
    s.add_argument("--fps", help="frame rate the time is snapped to (default: the show's)")
    s.add_argument("--ssaa", type=int, default=1, metavar="K", help="supersampling factor (default 1)")
    s.add_argument("--seed", type=int, help="override the show's seed")
    s.add_argument("--param", action="append", default=[], metavar="[SCENE.]NAME=VALUE",
                   help="hold a parameter at a value (repeatable): 'inversion=0.4' for a scene alone, "
                        "'sky.inversion=0.4' in a show; vectors and colours as 0.1,0.2,0.3 or '#8a2be2'")

    lv = sub.add_parser("live", help="play a show in a window, in real time, with keyboard control and a HUD",
                        description="Play a show live in a window from the realtime clock, through the same "
                                    "render step as export. Shaders and scene modules reload when saved; a "
                                    "broken save keeps the last good version on screen with the error on the HUD.")
    lv.add_argument("show", nargs="?", help="show or scene name, or a .frag file (default: the dream)")
    lv.add_argument("--size", default="1280x720", help="window size WxH (default 1280x720)")
    lv.add_argument("--scale", type=float, default=1.0,
                    help="render at this fraction of the window size and upscale (default 1)")
    lv.add_argument("--adaptive", type=float, metavar="FPS",
                    help="lower and raise the render scale to hold this frame rate")
    lv.add_argument("--fullscreen", action="store_true", help="start fullscreen")
    lv.add_argument("--monitor", type=int, default=0, help="monitor for fullscreen (0 = primary)")
    lv.add_argument("--no-vsync", action="store_true", help="do not wait for the display's refresh")
    lv.add_argument("--keymap", help="TOML file of key bindings (see --keys)")
    lv.add_argument("--keys", action="store_true", help="print the default key bindings as a key map and exit")
    lv.add_argument("--start", default="0", help="start at this time in seconds")
    lv.add_argument("--paused", action="store_true", help="start paused")
    lv.add_argument("--no-loop", action="store_true", help="hold the last frame instead of looping the show")
    lv.add_argument("--no-hud", action="store_true", help="start with the HUD hidden")
    lv.add_argument("--status", help="write the player's state as JSON to this file, ten times a second")
    lv.add_argument("--record", metavar="SET",
                    help="the set file that records every control event, to re-render with "
                         "'visuals render --replay SET' (default renders/sets/SHOW_DATE.jsonl)")
    lv.add_argument("--no-record", action="store_true", help="do not record the set")
    lv.add_argument("--osc", nargs="?", const="127.0.0.1:9000", metavar="[HOST:]PORT",
                    help="receive OSC on this UDP port (default 127.0.0.1:9000; another address only when given); "
                         "'visuals osc --list' prints the addresses")
    lv.add_argument("--midi", action="append", metavar="DEVICE",
                    help="open MIDI inputs whose names contain DEVICE, or 'all' (repeatable); "
                         "'visuals midi --list' shows them")
    lv.add_argument("--mapping", metavar="FILE", help="MIDI mapping (TOML) binding controls to parameters and "
                                                      "triggers; MIDI learn saves into it")
    lv.add_argument("--audio-in", metavar="DEVICE",
                    help="a sound input (name or index, 'visuals audio --list') the scenes hear")
    lv.add_argument("--mute", action="store_true", help="do not play the show's own soundtrack")
    lv.add_argument("--deck-b", metavar="SHOW", help="load this show or scene on deck B (mix with the crossfader)")
    lv.add_argument("--presets", default="presets.toml", metavar="FILE",
                    help="presets file: F1-F8 recall, shift+F1-F8 save, OSC/MIDI recall by name "
                         "(default presets.toml)")
    lv.add_argument("--frames", type=int, help=argparse.SUPPRESS)
    lv.add_argument("--dump", help=argparse.SUPPRESS)   # save rendered frames with their times (tests)

    sh = sub.add_parser("sheet", help="a contact sheet: stills across a show with its timeline beneath",
                        description="Draw a grid of stills across a show, each captioned with its time and cue, "
                                    "and the timeline's cues as bars beneath: a whole show at a glance.")
    sh.add_argument("show", nargs="?", help="show or scene name, or a .frag file (default: the dream)")
    sh.add_argument("--every", help="seconds between stills (default: about 24 stills across the show)")
    sh.add_argument("--out", help="image file: .png, .jpg, .jpeg or .webp (default renders/SHOW_sheet.png)")
    sh.add_argument("--thumb", default="320x180", help="size of each still WxH (default 320x180)")
    sh.add_argument("--columns", type=int, default=6, help="stills per row (default 6)")

    osc = sub.add_parser("osc", help="the OSC address space", description="OSC control of visuals live --osc.")
    osc.add_argument("--list", action="store_true", help="print every address with its arguments")
    osc.add_argument("show", nargs="?", help="list the parameter addresses of this show's scenes only")

    midi = sub.add_parser("midi", help="MIDI devices", description="MIDI input devices for visuals live --midi.")
    midi.add_argument("--list", action="store_true", help="print the MIDI input devices that can be opened")

    snd = sub.add_parser("sound", help="write a show's own soundtrack (its score) to a sound file",
                         description="Synthesise a show's score, the soundtrack 'visuals render' muxes into its "
                                     "video, alone: stereo, 48 kHz, the same samples as in the video.")
    snd.add_argument("show", nargs="?", help="show name (default: the dream)")
    snd.add_argument("--out", help="sound file: .wav (24-bit), .flac or .ogg (default renders/SHOW.wav)")
    snd.add_argument("--start", help="first second (default 0)")
    snd.add_argument("--end", help="last second (default: the show's end)")
    snd.add_argument("--fps", help="frame rate the glitch loops repeat on (default: the show's)")

    aud = sub.add_parser("audio", help="sound input devices", description="Sound input devices for "
                                                                          "visuals live --audio-in.")
    aud.add_argument("--list", action="store_true", help="print the input devices that can be opened")

    ls = sub.add_parser("list", help="list shows, scenes and post effects with their parameters, and transitions",
                        description="List everything on the search path.")
    ls.add_argument("what", nargs="?", choices=["shows", "scenes", "effects", "transitions"], help="only this kind")
    return parser


def _registry(args):
    """The registry of a command.  The user's own scene modules are first run in a child process
    with a time limit (probe.py): a module that never returns is one error line and exit 2,
    for every command, instead of a command that hangs for good."""
    from visuals.load.paths import SearchPath
    from visuals.load.probe import checked_user_registry, module_timeout
    return checked_user_registry(SearchPath.build(args.path), module_timeout())


def _default_show(where) -> str:
    """The first of DEFAULT_SHOWS that has a module on the search path (``where``: a SearchPath
    or a registry), found by file name, so no user code runs before the show's own check."""
    search = getattr(where, "search", where)
    for name in DEFAULT_SHOWS:
        for folder in search.scene_dirs:
            if (folder / f"{name}.py").is_file():
                return name
    return DEFAULT_SHOWS[-1]


def _config(args, show, size_default=None):
    from visuals.perform.clock import parse_fps
    from visuals.render.renderer import RenderConfig
    size = parse_size(args.size) if args.size else tuple(size_default or show.size)
    fps = parse_fps(args.fps) if args.fps else parse_fps(show.fps)
    return RenderConfig(size=size, ssaa=args.ssaa, fps=fps, seed=args.seed)


def _long_enough(registry, name: str, show, end: float, asked: str):
    """The show to render up to time ``end``: a scene played alone runs as long as asked
    (its default duration is only a default); a show's end is its own, and a time past it
    is an error rather than black frames."""
    if end <= show.duration + 1e-9:
        return show
    if name in registry.shows:
        raise VisualsError(f"{asked} is past the end of show '{show.name}' ({show.duration:g} s)",
                           fix=f"give a time under {show.duration:g} s, or lengthen the show")
    from visuals.model.show import single_scene_show
    return single_scene_show(registry.scene(show.cues[0].scene), duration=end)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(name).stem if name.endswith(".frag") else name)


def _out_arg(value: str | None) -> Path | None:
    """--out as a path (``~`` expanded, so a quoted one never makes a folder named '~'); an
    empty --out is a mistake, not a request for the default."""
    if value is None:
        return None
    if not value.strip():
        raise VisualsError("--out is empty", fix="give a file or folder name, or leave --out out for the default")
    return Path(value).expanduser() if value != "-" else Path("-")


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
    from visuals.output import sinks
    from visuals.render.gpu import create_headless_context, is_software_renderer
    ctx = create_headless_context()
    from visuals.output.progress import Progress
    sink = None
    try:            # from here on whatever the sink made is removed if anything fails
        if fmt == "raw":
            sink = sinks.RawSink(config.size)
            out_label = "stdout"
        elif fmt == "png":
            sink = sinks.PngSequenceSink(out, config.size, frames=range(frames.start, frames.stop))
            out_label = str(out)
        else:
            # On a GPU the RGB -> yuv420p conversion is a cheap pass that halves the readback; on
            # software GL it is one more full-frame pass on the CPU, slower than ffmpeg's own
            # (measured: 120 frames of bench.frag at 1280x720 in 8.6 s against 6.9 s).
            gpu_yuv = not is_software_renderer(ctx)

            def video_sink(path):
                return sinks.VideoSink(path, config.size, config.fps, fmt, crf=args.crf, preset=args.preset,
                                       gpu_yuv=gpu_yuv)
            if sound.samples is not None:
                from visuals.audio.mux import AudioMuxSink
                sink = AudioMuxSink(video_sink, out, fmt, sound.samples, sound.rate, config.fps, len(frames))
            else:
                sink = video_sink(out)
            out_label = str(out) + (f" with {sound.label}" if sound.samples is not None else "")
        if fmt != "png":
            sink = sinks.ThreadedSink(sink)
        source = SetSource(ctx, recorded, registry, config) if recorded else ShowSource(ctx, show, registry, config,
                                                                                        audio=sound.features)
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


def cmd_still(args) -> int:
    registry = _registry(args)
    show = registry.show(args.show)
    config = _config(args, show)
    t = parse_time(args.at, "--at")
    from visuals.perform.clock import FixedClock
    clock = FixedClock(config.fps)
    index = clock.frame_at(t)
    show = _long_enough(registry, args.show, show, (index + 1) / float(config.fps), f"--at {t:g} s")
    from visuals.render.gpu import create_headless_context
    from visuals.output.pngio import gl_rows_to_image
    from visuals.output.export import ShowSource
    from visuals.controls.events import SetParam
    from visuals.output.sinks import ensure_writable, still_type, write_still
    out = _out_arg(args.out) or Path(f"renders/{_slug(args.show)}_{t:g}.png")
    still_type(out)
    ensure_writable(out)
    # --param values are parameters played by hand from the start, as live.
    played = [(0.0, SetParam(scene=scene, param=param, value=value))
              for scene, params in parse_params(args.param, show, registry).items() for param, value in params.items()]
    source = ShowSource(create_headless_context(), show, registry, config, events=played)
    try:
        write_still(out, gl_rows_to_image(source.render(index).read_rgb(), config.size))
    finally:
        source.release()
    print(f"wrote {out}", file=sys.stderr)
    return 0


def parse_params(items: list[str], show, registry) -> dict[str, dict]:
    """--param values by scene, checked against the scenes' parameters (a still plays them by hand)."""
    overrides: dict[str, dict] = {}
    scenes = list(dict.fromkeys(c.scene for c in show.cues))
    for item in items:
        name, eq, text = item.partition("=")
        if not eq:
            raise VisualsError(f"invalid --param '{item}'", fix="write NAME=VALUE, e.g. --param inversion=0.4")
        scene_name, dot, param = name.rpartition(".")
        if not dot:
            if len(scenes) != 1:
                raise VisualsError(f"--param {name}: which scene?", fix=f"write SCENE.{name}=VALUE with one of "
                                                                        + ", ".join(scenes))
            scene_name, param = scenes[0], name
        spec = registry.scene(scene_name).params.get(param)
        value: object = text
        if not text.startswith("#"):
            try:
                parts = [float(v) for v in text.split(",")]
            except ValueError:
                raise VisualsError(f"--param {name}: '{text}' is not a number",
                                   fix=f"give {spec.describe_type()}") from None
            value = parts[0] if len(parts) == 1 else tuple(parts)
        overrides.setdefault(scene_name, {})[param] = spec.validate(value)
    return overrides


def cmd_list(args) -> int:
    from visuals.load.transitions import known_transitions
    registry = _registry(args)
    registry.load_all()
    out = sys.stdout
    if args.what in (None, "shows"):
        out.write("Shows:\n")
        for show in sorted(registry.shows.values(), key=lambda s: s.name):
            out.write(f"  {show.name:16s} {show.duration:7.1f} s  {len(show.cues):3d} cues  {show.description}\n")
    from visuals.model.post import PostEffect
    groups = [("scenes", "Scenes", lambda s: not isinstance(s, PostEffect)),
              ("effects", "Post effects", lambda s: isinstance(s, PostEffect))]
    for key, title, wanted in groups:
        if args.what not in (None, key):
            continue
        out.write(f"{title}:\n")
        for scene in sorted((s for s in registry.scenes.values() if wanted(s)), key=lambda s: s.name):
            out.write(f"  {scene.name:16s} {scene.description}\n")
            for p in scene.params:
                out.write(f"      {p.name:16s} {p.kind:5s} {p.format(p.default):>22s}  "
                          f"{p.describe_range().strip():18s} {p.description}\n")
    if args.what in (None, "transitions"):
        out.write("Transitions:\n")
        for name in known_transitions(registry.search):
            out.write(f"  {name}\n")
    for path, err in registry.failures.items():
        sys.stderr.write(f"visuals: warning: {err}\n")
    return 0


def cmd_live(args) -> int:
    if args.keys:
        from visuals.controls.keyboard import KeyMap
        print(KeyMap.defaults().describe())
        return 0
    from visuals.live.player import LiveOptions, LivePlayer
    from visuals.load.paths import SearchPath
    if not 0.0625 <= args.scale <= 2.0:
        raise VisualsError(f"--scale {args.scale} is out of range", fix="give a scale from 0.0625 to 2, e.g. 0.5")
    if args.adaptive is not None and not 1 <= args.adaptive <= 480:
        raise VisualsError(f"--adaptive {args.adaptive} is out of range", fix="give a target fps such as 30 or 60")
    search = SearchPath.build(args.path)
    name = args.show or _default_show(search)
    inputs = []
    if args.osc:
        from visuals.controls.osc import OscInput, parse_endpoint
        host, port = parse_endpoint(args.osc)
        inputs.append(OscInput(host, port))
    if args.midi or args.mapping:
        from visuals.controls.mapping import MidiMapping
        from visuals.controls.midi import MidiInput
        mapping = MidiMapping.load(args.mapping) if args.mapping and Path(args.mapping).exists() else None
        inputs.append(MidiInput(args.midi or ["all"], mapping, Path(args.mapping) if args.mapping else None))
    options = LiveOptions(show=name, search=search, size=parse_size(args.size), scale=args.scale,
                          adaptive=args.adaptive, fullscreen=args.fullscreen, monitor=args.monitor,
                          vsync=not args.no_vsync, keymap=Path(args.keymap) if args.keymap else None,
                          start=parse_time(args.start, "--start"), paused=args.paused, loop=not args.no_loop,
                          hud=not args.no_hud, status=Path(args.status) if args.status else None,
                          record=None if args.no_record else Path(
                              args.record or f"renders/sets/{_slug(name)}_{time.strftime('%Y%m%d-%H%M%S')}.jsonl"),
                          dump=Path(args.dump) if args.dump else None, max_frames=args.frames,
                          inputs=tuple(inputs), deck_b=args.deck_b, presets=Path(args.presets),
                          audio_in=args.audio_in, mute=args.mute)
    return LivePlayer(options).run()


def cmd_sheet(args) -> int:
    from visuals.render.gpu import create_headless_context
    from visuals.output.sheet import SheetLayout, render_sheet, sample_times
    from visuals.output.sinks import ensure_writable, still_type, write_still
    registry = _registry(args)
    name = args.show or _default_show(registry.search)
    show = registry.show(name)
    every = parse_time(args.every, "--every") if args.every else None
    if every is not None and every <= 0:
        raise VisualsError("--every must be more than 0 seconds", fix="give e.g. --every 10")
    if not 1 <= args.columns <= 50:
        raise VisualsError(f"--columns {args.columns} is out of range", fix="give 1 to 50 columns")
    layout = SheetLayout(thumb=parse_size(args.thumb), columns=args.columns)
    out = _out_arg(args.out) or Path(f"renders/{_slug(name)}_sheet.png")
    still_type(out)
    ensure_writable(out)
    times = sample_times(show.duration, every)
    from visuals.output.progress import Progress
    progress = Progress(len(times), label=f"{_slug(name)} sheet", unit="stills")
    image = render_sheet(create_headless_context(), show, registry, times, layout, progress=progress)
    import numpy as np
    write_still(out, np.asarray(image))
    progress.close(f"wrote {out} ({image.size[0]}x{image.size[1]}, {len(times)} stills)")
    return 0


def cmd_osc(args) -> int:
    from visuals.controls.osc import address_space
    registry = _registry(args)
    registry.load_all()
    show = registry.show(args.show) if args.show else None
    for address, types, description in address_space(registry, show):
        print(f"{address:44s} {types:10s} {description}")
    return 0


def cmd_midi(args) -> int:
    from visuals.controls.midi import list_devices
    names, backend = list_devices()
    print(f"MIDI inputs ({backend}):")
    for name in names:
        print(f"  {name}")
    if not names:
        print("  (none)")
    return 0


SOUND_TYPES = {".wav": ("WAV", "PCM_24"), ".flac": ("FLAC", "PCM_24"), ".ogg": ("OGG", "VORBIS")}


def cmd_sound(args) -> int:
    from visuals.perform.clock import parse_fps
    from visuals.output.sinks import ensure_writable
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


def cmd_audio(args) -> int:
    from visuals.audio.live_input import list_inputs
    devices, note = list_inputs()
    print("Sound inputs (for visuals live --audio-in NAME or INDEX):")
    for index, name, channels, rate in devices:
        print(f"  {index:3d}  {name}  ({channels} ch, {rate:g} Hz)")
    if not devices:
        print(f"  (none: {note})")
    return 0


COMMANDS = {"render": cmd_render, "sound": cmd_sound, "audio": cmd_audio, "still": cmd_still, "list": cmd_list, "live": cmd_live, "osc": cmd_osc,
            "midi": cmd_midi, "sheet": cmd_sheet}


def _install_stop_handlers() -> dict:
    """SIGINT and SIGTERM raise once (see _stop_once); returns the handlers to put back.
    A signal the parent set to be ignored (a job started in the background of a script)
    stays ignored.  Only the main thread may set handlers: called from another thread,
    main() runs without them."""
    previous = {}
    for signum, exc in ((signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)):
        try:
            if signal.getsignal(signum) is signal.SIG_IGN:
                continue
            previous[signum] = signal.signal(signum, _stop_once(exc))
        except (ValueError, OSError):
            pass
    return previous


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    previous = _install_stop_handlers()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        return COMMANDS[args.command](args)
    except VisualsError as err:
        sys.stderr.write(f"visuals: error: {err}\n")
        return EXIT_USAGE
    except Terminated:
        sys.stderr.write("\nvisuals: terminated; no partial output was kept\n")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        sys.stderr.write("\nvisuals: interrupted; no partial output was kept\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of --format raw went away (e.g. piped into `head`): not an error, exit 0.
        # RawSink has already pointed stdout at /dev/null, so nothing fails again at exit.
        return 0
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    sys.exit(main())
