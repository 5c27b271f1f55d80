"""The command line's grammar: every command, option and help text, in one argparse parser."""
from __future__ import annotations

import argparse

from visuals.errors import VisualsError


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
    lv.add_argument("--no-prebake", action="store_true",
                    help="do not bake the show's baked shots before it starts (a faster start; "
                         "each cut into one then freezes the picture while it bakes)")
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
