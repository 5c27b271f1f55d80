"""Shadertoy shaders as scenes: one file, a folder of tabs, or Shadertoy's JSON export.

* **One file** ``NAME.glsl`` holding ``mainImage(out vec4, in vec2)``: the Image tab alone,
  played as a show like a bare ``.frag``.
* **A folder** ``NAME/`` with ``image.glsl`` (required), any of ``buffer_a.glsl`` ..
  ``buffer_d.glsl`` and ``common.glsl``, and ``channels.toml`` saying what each tab's
  channels read::

      [image]
      iChannel0 = "buffer_a"        # a buffer: this frame's, or the last for itself and later tabs
      [buffer_a]
      iChannel0 = "buffer_a"        # feedback: its own previous frame
      iChannel1 = "noise.png"       # an image inside the folder
      iChannel2 = "scene:sky"       # another scene, rendered in step (a binding)
      iChannel3 = "sound"           # the sound analysis (512x2; silent until there is one)
      [buffer_b]
      iChannel0 = { source = "buffer_a", filter = "nearest", wrap = "repeat" }

  A channel is sampled linear and clamped unless it says otherwise (``filter`` "linear" or
  "nearest"; "mipmap" reads as linear; ``wrap`` "clamp" or "repeat").

* **Shadertoy's JSON export** (``{"Shader": {"renderpass": [...]}}``, or the list the API
  returns): tabs, Common code and buffer channels are read from it; texture channels look
  for an image of the same file name beside the JSON; keyboard, cubemap, video, webcam and
  music channels read black.

Buffers run in order A..D before the Image, float RGBA, each keeping its previous frame.
iMouse follows touches (the live mouse, which sends them while dragged, and pads): xy where
the last touch is in pixels, zw where the press began, z positive while it is held and w on
its first frame.  iDate, like ISF's DATE, is 2000-01-01
plus the show time.  A compile error names the tab's file (``NAME.json:Buffer A`` for the
JSON export) and the line within it.
"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from visuals.errors import SourceSite, VisualsError
from visuals.load.paths import display_path
from visuals.model.scene import Binding, Pass, Scene, SceneState
from visuals.load.shaderlib import Preprocessor, ShaderSource
from .isf import ForeignScene, _load_image
from .runner import ForeignPass
from .source import ForeignShader, Piece, assemble, read_text

BUFFERS = ("buffer_a", "buffer_b", "buffer_c", "buffer_d")
_MAIN_IMAGE = re.compile(r"\bmainImage\s*\(")
_JSON_BUFFER_IDS = {"4dXGR8": "buffer_a", "XsXGR8": "buffer_b", "4sXGR8": "buffer_c", "XdfGR8": "buffer_d"}
_JSON_BUFFER_SRC = re.compile(r"buffer0([0-3])\.png$")
MAX_JSON = 4 * 1024 * 1024


def is_shadertoy(path: Path) -> bool:
    if path.is_dir():
        return (path / "image.glsl").is_file()
    if not path.is_file():
        return False
    if path.suffix == ".json":
        return path.stat().st_size <= MAX_JSON and "renderpass" in read_text(path, "Shadertoy export")
    if path.suffix == ".glsl":
        text = read_text(path, "shader")
        return bool(_MAIN_IMAGE.search(text)) and not text.lstrip().startswith("/*{")
    return False


class Tab:
    """One tab's code, where its lines are reported, and what its channels read."""

    def __init__(self, name: str, lines: list[str], report: Path, source: Path,
                 channels: dict[int, tuple[str, str, str]] | None = None):
        self.name, self.lines, self.report, self.source = name, lines, report, source
        self.channels = channels or {}


class ShadertoyScene(ForeignScene, Scene):
    date_uniform = "u_st_date"
    uses_date = True

    def update(self, state: SceneState, resources) -> dict[str, Any]:
        extra = super().update(state, resources)
        extra["u_st_mouse"] = mouse(state)
        return extra


HOLD = 0.1     # s: touches closer than this are one press (a drag sends one every 0.08 s)


def mouse(state: SceneState) -> tuple[float, float, float, float]:
    """iMouse from the touches that reached the scene: xy where the last touch is, in pixels;
    zw where the press began, z positive while touches keep coming (within HOLD), w positive
    on the frame the press began, as Shadertoy's mouse button gives them."""
    w, h = state.resolution
    touches = sorted((e for e in state.events if getattr(e, "kind", "") == "touch" and e.time <= state.t + 1e-9),
                     key=lambda e: e.time)
    if not touches:
        return (0.0, 0.0, 0.0, 0.0)
    last = touches[-1]
    start = len(touches) - 1
    while start > 0 and touches[start].time - touches[start - 1].time < HOLD:
        start -= 1
    first = touches[start]
    held = state.t - last.time < HOLD
    clicked = state.t - first.time < max(state.dt, 1e-6) - 1e-9
    cx, cy = first.x * w, first.y * h
    return (last.x * w, last.y * h, cx if held else -cx, cy if clicked else -cy)


def _sampling(raw: dict, where: str, file: Path) -> tuple[str, str]:
    filt = raw.get("filter", "linear")
    wrap = raw.get("wrap", "clamp")
    filt = "linear" if filt == "mipmap" else filt
    if filt not in ("linear", "nearest") or wrap not in ("clamp", "repeat"):
        raise VisualsError(f"{where}: filter {filt!r} / wrap {wrap!r}", file=display_path(file),
                           fix='use filter "linear", "nearest" or "mipmap" and wrap "clamp" or "repeat"')
    return filt, wrap


def _channel_table(path: Path) -> dict[str, dict[int, tuple[str, str, str]]]:
    table_file = path / "channels.toml"
    if not table_file.is_file():
        return {}
    try:
        raw = tomllib.loads(read_text(table_file, "channel table"))
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        m = re.search(r"line (\d+)", str(err))
        raise VisualsError(f"channels.toml: {err}", file=display_path(table_file),
                           line=line or (int(m.group(1)) if m else None), fix="correct the TOML") from None
    out: dict[str, dict[int, tuple[str, str, str]]] = {}
    for tab, channels in raw.items():
        if tab not in ("image", *BUFFERS) or not isinstance(channels, dict):
            raise VisualsError(f"channels.toml: unknown tab [{tab}]", file=display_path(table_file),
                               fix="use [image], [buffer_a] .. [buffer_d]")
        for key, value in channels.items():
            m = re.fullmatch(r"iChannel([0-3])", key)
            options = value if isinstance(value, dict) else {"source": value}
            if not m or not isinstance(options.get("source"), str):
                raise VisualsError(f"channels.toml: [{tab}] {key} = {value!r}", file=display_path(table_file),
                                   fix='write iChannel0..iChannel3 = "buffer_a" | "file.png" | "scene:NAME" | "sound"')
            filt, wrap = _sampling(options, f"channels.toml: [{tab}] {key}", table_file)
            out.setdefault(tab, {})[int(m.group(1))] = (options["source"], filt, wrap)
    return out


def _folder_tabs(path: Path) -> tuple[list[Tab], Tab | None]:
    table = _channel_table(path)
    tabs = []
    for name in (*BUFFERS, "image"):
        f = path / f"{name}.glsl"
        if f.is_file():
            tabs.append(Tab(name, read_text(f).split("\n"), f, f, table.get(name)))
        elif name in table:
            raise VisualsError(f"channels.toml names [{name}] but {name}.glsl is missing",
                               file=display_path(path / "channels.toml"), fix=f"add {name}.glsl or remove [{name}]")
    common_file = path / "common.glsl"
    common = Tab("common", read_text(common_file).split("\n"), common_file, common_file) if common_file.is_file() else None
    return tabs, common


def _json_tabs(path: Path) -> tuple[list[Tab], Tab | None]:
    try:
        raw = json.loads(read_text(path, "Shadertoy export"))
    except json.JSONDecodeError as err:
        raise VisualsError(f"Shadertoy export: invalid JSON: {err.msg}", file=display_path(path), line=err.lineno,
                           fix="export the shader again") from None
    except RecursionError:
        raise VisualsError("Shadertoy export: the JSON is nested too deeply", file=display_path(path),
                           fix="export the shader again") from None
    if isinstance(raw, list) and raw:
        raw = raw[0]
    shader = raw.get("Shader", raw) if isinstance(raw, dict) else None
    passes = shader.get("renderpass") if isinstance(shader, dict) else None
    if not isinstance(passes, list) or len(passes) > 8:
        raise VisualsError("Shadertoy export: no list of render passes", file=display_path(path),
                           fix="give the JSON Shadertoy exports for a shader ({\"Shader\": {\"renderpass\": [...]}})")
    ids: dict[str, str] = {}
    for rp in passes:
        if isinstance(rp, dict) and rp.get("type") == "buffer":
            slot = _tab_of_buffer(rp.get("name", ""), None)
            for out in rp.get("outputs") or []:
                if isinstance(out, dict) and "id" in out and slot:
                    ids[str(out["id"])] = slot
    tabs, common = [], None
    for rp in passes:
        if not isinstance(rp, dict) or not isinstance(rp.get("code"), str):
            continue
        kind = rp.get("type")
        label = str(rp.get("name") or kind)[:40]
        lines = rp["code"].replace("\r\n", "\n").split("\n")
        report = Path(f"{path}:{label}")
        if kind == "common":
            common = Tab("common", lines, report, path)
            continue
        name = "image" if kind == "image" else _tab_of_buffer(label, None) if kind == "buffer" else None
        if name is None:
            continue          # sound, cubemap tabs: not played
        channels = {}
        for inp in rp.get("inputs") or []:
            if not isinstance(inp, dict) or not isinstance(inp.get("channel"), int) or not 0 <= inp["channel"] <= 3:
                continue
            sampler = inp.get("sampler") if isinstance(inp.get("sampler"), dict) else {}
            try:
                filt, wrap = _sampling(sampler, f"{label} channel {inp['channel']}", path)
            except VisualsError:
                filt, wrap = "linear", "clamp"      # an export's unknown sampler: the default
            channels[inp["channel"]] = (_json_channel(inp, ids), filt, wrap)
        tabs.append(Tab(name, lines, report, path, channels))
    order = {n: i for i, n in enumerate((*BUFFERS, "image"))}
    tabs.sort(key=lambda t: order[t.name])
    return tabs, common


def _tab_of_buffer(label: str, default):
    m = re.search(r"buf(?:fer)?\s*([a-dA-D])\b", label, re.I)
    return f"buffer_{m.group(1).lower()}" if m else default


def _json_channel(inp: dict, ids: dict[str, str]) -> str:
    ctype = inp.get("ctype") or inp.get("type")
    src = str(inp.get("src") or inp.get("filepath") or "")
    if ctype == "buffer":
        key = str(inp.get("id", ""))
        if key in ids:
            return ids[key]
        if key in _JSON_BUFFER_IDS:
            return _JSON_BUFFER_IDS[key]
        m = _JSON_BUFFER_SRC.search(src)
        return BUFFERS[int(m.group(1))] if m else "none"
    if ctype == "texture" and src:
        return "json-texture:" + Path(src).name
    if ctype in ("music", "musicstream", "mic"):
        return "sound"
    return "none"


def load_shadertoy(path: Path) -> Scene:
    path = Path(path).resolve()
    if path.is_dir():
        tabs, common = _folder_tabs(path)
        name, folder = path.name, path
    elif path.suffix == ".json":
        tabs, common = _json_tabs(path)
        name, folder = path.stem, path.parent
    else:
        tabs, common = [Tab("image", read_text(path).split("\n"), path, path)], None
        name, folder = path.stem, path.parent
    if not any(t.name == "image" for t in tabs):
        raise VisualsError("Shadertoy shader has no Image tab", file=display_path(path),
                           fix="add image.glsl (or export the shader with its Image pass)")
    written = {t.name for t in tabs}
    site = SourceSite(str(path), 1)
    passes, plans, bindings, uploads = [], {}, {}, {}
    for i, tab in enumerate(tabs):
        reads: dict[str, tuple[str, str]] = {}
        samplers: dict[str, tuple[str, str]] = {}
        for ch, (source, filt, wrap) in sorted(tab.channels.items()):
            reads[f"st_ch{ch}"] = _channel_read(source, tab, ch, written, folder, path, bindings, uploads)
            samplers[f"st_ch{ch}"] = (filt, wrap)
        reads = {k: v for k, v in reads.items() if v is not None}
        plans[tab.name] = ForeignPass(i, reads, {"u_st_opaque": 1 if tab.name == "image" else 0},
                                      samplers={k: v for k, v in samplers.items() if k in reads})
        shader = ForeignShader(str(tab.report), f"shadertoy:{path}:{tab.name}",
                               lambda pre, version, tab=tab: _build(pre, version, tab, common))
        is_buffer = tab.name != "image"
        passes.append(Pass(shader, name=tab.name, feedback=is_buffer,
                           precision="rgba32f" if is_buffer else "rgba8", site=site))
    scene = ShadertoyScene(name, passes, [], description=f"Shadertoy shader {display_path(path)}",
                           bindings=bindings, site=site)
    scene.foreign_passes = plans
    scene.uploads = uploads
    return scene


def _channel_read(source: str, tab: Tab, ch: int, written: set[str], folder: Path, path: Path,
                  bindings: dict, uploads: dict):
    if source == "none":
        return None
    if source in BUFFERS:
        if source not in written:
            raise VisualsError(f"{tab.name} iChannel{ch} reads {source}, which the shader does not have",
                               file=display_path(path), fix=f"add {source}.glsl or bind another source")
        return ("target", source)
    if source == "sound":
        uploads["st_sound"] = ("shadertoy", 512)
        return ("texture", "st_sound")
    if source.startswith("scene:"):
        slot = f"{tab.name}_ch{ch}"
        bindings[slot] = Binding(default=source[6:], scale=1.0)
        return ("input", slot)
    optional = source.startswith("json-texture:")
    rel = source.split(":", 1)[1] if optional else source
    image = (folder / rel).resolve()
    if not image.is_relative_to(folder.resolve()):
        raise VisualsError(f"{tab.name} iChannel{ch} reads {rel}, outside the shader's folder",
                           file=display_path(path), fix="keep channel images in the shader's folder")
    if not image.is_file():
        if optional:
            return None        # a Shadertoy media texture not downloaded beside the export: black
        raise VisualsError(f"{tab.name} iChannel{ch}: {rel} not found", file=display_path(path),
                           fix="put the image in the shader's folder, or bind buffer_a..d, scene:NAME or sound")
    name = f"st_img_{len(uploads)}"
    uploads[name] = ("image", _load_image(image, path))
    return ("texture", name)


def _build(pre: Preprocessor, version: str, tab: Tab, common: Tab | None) -> ShaderSource:
    pieces = [Piece(shader="foreign/shadertoy_prelude.glsl")]
    if common is not None:
        pieces.append(Piece(lines=common.lines, path=common.report))
    lines = read_text(tab.source).split("\n") if tab.source.suffix == ".glsl" else tab.lines   # (reloads)
    pieces.append(Piece(lines=lines, path=tab.report))
    pieces.append(Piece(shader="foreign/shadertoy_main.glsl"))
    return assemble(pre, pieces, tab.report, version)
