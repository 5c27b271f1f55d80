"""Programs assembled from a foreign file and this project's prelude shaders.

An ISF or Shadertoy file is compiled as it is written, between shader files of ours (the
automatic uniforms, image functions, an entry point) and a few generated declarations (one
uniform per ISF input).  The result is a :class:`~visuals.load.shaderlib.ShaderSource` whose line
map points every line back where it came from, so a compile error in the user's code names
the user's file and line, never the assembled text.

The user's lines are kept one for one; only GLSL 1.x spellings that the 3.3 core profile
dropped (``gl_FragColor``, ``texture2D``, ``varying``) and the names of ISF inputs (which
become this engine's ``u_<name>`` uniforms) are rewritten within them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from visuals.load.shaderlib import Preprocessor, ShaderSource

_VERSION = re.compile(r"^\s*#\s*version\b")

# GLSL 1.x names the 3.3 core profile no longer has, per stage.
_COMMON_RENAMES = [(re.compile(r"\btexture2DRect\b"), "texture"), (re.compile(r"\btexture2DLod\b"), "textureLod"),
                   (re.compile(r"\btexture2DProj\b"), "textureProj"), (re.compile(r"\btexture2D\b"), "texture"),
                   (re.compile(r"\bsampler2DRect\b"), "sampler2D")]
_FRAG_RENAMES = [(re.compile(r"\bgl_FragData\s*\[\s*0\s*\]"), "isf_FragColor"),
                 (re.compile(r"\bgl_FragColor\b"), "isf_FragColor"), (re.compile(r"\bvarying\b"), "in")]
_VERT_RENAMES = [(re.compile(r"\bvarying\b"), "out"), (re.compile(r"\battribute\b"), "in")]
# Words GLSL 4.x made keywords that 3.30 (and GLSL ES, Shadertoy's dialect) leave free: a
# variable called 'sample' is common.  Renamed in the user's lines when compiling as 4.10.
_NEW_KEYWORDS = re.compile(r"(?<![\w.])(sample|patch|subroutine|precise)\b")


def read_text(path: Path, what: str = "shader") -> str:
    """A user's file as text: UTF-8 with or without a byte-order mark, any line endings.
    Shaders shared for years carry Latin-1 bytes in their comments and credits (a copyright
    sign): a file that is not UTF-8 is read as Windows-1252 rather than refused."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise VisualsError(f"cannot read {what} {display_path(path)}: {err.strerror or err}",
                           file=display_path(path), fix="check the file exists and is readable") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def rename_identifiers(text: str, names: dict[str, str]) -> str:
    """Rename whole identifiers (not after a '.', so swizzles and struct fields stay)."""
    if not names:
        return text
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")\b")
    return pattern.sub(lambda m: names[m.group(1)], text)


def stage_renames(text: str, stage: str) -> str:
    for pattern, new in _COMMON_RENAMES + (_FRAG_RENAMES if stage == "fragment" else _VERT_RENAMES):
        text = pattern.sub(new, text)
    return text


@dataclass
class Piece:
    """One run of lines in an assembled program: a shader file of ours, generated
    declarations (pointing at ``origin`` lines of the user's file), or the user's own lines."""

    shader: str | None = None                     # a file under shaders/, loaded with #include
    lines: list[str] = field(default_factory=list)
    path: Path | None = None                      # the file the lines are reported in
    first_line: int = 1
    origins: list[int] | None = None              # per line, when not first_line + i


def assemble(pre: Preprocessor, pieces: list[Piece], main: Path, version: str = "#version 330 core") -> ShaderSource:
    """Join the pieces under one ``#version`` line with a map from every line to its origin;
    ``main`` (the user's file) comes first in the file list, so a link error names it."""
    files: list[Path] = [main]
    out: list[str] = []
    origins: list[tuple[int, int]] = []

    def file_id(path: Path) -> int:
        if path not in files:
            files.append(path)
        return files.index(path)

    for piece in pieces:
        if piece.shader is not None:
            src = pre.load(piece.shader)
            lines = src.text.splitlines()
            if not out:
                out.append(version)
                origins.append((0, 1))
            for i in range(1, len(lines)):        # (line 1 is the file's #version: ours replaces it)
                path, line = src.origin(i + 1)
                out.append(lines[i])
                origins.append((file_id(path) if path else 0, line))
            continue
        fid = file_id(piece.path or main)
        for i, line in enumerate(piece.lines):
            if version != "#version 330 core":
                line = _NEW_KEYWORDS.sub(r"isf_\1", line)
            out.append("" if _VERSION.match(line) else line)
            origins.append((fid, piece.origins[i] if piece.origins else piece.first_line + i))
    return ShaderSource("\n".join(out) + "\n", files, origins)


@dataclass(frozen=True)
class ForeignShader:
    """A program stage built from a foreign file: the program cache compiles it through
    ``build_source`` instead of loading a file, and keys it by ``key``.  It reads as the
    user's file (``os.fspath``), so reloads and errors follow that file."""

    path: str
    key: str
    build: Callable[[Preprocessor, str], ShaderSource] = field(compare=False, hash=False, repr=False)
    defaults: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)
    vertex: "ForeignShader | None" = field(default=None, compare=False, hash=False, repr=False)
    # A transition with several passes runs them as this scene (see foreign/transition.py).
    scene: Any = field(default=None, compare=False, hash=False, repr=False)

    def __fspath__(self) -> str:
        return self.path

    def __str__(self) -> str:
        return f"{self.path}#{self.key}"

    def build_source(self, pre: Preprocessor, gl_version: int = 330) -> ShaderSource:
        """The assembled stage, under the newest GLSL version the context offers up to 4.10:
        ISF and Shadertoy code is written against such drivers (an int compared with a uint
        needs 4.00), and nothing in it changes meaning between 3.30 and 4.10."""
        return self.build(pre, glsl_version(gl_version))


def glsl_version(gl_version: int) -> str:
    return "#version 410 core" if gl_version >= 410 else "#version 330 core"
