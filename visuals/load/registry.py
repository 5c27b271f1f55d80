"""Finding scenes and shows by name on the search path.

Scene and show modules are Python files in the scene folders.  A module may define any number
of Scene and Show objects at top level.  Looking a name up first imports the module of that
name (``sky`` -> ``scenes/sky.py``), which keeps start-up fast and errors precise; only when
that fails are the other modules imported.  A module that raises is reported with its own
file and line, and only when the name asked for could have come from it.

A registry can be given the modules' text (``sources``, read once): it then loads that text
and only those files, so that a child process that checked the modules and the live show
that then imports them run the very same code (see ``probe.py``).  Modules named in
``blocked`` (one that never returned in the check, or whose text could not be read) are never
run; they fail with their error.  Folders in ``trusted`` (the built-in scenes shipped with the
package) are read from disk even when ``sources`` is given: the commands check only the
user's own modules in the child, since the built-in ones are the package's own code.

Module text is read through ``textfile.read_user_text``: a module saved with a UTF-8 byte-order
mark loads, bytes that are not UTF-8 are one error with their line, and a file far larger than
any scene module is refused before it is read.
"""
from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from visuals.errors import VisualsError, suggest
from .paths import SHADER_SUFFIXES, SearchPath, display_path
from visuals.model.scene import Scene
from .textfile import MiB, read_user_text
from visuals.model.show import Show, shader_scene, single_scene_show

# The largest built-in module is about 20 KiB; 4 MiB is far beyond any hand-written scene module.
MODULE_LIMIT = 4 * MiB


def read_module_text(path: Path) -> str:
    """A scene/show module's text (without a BOM), or one VisualsError naming file and line."""
    return read_user_text(path, "scene module", limit=MODULE_LIMIT,
                          fix="give the path of an existing scene module")


@dataclass
class Registry:
    search: SearchPath
    scenes: dict[str, Scene] = field(default_factory=dict)
    shows: dict[str, Show] = field(default_factory=dict)
    failures: dict[Path, VisualsError] = field(default_factory=dict)
    sources: dict[Path, str] | None = None        # resolved path -> text; None: read the files
    blocked: dict[Path, VisualsError] = field(default_factory=dict)
    trusted: tuple[Path, ...] = ()                # folders read from disk even with ``sources``
    _loaded: set[Path] = field(default_factory=set)

    def module_files(self) -> list[Path]:
        files = []
        for folder in self.search.scene_dirs:
            if folder.is_dir():
                files += sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))
        if self.sources is not None:
            files = [p for p in files if self._checked(p.resolve())]
        return files

    def _checked(self, path: Path) -> bool:
        """With ``sources``: the module was checked (or failed its check), or is trusted."""
        return path in self.sources or path in self.blocked or path.parent in self.trusted

    def _load(self, path: Path) -> None:
        path = path.resolve()
        if path in self._loaded:
            return
        self._loaded.add(path)
        if path in self.blocked:
            self.failures[path] = self.blocked[path]
            return
        if self.sources is not None and not self._checked(path):
            return
        module_name = f"visuals_scenes_{abs(hash(str(path)))}_{path.stem}"
        module = ModuleType(module_name)
        module.__file__ = str(path)
        sys.modules[module_name] = module
        try:
            # Compiled from the source text every time, never from a cached .pyc: a hot reload
            # must see a save even when it keeps the file's size and lands in the same second.
            text = self.sources[path] if self.sources is not None and path in self.sources \
                else read_module_text(path)
            code = compile(text, str(path), "exec")
            exec(code, module.__dict__)
        except VisualsError as err:
            self.failures[path] = err
            return
        except (Exception, SystemExit) as err:  # user code (sys.exit() too): report it, with its file and line
            self.failures[path] = module_error(path, err)
            return
        self._collect(module)

    def _collect(self, module: ModuleType) -> None:
        for value in vars(module).values():
            if isinstance(value, Scene):
                self.scenes.setdefault(value.name, value)
            elif isinstance(value, Show):
                self.shows.setdefault(value.name, value)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, Scene):
                        self.scenes.setdefault(item.name, item)
                    elif isinstance(item, Show):
                        self.shows.setdefault(item.name, item)

    def loaded_files(self) -> list[Path]:
        """Every scene/show module imported so far (watched for hot reload)."""
        return sorted(self._loaded)

    def load_modules(self) -> None:
        """Import every scene/show module (the Python ones: what the time-limited check runs)."""
        for path in self.module_files():
            self._load(path)

    def load_all(self) -> None:
        self.load_modules()
        from visuals.foreign.catalog import add_foreign_scenes
        add_foreign_scenes(self)        # ISF files on the search path (after modules: theirs win)

    def _load_named(self, name: str) -> None:
        for folder in self.search.scene_dirs:
            candidate = folder / f"{name}.py"
            if candidate.is_file():
                self._load(candidate)

    def scene(self, name: str) -> Scene:
        if name not in self.scenes:
            self._load_named(name)
        if name not in self.scenes:
            self.load_all()
        if name not in self.scenes:
            raise self._missing("scene", name, list(self.scenes))
        return self.scenes[name]

    def has_scene(self, name: str) -> bool:
        try:
            self.scene(name)
            return True
        except VisualsError:
            return False

    def show(self, name: str) -> Show:
        """A show by name, a scene by name as a one-scene show, or a fragment shader path."""
        if name.endswith(SHADER_SUFFIXES) or "/" in name:
            return self._shader_show(name)
        if name not in self.shows and name not in self.scenes:
            self._load_named(name)
        if name not in self.shows and name not in self.scenes:
            self.load_all()
        if name in self.shows:
            show = self.shows[name]
        elif name in self.scenes:
            from visuals.model.post import PostEffect
            if isinstance(self.scenes[name], PostEffect):
                raise VisualsError(f"'{name}' is a post effect: it changes an image and has none of its own",
                                   fix=f"apply it in a show: Show(..., post=['{name}']) or "
                                       f"Cue(..., post=['{name}'])")
            show = single_scene_show(self.scenes[name])
        else:
            raise self._missing("show or scene", name, list(self.shows) + list(self.scenes))
        self.validate(show)
        return show

    def show_named(self, name: object) -> Show:
        """A show or scene by its plain name only, for every name that comes from a control (OSC,
        MIDI mappings, set files): a control message is data, so it may never make visuals
        compile or import a file of its choosing.  The user's own command line uses ``show``."""
        from .names import NAME_FIX, is_plain_name
        if not is_plain_name(name):
            shown = repr(name) if not isinstance(name, str) else f"'{name[:60]}{'...' if len(name) > 60 else ''}'"
            raise VisualsError(f"{shown} is not the name of a show or scene", fix=NAME_FIX)
        return self.show(name)

    def validate(self, show: Show) -> None:
        from visuals.model.post import post_chain
        for name, _ in post_chain(show.post):
            self.has_scene(name)        # post effects are scenes too: load them by name
        for address in show.timeline.tracks:
            if "." in address:
                self.has_scene(address.partition(".")[0])
        for cue in show.cues:
            self.has_scene(cue.scene)   # loads it if it exists; show.validate reports if not
            for name, _ in post_chain(cue.post):
                self.has_scene(name)
            scene = self.scenes.get(cue.scene)
            for slot, name in cue.bind.items():
                if scene is not None and slot not in scene.bindings:
                    raise cue.error(f"scene '{cue.scene}' has no binding '{slot}'",
                                    suggest(slot, scene.bindings))
                if not self.has_scene(name):
                    raise cue.error(f"cue binds scene '{name}', which does not exist",
                                    suggest(name, self.scenes))
        from .transitions import known_transitions
        show.validate(self.scenes, known_transitions(self.search))

    def _shader_show(self, path: str) -> Show:
        p = Path(path)
        from visuals.foreign.catalog import foreign_show
        foreign = foreign_show(self, path)  # an ISF or Shadertoy file (or Shadertoy folder)
        if foreign is not None:
            return foreign
        if not p.is_file():
            raise VisualsError(f"shader file '{path}' not found",
                               fix="give the path of an existing fragment shader, or a show name "
                                   "from 'visuals list'")
        scene = shader_scene(str(p))
        self.scenes[scene.name] = scene
        return single_scene_show(scene)

    def _missing(self, kind: str, name: str, known: list[str]) -> VisualsError:
        if self.failures:
            # A module that failed to load may have been the one defining this name.
            for path, err in self.failures.items():
                if path.stem == name:
                    return err
        hint = suggest(name, known)
        broken = ""
        if self.failures:
            broken = "; these modules failed to load: " + ", ".join(
                f"{display_path(p)} ({e.message})" for p, e in self.failures.items())
        return VisualsError(f"no {kind} named '{name}'{broken}",
                            fix=f"{hint}; 'visuals list' shows them all")


def module_error(path: Path, err: BaseException) -> VisualsError:
    """A scene module raised: point at the deepest line of that module in the traceback."""
    line = None
    for frame in traceback.extract_tb(err.__traceback__):
        if Path(frame.filename).resolve() == path:
            line = frame.lineno
    if isinstance(err, SyntaxError) and err.lineno and Path(err.filename or "").resolve() == path:
        line = err.lineno
    return VisualsError(f"scene module raised {type(err).__name__}: {err}",
                        file=display_path(path), line=line,
                        fix="correct the Python at that line")
