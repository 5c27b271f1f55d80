"""Which show a command plays: the registry (user modules checked under a time limit), the
default show when none is named, and a show long enough for the time asked."""
from __future__ import annotations

from visuals.errors import VisualsError

DEFAULT_SHOWS = ("dream", "demo")   # the first that exists plays when no show is named


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
