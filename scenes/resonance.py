"""The Resonance: curtains of aurora over a far city, a humming cloud of shared memory.

Three passes.  ``field`` bakes the aurora's 2D ground field (folded sheets, their rays, a
diffuse glow, the height of each sheet's lower edge) into a small texture once per frame;
``aurora`` marches every half-resolution pixel's ray up through stacked height layers with
one texture fetch per layer (the naive noise-per-step march costs about 50 ms here); the
last pass draws the sky, stars, city and water around it and tonemaps.

Faces of the dissolved surface in the aurora as the ``memory`` parameter rises: one face
leads, large, on a third of the frame, with at most one lesser one on the other side (round
22: "pasted-on Halloween masks", three to a sky -- fewer and larger, the eyes dark voids).  Each
is a sculpted height field (face.glsl: brow ridge, sunken sockets holding the round of an
eye, nose, cheekbones, the cheeks drawn in by a mouth that opens in a silent scream as the
face lingers) lit from above by the aurora's light and carried by the curtains' own rays
(vertical striations bending over its relief and running on up out of its crown, so the face
is found in the aurora rather than pasted over it); the long open mouth and the sockets thin
the aurora's own density.  ``close`` pushes in on the leader (larger, toward the middle,
the lesser face gone).  ``flicker`` makes them glitch:
they drop out, pop back too bright and tear into slipping slices.  The face schedule is
computed here, from the time, the seed and the horizon only.

The far city is a baked strip of slender liquid-glass spires (a few broader towers among them)
(city.frag), mirrored in calm water that swells slowly (composite.frag).

``helix`` (beat 4, "joy and despair intertwined like the double helix of a DNA strand"):
two ribbons of light, warm gold and violet-blue, winding round each other up out of the
city into the aurora and mirrored in the water (the ``strands`` pass: a triangle strip per
ribbon, drawn only while helix > 0).

``rift`` (the howl, "a sound that is both a requiem and a lullaby"): the sky tears open, a
wound of white light seen in perspective, wide overhead and narrowing toward the city, its
light gathering first and pouring out in shafts through the curtains, mirrored in the water
(rift.glsl).  Its code lives in a variant of the last
pass (``composite_rift``) drawn instead of the plain one only while rift > 0, so the rest of
the Resonance pays nothing for it on llvmpipe.

``zenith`` (round 20, "aurora wallpaper", "the spire set holds 3 stills"): a second shot, a
worm's-eye view from among the glass spires' feet straight up into the corona overhead
(zenith.glsl).  The spires, modelled (a fluted body that waists, twists and rises to a
needle, ripple rings running up it), converge from the frame's edges toward the zenith, their
glass mirroring the curtains and refracting them split into their colours; overhead folded
curtains with bright hems wind in one two-armed whorl round the corona's dark heart, the
point the spires converge on -- green near it, violet in the outer turns -- in a black starry
sky (round 23: no radial rays -- "a warp-speed screensaver"; round 26: "green-pink glowing
blobs, messy, no subject" -- the whorl is the subject, the pink fringe a hint).
Its own passes replace the lake set-up's while zenith > 0.5, so neither shot pays for the
other; its memories (warm motes streaming up into the curtains) are drawn on small quads of
their own (``zenith_motes``), not looped over at every pixel of its last pass.
"""
from __future__ import annotations

import math

import numpy as np

from visuals import Param, Pass, Scene
from visuals.model.hashing import MASK64, mix64

MAX_FACES = 4
LEAD_PERIOD = 13.0       # seconds from one leading face to the next
FACES_SHOWN = 2         # one leading face and at most one lesser one (round 22: fewer, larger) (the shader holds MAX_FACES)
HELIX_SEGMENTS = 120       # strip segments along a strand of the helix (helix.vert)
FACE_CONTRAST = 0.5     # the relief's largest density change at memory 1
FLICKER_RATE = 12.5     # glitch decisions per second


def _rand(*keys: int, n: int = 1) -> list[float]:
    """n deterministic uniforms in [0, 1) from integer keys (seed, slot, cycle...)."""
    h = 0x5EED
    for k in keys:
        h = mix64(h ^ (int(k) & MASK64))
    out = []
    for i in range(n):
        h = mix64(h + i)
        out.append((h >> 11) / float(1 << 53))
    return out


def _smooth(e0: float, e1: float, x: float) -> float:
    t = min(max((x - e0) / (e1 - e0), 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


def face_schedule(t: float, seed: int, memory: float, flicker: float, aspect: float,
                  horizon: float = -0.24, helix: float = 0.0, close: float = 0.0):
    """The faces visible at time t: arrays (MAX_FACES, 4) a, b and the count.

    a = (centre x, centre y, scale, strength) in centered_uv units, strength the signed
    density contrast; b = (mouth open 0..1, tilt radians, tear seed, tear amount).  Faces
    with no strength are left out, so memory 0 gives none at all.

    Round 7 ("a single ghost face faint and tucked at the edge"): one face leads, large, on a
    third of the frame (its side from the seed and its cycle), its brow at about the upper
    third line above the horizon; a lesser face (FACES_SHOWN - 1 of them at most: one since
    round 22), smaller and paler, keeps to the far side of the sky, apart from it.  While the helix rises in the
    middle of the frame (``helix`` 0..1), the leader makes room for it, out toward the edge
    of its third, and the lesser faces fade, so the shot holds two subjects, not three
    fighting ("a collage", round 6).
    """
    a = np.zeros((MAX_FACES, 4), np.float32)
    b = np.zeros((MAX_FACES, 4), np.float32)
    count = 0
    if memory <= 0.0:
        return a, b, 0
    step = math.floor(t * FLICKER_RATE)
    # the leader's side of the frame: from the seed, changing sides with its cycles (the
    # lesser faces keep to the other side)
    lead_cycle = math.floor((t + 5.0 * _rand(seed, 0, 101)[0]) / LEAD_PERIOD)
    side = 1.0 if (lead_cycle + (_rand(seed, 5)[0] < 0.5)) % 2 == 0 else -1.0
    for k in range(FACES_SHOWN):
        weight = min(max((memory - 0.3 * k) / 0.25, 0.0), 1.0)
        if weight <= 0.0:
            continue
        lead = k == 0
        period = LEAD_PERIOD if lead else 7.0 + 1.7 * k
        offset = 2.9 * k + 5.0 * _rand(seed, k, 101)[0]
        cycle = math.floor((t + offset) / period)
        tau = (t + offset) / period - cycle
        r = _rand(seed, k, cycle, n=6)
        if lead:
            # (round 25's reader at 142.2 s: "the face is almost invisible" -- the leader
            # faded out over its cycle's last fifth, from 141.4 s, while the cue runs to
            # 143 s: it now holds to its last eighth and goes in a second and a half)
            env = _smooth(0.0, 0.15, tau) * (1.0 - _smooth(0.88, 1.0, tau))
        else:
            env = _smooth(0.0, 0.35, tau) * (1.0 - _smooth(0.62, 1.0, tau))
        if env <= 0.0:
            continue
        if lead:
            cx = side * (aspect / 6.0 + 0.1 * helix) + (r[0] - 0.5) * 0.06 + (r[4] - 0.5) * 0.05 * tau
            cy = min(horizon + 0.44, 0.14) + 0.02 * r[1] + 0.02 * tau
            scale = 0.74 + 0.06 * r[2]
            strength_k = 1.0
            # (``close``: the camera closes on the leader -- larger, drawn in toward the
            # middle, a little higher so its open mouth clears the curtains' hem, the one
            # subject of the frame)
            cx *= 1.0 - 0.55 * close
            cy += 0.03 * close
            scale *= 1.0 + 0.3 * close
        else:
            # the lesser faces: on the other side, the nearer one lower and larger
            cx = -side * (0.34 + 0.38 * (k - 1)) * aspect / 2.0 + (r[0] - 0.5) * 0.05
            # (round 34's readers at 133.5 s: "the second face too faint" -- it hung in the
            # night over the curtains, with little light to be made of: lower, in their light)
            cy = min(horizon + 0.34 + 0.06 * (k - 1), 0.12) + 0.04 * r[1] + 0.02 * tau
            scale = (0.42 - 0.06 * (k - 1)) + 0.05 * r[2]
            strength_k = 0.6 * (1.0 - 0.8 * helix) * (1.0 - close)
        tilt = (r[3] - 0.5) * (0.25 if lead else 0.4)
        # (round 15's reader at 132.6 s: "unreadable smears" -- a face surfacing with its
        # mouth shut read as no face at all: the scream is open from the moment a face
        # shows, and widens as it lingers)
        mouth = (0.5 + 0.5 * _smooth(0.05, 0.5, tau)) * (0.45 + 0.55 * memory)
        gate, tear = 1.0, 0.0
        if flicker > 0.0:
            burst = _rand(seed, k, math.floor(t * 1.3), 7)[0]
            g = _rand(seed, k, step, 13, n=4)
            # (the leader glitches less: it tears, it dims, and it is never gone -- round
            # 25's reader at 142.2 s, a still on one of its dropped frames: "the face is
            # almost invisible")
            if g[0] < flicker * (0.45 + 0.55 * burst) * (0.5 if lead else 1.0):
                gate = (0.45 if lead else 0.0) if g[1] < (0.25 if lead else 0.5) else 1.0 + 0.9 * g[2]
                tear = flicker * 0.3 * g[3]
        strength = FACE_CONTRAST * strength_k * memory ** 0.45 * weight * env * gate
        if strength <= 1e-4:
            continue
        a[count] = (cx, cy, scale, strength)
        b[count] = (mouth, tilt, float(step % 65521), tear)
        count += 1
    return a, b, count


ZENITH_SPIRES = 8


# The worm's-eye shot's spires, composed in the opening view (angle round the vertical from
# the camera's first heading, degrees; distance; foot radius; height): two broad dark ones
# rising out of the lower corners, a slender one far off between them, one in from each side
# and two behind the eye that lean in from the top -- all converging on the zenith.
# (round 28's readers at 114.6/116.7 s: "shards radiate evenly like a stock warp-tunnel", "the
# big shard at the left a smeared stretched texture" -- the spires gather on one side of the
# eye at uneven distances, near and far, and the other side is open sky round the corona; the
# nearest no longer so close that its surface stretches over a third of the frame)
ZENITH_LAYOUT = ((-30.0, 6.0, 0.8, 23.0), (40.0, 6.5, 0.75, 25.0), (8.0, 12.0, 0.7, 28.0),
                 (70.0, 9.5, 0.5, 21.0), (-62.0, 13.0, 0.55, 24.0), (105.0, 17.0, 0.6, 27.0),
                 (-8.0, 21.0, 0.45, 26.0), (24.0, 26.0, 0.55, 30.0))
# (round 33, the lead on 111-117 s: "thin and plasticky / placeholder cones" -- the spires
# broader, faceted glass shards with a lit edge and a dark body, zenith.frag)
ZENITH_GIRTH = 1.6
ZENITH_YAW0 = 0.6        # the camera's first heading (radians; it turns slowly from there)


def zenith_spires(seed: int) -> np.ndarray:
    """The worm's-eye shot's spires round the eye: (8, 4) of (x, z of the foot, foot radius,
    height), as ZENITH_LAYOUT composes them, each nudged a little by the seed (a few degrees,
    a tenth of its distance and size) so that a show's seed varies the shot without breaking
    its composition."""
    out = np.zeros((ZENITH_SPIRES, 4), np.float32)
    for i, (deg, dist, radius, height) in enumerate(ZENITH_LAYOUT):
        r = _rand(seed, 2020, i, n=4)
        ang = ZENITH_YAW0 + math.radians(deg + 10.0 * (r[0] - 0.5))
        dist *= 0.92 + 0.16 * r[1]
        radius *= ZENITH_GIRTH * (0.9 + 0.2 * r[2])
        height *= 0.9 + 0.2 * r[3]
        out[i] = (dist * math.sin(ang), dist * math.cos(ang), radius, height)
    return out


ZENITH_MOTES = 10
ZENITH_LENS = 1.55       # screen units -> tangent of the view angle in the worm's-eye shot
ZENITH_EYE = 0.3         # the eye's height above the ground (zenith.glsl's ZEN_EYE)


def zenith_camera(t: float, turn: float = 0.0, crane: float = 0.0, roll: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    """The worm's-eye camera at time t: forward, right and up vectors (as zenith.glsl's
    zen_basis builds them) and the yaw and elevation they come from -- turning slowly about
    the vertical, tilted up near the zenith; ``turn`` (radians) more about the vertical and
    ``crane`` (radians) more up toward the zenith, as a cue keys them (the shot's own motion,
    so its stills seconds apart differ); ``roll`` (radians) turns the frame about its own axis
    (round 33: 111 and 113 s were one composition twice)."""
    yaw = ZENITH_YAW0 + 0.035 * t + turn
    el = 1.2 + 0.04 * math.sin(0.13 * t) + crane
    f = np.array([math.sin(yaw) * math.cos(el), math.sin(el), math.cos(yaw) * math.cos(el)])
    r = np.array([math.cos(yaw), 0.0, -math.sin(yaw)])
    u = np.cross(f, r)
    cr, sr = math.cos(roll), math.sin(roll)
    return f, cr * r + sr * u, cr * u - sr * r, yaw, el


ZENITH_TRAIL = 3.5       # seconds of a memory's climb that its trail of light shows


def _zenith_mote_world(i: int, t: float, seed: int) -> tuple[np.ndarray, float, list[float]]:
    """Memory i of the worm's-eye shot at time t: its place (relative to the eye), its life
    (0 rising from the spires' feet .. 1 gone into the curtains) and its seeded keys -- one
    path for the mote and for its trail, so the trail follows the mote's own climb."""
    k = _rand(seed, 2021, i, n=5)
    life = (0.035 * t + k[0]) % 1.0
    ang = 2.0 * math.pi * k[1] + 0.25 * t * (0.3 + 0.4 * k[2]) + 2.0 * life
    rad = 1.5 + 5.0 * k[3]
    return np.array([rad * math.cos(ang), 3.0 + 22.0 * life - ZENITH_EYE, rad * math.sin(ang)]), life, k


def _zenith_screen(m: np.ndarray, f: np.ndarray, r: np.ndarray, u: np.ndarray) -> tuple[float, float, float] | None:
    """A point relative to the eye on the worm's-eye screen: (x, y in centered units, its
    distance), or None behind the camera."""
    dist = float(np.linalg.norm(m))
    d = m / dist
    z = float(d @ f)
    if z <= 0.05:
        return None
    return float(d @ r) / z / ZENITH_LENS, float(d @ u) / z / ZENITH_LENS, dist


def _zenith_shown(t: float, seed: int, turn: float, crane: float, roll: float = 0.0):
    """The worm's-eye memories in front of the camera at time t, each as (index, life, seeded
    keys, its screen point (x, y, distance), the camera's (f, r, u)): the one walk that the
    motes and their trails both draw from, so each skips the same ones."""
    f, r, u, _, _ = zenith_camera(t, turn, crane, roll)
    for i in range(ZENITH_MOTES):
        m, life, k = _zenith_mote_world(i, t, seed)
        s = _zenith_screen(m, f, r, u)
        if s is not None:
            yield i, life, k, s, (f, r, u)


def zenith_memories(t: float, seed: int, turn: float = 0.0, crane: float = 0.0, roll: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The memories drifting up among the spires into the cloud at time t: (10, 4) of (screen
    x, y in centered units, radius, distance from the eye) and (10,) brightness.  Each rises
    on a slow spiral round the eye, fading in low and out as it nears the curtains; one
    behind the camera is not shown.  Worked out here, once a frame (projected per pixel, ten
    of them cost the shot's last pass a third again)."""
    motes = np.zeros((ZENITH_MOTES, 4), np.float32)
    light = np.zeros(ZENITH_MOTES, np.float32)
    for i, life, k, s, _ in _zenith_shown(t, seed, turn, crane, roll):
        motes[i] = (s[0], s[1], (0.05 + 0.06 * k[4]) / s[2], s[2])
        light[i] = _smooth(0.0, 0.15, life) * (1.0 - _smooth(0.6, 1.0, life))
    return motes, light


def zenith_trails(t: float, seed: int, turn: float = 0.0, crane: float = 0.0, roll: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Each memory's trail of light at time t: (10, 4) of the screen points (x, y, x, y) it
    was at ZENITH_TRAIL and half of it seconds ago (or where it rose from, if younger) --
    its climb as two strokes, bending with its spiral -- and (10,) its life now (0..1).
    Round 27 ("the dead dissolving into the Resonance", a motif no reader had seen): the
    motes rising among the spires were dots; each now draws its climb behind it, a body's
    light streaming up into the curtains and taking their colour as it goes."""
    out = np.zeros((ZENITH_MOTES, 4), np.float32)
    lives = np.zeros(ZENITH_MOTES, np.float32)
    for i, life, _, s, (f, r, u) in _zenith_shown(t, seed, turn, crane, roll):
        back = min(ZENITH_TRAIL, 0.999 * life / 0.035)
        pts = []
        for ago in (back, 0.5 * back):
            p = _zenith_screen(_zenith_mote_world(i, t - ago, seed)[0], f, r, u)
            pts += list((p or s)[:2])
        out[i] = pts
        lives[i] = life
    return out, lives


def zenith_mote_boxes(motes: np.ndarray, trails: np.ndarray, light: np.ndarray) -> np.ndarray:
    """Each worm's-eye memory's bounds on screen (x0, y0, x1, y1 in centered units): the mote,
    its trail's two strokes and the reach of its halo (5.5 radii, where it has fallen under a
    hundred-thousandth), so its quad (zenith_motes.vert) shades its own pixels and no others.
    A mote not shown gets a bound with no area (round 32: the motes looped over every pixel
    of the shot's last pass cost a quarter of its frame)."""
    out = np.zeros((ZENITH_MOTES, 4), np.float32)
    for i in range(ZENITH_MOTES):
        if light[i] <= 0.0:
            continue
        xs = (motes[i, 0], trails[i, 0], trails[i, 2])
        ys = (motes[i, 1], trails[i, 1], trails[i, 3])
        reach = 5.5 * float(motes[i, 2]) + 0.004
        out[i] = (min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach)
    return out


CLOUD_DRIFT = 1.6       # world units a second the cloud drifts over the city (cloud.glsl)
CLOUD_DRIFT_DIR = (0.35, -1.0)   # the map's offset per unit drift (cloud.glsl's cld_uv)

# The cloud shot's glass towers rising out of the city toward the cloud: (x, z of the centre,
# half width, height) -- a broad one near on the right, a slender one near on the left, the
# rest further off, some reaching up into the cloud's base (cloud.glsl: the city's floor lies
# at -42, the eye at 10, the base hangs at 15-27).
# (far to near: drawn in this order, each over the ones behind it)
CLOUD_TOWERS = ((170.0, 300.0, 18.0, 50.0), (18.0, 260.0, 9.0, 80.0), (-130.0, 230.0, 16.0, 62.0),
                (-20.0, 170.0, 5.0, 48.0), (70.0, 150.0, 13.0, 72.0), (-48.0, 95.0, 7.0, 66.0))
# (each tower turned about its axis, so their faces catch the light differently)
CLOUD_TOWER_ARRAY = np.array(CLOUD_TOWERS, np.float32)
CLOUD_TOWER_ROT = np.array([(math.cos(0.5 + 1.3 * k), math.sin(0.5 + 1.3 * k)) for k in range(len(CLOUD_TOWERS))], np.float32)
CLOUD_MEMORIES = 14


def cloud_memories(t: float, seed: int) -> np.ndarray:
    """The memories caught in the cloud at time t: (14, 4) of (x, y, z, size) in world units,
    each a small lit shard riding with the cloud's drift just under its base, a few near and
    the rest receding over the city (seeded; cloud.frag veils those the cloud hides)."""
    out = np.zeros((CLOUD_MEMORIES, 4), np.float32)
    drift = CLOUD_DRIFT * t
    for i in range(CLOUD_MEMORIES):
        k = _rand(seed, 2424, i, n=4)
        z = 28.0 + 130.0 * k[0] ** 1.6
        x = (k[1] - 0.5) * (0.9 * z + 20.0)
        y = 14.5 + 3.5 * k[2] + 0.4 * math.sin(0.5 * t + 6.0 * k[3])
        out[i] = (x - CLOUD_DRIFT_DIR[0] * drift, y, z - CLOUD_DRIFT_DIR[1] * drift, 0.28 + 0.25 * k[3])
    return out


CLOUD_EYE = 10.0         # cloud.glsl's CLD_EYE and CLD_LENS
CLOUD_LENS = 1.25
CLOUD_FLOOR = -42.0      # cloud.glsl's CLD_FLOOR


def cloud_pitch(horizon: float) -> float:
    """The cloud shot's tilt up (radians) for the ``horizon`` parameter: the horizon where the
    parameter puts it on screen, within 0.1 (the city's floor on the lower 2/5) and 0.45
    (looking up into the cloud, the city a strip at the foot) -- so a cue's crane up moves
    this camera too, and the faces look up into the cloud."""
    return min(max(math.atan(-horizon * CLOUD_LENS), 0.1), 0.45)


def cloud_memory_screen(mem: np.ndarray, pitch: float) -> np.ndarray:
    """The memories (cloud_memories) projected as cloud.glsl's camera sees them: (14, 4) of
    (screen x, y in centered units, radius on screen, depth); behind the eye: radius 0.
    Worked out here once a frame rather than per pixel."""
    out = np.zeros_like(mem)
    c, s = math.cos(pitch), math.sin(pitch)
    for i, (x, y, z, size) in enumerate(mem):
        qy = y - CLOUD_EYE
        depth = qy * s + z * c
        if depth <= 1.0:
            continue
        up = qy * c - z * s
        out[i] = (x / depth / CLOUD_LENS, up / depth / CLOUD_LENS, size / depth / CLOUD_LENS, depth)
    return out


def cloud_tower_boxes(pitch: float) -> np.ndarray:
    """Each cloud-shot tower's bounds on screen (x0, y0, x1, y1 in centered units, a margin
    round them): the corners of its box projected by cloud.glsl's camera.  The shader tests
    a quad over each (cloud_towers.vert), so only its pixels pay for it (on llvmpipe a loop
    over the six in the full-screen pass ran for every pixel: a third of the shot's time)."""
    out = np.zeros((len(CLOUD_TOWERS), 4), np.float32)
    c, s = math.cos(pitch), math.sin(pitch)
    for k, (x, z, half, height) in enumerate(CLOUD_TOWERS):
        r = half * math.sqrt(2.0)
        pts = []
        for dx in (-r, r):
            for dz in (-r, r):
                for y in (CLOUD_FLOOR, CLOUD_FLOOR + height):
                    qy = y - CLOUD_EYE
                    depth = qy * s + (z + dz) * c
                    up = qy * c - (z + dz) * s
                    pts.append(((x + dx) / depth / CLOUD_LENS, up / depth / CLOUD_LENS))
        a = np.array(pts)
        out[k] = (*(a.min(axis=0) - 0.01), *(a.max(axis=0) + 0.01))
    return out


def cloud_uniforms(t: float, seed: int, horizon: float, speed: float) -> dict:
    """The cloud shot's per-frame uniforms (its drift, tilt, towers' and memories' places on
    screen): worked out only while the shot is drawn -- the lake cues, which never draw it,
    pay nothing for it each frame."""
    pitch = cloud_pitch(horizon)
    mem = cloud_memory_screen(cloud_memories(t, seed), pitch)
    reach = 6.0 * mem[:, 2]
    turn = 0.6 * t * speed + 2.1 * np.arange(CLOUD_MEMORIES)
    return {
        "u_cld_drift": CLOUD_DRIFT * t,
        "u_cld_towers": CLOUD_TOWER_ARRAY,
        "u_cld_tower_rot": CLOUD_TOWER_ROT,
        "u_cld_tower_box": cloud_tower_boxes(pitch),
        "u_cld_pitch": pitch,
        "u_cld_memory_rot": np.stack([np.cos(turn), np.sin(turn)], axis=1).astype(np.float32),
        "u_cld_memories": mem,
        "u_cld_memory_box": np.stack([mem[:, 0] - reach, mem[:, 1] - reach, mem[:, 0] + reach, mem[:, 1] + reach], axis=1),
    }


def field_span(aspect: float, lens: float = 1.5, horizon: float = -0.24, roll: float = 0.0) -> float:
    """Largest ray slope |x/z| on screen, plus a margin for face warps.

    The camera as in camera.glsl: pitch from the horizon's screen height and the lens, the
    view rolled.  |x/z| over the rolled frame is largest at one of its corners (the largest
    of two linear-fractional functions over a convex polygon is at a vertex).
    """
    t = -horizon * lens
    c = 1.0 / math.sqrt(1.0 + t * t)
    s = t * c
    cr, sr = math.cos(roll), math.sin(roll)
    span = 0.0
    for cx, cy in ((-0.5 * aspect, -0.5), (0.5 * aspect, -0.5), (-0.5 * aspect, 0.5), (0.5 * aspect, 0.5)):
        x, y = cr * cx - sr * cy, sr * cx + cr * cy
        dz = c - y * lens * s
        span = max(span, abs(x * lens) / max(dz, 0.05))
    return span + 0.05


ASCENT_FEET = (0.36, -0.06)   # the ascending figure's feet: view x, height under the horizon
ASCENT_HEIGHT = 0.36          # its height (frame heights)


def ascent_uniforms(horizon: float, aspect: float) -> dict:
    """The ascent's figure (ascent.glsl) -- feet, height -- and its screen quad: the figure
    and its motes (out to 0.6 of its height either side), its image in the water under it,
    and its column of light up to the top of the frame."""
    fx, fy = ASCENT_FEET[0], horizon + ASCENT_FEET[1]
    h = ASCENT_HEIGHT
    box = (fx - 0.62 * h, max(fy - 1.1 * h, -0.5), fx + 0.62 * h, 0.5)
    return {"u_ascent_at": (fx, fy, h, 0.0), "u_ascent_box": np.array([box], np.float32)}


class Resonance(Scene):
    """The scene: passes the hum, the field's extent and the face schedule to the shaders."""

    face_schedule = staticmethod(face_schedule)

    def update(self, state, resources):
        p = state.params
        w, h = state.resolution
        aspect = w / h
        # The hum: phases wrapped here in double precision, so long shows stay exact.
        breath = p["hum_depth"] * math.sin(2.0 * math.pi * ((state.t * p["hum_freq"]) % 1.0))
        shiver = p["hum_depth"] * math.sin(2.0 * math.pi * ((state.t * p["hum_freq"] * 7.0) % 1.0))
        a, b, count = face_schedule(state.t, state.seed, p["memory"], p["flicker"], aspect, p["horizon"],
                                    min(max(float(p["helix"]), 0.0), 1.0), min(max(float(p["close"]), 0.0), 1.0))
        torn = float(p["rift"]) > 0.0
        alive = max(float(p["corona"]), float(p["laughter"])) > 0.0
        laughing = float(p["laughter"]) > 0.0
        up = float(p["zenith"]) > 0.5          # the worm's-eye shot instead of the lake
        cloudy = float(p["cloud"]) > 0.5 and not up   # the cloud over the city instead
        lake = 0 if (up or cloudy) else 3
        resources.draw_count("field", lake)
        resources.draw_count("field_blur", lake)
        resources.draw_count("aurora", 0 if (alive or not lake) else 3)
        resources.draw_count("aurora_life", 3 if (alive and lake and not laughing) else 0)
        resources.draw_count("aurora_laughter", 3 if (laughing and lake) else 0)
        # (round 34: the screaming mouths' throats in a variant of their own, drawn while a
        # face is shown: the lake shots paid a quarter again for them, untaken)
        faced = count > 0 and not torn
        resources.draw_count("composite", 0 if (torn or not lake or faced) else 3)
        resources.draw_count("composite_faces", 3 if (faced and lake) else 0)
        resources.draw_count("composite_rift", 3 if (torn and lake) else 0)
        resources.draw_count("strands", 2 * (HELIX_SEGMENTS + 1), 4 if (float(p["helix"]) > 0.0 and lake) else 0)
        resources.draw_count("cloud_map", 3 if float(p["cloud"]) > 0.5 else 0)
        resources.draw_count("cloud_sky", 3 if (cloudy and count == 0) else 0)
        resources.draw_count("cloud_sky_faces", 3 if (cloudy and count > 0) else 0)
        resources.draw_count("cloud_city", 3 if cloudy else 0)
        resources.draw_count("cloud_towers", 4 if cloudy else 0, len(CLOUD_TOWERS) if cloudy else 0)
        resources.draw_count("cloud_memories", 4 if cloudy else 0, CLOUD_MEMORIES if cloudy else 0)
        for name in ("zenith_field", "zenith_blur", "zenith_env", "zenith_sky", "worms_eye"):
            resources.draw_count(name, 3 if up else 0)
        resources.draw_count("zenith_motes", 4 if up else 0, ZENITH_MOTES if up else 0)
        turn, crane, roll = float(p["zen_turn"]), float(p["zen_crane"]), float(p["zen_roll"])
        _, _, _, yaw, el = zenith_camera(state.t, turn, crane)
        motes, mote_light = zenith_memories(state.t, state.seed, turn, crane, roll) if up else (
            np.zeros((ZENITH_MOTES, 4), np.float32), np.zeros(ZENITH_MOTES, np.float32))
        trails, lives = zenith_trails(state.t, state.seed, turn, crane, roll) if up else (
            np.zeros((ZENITH_MOTES, 4), np.float32), np.zeros(ZENITH_MOTES, np.float32))
        ascent = float(p["ascent"]) > 0.0 and lake and not torn
        resources.draw_count("ascent_body", 4 if ascent else 0, 1 if ascent else 0)
        resources.draw_count("ascent_light", 4 if ascent else 0, 1 if ascent else 0)
        tilt = -p["horizon"] * p["lens"]
        return {
            **ascent_uniforms(float(p["horizon"]), aspect),
            "u_cam_pitch": (1.0 / math.sqrt(1.0 + tilt * tilt), tilt / math.sqrt(1.0 + tilt * tilt)),
            "u_cam_roll": (math.cos(p["roll"]), math.sin(p["roll"])),
            # the far city's strip is baked at the screen's size: magnified by a long lens,
            # and by a rolled frame so that its ends never come into view
            # (and shrunk by `skyline` < 1: the city further off, its spires lower and finer)
            "u_city_zoom": min(p["lens"] / 1.5, 1.0) / (1.0 + 0.6 * abs(p["roll"])) / p["skyline"],
            "u_span": field_span(aspect, p["lens"], p["horizon"], p["roll"]),
            "u_flow": state.t * p["speed"],
            "u_hum": (breath, shiver),
            "u_faces": a,
            "u_faces_b": b,
            "u_face_count": count,
            "u_zen_cam": (math.cos(yaw), math.sin(yaw), math.cos(el), math.sin(el)),
            "u_zen_lens": ZENITH_LENS,
            "u_spires": zenith_spires(state.seed),
            "u_motes": motes,
            "u_mote_light": mote_light,
            "u_mote_trails": trails,
            "u_mote_life": lives,
            "u_zen_mote_box": zenith_mote_boxes(motes, trails, mote_light),
            **(cloud_uniforms(state.t, state.seed, float(p["horizon"]), float(p["speed"])) if cloudy else {}),
        }


resonance = Resonance(
    "resonance",
    passes=[
        # (the lake set-up's passes are triangle lists, so the scene can skip them in the
        # worm's-eye shot, and the worm's-eye shot's in the lake set-up: update())
        Pass("scenes/resonance/field.frag", name="field", size=(256, 256), vert="common/fullscreen.vert",
             primitive="triangles", count=3),
        Pass("scenes/resonance/blur.frag", name="field_blur", inputs=("field",), size=(256, 256),
             vert="common/fullscreen.vert", primitive="triangles", count=3),
        # (drawn as a triangle list so the scene can choose, each frame, between the plain
        # aurora and the one with the cloud's life compiled in -- the corona and the child's
        # laughter: update())
        Pass("scenes/resonance/aurora.frag", name="aurora", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field_blur",), scale=0.5, precision="rgba16f"),
        Pass("scenes/resonance/aurora_life.frag", name="aurora_life", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field_blur",), scale=0.5, precision="rgba16f",
             into="aurora"),
        Pass("scenes/resonance/aurora_laughter.frag", name="aurora_laughter", vert="common/fullscreen.vert",
             primitive="triangles", count=0, inputs=("field_blur",), scale=0.5, precision="rgba16f",
             into="aurora"),
        Pass("scenes/resonance/city.frag", name="city", update="once"),
        Pass("scenes/resonance/stars.frag", name="starfield", update="once", filter="nearest"),
        # (drawn as a triangle list so the scene can choose, each frame, between the plain
        # composite and the one with the howl's tear compiled in: update())
        Pass("scenes/resonance/composite.frag", name="composite", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("aurora", "city", "starfield")),
        Pass("scenes/resonance/composite_faces.frag", name="composite_faces", vert="common/fullscreen.vert",
             primitive="triangles", count=0, inputs=("aurora", "city", "starfield"), into="composite"),
        Pass("scenes/resonance/composite_rift.frag", name="composite_rift", vert="scenes/resonance/composite_rift.vert",
             primitive="triangles", count=3, inputs=("aurora", "city", "starfield"), into="composite"),
        # "The dead dissolving into the Resonance": a figure on the water coming apart into
        # light (ascent.glsl), its silhouette and its light over one quad, only while ascent > 0
        Pass("scenes/resonance/ascent_body.frag", name="ascent_body", vert="scenes/resonance/ascent.vert",
             primitive="triangle_strip", count=0, instances=0, into="composite", blend="alpha"),
        Pass("scenes/resonance/ascent_light.frag", name="ascent_light", vert="scenes/resonance/ascent.vert",
             primitive="triangle_strip", count=0, instances=0, into="composite", blend="add"),
        # The worm's-eye shot (zenith): the curtains' ground field overhead, the glass's
        # reflection map, the sky at half resolution, then the spires over it.
        # (both keep their light as square roots, in 8 bits: zenith.glsl's zen_field_light)
        Pass("scenes/resonance/zenith_field.frag", name="zenith_field", size=(384, 384),
             vert="common/fullscreen.vert", primitive="triangles", count=0),
        Pass("scenes/resonance/zenith_blur.frag", name="zenith_blur", inputs=("zenith_field",), size=(384, 384),
             vert="common/fullscreen.vert", primitive="triangles", count=0),
        Pass("scenes/resonance/zenith_env.frag", name="zenith_env", inputs=("zenith_blur",), size=(128, 128),
             vert="common/fullscreen.vert", primitive="triangles", count=0, precision="rgba16f"),
        Pass("scenes/resonance/zenith_sky.frag", name="zenith_sky", inputs=("zenith_blur",), scale=0.5,
             vert="common/fullscreen.vert", primitive="triangles", count=0, precision="rgba16f"),
        # (the memories on their own small quads, a layer the last pass adds: round 32)
        Pass("scenes/resonance/zenith_motes.frag", name="zenith_motes", vert="scenes/resonance/zenith_motes.vert",
             primitive="triangle_strip", count=0, instances=0, precision="rgba16f", blend="add",
             clear=(0.0, 0.0, 0.0, 0.0)),
        Pass("scenes/resonance/zenith.frag", name="worms_eye", vert="common/fullscreen.vert",
             primitive="triangles", count=0, inputs=("zenith_sky", "zenith_env", "zenith_field", "zenith_motes", "starfield"),
             into="composite"),
        # The cloud shot (cloud): the cloud's underside baked once, the cloud and its curtains
        # at half resolution, then the city's lights, its towers and the memories over them.
        # (baked when ``cloud`` comes on, and only then: the dream's Resonance cues keep the
        # lake, and each paid this 1024-square bake at its first frame for nothing)
        Pass("scenes/resonance/cloud_map.frag", name="cloud_map", size=(1024, 1024), update=("cloud",),
             vert="common/fullscreen.vert", primitive="triangles", count=0,
             wrap="mirror", precision="rgba16f", mipmaps=True),
        Pass("scenes/resonance/cloud_sky.frag", name="cloud_sky", inputs=("cloud_map",), scale=0.5,
             vert="common/fullscreen.vert", primitive="triangles", count=0, precision="rgba16f"),
        Pass("scenes/resonance/cloud_sky_faces.frag", name="cloud_sky_faces", inputs=("cloud_map",), scale=0.5,
             vert="common/fullscreen.vert", primitive="triangles", count=0, precision="rgba16f", into="cloud_sky"),
        Pass("scenes/resonance/cloud.frag", name="cloud_city", vert="common/fullscreen.vert",
             primitive="triangles", count=0, inputs=("cloud_sky",), into="composite"),
        Pass("scenes/resonance/cloud_towers.frag", name="cloud_towers", vert="scenes/resonance/cloud_towers.vert",
             primitive="triangle_strip", count=4, instances=0, inputs=("cloud_sky",), into="composite", blend="alpha"),
        Pass("scenes/resonance/cloud_memories.frag", name="cloud_memories", vert="scenes/resonance/cloud_memories.vert",
             primitive="triangle_strip", count=4, instances=0, inputs=("cloud_sky",), into="composite", blend="add"),
        # Joy and despair as a double helix over the city (nothing drawn while helix is 0).
        Pass("scenes/resonance/helix.frag", name="strands", vert="scenes/resonance/helix.vert",
             primitive="triangle_strip", count=2 * (HELIX_SEGMENTS + 1), instances=4,
             into="composite", blend="add"),
    ],
    output="composite",
    params=[
        Param("intensity", 1.0, 0.0, 2.5, "brightness of the aurora"),
        Param("memory", 0.5, 0.0, 1.0, "how many faces of memory surface in the aurora, and how clearly"),
        Param("flicker", 0.1, 0.0, 1.0, "how much the faces glitch in and out"),
        Param("close", 0.0, 0.0, 1.0, "the camera closes on the leading face: larger and nearer the middle, the lesser face gone (1)"),
        Param("hum_depth", 0.35, 0.0, 1.0, "depth of the hum that makes the aurora breathe"),
        Param("hum_freq", 0.2, 0.0, 2.0, "frequency of the hum's breath, in Hz"),
        Param("speed", 1.0, 0.0, 4.0, "how fast the curtains drift and their rays shimmer"),
        Param("reach", 0.5, 0.0, 1.0, "how high the curtains reach before fading"),
        Param("colour_low", "#22f29a", description="the colour of the curtains' bright lower parts"),
        Param("colour_high", "#8e4dff", description="the colour the curtains fade to at the top"),
        Param("colour_fringe", "#ff3d8f", description="the thin fringe along the curtains' lower edge"),
        Param("glass", 1.0, 0.0, 1.0, "how clear the far city's glass is: the aurora seen through its spires and mirrored brighter on them (0: dark columns)"),
        Param("ascent", 0.0, 0.0, 1.0, "the dead dissolving into the Resonance: a robed figure on the water comes apart from the head down into motes of light rising into the aurora (0: none; 1: gone to its feet)"),
        Param("corona", 0.0, 0.0, 1.0, "the corona: high overhead the curtains' rays converge on one point above the frame, a crown of rays fanning down"),
        Param("laughter", 0.0, 0.0, 1.0, "the child's laughter that loops: a small bright ghost child in the cloud, hopping with its arms flung up, over and over, trailing after-images"),
        Param("stars", 0.7, 0.0, 1.0, "brightness of the stars behind the aurora"),
        Param("reflection", 0.8, 0.0, 1.0, "how strongly the still water mirrors the sky"),
        Param("helix", 0.0, 0.0, 1.0, "joy and despair intertwined: a double helix of gold and violet light rising from the city"),
        Param("rift", 0.0, 0.0, 1.0, "the howl: the sky tearing open, white light pouring through a ragged slit that lights the curtains (0 = whole)"),
        Param("zenith", 0.0, 0.0, 1.0, "the worm's-eye shot: from among the glass spires' feet, looking straight up into the corona (over 0.5: this shot instead of the lake)"),
        Param("cloud", 0.0, 0.0, 1.0, "the cloud shot: hanging between the humming cloud's glowing underside and the city's lights far below (over 0.5: this shot instead of the lake)"),
        Param("quality", 0.5, 0.0, 1.0, "layers marched through the aurora (10 at 0, 40 at 1)"),
        # the camera: a show can crane, zoom and tilt it from cue to cue
        Param("far_city", 1.0, 0.0, 1.0, "how much of the far city stands on the horizon (0: none, the still water runs to the sky)"),
        Param("skyline", 1.0, 0.4, 1.0, "how large the far city stands (1: as baked; smaller: further off, its spires lower and finer)"),
        Param("horizon", -0.24, -0.45, 0.1, "where the horizon falls on screen, in frame heights from the middle (lower: looking up into the aurora)"),
        Param("lens", 1.5, 0.9, 2.0, "field of view (1.5: about 74 degrees across the height; smaller: a longer lens, closer)"),
        Param("roll", 0.0, -0.4, 0.4, "tilt of the frame in radians (a dutch angle)"),
        Param("zen_turn", 0.0, -3.2, 3.2, "the worm's-eye camera turned about the vertical (radians, beyond its own slow turn; key it to move the shot)"),
        Param("zen_roll", 0.0, -1.0, 1.0, "the worm's-eye camera rolled about its own axis (radians; key it so stills seconds apart are two compositions)"),
        Param("zen_violet", 0.0, 0.0, 1.0, "the worm's-eye whorl's colours turned over: a violet crown in emerald outer turns (1), not an emerald crown in violet (0)"),
        Param("zen_crane", 0.0, -0.3, 0.3, "the worm's-eye camera tilted up toward the zenith (radians from its 69 degrees; key it to crane up)"),
    ],
    duration=30.0,
    description="the Resonance: aurora curtains of shared memory over a far city, faint faces within",
)
