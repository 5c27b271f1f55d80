"""ISF files as this engine's scenes, post effects and transitions.

A generator becomes a :class:`~visuals.model.scene.Scene`, a filter (an ``inputImage``) a
:class:`~visuals.model.post.PostEffect`, a transition (``startImage``, ``endImage``, ``progress``) a
transition program for cues.  Each INPUT becomes a parameter of the same name with its range
and default, so the timeline, MIDI, OSC, presets and the HUD reach it like any other; other
image inputs become bindings (``Cue(..., bind={"maskImage": "sky"})``); audio inputs read
:func:`visuals.foreign.sound.sound_texture`; IMPORTED images are uploaded once.

Every pass of a file runs the same program (PASSINDEX is a uniform), assembled as:
``shaders/foreign/isf_fragment.glsl`` (the automatic uniforms and IMG_ functions), one generated
uniform per input (reported at the input's header line), then the user's file line for line.
DATE is deterministic like every other input to a frame: 2000-01-01 00:00:00 plus the show
time, so an export is the same on any day.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from visuals.errors import SourceSite, VisualsError
from visuals.model.params import Param
from visuals.load.paths import display_path
from visuals.model.post import PostEffect
from visuals.model.scene import Binding, Pass, Scene, SceneState
from visuals.load.shaderlib import Preprocessor, ShaderSource
from .isf_header import IsfHeader, IsfInput, parse_header
from .runner import ForeignPass, ForeignRunner
from . import sound
from .source import ForeignShader, Piece, assemble, read_text, rename_identifiers, stage_renames

MAX_IMAGE_SIDE = 8192
_UNIFORM_TYPES = {"event": "bool", "bool": "bool", "long": "int", "float": "float", "point2D": "vec2",
                  "color": "vec4", "image": "sampler2D", "audio": "sampler2D", "audioFFT": "sampler2D"}
_ENGINE_UNIFORMS = {"u_time", "u_delta", "u_frame", "u_resolution", "u_prev", "u_input"}
_SPECIAL_IMAGES = {"filter": {"inputImage": "u_input"},
                   "transition": {"startImage": "u_from", "endImage": "u_to", "progress": "u_progress"}}


@dataclass
class IsfProgram:
    """How to assemble the two stages of an ISF file's program."""

    header: IsfHeader
    vertex_file: Path | None
    renames: dict[str, str]
    declarations: list[tuple[str, int]]          # (GLSL line, header line it comes from)

    def stage(self, stage: str) -> ForeignShader:
        path = self.header.path if stage == "fragment" else (self.vertex_file or self.header.path)
        # Keyed by the header too: a saved header with new inputs needs new declarations, so it
        # must not reuse (or hot-reload) the program compiled for the old one.
        digest = hashlib.sha1(json.dumps(self.header.raw, sort_keys=True).encode()).hexdigest()[:12]
        return ForeignShader(str(path), f"isf-{stage}:{self.header.path}:{digest}",
                             lambda pre, version: self.build(pre, stage, version))

    def build(self, pre: Preprocessor, stage: str, version: str) -> ShaderSource:
        declared = Piece(lines=[d for d, _ in self.declarations], path=self.header.path,
                         origins=[line for _, line in self.declarations])
        if stage == "fragment":
            user, prelude, tail = self.header.path, "foreign/isf_fragment.glsl", []
        elif self.vertex_file is not None:
            user, prelude, tail = self.vertex_file, "foreign/isf_vertex.glsl", []
        else:
            return assemble(pre, [Piece(shader="foreign/isf_vertex.glsl"), declared,
                                  Piece(shader="foreign/isf_vertex_main.glsl")], self.header.path, version)
        text = read_text(user, "ISF file")
        text = stage_renames(rename_identifiers(text, self.renames), stage)
        body = Piece(lines=text.split("\n"), path=user)
        return assemble(pre, [Piece(shader=prelude), declared, body, *tail], user, version)


def _declarations(header: IsfHeader, renames: dict[str, str]) -> list[tuple[str, int]]:
    out = []
    for inp in header.inputs:
        out.append((f"uniform {_UNIFORM_TYPES[inp.type]} {renames[inp.name]};", inp.line))
    for name in header.imported:
        out.append((f"uniform sampler2D {renames[name]};", header.header_lines[0]))
    for p in header.passes:
        if p.target:
            out.append((f"uniform sampler2D {renames[p.target]};", header.header_lines[0]))
    # Older files read an image's size through the names early ISF hosts declared for it.
    images = [i.name for i in header.inputs if i.type in ("image", "audio", "audioFFT")]
    for name in images + list(header.imported) + [p.target for p in header.passes if p.target]:
        size = f"vec2(textureSize({renames[name]}, 0))"
        out.append((f"#define _{name}_imgSize {size}", header.header_lines[0]))
        out.append((f"#define _{name}_imgRect vec4(0.0, 0.0, {size})", header.header_lines[0]))
        out.append((f"#define _{name}_flip false", header.header_lines[0]))
    return out


def _param(inp: IsfInput, site: SourceSite, name: str) -> Param:
    """An ISF input as a parameter: its range, its default (clamped into the range)."""
    desc = inp.label if name == inp.name else f"{inp.label or inp.type} (ISF input '{inp.name}')"
    if inp.type in ("event", "bool"):
        default = 1.0 if inp.type == "bool" and inp.default and inp.default >= 0.5 else 0.0
        return Param(name, default, description=desc or inp.type, kind="bool", site=site)
    if inp.type == "color":
        rgba = tuple(min(max(c, 0.0), 1.0) for c in (inp.default or (0.0, 0.0, 0.0, 1.0)))
        return Param(name, rgba if len(rgba) == 4 else rgba + (1.0,), description=desc, kind="color", site=site)

    def clamp(v: float) -> float:
        if inp.lo is not None:
            v = max(v, inp.lo)
        if inp.hi is not None:
            v = min(v, inp.hi)
        return v

    if inp.type == "point2D":
        default = tuple(clamp(c) for c in (inp.default or (0.0, 0.0)))
        return Param(name, default, inp.lo, inp.hi, desc, kind="vec2", site=site)
    if inp.type == "long":
        if inp.labels and inp.values:
            choices = ", ".join(f"{v}={label}" for v, label in zip(inp.values, inp.labels))
            desc = f"{desc}: {choices}" if desc else choices
        start = inp.default if inp.default is not None else (inp.values[0] if inp.values else (inp.lo or 0.0))
        return Param(name, float(round(clamp(start))), inp.lo, inp.hi, desc, kind="int", site=site)
    start = inp.default if inp.default is not None else (inp.lo if inp.lo is not None else 0.0)
    return Param(name, clamp(start), inp.lo, inp.hi, desc, kind="float", site=site)


def _load_image(path: Path, isf: Path) -> np.ndarray:
    from PIL import Image
    try:
        with Image.open(path) as img:
            if img.width > MAX_IMAGE_SIDE or img.height > MAX_IMAGE_SIDE:
                raise VisualsError(f"ISF IMPORTED image {path.name} is {img.width}x{img.height} "
                                   f"(at most {MAX_IMAGE_SIDE} a side)", file=display_path(isf),
                                   fix="import a smaller image")
            rgba = np.asarray(img.convert("RGBA"), np.uint8)
    except VisualsError:
        raise
    except Exception as err:  # Pillow raises many kinds for a broken or unknown image
        raise VisualsError(f"ISF IMPORTED image {path.name} cannot be read: {err}", file=display_path(isf),
                           fix="import a PNG or JPEG") from None
    return np.ascontiguousarray(rgba[::-1])      # row 0 is v = 0, the bottom


class ForeignScene:
    """What ISF and Shadertoy scenes add to Scene: their runner, their textures and uniforms."""

    runner_class = ForeignRunner
    foreign_passes: dict[str, ForeignPass]
    uploads: dict[str, tuple[str, Any]]          # texture name -> ('audio'|'audioFFT'|'image'..., data)
    uses_date: bool = False
    date_uniform = "u_isf_date"

    def update(self, state: SceneState, resources) -> dict[str, Any]:
        for name, (kind, data) in self.uploads.items():
            if kind == "image":
                resources.texture(name, data, key=id(data))
            else:      # sound: uploaded once while it is silence, every frame once it is not
                resources.texture(name, sound.sound_texture(kind, data, state),
                                  key=(kind, data) if sound.is_silent_source(state) else None)
        return {self.date_uniform: _date(state.show_t)} if self.uses_date else {}


def _date(seconds: float) -> tuple[float, float, float, float]:
    """DATE / iDate: (year, month, day, seconds into the day) of 2000-01-01 plus ``seconds``."""
    import datetime
    day = int(seconds // 86400)
    when = datetime.date(2000, 1, 1) + datetime.timedelta(days=day)
    return (float(when.year), float(when.month), float(when.day), float(seconds - day * 86400))


class IsfGenerator(ForeignScene, Scene):
    pass


class IsfFilter(ForeignScene, PostEffect):
    def __init__(self, *args, **kwargs):
        Scene.__init__(self, *args, **kwargs)     # (PostEffect refuses buffers; ISF filters have them)
        self.bypass = ()


@dataclass
class IsfTransition:
    """An ISF transition: one program the compositor draws like shaders/transitions/*.frag, or,
    with buffers, a scene its passes run as (``shader.scene``, see foreign/transition.py)."""

    name: str
    path: Path
    shader: ForeignShader
    params: list[Param] = field(default_factory=list)


def load_isf(path: Path) -> Scene | IsfTransition:
    """Read, check and wrap one ISF file (and its .vs beside it, when there is one)."""
    path = Path(path).resolve()
    header = parse_header(path, read_text(path, "ISF file"))
    kind = header.kind
    vertex = next((c for c in (path.with_suffix(".vs"), path.with_suffix(".vert")) if c.is_file()), None)
    special = _SPECIAL_IMAGES.get(kind, {})
    taken = _ENGINE_UNIFORMS | set(special.values())
    renames: dict[str, str] = {}
    param_names: dict[str, str] = {}      # (also binding slots and texture names)
    for inp in header.inputs:
        # An input whose engine name would be a uniform the engine sets itself (an input
        # called 'time' is not TIME) becomes the parameter isf_<name>.
        param_names[inp.name] = f"isf_{inp.name}" if f"u_{inp.name}" in taken else inp.name
        renames[inp.name] = special.get(inp.name, f"u_{param_names[inp.name]}")
    for name in header.imported:
        renames[name] = f"u_{name}"
    for p in header.passes:
        if p.target:
            renames[p.target] = f"u_isf_{p.target}"
    program = IsfProgram(header, vertex, renames, _declarations(header, renames))
    frag, vert = program.stage("fragment"), program.stage("vertex")
    site = SourceSite(str(path), header.header_lines[0])
    params = [_param(i, SourceSite(str(path), i.line), param_names[i.name]) for i in header.inputs
              if i.type not in ("image", "audio", "audioFFT") and i.name not in special]
    name = path.stem
    if kind == "transition" and len(header.passes) <= 1 and not any(p.target for p in header.passes):
        defaults = {p.name: p.default for p in params}
        shader = ForeignShader(str(path), frag.key, frag.build, defaults, vertex=vert)
        return IsfTransition(name, path, shader, params)
    uses_date = "DATE" in read_text(path, "ISF file") or (vertex is not None and "DATE" in read_text(vertex))
    passes, plans = [], {}
    targets = {p.target: f"__pass{i}" for i, p in enumerate(header.passes) if p.target}
    for i, p in enumerate(header.passes):
        pass_name = f"__pass{i}"
        reads = {}
        for target, owner in targets.items():
            own = owner == pass_name
            if own and not p.persistent:
                continue      # a buffer's own earlier contents are undefined unless persistent: black
            reads[f"isf_{target}"] = ("target", owner)
        quad = vertex is not None        # (see shaders/foreign/isf_vertex.glsl)
        plans[pass_name] = ForeignPass(i, reads, {"u_isf_pass": i, "u_isf_quad": int(quad)}, p.width, p.height)
        shape = dict(primitive="triangles", count=6, clear=None) if quad else {}
        passes.append(Pass(frag, name=pass_name, vert=vert, feedback=p.persistent,
                           precision="rgba32f" if p.float else "rgba8", site=site, **shape))
    bindings = {param_names[i.name]: Binding(default=None, scale=0.5) for i in header.inputs
                if i.type == "image" and i.name not in special}
    uploads: dict[str, tuple[str, Any]] = {}
    for inp in header.inputs:
        if inp.type in ("audio", "audioFFT"):
            uploads[param_names[inp.name]] = (inp.type, inp.max or 256)
    for iname, ipath in header.imported.items():
        uploads[iname] = ("image", _load_image(ipath, path))
    cls = IsfFilter if kind == "filter" else IsfGenerator
    scene = cls(name, passes, params, description=header.description or f"ISF {kind} {path.name}",
                bindings=bindings, site=site)
    scene.foreign_passes = plans
    scene.uploads = uploads
    scene.uses_date = uses_date
    scene.isf_kind = kind
    scene.event_params = tuple(param_names[i.name] for i in header.inputs if i.type == "event")
    if kind == "transition":     # buffers: its passes run as a scene fed the two images
        defaults = {p.name: p.default for p in params}
        return IsfTransition(name, path, ForeignShader(str(path), frag.key, frag.build, defaults,
                                                       vertex=vert, scene=scene), params)
    return scene
