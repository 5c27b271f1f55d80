"""The GL context and what every render needs from it: programs, targets, a full-screen draw.

Headless rendering goes through EGL (no display).  Programs are compiled once per distinct
set of sources and cached; a failed compile raises a VisualsError that names the shader file
and line.  The cache remembers file modification times so the live window can recompile what
changed and keep the last good program when the new one fails.
"""
from __future__ import annotations

import struct
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import moderngl
import numpy as np

from visuals.errors import VisualsError
from visuals.load.paths import SearchPath, modified_time
from visuals.load.shaderlib import Preprocessor, ShaderSource, translate_log
from .current import EglBinding

FULLSCREEN_VERT = "common/fullscreen.vert"
# GL_SAMPLER_2D, _3D, _CUBE, _2D_ARRAY, and the integer 2D samplers
_SAMPLER_TYPES = {0x8B5E, 0x8B5F, 0x8B60, 0x8DC1, 0x8DCA, 0x8DD2}


def create_headless_context() -> moderngl.Context:
    """An OpenGL 3.3+ context with no window, through EGL."""
    try:
        return moderngl.create_context(standalone=True, backend="egl", require=330)
    except Exception as err:  # moderngl raises plain Exception subclasses here
        raise VisualsError(f"cannot create a headless OpenGL context through EGL: {err}",
                           fix="install Mesa's EGL (apt install libegl1 libgl1-mesa-dri) "
                               "or run on a machine with a GPU driver") from None


@contextmanager
def headless_context() -> Iterator[moderngl.Context]:
    """A headless context for one command (a still, a sheet, a render), released after it, the
    thread's current context put back as it was.  Why: a new context is made current and stays
    so, and moderngl never makes the caller's current again -- after an in-process still, a
    program that keeps one context and program cache (a test session, a host calling
    ``visuals.cli.main``) made its new objects in the still's context while its cache held
    names of its own: once its own was current again, those names were nothing or another
    program there (GL_INVALID_OPERATION, an all-black frame: round 33's black sky frame)."""
    previous = EglBinding.current()
    ctx = create_headless_context()
    try:
        yield ctx
    finally:
        ctx.release()
        previous.restore()


def release_framebuffer(fbo: moderngl.Framebuffer) -> None:
    """Release a framebuffer and its colour textures: a framebuffer's own release leaves the
    textures attached to it alive (GPU memory held until the context goes)."""
    for tex in fbo.color_attachments:
        tex.release()
    fbo.release()


def is_software_renderer(ctx: moderngl.Context) -> bool:
    renderer = ctx.info.get("GL_RENDERER", "").lower()
    return any(s in renderer for s in ("llvmpipe", "softpipe", "swrast", "lavapipe"))


@dataclass
class CompiledProgram:
    program: moderngl.Program
    vao: moderngl.VertexArray
    sources: dict[str, ShaderSource]
    stamp: tuple
    params: tuple = ()

    def samplers(self) -> list[str]:
        """Names of the program's sampler uniforms (cached per compiled program)."""
        cached = getattr(self, "_samplers", None)
        if cached is None or cached[0] is not self.program:
            names = [name for name in self.program
                     if isinstance(self.program[name], moderngl.Uniform)
                     and self.program[name].gl_type in _SAMPLER_TYPES]
            cached = self._samplers = (self.program, names)
        return cached[1]

    def own_uniforms(self) -> list[str]:
        """Non-sampler uniforms whose names start with u_ (parameters, standard uniforms)."""
        samplers = set(self.samplers())
        return [name for name in self.program if name.startswith("u_") and name not in samplers
                and isinstance(self.program[name], moderngl.Uniform)]

    def set(self, name: str, value) -> None:
        """Set a uniform if the program uses it (the GLSL compiler drops unused ones)."""
        member = self.program.get(name, None)
        if member is None:
            return
        try:
            if isinstance(value, np.ndarray):  # uniform arrays (touch lists, palettes)
                need = member.array_length * member.dimension
                flat = np.zeros(need, np.int32 if member.fmt.endswith("i") else np.float32)
                src = value.ravel()[:need]
                flat[:src.size] = src
                member.write(flat.tobytes())
                return
            if isinstance(value, bool):
                value = 1.0 if value else 0.0
            if isinstance(member, moderngl.Uniform):
                if member.dimension == 1 and isinstance(value, tuple):
                    value = value[0]
                if member.fmt in ("1i", "1u") and not isinstance(value, int):
                    value = int(value)
                member.value = value
        except (struct.error, TypeError, ValueError) as err:
            raise VisualsError(f"uniform {name} cannot take {value!r}: {err}",
                               fix="match the GLSL type of the uniform to the parameter kind") from None


class ProgramCache:
    """Compiles (vertex, fragment) file pairs once; keyed by paths and generated params."""

    def __init__(self, ctx: moderngl.Context, search: SearchPath):
        self.ctx = ctx
        self.search = search
        self._cache: dict[tuple, CompiledProgram] = {}
        self.errors: dict[tuple, VisualsError] = {}        # programs whose latest save fails
        self._failed_stamps: dict[tuple, tuple] = {}
        self._failed_first: dict[tuple, tuple] = {}         # never compiled: (error, stamp, files)

    def get(self, frag: str | Path, vert: str | Path | None = None, params: Sequence = (),
            relative_to: Path | None = None) -> CompiledProgram:
        vert = vert or getattr(frag, "vertex", None)     # a foreign program brings its vertex stage
        key = (_key(frag), _key(vert or FULLSCREEN_VERT), tuple((p.name, p.kind) for p in params),
               str(relative_to))
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        failed = self._failed_first.get(key)
        if failed is not None and failed[1] == _stamp(failed[2]):
            raise failed[0]   # still broken on disk: do not recompile every frame
        try:
            compiled = self.compile(frag, vert, params, relative_to)
        except VisualsError as err:
            files = [f for f in (err.file, frag, vert) if f]
            paths = [str(found) for f in files if (found := (
                Path(f).resolve() if Path(f).is_file() else self.search.find_shader(f, relative_to)))]
            self._failed_first[key] = (err, _stamp(paths), paths)
            raise
        self._failed_first.pop(key, None)
        self._cache[key] = compiled
        return compiled

    def compile(self, frag, vert=None, params: Sequence = (), relative_to: Path | None = None) -> CompiledProgram:
        pre = Preprocessor(self.search, params)
        vs = _load(pre, vert or getattr(frag, "vertex", None) or FULLSCREEN_VERT, relative_to, self.ctx)
        fs = _load(pre, frag, relative_to, self.ctx)
        sources = {"vertex_shader": vs, "fragment_shader": fs}
        try:
            program = self.ctx.program(vertex_shader=vs.text, fragment_shader=fs.text)
        except moderngl.Error as err:
            raise translate_log(str(err), sources) from None
        vao = self.ctx.vertex_array(program, [])
        return CompiledProgram(program, vao, sources, vs.stamp() + fs.stamp(), tuple(params))

    def release(self) -> None:
        """Free every program compiled here.  Why: on software GL each program holds its
        JIT-compiled code, tens of MB per show, so a cache dropped without this leaked it (a
        process that built one renderer after another -- the test suite, a long live session
        loading shows -- grew by that much each time)."""
        for compiled in self._cache.values():
            compiled.vao.release()
            compiled.program.release()
        self._cache.clear()

    def reload_changed(self) -> list[Path]:
        """Recompile every program whose files changed on disk; keep the last good on failure.

        A program that compiles replaces the old one in place (everyone holding it sees the
        new version); one that fails keeps running as it was and its error stays in
        ``self.errors`` until a later save compiles.  Returns the files that were reloaded.
        """
        reloaded: list[Path] = []
        for key, compiled in self._cache.items():
            fresh = tuple((path, modified_time(path)) for path, _ in compiled.stamp)
            if fresh == compiled.stamp or fresh == self._failed_stamps.get(key):
                continue
            frag, vert, _, rel = key
            try:
                new = self.compile(frag, vert, compiled.params, None if rel == "None" else Path(rel))
            except VisualsError as err:
                self.errors[key] = err
                self._failed_stamps[key] = fresh
                continue
            self.errors.pop(key, None)
            self._failed_stamps.pop(key, None)
            old_program, old_vao = compiled.program, compiled.vao
            compiled.program, compiled.vao = new.program, new.vao
            compiled.sources, compiled.stamp = new.sources, new.stamp
            old_vao.release()
            old_program.release()
            reloaded.append(Path(frag))
        return reloaded


def _key(shader) -> object:
    """A shader's cache key: its path, or itself when it is built from a foreign file."""
    return shader if hasattr(shader, "build_source") else str(shader)


def _load(pre: Preprocessor, shader, relative_to: Path | None, ctx: moderngl.Context) -> ShaderSource:
    """A shader file through the preprocessor, or a program stage assembled around a foreign
    file (an ISF or Shadertoy shader: see visuals/foreign/source.py)."""
    if hasattr(shader, "build_source"):
        return shader.build_source(pre, ctx.version_code)
    return pre.load(shader, relative_to)


def _stamp(paths: list[str]) -> tuple:
    return tuple(modified_time(p) for p in paths)
