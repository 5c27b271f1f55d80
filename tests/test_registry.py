"""Finding scenes and shows on the search path, and load-time errors that name the user's line.

Everything here runs on temporary folders passed through SearchPath; no GL is involved.
"""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from visuals.errors import VisualsError
from visuals.load.paths import ENV_VAR, SearchPath, builtin_dir
from visuals.load.registry import Registry
from visuals.model.scene import Scene
from visuals.model.show import Show

SCENE_ALPHA = """
    from visuals import Param, Pass, Scene

    alpha = Scene(
        "alpha",
        passes=[Pass("alpha.frag")],
        params=[Param("speed", 1.0, 0.0, 4.0), Param("tint", "#ff0000")],
    )
    """

SCENES_MISC = """
    from visuals import Pass, Scene

    # A module may define several scenes, in a list too, under any module name.
    beta = Scene("beta", passes=[Pass("beta.frag")])
    extras = [Scene("gamma", passes=[Pass("gamma.frag")])]
    """

SHOW_GOOD = """
    from visuals import LFO, Cue, Show

    nightfall = Show(
        "nightfall",
        cues=[
            Cue("alpha", 0, 5, params={"speed": 2.0}),
            Cue("beta", 4, 9, fade_in=1),
            Cue("alpha", 8, 12, params={"speed": LFO("sine", amp=1, offset=2)}, name="reprise"),
        ],
        tracks={"alpha.speed": [(0, 1.0), (12, 3.0)], "reprise.tint": [(8, "#00ff00"), (12, "#0000ff")]},
        bpm=100,
    )
    """


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"))
    return root


def registry_for(root: Path) -> Registry:
    return Registry(SearchPath.build([root], environ={}))


def line_of(path: Path, needle: str) -> int:
    hits = [i + 1 for i, ln in enumerate(path.read_text().splitlines()) if needle in ln]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def same_file(reported: str | None, path: Path) -> bool:
    return reported is not None and Path(reported).resolve() == path.resolve()


@pytest.fixture
def project(tmp_path):
    return write(tmp_path, {
        "scenes/alpha.py": SCENE_ALPHA,
        "scenes/misc.py": SCENES_MISC,
        "scenes/nightfall.py": SHOW_GOOD,
        "shaders/alpha.frag": "void main() {}\n",
    })


# --- finding things -----------------------------------------------------------------------

def test_scene_found_by_module_name(project):
    reg = registry_for(project)
    scene = reg.scene("alpha")
    assert isinstance(scene, Scene) and scene.name == "alpha"
    assert scene.params.names() == ["speed", "tint"]
    assert same_file(scene.site.file, project / "scenes/alpha.py")
    assert scene.folder == (project / "scenes").resolve()
    # Looking a name up imports only the module of that name when it exists.
    assert (project / "scenes/misc.py").resolve() not in reg._loaded


def test_scenes_defined_under_other_module_names_and_in_lists(project):
    reg = registry_for(project)
    assert reg.scene("beta").name == "beta"
    assert reg.scene("gamma").name == "gamma"


def test_show_found_by_name_and_validated(project):
    reg = registry_for(project)
    show = reg.show("nightfall")
    assert isinstance(show, Show) and show.name == "nightfall"
    assert [c.scene for c in show.cues] == ["alpha", "beta", "alpha"]
    assert show.duration == 12.0
    assert {"alpha", "beta"} <= set(reg.scenes)
    sample = show.timeline.sample(10.0)
    assert sample.layers[0].current.cue.name == "reprise"


def test_scene_name_plays_as_a_one_scene_show(project):
    reg = registry_for(project)
    show = reg.show("alpha")
    assert show.name == "alpha"
    assert len(show.cues) == 1
    cue = show.cues[0]
    assert cue.scene == "alpha" and cue.start == 0.0
    assert cue.end == reg.scene("alpha").duration == show.duration


def test_builtin_scenes_stay_reachable_behind_user_folders(project):
    reg = registry_for(project)
    assert reg.scene("tide").name == "tide"                  # from the built-in scenes/demo.py
    assert reg.search.scene_dirs[-1] == builtin_dir("scenes")


def test_user_folder_wins_over_builtin_names(tmp_path):
    write(tmp_path, {"scenes/mine.py": """
        from visuals import Pass, Scene
        tide = Scene("tide", passes=[Pass("mine.frag")], description="the user's own tide")
        """})
    reg = registry_for(tmp_path)
    reg.load_all()
    assert reg.scene("tide").description == "the user's own tide"


def test_unknown_name_did_you_mean(project):
    reg = registry_for(project)
    with pytest.raises(VisualsError) as info:
        reg.show("nightfal")
    err = info.value
    assert "nightfal" in err.message
    assert "did you mean 'nightfall'?" in err.fix
    with pytest.raises(VisualsError) as info:
        reg.scene("alhpa")
    assert "did you mean 'alpha'?" in info.value.fix


def test_unknown_name_with_nothing_close_lists_names(project):
    with pytest.raises(VisualsError) as info:
        registry_for(project).scene("qqqqqqqq")
    assert "did you mean" not in info.value.fix
    assert "alpha" in info.value.fix


# --- modules that raise -------------------------------------------------------------------

def test_module_raising_nameerror_names_its_file_and_line(tmp_path):
    write(tmp_path, {"scenes/broken.py": """
        from visuals import Pass, Scene
        # the next line raises
        speed = undefined_name * 2
        broken = Scene("broken", passes=[Pass("b.frag")])
        """})
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show("broken")
    err = info.value
    assert same_file(err.file, tmp_path / "scenes/broken.py")
    assert err.line == 3
    assert "NameError" in err.message and "undefined_name" in err.message


def test_module_raising_inside_a_function_names_the_deepest_line_of_that_module(tmp_path):
    write(tmp_path, {"scenes/deep.py": """
        def helper():
            return {}["missing"]

        value = helper()
        """})
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).scene("deep")
    assert same_file(info.value.file, tmp_path / "scenes/deep.py")
    assert info.value.line == 2
    assert "KeyError" in info.value.message


def test_module_with_syntax_error(tmp_path):
    write(tmp_path, {"scenes/typo.py": """
        from visuals import Pass, Scene

        typo = Scene("typo", passes=[Pass("t.frag")]
        x = 1
        """})
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).scene("typo")
    assert same_file(info.value.file, tmp_path / "scenes/typo.py")
    assert info.value.line in (3, 4)          # Python reports the open bracket or the next line
    assert "SyntaxError" in info.value.message


def test_visuals_error_raised_while_loading_keeps_the_users_line(tmp_path):
    module = write(tmp_path, {"scenes/ranged.py": """
        from visuals import Param, Pass, Scene

        ranged = Scene("ranged", passes=[Pass("r.frag")], params=[
            Param("gain", 5.0, 0.0, 1.0),
        ])
        """}) / "scenes/ranged.py"
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).scene("ranged")
    assert same_file(info.value.file, module)
    assert info.value.line == line_of(module, 'Param("gain"')
    assert "gain" in info.value.message


def test_a_broken_module_does_not_hide_other_names(project):
    write(project, {"scenes/zz_broken.py": "x = 1\nraise RuntimeError('boom')\n"})
    reg = registry_for(project)
    assert reg.scene("gamma").name == "gamma"         # found by importing every module
    with pytest.raises(VisualsError) as info:
        reg.scene("nothing_like_it")
    # An unknown name mentions the modules that failed, since one of them may define it.
    assert "zz_broken.py" in info.value.message and "boom" in info.value.message


# --- shows that are wrong -----------------------------------------------------------------

def _bad_show(tmp_path, cue_text: str, extra: str = "") -> Path:
    """A show module whose second cue (and optional tracks line) is given; returns its path."""
    text = ("from visuals import Cue, Show\n"
            "\n"
            "bad = Show(\n"
            '    "bad",\n'
            "    cues=[\n"
            '        Cue("alpha", 0, 5),\n'
            f"        {cue_text},\n"
            "    ],\n"
            + (f"    {extra},\n" if extra else "")
            + ")\n")
    write(tmp_path, {"scenes/alpha.py": SCENE_ALPHA})
    path = tmp_path / "scenes/bad.py"
    path.write_text(text)
    return path


def _expect_error_at(tmp_path, path: Path, needle: str) -> VisualsError:
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show("bad")
    err = info.value
    assert same_file(err.file, path), err
    assert err.line == line_of(path, needle), err
    return err


def test_show_with_unknown_scene(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpah", 5, 10)')
    err = _expect_error_at(tmp_path, path, '"alpah"')
    assert "alpah" in err.message
    assert "did you mean 'alpha'?" in err.fix


def test_show_with_unknown_parameter(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10, params={"sped": 1.0})')
    err = _expect_error_at(tmp_path, path, '"sped"')
    assert "sped" in err.message
    assert "did you mean 'speed'?" in err.fix


def test_show_with_out_of_range_value(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10, params={"speed": 9.0})')
    err = _expect_error_at(tmp_path, path, '9.0')
    assert "speed" in err.message and "out of range" in err.message
    assert "[0, 4]" in err.fix


def test_show_with_out_of_range_key(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10, keys={"speed": [(0, 1.0), (5, 7.5)]})')
    err = _expect_error_at(tmp_path, path, '7.5')
    assert "speed" in err.message


def test_show_with_wrongly_shaped_colour(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10, params={"tint": (1.0, 0.0)})')
    err = _expect_error_at(tmp_path, path, '"tint"')
    assert "tint" in err.message


def test_show_with_unknown_transition(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 4, 10, fade_in=1, transition="crosfade")')
    err = _expect_error_at(tmp_path, path, '"crosfade"')
    assert "did you mean 'crossfade'?" in err.fix


def test_cue_written_over_several_lines_points_at_its_first_line(tmp_path):
    path = _bad_show(tmp_path, 'Cue(  # multi-line\n            "alpha", 5, 10,\n'
                               '            params={"speed": 9.0},\n        )')
    _expect_error_at(tmp_path, path, 'Cue(  # multi-line')


def test_show_track_with_unknown_parameter(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10)', extra='tracks={"alpha.sped": [(0, 1.0)]}')
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show("bad")
    err = info.value
    assert same_file(err.file, path)
    assert err.line == line_of(path, 'bad = Show(')
    assert "did you mean 'speed'?" in err.fix


def test_show_track_naming_neither_scene_nor_cue(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10)', extra='tracks={"omega.speed": [(0, 1.0)]}')
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show("bad")
    assert same_file(info.value.file, path)
    assert "omega" in info.value.message


def test_show_track_without_an_owner_drives_nothing_and_is_refused(tmp_path):
    """It was sampled into TimelineSample.globals, which nothing read: the track did nothing."""
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10)', extra='tracks={"speed": [(0, 1.0)]}')
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show("bad")
    assert same_file(info.value.file, path) and info.value.line == line_of(path, 'bad = Show(')
    assert "track 'speed' names no scene, cue or effect" in info.value.message
    assert "OWNER.speed" in info.value.fix


def test_show_track_out_of_range(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 5, 10)', extra='tracks={"alpha.speed": [(0, 1.0), (5, 40.0)]}')
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show("bad")
    assert same_file(info.value.file, path)
    assert "out of range" in info.value.message


def test_cue_error_while_importing_the_show_names_the_cue_line(tmp_path):
    path = _bad_show(tmp_path, 'Cue("alpha", 10, 5)')
    err = _expect_error_at(tmp_path, path, 'Cue("alpha", 10, 5)')
    assert "before it starts" in err.message


# --- bare shaders -------------------------------------------------------------------------

def test_bare_frag_path_is_a_one_scene_show(tmp_path):
    frag = write(tmp_path, {"sketch.frag": "void main() {}\n"}) / "sketch.frag"
    reg = registry_for(tmp_path / "nowhere")
    show = reg.show(str(frag))
    assert show.name == "sketch"
    assert len(show.cues) == 1 and show.cues[0].scene == "sketch"
    scene = reg.scenes["sketch"]
    assert len(scene.passes) == 1
    assert Path(scene.passes[0].frag) == frag.resolve()
    assert len(scene.params) == 0
    assert show.duration == scene.duration > 0


def test_missing_frag_path(tmp_path):
    with pytest.raises(VisualsError) as info:
        registry_for(tmp_path).show(str(tmp_path / "absent.frag"))
    assert "absent.frag" in info.value.message and info.value.fix


# --- the search path ----------------------------------------------------------------------

def test_search_path_reads_visuals_path_from_the_given_environ(tmp_path):
    project = write(tmp_path / "project", {"scenes/a.py": "", "shaders/a.frag": ""})
    bare = tmp_path / "bare"
    bare.mkdir()
    extra = tmp_path / "extra"
    extra.mkdir()
    env = {ENV_VAR: os.pathsep.join([str(project), "", str(bare)])}
    search = SearchPath.build([extra], environ=env)
    # a project's scenes/ folder is also searched for shaders kept beside the scene modules
    assert search.shader_dirs == (extra.resolve(), (project / "shaders").resolve(),
                                  (project / "scenes").resolve(), bare.resolve(), builtin_dir("shaders"))
    assert search.scene_dirs == (extra.resolve(), (project / "scenes").resolve(), bare.resolve(),
                                 builtin_dir("scenes"))


def test_search_path_uses_os_environ_only_when_no_environ_is_given(tmp_path, monkeypatch):
    folder = tmp_path / "from_env"
    folder.mkdir()
    monkeypatch.setenv(ENV_VAR, str(folder))
    assert folder.resolve() in SearchPath.build([]).scene_dirs
    assert folder.resolve() not in SearchPath.build([], environ={}).scene_dirs
    assert SearchPath.build([], environ={}).scene_dirs == (builtin_dir("scenes"),)


def test_registry_finds_a_scene_through_visuals_path(tmp_path):
    write(tmp_path, {"scenes/alpha.py": SCENE_ALPHA})
    reg = Registry(SearchPath.build([], environ={ENV_VAR: str(tmp_path)}))
    assert reg.scene("alpha").name == "alpha"
    with pytest.raises(VisualsError):
        Registry(SearchPath.build([], environ={})).scene("alpha")


def test_duplicate_entries_are_listed_once(tmp_path):
    search = SearchPath.build([tmp_path, tmp_path], environ={ENV_VAR: str(tmp_path)})
    assert search.scene_dirs.count(tmp_path.resolve()) == 1


def test_find_shader_order(tmp_path):
    write(tmp_path, {"a/x.frag": "", "b/x.frag": "", "b/only_b.frag": ""})
    search = SearchPath.build([tmp_path / "a", tmp_path / "b"], environ={})
    assert search.find_shader("x.frag") == (tmp_path / "a/x.frag").resolve()
    assert search.find_shader("only_b.frag") == (tmp_path / "b/only_b.frag").resolve()
    assert search.find_shader("x.frag", relative_to=tmp_path / "b") == (tmp_path / "b/x.frag").resolve()
    assert search.find_shader("nope.frag") is None
    assert search.find_shader(tmp_path / "b/x.frag") == tmp_path / "b/x.frag"


def test_draw_one_of_draws_the_chosen_variant_and_none_of_the_others():
    """Scenes keep costly looks in compiled variants of a pass and draw exactly one of the set
    (an untaken branch still costs on software GL): the chosen one gets the count (and the
    instances), every other name of the set 0, a repeated name once; None draws none."""
    from visuals.model.scene import draw_one_of
    calls = []
    resources = type("R", (), {"draw_count": lambda self, name, n, instances=None: calls.append((name, n, instances))})()
    draw_one_of(resources, ("glass", "glass_liquid", "back", "glass_liquid"), "glass_liquid", 3, 7)
    assert calls == [("glass", 0, 7), ("glass_liquid", 3, 7), ("back", 0, 7)]
    calls.clear()
    draw_one_of(resources, ("a", "b"), None, 6)
    assert calls == [("a", 0, None), ("b", 0, None)]
