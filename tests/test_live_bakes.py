"""The bakes kept for a live show (visuals/render/bakes.py, Renderer.warm_up(bakes=True)).

On stage each cut into a baked shot was one frame of 1-3 s at 640x360 on llvmpipe (the Serenes'
portrait at 88 s, the lovers at 96 s: benchmarks/live_stalls.py): the picture froze.  Warmed up
with its bakes, the live renderer draws no bake pass during the show -- it copies the G-buffer
baked before -- and its frames at the cuts are the bytes the cold renderer draws.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

SIZE = (160, 90)
# the Serenes' cue (82-106 s): its start, the cut to the portrait (88 s), the cut from the
# portrait to the lovers (95 s, round 33), the row again (100.5 s), each with the frame before it
TIMES = (82.0, 84.0, 87.9666, 88.0, 88.0333, 94.9666, 95.0, 96.0, 100.5, 101.0)


def _dream_cue_alone(cue_name: str, show_name: str):
    """(registry, a show of the dream's one cue ``cue_name``, with the dream's seed and post)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.model.show import Show
    registry = Registry(SearchPath.build([]))
    dream = registry.show("dream")
    cue = next(c for c in dream.cues if c.name == cue_name)
    return registry, Show(show_name, [cue], seed=dream.seed, post=dream.post)


@pytest.fixture(scope="module")
def serenes_show():
    return _dream_cue_alone("the Serenes", "serenes-live")


def _live_renderer(gl, registry, show):
    from visuals.render.renderer import RenderConfig, Renderer
    return Renderer(gl, show, registry, RenderConfig(size=SIZE, fps=Fraction(30), exact=False), resilient=True)


def _play(renderer, times) -> list[np.ndarray]:
    from visuals.perform.clock import Frame
    out = []
    for i, t in enumerate(times):
        renderer.render(Frame(i, t))
        out.append(np.frombuffer(renderer.read_rgb(), np.uint8).copy())
    return out


def test_warmed_live_show_draws_no_bake_and_matches_the_cold_frames(gl, serenes_show):
    from visuals.render.bakes import BakeStore
    registry, show = serenes_show
    cold = _live_renderer(gl, registry, show)
    try:
        cold.warm_up()
        assert cold.bakes is None            # offline and a plain warm-up keep nothing
        expected = _play(cold, TIMES)
    finally:
        cold.release()
    warm = _live_renderer(gl, registry, show)
    try:
        warm.bakes = BakeStore(gl, min_seconds=0.0)     # keep every bake, however quick
        warm.warm_up(bakes=True)
        assert {82.0, 88.0, 95.0, 100.5} <= set(warm.bake_times())
        assert len(warm.bakes) > 0
        got = _play(warm, TIMES)
        assert warm.bakes.draws == 0, "a bake pass drew during the show: a stall at a cut"
        assert warm.bakes.hits > 0
    finally:
        warm.release()
    for t, a, b in zip(TIMES, expected, got):
        assert np.array_equal(a, b), f"the frame at {t} s differs from the cold render"


def test_dropped_bakes_are_drawn_again(gl, serenes_show):
    """A shader reload drops the kept bakes (they show the old shader): the runners bake again."""
    from visuals.render.bakes import BakeStore
    registry, show = serenes_show
    warm = _live_renderer(gl, registry, show)
    try:
        warm.bakes = BakeStore(gl, min_seconds=0.0)
        warm.warm_up(bakes=True)
        _play(warm, (87.9666,))
        store = warm.bakes
        warm.drop_bakes()
        assert warm.bakes is None and len(store) == 0
        assert all(r.bakes is None for r in warm.runners.values())
        _play(warm, (88.0,))                 # draws its bake as before, no store to fail on
    finally:
        warm.release()


def test_prebake_draws_its_progress_line_on_a_terminal_only():
    """`visuals live` bakes the show's shots before it starts (visuals/live/prebake.py): on a
    terminal a redrawn progress line says why the load takes seconds; in a log or a pipe
    nothing is written, so the show's notices stand alone (the no-device audio test reads one)."""
    import io
    from visuals.live.prebake import prebake_shots

    class Mixer:
        def warm_up(self, show, bakes, progress):
            assert bakes is True
            self.progress = progress
            if progress is not None:
                progress(1, 2, 0.0)
                progress(2, 2, 4.0)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    piped, term = io.StringIO(), Terminal()
    quiet, shown = Mixer(), Mixer()
    prebake_shots(quiet, "show", stream=piped)
    prebake_shots(shown, "show", stream=term)
    assert quiet.progress is None and piped.getvalue() == ""
    assert term.getvalue() == "\rbaking the show's shots: 1/2 (show 0.0 s)\rbaking the show's shots: 2/2 (show 4.0 s)\n"


@pytest.fixture(scope="module")
def constellations_show():
    return _dream_cue_alone("hieroglyph constellations", "constellations-live")


def test_warm_up_keeps_the_inscription_for_the_cut_into_the_constellations(gl, constellations_show,
                                                                            monkeypatch):
    """The inscription (a line of glyphs, numpy, over a second on llvmpipe's host) was kept in one
    slot on the runner; the warm-up's render at 35.3 s (the next glyph run) overwrote it, so the
    cut at 22 s computed it again on stage: a 1.7 s frame.  Kept per (seed, first glyph) now."""
    import sys
    registry, show = constellations_show
    module = sys.modules[type(registry.scene("constellations")).__module__]
    if hasattr(module, "inscription_texels"):
        module.inscription_texels.cache_clear()     # (earlier tests in the process filled it)
    calls = []
    real = module.inscription
    monkeypatch.setattr(module, "inscription", lambda *a: calls.append(a) or real(*a))
    warm = _live_renderer(gl, registry, show)
    try:
        warm.warm_up(bakes=True)
        warmed = len(calls)
        assert warmed >= 2, "the warm-up should have met both glyph runs (22 s and 35.3 s)"
        _play(warm, (22.0, 22.0333, 35.4, 22.1))
        assert len(calls) == warmed, f"the show computed the inscription again on stage: {calls[warmed:]}"
    finally:
        warm.release()
