"""The helpers that replaced copies across visuals/model and visuals/load: one file stamp, one
hex colour, one error pointing at the user's line, and caller_site honouring its argument."""
from __future__ import annotations

import os

import pytest

from visuals.errors import SourceSite, VisualsError, caller_site
from visuals.load.paths import GLSL_SUFFIXES, SHADER_SUFFIXES, modified_time
from visuals.model.colour import hex_colour
from visuals.model.params import Param


def test_modified_time_is_the_stamp_and_minus_one_when_gone(tmp_path):
    f = tmp_path / "a.frag"
    f.write_text("void main() {}")
    assert modified_time(f) == os.stat(f).st_mtime
    assert modified_time(str(f)) == os.stat(f).st_mtime
    assert modified_time(tmp_path / "gone.frag") == -1.0


def test_hex_colour_clamps_and_drops_alpha():
    assert hex_colour((1.0, 0.5, 0.0, 0.25)) == "#ff8000"
    assert hex_colour((2.0, -1.0, 0.2)) == "#ff0033"
    assert Param("tint", "#336699").format((0.2, 0.4, 0.6, 1.0)) == "#336699"


def test_presets_write_colours_the_same_way():
    from visuals.perform.presets import _toml_value

    class Registry:
        def scene(self, name):
            return type("S", (), {"params": type("P", (), {"get": staticmethod(lambda n: Param(n, "#000000"))})()})()
    assert _toml_value("sky", "tint", (0.2, 0.4, 0.6, 1.0), Registry()) == '"#336699"'


def test_an_error_at_a_site_names_its_file_and_line():
    err = VisualsError.at(SourceSite("shows/x.py", 12), "bad value", fix="give a good one")
    assert (err.file, err.line, err.fix) == ("shows/x.py", 12, "give a good one")
    assert str(err) == "shows/x.py:12: bad value (fix: give a good one)"
    nowhere = VisualsError.at(None, "bad value")
    assert (nowhere.file, nowhere.line, str(nowhere)) == (None, None, "bad value")


def _site_skipping(modules):
    return caller_site(skip_modules=modules)


def _run_as_user_module(code: str, **names):
    """Run ``code`` as if it were the line of a user's module 'user_show' in /tmp/user_show.py."""
    scope = {"__name__": "user_show", **names}
    exec(compile(code, "/tmp/user_show.py", "exec"), scope)
    return scope["site"]


def test_caller_site_skips_the_modules_it_is_given():
    """It used to ignore skip_modules and always skip the visuals package by file path."""
    here = _run_as_user_module("site = f((__import__('test_shared_helpers').__name__,))", f=_site_skipping)
    assert here == SourceSite("/tmp/user_show.py", 1)
    nothing_skipped = _run_as_user_module("site = f(())", f=_site_skipping)
    assert nothing_skipped.file == os.path.abspath(__file__)


def test_caller_site_by_default_skips_the_engine():
    """A Touch built in a user's module names the user's line, not the engine's."""
    from visuals import Touch
    site = _run_as_user_module("\n\nsite = Touch(1.0, 0.5, 0.5).site", Touch=Touch)
    assert site == SourceSite("/tmp/user_show.py", 3)
    with pytest.raises(VisualsError) as caught:
        _run_as_user_module("site = Touch(1.0, 2.0, 0.5)", Touch=Touch)
    assert (caught.value.file, caught.value.line) == ("/tmp/user_show.py", 1)


def test_one_list_of_shader_suffixes():
    assert SHADER_SUFFIXES == GLSL_SUFFIXES + (".json",)
    assert ".fs" in GLSL_SUFFIXES
