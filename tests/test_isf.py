"""ISF files, written here: headers as data (every input type, limits, hostile headers),
programs assembled around them (automatic uniforms, IMG_ functions, a .vs), buffers (sizes
from expressions, persistent float feedback), imported images, audio inputs, filters and
transitions inside shows, and errors that name the ISF file's own line."""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from conftest import render_frames
from visuals.errors import VisualsError


def isf(folder: Path, name: str, header: dict, body: str, vs: str | None = None) -> Path:
    """Write NAME.fs (and NAME.vs) with the header as its opening JSON comment."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.fs"
    path.write_text("/*" + json.dumps(header, indent=2) + "*/\n" + textwrap.dedent(body).lstrip("\n"))
    if vs is not None:
        path.with_suffix(".vs").write_text(textwrap.dedent(vs).lstrip("\n"))
    return path


def header_line(path: Path, needle: str) -> int:
    return next(i + 1 for i, ln in enumerate(path.read_text().splitlines()) if needle in ln)


def pixel(image: np.ndarray, x: int, y: int) -> tuple[int, ...]:
    """RGB at (x, y) counted from the bottom-left, like gl_FragCoord."""
    return tuple(int(v) for v in image[image.shape[0] - 1 - y, x])


ALL_INPUTS = {"ISFVSN": "2", "DESCRIPTION": "every input type", "INPUTS": [
    {"NAME": "level", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0.0, "MAX": 2.0, "LABEL": "Level"},
    {"NAME": "mode", "TYPE": "long", "VALUES": [0, 1, 2], "LABELS": ["Off", "Half", "Full"], "DEFAULT": 2},
    {"NAME": "flip", "TYPE": "bool", "DEFAULT": True},
    {"NAME": "flash", "TYPE": "event"},
    {"NAME": "where", "TYPE": "point2D", "DEFAULT": [0.25, 0.75], "MIN": [0, 0], "MAX": [1, 1]},
    {"NAME": "tint", "TYPE": "color", "DEFAULT": [0.2, 0.4, 0.6, 1.0]},
    {"NAME": "mask", "TYPE": "image"},
    {"NAME": "wave", "TYPE": "audio", "MAX": 64},
    {"NAME": "spectrum", "TYPE": "audioFFT", "MAX": 32}]}


# -- headers as data ------------------------------------------------------------------------
def test_each_input_type_becomes_a_parameter_with_its_range_and_default(tmp_path):
    from visuals.foreign.isf import load_isf
    scene = load_isf(isf(tmp_path, "inputs", ALL_INPUTS, "void main() { gl_FragColor = vec4(level); }"))
    p = {q.name: q for q in scene.params}
    assert set(p) == {"level", "mode", "flip", "flash", "where", "tint"}
    assert (p["level"].kind, p["level"].default, p["level"].lo, p["level"].hi) == ("float", 0.5, 0.0, 2.0)
    assert (p["mode"].kind, p["mode"].default, p["mode"].lo, p["mode"].hi) == ("int", 2.0, 0.0, 2.0)
    assert "0=Off, 1=Half, 2=Full" in p["mode"].description
    assert (p["flip"].kind, p["flip"].default) == ("bool", 1.0)
    assert (p["flash"].kind, p["flash"].default) == ("bool", 0.0)
    assert (p["where"].kind, p["where"].default, p["where"].lo, p["where"].hi) == ("vec2", (0.25, 0.75), 0.0, 1.0)
    assert p["tint"].kind == "color" and p["tint"].default == pytest.approx((0.2, 0.4, 0.6, 1.0))
    assert list(scene.bindings) == ["mask"]                      # other images: bindings
    assert set(scene.uploads) == {"wave", "spectrum"}           # audio: textures


def test_parameters_point_at_their_header_lines(tmp_path):
    from visuals.foreign.isf import load_isf
    path = isf(tmp_path, "inputs", ALL_INPUTS, "void main() { gl_FragColor = vec4(level); }")
    scene = load_isf(path)
    assert scene.params.get("tint").site.line == header_line(path, '"tint"')


@pytest.mark.parametrize("header, needle", [
    ('{"INPUTS": [{"NAME": "a", "TYPE": "float",}]}', "invalid JSON"),
    ('{"INPUTS": ' + "[" * 5000 + "]" * 5000 + "}", "nested more than"),
    ("[1, 2]", "does not start with a /*{"),
    ('{"INPUTS": [{"NAME": "a", "TYPE": "cube"}]}', "TYPE \"cube\""),
    ('{"INPUTS": [{"NAME": "a b", "TYPE": "float"}]}', "not a usable GLSL name"),
    ('{"INPUTS": [{"NAME": "a", "TYPE": "float"}, {"NAME": "a", "TYPE": "bool"}]}', "declared twice"),
    ('{"INPUTS": [{"NAME": "a", "TYPE": "float", "DEFAULT": "x"}]}', "not a number"),
    ('{"PASSES": [{"TARGET": "b", "WIDTH": "$WIDTH*100000"}]}', "at most 8192"),
    ('{"PASSES": [{"TARGET": "b", "WIDTH": "__import__(1)"}]}', "unknown function"),
    ('{"PASSES": [{"TARGET": "b", "WIDTH": "$nope"}]}', "not an input"),
    ('{"PASSES": [{"TARGET": "b", "WIDTH": "' + "(" * 40 + "1" + ")" * 40 + '"}]}', "nested too deeply"),
    ('{"PASSES": [' + ",".join(["{}"] * 40) + "]}", "at most 32"),
    ('{"PASSES": [' + ",".join(['{"WIDTH": "$WIDTH*4", "HEIGHT": "$HEIGHT*4"}'] * 3) + "]}", "million pixels"),
    ('{"INPUTS": [{"NAME": "w", "TYPE": "audio", "MAX": 100000000}]}', "at most 8192"),
    ('{"IMPORTED": {"pic": {"PATH": "../outside.png"}}}', "outside the file's folder"),
    ('{"IMPORTED": {"pic": {"PATH": "/etc/passwd"}}}', "outside the file's folder"),
    ('{"IMPORTED": {"pic": {"PATH": "missing.png"}}}', "not found"),
])
def test_malformed_or_hostile_headers_are_refused_in_one_line(tmp_path, header, needle):
    from visuals.foreign.isf import load_isf
    (tmp_path / "outside.png").write_bytes(b"")
    path = tmp_path / "isf" / "bad.fs"
    path.parent.mkdir()
    path.write_text("/*" + header + "*/\nvoid main() { gl_FragColor = vec4(1.0); }\n")
    with pytest.raises(VisualsError) as info:
        load_isf(path)
    err = info.value
    assert needle in err.message and err.file.endswith("bad.fs") and err.fix
    assert "\n" not in str(err)


def test_header_after_comment_lines_string_flags_and_scalar_point_bounds(gl, tmp_path):
    path = tmp_path / "lenient.fs"
    path.write_text('// licence: MIT\n\n/*{"INPUTS": [{"NAME": "p", "TYPE": "point2D", "MIN": 0, "MAX": 2,'
                    ' "DEFAULT": [1, 1]}], "PASSES": [{"TARGET": "b", "PERSISTENT": "true", "FLOAT": "false"}, {}]}*/\n'
                    'void main() { gl_FragColor = vec4(p / 2.0, _b_imgSize.x / 255.0, 1.0); }\n')
    from visuals.foreign.isf import load_isf
    scene = load_isf(path)
    assert (scene.passes[0].feedback, scene.passes[0].precision) == (True, "rgba8")
    assert (scene.params.get("p").lo, scene.params.get("p").hi) == (0.0, 2.0)
    assert pixel(render_frames(gl, "lenient", [0], tmp_path)[0], 1, 1) == (128, 128, 160)


def test_invalid_json_names_the_line_inside_the_header(tmp_path):
    from visuals.foreign.isf import load_isf
    path = tmp_path / "bad.fs"
    path.write_text('\n/*{\n  "INPUTS": [\n    {"NAME": "a" "TYPE": "float"}\n  ]\n}*/\nvoid main() {}\n')
    with pytest.raises(VisualsError) as info:
        load_isf(path)
    assert info.value.line == 4


def test_size_expressions():
    from visuals.foreign import expr
    e = expr.parse("max(8.0, floor($WIDTH * $quality)) + 2^3 - -1")
    assert e.variables == {"WIDTH", "quality"}
    assert e({"WIDTH": 160, "quality": 0.25}) == 40 + 8 + 1
    assert e({"WIDTH": 10, "quality": 0.25}) == 8 + 8 + 1
    with pytest.raises(expr.ExprError):
        expr.parse("1 +")


# -- rendering ------------------------------------------------------------------------------
def test_inputs_reach_the_shader_with_their_defaults_and_from_a_show(gl, tmp_path):
    isf(tmp_path, "inputs", ALL_INPUTS, """
        void main() {
            vec2 p = gl_FragCoord.xy;
            vec4 c = vec4(level * 0.5, float(mode) / 4.0, flip ? 1.0 : 0.0, 1.0);     // (64, 128, 255)
            if (p.x >= 80.0) c = tint;                                                 // (51, 102, 153)
            if (p.y >= 45.0) c = vec4(where, flash ? 1.0 : 0.0, 1.0);                  // (64, 191, 0)
            if (p.y >= 45.0 && p.x >= 80.0)   // audio: silent waveform 0.5, spectrum 0, their sizes
                c = vec4(IMG_NORM_PIXEL(wave, vec2(0.5)).r, IMG_NORM_PIXEL(spectrum, vec2(0.5)).r,
                         (IMG_SIZE(wave).x + IMG_SIZE(spectrum).x + IMG_SIZE(spectrum).y) / 255.0, 1.0);
            gl_FragColor = c;
        }""")
    image = render_frames(gl, "inputs", [0], tmp_path)[0]
    assert pixel(image, 10, 10) == (64, 128, 255)
    assert pixel(image, 100, 10) == (51, 102, 153)
    assert pixel(image, 10, 60) == (64, 191, 0)
    assert pixel(image, 100, 60) == (128, 0, 98)
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show
        s = Show("set", [Cue("inputs", 0, 2, params={"level": 1.5, "mode": 1, "flip": False, "flash": True,
                                                      "where": (1.0, 0.0), "tint": "#ff0000"})])
    """))
    image = render_frames(gl, "set", [0], tmp_path)[0]
    assert pixel(image, 10, 10) == (191, 64, 0)
    assert pixel(image, 100, 10) == (255, 0, 0)
    assert pixel(image, 10, 60) == (255, 0, 255)


def test_event_is_true_for_one_frame_when_its_parameter_rises(gl, tmp_path):
    isf(tmp_path, "ev", {"INPUTS": [{"NAME": "bang", "TYPE": "event"}],
                         "PASSES": [{"TARGET": "count", "PERSISTENT": True, "FLOAT": True}, {}]}, """
        void main() {
            if (PASSINDEX == 0) gl_FragColor = IMG_THIS_PIXEL(count) + vec4(bang ? 1.0 : 0.0);
            else gl_FragColor = vec4(IMG_THIS_PIXEL(count).r / 255.0, bang ? 1.0 : 0.0, 0.0, 1.0);
        }""")
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show
        s = Show("bangs", [Cue("ev", 0, 4, keys={"bang": [(0, 0), (0.49, 0), (0.5, 1), (1.49, 1), (1.5, 0),
                                                          (1.99, 0), (2.0, 1)]})])
    """))
    frames = render_frames(gl, "bangs", [15, 16, 30, 61], tmp_path)
    assert [pixel(frames[i], 1, 1)[:2] for i in (15, 16, 30, 61)] == [(1, 255), (1, 0), (1, 0), (2, 0)]


def test_automatic_uniforms(gl, tmp_path):
    isf(tmp_path, "auto", {"INPUTS": []}, """
        void main() {
            // RENDERSIZE, isf_FragNormCoord (vv_ spelling too), FRAMEINDEX, TIME, TIMEDELTA, DATE
            vec4 c = vec4(RENDERSIZE / 255.0, float(FRAMEINDEX) / 255.0, 1.0);
            if (gl_FragCoord.x >= 80.0) c = vec4(vv_FragNormCoord, TIME / 2.0, 1.0);
            if (gl_FragCoord.y >= 45.0) c = vec4(TIMEDELTA * 30.0, DATE.x == 2000.0 ? 1.0 : 0.0, DATE.w / 2.0, 1.0);
            gl_FragColor = c;
        }""")
    image = render_frames(gl, "auto", [15], tmp_path)[15]
    assert pixel(image, 0, 0) == (160, 90, 15)
    r, g, b = pixel(image, 120, 22)
    assert (r, g, b) == (round(120.5 / 160 * 255), round(22.5 / 90 * 255), 64)
    assert pixel(image, 0, 80) == (255, 255, 64)


def test_inputs_named_like_engine_uniforms_stay_apart(gl, tmp_path):
    isf(tmp_path, "clash", {"INPUTS": [{"NAME": "time", "TYPE": "float", "DEFAULT": 0.5},
                                       {"NAME": "frame", "TYPE": "long", "DEFAULT": 3, "MIN": 0, "MAX": 9}]}, """
        void main() { gl_FragColor = vec4(time, float(frame) / 255.0, TIME / 2.0, 1.0); }""")
    from visuals.foreign.isf import load_isf
    assert load_isf(tmp_path / "clash.fs").params.names() == ["isf_time", "isf_frame"]
    assert pixel(render_frames(gl, "clash", [30], tmp_path)[30], 1, 1) == (128, 3, 128)


def test_isf_1_file(gl, tmp_path):
    """ISF 1.0: PERSISTENT_BUFFERS at the top, IMPORTED as a list, vv_ names."""
    from PIL import Image
    Image.fromarray(np.full((2, 2, 3), 255, np.uint8)).save(tmp_path / "white.png")
    isf(tmp_path, "old", {"DESCRIPTION": "1.0", "PERSISTENT_BUFFERS": ["trail"],
                          "IMPORTED": [{"NAME": "paper", "PATH": "white.png"}],
                          "PASSES": [{"TARGET": "trail"}, {}]}, """
        void main() {
            if (PASSINDEX == 0) gl_FragColor = texture2D(trail, vv_FragNormCoord) + vec4(1.0 / 255.0);
            else gl_FragColor = vec4(texture2D(trail, vv_FragNormCoord).r, IMG_PIXEL(paper, vec2(1.0)).g, 0.0, 1.0);
        }""")
    assert pixel(render_frames(gl, "old", [4], tmp_path)[4], 2, 2) == (5, 255, 0)


def test_glsl_4_conversions_and_words_4_reserved(gl, tmp_path):
    """An int compared with a uint (GLSL 4.00, as ISF hosts compile) and a variable named like a
    keyword GLSL 4 added (free in 3.30 and GLSL ES) both compile."""
    isf(tmp_path, "words", {"INPUTS": []}, """
        void main() {
            uint code = uint(7.0);
            if (code > 5) code = 5;
            vec4 sample = vec4(float(code) / 255.0, 0.0, 0.0, 1.0);
            float patch = 2.0 / 255.0;
            gl_FragColor = sample + vec4(0.0, patch, 0.0, 0.0);
        }""")
    assert pixel(render_frames(gl, "words", [0], tmp_path)[0], 1, 1) == (5, 2, 0)


def test_multipass_persistent_float_buffer_and_sizes_from_expressions(gl, tmp_path):
    # Pass 0 adds 0.25 a frame to a float buffer that keeps its last frame (values above 1);
    # pass 1 is a quarter-size buffer; the last pass shows the sum / 8 and the buffer's size.
    isf(tmp_path, "acc", {"INPUTS": [{"NAME": "step", "TYPE": "float", "DEFAULT": 0.25}],
                          "PASSES": [{"TARGET": "sum", "PERSISTENT": True, "FLOAT": True},
                                     {"TARGET": "small", "WIDTH": "floor($WIDTH/4.0)", "HEIGHT": "$HEIGHT/3"},
                                     {}]}, """
        void main() {
            if (PASSINDEX == 0) {
                gl_FragColor = IMG_THIS_PIXEL(sum) + vec4(step);
            } else if (PASSINDEX == 1) {
                gl_FragColor = vec4(RENDERSIZE / 255.0, 0.0, 1.0);
            } else {
                gl_FragColor = vec4(IMG_THIS_PIXEL(sum).r / 8.0, IMG_SIZE(small) / 255.0, 1.0);
            }
        }""")
    frames = render_frames(gl, "acc", [0, 1, 12], tmp_path)
    assert pixel(frames[0], 5, 5) == (round(0.25 / 8 * 255), 40, 30)
    assert pixel(frames[1], 5, 5) == (round(0.5 / 8 * 255), 40, 30)
    assert pixel(frames[12], 5, 5) == (round(3.25 / 8 * 255), 40, 30)     # 3.25: beyond 8 bits' 1.0
    # Rendered alone, frame 12 replays its history: the same bytes.
    assert np.array_equal(render_frames(gl, "acc", [12], tmp_path)[12], frames[12])


def test_buffer_read_before_it_is_written_holds_the_last_frame(gl, tmp_path):
    isf(tmp_path, "order", {"PASSES": [{"TARGET": "early"}, {"TARGET": "late", "PERSISTENT": True}, {}]}, """
        void main() {
            if (PASSINDEX == 0) gl_FragColor = IMG_THIS_PIXEL(late);          // last frame's 'late'
            else if (PASSINDEX == 1) gl_FragColor = vec4(float(FRAMEINDEX) / 255.0, 0.0, 0.0, 1.0);
            else gl_FragColor = vec4(IMG_THIS_PIXEL(early).r, IMG_THIS_PIXEL(late).r, 0.0, 1.0);
        }""")
    frames = render_frames(gl, "order", [0, 1, 2, 3], tmp_path)
    assert pixel(frames[0], 3, 3) == (0, 0, 0)
    assert pixel(frames[3], 3, 3) == (2, 3, 0)


def test_parameter_driven_buffer_size_follows_the_parameter(gl, tmp_path):
    isf(tmp_path, "q", {"INPUTS": [{"NAME": "quality", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0.1, "MAX": 1.0}],
                        "PASSES": [{"TARGET": "b", "WIDTH": "max(8.0, floor($WIDTH*$quality))"}, {}]}, """
        void main() {
            gl_FragColor = PASSINDEX == 0 ? vec4(1.0) : vec4(IMG_SIZE(b).x / 255.0, 0.0, 0.0, 1.0);
        }""")
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show
        s = Show("qs", [Cue("q", 0, 2, keys={"quality": [(0, 0.5), (1, 0.5), (1.01, 1.0)]})])
    """))
    frames = render_frames(gl, "qs", [0, 31], tmp_path)
    assert pixel(frames[0], 0, 0)[0] == 80 and pixel(frames[31], 0, 0)[0] == 160


def test_vertex_shader_file(gl, tmp_path):
    # Clamped per vertex: right only when the vertices are the target's own corners (a quad),
    # as ISF hosts draw; one oversized triangle would interpolate from clamped far corners.
    isf(tmp_path, "withvs", {"INPUTS": [{"NAME": "gain", "TYPE": "float", "DEFAULT": 1.0}]}, """
        in vec2 half_coord;
        void main() { gl_FragColor = vec4(half_coord, 0.0, 1.0); }""", vs="""
        out vec2 half_coord;
        void main() {
            isf_vertShaderInit();
            half_coord = clamp(isf_FragNormCoord * gain, 0.0, 1.0);   // per vertex: clamped at the corners
        }""")
    image = render_frames(gl, "withvs", [0], tmp_path)[0]
    assert pixel(image, 159, 89) == (round(159.5 / 160 * 255), round(89.5 / 90 * 255), 0)
    assert pixel(image, 40, 30) == (round(40.5 / 160 * 255), round(30.5 / 90 * 255), 0)


def test_imported_image(gl, tmp_path):
    from PIL import Image
    folder = tmp_path / "isf"
    folder.mkdir()
    Image.fromarray(np.array([[[255, 0, 0], [0, 0, 255]]], np.uint8)).save(folder / "two.png")
    isf(folder, "imp", {"IMPORTED": {"pic": {"PATH": "two.png"}}}, """
        void main() { gl_FragColor = vec4(IMG_NORM_PIXEL(pic, vec2(0.25, 0.5)).rgb,
                                          IMG_SIZE(pic).x == 2.0 ? 1.0 : 0.0); }""")
    image = render_frames(gl, "imp", [0], folder)[0]
    assert pixel(image, 0, 0) == (255, 0, 0)


def _flat(folder: Path, name: str, rgb: tuple[float, float, float]) -> None:
    isf(folder, name, {"INPUTS": []}, f"void main() {{ gl_FragColor = vec4({rgb[0]}, {rgb[1]}, {rgb[2]}, 1.0); }}")


def test_filter_as_a_post_effect_on_a_cue_and_on_the_whole_frame(gl, tmp_path):
    _flat(tmp_path, "grey", (0.2, 0.4, 0.6))
    isf(tmp_path, "Invert Me", {"INPUTS": [{"NAME": "inputImage", "TYPE": "image"},
                                           {"NAME": "amount", "TYPE": "float", "DEFAULT": 1.0}]}, """
        void main() {
            vec4 c = IMG_THIS_PIXEL(inputImage);
            gl_FragColor = vec4(mix(c.rgb, 1.0 - c.rgb, amount), 1.0);
        }""")
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show
        a = Show("on_cue", [Cue("grey", 0, 2, post=["Invert Me"])])
        b = Show("on_frame", [Cue("grey", 0, 2)], post=[("Invert Me", {"amount": 0.25})])
    """))
    assert pixel(render_frames(gl, "on_cue", [3], tmp_path)[3], 5, 5) == (204, 153, 102)
    assert pixel(render_frames(gl, "on_frame", [3], tmp_path)[3], 5, 5) == (89, 115, 140)


def test_filter_with_persistent_buffer_runs_forward_in_a_show(gl, tmp_path):
    _flat(tmp_path, "white", (1.0, 1.0, 1.0))
    isf(tmp_path, "Trail", {"INPUTS": [{"NAME": "inputImage", "TYPE": "image"}],
                            "PASSES": [{"TARGET": "acc", "PERSISTENT": True, "FLOAT": True}, {}]}, """
        void main() {
            if (PASSINDEX == 0) gl_FragColor = IMG_THIS_PIXEL(acc) + IMG_THIS_PIXEL(inputImage) / 64.0;
            else gl_FragColor = vec4(IMG_THIS_PIXEL(acc).rgb, 1.0);
        }""")
    (tmp_path / "show.py").write_text('from visuals import Cue, Show\ns = Show("trail", [Cue("white", 0, 2)], post=["Trail"])\n')
    frames = render_frames(gl, "trail", [0, 1, 2, 3], tmp_path)
    assert [pixel(frames[i], 1, 1)[0] for i in range(4)] == [round(k / 64 * 255) for k in (1, 2, 3, 4)]


TRANSITION = {"INPUTS": [{"NAME": "startImage", "TYPE": "image"}, {"NAME": "endImage", "TYPE": "image"},
                         {"NAME": "progress", "TYPE": "float", "DEFAULT": 0.0},
                         {"NAME": "bias", "TYPE": "float", "DEFAULT": 0.1, "MIN": -1.0, "MAX": 1.0}]}
MIX = """
    void main() {
        gl_FragColor = mix(IMG_THIS_NORM_PIXEL(startImage), IMG_NORM_PIXEL(endImage, isf_FragNormCoord),
                           clamp(progress + bias, 0.0, 1.0));
    }"""


def test_transition_program_at_0_half_and_1(gl, tmp_path):
    """Drawn directly (the compositor short-circuits both ends), as the compositor draws it."""
    import moderngl
    from visuals.render.gpu import ProgramCache
    from visuals.load.paths import SearchPath
    from visuals.load.transitions import known_transitions, transition_shader
    isf(tmp_path, "Soft Mix", TRANSITION, MIX)
    search = SearchPath.build([tmp_path])
    assert "Soft Mix" in known_transitions(search)
    shader = transition_shader("Soft Mix", search)
    assert shader.defaults == {"bias": pytest.approx(0.1)}
    prog = ProgramCache(gl, search).get(shader)
    a = gl.texture((8, 8), 4, bytes([200, 100, 0, 255] * 64))
    b = gl.texture((8, 8), 4, bytes([0, 100, 200, 255] * 64))
    fbo = gl.framebuffer(color_attachments=[gl.texture((8, 8), 4)])
    out = []
    for progress in (0.0, 0.5, 1.0):
        fbo.use()
        a.use(0)
        b.use(1)
        prog.set("u_from", 0)
        prog.set("u_to", 1)
        prog.set("u_bias", 0.0)
        prog.set("u_progress", progress)
        prog.set("u_resolution", (8.0, 8.0))
        prog.vao.render(moderngl.TRIANGLES, vertices=3)
        out.append(tuple(np.frombuffer(fbo.read(components=4), np.uint8)[:3]))
    assert out == [(200, 100, 0), (100, 100, 100), (0, 100, 200)]


def test_transition_in_a_show_with_its_parameters(gl, tmp_path):
    _flat(tmp_path, "red", (1.0, 0.0, 0.0))
    _flat(tmp_path, "blue", (0.0, 0.0, 1.0))
    isf(tmp_path, "Soft Mix", TRANSITION, MIX)
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show
        s = Show("x", [Cue("red", 0, 4), Cue("blue", 1, 4, fade_in=2, transition="Soft Mix", ease="linear")])
        t = Show("y", [Cue("red", 0, 4), Cue("blue", 1, 4, fade_in=2, transition="Soft Mix", ease="linear",
                                               transition_params={"bias": 0.25})])
    """))
    assert pixel(render_frames(gl, "x", [60], tmp_path)[60], 5, 5) == (102, 0, 153)     # 0.5 + its default 0.1
    assert pixel(render_frames(gl, "y", [60], tmp_path)[60], 5, 5) == (64, 0, 191)      # + bias


def test_transition_with_buffers_in_a_show(gl, tmp_path):
    _flat(tmp_path, "red", (1.0, 0.0, 0.0))
    _flat(tmp_path, "blue", (0.0, 0.0, 1.0))
    header = dict(TRANSITION, PASSES=[{"TARGET": "half", "WIDTH": "$WIDTH/2", "HEIGHT": "$HEIGHT/2"}, {}])
    isf(tmp_path, "Two Step", header, """
        void main() {
            vec4 m = mix(IMG_THIS_PIXEL(startImage), IMG_THIS_PIXEL(endImage), clamp(progress + bias, 0.0, 1.0));
            gl_FragColor = PASSINDEX == 0 ? m * 0.5 : vec4(IMG_THIS_PIXEL(half).rgb * 2.0, 1.0);
        }""")
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show
        s = Show("x", [Cue("red", 0, 4), Cue("blue", 1, 4, fade_in=2, transition="Two Step", ease="linear",
                                               transition_params={"bias": 0.25})])
    """))
    frames = render_frames(gl, "x", [45, 60], tmp_path)
    assert pixel(frames[60], 5, 5) == (64, 0, 192)          # 0.5 + 0.25, through a half-size buffer
    assert pixel(frames[45], 5, 5) == (128, 0, 128)


def test_compile_error_names_the_isf_file_and_line(gl, tmp_path):
    path = isf(tmp_path, "broken", {"INPUTS": [{"NAME": "level", "TYPE": "float"}]}, """
        void main() {
            float x = level;
            gl_FragColor = vec4(x, undefined_thing, 0.0, 1.0);
        }""")
    with pytest.raises(VisualsError) as info:
        render_frames(gl, "broken", [0], tmp_path)
    assert Path(info.value.file).name == "broken.fs"
    assert info.value.line == header_line(path, "undefined_thing")


def test_compile_error_in_the_vs_names_the_vs(gl, tmp_path):
    isf(tmp_path, "badvs", {"INPUTS": []}, "void main() { gl_FragColor = vec4(1.0); }", vs="""
        void main() {
            isf_vertShaderInit();
            not_declared = 1.0;
        }""")
    with pytest.raises(VisualsError) as info:
        render_frames(gl, "badvs", [0], tmp_path)
    assert (Path(info.value.file).name, info.value.line) == ("badvs.vs", 3)


def test_windows_line_endings_and_bom_keep_lines(gl, tmp_path):
    path = tmp_path / "crlf.fs"
    path.write_bytes(b"\xef\xbb\xbf/*{\r\n\"INPUTS\": []\r\n}*/\r\nvoid main() {\r\n  gl_FragColor = nope;\r\n}\r\n")
    with pytest.raises(VisualsError) as info:
        render_frames(gl, "crlf", [0], tmp_path)
    assert info.value.line == 5


def test_latin1_bytes_in_comments_and_credit(gl, tmp_path):
    (tmp_path / "old.fs").write_bytes(b'/*{"CREDIT": "\xa9 someone", "INPUTS": []}*/\n'
                                      b'// caf\xe9\nvoid main() { gl_FragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n')
    assert pixel(render_frames(gl, "old", [0], tmp_path)[0], 1, 1) == (255, 0, 0)


def test_cli_lists_and_plays_isf_files(tmp_path):
    import subprocess
    folder = tmp_path / "isf"
    isf(folder, "Some Filter", {"INPUTS": [{"NAME": "inputImage", "TYPE": "image"},
                                           {"NAME": "depth", "TYPE": "float", "DEFAULT": 0.5, "MIN": 0, "MAX": 1}]},
        "void main() { gl_FragColor = vec4(1.0) - IMG_THIS_PIXEL(inputImage) * depth; }")
    _flat(folder, "Plain", (0.0, 1.0, 0.0))
    isf(folder, "Soft Mix", TRANSITION, MIX)
    (folder / "broken.fs").write_text('/*{"INPUTS": [}*/\nvoid main() {}\n')
    run = lambda *a: subprocess.run([sys.executable, "-m", "visuals", *a], capture_output=True, text=True,
                                    cwd=tmp_path, timeout=120)
    listed = run("--path", str(folder), "list")
    assert listed.returncode == 0, listed.stderr
    assert "Some Filter" in listed.stdout and "depth" in listed.stdout and "Plain" in listed.stdout
    assert "Soft Mix" in listed.stdout.split("Transitions:")[1]
    assert "broken.fs" in listed.stderr                       # a warning, not a failure
    for name in ("Some Filter", "Plain", "Soft Mix"):
        out = tmp_path / f"{name}.png"
        proc = run("still", str(folder / f"{name}.fs"), "--at", "3", "--size", "64x36", "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        assert out.stat().st_size > 0
    past = run("still", str(folder / "Some Filter.fs"), "--at", "30", "--out", str(tmp_path / "p.png"))
    assert past.returncode == 2 and "past the end" in past.stderr        # never the card without the filter
    bad = run("still", str(folder / "broken.fs"), "--at", "1", "--out", str(tmp_path / "b.png"))
    assert bad.returncode == 2 and "broken.fs:1: ISF header: invalid JSON" in bad.stderr


def test_check_script_reports_pass_rate_and_each_failure(tmp_path):
    import subprocess
    root = Path(__file__).resolve().parent.parent
    isf(tmp_path, "Good", {"INPUTS": []}, "void main() { gl_FragColor = vec4(isf_FragNormCoord, 0.0, 1.0); }")
    _flat(tmp_path, "Flat", (0.0, 0.0, 0.0))
    (tmp_path / "Broken.fs").write_text('/*{"INPUTS": []}*/\nvoid main() {\n  gl_FragColor = nope;\n}\n')
    proc = subprocess.run([sys.executable, str(root / "benchmarks" / "isf_check.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1, proc.stderr
    assert lines[0].startswith(f"FAIL Broken.fs (?): {tmp_path}/Broken.fs:3: shader does not compile: ")
    assert lines[1:] == ["FAIL Flat.fs (generator): flat image (#000000) at 0, 0.5 and 1.5 s",
                     "PASS Good.fs (generator)",
                     "pass rate: 1/3 (33%)"]


def test_audio_inputs_hear_the_render_s_sound(tmp_path):
    """An ISF audioFFT input reads the analysis of --audio (a tone lights some bins), and the
    same file renders black without sound."""
    import subprocess
    from PIL import Image
    from audio_helpers import tone
    folder = tmp_path / "isf"
    folder.mkdir()
    path = isf(folder, "Hear", {"INPUTS": [{"NAME": "spectrum", "TYPE": "audioFFT", "MAX": 64}]},
               "void main() { float m = IMG_NORM_PIXEL(spectrum, vec2(isf_FragNormCoord.x, 0.5)).r;\n"
               "  gl_FragColor = vec4(vec3(m * 4.0), 1.0); }\n")
    song = tone(tmp_path / "tone.wav", 880.0, seconds=2.0)

    def brightest(*extra) -> int:
        out = tmp_path / f"frames{len(extra)}"
        done = subprocess.run([sys.executable, "-m", "visuals", "render", str(path), "--size", "160x90",
                               "--frames", "20:21", "--format", "png", "--out", str(out), *extra],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return int(np.asarray(Image.open(out / "frame_000020.png")).max())

    assert brightest() == 0
    assert brightest("--audio", str(song)) > 100
