"""The live show's bakes drawn before it starts, not at its cuts.

A baked shot (a G-buffer marched once per camera) is a frame of 1-9 s on llvmpipe where it is
first drawn: on stage, the picture froze at the cut.  ``prebake_shots`` has the mixer compile
every program and render each bake of the show ahead (``Renderer.warm_up(bakes=True)``,
visuals/render/bakes.py), so the cost is a longer load instead.  Its progress line is redrawn on
a terminal only: in a log or a pipe the show's notices stand alone.
"""
from __future__ import annotations

import sys
from typing import Any, TextIO


def prebake_shots(mixer: Any, show: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stderr

    def progress(done: int, total: int, t: float) -> None:
        print(f"\rbaking the show's shots: {done}/{total} (show {t:.1f} s)",
              end="\n" if done == total else "", file=out, flush=True)
    on_terminal = bool(getattr(out, "isatty", lambda: False)())
    mixer.warm_up(show, bakes=True, progress=progress if on_terminal else None)
