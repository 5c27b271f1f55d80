"""Option values turned into what the commands use: sizes, times, --param overrides, output
names and the render config.  Each bad value is one VisualsError with its fix."""
from __future__ import annotations

import re
from pathlib import Path

from visuals.errors import VisualsError


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*[xX]\s*(\d+)\s*", text or "")
    if not m:
        raise VisualsError(f"invalid size '{text}'", fix="write WIDTHxHEIGHT, e.g. --size 1280x720")
    w, h = int(m.group(1)), int(m.group(2))
    if not (1 <= w <= 16384 and 1 <= h <= 16384):
        raise VisualsError(f"size {w}x{h} is out of range", fix="give each side between 1 and 16384 pixels")
    return w, h


def parse_time(text: str, option: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise VisualsError(f"invalid {option} '{text}'", fix=f"give {option} in seconds, e.g. {option} 2.5") from None
    if value < 0 or value != value:
        raise VisualsError(f"{option} {text} is negative", fix=f"give {option} in seconds from 0")
    return value


def parse_params(items: list[str], show, registry) -> dict[str, dict]:
    """--param values by scene, checked against the scenes' parameters (a still plays them by hand)."""
    overrides: dict[str, dict] = {}
    scenes = list(dict.fromkeys(c.scene for c in show.cues))
    for item in items:
        name, eq, text = item.partition("=")
        if not eq:
            raise VisualsError(f"invalid --param '{item}'", fix="write NAME=VALUE, e.g. --param inversion=0.4")
        scene_name, dot, param = name.rpartition(".")
        if not dot:
            if len(scenes) != 1:
                raise VisualsError(f"--param {name}: which scene?", fix=f"write SCENE.{name}=VALUE with one of "
                                                                        + ", ".join(scenes))
            scene_name, param = scenes[0], name
        spec = registry.scene(scene_name).params.get(param)
        value: object = text
        if not text.startswith("#"):
            try:
                parts = [float(v) for v in text.split(",")]
            except ValueError:
                raise VisualsError(f"--param {name}: '{text}' is not a number",
                                   fix=f"give {spec.describe_type()}") from None
            value = parts[0] if len(parts) == 1 else tuple(parts)
        overrides.setdefault(scene_name, {})[param] = spec.validate(value)
    return overrides


def _config(args, show, size_default=None):
    from visuals.perform.clock import parse_fps
    from visuals.render.renderer import RenderConfig
    size = parse_size(args.size) if args.size else tuple(size_default or show.size)
    fps = parse_fps(args.fps) if args.fps else parse_fps(show.fps)
    return RenderConfig(size=size, ssaa=args.ssaa, fps=fps, seed=args.seed)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(name).stem if name.endswith(".frag") else name)


def _out_arg(value: str | None) -> Path | None:
    """--out as a path (``~`` expanded, so a quoted one never makes a folder named '~'); an
    empty --out is a mistake, not a request for the default."""
    if value is None:
        return None
    if not value.strip():
        raise VisualsError("--out is empty", fix="give a file or folder name, or leave --out out for the default")
    return Path(value).expanduser() if value != "-" else Path("-")
