"""Data files are only data: set files, mappings, presets, key maps and shaders a user was sent.

A set file's header never chooses where Python is imported from or which file is compiled;
an ``#include`` never reads outside the shader folders; and every malformed, hostile or
oversized file is one error naming the file and line (exit code 2), never a traceback.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from visuals.controls.keyboard import KeyMap
from visuals.controls.midi.mapping import MidiMapping
from visuals.perform.recorder import SET_LIMIT, RecordedSet, SetRecorder
from visuals.errors import VisualsError
from visuals.load.paths import builtin_dir
from visuals.perform.presets import PresetStore
from visuals.load.textfile import SETTINGS_LIMIT

HEADER = '{"visuals_set":1,"show":"demo"}'


def visuals(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("VISUALS_PATH", None)
    return subprocess.run([sys.executable, "-m", "visuals", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def write_set(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_error(path: Path) -> VisualsError:
    with pytest.raises(VisualsError) as info:
        RecordedSet.load(path)
    return info.value


def evil_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of scenes whose module, when imported, writes a marker file."""
    marker = tmp_path / "imported.marker"
    scenes = tmp_path / "evil" / "scenes"
    scenes.mkdir(parents=True)
    (scenes / "evil.py").write_text(f"from pathlib import Path\nPath({str(marker)!r}).write_text('ran')\n")
    return tmp_path / "evil", marker


# -- item 1: a set file never imports or compiles what it names ------------------------------------
def test_a_set_header_path_is_not_imported(tmp_path):
    folder, marker = evil_folder(tmp_path)
    record = write_set(tmp_path / "set.jsonl",
                       json.dumps({"visuals_set": 1, "show": "evil", "path": [str(folder)]}),
                       '{"t":1.0,"end":true}')
    result = visuals("render", "--replay", str(record), "--size", "160x90", "--frames", "0:2",
                     "--out", str(tmp_path / "frames") + "/", cwd=tmp_path)
    assert not marker.exists(), "the set file's path made visuals import a module from it"
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("visuals: note: set.jsonl: the set's own search path is ignored")
    assert "no show or scene named 'evil'" in lines[1]


def test_the_show_of_a_set_comes_from_the_command_lines_path(tmp_path):
    scenes = tmp_path / "mine" / "scenes"
    scenes.mkdir(parents=True)
    (scenes / "mine.py").write_text('from visuals import Scene, Pass\nmine = Scene("mine", [Pass("mine.frag")])\n')
    (scenes / "mine.frag").write_text("#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n")
    record = write_set(tmp_path / "set.jsonl", '{"visuals_set":1,"show":"mine"}', '{"t":0.1,"end":true}')
    result = visuals("--path", str(tmp_path / "mine"), "render", "--replay", str(record), "--size", "160x90",
                     "--frames", "0:2", "--out", str(tmp_path / "frames") + "/", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "frames").glob("*.png"))) == 2


@pytest.mark.parametrize("show", ["../../../etc/passwd", "/etc/passwd", "shaders/x.frag", "bench.frag",
                                  ".hidden", "", 5, None, ["demo"], "a\nb"])
def test_a_set_show_that_is_not_a_plain_name_is_refused(tmp_path, show):
    record = write_set(tmp_path / "set.jsonl", json.dumps({"visuals_set": 1, "show": show}))
    err = load_error(record)
    assert err.line == 1 and err.message.startswith("'show' must be the name of a show or scene"), err


def test_passwd_as_a_show_is_not_compiled(tmp_path):
    record = write_set(tmp_path / "set.jsonl", '{"visuals_set":1,"show":"../../../etc/passwd"}',
                       '{"t":1.0,"end":true}')
    result = visuals("render", "--replay", str(record), "--size", "160x90", "--frames", "0:2",
                     "--out", str(tmp_path / "frames") + "/", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "visuals: error: set.jsonl:1: 'show' must be the name of a show or scene, not \"../../../etc/passwd\" "
        "(fix: a file names a show or scene as 'visuals list' prints it, never a path; "
        "give the folders of your own shows with --path)"]


def test_clips_and_deck_b_in_a_set_are_names_too(tmp_path):
    err = load_error(write_set(tmp_path / "a.jsonl", HEADER, '{"t":0,"event":{"kind":"clip","show":"/etc/passwd"}}'))
    assert err.line == 2 and err.message.startswith("'clip.show' must be the name of a show or scene")
    err = load_error(write_set(tmp_path / "b.jsonl", '{"visuals_set":1,"show":"demo","deck_b":"../x.frag"}'))
    assert err.line == 1 and err.message.startswith("'deck_b' must be the name of a show or scene")


def test_new_set_files_carry_no_search_path(tmp_path):
    recorder = SetRecorder(tmp_path / "set.jsonl", "demo", [str(tmp_path / "mine")], {"loop": True})
    recorder.close(1.0)
    header = json.loads((tmp_path / "set.jsonl").read_text().splitlines()[0])
    assert "path" not in header
    assert header["show"] == "demo" and header["loop"] is True
    loaded = RecordedSet.load(tmp_path / "set.jsonl")
    assert loaded.notes == [] and loaded.duration == 1.0


# -- item 3: every malformed set file is one error naming the file and line ------------------------
HOSTILE_SETS = [
    (['{"t":1e308,"event":{"kind":"tap"}}'], 2, "'t' must be a number from 0 to 1000000, not 1e+308"),
    (['{"t":Infinity,"event":{"kind":"tap"}}'], 2, "'t' must be a number from 0 to 1000000, not Infinity"),
    (['{"t":NaN,"event":{"kind":"tap"}}'], 2, "'t' must be a number from 0 to 1000000, not NaN"),
    (['{"t":-1,"event":{"kind":"tap"}}'], 2, "'t' must be a number from 0 to 1000000, not -1"),
    (['{"t":"1","event":{"kind":"tap"}}'], 2, "'t' must be a number from 0 to 1000000, not \"1\""),
    (['{"event":{"kind":"tap"}}'], 2, "set event without a time"),
    (['[1, 2]'], 2, "set file line is a JSON list, not an object"),
    (['{"t":0.5,"event":[1]}'], 2, "set event is list, not an object"),
    (['{"t":0.5}'], 2, "set event is null, not an object"),
    (['{"t":0.5,"event":{"kind":"explode"}}'], 2, "unknown control event kind \"explode\""),
    (['{"t":0.5,"event":{"kind":7}}'], 2, "unknown control event kind 7"),
    (['[' * 100_000 + ']' * 100_000], 2, "malformed set file: nested too deeply"),
    (['{"t":' + "1" * 5000 + ',"end":true}'], 2, "malformed set file: a number has too many digits"),
    (['{"t":0.5,"event":{"kind":"tap"'], 2, "malformed set file: Expecting ',' delimiter"),
    (['{"t":0,"event":{"kind":"transport","op":"seek","value":"abc"}}'], 2,
     "'transport.value' must be a number from -1000000000 to 1000000000, not \"abc\""),
    (['{"t":0,"event":{"kind":"transport","op":"explode"}}'], 2, "'transport.op' must be a string ("),
    (['{"t":0,"event":{"kind":"touch","x":NaN}}'], 2, "'touch.x' must be a number"),
    (['{"t":0,"event":{"kind":"touch","deck":"c"}}'], 2, "'touch.deck' must be a string ('a', 'b'), not \"c\""),
    (['{"t":0,"event":{"kind":"cue","index":1.5}}'], 2, "'cue.index' must be a whole number"),
    (['{"t":0,"event":{"kind":"cue","index":true}}'], 2, "'cue.index' must be a whole number"),
    (['{"t":0,"event":{"kind":"param","scene":"tide","param":"speed","value":{"a":1}}}'], 2,
     "'param.value' must be a number"),
    (['{"t":0,"event":{"kind":"param","scene":"tide","param":"speed","value":[1,2,3,4,5]}}'], 2,
     "'param.value' must be a number"),
    (['{"t":0,"event":{"kind":"param","scene":["tide"],"param":"speed","value":1}}'], 2,
     "'param.scene' must be a string"),
    (['{"t":0,"event":{"kind":"preset","name":"x","values":{"tide":5}}}'], 2,
     "'preset.values' must be an object of scenes"),
    (['{"t":0,"event":{"kind":"preset","name":"x","values":{"tide":{"speed":Infinity}}}}'], 2,
     "'preset.values.tide.speed' must be a number"),
    (['{"t":0,"event":{"kind":"tempo","bpm":1e400}}'], 2, "'tempo.bpm' must be a number"),
    (['{"t":1,"end":"yes"}'], 2, "'end' must be true, not \"yes\""),
    (['{"t":0,"event":{"kind":"tap"}}', '', '{"t":1,"event":{"kind":"trigger","name":"glitch","value":null}}'], 4,
     "'trigger.value' must be a number"),
]


@pytest.mark.parametrize("lines, line, words", HOSTILE_SETS)
def test_hostile_set_lines_are_one_error_naming_file_and_line(tmp_path, lines, line, words):
    err = load_error(write_set(tmp_path / "set.jsonl", HEADER, *lines))
    assert err.line == line, err
    assert err.file.endswith("set.jsonl")
    assert err.message.startswith(words), err
    assert "\n" not in str(err) and len(str(err)) < 400


@pytest.mark.parametrize("header, words", [
    ("[1]", "set file line is a JSON list, not an object"),
    ('{"visuals_set":1,"show":5}', "'show' must be the name of a show or scene, not 5"),
    ('{"visuals_set":true,"show":"demo"}', "not a visuals set file (no header)"),
    ('{"visuals_set":2,"show":"demo"}', "set file format 2 is not the one this visuals reads (1)"),
    ('{"show":"demo"}', "not a visuals set file (no header)"),
    ('{"visuals_set":1,"show":"demo","start":-5}', "'start' must be a number from 0 to 1000000, not -5"),
    ('{"visuals_set":1,"show":"demo","loop":"yes"}', "'loop' must be true or false, not \"yes\""),
    ('{"visuals_set":1,"show":"demo","paused":1}', "'paused' must be true or false, not 1"),
])
def test_hostile_set_headers(tmp_path, header, words):
    err = load_error(write_set(tmp_path / "set.jsonl", header, '{"t":1,"end":true}'))
    assert err.line == 1 and err.message.startswith(words), err


def test_a_binary_set_file_names_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_bytes(HEADER.encode() + b"\n\n" + b'{"t":1,"end":true}\x00\xd0\x9f\xff\xfe\n')
    err = load_error(path)
    assert err.line == 3 and err.message == "set file is not UTF-8 text (byte 0xff)", err


def test_a_set_file_with_a_bom_and_crlf_loads(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + '\r\n{"t":0.5,"event":{"kind":"tap"}}\r\n{"t":2,"end":true}\r\n').encode())
    loaded = RecordedSet.load(path)
    assert loaded.header["show"] == "demo" and len(loaded.events) == 1 and loaded.duration == 2.0


def test_a_set_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "set.jsonl"
    with path.open("wb") as f:            # sparse: no disk is used
        f.truncate(SET_LIMIT + 88 * 2**20)
    err = load_error(path)
    assert err.message == "set file is 600 MiB, over the limit of 512 MiB", err
    assert err.file.endswith("set.jsonl")


@pytest.mark.parametrize("line, words", [
    ('{"t":NaN,"event":{"kind":"tap"}}', "set.jsonl:2: 't' must be a number from 0 to 1000000, not NaN"),
    ('{"t":1e308,"event":{"kind":"tap"}}', "set.jsonl:2: 't' must be a number from 0 to 1000000, not 1e+308"),
    ('{"t":' + "9" * 5000 + '}', "set.jsonl:2: malformed set file: a number has too many digits"),
])
def test_the_cli_says_one_line_and_exits_2_for_a_hostile_set(tmp_path, line, words):
    record = write_set(tmp_path / "set.jsonl", HEADER, line)
    result = visuals("render", "--replay", str(record), "--size", "160x90", "--frames", "0:2",
                     "--out", str(tmp_path / "frames") + "/", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"visuals: error: {words} (fix: "), result.stderr
    assert not (tmp_path / "frames").exists()


# -- item 3: mappings, presets and key maps --------------------------------------------------------
LOADERS = {
    "MIDI mapping": (lambda p: MidiMapping.load(p), '[[cc]]\ncc = 7\nparam = "tide.speed"\n'),
    "presets": (lambda p: PresetStore(p), '[presets.calm]\ntide.speed = 0.5\n'),
    "key map": (lambda p: KeyMap.load(p), '[keys]\ntoggle_pause = "p"\n'),
}


@pytest.mark.parametrize("what", LOADERS)
def test_settings_files_with_bad_utf8_name_the_line(tmp_path, what):
    load, text = LOADERS[what]
    path = tmp_path / "file.toml"
    path.write_bytes(text.encode() + b"# caf\xe9\n")
    with pytest.raises(VisualsError) as info:
        load(path)
    line = text.count("\n") + 1
    assert info.value.line == line
    assert info.value.message == f"{what} file is not UTF-8 text (byte 0xe9)"


@pytest.mark.parametrize("what", LOADERS)
def test_settings_files_with_a_bom_and_crlf_load(tmp_path, what):
    load, text = LOADERS[what]
    path = tmp_path / "file.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    loaded = load(path)
    if isinstance(loaded, MidiMapping):
        assert loaded.bindings[0].param == "tide.speed"
    elif isinstance(loaded, PresetStore):
        assert loaded.get("calm") == {"tide": {"speed": 0.5}}
    else:
        assert loaded.action_for("p", frozenset()) == "toggle_pause"


@pytest.mark.parametrize("what", LOADERS)
def test_settings_files_over_a_mebibyte_are_refused(tmp_path, what):
    load, _ = LOADERS[what]
    path = tmp_path / "file.toml"
    with path.open("wb") as f:
        f.truncate(50 * SETTINGS_LIMIT)       # the 50 MB file that took minutes; sparse here
    with pytest.raises(VisualsError) as info:
        load(path)
    assert info.value.message == f"{what} file is 50 MiB, over the limit of 1 MiB"
    assert info.value.file.endswith("file.toml")


@pytest.mark.parametrize("text, line, words", [
    ("a = " + "1" * 5000 + "\n", 1, "malformed MIDI mapping file: a number has too many digits"),
    ("controller = 'x'\na = " + "[" * 5000 + "\n", None, "malformed MIDI mapping file: arrays or tables nested"),
    ('[[cc]]\ncc = 7\nparam = "tide.speed"\nrange = [0, inf]\n', 4, "range must be two finite numbers, not [0, inf]"),
    ("[[cc]]\ncc = 7\nparam = \"tide.speed\"\n" + "x" * 5000 + " = 1\n", 4, "unknown key 'xxxx"),
])
def test_hostile_mappings(tmp_path, text, line, words):
    path = tmp_path / "map.toml"
    path.write_text(text)
    with pytest.raises(VisualsError) as info:
        MidiMapping.load(path)
    assert info.value.line == line and info.value.message.startswith(words), info.value
    assert len(str(info.value)) < 400


@pytest.mark.parametrize("show", ["/etc/passwd", "../../x.frag", "shaders/sky.frag", "sky.frag"])
def test_a_mapping_clip_names_a_show_never_a_file(tmp_path, show):
    """A pad of a mapping someone sent launched registry.show(PATH): it compiled that file."""
    path = tmp_path / "map.toml"
    path.write_text(f'[[note]]\nnote = 36\naction = "clip"\nshow = "{show}"\n')
    with pytest.raises(VisualsError) as info:
        MidiMapping.load(path)
    assert info.value.line == 4
    assert info.value.message == f"clip show '{show}' is not the name of a show or scene"


@pytest.mark.parametrize("value", ['["a", "b"]', "inf", "nan", "[1, 2, 3, 4, 5]", "{ x = 1 }", "[]"])
def test_preset_values_no_parameter_can_take_are_refused(tmp_path, value):
    path = tmp_path / "presets.toml"
    path.write_text(f"[presets.calm]\ntide.pulse = 1.0\ntide.speed = {value}\n")
    with pytest.raises(VisualsError) as info:
        PresetStore(path)
    assert info.value.line == 3
    assert info.value.message.startswith("preset value tide.speed = "), info.value


# -- item 2 and 3: shaders --------------------------------------------------------------------------
def _still(tmp_path: Path, shader: Path) -> subprocess.CompletedProcess:
    return visuals("still", str(shader), "--size", "160x90", "--out", str(tmp_path / "out.png"), cwd=tmp_path)


def _builtin_shader_roots() -> list[str]:
    """The built-in shader folder as the CLI (a subprocess) and this process see it."""
    cli = subprocess.run([sys.executable, "-c", "from visuals.load.paths import builtin_dir; "
                          "print(builtin_dir('shaders').resolve())"], cwd="/", capture_output=True, text=True)
    return [cli.stdout.strip(), str(builtin_dir("shaders").resolve())]


def test_an_include_of_a_system_file_is_refused_and_nothing_of_it_is_quoted(tmp_path):
    secret = tmp_path / "secret" / "shadow"
    secret.parent.mkdir()
    secret.write_text("root_password_hash_xyz:1:2\n")
    shader = tmp_path / "show" / "leak.frag"
    shader.parent.mkdir()
    shader.write_text(f'#version 330 core\nout vec4 c;\n#include "{secret}"\nvoid main() {{ c = vec4(1.0); }}\n')
    result = _still(tmp_path, shader)
    assert result.returncode == 2
    assert "root_password_hash_xyz" not in result.stderr
    # The built-in root is the installed package's or the checkout's, whichever the CLI runs
    # from (CI installs the package; this process may import the checkout): one of the two.
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0] in [
        f'visuals: error: show/leak.frag:3: #include "{secret}" is outside the shader folders '
        f"(fix: includes resolve only inside {root}, show; "
        "copy the file into one of them or add its folder with --path)" for root in _builtin_shader_roots()]
    assert not (tmp_path / "out.png").exists()


def test_a_bom_and_crlf_shader_compiles_and_errors_keep_their_lines(gl, tmp_path):
    from visuals.render.gpu import ProgramCache
    from visuals.load.paths import SearchPath
    folder = tmp_path / "shaders"
    folder.mkdir()
    good = "#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(1.0, 0.0, 0.0, 1.0);\n}\n"
    (folder / "good.frag").write_bytes(b"\xef\xbb\xbf" + good.replace("\n", "\r\n").encode())
    bad = "// a comment\n#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(zz);\n}\n"
    (folder / "bad.frag").write_bytes(b"\xef\xbb\xbf" + bad.replace("\n", "\r").encode())
    cache = ProgramCache(gl, SearchPath.build([tmp_path], environ={}))
    cache.compile("good.frag")
    with pytest.raises(VisualsError) as info:
        cache.compile("bad.frag")
    assert info.value.line == 5 and "`zz' undeclared" in info.value.message


MISSING_SEMICOLON = [
    # (shader, the line the error belongs to)
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    float a = 1.0\n    c = vec4(a);\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    float a = 1.0\n\n    // why\n    c = vec4(a);\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(1.0)\n}\n", 4),
    ("#version 330 core\nout vec4 c\nvoid main() {\n    c = vec4(1.0);\n}\n", 2),
    ("#version 330 core\nuniform float u\nout vec4 c;\nvoid main() {\n    c = vec4(u);\n}\n", 2),
    ("#version 330 core\nout vec4 c;\nfloat f() {\n    return 1.0\n}\nvoid main() {\n    c = vec4(f());\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    float a = 1.0\n    #define X 1\n    c = vec4(a);\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    float a = 1.0 /* x */\n    vec4 b = vec4(a);\n"
     "    c = b;\n}\n", 4),
    # errors that are where Mesa says they are
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(zz);\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(1.0 1.0);\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    c = vec4(1.0;\n}\n", 4),
    ("#version 330 core\nout vec4 c;\nvoid main() {\n    float a = 1.0;\n    a = a +;\n    c = vec4(a);\n}\n", 5),
]


@pytest.mark.parametrize("shader, line", MISSING_SEMICOLON)
def test_compile_errors_point_at_the_line_they_belong_to(gl, tmp_path, shader, line):
    from visuals.render.gpu import ProgramCache
    from visuals.load.paths import SearchPath
    (tmp_path / "s.frag").write_text(shader)
    cache = ProgramCache(gl, SearchPath.build([tmp_path], environ={}))
    with pytest.raises(VisualsError) as info:
        cache.compile("s.frag")
    assert info.value.line == line, info.value


# -- values played by hand must fit their parameters -------------------------------------------------
@pytest.fixture(scope="module")
def registry():
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    return Registry(SearchPath.build([], environ={}))


def test_hand_played_values_take_their_parameters_form(tmp_path, registry):
    record = write_set(tmp_path / "set.jsonl", HEADER,
                       '{"t":0,"event":{"kind":"param","scene":"tide","param":"colour_a","value":"#ff0000"}}',
                       '{"t":0.5,"event":{"kind":"param","scene":"nosuch","param":"x","value":[1,2]}}',
                       '{"t":1,"event":{"kind":"preset","name":"p","values":{"tide":{"speed":2}}}}')
    recorded = RecordedSet.load(record)
    recorded.fit_parameters(registry)
    assert recorded.events[0][1].value == (1.0, 0.0, 0.0, 1.0)
    assert recorded.events[1][1].value == (1.0, 2.0)            # not a scene here: as recorded
    assert recorded.events[2][1].values == {"tide": {"speed": 2.0}}


@pytest.mark.parametrize("line, words", [
    ('{"t":0.01,"event":{"kind":"param","scene":"tide","param":"speed","value":[1,2],"smoothing":1}}',
     "tide.speed: parameter 'speed' (float) cannot take (1.0, 2.0)"),
    ('{"t":0.01,"event":{"kind":"preset","name":"x","morph":1,"values":{"tide":{"speed":[1,2]}}}}',
     "tide.speed: parameter 'speed' (float) cannot take [1.0, 2.0]"),
    ('{"t":0.01,"event":{"kind":"param","scene":"tide","param":"colour_a","value":[1,2]}}',
     "tide.colour_a: parameter 'colour_a': a colour needs 3 or 4 components, got 2"),
])
def test_a_value_of_the_wrong_shape_is_one_error_at_its_line(tmp_path, line, words):
    """These reached the replay's smoothing and ended in a TypeError traceback."""
    record = write_set(tmp_path / "set.jsonl", HEADER,
                       '{"t":0,"event":{"kind":"param","scene":"tide","param":"speed","value":1}}', line)
    result = visuals("render", "--replay", str(record), "--size", "160x90", "--frames", "0:3",
                     "--out", str(tmp_path / "frames") + "/", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"visuals: error: set.jsonl:3: {words} (fix: "), result.stderr


@pytest.mark.parametrize("what, text, line, words", [
    ("MIDI mapping", '[[cc]]\ncc = 7\nparam.' + "a." * 5000 + "b = 1\n", 3,
     "'param' must be a non-empty string, not a dict nested too deeply"),
    ("presets", "[presets.p]\ntide.speed." + "a." * 5000 + "b = 1\n", 2,
     "preset value tide.speed = a dict nested too deeply is not a parameter value"),
    ("key map", "[keys]\nscreenshot." + "a." * 5000 + "b = 1\n", 2,
     "keys for 'screenshot' must be a string or a list of strings"),
])
def test_a_key_dotted_thousands_deep_is_one_error(tmp_path, what, text, line, words):
    """TOML's a.a.a... = 1 builds tables nested thousands deep: quoting one in the error
    message was a RecursionError."""
    path = tmp_path / "file.toml"
    path.write_text(text)
    with pytest.raises(VisualsError) as info:
        LOADERS[what][0](path)
    assert info.value.line == line and info.value.message.startswith(words), info.value


def test_presets_with_any_name_write_back_a_file_that_reads_again(tmp_path):
    """Names and strings were written between bare quotes: a name with a quote, a newline or
    an accent made the saved file unreadable, losing every preset in it."""
    path = tmp_path / "presets.toml"
    path.write_text('[presets."say \\"hi\\""]\ntide.speed = 1.0\n[presets."a\\nb"]\nsky.mood = "dark\\\\blue"\n'
                    '[presets."é"]\ntide.speed = 2.0\n', encoding="utf-8")
    store = PresetStore(path)
    store.save("new", {"tide": {"speed": 0.5}})
    again = PresetStore(path)
    assert again.names() == sorted(['say "hi"', "a\nb", "é", "new"])
    assert again.get("a\nb") == {"sky": {"mood": "dark\\blue"}}
