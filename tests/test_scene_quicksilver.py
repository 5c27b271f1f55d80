"""The quicksilver scene: tears of liquid metal pool, freeze into a mirror and shatter.

GL tests on the headless context.  The environment is bound to the built-in gradient, so
these tests depend only on this scene (not on the sky being written beside it).  Several
cases are rendered as consecutive cues of one show, so the shaders compile once.
"""
from __future__ import annotations

import numpy as np

from conftest import make_project, render_times

SIZE = (160, 90)
CUE = 10.0          # seconds per cue in a sweep show
SETTLED = 7.5       # cue-local time by which the pool has formed (the last forming tear lands ~6 s)
SKIN_GREEN = 0.6    # green over red of the figure's warm light: 0.68 for round 14's lit face, 0.52 now


def show_source(name: str, cues: list[dict]) -> str:
    """A show of consecutive quicksilver cues (CUE seconds each) with these parameters."""
    lines = ["from visuals import Show, Cue",
             f"{name} = Show({name!r}, ["]
    for i, params in enumerate(cues):
        lines.append(f"    Cue('quicksilver', {i * CUE}, {(i + 1) * CUE}, params={params!r}, "
                     "bind={'environment': 'env_gradient'}),")
    lines.append(f"], duration={len(cues) * CUE})")
    return "\n".join(lines) + "\n"


def render_cues(gl, tmp_path, cues: list[dict], times: list[float], size=SIZE) -> list[np.ndarray]:
    """Frames at cue-local `times` of each cue, in order: [cue0 t0, cue0 t1, ..., cue1 t0, ...]."""
    project = make_project(tmp_path, {"scenes/qs_case.py": show_source("qs_case", cues)})
    at = [i * CUE + t for i in range(len(cues)) for t in times]
    return render_times(gl, "qs_case", at, folder=project, size=size)


def luma(img: np.ndarray) -> np.ndarray:
    return img.astype(float) @ np.array([0.2126, 0.7152, 0.0722])


def pool_mask(img: np.ndarray) -> np.ndarray:
    """Pixels of the quicksilver: its bright meniscus and highlights, far brighter than the
    dark floor around it, and the dark night it mirrors inside them (mercury gives back a
    night sky: most of the metal is dark).  The outline's holes are filled: whatever the
    floor (not bright) cannot reach from the frame's edge is the pool."""
    bright = luma(img) > 90.0
    outside = np.zeros_like(bright)
    outside[0, :] = outside[-1, :] = True
    outside[:, 0] = outside[:, -1] = True
    outside &= ~bright
    while True:
        grown = outside.copy()
        grown[1:] |= outside[:-1]
        grown[:-1] |= outside[1:]
        grown[:, 1:] |= outside[:, :-1]
        grown[:, :-1] |= outside[:, 1:]
        grown &= ~bright
        if (grown == outside).all():
            return ~outside
        outside = grown


def assert_healthy(img: np.ndarray, what: str) -> None:
    """Not black, not flat, a pool present, and no black holes (NaN reads back as 0) inside it."""
    y = luma(img)
    assert y.mean() > 8.0, f"{what}: nearly black (mean luma {y.mean():.1f})"
    assert y.std() > 6.0, f"{what}: flat (luma std {y.std():.1f})"
    pool = pool_mask(img)
    assert pool.mean() > 0.02, f"{what}: no quicksilver in the frame"
    # a black pixel whose neighbours are all bright is a hole in the metal
    h, w = y.shape
    pad = np.pad(y, 1, mode="edge")
    neighbours = np.stack([pad[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
                           for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx])
    holes = (y < 4.0) & (neighbours.min(axis=0) > 40.0)
    assert holes.sum() == 0, f"{what}: {holes.sum()} black holes inside bright areas"


def extreme_cases() -> list[tuple[str, dict]]:
    """Every parameter at its low and high end, then all low and all high together."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    scene = Registry(SearchPath.build([])).scene("quicksilver")
    cases, low, high = [], {}, {}
    for p in scene.params:
        if p.kind == "color":
            lo, hi = "#000000", "#ffffff"
        else:
            lo, hi = (int(p.lo), int(p.hi)) if p.kind == "int" else (p.lo, p.hi)
        cases += [(f"{p.name}={lo}", {p.name: lo}), (f"{p.name}={hi}", {p.name: hi})]
        low[p.name], high[p.name] = lo, hi
    cases += [("all low", low), ("all high", high)]
    return cases


def test_quicksilver_renders_at_two_times(gl, tmp_path):
    early, late = render_cues(gl, tmp_path, [{}], [1.0, 4.0])
    assert_healthy(early, "quicksilver at 1 s")
    assert_healthy(late, "quicksilver at 4 s")
    assert pool_mask(late).sum() > 1.5 * pool_mask(early).sum(), "the pool grows as tears land"


def test_quicksilver_parameter_extremes_give_no_black_or_broken_frame(gl, tmp_path):
    cases = extreme_cases()
    frames = render_cues(gl, tmp_path, [params for _, params in cases], [SETTLED])
    for (what, params), img in zip(cases, frames):
        if what == "all low":
            # black floor, black tint, dimmest reflection, no key light: a dark pool on black
            y = luma(img)
            assert (y > 12.0).mean() > 0.01, f"{what}: the pool is invisible"
            assert np.isfinite(img).all()
            continue
        assert_healthy(img, what)


def box3(img: np.ndarray) -> np.ndarray:
    """3x3 box average: the per-frame dither (+-1 level, zero mean) averages out."""
    f = np.pad(img.astype(float), ((1, 1), (1, 1), (0, 0)), mode="edge")
    h, w = img.shape[:2]
    return sum(f[dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)) / 9.0


def test_hardening_stills_the_pool(gl, tmp_path):
    """harden = 1: consecutive frames match (up to the dither); harden = 0: they differ.
    (Without the dreamer: the metal is still, but the heart of the figure it shows beats.)"""
    dt = 1.0 / 30.0
    liquid_a, liquid_b, frozen_a, frozen_b = render_cues(
        gl, tmp_path, [{"harden": 0.0, "dreamer": 0.0}, {"harden": 1.0, "dreamer": 0.0}], [SETTLED, SETTLED + dt])
    pool = pool_mask(frozen_a)
    raw = np.abs(frozen_a.astype(int) - frozen_b.astype(int))
    frozen = np.abs(box3(frozen_a) - box3(frozen_b))
    liquid = np.abs(box3(liquid_a) - box3(liquid_b))
    assert raw.max() <= 4, f"a frozen mirror moves: a pixel changed by {raw.max()} levels"
    assert frozen.mean() < 0.3 and np.percentile(frozen, 99.9) < 2.0, \
        f"a frozen mirror moves: mean diff {frozen.mean():.2f}, 99.9th percentile {np.percentile(frozen, 99.9):.2f}"
    assert liquid[pool].mean() > 2.0, f"the liquid pool should move: mean diff {liquid[pool].mean():.2f}"
    assert (liquid.max(axis=2) > 8).sum() > 50, "the liquid's ripples and tears change many pixels"


def edge_pixels(img: np.ndarray, mask: np.ndarray, threshold: float = 40.0) -> int:
    """Pixels inside mask (not at its border) with a strong local luma gradient."""
    y = luma(img)
    gx = np.abs(np.diff(y, axis=1))[:-1, :]
    gy = np.abs(np.diff(y, axis=0))[:, :-1]
    g = np.maximum(gx, gy)
    inner = mask.copy()
    for axis in (0, 1):            # erode twice: the pool's own outline is not a crack
        for shift in (1, -1, 2, -2):
            inner &= np.roll(mask, shift, axis=axis)
    return int((g > threshold)[inner[:-1, :-1]].sum())


def test_fracture_cracks_the_mirror_into_shards(gl, tmp_path):
    size = (320, 180)
    # (without the dreamer, whose face and shading have edges of their own)
    whole, shattered = render_cues(gl, tmp_path, [{"harden": 1.0, "fracture": 0.0, "dreamer": 0.0},
                                                  {"harden": 1.0, "fracture": 1.0, "dreamer": 0.0}], [SETTLED], size=size)
    mask = pool_mask(whole) & pool_mask(shattered)
    assert mask.mean() > 0.05, "the pool fills part of the frame"
    before, after = edge_pixels(whole, mask, 25.0), edge_pixels(shattered, mask, 25.0)
    # (round 6: the cracks are thin dark seams with faint glints, no longer bright white
    # bevels, so they add fewer strong edges; the shards, each tipped its own way, change
    # the light over much of the mirror instead)
    assert after > before + 60, f"cracks add edges: {before} strong gradients whole, {after} shattered"
    tipped = np.abs(luma(shattered) - luma(whole)) > 20
    assert tipped[mask].mean() > 0.2, f"the shards barely change the mirror ({tipped[mask].mean() * 100:.0f} % of it)"


def test_frames_are_a_pure_function_of_time(gl, tmp_path):
    """The same frame is the same bytes, whether rendered alone or after others."""
    project = make_project(tmp_path, {"scenes/qs_case.py": show_source("qs_case", [{}])})
    alone = render_times(gl, "qs_case", [3.0], folder=project, size=SIZE)[0]
    after = render_times(gl, "qs_case", [1.0, 2.0, 3.0], folder=project, size=SIZE)[2]
    assert np.array_equal(alone, after)


def test_the_hardened_mirror_shows_the_dreamer_warm_against_the_cold_metal(gl, tmp_path):
    """"In them, you see yourself": with the dreamer, pixels near the figure's place in the
    mirror (the middle of the pool) differ from the mirror without it, and they are warm
    (red over blue); the liquid pool shows no one; the shards still show (pieces of) them."""
    size = (320, 180)
    (with_me, without, liquid_with, liquid_without, broken, broken_without) = render_cues(
        gl, tmp_path, [{"harden": 1.0, "dreamer": 1.0}, {"harden": 1.0, "dreamer": 0.0},
                       {"harden": 0.0, "dreamer": 1.0, "pour": 0.0}, {"harden": 0.0, "dreamer": 0.0, "pour": 0.0},
                       {"fracture": 1.0, "dreamer": 1.0}, {"fracture": 1.0, "dreamer": 0.0}],
        [SETTLED], size=size)
    diff = np.abs(with_me.astype(int) - without.astype(int)).max(axis=2)
    changed = diff > 25
    assert changed.mean() > 0.01, f"the figure barely shows ({changed.mean() * 100:.2f} % of pixels)"
    rows, cols = np.nonzero(changed)
    cy, cx = rows.mean() / size[1], cols.mean() / size[0]
    assert 0.3 < cy < 0.7 and 0.3 < cx < 0.6, f"the figure is not in the middle of the mirror ({cx:.2f}, {cy:.2f})"
    # (the lit face: its dark hair, framing it, is not what must be warm)
    lit = changed & (luma(with_me) > 60)
    warm = with_me[lit].astype(float)
    cold = without[changed].astype(float)
    assert warm[:, 0].mean() > warm[:, 2].mean() + 30, "the figure is not warm"
    assert cold[:, 2].mean() > cold[:, 0].mean() - 5, "the bare mirror there is not cold"
    assert np.array_equal(liquid_with, liquid_without), "the liquid pool shows the figure already"
    pieces = np.abs(broken.astype(int) - broken_without.astype(int)).max(axis=2) > 25
    assert pieces.mean() > 0.005, "the shattered mirror lost the figure"


def skin_of(with_me: np.ndarray, without: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(what the dreamer changes in the mirror, the lit warm skin among it)."""
    changed = np.abs(with_me.astype(int) - without.astype(int)).max(axis=2) > 40
    f = with_me.astype(int)
    return changed, changed & (f[..., 0] > f[..., 2] + 40) & (luma(with_me) > 60)


def test_the_mirror_shows_the_dreamers_face_the_right_way_up(gl, tmp_path):
    """Round 13's readers: "a crude red mannequin in the reflection".  The mirror shows you
    leaning over it, as a floor mirror shows whoever bends over it: your face looking up,
    the right way up on the screen, framed by dark hair.  The lit skin is widest in its upper
    half (the cheeks) and narrows to the chin (the standing figure, head down with its arms
    near the viewer, was widest low: 16 vs 41 px); the hair over the crown, the far edge of
    what the dreamer changes, is dark (172 luma for the old figure's lit legs, 81 now); and it
    fills a good part of the pool (3.4 % of the frame; 1.6 % before)."""
    size = (320, 180)
    with_me, without = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 1.0}, {"harden": 1.0, "dreamer": 0.0}],
                                   [SETTLED], size=size)
    changed, skin = skin_of(with_me, without)
    rows = np.nonzero(skin.any(axis=1))[0]
    widths = skin[rows].sum(axis=1)
    half = len(rows) // 2
    assert widths[:half].max() > widths[half:].max(), \
        f"the skin is widest low ({widths[:half].max()} px above, {widths[half:].max()} below): not a face the right way up"
    top = np.nonzero(changed.any(axis=1))[0][0]
    crown = luma(with_me)[top:top + 6][changed[top:top + 6]].mean()
    assert crown < 110, f"no dark hair over the crown (luma {crown:.0f})"
    assert changed.mean() > 0.025, f"the face is an icon ({changed.mean() * 100:.1f} % of the frame)"


def test_the_pool_lies_on_a_street_not_in_a_void(gl, tmp_path):
    """Around the pool the floor is the city's street: its worn stone, cracks and moss give
    the far floor visible structure (not a flat dark void)."""
    img, = render_cues(gl, tmp_path, [{"harden": 1.0}], [SETTLED], size=(320, 180))
    far = luma(img)[5:50].astype(float)
    lap = np.abs(4 * far[1:-1, 1:-1] - far[:-2, 1:-1] - far[2:, 1:-1] - far[1:-1, :-2] - far[1:-1, 2:])
    lines = (lap > 6).mean()
    assert lines > 0.02, f"the floor has no structure ({lines * 100:.2f} % of pixels on an edge)"


def test_the_street_glows_emerald_in_its_moss_under_a_violet_haze(gl, tmp_path):
    """Round 11: 'a dull grey hex-tiled void ... grey and lifeless'.  The floor is the dream
    city's street: the moss's emerald light glows in its cracks (green over red), and the far
    street sinks into the violet night haze (blue and red over green), not grey."""
    img, = render_cues(gl, tmp_path, [{"harden": 1.0}], [SETTLED], size=(320, 180))
    f = img[5:170].astype(int)
    emerald = ((f[..., 1] - f[..., 0] > 15) & (f[..., 1] > f[..., 2])).mean()
    assert emerald > 0.01, f"the moss is not emerald ({emerald * 100:.2f} % of the floor)"
    haze = img[:20].reshape(-1, 3).astype(float).mean(axis=0)
    assert haze[2] > haze[1] + 12 and haze[0] > haze[1] + 4, f"the far haze is not violet ({haze.round()})"


def test_the_moss_light_pools_round_the_mercury_not_a_grid_of_lines(gl, tmp_path):
    """Round 13's readers: "a neon hex grid" (thin emerald joints between flagstones, all
    over the floor).  The street is one dark wet stone now, its moss glowing in cracks and
    clumps, the light pooled round the mercury: a good share of the floor near the pool
    (below the far rows) is lit emerald (3 % for the grid, 38 % now), while the far floor
    stays dark, its moss unlit."""
    img, = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 0.0}], [SETTLED], size=(320, 180))
    f = img.astype(int)
    emerald = (f[..., 1] - f[..., 0] > 15) & (f[..., 1] > f[..., 2])
    near, far = emerald[60:].mean(), emerald[:30].mean()
    assert near > 0.15, f"the moss light does not pool round the mercury ({near * 100:.1f} % of the near floor)"
    assert far < 0.05, f"the far floor is lit emerald too ({far * 100:.1f} %)"


def test_light_moves_across_the_shards_while_the_broken_mirror_holds(gl, tmp_path):
    """Round 11: the shattered mirror 'near-identical, a static hold' seconds apart.  Each
    loose shard catches the street's violet or emerald light at its own moment, a band running
    slowly across it: two frames 2 s apart differ over a good share of the mirror."""
    a, b = render_cues(gl, tmp_path, [{"fracture": 1.0, "dreamer": 0.0}], [SETTLED, SETTLED + 2.0],
                       size=(320, 180))
    metal = (luma(a) > 90) | (luma(b) > 90)           # (the bright metal)
    moved = (np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 20)[metal].mean()
    assert moved > 0.15, f"only {moved * 100:.1f} % of the shattered mirror changed in 2 s (0.6 % before)"


def test_the_dreamers_red_creeps_out_along_the_cracks(gl, tmp_path):
    """Round 11: after the shatter nothing moves.  `bleed` lets the dreamer's red creep out
    from the struck point along the cracks: more blood-red pixels at bleed 1 than at 0."""
    base = {"tilt": 0.1, "shards": 9, "fracture": 1.0, "dreamer": 1.0}
    still, bled = render_cues(gl, tmp_path, [base, {**base, "bleed": 1.0}], [SETTLED], size=(320, 180))

    def red(img):
        f = img.astype(int)
        return (f[..., 0] - np.maximum(f[..., 1], f[..., 2]) > 60).sum()
    assert red(bled) > red(still) + 40, f"{red(bled)} red pixels bled, {red(still)} before"


def test_the_shattered_mirror_breaks_the_dreamer_across_its_shards_and_bleeds(gl, tmp_path):
    """Round 4: the figure in the mirror looked pasted on, the same whole icon under the cracks.
    Now each loose shard shows its piece of the dreamer moved and turned by its own jolt (even
    at the dream's small tilt), so the figure the shattered mirror shows is not the whole
    mirror's with lines drawn over it; and the cracks through it bleed: blood-red pixels
    appear that neither the whole mirror with the figure nor the shattered one without it
    has."""
    size = (320, 180)
    base = {"tilt": 0.1, "shards": 9}
    whole, whole_bare, broken, broken_bare = render_cues(
        gl, tmp_path, [{**base, "harden": 1.0, "dreamer": 1.0}, {**base, "harden": 1.0, "dreamer": 0.0},
                       {**base, "fracture": 1.0, "dreamer": 1.0}, {**base, "fracture": 1.0, "dreamer": 0.0}],
        [SETTLED], size=size)
    fig_whole = np.abs(whole.astype(int) - whole_bare.astype(int)).max(axis=2) > 40
    fig_broken = np.abs(broken.astype(int) - broken_bare.astype(int)).max(axis=2) > 40
    assert fig_whole.mean() > 0.014 and fig_broken.mean() > 0.01
    overlap = (fig_whole & fig_broken).sum() / (fig_whole | fig_broken).sum()
    assert overlap < 0.62, f"the shards show the figure where the whole mirror did ({overlap:.2f} overlap; 0.74 before the jolts, 0.52 with them)"

    def blood(img):
        f = img.astype(int)
        return f[..., 0] - np.maximum(f[..., 1], f[..., 2]) > 110      # (the lit skin stays under ~100)
    bleeding = blood(broken).sum()
    assert bleeding > 30 and bleeding > 3 * (blood(whole).sum() + blood(broken_bare).sum()) + 20, \
        f"{bleeding} blood-red pixels shattered, {blood(whole).sum()} whole, {blood(broken_bare).sum()} without the figure"


def test_the_dreamer_is_lit_from_within_not_a_flat_cut_out(gl, tmp_path):
    """Round 5 read the figure as 'a crude mannequin', round 6 as 'a low-poly mannequin' (a
    flat, evenly shaded doll).  Now the body is light through flesh: its outline and veins
    glow over the crimson of its thick, as a hand held over a lamp: the figure spans
    dark and bright (not one flat shade), its light warm."""
    size = (320, 180)
    with_me, without = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 1.0}, {"harden": 1.0, "dreamer": 0.0}],
                                   [SETTLED], size=size)
    figure = np.abs(with_me.astype(int) - without.astype(int)).max(axis=2) > 40
    y = luma(with_me)[figure]
    lo, hi = np.percentile(y, 10), np.percentile(y, 90)
    assert hi - lo > 60, f"the figure is evenly shaded, a doll ({lo:.0f} to {hi:.0f} luma)"
    bright = with_me[figure][y >= hi].astype(float)
    assert bright[:, 0].mean() > bright[:, 2].mean() + 40, f"its light is not warm ({bright[:, 0].mean():.0f} red, {bright[:, 2].mean():.0f} blue)"


def test_the_hardened_mercury_is_a_bright_silver_mirror(gl, tmp_path):
    """Round 10: 'the pool reads as purple plastic, not mercury' (it gave back a violet
    night).  Mercury reads as mercury when it mirrors something bright: now the pool gives
    back the city's pale lit haze -- most of the metal is bright and nearly neutral (silver,
    not violet) -- with the towers cut dark into it and highlights that burn: high contrast."""
    img, = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 0.0}], [SETTLED], size=(320, 180))
    f = img.astype(int)
    silver = (luma(img) > 140) & (f.max(axis=2) - f.min(axis=2) < 25)
    assert silver.mean() > 0.08, \
        f"only {silver.mean() * 100:.1f} % of the frame is bright silver (4 % with the violet night, 12 % now)"
    y = luma(img)[pool_mask(img)]
    lo, hi = np.percentile(y, 5), np.percentile(y, 97)
    assert lo < 90 and hi > 225, f"the mirror lacks contrast ({lo:.0f} to {hi:.0f} luma)"


def test_the_pool_is_seen_at_a_glance_and_its_far_rim_mirrors_the_citys_lit_horizon(gl, tmp_path):
    """Round 8: 'a flat cut-out on a murky floor'.  Now the camera stands low over the pool,
    which lies foreshortened at the viewer's feet (much wider than it is tall on screen), and
    its far rim gives back the street's bright haze with the towers cut into it: the far
    third of the pool's rows is bright."""
    img, = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 0.0, "volume": 1.45}], [SETTLED],
                       size=(320, 180))
    metal = pool_mask(img)
    rows = np.nonzero(metal.any(axis=1))[0]
    cols = np.nonzero(metal.any(axis=0))[0]
    assert np.ptp(cols) > 2.4 * np.ptp(rows), f"the pool is seen from above ({np.ptp(cols)} x {np.ptp(rows)} px)"
    y = luma(img)
    top, bottom = rows[0], rows[-1]
    third = (bottom - top) // 3
    far = y[top:top + third][metal[top:top + third]]
    near = y[bottom - third:bottom][metal[bottom - third:bottom]]
    assert np.median(far) > 110, \
        f"the far rim does not mirror the lit horizon ({np.median(far):.0f} far vs {np.median(near):.0f} near)"


def test_the_dreamer_is_warm_flesh_through_and_through_not_an_outline(gl, tmp_path):
    """Round 8 read the figure as 'a crude red outline': the thick of the body was dark inside
    a glowing amber rim.  The face is lit skin through and through: the middle of it (its
    median, eyes and brows included: 136) is a bright red, not dark, and its lit skin warm."""
    size = (320, 180)
    with_me, without = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 1.0}, {"harden": 1.0, "dreamer": 0.0}],
                                   [SETTLED], size=size)
    figure, skin = skin_of(with_me, without)
    rows, cols = np.nonzero(skin)
    box = np.zeros_like(figure)
    box[int(np.percentile(rows, 10)):int(np.percentile(rows, 90)) + 1,
        int(np.percentile(cols, 10)):int(np.percentile(cols, 90)) + 1] = True
    body = with_me[figure & box].astype(float)        # (the face, its eyes and brows included)
    red = np.median(body[:, 0])
    assert red > 125, f"the face's middle is dark (median red {red:.0f})"
    lit = body[luma(body) > 60]                        # (its skin, less the hair, brows and eyes)
    warmth = np.median(lit[:, 0] - lit[:, 2])
    assert warmth > 60, f"the face is not warm (red over blue {warmth:.0f})"


def test_the_far_street_glows_with_the_citys_haze_not_a_black_void(gl, tmp_path):
    """Round 10: '70 % of the frame near-black'.  Far off, the city's lit haze rises off the
    street: the top fifth of the frame (the distant floor) is lifted out of black."""
    img, = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 0.0}], [SETTLED], size=(320, 180))
    top = luma(img)[:36]
    assert top.mean() > 35, f"the far street is a black void (mean luma {top.mean():.0f})"


def test_the_camera_drifts_so_the_held_mirror_is_not_a_static_frame(gl, tmp_path):
    """Round 13's readers: the stills at 173.8 and 175.5 s "near-identical".  `drift` moves
    the camera slowly, lower, closer and round to the right (the dream keys it through the
    cue): the pool seen at drift 1 is larger and lies elsewhere in the frame than at drift 0."""
    still, moved = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 0.0, "drift": 0.0},
                                              {"harden": 1.0, "dreamer": 0.0, "drift": 1.0}], [SETTLED], size=(320, 180))
    a, b = pool_mask(still), pool_mask(moved)
    assert b.sum() > 1.15 * a.sum(), f"the camera did not come closer ({a.sum()} -> {b.sum()} pool pixels)"
    ca, cb = np.argwhere(a).mean(axis=0), np.argwhere(b).mean(axis=0)
    assert np.abs(ca - cb).max() > 6, f"the pool did not move in the frame ({ca.round()} -> {cb.round()})"


def test_the_self_is_a_dark_mercury_silhouette_not_a_lit_face(gl, tmp_path):
    """Round 14's reader: "an uncanny mannequin face".  The self is stylised now: a silhouette
    of dark mercury with red life glowing through it: the warm light the dreamer adds to the
    mirror is blood-red, not skin-toned (its green well under its red)."""
    with_me, without = render_cues(gl, tmp_path, [{"harden": 1.0, "dreamer": 1.0}, {"harden": 1.0, "dreamer": 0.0}],
                                   [SETTLED], size=(320, 180))
    figure = np.abs(with_me.astype(int) - without.astype(int)).max(axis=2) > 40
    f = with_me[figure].astype(float)
    y = luma(with_me)[figure]
    warm = f[(f[:, 0] > f[:, 2] + 40) & (y > 40)]
    ratio = warm[:, 1].mean() / warm[:, 0].mean()
    assert ratio < SKIN_GREEN, f"its warm light is skin-toned (green {ratio:.2f} of red), not life glowing through metal"

