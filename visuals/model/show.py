"""A show: a timeline of cues over scenes, with its tempo, seed and preferred output.

Shows are written in Python (see scenes/demo.py) and validated against the scenes they use
when loaded, so a misspelt scene or parameter, or a value out of range, is reported with the
show file's own line before any frame renders.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from visuals.errors import SourceSite, VisualsError, caller_site, suggest
from .scene import Pass, Scene
from .signals import Signal
from .timeline import Cue, Timeline, Track


class Show:
    def __init__(self, name: str, cues: Sequence[Cue], tracks: Mapping[str, Any] | None = None,
                 bpm: float | Sequence[Any] = 120.0, duration: float | None = None, seed: int = 0,
                 description: str = "", size: tuple[int, int] = (1280, 720), fps: float = 30,
                 post: Sequence[Any] = (), loops: Sequence[Any] = (), site: SourceSite | None = None,
                 score: Any = None):
        self.site = site or caller_site()
        self.score = score      # its soundtrack, a visuals.audio.score.Score (or SHOW_score.py beside it)
        self.name = name
        self.description = description
        self.seed = int(seed)
        self.size = tuple(size)
        self.fps = fps
        if not cues:
            raise VisualsError.at(self.site, f"show '{name}' has no cues", fix="add at least one Cue")
        self.timeline = Timeline(cues, tracks, bpm=bpm, duration=duration, loops=loops, site=self.site)
        self.post = tuple(post)

    @property
    def duration(self) -> float:
        return self.timeline.duration

    @property
    def cues(self) -> list[Cue]:
        return self.timeline.cues

    def validate(self, scenes: Mapping[str, Scene], known_transitions: Sequence[str] = ()) -> None:
        """Check every cue's scene, every parameter name and every written value."""
        for cue in self.cues:
            scene = scenes.get(cue.scene)
            if scene is None:
                raise cue.error(f"cue uses scene '{cue.scene}', which does not exist",
                                suggest(cue.scene, scenes))
            for name, value in cue.params.items():
                param = scene.params.get(name, cue.site)
                if not isinstance(value, Signal):
                    param.validate(value, cue.site)
            for name, track in cue.key_tracks.items():
                param = scene.params.get(name, cue.site)
                if isinstance(track, Track):
                    for v in track.values:
                        param.validate(v, track.site or cue.site)
            if known_transitions and cue.transition not in known_transitions:
                raise cue.error(f"unknown transition '{cue.transition}'", suggest(cue.transition, known_transitions))
        from .post import PostEffect, post_chain
        for cue in self.cues:
            for name, params in post_chain(cue.post):
                effect = scenes.get(name)
                if not isinstance(effect, PostEffect):
                    raise cue.error(f"cue applies post effect '{name}', which does not exist",
                                    suggest(name, [n for n, s in scenes.items() if isinstance(s, PostEffect)]))
                for key, value in params.items():
                    effect.params.get(key, cue.site).validate(value, cue.site)
        for name, params in post_chain(self.post):
            effect = scenes.get(name)
            if not isinstance(effect, PostEffect):
                raise VisualsError.at(self.site, f"show applies post effect '{name}', which does not exist",
                                      fix=suggest(name, [n for n, s in scenes.items() if isinstance(s, PostEffect)]))
            for key, value in params.items():
                effect.params.get(key, self.site).validate(value, self.site)
        by_name = {c.name: c for c in self.cues if c.name}
        for address, track in self.timeline.tracks.items():
            owner, dot, param_name = address.partition(".")
            site = getattr(track, "site", None) or self.site
            if not dot:
                raise VisualsError.at(site, f"track '{address}' names no scene, cue or effect, so it drives nothing",
                                      fix=f"write OWNER.{address}: a scene's, a named cue's or a post effect's parameter")
            scene_name = by_name[owner].scene if owner in by_name else owner
            scene = scenes.get(scene_name)
            if scene is None:
                raise VisualsError.at(site, f"track '{address}' names '{owner}', which is neither a scene nor a cue",
                                      fix=suggest(owner, list(scenes) + list(by_name)))
            param = scene.params.get(param_name, site)
            if isinstance(track, Track):
                for v in track.values:
                    param.validate(v, site)

    def __repr__(self) -> str:
        return f"Show({self.name!r}, {len(self.cues)} cues, {self.duration:g} s)"


def single_scene_show(scene: Scene, duration: float | None = None) -> Show:
    """Any scene plays alone by its name: one cue over its whole (default) duration."""
    length = float(duration or scene.duration)
    return Show(scene.name, [Cue(scene.name, 0.0, length, site=scene.site)], duration=length,
                description=scene.description, site=scene.site)


def shader_scene(path: str, site: SourceSite | None = None) -> Scene:
    """A bare fragment shader (using the standard uniforms) as a scene with no parameters."""
    from pathlib import Path
    p = Path(path).resolve()
    return Scene(p.stem, [Pass(str(p), site=site)], description=f"fragment shader {path}",
                 site=site or SourceSite(str(p), 1))
