"""The ``visuals`` command line: render, still, sheet, live, sound and the listings.

Every error a user can cause ends as one line, ``visuals: error: FILE:LINE: what (fix: how)``,
and exit code 2, never a traceback.  Heavy modules (GL, numpy, ffmpeg) are imported inside
the commands that need them, so ``visuals still`` starts fast.

One module a job: ``parser`` (the grammar), ``arguments`` (option values), ``shows`` (which
show plays), ``stopping`` (signals and exit codes), and one module per command family
(``render``, ``images``, ``live``, ``sound``, ``listing``).
"""
from __future__ import annotations

import signal
import sys

from visuals.errors import VisualsError
from .arguments import parse_size
from .images import cmd_sheet, cmd_still
from .listing import cmd_audio, cmd_list, cmd_midi, cmd_osc
from .live import cmd_live
from .parser import build_parser
from .render import cmd_render
from .shows import _default_show, _long_enough
from .sound import cmd_sound
from .stopping import EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, Terminated, _install_stop_handlers, _stop_once

__all__ = ["main", "build_parser", "parse_size", "Terminated", "_stop_once", "_default_show", "_long_enough",
           "COMMANDS"]

COMMANDS = {"render": cmd_render, "sound": cmd_sound, "audio": cmd_audio, "still": cmd_still, "list": cmd_list,
            "live": cmd_live, "osc": cmd_osc, "midi": cmd_midi, "sheet": cmd_sheet}


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
