"""Passes that skip pixels an earlier pass covered, and passes drawn into another's target.

llvmpipe shades every pixel of a block even where a branch, ``return`` or ``discard`` leaves
it: only a failed depth test skips the work.  ``coverage=True`` lets a pass mark the pixels it
finished (gl_FragDepth 0), ``skip_covered_by`` makes a later pass leave them alone, and
``into`` + ``blend='under'`` lays that later pass beneath the first in the same target.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from conftest import make_project
from visuals.errors import VisualsError
from visuals.model.scene import Pass, Scene

SIZE = (16, 8)

FILES = {
    "scenes/layered.py": """
        from visuals import Scene, Pass
        _cover = dict(vert="common/fullscreen.vert", primitive="triangles", count=3,
                      clear=(0.0, 0.0, 0.0, 0.0), coverage=True)
        # The cover pass owns x < 6 whole, half covers 6 <= x < 10, leaves x >= 10 empty.
        layered = Scene("layered", [
            Pass("cover.frag", name="cover", **_cover),
            Pass("under.frag", name="main", into="cover", skip_covered_by="cover", blend="under"),
        ])
        skipping = Scene("skipping", [
            Pass("cover.frag", name="cover", **_cover),
            Pass("under.frag", name="main", inputs=("cover",), skip_covered_by="cover"),
        ])
        layered_geometry = Scene("layered_geometry", [
            Pass("cover.frag", name="cover", **_cover),
            Pass("under.frag", name="main", into="cover", skip_covered_by="cover", blend="under",
                 vert="common/fullscreen.vert", primitive="triangles", count=3),
        ])
        # A second variant of the cover, given no vertices (as a scene swaps variants of a
        # pass in and out by draw_count): it must leave the cover's coverage alone.
        swapped = Scene("swapped", [
            Pass("cover.frag", name="cover", **_cover),
            Pass("cover.frag", name="variant", vert="common/fullscreen.vert", primitive="triangles",
                 count=0, into="cover", coverage=True),
            Pass("under.frag", name="main", into="cover", skip_covered_by="cover"),
        ])
        glowing = Scene("glowing", [
            Pass("cover.frag", name="cover", **_cover),
            Pass("under.frag", name="back", into="cover", skip_covered_by="cover", blend="under"),
            Pass("glow.frag", name="main", into="cover", blend="add"),
        ])
        """,
    "scenes/cover.frag": """
        #version 330 core
        out vec4 c;
        void main() {
            float x = gl_FragCoord.x;
            if (x > 10.0) {
                discard;
            }
            bool whole = x < 6.0;
            c = whole ? vec4(1.0, 0.0, 0.0, 1.0) : vec4(0.0, 1.0, 0.0, 0.5);
            gl_FragDepth = whole ? 0.0 : 1.0;
        }
        """,
    "scenes/glow.frag": """
        #version 330 core
        out vec4 c;
        void main() { c = vec4(0.0, 0.2, 0.0, 0.0); }
        """,
    "scenes/under.frag": """
        #version 330 core
        out vec4 c;
        void main() { c = vec4(0.0, 0.0, 1.0, 1.0); }
        """,
}


def _render(gl, tmp_path, name: str, frames: int = 2):
    """Render a one-scene show; returns (renderer, top-down RGB of the last frame)."""
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    registry = Registry(SearchPath.build([make_project(tmp_path, FILES)]))
    renderer = Renderer(gl, registry.show(name), registry, RenderConfig(size=SIZE, fps=Fraction(30)))
    clock = FixedClock(30)
    for i in range(frames):
        renderer.render(clock.frame(i))
    return renderer, gl_rows_to_image(renderer.read_rgb(), SIZE).astype(int)


def test_a_pass_drawn_under_another_fills_only_what_it_leaves_showing(gl, tmp_path):
    renderer, img = _render(gl, tmp_path, "layered")
    try:
        assert (img[:, :6] == (255, 0, 0)).all()                     # covered whole: the cover
        half = img[:, 6:10]                                           # half covered: a mix
        assert (np.abs(half - (0, 128, 127)) <= 1).all(), half[0, 0]
        assert (img[:, 11:] == (0, 0, 255)).all()                    # uncovered: the pass beneath
    finally:
        renderer.release()


def test_a_geometry_pass_drawn_into_another_does_not_clear_it(gl, tmp_path):
    """Geometry passes clear their target before drawing; one drawn into another's must not,
    or the layer below (and its coverage) would be gone."""
    renderer, img = _render(gl, tmp_path, "layered_geometry")
    try:
        assert (img[:, :6] == (255, 0, 0)).all(), img[0, 0]
        assert (np.abs(img[:, 6:10] - (0, 128, 127)) <= 1).all()
        assert (img[:, 11:] == (0, 0, 255)).all()
    finally:
        renderer.release()


def test_a_layer_with_nothing_to_draw_keeps_the_coverage_below(gl, tmp_path):
    """A coverage pass drawn into another with no vertices does not clear its depth: the
    pass beneath still skips what the cover owns."""
    renderer, img = _render(gl, tmp_path, "swapped")
    try:
        assert (img[:, :6] == (255, 0, 0)).all(), img[0, 0]      # skipped: the cover's
        assert (img[:, 6:] == (0, 0, 255)).all(), img[0, 8]      # drawn over (no blend)
    finally:
        renderer.release()


def test_pixels_covered_whole_are_never_shaded_by_the_skipping_pass(gl, tmp_path):
    renderer, _ = _render(gl, tmp_path, "skipping")
    try:
        runner = next(iter(renderer.runners.values()))
        tex = runner.targets["main"].texture
        own = np.frombuffer(tex.read(), np.uint8).reshape(SIZE[1], SIZE[0], 4)
        # Its target started transparent and stays so where the cover owns the pixel ...
        assert (own[:, :6] == 0).all()
        # ... and the pass ran everywhere else.
        assert (own[:, 6:] == (0, 0, 255, 255)).all()
    finally:
        renderer.release()


def test_passes_after_a_skipping_one_draw_every_pixel_again(gl, tmp_path):
    """The depth test is the skipping pass's alone: a glow added afterwards, into the same
    target (its depth buffer still holds the cover), reaches the covered pixels too."""
    renderer, img = _render(gl, tmp_path, "glowing")
    try:
        assert (img[:, :6] == (255, 51, 0)).all(), img[0, 0]
        assert (img[:, 11:] == (0, 51, 255)).all(), img[0, 15]
    finally:
        renderer.release()


@pytest.mark.parametrize("passes,words", [
    ([Pass("a.frag", name="a"), Pass("b.frag", skip_covered_by="a")], "coverage=True"),
    ([Pass("b.frag", skip_covered_by="later"), Pass("a.frag", name="later", coverage=True)],
     "not an earlier pass"),
    ([Pass("a.frag", name="a", coverage=True), Pass("b.frag", skip_covered_by="a", scale=0.5)],
     "differ in size"),
    ([Pass("a.frag", name="a"), Pass("b.frag", into="nowhere")], "not an earlier pass"),
    ([Pass("a.frag", name="a", feedback=True), Pass("b.frag", into="a")], "feedback"),
    ([Pass("a.frag", name="a"), Pass("b.frag", into="a", inputs=("a",))], "both reads and draws"),
    ([Pass("a.frag", name="a"), Pass("b.frag", into="a", precision="rgba16f")], "size or precision"),
    ([Pass("a.frag", name="a", coverage=True), Pass("c.frag", name="c", coverage=True),
      Pass("b.frag", into="a", skip_covered_by="c")], "use skip_covered_by='a'"),
])
def test_bad_coverage_and_into_are_named_with_a_fix(passes, words):
    with pytest.raises(VisualsError) as info:
        Scene("bad", passes)
    message = str(info.value)
    assert words in message
    assert "test_pass_coverage.py" in message                         # the file that declared it


def test_under_is_a_known_blend_and_a_typo_lists_it():
    assert Pass("a.frag", blend="under").blend == "under"
    with pytest.raises(VisualsError) as info:
        Pass("a.frag", blend="beneath")
    assert "'under'" in str(info.value)
