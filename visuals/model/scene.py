"""What a scene is: shader passes plus typed parameters.

A scene is declared in a small Python module under ``scenes/`` (or a user's scene folder)::

    SCENE = Scene("plasma", passes=[Pass("scenes/plasma.frag")],
                  params=[Param("speed", 1.0, 0, 4, "how fast the plasma flows")])

Passes run in order each frame; a pass may read earlier passes (``inputs``, bound as
``u_<name>``) and its own previous frame (``feedback``, bound as ``u_prev``), at float
precision where asked.  The last pass (or ``output``) is the scene's image.  Scenes that need
data from Python (a generated glyph table, touch positions) subclass Scene and override
``update``, which may upload textures and return extra uniforms each frame.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from visuals.errors import SourceSite, VisualsError, caller_site
from .params import Param, ParamSet

PRECISIONS = {"rgba8": "f1", "rgba16f": "f2", "rgba32f": "f4"}
PRIMITIVES = ("fullscreen", "points", "lines", "line_strip", "triangles", "triangle_strip")
UPDATES = ("frame", "once", "params")
BLENDS = (None, "add", "alpha", "max", "under")


@dataclass
class Pass:
    """One shader pass.

    ``primitive='fullscreen'`` draws one triangle over the target (the usual image pass).
    Other primitives draw ``count`` vertices (an int, or the name of a parameter) times
    ``instances`` with no vertex buffer: the vertex shader builds them from gl_VertexID and
    gl_InstanceID, as a star field of points does.  ``update='once'`` renders the pass only
    when the scene instance starts (a baked field); ``'params'`` also when any parameter
    changes; a tuple of parameter names, when one of those changes (a baked layer that
    follows ``quality``).  GL drops a point sprite whose centre leaves the viewport: fade
    stars out over their radius near the edge.

    ``coverage=True`` gives the pass a depth buffer, cleared to 1.0 each frame, into which its
    shader writes ``gl_FragDepth``: 0.0 where it has finished the pixel, 1.0 where later passes
    must still draw.  A later pass with ``skip_covered_by=<that pass>`` then runs only on the
    pixels left at 1.0 (its full-screen triangle lies at depth 0.5, under a depth test).  That
    is the one way to leave pixels unshaded on llvmpipe: an ``if``, ``return`` or ``discard``
    only masks the pixel while the code still runs for its whole block, but a block that
    fails the depth test is never shaded.  Pixels skipped keep whatever the target held.

    ``max_side`` caps the longer side of a pass sized by ``scale``: a G-buffer baked at twice
    the frame's size is sharp at 640x360, but at 4K with ``--ssaa 2`` it would be a 15360-pixel
    texture (past many GPUs' limit, a gigabyte of memory and minutes of llvmpipe marching); capped,
    it keeps the frame's aspect and is read by ``u_resolution``-relative coordinates as before.

    ``into=<earlier pass>`` draws into that pass's target instead of one of its own (layers
    put together in place, with no extra full-screen pass to merge them; its ``clear`` is
    ignored, since clearing would erase the layer below); with
    ``blend='under'`` the pass goes beneath what is there, by the alpha already there (the
    result is mix(this pass, target, target alpha), with alpha 1).
    """

    frag: str
    name: str = "main"
    vert: str | None = None
    inputs: Sequence[str] = ()
    feedback: bool = False
    precision: str = "rgba8"
    scale: float = 1.0
    size: tuple[int, int] | None = None
    max_side: int | None = None
    filter: str = "linear"
    wrap: str = "clamp"
    primitive: str = "fullscreen"
    count: int | str = 3
    instances: int | str = 1
    blend: str | None = None
    clear: tuple[float, float, float, float] | None = (0.0, 0.0, 0.0, 1.0)
    update: str = "frame"
    mipmaps: bool = False
    coverage: bool = False
    skip_covered_by: str | None = None
    into: str | None = None
    site: SourceSite | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.site = self.site or caller_site()

        def bad(message: str, fix: str) -> VisualsError:
            return VisualsError.at(self.site, message, fix=fix)

        if self.precision not in PRECISIONS:
            raise bad(f"unknown precision '{self.precision}'", f"use one of {', '.join(PRECISIONS)}")
        if self.primitive not in PRIMITIVES:
            raise bad(f"unknown primitive '{self.primitive}'", f"use one of {', '.join(PRIMITIVES)}")
        if isinstance(self.update, (tuple, list)):
            self.update = tuple(self.update)     # re-render when any of these parameters change
        elif self.update not in UPDATES:
            raise bad(f"unknown update mode '{self.update}'",
                      f"use one of {', '.join(UPDATES)}, or a tuple of parameter names")
        if self.filter not in ("linear", "nearest"):
            raise bad(f"unknown filter '{self.filter}'", "use 'linear' or 'nearest'")
        if self.wrap not in ("clamp", "repeat", "mirror"):
            raise bad(f"unknown wrap '{self.wrap}'", "use 'clamp', 'repeat' or 'mirror'")
        if self.blend not in BLENDS:
            raise bad(f"unknown pass blend '{self.blend}'", "use None, 'add', 'alpha', 'max' or 'under'")
        if not (0 < self.scale <= 4):
            raise bad(f"pass scale {self.scale} is out of range", "give a scale in (0, 4]")
        if self.max_side is not None and not (isinstance(self.max_side, int) and self.max_side >= 16):
            raise bad(f"pass max_side {self.max_side!r} is out of range",
                      "give a whole number of pixels, 16 or more (or leave it out)")


@dataclass
class Binding:
    """A slot through which a scene reads another scene's image as a texture.

    The liquid-glass towers reflect "scenes from memories": their ``environment`` binding
    shows the sky by default, and a cue may bind any other scene (``Cue(..., bind=
    {"environment": "resonance"})``).  The bound scene renders at ``scale`` of the frame size
    with its default parameters (plus ``params``), in step with the binding scene's time, and
    arrives in every pass as ``sampler2D u_<slot>``.  When ``default`` is not a known scene,
    ``fallback`` (a built-in gradient) is used; ``params`` the bound scene does not have are
    left out (they are meant for the default).
    """

    default: str | None = None
    fallback: str = "env_gradient"
    scale: float = 0.5
    params: dict[str, Any] = field(default_factory=dict)
    enabled_by: str | None = None    # a parameter of the binding scene: at 0 nothing is rendered


@dataclass
class SceneState:
    """Everything a scene may read for one frame; a pure function of the frame's time."""

    t: float            # seconds since the cue started (the scene's own time)
    show_t: float       # seconds since the show started
    frame: int          # frame index since the cue started
    dt: float
    beat: float
    bpm: float
    seed: int
    resolution: tuple[int, int]
    params: dict[str, Any]
    events: Sequence[Any] = ()   # control events (touches...) that reached this scene
    audio: Any = None            # what the frame hears (visuals.audio.analysis.AudioFrame), or None

    @property
    def phase(self) -> float:
        return self.beat % 1.0


class Scene:
    """Shader passes plus parameters; subclass and override ``update`` to feed data from Python."""

    def __init__(self, name: str, passes: Sequence[Pass], params: Sequence[Param] = (),
                 description: str = "", duration: float = 10.0, output: str | None = None,
                 bindings: dict[str, Binding] | None = None, site: SourceSite | None = None):
        self.site = site or caller_site()
        self.name = name
        self.passes = list(passes)
        self.bindings = dict(bindings or {})
        self.params = ParamSet(params, name)
        self.description = description
        self.duration = duration
        if not self.passes:
            raise self.error(f"scene '{name}' has no passes", "give at least one Pass")
        names = [p.name for p in self.passes]
        for clash in sorted(set(names) & set(self.params.names()) | set(names) & set(self.bindings)):
            raise self.error(f"scene '{name}' uses '{clash}' for a pass and a parameter or binding: both "
                             f"would be the uniform u_{clash}", "rename the pass")
        for i, p in enumerate(self.passes):
            if names.count(p.name) > 1:
                raise self.error(f"scene '{name}' has two passes named '{p.name}'",
                                 "give each pass a distinct name=")
            for inp in p.inputs:
                if inp not in names[:i]:
                    raise self.error(f"pass '{p.name}' reads '{inp}', which is not an earlier pass",
                                     "list only passes defined before it in inputs=")
            if p.skip_covered_by is not None:
                self._check_covering_pass(p, self.passes[:i])
            if p.into is not None:
                self._check_target_pass(p, self.passes[:i])
        self.output = output or self.passes[-1].name
        if self.output not in names:
            raise self.error(f"scene output '{self.output}' is not a pass", "name one of its passes")

    def _check_covering_pass(self, p: Pass, earlier: Sequence[Pass]) -> None:
        cover = next((q for q in earlier if q.name == p.skip_covered_by), None)
        if cover is None:
            raise self.error(f"pass '{p.name}' skips pixels covered by '{p.skip_covered_by}', which is "
                             "not an earlier pass", "name a pass defined before it in skip_covered_by=")
        if not cover.coverage:
            raise self.error(f"pass '{p.name}' skips pixels covered by '{cover.name}', which writes no "
                             "coverage", f"give pass '{cover.name}' coverage=True (its shader writes gl_FragDepth)")
        if (cover.size, cover.scale) != (p.size, p.scale):
            raise self.error(f"pass '{p.name}' and '{cover.name}', whose coverage it uses, differ in size",
                             "give both the same size= and scale=")

    def _check_target_pass(self, p: Pass, earlier: Sequence[Pass]) -> None:
        host = next((q for q in earlier if q.name == p.into), None)
        if host is None:
            raise self.error(f"pass '{p.name}' draws into '{p.into}', which is not an earlier pass",
                             "name a pass defined before it in into=")
        if host.into is not None:
            raise self.error(f"pass '{p.name}' draws into '{p.into}', which itself draws into '{host.into}'",
                             f"use into='{host.into}'")
        if p.feedback or host.feedback:
            raise self.error(f"pass '{p.name}' draws into '{p.into}', and one of them has feedback",
                             "give the pass its own target (no into=) when it reads its previous frame")
        if p.into in p.inputs:
            raise self.error(f"pass '{p.name}' both reads and draws into '{p.into}'",
                             "drop it from inputs= (use blend='under' or 'alpha' to combine with it)")
        if (host.size, host.scale, host.precision) != (p.size, p.scale, p.precision):
            raise self.error(f"pass '{p.name}' draws into '{p.into}' but asks for another size or precision",
                             "leave size=, scale= and precision= as the target pass has them")
        shared = {host.name, host.skip_covered_by}      # the depth buffers that target carries
        if p.skip_covered_by is not None and p.skip_covered_by not in shared:
            raise self.error(f"pass '{p.name}' draws into '{p.into}' but skips what '{p.skip_covered_by}' "
                             f"covers: the depth test can only use the coverage in '{p.into}'s target",
                             f"use skip_covered_by='{p.into}'")

    @property
    def folder(self) -> Path | None:
        return Path(self.site.file).parent if self.site else None

    def error(self, message: str, fix: str) -> VisualsError:
        return VisualsError.at(self.site, message, fix=fix)

    def update(self, state: SceneState, resources: "SceneResources") -> dict[str, Any]:
        """Per-frame hook: upload textures through ``resources`` and return extra uniforms.

        Uniform values may be numbers, tuples, or numpy arrays for uniform arrays (a list
        of touches as ``vec4 u_touches[16]``).  Called once per rendered frame, in frame order
        (feedback replays included), and must depend only on ``state``.
        """
        return {}

    def __repr__(self) -> str:
        return f"Scene({self.name!r}, {len(self.passes)} passes, {len(self.params)} params)"


class SceneResources:
    """What ``Scene.update`` may do to the GPU: create or refresh named textures."""

    def texture(self, name: str, data, *, filter: str = "linear", wrap: str = "clamp",
                key: Any = None) -> None:  # pragma: no cover
        """Upload a numpy array (h, w[, c]) as ``sampler2D u_<name>``; array row 0 is v = 0.

        With ``key``, the upload is skipped while the key stays the same (a glyph table
        regenerated only when its seed changes).
        """
        raise NotImplementedError

    def draw_count(self, pass_name: str, count: int, instances: int | None = None) -> None:  # pragma: no cover
        """Set how many vertices (and instances) a geometry pass draws this frame, so a pass
        of up to 600 patches submits only the ones in view."""
        raise NotImplementedError


def draw_one_of(resources: Any, variants: Sequence[str], drawn: str | None, count: int,
                instances: int | None = None) -> None:
    """Draw the pass ``drawn`` of ``variants`` (``count`` vertices) and none of the others.

    Why: on software GL a branch not taken is still paid for, so a scene keeps a costly look
    in a compiled variant of a pass (its own shader file) and draws exactly one of the set
    each frame -- the plain pass while the look is off.  ``drawn`` None (or a name not in the
    set) draws none of them.  A name may repeat in ``variants`` (two looks sharing one pass)."""
    for name in dict.fromkeys(variants):
        resources.draw_count(name, count if name == drawn else 0, instances)
