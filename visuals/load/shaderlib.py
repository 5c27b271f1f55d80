"""GLSL source files: ``#include`` with cycle detection, and errors mapped to real files.

Shaders live as files under ``shaders/`` (or a user's shader folder).  The preprocessor
inlines ``#include "file"`` (relative to the including file, then along the search path) and
``#include <file>`` (search path only), each file at most once, and records for every line of
the result the file and line it came from.  Compile errors are translated back through that
map into ``path:line: message`` for the real file the author edits.  (``#line`` directives
with source-string numbers would be the textbook way, but Mesa reports some errors with
source string 0 regardless, so the map of plain line numbers is what works everywhere.)

``#include <visuals/params>`` is generated: it declares ``uniform <type> u_<name>;`` for each
parameter of the scene being compiled, so parameters are named once, in Python.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from visuals.errors import VisualsError, brief
from .paths import SearchPath, display_path, modified_time
from .textfile import MiB, normalise_newlines, read_user_text

_INCLUDE = re.compile(r'^\s*#\s*include\s+(?:"([^"]+)"|<([^>]+)>)\s*(?://.*)?$')
_VERSION = re.compile(r'^\s*#\s*version\b')
PARAMS_INCLUDE = "visuals/params"
DEFAULT_VERSION = "#version 330 core"
SHADER_LIMIT = 4 * MiB     # the largest built-in shader is a few KiB; generated tables fit too

_GLSL_TYPES = {"float": "float", "int": "float", "bool": "float",
               "vec2": "vec2", "vec3": "vec3", "vec4": "vec4", "color": "vec4"}


@dataclass
class ShaderSource:
    """Preprocessed GLSL, the files it came from, and where each of its lines came from."""

    text: str
    files: list[Path] = field(default_factory=list)
    origins: list[tuple[int, int]] = field(default_factory=list)  # per line: (file index, line)

    def origin(self, line: int) -> tuple[Path | None, int]:
        """The real file and line of line ``line`` (1-based) of the preprocessed text."""
        if 1 <= line <= len(self.origins):
            fid, real = self.origins[line - 1]
            return self.files[fid], real
        return (self.files[0] if self.files else None), line

    def stamp(self) -> tuple[tuple[str, float], ...]:
        """Modification times of every file involved, to tell when a reload is due."""
        return tuple((str(f), modified_time(f)) for f in self.files)


def params_block(params: Sequence) -> str:
    """Uniform declarations for a scene's parameters (the generated <visuals/params>)."""
    lines = [f"uniform {_GLSL_TYPES[p.kind]} u_{p.name};" for p in params]
    return "\n".join(lines) + "\n"


class Preprocessor:
    def __init__(self, search: SearchPath, params: Sequence = ()):
        self.search = search
        self.params = params

    def load(self, path: str | os.PathLike, relative_to: Path | None = None) -> ShaderSource:
        found = self.search.find_shader(path, relative_to)
        if found is None:
            raise VisualsError(f"shader '{path}' not found",
                               fix="check the name; shaders are looked up in "
                                   + ", ".join(display_path(d) for d in self.search.shader_dirs))
        # Includes stay inside the shader folders (and the folder of the shader asked for by
        # name, which its author chose): a shader someone sent cannot read other files.
        roots = _unique_resolved([*self.search.shader_dirs, found.parent])
        files: list[Path] = [found]
        out: list[str] = []
        origins: list[tuple[int, int]] = []
        included: set[Path] = {found}
        lines = source_lines(self._read(found, None, 0))
        version_at = next((i for i, ln in enumerate(lines) if _VERSION.match(ln)), None)
        if version_at is None:
            out.append(DEFAULT_VERSION)
            origins.append((0, 1))
            body, first_line = lines, 1
        else:
            # GLSL wants #version first: anything above it (comments) is dropped.
            out.append(lines[version_at].strip())
            origins.append((0, version_at + 1))
            body, first_line = lines[version_at + 1:], version_at + 2
        self._expand(found, body, first_line, 0, files, included, [found], out, origins, roots)
        return ShaderSource("\n".join(out) + "\n", files, origins)

    def _read(self, path: Path, parent: Path | None, line: int) -> str:
        """A shader's text; a bad byte is reported in the file itself, a file that cannot be
        read at the #include that names it."""
        try:
            return read_user_text(path, "shader", limit=SHADER_LIMIT)
        except VisualsError as err:
            if err.line is not None or parent is None:
                raise
            raise VisualsError(f"cannot read shader {display_path(path)}: {err.message}",
                               file=display_path(parent), line=line or None, fix=err.fix) from None

    def _include_target(self, name: str, path: Path, lineno: int, quoted: bool,
                        roots: list[Path]) -> Path | None:
        """The file an include names, looked for only inside ``roots`` (after following
        symlinks); None when it is nowhere; an error when it names a place outside them."""
        candidates = ([path.parent / name] if quoted else []) + [d / name for d in self.search.shader_dirs]
        escapes = False
        for candidate in candidates:
            try:
                real = candidate.resolve()
                inside = any(real.is_relative_to(root) for root in roots)
                if inside and real.is_file():
                    return real
            except (OSError, RuntimeError, ValueError):   # a symlink loop; a name too long or with a NUL
                continue
            escapes = escapes or not inside
        if escapes:
            raise VisualsError(f"#include \"{brief(name, 200)}\" is outside the shader folders",
                               file=display_path(path), line=lineno,
                               fix="includes resolve only inside " + ", ".join(display_path(r) for r in roots)
                                   + "; copy the file into one of them or add its folder with --path")
        return None

    def _expand(self, path: Path, lines: list[str], first_line: int, file_id: int,
                files: list[Path], included: set[Path], stack: list[Path], out: list[str],
                origins: list[tuple[int, int]], roots: list[Path]) -> None:
        for offset, line in enumerate(lines):
            lineno = first_line + offset
            m = _INCLUDE.match(line)
            if not m:
                out.append("" if _VERSION.match(line) else line)
                origins.append((file_id, lineno))
                continue
            name = m.group(1) or m.group(2)
            if name == PARAMS_INCLUDE:
                out.append(params_block(self.params).rstrip("\n").replace("\n", " "))
                origins.append((file_id, lineno))
                continue
            target = self._include_target(name, path, lineno, bool(m.group(1)), roots)
            if target is None:
                raise VisualsError(f"#include \"{brief(name, 200)}\" not found", file=display_path(path), line=lineno,
                                   fix="check the name; includes resolve next to the file, then in "
                                       + ", ".join(display_path(d) for d in self.search.shader_dirs))
            if target in stack:
                chain = " -> ".join(display_path(p) for p in stack[stack.index(target):] + [target])
                raise VisualsError(f"#include cycle: {chain}", file=display_path(path), line=lineno,
                                   fix="remove one of these includes; shared code belongs in a file "
                                       "that includes nothing that includes it back")
            if target in included:
                out.append("")  # included once already (diamond), like #pragma once
                origins.append((file_id, lineno))
                continue
            included.add(target)
            files.append(target)
            sub = source_lines(self._read(target, path, lineno))
            self._expand(target, sub, 1, len(files) - 1, files, included, stack + [target], out, origins, roots)


def source_lines(text: str) -> list[str]:
    """The lines of a shader as the GLSL compiler counts them: a BOM is already gone, CRLF
    and CR end lines like LF (an editor's line numbers), and nothing else does (unlike
    ``str.splitlines``, which also breaks at form feeds and Unicode separators)."""
    lines = normalise_newlines(text).split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _unique_resolved(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        real = p.resolve()
        if real not in out:
            out.append(real)
    return out


# Mesa: "0:12(5): error: ..."; NVIDIA: "0(12) : error C0000: ..."; others: "ERROR: 0:12: ..."
_LOG_PATTERNS = [
    re.compile(r'^(?P<file>\d+):(?P<line>\d+)\(\d+\):\s*(?P<kind>error|warning)\s*:?\s*(?P<msg>.*)$', re.I),
    re.compile(r'^(?P<file>\d+)\((?P<line>\d+)\)\s*:\s*(?P<kind>error|warning)\s*\w*:?\s*(?P<msg>.*)$', re.I),
    re.compile(r'^(?P<kind>ERROR|WARNING):\s*(?P<file>\d+):(?P<line>\d+):\s*(?P<msg>.*)$', re.I),
]


def translate_log(log: str, sources: dict[str, ShaderSource]) -> VisualsError:
    """Turn a compiler/linker log into one VisualsError naming the real file and line.

    ``sources`` maps the stage name ('vertex_shader', 'fragment_shader') to its source; the
    stage is read from moderngl's message when present, otherwise the fragment is assumed.
    """
    stage = "fragment_shader"
    for name in sources:
        if name in log or name.replace("_", " ") in log.lower():
            stage = name
            break
    source = sources.get(stage) or next(iter(sources.values()))
    errors = []
    for raw in log.splitlines():
        raw = raw.strip()
        for pat in _LOG_PATTERNS:
            m = pat.match(raw)
            if m and m.group("kind").lower() == "error":
                errors.append((int(m.group("file")), int(m.group("line")), m.group("msg").strip()))
                break
    if not errors:
        summary = " ".join(ln.strip() for ln in log.splitlines() if ln.strip())[-300:]
        main = source.files[0] if source.files else None
        return VisualsError(f"shader does not link: {summary}",
                            file=display_path(main) if main else None,
                            fix="check that main() exists and the stages' in/out variables match")
    _, line, msg = errors[0]   # the source-string number is not trusted (see module doc)
    path, real_line = source.origin(_line_at_fault(line, msg, source.text))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return VisualsError(f"shader does not compile: {msg}{more}",
                        file=display_path(path) if path else None, line=real_line,
                        fix="correct the GLSL at that line")


# -- the line a syntax error belongs to ----------------------------------------------------------
# Mesa reports a missing ';' at the token after it: "float a = 1.0" on line 4 then "c = ..."
# on line 5 is "0:5(2): error: syntax error, unexpected IDENTIFIER, expecting ',' or ';'".
_UNEXPECTED = re.compile(r"syntax error, unexpected (?P<token>'[^']+'|[A-Z_]+)(?P<rest>.*)$")
_IDENTIFIER_TOKENS = {"IDENTIFIER", "NEW_IDENTIFIER", "TYPE_IDENTIFIER", "FIELD_SELECTION", "BASIC_TYPE_TOK"}
_NUMBER_TOKENS = {"FLOATCONSTANT", "DOUBLECONSTANT", "INTCONSTANT", "UINTCONSTANT"}
_FIRST_TOKEN = re.compile(r"\s*([A-Za-z_]\w*|\d[\w.]*|\.\d[\w.]*|\S)")
_OPEN_END = re.compile(r"[\w.)\]]$")     # a line that ends an expression, not a statement


def _line_at_fault(line: int, message: str, text: str) -> int:
    """The line to blame for a compile error Mesa reports at ``line`` (of the preprocessed
    text): the previous code line when the error is a missing ';' seen at the first token of
    the next line -- the offending token starts the reported line, the parser wanted a ';',
    and the previous line (blank lines, comments and directives skipped) ends without one.
    Anything less certain keeps the reported line."""
    m = _UNEXPECTED.search(message)
    if not m or "';'" not in m.group("rest"):
        return line
    code = _code_lines(text)
    if not 1 <= line <= len(code):
        return line
    first = _FIRST_TOKEN.match(code[line - 1])
    if not first or not _token_matches(m.group("token"), first.group(1)):
        return line
    previous = line - 1
    while previous >= 1 and (not code[previous - 1].strip() or code[previous - 1].lstrip().startswith("#")):
        previous -= 1
    if previous >= 1 and _OPEN_END.search(code[previous - 1].rstrip()):
        return previous
    return line


def _token_matches(token: str, text: str) -> bool:
    """Whether Mesa's token name (IDENTIFIER, VOID_TOK, '}', FLOATCONSTANT...) fits ``text``."""
    if token.startswith("'"):
        return text == token.strip("'")
    if token in _IDENTIFIER_TOKENS:
        return text[0].isalpha() or text[0] == "_"
    if token in _NUMBER_TOKENS:
        return text[0].isdigit() or text[0] == "."
    if token == "BOOLCONSTANT":
        return text in ("true", "false")
    return text == token.removesuffix("_TOK").lower()    # keywords: RETURN, UNIFORM, VOID_TOK


def _code_lines(text: str) -> list[str]:
    """The preprocessed text's lines with comments blanked (line count unchanged)."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S).split("\n")
