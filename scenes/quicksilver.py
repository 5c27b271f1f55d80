"""Quicksilver mirrors: tears of liquid metal fall, merge, pool, freeze into a mirror and shatter.

"They weep -- not tears, but droplets of quicksilver that pool at your feet and harden into
mirrors.  In them, you see yourself as you are: fractured."

The picture is 2.5D: a camera stands low over a dark floor (looking down ~23 degrees: the pool lies foreshortened at the viewer's feet); the pool is a 2D signed distance
field on the floor (an exponential smooth union of circles, one per landed tear, plus the
small beads a splash throws off) lifted into a flat-topped puddle with rounded rims, the way
mercury's surface tension holds it.  Normals come from the field's analytic gradient, so
nothing is ray-marched.  Falling tears are analytic ellipsoids stretched by their speed.

Everything that moves is a pure function of time, worked out here on the CPU each frame:

* the first ``SITES`` tears (the pool's formation over its first seconds) always fall; each
  lands, spreads towards its final radius and wobbles (surface tension modes 2 and 3);
* after them tears keep falling into the pool at ``pour`` per second, each one a splash
  ripple and a wobble of the rims near it;
* ``harden`` (or ``fracture``, which implies it) freezes the pool from its rims inwards:
  ripples damp to zero, the pool settles into its final shape and tears stop, so at
  hardness 1 the image is still.  ``fracture`` then cracks it from an impact point (where the
  mirror shows the dreamer's temple) into log-polar Voronoi shards (iq's exact border
  distance) with bevelled edges, each shard tilted by a hash of its cell so it reflects
  another part of the environment and shows its own piece of the dreamer, moved and turned;
  the cracks through the figure bleed.

The mirror reflects the ``environment`` binding (the sky scene by default, the built-in
gradient until the sky exists): the reflected direction is mapped onto that image by a
stereographic projection about the flat mirror's reflection (conformal, no pinch at the
zenith, folded back at the image's edges), with the dream city's glass towers standing in
silhouette against it (``skyline``), the Serenes who weep standing round the pool's far side in
front of them, upside down in the metal with their mercury eyes (``serenes``), the dark floor
below the horizon and a key light.  The rims curl into a dark meniscus with one thin highlight.

Passes (llvmpipe runs every line of a shader for every fragment: an untaken if() or a loop
that no pixel enters costs its full price, while fragments never rastered or discarded in
whole blocks cost nothing, so the expensive passes draw proxy quads over the screen tiles
the CPU marks near the pool and the tears, and discard the rest):

* ``envblur`` -- a 64x36 blurred copy of the environment (rough and far-off reflections,
  the floor's ambient light; the bound image has no mip levels);
* ``field`` -- the pool's distance and gradient at half resolution (RGBA16F), on tiles;
* ``cracks`` -- the crack field packed into RGBA32F, on tiles, only while fractured;
* ``mirror`` -- the metal and the tears, tone mapped, with coverage in alpha, on tiles (or,
  while the hardened mirror shows the dreamer, ``mirror_dreamer``: the same with the figure);
* ``stone`` -- the floor's stone, its seams, moss cushions and puddles (which mirror the bound
  sky's stars and moons in the main pass), baked again only while the camera moves (``drift``);
* ``main`` -- the floor, the pool's contact shadow, and the mirror laid over them.
* ``close`` -- the close shot (``shot`` 1, round 20), drawn instead of all of the above but
  ``envblur``: low over the liquid, the tears falling into it at every depth (near ones large
  and out of focus), ringing it, and the surface hardening from where they fall into tilted
  mirror plates (qs_close.frag; its schedule is _tears_close.py beside this file).
* ``self_geo`` and ``shard`` -- the shard shot (``shot`` 2, round 21), drawn instead of the
  pool: the self's head and shoulders, a distance field ray-marched ONCE when the scene starts
  into a small square G-buffer (qs_self_geo.frag), and one tilted mirror shard close in the
  dark holding it, relit each frame, cracking and bleeding (qs_shard.frag; its placement is
  _shard_shot.py beside this file).  Round 22: the self a person (a face, hair, a tear), the
  shard in a place (mirror plates, a candle, the Serenes' eyes in the dark).
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from visuals import Binding, Param, Pass, Scene
from visuals.model.hashing import unit_float
from visuals.load.beside import load_beside

close_shot = load_beside(__file__, "_tears_close.py", "visuals_scenes_quicksilver_close")     # shot 1's schedule
shard_shot = load_beside(__file__, "_shard_shot.py", "visuals_scenes_quicksilver_shard")      # shot 2's placement

SELF_BAKE = 1280              # the shard shot's baked self: pixels a side (round 31: 2x, "the profile crude with stair-steps")

# -- the world (floor units; y up) ----------------------------------------------------------
CAM_POS = (0.0, 0.95, -1.75)
# (round 16: "the Serene cut off at the edge" -- the pool's near lobe ran out over the frame's
# lower edge.  The view looks further down (more so as it comes closer), and the dream's pool
# is a little smaller, so the whole pool stays in the frame all through the move)
CAM_TARGET = (0.0, 0.0, -0.01)
CAM_END = (0.42, 0.78, -1.4)      # where ``drift`` 1 brings it: lower, closer, round to the right
TARGET_END = (0.05, 0.0, -0.29)
FOV_Y = 37.0                  # degrees, where the move starts
FOV_Y_END = 42.0              # and where ``drift`` 1 brings it
# (round 19's reader at 166.7/170.1 s: "murky green-black fills about 60 % of the frame" --
# the pool framed larger: a longer lens looking a little further down, widening again as the
# camera comes closer, so the grown, broken pool still fits the frame at the end of the move)

SITES = 11                    # tears that build the pool
BEADS = 14                    # small satellite beads the landings throw off
GRAVITY = 2.4                 # units/s^2 (a dream's slow fall)
DROP_HEIGHT = 0.6             # tears gather out of the air here, inside the frame (no tear
                              # enters cut off by its top edge), swell for TEAR_GATHER s, and fall
TEAR_GATHER = 0.22
FALL_TIME = math.sqrt(2.0 * DROP_HEIGHT / GRAVITY)
TEAR_RADIUS = 0.055
RATE_MAX = 6.0                # candidate tears per second once the pool has formed
POUR_START = 1.6              # seconds before the first poured (non-forming) tear lands
RIPPLE_LIFE = 3.0             # seconds a splash ripple lasts
MAX_TEARS = 8                 # tears in the air drawn at once
MAX_WAVES = 12                # splash ripples evaluated at once (quality picks how many)
MAX_BLOBS = SITES + BEADS
TILES_X, TILES_Y = 48, 27      # screen tiles of the proxy geometry (see qs_tiles.glsl)
TILE_VERTICES = 6 * TILES_X * TILES_Y
AO_REACH = 0.25               # how far the pool's contact shadow reaches on the floor


def _no_crack_clear() -> tuple[float, float, float, float]:
    """The crack pass's clear value: 'no crack here' in crack_store's packing (qs_cracks.glsl)."""
    def pack(lo01: float, hi01: float) -> float:
        bits = (int(256 + hi01 * 32000 + 0.5) << 16) | int(lo01 * 65535 + 0.5)
        return float(np.array([bits], np.uint32).view(np.float32)[0])
    return (1000.0, pack(0.5, 0.0), pack(0.5, 0.5), pack(0.5, 0.5))


# -- deterministic hashing for random access to the tear schedule ---------------------------
def unit_hash(seed: int, stream: int, index: int) -> float:
    """A float in [0, 1) from (seed, stream, index); the same numbers on every machine."""
    return unit_float(seed, stream, index, stream_key=0x632BE59BD9B4E019)


# -- the pool's layout, fixed per seed --------------------------------------------------------
@lru_cache(maxsize=16)
def layout(seed: int) -> dict[str, np.ndarray]:
    """Where each forming tear lands, its final radius and landing time, and its beads."""
    rng = np.random.default_rng([seed & 0xFFFFFFFF, 0x5117E6])
    centres = np.zeros((SITES, 2))
    radii = np.zeros(SITES)
    radii[0] = 0.46
    centres[0] = (rng.uniform(-0.1, 0.1), rng.uniform(0.05, 0.2))
    for k in range(1, SITES):
        for _ in range(40):     # grow outward from an earlier site, keeping the pool in frame
            parent = int(rng.integers(0, k))
            r = rng.uniform(0.17, 0.36) * (1.0 - 0.25 * k / SITES)
            ang = rng.uniform(0.0, 2.0 * math.pi)
            dist = (radii[parent] + r) * rng.uniform(0.55, 0.9)
            c = centres[parent] + dist * np.array([math.cos(ang), math.sin(ang)])
            if abs(c[0]) < 1.25 and -0.55 < c[1] < 0.95:
                break
        centres[k], radii[k] = c, r
    # centre the pool (area-weighted) in the frame, whatever the seed
    shift = np.array([0.0, 0.2]) - (centres * radii[:, None] ** 2).sum(0) / (radii ** 2).sum()
    centres += shift
    times = 0.75 + np.concatenate([[0.0], np.cumsum(rng.uniform(0.3, 0.75, SITES - 1))])
    wob = rng.uniform(0.0, 2.0 * math.pi, (SITES, 2))
    # Beads: thrown off by each landing, a little after it, just outside the landing's rim.
    n = BEADS
    owner = np.sort(np.concatenate([np.arange(SITES), rng.integers(0, SITES, BEADS - SITES)]))
    ang = rng.uniform(0.0, 2.0 * math.pi, n)
    dist = radii[owner] * rng.uniform(1.05, 1.5, n) + rng.uniform(0.04, 0.22, n)
    bead_c = centres[owner] + dist[:, None] * np.stack([np.cos(ang), np.sin(ang)], 1)
    bead_r = rng.uniform(0.014, 0.05, n) * np.where(rng.uniform(size=n) < 0.3, 1.4, 1.0)
    bead_t = times[owner] + rng.uniform(0.12, 0.3, n)
    # The mirror cracks from about where it shows the side of the dreamer (see impact_on_floor).
    crack = rng.uniform(-0.04, 0.04, 2)
    return {"centres": centres, "radii": radii, "times": times, "wob": wob,
            "bead_c": bead_c, "bead_r": bead_r, "bead_t": bead_t, "crack": crack}


DREAMER_IMPACT = (0.6, 0.45)    # where the mirror is struck, in the face's own frame (x across,
                                # y up the face, the eyes at 0.05): by the temple, so the cracks
                                # run out through the face and break it into a few large pieces
DREAMER_H = 0.35                # the level plane of the face leaning over the pool (floor units)
DREAMER_SCALE = 1.0             # floor units per face unit on that plane, in main-lobe radii
DREAMER_STRETCH = 1.5           # the face's length along the floor over its width (as qs_dreamer.glsl)
DREAMER_SHRINK = 0.6            # the figure's size against its scale (as qs_dreamer.glsl)
DREAMER_LIFT = 0.22             # figure units the head's centre lies beyond the lobe's centre: the
                                # bust (crown to shoulders, +0.53 .. -1.06) is centred in the lobe


DREAMER_DRIFT = 0.65            # the camera's place (``drift``) from which the face is framed: the
                                # dream's cue shatters the mirror about there


def _mirrored_camera() -> tuple[float, float, float]:
    """The camera, from where the face is framed, mirrored in the floor."""
    pos, _target = camera_at(DREAMER_DRIFT)
    return (pos[0], -pos[1], pos[2])


@lru_cache(maxsize=16)
def dreamer_stance(seed: int, vol: float) -> tuple[float, float, float]:
    """Where the face the mirror shows lies, and how large: (x, z) of its centre on the level
    plane y = DREAMER_H and its scale (floor units per face unit).

    The dreamer leans over the pool and looks down into it: the face lies on a level plane
    above the pool, facing down, and a floor mirror shows it the right way up on the screen.
    Its centre is placed where the mirror shows it over the main lobe's centre: the point on
    the plane that the camera's mirror image (below the floor) sees through that point.
    """
    lay = layout(seed)
    c = lay["centres"][0] * vol ** 0.5
    r = float(lay["radii"][0] * vol ** 0.5)
    mx, my, mz = _mirrored_camera()
    k = (DREAMER_H - my) / (0.0 - my)          # along the line from the mirrored camera
    x = mx + (float(c[0]) - mx) * k
    z = mz + (float(c[1]) - mz) * k
    scale = DREAMER_SCALE * r * k
    # (round 16: the head alone sat at the centre and the shoulders ran out over the rim;
    # the head lies further up the mirror, so head and shoulders are centred in the pool)
    z += DREAMER_LIFT * DREAMER_SHRINK * scale * DREAMER_STRETCH
    return float(x), float(z), scale


def impact_on_floor(seed: int, vol: float) -> tuple[float, float]:
    """The floor point where the mirror is struck: where the whole mirror shows the point
    DREAMER_IMPACT of the face (by the temple), so the cracks run out through the face and
    break it into a few large shards, each holding a recognisable piece (an eye, the mouth),
    instead of crazing it into splinters.  (The inverse of the reflection in dreamer_stance:
    the floor point on the line from the mirrored camera to that point of the face.)"""
    x0, z0, s = dreamer_stance(seed, round(vol, 4))
    hx = x0 + DREAMER_IMPACT[0] * s
    hz = z0 + DREAMER_IMPACT[1] * s * DREAMER_STRETCH
    mx, my, mz = _mirrored_camera()
    k = (0.0 - my) / (DREAMER_H - my)
    return float(mx + (hx - mx) * k), float(mz + (hz - mz) * k)


def merge_k(merge: float) -> float:
    """The smooth union's width from the ``merge`` parameter (as pool_k in qs_pool.glsl)."""
    return 0.012 + 0.07 * merge * merge


def spread(age: np.ndarray | float, final: np.ndarray | float):
    """Radius of a landed tear after ``age`` seconds: fast splash, then a slow creep."""
    a = np.maximum(age, 0.0)
    grow = 1.0 - 0.78 * np.exp(-a / 0.22) - 0.22 * np.exp(-a / 1.8)
    return TEAR_RADIUS * 1.2 + (final - TEAR_RADIUS * 1.2) * grow


def wobble(age: np.ndarray | float):
    """Relative amplitude of a landed tear's surface-tension oscillation."""
    a = np.maximum(age, 0.0)
    return 0.22 * np.exp(-a / 0.55) * np.sin(13.0 * a)


def poured_tears(seed: int, t: float, pour: float, hard: float, centres, radii, times):
    """The candidate tears after the formation that matter at time t.

    Candidates land on a fixed schedule (RATE_MAX per second, jittered); one counts when its
    hash is under pour/RATE_MAX, softly, so turning ``pour`` shrinks tears rather than popping
    them.  Each lands inside a site that had already landed.  Returns (land time, x, z,
    strength) for tears in the air or whose ripple still lives.
    """
    out = []
    gate = pour / RATE_MAX * (1.0 - hard) ** 0.5
    if gate <= 0.0:
        return out
    lo = int(math.floor((t - RIPPLE_LIFE - POUR_START) * RATE_MAX)) - 1
    hi = int(math.ceil((t + FALL_TIME - POUR_START) * RATE_MAX)) + 1
    for j in range(max(lo, 0), hi + 1):
        land = times[0] + POUR_START + (j + 0.85 * unit_hash(seed, 1, j)) / RATE_MAX
        if not (t - RIPPLE_LIFE <= land <= t + FALL_TIME):
            continue
        strength = min(max((gate - unit_hash(seed, 2, j)) / 0.04, 0.0), 1.0)
        if strength <= 0.0:
            continue
        landed = np.nonzero(times < land - 0.4)[0]
        if landed.size == 0:
            continue
        k = int(landed[int(unit_hash(seed, 3, j) * landed.size)])
        ang = 2.0 * math.pi * unit_hash(seed, 4, j)
        rad = radii[k] * 0.8 * math.sqrt(unit_hash(seed, 5, j))
        out.append((land, centres[k][0] + rad * math.cos(ang), centres[k][1] + rad * math.sin(ang),
                    strength))
    return out


def camera_at(drift: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(position, target) of the camera ``drift`` of the way along its slow move (eased)."""
    k = _smoothstep(0.0, 1.0, drift)
    pos = tuple(a + (b - a) * k for a, b in zip(CAM_POS, CAM_END))
    target = tuple(a + (b - a) * k for a, b in zip(CAM_TARGET, TARGET_END))
    return pos, target


def focal_at(drift: float) -> float:
    """The lens's focal length (screen heights) ``drift`` of the way along the camera's move."""
    fov = FOV_Y + (FOV_Y_END - FOV_Y) * _smoothstep(0.0, 1.0, drift)
    return 0.5 / math.tan(math.radians(fov) / 2.0)


def camera_basis(pos, target):
    """Unit forward, right and up vectors of the camera (as the shader builds them)."""
    pos = np.array(pos)
    fwd = np.array(target) - pos
    fwd /= np.linalg.norm(fwd)
    right = np.cross((0.0, 1.0, 0.0), fwd)
    right /= np.linalg.norm(right)
    return pos, fwd, right, np.cross(fwd, right)


@lru_cache(maxsize=8)
def tile_floor(aspect: float, pos, target, focal: float) -> tuple[np.ndarray, np.ndarray]:
    """Floor point seen at the centre of each screen tile, and the floor radius the tile spans
    (rows from the bottom of the screen, as the tile texture)."""
    pos, fwd, right, up = camera_basis(pos, target)

    def floor_at(fx, fy):
        u = (fx - 0.5) * aspect
        v = fy - 0.5
        rd = fwd[None, None] * focal + right[None, None] * u[..., None] + up[None, None] * v[..., None]
        rd /= np.linalg.norm(rd, axis=-1, keepdims=True)
        rd[..., 1] = np.minimum(rd[..., 1], -1e-3)
        t = -pos[1] / rd[..., 1]
        return (pos[None, None] + rd * t[..., None])[..., [0, 2]]

    gx, gy = np.meshgrid((np.arange(TILES_X) + 0.5) / TILES_X, (np.arange(TILES_Y) + 0.5) / TILES_Y)
    centre = floor_at(gx, gy)
    radius = np.zeros(gx.shape)
    for cx in (-0.5, 0.5):
        for cy in (-0.5, 0.5):
            corner = floor_at(gx + cx / TILES_X, gy + cy / TILES_Y)
            radius = np.maximum(radius, np.linalg.norm(corner - centre, axis=-1))
    return centre, radius


def field_at(points: np.ndarray, blobs: np.ndarray, wob: np.ndarray, k: float) -> np.ndarray:
    """The pool's smooth-union distance at floor points (as qs_pool.glsl), each blob grown by
    its largest wobble so the result never overestimates."""
    if len(blobs) == 0:
        return np.full(points.shape[:-1], 1e3)
    grow = 1.0 + np.abs(wob).sum(axis=1)
    d = np.linalg.norm(points[..., None, :] - blobs[:, :2], axis=-1) - blobs[:, 2] * grow
    m = d.min(axis=-1, keepdims=True)
    s = (blobs[:, 3] * np.exp2((m - d) / k)).sum(axis=-1)
    return m[..., 0] - k * np.log2(np.maximum(s, 1e-30))


def tear_box(tears: np.ndarray, shapes: np.ndarray, pos, target, focal: float) -> tuple[float, float, float, float]:
    """Screen box (centred uv: min x, min y, max x, max y) holding every tear in the air, so
    the shader traces tears only there.  Empty (min > max) when none fall."""
    if len(tears) == 0:
        return (1.0, 1.0, -1.0, -1.0)
    pos, fwd, right, up = camera_basis(pos, target)
    lo = np.array([np.inf, np.inf])
    hi = -lo
    for (x, y, z, r), (ry, *_rest) in zip(tears, shapes):
        for cx in (-1.0, 1.0):
            for cy in (-1.0, 1.0):
                for cz in (-1.0, 1.0):
                    rel = np.array([x + cx * r, y + cy * ry, z + cz * r]) - pos
                    depth = max(float(rel @ fwd), 1e-3)
                    q = np.array([rel @ right, rel @ up]) * (focal / depth)
                    lo = np.minimum(lo, q)
                    hi = np.maximum(hi, q)
    pad = 0.01
    return (float(lo[0] - pad), float(lo[1] - pad), float(hi[0] + pad), float(hi[1] + pad))


def heartbeat(t: float, bpm: float = 72.0) -> float:
    """Lub-dub, 0..1: two pulses a beat, the second a third of the beat later and weaker."""
    ph = (t * bpm / 60.0) % 1.0
    return min(1.0, math.exp(-((ph - 0.05) / 0.06) ** 2) + 0.6 * math.exp(-((ph - 0.33) / 0.07) ** 2))


def dreamer_uniform(strength: float, hard: float, t: float, scale: float) -> tuple[float, float, float, float]:
    """u_dreamer_fig: the face shows as the mirror hardens (none while the pool is liquid)."""
    show = strength * _smoothstep(0.3, 0.9, hard)
    return (show, heartbeat(t), scale, (t * 72.0 / 60.0) % 1.0)


def _smoothstep(a: float, b: float, x: float) -> float:
    k = min(max((x - a) / (b - a), 0.0), 1.0)
    return k * k * (3.0 - 2.0 * k)


def shiver_phases(t: float) -> tuple[float, float, float, float]:
    """The liquid's shiver at time t: two swell phases wrapped to 2 pi, and a drift of its
    noise that turns back every ~9 minutes (a triangle wave), so long shows stay precise."""
    a = 0.37 * t
    span = 200.0
    drift = span - abs((a % (2.0 * span)) - span)
    return ((9.0 * a) % (2.0 * math.pi), (7.0 * a) % (2.0 * math.pi), 0.9 * drift, -0.6 * drift)


class QuicksilverScene(Scene):
    """Works out, each frame, the blobs of the pool, the tears in the air and the ripples."""

    def update(self, state, resources):
        p = state.params
        t = float(state.t)
        hard = max(float(p["harden"]), min(1.0, 3.0 * float(p["fracture"])))
        vol = float(p["volume"])
        lay = layout(int(state.seed))
        centres = lay["centres"] * vol ** 0.5
        radii = lay["radii"] * vol ** 0.5
        times = lay["times"]
        settle = hard * hard * (3.0 - 2.0 * hard)         # smoothstep: how far frozen into the final shape

        blobs = np.zeros((MAX_BLOBS, 4), np.float32)
        wob = np.zeros((MAX_BLOBS, 4), np.float32)
        waves: list[tuple[float, float, float, float]] = []
        tears: list[tuple[float, float, float, float, float]] = []

        # Forming tears: the pool's sites.
        poured = poured_tears(int(state.seed), t, float(p["pour"]), hard, centres, radii, times)
        n = 0
        for k in range(SITES):
            age = t - times[k]
            pres = 1.0 if age >= 0.0 else 0.0
            pres = pres + (1.0 - pres) * settle
            if pres <= 0.0:
                if age > -FALL_TIME:
                    tears.append((times[k], centres[k][0], centres[k][1], 1.0 - hard, 1.15))
                continue
            live = (1.0 - settle)
            # (a site that has not landed when the pool freezes grows in with the freeze; the
            # union's weight stays 1, as a faded weight would shade the floor before it shows)
            r = float(spread(age, radii[k])) * live + radii[k] * settle if age >= 0 else radii[k] * pres
            a = float(wobble(age)) * live if age >= 0 else 0.0
            c2 = a * 0.7 * math.cos(lay["wob"][k][0])
            s2 = a * 0.7 * math.sin(lay["wob"][k][0])
            c3 = a * 0.45 * math.cos(lay["wob"][k][1])
            s3 = a * 0.45 * math.sin(lay["wob"][k][1])
            # Poured tears landing in this site kick its rim (mode-2 wobble towards the impact).
            for land, x, z, s in poured:
                ia = t - land
                if ia < 0.0 or ia > 2.5:
                    continue
                dx, dz = x - centres[k][0], z - centres[k][1]
                if dx * dx + dz * dz > (radii[k] * 1.1) ** 2:
                    continue
                kick = 0.09 * s * live * float(wobble(ia)) * min(1.0, 0.3 / max(radii[k], 0.1))
                phi = math.atan2(dz, dx)
                c2 += kick * math.cos(2 * phi)
                s2 += kick * math.sin(2 * phi)
            blobs[n] = (centres[k][0], centres[k][1], r, 1.0)
            wob[n] = (c2, s2, c3, s3)
            n += 1
            if age >= 0.0 and age < RIPPLE_LIFE:
                waves.append((centres[k][0], centres[k][1], age, 1.6 * (1.0 - hard)))
        site_count = n

        # Beads thrown off by the landings (the smaller ones only from quality 0.3 up: fewer
        # blobs make the field cheaper).
        quality = float(p["quality"])
        bead_floor = 0.0 if quality >= 0.3 else 0.03
        for b in range(lay["bead_r"].size):
            if lay["bead_r"][b] < bead_floor:
                continue
            age = t - lay["bead_t"][b]
            pres = min(max(age / 0.08, 0.0), 1.0)
            pres = pres + (1.0 - pres) * settle
            if pres <= 0.0:
                continue
            c = lay["bead_c"][b] * vol ** 0.5
            blobs[n] = (c[0], c[1], lay["bead_r"][b] * (0.3 + 0.7 * pres), 1.0)
            n += 1

        # Poured tears: in the air, or rippling the pool.
        for land, x, z, s in poured:
            if land > t:
                tears.append((land, x, z, s, 1.0))
            else:
                waves.append((x, z, t - land, s * (1.0 - hard)))

        tear_a = np.zeros((MAX_TEARS, 4), np.float32)
        tear_b = np.zeros((MAX_TEARS, 4), np.float32)
        tears.sort(key=lambda e: e[0])
        m = 0
        for land, x, z, s, size in tears[:MAX_TEARS]:
            if s <= 0.0:
                continue
            fall = max(land - t, 0.0)
            speed = GRAVITY * (FALL_TIME - fall)
            gathered = _smoothstep(0.0, TEAR_GATHER, FALL_TIME - fall)
            if gathered <= 0.0:
                continue
            r = TEAR_RADIUS * size * (0.35 + 0.65 * s) * gathered
            ry = r * 1.15 + speed / 110.0       # stretched by its speed (a short shutter's blur)
            y = ry + DROP_HEIGHT - 0.5 * GRAVITY * (FALL_TIME - fall) ** 2
            tear_a[m] = (x, y, z, r)
            tear_b[m] = (ry, 0.0, 0.0, 0.0)
            m += 1

        # The camera's slow move (the face and the cracks stay where they are in the world:
        # dreamer_stance and impact_on_floor frame them from one place on it).
        cam_pos, cam_target = camera_at(float(p["drift"]))
        focal = focal_at(float(p["drift"]))
        cam_pos = tuple(round(v, 5) for v in cam_pos)
        cam_target = tuple(round(v, 5) for v in cam_target)
        box = tear_box(tear_a[:m], tear_b[:m], cam_pos, cam_target, focal)

        waves.sort(key=lambda w: w[2])        # youngest first
        wave_a = np.zeros((MAX_WAVES, 4), np.float32)
        wave_limit = int(round(3 + 6 * quality))
        w_n = 0
        for w in waves:
            if w[3] > 0.0 and w_n < min(wave_limit, MAX_WAVES):
                wave_a[w_n] = w
                w_n += 1

        # A circle holding every blob (with room for the wobble and the union's bulge), so
        # the shader can skip the field far from the pool.
        if n:
            xz = blobs[:n, :2].astype(float)
            centre = xz.mean(axis=0)
            reach = np.linalg.norm(xz - centre, axis=1) + blobs[:n, 2] * 1.5
            k = merge_k(float(p["merge"]))
            bound = (float(centre[0]), float(centre[1]), float(reach.max()) + k * math.log2(n + 1) + 0.05)
        else:
            bound = (0.0, 0.0, -1.0)
        # Proxy geometry: which screen tiles each pass draws (the pool's field with its contact
        # shadow; the metal, its cracks and the falling tears).
        w, h = state.resolution
        centre, radius = tile_floor(round(w / h, 4), cam_pos, cam_target, round(focal, 6))
        k = merge_k(float(p["merge"]))
        d = field_at(centre, blobs[:n].astype(float), wob[:n].astype(float), k)
        frac = float(p["fracture"])
        near = d - radius
        tiles = np.zeros((TILES_Y, TILES_X, 4), np.uint8)
        tiles[..., 0] = near < AO_REACH
        pool_tiles = near < 0.03 + 0.1 * frac * frac
        tiles[..., 1] = pool_tiles
        if frac > 0.0:
            tiles[..., 2] = pool_tiles
        if m:
            x0, y0, x1, y1 = box
            aspect = w / h
            tx0 = int(math.floor((x0 / aspect + 0.5) * TILES_X))
            tx1 = int(math.floor((x1 / aspect + 0.5) * TILES_X))
            ty0 = int(math.floor((y0 + 0.5) * TILES_Y))
            ty1 = int(math.floor((y1 + 0.5) * TILES_Y))
            tiles[max(ty0, 0):max(ty1 + 1, 0), max(tx0, 0):max(tx1 + 1, 0), 1] = 1
        tiles *= 255
        resources.texture("tiles", tiles, filter="nearest", key=tiles.tobytes())

        stance = dreamer_stance(int(state.seed), round(vol, 4))
        fig = dreamer_uniform(float(p["dreamer"]), hard, t, stance[2])
        # The close shot (qs_close.frag) is the whole image while it lasts: the pool's passes
        # draw nothing then (llvmpipe would pay for them in full).
        shot = int(round(float(p["shot"])))
        close = shot == 1
        shard = shot == 2
        pool = 1 if shot == 0 else 0
        resources.draw_count("field", TILE_VERTICES * pool)
        resources.draw_count("cracks", TILE_VERTICES * pool)
        # The metal without the figure, or (while it shows) the variant with it compiled in.
        resources.draw_count("mirror", 0 if fig[0] > 0.0 else TILE_VERTICES * pool)
        resources.draw_count("mirror_dreamer", TILE_VERTICES * pool if fig[0] > 0.0 else 0)
        resources.draw_count("main", 3 * pool)
        resources.draw_count("stone", 3 * pool)
        resources.draw_count("close", 6 * int(close))
        resources.draw_count("close_sky", 6 * int(close))
        resources.draw_count("shard", 3 * int(shard))
        extra = close_shot.close_uniforms(int(state.seed), t, hard) if close else {}
        if close:
            extra["u_close_split"] = close_shot.split_ndc(extra["u_ccam_pos"], extra["u_ccam_target"], h)
        if shard:
            extra = shard_shot.shard_uniforms(t, float(p["drift"]), float(p["fracture"]), float(p["bleed"]))
        return {
            **extra,
            "u_pool_bound": bound,
            "u_refl_tear_count": m if quality > 0.35 else 0,
            "u_city_layers": 2 if quality >= 0.3 else 1,
            "u_blobs": blobs, "u_wobble": wob,
            "u_blob_reach": (1.0 + np.abs(wob).sum(axis=1)).astype(np.float32), "u_site_count": site_count, "u_blob_count": n,
            "u_tear_box": box,
            "u_tears": tear_a, "u_tear_shape": tear_b, "u_tear_count": m,
            "u_waves": wave_a, "u_wave_count": w_n,
            "u_shiver_octaves": 0 if hard >= 1.0 else 1 + int(quality + 0.5),
            "u_hard": hard,
            "u_crack_centre": tuple(float(v) for v in np.add(impact_on_floor(int(state.seed), vol), lay["crack"] * vol ** 0.5)),
            "u_cam_pos": cam_pos, "u_cam_target": cam_target,
            "u_cam_focal": focal,
            "u_shiver": shiver_phases(t),
            "u_dreamer_fig": fig,
            "u_dreamer_feet": stance[:2],
            "u_dreamer_h": DREAMER_H,
        }


quicksilver = QuicksilverScene(
    "quicksilver",
    passes=[
        Pass("scenes/quicksilver/qs_envblur.frag", name="envblur", size=(64, 36)),
        Pass("scenes/quicksilver/qs_field.frag", name="field", vert="scenes/quicksilver/qs_tiles_field.vert",
             primitive="triangles", count=TILE_VERTICES, scale=0.5, precision="rgba16f",
             clear=(1.0, 0.0, 0.0, 0.0)),
        Pass("scenes/quicksilver/qs_cracks.frag", name="cracks", vert="scenes/quicksilver/qs_tiles_cracks.vert",
             primitive="triangles", count=TILE_VERTICES, precision="rgba32f", filter="nearest",
             clear=_no_crack_clear(), inputs=("field",)),
        Pass("scenes/quicksilver/qs_mirror.frag", name="mirror", vert="scenes/quicksilver/qs_tiles_mirror.vert",
             primitive="triangles", count=TILE_VERTICES, inputs=("envblur", "field", "cracks"),
             clear=(0.0, 0.0, 0.0, 0.0)),
        # While the hardened mirror shows the dreamer, the same metal with the figure compiled
        # in is drawn instead (update() gives the plain pass no vertices and this one its tiles).
        Pass("scenes/quicksilver/qs_mirror_dreamer.frag", name="mirror_dreamer",
             vert="scenes/quicksilver/qs_tiles_mirror.vert", primitive="triangles", count=TILE_VERTICES,
             inputs=("envblur", "field", "cracks"), into="mirror"),
        # (baked again only while the camera moves: every frame then, so it is kept cheap)
        # (a triangle list, so the close shot, which never sees the stone, skips it: update())
        Pass("scenes/quicksilver/qs_floor.frag", name="stone", vert="common/fullscreen.vert",
             primitive="triangles", count=3, update=("drift", "shot")),
        # (drawn as a triangle list so the close shot can take its place: update())
        Pass("scenes/quicksilver/quicksilver.frag", name="main", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("envblur", "field", "mirror", "stone")),
        # (round 35, speed: the close shot in two bands split a few rows above its horizon --
        # the pool's metal paid for only below it, the night and the tears alone above)
        Pass("scenes/quicksilver/qs_close.frag", name="close", vert="scenes/quicksilver/qs_band_low.vert",
             primitive="triangles", count=0, into="main"),
        Pass("scenes/quicksilver/qs_close_sky.frag", name="close_sky", vert="scenes/quicksilver/qs_band_high.vert",
             primitive="triangles", count=0, into="main"),
        # The shard shot (``shot`` 2, round 21): the self's head and shoulders baked once, when
        # the scene starts (a stall at the cue's start, not mid-cue), then the shard relit each
        # frame.  (A fixed square: it is read on a plane in the mirror, not per screen pixel.)
        Pass("scenes/quicksilver/qs_self_geo.frag", name="self_geo", vert="common/fullscreen.vert",
             primitive="triangles", count=3, size=(SELF_BAKE, SELF_BAKE), update="once"),
        # (round 32, speed: the bust's soft normal averaged once from the bake, not six fetches a pixel)
        Pass("scenes/quicksilver/qs_self_soft.frag", name="self_soft", vert="common/fullscreen.vert",
             primitive="triangles", count=3, size=(640, 640), precision="rgba16f", update="once",
             inputs=("self_geo",)),
        Pass("scenes/quicksilver/qs_shard.frag", name="shard", vert="common/fullscreen.vert",
             primitive="triangles", count=0, into="main", inputs=("self_geo", "self_soft")),
    ],
    output="main",
    params=[
        Param("shot", 0, 0, 2, "0: the pool seen from above; 1: the close shot at its surface, tears falling into it and the liquid hardening into mirror plates (harden); 2: one mirror shard close, holding the self, cracking (fracture) and bleeding (bleed)"),
        Param("pour", 1.5, 0.0, 6.0, "tears falling into the pool per second, once it has formed"),
        Param("merge", 0.5, 0.0, 1.0, "smoothness of the union: how readily drops flow together"),
        Param("harden", 0.0, 0.0, 1.0, "liquid (0) to a still, frozen mirror (1); freezes from the rims in"),
        Param("fracture", 0.0, 0.0, 1.0, "whole mirror (0) to shattered shards (1); implies hardening"),
        Param("bleed", 0.0, 0.0, 1.0, "after the shatter: how far the dreamer's red has crept out along the cracks"),
        Param("drift", 0.0, 0.0, 1.0, "the camera's slow move, 0 where it starts to 1: lower, closer, round to the right"),
        Param("quality", 0.6, 0.0, 1.0, "cost: ripple count, surface detail, reflected tears, crack accuracy; below 0.3 fewer beads and towers"),
        Param("volume", 1.0, 0.3, 1.6, "how much quicksilver: the size of the pool"),
        Param("ripple", 0.6, 0.0, 1.0, "strength of splash ripples and the liquid's shiver"),
        Param("shards", 13, 5, 30, "shards around the impact point when fractured"),
        Param("tilt", 0.5, 0.0, 1.0, "how far each shard tips, so it reflects another part of the sky"),
        Param("light", 1.0, 0.0, 3.0, "brightness of the key light's highlights"),
        Param("reflection", 1.0, 0.1, 2.0, "brightness of the reflected environment"),
        Param("skyline", 0.85, 0.0, 1.0, "the dream city's glass towers standing in the reflections (0: the bound scene alone)"),
        Param("serenes", 1.0, 0.0, 1.0, "the Serenes standing over the pool, weeping, seen upside down in the mirror with their mercury eyes"),
        Param("dreamer", 1.0, 0.0, 1.0, "the dreamer the hardened mirror shows, leaning over it: a shadow of head and shoulders with a warm rim, broken across the shards"),
        # (round 35, speed: the close shot and the shard shot never read the bound sky -- they
        # paint their own night -- yet it was rendered every frame, a third of their time)
        Param("sky_bound", 1.0, 0.0, 1.0, "the bound sky rendered for the pool's reflections (0: idled, for cues that draw only the close and shard shots, which paint their own night)"),
        Param("tint", "#e4e6ee", description="the metal's colour at normal incidence (black still reflects a third)"),
        Param("floor", "#0c0a12", description="the colour of the dark floor"),
    ],
    bindings={"environment": Binding(default="sky", scale=0.5, params={"inversion": 0.0},
                                     enabled_by="sky_bound")},
    description="quicksilver tears fall, merge and pool, freeze into a mirror and shatter",
    duration=12.0,
)
