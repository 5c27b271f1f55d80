"""Where shaders, scenes and shows are found.

The built-in `shaders/` and `scenes/` folders travel inside the wheel (as `visuals/_data/...`)
so a plain `pip install .` works; in a source checkout they are the folders at the top of the
repository.  A user's own folders come first on the search path, from the `--path` option
and the `VISUALS_PATH` environment variable (os.pathsep separated).  Each entry may be a
folder holding `shaders/` and/or `scenes/`, or a folder of shaders or scene modules itself.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ENV_VAR = "VISUALS_PATH"
GLSL_SUFFIXES = (".frag", ".glsl", ".fs")         # a fragment shader (.fs: ISF's), played by path
SHADER_SUFFIXES = GLSL_SUFFIXES + (".json",)      # .json: a Shadertoy export
_PACKAGE_DIR = Path(__file__).resolve().parents[1]   # the `visuals` package


def builtin_dir(kind: str) -> Path:
    """The built-in `shaders` or `scenes` folder, installed or in the source checkout."""
    installed = _PACKAGE_DIR / "_data" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / kind


@dataclass(frozen=True)
class SearchPath:
    """Ordered folders to look in: the user's first, the built-ins last."""

    shader_dirs: tuple[Path, ...] = field(default_factory=tuple)
    scene_dirs: tuple[Path, ...] = field(default_factory=tuple)

    @classmethod
    def build(cls, extra: list[str | os.PathLike] | None = None,
              environ: dict[str, str] | None = None) -> "SearchPath":
        environ = os.environ if environ is None else environ
        entries: list[Path] = [Path(p) for p in (extra or [])]
        entries += [Path(p) for p in environ.get(ENV_VAR, "").split(os.pathsep) if p]
        shaders: list[Path] = []
        scenes: list[Path] = []
        for entry in entries:
            entry = entry.expanduser().resolve()
            has_sub = False
            if (entry / "shaders").is_dir():
                shaders.append(entry / "shaders")
                has_sub = True
            if (entry / "scenes").is_dir():
                scenes.append(entry / "scenes")
                # Shaders kept beside their scene modules are found too.
                shaders.append(entry / "scenes")
                has_sub = True
            if not has_sub:
                # A bare folder serves as both: scene modules and the shaders beside them.
                shaders.append(entry)
                scenes.append(entry)
        shaders.append(builtin_dir("shaders"))
        scenes.append(builtin_dir("scenes"))
        return cls(tuple(_unique(shaders)), tuple(_unique(scenes)))

    def find_shader(self, name: str | os.PathLike, relative_to: Path | None = None) -> Path | None:
        """Resolve a shader reference: absolute, next to the including file, then the path."""
        name = Path(name)
        if name.is_absolute():
            return name if name.is_file() else None
        candidates = []
        if relative_to is not None:
            candidates.append(relative_to / name)
        candidates += [d / name for d in self.shader_dirs]
        for c in candidates:
            if c.is_file():
                return c.resolve()
        return None


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for p in paths:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def display_path(path: str | os.PathLike) -> str:
    """A path as a user would want to read it: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def modified_time(path: str | os.PathLike) -> float:
    """A file's modification time, or -1 when it cannot be read (gone, renamed mid-save):
    the stamp that hot reload and the caches compare, so a missing file reads as changed
    rather than failing the frame."""
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0
