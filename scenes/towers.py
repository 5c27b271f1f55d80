"""Liquid-glass towers: a skyline of glass that ripples like water when touched.

Columns of liquid glass stand on the blocks of a street grid whose streets are the
bioluminescent moss of the ``moss`` scene (the same shaders/scenes/moss/moss.glsl, pulsing
with the same heartbeat).  The camera drifts slowly down an avenue, whose towers stand back
from it.  A tower is not a cut prism but a column held by its own surface tension: an
elliptic quadric on the street whose radius swells and tapers with height to a rounded tip
(r^2 = (1 - s)(al + be s), s the height over the tip's; al, be per tower: since round 17
every tower swells high, a third of the way up or more, on a tapering foot -- a spindle, not
a pill standing widest on the street), its widest ring filling the tower's footprint.
Spires of every kind (round 11): heights spread wide and the tall towers slender, about half
the columns carry a needle of glass rising out of their crown (column_needle; the walk looks
for them in its first SPIRE_STEPS cells), and one focal tower -- the broadest, swelling high,
its spire the tallest -- stands at the avenue's edge ahead, a plaza open before it.

Rendering (shaders/scenes/towers/): the ``glass`` pass walks the street grid cell by cell for
each pixel (a 2D DDA that stops at the first tower, the ground, or above the roofs), meets
each column in a quadratic (exact, no marching), discards pixels that show no tower and
shades the glass of the others, marking the pixels it covers whole (its coverage); the
output pass (back.frag) draws the sky and the moss beneath the glass, into the glass's own
target, only on the pixels left unmarked (a depth test: llvmpipe would otherwise shade
every pixel, early return or not).  Glass: Schlick Fresnel reflection with a bright rim
where the round skin turns away, a refraction in and out of the column (a lens: what is
behind is bent and magnified; the exit from the quadric's far root), per-channel exit
refraction (dispersion) and tinted Beer-Lambert absorption over the path inside, a key
light's thin line down each column, and caustic light the moving skin focuses on itself and
on the street round its foot.  Reflected and refracted rays see the ``environment`` binding
(the sky scene, or whatever a cue binds: "scenes from memories") above the horizon and the
glowing moss below it.  Inside some columns, pictures of other movements (a Serene by
candlelight, a constellation on the night, a moss street with its pulse, the violet sun and
emerald moon over a skyline: memories_bake.frag) surface and fade, on the plane through the
column's axis, seen along the refracted ray (the column's lens bends them), soft-edged; the
column nearest the middle of the view holds the brightest.  A touch bends the glass like
water (its ripple tilts the surface normal, so reflection and refraction move); the crests
facing the key light catch a soft sheen and the troughs lose a little light (round 14: darkening
half of each ring read as "hard zebra banding"), not a bright bullseye.  The columns' skins are
cut into long twisting facets.  Silhouettes are antialiased analytically (the quadratic's
discriminant, a smooth measure across the silhouette, over its change per pixel).
Carved (round 20, sculpt.glsl, ``sculpt``): a quadric is a pill's silhouette however it is
shaded ("capsules, blades, pods", nine readers).  A column nearer than ~50 units is a body
carved inside its quadric: a flared foot, a waist above its swell, fluted lobes that twist as
they rise, an upper body thinning to its needle, liquid rings running up it; from the
quadric's entry a short sphere trace (14 steps) finds it, and its own normal bends the
reflection, the refraction and the memories.  A ray through its waist or down a groove
misses it and shows what is behind (the sky and street, or the stand-in of a second tower).
The far city keeps its quadrics (the carving fades out from 34 units).
The liquid city (``liquid``, the dream's) carves each column sheer instead, and since round 32
poured, not cut: a rounded-square plan (|q|_4, a massive tower's |q|_8) sagging and swelling
in long slow waves, its grazing reflectance held under ~0.45 so its edges are a sheen and not
a white outline; the focal tower is its own spire (no needle); its glass remembers people
(a figure by candlelight, a child at her window), and a sparse night of fine stars stands
over it.
The street beneath is wet dark stone (``wet``): the sun down the avenue lies on it as a long
streak of light drawn toward the eye, the moss's glow dimmed under the film of water, and
(round 17, the ``mirror`` pass, mirror.frag) it mirrors the towers: each street pixel is
reflected about the foot of the tower standing behind it in its screen column (the glass's
alpha marks the towers in the finished picture), Fresnel-weighted and bent by slow ripples.
The camera (``camera``) drifts down the avenue; ``start``, ``side``, ``turn`` and ``look_up``
place and aim it, so a cue can key (with "step" keys, cuts) several shots of the one city.
The environment's horizon band is averaged into a 32x1 strip (haze.frag): the far city and
the moss fade into it.  The environment is graded for the city (mid-tones pressed toward
black, highlights kept), and the sky seen directly between the columns is dimmer than what
the glass shows of it: deep blacks, bright lights, the glass the subject.

Touches: each ``Touch(time, x, y, strength)`` on the cue is resolved here, on the CPU, to the
point of the city under that screen position at the touch's time (the same layout and camera
as the shader): a tower surface (the ripple spreads over that tower only, centred on the hit
point), the moss (a ring of light runs out over the ground), or the sky (a ripple in screen
space).  Up to 16 live touches (the newest) go to the shader as uniform arrays, sorted so
that a pixel loops only over the touches of its own tower (a per-cell index texture) or of
the street or sky; ripples are ring packets of damped radial waves that perturb the surface
normal analytically, scaled with the distance the touch landed at (a touch on a far tower
makes a ripple of the same apparent size), faded where a wavelength is under ~3 pixels, and
gone after ``ripple_decay`` seconds.

The fracture (``fracture`` 0..1, the dream's "the liquid towers shatter into mist"): each
tower has its moment (0.04..0.72: the far city first, the great columns nearest the eye last,
a little shuffled, so the fall sweeps toward the viewer and ends on the glass that fills the
frame); before it, fissures of light run from a point of impact along its glass (the borders
of a Voronoi field baked once, cracks_bake.frag, stretched up the column), then it
comes down from the top with a jagged break line (a plane cuts the column lower and lower), the glass above the line flying off as
shards (the ``flying`` pass: one spinning prism of thick glass per shard, instanced, whose
faces refract the sky with a prism's fringe and glint as they sweep the key light, whose
broken edges glow green-cyan end-on, drawn with an open shutter's motion blur; it falls and
dissolves into the mist), and drifting mist (the baked fbm: a far, dim bank and a
near one of sharper wisps with dark gaps, in parallax; emerald low, violet high) gathers as
the world behind it sinks to black, lit by a cold white light breaking through where the
city was (the shot's focal point): the vapour scatters it, in shafts that fan out from it,
and the flying glass glints in it.  At 1 no tower stands.  It is a
function of the parameter alone, so any frame can be drawn on its own; key it over a cue.

The close shot of one wall (``wall``, round 22: the text's "ripple like water when touched
... reflecting scenes from your deepest memories", which no still had shown clearly): the
city's passes draw nothing and wall.frag draws the output alone -- one wall of liquid glass
filling most of the frame, a height field over a plane with a rounded vertical edge (no
marching), holding one memory baked once (window_memory.glsl: a child at a night window, a
candle on the sill, the emerald moon over water).  Each touch lands where it is made on the
screen: a point of light, then a few rings spreading from it over calm water, bending the
memory (each channel by its own index: red and blue part on the slopes), the light of the
sky and the moss lying on them as arcs; where the wall turns away its edge mirrors the sky,
and beyond it the city stands dark and out of focus.  ``focal_window`` then puts the same
memory in the focal tower's glass (tile 1 of the memories' atlas), so what the wall held is
seen again in the city.

The city repeats every GRID cells (448 units), and the camera's position is wrapped to that
period here in double precision, so long shows stay exact.
"""
from __future__ import annotations

import math

import numpy as np

from visuals import Binding, Param, Pass, Scene
from visuals.model.scene import draw_one_of

# Mirrors of shaders/scenes/moss/moss.glsl and towers/towers.glsl: keep them equal.
CITY_PERIOD = 7.0              # streets every 7 units along x and z
STREET_HALF = 1.5              # half the width of a street
BLOCK_HALF = CITY_PERIOD / 2 - STREET_HALF
GRID = 64                      # layout cells before the city repeats
HERO_ROW = 6                   # the focal tower's cell z (towers.glsl column_peak knows it)
SPIRE_STEPS = 9                # glass.frag: the walk looks for spires in this many cells
WRAP = GRID * CITY_PERIOD
H_MAX = 34.0                   # no roof is higher (the shader's early exit)
MAX_TOUCHES = 16
RIPPLE_REFERENCE = 8.0         # a touch further away than this makes a proportionally larger ripple

KIND_GROUND, KIND_TOWER, KIND_SKY = 0.0, 1.0, 2.0
# towers.glsl MASSIVE_R, sculpt.glsl SCULPT_MASSIVE_R: a tower whose half sizes both pass it
# is architecture (terraced, no needle); only the ``architecture`` layout makes one.
MASSIVE_R = 1.76
MASSIVE_SHARE = 0.4            # of the standing towers, in the architecture layout
MASSIVE_HEART = 0.8            # in the rows round the focal tower
# The fracture (towers.glsl): a tower's fall starts in 0.04 .. 0.72 and lasts BREAK_SPAN.
BREAK_SPAN = 0.16
BREAK_REACH = 50.0             # towers this far from the eye (and further) fall first
ALL_FALLEN = 0.04 + 0.68 + BREAK_SPAN


# Mirrors of shaders/scenes/towers/shards.vert: keep them equal.
SHARD_COLS, SHARD_ROWS = 6, 7
SHATTER_SECONDS = 6.0
SHARD_VERTICES = 24            # a thick piece: back face, three edge quads, front face


def pcg4d(v: np.ndarray) -> np.ndarray:
    """lib/hash.glsl's pcg4d on (n, 4) uint32 rows, bit for bit."""
    v = v.astype(np.uint32) * np.uint32(1664525) + np.uint32(1013904223)
    x, y, z, w = (v[:, i].copy() for i in range(4))
    x += y * w; y += z * x; z += x * y; w += y * z                      # noqa: E702
    x ^= x >> np.uint32(16); y ^= y >> np.uint32(16)                    # noqa: E702
    z ^= z >> np.uint32(16); w ^= w >> np.uint32(16)                    # noqa: E702
    x += y * w; y += z * x; z += x * y; w += y * z                      # noqa: E702
    return np.stack([x, y, z, w], axis=1)


def break_start(lay: np.ndarray, cx, cz, eye: np.ndarray) -> np.ndarray:
    """When each tower (layout rows lay, in cells (cx, cz)) starts to fall: towers.glsl
    tower_break_start -- the far city first, the columns nearest the eye last."""
    shuffle = np.mod((lay[:, 0] - np.float32(0.2)) * np.float32(7.31)
                     + (lay[:, 1] - np.float32(0.2)) * np.float32(13.17), 1.0)
    dx = (np.asarray(cx, np.float64) + 0.5) * CITY_PERIOD - float(eye[0])
    dz = (np.asarray(cz, np.float64) + 0.5) * CITY_PERIOD - float(eye[2])
    near = np.clip(1.0 - np.hypot(dx, dz) / BREAK_REACH, 0.0, 1.0)
    return 0.04 + 0.68 * (0.45 * shuffle + 0.55 * near)


def flying_shards(layout: np.ndarray, eye: np.ndarray, fracture: float, count: int,
                  seed: int) -> np.ndarray:
    """The indices of the shards in the air at this moment, of the ``count`` that shards.vert
    knows (their blocks, towers, break moments and lives worked out as it does), so the pass
    draws only these: at 24 vertices a piece, the vertex work of the thousands waiting on
    their towers or long dissolved would otherwise cost more than the pieces flying.  The
    test is widened a little (rounding); the shader still makes its own, exact one."""
    k = np.arange(count, dtype=np.int64)
    ey = math.floor(float(eye[2]) / CITY_PERIOD)
    slot = k % SHARD_ROWS
    row = ey - 1 + (((slot - (ey - 1)) % SHARD_ROWS) + SHARD_ROWS) % SHARD_ROWS
    col = (k // SHARD_ROWS) % SHARD_COLS - SHARD_COLS // 2
    lay = layout[row & (GRID - 1), col & (GRID - 1)]
    rowm = (row & (GRID - 1)).astype(np.uint32)
    with np.errstate(over="ignore"):
        r = pcg4d(np.stack([k.astype(np.uint32), rowm, np.full(count, seed & 0xFFFFFFFF, np.uint32),
                            np.full(count, 0x5A3D, np.uint32)], axis=1)) / 4294967295.0
        q = pcg4d(np.stack([k.astype(np.uint32), np.full(count, 0x77, np.uint32),
                            np.full(count, seed & 0xFFFFFFFF, np.uint32), rowm], axis=1)) / 4294967295.0
    start = break_start(lay, col, row, eye)
    when = start + BREAK_SPAN * (1.0 - r[:, 2])
    age = (fracture - when) * SHATTER_SECONDS
    life = 1.6 + 2.2 * q[:, 0]
    margin = 0.02 * SHATTER_SECONDS + 0.05
    alive = (lay[:, 2] > 0.0) & (age > -margin) & (age < life + margin)
    return np.nonzero(alive)[0]


def city_layout(seed: int, density: float, max_height: float, architecture: bool = False) -> np.ndarray:
    """(GRID, GRID, 4) float32, row = cell z, column = cell x: half x, half z, height, offsets.

    Height 0 is an empty block.  The offsets pack the tower's shift inside its block as two
    bytes (x * 256 + z), each 0..255 for -1..1 of the free room, exactly representable.
    """
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 0x70E4])
    # Spires of every kind (round 10: "every tower the same bullet shape"): heights spread
    # wide, and the taller a tower the more slender (a needle of 30 stands on a foot of ~0.7,
    # a low drop of 7 is broad), each with its own girth and ellipse (column_peak and the
    # shader's flutes add a swelling or a twist).
    height = np.exp(rng.normal(math.log(12.0), 0.55, (GRID, GRID)))
    height = np.clip(height * (max_height / 24.0), 5.0, H_MAX - 1.0)
    girth = rng.uniform(1.0, 1.8, (GRID, GRID)) * (12.0 / height) ** 0.6
    aspect = rng.uniform(0.8, 1.2, (GRID, GRID))
    hx = np.clip(girth * aspect, 0.55, 1.7)
    hz = np.clip(girth / aspect, 0.55, 1.7)
    present = rng.uniform(0.0, 1.0, (GRID, GRID)) < density
    height = np.where(present, height, 0.0)
    ox = rng.integers(0, 256, (GRID, GRID))
    oz = rng.integers(0, 256, (GRID, GRID))
    # The camera drifts down the avenue x = 0: the towers that line it stand back from it
    # (against the far side of their blocks), so the avenue opens wide onto the sky, and
    # they are slender (round 10: broad near columns "block half the frame").
    ox[:, GRID - 1] = 0            # cells x = -1: pushed toward -x
    ox[:, 0] = 255                 # cells x = 0: pushed toward +x
    for col in (0, GRID - 1):
        hx[:, col] = np.minimum(hx[:, col], 0.95)
        hz[:, col] = np.minimum(hz[:, col], 1.1)
    # The focal tower: one great column at the avenue's edge ahead (cell x 0, z HERO_ROW),
    # broader than any, swelling high like a drop about to fall, its spire (column_needle)
    # the tallest in the city, the block across the avenue and the four before it left open.
    hx[HERO_ROW, 0], hz[HERO_ROW, 0], height[HERO_ROW, 0] = 1.75, 1.75, 24.0
    ox[HERO_ROW, 0] = 0
    height[HERO_ROW, GRID - 1] = 0.0
    height[HERO_ROW - 4:HERO_ROW, 0] = 0.0      # (a plaza before it: nothing stands in front)
    if architecture:
        massive_towers(rng, hx, hz, height, max_height)
    packed = (ox * 256 + oz).astype(np.float64)
    return np.stack([hx, hz, height, packed], axis=-1).astype(np.float32)


def massive_towers(rng, hx: np.ndarray, hz: np.ndarray, height: np.ndarray,
                   max_height: float = 24.0) -> None:
    """Make about MASSIVE_SHARE of the standing towers massive, in place (round 24: the
    city read "needles, thorns, tubes, drinking glasses"): filling their blocks (half sizes
    past MASSIVE_R, three to five times the slender spires' girth), lower and broad, so the
    skyline has mass and scale.  The draws come after every other, so the layout's other
    towers are those of the plain city.  The focal tower keeps its own form.
    (Round 28's lead, the liquid city: "the massive towers dark slabs", "more height and
    scale": their heights follow ``max_height`` as the slender ones' do -- unchanged at the
    scene's default 24 -- and one in five, drawn after the rest, is a GREAT tower half as
    tall again, dwarfing the street.)"""
    # (more of them in the heart of the city round the focal tower, where the first and last
    # shots stand: fewer, bigger towers near the eye, the slender spires a skyline behind)
    share = np.full(hx.shape, MASSIVE_SHARE)
    share[:HERO_ROW + 10, :] = MASSIVE_HEART
    pick_massive = rng.uniform(0.0, 1.0, hx.shape) < share
    size_x = rng.uniform(MASSIVE_R + 0.01, BLOCK_HALF - 0.1, hx.shape)
    size_z = rng.uniform(MASSIVE_R + 0.01, BLOCK_HALF - 0.1, hx.shape)
    tall = rng.uniform(12.0, 22.0, hx.shape) * (max_height / 24.0)
    pick_massive &= height > 0.0
    pick_massive[HERO_ROW, 0] = False
    hx[pick_massive] = size_x[pick_massive]
    hz[pick_massive] = size_z[pick_massive]
    height[pick_massive] = tall[pick_massive]
    # the slender ones beside them thinner still, so the scale between them reads
    thin = (height > 0.0) & ~pick_massive
    thin[HERO_ROW, 0] = False
    hx[thin] = np.maximum(hx[thin] * 0.7, 0.4)
    hz[thin] = np.maximum(hz[thin] * 0.7, 0.4)
    if max_height > 24.0:
        great = pick_massive & (rng.uniform(0.0, 1.0, hx.shape) < 0.2)
        height[great] = np.minimum(height[great] * 1.45, H_MAX - 1.0)


def is_massive(hx, hz) -> bool:
    """towers.glsl column_massive, on the layout's float32 half sizes."""
    return bool(min(np.float32(hx), np.float32(hz)) > np.float32(MASSIVE_R))


def tower_box(layout: np.ndarray, cx: int, cz: int):
    """(centre, half size) of the box round the column in cell (cx, cz), or None for an
    empty block."""
    hx, hz, height, packed = (float(v) for v in layout[cz % GRID, cx % GRID])
    if height <= 0.0:
        return None
    ox = math.floor(packed / 256.0)
    oz = packed - ox * 256.0
    jx = (ox / 127.5 - 1.0) * (BLOCK_HALF - 0.1 - hx)
    jz = (oz / 127.5 - 1.0) * (BLOCK_HALF - 0.1 - hz)
    centre = np.array([(cx + 0.5) * CITY_PERIOD + jx, height * 0.5, (cz + 0.5) * CITY_PERIOD + jz])
    return centre, np.array([hx, height * 0.5, hz])


def camera(t: float, params: dict) -> dict:
    """The drifting camera at cue time t: unwrapped position and unit basis vectors."""
    speed = float(params["speed"])
    height = float(params["height"])
    z = 3.0 + float(params["start"]) + speed * t
    x = 0.35 * math.sin(0.21 * t + 0.4) + float(params["side"])      # a slow weave inside the street
    yaw = 0.11 * math.sin(0.083 * t + 1.1) + float(params["turn"])
    # Low, the eye looks up at the glass; high above the roofs it looks down the avenue.
    pitch = 0.2 - 0.55 * min(max((height - 4.0) / 36.0, 0.0), 1.0)
    pitch += 0.03 * math.sin(0.13 * t) + float(params["look_up"])
    fwd = np.array([math.sin(yaw) * math.cos(pitch), math.sin(pitch), math.cos(yaw) * math.cos(pitch)])
    right = np.cross(fwd, (0.0, 1.0, 0.0))
    right /= np.linalg.norm(right)
    up = np.cross(right, fwd)
    return {"pos": np.array([x, height, z]), "fwd": fwd, "right": right, "up": up,
            "tan": math.tan(math.radians(float(params["fov"])) * 0.5)}


def screen_ray(cam: dict, x: float, y: float, aspect: float) -> np.ndarray:
    """Unit direction through the screen point (x, y) in 0..1, origin bottom-left."""
    u = (x - 0.5) * aspect
    v = y - 0.5
    w = cam["fwd"] + 2.0 * cam["tan"] * (u * cam["right"] + v * cam["up"])
    return w / np.linalg.norm(w)


def column_profile(hx: float, hz: float, height: float) -> tuple[float, float]:
    """(al, be) of a tower's profile r^2 = (1 - s)(al + be s), its maximum 1 at the height
    sp: towers.glsl column_profile, from the same layout values (in float32, as the shader
    has them)."""
    x, z = np.float32(hx), np.float32(hz)
    sp = 0.32 + 0.13 * float(np.mod(x * np.float32(5.37) + z * np.float32(11.91), np.float32(1.0)))
    sp = 0.06 if is_massive(x, z) else sp
    sp = 0.42 if (x == np.float32(1.75) and z == np.float32(1.75)) else sp     # the focal tower
    be = 1.0 / (1.0 - sp) ** 2
    return (1.0 - 2.0 * sp) * be, be


def column_needle(half, architecture: bool = False) -> tuple[np.ndarray, np.ndarray] | None:
    """The spire rising out of a column of half sizes ``half`` (x, h/2, z), as (half sizes
    of its own box, its profile peak sp), or None: towers.glsl column_needle."""
    x, z = np.float32(half[0]), np.float32(half[2])
    hsh = float(np.mod(x * np.float32(2.17) + z * np.float32(5.03), np.float32(1.0)))
    hero = x == np.float32(1.75) and z == np.float32(1.75)
    share = 0.25 if architecture else 0.8
    if not ((hsh < share and not is_massive(x, z)) or hero):
        return None
    rn = 0.5 if hero else min(0.26 + 0.2 * math.modf(hsh * 5.7)[0], 0.5 * min(float(x), float(z)))
    hn = min(2.0 * half[1] * (1.3 + 0.35 * math.modf(hsh * 3.3)[0]) + 1.5, H_MAX - 0.5)
    return np.array([rn, hn * 0.5, rn]), 0.0


def _column_span(ro, rd, centre, half, sp=None):
    """Entry and exit t of the ray against the column standing in the box (centre, half):
    towers.glsl column_span (the quadric between the street and its tip)."""
    al, be = column_profile(half[0], half[2], 2.0 * half[1])
    if sp is not None:
        be = 1.0 / (1.0 - sp) ** 2
        al = (1.0 - 2.0 * sp) * be
    h = 2.0 * half[1]
    o = ro - (centre[0], 0.0, centre[2])
    u = np.array([o[0] / half[0], o[2] / half[2]])
    v = np.array([rd[0] / half[0], rd[2] / half[2]])
    s0, vs = o[1] / h, rd[1] / h
    kk = be - al
    a = float(v @ v + be * vs * vs)
    b = float(2.0 * (u @ v) - kk * vs + 2.0 * be * s0 * vs)
    c = float(u @ u - al - kk * s0 + be * s0 * s0)
    disc = b * b - 4.0 * a * c
    if disc <= 0.0:
        return math.inf, -math.inf
    sq = math.sqrt(disc)
    tn, tf = (-b - sq) / (2.0 * a), (-b + sq) / (2.0 * a)
    vy = rd[1] if abs(rd[1]) > 1e-7 else 1e-7
    t_lo, t_hi = -o[1] / vy, (h - o[1]) / vy
    return max(tn, min(t_lo, t_hi)), min(tf, max(t_lo, t_hi))


def pick(layout: np.ndarray, ro: np.ndarray, rd: np.ndarray, max_dist: float = 160.0,
         architecture: bool = False):
    """What the ray hits first: (kind, point, cell) with kind tower, ground or sky.

    Walks the grid cells along the ray like the shader and tests each cell's tower.
    """
    t_ground = ro[1] / -rd[1] if rd[1] < -1e-9 else math.inf
    t_limit = min(t_ground, max_dist)
    if rd[1] > 1e-9:
        t_limit = min(t_limit, (H_MAX - ro[1]) / rd[1])
    cell = [math.floor(ro[0] / CITY_PERIOD), math.floor(ro[2] / CITY_PERIOD)]
    d2 = [rd[0] if abs(rd[0]) > 1e-9 else 1e-9, rd[2] if abs(rd[2]) > 1e-9 else 1e-9]
    step = [1 if d2[0] > 0 else -1, 1 if d2[1] > 0 else -1]
    origin = [ro[0], ro[2]]
    t_next = [((cell[i] + (1 if step[i] > 0 else 0)) * CITY_PERIOD - origin[i]) / d2[i] for i in (0, 1)]
    t_delta = [abs(CITY_PERIOD / d2[i]) for i in (0, 1)]
    t_enter = 0.0
    for step_i in range(400):
        if t_enter > t_limit:
            break
        box = tower_box(layout, cell[0], cell[1])
        if box is not None:
            tn, tf = _column_span(ro, rd, *box)
            # (the shader looks for spires in the first SPIRE_STEPS cells of the walk only)
            spire = column_needle(box[1], architecture) if step_i < SPIRE_STEPS else None
            if spire is not None:
                sn, sf = _column_span(ro, rd, box[0], spire[0], spire[1])
                if sf > 0.0 and sn < sf and (not (tf > 0.0 and tn < tf) or sn < tn):
                    tn, tf = sn, sf
            if tf > 0.0 and tn < tf and tn < t_limit:
                return KIND_TOWER, ro + rd * max(tn, 0.0), (cell[0] % GRID, cell[1] % GRID)
        axis = 0 if t_next[0] < t_next[1] else 1
        t_enter = t_next[axis]
        t_next[axis] += t_delta[axis]
        cell[axis] += step[axis]
    if t_ground < max_dist:
        return KIND_GROUND, ro + rd * t_ground, (0, 0)
    return KIND_SKY, None, (0, 0)


# The passes the close shot of the wall replaces (it draws into the output, "mirror").
CITY_PASSES = ("glass", "glass_fracture", "glass_fracture_liquid", "glass_liquid", "behind", "main",
               "main_liquid",
               "back_fracture", "flying", "mirror", "mirror_liquid")
WALL_TOUCHES = 4               # wall.frag: u_wall_touch[4]


def wall_touches(live: list, t: float, aspect: float) -> np.ndarray:
    """(WALL_TOUCHES, 4) float32, the newest touch first: where each landed on the close
    shot's wall in frame heights from the frame's middle (x, y), its age in seconds and its
    strength (0 for an unused slot).  The wall faces the eye, so a touch lands where it is
    made on the screen."""
    out = np.zeros((WALL_TOUCHES, 4), np.float32)
    for i, e in enumerate(list(reversed(live))[:WALL_TOUCHES]):
        out[i] = ((float(e.x) - 0.5) * aspect, float(e.y) - 0.5, t - float(e.time), float(e.strength))
    return out


def srgb_to_linear(colour) -> tuple[float, float, float]:
    """A colour parameter (sRGB 0..1, alpha ignored) as linear RGB, once per frame on the CPU."""
    c = np.asarray(colour[:3], float)
    return tuple(np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4))


class TowersScene(Scene):
    """Feeds the city layout, the camera, the heart's phase and the live touches."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._picks: dict = {}
        self._layout_key = None
        self._layout = None

    def _city(self, seed: int, density: float, max_height: float, architecture: bool) -> np.ndarray:
        key = (seed, density, max_height, architecture)
        if key != self._layout_key:
            self._layout_key, self._layout = key, city_layout(seed, density, max_height, architecture)
        return self._layout

    def update(self, state, resources):
        p = state.params
        layout = self._city(state.seed, float(p["density"]), float(p["max_height"]),
                            float(p["architecture"]) >= 0.5)
        resources.texture("layout", layout, filter="nearest", key=self._layout_key)
        # Each pass's compiled variants, one drawn: the plain pass, the fracture's (while the
        # dream fractures: its own variants keep the liquid look), or the liquid glass's (its
        # sheer towers and silver edges, the moss creeping in the paving's joints) -- so the
        # default city pays nothing for either look.
        broken = float(p["fracture"]) > 0.0
        liquid = float(p["liquid"]) > 0.0
        # (round 32: the liquid city's fracture draws its own glass, the sheer towers only --
        # glass_fracture_liquid.frag -- as the liquid city does: the columns' flutes cost the
        # fracture's glass pass a sixth)
        for variants in (("glass", "glass_fracture", "glass_liquid", "glass_fracture_liquid"),
                         ("main", "back_fracture", "main_liquid", "back_fracture")):
            drawn = variants[3 if liquid else 1] if broken else variants[2] if liquid else variants[0]
            draw_one_of(resources, variants, drawn, 3)
        # the half-size street and sky that the liquid glass shows bent through its bodies
        resources.draw_count("behind", 3 if liquid and not broken else 0)
        # (and the wet street's swell, fractured or not: the mirror's liquid variant)
        draw_one_of(resources, ("mirror", "mirror_liquid"), "mirror_liquid" if liquid else "mirror", 3)
        if float(p["fracture"]) >= ALL_FALLEN:
            # no tower stands: the glass (and its walk through the grid) has nothing to draw,
            # and the sky, streets and mist beneath fill the frame
            resources.draw_count("glass_fracture", 0)
            resources.draw_count("glass_fracture_liquid", 0)
        cam = camera(state.t, p)
        shift = math.floor(cam["pos"][2] / WRAP) * WRAP        # wrap z to the city's period
        pos = cam["pos"] - (0.0, 0.0, shift)
        # The flying glass: only the pieces in the air are drawn (their indices in a texture).
        ids = (flying_shards(layout, pos, float(p["fracture"]), int(round(float(p["shards"]))),
                             int(state.seed)) if broken else np.zeros(0, np.int64))
        resources.texture("shard_ids", (ids if ids.size else np.zeros(1)).astype(np.float32)[None, :],
                          filter="nearest")
        resources.draw_count("flying", SHARD_VERTICES, int(ids.size))

        # Heart: the same pulse as the moss scene, starting from the viewer's feet.
        if p["follow_tempo"] and state.bpm > 0:
            phase, period = float(state.beat % 1.0), 60.0 / float(state.bpm)
        else:
            phase, period = float((state.t * float(p["bpm"]) / 60.0) % 1.0), 60.0 / float(p["bpm"])

        w, h = state.resolution
        aspect = float(w) / float(h)
        life = float(p["ripple_decay"])
        live = [e for e in state.events
                if getattr(e, "kind", "") == "touch" and 0.0 <= state.t - e.time < life]
        live = live[-MAX_TOUCHES:]
        # What each touch landed on (cached: it depends only on the touch and the camera).
        view = (state.seed, aspect, *(float(p[k]) for k in ("density", "max_height", "architecture", "speed", "height", "fov",
                                                              "start", "side", "turn", "look_up")))
        hits = []
        for e in live:
            key = (e.time, e.x, e.y, view)
            if key not in self._picks:
                then = camera(e.time, p)
                kind, point, cell = pick(layout, then["pos"], screen_ray(then, e.x, e.y, aspect),
                                         architecture=float(p["architecture"]) >= 0.5)
                dist = 0.0 if point is None else float(np.linalg.norm(point - then["pos"]))
                self._picks[key] = (kind, point, cell, dist)
            hits.append((e, *self._picks[key]))
        if len(self._picks) > 256:
            self._picks.clear()
        # Sorted: tower touches grouped by tower, then the street's, then the sky's, so each
        # pixel loops only over the touches that can reach it (an index per tower cell).
        hits.sort(key=lambda h: (h[1] != KIND_TOWER, h[1], h[3] if h[1] == KIND_TOWER else (0, 0)))
        tpos = np.zeros((MAX_TOUCHES, 4), np.float32)
        tinfo = np.zeros((MAX_TOUCHES, 4), np.float32)
        tsize = np.ones(MAX_TOUCHES, np.float32)
        cells = np.zeros((GRID, GRID, 2), np.float32)
        ranges = {KIND_GROUND: [0, 0], KIND_SKY: [0, 0]}
        for i, (e, kind, point, cell, dist) in enumerate(hits):
            if kind == KIND_SKY:
                tpos[i] = (e.x, e.y, 0.0, kind)
            else:
                tpos[i] = (point[0], point[1], point[2] - shift, kind)
                # the same apparent size wherever it lands: scaled with the distance
                tsize[i] = max(1.0, dist / RIPPLE_REFERENCE)
            tinfo[i] = (cell[0], cell[1], state.t - e.time, e.strength)
            if kind == KIND_TOWER:
                if cells[cell[1], cell[0], 1] == 0:
                    cells[cell[1], cell[0], 0] = i
                cells[cell[1], cell[0], 1] += 1
            else:
                r = ranges[kind]
                r[0] = i if r[1] == r[0] else r[0]
                r[1] = i + 1
        resources.texture("touch_cells", cells, filter="nearest",
                          key=tuple((h[1], h[3]) for h in hits))
        wall_touches = self.stage_wall(resources, p, live, state.t, aspect)

        return {
            "u_moss_lin": srgb_to_linear(p["moss_colour"]),
            "u_tint_lin": srgb_to_linear(p["tint"]),
            "u_cam_pos": tuple(pos), "u_cam_fwd": tuple(cam["fwd"]),
            "u_cam_right": tuple(cam["right"]), "u_cam_up": tuple(cam["up"]),
            "u_cam_tan": cam["tan"],
            "u_heart_origin": (float(pos[0]), float(pos[2])),
            "u_heart_phase": phase, "u_heart_period": period,
            "u_touch_pos": tpos, "u_touch_info": tinfo, "u_touch_size": tsize,
            "u_touch_ground": tuple(ranges[KIND_GROUND]), "u_touch_sky": tuple(ranges[KIND_SKY]),
            "u_wall_touch": wall_touches,
        }

    def stage_wall(self, resources, params: dict, live: list, t: float, aspect: float) -> np.ndarray:
        """Cut to the close shot of one touched wall (``wall`` at 0.5 or more: wall.frag drawn
        into the output, the city's own passes given no vertices) or back to the city.
        Returns the wall's touches (u_wall_touch, the newest first)."""
        shown = float(params["wall"]) >= 0.5
        if shown:
            for name in CITY_PASSES:
                resources.draw_count(name, 0)       # (else: all set every frame in update)
        resources.draw_count("wall_shot", 3 if shown else 0)
        return wall_touches(live, t, aspect)


towers = TowersScene(
    "towers",
    passes=[
        Pass("scenes/moss/moss_bake.frag", name="field", size=(512, 512), update="once",
             wrap="repeat", mipmaps=True),
        Pass("scenes/towers/haze.frag", name="haze", size=(32, 1)),
        # The scenes from memories the glass holds, baked once (memories_bake.frag).
        # (round 30: 2048x512, not 512x128 -- "the memory inside the tower pixelated": a close
        # tower magnified a 128-texel tile several times over; towers.glsl picks the mip)
        Pass("scenes/towers/memories_bake.frag", name="memories", size=(2048, 512), update="once",
             mipmaps=True),
        # The fracture's cracks, mist and pieces, baked once (cracks_bake.frag).
        Pass("scenes/towers/cracks_bake.frag", name="cracks", size=(256, 256), update="once",
             wrap="repeat"),
        # (round 28, `liquid`) the sky and streets over the whole frame at a quarter size, before
        # the glass, so the glass can show what stands behind it bent through its body (a
        # screen-space refraction: the moss streets, the sun's streak on the wet stone).
        # (round 32: a quarter, not half: bent and drunk by the thick glass its detail moved
        # the city's frames by under a tenth of a level on average, and it cost 35 ms a frame)
        # Drawn only while `liquid` is on (update() gives it no vertices otherwise).
        # (round 34: with the towers behind each ray's first one drawn in, behind_city.frag,
        # so the glass shows the city behind it -- "other towers bent through the body")
        Pass("scenes/towers/behind_city.frag", name="behind", vert="common/fullscreen.vert",
             primitive="triangles", count=3, scale=0.25, inputs=("field", "haze")),
        # A cleared triangle pass (one full-screen triangle), so that discarded pixels (no
        # tower) read as transparent.
        Pass("scenes/towers/glass.frag", name="glass", vert="common/fullscreen.vert",
             primitive="triangles", count=3, clear=(0.0, 0.0, 0.0, 0.0),
             inputs=("field", "haze", "memories"), coverage=True),
        # (round 28) With `liquid` the liquid glass compiled in, drawn instead of the plain one
        # (glass_liquid.frag: its silver edges, sheer towers, the refraction of `behind`).
        Pass("scenes/towers/glass_liquid.frag", name="glass_liquid", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field", "haze", "memories", "behind"),
             into="glass", coverage=True),
        # While the dream fractures, the same glass with the fracture compiled in is drawn
        # instead (update() gives the plain pass no vertices and this one its triangle).
        Pass("scenes/towers/glass_fracture.frag", name="glass_fracture", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field", "haze", "memories", "cracks"), into="glass",
             coverage=True),
        # (and its liquid city's: the sheer towers only, as glass_liquid's)
        Pass("scenes/towers/glass_fracture_liquid.frag", name="glass_fracture_liquid",
             vert="common/fullscreen.vert", primitive="triangles", count=3,
             inputs=("field", "haze", "memories", "cracks"), into="glass", coverage=True),
        # The sky and streets beneath the glass, only where the glass leaves some of the
        # pixel showing (about a quarter of the frame): the output.
        Pass("scenes/towers/back.frag", name="main", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field", "haze"),
             into="glass", skip_covered_by="glass", blend="under"),
        # (round 29b) With `liquid` the same with the moss creeping in the paving's joints
        # compiled in (back_liquid.frag), drawn instead of the plain one.
        Pass("scenes/towers/back_liquid.frag", name="main_liquid", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field", "haze"),
             into="glass", skip_covered_by="glass", blend="under"),
        Pass("scenes/towers/back_fracture.frag", name="back_fracture", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("field", "haze", "cracks"),
             into="glass", skip_covered_by="glass", blend="under"),
        # The fracture's flying glass, one triangle per shard, over everything.
        Pass("scenes/towers/shards.frag", name="flying", vert="scenes/towers/shards.vert",
             primitive="triangles", count=SHARD_VERTICES, instances="shards", inputs=("field", "haze", "cracks"),
             into="glass", blend="alpha"),
        # The wet street mirroring the towers (a screen-space reflection of the finished
        # city: mirror.frag), the output.
        Pass("scenes/towers/mirror.frag", name="mirror", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("glass",)),
        # (round 28) With `liquid` the mirror broken by the wet stone's swell (mirror_liquid.frag)
        Pass("scenes/towers/mirror_liquid.frag", name="mirror_liquid", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("glass",), into="mirror"),
        # The close shot of one touched wall (``wall``): its memory baked once, the wall drawn
        # over the output instead of the city (stage_wall gives the city's passes no vertices).
        # (at the frame's size, so its picture -- a frame high in the shot -- is sharp at any
        # export size; capped, so a 4K or supersampled export bakes no more than 2048 pixels)
        Pass("scenes/towers/wall_memory_bake.frag", name="wall_memory", scale=1.0, max_side=2048,
             update="once", mipmaps=True),
        Pass("scenes/towers/wall.frag", name="wall_shot", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("haze", "wall_memory"), into="mirror"),
    ],
    output="mirror",
    params=[
        Param("ior", 1.45, 1.0, 2.4, "refractive index of the glass"),
        Param("dispersion", 0.03, 0.0, 0.12, "spread of the index between red and blue"),
        Param("tint", "#3cb8d8", description="colour the glass lets through (Beer-Lambert)"),
        Param("absorption", 0.8, 0.0, 1.5, "how quickly light is absorbed inside, per unit"),
        Param("env_gain", 0.8, 0.0, 2.0, "brightness of the bound environment (sky, memories)"),
        Param("reflect", 1.0, 0.0, 2.0, "strength of the Fresnel reflections"),
        Param("sky_picture", 0.07, 0.0, 1.0, "how much of the bound picture shows in the night behind the city (0: the night and the sun alone)"),
        Param("memories_glow", 0.8, 0.0, 2.0, "the scenes from memories deep in the glass (0: none)"),
        Param("memories_centred", 0.0, 0.0, 1.0, "the sun and street memories only in the glass near the middle of the view or far off (1), or in every tower (0)"),
        Param("wobble", 0.12, 0.0, 1.0, "the glass's idle liquid undulation"),
        Param("ripple_strength", 1.0, 0.0, 3.0, "slope of the ripples a touch starts"),
        Param("ripple_speed", 1.6, 0.2, 6.0, "how fast a ripple spreads, units per second"),
        Param("ripple_decay", 4.0, 0.5, 12.0, "seconds until a ripple has died away"),
        Param("density", 0.94, 0.0, 1.0, "fraction of the blocks that hold a tower"),
        Param("max_height", 24.0, 8.0, 32.0, "how tall the tall towers grow"),
        Param("height", 2.6, 0.6, 40.0, "camera height above the street"),
        Param("speed", 1.2, 0.0, 8.0, "camera drift along the street, units per second"),
        Param("fov", 62.0, 18.0, 110.0, "vertical field of view, degrees"),
        # (round 14: "one corridor seen five times": a cue keys these, with "step" keys for
        # cuts, to frame two or three different shots of the one city)
        Param("start", 0.0, -200.0, 200.0, "where along the avenue the camera starts, units"),
        Param("side", 0.0, -20.0, 20.0, "camera offset across the avenue, units (+x)"),
        Param("turn", 0.0, -3.2, 3.2, "camera heading turned from down the avenue, radians (+ toward +x)"),
        Param("look_up", 0.0, -1.2, 1.2, "camera tilt added to its pitch, radians"),
        Param("bpm", 66.0, 40.0, 180.0, "heartbeat of the moss streets (lub-dub per beat)"),
        Param("follow_tempo", False, description="moss beats with the show's tempo instead of bpm"),
        Param("moss_glow", 1.0, 0.0, 3.0, "brightness of the moss streets"),
        Param("moss_colour", "#24f0b0", description="the moss light"),
        Param("wet", 1.0, 0.0, 2.0, "the street is wet dark stone: the sun's streak on it, the moss dimmed (0: dry moss)"),
        Param("fracture", 0.0, 0.0, 1.0, "the dream fractures: 0 whole, 1 every tower shattered into mist"),
        Param("shards", 1500, 0, 6000, "pieces of glass the fracture throws (0: none)"),
        Param("quality", 0.6, 0.0, 1.0, "ray steps, dispersion and haze (0 is cheapest)"),
        Param("focal_window", 0.0, 0.0, 1.0, "the focal tower holds the close wall's memory, the child at her window (1), or its own (0)"),
        Param("wall", 0.0, 0.0, 1.0, "cut to the close shot of one wall of liquid glass, touched, a memory bending in it (1; 0: the city)"),
        Param("architecture", 0.0, 0.0, 1.0, "a city of architecture (1): about a third of the towers massive, filling their blocks, terraced, the spires beside them slender (0: columns and spires)"),
        Param("liquid", 0.0, 0.0, 1.0, "the glass as liquid glass (1: the night seen clear through the body, silver Fresnel edges instead of a rainbow film, the touches' crests caught in silver; 0: as before)"),
        Param("sculpt", 1.0, 0.0, 1.0, "the near towers modelled: flared foot, waist, twisting flutes, rings running up them (0: plain quadrics)"),
    ],
    bindings={"environment": Binding(default="sky", scale=0.36)},
    description="liquid-glass towers over streets of glowing moss; touches ripple the glass",
)
