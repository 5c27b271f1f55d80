"""The shape of the package the issue asked for, checked so it stays that way: small modules
with one job, and no dead names left behind."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "visuals"
LIMIT = 400


@pytest.mark.parametrize("folder", ["cli", "output", "model", "load"])
def test_no_module_is_over_the_line_limit(folder):
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / folder).rglob("*.py"))
            if (n := len(p.read_text().splitlines())) > LIMIT}
    assert long == {}, f"split these modules (over {LIMIT} lines): {long}"


def test_the_command_line_is_a_package_with_its_entry_point():
    import visuals.cli
    assert (ROOT / "cli" / "__init__.py").is_file() and not (ROOT / "cli.py").exists()
    assert callable(visuals.cli.main)
    text = (ROOT.parent / "pyproject.toml").read_text()
    assert 'visuals = "visuals.cli:main"' in text


def test_sinks_keep_no_dead_names():
    from visuals.output import sinks
    assert not hasattr(sinks, "FORMATS")
    assert not hasattr(sinks, "PARTIAL")


def test_dead_and_doubled_names_are_gone():
    """Track.key_values had no caller; visuals.Trigger (a cue event) fired nothing a scene or
    post effect reads (live triggers are visuals.controls.events.Trigger); one events.py per
    meaning (model/cue_events.py for a cue's touches, controls/events.py for the controls')."""
    import visuals
    from visuals.model.timeline import Track
    assert not hasattr(Track, "key_values")
    assert not hasattr(visuals, "Trigger") and "Trigger" not in visuals.__all__
    assert not (ROOT / "model" / "events.py").exists()
    from visuals.model.cue_events import Touch
    assert visuals.Touch is Touch


@pytest.mark.parametrize("copied", ["def _mtime(", "0xBF58476D1CE4E5B9", ":02x}\" for c in value",
                                    "SHADER_SUFFIXES = (", ".file if self.site else None",
                                    "file=site.file if site else None, line"])
def test_one_copy_of_each_shared_helper(copied):
    where = [str(p.relative_to(ROOT)) for p in sorted(ROOT.rglob("*.py")) if copied in p.read_text()]
    assert len(where) <= 1, f"{copied!r} is written in {where}: use the shared helper"
