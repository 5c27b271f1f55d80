"""Hot reload for the live window: shaders and scene/show modules, never a black frame.

Shaders: the program cache recompiles what changed on disk and keeps the last good program
when a save does not compile.  Modules: when a scene or show module changes (or one is added
or removed), its text is read once and checked in a child process with a time limit
(``probe.py``); the show keeps playing meanwhile, since ``check`` only looks at the child and
returns.  When the child finished, the same text is loaded into a fresh registry on a worker
thread (a module that takes seconds to import costs the show no frame), and the new show
replaces the old one at the next check.  If the child hangs or ends badly, or loading raises,
the show that was playing keeps playing.  Either way the error (file, line, message) stays on
the HUD until a save fixes it.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from visuals.errors import VisualsError
from visuals.render.gpu import ProgramCache
from .paths import SearchPath, modified_time
from .probe import Probe, load, read_sources
from .registry import Registry
from visuals.model.show import Show


@dataclass
class ReloadResult:
    shaders: list[Path] = field(default_factory=list)
    show: tuple[Registry, Show] | None = None


class _Build(threading.Thread):
    """Loads checked module text into a fresh registry off the render thread."""

    def __init__(self, search: SearchPath, show_name: str, sources: dict[Path, str],
                 blocked: dict[Path, VisualsError]):
        super().__init__(name="visuals-reload", daemon=True)
        self.search, self.show_name, self.sources, self.blocked = search, show_name, sources, blocked
        self.result: tuple[Registry, Show] | None = None
        self.error: VisualsError | None = None
        self.started_at = time.monotonic()

    def run(self) -> None:
        registry = Registry(self.search, sources=self.sources, blocked=self.blocked)
        try:
            show = load(registry, self.show_name)
            self.result = (registry, show)
        except VisualsError as err:
            self.error = err
        except Exception as err:          # show validation meeting something odd in user code
            self.error = VisualsError(f"reloading the show raised {type(err).__name__}: {err}",
                                      fix="correct the scene or show module")


class Reloader:
    def __init__(self, search: SearchPath, show_name: str, registry: Registry, programs: ProgramCache,
                 timeout: float = 10.0):
        self.search = search
        self.show_name = show_name
        self.programs = programs
        self.timeout = timeout
        self.module_error: VisualsError | None = None
        self.checks = 0                       # module checks started (children run)
        self._probe: Probe | None = None
        self._build: _Build | None = None
        self._sources: dict[Path, str] = {}
        self._unreadable: dict[Path, VisualsError] = {}      # modules not UTF-8, too large or gone
        self._watch(registry)

    def _watch(self, registry: Registry) -> None:
        """Every module on the search path is watched (a show may load any of them by name)."""
        self.files = sorted(set(registry.loaded_files()) | {p.resolve() for p in Registry(self.search).module_files()})
        self.stamps = {f: modified_time(f) for f in self.files}

    def modules_changed(self) -> bool:
        current = {p.resolve() for p in Registry(self.search).module_files()}
        return current != set(self.files) or any(modified_time(f) != stamp for f, stamp in self.stamps.items())

    @property
    def busy(self) -> bool:
        """A check or a load is under way."""
        return self._probe is not None or self._build is not None

    def check(self, force: bool = False) -> ReloadResult:
        """Recompile changed shaders; start, follow or finish a module reload.  Never waits."""
        result = ReloadResult(shaders=self.programs.reload_changed())
        if not self.busy and (force or self.modules_changed()):
            self._start()
        if self._probe is not None:
            outcome = self._probe.poll()
            if outcome is not None:
                self._probe = None
                if outcome.finished:
                    self._build = _Build(self.search, self.show_name, self._sources, self._unreadable)
                    self._build.start()
                else:
                    self.module_error = outcome.error        # the last good show plays on
        if self._build is not None:
            self._finish(result)
        return result

    def _start(self) -> None:
        # stamps taken before the text is read: a save during the check starts another one
        self.files = sorted({p.resolve() for p in Registry(self.search).module_files()})
        self.stamps = {f: modified_time(f) for f in self.files}
        self._unreadable = {}
        self._sources = read_sources(self.search, self._unreadable)
        self._probe = Probe(self.search, self.show_name, self._sources, self.timeout, dict(self._unreadable))
        self.checks += 1

    def _finish(self, result: ReloadResult) -> None:
        build = self._build
        if build.is_alive():
            if time.monotonic() - build.started_at > self.timeout:
                # It finished in the check but not here (code that behaves differently the second
                # time): abandon the thread; the show plays on and the next save tries again.
                self._build = None
                self.module_error = VisualsError(
                    f"the scene modules finished loading in the check but not in the show within "
                    f"{self.timeout:g} s", fix="make the module's loading not depend on time or chance")
            return
        self._build = None
        if build.error is not None:
            self.module_error = build.error
            return
        self.module_error = None
        result.show = build.result

    def errors(self) -> list[VisualsError]:
        errs = list(self.programs.errors.values())
        if self.module_error is not None:
            errs.append(self.module_error)
        return errs

    def close(self) -> None:
        """End a check still running (at quit)."""
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.close()

