"""Where foreign shaders are found, and how the registry, cues and the command line see them.

ISF files (``*.fs``, with their ``.vs``) in any folder of the search path, or its ``isf/``
subfolder, are scenes (generators), post effects (filters) and transitions, named by their
file name without the suffix (``"Multi Pass Gaussian Blur"``); Shadertoy folders there (see
``shadertoy``) are scenes named by the folder.  A scene or module of the same
name defined in Python wins.  A file given by path plays alone: a generator or Shadertoy
shader as a one-scene show, a filter over the ``test_card``, a transition from that card to its
upside-down variant.  Parsed files are cached by path and modification time.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from visuals.errors import VisualsError
from visuals.load.paths import GLSL_SUFFIXES, SearchPath, display_path, modified_time
from .isf_header import looks_like_isf

ISF_SUFFIX = ".fs"
TEST_CARD = "test_card"               # what a filter or transition played alone works on
_loaded: dict[tuple, Any] = {}       # (path, mtimes) -> scene, transition or VisualsError
_by_path_transitions: dict[str, Path] = {}   # transitions played by path (not on the search path)
_lookups: dict[tuple, Any] = {}


def _folders(search: SearchPath) -> list[Path]:
    out: list[Path] = []
    for folder in (*search.scene_dirs, *search.shader_dirs):
        for f in (folder, folder / "isf"):
            if f.is_dir() and f not in out:
                out.append(f)
    return out


def isf_files(search: SearchPath) -> list[Path]:
    """Every ISF file on the search path (a .fs file opening with a JSON comment)."""
    found = []
    for folder in _folders(search):
        for p in sorted(folder.glob(f"*{ISF_SUFFIX}")):
            try:
                with p.open("rb") as fh:
                    head = fh.read(2048).decode("utf-8-sig", errors="replace")
            except OSError:
                continue
            if looks_like_isf(head):
                found.append(p.resolve())
    return found


def load_file(path: Path):
    """An ISF file as a scene or transition (cached); raises its VisualsError."""
    from .isf import load_isf
    path = Path(path).resolve()
    key = (path, modified_time(path), modified_time(path.with_suffix(".vs")))
    hit = _loaded.get(key)
    if hit is None:
        try:
            hit = load_isf(path)
        except VisualsError as err:
            hit = err
        _loaded[key] = hit
    if isinstance(hit, VisualsError):
        raise hit
    return hit


def shadertoy_folders(search: SearchPath) -> list[Path]:
    """Shadertoy folders (holding image.glsl) inside the search path's folders."""
    from .shadertoy import is_shadertoy
    return [sub.resolve() for folder in _folders(search) for sub in sorted(folder.iterdir())
            if sub.is_dir() and is_shadertoy(sub)]


def add_foreign_scenes(registry) -> None:
    """Put the search path's ISF generators and filters, and its Shadertoy folders, into
    the registry (once)."""
    from .isf import IsfTransition
    from .shadertoy import load_shadertoy
    if getattr(registry, "_foreign_added", False):
        return
    registry._foreign_added = True
    watched = getattr(registry, "_loaded", None)
    for path in isf_files(registry.search):
        if isinstance(watched, set):
            # Watched like scene modules (Registry.loaded_files): a saved header, with inputs
            # added or removed, rebuilds the registry on a live reload.
            watched.add(path)
        try:
            item = load_file(path)
        except VisualsError as err:
            registry.failures[path] = err
            continue
        if not isinstance(item, IsfTransition):
            registry.scenes.setdefault(item.name, item)
    for folder in shadertoy_folders(registry.search):
        try:
            registry.scenes.setdefault(folder.name, load_shadertoy(folder))
        except VisualsError as err:
            registry.failures[folder] = err


def foreign_transitions(search: SearchPath) -> dict[str, Path]:
    from .isf import IsfTransition
    out: dict[str, Path] = {}
    for path in isf_files(search):
        try:
            item = load_file(path)
        except VisualsError:
            continue
        if isinstance(item, IsfTransition):
            out.setdefault(item.name, path)
    for name, path in _by_path_transitions.items():
        out.setdefault(name, path)
    return out


def transition_program(name: str, search: SearchPath):
    """The program of ISF transition ``name``, or None when it is not one (cached per name;
    a built-in ``transitions/NAME.frag`` wins)."""
    key = (name, search)
    if key not in _lookups:
        if any((d / "transitions" / f"{name}.frag").is_file() for d in search.shader_dirs):
            _lookups[key] = None
        else:
            path = foreign_transitions(search).get(name)
            if path is None:
                return None          # (not remembered: the file may be saved later)
            _lookups[key] = load_file(path)
    item = _lookups[key]
    return None if item is None else item.shader


def foreign_show(registry, asked: str):
    """A show playing a foreign file given by path, or None when it is not a foreign shader.

    A filter's or transition's show is a show of its own (registered under the path as
    asked), so a time past its end is an error rather than the test card without the effect."""
    from visuals.model.show import Show, single_scene_show
    from visuals.model.timeline import Cue
    from .isf import IsfFilter, IsfTransition
    from .shadertoy import is_shadertoy, load_shadertoy
    path = Path(asked)
    if is_shadertoy(path):
        scene = load_shadertoy(path)
    elif path.is_file() and path.suffix in GLSL_SUFFIXES and _starts_with_header(path):
        scene = load_file(path)
    else:
        return None
    if isinstance(scene, IsfTransition):
        _by_path_transitions[scene.name] = path.resolve()
        _lookups.clear()
        card = registry.scene(TEST_CARD).name
        show = Show(scene.name, [Cue(card, 0.0, 6.0), Cue(card, 2.0, 8.0, fade_in=4.0, transition=scene.name,
                                                          params={"variant": 1})],
                    description=f"ISF transition {display_path(path)} over the test card")
        registry.shows[str(asked)] = show
        return show
    registry.scenes[scene.name] = scene
    if isinstance(scene, IsfFilter):
        card = registry.scene(TEST_CARD).name
        show = Show(scene.name, [Cue(card, 0.0, scene.duration)], post=[scene.name],
                    description=f"ISF filter {display_path(path)} over the test card")
        registry.shows[str(asked)] = show
        return show
    return single_scene_show(scene)


def _starts_with_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return looks_like_isf(fh.read(2048).decode("utf-8-sig", errors="replace"))
    except OSError:
        return False
