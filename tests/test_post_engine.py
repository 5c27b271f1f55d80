"""Post effects on cues and on the whole frame, their automation, and glitch loops."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import make_project, render_frames, render_times
from visuals.errors import VisualsError

PROJECT = {
    "scenes/fx.py": """
        from visuals import Scene, Pass, Param, Show, Cue, Loop
        from visuals.model.post import PostEffect

        flat = Scene("flat", [Pass("flat.frag")], [Param("colour", "#204080")])
        ramp = Scene("ramp", [Pass("ramp.frag")], [])
        invert = PostEffect("invert", [Pass("invert.frag")], [Param("amount", 1.0, 0, 1, "how much")])

        per_cue = Show("per_cue", [Cue("flat", 0, 2, post=["invert"]), Cue("flat", 0, 2, layer=1, opacity=0.0)])
        whole = Show("whole", [Cue("flat", 0, 4)], post=[("invert", {"amount": 0.5})])
        automated = Show("automated", [Cue("flat", 0, 4)], post=["invert"],
                         tracks={"invert.amount": [(0, 0.0), (4, 1.0)]})
        looped = Show("looped", [Cue("ramp", 0, 4)], loops=[Loop(2.0, 3.0, length=0.5)])
        """,
    "scenes/flat.frag": """
        #version 330 core
        #include <visuals/params>
        out vec4 c;
        void main() { c = vec4(u_colour.rgb, 1.0); }
        """,
    "scenes/ramp.frag": """
        #version 330 core
        uniform float u_time;
        out vec4 c;
        void main() { c = vec4(fract(u_time / 4.0), 0.0, 0.0, 1.0); }
        """,
    "scenes/invert.frag": """
        #version 330 core
        #include <visuals/params>
        uniform sampler2D u_input;
        out vec4 c;
        void main() {
            vec4 src = texelFetch(u_input, ivec2(gl_FragCoord.xy), 0);
            c = vec4(mix(src.rgb, 1.0 - src.rgb, u_amount), 1.0);
        }
        """,
}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, PROJECT)


def test_a_cue_post_effect_changes_only_its_cue(gl, project):
    img = render_frames(gl, "per_cue", [0], folder=project, size=(8, 8))[0]
    assert tuple(img[4, 4]) == (255 - 0x20, 255 - 0x40, 255 - 0x80)


def test_a_show_post_effect_applies_to_the_frame_with_its_static_value(gl, project):
    img = render_frames(gl, "whole", [0], folder=project, size=(8, 8))[0]
    want = np.round((np.array([0x20, 0x40, 0x80]) + (255 - np.array([0x20, 0x40, 0x80]))) / 2)
    assert np.abs(img[4, 4].astype(int) - want).max() <= 1


def test_post_effect_parameters_follow_the_timeline(gl, project):
    start, middle, end = render_times(gl, "automated", [0.0, 2.0, 3.99], folder=project, size=(8, 8))
    assert tuple(start[4, 4]) == (0x20, 0x40, 0x80)
    assert abs(int(middle[4, 4, 0]) - 128) <= 2
    assert abs(int(end[4, 4, 0]) - (255 - 0x20)) <= 2


def test_a_glitch_loop_repeats_earlier_frames_exactly(gl, project):
    fps = 30
    frames = render_frames(gl, "looped", range(0, 100), folder=project, size=(8, 8), fps=fps)
    n = 15                                   # 0.5 s at 30 fps
    for f in range(60, 90):                  # inside the loop, 2 s .. 3 s
        source = 60 - n + (f - 60) % n
        assert np.array_equal(frames[f], frames[source]), f"frame {f} should repeat frame {source}"
    assert not np.array_equal(frames[59], frames[60 - n - 1])
    assert not np.array_equal(frames[90], frames[90 - n]), "after the loop, time runs on"


def test_unknown_post_effect_names_the_cue_line(tmp_path):
    project = make_project(tmp_path, {**PROJECT, "scenes/bad.py": """
        from visuals import Show, Cue
        bad = Show("bad", [
            Cue("flat", 0, 2, post=["invret"])])
        """})
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    with pytest.raises(VisualsError) as err:
        Registry(SearchPath.build([project])).show("bad")
    assert err.value.line == 3 and "invret" in err.value.message and "invert" in err.value.fix


def test_post_effects_cannot_use_feedback(tmp_path):
    from visuals.model.post import PostEffect
    from visuals.model.scene import Pass
    with pytest.raises(VisualsError) as err:
        PostEffect("echo", [Pass("echo.frag", feedback=True)])
    assert "feedback" in err.value.message


def test_a_trigger_named_like_an_effect_bursts_its_amount(gl, project):
    from fractions import Fraction
    from visuals.controls.events import Transport, Trigger
    from visuals.render.frame import FrameInputs
    from visuals.render.mixer import Mixer
    from visuals.load.paths import SearchPath
    from visuals.perform.performance import Performance
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig
    registry = Registry(SearchPath.build([project]))
    perf = Performance(registry.show("automated"))
    perf.apply(Transport(op="pause"), 0.0)             # invert.amount stays 0 on the timeline
    mixer = Mixer(gl, registry, RenderConfig(size=(8, 8), fps=Fraction(30)))
    try:
        def red(t):
            fbo = mixer.render(FrameInputs(0, perf.frame(t), (8, 8), Fraction(30))).fbo
            return int(gl_rows_to_image(fbo.read(components=3, alignment=1), (8, 8))[4, 4, 0])
        assert red(1.0) == 0x20
        perf.apply(Trigger(name="invert", value=1.0), 1.0)
        assert red(1.0) == 255 - 0x20                  # full burst at once
        assert 0x20 < red(1.25) < 255 - 0x20           # decaying
        assert red(3.0) == 0x20                        # gone
    finally:
        mixer.release()


def test_an_idle_effect_is_skipped(gl, project):
    from fractions import Fraction
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    registry = Registry(SearchPath.build([project]))
    renderer = Renderer(gl, registry.show("automated"), registry, RenderConfig(size=(8, 8), fps=Fraction(30)))
    try:
        renderer.render(FixedClock(30).frame(0))          # invert.amount is 0 at t = 0
        assert not [k for k in renderer.runners if isinstance(k, tuple) and "post" in k]
        renderer.render(FixedClock(30).frame(60))
        assert [k for k in renderer.runners if isinstance(k, tuple) and "post" in k]
    finally:
        renderer.release()


def test_a_show_post_effect_keeps_its_runner_from_frame_to_frame(gl, project):
    """The show's post chain runs after the layers; its runners must survive the end-of-frame
    clean-up (a rebuilt runner per frame costs textures and loses any history)."""
    from fractions import Fraction
    from visuals.perform.clock import FixedClock
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    registry = Registry(SearchPath.build([project]))
    renderer = Renderer(gl, registry.show("whole"), registry, RenderConfig(size=(8, 8), fps=Fraction(30)))
    try:
        clock = FixedClock(30)
        renderer.render(clock.frame(0))
        first = {k: v for k, v in renderer.runners.items() if isinstance(k, tuple) and "post" in k}
        assert first, "the show's post effect has a runner"
        for index in range(1, 4):
            renderer.render(clock.frame(index))
            now = {k: v for k, v in renderer.runners.items() if isinstance(k, tuple) and "post" in k}
            assert now.keys() == first.keys()
            assert all(now[k] is first[k] for k in first), f"post runner rebuilt at frame {index}"
    finally:
        renderer.release()


def test_a_post_effect_alone_is_a_clear_error(project):
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    with pytest.raises(VisualsError) as err:
        Registry(SearchPath.build([project])).show("invert")
    assert "post effect" in err.value.message and "post=" in err.value.fix


def test_transition_parameters_do_not_leak_into_a_later_cue(gl, tmp_path):
    project = make_project(tmp_path, {**PROJECT, "shaders/transitions/tint.frag": """
        #version 330 core
        uniform sampler2D u_from;
        uniform sampler2D u_to;
        uniform float u_progress;
        uniform float u_level;
        out vec4 c;
        void main() { c = vec4(u_level, 0.0, 0.0, 1.0); }
        """, "scenes/tints.py": """
        from visuals import Show, Cue
        tints = Show("tints", [Cue("flat", 0, 2), Cue("flat", 1, 3, fade_in=1, transition="tint",
                                                       transition_params={"level": 1.0}),
                               Cue("flat", 2.5, 4, fade_in=1, transition="tint")])
        """})
    first, second = render_times(gl, "tints", [1.5, 2.9], folder=project, size=(8, 8))
    assert first[4, 4, 0] == 255 and second[4, 4, 0] == 0


def test_nested_bindings_render_and_stay_exact(gl, tmp_path):
    """The Serenes' city binds the towers, whose glass binds the sky: all rendered, in any order."""
    project = make_project(tmp_path, {"scenes/city.py": """
        from visuals import Show, Cue
        city = Show("city", [Cue("serenes", 0, 5, params={"backdrop": 1.0})])
        alone = Show("alone", [Cue("serenes", 0, 5, params={"backdrop": 0.0})])
        """})
    seq = render_frames(gl, "city", [0, 15, 30], folder=project, size=(64, 36))
    alone = render_frames(gl, "city", [30], folder=project, size=(64, 36))
    assert np.array_equal(seq[30], alone[30])
    without = render_frames(gl, "alone", [30], folder=project, size=(64, 36))
    assert np.abs(seq[30].astype(int) - without[30].astype(int)).mean() > 1, "the city shows through the wall"
