"""A pass's target size: ``scale`` of the frame, capped by ``max_side`` (aspect kept).

The baked G-buffers (the Serenes' portrait at twice the frame, the sky's relief at 1.5x) would
otherwise grow with the export: at 4K with ``--ssaa 2`` a 15360-pixel texture, past many GPUs'
limit and minutes of marching on llvmpipe.
"""
from __future__ import annotations

import numpy as np
import pytest

from conftest import make_project, render_frames
from visuals.errors import VisualsError
from visuals.model.scene import Pass
from visuals.render.scene_runtime import pass_size


def test_a_scaled_pass_below_its_cap_is_the_frame_times_its_scale():
    assert pass_size(Pass("a.frag", scale=2.0, max_side=2560), (640, 360)) == (1280, 720)
    assert pass_size(Pass("a.frag", scale=2.0, max_side=2560), (1280, 720)) == (2560, 1440)


def test_the_cap_shrinks_the_longer_side_and_keeps_the_aspect():
    w, h = pass_size(Pass("a.frag", scale=2.0, max_side=2560), (7680, 4320))
    assert (w, h) == (2560, 1440)
    w, h = pass_size(Pass("a.frag", scale=1.5, max_side=2880), (1080, 1920))   # portrait frame
    assert h == 2880 and abs(w / h - 1080 / 1920) < 0.01


def test_a_fixed_size_pass_ignores_scale_and_cap():
    assert pass_size(Pass("a.frag", size=(512, 512), max_side=64), (1920, 1080)) == (512, 512)


@pytest.mark.parametrize("bad", [0, 8, -1, 99.5, "big"])
def test_a_max_side_out_of_range_names_the_line_and_the_fix(bad):
    with pytest.raises(VisualsError) as err:
        Pass("a.frag", max_side=bad)
    text = str(err.value)
    assert "max_side" in text and "16 or more" in text and "test_pass_size.py" in text


CAPPED = {
    "scenes/capped.py": """
        from visuals import Scene, Pass
        capped = Scene("capped", [
            Pass("size.frag", name="big", scale=2.0, max_side=100),
            Pass("show.frag", inputs=("big",)),
        ], [])
        """,
    "scenes/size.frag": """
        #version 330 core
        uniform vec2 u_resolution;
        out vec4 c;
        void main() { c = vec4(u_resolution / 255.0, 0.0, 1.0); }
        """,
    "scenes/show.frag": """
        #version 330 core
        uniform sampler2D u_big;
        out vec4 c;
        void main() { c = texture(u_big, vec2(0.5)); }
        """,
}


def test_the_capped_pass_draws_at_its_capped_size(gl, tmp_path):
    """At a 160x90 frame, scale 2 would give 320x180; the cap of 100 gives 100x56."""
    folder = make_project(tmp_path, CAPPED)
    image = render_frames(gl, "capped", [0], folder)[0].astype(int)
    assert np.abs(image[45, 80, :2] - (100, 56)).max() <= 1
