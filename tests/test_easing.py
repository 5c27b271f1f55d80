import math

import pytest

from visuals.model.easing import CSS_KEYWORDS, EASINGS, cubic_bezier, get_easing
from visuals.errors import VisualsError

GRID = [i / 1000 for i in range(1001)]
OVERSHOOTING = {"back", "elastic"}


def family(name):
    return name.rsplit("_", 1)[-1]


def test_expected_names_present():
    families = ["quad", "cubic", "quart", "expo", "sine", "circ", "back", "elastic", "bounce"]
    expected = {"step", "linear", "smoothstep", "smootherstep"}
    expected |= {f"{v}_{f}" for f in families for v in ("in", "out", "in_out")}
    assert set(EASINGS) == expected


@pytest.mark.parametrize("name", sorted(EASINGS))
def test_exact_endpoints(name):
    f = EASINGS[name]
    assert f(0.0) == 0.0
    assert f(1.0) == 1.0
    # Clamped outside the unit interval, so a key overrun never extrapolates.
    assert f(-0.5) == 0.0
    assert f(1.5) == 1.0


@pytest.mark.parametrize("name", sorted(set(EASINGS) - {"step"}))
def test_continuous(name):
    f = EASINGS[name]
    # Includes the ends and the in_out midpoint, where seams would show.
    points = GRID + [0.5 - 1e-6, 1.0 - 1e-6]
    worst = max(abs(f(min(1.0, u + 1e-6)) - f(u)) for u in points)
    # circ has vertical tangents at its ends (sqrt), so jumps there are ~sqrt(2e-6).
    assert worst < (2e-3 if "circ" in name else 1e-4), name


@pytest.mark.parametrize("name", sorted(n for n in EASINGS
                                        if family(n) not in OVERSHOOTING | {"bounce"}))
def test_monotone_for_non_overshooting(name):
    f = EASINGS[name]
    values = [f(u) for u in GRID]
    assert all(b >= a for a, b in zip(values, values[1:])), name
    assert all(0.0 <= v <= 1.0 for v in values)


def test_step_holds_until_key():
    step = EASINGS["step"]
    assert step(0.999999) == 0.0
    assert step(0.5) == 0.0
    assert step(1.0) == 1.0


def test_back_overshoots():
    assert min(EASINGS["in_back"](u) for u in GRID) < -0.05
    assert max(EASINGS["out_back"](u) for u in GRID) > 1.05
    in_out = [EASINGS["in_out_back"](u) for u in GRID]
    assert min(in_out) < -0.05 and max(in_out) > 1.05
    assert EASINGS["in_out_back"](0.5) == pytest.approx(0.5)


def test_elastic_overshoots_both_ways():
    values = [EASINGS["out_elastic"](u) for u in GRID]
    assert max(values) > 1.1 and min(values) >= -0.5


@pytest.mark.parametrize("name", ["in_bounce", "out_bounce", "in_out_bounce"])
def test_bounce_stays_in_unit_interval(name):
    values = [EASINGS[name](i / 100000) for i in range(100001)]
    assert min(values) >= 0.0 and max(values) <= 1.0


def test_known_values():
    assert EASINGS["in_cubic"](0.5) == pytest.approx(0.125)
    assert EASINGS["out_quad"](0.5) == pytest.approx(0.75)
    assert EASINGS["in_out_sine"](0.25) == pytest.approx((1 - math.cos(math.pi / 4)) / 2)
    assert EASINGS["smoothstep"](0.25) == pytest.approx(0.15625)
    for name in EASINGS:
        if name.startswith("in_out_"):
            assert EASINGS[name](0.5) == pytest.approx(0.5), name


def test_cubic_bezier_linear():
    f = cubic_bezier(0, 0, 1, 1)
    for u in GRID:
        assert f(u) == pytest.approx(u, abs=1e-6)


def test_css_ease_known_value():
    assert get_easing("ease")(0.5) == pytest.approx(0.8024033877, abs=1e-6)
    assert get_easing("cubic-bezier(0.25, 0.1, 0.25, 1)")(0.5) == pytest.approx(0.8024034,
                                                                                 abs=1e-6)


def test_cubic_bezier_accuracy_against_parametric_curve():
    x1, y1, x2, y2 = 0.7, 0.0, 0.2, 1.0
    f = cubic_bezier(x1, y1, x2, y2)
    for i in range(1, 200):
        s = i / 200

        def bez(p1, p2):
            return 3 * (1 - s) ** 2 * s * p1 + 3 * (1 - s) * s * s * p2 + s ** 3
        assert f(bez(x1, x2)) == pytest.approx(bez(y1, y2), abs=1e-6)


@pytest.mark.parametrize("points", [(0.42, 0, 0.58, 1), (1, 0, 0, 1), (0, 1, 1, 0),
                                    (0.9, 0.1, 0.1, 0.9)])
def test_cubic_bezier_monotone(points):
    f = cubic_bezier(*points)
    values = [f(i / 20000) for i in range(20001)]
    assert all(b >= a for a, b in zip(values, values[1:]))
    assert values[0] == 0.0 and values[-1] == 1.0


@pytest.mark.parametrize("bad", [(-0.1, 0, 0.5, 1), (0.5, 0, 1.2, 1), (0, 0, float("nan"), 1)])
def test_cubic_bezier_invalid_x(bad):
    with pytest.raises(VisualsError):
        cubic_bezier(*bad)


def test_cubic_bezier_allows_y_overshoot():
    f = cubic_bezier(0.3, -0.5, 0.7, 1.5)
    assert min(f(u) for u in GRID) < 0.0 and max(f(u) for u in GRID) > 1.0


@pytest.mark.parametrize("spec", ["in_out_cubic", "in-out-cubic", "easeInOutCubic",
                                  "InOutCubic", "ease-in-out-cubic", "inoutcubic",
                                  " in out cubic "])
def test_get_easing_normalises(spec):
    assert get_easing(spec) is EASINGS["in_out_cubic"]


def test_get_easing_other_forms():
    fn = lambda u: u ** 0.5  # noqa: E731
    assert get_easing(fn) is fn
    assert get_easing(("cubic_bezier", 0.25, 0.1, 0.25, 1))(0.5) == pytest.approx(0.8024034,
                                                                                  abs=1e-6)
    assert get_easing(["cubic-bezier", 0, 0, 1, 1])(0.3) == pytest.approx(0.3, abs=1e-6)
    assert get_easing("smoothStep") is EASINGS["smoothstep"]
    assert get_easing("easeOutBounce") is EASINGS["out_bounce"]


@pytest.mark.parametrize("keyword", ["ease", "ease-in", "ease-out", "ease-in-out", "easeInOut"])
def test_css_keywords(keyword):
    key = keyword.lower().replace("-", "_").replace("inout", "_in_out")
    expected = cubic_bezier(*CSS_KEYWORDS[key])
    f = get_easing(keyword)
    for u in (0.1, 0.3, 0.5, 0.9):
        assert f(u) == pytest.approx(expected(u))
    # ease-in is slow at first, ease-out fast.
    assert get_easing("ease-in")(0.25) < 0.25 < get_easing("ease-out")(0.25)


def test_unknown_name_suggests():
    with pytest.raises(VisualsError) as info:
        get_easing("in_out_cubc")
    assert "in_out_cubc" in info.value.message
    assert info.value.fix == "did you mean 'in_out_cubic'?"
    with pytest.raises(VisualsError) as info:
        get_easing("easeOutBounse")
    assert "out_bounce" in info.value.fix


@pytest.mark.parametrize("bad", [42, None, ("cubic_bezier", 0.1), "cubic-bezier(1, 2, 3)",
                                 "cubic-bezier(0.1, 0, 2, 1)"])
def test_get_easing_rejects_bad_specs(bad):
    with pytest.raises(VisualsError):
        get_easing(bad)
