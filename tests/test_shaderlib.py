"""The GLSL preprocessor without GL: includes, cycles, the line map and log translation."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from visuals.errors import VisualsError
from visuals.model.params import Param
from visuals.load.paths import SearchPath
from visuals.load.shaderlib import DEFAULT_VERSION, Preprocessor, translate_log


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"))
    return root


def pre(root: Path, params=()) -> Preprocessor:
    return Preprocessor(SearchPath.build([root], environ={}), params)


def lines_of(source) -> list[str]:
    return source.text.splitlines()


def line_no(text: str, needle: str) -> int:
    """1-based line number of the only line containing needle."""
    hits = [i + 1 for i, ln in enumerate(text.splitlines()) if needle in ln]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


# --- resolution ---------------------------------------------------------------------------

def test_include_relative_to_the_including_file(tmp_path):
    write(tmp_path, {
        "sub/a/main.frag": """
            #version 330 core
            #include "helpers.glsl"
            void main() {}
            """,
        "sub/a/helpers.glsl": "float helper_a() { return 1.0; }\n",
    })
    src = pre(tmp_path).load("sub/a/main.frag")
    assert "helper_a" in src.text
    assert src.files == [(tmp_path / "sub/a/main.frag").resolve(),
                         (tmp_path / "sub/a/helpers.glsl").resolve()]


def test_quoted_include_prefers_the_neighbour_then_the_search_path(tmp_path):
    write(tmp_path, {
        "sub/main.frag": '#version 330 core\n#include "common.glsl"\n#include "lib/only_on_path.glsl"\n',
        "sub/common.glsl": "float next_door;\n",
        "common.glsl": "float on_the_path;\n",
        "lib/only_on_path.glsl": "float from_lib;\n",
    })
    src = pre(tmp_path).load("sub/main.frag")
    assert "next_door" in src.text
    assert "on_the_path" not in src.text
    assert "from_lib" in src.text


def test_angle_include_uses_the_search_path_only(tmp_path):
    write(tmp_path, {
        "sub/main.frag": "#version 330 core\n#include <common.glsl>\n",
        "sub/common.glsl": "float next_door;\n",
        "common.glsl": "float on_the_path;\n",
    })
    src = pre(tmp_path).load("sub/main.frag")
    assert "on_the_path" in src.text and "next_door" not in src.text

    write(tmp_path, {"sub/other.frag": "#version 330 core\n#include <neighbour_only.glsl>\n",
                     "sub/neighbour_only.glsl": "float x;\n"})
    with pytest.raises(VisualsError):
        pre(tmp_path).load("sub/other.frag")


def test_user_folders_come_before_the_builtin_library(tmp_path):
    # The built-in shaders/lib exists; a user's lib/hash.glsl of the same name wins.
    write(tmp_path, {"main.frag": "#version 330 core\n#include <lib/hash.glsl>\n",
                     "lib/hash.glsl": "float users_own_hash;\n"})
    src = pre(tmp_path).load("main.frag")
    assert "users_own_hash" in src.text
    assert src.files[1] == (tmp_path / "lib/hash.glsl").resolve()


def test_builtin_library_is_reachable(tmp_path):
    write(tmp_path, {"main.frag": "#version 330 core\n#include <lib/hash.glsl>\nvoid main() {}\n"})
    src = pre(tmp_path).load("main.frag")
    assert src.files[1].name == "hash.glsl"
    assert src.files[1].parent.name == "lib"


def test_include_comment_after_the_name_and_spacing(tmp_path):
    write(tmp_path, {"main.frag": '#version 330 core\n  #  include   "b.glsl"   // the b part\n',
                     "b.glsl": "float b_part;\n"})
    assert "b_part" in pre(tmp_path).load("main.frag").text


# --- include once, cycles, missing files --------------------------------------------------

def test_diamond_includes_the_shared_file_once(tmp_path):
    write(tmp_path, {
        "main.frag": '#version 330 core\n#include "left.glsl"\n#include "right.glsl"\nvoid main() {}\n',
        "left.glsl": '#include "base.glsl"\nfloat left_fn;\n',
        "right.glsl": '#include "base.glsl"\nfloat right_fn;\n',
        "base.glsl": "float base_fn;\n",
    })
    src = pre(tmp_path).load("main.frag")
    assert src.text.count("base_fn") == 1
    assert src.text.index("base_fn") < src.text.index("left_fn") < src.text.index("right_fn")
    assert [p.name for p in src.files] == ["main.frag", "left.glsl", "base.glsl", "right.glsl"]
    # The skipped include keeps its line, so later lines keep their numbers.
    right = src.files.index((tmp_path / "right.glsl").resolve())
    path, line = src.origin(line_no(src.text, "right_fn"))
    assert (path.name, line) == ("right.glsl", 2)
    assert src.files[right] == path


def test_include_cycle_names_the_chain_and_the_including_line(tmp_path):
    write(tmp_path, {
        "main.frag": '#version 330 core\n#include "a.glsl"\n',
        "a.glsl": '// a\n#include "b.glsl"\n',
        "b.glsl": '// b\n// still b\n#include "a.glsl"\n',
    })
    with pytest.raises(VisualsError) as info:
        pre(tmp_path).load("main.frag")
    err = info.value
    assert "cycle" in err.message
    chain = re.findall(r"[\w.]+\.glsl", err.message)
    assert chain == ["a.glsl", "b.glsl", "a.glsl"]
    assert Path(err.file).resolve() == (tmp_path / "b.glsl").resolve()
    assert err.line == 3
    assert err.fix


def test_self_include_is_a_cycle(tmp_path):
    write(tmp_path, {"main.frag": '#version 330 core\nfloat x;\n#include "main.frag"\n'})
    with pytest.raises(VisualsError) as info:
        pre(tmp_path).load("main.frag")
    assert "cycle" in info.value.message
    assert Path(info.value.file).name == "main.frag" and info.value.line == 3


def test_missing_include_names_file_and_line(tmp_path):
    write(tmp_path, {
        "main.frag": '#version 330 core\n#include "ok.glsl"\n',
        "ok.glsl": 'float fine;\n\n#include "nope.glsl"\n',
    })
    with pytest.raises(VisualsError) as info:
        pre(tmp_path).load("main.frag")
    err = info.value
    assert "nope.glsl" in err.message
    assert Path(err.file).resolve() == (tmp_path / "ok.glsl").resolve()
    assert err.line == 3
    assert str(tmp_path.resolve()) in err.fix or str(tmp_path) in err.fix   # where it looked


def test_missing_top_level_shader(tmp_path):
    with pytest.raises(VisualsError) as info:
        pre(tmp_path).load("nothing_here.frag")
    assert "nothing_here.frag" in info.value.message and info.value.fix


# --- #version -----------------------------------------------------------------------------

def test_file_without_version_gets_the_default(tmp_path):
    write(tmp_path, {"main.frag": "out vec4 colour;\nvoid main() { colour = vec4(1.0); }\n"})
    src = pre(tmp_path).load("main.frag")
    assert lines_of(src)[0] == DEFAULT_VERSION
    assert DEFAULT_VERSION.startswith("#version 3")
    assert src.text.count("#version") == 1
    assert src.origin(line_no(src.text, "void main")) == (src.files[0], 2)


def test_version_is_hoisted_above_leading_comments(tmp_path):
    write(tmp_path, {"main.frag": "// header comment\n// more\n#version 410 core\nfloat x;\n"})
    src = pre(tmp_path).load("main.frag")
    assert lines_of(src)[0] == "#version 410 core"
    assert src.origin(1) == (src.files[0], 3)
    assert src.origin(line_no(src.text, "float x")) == (src.files[0], 4)


def test_version_inside_an_include_is_dropped(tmp_path):
    write(tmp_path, {"main.frag": '#version 330 core\n#include "lib.glsl"\n',
                     "lib.glsl": "#version 330 core\nfloat lib_fn;\n"})
    src = pre(tmp_path).load("main.frag")
    assert src.text.count("#version") == 1
    assert src.origin(line_no(src.text, "lib_fn"))[1] == 2


# --- the line map and translate_log -------------------------------------------------------

MAIN = """
    #version 330 core
    uniform float u_time;
    #include "lib/helpers.glsl"
    out vec4 colour;
    void main() {
        colour = vec4(helper(), 0.0, 0.0, 1.0);
        float oops = bar;
    }
    """
HELPERS = """
    // helpers
    float helper() {
        return foo;
    }
    """


def _project(tmp_path):
    return write(tmp_path, {"main.frag": MAIN, "lib/helpers.glsl": HELPERS})


def test_every_line_maps_back_to_its_file(tmp_path):
    src = pre(_project(tmp_path)).load("main.frag")
    main_lines = textwrap.dedent(MAIN).lstrip("\n").splitlines()
    helper_lines = textwrap.dedent(HELPERS).lstrip("\n").splitlines()
    assert len(src.origins) == len(lines_of(src))
    for n, text in enumerate(lines_of(src), start=1):
        path, line = src.origin(n)
        own = main_lines if path.name == "main.frag" else helper_lines
        if text.strip():
            assert own[line - 1] == text, (n, path, line)


@pytest.mark.parametrize("string_number", [0, 1, 7])
def test_mesa_log_translates_to_the_included_file(tmp_path, string_number):
    src = pre(_project(tmp_path)).load("main.frag")
    n = line_no(src.text, "return foo")           # where the compiler sees the error
    log = f"{string_number}:{n}(5): error: `foo' undeclared\n"
    err = translate_log(log, {"fragment_shader": src})
    assert Path(err.file).resolve() == (tmp_path / "lib/helpers.glsl").resolve()
    assert err.line == 3
    assert "`foo' undeclared" in err.message
    assert err.fix


def test_log_line_in_the_main_file_after_an_include(tmp_path):
    src = pre(_project(tmp_path)).load("main.frag")
    n = line_no(src.text, "float oops")
    log = f"0:{n}(20): error: `bar' undeclared\n0:{n}(5): warning: unused\n"
    err = translate_log(log, {"fragment_shader": src})
    assert Path(err.file).name == "main.frag" and err.line == 7
    assert "bar" in err.message


def test_other_driver_log_formats(tmp_path):
    src = pre(_project(tmp_path)).load("main.frag")
    n = line_no(src.text, "return foo")
    for log in (f"0({n}) : error C1008: undefined variable \"foo\"",
                f"ERROR: 0:{n}: 'foo' : undeclared identifier"):
        err = translate_log(log, {"fragment_shader": src})
        assert Path(err.file).name == "helpers.glsl" and err.line == 3, log


def test_log_counts_further_errors_and_picks_the_named_stage(tmp_path):
    write(tmp_path, {"v.vert": "#version 330 core\nvoid main() {\n  gl_Position = vec4(q);\n}\n"})
    vs = pre(tmp_path).load("v.vert")
    fs = pre(_project(tmp_path)).load("main.frag")
    log = ("GLSL Compiler failed\n\nvertex_shader\n=============\n"
           "0:3(23): error: `q' undeclared\n0:3(10): error: no matching function\n")
    err = translate_log(log, {"vertex_shader": vs, "fragment_shader": fs})
    assert Path(err.file).name == "v.vert" and err.line == 3
    assert "1 more" in err.message


def test_log_without_a_line_is_a_link_error_naming_the_main_file(tmp_path):
    src = pre(_project(tmp_path)).load("main.frag")
    err = translate_log("error: fragment shader lacks `main'", {"fragment_shader": src})
    assert Path(err.file).name == "main.frag"
    assert err.line is None
    assert "main" in err.fix


# --- the generated <visuals/params> -------------------------------------------------------

def test_params_include_declares_uniforms_by_the_contract(tmp_path):
    # shaders/README.md: float, int and bool arrive as float; vecN as vecN; colours as vec4.
    params = [Param("speed", 1.0, 0, 4), Param("count", 6, 1, 30), Param("mirror", False),
              Param("centre", (0.5, 0.5)), Param("axis", (0.0, 1.0, 0.0)),
              Param("rect", (0.0, 0.0, 1.0, 1.0)), Param("tint", "#b48cff")]
    write(tmp_path, {"main.frag": "#version 330 core\n#include <visuals/params>\nvoid main() {}\n"})
    text = pre(tmp_path, params).load("main.frag").text
    declared = dict((name, typ) for typ, name in re.findall(r"uniform\s+(\w+)\s+u_(\w+)\s*;", text))
    assert declared == {"speed": "float", "count": "float", "mirror": "float", "centre": "vec2",
                        "axis": "vec3", "rect": "vec4", "tint": "vec4"}


def test_params_include_does_not_shift_later_lines(tmp_path):
    params = [Param("a", 1.0), Param("b", (0.0, 0.0)), Param("c", "#ffffff")]
    body = ("#version 330 core\n#include <visuals/params>\n// three\n// four\n"
            "void main() { float five = u_a; }\n")
    write(tmp_path, {"main.frag": body})
    src = pre(tmp_path, params).load("main.frag")
    out = lines_of(src)
    original = body.splitlines()
    assert len(out) == len(original)
    for n in (1, 3, 4, 5):
        assert out[n - 1] == original[n - 1]          # same text on the same line number
        assert src.origin(n) == (src.files[0], n)
    err = translate_log("0:5(28): error: `five' bad", {"fragment_shader": src})
    assert err.line == 5 and Path(err.file).name == "main.frag"


def test_params_include_with_no_params_and_inside_an_include(tmp_path):
    write(tmp_path, {"main.frag": '#version 330 core\n#include "lib.glsl"\nfloat after;\n',
                     "lib.glsl": "#include <visuals/params>\nfloat lib_line2;\n"})
    src = pre(tmp_path, [Param("gain", 0.5)]).load("main.frag")
    assert "uniform float u_gain;" in src.text
    assert src.origin(line_no(src.text, "lib_line2"))[1] == 2
    assert src.origin(line_no(src.text, "float after"))[1] == 3
    empty = pre(tmp_path, []).load("main.frag")
    assert "uniform" not in empty.text
    assert empty.origin(line_no(empty.text, "float after"))[1] == 3


def test_stamp_lists_every_file(tmp_path):
    src = pre(_project(tmp_path)).load("main.frag")
    stamp = dict(src.stamp())
    assert set(stamp) == {str(f) for f in src.files}
    assert all(mtime > 0 for mtime in stamp.values())


# --- includes stay inside the shader folders ------------------------------------------------

def _escape_error(root: Path, main: str) -> VisualsError:
    with pytest.raises(VisualsError) as info:
        pre(root).load(main)
    return info.value


def test_an_absolute_include_outside_the_shader_folders_is_refused(tmp_path):
    outside = tmp_path / "outside" / "secret.glsl"
    write(tmp_path, {"outside/secret.glsl": "float secret_value;\n",
                     "root/main.frag": f'#version 330 core\n\n#include "{outside}"\n'})
    err = _escape_error(tmp_path / "root", "main.frag")
    assert err.message == f'#include "{outside}" is outside the shader folders'
    assert Path(err.file).name == "main.frag" and err.line == 3
    assert str((tmp_path / "root").resolve()) in err.fix and "shaders" in err.fix


def test_a_dotdot_include_that_leaves_the_shader_folders_is_refused(tmp_path):
    write(tmp_path, {"secret.glsl": "float secret_value;\n",
                     "root/sub/main.frag": '#version 330 core\n#include "../../secret.glsl"\n'})
    err = _escape_error(tmp_path / "root", "sub/main.frag")
    assert err.message == '#include "../../secret.glsl" is outside the shader folders' and err.line == 2


def test_a_dotdot_include_that_stays_inside_is_fine(tmp_path):
    write(tmp_path, {"root/common.glsl": "float shared_fn;\n",
                     "root/sub/main.frag": '#version 330 core\n#include "../common.glsl"\n'})
    assert "shared_fn" in pre(tmp_path / "root").load("sub/main.frag").text


def test_a_symlink_that_escapes_counts_as_an_escape(tmp_path):
    write(tmp_path, {"secret.glsl": "float secret_value;\n",
                     "root/main.frag": '#version 330 core\n#include "lib.glsl"\n'})
    (tmp_path / "root" / "lib.glsl").symlink_to(tmp_path / "secret.glsl")
    err = _escape_error(tmp_path / "root", "main.frag")
    assert err.message == '#include "lib.glsl" is outside the shader folders' and err.line == 2


def test_a_symlink_loop_is_an_escape_not_a_crash(tmp_path):
    write(tmp_path, {"root/main.frag": '#version 330 core\n#include "loop.glsl"\n'})
    (tmp_path / "root" / "loop.glsl").symlink_to(tmp_path / "root" / "loop.glsl")
    err = _escape_error(tmp_path / "root", "main.frag")
    assert err.line == 2 and "loop.glsl" in err.message


def test_a_symlink_inside_the_shader_folders_is_followed(tmp_path):
    write(tmp_path, {"root/real/lib.glsl": "float linked_fn;\n",
                     "root/main.frag": '#version 330 core\n#include "lib.glsl"\n'})
    (tmp_path / "root" / "lib.glsl").symlink_to(tmp_path / "root" / "real" / "lib.glsl")
    assert "linked_fn" in pre(tmp_path / "root").load("main.frag").text


def test_an_include_from_another_shader_folder_on_the_path_is_fine(tmp_path):
    write(tmp_path, {"one/main.frag": '#version 330 core\n#include <lib2.glsl>\n',
                     "two/lib2.glsl": "float second_root;\n"})
    src = Preprocessor(SearchPath.build([tmp_path / "one", tmp_path / "two"], environ={})).load("main.frag")
    assert "second_root" in src.text


# --- BOM and line ends ----------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_a_bom_and_any_line_end_keep_line_numbers(tmp_path, newline):
    text = "// comment\n#version 330 core\n#include \"lib.glsl\"\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n"
    (tmp_path / "main.frag").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", newline).encode())
    (tmp_path / "lib.glsl").write_bytes(b"\xef\xbb\xbf" + "float a;\n\x0cfloat b;\n".replace("\n", newline).encode())
    src = pre(tmp_path).load("main.frag")
    assert "\ufeff" not in src.text and "\r" not in src.text
    lines = src.text.split("\n")        # as the compiler counts them (not str.splitlines)
    assert lines[0] == "#version 330 core"
    at = {text.strip("\x0c"): n for n, text in enumerate(lines, start=1)}
    assert src.origin(at["void main() { c = vec4(1.0); }"]) == (src.files[0], 5)
    assert src.origin(at["float b;"]) == (src.files[1], 2)     # a form feed does not end a line


def test_a_shader_that_is_not_utf8_names_its_own_line(tmp_path):
    (tmp_path / "main.frag").write_text('#version 330 core\n#include "lib.glsl"\n')
    (tmp_path / "lib.glsl").write_bytes(b"float a;\n// caf\xe9\n")
    with pytest.raises(VisualsError) as info:
        pre(tmp_path).load("main.frag")
    assert Path(info.value.file).name == "lib.glsl" and info.value.line == 2
    assert info.value.message == "shader file is not UTF-8 text (byte 0xe9)"


# --- the line a syntax error belongs to (logs as Mesa 22.3 llvmpipe writes them) --------------

def _mesa(tmp_path, shader: str, log: str) -> VisualsError:
    (tmp_path / "main.frag").write_text(shader)
    return translate_log(log, {"fragment_shader": pre(tmp_path).load("main.frag")})


EXPECTING = "expecting ',' or ';'"


@pytest.mark.parametrize("body, log, line", [
    # a missing ';' at the end of line 4, reported at the first token of the next code line
    ("void main() {\n    float a = 1.0\n    c = vec4(a);\n}\n",
     f"0:5(2): error: syntax error, unexpected IDENTIFIER, {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n    float b = a;\n    c = vec4(b);\n}\n",
     f"0:5(2): error: syntax error, unexpected BASIC_TYPE_TOK, {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n    a += 1.0;\n    c = vec4(a);\n}\n",
     f"0:5(2): error: syntax error, unexpected NEW_IDENTIFIER, {EXPECTING}", 4),
    ("void main() {\n    c = vec4(1.0)\n}\n", f"0:5(1): error: syntax error, unexpected '}}', {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n    return;\n}\n", f"0:5(2): error: syntax error, unexpected RETURN, {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n    if (a > 0.0) c = vec4(a);\n}\n",
     f"0:5(2): error: syntax error, unexpected IF, {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n    1.0;\n}\n", f"0:5(2): error: syntax error, unexpected FLOATCONSTANT, {EXPECTING}", 4),
    ("void main() {\n    bool a = false\n    true;\n}\n", f"0:5(2): error: syntax error, unexpected BOOLCONSTANT, {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n\n    // note\n    /* more\n       notes */\n    c = vec4(a);\n}\n",
     f"0:9(2): error: syntax error, unexpected IDENTIFIER, {EXPECTING}", 4),
    ("void main() {\n    float a = 1.0\n#define X 1\n    c = vec4(a);\n}\n",
     f"0:6(2): error: syntax error, unexpected IDENTIFIER, {EXPECTING}", 4),
    # where Mesa is right, the line stays
    ("void main() {\n    c = vec4(zz);\n}\n", "0:4(11): error: `zz' undeclared", 4),
    ("void main() {\n    c = vec4(1.0 1.0);\n}\n", "0:4(15): error: syntax error, unexpected FLOATCONSTANT, expecting ')' or ','", 4),
    ("void main() {\n    c = vec4(1.0;\n}\n", "0:4(14): error: syntax error, unexpected ';', expecting ')' or ','", 4),
    ("void main() {\n    float a = 1.0\n    ++a;\n}\n", f"0:5(4): error: syntax error, unexpected NEW_IDENTIFIER, {EXPECTING}", 5),
    ("void main() {\n    float a = 1.0;\n    b c;\n}\n", f"0:5(2): error: syntax error, unexpected IDENTIFIER, {EXPECTING}", 5),
    ("void main() {\n    c = vec4(1.0);\n\n", "0:4(16): error: syntax error, unexpected end of file", 4),
    ("void main() {\n    float a = 1.0,\n    b = 2.0\n}\n", f"0:6(1): error: syntax error, unexpected '}}', {EXPECTING}", 5),
])
def test_missing_semicolons_are_blamed_on_their_own_line(tmp_path, body, log, line):
    err = _mesa(tmp_path, "#version 330 core\nout vec4 c;\n" + body, log)
    assert err.line == line, err


def test_a_missing_semicolon_at_the_end_of_an_include_is_blamed_there(tmp_path):
    write(tmp_path, {"lib.glsl": "float k = 1.0\n"})
    err = _mesa(tmp_path, '#version 330 core\n#include "lib.glsl"\nout vec4 c;\nvoid main() { c = vec4(k); }\n',
                f"0:3(1): error: syntax error, unexpected OUT_TOK, {EXPECTING}")
    assert Path(err.file).name == "lib.glsl" and err.line == 1


@pytest.mark.parametrize("name", ["a\x00b.glsl", "a" * 5000 + ".glsl"])
def test_an_include_name_no_file_can_have_is_not_found(tmp_path, name):
    """A NUL byte or a name longer than the system allows was a ValueError / OSError."""
    (tmp_path / "main.frag").write_text(f'#version 330 core\n#include "{name}"\n')
    with pytest.raises(VisualsError) as info:
        pre(tmp_path).load("main.frag")
    assert info.value.line == 2 and info.value.message.endswith("not found") and len(info.value.message) < 250
