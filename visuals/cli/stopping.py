"""How the command line ends: exit codes, and SIGINT/SIGTERM turned into exceptions that
unwind through the commands' cleanup, so a stopped render leaves no partial output."""
from __future__ import annotations

import signal

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130           # 128 + SIGINT, as a shell reports a job stopped by Ctrl-C
EXIT_TERMINATED = 143            # 128 + SIGTERM


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
