"""shaders/README.md's uniform tables against the engine's table (visuals/render/uniforms.py):
a uniform on either side that the other lacks, or a row that says something else, fails."""
from __future__ import annotations

import re
from types import SimpleNamespace

from conftest import ROOT

from visuals.render import uniforms
from visuals.render.uniforms import AUDIO, IMAGES, STANDARD, TRANSITION_UNIFORMS

README = ROOT / "shaders" / "README.md"


def readme_tables(text: str) -> dict[str, list[dict[str, str]]]:
    """Every table of the page whose first column is 'uniform', by the section it stands in,
    as rows of {column: cell} with the backticks around the uniform and its type taken off."""
    tables: dict[str, list[dict[str, str]]] = {}
    section, header = "", None
    for line in text.splitlines():
        if line.startswith("## "):
            section, header = line[3:].strip(), None
        elif line.startswith("| uniform |"):
            header = [c.strip() for c in line.strip("|").split("|")]
            tables[section] = []
        elif header and line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
            row = dict(zip(header, cells))
            row["uniform"], row["type"] = row["uniform"].strip("`"), row["type"].strip("`")
            tables[section].append(row)
        elif not line.startswith("|"):
            header = None
    return tables


def _rows(table) -> list[dict[str, str]]:
    return [{"uniform": u.name, "type": u.glsl, "meaning": u.meaning, "unit": u.unit} for u in table]


def _compare(section: str, table) -> None:
    documented = readme_tables(README.read_text())[section]
    names = [r["uniform"] for r in documented]
    engine = [u.name for u in table]
    assert set(names) - set(engine) == set(), f"README's {section} lists uniforms the engine's table lacks"
    assert set(engine) - set(names) == set(), f"the engine's table has uniforms README's {section} lacks"
    assert names == engine, f"README's {section} lists them in another order"
    for doc, code in zip(documented, _rows(table)):
        assert {k: code[k] for k in doc} == doc       # the columns the README has (audio: no unit)


def test_standard_uniforms_agree_with_the_readme():
    _compare("Standard uniforms", STANDARD)


def test_image_uniforms_agree_with_the_readme():
    _compare("Images", IMAGES)


def test_audio_uniforms_agree_with_the_readme():
    _compare("Audio uniforms", AUDIO)


def test_the_check_sees_a_uniform_either_side_lacks():
    text = README.read_text()
    extra = text.replace("| `u_seed` |", "| `u_extra` | `float` | one more | - |\n| `u_seed` |", 1)
    assert [r["uniform"] for r in readme_tables(extra)["Standard uniforms"]].count("u_extra") == 1
    fewer = text.replace("| `u_prev` |", "| `u_gone` |", 1)
    assert "u_prev" not in [r["uniform"] for r in readme_tables(fewer)["Images"]]


def test_every_per_frame_uniform_is_set_from_the_state():
    """The engine sets what the table says, with the state's values."""
    state = SimpleNamespace(t=1.5, show_t=11.5, frame=45, dt=1 / 30, beat=3.25, bpm=120.0, phase=0.25, seed=7)
    written: dict = {}
    uniforms.set_standard_uniforms(SimpleNamespace(set=written.__setitem__), state, (320, 180))
    assert written == {"u_time": 1.5, "u_show_time": 11.5, "u_frame": 45, "u_delta": 1 / 30,
                       "u_resolution": (320.0, 180.0), "u_aspect": 320 / 180, "u_beat": 3.25, "u_bpm": 120.0,
                       "u_phase": 0.25, "u_seed": 7}
    assert isinstance(written["u_frame"], int) and isinstance(written["u_seed"], int)


def test_a_transition_keeps_the_engine_uniforms_the_sound_and_the_images():
    from visuals.audio.names import FEATURES
    assert TRANSITION_UNIFORMS == {"u_from", "u_to", "u_progress", "u_time", "u_show_time", "u_frame", "u_seed",
                                   "u_resolution", "u_aspect", "u_beat", "u_bpm", "u_phase", "u_delta",
                                   "u_audio", "u_audio_bands", *(f"u_audio_{name}" for name in FEATURES)}
