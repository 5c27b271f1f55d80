"""Running the user's scene and show modules first where they can be given up on.

Scene and show modules are the user's Python, run when the live show starts and again at
every save.  One saved with ``while True: pass`` in it once froze the window for good: the
render loop was inside the import, and Esc, Ctrl-C and SIGTERM went unanswered.  So the
modules are first imported in a child process (``python -m visuals.load.probe``) with a time
limit; the live show keeps playing meanwhile.  Only when the child finished are they imported
in the show's own process, from the same text the child ran (a registry with ``sources``), so
a file saved again in between cannot slip unchecked code in.  A module that did not finish in
time is named, with the line it was running (the child dumps its stack on SIGUSR1 before it
is killed), and never imported in-process: it is ``blocked`` in the registry.

The child reports on stdout, one JSON object a line: ``{"start": path}`` before each module,
``{"done": path}`` after it, ``{"finished": true}`` at the end.  It ends itself when the
parent goes away (its stdin closes) or after its time limit, so it never outlives the show.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from visuals.errors import VisualsError
from .paths import SearchPath, builtin_dir, display_path
from .registry import Registry, read_module_text

DEFAULT_TIMEOUT = 10.0          # seconds a module check may take before the module is given up on
TIMEOUT_ENV = "VISUALS_MODULE_TIMEOUT"
DUMP_WAIT = 0.5                 # seconds given to the child to dump its stack before it is killed
MAX_ROUNDS = 4                  # hanging modules found one per round; then the rest are given up on
_FRAME = re.compile(r'File "(.+)", line (\d+)')


def module_timeout() -> float:
    """The time limit: VISUALS_MODULE_TIMEOUT seconds when set (tests use a short one), else 10."""
    text = os.environ.get(TIMEOUT_ENV, "")
    try:
        value = float(text) if text else DEFAULT_TIMEOUT
    except ValueError:
        raise VisualsError(f"{TIMEOUT_ENV}={text!r} is not a number of seconds",
                           fix=f"set it to e.g. 10, or unset it for {DEFAULT_TIMEOUT:g} s") from None
    if not 0.1 <= value <= 3600:
        raise VisualsError(f"{TIMEOUT_ENV}={text} is out of range", fix="give 0.1 to 3600 seconds")
    return value


def read_sources(search: SearchPath, failures: dict[Path, VisualsError] | None = None,
                 skip: tuple[Path, ...] = ()) -> dict[Path, str]:
    """The text of every scene/show module on the search path (but those in the folders
    ``skip``), read once.  A module that cannot be read (not UTF-8, too large, gone) is left
    out and its error put in ``failures``: the registry blocks it and reports that error when
    a show needs it."""
    out: dict[Path, str] = {}
    for path in Registry(search).module_files():
        resolved = path.resolve()
        if resolved.parent in skip:
            continue
        try:
            out[resolved] = read_module_text(resolved)
        except VisualsError as err:
            if failures is not None:
                failures[resolved] = err
    return out


def load(registry: Registry, show_name: str | None):
    """What the live show loads, in this order in the child and in the show alike: the show
    (its own module first), every scene it plays, then every other module, so that nothing is
    imported later, on the render thread, that the check did not run.  Without a show name
    (the commands' check) every module is loaded."""
    show = None
    if show_name is None:
        registry.load_modules()       # ISF files run no Python: nothing to check there
        return None
    try:
        show = registry.show(show_name)
        for cue in show.cues:
            registry.scene(cue.scene)
    finally:
        registry.load_all()
    return show


@dataclass
class Outcome:
    finished: bool                      # the child ran every module to its end
    hung: Path | None = None            # the module that did not finish in time
    error: VisualsError | None = None   # why it was given up on


@dataclass
class Probe:
    """One check running in a child process; ``poll()`` until it gives an Outcome."""

    search: SearchPath
    show_name: str | None
    sources: dict[Path, str]
    timeout: float
    blocked: dict[Path, VisualsError] = field(default_factory=dict)

    def __post_init__(self) -> None:
        payload = {"shader_dirs": [str(p) for p in self.search.shader_dirs],
                   "scene_dirs": [str(p) for p in self.search.scene_dirs],
                   "show": self.show_name, "timeout": self.timeout,
                   "sources": {str(p): text for p, text in self.sources.items()},
                   "blocked": [str(p) for p in self.blocked]}
        fd, name = tempfile.mkstemp(prefix="visuals-probe-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out)
        self._payload = Path(name)
        self._lines: list[dict] = []
        self.started = time.monotonic()
        self.proc = subprocess.Popen([sys.executable, "-m", "visuals.load.probe", name], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._errors: list[str] = []
        self._dump_asked: float | None = None
        self._readers = [threading.Thread(target=self._read, daemon=True),
                         threading.Thread(target=self._read_errors, daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            try:
                self._lines.append(json.loads(line))
            except ValueError:
                continue            # a module's own print(): not ours

    def _read_errors(self) -> None:
        for line in self.proc.stderr:
            if len(self._errors) < 1000:
                self._errors.append(line)

    def poll(self) -> Outcome | None:
        """None while the check runs; never waits (it is called from the render loop)."""
        if self.proc.poll() is None:
            now = time.monotonic()
            if self._dump_asked is None:
                if now - self.started < self.timeout:
                    return None
                self._dump_asked = now
                try:
                    self.proc.send_signal(signal.SIGUSR1)    # the child dumps where it is
                except OSError:
                    pass
                return None
            path = self._running()
            dumped = path is not None and any(str(path) in line for line in self._errors)
            if not dumped and now - self._dump_asked < DUMP_WAIT:
                return None
            return self._give_up()
        for reader in self._readers:
            reader.join(timeout=0.2)
        self.close()
        if any(item.get("finished") for item in self._lines):
            return Outcome(finished=True)
        path = self._running()
        where = display_path(path) if path else None
        return Outcome(finished=False, hung=path, error=VisualsError(
            f"loading the scene modules ended the check process (exit code {self.proc.returncode})",
            file=where, fix="remove the exit, os._exit or crash from that module"))

    def wait(self) -> Outcome:
        """Block until the outcome (at start-up, before there is a show to keep playing)."""
        try:
            while True:
                outcome = self.poll()
                if outcome is not None:
                    return outcome
                time.sleep(0.02)
        finally:
            self.close()

    def _running(self) -> Path | None:
        started = [Path(item["start"]) for item in self._lines if "start" in item]
        done = {Path(item["done"]) for item in self._lines if "done" in item}
        running = [p for p in started if p not in done]
        return running[-1] if running else None

    def _give_up(self) -> Outcome:
        path = self._running()
        line = None
        self.close()
        for match in _FRAME.finditer("".join(self._errors)):     # most recent call first
            if path is not None and Path(match.group(1)) == path:
                line = int(match.group(2))
                break
        where = display_path(path) if path else None
        message = (f"scene module did not finish loading within {self.timeout:g} s" if path else
                   f"loading the scene modules did not finish within {self.timeout:g} s")
        return Outcome(finished=False, hung=path, error=VisualsError(
            message, file=where, line=line,
            fix=f"make the module return (a loop that never ends?); the limit is {TIMEOUT_ENV} seconds"))

    def close(self) -> None:
        """End the child (if it still runs) and remove the payload file this check wrote."""
        if self.proc.poll() is None:
            self.proc.kill()
            try:
                self.proc.wait(timeout=0.2)        # SIGKILL: at once, unless the machine is swamped
            except subprocess.TimeoutExpired:
                pass                               # reaped by the next poll() or at exit
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        self._payload.unlink(missing_ok=True)


def checked_registry(search: SearchPath, show_name: str, timeout: float) -> tuple[Registry, object]:
    """At start-up: check the modules in a child, then load them here; a module that hangs is
    blocked (a one-line error when the show needs it).  Returns (registry, show)."""
    unreadable: dict[Path, VisualsError] = {}
    sources = read_sources(search, unreadable)
    blocked: dict[Path, VisualsError] = dict(unreadable)
    for _ in range(MAX_ROUNDS):
        outcome = Probe(search, show_name, sources, timeout, dict(blocked)).wait()
        if outcome.finished:
            break
        if outcome.hung is None or outcome.hung in blocked:
            raise outcome.error
        blocked[outcome.hung] = outcome.error
    else:
        raise next(reversed(blocked.values()))
    registry = Registry(search, sources=sources, blocked=blocked)
    show = load(registry, show_name)
    return registry, show


def checked_user_registry(search: SearchPath, timeout: float) -> Registry:
    """For the commands (render, still, sheet, list, osc): the user's own modules on the search
    path are first imported all together in one child with the time limit, so that a module that
    never returns is one error (file and line, exit 2) rather than a command that hangs.  The
    built-in scenes are the package's own code and are not checked (no child at all when the
    search path holds no module of the user's: the commands start as fast as before).  The
    registry returned loads the user's modules from the very text the child ran."""
    trusted = (builtin_dir("scenes").resolve(),)
    unreadable: dict[Path, VisualsError] = {}
    sources = read_sources(search, unreadable, skip=trusted)
    if not sources:
        return Registry(search, sources={}, blocked=unreadable, trusted=trusted)
    outcome = Probe(search, None, sources, timeout, dict(unreadable)).wait()
    if not outcome.finished:
        raise outcome.error
    return Registry(search, sources=sources, blocked=unreadable, trusted=trusted)


# -- the child ---------------------------------------------------------------------------
class _Traced(Registry):
    def _load(self, path: Path) -> None:
        path = path.resolve()
        if path in self._loaded or path in self.blocked or (self.sources is not None and path not in self.sources):
            return super()._load(path)
        _say({"start": str(path)})
        super()._load(path)
        _say({"done": str(path)})


def _say(item: dict) -> None:
    sys.__stdout__.write(json.dumps(item) + "\n")
    sys.__stdout__.flush()


def _end_with_parent(limit: float) -> None:
    def watch_stdin() -> None:
        try:
            sys.stdin.buffer.read()
        except (OSError, ValueError):
            pass
        os._exit(3)

    def watch_clock() -> None:
        time.sleep(limit)
        os._exit(4)
    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=watch_clock, daemon=True).start()


def main(argv: list[str]) -> int:
    import faulthandler
    payload = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    try:
        os.nice(10)                       # a module spinning here must not take the show's CPU
    except OSError:
        pass
    _end_with_parent(float(payload["timeout"]) + 5.0)
    faulthandler.register(signal.SIGUSR1, file=sys.stderr, all_threads=True)
    search = SearchPath(tuple(Path(p) for p in payload["shader_dirs"]), tuple(Path(p) for p in payload["scene_dirs"]))
    sources = {Path(p): text for p, text in payload["sources"].items()}
    blocked = {Path(p): VisualsError("blocked") for p in payload["blocked"]}
    sys.stdout = sys.stderr               # a module's print() must not mix with the reports
    try:
        load(_Traced(search, sources=sources, blocked=blocked), payload["show"])
    except Exception:
        pass                              # the show reports it, with the same words, when it loads
    _say({"finished": True})
    os._exit(0)                           # threads a module started do not keep the check alive


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
