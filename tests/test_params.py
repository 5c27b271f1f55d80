"""Typed parameters: kinds, validation with the user's line, live clamping, lookups."""
from __future__ import annotations

import inspect
import math
import os

import pytest

from visuals.errors import SourceSite, VisualsError
from visuals.model.params import Param, ParamSet

HERE = os.path.abspath(__file__)


def lineno() -> int:
    return inspect.currentframe().f_back.f_lineno


# --- kinds --------------------------------------------------------------------------------

@pytest.mark.parametrize("default, kind, dims", [
    (0.5, "float", 1),
    (3, "int", 1),
    (True, "bool", 1),          # bool before int: True is an int in Python
    (False, "bool", 1),
    ((0.0, 1.0), "vec2", 2),
    ([0.0, 1.0, 2.0], "vec3", 3),
    ((1, 2, 3, 4), "vec4", 4),
    ("#ff8800", "color", 4),
    ("#f80", "color", 4),
])
def test_kind_is_inferred_from_the_default(default, kind, dims):
    p = Param("x", default)
    assert p.kind == kind
    assert p.dims == dims


def test_defaults_are_canonical():
    assert Param("n", 3).default == 3.0 and isinstance(Param("n", 3).default, float)
    assert Param("b", True).default == 1.0
    assert Param("b", False).default == 0.0
    assert Param("v", [1, 2]).default == (1.0, 2.0)
    assert Param("c", "#ff8800").default == pytest.approx((1.0, 0x88 / 255, 0.0, 1.0))


def test_colour_and_bool_ranges_are_fixed_to_unit():
    c = Param("c", "#000000", lo=-5, hi=5)
    assert (c.lo, c.hi) == (0.0, 1.0)
    b = Param("b", True)
    assert (b.lo, b.hi) == (0.0, 1.0)


def test_explicit_kind_overrides_inference():
    assert Param("x", 1, 0, 10, kind="float").coerce(2.6) == pytest.approx(2.6)
    assert Param("x", 1, 0, 10).coerce(2.6) == 3.0      # inferred int rounds


@pytest.mark.parametrize("default", [None, object(), (1.0,), (1, 2, 3, 4, 5), {}])
def test_uninferable_default_asks_for_kind(default):
    with pytest.raises(VisualsError) as info:
        Param("x", default)
    assert "kind" in info.value.fix


def test_unknown_kind_and_bad_name():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Param("x", 1.0, kind="mat4")  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)
    assert "vec3" in info.value.fix
    with pytest.raises(VisualsError) as info:
        line = lineno(); Param("line glow", 1.0)  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)
    assert "identifier" in info.value.message


def test_bounds_the_wrong_way_round():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Param("x", 0.5, 1.0, 0.0)  # noqa: E702
    assert (info.value.file, info.value.line) == (HERE, line)
    assert "swap" in info.value.fix


# --- validate -----------------------------------------------------------------------------

def test_default_out_of_range_names_the_declaring_line():
    with pytest.raises(VisualsError) as info:
        line = lineno(); Param("speed", 5.0, 0.0, 4.0)  # noqa: E702
    err = info.value
    assert (err.file, err.line) == (HERE, line)
    assert "speed" in err.message and "5.0" in err.message
    assert "[0, 4]" in err.fix
    assert f"{HERE}:{line}" in str(err)


def test_validate_names_the_site_it_is_given():
    p = Param("speed", 1.0, 0.0, 4.0)
    site = SourceSite("/shows/night.py", 17)
    with pytest.raises(VisualsError) as info:
        p.validate(4.5, site)
    assert (info.value.file, info.value.line) == ("/shows/night.py", 17)
    with pytest.raises(VisualsError) as info:
        p.validate(-0.1, site)
    assert info.value.line == 17


def test_validate_without_site_points_at_the_declaration():
    line = lineno(); p = Param("speed", 1.0, 0.0, 4.0)  # noqa: E702
    with pytest.raises(VisualsError) as info:
        p.validate(9.0)
    assert (info.value.file, info.value.line) == (HERE, line)


def test_validate_accepts_the_bounds_and_inside():
    p = Param("x", 0.5, 0.0, 1.0)
    assert p.validate(0.0) == 0.0
    assert p.validate(1.0) == 1.0
    assert p.validate("0.25") == 0.25


def test_validate_checks_every_component():
    p = Param("offset", (0.0, 0.0), -1.0, 1.0)
    assert p.validate((1.0, -1.0)) == (1.0, -1.0)
    with pytest.raises(VisualsError):
        p.validate((0.0, 1.5))
    with pytest.raises(VisualsError):
        p.validate((-2.0, 0.0))


def test_one_sided_bounds():
    lo_only = Param("x", 1.0, lo=0.0)
    assert lo_only.validate(1e9) == 1e9
    with pytest.raises(VisualsError):
        lo_only.validate(-1.0)
    hi_only = Param("y", 1.0, hi=2.0)
    assert hi_only.validate(-1e9) == -1e9
    assert "[-inf, 2]" in hi_only.describe_range()


def test_nan_is_never_valid():
    with pytest.raises(VisualsError):
        Param("x", 0.5, 0.0, 1.0).validate(float("nan"))
    with pytest.raises(VisualsError):
        Param("x", 0.5).validate(float("nan"))        # even without bounds


def test_colour_validation():
    p = Param("tint", "#b48cff")
    assert p.validate("#000") == (0.0, 0.0, 0.0, 1.0)
    assert p.validate((1.0, 0.5, 0.0)) == (1.0, 0.5, 0.0, 1.0)
    with pytest.raises(VisualsError):
        p.validate((2.0, 0.0, 0.0))                  # beyond 0..1
    site = SourceSite("/x/show.py", 3)
    with pytest.raises(VisualsError) as info:
        p.validate("#gg0000", site)
    assert (info.value.file, info.value.line) == ("/x/show.py", 3)
    assert "tint" in info.value.message and "#rrggbb" in info.value.fix


# --- coerce -------------------------------------------------------------------------------

@pytest.mark.parametrize("default, bad", [
    (0.5, (1.0, 2.0)),          # a vector for a float
    (0.5, "fast"),
    (0.5, None),
    (3, [3]),
    ((0.0, 0.0), (1.0, 2.0, 3.0)),    # wrong length
    ((0.0, 0.0), 1.0),                # a number for a vector
    ((0.0, 0.0, 0.0), ("a", "b", "c")),
    ((0.0, 0.0), "12"),               # a string is not a sequence of numbers
    ((0.0, 0.0, 0.0), "1.5"),
    ("#ffffff", (1.0, 1.0)),          # two components for a colour
    ("#ffffff", 0.5),
])
def test_coerce_rejects_wrong_shapes(default, bad):
    p = Param("x", default)
    site = SourceSite("/s/show.py", 42)
    with pytest.raises(VisualsError) as info:
        p.coerce(bad, site)
    err = info.value
    assert (err.file, err.line) == ("/s/show.py", 42)
    assert "'x'" in err.message
    assert err.fix


def test_coerce_fix_describes_the_expected_type():
    with pytest.raises(VisualsError) as info:
        Param("offset", (0.0, 0.0, 0.0), -1, 1).coerce((1.0, 2.0))
    assert "3 numbers" in info.value.fix and "[-1, 1]" in info.value.fix
    assert "vec3" in info.value.message


def test_coerce_does_not_range_check():
    p = Param("x", 0.5, 0.0, 1.0)
    assert p.coerce(7.0) == 7.0
    assert p.coerce(True) == 1.0
    assert Param("n", 2, 0, 10).coerce(2.5) in (2.0, 3.0)   # rounded to a whole number


# --- clamp --------------------------------------------------------------------------------

def test_clamp_brings_live_values_into_range():
    p = Param("x", 0.5, 0.0, 1.0)
    assert p.clamp(1.7) == 1.0
    assert p.clamp(-3.0) == 0.0
    assert p.clamp(0.3) == 0.3
    assert p.clamp(math.inf) == 1.0
    assert p.clamp(-math.inf) == 0.0


def test_clamp_replaces_nan_with_the_default():
    assert Param("x", 0.5, 0.25, 1.0).clamp(float("nan")) == 0.5
    assert Param("y", 0.7).clamp(float("nan")) == 0.7
    assert Param("z", -2.0, hi=-1.0).clamp(float("nan")) == -2.0
    result = Param("w", 0.5).clamp(float("nan"))
    assert result == result                          # never NaN


def test_clamp_vectors_per_component():
    p = Param("v", (0.0, 0.0, 0.0), -1.0, 1.0)
    assert p.clamp((2.0, float("nan"), -0.5)) == (1.0, 0.0, -0.5)


def test_clamp_without_bounds_is_identity():
    assert Param("x", 0.5).clamp(1e12) == 1e12


# --- ParamSet -----------------------------------------------------------------------------

def _set():
    return ParamSet([Param("speed", 1.0, 0, 4), Param("bands", 3, 1, 12), Param("tint", "#ffffff")],
                    owner="tide")


def test_paramset_lookup_and_defaults():
    ps = _set()
    assert len(ps) == 3
    assert ps.names() == ["speed", "bands", "tint"]
    assert "speed" in ps and "sped" not in ps
    assert ps.get("bands").kind == "int"
    assert [p.name for p in ps] == ["speed", "bands", "tint"]
    assert ps.defaults() == {"speed": 1.0, "bands": 3.0, "tint": (1.0, 1.0, 1.0, 1.0)}


def test_paramset_get_did_you_mean():
    site = SourceSite("/s/show.py", 9)
    with pytest.raises(VisualsError) as info:
        _set().get("sped", site)
    err = info.value
    assert "did you mean 'speed'?" in err.fix
    assert "tide" in err.message and "sped" in err.message
    assert (err.file, err.line) == ("/s/show.py", 9)


def test_paramset_get_lists_names_when_nothing_is_close():
    with pytest.raises(VisualsError) as info:
        _set().get("zzzzzz")
    assert "did you mean" not in info.value.fix
    for name in ("speed", "bands", "tint"):
        assert name in info.value.fix


def test_paramset_rejects_duplicate_names_at_the_second_declaration():
    first = Param("speed", 1.0)
    line = lineno(); second = Param("speed", 2.0)  # noqa: E702
    with pytest.raises(VisualsError) as info:
        ParamSet([first, second], owner="tide")
    err = info.value
    assert (err.file, err.line) == (HERE, line)
    assert "speed" in err.message and "tide" in err.message
