"""Hot reload for the live window: shaders and scene/show modules, never a black frame.

Shaders: the program cache recompiles what changed on disk and keeps the last good program
when a save does not compile.  Modules: when a scene or show module changes, a fresh
registry loads the show again; if that raises, the show that was playing keeps playing.
Either way the error (file, line, message) stays on the HUD until a save fixes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import VisualsError
from .gpu import ProgramCache
from .paths import SearchPath
from .registry import Registry
from .show import Show


@dataclass
class ReloadResult:
    shaders: list[Path] = field(default_factory=list)
    show: tuple[Registry, Show] | None = None


class Reloader:
    def __init__(self, search: SearchPath, show_name: str, registry: Registry, programs: ProgramCache):
        self.search = search
        self.show_name = show_name
        self.programs = programs
        self.module_error: VisualsError | None = None
        self._watch(registry)

    def _watch(self, registry: Registry) -> None:
        self.files = registry.loaded_files()
        self.stamps = {f: _mtime(f) for f in self.files}

    def modules_changed(self) -> bool:
        return any(_mtime(f) != stamp for f, stamp in self.stamps.items())

    def check(self, force: bool = False) -> ReloadResult:
        result = ReloadResult(shaders=self.programs.reload_changed())
        if force or self.modules_changed():
            registry = Registry(self.search)
            try:
                show = registry.show(self.show_name)
                for cue in show.cues:            # load every scene now, so errors surface here
                    registry.scene(cue.scene)
            except VisualsError as err:
                self.module_error = err
                self.stamps = {f: _mtime(f) for f in self.files}   # wait for the next save
                return result
            self.module_error = None
            self._watch(registry)
            result.show = (registry, show)
        return result

    def errors(self) -> list[VisualsError]:
        errs = list(self.programs.errors.values())
        if self.module_error is not None:
            errs.append(self.module_error)
        return errs


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0
