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
