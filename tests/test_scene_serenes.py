"""The Serenes (issue 5, item 1): candle-lit silhouettes with mercury eyes, in eerie unison.

GL tests render on the headless context at small sizes.  One renderer (one compile) serves
each test; parameters change through the renderer's live overrides.  The figures' silhouettes
are read from the scene's ``figures`` pass (its alpha is each pixel's figure coverage), the
poses from the Python side that drives them.
"""
from __future__ import annotations

import functools
import math
from fractions import Fraction

import numpy as np
import pytest

from conftest import drawn_variant

SIZE = (160, 90)


class Player:
    """Renders frames of the one-scene show 'serenes' with parameter overrides."""

    def __init__(self, ctx, size=SIZE, fps=30):
        from visuals.perform.clock import FixedClock
        from visuals.load.paths import SearchPath
        from visuals.load.registry import Registry
        from visuals.render.renderer import RenderConfig, Renderer
        self.registry = Registry(SearchPath.build([]))
        self.scene = self.registry.scene("serenes")
        self.size = size
        self.clock = FixedClock(fps)
        # exact=False: an exact renderer returns its cached image when asked for the frame it
        # drew last, even after the overrides changed.
        self.renderer = Renderer(ctx, self.registry.show("serenes"), self.registry,
                                 RenderConfig(size=size, fps=Fraction(fps), exact=False))

    def frame(self, index: int, **params) -> np.ndarray:
        from visuals.output.pngio import gl_rows_to_image
        from visuals.render.renderer import DeckInputs
        self.renderer.render(self.clock.frame(index), DeckInputs(overrides={"serenes": params}))
        return gl_rows_to_image(self.renderer.read_rgb(), self.size).astype(np.float64)

    def at(self, t: float, **params) -> np.ndarray:
        return self.frame(self.clock.frame_at(t), **params)

    def runner(self):
        return next(r for r in self.renderer.runners.values() if r.scene.name == "serenes")

    def pass_pixels(self, name: str) -> np.ndarray:
        """The contents of one of the scene's passes after the last frame, top row first."""
        tex = self.runner().targets[name].texture
        dtype = {"f1": np.uint8, "f2": np.float16, "f4": np.float32}[tex.dtype]
        data = np.frombuffer(tex.read(), dtype).reshape(tex.size[1], tex.size[0], 4)
        return data[::-1].astype(np.float64)

    def silhouettes(self, t: float, **params) -> np.ndarray:
        """Figure coverage 0..1 per pixel (top row first) at time t."""
        self.at(t, **params)
        return self.pass_pixels("figures")[..., 3] / 255.0

    def release(self):
        self.renderer.release()


@pytest.fixture
def player(gl):
    p = Player(gl)
    yield p
    p.release()


@functools.lru_cache(maxsize=None)
def _module():
    """The scene module (for its pose and flicker functions and constants) and the scene."""
    import importlib
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    scene = Registry(SearchPath.build([])).scene("serenes")
    return importlib.import_module(type(scene).__module__), scene


def _defaults(**over):
    _, scene = _module()
    params = scene.params.defaults()
    params.update(over)
    return params


def _to_px(mod, X: float, Y: float, size) -> tuple[float, float]:
    """A point of the figures' plane (metres) to pixel column and row (row 0 at the top)."""
    w, h = size
    sx = X * mod.CAM_F / mod.CAM_D
    sy = (Y - mod.CAM_Y) * mod.CAM_F / mod.CAM_D
    return sx * h + w / 2.0, h / 2.0 - sy * h


def _extremes(scene):
    """Each parameter at its low and its high end (colours black and white), then every
    number at its low end and everything at its high end.  (A black wall under the
    dimmest candles is a black frame by design, so "all lo" keeps the colours.)"""
    cases = []
    lows, highs = {}, {}
    for param in scene.params:
        if param.kind == "color":
            lo, hi = "#000000", "#ffffff"
        else:
            lo, hi = param.lo, param.hi
            lows[param.name] = lo
        highs[param.name] = hi
        cases += [(f"{param.name}=lo", {param.name: lo}), (f"{param.name}=hi", {param.name: hi})]
    return cases + [("all lo", lows), ("all hi", highs)]


def _wall_line_row(size) -> int:
    """The pixel row (from the top) where the floor meets the wall."""
    mod, _ = _module()
    return round(size[1] / 2 + mod.CAM_Y / (mod.CAM_D + mod.WALL_Z) * mod.CAM_F * size[1])


def _assert_sane(img: np.ndarray, label: str, figures: np.ndarray, size=SIZE, beneath=None,
                 window=None):
    """Not black, not flat, and no black hole (NaN reads back as black) on the wall where
    the neighbourhood is lit, away from the figures (which are dark, and thin at this
    size); the floor's plank gaps are legitimately dark lines."""
    assert img.shape == (size[1], size[0], 3), label
    assert img.mean() > 2.0, f"{label}: frame is black (mean {img.mean():.2f})"
    assert img.std() > 1.0, f"{label}: frame is flat (std {img.std():.2f})"
    lum = img.mean(axis=2)
    h, w = lum.shape
    pad = np.pad(lum, 2, mode="edge")
    # the median, not the mean: a dark pixel beside a thin bright line (the silk of the
    # voices) has a dark neighbourhood; a hole in a lit area has a lit one
    local = np.median(np.stack([pad[dy:dy + h, dx:dx + w] for dy in range(5) for dx in range(5)]), axis=0)
    fpad = np.pad(figures, 1, mode="edge")
    near_figure = sum(fpad[dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)) > 0.02
    holes = (lum < 0.25 * local) & (local > 30.0) & ~near_figure
    holes[_wall_line_row(size) - 1:] = False
    if window is not None:
        # the window's own dark lines (its mullions, the towers against the night sky)
        c0, r0, c1, r1 = window
        holes[max(r0, 0):r1, max(c0, 0):c1] = False
    if beneath is not None:
        # a layer that only adds light (the silk) can darken a pixel only by a NaN: a dark
        # pixel it did not darken is the sane frame's own darkness between bright bands
        holes &= lum < beneath.mean(axis=2) - 1.0
    assert not holes.any(), f"{label}: {int(holes.sum())} black holes in a lit area"


def _figures(player) -> np.ndarray:
    return player.pass_pixels("figures")[..., 3] / 255.0


# ---------------------------------------------------------------- rendering

def test_renders_a_dark_warm_stage(player):
    img = player.at(2.0)
    _assert_sane(img, "defaults", _figures(player))
    line = _wall_line_row(SIZE)
    # Warm: red over blue in the lit lower wall; dark: the top of the wall, far from the
    # candles, is darker than the wall just above the floor (the bright three quarters of
    # each band, so that the dark figures in front do not count).
    lower = img[line - 12:line - 2]
    top = img[:8]
    lum = lambda a: np.percentile(a @ np.array([0.2126, 0.7152, 0.0722]), 75)
    assert lower[..., 0].mean() > 1.3 * lower[..., 2].mean()
    assert lum(top) < 0.6 * lum(lower), (lum(top), lum(lower))
    assert img.mean() < 90, "the stage is candle-lit, not bright"


@pytest.mark.parametrize("t", [1.5, 6.0])
def test_no_nan_black_or_flat_frame_at_parameter_extremes(player, t):
    for label, params in _extremes(player.scene):
        beneath = player.at(t, **{**params, "voices": 0.0}) if params.get("voices") else None
        img = player.at(t, **params)
        # (the portrait shot: its figure is the modelled bust, whose face lies in shadow)
        portrait = float(params.get("portrait", 0.0)) >= 0.5
        lovers = float(params.get("profiles", 0.0)) >= 0.5      # (the lovers' shot: two busts)
        woman = float(params.get("close_woman", 0.0)) >= 0.5    # (the woman close)
        if portrait or lovers or woman:     # (its G-buffer is baked at twice the frame's size)
            geo = player.pass_pixels("woman_geo" if woman else "lovers_geo" if lovers
                                     else "portrait_geo")[..., 3]
            figures = geo.reshape(img.shape[0], 2, img.shape[1], 2).max(axis=(1, 3))
        elif _module()[0].close_shot_shown(params) in ("row", "alone"):
            # (round 24: the modelled row's fold valleys fall to black, as a figure's may:
            # its own G-buffer's coverage says where the figures stand)
            from test_serenes_row import _frame_of
            shot = _module()[0].close_shot_shown(params)
            figures = _frame_of(player.pass_pixels(f"{shot}_geo"), img.shape)[..., 3]
            if shot in ("alone", "row"):
                # (round 28: her candle stands close at her left, its dark stand and the
                # bench's legs against the brightest of the wall and boards: their own dark,
                # not holes -- the stand under the flame, the brightest pixel, and a pixel
                # round her bake's cover; round 30: the row exposed at 0.88 lit the boards
                # round its two candles' dark stands as brightly -- each stand under its
                # flame, the brightest pixel and the brightest 10 columns from it)
                lum = img.mean(axis=2)
                figures = figures.copy()
                fy, fx = np.unravel_index(np.argmax(lum), img.shape[:2])
                figures[fy:, max(fx - 2, 0):fx + 3] = 1.0
                if shot == "row":
                    far = lum.copy()
                    far[:, max(fx - 10, 0):fx + 11] = -1.0
                    gy, gx = np.unravel_index(np.argmax(far), img.shape[:2])
                    figures[gy:, max(gx - 2, 0):gx + 3] = 1.0
                fp = np.pad(figures, 1, mode="edge")
                figures = np.maximum.reduce([fp[dy:dy + img.shape[0], dx:dx + img.shape[1]]
                                             for dy in range(3) for dx in range(3)])
        else:
            figures = _figures(player)
        _assert_sane(img, label, figures, beneath=beneath,
                     window=_window_box(params) if params.get("window") else None)
        for name in ("occluder", "shadow", "figures", "haze", "portrait_geo", "portrait_mat",
                     "lovers_geo", "lovers_mat", "woman_geo", "woman_mat"):
            data = player.pass_pixels(name)
            assert np.isfinite(data).all(), f"{label}: NaN or inf in pass {name}"


def test_count_sets_the_number_of_figures(player):
    mod, _ = _module()
    for n in (1, 3, 9):
        cov = player.silhouettes(2.0, count=n, sway=0.0)
        # figures are separate columns of coverage at chest height (round 15: their veils
        # widen to the floor, where a crowd of nine touch hem to hem)
        row = cov[round(_to_px(mod, 0.0, 1.0, SIZE)[1])]
        solid = row > 0.5
        blobs = int(solid[0]) + int(np.count_nonzero(solid[1:] & ~solid[:-1]))
        assert blobs == n, f"count={n}: {blobs} silhouettes"


# ---------------------------------------------------------------- sync

def _head_shift(poses_a, poses_b, n):
    """Per figure: head displacement (m) between two pose sets."""
    return poses_b[:n, 2] - poses_a[:n, 2]


def test_sync_one_poses_are_identical_and_zero_differ():
    mod, _ = _module()
    n = 5
    for sync, same in ((1.0, True), (0.0, False)):
        params = _defaults(count=n, sync=sync, sway=0.8)
        a1, b1 = mod.figure_poses(3.0, 7, params)
        a2, b2 = mod.figure_poses(5.0, 7, params)
        shift = _head_shift(a1, a2, n)
        assert np.abs(shift).max() > 0.03, "the figures move"
        spread = shift.max() - shift.min()
        if same:
            assert spread < 1e-6
            # every pose value but position, height and variant is shared
            assert np.allclose(a1[:n, 2:], a1[0, 2:]) and np.allclose(b1[:n, :3], b1[0, :3])
        else:
            assert spread > 0.03, f"sync 0: the figures move alike (spread {spread:.3f} m)"


def test_sync_changes_poses_continuously():
    mod, _ = _module()
    prev = None
    for sync in np.linspace(0.0, 1.0, 41):
        a, b = mod.figure_poses(4.0, 3, _defaults(sync=float(sync), sway=1.0))
        cur = np.concatenate([a[:, 2:].ravel(), b[:, :3].ravel()])
        if prev is not None:
            assert np.abs(cur - prev).max() < 0.08, "sync must not make poses jump"
        prev = cur


def _silhouette_shifts(player, t1, t2, n, **params):
    """Per figure: the horizontal shift (px) of its upper body between two times, measured
    on the rendered silhouettes (coverage-weighted column centroid within its own strip)."""
    mod, _ = _module()
    w, h = player.size
    layout = mod.figure_layout(player.renderer.seed, n)
    c1 = player.silhouettes(t1, count=n, **params)
    c2 = player.silhouettes(t2, count=n, **params)
    cols = np.arange(w, dtype=np.float64)
    shifts = []
    for i in range(n):
        x, height = layout[i, 0], layout[i, 1]
        cx, _ = _to_px(mod, x, 0.0, player.size)
        half = 0.5 * min(0.86, 4.3 / n) * mod.CAM_F / mod.CAM_D * h
        # the head only: the raised hands stay below the chin
        top = round(_to_px(mod, x, height * 0.96, player.size)[1])
        neck = round(_to_px(mod, x, height * 0.845, player.size)[1])
        strip = (cols > cx - half) & (cols < cx + half)
        cent = []
        for cov in (c1, c2):
            region = cov[top:neck][:, strip]
            cent.append((region.sum(axis=0) * cols[strip]).sum() / max(region.sum(), 1e-9))
        shifts.append(cent[1] - cent[0])
    return np.array(shifts)


def test_sync_one_silhouettes_move_in_unison_and_zero_do_not(gl):
    p = Player(gl, (320, 180))
    try:
        together = _silhouette_shifts(p, 3.0, 6.0, 5, sync=1.0, sway=1.0)
        apart = _silhouette_shifts(p, 3.0, 6.0, 5, sync=0.0, sway=1.0)
    finally:
        p.release()
    # the heads move by several pixels, all by the same amount at sync 1 ...
    assert np.abs(together).min() > 2.0, together
    assert together.max() - together.min() < 0.6, together
    # ... and each its own way at sync 0
    assert apart.max() - apart.min() > 2.0, apart


def test_the_shadows_fall_where_the_candle_projects_the_figures(player):
    # A shadow is the figures' SDF seen from the candle: the leftmost figure of a crowd darkens
    # the wall where the ray from the candle through its robe meets the wall; a lone figure
    # in the middle leaves that spot lit.
    mod, _ = _module()
    params = dict(sway=0.0, backdrop=0.0, candles=1, flicker=0.0)
    crowd = player.at(2.0, count=9, **params).mean(axis=2)
    lone = player.at(2.0, count=1, **params).mean(axis=2)
    cx, cy, cz = mod.candle_states(2.0, player.renderer.seed, _defaults(**params))[0][0, :3]
    x0 = mod.figure_layout(player.renderer.seed, 9)[0, 0]
    m = (mod.WALL_Z - cz) / (0.0 - cz)                 # magnification on the wall
    for y_fig in (0.9, 1.3):
        X, Y = cx + (x0 - cx) * m, cy + (y_fig - cy) * m
        sx = X * mod.CAM_F / (mod.CAM_D + mod.WALL_Z)
        sy = (Y - mod.CAM_Y) * mod.CAM_F / (mod.CAM_D + mod.WALL_Z)
        col, row = round(sx * SIZE[1] + SIZE[0] / 2), round(SIZE[1] / 2 - sy * SIZE[1])
        patch = (slice(row - 1, row + 2), slice(col - 1, col + 2))
        assert crowd[patch].mean() < 0.6 * lone[patch].mean(), (y_fig, crowd[patch], lone[patch])


# ---------------------------------------------------------------- eyes

def _eye_pixels(mod, a, size):
    """Pixel positions (col, row) of both eyes of each figure in pose array a."""
    out = []
    for x, height, lean, tilt in a:
        if height <= 0:
            continue
        for side in (-1.0, 1.0):
            # as figure_eye in serenes.glsl
            nk = np.array([0.0, mod.NECK_TOP])
            local = np.array([side * mod.EYE_OFFSET[0], mod.EYE_OFFSET[1]])
            c, s = math.cos(-tilt), math.sin(-tilt)
            d = local - nk
            local = nk + np.array([c * d[0] - s * d[1], s * d[0] + c * d[1]])
            k = local[1] / 0.9
            local[0] += lean / height * k * k
            out.append(_to_px(mod, x + local[0] * height, local[1] * height, size))
    return np.array(out)


@pytest.mark.parametrize("eyes", [0.0, 0.35])
def test_eyes_are_the_brightest_highlights_of_the_figures(gl, eyes):
    size = (320, 180)
    p = Player(gl, size)
    try:
        img = p.at(2.5, eyes=eyes)
        cov = p.pass_pixels("figures")[..., 3] / 255.0
        seed = p.renderer.seed
    finally:
        p.release()
    mod, _ = _module()
    a, _ = mod.figure_poses(2.5, seed, _defaults(eyes=eyes))
    eyes_px = _eye_pixels(mod, a, size)
    lum = img.mean(axis=2)
    # the figures' region: pixels a figure covers, above the candles in front of them
    region = cov > 0.5
    region[round(_to_px(mod, 0.0, 0.8, size)[1]):] = False
    ys, xs = np.nonzero(region)
    vals = lum[ys, xs]
    brightest = np.argsort(vals)[-8:]
    for k in brightest:
        dist = np.hypot(eyes_px[:, 0] - xs[k], eyes_px[:, 1] - ys[k]).min()
        assert dist < 3.0, f"a bright pixel at {(xs[k], ys[k])} is not an eye (eyes={eyes})"
    # and the eyes stand out: brighter than almost all of the figures' bodies
    at_eyes = np.array([lum[int(round(r)), int(round(c))] for c, r in eyes_px])
    assert np.median(at_eyes) > np.percentile(vals, 97)


def test_eye_glow_brightens_the_eyes(gl):
    size = (320, 180)
    p = Player(gl, size)
    try:
        dim = p.at(2.5, eyes=0.0).mean(axis=2)
        glow = p.at(2.5, eyes=1.0).mean(axis=2)
        seed = p.renderer.seed
    finally:
        p.release()
    mod, _ = _module()
    a, _ = mod.figure_poses(2.5, seed, _defaults())
    e = _eye_pixels(mod, a, size).round().astype(int)
    assert glow[e[:, 1], e[:, 0]].mean() > dim[e[:, 1], e[:, 0]].mean() + 15


# ---------------------------------------------------------------- candles

def test_flicker_makes_the_light_breathe(player):
    def variance(flicker):
        means = [player.at(t, flicker=flicker, sway=0.0, backdrop=0.0).mean()
                 for t in np.arange(1.0, 9.0, 0.25)]
        return float(np.var(means))
    still, flickering = variance(0.0), variance(1.0)
    assert flickering > 4.0 * still + 0.05, (still, flickering)


def test_flicker_is_deterministic_with_dips():
    mod, _ = _module()
    params = _defaults(flicker=1.0)
    ts = np.arange(0.0, 60.0, 1.0 / 30.0)
    level = np.array([mod.candle_states(t, 5, params)[1][0, 2] for t in ts])
    again = np.array([mod.candle_states(t, 5, params)[1][0, 2] for t in ts])
    assert np.array_equal(level, again)
    assert level.min() < 0.75, "draughts dip the flame"
    steps = np.abs(np.diff(level)).max()
    assert steps < 0.35 * (level.max() - level.min()), "the flicker is smooth, not noise"
    still = _defaults(flicker=0.0)
    steady = np.array([mod.candle_states(t, 5, still)[1][0, 2] for t in ts])
    assert np.allclose(steady, 1.0)


def test_candle_light_level(player):
    dim = player.at(2.0, candle=0.2)
    bright = player.at(2.0, candle=2.0)
    assert bright.mean() > dim.mean() + 15
    # dim candles burn redder
    assert dim[..., 0].mean() / max(dim[..., 1].mean(), 1e-6) > bright[..., 0].mean() / bright[..., 1].mean()


# ---------------------------------------------------------------- the city

def test_backdrop_lets_the_city_through(player):
    assert "city" in player.scene.bindings
    alone = player.at(2.0, backdrop=0.0)
    city = player.at(2.0, backdrop=1.0)
    diff = np.abs(city - alone).mean(axis=2)
    assert diff.mean() > 1.0, "the city shows through the wall"
    mod, _ = _module()
    line = round(SIZE[1] / 2 + mod.CAM_Y / (mod.CAM_D + mod.WALL_Z) * mod.CAM_F * SIZE[1])
    assert diff[:line].mean() > 2.0 * diff[line + 1:].mean(), "through the wall, not the floor"


# ---------------------------------------------------------------- determinism, scale

def test_layout_and_poses_are_deterministic_and_seeded():
    mod, _ = _module()
    params = _defaults(sync=0.3)
    a1 = [mod.figure_poses(t, 11, params) for t in (0.0, 2.0, 9.5)]
    a2 = [mod.figure_poses(t, 11, params) for t in (0.0, 2.0, 9.5)]
    for (x, y), (u, v) in zip(a1, a2):
        assert np.array_equal(x, u) and np.array_equal(y, v)
    assert not np.array_equal(mod.figure_layout(11, 5), mod.figure_layout(12, 5))


def test_same_composition_at_any_resolution(gl):
    # (without the city: the bound scene renders at an eighth of the frame, 20x11 here,
    # which is its own business)
    small, large = Player(gl, (160, 90)), Player(gl, (640, 360))
    try:
        a = small.at(3.0, backdrop=0.0)
        b = large.at(3.0, backdrop=0.0)
    finally:
        small.release()
        large.release()
    b = b.reshape(90, 4, 160, 4, 3).mean(axis=(1, 3))
    assert np.abs(a - b).mean() < 2.5


# ---------------------------------------------------------------- the woman alone

def test_a_seated_figure_sits_low_on_a_bench(player):
    """Seated, the lone figure's head sinks and a bench shows either side of her gown."""
    standing = player.silhouettes(2.0, count=1, seated=0.0, sway=0.0)
    seated = player.silhouettes(2.0, count=1, seated=1.0, sway=0.0)
    top = lambda cov: np.nonzero((cov > 0.5).any(axis=1))[0].min()
    assert top(seated) > top(standing) + 0.12 * SIZE[1], (top(seated), top(standing))
    widest = lambda cov: (cov > 0.5).sum(axis=1).max()
    assert widest(seated) > widest(standing) + 4, "the bench is wider than the gown"


def test_the_tremor_is_a_stutter_not_a_smooth_shake():
    """The hands hold still between jumps (a digital stutter): sampled at 120 fps, the
    tremor angle mostly repeats the last value, and when it changes it jumps."""
    mod, _ = _module()
    params = _defaults(count=1, seated=1.0, tremor=1.0)
    angles = np.array([mod.figure_extras(t, 5, params)[0, 1] for t in np.arange(0.0, 6.0, 1.0 / 120.0)])
    steps = np.abs(np.diff(angles))
    held = (steps == 0.0).mean()
    assert held > 0.8, f"held {held:.2f} of the time"
    jumps = steps[steps > 0.0]
    assert len(jumps) > 20 and np.median(jumps) > 0.05, (len(jumps), np.median(jumps))
    calm = np.array([mod.figure_extras(t, 5, _defaults(count=1, seated=1.0, tremor=0.0))[0, 1:]
                     for t in np.arange(0.0, 2.0, 0.1)])
    assert not calm.any(), "no tremor at 0"


def _figure_light(player, t: float, **params) -> np.ndarray:
    """The figures pass's light per pixel (encoded 0..1, summed over rgb) at time t: the dark
    hands held up before the gown move within its silhouette, so it is the candle's rim on
    their edges that shows the tremor, not the coverage."""
    player.at(t, **params)
    return player.pass_pixels("figures")[..., :3].sum(axis=2) / 255.0


def test_trembling_hands_move_between_frames_and_still_ones_do_not(player):
    """Frames a stutter step apart: with the tremor the hands (their outline and their light
    against the gown) change, without it (and with no sway) nothing does."""
    mod, _ = _module()
    still = dict(count=1, seated=1.0, sway=0.0, closeup=1.0, flicker=0.0)
    seed = player.renderer.seed
    # two times whose tremor angles differ clearly
    times = [t for t in np.arange(1.0, 4.0, 1.0 / 14.0)]
    pick = next((a, b) for a, b in zip(times, times[1:])
                if abs(mod.figure_extras(a, seed, _defaults(**still, tremor=1.0))[0, 1]
                       - mod.figure_extras(b, seed, _defaults(**still, tremor=1.0))[0, 1]) > 0.1)
    # (pixels whose light changes clearly: the dither and the gown's slow folds move by a
    # level or two, a hand's lit rim moving in or out of a pixel by far more -- round 11: the
    # hands are dark, only their rim is lit, so the change is smaller than the pale hands')
    a = _figure_light(player, pick[0], **still, tremor=1.0)
    b = _figure_light(player, pick[1], **still, tremor=1.0)
    moved = int((np.abs(a - b) > 0.04).sum())
    assert moved > 15, moved
    c = _figure_light(player, pick[0], **still, tremor=0.0)
    d = _figure_light(player, pick[1], **still, tremor=0.0)
    still_moved = int((np.abs(c - d) > 0.04).sum())
    # (round 14: her outline is smoke, drifting slowly: a pixel or two of it may change in a
    # fourteenth of a second, far fewer than the stutter moves)
    assert still_moved < max(4, moved // 10), (still_moved, moved)


def test_their_voices_are_silk_in_the_air_and_silent_at_zero(player):
    """voices > 0 lays bright bands of silk across the stage (many pixels brighter), voices 0
    draws nothing at all (the frame equals one without the pass's light).  Round 18 replaced
    "silk only adds light" (the reader: "generic light streaks"): silk is cloth, its
    half-translucent body dims the lit stage behind it where its sheen is faint -- some
    pixels are darker than without it (none on main)."""
    silent = player.at(3.0, voices=0.0)
    again = player.at(3.0, voices=0.0)
    singing = player.at(3.0, voices=0.9)
    assert np.array_equal(silent, again)
    lift = singing.mean(axis=2) - silent.mean(axis=2)
    assert (lift > 20).mean() > 0.03, (lift > 20).mean()
    assert (lift < -1).sum() > 0, "the silk has no body: it only adds light"
    # the bands span the stage, left to right
    cols = np.nonzero((lift > 20).any(axis=0))[0]
    assert cols.min() < 0.15 * SIZE[0] and cols.max() > 0.85 * SIZE[0]


def _one_figure(gl, size, t: float, **params):
    """The figures' coverage at time T with PARAMS, the scene's module, and the poses it drew
    (the render's own seed), so a test can find a limb's pixels from where the pose puts it."""
    p = Player(gl, size)
    try:
        cov = p.silhouettes(t, **params)
        seed = p.renderer.seed
    finally:
        p.release()
    mod, _ = _module()
    return cov, mod, mod.figure_poses(t, seed, _defaults(**params))


def test_the_seated_woman_has_a_lap(gl):
    """Round 2: the woman was a cone in front of a bench; she did not really sit. Seated, her
    gown is drawn over her knees: at the lap the silhouette is far wider than the cloth
    falling from the knees to the floor (measured between the bench's legs)."""
    size = (320, 180)
    cov, mod, (a, _) = _one_figure(gl, size, 2.0, count=1, seated=1.0, sway=0.0, tremor=0.0)
    x, height = float(a[0][0]), float(a[0][1])

    def width(py):
        col, row = _to_px(mod, x, py * height, size)
        half = abs(_to_px(mod, x + 0.15 * height, 0.0, size)[0] - col)
        span = cov[int(round(row)), int(col - half):int(col + half) + 1]
        return (span > 0.5).sum()

    lap, below = width(0.255), width(0.12)
    assert lap > 1.3 * below, (lap, below)


def test_the_silk_is_not_striped_like_film(gl):
    """Round 2: the silk was evenly striped across its length, like film strip or measuring
    tape. Its sheen now glides in soft folds: along the stage its light changes gently from
    column to column, without a comb of sharp, even stripes."""
    size = (320, 180)
    p = Player(gl, size)
    try:
        silent = p.at(3.0, voices=0.0).mean(axis=2)
        singing = p.at(3.0, voices=0.9).mean(axis=2)
    finally:
        p.release()
    lift = np.clip(singing - silent, 0.0, None)
    along = lift.sum(axis=0)                  # the silk's light in each column
    rough = np.abs(np.diff(along)).mean() / along.mean()
    # (0.11 with the even stripes; 0.05 before round 7, 0.062 since the silk winds behind the
    # figures and is hidden at their outlines, a few true steps that are not stripes)
    assert rough < 0.075, rough


# ---------------------------------------------------------------- not clones (round 4)

def test_character_makes_each_figure_its_own_while_they_move_in_unison():
    """character 1: heights, stances and head tilts differ from figure to figure (not
    cut-outs of one shape), yet at sync 1 they all sway the same way at the same moment."""
    mod, _ = _module()
    n = 5
    plain = mod.figure_poses(3.0, 7, _defaults(count=n, sync=1.0, sway=0.8))[0]
    a1, b1 = mod.figure_poses(3.0, 7, _defaults(count=n, sync=1.0, sway=0.8, character=1.0))
    a2, _ = mod.figure_poses(3.5, 7, _defaults(count=n, sync=1.0, sway=0.8, character=1.0))
    heights = a1[:n, 1]
    assert heights.max() - heights.min() > 1.5 * (plain[:n, 1].max() - plain[:n, 1].min()), heights
    assert np.ptp(a1[:n, 3]) > 0.15, f"the heads all tilt alike: {a1[:n, 3]}"
    assert np.ptp(a1[:n, 2]) > 0.1, f"the figures all lean alike: {a1[:n, 2]}"
    assert np.ptp(b1[:n, 0]) > 0.1 or np.ptp(b1[:n, 1]) > 0.1, "the arms are all held alike"
    moves = a2[:n, 2] - a1[:n, 2]
    assert (np.sign(moves) == np.sign(moves[0])).all() and np.abs(moves).min() > 1e-3, moves


def test_canon_passes_the_movement_along_the_row():
    """canon 1: the same sway reaches each figure a little after the one on its left: over a
    cycle, each figure's lean peaks later than its left neighbour's."""
    mod, _ = _module()
    n = 5
    params = _defaults(count=n, sync=1.0, sway=0.8, canon=1.0)
    pace = params["pace"]
    ts = np.linspace(0.0, 1.0 / pace, 400)
    leans = np.array([mod.figure_poses(float(t), 7, params)[0][:n, 2] for t in ts])
    # the phase of each figure's lean, from its first Fourier component over the cycle
    phase = np.angle((leans * np.exp(-2j * np.pi * pace * ts)[:, None]).sum(axis=0))
    lag = np.diff(np.unwrap(phase))
    assert (lag < -0.2).all() or (lag > 0.2).all(), f"the movement does not pass along the row: {lag}"
    same = np.array([mod.figure_poses(float(t), 7, _defaults(count=n, sync=1.0, sway=0.8))[0][:n, 2] for t in ts[:5]])
    assert np.allclose(same, same[:, :1]), "canon 0 must keep them all at once"


# ---------------------------------------------------------------- the child and the lovers

def test_the_child_is_small_and_bobs_on_a_clock_and_the_lovers_turn_to_each_other():
    """child 1: the leftmost figure stands 1.2 m (the others over 2 m), its head ticking from
    side to side on a regular clock (a programmed joy).  lovers 1: the two rightmost lean in
    towards each other and move as each other's mirror image."""
    mod, _ = _module()
    n = 5
    params = _defaults(count=n, sync=1.0, sway=0.8, child=1.0, lovers=1.0)
    a, b = mod.figure_poses(3.1, 7, params)
    assert a[0, 1] == pytest.approx(mod.CHILD_HEIGHT) and a[1:n, 1].min() > 2.0
    tilts = [mod.figure_poses(t, 7, params)[0][0, 3] for t in np.arange(0.0, 3.0, 0.25)]
    assert max(tilts) - min(tilts) > 0.15 and len(set(np.round(tilts, 4))) == 2, tilts
    i, j = mod.lovers_pair(n)
    assert (i, j) == (3, 4)
    assert a[i, 2] > 0.03 and a[j, 2] < -0.03, "the lovers do not lean towards each other"
    for t in (1.0, 4.0, 7.0):
        p = mod.figure_poses(t, 7, params)[0]
        assert p[i, 2] == pytest.approx(-p[j, 2], abs=1e-6), "the lovers are not each other's mirror"
        assert p[i, 3] - a[i, 3] == pytest.approx(-(p[j, 3] - a[j, 3]), abs=1e-6)
    assert mod.lovers_pair(2) == (-1, -1)


def test_neural_threads_of_light_link_the_lovers_minds(gl):
    """lovers > 0 draws threads of pale-cyan light arcing between the two lovers' heads (and
    nothing elsewhere); lovers 0 draws none."""
    mod, _ = _module()
    size = (320, 180)
    p = Player(gl, size)
    try:
        common = dict(count=5, sway=0.5, voices=0.0, flicker=0.0)
        without = p.at(3.0, lovers=0.0, **common)
        linked = p.at(3.0, lovers=1.0, **common)
        a, _ = mod.figure_poses(3.0, p.renderer.seed, _defaults(lovers=1.0, **common))
    finally:
        p.release()
    i, j = mod.lovers_pair(5)
    # the heads on screen, and the box above and between them
    (xi, yi), (xj, yj) = (_to_px(mod, a[k, 0], a[k, 1] * 0.9, size) for k in (i, j))
    x0, x1 = int(min(xi, xj)) - 6, int(max(xi, xj)) + 7
    y0, y1 = int(min(yi, yj) - 0.2 * size[1]), int(max(yi, yj)) + 6
    diff = linked - without
    box = np.zeros(size[::-1], bool)
    box[max(y0, 0):y1, x0:x1] = True
    lit = (diff[..., 2] > 12) & (diff[..., 2] > diff[..., 0] + 4)      # cyan light added
    assert lit[box].sum() >= 15, f"no threads between the lovers ({lit[box].sum()} px lit)"
    # (outside: only the lovers' mercury eyes, moved as they lean in)
    assert lit[~box].sum() < 0.25 * lit[box].sum() + 20, "the threads' light is not where the lovers are"
    glow = diff[lit & box].mean(axis=0)
    assert glow[2] > glow[0], f"the threads are not pale cyan: {glow}"


def test_the_trembling_hands_leave_after_images_where_they_were():
    """Round 6: in a still the tremor must read.  Alone, seated, trembling, her hands leave
    faint after-images where they were one and two stutter steps ago (hand_echoes); none
    when she is still, when several stand, or while her hands are frozen."""
    mod, _ = _module()
    seed = 5
    woman = dict(count=1, seated=1.0, closeup=1.0, sway=0.0, tremor=1.0)
    res = (640, 360)
    times = np.arange(1.0, 6.0, 1.0 / mod.TREMOR_RATE)

    def offsets(t, **params):
        e1, e2, box, mix = mod.hand_echoes(float(t), seed, _defaults(**{**woman, **params}), res)
        return np.abs(np.array(e1)).max(), mix[0], box

    moving = [t for t in times if offsets(t)[0] > 0.002]
    assert len(moving) > 0.3 * len(times), "the hands jump from step to step"
    assert len(moving) < len(times), "and are frozen now and then: no echo then"
    size, amount, box = offsets(moving[0])
    assert amount == 1.0
    assert 0.0 < box[0] < box[2] < 1.0 and 0.0 < box[1] < box[3] < 1.0
    assert offsets(moving[0], tremor=0.0)[:2] == (0.0, 0.0)
    assert offsets(moving[0], count=5)[:2] == (0.0, 0.0)


def test_the_echoes_light_the_dark_gown_beside_the_hands(gl):
    """The after-images are drawn: at a step where the hands jumped, pixels of the dark gown
    or wall (the figures pass dark there) take the light of where a hand was; without the
    tremor none do.  Round 14: the colour split stays subtle -- the cyan and magenta split
    read as "a rainbow outline" round sticker hands.  Round 18 replaced its "no echo pixel
    turns blue" (the reader: "the hand glitch reads as a smear" -- the glitch is to be a
    crisp digital artefact, sliced, with a colour split): the torn after-image's red and
    blue lie a pixel or two apart, so a few echo pixels turn cold or magenta (blue over red
    by more than 12 levels, or red and blue over green by 30: 11 of 106 here, none on
    main), but fewer than a third of them -- a
    split at the edges of the torn slices, never a rainbow outline."""
    mod, _ = _module()
    p = Player(gl, size=(320, 180))
    try:
        seed = p.renderer.seed
        woman = dict(count=1, seated=1.0, closeup=0.3, sway=0.0, flicker=0.0)
        t = next(t for t in np.arange(1.0, 6.0, 1.0 / mod.TREMOR_RATE)
                 if np.abs(np.array(mod.hand_echoes(float(t), seed, _defaults(**woman, tremor=1.0),
                                                    (320, 180))[0])).max() > 0.01)

        def frame(tremor):
            img = p.at(float(t), **woman, tremor=tremor).astype(float)
            fig = p.pass_pixels("figures").astype(float)
            return img, fig[..., :3].sum(axis=2) < 150

        on, dark = frame(1.0)
        off, _ = frame(0.0)
        echo = dark & (on.sum(axis=2) - off.sum(axis=2) > 24)
        assert echo.sum() > 6, int(echo.sum())
        r, g, b = on[..., 0][echo], on[..., 1][echo], on[..., 2][echo]
        split = (b - r > 12) | ((r + b) / 2 - g > 30)
        assert 3 <= split.sum() < echo.sum() / 3, (int(split.sum()), int(echo.sum()))
    finally:
        p.release()


def test_the_hands_glitch_is_torn_in_rows_not_smeared(gl):
    """Round 18: "the hand glitch reads as a smear".  The after-images are cut into rows a
    few pixels high and torn sideways row by row, hard-edged: the light the tremor adds
    round the hands changes more from one row to the next than from one column to the next
    -- at 640x360, over the first six stutter steps with an echo, the mean of (mean |step
    down a column|) / (mean |step along a row|) is over 1.4 (1.49 now; 1.27 on main's soft
    after-images)."""
    mod, _ = _module()
    size = (640, 360)
    p = Player(gl, size)
    try:
        seed = p.renderer.seed
        woman = dict(count=1, seated=1.0, closeup=0.3, sway=0.0, flicker=0.0)
        trembling = _defaults(**woman, tremor=1.0)
        times = [t for t in np.arange(1.0, 8.0, 1.0 / mod.TREMOR_RATE)
                 if np.abs(np.array(mod.hand_echoes(float(t), seed, trembling, size)[0])).max() > 0.01][:6]
        assert len(times) == 6
        ratios = []
        for t in times:
            light = np.clip(p.at(float(t), **woman, tremor=1.0) - p.at(float(t), **woman, tremor=0.0),
                            0.0, None).sum(axis=2)
            x0, y0, x1, y1 = mod.hand_echoes(float(t), seed, trembling, size)[2]
            e = light[int((1 - y1) * size[1]):int((1 - y0) * size[1]) + 1,
                      int(x0 * size[0]):int(x1 * size[0]) + 1]
            ratios.append(np.abs(np.diff(e, axis=0)).mean() / max(np.abs(np.diff(e, axis=1)).mean(), 1e-6))
    finally:
        p.release()
    assert np.mean(ratios) > 1.4, ratios


def test_the_woman_alone_sits_in_a_pool_of_light_in_true_black(player):
    """Round 6: her frame read as murky brown, lit evenly edge to edge.  Close on her, the
    room falls away into black round her candle's pool: the top corners are near black while
    the wall beside her flame stays lit."""
    # (round 14: staged as in the dream, from afar (closeup 0.3), her candle on the floor
    # beside her: its pool is on the wall low left of the middle)
    img = player.at(2.0, count=1, seated=1.0, closeup=0.3, candles=1, candle=1.35, sway=0.0,
                    flicker=0.0).astype(float)
    lum = img.mean(axis=2)
    h, w = lum.shape
    corners = np.concatenate([lum[: h // 6, : w // 6].ravel(), lum[: h // 6, -(w // 6):].ravel()])
    pool = lum[h // 2: 3 * h // 4, w // 4: w // 2]
    # (round 15: "80 % of the frame black": the corners dark, no longer pitch black)
    assert corners.mean() < 9.0, corners.mean()             # (about 6.6; 27 in round 5)
    assert pool.mean() > 4.0 * max(corners.mean(), 1.0), (pool.mean(), corners.mean())


# ---------------------------------------------------------------- round 7

def test_the_silk_winds_behind_the_figures_not_over_them(gl):
    """Round 7: the voices were "a thin generic sine band that cuts across the figures". The
    ribbons wind in depth round the row: where a ribbon passes behind a figure the figure
    hides it, so over the figures the silk adds less light than beside them (about 0.7 of it
    now; 0.94 on main, where it lay over everything alike)."""
    p = Player(gl, (320, 180))
    try:
        cov = p.silhouettes(3.0, voices=0.0)
        silent = p.at(3.0, voices=0.0).mean(axis=2)
        singing = p.at(3.0, voices=0.9).mean(axis=2)
    finally:
        p.release()
    lift = np.clip(singing - silent, 0.0, None)
    band = lift.sum(axis=1) > 0.2 * lift.sum(axis=1).max()      # the rows the silk crosses
    on = lift[band][cov[band] > 0.9].mean()
    off = lift[band][cov[band] < 0.05].mean()
    assert on < 0.8 * off, (on, off)


def test_the_mercury_eyes_are_orbs_not_dots(gl):
    """Round 7: "eyes tiny dots" at 640x360; round 11: "googly eyes". Each eye covers a small
    disc a few pixels across at 640x360 on the whole stage: an orb, not a dot (radius 3.0 in
    round 7), nor a goggle (3.5 in round 11; about 2.8 now)."""
    p = Player(gl, (640, 360))
    try:
        p.at(2.0)
        eyes = p.pass_pixels("eyes_img")[..., 3] / 255.0
    finally:
        p.release()
    area = (eyes > 0.5).sum() / (2 * 5)          # per eye: five figures, two eyes each
    radius = math.sqrt(area / math.pi)
    assert 2.5 < radius < 3.4, radius


def test_the_woman_fills_her_frame_and_her_candle_models_her(gl):
    """Round 7: "70 % of the frame empty brown dark, the figure a flat silhouette". Close on
    her, she fills more of the frame (16 % of it; 11.5 % on main), and her candle, near her
    and to her left, models her: the side that faces it is lit well above the far one
    (about 2.4 times; 1.5 on main)."""
    p = Player(gl)
    try:
        cov = p.silhouettes(2.0, count=1, seated=1.0, sway=0.0, closeup=1.0, candles=1,
                            candle=1.35, flicker=0.0)
        fig = p.pass_pixels("figures")[..., :3].mean(axis=2)
    finally:
        p.release()
    share = (cov > 0.5).mean()
    cols = np.flatnonzero((cov > 0.5).any(axis=0))
    mid = (cols.min() + cols.max()) // 2
    body = cov > 0.9
    left = fig[:, :mid][body[:, :mid]].mean()
    right = fig[:, mid:][body[:, mid:]].mean()
    assert share > 0.14, share
    assert left > 1.9 * right, (left, right)


# ---------------------------------------------------------------- round 10

def test_the_serenes_are_hooded_their_faces_a_dark_hollow_round_the_orbs(gl):
    """Round 10: "an alien with goggles" -- a pale bald egg of a face with two big orbs on it.
    Each Serene is hooded: under and between its mercury orbs the face is a hollow in the
    hood's shadow, far darker than the orbs (under 0.15 of their light; the pale face on
    main had a quarter of it)."""
    p = Player(gl, (640, 360))
    try:
        img = p.at(2.0, count=1, sway=0.0, flicker=0.0, voices=0.0, eyes=0.35)
        fig = p.pass_pixels("figures")[..., :3].mean(axis=2)
        seed = p.renderer.seed
    finally:
        p.release()
    mod, _ = _module()
    a, _ = mod.figure_poses(2.0, seed, _defaults(count=1, sway=0.0))
    (lc, lr), (rc, rr) = _eye_pixels(mod, a[:1], (640, 360))
    lum = img.mean(axis=2)
    r_px = mod.EYE_R * a[0][1] * mod.CAM_F / mod.CAM_D * 360
    face_row = int(round(0.5 * (lr + rr) + 2.0 * r_px))         # under the orbs
    face = fig[face_row, int(round(lc)):int(round(rc)) + 1].max()
    # (round 19: the orbs are dark metal lit by the candle's spec -- "white dots" at
    # 1280x720 before -- so an orb's light is its brightest pixel, not its centre's)
    k = int(math.ceil(r_px))
    orb = lambda r, c: lum[int(round(r)) - k:int(round(r)) + k + 1,
                           int(round(c)) - k:int(round(c)) + k + 1].max()
    orbs = min(orb(lr, lc), orb(rr, rc))
    assert face < 0.15 * orbs, (face, orbs)        # (about 0.09 now)


def test_the_woman_comes_out_of_the_dark_not_out_of_shatter_shards():
    """Round 8-10: at 121-125 s the shatter transition from the Resonance filled her frame with
    floating black blobs with blue edges; round 10's ring of night ("dark") then showed "a
    huge brown blob with one floating hand over the aurora". Her cue comes up out of the
    Resonance's dusk, lights first (her candle, the rim on her, her eyes): never a disc."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([])).show("dream")
    woman = next(c for c in show.cues if c.scene == "serenes" and c.params.get("seated", 0) >= 1)
    assert woman.transition == "dusk", woman.transition
    # (and the Serenes out of the moss: round 10's ripple "looked like a Photoshop mask")
    stage = next(c for c in show.cues if c.scene == "serenes" and c.params.get("seated", 0) < 1)
    assert stage.transition == "dusk", stage.transition


def test_close_on_her_the_far_side_sinks_into_the_dark(gl):
    """Round 10: close on the woman, her lit side and her far side were one brown (a rubbery
    form on a brown wall; the far half's median light 0.37 of the lit half's on main). Her
    candle models her with a hard terminator: the far half lies in shadow, under a quarter of
    the lit half's light (round 11: chiaroscuro, the lit half itself mostly shadow and rim)."""
    p = Player(gl)
    try:
        cov = p.silhouettes(2.0, count=1, seated=1.0, sway=0.0, closeup=1.0, candles=1,
                            candle=1.35, flicker=0.0, tremor=0.0)
        fig = p.pass_pixels("figures")[..., :3].mean(axis=2)
    finally:
        p.release()
    # (the halves split at her axis, found from her hood -- round 11: her left hand is held
    # out toward the candle, so the silhouette's bounds no longer centre on her)
    rows = np.flatnonzero((cov > 0.5).any(axis=1))
    hood = cov[rows[: max(1, len(rows) // 6)]] > 0.5
    cols = np.flatnonzero(hood.any(axis=0))
    mid = (cols.min() + cols.max()) // 2
    body = cov > 0.9
    left = np.median(fig[:, :mid][body[:, :mid]])
    right = np.median(fig[:, mid:][body[:, mid:]])
    assert right < 0.25 * left, (left, right)           # (about 0.22 now: both halves darker)


def test_but_there_is_a_cost_the_candles_gutter_and_the_orbs_burn_cold():
    """Round 10: "But there is a cost." falls at the end of the Serenes' cue, and no image
    carried it. There the candles gutter low (the warmth drains from the room) while the
    mercury orbs burn up: the candle at most 0.85 and the eyes at least 0.85 at 102.5 s, where
    at 92 s the candles burn full and the eyes are not yet burning."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([])).show("dream")

    def serenes_at(t):
        return next(a.values for a in show.timeline.sample(t).cues()
                    if a.cue.scene == "serenes")

    early, late = serenes_at(92.0), serenes_at(102.5)
    candle = lambda values: values.get("candle", 1.0)          # (1: the scene's default)
    assert candle(early) >= 0.99 and early["eyes"] < 0.85, early
    # (round 15: at 0.45 "badly underexposed and muddy": they gutter to 0.65, and the
    # eyes' cold light takes over, test_at_the_cost_a_cold_light_rises_from_their_eyes;
    # round 28, 102.2 s "underexposed, nearly unreadable": to 0.8, the eyes' cold light on
    # their folds, test_at_the_cost_their_eyes_cold_light_models_the_row)
    assert candle(late) <= 0.85 and late["eyes"] >= 0.85, late


def test_the_silk_is_shot_with_colour_not_grey_smoke(gl):
    """Round 10: the voices read as greyish smoke, "a generic sine band". The light the silk
    adds is coloured -- lilac to candle gold, shifting with the angle like shot silk -- and
    is not a flat veil: its chroma (max minus min channel) is over 0.42 of its brightness
    where it is seen (about 0.52 now; 0.29 on main)."""
    p = Player(gl, (320, 180))
    try:
        silent = p.at(3.0, voices=0.0, backdrop=0.0)
        singing = p.at(3.0, voices=0.9, backdrop=0.0)
    finally:
        p.release()
    lift = np.clip(singing - silent, 0.0, None)
    seen = lift.mean(axis=2) > 6.0
    chroma = (lift.max(axis=2) - lift.min(axis=2))[seen].mean()
    assert chroma > 0.42 * lift.mean(axis=2)[seen].mean(), chroma


def test_standing_their_arms_stay_hidden_in_the_gown(gl):
    """Round 14 (replacing round 10's "wing of sleeve" test, which asserted the look the lead
    now calls "ghost mittens ... puppets"): standing, each Serene is one tall hooded shape --
    at the middle of each forearm, out beside the body, the gown's smoke covers nothing: the
    arms are drawn in within the silhouette (round 10's sleeves covered both points)."""
    size = (320, 180)
    cov, mod, (a, b) = _one_figure(gl, size, 12.5, count=1, sway=1.0, flicker=0.0, voices=0.0)
    x, height, lean = float(a[0][0]), float(a[0][1]), float(a[0][2])
    seen = []
    for side, raise_ in ((-1.0, b[0][0]), (1.0, b[0][1])):
        sh, el, wr, _, _ = mod.arm_joints(side, float(raise_), float(b[0][3]), 0.0, 0.0)
        hx, hy = el[0] + 0.62 * (wr[0] - el[0]), el[1] + 0.62 * (wr[1] - el[1])
        col, row = _to_px(mod, x + (hx + lean / height * (hy / 0.9) ** 2) * height, hy * height, size)
        seen.append(float(cov[int(round(row)), int(round(col))]))
    assert max(seen) < 0.35, seen


def test_close_on_her_one_hand_is_held_out_toward_the_candle(gl):
    """Round 11: her dark hands on her dark breast could not be seen, nor their glitch. Her
    left hand is held out toward the flame, standing against the lit wall: above the bench,
    her silhouette reaches far to the candle's side of her hood (well over two hood-widths).
    (Round 17: her head with its hair falling to her shoulders is wider than the hood it
    replaced, the reach itself unchanged: over 1.8 head-widths, 1.95 now.)"""
    p = Player(gl)
    try:
        cov = p.silhouettes(2.0, count=1, seated=1.0, sway=0.0, closeup=1.0, candles=1,
                            candle=1.35, flicker=0.0, tremor=0.0)
    finally:
        p.release()
    rows = np.flatnonzero((cov > 0.5).any(axis=1))
    hood = np.flatnonzero((cov[rows[: max(1, len(rows) // 6)]] > 0.5).any(axis=0))
    upper = np.flatnonzero((cov[rows[0]: rows[0] + len(rows) // 2] > 0.5).any(axis=0))
    reach = (hood.min() - upper.min()) / (hood.max() - hood.min() + 1)
    assert reach > 1.8, reach


# ---------------------------------------------------------------- round 12

def test_the_mercury_eyes_have_no_bright_ring_round_them(gl):
    """Round 11: "googly eyes" -- a bright Fresnel crescent round the ball's edge and a big
    catch-light read as a cartoon sclera round a pupil. Each orb is brightest toward its
    middle and dark at its limb (the ring at 0.75-1.0 of its radius well under the light of
    its inner half), the candle in it one small specular."""
    p = Player(gl, (640, 360))
    try:
        p.at(2.0, count=1, sway=0.0, flicker=0.0, voices=0.0, eyes=0.35)
        eyes = p.pass_pixels("eyes_img")
        seed = p.renderer.seed
    finally:
        p.release()
    mod, _ = _module()
    a, _ = mod.figure_poses(2.0, seed, _defaults(count=1, sway=0.0))
    light = eyes[..., :3].mean(axis=2)
    r_px = mod.EYE_R * a[0][1] * mod.CAM_F / mod.CAM_D * 360
    yy, xx = np.mgrid[0:360, 0:640]
    peaks = []
    for c, r in _eye_pixels(mod, a[:1], (640, 360)):
        rho = np.hypot(xx + 0.5 - c, yy + 0.5 - r) / r_px
        inner = light[rho < 0.5].mean()
        ring = light[(rho > 0.75) & (rho < 1.0)].mean()
        assert ring < 0.7 * inner, (ring, inner)
        peaks.append(light[rho < 1.0].max())
    # and the candle in it is one tiny specular, not a white catch-light (encoded light of
    # the brightest pixel: about 160 now, 200 in round 11)
    assert np.mean(peaks) < 175, peaks


def test_the_bodies_are_half_translucent_shadows(player):
    """Round 11: "rubbery puppets". They are shadows given form: the wall's light shows
    faintly through the cores of their bodies (the city glowing through the wall changes
    them), where opaque cut-outs hid it completely."""
    alone = player.at(2.0, backdrop=0.0, flicker=0.0)
    body = player.pass_pixels("figures")[..., 3] > 250
    eyes = player.pass_pixels("eyes_img")[..., 3] > 0
    city = player.at(2.0, backdrop=1.0, flicker=0.0)
    core = body & ~eyes
    diff = np.abs(city - alone).mean(axis=2)[core]
    assert core.sum() > 500
    assert diff.mean() > 0.4, diff.mean()


def gown_edge_widths(gl, fractions):
    """How many pixels one lone figure's edge ramps over at 640x360, at rows a fraction of the
    way down its silhouette: a cut line is about one pixel (antialiasing), a soft shadow more."""
    p = Player(gl, (640, 360))
    try:
        cov = p.silhouettes(2.0, count=1, sway=0.0, flicker=0.0, voices=0.0)
    finally:
        p.release()
    rows = np.flatnonzero((cov > 0.99).any(axis=1))
    widths = []
    for f in fractions:
        row = cov[rows[0] + int(f * (rows[-1] - rows[0]))]
        widths.append(int(((row > 0.05) & (row < 0.95)).sum()) / 2)   # (two edges)
    return widths


def test_the_bodies_edges_blur_like_candle_shadows(gl):
    """Round 11: "rubbery lit tubes". A body's edge is not a cut line: across the gown the
    coverage ramps over several pixels at 640x360 (one pixel, antialiasing, before)."""
    widths = gown_edge_widths(gl, (0.7, 0.75, 0.8, 0.85))   # (the gown, below the hands)
    assert np.median(widths) >= 1.75, widths


def test_the_arms_are_held_low_not_raised_into_a_tangle():
    """Round 11: "rubbery overlapping arms". Their arms still rise and fall with the
    movement, but never much past half-raised, so neighbours' hands do not tangle
    (on main they reached fully raised, 1.0)."""
    mod, _ = _module()
    params = _defaults(sway=1.0)
    raises = np.array([mod.figure_poses(float(t), 7, params)[1][:, :2] for t in np.arange(0.0, 40.0, 0.37)])
    assert raises.max() <= 0.75, raises.max()
    assert raises.max() > 0.4, raises.max()


def test_the_candles_smoke_is_a_soft_wisp_not_a_hard_line(gl):
    """Round 11: close on the woman, "the candle throws a hard vertical line". Its smoke is a
    soft wisp that is gone within a hand's height: a hand above the flame the candles pass
    holds nothing (the old thread stood bright there)."""
    p = Player(gl, (640, 360))
    try:
        p.at(2.0, count=1, seated=1.0, closeup=1.0, candles=1, candle=1.35, flicker=0.6)
        cand = p.pass_pixels("candles_img")[..., :3].mean(axis=2)
    finally:
        p.release()
    r, c = np.unravel_index(np.argmax(cand), cand.shape)                # the flame's core
    # three hands above it nothing is left (old: about 80 of 255 still stood there) ...
    far = cand[r - 130:r - 90, c - 40:c + 40]
    assert far.max() < 12, far.max()
    # ... and nearer, the wisp is broad and soft: its peak in a row a few times the row's
    # mean (old: a thread six to eight times it)
    near = cand[r - 64:r - 47, c - 40:c + 40]
    sharp = (near.max(axis=1) / np.maximum(near.mean(axis=1), 1e-3)).max()
    assert sharp < 4.8, sharp


# ---------------------------------------------------------------- round 14

def test_the_bodies_are_shadow_lit_only_at_their_rims(gl):
    """Round 14: every reader called them "felt puppets", "rubber capsules" -- gowns modelled
    like lit tubes, a sheen down the front, pleats.  They are shadows given form: across the
    gown the core is dark smoke, the light only at the rim facing the candle (the middle third
    of a row under 0.62 of the row's brightest; about 0.5 now, 0.75 with the lit fronts)."""
    p = Player(gl, size=(640, 360))
    try:
        p.at(2.0, count=1, sway=0.0, flicker=0.0, voices=0.0, candles=1)
        fig = p.pass_pixels("figures").astype(float)
    finally:
        p.release()
    light, cov = fig[..., :3].mean(axis=2), fig[..., 3] / 255.0
    rows = np.where((cov > 0.99).sum(axis=1) > 0)[0]
    ratios = []
    for f in (0.65, 0.7, 0.75, 0.8):                        # (the gown below the sleeves)
        row = rows[0] + int(f * (rows[-1] - rows[0]))
        cols = np.where(cov[row] > 0.99)[0]
        lo, hi = cols[0], cols[-1]
        third = (hi - lo) // 3
        ratios.append(light[row, lo + third: hi - third].mean() / light[row, lo - 5: hi + 6].max())
    assert np.median(ratios) < 0.62, ratios


def test_the_hem_frays_like_smoke(gl):
    """Round 14: their edges blur like candle-cast shadows and fray like smoke, most where
    the flames are nearest, at the hem: there the coverage ramps over 4 pixels and more at
    640x360 (about 6 now; 2.5 with round 12's even blur)."""
    widths = gown_edge_widths(gl, (0.86, 0.9, 0.94))
    assert np.median(widths) >= 4.0, widths


def test_close_on_her_the_hands_are_the_one_lit_detail(gl):
    """Round 14: "she sits alone, her hands tremble": her body is shadow with a rim of candle
    light, and her hands in the light are the one lit detail -- warm skin lit across, not a
    thin rim.  Over 900 of the pixels round her hands at 640x360 are brighter than anything
    of her outside them (about 1200 now; 460 when only a rim caught them)."""
    mod, _ = _module()
    woman = dict(count=1, seated=1.0, sway=0.0, closeup=1.0, candles=1, candle=1.35, flicker=0.0)
    p = Player(gl, (640, 360))
    try:
        p.at(2.0, **woman, tremor=0.0)
        fig = p.pass_pixels("figures").astype(float)
        seed = p.renderer.seed
    finally:
        p.release()
    # (the hands' box from the glitch's own reckoning: the still hands lie inside it)
    _, _, box, _ = mod.hand_echoes(2.0, seed, _defaults(**woman, tremor=1.0), (640, 360))
    light, cov = fig[..., :3].mean(axis=2), fig[..., 3] / 255.0
    h, w = light.shape
    inbox = np.zeros(light.shape, bool)
    inbox[h - int(box[3] * h) - 1: h - int(box[1] * h), int(box[0] * w): int(box[2] * w) + 1] = True
    body = cov > 0.9
    lit = body & inbox & (light > light[body & ~inbox].max())
    assert lit.sum() > 900, int(lit.sum())


def test_a_near_voice_sweeps_past_the_viewer_large_and_soft(gl):
    """Round 14: their voices "wrap around you like silk": with voices_near the first voice
    passes near the viewer, in front of the row -- a broad soft band (down a column, its
    light spans over twice the rows of the same voice woven through the row)."""
    p = Player(gl, (320, 180))
    try:
        silent = p.at(3.0, voices=0.0).mean(axis=2)
        woven = p.at(3.0, voices=0.9, voices_count=1).mean(axis=2)
        near = p.at(3.0, voices=0.9, voices_count=1, voices_near=1.0).mean(axis=2)
    finally:
        p.release()

    def thickness(img):
        """The median, over the columns it crosses, of the rows lit over half the column's peak."""
        lift = np.clip(img - silent, 0.0, None)
        peak = lift.max(axis=0)
        cols = peak > 0.5 * peak.max()
        return float(np.median((lift[:, cols] > 0.5 * peak[cols]).sum(axis=0)))

    assert thickness(near) > 2.0 * thickness(woven), (thickness(near), thickness(woven))


# ---------------------------------------------------------------- round 14 (the lead's asks)

def test_in_the_dream_she_is_a_small_seated_figure_in_a_large_dark_room(gl):
    """Round 14: close on her, she was "a blurred brown blob with two cartoon hands" filling
    the frame.  As the dream stages her (the cue's own closeup), she is a small silhouette
    in a large dark room: her figure, bench and hands cover under a tenth of the frame and
    stand under half its height (close on her they covered about a third, the full height)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the cracks: a woman alone")
    closeup = float(cue.params["closeup"])
    p = Player(gl, size=(320, 180))
    try:
        cov = p.silhouettes(2.0, count=1, seated=1.0, closeup=closeup, candles=1, candle=1.35,
                            sway=0.3, flicker=0.0, tremor=1.0)
    finally:
        p.release()
    solid = cov > 0.5
    rows = np.flatnonzero(solid.any(axis=1))
    assert 0.005 < solid.mean() < 0.1, solid.mean()
    assert (rows[-1] - rows[0] + 1) < 0.5 * cov.shape[0], (rows[0], rows[-1])


# ---------------------------------------------------------------- round 15

def test_standing_they_are_veils_widening_to_the_floor_not_pawns(gl):
    """Round 15: "chess pawns or penguins" -- a narrow waist under a wide collar.  Standing,
    one veil falls from the shoulders and only widens to the floor: the figure is wider at
    its hips (0.35 of its height) than just under its mantle (0.68); on main it was
    narrower there (the pawn's waist)."""
    p = Player(gl, (640, 360))
    try:
        cov = p.silhouettes(2.0, count=1, sway=0.0, flicker=0.0, voices=0.0)
        seed = p.renderer.seed
    finally:
        p.release()
    mod, _ = _module()
    a, _ = mod.figure_poses(2.0, seed, _defaults(count=1, sway=0.0))
    x, h = a[0][0], a[0][1]

    def width(local_y):
        row = cov[int(round(_to_px(mod, x, local_y * h, (640, 360))[1]))]
        return int(np.count_nonzero(row > 0.5))

    hips, collar = width(0.35), width(0.68)
    assert hips > collar * 1.05, (hips, collar)


def test_at_the_cost_a_cold_light_rises_from_their_eyes(gl):
    """Round 15: at "But there is a cost" (102 s) the guttering candles left the room "badly
    underexposed and muddy".  As the eyes burn up, a cold light from them lights the wall
    round the hoods: with the candles at 0.65 the band of wall at their heads is bluer than
    red and far brighter with the eyes at 0.95 than at 0.5 (on main: dark red-brown both)."""
    p = Player(gl, (320, 180))
    try:
        burning = p.at(2.0, count=5, candle=0.65, eyes=0.95, flicker=0.0, voices=0.0, sway=0.0)
        calm = p.at(2.0, count=5, candle=0.65, eyes=0.5, flicker=0.0, voices=0.0, sway=0.0)
    finally:
        p.release()
    band_b, band_c = burning[40:90], calm[40:90]
    assert (band_b[..., 2] - band_b[..., 0]).mean() > 5.0, band_b.reshape(-1, 3).mean(0)
    assert band_b.mean() > 2.5 * band_c.mean(), (band_b.mean(), band_c.mean())


def test_the_womans_room_is_lit_by_her_candle_not_80_percent_black(gl):
    """Round 15: "about 80 % of the frame black; the shadow reads as demonic".  As the dream
    stages her, her candle on a stand lights a generous pool of wall and floor: under 30 %
    of the frame is near black (luminance under 8; about 15 % now, most of it on main), and
    her shadow on the wall stands under 1.6 times as tall as she does (a horned giant of
    several times her height on main)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the cracks: a woman alone")
    params = dict(count=1, seated=1.0, closeup=float(cue.params["closeup"]), candles=1,
                  candle=float(cue.params["candle"]), sway=0.3, flicker=0.0, tremor=1.0)
    p = Player(gl, size=(320, 180))
    try:
        img = p.at(2.0, **params)
        cov = p.pass_pixels("figures")[..., 3] / 255.0
        shadow = p.pass_pixels("shadow")
    finally:
        p.release()
    lum = img.mean(axis=2)
    assert (lum < 8.0).mean() < 0.3, (lum < 8.0).mean()
    her = np.flatnonzero((cov > 0.5).any(axis=1))
    her_h = her[-1] - her[0] + 1
    # the shadow pass is half resolution: rows where the candle's light is mostly blocked
    sh = shadow[..., 0] / max(shadow[..., 0].max(), 1e-6)
    dark_rows = np.flatnonzero((sh < 0.35).any(axis=1)) * (cov.shape[0] / sh.shape[0])
    floor_row = her[-1]
    shadow_h = floor_row - dark_rows.min()
    assert shadow_h < 1.6 * her_h, (shadow_h, her_h)


def test_the_camera_drifts_along_the_row(gl):
    """Round 15: "a static line-up": in the dream the camera drifts slowly sideways along the
    row (`pan`, its x in metres).  Panned by 0.3 m, the figures move the other way on screen
    by the camera's projection of 0.3 m."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the Serenes")
    pans = [v[1] for v in cue.keys["pan"]]
    assert max(pans) - min(pans) >= 0.5, pans
    mod, _ = _module()
    size = (320, 180)
    p = Player(gl, size)
    try:
        still = dict(count=3, sway=0.0, flicker=0.0, voices=0.0, candles=1)
        cov0 = p.silhouettes(2.0, pan=0.0, **still)
        cov1 = p.silhouettes(2.0, pan=0.3, **still)
    finally:
        p.release()
    cols = np.arange(size[0], dtype=float)
    c0 = (cov0.sum(axis=0) * cols).sum() / cov0.sum()
    c1 = (cov1.sum(axis=0) * cols).sum() / cov1.sum()
    expected = 0.3 * mod.CAM_F / mod.CAM_D * size[1]        # pixels (the figures' plane)
    assert abs((c0 - c1) - expected) < 1.5, (c0 - c1, expected)


# ---------------------------------------------------------------- round 17

def _woman_as_staged(**over):
    """The woman's cue's parameters as the dream stages her (a frozen flicker)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the cracks: a woman alone")
    params = dict(cue.params)
    params.update(count=1, seated=1.0, sway=0.3, flicker=0.0, tremor=1.0)
    # (round 22: the dream shows her room modelled, ``alone``, the stage's mannequin and flat
    # wall having read a 3; these tests keep the stage's own room, which ``alone`` 0 draws;
    # tests/test_serenes_row.py tests the modelled one)
    params.update(alone=0.0)
    params.update(over)
    return params


def _wall_px(mod, X: float, Y: float, closeup: float, size) -> tuple[int, int]:
    """A wall point (metres) to pixel column and row (row 0 at the top), no pan."""
    cam_y, cam_d, cam_f = mod.stage_camera(closeup)
    w, h = size
    scale = (mod.WALL_Z + cam_d) / cam_f
    return int(round(X / scale * h + w / 2.0)), int(round(h / 2.0 - (Y - cam_y) / scale * h))


def _window_box(params, size=SIZE) -> tuple[int, int, int, int]:
    """The window's opening (with its frame) in pixels: column, row, column, row."""
    mod, _ = _module()
    x0, sill, hw, side = mod.WINDOW
    closeup = float(params.get("closeup", 0.0))
    c0, r0 = _wall_px(mod, x0 - hw - 0.1, sill + side + hw + 0.1, closeup, size)
    c1, r1 = _wall_px(mod, x0 + hw + 0.1, sill - 0.1, closeup, size)
    return c0, r0, c1 + 1, r1 + 1


def _woman_with_and_without_window(gl, size, params):
    """The woman staged with ``params`` at 2 s, rendered with her window and again with a
    plain wall (``window`` 0), and her figure's cover (0..1) with the window: what the
    window adds to her room is measured between the two."""
    p = Player(gl, size)
    try:
        lit = p.at(2.0, **params)
        cover = p.pass_pixels("figures")[..., 3] / 255.0
        plain = p.at(2.0, **dict(params, window=0.0))
    finally:
        p.release()
    return lit, plain, cover


def test_the_womans_room_has_a_window_onto_the_citys_cold_night(gl):
    """Round 17: the woman "a mannequin against an empty wall".  As the dream stages her, a
    tall arched window in the wall opens on the glass city's night: inside its opening the
    light is cold (blue well above red) with structure (towers, mullions: not one flat
    tone), while the same patch of plain wall is warm candle-lit plaster (red above blue),
    as it was on main."""
    mod, _ = _module()
    size = (320, 180)
    params = _woman_as_staged()
    assert float(params.get("window", 0.0)) == 1.0, params
    with_window, plain, _ = _woman_with_and_without_window(gl, size, params)
    x0, sill, hw, side = mod.WINDOW
    closeup = float(params["closeup"])
    c0, r0 = _wall_px(mod, x0 - 0.75 * hw, sill + side, closeup, size)
    c1, r1 = _wall_px(mod, x0 + 0.75 * hw, sill + 0.1, closeup, size)
    pane, wall = with_window[r0:r1, c0:c1], plain[r0:r1, c0:c1]
    assert pane.size > 0
    cold = (pane[..., 2] - pane[..., 0]).mean()
    warm = (wall[..., 0] - wall[..., 2]).mean()
    assert cold > 15.0, pane.reshape(-1, 3).mean(0)
    assert warm > 5.0, wall.reshape(-1, 3).mean(0)
    assert pane.mean(axis=2).std() > 8.0, pane.mean(axis=2).std()


def test_the_near_serene_is_a_crisp_rim_lit_figure_at_the_edge_not_a_blur(gl):
    """Round 17: "pawn silhouettes in a line-up on one plane" -- with ``near`` a Serene
    stands near the camera at a frame edge, backlit (off in the dream's cue since round 19:
    test_in_the_dream_no_near_serene_fills_the_foreground).  Round 18 replaced
    round 17's test of it (out of focus, its edge spread over 4 pixels and more): out of
    focus it read as "a dark blur blocking the left third" (ARTEFACT).  Now, as the cue
    begins (pan -0.45), it is a dark body in a small share of the frame -- where it darkens
    the lit stage to under half, 3 % to 20 % of the columns -- and
    its edge toward the row is crisp and caught by the candles: along a row low on it, the
    brightest pixel of its edge (its rim) is at least 1.6x the light two pixels outside it,
    and the body a little way inside is under half the rim (main's blurred edge has no
    such rim: its brightest pixel there is 1.1x the light beside it)."""
    mod, _ = _module()
    size = (320, 180)
    w, h = size
    cam_y, cam_d, cam_f = mod.stage_camera(0.0)
    scale = (mod.NEAR_Z + cam_d) / cam_f
    p = Player(gl, size)
    try:
        still = dict(count=5, sway=0.0, flicker=0.0, voices=0.0, pan=-0.45, candles=3, candle=2.0)
        near = p.at(2.0, near=1.0, **still).mean(axis=2)
        flat = p.at(2.0, near=0.0, **still).mean(axis=2)
    finally:
        p.release()
    band = slice(int(h * 0.3), int(h * 0.95))
    dark = (near[band] < 0.5 * flat[band]) & (flat[band] > 6.0)
    share = float(dark.any(axis=0).mean())
    assert 0.03 < share < 0.2, share
    row = int(round(h / 2.0 - (1.25 - cam_y) / scale * h))
    # (its edge lies within 0.35 m, on its plane, of where it stands)
    col0 = (mod.NEAR_XS[0] + 0.45) / scale * h + w / 2.0
    line = near[row, :int(col0 + 0.35 / scale * h)]
    c = int(np.argmax(line))
    assert line[c] > 1.6 * near[row, c + 2], (c, line[c], near[row, c + 2])
    assert near[row, c - 8] < 0.5 * line[c], (near[row, c - 8], line[c])


def _seated_woman_band(gl):
    """The seated woman alone at 640x360: her figure's cover (over 0.5) in a band a quarter of
    her height wide round her centre line, the band's top row, and her height in pixels --
    where her head, neck and shoulders are measured down from the top."""
    size = (640, 360)
    cov, mod, (a, _) = _one_figure(gl, size, 2.0, count=1, seated=1.0, sway=0.0, tremor=0.0,
                                   flicker=0.0)
    x, height = float(a[0][0]), float(a[0][1])
    col = int(round(_to_px(mod, x, 0.0, size)[0]))
    half = int(abs(_to_px(mod, x + 0.12 * height, 0.0, size)[0] - col))
    band = cov[:, col - half:col + half + 1] > 0.5
    top = np.flatnonzero(band.any(axis=1))[0]
    px_h = abs(_to_px(mod, x, height, size)[1] - _to_px(mod, x, 0.0, size)[1])
    return band, top, px_h


def test_seated_the_woman_has_a_rounded_head_not_a_pointed_hood(gl):
    """Round 17: the woman "a mannequin" (a pointed hood on a body).  Seated, she has a
    woman's head -- rounded, her long hair falling either side of it: just under the top
    of her silhouette it is broad (the crown), where the hood came to a point.  Measured
    on the figures' coverage at 640x360: the width half a percent of her standing height
    below her top is over 0.45 of the width 5 % below it (0.52 now; 0.35 on main: the
    hood's tip)."""
    band, top, px_h = _seated_woman_band(gl)

    def width(frac):
        return int(band[int(round(top + frac * px_h))].sum())

    crown, below = width(0.005), width(0.05)
    assert crown > 0.45 * below, (crown, below)


def test_the_windows_cold_light_catches_her_edges(gl):
    """Round 17: her room's window is a second, cold light against her warm candle: the
    edges of her silhouette that face it carry a thin cold rim.  Over her figure's outline
    (cover 0.2..0.9) on the window's side, blue minus red is higher with the window than
    without it."""
    size = (640, 360)
    lit, dark, cov = _woman_with_and_without_window(gl, size, _woman_as_staged())
    cols = np.flatnonzero((cov > 0.5).any(axis=0))
    mid = (cols[0] + cols[-1]) // 2
    outline = (cov > 0.2) & (cov < 0.9)
    outline[:, mid:] = False                      # the window's side (her left, the frame's left)

    def cold(img):
        return float((img[..., 2] - img[..., 0])[outline].mean())

    assert cold(lit) > cold(dark) + 1.5, (cold(lit), cold(dark))


def test_with_depth_they_stand_staggered_not_in_one_line(gl):
    """Round 17: "pawn silhouettes in a line-up on one plane".  With ``depth`` (on in the
    dream's cue) each stands at its own distance: the lowest rows of their gowns on screen
    (their feet on the floor) spread over several pixels at 320x180, and the farther ones are
    smaller; at depth 0 (main) all five hems end on the one row."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the Serenes")
    assert float(cue.params["depth"]) == 1.0
    mod, _ = _module()
    size = (320, 180)
    still = dict(count=5, sway=0.0, flicker=0.0, voices=0.0, candles=1)
    p = Player(gl, size)
    try:
        flat = p.silhouettes(2.0, depth=0.0, **still)
        seed = p.renderer.seed
        staged = p.silhouettes(2.0, depth=1.0, **still)
    finally:
        p.release()

    def hems(cov, depth):
        a, _ = mod.figure_poses(2.0, seed, _defaults(depth=depth, **still))
        a, _ = mod.stage_in_depth(a, _defaults(depth=depth, **still))
        out = []
        for i in range(5):
            col = int(round(_to_px(mod, float(a[i, 0]), 0.0, size)[0]))
            rows = np.flatnonzero(cov[:, col] > 0.5)
            out.append(int(rows[-1]))
        return out

    flat_hems, staged_hems = hems(flat, 0.0), hems(staged, 1.0)
    assert max(flat_hems) - min(flat_hems) <= 1, flat_hems
    assert max(staged_hems) - min(staged_hems) >= 5, (staged_hems, flat_hems)


def test_the_windows_night_falls_in_a_cold_shaft_through_the_air(gl):
    """Round 17: light through air.  The window's cold light falls in a shaft slanting down
    through the room toward the floor before her: along it (1.2 m out from the wall) the
    frame is bluer with the window than without it by over 12 (blue minus red, 8 bits):
    about 22 with the shaft, 5 from the plaster's glow round the opening alone."""
    mod, _ = _module()
    size = (320, 180)
    w, h = size
    params = _woman_as_staged()
    x0, sill, hw, side = mod.WINDOW
    L = np.array(mod.WINDOW_LIGHT)
    t = 1.2 / -L[2]
    point = np.array([x0, sill + 0.6 * side, mod.WALL_Z]) + L * t
    cam_y, cam_d, cam_f = mod.stage_camera(float(params["closeup"]))
    scale = (point[2] + cam_d) / cam_f
    col = int(round(point[0] / scale * h + w / 2.0))
    row = int(round(h / 2.0 - (point[1] - cam_y) / scale * h))
    lit, plain, _ = _woman_with_and_without_window(gl, size, params)

    def cold(img):
        patch = img[row - 2:row + 3, col - 2:col + 3]
        return float((patch[..., 2] - patch[..., 0]).mean())

    assert cold(lit) > cold(plain) + 12.0, (cold(lit), cold(plain), row, col)


def test_the_standing_stage_has_deep_blacks_and_the_candles_are_the_key(player):
    """Round 18: "muddy brown grade" -- a toe under the standing stage's tone curve sinks the
    dim wall between the candles' pools toward black: at 160x90, five standing, two
    candles, a quarter of the frame is under 1 level of luminance (0.2 now; about 2 on main),
    while the candles' pools stay lit (the brightest tenth over 20 levels) and the flames
    keep their white."""
    img = player.at(2.0, count=5, flicker=0.0, voices=0.0, candles=2)
    lum = img @ np.array([0.2126, 0.7152, 0.0722])
    assert np.percentile(lum, 25) < 1.0, np.percentile(lum, 25)
    assert np.percentile(lum, 90) > 20.0, np.percentile(lum, 90)
    assert lum.max() > 200.0, lum.max()


def test_seated_the_womans_outline_is_crisp_not_a_blob(gl):
    """Round 18: "the figure is a crude blob": as the dream stages her (closeup 0.3) her
    outline is crisp -- at 640x360, at four heights down her silhouette, her edges ramp
    over 3.5 pixels or fewer on average (3.25 now; 6.0 on main)."""
    p = Player(gl, (640, 360))
    try:
        cov = p.silhouettes(2.0, count=1, seated=1.0, closeup=0.3, sway=0.0, flicker=0.0,
                            tremor=0.0, window=1.0)
    finally:
        p.release()
    rows = np.flatnonzero((cov > 0.99).any(axis=1))
    widths = []
    for f in (0.3, 0.5, 0.7, 0.85):
        row = cov[rows[0] + int(f * (rows[-1] - rows[0]))]
        widths.append(int(((row > 0.05) & (row < 0.95)).sum()) / 2)
    assert np.mean(widths) <= 3.5, widths


def test_seated_the_woman_has_a_neck_between_her_head_and_shoulders(gl):
    """Round 18: "the figure is a crude blob" -- her hair fell in a block as wide as her
    shoulders, so head, hair and shoulders were one shape.  Now, down her silhouette from
    the top (640x360), the width narrows below the head to a neck under half the head's
    widest, before the shoulders spread (7 of 19 pixels now; 22 of 25 on main)."""
    band, top, px_h = _seated_woman_band(gl)
    widths = band.sum(axis=1)[top:top + int(0.25 * px_h)]
    head = int(np.argmax(widths[:int(0.1 * px_h)]))
    shoulders = head + int(np.flatnonzero(widths[head:] > 1.5 * widths[head])[0])
    neck = int(widths[head:shoulders].min())
    assert neck < 0.5 * widths[head], (neck, int(widths[head]), list(widths))


def test_the_lovers_threads_glow_in_the_air_not_tiny_and_lost(gl):
    """Round 18: "the lovers' threads tiny and lost": round the fine cores their light hangs
    in the air -- at 320x180 the pale-cyan light they add (blue up over 12 levels and over
    red by 4) covers at least 300 pixels (340 now; 241 on main)."""
    p = Player(gl, (320, 180))
    try:
        common = dict(count=5, sway=0.5, voices=0.0, flicker=0.0)
        diff = p.at(3.0, lovers=1.0, **common) - p.at(3.0, lovers=0.0, **common)
    finally:
        p.release()
    lit = (diff[..., 2] > 12) & (diff[..., 2] > diff[..., 0] + 4)
    assert lit.sum() >= 300, int(lit.sum())


def test_standing_their_gowns_are_cloth_with_folds_catching_the_light(gl):
    """Round 18: "ghost cones": standing, they are cloth -- long folds fall down the gown and
    their ridges catch the candles' light.  In the figures pass of a lone standing figure at
    640x360, along the rows of its lower body (55-80 % down its silhouette, inside its
    edges), the light has on average over 0.8 separate ridges a row (1.34 now; 0.28 on
    main's smooth glow)."""
    p = Player(gl, (640, 360))
    try:
        p.at(2.0, count=1, sway=0.0, flicker=0.0, voices=0.0)
        fig = p.pass_pixels("figures")
    finally:
        p.release()
    cov = fig[..., 3] / 255.0
    light = ((fig[..., :3] / 255.0) ** 2).sum(axis=2)
    rows = np.flatnonzero((cov > 0.99).any(axis=1))
    r0, r1 = rows[0], rows[-1]
    ridges = []
    for r in range(r0 + int(0.55 * (r1 - r0)), r0 + int(0.8 * (r1 - r0))):
        inside = np.flatnonzero(cov[r] > 0.99)[3:-3]
        k = np.convolve(light[r, inside], np.ones(3) / 3, mode="same")
        ridges.append(sum(1 for i in range(3, len(k) - 3) if k[i] >= k[i - 1] and k[i] > k[i + 1]
                          and k[i] - min(k[i - 3], k[i + 3]) > 0.05 * k.max()))
    assert np.mean(ridges) > 0.8, ridges


def _orb_spec_ratios(gl, size, half, **params):
    """Each standing figure's eye in the eyes pass at 2 s (the scene's defaults with
    ``params``): its brightest pixel over its median light, in a window ``half`` pixels
    round the eye -- how much a mercury orb is a dark ball round one spec of the candle."""
    mod, _ = _module()
    p = Player(gl, size)
    try:
        p.at(2.0, **params)
        e = p.pass_pixels("eyes_img")
        a, _ = mod.figure_poses(2.0, p.renderer.seed, _defaults())
    finally:
        p.release()
    cov = e[..., 3] / 255.0
    light = ((e[..., :3] / 255.0) ** 2).sum(axis=2)
    ratios = []
    for col, row in _eye_pixels(mod, a, size):
        c, r = int(round(col)), int(round(row))
        win = (slice(r - half, r + half + 1), slice(c - half, c + half + 1))
        v = light[win][cov[win] > 0.5]
        assert v.size > 0
        ratios.append(v.max() / max(float(np.median(v)), 1e-6))
    return ratios


def test_the_mercury_orbs_hold_a_bright_spec_of_the_candle(gl):
    """Round 18: "dot eyes" -- flat pale discs.  Each orb is a liquid mirror, darker in
    itself, with the candle in it a bright spec: in the eyes pass at 960x540 (the whole
    stage), each eye's brightest pixel is over 11x its median light (14.3 now; 7.7 on
    main), the median over the ten eyes."""
    ratios = _orb_spec_ratios(gl, (960, 540), 6)
    assert len(ratios) == 10 and np.median(ratios) > 11.0, ratios


def test_in_the_dream_no_near_serene_fills_the_foreground():
    """Round 19, the third reader in a row at 83.6 s: "a shapeless dark bulb fills the left
    foreground" (ARTEFACT) -- the near Serenes, however crisp their rim, do not read at a
    glance as figures at the frame's edge.  The dream's cue has none (``near`` 0; it was 1),
    and keeps the row's own staggered depths."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the Serenes")
    assert float(cue.params.get("near", 0.0)) == 0.0, cue.params.get("near")
    assert float(cue.params["depth"]) == 1.0


def test_at_1280x720_the_mercury_orbs_are_dark_metal_round_a_spec(gl):
    """Round 19 at 94.2 s: "the eyes white dots" (1280x720) -- the orb's own glow and the
    room it mirrors lit the whole ball pale.  Mercury in a dark room is a dark metal ball
    and the candle in it one tiny bright spec: at 1280x720 with the dream's eyes (0.5), the
    ball's median light is under a fortieth of its spec's (about 1/105 now; 1/13 on main),
    the median over the ten eyes."""
    ratios = _orb_spec_ratios(gl, (1280, 720), 8, eyes=0.5)
    assert len(ratios) == 10 and np.median(ratios) > 40.0, ratios


def test_in_the_dream_no_haze_veils_the_woman(gl):
    """Round 19 at 128.3 s: "a crude silhouette; a soft haze dulls it".  Her candle's glow
    in the room's air lies behind her, between her and the wall, not over her: as the dream
    stages her (the cue's params, 640x360), the median light of her body (where the figure
    pass covers it fully) is under 0.3 of the wall's round her (0.2 now; 0.51 on main,
    the glow laid over her like a veil)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.cues if c.name == "the cracks: a woman alone")
    params = {k: v for k, v in cue.params.items() if isinstance(v, (int, float))}
    p = Player(gl, size=(640, 360))
    try:
        # (the stage's room: the dream shows her modelled since round 22, ``alone``)
        img = p.at(2.0, **{**params, "sway": 0.3, "tremor": 0.0, "flicker": 0.0, "alone": 0.0})
        cov = p.pass_pixels("figures")[..., 3] / 255.0
    finally:
        p.release()
    lum = img.astype(float).mean(axis=2)
    body = cov > 0.97
    rows, cols = np.flatnonzero(body.any(axis=1)), np.flatnonzero(body.any(axis=0))
    box = np.zeros_like(body)
    box[max(rows[0] - 20, 0):rows[-1] + 1, max(cols[0] - 40, 0):cols[-1] + 41] = True
    wall = box & (cov < 0.02)
    assert body.sum() > 200 and wall.sum() > 200, (body.sum(), wall.sum())
    ratio = float(np.median(lum[body])) / float(np.median(lum[wall]))
    assert ratio < 0.3, ratio


def test_at_the_cost_the_cold_light_pools_round_each_hood_not_a_grey_haze(gl):
    """Round 19 at 101.5 s: "a grey haze flattens the centre".  The eyes' cold light at the
    cost lights a tight pool round each hood, with the dark wall between them: along the
    band at their heads (candles 0.65, eyes 0.95, 320x180) the darkest tenth of the frame's
    middle is under 0.14 of the brightest tenth (0.06 now; 0.18 with the wide wash on main)."""
    p = Player(gl, (320, 180))
    try:
        img = p.at(2.0, count=5, candle=0.65, eyes=0.95, flicker=0.0, voices=0.0, sway=0.0)
    finally:
        p.release()
    band = img[40:90, 60:260].astype(float).mean(axis=2)
    lo, hi = np.percentile(band, 10), np.percentile(band, 90)
    assert lo < 0.14 * hi, (lo, hi)


def test_a_stage_without_window_or_near_serenes_draws_the_plain_composite():
    """Speed: on llvmpipe an untaken branch still costs -- the woman's window and the near
    Serenes made the plain stage's composite 1.5x slower (18.6 against 12.4 ms a frame,
    `benchmarks/ab.py serenes`).  They are compiled only into the main_window_near variant,
    drawn only while either is on; the plain composite is drawn otherwise (the Serenes' cue)."""
    _, scene = _module()
    names = ("main", "main_window_near")
    assert drawn_variant(scene, names) == "main"
    assert drawn_variant(scene, names, window=1.0) == "main_window_near"
    assert drawn_variant(scene, names, near=0.5) == "main_window_near"


def test_the_occluder_draws_nothing_under_a_close_shot():
    """Round 32 (B's find): under the row the stage's occluder cost 2-5 ms while drawing
    nothing -- a pass clears its target even at draw count 0.  Its target is now blanked by a
    drawn triangle (no clear) and the figures' proxies drawn into it: under the row (and the
    other close shots) both draw 0, so the pass costs nothing; on the stage both draw."""
    mod, _ = _module()
    scene = mod.serenes
    specs = {p.name: p for p in scene.passes}
    assert specs["occluder"].clear is None
    assert specs["occluder_figs"].into == "occluder"
    for held, drawn in (({"row": 1.0}, False), ({"profiles": 1.0}, False), ({}, True)):
        counts = {}
        resources = type("R", (), {
            "draw_count": lambda self, name, n, instances=None: counts.__setitem__(name, (n, instances)),
            "texture": lambda self, *a, **k: None})()
        state = type("S", (), {"t": 2.0, "seed": 1, "resolution": (160, 90), "events": [], "bpm": 0,
                               "params": {**{p.name: p.default for p in scene.params}, **held}})()
        scene.update(state, resources)
        for name in ("occluder", "occluder_figs"):
            assert (counts[name][0] > 0) == drawn, (held, name, counts[name])
