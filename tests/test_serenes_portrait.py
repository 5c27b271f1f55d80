"""The Serenes' portrait shot (round 20): one Serene close, modelled, not a cut-out.

Nine blind readers in a row called the Serenes "cut-out figures", "identical cone silhouettes",
the room "the same set-up three times".  The cue now cuts to a close portrait of one of them:
its hooded bust a distance field (hood, cowl opening, mantle, shoulders, folds) marched once
into a G-buffer and relit each frame by a candle low at the left and one behind at the right,
the face in the cowl's shadow, the two lidless eyes analytic mercury spheres.
"""
from __future__ import annotations

import importlib

import numpy as np

from test_scene_serenes import Player

SHOT = {"portrait": 1.0, "eyes": 0.5, "flicker": 0.0, "voices": 0.0, "lovers": 0.0, "child": 0.0}


def _scene():
    return importlib.import_module("scenes.serenes").serenes


def _shot(gl, size=(320, 180), **over):
    p = Player(gl, size=size)
    try:
        img = p.at(2.0, **{**SHOT, **over})
        geo = _to_frame(p.pass_pixels("portrait_geo"), img.shape)
        mat = _to_frame(p.pass_pixels("portrait_mat"), img.shape)
    finally:
        p.release()
    return img, geo, mat


def _to_frame(gbuf: np.ndarray, shape) -> np.ndarray:
    """A G-buffer pass (baked at twice the frame's size) averaged down to the frame's pixels."""
    k = gbuf.shape[0] // shape[0]
    h, w = shape[0], shape[1]
    return gbuf[:h * k, :w * k].reshape(h, k, w, k, 4).mean(axis=(1, 3))


def _woman_close_torn(gl):
    """The woman seen close with her tremor at full (640x360): the frame, its geometry and
    material G-buffers at the frame's size, and four frames a glitch tick apart."""
    p = Player(gl, size=(640, 360))
    try:
        shot = {**SHOT, "close_woman": 1.0, "portrait": 0.0, "tremor": 1.0, "flicker": 0.0}
        img = p.at(2.0, **shot)
        geo = _to_frame(p.pass_pixels("woman_geo"), img.shape)
        mat = _to_frame(p.pass_pixels("woman_mat"), img.shape)
        return img, geo, mat, [p.frame(60 + k, **shot) for k in range(0, 12, 3)]
    finally:
        p.release()


def _lovers_frame(gl, size):
    """The lovers' shot (two busts over their candle) at `size`, with its geometry and
    material G-buffers brought to the frame's size: (image, geometry, material)."""
    p = Player(gl, size=size)
    try:
        img = p.at(2.0, **{**SHOT, "profiles": 1.0, "portrait": 0.0, "lovers": 1.0})
        return (img, _to_frame(p.pass_pixels("lovers_geo"), img.shape),
                _to_frame(p.pass_pixels("lovers_mat"), img.shape))
    finally:
        p.release()


def _draw_counts(scene, counts: dict, **params) -> dict:
    """The passes' draw counts the scene sets for one frame with ``params`` over its defaults
    (into ``counts``, kept between calls as the runner keeps them)."""
    resources = type("R", (), {"draw_count": lambda self, n, c, instances=None: counts.__setitem__(n, c)})()
    state = type("S", (), {"t": 2.0, "seed": 1, "resolution": (160, 90),
                           "params": {**{p.name: p.default for p in scene.params}, **params}})()
    scene.update(state, resources)
    return counts


def test_the_portrait_replaces_the_stage_and_the_stage_draws_none_of_it():
    """Either the stage or the portrait is drawn, never both (on llvmpipe a pass drawn and
    then covered costs its full price): with ``portrait`` on, every stage pass draws nothing
    and the three portrait passes draw; off, the reverse."""
    scene = _scene()
    mod = importlib.import_module("scenes.serenes")
    counts = {}
    for on in (0.0, 1.0, 0.0):
        _draw_counts(scene, counts, portrait=on, voices=0.5, lovers=0.5)
        for name in mod.PORTRAIT_PASSES:
            assert (counts[name] > 0) == bool(on), (name, on, counts)
        for name in mod.LOVERS_PASSES:
            assert counts[name] == 0, (name, on, counts)
        if on:
            assert all(counts[name] == 0 for name in mod.STAGE_PASSES), counts
        else:
            # (back from the shot, every stage pass has its count again)
            own = {spec.name: spec.count for spec in scene.passes}
            for name in ("occluder", "shadow", "figures", "eyes_img", "candles_img", "floor"):
                assert counts.get(name, own[name]) == own[name], (name, counts)
            assert counts["main"] == 3


def test_the_bust_is_a_modelled_volume_filling_the_right_of_the_frame(gl):
    """Not a cut-out: the G-buffer holds a surface whose normals turn through the form (the
    hood's left flank faces the key candle, the right flank faces away), it fills a good
    share of the frame right of centre (head and shoulders: 21 % of it, its columns' mean at
    0.64 of the width), and it is lit as one volume -- across the hood at the eyes' height
    the key side is over three times the far side (13x now)."""
    img, geo, mat = _shot(gl)
    cov = geo[..., 3]
    assert 0.15 < float((cov > 0.5).mean()) < 0.6, float((cov > 0.5).mean())
    cols = np.flatnonzero((cov > 0.5).any(axis=0))
    assert cols.mean() > 0.55 * cov.shape[1], cols.mean()
    nx = _normals(geo)[..., 0][cov > 0.99]
    assert nx.min() < -0.6 and nx.max() > 0.6, (nx.min(), nx.max())
    # the row through the eyes: the brightest cloth pixel vs the hood's far flank
    lum = img.mean(axis=2)
    cloth = (cov > 0.99) & (mat[..., 3] < 0.25)
    rows = np.flatnonzero(((mat[..., 3] > 0.75) & (cov > 0.99)).any(axis=1))
    band = slice(int(rows.min()), int(rows.max()) + 1)
    some = cloth[band].any(axis=0)
    per_col = (np.where(cloth[band], lum[band], 0.0).sum(axis=0)[some]
               / cloth[band].sum(axis=0)[some])
    lit = np.percentile(per_col, 90)
    far = np.percentile(per_col, 10)
    assert lit > 3.0 * far, (lit, far)


def test_the_face_lies_in_shadow_and_the_mercury_eyes_are_the_brightest_of_the_figure(gl):
    """The face in the cowl is dark; in it the two eyes are the brightest things (the 99th
    percentile of the face region over 3x its median: 4x now).  Round 25 (two readers: round
    24's small dark beads were "dull black beads", "button eyes"; round 23's large ones
    "googly chrome balls"): the eyes GLOW -- over 140 levels, the figure holds exactly two
    blobs, the eyes, each of modest size, between 40 and 200 px at 640x360 (99 and 70 now;
    round 24's dark beads held none over 2 px, round 23's balls were 276 and 257 px).
    (Round 29: "cartoon googly eyes" again -- the milky white heart is smaller, the chrome
    mirror carries the ball: the blobs are counted over 100 levels, 74 and 56 px now.)
    (Round 33, 92.1 s: "the hood looks like clay or bark" -- the cloth is velvet now, dark
    where it faces us and catching the candle in a sheen where it turns away: that sheen may
    pass 100 levels along the lit flank, but in the cowl's opening the eyes are the only two
    bright blobs, and nothing on the cloth is as large as either eye: 67 and 56 px, the
    sheen's largest 27 px.)"""
    img, geo, mat = _shot(gl, size=(640, 360))
    lum = img.mean(axis=2)
    face = (mat[..., 3] > 0.75) & (geo[..., 3] > 0.99)
    assert face.sum() > 400, face.sum()
    assert np.percentile(lum[face], 99) > 3.0 * np.median(lum[face]), (
        np.percentile(lum[face], 99), np.median(lum[face]))
    sizes = sorted(_blob_sizes((lum > 100.0) & (geo[..., 3] > 0.5)), reverse=True)
    assert len(sizes) >= 2 and 40 < sizes[1] <= sizes[0] < 200, sizes[:4]
    assert len(sizes) < 3 or sizes[2] < 0.6 * sizes[1], sizes[:4]
    inner = sorted(_blob_sizes((lum > 100.0) & (geo[..., 3] > 0.5) & (mat[..., 3] > 0.25)), reverse=True)
    assert len(inner) >= 2 and (len(inner) < 3 or inner[2] < 12), inner[:4]


def test_the_eyes_glow_into_the_cowl_and_hold_the_flame_as_a_warm_point(gl):
    """Round 25: each eye is liquid silver lit from within -- its pixels bright (median over
    120 levels: 141 now), cold (blue over red by over 10: 155 vs 129), its light
    blooming into the dark of the cowl (the face within 10 px of the eyes over 2x the rest
    of the face: 36 vs 13 now; 3 vs 3 with the beads), and the candle's flame on it a
    crisp warm point (a pixel on the eyes redder than blue by over 15 levels: 38 now).
    Round 24's beads held 3 px over 140 levels.  (Round 29: "cartoon googly eyes" -- the
    white heart smaller, the eyes counted over 100 levels, not 140.)  (Round 33: counted in
    the cowl's opening -- the velvet's sheen on the lit flank may pass 100 levels too.)"""
    img, geo, mat = _shot(gl, size=(640, 360))
    lum = img.mean(axis=2)
    face = (mat[..., 3] > 0.75) & (geo[..., 3] > 0.99)
    eyes = (lum > 100.0) & (geo[..., 3] > 0.5) & (mat[..., 3] > 0.25)
    assert eyes.sum() > 60, eyes.sum()
    on = _box(eyes.astype(float), 3) > 0.0
    assert np.median(lum[on]) > 90.0, np.median(lum[on])      # (round 29: 102, the heart smaller)
    assert np.median(img[..., 2][on]) > np.median(img[..., 0][on]) + 10.0, (
        np.median(img[..., 2][on]), np.median(img[..., 0][on]))
    near = _box(eyes.astype(float), 21) > 0.0
    ring = near & ~on & face
    assert ring.sum() > 100, ring.sum()
    assert np.median(lum[ring]) > 2.0 * np.median(lum[face & ~near]), (
        np.median(lum[ring]), np.median(lum[face & ~near]))
    warm = img[..., 0].astype(float) - img[..., 2].astype(float)
    assert warm[on].max() > 15.0, warm[on].max()


def _blob_sizes(mask: np.ndarray) -> list[int]:
    """The sizes of the 8-connected blobs of a boolean mask."""
    todo = {(int(y), int(x)) for y, x in zip(*np.nonzero(mask))}
    sizes = []
    while todo:
        stack = [todo.pop()]
        n = 0
        while stack:
            y, x = stack.pop()
            n += 1
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if (y + dy, x + dx) in todo:
                        todo.remove((y + dy, x + dx))
                        stack.append((y + dy, x + dx))
        sizes.append(n)
    return sizes


def test_the_dream_cuts_to_the_portrait_in_the_serenes_cue_and_back():
    """The Serenes' cue holds two set-ups: the stage, a cut to the portrait at 88 s (cue
    6 s), held to 95 s with a slow push in, then the stage again with their voices."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the Serenes")
        return cue.values

    assert float(values(86.0)["portrait"]) < 0.5
    assert float(values(88.5)["portrait"]) >= 0.5 and float(values(94.5)["portrait"]) >= 0.5
    assert float(values(96.0)["portrait"]) < 0.5
    assert float(values(89.0)["push"]) < float(values(94.0)["push"])


def test_the_cowl_is_dark_woven_cloth_not_clay(gl):
    """Round 20's one 4 had one weakness: "cloth looks like clay" (a smooth terracotta
    lambert).  The cowl is now dark woven cloth: fibre streaks and a twill in the lit flank
    (its fine detail -- a pixel's brightness less its 9x9 neighbourhood's, over the mean --
    0.19 now, 0.065 as clay); charcoal-umber, not terracotta (the cloth's mean chroma, max
    less min channel, 26 now, 42 as clay); and the candle behind glows THROUGH the thin edges
    (the pixels the bake marks thin toward it are over twice as bright as the thick cloth:
    146 vs 35 now; the clay bake had no such channel)."""
    img, geo, mat = _shot(gl, size=(640, 360))
    lum = img.mean(axis=2)
    cloth = (geo[..., 3] > 0.99) & (mat[..., 3] < 0.25)
    lit = cloth & (lum > np.percentile(lum[cloth], 60))
    inner = lit & (_box(cloth.astype(float), 9) > 0.999)
    assert inner.sum() > 5000, inner.sum()
    detail = (lum - _box(lum, 9))[inner].std() / lum[inner].mean()
    assert detail > 0.12, detail
    chroma = (img[cloth].max(axis=1) - img[cloth].min(axis=1)).mean()
    assert chroma < 34.0, chroma
    thin = cloth & (mat[..., 2] > 0.5)
    thick = cloth & (mat[..., 2] < 0.1)
    assert thin.sum() > 50 and thick.sum() > 5000, (thin.sum(), thick.sum())
    assert img[thin][:, 0].mean() > 2.0 * img[thick][:, 0].mean(), (img[thin][:, 0].mean(), img[thick][:, 0].mean())


def test_the_robe_falls_in_sharp_creased_folds_of_charcoal_cloth(gl):
    """Round 24: the robes read as "rubbery sacks", "brown leather sacks", "melted wax" (soft
    sine tubes, a warm satin).  The folds falling from the shoulders are creased now: across
    the lower third of the cloth the normal turns sharply between neighbouring pixels (the
    99th percentile of the angle between horizontal neighbours over 25 degrees: 41 now, 15
    as the soft tubes); and the cloth is charcoal, not brown (its mean chroma, max less min
    channel, under 23 levels: 19.5 now, 26.4 as the brown)."""
    img, geo, mat = _shot(gl, size=(640, 360))
    cloth = (geo[..., 3] > 0.99) & (mat[..., 3] < 0.25)
    n = _normals(geo)
    both = cloth[:, 1:] & cloth[:, :-1]
    both[: int(0.6 * both.shape[0])] = False
    assert both.sum() > 5000, both.sum()
    turn = np.degrees(np.arccos(np.clip((n[:, 1:] * n[:, :-1]).sum(axis=-1), -1.0, 1.0)))
    assert np.percentile(turn[both], 99) > 25.0, np.percentile(turn[both], 99)
    chroma = (img[cloth].max(axis=1) - img[cloth].min(axis=1)).mean()
    assert chroma < 23.0, chroma


def test_the_bake_marches_once():
    """The G-buffer's second target does not march the field again: it reads the first's hit
    back (round 21: the bake is a stall at the cut, and it was two full marches)."""
    scene = _scene()
    mat = next(p for p in scene.passes if p.name == "portrait_mat")
    assert "portrait_geo" in mat.inputs
    from pathlib import Path
    src = (Path(__file__).resolve().parents[1] / "shaders/scenes/serenes/portrait_mat.frag").read_text()
    assert "portrait_march" not in src


def _box(a: np.ndarray, k: int) -> np.ndarray:
    """The mean of each pixel's k x k neighbourhood (edges repeated)."""
    from numpy.lib.stride_tricks import sliding_window_view
    p = np.pad(a, k // 2, mode="edge")
    return sliding_window_view(p, (k, k)).mean(axis=(2, 3))


def _normals(geo: np.ndarray) -> np.ndarray:
    """The G-buffer's normals, unpacked (portrait.glsl portrait_pack_normal: octahedral, the
    hemisphere facing the camera unfolded)."""
    x, y = geo[..., 0], geo[..., 1]
    z = 1.0 - np.abs(x) - np.abs(y)
    t = np.maximum(-z, 0.0)
    x = x + np.where(x >= 0.0, -t, t)
    y = y + np.where(y >= 0.0, -t, t)
    n = np.stack([x, y, z], axis=-1)
    n /= np.linalg.norm(n, axis=-1, keepdims=True) + 1e-12
    n[..., 2] *= -1.0
    return n


def test_the_lovers_shot_replaces_the_stage_and_the_portrait():
    """``profiles`` on: only the lovers' three passes draw -- not the stage, not the portrait
    (even with ``portrait`` on too)."""
    scene = _scene()
    mod = importlib.import_module("scenes.serenes")
    counts = _draw_counts(scene, {}, portrait=1.0, profiles=1.0, voices=0.5, lovers=0.5)
    assert all(counts[name] == 3 for name in mod.LOVERS_PASSES), counts
    assert all(counts[name] == 0 for name in mod.PORTRAIT_PASSES + mod.STAGE_PASSES), counts


def test_the_lovers_are_two_modelled_busts_face_to_face_with_the_thread_between(gl):
    """Round 21: the row's "soft cones in a row" twice -- a close shot of the lovers: two
    modelled busts, one each side of the frame (each over 12 % of its half; 29 % now),
    turned to each other, a gap
    between their cowls at the eyes' height where the neural thread glows cyan (blue over
    red, over 5x the dark above it: 216 vs 6 now), their mercury eyes and the candle
    between them below."""
    img, geo, mat = _lovers_frame(gl, (640, 360))
    cov = geo[..., 3] > 0.5
    h, w = cov.shape
    left, right = cov[:, : w // 2], cov[:, w // 2:]
    assert left.mean() > 0.12 and right.mean() > 0.12, (left.mean(), right.mean())
    # (round 26: square on, the two were exact mirror images -- an ornament, a "render";
    # round 32, "the mirror-symmetric layout is stiff": the camera stands close over the near
    # one's shoulder, the pair off-centre at different depths -- their coverage's mirror
    # agrees under 90 % (50 % now; 92 % in round 31), the layout itself is
    # test_the_lovers_sit_off_centre_at_different_depths_with_the_thread_climbing)
    agree = (left == right[:, ::-1]).mean()
    assert agree < 0.9, agree
    # the thread glows cold and bright between them, far over the dark above it
    lum = img.mean(axis=2)
    cold = (img[..., 2] > 110) & (img[..., 2] - img[..., 0] > 8) & ~cov
    assert cold.sum() > 40, cold.sum()
    ys = np.flatnonzero(cold.any(axis=1))
    dark = lum[max(int(ys.min()) - 40, 0): max(int(ys.min()) - 20, 1), w // 3: 2 * w // 3].mean()
    assert img[cold][:, 2].mean() > 5.0 * dark, (img[cold][:, 2].mean(), dark)
    # the shading is a volume's: normals through the form on both
    nx = _normals(geo)[..., 0][geo[..., 3] > 0.99]
    assert nx.min() < -0.6 and nx.max() > 0.6, (nx.min(), nx.max())


def test_the_dream_cuts_to_the_lovers_after_the_portrait_and_back_to_the_row():
    """The Serenes' cue holds three set-ups: the row, the portrait (88-95 s), the lovers close
    (95-100.5 s; round 33: from the portrait's cut, the second between them had fallen back
    to the stage's "blob silhouettes"), the row for the cost."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([])).show("dream")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the Serenes")
        return cue.values

    assert float(values(94.9)["profiles"]) < 0.5 and float(values(94.9)["portrait"]) >= 0.5
    assert float(values(95.05)["profiles"]) >= 0.5 and float(values(95.05)["portrait"]) < 0.5
    assert float(values(96.2)["profiles"]) >= 0.5 and float(values(100.3)["profiles"]) >= 0.5
    assert float(values(101.0)["profiles"]) < 0.5 and float(values(101.0)["portrait"]) < 0.5
    assert float(values(91.0)["profiles"]) < 0.5


def test_the_woman_close_replaces_the_stage_and_the_other_shots():
    """``close_woman`` on: only her three passes draw -- not the stage, the portrait or the
    lovers (even with those on too)."""
    scene = _scene()
    mod = importlib.import_module("scenes.serenes")
    counts = _draw_counts(scene, {}, portrait=1.0, profiles=1.0, close_woman=1.0)
    assert all(counts[name] == 3 for name in mod.WOMAN_PASSES), counts
    others = mod.PORTRAIT_PASSES + mod.LOVERS_PASSES + mod.STAGE_PASSES
    assert all(counts[name] == 0 for name in others), counts


def test_the_woman_close_is_modelled_with_open_lit_hands_that_the_glitch_tears(gl):
    """Round 21: the woman read as "a primitive mannequin, flat wall".  Close, she is the
    portrait's modelled bust bowed over two open hands (bare skin in the G-buffer on both
    sides of her middle, each hand over 150 px at 640x360; 1106 and 1200 now), the hands
    brighter than her cloth (their median over 1.5x the cloth's: 1.9x now), and the glitch tears
    them in rows: from one tick of it to the next, the rows that change lie in the band round
    her hands (over 90 % of the changed pixels there, all 841 now; the rest of the frame holds still)."""
    img, geo, mat, frames = _woman_close_torn(gl)
    cov = geo[..., 3] > 0.99
    skin = cov & (mat[..., 3] > 0.75) & (mat[..., 3] < 0.95)
    cols = np.flatnonzero(skin.any(axis=0))
    mid = 0.5 * (cols.min() + cols.max())
    left = skin[:, : int(mid)].sum()
    right = skin[:, int(mid):].sum()
    assert left > 150 and right > 150, (left, right)
    lum = img.mean(axis=2)
    cloth = cov & (mat[..., 3] < 0.25)
    assert np.median(lum[skin]) > 1.5 * np.median(lum[cloth]), (np.median(lum[skin]), np.median(lum[cloth]))
    rows = np.flatnonzero(skin.any(axis=1))
    band = np.zeros(skin.shape, bool)
    band[max(int(rows.min()) - 30, 0): int(rows.max()) + 30] = True
    changed = np.zeros(skin.shape, bool)
    for a, b in zip(frames, frames[1:]):
        changed |= np.abs(a - b).max(axis=2) > 40.0
    assert changed.sum() > 50, changed.sum()
    assert changed[band].sum() > 0.9 * changed.sum(), (changed[band].sum(), changed.sum())


def test_the_dream_cuts_to_the_woman_close_after_the_wide_room():
    """The woman's cue holds two set-ups: the wide room (121-126 s), then her close."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([])).show("dream")

    def values(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the cracks: a woman alone")
        return cue.values

    assert float(values(123.0)["close_woman"]) < 0.5
    assert float(values(126.5)["close_woman"]) >= 0.5 and float(values(130.5)["close_woman"]) >= 0.5


def test_the_cowl_shows_no_striping_at_a_large_size(gl):
    """Round 21's reader (1366x768): "moire striping on the cloth" -- the twill's ribs, 5-7 px
    apart at that size, read as stripes over the whole hood.  They show only in an extreme
    close-up now, and the lit cloth's pixel-scale detail (|luma - its 3x3 mean|) at 960x540 is
    under 2.5 levels (2.1; 3.3 with the ribs).  (Round 24: measured on the hood, where the
    ribs showed, 3 px or more from the black round it -- the mantle's creased folds and their
    crisp outline against the black are sharp by design, not striping.)"""
    from numpy.lib.stride_tricks import sliding_window_view
    from conftest import render_times
    (frame,) = render_times(gl, "dream", [94.1], size=(960, 540))
    luma = frame.astype(float).mean(axis=2)
    box = sliding_window_view(np.pad(luma, 1, mode="edge"), (3, 3)).mean(axis=(2, 3))
    inside = sliding_window_view(np.pad((luma > 8).astype(float), 3, mode="edge"), (7, 7)).min(axis=(2, 3)) > 0
    lit_cloth = (luma > 35) & inside
    lit_cloth[:, :480] = False                   # the bust stands in the right half
    lit_cloth[270:] = False                      # the hood (below, the creases are crisp by design)
    assert lit_cloth.sum() > 5000, lit_cloth.sum()
    assert np.abs(luma - box)[lit_cloth].mean() < 2.5, np.abs(luma - box)[lit_cloth].mean()


def test_the_hood_falls_in_soft_folds_not_lumps(gl):
    """Round 26's readers: the robes "smeared clay", "bedsheet ghost" -- round 27 crumpled
    the close shots' cloth (ridged creases baked into the normal, a 3.5 degree stray).  Round
    32's two readers at 92.1 s: "the hood looks like clay or bark / lumpy clay" -- that
    crumple read as modelled lumps and a bark's grain.  It is a whisper now, the hood's long
    falls carrying the cloth: over the hood the normal strays from its 7x7 neighbourhood's
    mean by under 2.9 degrees on average (3.5 in round 32), yet over 1.5 (the folds and their
    faint creases are there: not a moulded shell).  (Round 33's readers at 93.6 and 95.0 s:
    "a smooth blob like plasticine", "rubbery hood" -- the bar was 2.5 at 1.9, pinning that
    smooth look; the crumple is a little stronger now, 2.57, still well under the lumps.)"""
    img, geo, mat = _shot(gl, size=(640, 360))
    cloth = (geo[..., 3] > 0.99) & (mat[..., 3] < 0.25)
    hood = cloth & (_box(cloth.astype(float), 9) > 0.999)
    hood[int(0.55 * hood.shape[0]):] = False        # the hood and the cowl, above the mantle's folds
    assert hood.sum() > 3000, hood.sum()
    n = _normals(geo)
    mean = np.stack([_box(n[..., k], 7) for k in range(3)], axis=-1)
    mean /= np.linalg.norm(mean, axis=-1, keepdims=True) + 1e-12
    stray = np.degrees(np.arccos(np.clip((n * mean).sum(axis=-1), -1.0, 1.0)))
    assert 1.5 < stray[hood].mean() < 2.9, stray[hood].mean()


def test_the_lovers_fronts_are_candle_lit_wool_not_burnt_to_cream(gl):
    """Round 26's readers: "melted plastic" -- the lovers' candle, close under their mantles,
    burnt the fronts facing it out to a pale cream.  It is a smaller flame now: the lit
    cloth's 98th percentile of brightness stays under 95 levels (68 now, 122 in round 25)."""
    img, geo, mat = _lovers_frame(gl, (320, 180))
    cloth = (geo[..., 3] > 0.99) & (mat[..., 3] < 0.25)
    # (round 33: the candle stands whole in the frame now, its wax and flame drawn over the
    # far lover's front -- they are the candle, not its light on the wool: left out)
    lum = img.astype(float).mean(axis=2)
    y0, x0 = np.unravel_index(np.argmax(lum * (geo[..., 3] > 0.99) * (np.arange(lum.shape[0]) > lum.shape[0] // 2)[:, None]), lum.shape)
    cloth[max(y0 - 12, 0): y0 + 22, max(x0 - 12, 0): x0 + 13] = False
    assert cloth.sum() > 3000, cloth.sum()
    top = np.percentile(img.mean(axis=2)[cloth], 98)
    # (round 32: the far lover turned square to us across the candle, its lit front seen
    # full: 100 now -- under 105, still far below round 25's cream)
    assert top < 105.0, top


def test_the_portrait_pushes_in_toward_the_eyes_and_the_lovers_start_unzoomed(gl):
    """Round 26: the portrait's stills at 88.5, 91 and 94 s were one picture (a push of 6 %).
    The push goes in 30 % now, toward the eyes: in the dream at 94.5 s the two eyes stand
    over 1.2x as far apart on screen as at 88.5 s (1.35x now, 1.12x before), and the lovers' shot that
    follows starts unzoomed (its push back to 0; round 30 pushes it in slowly from there --
    test_the_lovers_shot_pushes_in_so_its_stills_differ)."""
    from conftest import render_times
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.timeline.sample(95.05).cues() if c.cue.name == "the Serenes")
    assert float(cue.values["push"]) < 0.01
    spans = []
    for frame in render_times(gl, "dream", [88.5, 94.5], size=(320, 180)):
        luma = frame.astype(float).mean(axis=2)[:, 160:]     # the bust's half (the candle's is left)
        # (round 33: the eyes' two blobs over 130 levels, their centres -- the brightest
        # pixel alone is now the candle's glint on one of them)
        eyes = _blob_pixels(luma > 130.0)[:2]
        assert len(eyes) == 2, len(eyes)
        spans.append(abs(eyes[0][:, 1].mean() - eyes[1][:, 1].mean()))
    assert spans[1] > 1.2 * spans[0], spans


def test_the_face_is_a_void_round_the_glowing_eyes_not_a_lit_mask(gl):
    """Round 26's readers: "faces waxy" -- the eyes' glow stopped hard at the depth of the
    face behind them, drawing the mask as a lit grey-blue egg (with a dark brow and a
    cartoon's mouth) against the unlit lining round it.  The glow hangs in the cowl's air
    now, soft in depth, and the mask's own light is all but gone: in the woman's close shot,
    along the mask's edge, the mask's side is under 2x as bright as the lining's side (1.45x
    now, 2.56x in round 25)."""
    p = Player(gl, size=(640, 360))
    try:
        img = p.at(2.0, **{**SHOT, "portrait": 0.0, "close_woman": 1.0, "seated": 1.0, "count": 1})
        geo = _to_frame(p.pass_pixels("woman_geo"), img.shape)
        mat = _to_frame(p.pass_pixels("woman_mat"), img.shape)
    finally:
        p.release()
    luma = img.mean(axis=2)
    solid = geo[..., 3] > 0.99
    face = solid & (mat[..., 3] > 0.97)
    rest = solid & (mat[..., 3] < 0.6)
    near = lambda m: _box(m.astype(float), 7) > 0.0
    inner, outer = face & near(rest), rest & near(face)
    assert inner.sum() > 50 and outer.sum() > 50, (inner.sum(), outer.sum())
    ratio = np.median(luma[inner]) / max(np.median(luma[outer]), 1.0)
    assert ratio < 2.0, ratio


def _blob_pixels(mask: np.ndarray) -> list[np.ndarray]:
    """The 8-connected blobs of a boolean mask, each as its (y, x) pixels, largest first."""
    todo = {(int(y), int(x)) for y, x in zip(*np.nonzero(mask))}
    blobs = []
    while todo:
        stack = [todo.pop()]
        pts = []
        while stack:
            y, x = stack.pop()
            pts.append((y, x))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if (y + dy, x + dx) in todo:
                        todo.remove((y + dy, x + dx))
                        stack.append((y + dy, x + dx))
        blobs.append(np.array(pts))
    return sorted(blobs, key=len, reverse=True)


def test_the_mercury_eyes_are_lidless_balls_with_no_band_across_them(gl):
    """Round 27's readers (88.3, 129.4 s): "the eyes look like toy buttons / googly cartoon
    eyes, not mercury" -- an even white disc in a bright ring, two far flames mid-ball for
    pupils.  Each eye is a ball of liquid silver now: it mirrors the room as chrome does, the
    candle-lit floor a warm band on its lower half under a crisp horizon, the dark of the
    cowl above, a dark limb, the key flame the one glint.  Over 100 levels, each of the two
    eyes' lower half was warmer (red minus blue) than its upper half by over 10 levels
    (17.7 and 15.4).  Round 32's readers at 92.1 and 95.6 s: "the eyes have lids (the text
    says lidless)" -- that warm band under a dark top drew an iris under a lid.  The floor is
    a broad soft glow now, silver more than copper: the two halves differ in warmth by under
    12 levels (9 now)."""
    img, geo, _ = _shot(gl, size=(640, 360))
    f = img.astype(float)
    lum = f.mean(axis=2)
    eyes = _blob_pixels((lum > 100.0) & (geo[..., 3] > 0.5))[:2]
    assert len(eyes) == 2 and len(eyes[1]) > 40, [len(b) for b in eyes]
    for b in eyes:
        ys, xs = b[:, 0], b[:, 1]
        mid = 0.5 * (ys.min() + ys.max())
        warm = f[ys, xs, 0] - f[ys, xs, 2]
        assert abs(warm[ys > mid].mean() - warm[ys < mid].mean()) < 12.0, (
            warm[ys > mid].mean(), warm[ys < mid].mean())


def test_the_woman_close_window_holds_the_city_lights_behind_its_leads(gl):
    """Round 27's readers at 129.4 s: "the left half empty apart from a stray blue rectangle".
    The window far off at her left is an arched, leaded window onto the glass city's night:
    its lights out-of-focus discs low in the panes, the leads a dark cross.  In the window's
    region at 320x180 over 40 pixels stand out over their 7x7 neighbourhood by over 5 levels
    (204 now; none on main, where it was an even blue blur)."""
    p = Player(gl, size=(320, 180))
    try:
        img = p.at(2.0, **{**SHOT, "close_woman": 1.0, "portrait": 0.0, "tremor": 0.0,
                           "flicker": 0.0, "window": 1.0})
    finally:
        p.release()
    lum = img.astype(float).mean(axis=2)
    lights = (lum - _box(lum, 7))[10:128, 22:76] > 5.0
    assert lights.sum() > 40, lights.sum()


def test_the_glitch_tears_her_hands_not_bars_across_her_robe(gl):
    """Round 27's readers at 129.4 s: "the glitch bars look like a render artefact" -- whole
    rows of the band round her hands tore, robe and all, the robe's lit edge jumping in bars.
    Only her hands tear now: of the pixels that change between the glitch's ticks, over 90 %
    lie on or within 6 px of her bare hands (416 of 443 now; on main 588 of 726, the rest
    bars across her robe).  (Round 32: the child laughing in the window's
    light at the left moves and stutters on purpose: its corner of the frame is left out.)
    (Round 34: her trembling hands leave afterimages of her fingers up to 0.032 frame heights
    off them, jumping with the tremor's ticks -- 12 px here: "near" her hands is within 13 px;
    now 1472 of 1498 changed pixels lie there.)"""
    img, geo, mat, frames = _woman_close_torn(gl)
    frames = [f.astype(float) for f in frames]
    skin = (geo[..., 3] > 0.99) & (mat[..., 3] > 0.75) & (mat[..., 3] < 0.95)
    near = _box(skin.astype(float), 27) > 0.0
    changed = np.zeros(skin.shape, bool)
    for a, b in zip(frames, frames[1:]):
        changed |= np.abs(a - b).max(axis=2) > 40.0
    changed[160:, :175] = False                   # the child's corner (woman_child.glsl)
    assert changed.sum() > 50, changed.sum()
    assert changed[near].sum() > 0.9 * changed.sum(), (changed[near].sum(), changed.sum())


def test_the_near_lovers_hidden_eyes_do_not_glow_through_its_hood(gl):
    """Round 28, 98.6 s: "the left figure's eyes glow through its hood, off the face".  Seen
    over the near (left) lover's shoulder its eyes lie behind its hood; their bloom is let
    through only on the cowl's inside (face and lining), so the hood's outer cloth at the
    eyes' height stays candle-warm: under 50 of its pixels are over 16 levels blue over red
    (22 now at 320x180; 119 before, the two cold blots on the hood)."""
    img, geo, mat = _lovers_frame(gl, (320, 180))
    cov = geo[..., 3] > 0.99
    w = cov.shape[1]
    rows = np.flatnonzero(((mat[..., 3] > 0.75) & (geo[..., 3] > 0.5)).any(axis=1))
    outer = cov & (mat[..., 3] < 0.02)
    outer[:, w // 2:] = False
    outer[:int(rows.min())] = False
    outer[int(rows.max()) + 1:] = False
    cold = img[..., 2] - img[..., 0]
    assert outer.sum() > 200, outer.sum()
    assert (cold[outer] > 16).sum() < 50, (cold[outer] > 16).sum()


def test_the_neural_thread_is_soft_light_not_a_scratch(gl):
    """Round 28, 98.6 s: "the thread thin and scratchy" (a sub-pixel core).  Each filament is
    a soft line a pixel and a half wide (THREAD_CORE_PX) with the same light: across the gap
    at 640x360 the thread still peaks over 100 levels, but its sharpest bend in brightness
    from row to row (the largest second difference down each column) averages under 80
    (41 now; 144 before, a one-pixel spike)."""
    img, _, _ = _lovers_frame(gl, (640, 360))
    w = img.shape[1]
    cols = img.mean(axis=2)[:, w // 2 - 6: w // 2 + 6]
    assert cols.max(axis=0).mean() > 100.0, cols.max(axis=0).mean()
    bend = np.abs(np.diff(cols, n=2, axis=0)).max(axis=0).mean()
    assert bend < 80.0, bend


def test_close_on_one_of_them_its_voices_are_silk_in_the_air(gl):
    """Round 28: "their voices emerge not from mouths but from the air itself ... wrapping
    around you like silk" -- no reader had seen them (the stage's silk is drawn over the
    stage, never over a close shot).  In the portrait shot (the dream's 88-95 s, voices
    rising) ribbons of pale silk light curl through the air round the figure (silk_air.glsl):
    with ``voices`` 0.8, over 4 % of the air round the figure at 320x180 is lit over 6
    levels above the silent frame (14.7 % now; none before), in bands (over 10 rows
    untouched: 58 now), their mean gain over 10 levels (28.8 now)."""
    silent, geo, _ = _shot(gl, voices=0.0)
    sung, _, _ = _shot(gl, voices=0.8)
    air = geo[..., 3] < 0.01
    gain = (sung - silent).mean(axis=2)
    lit = air & (gain > 6.0)
    assert lit.sum() > 0.04 * air.sum(), (lit.sum(), air.sum())
    assert gain[lit].mean() > 10.0, gain[lit].mean()
    assert (~lit.any(axis=1)).sum() > 10, (~lit.any(axis=1)).sum()


def test_the_mercury_eyes_are_chrome_not_milky_white_balls(gl):
    """Round 29 (91.5, 128.4 s): "the eyes cartoon googly eyes" -- each ball a milky white
    disc, its far reflections dark spots on it like pupils.  The glow lies small and deep in
    the liquid now and the mirror carries the ball: of each eye's pixels over 100 levels at
    640x360, under 8 % are near-white, every channel over 150 (2.7 and 1.8 % now; 20 and 25 %
    on main)."""
    img, geo, _ = _shot(gl, size=(640, 360))
    f = img.astype(float)
    eyes = _blob_pixels((f.mean(axis=2) > 100.0) & (geo[..., 3] > 0.5))[:2]
    assert len(eyes) == 2 and len(eyes[1]) > 30, [len(b) for b in eyes]
    for b in eyes:
        white = (f[b[:, 0], b[:, 1]].min(axis=1) > 150.0).mean()
        assert white < 0.08, white


def _runs(mask_col: np.ndarray, least: int):
    """The (start, end) of each run of True in a column at least ``least`` long."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask_col.astype(np.int8), [0]))))
    return [(a, b) for a, b in zip(edges[::2], edges[1::2]) if b - a >= least]


def test_the_close_silk_is_streaked_gauze_not_a_shaded_tube(gl):
    """Round 29, both readers at 91.5 s: "the silk ribbons flat banded strips" -- and round 34,
    93.3 s: "silk ribbons are flat tubes".  (Replaces round 29's test that each band bowed
    across its width, one flank in shade and one lit -- the readers saw that cylinder's
    shading as a tube.)  The silk is thin gauze now: a shallow bow, the light in long irregular
    streaks of sheen along it and a crisp lit hem, so down each column through a ribbon (a
    run of 12 px or more lit over 10 levels at 640x360) the light turns often -- the mean
    second difference over the mean light is over 0.22 at the median (0.34 now; 0.13 on
    main, the smooth tube)."""
    silent, geo, _ = _shot(gl, size=(640, 360), voices=0.0)
    sung, _, _ = _shot(gl, size=(640, 360), voices=0.8)
    gain = (sung.astype(float) - silent.astype(float)).mean(axis=2)
    lit = (geo[..., 3] < 0.01) & (gain > 10.0)
    rough = []
    for x in range(gain.shape[1]):
        for a, b in _runs(lit[:, x], 12):
            g = gain[a:b, x]
            rough.append(np.abs(np.diff(g, 2)).mean() / g.mean())
    assert len(rough) > 300, len(rough)
    assert np.median(rough) > 0.22, np.median(rough)


def test_the_lovers_are_lit_enough_to_read_not_seventy_percent_black(gl):
    """Round 29, 98 s: "badly underexposed, muddy figures ... 70 % black" -- the lovers'
    small candle left the shot far below the portrait's.  The shot is exposed up to it: at
    320x180 the figures' mean brightness is over 30 levels (36.5 now; 24.3 on main) and
    under 72 % of the frame lies below 12 levels (65 % now; 77 % on main)."""
    img, geo, _ = _lovers_frame(gl, (320, 180))
    lum = img.mean(axis=2)
    assert lum[geo[..., 3] > 0.99].mean() > 30.0, lum[geo[..., 3] > 0.99].mean()
    assert (lum < 12.0).mean() < 0.72, (lum < 12.0).mean()


def _bright_runs(img: np.ndarray, cols) -> np.ndarray:
    """For each column in ``cols``: the longest run of rows of cold bright light (blue over
    110, over 8 levels bluer than red) -- a mercury eye's height, the thread's far thinner."""
    bright = (img[..., 2] > 110) & (img[..., 2] - img[..., 0] > 8)
    out = []
    for x in cols:
        best = cur = 0
        for v in bright[:, x]:
            cur = cur + 1 if v else 0
            best = max(best, cur)
        out.append(best)
    return np.array(out)


def test_both_lovers_show_their_lit_eyes(gl):
    """Round 29, 96.7 s (both readers): "the left lover has no eyes (an empty hood)" -- the
    camera swung 0.35 rad over the left one's shoulder and each was turned 0.95 rad from us,
    so its cowl hid both beads.  Each is turned 0.62 rad now, the camera swung 0.12: at
    640x360 each lover's half of the frame has at least 3 columns where a bead stands 8 rows
    or more tall (left 5, right 7 now; left 0 before)."""
    img, _, _ = _lovers_frame(gl, (640, 360))
    w = img.shape[1]
    # (round 32: the pair off-centre, the near one's eye just left of the middle, the far
    # one's on the right third, the thread between: the ranges follow them)
    left = _bright_runs(img, range(w // 4, w // 2 + 10))
    right = _bright_runs(img, range(2 * w // 3 + 10, w - 20))
    assert (left >= 8).sum() >= 3, left.max()
    assert (right >= 8).sum() >= 3, right.max()


def test_the_neural_thread_has_a_thin_film_sheen(gl):
    """Round 29, 96.7 s: "the thread a thin scribble / zigzag" -- three twisted strands of one
    flat cyan.  Five smooth strands now, each with a thin film's sheen drifting from cyan to
    violet to gold along it: across the gap at 640x360 the bright thread pixels' red-minus-
    green spreads with a deviation over 12 levels (19 now, 7 before).  (Round 34: the strands
    run eye to eye, spread and climbing, fewer of them in this window: over 200 bright pixels
    there, not 300.)"""
    img, _, _ = _lovers_frame(gl, (640, 360))
    w = img.shape[1]
    band = img[150:230, w // 2 - 40: w // 2 + 40]
    lit = band.mean(axis=2) > 120
    assert lit.sum() > 200, lit.sum()
    spread = np.std(band[..., 0][lit] - band[..., 1][lit])
    assert spread > 12.0, spread


def test_behind_the_lovers_the_others_stand_clear_of_the_frames_edge(gl):
    """Round 29, 96.7 s: "a dark blob of a figure behind".  Behind the lovers the others stand
    smaller and further off (their own FAR set), the right one's eyes clear of the frame's
    edge: at 320x180 no bright pixel off the busts lies in the frame's 8 right-hand columns
    (none now; 26 before, an eye cut by the edge), the rightmost over 20 columns in."""
    img, geo, _ = _lovers_frame(gl, (320, 180))
    w = img.shape[1]
    bright = (img.mean(axis=2) > 40) & (geo[..., 3] < 0.01)
    assert bright[:, w - 8:].sum() == 0, bright[:, w - 8:].sum()
    cols = np.nonzero(bright[:int(0.6 * img.shape[0])])[1]
    assert cols.size and cols.max() < w - 20, cols.max() if cols.size else None


def test_the_lovers_shot_pushes_in_so_its_stills_differ():
    """Round 29: the lovers' stills at 96.7 and 99 s were one picture (the shot held still for
    4.5 s).  It pushes in slowly toward the thread: ``push`` rises from 0 at 95 s to over 0.6
    just before the row's return at 100.5 s, and by 99.5 s is over twice its value at 97 s."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")

    def push(t):
        cue = next(c for c in show.timeline.sample(t).cues() if c.cue.name == "the Serenes")
        return float(cue.values["push"])

    assert push(95.05) < 0.01
    # (round 33: from 0.7 to 0.55 -- at 0.7 the candle ran out of the frame's foot)
    assert push(100.4) > 0.5
    assert push(99.5) > 2.0 * push(97.0) > 0.0


def _face_warmth(gl, geo_pass, mat_pass, params, size=(640, 360)):
    """The 95th percentile of red minus blue over a shot's face pixels (its mat's face
    material, its skin left out) -- how much of her candle's warm rim her face carries."""
    p = Player(gl, size=size)
    try:
        img = p.at(2.0, **params)
        geo = _to_frame(p.pass_pixels(geo_pass), img.shape)
        mat = _to_frame(p.pass_pixels(mat_pass), img.shape)
    finally:
        p.release()
    face = (geo[..., 3] > 0.99) & (mat[..., 3] > 0.97) & (mat[..., 3] < 1.5)
    if mat_pass == "alone_mat":
        face &= mat[..., 2] < 0.5
    if face.sum() < 20:
        return 0.0                     # (no face seen at all: no warmth on it)
    warm = img[..., 0].astype(float) - img[..., 2].astype(float)
    return float(np.percentile(warm[face], 95))


def test_the_womans_face_catches_her_candle_not_a_black_ball(gl):
    """Round 30, 129 s: "the face a black ball with cartoon eyes"; 125.7 s: her head "a blank
    cone".  Turned to her candle and set forward in the cowl, her face catches it from the
    side, a warm rim along the brow and nose: in her wide room the face's warmest pixels (red
    over blue, 95th percentile, 640x360) are warm: over 15 (the old mask deep in the cowl: 0,
    unseen).  (Round 35: close, that rim read as "a brown mask for a face", "a puppet-like
    mask": her close face lies in the cowl's shadow now --
    test_the_womans_face_close_lies_in_her_cowls_shadow_not_a_brown_mask.)"""
    wide = _face_warmth(gl, "alone_geo", "alone_mat",
                        {"alone": 1.0, "count": 1, "seated": 1.0, "candles": 1, "flicker": 0.0,
                         "tremor": 0.0, "voices": 0.0, "lovers": 0.0, "child": 0.0})
    assert wide > 15.0, wide      # (33 now; 0 on round 29's tree)


def _eye_profiles(img: np.ndarray, geo: np.ndarray, step: float = 1.0, out: int = 14):
    """Each of the two brightest eyes' radial profile: the mean level of the rings ``step`` px
    wide round its bright blob's centre, on the side away from the other eye, out to ``out``
    px (the ball's radius at 640x360 is about 7 px)."""
    lum = img.astype(float).mean(axis=2)
    eyes = _blob_pixels((lum > 100.0) & (geo[..., 3] > 0.5))[:2]
    yy, xx = np.mgrid[0:lum.shape[0], 0:lum.shape[1]]
    profiles = []
    centres = [(b[:, 0].mean(), b[:, 1].mean()) for b in eyes]
    for i, (cy, cx) in enumerate(centres):
        oy, ox = centres[1 - i] if len(centres) == 2 else (cy, cx - 1.0)
        r = np.hypot(yy - cy, xx - cx)
        away = (xx - cx) * (cx - ox) + (yy - cy) * (cy - oy) > 0.0     # (the side away from the other eye)
        profiles.append(np.array([lum[(r >= k * step) & (r < (k + 1) * step) & away].mean()
                                  for k in range(int(out / step))]))
    return profiles


def test_the_mercury_eyes_fall_off_into_their_glow_with_no_dark_ghost_ring(gl):
    """Round 32 (B): "the eyes look like glass marbles with ghosted double edges" -- a dark
    limb round each ball, then the glow's brighter ring outside it, drew two outlines.  The
    limb goes over into the glow now: from each eye's centre outward its ring-by-ring level
    never rises again by more than 3 levels once it has started to fall (1.7 and 0.9 now; on
    main it dipped at the limb and rose by 16 into the halo's ring).  The profiles are taken
    on the side away from the other eye.  Round 33's lidless silver ball carries the candle's
    glint inside it (a rise of ~8 levels on the ball, before its limb): the profile is read
    from where it has left the ball (fallen under 80 % of its centre's level)."""
    img, geo, _ = _shot(gl, size=(640, 360))
    profiles = _eye_profiles(img, geo)
    assert len(profiles) == 2, len(profiles)
    for prof in profiles:
        start = int(np.argmax(prof < 0.8 * prof[0]))
        assert start > 0, np.round(prof, 1)         # it does leave the ball
        out = prof[start:]
        low = np.minimum.accumulate(out)
        assert (out - low).max() < 3.0, np.round(prof, 1)


def test_the_lovers_sit_off_centre_at_different_depths_with_the_thread_climbing(gl):
    """Round 32, the readers' still at 97.4 s: "the mirror-symmetric layout is stiff, two
    thirds of the frame empty".  The pair stands off-centre: the bright mass's centroid lies
    right of the middle by over 8 % of the width (62 % now, 50 % on main); the near one
    (left) is the larger -- its head's median ray distance under the far one's by over 12 %,
    so it is drawn that much larger -- and the far one stands
    taller, so the thread between their brows climbs to the right (its cold pixels' mean row
    at the right over 8 rows above the left's at 640x360)."""
    img, geo, _ = _lovers_frame(gl, (640, 360))
    h, w = img.shape[:2]
    lum = img.mean(axis=2)
    ys, xs = np.nonzero(lum > 40)
    assert xs.mean() / w > 0.58, xs.mean() / w
    cov = geo[..., 3] > 0.5
    mid = int(np.argmin(cov[: h // 2, w // 3: 5 * w // 6].sum(axis=0))) + w // 3
    depth = geo[: h // 2, :, 2]
    near = np.median(depth[: h // 2, :mid][cov[: h // 2, :mid]])
    far = np.median(depth[: h // 2, mid:][cov[: h // 2, mid:]])
    assert far > 1.12 * near, (near, far, mid)
    cold = (img[..., 2] > 110) & (img[..., 2] - img[..., 0] > 8) & ~cov
    cy, cx = np.nonzero(cold)
    lo, hi = np.percentile(cx, 20), np.percentile(cx, 80)
    left_row, right_row = cy[cx <= lo].mean(), cy[cx >= hi].mean()
    assert left_row - right_row > 8.0, (left_row, right_row)


def test_the_key_candle_is_wax_and_a_soft_flame_not_a_sticker(gl):
    """Round 32's readers at 92.1 s: "the candle is a flat untextured cylinder" (its flame a
    white teardrop cut out with a hard edge).  The flame is a body of light now, fading out
    through orange into the air over its dark inner cone, its wax top a glowing pool in a lit
    lip.  In the portrait (640x360), round the flame's heart (13 rows, 41 columns),
    luminance never steps by over 90 levels between neighbouring pixels (67 now; the cut-out
    teardrop's edge: 122)."""
    img, geo, _ = _shot(gl, size=(640, 360))
    lum = img.astype(float).mean(axis=2)
    left = lum[:, :200] * (geo[:, :200, 3] < 0.5)           # the candle stands left of the bust
    y0, x0 = np.unravel_index(np.argmax(left), left.shape)  # the flame's white heart
    rows = lum[max(y0 - 6, 0): y0 + 7, max(x0 - 20, 0): x0 + 21]
    steps = np.abs(np.diff(rows, axis=1)).max()
    assert steps < 90.0, steps


def test_the_key_candle_stands_whole_in_the_frame_on_its_dish(gl):
    """Lead, round 33, on 92.1 s: "the candle is small and cut by the bottom edge" -- the
    light of the shot was a pillar of wax running out of the frame.  It stands whole now, a
    short candle on a dark dish: in the portrait (320x180) the flame's heart sits above 76 %
    of the height (73 % now, 85 % on main), and straight under it the frame's bottom rows
    are dark -- under 60 % of the lit wax's level a few rows under the flame (on main the
    wax runs on through them)."""
    img, geo, _ = _shot(gl)
    h = img.shape[0]
    lum = img.astype(float).mean(axis=2)
    left = lum[:, :120] * (geo[:, :120, 3] < 0.5)
    y0, x0 = np.unravel_index(np.argmax(left), left.shape)
    assert y0 < 0.76 * h, (y0, h)
    wax = lum[y0 + int(0.06 * h): y0 + int(0.1 * h), x0 - 2: x0 + 3].mean()
    bottom = lum[h - 3:, x0 - 2: x0 + 3].mean()
    assert bottom < 0.6 * wax, (bottom, wax)


def test_the_near_silk_is_soft_with_no_box_corners_over_the_candle_glow(gl):
    """Lead, round 33, on 92.1 s: "odd box geometry" over the candles' glow at the lower
    left -- the near silk ribbon, out of focus, drew its edge in straight runs meeting at
    sharp corners (its width followed |cos| of its twist, kinked where it turned edge-on) and
    cut it 6 pixels soft, a hard dark-over-light line.  Its width turns smoothly now and its
    edge is as soft as the lens's blur: in the portrait (640x360), the silk's own light (the
    frame with the voices up less the frame without) down the columns of the lower left
    (rows 65-92 %, left 45 %, away from the candle and the bust) steps between neighbouring
    rows by under 6 levels in 90 % of the columns (4.7 now, 7.9 on main; the largest step
    5.3 now, 11.3 on main)."""
    img, geo, _ = _shot(gl, size=(640, 360), voices=1.0)
    bare, _, _ = _shot(gl, size=(640, 360), voices=0.0)
    h, w = img.shape[:2]
    lum = img.astype(float).mean(axis=2) - bare.astype(float).mean(axis=2)   # the silk's own light
    left = bare.astype(float).mean(axis=2)[:, :240] * (geo[:, :240, 3] < 0.5)
    _, x0 = np.unravel_index(np.argmax(left), left.shape)
    y_lo, y_hi = int(0.65 * h), int(0.92 * h)
    cols = [x for x in range(int(0.45 * w))
            if abs(x - x0) > 0.08 * w and not geo[y_lo:y_hi, x, 3].max() > 0.5]
    steps = np.abs(np.diff(lum[y_lo:y_hi, cols], axis=0))
    per_col = steps.max(axis=0)
    assert np.percentile(per_col, 90) < 6.0, np.percentile(per_col, 90)


def _dither_lag1(img: np.ndarray) -> tuple:
    """The correlation of the fine residual (a pixel less its neighbourhood) with its right
    and its lower neighbour, over the flat dark pixels, where the residual is the dither."""
    p = img.mean(axis=2)
    c = p[1:-1, 1:-1]
    e = c - (p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:] + 4.0 * c) / 8.0
    flat = (np.abs(p[2:, 1:-1] - p[:-2, 1:-1]) + np.abs(p[1:-1, 2:] - p[1:-1, :-2]) < 3.0) & (c > 2.0) & (c < 80.0)
    mx, my = flat[:, :-1] & flat[:, 1:], flat[:-1, :] & flat[1:, :]
    return (np.corrcoef(e[:, :-1][mx], e[:, 1:][mx])[0, 1], np.corrcoef(e[:-1, :][my], e[1:, :][my])[0, 1])


def test_portrait_dither_has_no_column_weave(gl):
    """(round 33, 92.1 s: "screen-door dither" in the dark haze round the far Serenes) the
    shot's last-pass dither (light.glsl's dither_fast) was two interleaved-gradient-noise
    samples, which step 0.556 of a cycle a pixel along x: a regular column-by-column weave.
    Now a hash of (pixel, frame): its residual is the same across as down (on main the
    lag-1 correlation along x was about -0.02 against -0.38 down; now both near -0.35)."""
    img, _, _ = _shot(gl)
    cx, cy = _dither_lag1(img)
    assert abs(cx - cy) < 0.15, (cx, cy)


def test_the_hands_glitch_stutters_and_holds_clean_between(gl):
    """Round 33's two readers at 131.0 s (the cue's 10.0 s): "a horizontal seam cuts its
    hands" -- the glitch tore rows on every tick, so every still caught a slipped row.  It
    comes in stutters now (a third of a second in each 1.5 s, from the cue's 2.0 s): at 10.0
    to 10.3 s, between its ticks, under 100 pixels of the band round her hands change by over
    40 levels (main: about 740, the torn rows; now about 23, her tremor's sway), while in the
    stutter at 2.0 s they still tear (test_the_glitch_tears_her_hands_not_bars_across_her_robe)."""
    p = Player(gl, size=(640, 360))
    try:
        shot = {**SHOT, "close_woman": 1.0, "portrait": 0.0, "tremor": 1.0, "flicker": 0.0}
        p.at(10.0, **shot)
        mat = _to_frame(p.pass_pixels("woman_mat"), (360, 640, 3))
        frames = [p.frame(300 + k, **shot).astype(float) for k in range(0, 12, 3)]
    finally:
        p.release()
    skin = (mat[..., 3] > 0.75) & (mat[..., 3] < 0.95)
    rows = np.flatnonzero(skin.any(axis=1))
    changed = np.zeros(skin.shape, bool)
    for a, b in zip(frames, frames[1:]):
        changed |= np.abs(a - b).max(axis=2) > 40.0
    changed[160:, :175] = False                   # the child's corner (woman_child.glsl)
    band = changed[max(int(rows.min()) - 30, 0): int(rows.max()) + 30]
    assert band.sum() < 100, int(band.sum())


def test_the_lovers_candle_stands_whole_in_the_frame_from_the_cut_to_the_push(gl):
    """Round 33's readers at 95.0 s: "a flame cut off at the bottom edge" -- the lovers' first
    frame, on the cut, held the portrait's full push (zoom 1.3x) and their candle stood low.
    Now the push is 0 on the cut (95.0 s itself), the candle is raised and the push goes in
    toward the middle of the thread and the flame: at the cut and at the push's deepest
    (0.55) the flame's heart sits above 86 % of the height (about 80 % now, 97 % and off
    the bottom on main at 95.0 s) and the frame's bottom rows straight under it are dark
    (under 60 % of the wax a few rows under the flame: the candle ends on its dish)."""
    from visuals.load.paths import SearchPath
    from visuals.load.registry import Registry
    show = Registry(SearchPath.build([], environ={})).show("dream")
    cue = next(c for c in show.timeline.sample(95.0).cues() if c.cue.name == "the Serenes")
    assert float(cue.values["profiles"]) > 0.99 and float(cue.values["push"]) < 0.01
    for push in (0.0, 0.55):
        p = Player(gl, size=(320, 180))
        try:
            img = p.at(2.0, **{**SHOT, "profiles": 1.0, "portrait": 0.0, "lovers": 1.0, "push": push})
        finally:
            p.release()
        h = img.shape[0]
        lum = img.astype(float).mean(axis=2)
        warm = lum * (img[..., 0].astype(float) > img[..., 2].astype(float) + 40)
        warm[: h // 2] = 0.0                         # the flame: the warm heart in the lower half
        y0, x0 = np.unravel_index(np.argmax(warm), warm.shape)
        assert y0 < 0.86 * h, (push, y0, h)
        wax = lum[y0 + int(0.04 * h): y0 + int(0.07 * h), x0 - 2: x0 + 3].mean()
        bottom = lum[h - 3:, x0 - 2: x0 + 3].mean()
        assert bottom < 0.6 * wax, (push, bottom, wax)


def test_the_lovers_frame_sinks_its_dim_veil_to_black(gl):
    """Round 33's readers at 95.0 s: "dark murky frame", "muddy brown" -- the dim warm veil
    between the lights lay over the whole frame.  A soft toe sinks it toward black, the
    flame, eyes and lit folds kept: the frame's 10th percentile of brightness is under
    1.8 levels (1.0 now, 2.7 before the toe), the flame still over 200."""
    img, _, _ = _lovers_frame(gl, (320, 180))
    lum = img.astype(float).mean(axis=2)
    low = float(np.percentile(lum, 10))
    assert lum.max() > 200.0, lum.max()
    assert low < 1.8, low


def test_the_lovers_threads_run_behind_their_hoods_rims_into_the_eyes(gl):
    """Round 34 (98.8 s): "the threads stop short of the left eye", "the thread is drawn in
    front of the hood rim".  Each strand runs from one of the left one's eyes to one of the
    right one's and passes behind the cloth that stands nearer than it: at 640x360 the
    thread's cold light falls on under 90 pixels of the hoods' outer cloth (51 now, the eyes'
    own glow; 132 on main, where the strands crossed the right one's rim)."""
    img, geo, mat = _lovers_frame(gl, (640, 360))
    f = img.astype(float)
    outer = (geo[..., 3] > 0.99) & (mat[..., 3] < 0.1)
    cold = (f[..., 2] > 110) & (f[..., 2] - f[..., 0] > 8)
    assert (cold & outer).sum() < 90, (cold & outer).sum()
    assert cold.sum() > 800, cold.sum()


def test_the_key_candle_is_a_round_pillar_of_wax_lit_from_its_flame(gl):
    """Round 34 (93.3 s): "a primitive CG candle", "the candle a flat cylinder" -- the flame's
    glow in the air was added over the wax and washed it to one flat tone.  The glow lies
    behind the wax now, which is lit on its round from the flame and dark toward its sides:
    in the portrait (640x360), 7-9 % of the height under the flame, the pillar's middle is
    over 1.4 times as bright as 15 px either side of it (1.6 now; 1.25 on main)."""
    img, geo, _ = _shot(gl, size=(640, 360))
    h = img.shape[0]
    lum = img.astype(float).mean(axis=2)
    left = lum[:, :200] * (geo[:, :200, 3] < 0.5)
    y0, x0 = np.unravel_index(np.argmax(left), left.shape)
    band = lum[y0 + int(0.07 * h): y0 + int(0.09 * h)]
    mid = band[:, x0 - 1: x0 + 2].mean()
    sides = 0.5 * (band[:, x0 - 16: x0 - 13].mean() + band[:, x0 + 14: x0 + 17].mean())
    assert mid > 1.4 * sides, (mid, sides)


def test_the_portrait_pushes_in_to_the_cowl_so_its_stills_are_different_pictures(gl):
    """Round 34, both readers: the portrait's 88.2 and 94.9 s stills "practically the same
    frame" (a push of 1.3x).  Round 35's rule: stills 4 s apart are different pictures -- the
    portrait's own push (PORTRAIT_CLOSE_PUSH) goes from the bust beside its candle to the cowl
    and the mercury eyes filling the frame: in the dream at 94.7 s the eyes stand over 1.55x
    as far apart on screen as at 88.3 s (1.8x now, 1.33x before), and at 92.3 s already over
    1.3x.  The lovers' and the woman's pushes are as they were (PORTRAIT_PUSH)."""
    from conftest import render_times
    from scenes import serenes as mod
    assert mod.portrait_light(np.ones((2, 4)), 0.0, {"candle": 1.0, "pace": 0.1, "profiles": 1.0, "push": 1.0})[2] \
        == 1.0 + mod.PORTRAIT_PUSH
    spans = []
    for frame in render_times(gl, "dream", [88.3, 92.3, 94.7], size=(320, 180)):
        luma = frame.astype(float).mean(axis=2)[:, 110:]     # (the candle's glint stays left)
        eyes = sorted(_blob_pixels(luma > 130.0), key=len, reverse=True)[:2]
        assert len(eyes) == 2, len(eyes)
        spans.append(abs(eyes[0][:, 1].mean() - eyes[1][:, 1].mean()))
    assert spans[1] > 1.3 * spans[0], spans
    assert spans[2] > 1.55 * spans[0], spans


def test_the_portraits_hood_is_candle_modelled_cloth_not_a_pale_sheet(gl):
    """Round 34, 88.2 / 94.9 s: "the figure a bland sheet-ghost", "plasticky cloth" -- the
    velvet's sheen at grazing (pow 2.5) lay over the whole front of the hood, a pale beige
    sheet.  It lies on the turns of the folds now (pow 4.5), the key falls off across each
    fold: the brighter quarter of the cloth starts under 17 levels (12 now, 23.4 before)
    while its brightest twentieth keeps the candle's sheen (over 25: 35.7 now)."""
    img, geo, mat = _shot(gl)
    lum = img.mean(axis=2)
    cloth = (geo[..., 3] > 0.99) & (mat[..., 3] < 0.25)
    assert np.percentile(lum[cloth], 75) < 17.0, np.percentile(lum[cloth], 75)
    assert np.percentile(lum[cloth], 95) > 25.0, np.percentile(lum[cloth], 95)


def test_behind_the_portrait_the_hall_recedes_in_candle_light(gl):
    """Round 34: "the background empty / a dead background", "a lot of dead black space".
    Behind the portrait a line of candles recedes along the far wall toward the right, each
    throwing a warm pool up the plaster: the air in the frame's lower right quarter is lit
    (its mean over 1.0 level at 320x180: 1.6 now, 0.33 before; its 90th percentile over 3:
    5.3 now, 1.0 before)."""
    img, geo, _ = _shot(gl)
    lum = img.mean(axis=2)
    h, w = lum.shape
    air = geo[..., 3] < 0.01
    air[:, : int(0.75 * w)] = False
    air[: int(0.45 * h)] = False
    assert air.sum() > 500, air.sum()
    assert lum[air].mean() > 1.0, lum[air].mean()
    assert np.percentile(lum[air], 90) > 3.0, np.percentile(lum[air], 90)


def test_the_portraits_silk_plays_in_colour_not_grey_strokes(gl):
    """Round 34: "the ribbons thin grey strokes".  The voices' silk has a thin film's play of
    colour, lilac to mercury-cyan to rose, and the tone's swells running along it: over the
    silk's light in the air (``voices`` 0.8 less 0) its blue less red varies (std over 5.2
    levels: 6.5 now, 4.0 before)."""
    silent, geo, _ = _shot(gl, voices=0.0)
    sung, _, _ = _shot(gl, voices=0.8)
    gain = sung - silent
    lit = (geo[..., 3] < 0.01) & (gain.mean(axis=2) > 6.0)
    assert lit.sum() > 2000, lit.sum()
    g = gain[lit]
    assert (g[:, 2] - g[:, 0]).std() > 5.2, (g[:, 2] - g[:, 0]).std()


def test_the_lovers_thread_grows_between_them_in_the_shot(gl):
    """Round 34: the Serenes' stills 4 s apart "practically the same frame" (round 35's rule:
    different pictures).  The lovers' link is made in the shot: just after the cut (``lovers``
    0.05) their thread is not yet there -- under 0.4 as many cold pixels (blue over red by 40
    levels) as when it joins them (``lovers`` 1): 20 against 104 now, 124 against 110 before."""
    counts = []
    for level in (0.05, 1.0):
        p = Player(gl, size=(320, 180))
        try:
            img = p.at(2.0, **{**SHOT, "profiles": 1.0, "portrait": 0.0, "lovers": level})
        finally:
            p.release()
        counts.append(int(((img[..., 2] - img[..., 0]) > 40.0).sum()))
    assert counts[1] > 60, counts
    assert counts[0] < 0.4 * counts[1], counts


WOMAN_CLOSE = {**SHOT, "portrait": 0.0, "close_woman": 1.0, "seated": 1.0, "count": 1}


def test_the_womans_face_close_lies_in_her_cowls_shadow_not_a_brown_mask(gl):
    """Round 35, both readers at 129.4 s: "the figure reads like a plasticine toy with a brown
    mask for a face", "the face a puppet-like mask".  Close on her, her face lies in the
    cowl's shadow, the mercury eyes its light: the candle's warm rim on the mask is a breath.
    Its warmest pixels (red over blue, 95th percentile, 640x360) stay under 25 levels
    (31 with round 34's rim)."""
    close = _face_warmth(gl, "woman_geo", "woman_mat", WOMAN_CLOSE)
    assert close < 25.0, close



def test_the_womans_eyes_are_drawn_over_a_small_box_not_the_whole_frame(gl):
    """Round 35's speed: on llvmpipe every pixel of her relight paid for the two mercury
    balls' mirror and glow (a quarter of its time); they are a layer of their own over a box a
    third of the frame's sides round them (a ninth of its pixels), laid over her by the
    relight.  At 320x180 the layer is 107x60, holds both balls whole (two blobs of full
    cover, none touching its edge) and its glow is spent at its edges (no seam)."""
    p = Player(gl, size=(320, 180))
    try:
        p.at(2.0, **WOMAN_CLOSE)
        eyes = p.pass_pixels("woman_eyes")
    finally:
        p.release()
    assert eyes.shape[:2] == (60, 107), eyes.shape
    a = eyes[..., 3].astype(float)
    assert a.max() > 0.99, a.max()
    inner = np.zeros_like(a, dtype=bool)
    inner[3:-3, 3:-3] = True
    assert (a[~inner] < 1e-3).all(), "an eye cut by the box's edge"
    assert len(_blob_pixels(a > 0.5)) >= 2
    assert np.abs(eyes[..., :3].astype(float))[~inner].max() < 1e-3, "the glow reaches the box's edge"
