"""Features to the GPU: the ``u_audio_*`` uniforms and the audio texture.

The texture is 512 x 2, one float channel: row 0 the spectrum, row 1 the waveform, the layout
of Shadertoy's audio channel, so a shader ported from there reads ``texture(u_audio, vec2(x,
0.25)).r`` for the spectrum and ``vec2(x, 0.75)`` for the wave.  ISF's ``audioFFT`` and
``audio`` inputs are the same rows as separate one-row images: :func:`bind_audio_texture` binds
either (or both rows) to any sampler name, silent when there is no sound.
"""
from __future__ import annotations

import moderngl
import numpy as np

from .analysis import AudioFrame, silent_frame
from .names import FEATURES, TEXTURE_WIDTH

_SILENT = silent_frame()
ROWS = {"shadertoy": (0, 2), "audioFFT": (0, 1), "audio": (1, 2)}


def _declared(prog) -> tuple[str, ...]:
    """The audio features a program declares (cached per compiled program), so the many
    shaders that hear nothing pay one attribute lookup per draw."""
    program = getattr(prog, "program", prog)
    cached = getattr(prog, "_audio_uniforms", None)
    if cached is None or cached[0] is not program:
        names = tuple(n for n in (*FEATURES, "bands") if program.get(f"u_audio_{n}", None) is not None)
        cached = (program, names)
        try:
            prog._audio_uniforms = cached
        except AttributeError:
            pass
    return cached[1]


def set_audio_uniforms(prog, frame: AudioFrame | None) -> None:
    """``u_audio_<feature>`` and ``u_audio_bands[32]`` on one program; zeros without sound."""
    names = _declared(prog)
    if not names:
        return
    frame = frame or _SILENT
    for name in names:
        if name == "bands":
            prog.set("u_audio_bands", np.asarray(frame.bands, np.float32))
        else:
            prog.set(f"u_audio_{name}", float(frame.values.get(name, 0.0)))


def texture_data(frame: AudioFrame | None, kind: str = "shadertoy") -> np.ndarray:
    """The texture's rows for ``kind``: "shadertoy" (spectrum over waveform, 512 x 2),
    "audioFFT" (the spectrum row) or "audio" (the waveform row)."""
    frame = frame or _SILENT
    rows = np.stack([frame.spectrum, frame.waveform]).astype(np.float32)
    lo, hi = ROWS[kind]
    return np.ascontiguousarray(rows[lo:hi])


class AudioTexture:
    """One texture per runner, refilled for every draw from that draw's frame (4 KB)."""

    def __init__(self, ctx: moderngl.Context, kind: str = "shadertoy"):
        self.kind = kind
        lo, hi = ROWS[kind]
        self.texture = ctx.texture((TEXTURE_WIDTH, hi - lo), 1, dtype="f4")
        self.texture.filter = (moderngl.LINEAR, moderngl.LINEAR)
        self.texture.repeat_x = self.texture.repeat_y = False

    def upload(self, frame: AudioFrame | None) -> moderngl.Texture:
        self.texture.write(texture_data(frame, self.kind).tobytes())
        return self.texture

    def release(self) -> None:
        self.texture.release()


def bind_audio_texture(ctx: moderngl.Context, prog, name: str, frame: AudioFrame | None, unit: int,
                       cache: dict, kind: str = "shadertoy") -> int:
    """Bind the audio texture of ``frame`` (silent when None) to sampler ``name`` of ``prog``
    (a visuals CompiledProgram or a bare moderngl.Program) on ``unit``; return the next free
    unit.  ``cache`` (a dict the caller keeps, and releases with :func:`release_cache`) holds
    the texture per kind.  For ISF: ``kind="audioFFT"`` or ``"audio"``."""
    program = getattr(prog, "program", prog)
    member = program.get(name, None)
    if member is None:
        return unit
    tex = cache.get(kind)
    if tex is None:
        tex = cache[kind] = AudioTexture(ctx, kind)
    tex.upload(frame).use(unit)
    member.value = unit
    return unit + 1


def release_cache(cache: dict) -> None:
    for tex in cache.values():
        tex.release()
    cache.clear()
