"""The uniform contract between the engine and every shader, as one table.

shaders/README.md documents these uniforms for the people who write shaders; this table is
what the engine sets them from, and a test (tests/test_uniforms.py) fails when the README's
tables and this one disagree on a name, a type, a meaning or a unit, so neither can gain a
uniform the other lacks.  The audio rows come from visuals/audio/names.py, the audio features'
own table.

Each row says who sets the uniform: ``SceneState`` rows carry the function of the frame's state
(and the target's size) that scene_runtime.standard_uniforms writes into every scene and post
pass; the others are bound by the part of the engine named in ``set_by``.  A transition gets
TRANSITION_UNIFORMS from the renderer and the compositor.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from visuals.audio.names import BAND_COUNT, FEATURES, TEXTURE_WIDTH


@dataclass(frozen=True)
class Uniform:
    """One row of the contract: the GLSL name and type, what it means, its unit ('-' for
    none), who sets it, and for the per-frame uniforms the value from (state, size)."""

    name: str
    glsl: str
    meaning: str
    unit: str
    set_by: str
    value: Callable[[Any, tuple[int, int]], Any] | None = None


_STATE = "scene_runtime.standard_uniforms, from the frame's SceneState"

# The README's "Standard uniforms" table, in its order.
STANDARD: tuple[Uniform, ...] = (
    Uniform("u_time", "float", "the scene's own time: seconds since its cue started (0 at the cue's first frame)",
            "s", _STATE, lambda s, size: float(s.t)),
    Uniform("u_show_time", "float", "seconds since the show started", "s", _STATE, lambda s, size: float(s.show_t)),
    Uniform("u_frame", "int", "frames since the cue started (export: exact; live: the cue's time at the window's refresh rate, so a paused show stands still)", "frames", _STATE,
            lambda s, size: int(s.frame)),
    Uniform("u_delta", "float", "seconds between this frame and the last (export: exactly 1/fps; live: measured)", "s", _STATE,
            lambda s, size: float(s.dt)),
    Uniform("u_resolution", "vec2",
            "size of the target being drawn, in pixels (supersampled size when `--ssaa` > 1)", "px", _STATE,
            lambda s, size: (float(size[0]), float(size[1]))),
    Uniform("u_aspect", "float", "`u_resolution.x / u_resolution.y`", "-", _STATE,
            lambda s, size: float(size[0]) / float(size[1])),
    Uniform("u_beat", "float", "beats since the show started, from the tempo map (fractional)", "beats", _STATE,
            lambda s, size: float(s.beat)),
    Uniform("u_bpm", "float", "tempo now", "beats/min", _STATE, lambda s, size: float(s.bpm)),
    Uniform("u_phase", "float", "position within the current beat, `fract(u_beat)`, 0..1", "-", _STATE,
            lambda s, size: float(s.phase)),
    Uniform("u_seed", "int", "the show's seed (`--seed` overrides); hash it into anything random", "-", _STATE,
            lambda s, size: int(s.seed)),
    Uniform("u_<param>", "see below", "each parameter of the scene, by its Python name", "the parameter's",
            "scene_runtime.SceneRunner, from the scene's parameters"),
)

# The README's "Images" table: the samplers a pass reads, and a transition's progress.
IMAGES: tuple[Uniform, ...] = (
    Uniform("u_<pass>", "sampler2D", "an earlier pass of the scene that this pass lists in its `inputs`", "-",
            "scene_runtime.SceneRunner"),
    Uniform("u_prev", "sampler2D",
            "a feedback pass's own previous frame (transparent black at the cue's start)", "-",
            "scene_runtime.SceneRunner"),
    Uniform("u_<texture>", "sampler2D", "a texture the scene uploads from Python (`SceneResources`)", "-",
            "scene_runtime.SceneRunner"),
    Uniform("u_<slot>", "sampler2D", "another scene's picture bound to a `Binding` slot of the scene", "-",
            "renderer.Renderer"),
    Uniform("u_input", "sampler2D", "a post effect's pass: the image it processes", "-", "renderer.Renderer"),
    Uniform("u_from", "sampler2D", "a transition's outgoing image", "-", "compositor.Compositor.transition"),
    Uniform("u_to", "sampler2D", "a transition's incoming image", "-", "compositor.Compositor.transition"),
    Uniform("u_progress", "float", "a transition's progress: 0 shows `u_from` exactly, 1 shows `u_to` exactly", "-",
            "compositor.Compositor.transition"),
)

_AUDIO = "audio.texture.set_audio_uniforms (zeros without sound)"

# The README's "Audio uniforms" table: a row a feature of visuals/audio/names.py, the bands, the texture.
AUDIO: tuple[Uniform, ...] = (
    *(Uniform(f"u_audio_{name}", "float", meaning, "-", _AUDIO) for name, meaning in FEATURES.items()),
    Uniform(f"u_audio_bands[{BAND_COUNT}]", f"float[{BAND_COUNT}]",
            f"{BAND_COUNT} log-spaced bands from 40 Hz to 16 kHz, 0..1 as `u_audio_level` (smoothed); "
            f"`band0`..`band{BAND_COUNT - 1}` as signals", "-", _AUDIO),
    Uniform("u_audio", "sampler2D",
            f"{TEXTURE_WIDTH} x 2, one channel: row 0 (`y = 0.25`) the spectrum, {TEXTURE_WIDTH} linear bins up to a "
            "quarter of the sample rate (12 kHz at 48 kHz) on the 0..1 level scale; row 1 (`y = 0.75`) the waveform, "
            f"the {TEXTURE_WIDTH} newest samples, 0.5 = silence. Shadertoy's audio channel layout; ISF's `audioFFT` / "
            "`audio` are its rows (`visuals.audio.texture.bind_audio_texture`)", "-",
            "audio.texture.bind_audio_texture"),
)

PER_FRAME: tuple[Uniform, ...] = tuple(u for u in STANDARD if u.value is not None)

# What a transition's program gets from the engine (what a scene's pass gets per frame, the
# sound included, and its images); any other uniform it declares is one of its own parameters
# (reset to 0 unless the cue gives it).
TRANSITION_UNIFORMS: frozenset[str] = frozenset(
    [u.name for u in PER_FRAME] + [u.name.split("[")[0] for u in AUDIO]
    + [u.name for u in IMAGES if u.set_by.startswith("compositor")])


def set_standard_uniforms(prog, state, size: tuple[int, int]) -> None:
    """Every per-frame uniform of the table on one program (a name it does not declare costs nothing)."""
    for uniform in PER_FRAME:
        prog.set(uniform.name, uniform.value(state, size))
