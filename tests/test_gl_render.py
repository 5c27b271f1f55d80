"""GL tests on the headless context: compile, exact pixels, feedback, compositing, determinism."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, make_project, render_frames, render_times
from visuals.errors import VisualsError

# A scene whose pixels are known exactly: red = x, green = y, blue = the 'level' parameter.
EXACT = {
    "scenes/exact.py": """
        from visuals import Scene, Pass, Param, Show, Cue
        exact = Scene("exact", [Pass("exact.frag")], [Param("level", 0.5, 0, 1, "blue")])
        counter = Scene("counter", [Pass("counter.frag", feedback=True)], [])
        flat_a = Scene("flat_a", [Pass("flat.frag")], [Param("colour", "#ff0000")])
        flat_b = Scene("flat_b", [Pass("flat.frag")], [Param("colour", "#0000ff")])
        checker = Scene("checker", [Pass("checker.frag")], [])
        fade = Show("fade", [Cue("flat_a", 0, 2), Cue("flat_b", 1, 3, fade_in=1, ease="linear")])
        """,
    "scenes/exact.frag": """
        #version 330 core
        #include <visuals/params>
        out vec4 c;
        void main() {
            ivec2 p = ivec2(gl_FragCoord.xy);
            c = vec4(float(p.x) / 255.0, float(p.y) / 255.0, u_level, 1.0);
        }
        """,
    "scenes/counter.frag": """
        #version 330 core
        uniform sampler2D u_prev;
        out vec4 c;
        void main() {
            vec4 prev = texelFetch(u_prev, ivec2(gl_FragCoord.xy), 0);
            c = vec4(prev.r + 1.0 / 255.0, 0.0, 0.0, 1.0);
        }
        """,
    "scenes/flat.frag": """
        #version 330 core
        #include <visuals/params>
        out vec4 c;
        void main() { c = vec4(u_colour.rgb, 1.0); }
        """,
    "scenes/checker.frag": """
        #version 330 core
        out vec4 c;
        void main() { ivec2 p = ivec2(gl_FragCoord.xy); c = vec4(vec3(float((p.x + p.y) & 1)), 1.0); }
        """,
}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, EXACT)


def test_pass_renders_exactly_known_pixels(gl, project):
    img = render_frames(gl, "exact", [0], folder=project, size=(64, 32))[0]
    # Rows come back top-down: image row r is GL row (h - 1 - r).
    h = 32
    for x, y in [(0, 0), (5, 7), (63, 31), (40, 12)]:
        r, g, b = img[h - 1 - y, x]
        assert (r, g, b) == (x, y, 128), (x, y, img[h - 1 - y, x])


def test_feedback_buffer_accumulates_and_replays_exactly(gl, project):
    seq = render_frames(gl, "counter", range(0, 12), folder=project, size=(16, 8))
    for i, img in seq.items():
        assert img[0, 0, 0] == i + 1, f"frame {i}: {img[0, 0, 0]}"
    alone = render_frames(gl, "counter", [9, 3, 3], folder=project, size=(16, 8))
    assert np.array_equal(alone[9], seq[9])
    assert np.array_equal(alone[3], seq[3])


def test_crossfade_mixes_the_two_cues(gl, project):
    a, mid, b = render_times(gl, "fade", [0.5, 1.5, 2.5], folder=project, size=(8, 8))
    assert tuple(a[0, 0]) == (255, 0, 0)
    assert tuple(b[0, 0]) == (0, 0, 255)
    r, g, bl = (int(v) for v in mid[0, 0])
    assert abs(r - 128) <= 1 and g == 0 and abs(bl - 128) <= 1


@pytest.mark.parametrize("mode,expected", [
    ("normal", lambda b, l: l),
    ("add", lambda b, l: np.minimum(b + l, 1)),
    ("screen", lambda b, l: 1 - (1 - b) * (1 - l)),
    ("multiply", lambda b, l: b * l),
    ("difference", lambda b, l: np.abs(b - l)),
    ("overlay", lambda b, l: np.where(b < 0.5, 2 * b * l, 1 - 2 * (1 - b) * (1 - l))),
])
def test_blend_modes(gl, tmp_path, mode, expected):
    base, layer, opacity = (0.2, 0.6, 0.8), (0.7, 0.3, 0.5), 0.75
    files = dict(EXACT)
    files["scenes/layers.py"] = f"""
        from visuals import Show, Cue
        layers = Show("layers", [Cue("flat_a", 0, 1, params={{"colour": {base}}}),
                                 Cue("flat_b", 0, 1, layer=1, blend="{mode}", opacity={opacity},
                                     params={{"colour": {layer}}})])
        """
    project = make_project(tmp_path, files)
    img = render_frames(gl, "layers", [0], folder=project, size=(8, 8))[0]
    b8 = np.round(np.array(base) * 255) / 255
    l8 = np.round(np.array(layer) * 255) / 255
    want = b8 + (expected(b8, l8) - b8) * opacity
    assert np.all(np.abs(img[3, 3] / 255.0 - want) <= 1.5 / 255), (img[3, 3], want * 255)


def test_supersampling_averages_down(gl, project):
    one = render_frames(gl, "checker", [0], folder=project, size=(16, 16))[0]
    two = render_frames(gl, "checker", [0], folder=project, size=(16, 16), ssaa=2)[0]
    assert set(np.unique(one)) == {0, 255}
    assert np.all(np.abs(two.astype(int) - 128) <= 1)


def test_same_frame_twice_and_out_of_order_are_identical(gl):
    indices = [0, 45, 130, 200, 299]
    in_order = render_frames(gl, "demo", indices)
    shuffled = render_frames(gl, "demo", [200, 0, 299, 45, 130, 45])
    for i in indices:
        assert np.array_equal(in_order[i], shuffled[i]), f"frame {i} differs"


def test_every_shader_compiles(gl, search):
    """Scene passes compile with their scene's parameters; the rest compile standalone."""
    from visuals.render.gpu import ProgramCache
    from visuals.load.registry import Registry
    registry = Registry(search)
    registry.load_all()
    assert not registry.failures, registry.failures
    programs = ProgramCache(gl, search)
    compiled: set[Path] = set()
    for scene in registry.scenes.values():
        for spec in scene.passes:
            prog = programs.get(spec.frag, spec.vert, list(scene.params), scene.folder)
            compiled.update(prog.sources["fragment_shader"].files[:1])
            compiled.update(prog.sources["vertex_shader"].files[:1])
    shaders = ROOT / "shaders"
    for path in sorted(shaders.rglob("*.frag")):
        if path.resolve() in compiled:
            continue
        programs.get(str(path.relative_to(shaders)))
    # The include-only library compiles as a whole when included together.
    lib = sorted((shaders / "lib").glob("*.glsl"))
    assert lib, "shaders/lib is empty"
    probe = Path(programs.search.shader_dirs[-1]) / "lib"
    text = "#version 330 core\n" + "".join(f'#include "{p.name}"\n' for p in lib) + \
        "out vec4 c; void main() { c = vec4(0.0); }\n"
    tmp = probe.parent / "common" / "_all_lib_probe.frag"
    try:
        tmp.write_text(text.replace('#include "', '#include "../lib/'))
        programs.compile("common/_all_lib_probe.frag")
    finally:
        tmp.unlink(missing_ok=True)


def test_compile_error_names_the_real_file_and_line(gl, tmp_path):
    from visuals.render.gpu import ProgramCache
    from visuals.load.paths import SearchPath
    project = make_project(tmp_path, {
        "shaders/helper.glsl": "float helper(float x) {\n    return x * 2.0;\n}\nfloat broken() { return nope; }\n",
        "shaders/main.frag": "#version 330 core\n#include \"helper.glsl\"\nout vec4 c;\nvoid main() {\n    c = vec4(helper(1.0));\n}\n",
        "shaders/bad_main.frag": "#version 330 core\nout vec4 c;\n\nvoid main() {\n    c = vec4(undefined_thing);\n}\n",
    })
    programs = ProgramCache(gl, SearchPath.build([project]))
    with pytest.raises(VisualsError) as err:
        programs.get("main.frag")
    assert err.value.file.endswith("helper.glsl") and err.value.line == 4, str(err.value)
    with pytest.raises(VisualsError) as err:
        programs.get("bad_main.frag")
    assert err.value.file.endswith("bad_main.frag") and err.value.line == 5
    assert "undefined_thing" in err.value.message


def test_reference_images(gl):
    """Each scene at two times matches its reference within tolerance.

    Tolerance: mean absolute difference <= 1.5 levels and 99.5% of pixels within 12 levels, to
    allow other GL drivers' rounding; regenerate with `python tests/reference/regenerate.py`.
    """
    from reference.regenerate import CASES, compare, reference_path, render_reference
    from PIL import Image
    missing = []
    for scene, t in CASES:
        path = reference_path(scene, t)
        if not path.exists():
            missing.append(path.name)
            continue
        img = render_reference(gl, scene, t)
        ok, why = compare(img, np.asarray(Image.open(path).convert("RGB")))
        assert ok, f"{scene} at {t}s differs from {path.name}: {why}"
    assert not missing, f"missing references {missing}: run python tests/reference/regenerate.py"


BINDINGS = {
    "scenes/bound.py": """
        from visuals import Scene, Pass, Param, Show, Cue, Binding, Touch
        import numpy as np

        class Mirror(Scene):
            '''Shows its environment binding; touches arrive as a uniform array.'''
            def update(self, state, resources):
                touches = np.zeros((4, 4), np.float32)
                for i, e in enumerate(state.events[-4:]):
                    touches[i] = (e.x, e.y, e.time, e.strength)
                return {"u_touch_count": len(state.events), "u_touches": touches}

        mirror = Mirror("mirror", [Pass("mirror.frag")],
                        bindings={"env": Binding(default="no_such_scene", scale=0.5)})
        mirror_sky = Mirror("mirror_sky", [Pass("mirror.frag")], bindings={"env": Binding(default="flat_b")})
        touched = Show("touched", [Cue("mirror", 0, 4, events=[Touch(1.0, 0.25, 0.5), Touch(2.0, 0.75, 0.5, 0.5)])])
        rebound = Show("rebound", [Cue("mirror_sky", 0, 4, bind={"env": "flat_a"})])
        """,
    "scenes/mirror.frag": """
        #version 330 core
        uniform sampler2D u_env;
        uniform int u_touch_count;
        uniform vec4 u_touches[4];
        out vec4 c;
        void main() {
            vec3 env = texture(u_env, vec2(0.5, 0.9)).rgb;
            c = vec4(env.rg, float(u_touch_count) / 255.0 + u_touches[1].w * 0.0, 1.0);
        }
        """,
}


def test_binding_falls_back_to_the_gradient_and_can_be_rebound(gl, tmp_path):
    project = make_project(tmp_path, {**EXACT, **BINDINGS})
    fallback = render_frames(gl, "mirror", [0], folder=project, size=(32, 18))[0]
    gradient = render_frames(gl, "env_gradient", [0], size=(16, 9))[0]
    # the mirror shows the gradient's colour near the top (red and green channels)
    assert abs(int(fallback[5, 5, 0]) - int(gradient[1, 8, 0])) <= 12
    default = render_frames(gl, "mirror_sky", [0], folder=project, size=(8, 8))[0]
    rebound = render_frames(gl, "rebound", [0], folder=project, size=(8, 8))[0]
    assert tuple(default[4, 4, :2]) == (0, 0)      # flat_b is blue: no red, no green
    assert tuple(rebound[4, 4, :2]) == (255, 0)    # the cue bound flat_a, which is red


def test_touch_events_reach_the_scene_at_their_time(gl, tmp_path):
    project = make_project(tmp_path, {**EXACT, **BINDINGS})
    counts = [img[4, 4, 2] for img in render_times(gl, "touched", [0.5, 1.0, 1.5, 2.5], folder=project, size=(8, 8))]
    assert counts == [0, 1, 1, 2]


def test_update_can_set_how_many_points_a_pass_draws(gl, tmp_path):
    project = make_project(tmp_path, {
        "scenes/dots.py": """
            from visuals import Scene, Pass, Param

            class Dots(Scene):
                def update(self, state, resources):
                    resources.draw_count("dots", int(state.params["shown"]))
                    return {}

            dots = Dots("dots", [Pass("dot.frag", name="dots", vert="dot.vert", primitive="points", count=64)],
                        [Param("shown", 0, 0, 64, "points drawn")])
            """,
        "scenes/dot.vert": """
            #version 330 core
            void main() {
                vec2 p = vec2(float(gl_VertexID % 8), float(gl_VertexID / 8)) / 8.0 + 1.0 / 16.0;
                gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
                gl_PointSize = 1.0;
            }
            """,
        "scenes/dot.frag": "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n",
    })
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import DeckInputs, RenderConfig, Renderer
    from visuals.perform.clock import FixedClock
    from visuals.output.pngio import gl_rows_to_image
    from fractions import Fraction
    registry = Registry(SearchPath.build([project]))
    renderer = Renderer(gl, registry.show("dots"), registry, RenderConfig(size=(16, 16), fps=Fraction(30)))
    try:
        counts = []
        for shown in (0, 5, 64):
            renderer.render(FixedClock(30).frame(0), DeckInputs(overrides={"dots": {"shown": shown}}))
            counts.append(int((gl_rows_to_image(renderer.read_rgb(), (16, 16))[..., 0] > 128).sum()))
        assert counts == [0, 5, 64]
    finally:
        renderer.release()


def test_a_renderer_frees_the_programs_it_compiled_and_leaves_a_shared_cache_alone(gl):
    """Found in round 26, when the suite was OOM-killed: a Renderer built its own ProgramCache
    and dropped it on release with every program still alive -- on llvmpipe each holds its
    JIT-compiled code, so building and releasing the dream's renderer grew the process by
    25-37 MB each time (the full test suite reached 24 GB and was killed).  A renderer that made its cache frees its programs; one given
    a cache (the live player's, shared for the session) leaves them to its owner."""
    from fractions import Fraction
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.perform.clock import FixedClock
    from visuals.render.gpu import ProgramCache
    from visuals.render.renderer import RenderConfig, Renderer

    def built(programs=None):
        registry = Registry(SearchPath.build([]))
        renderer = Renderer(gl, registry.show("demo"), registry, RenderConfig(size=(160, 90), fps=Fraction(30)),
                            programs=programs)
        renderer.render(FixedClock(30).frame(3))
        compiled = [c.program for c in renderer.programs._cache.values()]
        assert compiled, "the demo compiled no program"
        renderer.release()
        return compiled

    def freed(program):
        return type(program.mglo).__name__ == "InvalidObject"

    assert all(freed(p) for p in built()), "a renderer left the programs it compiled alive"
    shared = ProgramCache(gl, SearchPath.build([]))
    kept = built(shared)
    assert not any(freed(p) for p in kept), "a renderer freed programs of a cache it was given"
    shared.release()
    assert all(freed(p) for p in kept)
