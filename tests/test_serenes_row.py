"""The Serenes' standing row modelled (round 22: the row "soft cones in a row", "cut-out
figures" at 87.2 s, the one set-up of the cue that still read a 3).

The row is now built as the portrait is: five hooded figures full length, each the
portrait's distance field with a gown, its own height, lean, turn and fold phase, marched
once into a G-buffer when the shot begins and relit each frame by the candles between them.
"""
from __future__ import annotations

import importlib

import numpy as np

from test_scene_serenes import Player
from test_serenes_portrait import _draw_counts, _scene

# (pace 0: no sway, pan 0: the baked picture unshifted, so frame and bake line up)
ROW = {"row": 1.0, "eyes": 0.5, "flicker": 0.0, "voices": 0.0, "lovers": 0.0, "child": 0.0,
       "pace": 0.0, "pan": 0.0}
OVERSCAN = 1.16                     # portrait.glsl ROW_OVERSCAN


def _frame_of(gbuf: np.ndarray, shape) -> np.ndarray:
    """The G-buffer's texel under each frame pixel (it covers OVERSCAN times the frame)."""
    h, w = shape[0], shape[1]
    gh, gw = gbuf.shape[0], gbuf.shape[1]
    ys = ((0.5 + ((np.arange(h) + 0.5) / h - 0.5) / OVERSCAN) * gh).astype(int)
    xs = ((0.5 + ((np.arange(w) + 0.5) / w - 0.5) / OVERSCAN) * gw).astype(int)
    return gbuf[ys][:, xs]


def _row(gl, size=(320, 180), **over):
    p = Player(gl, size=size)
    try:
        img = p.at(2.0, **{**ROW, **over})
        geo = _frame_of(p.pass_pixels("row_geo"), img.shape)
        mat = _frame_of(p.pass_pixels("row_mat"), img.shape)
    finally:
        p.release()
    return img, geo, mat


def test_the_row_replaces_the_stage_and_any_close_shot_wins_over_it():
    """``row`` on: the three row passes draw and no stage pass does (on llvmpipe a pass drawn
    and then covered costs its full price); with the portrait on too, the portrait is shown."""
    mod = importlib.import_module("scenes.serenes")
    scene = _scene()
    counts = _draw_counts(scene, {}, row=1.0, voices=0.5, lovers=0.5)
    assert all(counts[name] == 3 for name in mod.ROW_PASSES), counts
    assert all(counts[name] == 0 for name in mod.STAGE_PASSES), counts
    counts = _draw_counts(scene, {}, row=1.0, portrait=1.0)
    assert all(counts[name] == 0 for name in mod.ROW_PASSES), counts
    assert all(counts[name] == 3 for name in mod.PORTRAIT_PASSES), counts
    counts = _draw_counts(scene, {}, row=0.0)
    assert all(counts[name] == 0 for name in mod.ROW_PASSES), counts


def test_the_row_is_five_modelled_figures_lit_on_their_folds(gl):
    """Five separate figures across the frame (a line through their gowns crosses five runs
    of coverage), each a volume: its normals turn through the form (both flanks), and the
    candle light lies on the folds and rims, not over the whole cloth -- the brightest tenth
    of the cloth is over three times its median (30 vs 6.3 now; a cut-out lit flat is near
    one), and the cloth stays dark (its median under 45 of 255: charcoal, not a pale sheet)."""
    img, geo, mat = _row(gl)
    cov = geo[..., 3] > 0.5
    line = cov[int(0.62 * cov.shape[0])]
    runs = int(np.count_nonzero(np.diff(line.astype(int)) == 1)) + int(line[0])
    assert runs == 5, runs
    nx = geo[..., 0][cov & (geo[..., 3] > 0.99)]
    assert nx.min() < -0.4 and nx.max() > 0.4, (nx.min(), nx.max())
    lum = img.mean(axis=2)
    cloth = cov & (mat[..., 3] < 0.25) & (mat[..., 3] > -0.5)
    assert cloth.sum() > 3000, cloth.sum()
    top, mid = np.percentile(lum[cloth], 90), np.median(lum[cloth])
    assert top > 3.0 * mid, (top, mid)
    assert mid < 45.0, mid


def test_the_figures_are_tall_and_narrow(gl):
    """Round 24: "rubbery sacks" -- the figures long, narrow, graceful: the row's height (its
    coverage's first row to its last) is over 5.6 times the mean width of the five gowns where
    a line crosses them at 62 % of the frame's height (6.3 now, 4.95 before)."""
    img, geo, mat = _row(gl, size=(640, 360))
    cov = geo[..., 3] > 0.5
    rows = np.flatnonzero(cov.any(axis=1))
    line = cov[int(0.62 * cov.shape[0])].astype(int)
    edges = np.flatnonzero(np.diff(line) != 0)
    assert len(edges) == 10, edges
    width = float(np.diff(edges)[::2].mean())
    assert (rows.max() - rows.min()) > 5.6 * width, (rows.max() - rows.min(), width)


def test_the_eyes_are_bright_points_in_dark_hoods(gl):
    """Their mercury eyes are the brightest things high in the frame: in the figures' top
    fifth (the hoods) the 99.5th percentile is over four times the median
    (73 vs 3 now)."""
    img, geo, mat = _row(gl, size=(640, 360))
    cov = geo[..., 3] > 0.5
    rows = np.flatnonzero(cov.any(axis=1))
    top = slice(int(rows.min()), int(rows.min() + 0.2 * (rows.max() - rows.min())))
    lum = img.mean(axis=2)
    hoods = lum[top][cov[top]]
    assert np.percentile(hoods, 99.5) > 4.0 * np.median(hoods), (np.percentile(hoods, 99.5), np.median(hoods))


def test_the_dream_shows_the_row_modelled_at_both_of_its_times():
    """The cue's row set-ups (82-88 s and 100.5-106 s) are the modelled row; the portrait
    (88-95 s) and the lovers (96-100.5 s) are not."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the Serenes")
        return cue.values

    for t in (82.5, 85.0, 87.2, 101.0, 103.0):
        assert float(values(t)["row"]) >= 0.5, t
    mod = importlib.import_module("scenes.serenes")
    for t in (91.0, 98.0):
        assert mod.close_shot_shown(values(t)) != "row", t


ALONE = {"alone": 1.0, "count": 1, "seated": 1.0, "candles": 1, "flicker": 0.0, "tremor": 0.0,
         "voices": 0.0, "lovers": 0.0, "child": 0.0}


def test_the_woman_alone_is_modelled_with_her_shadow_huge_on_the_wall(gl):
    """Her wide room (round 22: "a primitive mannequin, flat wall"): one seated figure
    modelled (normals through the form), her bare hands in the bake (skin), and her
    candle's shadow of her thrown up the wall: of the wall above her head's height, the part
    right of her lies in her shadow (the baked shadow under 0.2 over more than an eighth of
    it: 0.21 now) while the part left of her is lit (over 0.8 for most of it: all now)."""
    p = Player(gl, size=(320, 180))
    try:
        p.at(2.0, **ALONE)
        geo = p.pass_pixels("alone_geo")
        mat = p.pass_pixels("alone_mat")
    finally:
        p.release()
    cov = geo[..., 3] > 0.5
    assert 0.04 < cov.mean() < 0.35, cov.mean()
    nx = geo[..., 0][geo[..., 3] > 0.99]
    assert nx.min() < -0.4 and nx.max() > 0.4, (nx.min(), nx.max())
    assert ((mat[..., 2] > 0.5) & cov).sum() > 20          # (her bake keeps skin in z)
    rows = np.flatnonzero(cov.any(axis=1))
    cols = np.flatnonzero(cov.any(axis=0))
    wall = (mat[..., 3] < -0.5)
    above = slice(0, int(rows.min()))
    right = wall[above, int(cols.max()):]
    left = wall[above, :int(cols.min())]
    shade_right = mat[above, int(cols.max()):, 1][right]
    lit_left = mat[above, :int(cols.min()), 1][left]
    assert (shade_right < 0.2).mean() > 0.125, (shade_right < 0.2).mean()
    assert (lit_left > 0.8).mean() > 0.6, (lit_left > 0.8).mean()


def test_the_dream_shows_her_modelled_in_the_wide_room_then_close():
    """The woman's cue: her room modelled from 121 s, the close shot of her hands from 126 s."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    mod = importlib.import_module("scenes.serenes")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the cracks: a woman alone")
        return cue.values

    assert mod.close_shot_shown(values(123.0)) == "alone"
    assert mod.close_shot_shown(values(128.0)) == "woman"


def test_her_modelled_room_has_the_window_onto_the_citys_cold_night(gl):
    """Round 26: her wide room rated 3, one warm brown murk (the stage's window, round 17,
    was lost when the room was modelled in round 22).  The tall arched window onto the glass
    city's night is in her wall again, at her left past her candle: in the frame's left
    third, above the floor, over 8 % of the pixels are the night's cold blue (blue over red
    by 12 levels or more: 30 % now, none before)."""
    p = Player(gl, size=(320, 180))
    try:
        img = p.at(2.0, **ALONE, window=1.0)          # (as her cue has it)
    finally:
        p.release()
    left = img[:110, :107]
    cold = (left[..., 2] - left[..., 0]) >= 12.0
    assert cold.mean() > 0.08, cold.mean()


def test_her_wide_room_pushes_in_toward_her():
    """Round 26: her wide room held one picture from 121 to 126 s (two stills alike).  The
    shot pushes in toward her (``push`` 0 to 1 over its five seconds, ALONE_PUSH); the close
    shot that follows starts unpushed and pushes again.  Round 33: the dream loops 127.5-128 s
    from 127.5 s, so 126.4 and 128.4 s were one picture -- the close's push comes sooner (0.7
    by 127.7 s) and goes all the way (1 by 131 s), no longer half as far."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the cracks: a woman alone")
        return cue.values

    assert float(values(121.5)["push"]) < 0.1
    assert float(values(125.8)["push"]) > 0.9
    assert float(values(126.05)["push"]) < 0.01
    assert float(values(126.4)["push"]) < 0.1
    assert float(values(127.7)["push"]) > 0.65
    assert float(values(131.0)["push"]) > 0.95


def test_pushed_in_the_room_closes_round_her(gl):
    """The push (ALONE_PUSH) brings her room closer: at ``push`` 1 the window's cold night
    covers over 1.2x the pixels it covers at 0 (4775 vs 3663 at 320x180; the same picture
    before the push was built)."""
    p = Player(gl, size=(320, 180))
    try:
        near = p.at(2.0, **ALONE, window=1.0, push=1.0)
        far = p.at(2.0, **ALONE, window=1.0, push=0.0)
    finally:
        p.release()
    cold = lambda img: ((img[..., 2] - img[..., 0]) >= 12.0).sum()
    assert cold(near) > 1.2 * cold(far), (cold(near), cold(far))


def test_her_wide_rooms_stills_two_seconds_apart_are_different_pictures(gl):
    """Round 31's brief: round 30's blind set held 123.4 and 125.3 s as one picture (the push
    in was 1.18x and slowing).  The push goes twice as far (ALONE_PUSH) and the camera drifts
    right with it (her cue's ``pan``): the window slides out at the left, her shadow comes in,
    she comes toward the middle.  At 320x180 the two frames differ by over 22 levels on
    average (before: about 16.5; now about 27)."""
    from conftest import render_times
    f0, f1 = (f.astype(np.float32) for f in render_times(gl, "dream", [123.4, 125.3], size=(320, 180)))
    diff = np.abs(f0 - f1).mean()
    assert diff > 22.0, diff


def _wall_and_figures(img, geo, mat):
    """Luminance, the wall's pixels above the floor (the bake's background, in the frame's
    upper three fifths) and the figures' pixels."""
    lum = img.mean(axis=2)
    wall = mat[..., 3] < -0.5
    wall[int(0.6 * lum.shape[0]):] = False
    return lum, wall, geo[..., 3] > 0.5


def test_the_row_pushes_in_over_its_first_shot(gl):
    """Round 26 (B2): the row's stills at 83 and 85.5 s were one picture.  The first row shot
    pushes in along the row (``push`` 0 -> 1 over 82-88 s): the frame pushed in differs from
    the unpushed one by a mean of over 6 levels a channel (12.7 now; 0 on main, where the row
    ignored ``push``), and the cue's push differs by over 0.4 between the two stills; the row's return at
    100.5 s starts pushed in and pulls back."""
    img, _, _ = _row(gl)
    pushed, _, _ = _row(gl, push=1.0)
    assert np.abs(pushed - img).mean() > 6.0, np.abs(pushed - img).mean()
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def push(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the Serenes")
        return float(cue.values["push"])

    assert push(85.5) - push(83.0) > 0.4, (push(83.0), push(85.5))
    # and the row's return (100.5 s) starts close, pulling back: not 83 s's framing again
    # (round 28: from 0.5, not 0.8 -- "the figure at the right edge cut off" at 102.2 s)
    assert push(101.5) > 0.4 and push(105.5) < push(101.5), (push(101.5), push(105.5))


def test_their_candle_shadows_stand_dark_on_the_lit_wall(gl):
    """Round 26 (B2), the text's "shadows cast by candlelight": on the wall, where both front
    candles are hidden by a figure the plaster is over six times darker than where one
    reaches it (8.4 now; 4.8 on main, where the soft shadows left a brown murk)."""
    img, geo, mat = _row(gl)
    lum, wall, _ = _wall_and_figures(img, geo, mat)
    shade = wall & (mat[..., 1] < 0.3) & (mat[..., 2] < 0.3)
    lit = wall & ((mat[..., 1] > 0.7) | (mat[..., 2] > 0.7))
    assert lit.sum() > 500 and shade.sum() > 500, (lit.sum(), shade.sum())
    ratio = lum[lit].mean() / max(lum[shade].mean(), 1e-3)
    assert ratio > 6.0, ratio


def test_a_candle_rim_cuts_each_figure_from_the_wall(gl):
    """Round 26 (B2): "dark carved-looking columns against a brown wall".  The candle behind
    the row draws a bright line along their edges: the figures' brightest 2% are over ten
    times the wall's median (20 now; 6 on main), and the eyes outshine the wall's brightest
    1% by more than twice (2.85 now; 1.85 on main)."""
    img, geo, mat = _row(gl)
    lum, wall, cov = _wall_and_figures(img, geo, mat)
    assert np.percentile(lum[cov], 98) > 10.0 * np.median(lum[wall]), (
        np.percentile(lum[cov], 98), np.median(lum[wall]))
    rows = np.flatnonzero(cov.any(axis=1))
    top = slice(int(rows.min()), int(rows.min() + 0.2 * (rows.max() - rows.min())))
    eyes = lum[top][cov[top]].max()
    assert eyes > 2.0 * np.percentile(lum[wall], 99), (eyes, np.percentile(lum[wall], 99))


def test_her_shadow_on_the_wall_is_deep_umber_not_dead_black(gl):
    """Round 28, 124.4 s: "the right half dead black" (her shadow on the wall).  The candle's
    light bounced off the boards and the lit plaster (ALONE_BOUNCE) fills it: the wall right
    of her above her head averages over 1.5 levels, its darkest tenth over 1 (0.73 and 0
    before; 2.35 and 1.67 now at 320x180), so the shadow is a shape in the room, not a hole."""
    p = Player(gl, size=(320, 180))
    try:
        img = p.at(2.0, **ALONE, window=1.0)
        geo = p.pass_pixels("alone_geo")
    finally:
        p.release()
    cov = geo[..., 3] > 0.5
    rows = np.flatnonzero(cov.any(axis=1))
    cols = np.flatnonzero(cov.any(axis=0))
    top = int(rows.min() * img.shape[0] / geo.shape[0])
    right = int(cols.max() * img.shape[1] / geo.shape[1]) + 5
    wall = img.mean(axis=2)[:top, right:]
    assert wall.mean() > 1.5, wall.mean()
    assert np.percentile(wall, 10) > 1.0, np.percentile(wall, 10)


def test_at_the_cost_their_eyes_cold_light_models_the_row(gl):
    """Round 28, 102.2 s: the row's return for the cost "underexposed, nearly unreadable".
    As their eyes burn up (``eyes`` 0.95) their cold light (ROW_COLD) catches their edges and
    hoods: the figures' mean level rises over 1.3x their level at eyes 0.5 (1.37 now; 1.1
    before round 28).  (Round 32 replaced 1.6x: that cold light over the fold crests lit every
    lump of the gowns, "stiff lumpy columns", "melted-wax blobs"; it lies near their
    silhouettes now.)"""
    img, geo, _ = _row(gl, eyes=0.95)
    lo, _, _ = _row(gl, eyes=0.5)
    cov = geo[..., 3] > 0.5
    hi_lum = img.mean(axis=2)[cov].mean()
    lo_lum = lo.mean(axis=2)[cov].mean()
    assert hi_lum > 1.3 * lo_lum, (hi_lum, lo_lum)


def test_the_rows_return_for_the_cost_frames_them_whole_and_lit():
    """Round 28, 102.2 s: "the figure at the right edge cut off", the rim "jaggy" (the bake
    magnified by the push) and "underexposed": the return starts pushed in half as far (0.5,
    not 0.8) and widens to the whole row; the candles gutter only to 0.8 (not 0.65)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the Serenes")
        return cue.values

    assert float(values(100.6)["push"]) <= 0.5
    assert float(values(102.2)["push"]) < 0.45
    assert float(values(102.2)["candle"]) >= 0.8


def _alone_room(gl):
    """The woman's wide room (ALONE, her window on) at 320x180, 2 s in: the picture and its
    geometry and material passes, each the frame's shape -- what her room's tests read."""
    p = Player(gl, size=(320, 180))
    try:
        img = p.at(2.0, **ALONE, window=1.0)
        return img, _frame_of(p.pass_pixels("alone_geo"), img.shape), _frame_of(p.pass_pixels("alone_mat"), img.shape)
    finally:
        p.release()


def test_her_hands_are_in_the_same_light_as_her_cloth(gl):
    """Round 28, 124.4 s: "the hands float, disconnected and a different skin tone from the
    body", "the figure a shapeless sack".  Her skin is muted (ALONE_SKIN, ALONE_SKIN_GLOW) and
    her cloth a shade less black (ALONE_CLOTH), so her candle models her folds and sleeves up
    to her hands: in her wide room her hands' mean level is under 1.6x her cloth's (12.4 vs
    9.6 now at 320x180; 20.9 vs 6.6 before, glowing stickers on a black sack)."""
    img, geo, mat = _alone_room(gl)
    lum = img.mean(axis=2)
    body = geo[..., 3] > 0.99
    skin, cloth = body & (mat[..., 2] > 0.5), body & (mat[..., 2] < 0.5)
    assert skin.sum() > 20 and cloth.sum() > 1000, (skin.sum(), cloth.sum())
    assert lum[skin].mean() < 1.6 * lum[cloth].mean(), (lum[skin].mean(), lum[cloth].mean())


def test_her_glitch_doubles_her_hands_and_leaves_the_room_still(gl):
    """Round 29, 125.7 s: "the horizontal tear at her hands looks like a render bug".  (This
    replaces round 28's test that the tears were bands five lines tall: the torn bands
    themselves, across her lap and the wall, were what read as a broken frame.)  Only her
    hands stutter now -- a ghost of them jumped sideways, each outline doubling where it
    jumps: over eight glitch ticks at 320x180 over 20 pixels differ from the calm frame,
    and over 95 % of them lie within 4 pixels of her hands' skin (the band's tear left most
    of them on her cloth and the wall)."""
    p = Player(gl, size=(320, 180))
    shot = {**ALONE, "window": 1.0, "tremor": 1.0}
    changed = None
    try:
        for k in range(8):
            torn = p.frame(60 + 3 * k, **shot)
            calm = p.frame(60 + 3 * k, **{**shot, "tremor": 0.0})
            diff = np.abs(torn - calm).mean(axis=2) > 4
            changed = diff if changed is None else changed | diff
        mat = _frame_of(p.pass_pixels("alone_mat"), torn.shape)
    finally:
        p.release()
    skin = mat[..., 2] > 0.5
    near = skin.copy()
    for dy in range(-4, 5):
        for dx in range(-4, 5):
            near |= np.roll(np.roll(skin, dy, axis=0), dx, axis=1)
    assert changed.sum() > 20, changed.sum()
    assert changed[near].sum() > 0.95 * changed.sum(), (changed[near].sum(), changed.sum())


def test_she_sits_bowed_over_her_hands_in_her_lap(gl):
    """Round 28's second look at 124.4 s: "the hands float" at her chest before a hood that
    looks at us, "a shapeless sack".  She sits bowed: her hands lie low before her lap (their
    rows' middle over 0.42 of the way down her figure: 0.47 now, 0.35 before, at her chest),
    her sleeves leading down her sides to them, and her head bowed so deep that no pixel of
    her face looks out of the hood at the camera (32 before at 320x180).
    (Replaced in round 30: "a blank cone" -- bowed 1.1 rad no pixel of her face showed; bowed
    less and turned to her candle, a sliver of it shows in three-quarters, its rim lit:
    some face, but under 28 pixels, not the full mask looking at us.)"""
    img, geo, mat = _alone_room(gl)
    body = geo[..., 3] > 0.99
    skin = body & (mat[..., 2] > 0.5)
    rows = np.flatnonzero(body.any(axis=1))
    hands = np.flatnonzero(skin.any(axis=1))
    assert hands.size, "no hands"
    down = (hands.mean() - rows.min()) / (rows.max() - rows.min())
    assert down > 0.42, down
    face = body & (mat[..., 3] > 0.75) & ~skin
    assert 5 < face.sum() < 28, face.sum()                  # (19 now)


def _blobs(mask: np.ndarray) -> int:
    """How many separate 8-connected blobs ``mask`` holds."""
    lab = np.zeros(mask.shape, bool)
    n = 0
    for y, x in zip(*np.nonzero(mask)):
        if lab[y, x]:
            continue
        n += 1
        stack = [(y, x)]
        lab[y, x] = True
        while stack:
            a, b = stack.pop()
            for yy in range(max(a - 1, 0), min(a + 2, mask.shape[0])):
                for xx in range(max(b - 1, 0), min(b + 2, mask.shape[1])):
                    if mask[yy, xx] and not lab[yy, xx]:
                        lab[yy, xx] = True
                        stack.append((yy, xx))
    return n


def test_every_figure_in_the_row_shows_both_eyes(gl):
    """Round 29, 86.8 s: "several figures have a single eye (reads as a bug)" -- the outer
    ones were turned up to 0.38 rad from the camera and their far beads fell behind the
    cowl.  Turned a little toward the camera now: at 640x360 the row's cold bright beads
    are ten separate blobs, two for each of the five (10 now; 5 before)."""
    img, _, _ = _row(gl, size=(640, 360))
    beads = (img[..., 2] > 120) & (img[..., 2] - img[..., 0] > 10)
    assert _blobs(beads) == 10, _blobs(beads)


def test_a_second_windows_cold_light_fills_the_wall_right_of_her(gl):
    """Round 29, 125.7 s: "the right half empty darkness".  A second window off the frame at
    the right throws the night's cold light on her wall (alone_moon_patch), its mullions'
    shadows across it: in the frame's right quarter above the boards, over 10 % of the
    pixels are bluer than red by 4 levels (26 % now; none before) and they average over 10
    levels (22 now; 4 before)."""
    img, _, _ = _alone_room(gl)
    h, w = img.shape[:2]
    right = img[:int(0.7 * h), int(0.75 * w):]
    cold = (right[..., 2] - right[..., 0]) >= 4.0
    assert cold.mean() > 0.1, cold.mean()
    assert right.mean() > 10.0, right.mean()


def test_her_windows_frame_and_reveal_are_lit_by_her_candle(gl):
    """Round 29, 125.7 s: "the window a flat 2D cut-out in another style" (its frame a black
    stencil).  The opening is set in a thick wall, its reveal's side toward the candle and
    its sill lit warm, the frame candle-lit wood: in the window's box (the night's cold
    pixels' bounds in the left third) the pixels that are not the night average over 14
    levels (21 now; 8.5 before), their lower quartile over 8 (13; 3 before)."""
    img, _, _ = _alone_room(gl)
    w = img.shape[1]
    cold = (img[..., 2] - img[..., 0]) >= 12.0
    ys, xs = np.nonzero(cold[:, :w // 3])
    box = (slice(ys.min(), ys.max() + 1), slice(xs.min(), xs.max() + 1))
    lum = img[box].mean(axis=2)[~cold[box]]
    assert lum.mean() > 14.0, lum.mean()
    assert np.percentile(lum, 25) > 8.0, np.percentile(lum, 25)


def test_the_row_is_exposed_for_its_candle_light_with_true_blacks_kept(gl):
    """Round 29, 86.8 s: "underexposed".  ROW_EXPOSURE 0.88 (0.7 before): at 320x180 the row's
    frame averages over 16 levels (17.5 now; 14.5 before) and its median over 7 (8; 5.7),
    while over a sixth of it stays true black, under 3 levels (24 %; 32 % before).  (Round 32:
    the median over 6.5, not 7 -- the gowns are shadows now, "stiff lumpy columns" when the
    front candles lit them, and the median pixel is one of them; the lit wall carries the
    mean.)  (Round 34 follow-up: over 6.0 -- the robes' folded sleeves and pooled hems cover
    more of the frame in shadow, 6.3 now.)"""
    img, _, _ = _row(gl)
    lum = img.mean(axis=2)
    assert lum.mean() > 16.0, lum.mean()
    assert np.median(lum) > 6.0, np.median(lum)
    assert (lum < 3.0).mean() > 1.0 / 6.0, (lum < 3.0).mean()


def _inner_and_edge(cov: np.ndarray, r: int):
    """The covered pixels over ``r`` pixels inside the outline, and those within two of it."""
    def erode(m: np.ndarray, n: int) -> np.ndarray:
        for _ in range(n):
            p = np.pad(m, 1, constant_values=False)
            m = m & p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:]
        return m
    return erode(cov, r), cov & ~erode(cov, 2)


def test_the_row_are_shadows_cut_out_by_a_candle_rim_not_lit_lumps(gl):
    """Round 32 (B): "the bodies are stiff lumpy columns / shapeless tubes / melted-wax blobs"
    -- the front candles modelled every lump of the gowns.  The row commits to the text's
    "shadows cast by candlelight": the fronts near black (the cloth over 4 px inside the
    outline at 320x180, below the hoods: its 90th percentile under 18.5 levels; 13.7 now, 22.3 on main) and a
    hot candle rim along the outline (its 98th percentile over 7.5 times the fronts'; 10.4
    now, 5.9 on main), at the cost too (eyes 0.95, where the cold light lit the fold crests)."""
    for eyes in (0.5, 0.95):
        img, geo, mat = _row(gl, eyes=eyes)
        cov = geo[..., 3] > 0.5
        inner, edge = _inner_and_edge(cov, 4)
        lum = img.mean(axis=2)
        cloth = inner & (mat[..., 3] < 0.25) & (mat[..., 3] > -0.5)
        rows = np.flatnonzero(cov.any(axis=1))
        cloth[: int(rows.min() + 0.25 * (rows.max() - rows.min()))] = False    # (the gowns: the hoods hold the eyes' glow)
        assert cloth.sum() > 2000, cloth.sum()
        front = np.percentile(lum[cloth], 90)
        rim = np.percentile(lum[edge], 98)
        assert front < 18.5, (eyes, front)
        assert rim > 7.5 * front, (eyes, rim, front)


def test_pushed_in_the_tallest_hood_stays_in_the_frame(gl):
    """Round 32 (B): "one head is cut off at the top" (87.2 s, the first row shot pushed in).
    The push aims at the hoods' height (ROW_AIM), so at ``push`` 1 the highest of their eyes
    (cold bright pixels: blue over 100 and not below red) lies over 10 % of the frame's
    height below its top (11.7 % now; 6.1 % on main, the hood above them cut by the edge)."""
    img, _, _ = _row(gl, push=1.0)
    f = img.astype(float)
    cold = (f[..., 2] > 100.0) & (f[..., 2] >= f[..., 0])
    rows = np.flatnonzero(cold.any(axis=1))
    assert len(rows), "no eyes"
    assert rows.min() > 0.10 * img.shape[0], rows.min() / img.shape[0]


def test_the_rim_is_a_candles_gold_edge_hugging_the_outline_not_a_cream_band(gl):
    """Round 34 (85.8 s): "the rim light is a hard, detached band (artefact)", "the rim lines
    look stuck on".  The rim's light comes from the outline's own profile (brightest on it,
    falling off into the cloth), not from the lumpy baked normals, in the candle's gold: at
    640x360 the brightest third of the outermost ring of the figures' pixels is warm -- its
    blue under 0.34 of its red (0.30 now; 0.40 on main, the pale cream band) -- and that ring
    outshines the ring two pixels inside it (90th percentiles, over 1.5 times: 1.76 now)."""
    img, geo, _ = _row(gl, size=(640, 360))
    cov = geo[..., 3] > 0.5
    inner1, _ = _inner_and_edge(cov, 1)
    inner3, _ = _inner_and_edge(cov, 3)
    outer, nxt = cov & ~inner1, inner1 & ~inner3
    lum = img.mean(axis=2)
    lit = outer & (lum >= np.percentile(lum[outer], 70))
    warmth = img[lit][:, 2].mean() / img[lit][:, 0].mean()
    assert warmth < 0.34, warmth
    assert np.percentile(lum[outer], 90) > 1.5 * np.percentile(lum[nxt], 90), (
        np.percentile(lum[outer], 90), np.percentile(lum[nxt], 90))


def test_the_lit_plaster_has_a_trowelled_relief_not_a_smooth_wash(gl):
    """Round 34 (85.8 s): "the background is empty" -- the brief: "a wall with texture".  The
    plaster's relief (trowelled strokes over a grain, its normal tilted so the candles low in
    front rake across it): on the lit wall at 640x360 (over 3 px from any figure, above 25
    levels), a pixel departs from its 5x5 neighbourhood's mean by over 2.2 % of the light on
    average (3.4 % now; 1.25 % on main, the smooth mottle)."""
    img, geo, mat = _row(gl, size=(640, 360))
    _, wall, _ = _wall_and_figures(img, geo, mat)
    f = img.astype(float).mean(axis=2)
    p = np.pad(f, 2, mode="edge")
    blur = sum(p[2 + dy: 2 + dy + f.shape[0], 2 + dx: 2 + dx + f.shape[1]]
               for dy in range(-2, 3) for dx in range(-2, 3)) / 25.0
    for _ in range(3):
        q = np.pad(wall, 1)
        wall = wall & q[:-2, 1:-1] & q[2:, 1:-1] & q[1:-1, :-2] & q[1:-1, 2:]
    lit = wall & (f > 25.0)
    assert lit.sum() > 5000, lit.sum()
    grain = np.abs(f - blur)[lit].mean() / f[lit].mean()
    assert grain > 0.022, grain


def _width_profile(cov: np.ndarray, cx: int) -> list[int]:
    """The width of the run of coverage through column ``cx`` on each row, from the figure's
    top (its first covered row there) down to the frame's foot (0 where it is uncovered)."""
    top = int(np.flatnonzero(cov[:, cx])[0])
    widths = []
    for y in range(top, cov.shape[0]):
        row = cov[y]
        if not row[cx]:
            widths.append(0)
            continue
        a = cx - int(np.argmin(row[cx::-1])) + 1 if not row[: cx + 1].all() else 0
        b = cx + int(np.argmin(row[cx:])) - 1 if not row[cx:].all() else len(row) - 1
        widths.append(b - a + 1)
    return widths


def test_the_row_are_hooded_robed_figures_with_folded_sleeves_not_pins(gl):
    """Round 34 follow-up (85.8 s): "blobby cut-outs", "bowling-pin blobs" -- a hood on a
    tube.  Each is a hooded robed figure: the cowl peaks and falls past a neck dip to a
    shoulder line, the sleeves are folded before the body (the elbows break the outline) and
    the robe widens below them to a pooled hem.  Down each figure's middle (rows 25-75 % of its
    height) its outline steps in by over a fifth of its width within four rows, under the
    elbows, on at least four of the five (0.21-0.30 now; under 0.13 on main, the pin's smooth
    taper), and its hood's top rows are narrower than its neck (the peak)."""
    _, geo, _ = _row(gl)
    cov = geo[..., 3] > 0.5
    line = cov[int(0.62 * cov.shape[0])]
    starts = np.flatnonzero(np.diff(np.r_[0, line.astype(int)]) == 1)
    ends = np.flatnonzero(np.diff(np.r_[line.astype(int), 0]) == -1)
    assert len(starts) == 5, len(starts)
    breaks = []
    for s, e in zip(starts, ends):
        w = np.array(_width_profile(cov, int((s + e) // 2)), dtype=float)
        n = int(np.flatnonzero(w)[-1]) + 1
        mid = w[int(0.25 * n): int(0.75 * n)]
        breaks.append(max((mid[i] - mid[i + 4]) / mid[i] for i in range(len(mid) - 4)))
        neck = w[int(0.12 * n): int(0.25 * n)].min()
        assert w[:2].max() < neck, (w[:2], neck)
    assert sum(b > 0.2 for b in breaks) >= 4, breaks


def _pillar_width(lum: np.ndarray, y: int, x: int, reach: int = 12) -> int:
    """The width of a candle's wax at row ``y`` below its flame at column ``x``: the distance
    between the nearest dark edge (a local minimum of the light: the cylinder's sides turn
    from its flame) on either side of the flame's column."""
    row = lum[y]
    left = next((i for i in range(x - 1, x - reach, -1) if row[i] <= row[i - 1] and row[i] < row[i + 1]), x)
    right = next((i for i in range(x + 1, x + reach) if row[i] <= row[i + 1] and row[i] < row[i - 1]), x)
    return right - left


def test_the_rows_candles_are_wax_pillars_not_thin_sticks(gl):
    """Round 34 follow-up (85.8 s): the row's candles "are thin sticks" -- the portrait's wax
    candle drawn where they stand, 4.4 cm across three metres off, a stick 42 cm tall.  Drawn
    at twice its size (CANDLE_SCALE) and shorter, their flames 10 cm lower, each reads as a
    thick wax pillar: at 320x180, eight and ten rows below each flame (the two brightest
    points low in the frame), its wax is over 3.5 px between its dark sides (4-10 now; 2-3 on
    main)."""
    img, _, _ = _row(gl)
    lum = img.mean(axis=2)
    low = lum.copy()
    low[: lum.shape[0] // 2] = 0.0
    widths = []
    for _ in range(2):
        y, x = np.unravel_index(int(np.argmax(low)), low.shape)
        widths.append(np.median([_pillar_width(lum, y + dy, x) for dy in (8, 10)]))
        low[max(y - 15, 0): y + 15, max(x - 15, 0): x + 15] = 0.0
    assert min(widths) > 3.5, widths
