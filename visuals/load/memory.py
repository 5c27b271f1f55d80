"""Handing freed memory back to the system after a hot reload.

A module reload in the live show builds a new registry on a worker thread and a new mixer (GL
textures and framebuffers) on the render thread, and frees the old ones.  Python frees them
all (tracemalloc shows no growth over 25 reloads), but glibc keeps the freed pages in its
heaps and per-thread arenas, scattered between live blocks, so the show's resident memory
grew by about 0.1 to 0.2 MB a reload (``benchmarks/reload_memory.py``).  ``malloc_trim``
returns those pages; it is called once per reload, not per frame.  On a C library without
it (musl, macOS) this does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_freed_memory() -> bool:
    """Return freed heap pages to the system (glibc); False where the C library cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
