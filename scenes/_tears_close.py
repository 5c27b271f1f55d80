"""The quicksilver scene's close shot: tears falling into the pool, seen at its surface.

Round 20's brief: every reader missed "they weep quicksilver that pools at your feet and
hardens into mirrors" in the pool seen from above.  The close shot (``shot`` 1, drawn by
shaders/scenes/quicksilver/qs_close.frag instead of the pool's passes) puts the camera a hand's
height over the liquid: tears fall at many depths (near ones large and out of focus, far ones
small), each landing rings the surface and throws up a small bead, and as ``harden`` rises the
surface freezes from where they fall outwards into tilted mirror plates.

Everything is a pure function of the shot's time and the seed, so any frame renders alone.
"""
from __future__ import annotations

import math

import numpy as np

from visuals.model.hashing import unit_float

CLOSE_TEARS = 10              # tears (and rebound beads) drawn at once (as qs_close.frag)
CLOSE_WAVES = 12              # rings evaluated at once
CLOSE_PUDDLES = 12            # landed tears' puddles (as qs_close.frag)
# The pool at the viewer's feet (round 28: "the near liquid a dark purple lake, not a pool
# gathering at your feet"): a round spill of mercury on the dark stone, its centre a little
# ahead of the camera, growing as the tears feed it until it hardens.
POOL_AHEAD = 0.55             # its centre, ahead of the camera where the shot starts
POOL_R0 = 0.42                # its radius at the shot's start (world units)
POOL_GROW = 0.13              # its growth, units a second, while it is liquid
CAM_START = (0.0, 0.125, -0.25)     # a hand's height over the pool
CAM_PUSH = 0.03               # world units a second the camera glides in (not a still frame)
LOOK_AHEAD = (0.0, 0.03, 1.9)       # where it looks, from the camera (a little down)
FOCAL = 1.55                  # screen heights: a normal lens
GRAVITY = 2.4                 # as the pool's tears (a dream's slow fall)
RADIUS = 0.04                # a tear's horizontal radius (round 26: "the drops small" -- 0.026 before)
RIPPLE_LIFE = 2.5             # seconds a ring runs
BEAD_SPEED = 0.42             # the rebound bead's upward speed (units/s)
FREEZE_REACH = 40.0           # how far the freeze front has run at ``harden`` 1 (past the horizon)
# Lanes: (distance ahead of the camera, across the view as a fraction of its half width).
LANES = ((0.27, 0.42), (0.40, -0.55), (0.55, 0.62), (0.78, -0.18), (0.95, 0.33), (1.15, -0.62),
         (1.3, 0.05), (1.6, 0.55), (2.0, -0.35), (2.6, 0.2))


def camera(t: float) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(position, target) of the close shot's camera at the shot's time t: a slow glide in."""
    z = CAM_START[2] + CAM_PUSH * t
    pos = (CAM_START[0] + 0.015 * math.sin(0.4 * t), CAM_START[1] - 0.002 * t, z)
    target = (pos[0] + LOOK_AHEAD[0], LOOK_AHEAD[1], z + LOOK_AHEAD[2])
    return pos, target


def landings(seed: int, t: float, cam_z: float, keep: float = RIPPLE_LIFE) -> list[tuple[float, float, float, float, float]]:
    """Every tear that matters at time t: (landing time, x, z, drop height, lane depth) for
    those still in the air or landed within RIPPLE_LIFE.  Each lane drips at its own period."""
    out = []
    for k, (depth, across) in enumerate(LANES):
        period = 1.5 + 1.3 * unit_float(seed, 1, k)
        phase = 0.15 + period * unit_float(seed, 2, k)
        # (round 29's readers at 164.7 s: "a drop floats oddly in the sky" -- a tear let go
        # in mid-air, in view, and hung there round and slow: each now lets go above the
        # frame's top and falls into it already falling)
        height = 0.3 + 0.75 * depth
        fall = math.sqrt(2.0 * height / GRAVITY)
        first = math.floor((t - keep - phase) / period)
        for n in range(max(first, 0), int(math.floor((t + fall - phase) / period)) + 1):
            land = phase + n * period
            half_width = 0.889 * depth / FOCAL
            x = (across + 0.55 * (unit_float(seed, 3, k * 1000 + n) - 0.5)) * half_width
            z = cam_z + depth + 0.2 * (unit_float(seed, 4, k * 1000 + n) - 0.5) * depth
            out.append((land, x, z, height, depth))
    return out


def lane_radius(depth: float) -> float:
    """A tear's radius in the lane ``depth`` ahead: full size near the focus and beyond, smaller
    in the nearest lanes (round 26: drawn larger, a tear a hand from the lens filled a third of
    the frame as one pale out-of-focus disc, "a soap bubble" over the subject)."""
    k = min(max((depth - 0.3) / 0.6, 0.0), 1.0)
    return RADIUS * (0.55 + 0.45 * k * k * (3.0 - 2.0 * k))


def puddles(seed: int, t: float, cam_z: float) -> np.ndarray:
    """The latest CLOSE_PUDDLES tears landed by t, each a small spill of mercury on the stone
    (x, z, radius, age): those landing outside the pool at the feet bead on the stone and
    spread, and the growing pool swallows them (qs_close.frag merges them smoothly)."""
    out = []
    for land, x, z, _height, depth in landings_since_start(seed, t, cam_z):
        age = t - land
        if age >= 0.0:
            r = lane_radius(depth) * (0.9 + 1.1 * (1.0 - math.exp(-3.0 * age)))
            # (where it fell: the lanes ride with the camera, the puddle stays put)
            out.append((land, x, z - CAM_PUSH * age, r, age))
    out.sort(key=lambda e: -e[0])
    arr = np.zeros((CLOSE_PUDDLES, 4), np.float32)
    for i, (_land, x, z, r, age) in enumerate(out[:CLOSE_PUDDLES]):
        arr[i] = (x, z, r, age)
    return arr


def landings_since_start(seed: int, t: float, cam_z: float) -> list[tuple[float, float, float, float, float]]:
    """As landings(), but every tear landed since the shot began (their puddles stay)."""
    return landings(seed, t, cam_z, keep=t + RIPPLE_LIFE)


def close_uniforms(seed: int, t: float, hard: float) -> dict:
    """The close shot's uniforms at its time t (seconds into the shot) and hardness."""
    pos, target = camera(t)
    tears = np.zeros((CLOSE_TEARS, 4), np.float32)
    ry = np.zeros(CLOSE_TEARS, np.float32)
    waves = []
    in_air = []
    for land, x, z, height, depth in landings(seed, t, pos[2]):
        age = t - land
        if age < 0.0:
            fall = math.sqrt(2.0 * height / GRAVITY)
            since = fall + age                     # seconds since it let go
            if since < 0.0:
                continue
            speed = GRAVITY * since
            r = lane_radius(depth) * min(1.0, 0.4 + 3.0 * since)    # it swells as it lets go
            # (round 28: squashed by its weight -- a heavy drop of mercury, wider than tall,
            # not a glass egg; stretched only a little by its speed)
            stretch = r * 0.84 + speed * 0.009      # (round 29: and drawn out by its speed, a falling drop, not one hanging in the sky)
            y = stretch + height - 0.5 * GRAVITY * since * since
            in_air.append((depth, (x, y, z, r), stretch))
        else:
            if age < RIPPLE_LIFE:
                waves.append((x, z, age, 1.0))
            jump = BEAD_SPEED * age - 0.5 * GRAVITY * age * age
            if jump > 0.0:                         # the bead the landing throws up
                rb = lane_radius(depth) * 0.45
                in_air.append((depth, (x, rb + jump, z, rb), rb * (1.0 + 2.0 * abs(BEAD_SPEED - GRAVITY * age))))
    in_air.sort(key=lambda e: e[0])
    for i, (_depth, tear, stretch) in enumerate(in_air[:CLOSE_TEARS]):
        tears[i] = tear
        ry[i] = stretch
    waves.sort(key=lambda w: w[2])
    wave_a = np.zeros((CLOSE_WAVES, 4), np.float32)
    for i, w in enumerate(waves[:CLOSE_WAVES]):
        wave_a[i] = w
    # (it reaches the viewer's feet at about 0.75, then runs out to the horizon)
    reach = 1.6 * hard ** 1.3 + FREEZE_REACH * hard ** 12
    # the pool grows while it is liquid and stops as it sets
    grown = POOL_R0 + POOL_GROW * t * (1.0 - 0.5 * hard)
    return {
        "u_ctears": tears, "u_ctear_ry": ry, "u_ctear_count": min(len(in_air), CLOSE_TEARS),
        "u_cwaves": wave_a, "u_cwave_count": min(len(waves), CLOSE_WAVES),
        "u_ccam_pos": pos, "u_ccam_target": target, "u_ccam_focal": FOCAL,
        "u_cfreeze": (CAM_START[0], CAM_START[2] + POOL_AHEAD + 0.3, reach, hard),
        "u_cphase": (1.7 * t) % (2.0 * math.pi),
        "u_cpool": (CAM_START[0], CAM_START[2] + POOL_AHEAD, grown, 0.0),
        "u_cpuddles": puddles(seed, t, pos[2]),
    }


SPLIT_MARGIN = 4              # pixel rows the pool's band reaches above the horizon


def split_ndc(pos, target, height: int) -> float:
    """The close shot's split between its pool band and its sky band, in NDC y: the edge of
    the pixel row SPLIT_MARGIN rows above the horizon (round 35, speed).  Above it every
    pixel's ray climbs by more than half a pixel, where qs_close.frag's pool weight is 0, so
    the sky band (qs_close_sky.frag) gives the same bytes without the pool's metal.  The
    horizon's row is worked out as the shader builds its rays: rd.y = 0 where
    uv.y = -fwd.y * FOCAL / up.y."""
    fwd = np.subtract(target, pos).astype(float)
    fwd /= np.linalg.norm(fwd)
    right = np.cross([0.0, 1.0, 0.0], fwd)
    right /= np.linalg.norm(right)
    up = np.cross(fwd, right)
    uv_y = -fwd[1] * FOCAL / up[1]
    row = math.ceil(height * (0.5 + uv_y) + SPLIT_MARGIN)
    row = min(max(row, 0), height)
    return 2.0 * row / height - 1.0

