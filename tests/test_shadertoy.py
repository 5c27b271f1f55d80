"""Shadertoy shaders, written here: one .glsl file played as a show, a folder of tabs (Buffers
A-D with feedback, Common, channels.toml), Shadertoy's JSON export, iMouse from touches,
image channels, and compile errors that name the tab's own file and line."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest

from conftest import render_frames
from visuals.errors import VisualsError


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip("\n"))
    return folder


def pixel(image: np.ndarray, x: int, y: int) -> tuple[int, ...]:
    return tuple(int(v) for v in image[image.shape[0] - 1 - y, x])


def test_single_file_plays_as_a_show_and_shows_no_alpha(gl, tmp_path):
    write(tmp_path, {"uv.glsl": """
        void mainImage(out vec4 fragColor, in vec2 fragCoord) {
            fragColor = vec4(fragCoord / iResolution.xy, iResolution.z * 0.5, 0.0);
        }"""})
    image = render_frames(gl, str(tmp_path / "uv.glsl"), [0], None)[0]
    assert pixel(image, 79, 44) == (round(79.5 / 160 * 255), round(44.5 / 90 * 255), 128)


def test_a_variable_named_sample(gl, tmp_path):
    write(tmp_path, {"s.glsl": """
        void mainImage(out vec4 fragColor, in vec2 fragCoord) {
            vec4 sample = vec4(1.0, 0.5, 0.0, 1.0);
            fragColor = sample;
        }"""})
    assert pixel(render_frames(gl, str(tmp_path / "s.glsl"), [0], None)[0], 1, 1) == (255, 128, 0)


def test_time_frame_and_date(gl, tmp_path):
    write(tmp_path, {"t.glsl": """
        void mainImage(out vec4 c, in vec2 p) {
            c = vec4(iTime / 2.0, float(iFrame) / 255.0, iTimeDelta * 30.0 * 0.5 + (iDate.x == 2000.0 ? 0.5 : 0.0), 1.0);
            if (p.x > 80.0) c = vec4(iFrameRate / 255.0, iChannelTime[2] / 2.0, iDate.w / 2.0, 1.0);
        }"""})
    image = render_frames(gl, str(tmp_path / "t.glsl"), [15], None)[15]
    assert pixel(image, 1, 1) == (64, 15, 255)
    assert pixel(image, 100, 1) == (30, 64, 64)


BUFFERS = {
    "common.glsl": """
        // shared by every tab
        float unit() { return 1.0; }
        """,
    "buffer_a.glsl": """
        // counts frames in a float buffer: its own previous frame plus one
        void mainImage(out vec4 c, in vec2 p) {
            c = texelFetch(iChannel0, ivec2(p), 0) + vec4(unit());
        }""",
    "buffer_b.glsl": """
        // this frame's A (written before B), doubled
        void mainImage(out vec4 c, in vec2 p) { c = 2.0 * texelFetch(iChannel0, ivec2(p), 0); }""",
    "buffer_c.glsl": """
        // last frame's D (D is written after C)
        void mainImage(out vec4 c, in vec2 p) { c = texelFetch(iChannel0, ivec2(p), 0); }""",
    "buffer_d.glsl": """
        void mainImage(out vec4 c, in vec2 p) { c = texelFetch(iChannel0, ivec2(p), 0) + vec4(100.0); }""",
    "image.glsl": """
        void mainImage(out vec4 c, in vec2 p) {
            c = vec4(texelFetch(iChannel0, ivec2(p), 0).r, texelFetch(iChannel1, ivec2(p), 0).r,
                     texelFetch(iChannel2, ivec2(p), 0).r, 1.0) / 255.0;
            if (p.x > 80.0) c = vec4(iChannelResolution[0].xy, iChannelResolution[3].x, 255.0) / 255.0;
        }""",
    "channels.toml": """
        [buffer_a]
        iChannel0 = "buffer_a"
        [buffer_b]
        iChannel0 = "buffer_a"
        [buffer_c]
        iChannel0 = "buffer_d"
        [buffer_d]
        iChannel0 = "buffer_a"
        [image]
        iChannel0 = "buffer_a"
        iChannel1 = "buffer_b"
        iChannel2 = "buffer_c"
        """}


def test_folder_with_buffers_a_to_d_feedback_and_common(gl, tmp_path):
    folder = write(tmp_path / "counter", BUFFERS)
    frames = render_frames(gl, str(folder), [0, 4], None)
    # frame n: A = n + 1, B = 2(n + 1), C = last frame's D = (n) + 100 (0 on the first frame)
    assert pixel(frames[0], 5, 5) == (1, 2, 0)
    assert pixel(frames[4], 5, 5) == (5, 10, 104)
    assert pixel(frames[4], 100, 5) == (160, 90, 1)       # iChannelResolution; channel 3 unbound: 1x1 black
    assert np.array_equal(render_frames(gl, str(folder), [4], None)[4], frames[4])   # replayed alone


def test_json_export(gl, tmp_path):
    code = {k: textwrap.dedent(v) for k, v in BUFFERS.items()}
    export = {"Shader": {"info": {"name": "counter"}, "renderpass": [
        {"type": "common", "name": "Common", "code": code["common.glsl"], "inputs": [], "outputs": []},
        {"type": "buffer", "name": "Buffer A", "code": code["buffer_a.glsl"],
         "inputs": [{"channel": 0, "ctype": "buffer", "id": 257}], "outputs": [{"channel": 0, "id": 257}]},
        {"type": "buffer", "name": "Buffer B", "code": code["buffer_b.glsl"],
         "inputs": [{"channel": 0, "ctype": "buffer", "id": "4dXGR8"}], "outputs": [{"channel": 0, "id": 258}]},
        {"type": "image", "name": "Image", "code": code["image.glsl"],
         "inputs": [{"channel": 0, "ctype": "buffer", "src": "/media/previz/buffer00.png"},
                    {"channel": 1, "ctype": "buffer", "id": 258},
                    {"channel": 2, "ctype": "keyboard"}, {"channel": 3, "ctype": "texture", "src": "/media/a/x.png"}],
         "outputs": []}]}}
    (tmp_path / "counter.json").write_text(json.dumps(export))
    frames = render_frames(gl, str(tmp_path / "counter.json"), [4], None)
    assert pixel(frames[4], 5, 5) == (5, 10, 0)
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-m", "visuals", "still", "counter.json", "--at", "0.1", "--size", "32x18",
                           "--out", "c.png"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr          # a bare file name: played, not looked up as a show


def test_imouse_follows_touches(gl, tmp_path):
    folder = write(tmp_path / "m", {"image.glsl": """
        void mainImage(out vec4 c, in vec2 p) {
            c = vec4(iMouse.xy / iResolution.xy, (iMouse.z > 0.0 ? 0.5 : 0.0) + (iMouse.w > 0.0 ? 0.5 : 0.0), 1.0);
        }"""})
    (tmp_path / "show.py").write_text(textwrap.dedent("""
        from visuals import Cue, Show, Touch
        s = Show("touched", [Cue("m", 0, 2, events=[Touch(0.5, 0.25, 0.75), Touch(1.0, 0.5, 0.5),
                                                    Touch(1.05, 0.75, 0.25)])])
    """))
    from visuals.foreign.shadertoy import load_shadertoy
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    from visuals.render.renderer import RenderConfig, Renderer
    from visuals.perform.clock import FixedClock
    from visuals.output.pngio import gl_rows_to_image
    registry = Registry(SearchPath.build([tmp_path]))
    registry.scenes["m"] = load_shadertoy(folder)
    show = registry.show("touched")
    renderer = Renderer(gl, show, registry, RenderConfig(size=(160, 90)))
    out = []
    for i in (0, 15, 16, 21, 30, 32, 35):
        renderer.render(FixedClock(30).frame(i))
        out.append(pixel(gl_rows_to_image(renderer.read_rgb(), (160, 90)), 3, 3))
    renderer.release()
    # none; a click; held; released; a drag's first touch; its second (held, the press where
    # the drag began); released (xy where it ended)
    assert out == [(0, 0, 0), (64, 191, 255), (64, 191, 128), (64, 191, 0),
                   (128, 128, 255), (191, 64, 128), (191, 64, 0)]


def test_image_channel(gl, tmp_path):
    from PIL import Image
    folder = write(tmp_path / "img", {"image.glsl": """
        void mainImage(out vec4 c, in vec2 p) { c = texture(iChannel0, vec2(0.75, 0.5)); }""",
                                      "channels.toml": '[image]\niChannel0 = "two.png"\n'})
    Image.fromarray(np.array([[[255, 0, 0], [0, 0, 255]]], np.uint8)).save(folder / "two.png")
    assert pixel(render_frames(gl, str(folder), [0], None)[0], 3, 3) == (0, 0, 255)


def test_channel_sampling_options_and_a_scene_channel(gl, tmp_path):
    (tmp_path / "green.fs").write_text('/*{"INPUTS": []}*/\nvoid main() { gl_FragColor = vec4(0.0, 1.0, 0.0, 1.0); }\n')
    folder = write(tmp_path / "opts", {
        "buffer_a.glsl": """
            void mainImage(out vec4 c, in vec2 p) { c = vec4(p.x < 80.0 ? 0.0 : 1.0, 0.0, 0.0, 1.0); }""",
        "image.glsl": """
            void mainImage(out vec4 c, in vec2 p) {
                // between texel 79 (0) and 80 (1): nearest reads one, linear would read 0.5
                float edge = texture(iChannel0, vec2(80.0 / 160.0, 0.5)).r;
                float wrapped = texture(iChannel1, vec2(1.2, 0.5)).r;      // repeat: x 0.2 -> 0
                c = vec4(edge, wrapped, texture(iChannel2, vec2(0.5)).g, 1.0);
            }""",
        "channels.toml": """
            [image]
            iChannel0 = { source = "buffer_a", filter = "nearest" }
            iChannel1 = { source = "buffer_a", wrap = "repeat", filter = "nearest" }
            iChannel2 = "scene:green"
            """})
    from visuals.foreign.shadertoy import load_shadertoy
    scene = load_shadertoy(folder)
    assert scene.foreign_passes["image"].samplers["st_ch0"] == ("nearest", "clamp")
    assert list(scene.bindings) == ["image_ch2"]
    (tmp_path / "show.py").write_text('from visuals import Cue, Show\ns = Show("o", [Cue("opts", 0, 2)])\n')
    assert pixel(render_frames(gl, "o", [0], tmp_path)[0], 3, 3) == (255, 0, 255)   # linear: 128; clamp: 255


def test_sound_channel_is_silent_before_there_is_sound(gl, tmp_path):
    folder = write(tmp_path / "snd", {"image.glsl": """
        void mainImage(out vec4 c, in vec2 p) {
            c = vec4(texture(iChannel0, vec2(0.5, 0.25)).r, texture(iChannel0, vec2(0.5, 0.75)).r,
                     iChannelResolution[0].x / 1024.0, 1.0);
        }""", "channels.toml": '[image]\niChannel0 = "sound"\n'})
    assert pixel(render_frames(gl, str(folder), [0], None)[0], 3, 3) == (0, 128, 128)


@pytest.mark.parametrize("table, needle", [
    ('[image]\niChannel0 = "../secret.png"\n', "outside the shader's folder"),
    ('[image]\niChannel7 = "buffer_a"\n', "iChannel7"),
    ('[image]\niChannel0 = "buffer_c"\n', "does not have"),
    ('[buffer_b]\niChannel0 = "buffer_a"\n', "buffer_b.glsl is missing"),
    ('[image\n', "channels.toml"),
    ('[image]\niChannel0 = { source = "two.png", filter = "cubic" }\n', "filter 'cubic'"),
])
def test_bad_channel_tables_are_refused_in_one_line(tmp_path, table, needle):
    from visuals.foreign.shadertoy import load_shadertoy
    (tmp_path / "secret.png").write_bytes(b"")
    folder = write(tmp_path / "s", {"image.glsl": "void mainImage(out vec4 c, in vec2 p) { c = vec4(1.0); }\n",
                                    "channels.toml": table})
    with pytest.raises(VisualsError) as info:
        load_shadertoy(folder)
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_compile_errors_name_the_tab_file_and_line(gl, tmp_path):
    folder = write(tmp_path / "broken", {
        "common.glsl": "float ok() { return 1.0; }\n",
        "buffer_a.glsl": "void mainImage(out vec4 c, in vec2 p) {\n  c = vec4(ok());\n}\n",
        "image.glsl": "void mainImage(out vec4 c, in vec2 p) {\n  float a = 1.0;\n  c = vec4(a, missing, 0.0, 1.0);\n}\n"})
    with pytest.raises(VisualsError) as info:
        render_frames(gl, str(folder), [0], None)
    assert (Path(info.value.file).name, info.value.line) == ("image.glsl", 3)
    (folder / "image.glsl").write_text("void mainImage(out vec4 c, in vec2 p) { c = vec4(1.0); }\n")
    (folder / "common.glsl").write_text("float ok() {\n  return nope;\n}\n")
    with pytest.raises(VisualsError) as info:
        render_frames(gl, str(folder), [0], None)
    assert (Path(info.value.file).name, info.value.line) == ("common.glsl", 2)


def test_compile_error_in_a_single_file_and_in_a_json_tab(gl, tmp_path):
    (tmp_path / "one.glsl").write_text("// a\nvoid mainImage(out vec4 c, in vec2 p) {\n  c = oops;\n}\n")
    with pytest.raises(VisualsError) as info:
        render_frames(gl, str(tmp_path / "one.glsl"), [0], None)
    assert (Path(info.value.file).name, info.value.line) == ("one.glsl", 3)
    export = {"Shader": {"renderpass": [{"type": "image", "name": "Image", "inputs": [], "outputs": [],
                                         "code": "void mainImage(out vec4 c, in vec2 p) {\n\n  c = oops;\n}"}]}}
    (tmp_path / "two.json").write_text(json.dumps(export))
    with pytest.raises(VisualsError) as info:
        render_frames(gl, str(tmp_path / "two.json"), [0], None)
    assert (Path(info.value.file).name, info.value.line) == ("two.json:Image", 3)


def test_folders_on_the_search_path_are_scenes_by_name(gl, tmp_path):
    write(tmp_path / "counter", BUFFERS)
    (tmp_path / "show.py").write_text('from visuals import Cue, Show\ns = Show("uses", [Cue("counter", 0, 2)])\n')
    assert pixel(render_frames(gl, "uses", [2], tmp_path)[2], 5, 5) == (3, 6, 102)


def test_a_bare_frag_still_plays_as_before(gl, tmp_path):
    (tmp_path / "plain.glsl").write_text("#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0, 0.0, 0.0, 1.0); }\n")
    assert pixel(render_frames(gl, str(tmp_path / "plain.glsl"), [0], None)[0], 1, 1) == (255, 0, 0)
