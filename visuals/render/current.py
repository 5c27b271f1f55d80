"""Which EGL context this thread draws into, saved and put back.

moderngl makes a context current when it creates it and never makes one current again on its
own: every call "through" a context object goes to whatever context the thread has current.
So a command that makes a context of its own for a while (a still, a sheet, a render called
in-process) must hand the thread back the context it found, or the caller's next objects are
made in the command's context while the caller's cached programs still hold names of its own
(see ``visuals.render.gpu.headless_context``).
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import NamedTuple

EGL_DRAW = 0x3059
EGL_READ = 0x305A


@lru_cache(maxsize=1)
def _egl():
    """libEGL through ctypes, or None where there is none (nothing to save or put back)."""
    name = ctypes.util.find_library("EGL") or "libEGL.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    for fn in ("eglGetCurrentContext", "eglGetCurrentDisplay", "eglGetCurrentSurface"):
        getattr(lib, fn).restype = ctypes.c_void_p
    lib.eglGetCurrentSurface.argtypes = [ctypes.c_int32]
    lib.eglMakeCurrent.argtypes = [ctypes.c_void_p] * 4
    lib.eglMakeCurrent.restype = ctypes.c_uint
    return lib


class EglBinding(NamedTuple):
    """A thread's current EGL display, draw and read surfaces and context (0: none)."""
    display: int
    draw: int
    read: int
    context: int

    @classmethod
    def current(cls) -> "EglBinding":
        egl = _egl()
        if egl is None:
            return cls(0, 0, 0, 0)
        return cls(egl.eglGetCurrentDisplay() or 0, egl.eglGetCurrentSurface(EGL_DRAW) or 0,
                   egl.eglGetCurrentSurface(EGL_READ) or 0, egl.eglGetCurrentContext() or 0)

    def restore(self) -> None:
        """Make this binding current again; with none saved, leave the thread with no context
        (a released context left current lives on until the thread lets it go)."""
        egl = _egl()
        if egl is None:
            return
        if self.context:
            egl.eglMakeCurrent(self.display, self.draw, self.read, self.context)
            return
        display = egl.eglGetCurrentDisplay()
        if display:
            egl.eglMakeCurrent(display, None, None, None)
