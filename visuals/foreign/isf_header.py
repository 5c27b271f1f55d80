"""The JSON header of an ISF file, parsed as data and checked before anything is allocated.

An ISF file opens with a ``/*{ ... }*/`` comment holding JSON: its ``INPUTS`` (parameters,
images, audio), ``PASSES`` (buffers with sizes and persistence), ``IMPORTED`` images and, in
ISF 1.0 files, ``PERSISTENT_BUFFERS``.  Headers come from anywhere, so every count, length,
nesting depth and size is bounded here and a header outside the bounds is refused with one
line naming the file and line, never an exception from deep inside or an out-of-memory.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visuals.errors import VisualsError
from visuals.load.paths import display_path
from . import expr

MAX_HEADER = 256 * 1024          # characters of JSON
MAX_DEPTH = 12                   # nesting of JSON containers
MAX_INPUTS = 128
MAX_PASSES = 32
MAX_VALUES = 1024                # entries of a long's VALUES / LABELS
MAX_IMPORTED = 32
MAX_AUDIO = 8192                 # samples or bins of an audio input
MAX_SIDE = 8192                  # a buffer's side at the reference size
MAX_BUFFER_PIXELS = 16 * 1920 * 1080   # all buffers together at the reference size
REFERENCE_SIZE = (1920, 1080)    # where buffer sizes are checked when the file loads

INPUT_TYPES = ("event", "bool", "long", "float", "point2D", "color", "image", "audio", "audioFFT")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_RESERVED = {"TIME", "TIMEDELTA", "FRAMEINDEX", "DATE", "RENDERSIZE", "PASSINDEX", "main", "isf_FragNormCoord"}


@dataclass
class IsfInput:
    name: str
    type: str
    default: Any = None
    lo: Any = None
    hi: Any = None
    values: tuple = ()
    labels: tuple = ()
    label: str = ""
    max: int | None = None       # audio inputs: samples / bins wanted
    line: int = 1                # the header line that names it


@dataclass
class IsfPass:
    target: str | None
    persistent: bool = False
    float: bool = False
    width: expr.SizeExpr | None = None
    height: expr.SizeExpr | None = None


@dataclass
class IsfHeader:
    path: Path
    inputs: list[IsfInput]
    passes: list[IsfPass]
    imported: dict[str, Path]
    description: str = ""
    version: str = "2"
    header_lines: tuple[int, int] = (1, 1)       # first and last line of the JSON comment
    raw: dict = field(default_factory=dict, repr=False)

    def input(self, name: str) -> IsfInput | None:
        return next((i for i in self.inputs if i.name == name), None)

    @property
    def kind(self) -> str:
        """'transition' (startImage, endImage, progress), 'filter' (inputImage) or 'generator'."""
        names = {i.name: i.type for i in self.inputs}
        if names.get("startImage") == "image" and names.get("endImage") == "image" and "progress" in names:
            return "transition"
        if names.get("inputImage") == "image":
            return "filter"
        return "generator"


def _flag(value: Any) -> bool:
    """true, 1, "true" and "1" are true (headers in the wild write all four)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _fail(path: Path, message: str, line: int | None, fix: str) -> VisualsError:
    return VisualsError(f"ISF header: {message}", file=display_path(path), line=line, fix=fix)


def split_header(text: str, path: Path) -> tuple[str, int, int]:
    """The JSON text of the header comment, and the file lines where it starts and ends."""
    m = _OPENING.match(text)
    if not m:
        raise _fail(path, "the file does not start with a /*{ ... }*/ JSON comment", 1,
                    "an ISF file opens with its JSON header in a comment; a plain shader belongs in a .frag")
    start = m.end() - 2
    end = text.find("*/", start + 2)
    first_line = text.count("\n", 0, start) + 1
    if end < 0:
        raise _fail(path, "the header comment is never closed", first_line, "close it with */")
    body = text[start + 2:end]
    if len(body) > MAX_HEADER:
        raise _fail(path, f"the header is {len(body)} characters (at most {MAX_HEADER})", first_line,
                    "shorten the header")
    return body, first_line, text.count("\n", 0, end) + 1


def _depth_ok(body: str) -> bool:
    """Bracket depth outside strings, checked before json.loads (which would recurse)."""
    depth, in_string, escaped = 0, False, False
    for ch in body:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


# The header: the first thing in the file but blank lines and // comments (a licence line).
_OPENING = re.compile(r"(?:[ \t]*(?://[^\n]*)?\n)*\s*/\*(?=\s*\{)")


def looks_like_isf(text: str) -> bool:
    """Cheap test for scanning folders: a leading comment holding a JSON object."""
    return bool(_OPENING.match(text))


def parse_header(path: Path, text: str) -> IsfHeader:
    body, first_line, last_line = split_header(text, path)
    if not _depth_ok(body):
        raise _fail(path, f"the JSON is nested more than {MAX_DEPTH} levels deep", first_line,
                    "ISF headers need only a few levels")
    try:
        raw = json.loads(body)
    except json.JSONDecodeError as err:
        raise _fail(path, f"invalid JSON: {err.msg}", first_line + err.lineno - 1,
                    "correct the JSON (quotes around names, commas between items, no trailing comma)") from None
    except RecursionError:  # pragma: no cover - _depth_ok prevents it
        raise _fail(path, "the JSON is nested too deeply", first_line, "flatten the header") from None
    if not isinstance(raw, dict):
        raise _fail(path, "the header is not a JSON object", first_line, "write the header as { ... }")
    lines = body.split("\n")

    def line_of(name: str) -> int:
        needle = f'"{name}"'
        for i, ln in enumerate(lines):
            if needle in ln:
                return first_line + i
        return first_line

    ctx = _Checker(path, line_of)
    inputs = ctx.inputs(raw.get("INPUTS", []))
    persistent = ctx.persistent_buffers(raw.get("PERSISTENT_BUFFERS"))
    passes = ctx.passes(raw.get("PASSES", []), persistent, {i.name: i for i in inputs})
    imported = ctx.imported(raw.get("IMPORTED"), {i.name for i in inputs} | {p.target for p in passes if p.target})
    description = raw.get("DESCRIPTION") if isinstance(raw.get("DESCRIPTION"), str) else ""
    version = str(raw.get("ISFVSN", "1" if "PERSISTENT_BUFFERS" in raw else "2"))
    return IsfHeader(path, inputs, passes, imported, description[:200], version, (first_line, last_line), raw)


class _Checker:
    def __init__(self, path: Path, line_of):
        self.path, self.line_of = path, line_of

    def fail(self, message: str, name: str | None = None, fix: str = "correct the header") -> VisualsError:
        return _fail(self.path, message, self.line_of(name) if name else None, fix)

    def number(self, value: Any, what: str, name: str) -> float:
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, (int, float)) and math.isfinite(value):
            return float(value)
        raise self.fail(f"{what} of input '{name}' is {json.dumps(value)[:40]}, not a number", name,
                        "give a finite number")

    def vector(self, value: Any, n: tuple[int, ...], what: str, name: str) -> tuple[float, ...]:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and what in ("MIN", "MAX"):
            value = [value] * n[0]            # a point's bound written as one number: both axes
        if not isinstance(value, list) or len(value) not in n:
            raise self.fail(f"{what} of input '{name}' should be a list of {' or '.join(map(str, n))} numbers",
                            name, "write it as [x, y] (or [r, g, b, a] for a colour)")
        return tuple(self.number(v, what, name) for v in value)

    def inputs(self, items: Any) -> list[IsfInput]:
        if not isinstance(items, list):
            raise self.fail("INPUTS is not a list", "INPUTS", "write INPUTS as [ {...}, ... ]")
        if len(items) > MAX_INPUTS:
            raise self.fail(f"{len(items)} INPUTS (at most {MAX_INPUTS})", "INPUTS", "remove inputs")
        out: list[IsfInput] = []
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, dict):
                raise self.fail("an entry of INPUTS is not an object", "INPUTS", "write each input as {\"NAME\": ...}")
            name = item.get("NAME")
            if not isinstance(name, str) or not _IDENT.match(name) or name in _RESERVED:
                raise self.fail(f"input NAME {json.dumps(name)[:40]} is not a usable GLSL name", "NAME",
                                "use letters, digits and underscores (at most 64), not an ISF built-in name")
            if name in seen:
                raise self.fail(f"input '{name}' is declared twice", name, "give each input its own NAME")
            seen.add(name)
            kind = item.get("TYPE")
            if kind not in INPUT_TYPES:
                raise self.fail(f"input '{name}' has TYPE {json.dumps(kind)[:40]}", name,
                                f"use one of {', '.join(INPUT_TYPES)}")
            out.append(self.one_input(name, kind, item))
        return out

    def one_input(self, name: str, kind: str, item: dict) -> IsfInput:
        inp = IsfInput(name, kind, line=self.line_of(name))
        label = item.get("LABEL")
        inp.label = label[:80] if isinstance(label, str) else ""
        if kind in ("float", "long"):
            inp.lo = self.number(item["MIN"], "MIN", name) if "MIN" in item else None
            inp.hi = self.number(item["MAX"], "MAX", name) if "MAX" in item else None
        if kind == "long":
            for key in ("VALUES", "LABELS"):
                seq = item.get(key, [])
                if not isinstance(seq, list) or len(seq) > MAX_VALUES:
                    raise self.fail(f"{key} of input '{name}' is not a list of at most {MAX_VALUES}", name,
                                    "list the choices")
            inp.values = tuple(int(self.number(v, "a VALUE", name)) for v in item.get("VALUES", []))
            inp.labels = tuple(str(v)[:40] for v in item.get("LABELS", []))
            if inp.values:
                inp.lo, inp.hi = float(min(inp.values)), float(max(inp.values))
        if kind in ("point2D",):
            inp.lo = min(self.vector(item["MIN"], (2,), "MIN", name)) if "MIN" in item else None
            inp.hi = max(self.vector(item["MAX"], (2,), "MAX", name)) if "MAX" in item else None
        if inp.lo is not None and inp.hi is not None and inp.lo > inp.hi:
            inp.lo, inp.hi = inp.hi, inp.lo
        if kind in ("audio", "audioFFT"):
            size = self.number(item.get("MAX", 256), "MAX", name)
            if not 1 <= size <= MAX_AUDIO:
                raise self.fail(f"input '{name}' asks for {size:g} audio values (at most {MAX_AUDIO})", name,
                                f"give MAX from 1 to {MAX_AUDIO}")
            inp.max = int(size)
        if "DEFAULT" in item and kind not in ("image", "audio", "audioFFT"):
            value = item["DEFAULT"]
            if kind == "color":
                inp.default = self.vector(value, (3, 4), "DEFAULT", name)
            elif kind == "point2D":
                inp.default = self.vector(value, (2,), "DEFAULT", name)
            else:
                inp.default = self.number(value, "DEFAULT", name)
        return inp

    def persistent_buffers(self, value: Any) -> dict[str, dict]:
        """ISF 1.0: a list of buffer names, or an object of name -> {WIDTH, HEIGHT, FLOAT}."""
        if value is None:
            return {}
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return {v: {} for v in value}
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            return dict(value)
        raise self.fail("PERSISTENT_BUFFERS is neither a list of names nor an object of buffers",
                        "PERSISTENT_BUFFERS", "write [\"name\", ...]")

    def size(self, value: Any, which: str, inputs: dict[str, IsfInput], where: str) -> expr.SizeExpr:
        try:
            parsed = expr.parse(value)
        except expr.ExprError as err:
            raise self.fail(f"{which} of {where}: {err}", which,
                            "write a number or an expression of $WIDTH, $HEIGHT and inputs") from None
        unknown = parsed.variables - {"WIDTH", "HEIGHT"} - set(inputs)
        if unknown:
            raise self.fail(f"{which} of {where} reads ${sorted(unknown)[0]}, which is not an input", which,
                            "use $WIDTH, $HEIGHT or the NAME of an input")
        values = {"WIDTH": REFERENCE_SIZE[0], "HEIGHT": REFERENCE_SIZE[1]}
        for name in parsed.variables - {"WIDTH", "HEIGHT"}:
            inp = inputs[name]
            values[name] = inp.hi if inp.hi is not None else (inp.default if isinstance(inp.default, float) else 1.0)
        try:
            side = parsed(values)
        except (OverflowError, ValueError, ZeroDivisionError, expr.ExprError) as err:
            raise self.fail(f"{which} of {where} cannot be evaluated: {err}", which, "correct the expression") from None
        if not math.isfinite(side) or side > MAX_SIDE:
            raise self.fail(f"{which} of {where} is {side:g} pixels at {REFERENCE_SIZE[0]}x{REFERENCE_SIZE[1]}"
                            f" (at most {MAX_SIDE})", which, "ask for a smaller buffer")
        return parsed

    def passes(self, items: Any, persistent: dict[str, dict], inputs: dict[str, IsfInput]) -> list[IsfPass]:
        if items is None or items == {}:
            items = []
        if not isinstance(items, list):
            raise self.fail("PASSES is not a list", "PASSES", "write PASSES as [ {...}, ... ]")
        if len(items) > MAX_PASSES:
            raise self.fail(f"{len(items)} PASSES (at most {MAX_PASSES})", "PASSES", "use fewer passes")
        out: list[IsfPass] = []
        targets: set[str] = set()
        for i, item in enumerate(items or [{}]):
            if not isinstance(item, dict):
                raise self.fail(f"pass {i} is not an object", "PASSES", "write each pass as {...}")
            target = item.get("TARGET")
            if target is not None and (not isinstance(target, str) or not _IDENT.match(target)):
                raise self.fail(f"TARGET of pass {i} is {json.dumps(target)[:40]}, not a usable name", "TARGET",
                                "use letters, digits and underscores")
            if target in inputs:
                raise self.fail(f"pass {i} writes '{target}', which is an input", target, "rename the TARGET")
            if target is not None and target in targets:
                raise self.fail(f"pass {i} writes TARGET '{target}' again", target,
                                "give each pass its own TARGET (passes that write the same buffer twice are not supported)")
            if target:
                targets.add(target)
            legacy = persistent.get(target, {}) if target else {}
            p = IsfPass(target, persistent=_flag(item.get("PERSISTENT", item.get("persistent", target in persistent))),
                        float=_flag(item.get("FLOAT", legacy.get("FLOAT", False))))
            for key in ("WIDTH", "HEIGHT"):
                value = item.get(key, legacy.get(key))
                if value is not None and value != "":
                    setattr(p, key.lower(), self.size(value, key, inputs, f"pass {i}"))
            out.append(p)
        self.budget(out, inputs)
        return out

    def budget(self, passes: list[IsfPass], inputs: dict[str, IsfInput]) -> None:
        """Refuse buffers that add up to more than MAX_BUFFER_PIXELS at the reference size
        (each side within bounds, but thirty of them would still exhaust memory)."""
        values = {"WIDTH": REFERENCE_SIZE[0], "HEIGHT": REFERENCE_SIZE[1]}
        for inp in inputs.values():
            values[inp.name] = inp.hi if inp.hi is not None else (
                inp.default if isinstance(inp.default, float) else 1.0)
        total = 0.0
        for p in passes:
            w = p.width(values) if p.width else REFERENCE_SIZE[0]
            h = p.height(values) if p.height else REFERENCE_SIZE[1]
            total += max(w, 1.0) * max(h, 1.0) * (2 if p.persistent else 1)
        if total > MAX_BUFFER_PIXELS:
            raise self.fail(f"its buffers total {total / 1e6:.0f} million pixels at {REFERENCE_SIZE[0]}x"
                            f"{REFERENCE_SIZE[1]} (at most {MAX_BUFFER_PIXELS / 1e6:.0f} million)", "PASSES",
                            "use fewer or smaller buffers")

    def imported(self, value: Any, taken: set[str]) -> dict[str, Path]:
        """Images the file brings along: paths relative to its folder, which they may not leave."""
        if value is None:
            return {}
        if isinstance(value, list):     # ISF 1.0: [{"NAME": ..., "PATH": ...}]
            entries = [(v.get("NAME"), v) if isinstance(v, dict) else (None, v) for v in value]
        elif isinstance(value, dict):
            entries = list(value.items())
        else:
            raise self.fail("IMPORTED is neither an object nor a list", "IMPORTED", "write {\"name\": {\"PATH\": ...}}")
        if len(entries) > MAX_IMPORTED:
            raise self.fail(f"{len(entries)} IMPORTED images (at most {MAX_IMPORTED})", "IMPORTED", "import fewer")
        folder = self.path.parent.resolve()
        out: dict[str, Path] = {}
        for name, spec in entries:
            if not isinstance(name, str) or not _IDENT.match(name) or name in taken or name in _RESERVED:
                raise self.fail(f"IMPORTED name {json.dumps(name)[:40]} is not a usable, unused name", "IMPORTED",
                                "use letters, digits and underscores, unlike any input or TARGET")
            rel = spec.get("PATH") if isinstance(spec, dict) else None
            if not isinstance(rel, str) or not rel or "\x00" in rel:
                raise self.fail(f"IMPORTED '{name}' has no PATH", name, "give the image's file name")
            target = (folder / rel).resolve()
            if not target.is_relative_to(folder):
                raise self.fail(f"IMPORTED '{name}' points outside the file's folder ({rel})", name,
                                "keep imported images in the ISF file's folder or below it")
            if not target.is_file():
                raise self.fail(f"IMPORTED '{name}': {rel} not found", name,
                                "put the image beside the ISF file")
            out[name] = target
        return out
