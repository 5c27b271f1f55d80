"""The user's scene modules and the names controls send: the last gaps of issue 12.

Scene modules are read like every other user file (a BOM is fine, bad bytes are one line);
a control message (OSC, a MIDI mapping, a set file) names a show by its plain name, never a
path; and every command runs the user's modules first in a child with a time limit, so a
module that never returns is one error line and exit 2 rather than a command that hangs.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import make_project
from test_osc import Harness
from visuals.errors import VisualsError
from visuals.load.paths import SearchPath, builtin_dir
import visuals.load.probe as probe
from visuals.load.registry import Registry

SCENE = """
    from visuals import Pass, Scene

    glow = Scene("glow", passes=[Pass("glow.frag")])
    """
FRAG = "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n"
HANGS = "x = 1\n\nwhile True:\n    pass\n"


def _bom_project(tmp_path):
    project = make_project(tmp_path / "project", {"scenes/glow.py": SCENE, "shaders/glow.frag": FRAG})
    module = project / "scenes" / "glow.py"
    module.write_bytes(b"\xef\xbb\xbf" + module.read_text().replace("\n", "\r\n").encode())
    return project


# -- 1. modules read like every other user file ---------------------------------------------
def test_a_module_saved_with_a_bom_loads(tmp_path):
    registry = Registry(SearchPath.build([_bom_project(tmp_path)]))
    assert registry.scene("glow").name == "glow"


def test_a_module_saved_with_a_bom_loads_through_the_check_too(tmp_path):
    project = _bom_project(tmp_path)
    registry, show = probe.checked_registry(SearchPath.build([project]), "glow", 10.0)
    assert show.cues[0].scene == "glow"
    registry = probe.checked_user_registry(SearchPath.build([project]), 10.0)
    assert registry.scene("glow").name == "glow"


def test_a_module_that_is_not_utf8_is_one_error_with_its_line(tmp_path):
    project = make_project(tmp_path / "project", {"scenes/glow.py": SCENE})
    (project / "scenes" / "glow.py").write_bytes(b"x = 1\ny = '\xff'\n")
    for registry in (Registry(SearchPath.build([project])), probe.checked_user_registry(SearchPath.build([project]), 10.0)):
        with pytest.raises(VisualsError) as caught:
            registry.show("glow")
        assert caught.value.line == 2 and caught.value.file.endswith("glow.py")
        assert caught.value.message == "scene module file is not UTF-8 text (byte 0xff)"


# -- 2. controls name shows, never files -----------------------------------------------------
def test_show_named_refuses_a_path_that_show_accepts(tmp_path):
    frag = tmp_path / "x.frag"
    frag.write_text(FRAG)
    registry = Registry(SearchPath.build([]))
    assert registry.show(str(frag)).cues            # the command line may give a shader file
    for name in (str(frag), "x.frag", "secret.json", "../../etc/passwd", "..\\x", ".hidden", "", 7):
        with pytest.raises(VisualsError) as caught:
            registry.show_named(name)
        assert "is not the name of a show or scene" in caught.value.message, name
    assert registry.show_named("demo").name == "demo"


def test_osc_deck_b_refuses_a_shadertoy_file_name(tmp_path, monkeypatch):
    # A .json names a Shadertoy export to the registry: it was read from the working folder.
    (tmp_path / "secret.json").write_text('{"Shader": {"renderpass": []}}')
    monkeypatch.chdir(tmp_path)
    registry = Registry(SearchPath.build([]))
    asked = []
    real = Registry.show
    monkeypatch.setattr(Registry, "show", lambda self, name: asked.append(name) or real(self, name))
    osc = Harness(registry)
    try:
        osc.send("/visuals/deck/b", "secret.json")
        assert osc.settle() == []
        assert osc.server.rejected == 1 and "is a path or file name" in osc.notices[-1], osc.notices[-1]
        assert "secret.json" not in asked
    finally:
        osc.close()


def test_clips_in_live_and_in_a_replay_load_shows_by_name_only(tmp_path):
    from types import SimpleNamespace

    from visuals.controls.events import LoadClip
    from visuals.output.export import SetSource
    from visuals.live.player import LivePlayer
    frag = tmp_path / "x.frag"
    frag.write_text(FRAG)
    registry = Registry(SearchPath.build([]))
    live = SimpleNamespace(options=SimpleNamespace(deck_b=None), registry=registry)
    with pytest.raises(VisualsError, match="is not the name of a show or scene"):
        LivePlayer._clip_show(live, str(frag))
    assert LivePlayer._clip_show(live, "demo").name == "demo"
    live.options.deck_b = str(frag)                 # the user's own --deck-b may be a shader file
    assert LivePlayer._clip_show(live, str(frag)).cues
    replay = SetSource.__new__(SetSource)
    replay.recorded, replay.registry = SimpleNamespace(header={"show": "demo"}), registry
    replay._reset()
    with pytest.raises(VisualsError, match="is not the name of a show or scene"):
        replay.performance.apply(LoadClip(deck="b", show=str(frag)), 0.0)


# -- 3. every command checks the user's modules first, with a time limit -----------------------
@pytest.mark.parametrize("command", [
    ["list"], ["osc", "--list"], ["render", "demo", "--frames", "0:1", "--size", "16x9", "--format", "raw"],
    ["still", "demo", "--size", "16x9"], ["sheet", "demo", "--thumb", "16x9"],
])
def test_a_module_that_never_returns_is_one_line_and_exit_2_for_every_command(tmp_path, command):
    project = make_project(tmp_path / "project", {"scenes/spin.py": HANGS})
    env = dict(os.environ, VISUALS_MODULE_TIMEOUT="1")
    proc = subprocess.run([sys.executable, "-m", "visuals", "--path", str(project), *command], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "spin.py:" in lines[0] and "scene module did not finish loading within 1 s" in lines[0]
    assert not (tmp_path / "renders").exists()


def test_only_the_users_modules_are_checked_and_built_ins_still_load(tmp_path):
    project = make_project(tmp_path / "project", {"scenes/glow.py": SCENE, "shaders/glow.frag": FRAG})
    registry = probe.checked_user_registry(SearchPath.build([project]), 10.0)
    assert set(registry.sources) == {(project / "scenes" / "glow.py").resolve()}
    assert registry.show("demo").name == "demo"                 # a built-in, read from its file
    registry.load_all()
    assert {"glow", "sky"} <= set(registry.scenes)
    assert builtin_dir("scenes").resolve() in registry.trusted


def test_no_check_runs_without_modules_of_the_users(tmp_path, monkeypatch):
    def no_child(*args, **kwargs):
        raise AssertionError("a check ran with no user module")
    monkeypatch.setattr(probe, "Probe", no_child)
    registry = probe.checked_user_registry(SearchPath.build([make_project(tmp_path / "p", {"shaders/glow.frag": FRAG})]), 1.0)
    assert registry.show("demo").name == "demo"


# -- 5. a reload hands the freed memory back -------------------------------------------------
def test_freed_memory_is_handed_back_after_a_reload(monkeypatch):
    import threading
    from types import SimpleNamespace

    import visuals.live.player as live
    calls = []
    monkeypatch.setattr(live, "give_back_freed_memory", lambda: calls.append(threading.current_thread().name))
    registry = Registry(SearchPath.build([]))
    show = registry.show("demo")
    player = SimpleNamespace(
        reloader=SimpleNamespace(check=lambda force: SimpleNamespace(shaders=[], show=(registry, show))),
        control_context=SimpleNamespace(), performance=SimpleNamespace(decks={"a": SimpleNamespace()}),
        _make_mixer=lambda: None, reloads=0, events_log=[], window=SimpleNamespace(set_title=lambda title: None))
    live.LivePlayer.reload(player)
    for thread in threading.enumerate():
        if thread.name == "visuals-trim":
            thread.join(5)
    assert calls == ["visuals-trim"]          # once, off the render thread

