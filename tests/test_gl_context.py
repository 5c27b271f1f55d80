"""The thread's current GL context across commands that make one of their own (round 33).

moderngl sends every call to the context the thread has current, and a new context is made
current when it is created.  `visuals still` and `visuals sheet` run in-process (as the test
suite and any host calling ``visuals.cli.main`` run them) made their own context and left it
current: the caller's later objects went into it while its program cache held names of its
own context.  In the suite, test_frame_driver.py's in-process still left the sky file's shared
cache compiled in the still's context; once another test made the session's context current
again the cache's names were nothing (or another program) there -- GL_INVALID_OPERATION, an
all-black 960x540 sky frame, in a run of three files that took minutes.
"""
from __future__ import annotations

import threading
from fractions import Fraction

import numpy as np
import pytest

SIZE = (64, 36)


def _frame(gl, programs, registry) -> np.ndarray:
    """demo at 1 s through a renderer of its own on the caller's (kept) program cache."""
    from visuals.output.pngio import gl_rows_to_image
    from visuals.perform.clock import FixedClock
    from visuals.render.renderer import RenderConfig, Renderer
    renderer = Renderer(gl, registry.show("demo"), registry, RenderConfig(size=SIZE, fps=Fraction(30)),
                        programs=programs)
    try:
        renderer.render(FixedClock(30).frame(30))
        return gl_rows_to_image(renderer.read_rgb(), SIZE).copy()
    finally:
        renderer.release()


@pytest.mark.parametrize("command", [["still", "demo", "--at", "1.0", "--size", "32x18"],
                                     ["sheet", "demo", "--every", "5", "--thumb", "32x18"]])
def test_an_in_process_still_or_sheet_hands_the_caller_its_context_back(gl, tmp_path, command):
    """A program that keeps one context and program cache renders the same frame before and
    after a still or a sheet made in-process (before: the still's context stayed current, the
    frame after it was drawn with names of another context)."""
    from visuals.cli import main
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.current import EglBinding
    from visuals.render.gpu import ProgramCache
    registry = Registry(SearchPath.build([]))
    programs = ProgramCache(gl, registry.search)
    programs.get("post/downsample.frag")     # (the cache's names apart from the command's own)
    binding = EglBinding.current()
    try:
        before = _frame(gl, programs, registry)
        assert before.max() > 0, "demo renders black before the command"
        assert main(command + ["--out", str(tmp_path / "out.png")]) == 0
        after = _frame(gl, programs, registry)
        assert np.array_equal(before, after), "the kept cache draws another picture after the command"
        assert EglBinding.current() == binding, "the command left its own context current"
    finally:
        gl.__enter__()                       # (the session's context current for the tests after)
        programs.release()


def test_a_headless_context_leaves_the_thread_as_it_found_it():
    """A thread with no context has none again after a command's context (not the released
    one lingering), and one with a context gets it back even when the command fails."""
    from visuals.render.current import EglBinding
    from visuals.render.gpu import headless_context
    seen: dict[str, object] = {}

    def bare_thread():
        seen["before"] = EglBinding.current().context
        with headless_context():
            seen["inside"] = EglBinding.current().context
        seen["after"] = EglBinding.current().context
        with headless_context() as outer:
            kept = EglBinding.current()
            with pytest.raises(RuntimeError):
                with headless_context():
                    raise RuntimeError("a scene failed")
            seen["kept"] = EglBinding.current() == kept
            texture = outer.texture((4, 4), 4)     # (the outer context still takes objects)
            seen["usable"] = outer.error == "GL_NO_ERROR"
            texture.release()
    thread = threading.Thread(target=bare_thread)
    thread.start()
    thread.join(timeout=60)
    assert seen == {"before": 0, "inside": seen.get("inside"), "after": 0, "kept": True, "usable": True}, seen
    assert seen["inside"] != 0
