"""The `syringe` scene: the syringe of liquid starlight, offered and refused (issue 13, beat 1).

GL tests render small frames of the scene alone on the headless context, with parameters held
as overrides.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from conftest import box_mean

SIZE = (160, 90)


@pytest.fixture(scope="module")
def syringe(gl):
    """render(params, t=3.0, size=SIZE) -> float32 RGB image, rows top-down."""
    from visuals.perform.clock import FixedClock
    from visuals.render.gpu import ProgramCache
    from visuals.load.paths import SearchPath
    from visuals.output.pngio import gl_rows_to_image
    from visuals.load.registry import Registry
    from visuals.render.renderer import DeckInputs, RenderConfig, Renderer

    registry = Registry(SearchPath.build([], environ={}))
    programs = ProgramCache(gl, registry.search)
    clock = FixedClock(30)

    def render(params=None, t=3.0, size=SIZE):
        show = registry.show("syringe")
        renderer = Renderer(gl, show, registry, RenderConfig(size=size, fps=Fraction(30)), programs=programs)
        try:
            renderer.render(clock.frame(clock.frame_at(t)), DeckInputs(overrides={"syringe": dict(params or {})}))
            return gl_rows_to_image(renderer.read_rgb(), size).astype(np.float32)
        finally:
            renderer.release()
    return render


def luma(img: np.ndarray) -> np.ndarray:
    return img @ np.array([0.2126, 0.7152, 0.0722], np.float32)


def test_it_is_a_scene_of_its_own_in_the_list():
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    registry = Registry(SearchPath.build([], environ={}))
    registry.load_all()
    scene = registry.scene("syringe")
    assert {"offer", "refuse", "helix"} <= set(scene.params.names())
    assert "syringe" in scene.description


def test_the_offer_renders_alone_not_black_not_flat_with_true_blacks_and_highlights(syringe):
    img = syringe({"offer": 1.0, "refuse": 0.0})
    y = luma(img)
    assert y.mean() > 8, f"near-black frame (mean luma {y.mean():.1f})"
    assert y.std() > 10, f"flat frame (luma std {y.std():.1f})"
    assert np.percentile(y, 99.5) > 200, "no bright highlight (the glint, the starlight)"
    assert np.percentile(y, 20) < 30, "no true blacks"
    assert np.isfinite(img).all()
    assert np.array_equal(img, syringe({"offer": 1.0, "refuse": 0.0})), "the same frame twice differs"


def test_the_needle_glints_in_moonlight_at_its_point(syringe):
    """The brightest spot of the offer is the needle's point, a cold (blue-white) light."""
    from scenes.syringe import TIP, syringe as scene
    img = syringe({"offer": 1.0, "refuse": 0.0}, t=3.0)
    (cx, cy), tilt, scale = scene.placement(1.0, 0.0, 3.0)
    import math
    tx, ty = cx + scale * TIP * math.cos(tilt), cy + scale * TIP * math.sin(tilt)
    w, h = SIZE
    col, row = int(round(w / 2 + tx * h)), int(round(h / 2 - ty * h))
    patch = img[row - 2:row + 3, col - 2:col + 3]
    assert luma(patch).max() > 235, "no glint at the needle's point"
    assert patch[..., 2].mean() >= patch[..., 0].mean(), "the glint is not moonlight (cold)"


def test_the_refusal_spills_the_starlight_into_gold_and_indigo_and_dims_the_syringe(syringe):
    offered = syringe({"offer": 1.0, "refuse": 0.0})
    refused = syringe({"offer": 1.0, "refuse": 1.0})
    assert np.abs(offered - refused).mean() > 8, "refusing changes nothing"
    r, g, b = (refused[..., i] for i in range(3))
    gold = ((r > 150) & (r > b + 50)).mean()
    assert gold > 0.003, f"no gold strand of the helix ({gold * 100:.2f} % gold pixels)"
    r0, b0 = offered[..., 0], offered[..., 2]
    assert ((r0 > 150) & (r0 > b0 + 50)).mean() < gold / 4, "the gold is there before the refusal"
    # Without the helix the refusal shows no gold: the strands are the spill.
    plain = syringe({"offer": 1.0, "refuse": 1.0, "helix": 0.0})
    assert ((plain[..., 0] > 150) & (plain[..., 0] > plain[..., 2] + 50)).mean() < gold / 4


def test_parameter_extremes_give_no_nan_or_black_frame(syringe):
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    params = list(Registry(SearchPath.build([], environ={})).scene("syringe").params)
    for case in ({p.name: p.lo for p in params}, {p.name: p.hi for p in params}):
        img = syringe(case, t=7.0)
        assert np.isfinite(img).all()
        assert luma(img).mean() > 1.5, f"black frame at {case}"


def test_the_refused_helix_rises_from_the_spilled_light_not_out_of_the_needle(syringe):
    """After the refusal the double helix stands upright, rising from the light spilled on the
    ground (a tall narrow column of gold), not streaming diagonally out of the needle (which
    reads as the injection)."""
    refused = syringe({"offer": 1.0, "refuse": 1.0})
    h, w = refused.shape[:2]
    r, b = refused[..., 0].astype(int), refused[..., 2].astype(int)
    ys, xs = np.nonzero((r > 150) & (r > b + 50))
    assert len(xs) > 0, "no gold strand"
    across = np.percentile(xs, 95) - np.percentile(xs, 5)
    tall = np.percentile(ys, 95) - np.percentile(ys, 5)
    assert across < 0.2 * w, f"the helix runs across the frame ({across} of {w} px): out of the needle"
    assert tall > 0.45 * h, f"the helix does not rise ({tall} of {h} px)"


def test_the_starlight_inside_is_a_smooth_glowing_fluid_not_pixel_squares(syringe):
    """Round 6: readers saw the liquid starlight as "blocky pixel-square noise" (each star's
    glow, one star per cell, was cut square at its cell's walls).  Inside the barrel, away from
    the glass, the light is a smooth fluid with fine stars: its mean luminance gradient stays
    low (34 levels per pixel at 160x90; the square-cut glow gave 45)."""
    import importlib.util
    import math
    from pathlib import Path
    spec = importlib.util.spec_from_file_location(
        "syringe_scene", Path(__file__).resolve().parents[1] / "scenes" / "syringe.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    t, (w, h) = 4.0, (160, 90)
    img = luma(syringe({"offer": 1.0, "refuse": 0.0}, t=t, size=(w, h)))
    (cx, cy), tilt, scale = mod.Syringe.placement(None, 1.0, 0.0, t)
    y, x = np.mgrid[0:h, 0:w]
    px, py = (x + 0.5 - w / 2) / h - cx, (h / 2 - y - 0.5) / h - cy
    qx = (px * math.cos(tilt) + py * math.sin(tilt)) / scale
    qy = (-px * math.sin(tilt) + py * math.cos(tilt)) / scale
    inside = (qx > -0.26) & (qx < 0.28) & (np.abs(qy) < 0.045)      # the liquid, clear of the glass
    assert inside.sum() > 150
    assert img[inside].mean() > 60, "the starlight glows"
    gy, gx = np.gradient(img)
    grad = float(np.hypot(gx, gy)[inside].mean())
    assert grad < 39.0, f"the starlight is noisy (mean gradient {grad:.1f} levels per pixel)"


@pytest.mark.parametrize("offer,refuse", [(0.0, 0.0), (0.6, 0.0), (1.0, 0.0), (1.0, 0.4), (1.0, 1.0)])
def test_the_glass_and_the_needles_point_stay_in_frame(offer, refuse):
    """Round 6: the critic saw the syringe "cropped into the corner".  Whatever the macro
    shot crops (the plunger may run out of the frame), the whole glass barrel and the needle's
    point lie inside the frame, with a margin, all through the offer and the refusal."""
    import math
    from scenes.syringe import TIP, syringe as scene
    for t in (0.0, 3.0, 7.0, 11.0):
        (cx, cy), tilt, scale = scene.placement(offer, refuse, t)
        for x in (-0.42, TIP):                       # the barrel's back, the needle's point
            px = cx + scale * x * math.cos(tilt)
            py = cy + scale * x * math.sin(tilt)
            assert abs(px) < 0.85 and abs(py) < 0.46, f"{x} at ({px:.2f}, {py:.2f}): out of frame"


def test_the_offered_syringe_is_a_macro_shot_large_and_diagonal():
    """Round 17's readers: "a clip-art collage", "flat vector art" -- the whole syringe small
    and level across a wide hall (its plunger kept in frame since round 6).  Offered, it is a
    close macro shot: the glass and needle (barrel back to point) span over 1.1 frame heights on
    a diagonal of more than 15 degrees (0.98 and 7 degrees before), and the hall behind is out
    of focus."""
    import math
    from scenes.syringe import TIP, syringe as scene
    (cx, cy), tilt, scale = scene.placement(1.0, 0.0, 3.0)
    assert scale * (TIP + 0.42) > 1.1, f"a small syringe ({scale * (TIP + 0.42):.2f} frame heights long)"
    assert abs(math.degrees(tilt)) > 15, f"level, not diagonal ({math.degrees(tilt):.1f} degrees)"
    values = scene.update(type("S", (), {"t": 3.0, "params": {**{p.name: p.default for p in scene.params},
                                                             "offer": 1.0, "refuse": 0.0}})(), None)
    assert values["u_defocus"] > 0.01, "the hall behind is in focus: no depth of field"


def test_the_serenes_behind_stand_dark_against_the_haze(syringe):
    """Round 6: "the Serenes behind are shapeless smudges". They are figures now: black veils
    standing against the lit haze of the hall's horizon, the haze beside them clearly brighter
    than their bodies."""
    img = luma(syringe({"offer": 1.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "focus": 0.0}, size=(320, 180)))
    h, w = img.shape
    to_px = lambda x, y: (int(round(h / 2 - y * h)), int(round(w / 2 + x * h)))
    row, col = to_px(-0.74, -0.02)                 # the left figure's robe, above the horizon
    body = img[row - 2:row + 3, col - 3:col + 4].mean()
    row, col = to_px(-0.52, -0.02)                 # the haze beside it
    haze = img[row - 2:row + 3, col - 3:col + 4].mean()
    assert haze > body + 25, f"the figure does not stand out (body {body:.0f}, haze {haze:.0f})"


def test_the_glossy_floor_mirrors_the_starlight_in_a_streak_below_the_syringe(syringe):
    """Round 8 asked for depth: one hero, lit, in one space.  The hall's glossy floor gives
    back the syringe's light as a streak drawn down the gloss under the barrel (as a wet floor
    stretches a light): below the horizon, the column under the syringe's middle is lit by the
    starlight (bright with it, dark without it), and more than the floor far to the side."""
    size = (320, 180)
    lit = luma(syringe({"offer": 1.0, "refuse": 0.0, "helix": 0.0}, size=size))
    dark = luma(syringe({"offer": 1.0, "refuse": 0.0, "helix": 0.0, "starlight": 0.0}, size=size))
    horizon_row = round((0.5 + 0.08) * size[1])               # HORIZON = -0.08 (screen y)
    floor = slice(horizon_row + 8, horizon_row + 30)
    under = slice(size[0] // 2 - 30, size[0] // 2 + 10)
    gain = (lit - dark)[floor, under].mean()
    side = (lit - dark)[floor, 5:25].mean()
    assert gain > 25, f"the floor does not mirror the starlight ({gain:.1f} levels under the syringe)"
    assert gain > 2.0 * side, f"the floor's light is not a streak under it ({gain:.1f} vs {side:.1f} far to the side)"


def test_the_serenes_are_tall_veiled_figures_not_tombstones(syringe):
    """Round 10: "tombstone-shaped Serenes".  A Serene is a tall veiled figure: the nearer
    one (on the left) stands well over twice as tall as it is wide, its hood narrower than its
    shoulders."""
    size = (320, 180)
    # (round 18: the hand that holds the syringe out reaches in over the near figure: left out)
    params = {"offer": 1.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "helix": 0.0, "focus": 0.0, "hand": 0.0}
    with_them = luma(syringe({**params, "watchers": 1.0}, size=size))
    without = luma(syringe({**params, "watchers": 0.0}, size=size))
    h, w = with_them.shape
    left = (np.abs(with_them - without) > 6)[:, : w // 4]
    rows = np.nonzero(left.any(axis=1))[0]
    widths = left.sum(axis=1)
    height = rows[-1] - rows[0]
    assert height > 2.8 * widths.max(), \
        f"a squat figure ({height} rows tall, {widths.max()} wide; 83 x 34 as a tombstone, 96 x 31 now)"


def test_the_hall_has_depth_a_far_city_in_the_mist_and_shafts_of_light(syringe):
    """Round 10: "an empty purple void, no depth or atmosphere".  Beyond the hall the dream's
    glass spires stand in the mist and shafts of light slant down through the air: with the
    syringe, its light and the Serenes away, the air above the horizon is no longer a plain
    gradient -- along a row it varies (spires, shafts), not only from row to row."""
    size = (320, 180)
    img = luma(syringe({"offer": 0.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "helix": 0.0,
                        "watchers": 0.0}, size=size))
    horizon_row = round((0.5 + 0.08) * size[1])               # HORIZON = -0.08 (screen y)
    air = img[horizon_row - 60:horizon_row - 4, 20:-20]
    # (less its smooth trend along the row: the vignette darkens every row's ends)
    kernel = np.ones(21) / 21.0
    trend = np.stack([np.convolve(np.pad(r, 10, mode="edge"), kernel, mode="valid") for r in air])
    detail = np.abs(air - trend).mean()
    assert detail > 3.8, f"the air is a flat gradient ({detail:.2f} levels of detail along a row; 2.4 before, 5.0 now)"


def test_the_helix_is_two_lit_glass_strands_in_depth_not_a_dotted_line(syringe):
    """Round 29's readers at 153.9 s: "the DNA a flat 2D dotted sine line, pasted in", "stock
    illustration" -- round 17's motes on a thread (which replaced round 11's flat tube, the
    old test here asserted its gaps).  Each strand is now a filament of the syringe's glass
    filled with starlight, lit in 3D and unbroken: pushed in on it (480x270, the hall's air
    held lit), the gold strand's brightest pixel per row runs smooth down it (its row-to-row
    flicker about a 9-row mean under 2.2 % of its peak; the dotted strand 3.5 %, this 1.4 %),
    it is a body several pixels wide, and across it the key light models it (its brightest
    pixel well above its edges')."""
    img = syringe({"offer": 1.0, "refuse": 1.0, "dim": 0.0, "push": 1.0}, size=(480, 270)).astype(int)
    r, b = img[..., 0], img[..., 2]
    gold = (r > 150) & (r > b + 50)
    ys, xs = np.nonzero(gold)
    rows = np.arange(int(np.percentile(ys, 10)), int(np.percentile(ys, 90)))
    strength = np.where(gold, r - b, 0)[rows].max(axis=1).astype(float)
    mean = np.convolve(strength, np.ones(9) / 9, "same")
    flicker = np.abs(strength - mean)[5:-5].mean() / strength.max()
    assert flicker < 0.022, f"a dotted strand: its brightness flickers {flicker:.1%} row to row"
    width = np.median(gold[rows].sum(axis=1))
    assert width >= 6, f"a thin line, {width:.0f} px wide"
    y = luma(img.astype(np.float32))
    model = []
    for row in rows:
        on = np.nonzero(gold[row])[0]
        if len(on) >= 4:
            model.append(y[row, on].max() - min(y[row, on[0]], y[row, on[-1]]))
    assert np.median(model) > 25, f"unlit: its brightest pixel only {np.median(model):.0f} above its edge"


def test_the_glass_barrel_is_a_lit_cylinder_with_a_highlight_along_it(syringe):
    """Round 11: 'the syringe flat vector art'.  The glass has thickness and one light: a long
    crisp highlight runs the barrel's length (and the walls' inner edges catch light).  With
    the starlight and the glint off, only the glass and steel are bright: pixels of luma over
    170 (31 before, 193 now at 320x180)."""
    img = syringe({"offer": 1.0, "refuse": 0.0, "glint": 0.0, "starlight": 0.0}, size=(320, 180))
    bright = (luma(img) > 170).sum()
    assert bright > 110, f"only {bright} bright pixels on the glass: no highlight along the barrel"


def test_the_serenes_are_soft_shadows_with_small_mercury_eyes_not_cut_outs(syringe):
    """Round 13's readers: the Serenes "cardboard cut-outs / tombstones on an empty stage",
    "googly eyes".  They are shadows now, their edges blurring like candle-cast shadows,
    wider towards the ground: across a row of the nearer figure's lower half (above the
    horizon) many pixels lie part-way between figure and hall (median 5 for the cut-out, 22
    now); and their eyes are two small glints, not goggles: few pixels the figure makes
    brighter than the hall (25 before, 10 now), but some."""
    size = (320, 180)
    # (round 18: the hand that holds the syringe out reaches in over the near figure: left out)
    params = {"offer": 1.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "helix": 0.0, "focus": 0.0, "hand": 0.0}
    with_them = luma(syringe({**params, "watchers": 1.0}, size=size))
    without = luma(syringe({**params, "watchers": 0.0}, size=size))
    diff = np.abs(with_them - without)[:, :80]
    top = np.nonzero((diff > 6).any(axis=1))[0][0]
    horizon_row = round((0.5 + 0.08) * size[1])               # HORIZON = -0.08 (screen y)
    soft = []
    for r in range(top + (horizon_row - top) // 2, horizon_row - 4):
        m = diff[r].max()
        soft.append(((diff[r] > 0.15 * m) & (diff[r] < 0.75 * m)).sum())
    assert np.median(soft) > 12, f"hard-edged cut-outs ({np.median(soft)} soft pixels a row)"
    eyes = ((with_them - without) > 25)[:, :80].sum()
    assert 2 <= eyes <= 14, f"{eyes} pixels brighter than the hall: goggles, or no eyes"


def test_the_starlit_glass_throws_caustics_on_the_floor(syringe):
    """Round 13: "flat vector art".  The glass full of starlight is a lens: it throws crisp
    caustic lines of light on the floor beneath it (the floor's light from the starlight had
    only a soft glow: one sharp pixel in its rows before, 473 now)."""
    size = (320, 180)
    lit = luma(syringe({"offer": 1.0, "refuse": 0.0, "helix": 0.0}, size=size))
    dark = luma(syringe({"offer": 1.0, "refuse": 0.0, "helix": 0.0, "starlight": 0.0}, size=size))
    g = (lit - dark)[112:175, 40:280]                          # the floor under the syringe
    sharp = (np.abs(2 * g[1:-1] - g[:-2] - g[2:]) > 12).sum()
    assert sharp > 100, f"no caustic on the floor ({sharp} sharp pixels of its light)"


def test_the_far_city_recedes_in_rows_of_dark_spires_against_a_glow(syringe):
    """Round 14's reader: "clip art on an empty purple backdrop".  The city beyond the hall
    stands in depth now: the far city's glow low in the air, and four rows of glass spires,
    the nearer ones tall and dark against it.  Beside the syringe, with everything else away,
    the air above the horizon varies along each row far more than its smooth trend (the
    spires cut into the glow: 6.2 levels; 4.1 when thin lines of light lay over even haze)."""
    size = (320, 180)
    img = luma(syringe({"offer": 0.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "helix": 0.0,
                        "watchers": 0.0}, size=size))
    horizon_row = round((0.5 + 0.08) * size[1])               # HORIZON = -0.08 (screen y)
    air = img[horizon_row - 50:horizon_row - 3]
    sides = np.concatenate([air[:, 10:90], air[:, -90:-10]], axis=1)
    kernel = np.ones(21) / 21.0
    trend = np.stack([np.convolve(np.pad(r, 10, mode="edge"), kernel, mode="valid") for r in sides])
    detail = np.abs(sides - trend).mean()
    assert detail > 5.0, f"the air beside the syringe is an even haze ({detail:.2f} levels of detail along a row)"


def test_the_macro_needle_is_smooth_steel_not_a_dotted_line(syringe):
    """Round 17: close up, the needle is a few pixels wide, and the studio's thin highlight
    lines across it broke into dots along its length.  Along the needle's middle (the
    brightest of a few pixels across it, step by step from the hub to near the point) the
    light runs smoothly: its mean step-to-step change stays small."""
    import math
    from scenes.syringe import TIP, syringe as scene
    size = (640, 360)
    img = luma(syringe({"offer": 1.0, "refuse": 0.0, "glint": 0.0, "starlight": 0.0}, t=3.0, size=size))
    (cx, cy), tilt, scale = scene.placement(1.0, 0.0, 3.0)
    h, w = img.shape
    along = []
    for x in np.linspace(0.48, TIP - 0.08, 160):
        sx, sy = cx + scale * x * math.cos(tilt), cy + scale * x * math.sin(tilt)
        col, row = int(round(w / 2 + sx * h)), int(round(h / 2 - sy * h))
        along.append(img[row - 2:row + 3, col].max())
    jumps = np.abs(np.diff(along)).mean()
    assert jumps < 15.0, f"the needle is a dotted line ({jumps:.1f} levels from step to step; 33 dotted, 8 now)"


def test_the_needle_never_passes_through_the_rising_helix():
    """Round 17: drawn back out of the macro shot, the needle swept through the helix as it
    rose (its point inside the strands at mid-refusal, as if it spun them).  All through the
    refusal, once the helix stands (0.1 of it grown), the needle's point stays clear of the
    helix's column (its half-width 0.105 and a margin)."""
    import math
    from scenes.syringe import SPILL_FROM, TIP, syringe as scene
    from scenes.syringe import _smooth
    for refuse in np.linspace(0.02, 1.0, 50):
        if 1.1 * _smooth(refuse / 0.6) < 0.1:          # (the helix's grown length, as update() sets it)
            continue
        (cx, cy), tilt, scale = scene.placement(1.0, float(refuse), 3.0)
        tip_x = cx + scale * TIP * math.cos(tilt)
        assert abs(tip_x - SPILL_FROM[0]) > 0.13, \
            f"refuse {refuse:.2f}: the needle's point at x {tip_x:.2f}, in the helix at {SPILL_FROM[0]}"


def test_the_hand_is_a_soft_shadow_not_a_glove_of_fingers(syringe):
    """Round 19's reader at 154.1 s: "the glove a crude black shape" -- three crisp dark
    fingers with lit glass between them read as a rubber glove.  The Serene's hand is one
    soft shadow closing over the barrel's end: along the barrel across where the fingers
    were, the light rises and falls no more than once (the lit gaps between fingers made it
    swing: its excess variation 554 luma with them, 30 now), and the shadow's edge is soft
    (its steepest step between neighbouring samples there: 104 with them, 43 now)."""
    import math
    from scenes.syringe import syringe as scene
    size = (640, 360)
    (cx, cy), tilt, scale = scene.placement(1.0, 0.0, 3.0)
    held = luma(syringe({"offer": 1.0, "refuse": 0.0}, size=size))
    ys = []
    for qx in np.linspace(-0.45, -0.28, 60):
        x = cx + scale * (qx * math.cos(tilt) - 0.03 * math.sin(tilt))
        y = cy + scale * (qx * math.sin(tilt) + 0.03 * math.cos(tilt))
        ys.append(held[round(size[1] / 2 - y * size[1]), round(size[0] / 2 + x * size[1])])
    ys = np.array(ys, dtype=float)
    steps = np.diff(ys)
    swing = np.abs(steps).sum() - abs(ys.max() - ys[0]) - abs(ys.max() - ys[-1])
    assert swing < 80, f"the light under the hand swings {swing:.0f} luma: fingers with lit gaps between them"
    assert np.abs(steps).max() < 65, f"the hand's edge is crisp, a cut-out ({np.abs(steps).max():.0f} luma in one step)"


def test_the_hall_behind_the_macro_syringe_has_no_bokeh_discs(syringe):
    """Round 18's reader: "a stock pharma ad: generic bokeh discs".  The air above the horizon
    to the right of the offered syringe (between it and the far Serene) holds only the city's
    blurred spires and glow: no discs of light standing out of their surroundings.  (With the
    discs, 13 % of it stood 5 levels over its 15 px neighbourhood and the 95th percentile 13
    levels; without, 8 % and 7.)"""
    img = syringe({"offer": 1.0, "refuse": 0.0}, size=(320, 180))
    y = luma(img)
    h, w = y.shape
    rows, cols = slice(int(0.25 * h), int(0.55 * h)), slice(int(0.55 * w), int(0.85 * w))
    lift = (y - box_mean(y, 15))[rows, cols]
    assert (lift > 5).mean() < 0.1, f"{(lift > 5).mean():.3f} of the air stands out of it: discs of light"
    assert np.percentile(lift, 95) < 10, f"bright spots in the air ({np.percentile(lift, 95):.1f} over the surround)"


def test_the_syringe_is_held_out_by_a_serenes_shadow_hand(syringe):
    """Round 18's reader: "a collage: syringe, helix, Serene and bokeh on top of each other,
    not composed".  A Serene holds it out: its fingers close over the back of the barrel
    (there the lit glass goes dark under them) and its wrist and sleeve reach in along the
    plunger from beyond the frame -- dark where the hall would be, with the hand gone."""
    import math
    from scenes.syringe import syringe as scene
    size = (640, 360)
    (cx, cy), tilt, scale = scene.placement(1.0, 0.0, 3.0)

    def at(qx, qy):
        """The pixel (row, col) of syringe point (qx, qy) in the offered pose."""
        x = cx + scale * (qx * math.cos(tilt) - qy * math.sin(tilt))
        y = cy + scale * (qx * math.sin(tilt) + qy * math.cos(tilt))
        return round(size[1] / 2 - y * size[1]), round(size[0] / 2 + x * size[1])

    held = luma(syringe({"offer": 1.0, "refuse": 0.0}, size=size))
    free = luma(syringe({"offer": 1.0, "refuse": 0.0, "hand": 0.0}, size=size))
    fingers = [at(x, 0.03) for x in np.linspace(-0.39, -0.32, 8)]
    dark = [held[r, c] for r, c in fingers]
    lit = [free[r, c] for r, c in fingers]
    assert min(dark) < 0.4 * np.median(lit), f"no fingers over the barrel (darkest {min(dark):.0f}, glass {np.median(lit):.0f})"
    wrist = at(-0.55, 0.11)
    assert held[wrist] < 0.5 * free[wrist], f"no wrist reaching in ({held[wrist]:.0f} against the hall's {free[wrist]:.0f})"


def test_the_hall_behind_the_macro_syringe_falls_back_into_the_dark(syringe):
    """Round 18's reader at 152.5 s: "the city washed into purple blur".  Behind the offered
    syringe the hall is a stop darker, so the lit glass is the one key light: the air in the
    frame's upper right (the hand left out) averages under 51 (55 before, 48 now)."""
    y = luma(syringe({"offer": 1.0, "refuse": 0.0, "hand": 0.0}, size=(320, 180)))
    h, w = y.shape
    air = y[int(0.1 * h):int(0.45 * h), int(0.5 * w):int(0.95 * w)].mean()
    assert air < 51, f"the hall behind the syringe is a bright purple wash (mean luma {air:.1f})"


# -- round 21: the needle's point in extreme close-up (shot 1) -------------------------------

def test_the_close_shot_is_the_needles_point_in_the_dark_with_a_bead_of_starlight_swelling(syringe):
    """Round 21: the syringe's two stills were one set-up ("a product render"); the close shot
    is the needle's point alone in the dark (no lit floor under it: the whole shot's lower
    third is lit by the starlight on the glossy floor), a bead of starlight swelling at it."""
    size = (320, 180)
    whole = luma(syringe({"offer": 1.0}, size=size))
    small = luma(syringe({"shot": 1, "bead": 0.05}, size=size))
    swollen = luma(syringe({"shot": 1, "bead": 1.0}, size=size))
    low = slice(int(size[1] * 0.65), None)
    assert swollen[low].mean() < 0.5 * whole[low].mean(), (swollen[low].mean(), whole[low].mean())
    assert int((small > 200).sum()) < 20, int((small > 200).sum())
    assert int((swollen > 200).sum()) > 120, int((swollen > 200).sum())


def test_the_dreams_syringe_cue_holds_two_set_ups(gl):
    """The dream's syringe cue (143-161 s): the syringe whole as it is offered and refused, the
    needle's point close between (148.5-153.5 s), so its stills are not one picture twice.
    (Round 35: the offer's hall is graded down to true blacks, so its floor is no longer lit
    violet (luma 11 there, 37 before): the offer and the refusal are told apart from each other
    instead -- a mean luma difference over 20 at 320x180, 31 now.)"""
    from conftest import render_times
    offered, close, refused = (luma(im.astype(np.float32)) for im in
                               render_times(gl, "dream", [146.0, 152.5, 156.0], size=(320, 180)))
    low = slice(int(180 * 0.65), None)
    assert close[low].mean() < 25.0, close[low].mean()
    assert refused[low].mean() > 30.0, refused[low].mean()
    assert np.abs(offered - refused).mean() > 20.0, np.abs(offered - refused).mean()
    assert int((close > 200).sum()) > 100, int((close > 200).sum())


def test_the_dreams_offered_syringe_glows_without_swamping_its_glass(gl):
    """Round 22: the wide shots as crisp as the helix shot (the one still rated 4).  The offered
    syringe's starlight at half strength (147 s): its glow no longer floods the barrel and the
    air round it (5726 pixels brighter than 120 at 320x180 in round 21, 3313 now), while the
    glass still shines (the bright pixels are the barrel's edges, scale and needle).  (Round 35:
    the syringe comes close later, after the wide shot of the Serene holding it out: measured
    at 148.3 s, where it is held as close as it was at 147 s.)"""
    from conftest import render_times
    (offered,) = render_times(gl, "dream", [148.3], size=(320, 180))
    bright = int((luma(offered.astype(np.float32)) > 120.0).sum())
    assert 1500 < bright < 4500, bright


def test_the_needles_bevel_is_a_long_slanted_cut_catching_the_light_along_its_edge(syringe):
    """Round 25: both readers took the close shot's bevel for "a flat disc / saucer" (152.4 s):
    its cut face, turned full to the camera, was a dull grey oval.  Now it is the slanted cut
    of a thin steel tube seen along its length, a long narrow ellipse whose rim and lip catch
    the light, the lumen a dark slot inside: many more bright pixels (luma over 150) along
    the cut than the dull face had (40 before, about 250 now, at 320x180, no bead)."""
    size = (320, 180)
    y = luma(syringe({"shot": 1, "bead": 0.0}, size=size))
    lit = y > 150.0
    assert int(lit.sum()) > 150, f"the bevel's edge catches no light ({int(lit.sum())} bright pixels)"
    # the lit rim runs a long way along the needle (a cut seen slanted), not round a small oval
    cols = np.nonzero(lit.any(axis=0))[0]
    assert cols.max() - cols.min() > 0.25 * size[0], (cols.min(), cols.max())


def test_the_refused_hall_goes_down_towards_black_round_the_spilled_light(syringe):
    """Round 26: the refusal's stills (154-161 s) "washed in purple haze", no true blacks.  As
    the offer is refused the hall's violet air goes down towards black (``dim``), the spilled
    starlight, the helix and the needle's glint the lights left in it: the open air between
    the refused needle and the helix is under 0.7 of its brightness with the air held lit."""
    dark = luma(syringe({"offer": 1.0, "refuse": 1.0}))
    lit = luma(syringe({"offer": 1.0, "refuse": 1.0, "dim": 0.0}))
    air = (slice(5, 36), slice(85, 120))          # screen x 0.05-0.45, y 0.1-0.45 (160x90)
    assert dark[air].mean() < 0.7 * lit[air].mean(), (dark[air].mean(), lit[air].mean())
    assert dark[air].mean() > 3.0, "the hall went to a void"


def test_the_dreams_refusal_cuts_in_and_pushes_on_towards_the_helix(gl):
    """Round 26: 154, 156 and 158 s were one set-up three times (the refused syringe and the
    helix small in the hall).  At 156 s the camera cuts in on the dripping needle and the helix
    and pushes on: at 158.5 s the gold strand spans over 45 pixels across at 320x180 (24 before),
    and the frame at 155.5 s and the one at 156.5 s are not one picture.  (Round 35: the close
    shot cuts back at 153.5 s already pushed in, so the cut at 156 s is gone; the refusal's two
    stills 4 s apart, 154 and 158 s, are not one picture -- the rule of round 35.)"""
    from conftest import render_times
    before, after, late = (im.astype(np.float32) for im in
                           render_times(gl, "dream", [154.0, 158.0, 158.5], size=(320, 180)))
    r, b = late[..., 0], late[..., 2]
    _, xs = np.nonzero((r > 150) & (r > b + 50))
    spread = np.percentile(xs, 98) - np.percentile(xs, 2)
    assert spread > 45.0, f"the helix {spread:.0f} px across: not pushed in"
    assert np.abs(luma(after) - luma(before)).mean() > 12.0, np.abs(luma(after) - luma(before)).mean()


def test_the_dreams_refused_syringe_stands_in_the_dark_with_its_barrel_in_frame(gl):
    """Round 28's readers at 156.4 s (3, 3): "the syringe cropped off the frame, the composition
    split in two, a big empty purple void, the whole image soft".  The cut in is less close (the
    emptied barrel and the needle one diagonal down to the dripping point, on to the helix) and
    the hall's air goes to black as the starlight is refused: at 320x180 the open air between
    the glass and the helix has a median luma under 25 (round 29: the frame's middle left is
    now the full barrel's glow and its light on the floor, see the test below, so the dark is
    measured in the air over the needle), under 30 % of the floor (the frame's lower half: the
    full barrel's own violet-blue starlight fills the upper) is violet haze, and over 350 pixels of the upper left third are lit glass and steel (211 before)."""
    from conftest import render_times
    (img,) = render_times(gl, "dream", [156.4], size=(320, 180))
    rgb = img.astype(float)
    y = luma(img)
    h, w = y.shape
    void = float(np.median(y[int(0.05 * h):int(0.35 * h), int(0.5 * w):int(0.75 * w)]))
    assert void < 25.0, void
    violet = float(((rgb[..., 2] > rgb[..., 1] + 20.0) & (y > 25.0))[h // 2:].mean())
    assert violet < 0.3, violet
    glass = int((y[: h // 2, : w // 3] > 120.0).sum())
    assert glass > 350, glass


def test_the_dreams_refused_syringe_and_helix_are_one_composition_the_barrel_full(gl):
    """Round 28's readers at 157.9 s: "two unrelated halves with a black void between", "the
    barrel almost empty, not filled with starlight", "the barrel cut off".  Refused, the glass
    stays full of glowing starlight (only drops of it fall) and is drawn back less far, the
    camera framing it and the helix as one diagonal: at 320x180 over 1500 pixels of the left
    half glow (luma over 100: main about 500), and the frame's middle third is no void (its
    brightest tenth over luma 60)."""
    from conftest import render_times
    (img,) = render_times(gl, "dream", [157.9], size=(320, 180))
    y = luma(img.astype(np.float32))
    h, w = y.shape
    glow = int((y[:, : w // 2] > 100.0).sum())
    assert glow > 1500, f"the barrel's starlight: {glow} px"
    middle = float(np.percentile(y[:, w // 3: 2 * w // 3], 90))
    assert middle > 60.0, f"a void between the syringe and the helix ({middle:.0f})"


def test_the_swollen_bead_hangs_from_the_needles_point_and_swallows_it(syringe):
    """Round 29's readers at 152.8 s: "a stray ring under the drop" -- the bevel's sharp point
    stuck out under the swollen bead as a bright crescent.  The bead runs down the cut as it
    grows and hangs from the point: the point's lit steel (the lowest-right bright pixel of the
    needle with no bead, 320x180) is hidden by the bead once swollen (it changed by 3 grey
    levels before, the point showing beside the bead)."""
    size = (320, 180)
    bare = luma(syringe({"shot": 1, "bead": 0.0}, size=size))
    bead = luma(syringe({"shot": 1, "bead": 1.0}, size=size))
    ys, xs = np.nonzero(bare[60:140, 120:240] > 80)
    i = np.argmax(xs + 0.5 * ys)
    y, x = ys[i] + 60, xs[i] + 120
    change = np.abs(bead[y - 1:y + 2, x - 1:x + 2] - bare[y - 1:y + 2, x - 1:x + 2]).mean()
    assert change > 40, f"the needle's point at ({x}, {y}) shows beside the bead (changed {change:.0f})"


def test_the_close_shots_hall_has_spires_and_shafts_of_light_not_a_plain_gradient(syringe):
    """Round 29's readers at 152.8 s: "the background a plain purple gradient with blurred
    silhouettes, close to a placeholder".  Behind the Serenes the hall stands out of focus: the
    city's dark glass spires in the haze with moonlit edges, shafts of light slanting through
    the air.  Across the upper right (320x180, between the figures, above the haze line) the
    light varies about its running mean (std over 1.2 grey levels; the gradient 0.4)."""
    img = luma(syringe({"shot": 1, "bead": 0.0}, size=(320, 180)))
    rows = img[25:60]
    k = 31
    smooth = np.stack([np.convolve(np.pad(r, k // 2, mode="edge"), np.ones(k) / k, "valid") for r in rows])
    structure = (rows - smooth)[:, 220:310].std(axis=1).mean()
    assert structure > 1.2, f"a plain gradient behind: {structure:.2f} grey levels of structure"


def test_the_serenes_behind_are_rimmed_by_the_starlight_they_face(syringe):
    """Round 29's readers at 153.9 s: "the Serenes blurred cut-outs", "the background a purple
    blur".  They stand lit in the hall: the starlight rims the edges of their hoods and robes
    that face it.  Over the right-hand Serene (320x180) the offered starlight brightens the
    figure by over 2 grey levels on average, its lit edge by over 25 (before: nothing, under 1)."""
    size = (320, 180)
    lit = luma(syringe({"offer": 1.0, "refuse": 0.0, "helix": 0.0}, size=size))
    dark = luma(syringe({"offer": 1.0, "refuse": 0.0, "helix": 0.0, "starlight": 0.0}, size=size))
    d = (lit - dark)[45:90, 268:313]
    assert d.mean() > 2.0 and np.percentile(d, 95) > 25.0, (float(d.mean()), float(np.percentile(d, 95)))


def test_the_needles_underside_is_modelled_steel_not_a_flat_purple_fill(gl):
    """Round 32's readers at 150.9 and 153.3 s: "the needle's underside is a flat purple fill
    (shading error)" -- every ray its lower half gave back met the same violet haze, so down
    a cross-section of the tube below its axis the grey rose evenly (38 to 57) to the rim.
    The haze now has its bright line at the horizon and the dark floor under it: the underside
    carries a band, falls off to dark and lifts again only at the rim."""
    from conftest import render_times
    (tip,) = render_times(gl, "dream", [150.9], size=(320, 180))
    seg = luma(tip.astype(float))[32:39, 40]
    assert seg.max() - seg.min() > 25.0, seg.tolist()
    assert seg[2:5].min() < seg[0] - 8.0, seg.tolist()


def test_the_refused_helix_stands_whole_in_the_frame_not_cropped_at_its_top(gl):
    """Round 32's readers at the refusal: "the helix cropped at the edge" -- it rose a column
    past the frame's top (at 157.5 s, 320x180, 75 pixels of its light over 70 in the top four
    rows over the helix's side of the frame).  It is 0.6 of the frame's height, its top
    tapering in the air once the camera has cut in (push 0.4), and the push is centred a
    little further right: now a few there (stars and its glow; bar 30)."""
    from conftest import render_times
    (still,) = render_times(gl, "dream", [157.5], size=(320, 180))
    y = still[..., :3].astype(float) @ np.array([0.2126, 0.7152, 0.0722])
    top = int((y[:4, 230:] > 70.0).sum())
    assert top < 30, f"the helix runs out of the frame's top ({top} bright pixels there)"


def test_the_wet_floor_breaks_the_towers_not_mirrored_copies(syringe):
    """Round 34's readers at 144.7 s: "the spires are flat 2D triangles with mirrored copies
    (placeholder look)".  The floor is wet stone that gives the hall back broken by ripples and
    smeared, not a mirror: the fine detail along a row of the air above the horizon and along
    the floor row that mirrors it barely correlate (median 0.79 with the mirror, 0.31 now)."""
    size = (320, 180)
    y = luma(syringe({"offer": 0.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "helix": 0.0,
                      "watchers": 0.0, "hand": 0.0}, size=size))
    horizon_row = round((0.5 + 0.08) * size[1])               # HORIZON = -0.08 (screen y)
    kernel = np.ones(15) / 15.0

    def detail(row):
        return row - np.convolve(np.pad(row, 7, mode="edge"), kernel, mode="valid")
    corr = []
    for j in range(4, 36):
        above, below = detail(y[horizon_row - j]), detail(y[horizon_row + round(j / 1.4)])
        if above.std() > 0.3 and below.std() > 0.3:
            corr.append(np.corrcoef(above, below)[0, 1])
    assert len(corr) > 10, "no detail in the air or on the floor to compare"
    assert np.median(corr) < 0.5, f"the floor mirrors the towers as copies (correlation {np.median(corr):.2f})"


def test_the_helix_strands_are_thick_round_tubes_not_a_thin_ribbon(syringe):
    """Round 34's readers at 155.1 s: "the helix is pasted flat", "the DNA a flat 2D ribbon".
    The strands are round glass tubes coiling in depth, the near turns thick: across the helix's
    column the longest lit run in a row is a median 13 px at 640x360 (9.5 with the thin ribbon)."""
    size = (640, 360)
    y = luma(syringe({"offer": 1.0, "refuse": 1.0, "helix": 1.0, "push": 0.0, "watchers": 0.0,
                      "hand": 0.0, "starlight": 1.0}, size=size))
    x0 = round(size[0] / 2 + 0.70 * size[1])                  # SPILL_FROM's x, where the helix rises
    box = y[40:230, x0 - 50:x0 + 50]
    lit = box > np.percentile(box, 30) + 40
    runs = []
    for row in lit:
        best = cur = 0
        for v in row:
            cur = cur + 1 if v else 0
            best = max(best, cur)
        runs.append(best)
    assert np.median(runs) > 11.5, f"the strands are a thin ribbon ({np.median(runs)} px lit across)"


def test_the_refused_drops_send_rings_across_the_floor(syringe):
    """Round 34's readers never saw "the refusal": the starlight spilled unused.  Each drop that
    falls from the refused needle lands in a ring that runs out across the wet floor: along the
    floor's row to the left of the landing point the light rises and falls in rings (two or
    more peaks over their neighbours; the old splash was one smooth glow, none)."""
    import math
    from scenes.syringe import FLOOR_Y, TIP, syringe as scene
    size = (640, 360)
    for t in (3.0, 3.3):
        y = luma(syringe({"offer": 1.0, "refuse": 0.6, "push": 0.0, "watchers": 0.0, "hand": 0.0},
                         t=t, size=size))
        (cx, cy), tilt, scale = scene.placement(1.0, 0.6, t)
        tip_x = cx + scale * TIP * math.cos(tilt)
        row = round(size[1] / 2 - FLOOR_Y * size[1])
        xs = [round(size[0] / 2 + (tip_x + d) * size[1]) for d in np.linspace(-0.085, -0.012, 27)]
        profile = np.array([y[row - 2:row + 3, x].max() for x in xs])
        peaks = sum(1 for i in range(1, len(profile) - 1)
                    if profile[i] > profile[i - 1] + 2 and profile[i] > profile[i + 1] + 2)
        assert peaks >= 2, f"no rings where the drops land at t={t} ({peaks} peaks along the floor)"


def test_the_macro_lens_lets_the_plunger_end_go_soft_the_needle_end_sharp(syringe):
    """Round 34's readers at 148.4 s: "the same stock-illustration look, composition
    flat-illustrative".  A macro lens holds the needle's end in focus and the barrel's back,
    nearest us, goes soft: across the glass's upper edge near the flange the steepest step in
    light is half that near the shoulder (0.49 of it; 0.94 when the whole syringe was sharp)."""
    import math
    from scenes.syringe import syringe as scene
    size = (640, 360)
    y = luma(syringe({"offer": 1.0, "refuse": 0.0, "glint": 0.0, "watchers": 0.0, "hand": 0.0},
                     t=3.0, size=size))
    (cx, cy), tilt, scale = scene.placement(1.0, 0.0, 3.0)
    c, s = math.cos(tilt), math.sin(tilt)

    def steepest(qx):
        vals = []
        for qy in np.linspace(0.03, 0.12, 60):
            x, yy = cx + scale * (qx * c - qy * s), cy + scale * (qx * s + qy * c)
            vals.append(y[round(size[1] / 2 - yy * size[1]), round(size[0] / 2 + x * size[1])])
        return np.abs(np.diff(vals)).max()
    near, far = steepest(-0.36), steepest(0.1)
    assert near < 0.7 * far, f"the plunger's end as sharp as the shoulder ({near:.0f} vs {far:.0f} levels a step)"


def test_the_needle_close_up_stands_against_true_blacks_not_a_muddy_haze(syringe):
    """Round 34's readers at 148.4 s: "a soft muddy background".  In the needle's close-up the
    violet haze is a band low on the horizon: the air above it and the floor below go to
    night, so the steel and the bead stand against true blacks (medians of the top and bottom
    sixths at 320x180: 13.8 and 7.1 with the haze over all; 9.2 and 3.4 now), while the bead
    keeps its bright highlight."""
    y = luma(syringe({"shot": 1, "bead": 1.0}, size=(320, 180)))
    assert np.median(y[:30]) < 11.5, f"the air over the close-up is a haze ({np.median(y[:30]):.1f})"
    assert np.median(y[-30:]) < 5.0, f"the floor under the close-up is a haze ({np.median(y[-30:]):.1f})"
    assert np.percentile(y, 99.5) > 150, "the bead's highlight went out"


def test_the_motes_in_the_air_vary_in_size_brightness_and_tint(syringe):
    """Round 34's readers (of the sky, and the same dots hung here): "uniform dot stars".  The
    motes in the hall's air each have their own size, brightness and tint: over the top third
    of the empty hall at 640x360, the brightest tenth of the motes stand out of their
    surroundings over 5.3 times as far as the faintest tenth (4.6 when all were alike), and a
    few are warm (none were)."""
    from numpy.lib.stride_tricks import sliding_window_view
    rgb = syringe({"offer": 0.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "watchers": 0.0,
                   "hand": 0.0}, size=(640, 360))
    h = rgb.shape[0]
    part = rgb[int(0.03 * h):int(0.3 * h)]
    y = luma(part)
    lift = y - box_mean(y, 9)
    local_max = sliding_window_view(np.pad(y, 2, mode="edge"), (5, 5)).max(axis=(2, 3))
    motes = (y == local_max) & (lift > 6)
    peaks = lift[motes]
    assert len(peaks) > 40, f"too few motes in the air ({len(peaks)})"
    spread = np.percentile(peaks, 90) / np.percentile(peaks, 10)
    assert spread > 5.3, f"the motes are alike ({spread:.1f})"
    warm = part[motes]
    assert (warm[:, 0] > warm[:, 2]).sum() >= 1, "no warm mote"


def test_a_serene_holds_the_syringe_out_as_it_comes_out_of_the_dark(syringe):
    """Round 34's brief: "the Serenes offering it".  As the syringe comes out of the dark a
    Serene stands nearer behind it, as if holding it out: its hood darkens the air over the
    barrel (with the watchers away the same air is lit haze), its mercury eyes two catch-lights
    in it; by the time the syringe is offered it has stepped back into the dark (the scene
    draws the plain pass again)."""
    from scenes.syringe import syringe as scene
    size = (320, 180)
    params = {"offer": 0.1, "refuse": 0.0, "hand": 0.0}
    with_it = luma(syringe({**params, "watchers": 1.0}, size=size))
    without = luma(syringe({**params, "watchers": 0.0}, size=size))
    (cx, cy), _, _ = scene.placement(0.1, 0.0, 3.0)
    ex, ey = cx - 0.02, cy + 0.16                              # its eyes (u_offerer)
    col, row = round(size[0] / 2 + ex * size[1]), round(size[1] / 2 - ey * size[1])
    hood = (slice(row - 14, row - 3), slice(col - 8, col + 8))             # over its eyes
    eyes = (slice(row - 3, row + 4), slice(col - 8, col + 8))
    assert np.median(with_it[hood]) < 0.8 * np.median(without[hood]), "no figure behind the syringe"
    assert with_it[eyes].max() > np.median(with_it[hood]) + 60, "no mercury eyes in its hood"
    assert scene.offerer_presence(1.0, 1.0, 0.0) == 0.0 and scene.offerer_presence(1.0, 0.1, 1.0) == 0.0


def _box_blur(y: np.ndarray, k: int) -> np.ndarray:
    """The mean of each pixel's k x k neighbourhood (edges padded): what is left of an image
    once its fine detail is taken out."""
    from numpy.lib.stride_tricks import sliding_window_view
    return sliding_window_view(np.pad(y, k // 2, mode="edge"), (k, k)).mean(axis=(-1, -2))


def _bare_hall(syringe, size=(320, 180)):
    """The wide hall alone (no starlight, no Serenes), and its horizon's row at this size."""
    y = luma(syringe({"offer": 0.0, "refuse": 0.0, "starlight": 0.0, "glint": 0.0, "helix": 0.0,
                      "watchers": 0.0, "hand": 0.0}, size=size))
    return y, round((0.5 + 0.08) * size[1])                  # HORIZON = -0.08 (screen y)


def test_the_wet_floor_is_shallow_water_not_a_grid_of_cells_darker_to_the_bottom(syringe):
    """The lead's follow-up at 143-146 s: "the wet floor reads as a tiled / checker pattern of
    cells (busy, regular)"; make it wet stone / shallow water, broad soft reflections broken by
    slow ripples, darker toward the frame's bottom.  At 320x180 the floor's fine detail (luma
    less its 9x9 mean, 12-50 rows under the horizon) has a spread under 2.5 (4.1 with the
    cells, 1.5 now), and the frame's bottom rows are under 0.27 of the floor by the horizon
    (0.35 before, 0.20 now)."""
    y, hr = _bare_hall(syringe)
    detail = float((y - _box_blur(y, 9))[hr + 12: hr + 50].std())
    assert detail < 2.5, f"the floor busy with cells (detail {detail:.2f})"
    fall = float(y[-15:].mean() / y[hr + 8: hr + 20].mean())
    assert fall < 0.27, f"the water not darker towards the bottom ({fall:.2f})"


def test_the_horizon_is_mist_banks_lit_in_the_shafts_not_a_hard_straight_band(syringe):
    """The lead's follow-up: "the horizon is a straight hard purple band across the frame";
    soften it into mist banks with depth, lighter in the shafts, darker between, the ground
    meeting the hall without a line.  At 320x180: no step between two rows near the horizon
    over 6 of luma on average across the frame (13.8 with the band, 2.9 now), and along a row
    just above it the light (9x9 mean) varies by over 0.17 of its mean (0.12 before, 0.23)."""
    y, hr = _bare_hall(syringe)
    step = float(np.abs(np.diff(y[hr - 12: hr + 12], axis=0)).mean(axis=1).max())
    assert step < 6.0, f"a hard line where the floor meets the hall (a step of {step:.1f})"
    row = _box_blur(y, 9)[hr - 6]
    spread = float(row.std() / row.mean())
    assert spread > 0.17, f"an even band of haze ({spread:.2f}), not banks lit in the shafts"


def test_the_dreams_refused_syringe_is_lowered_and_withdrawn_in_the_last_seconds(gl):
    """The lead's follow-up: "the refusal readable in a still of the last seconds (say 158-161
    s): the syringe turned away / withdrawn / lowered (a clear change of pose from the
    offering), the starlight spilled".  Withdrawn, it hangs steeply needle down, drawn back
    smaller, the back of its glass emptied: at 158.8 s (320x180) the lit glass and steel in
    the frame's left 55 % run at over 48 degrees from the level (32 before, 62 now), and the
    withdrawn syringe's placement is smaller and steeper than the offered one's."""
    import math
    from conftest import render_times
    from scenes.syringe import syringe as scene
    (img,) = render_times(gl, "dream", [158.8], size=(320, 180))
    y = luma(img.astype(np.float32))
    ys, xs = np.nonzero(y[:, :175] > 120.0)
    assert len(xs) > 200, "no lit syringe in the frame's left part"
    _, vecs = np.linalg.eigh(np.cov(np.vstack([xs, ys]).astype(float)))
    angle = math.degrees(math.atan2(abs(vecs[1, -1]), abs(vecs[0, -1])))
    assert angle > 48.0, f"the refused syringe held as offered ({angle:.0f} degrees)"
    _, offered_tilt, offered_scale = scene.placement(1.0, 0.0, 3.0)
    _, tilt, scale = scene.placement(1.0, 1.0, 3.0, withdraw=1.0)
    assert tilt < offered_tilt - math.radians(30.0) and scale < 0.6 * offered_scale


def test_the_dreams_offer_opens_wide_on_the_serene_holding_it_out_then_comes_close(gl):
    """Round 35's readers: 146.3 and 154.0 s "practically the same frame" ("a generic
    stock-render syringe with little sense of place"; "near-copy of 154 minus the helix").
    Until 146.6 s the hall is wide, the syringe small and level, the Serene who holds it out
    there behind it; only then does it come close, and the close shot cuts back already
    pushed in on the refusal.  At 146.3 s the offer is under 0.2 and the Serene over half
    there (0 before: it had stepped back by 145.5 s), at 154 s the camera pushed in, and the two
    stills differ by a mean luma over 30 at 320x180 (41 now)."""
    from conftest import render_times
    from scenes.syringe import syringe as scene
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def values(t):
        return next(a.values for a in show.timeline.sample(t).cues() if a.cue.scene == "syringe")
    wide = values(146.3)
    assert wide["offer"] < 0.2, wide["offer"]
    assert scene.offerer_presence(wide.get("watchers", 1.0), wide["offer"], wide.get("refuse", 0.0)) > 0.5
    assert values(154.0)["push"] > 0.3
    a, b = (luma(im.astype(np.float32)) for im in render_times(gl, "dream", [146.3, 154.0], size=(320, 180)))
    assert np.abs(a - b).mean() > 30.0, np.abs(a - b).mean()


def test_the_graded_hall_keeps_true_blacks_and_its_highlights(syringe):
    """Round 35's readers at 154 s: "the purple background washy".  Graded (``grade`` 1, as the
    dream's offer has it) the hall's dim violet air sinks towards black -- the frame's median
    luma under 0.6 of the ungraded one (20 against 46 at 320x180) -- while its highlights (the
    glass, the needle's glint, the shafts: the top half-percent) keep over 0.95 of theirs."""
    size = (320, 180)
    graded = luma(syringe({"offer": 0.1, "grade": 1.0, "hand": 0.0}, size=size))
    lit = luma(syringe({"offer": 0.1, "grade": 0.0, "hand": 0.0}, size=size))
    assert np.median(graded) < 0.6 * np.median(lit), (np.median(graded), np.median(lit))
    assert np.percentile(graded, 99.5) > 0.95 * np.percentile(lit, 99.5)


def test_no_serenes_hood_stands_over_the_refused_helix_like_a_head(syringe):
    """Round 35's readers at 154 s: "the DNA looks pasted in and has an odd small head on top"
    -- the right Serene's hood stood just over the rising helix.  Refused, that Serene stands
    nearer the syringe, clear of the helix: at 320x180 the watchers change nothing in the air
    over the helix's column (round 34: their hood and eyes there), and do stand left of it."""
    size = (320, 180)
    params = {"offer": 1.0, "refuse": 1.0, "helix": 1.0, "push": 0.0, "hand": 0.0, "dim": 0.0}
    with_them = luma(syringe({**params, "watchers": 1.0}, size=size))
    without = luma(syringe({**params, "watchers": 0.0}, size=size))
    diff = np.abs(with_them - without)
    x0 = round(size[0] / 2 + 0.74 * size[1])                 # the right Serene's place as offered
    over_helix = diff[20:75, x0 - 14:x0 + 14]
    assert over_helix.max() < 3.0, over_helix.max()
    x1 = round(size[0] / 2 + 0.40 * size[1])                 # where it stands once refused
    assert diff[20:75, x1 - 14:x1 + 14].max() > 6.0, "the Serene is gone, not moved"


def test_the_wide_offer_has_one_clear_subject_its_glass_glowing_in_the_dark(gl):
    """Round 35: the wide shot that opens the offer (143-146.6 s) needs "one clear subject; true
    blacks AND bright highlights": the small syringe's starlight there is at 1.3 (0.55 before,
    a dim glass in a lilac hall), and at 145.5 s (320x180) over 900 pixels are brighter than
    luma 120 (the glass, its needle, its light on the wet floor) while the frame's median stays
    under 25 (the graded hall)."""
    from conftest import render_times
    (img,) = render_times(gl, "dream", [145.5], size=(320, 180))
    y = luma(img.astype(np.float32))
    assert int((y > 120.0).sum()) > 900, int((y > 120.0).sum())
    assert float(np.median(y)) < 25.0, float(np.median(y))


def test_the_helix_strands_carry_swells_of_light_not_even_tubes(syringe):
    """Round 35's readers: "the helix clip-art", "the DNA looks pasted in" -- two even glass
    tubes.  Liquid starlight climbs the strands in slow swells, each strand brighter and a
    little fuller where one passes: at 640x360, over the gold strand's pixels, the brightest
    tenth is over luma 206 (196 as even tubes, 217 now) and the brightest gold pixel of each
    row varies up the helix by over 112 (10th to 90th percentile; 102 before, 123 now)."""
    size = (640, 360)
    img = syringe({"offer": 1.0, "refuse": 1.0, "helix": 1.0, "push": 0.0, "watchers": 0.0,
                   "hand": 0.0, "starlight": 1.0}, size=size)
    x0 = round(size[0] / 2 + 0.70 * size[1])                  # SPILL_FROM's x, where the helix rises
    box = img[40:230, x0 - 50:x0 + 50]
    gold = box[..., 0] > box[..., 2] + 40.0
    y = luma(box)
    assert np.percentile(y[gold], 90) > 206.0, np.percentile(y[gold], 90)
    rows = np.where(gold, y, 0.0).max(axis=1)
    rows = rows[rows > 60.0]
    spread = np.percentile(rows, 90) - np.percentile(rows, 10)
    assert spread > 112.0, spread


def test_the_floor_under_the_refused_barrel_is_dark_water_not_a_pale_rectangle(gl):
    """Round 35, follow-up: under the barrel in the close shots (148-158 s) the floor showed "a
    pale lavender rectangle with a hard top edge" -- the barrel's mirror glow, a capsule
    stretched 3x across and cut by the horizon.  Now the barrel's own soft reflection: at 156 s
    (320x180), under the barrel (x 12-40 %), the water from just below the horizon (rows
    60-72 %) is dark, mean luma under 20 (31 before), and no brighter than the air just above
    the horizon (it was 9 levels brighter: the hard top edge)."""
    from conftest import render_times
    (img,) = render_times(gl, "dream", [156.0], size=(320, 180))
    y = luma(img.astype(np.float32))
    h, w = y.shape
    cols = slice(int(w * 0.12), int(w * 0.40))
    water = y[int(h * 0.60):int(h * 0.72), cols].mean()
    air = y[int(h * 0.525):int(h * 0.55), cols].mean()
    top = y[int(h * 0.575):int(h * 0.60), cols].mean()
    assert water < 20.0, water
    assert top < air + 2.0, (top, air)


def test_the_wide_offers_horizon_is_banks_of_lit_mist_with_darks_between(gl):
    """Round 35, follow-up: the wide shot's horizon read as "a flat lilac band".  The dim haze
    between the lit banks is squared down, the shafts' light kept: at 145.5 s (320x180), along
    the band just over the horizon (rows 50-56 %, each column's mean), the darkest tenth is
    under luma 18 (19.4 before, 16.2 now) and the median under 40 (42.2 before, 37.5 now),
    while the brightest tenth stays over 75 (the lit banks and columns)."""
    from conftest import render_times
    (img,) = render_times(gl, "dream", [145.5], size=(320, 180))
    y = luma(img.astype(np.float32))
    h = y.shape[0]
    band = y[int(h * 0.50):int(h * 0.56)].mean(axis=0)
    assert np.percentile(band, 10) < 18.0, np.percentile(band, 10)
    assert np.median(band) < 40.0, np.median(band)
    assert np.percentile(band, 90) > 75.0, np.percentile(band, 90)
