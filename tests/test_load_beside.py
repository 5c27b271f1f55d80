"""load_beside: a scene's helper module, loaded by file path from the scene's own folder."""
from __future__ import annotations

import sys

from visuals.load.beside import load_beside


def test_the_helper_beside_the_anchor_loads_fresh_and_is_registered(tmp_path):
    scene = tmp_path / "scene.py"
    scene.write_text("")
    helper = tmp_path / "_helper.py"
    helper.write_text("VALUE = 1\n")
    first = load_beside(str(scene), "_helper.py", "visuals_test_beside_helper")
    assert first.VALUE == 1 and sys.modules["visuals_test_beside_helper"] is first
    helper.write_text("VALUE = 2\n")          # an edit, then the scene module loads again
    second = load_beside(str(scene), "_helper.py", "visuals_test_beside_helper")
    assert second.VALUE == 2 and second is not first
    assert sys.modules.pop("visuals_test_beside_helper") is second
