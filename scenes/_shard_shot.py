"""The quicksilver scene's shard shot: one tilted mirror shard, close, holding the self.

Round 21's brief: the pool from above took three near-identical stills, its self "a flat
featureless blob".  After the tears have hardened into mirror plates (the close shot), the
camera finds ONE shard standing propped on the frozen pool (``shot`` 2, drawn by
shaders/scenes/quicksilver/qs_shard.frag): a slab with a chipped, bevelled outline, and in its
face the self, head and shoulders modelled in 3D (baked once by qs_self_geo.frag), lit warm by
a candle on one side and cold by the night on the other; the cracks of the ``fracture`` run
across it from the temple and bleed red.

Round 22 (the reader at 166.2 s: "a lumpy mannequin face in an empty void; nothing
happening"): the self is a person -- a face seen three-quarter with lidded eyes looking back,
nose, lips, a mass of dark hair, a wet tear track, blood showing through thin skin -- larger in
the glass; the shard stands in a place (the frozen pool's mirror plates round it, a candle
burning on them beside it, the Serenes' eyes watching from the dark); the cracks start as the
shot opens and pulse red with the heartbeat (``u_pulse``); the push in grows with them, from
the shard by its candle to the cracked face close.

Round 23 (the readers at 166.3/169.1 s: "the red neon lines read as a laser grid, not cracks
or blood"): the cracks are broken glass (a thin dark line, a bright refracting sliver on one
side, chips; each piece's picture shifted and tipped) and they bleed deep crimson that seeps
into the glass and runs down to beads, glowing only faintly.

Round 24 (the readers at 166-176 s: "a stiff, uncanny CG face", "a mannequin"; the floor "a
tile floor with grey grout"): the self painted by the candle alone in Rembrandt's light -- from
low and to one side, falling off across the bust so the face is the brightest thing and half of
it, the far shoulder and the back of the head sink to black; red light scattering under thin,
curved skin; a grained skin with a broken sheen; a wet eye with one catchlight -- and the floor
mirror plates of hardened quicksilver whose seams show only as glints on their rounded lips.

Round 28 (the readers at 166.1/168.7 s, both 2: "a crude, uncanny pseudo-realistic face",
"cartoon blood drips", "a plastic frame"): the self a silhouette of the dreamer in profile, near
black against the candle's glow in the glass, a thin red-to-gold rim along brow, nose, lips and
chin, a heartbeat of crimson light at its heart; the cracks bleed light (a hot crimson core, a
red seep), no runs; the bevel narrow and dark but for sharp glints.

Everything here is a pure function of ``drift`` (the cue's slow camera move), ``fracture``,
``bleed`` and the time, so any frame renders alone.
"""
from __future__ import annotations

import math

import numpy as np

SHARD_CENTRE = (0.0, 0.5, 0.0)      # the shard's centre (world units, the frozen pool at y 0)
SHARD_TILT = 0.36                   # leaning back (radians)
SHARD_YAW = 0.56                    # turned from the camera (radians)
SELF_DISTANCE = 0.2                 # how far in front of the shard the self stands
FOCAL = 1.6                         # screen heights
IMPACT = (-0.21, 0.3)               # where the cracks start, in the shard's face (its coords)
# (round 31, the lead at 173.1 s: "the cracks still all converge on one point in the middle of
# the face" -- the blow struck the glass high by the self's crown, so the star stands off-centre
# and its rays cross the face, not meet in it)
SELF_VIEW = (0.2, 0.64, -1.875)     # the camera the self's plane is set for (half-way through round 21's move)
WIDE_BACK = 0.9                     # how much further back the shot opens (round 35: wide, then close)
WIDE_UNTIL = 0.5                    # the move's fraction by which it has come in
CRACK_REACH = 1.0                   # the cracks' reach at ``fracture`` 1 (shard units)


def _norm(v) -> np.ndarray:
    v = np.asarray(v, float)
    return v / np.linalg.norm(v)


def shard_frame(yaw: float, tilt: float = SHARD_TILT) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, n) of the shard's face: n out of the face towards the camera, leaning back by
    ``tilt`` and turned by ``yaw``; x to the screen's right, y up along the face."""
    n = np.array([math.sin(yaw) * math.cos(tilt), math.sin(tilt), -math.cos(yaw) * math.cos(tilt)])
    x = _norm(np.cross([0.0, 1.0, 0.0], n))
    y = np.cross(n, x)
    return x, y, n


def camera(drift: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(position, target) for ``drift`` (0.4 where the shot starts, 1 at the cue's end): a slow
    push in and round the shard, so no two stills of it are alike."""
    k = min(max((drift - 0.4) / 0.6, 0.0), 1.0)
    # (round 22: its stills at 171 and 174 s were one framing: the push in grows as the cracks
    # do, from the shard beside its candle to the cracked face filling the frame)
    # (round 28: still one set-up differing by the push: the camera also sinks, so the end
    # looks up at the broken self from low beside the candle -- another angle, not a zoom)
    pos = (0.5 - 0.6 * k, 0.68 - 0.04 * k - 0.14 * k * k, -2.05 + 0.9 * k * k)
    target = (SHARD_CENTRE[0] - 0.02 - 0.05 * k * k, SHARD_CENTRE[1] + 0.02 + 0.11 * k * k, SHARD_CENTRE[2])
    # (round 35, both readers: "166.1 and 170.0 practically the same frame" -- the shot opens
    # wide, the shard small in the dark among the frozen plates, its self a small figure in it,
    # and the camera comes in along the same line (so the self stays in the glass) to the
    # shard close by 170 s: two pictures, not one framing pushed a little)
    back = WIDE_BACK * (1.0 - _smooth(k / WIDE_UNTIL))
    pos = tuple(tg + (p - tg) * (1.0 + back) for p, tg in zip(pos, target))
    return pos, target


def _smooth(x: float) -> float:
    """Smoothstep from 0 to 1 of x (clamped): the dolly eases out of the wide framing."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


def self_plane() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(origin, x, y, n) of the plane the self stands in: where the shard's face, seen from the
    camera half-way through the shot, mirrors its centre's ray, facing the shard.  Fixed for
    the shot, so as the camera moves the self shifts in the glass as a reflection does."""
    pos = SELF_VIEW
    o = np.array(SHARD_CENTRE)
    _, _, n = shard_frame(SHARD_YAW)
    d = _norm(o - np.array(pos))
    r = d - 2.0 * np.dot(d, n) * n
    origin = o + r * SELF_DISTANCE
    up = np.array([0.0, 1.0, 0.0])
    origin = origin - 0.09 * _norm(up - (-r) * (-r)[1])        # the head, not the chest, at the centre
    sn = -r
    sy = _norm(np.array([0.0, 1.0, 0.0]) - sn * sn[1])
    sx = np.cross(sy, sn)
    return origin, sx, sy, sn


def shard_uniforms(t: float, drift: float, fracture: float, bleed: float) -> dict:
    """The shard shot's uniforms at time t."""
    pos, target = camera(drift)
    yaw = SHARD_YAW + 0.035 * math.sin(2 * math.pi * ((0.06 * t) % 1.0))
    x, y, n = shard_frame(yaw)
    so, sx, sy, sn = self_plane()
    flicker = 0.5 + 0.3 * math.sin(2 * math.pi * ((1.7 * t) % 1.0)) + 0.2 * math.sin(2 * math.pi * ((4.3 * t) % 1.0))
    reach = CRACK_REACH * (1.0 - (1.0 - min(max(fracture, 0.0), 1.0)) ** 2)
    vec = lambda a: tuple(float(round(v, 6)) for v in a)
    return {
        "u_scam_pos": vec(pos), "u_scam_target": vec(target), "u_scam_focal": FOCAL,
        "u_shard_o": vec(SHARD_CENTRE), "u_shard_x": vec(x), "u_shard_y": vec(y), "u_shard_n": vec(n),
        "u_self_o": vec(so), "u_self_x": vec(sx), "u_self_y": vec(sy), "u_self_n": vec(sn),
        "u_crack": (IMPACT[0], IMPACT[1], reach, float(min(max(bleed, 0.0), 1.0))),
        "u_flicker": flicker,
        "u_pulse": float(round((t * 72.0 / 60.0) % 1.0, 6)),      # the heartbeat in the bleeding cracks
    }
