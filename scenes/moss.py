"""Bioluminescent moss: the streets of the dream city, pulsing with a heartbeat.

A ground plane of glowing moss clumps (baked once into a mipmapped tile) over a grid of
streets, whose emission pulses lub-dub, twice per beat, the pulse running outward along the
streets from the viewer's crossing.  The same ground (shaders/scenes/moss/moss.glsl) is the
floor of the ``towers`` scene.

Tempo: with ``follow_tempo`` off (the default) the heart beats at the ``bpm`` parameter; with
it on it follows the show's beat (u_beat/u_bpm: tap tempo, MIDI clock), lub on every beat.
The heart's phase is wrapped on the CPU in double precision, so long shows stay exact.

The view circles the heart's crossing (``heading``, ``drift``) at ``stand`` times its height,
looking at ``aim`` times its height beyond it; with ``streets`` on, the moss grows along the
city's streets (old cobbles between them, moss glowing in their cracks) instead of as one round carpet, so a view standing
at the crossing (``stand`` small) looks down one street, the heartbeat running away down it.

The city around (``buildings``): dark liquid-glass towers stand on the blocks within CITY_REACH of the
heart, each a podium, a setback shaft and often a needle spire (building_tiers), drawn as
boxes (the ``city`` pass, 36 vertices a box, sorted far to near here, back faces dropped,
so no depth buffer is needed): dark glass curtain walls, their panels each tilted a little
so they mirror the street's heartbeat rings below and the violet night above unevenly (one
analytic reflected ray, no marching), floor lines and mullions catching the moss light,
moss climbing their feet, their thin edges flashing with the pulse, no windows.  The view looks a little
above the ground (target at 0.12 x height) so a starry night shows over the towers.  The four blocks round the heart's crossing and those by the
eye stay open, overgrown with moss, so the view down onto the pulse is never blocked.
(Round 20, ``sculpt``: each column is carved inside its quadric as the city's towers are,
shaders/scenes/towers/sculpt.glsl -- a flared foot, twisting flutes whose ridges are its lines
of light, rings running up it: the readers' "plain acrylic cylinders".)
"""
from __future__ import annotations

import math

import numpy as np

from visuals import Param, Pass, Scene
from visuals.model.scene import draw_one_of

HEART_ORIGIN = (0.0, 0.0)     # the street crossing the pulse starts from (world xz)
CITY_PERIOD = 7.0             # mirrors of moss.glsl: streets every 7 units, 1.5 half wide
STREET_HALF = 1.5
CITY_REACH = 4                # buildings stand on the blocks up to this many from the heart
MAX_BOXES = 320               # (buildings.vert's arrays: each building is one to three boxes)
TIER_COLUMN = 3.0             # a whole liquid-glass column in one box (buildings.frag)
AVENUE_REACH = 16             # how far the avenue (the ``avenue`` parameter) runs, blocks
AVENUE_SLIM = 0.6             # the avenue's columns are this much slimmer than the blocks'
STREET_EYE = 4.0              # an eye lower than this stands in the street among the towers


def city_blocks(seed: int, reach: int = CITY_REACH) -> list[tuple[int, int, float, float, float, float]]:
    """The buildings around the heart: (cell x, cell z, half width x, height, half width z,
    a random 0..1) for each block that holds one, up to ``reach`` blocks from the heart.
    The four blocks round the heart's crossing are open squares of moss; some others are too."""
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 0x4D05])
    n = 2 * reach + 1
    h = rng.uniform(0.0, 1.0, (n, n, 4))
    out = []
    for i in range(n):
        for j in range(n):
            cx, cz = i - reach, j - reach
            if (cx in (-1, 0) and cz in (-1, 0)) or h[i, j, 2] < 0.12:
                continue
            # (round 12: "glass eggs in a field" -- the columns slimmer and twice as tall, so
            # they rise out of the frame as the city's towers over its glowing streets)
            half_w = 0.72 * (CITY_PERIOD * 0.5 - STREET_HALF - 0.25 - 0.5 * h[i, j, 1])
            height = 7.0 + 17.0 * h[i, j, 0] ** 2
            out.append((cx, cz, half_w, height, half_w - 0.3 * h[i, j, 2], h[i, j, 3]))
    return out


def avenue_blocks(seed: int) -> list[tuple[int, int, float, float, float, float]]:
    """The towers of the ``avenue`` view: the blocks either side of the +z street (cell x -1
    and 0) out to AVENUE_REACH, each column slimmer and taller than a block's own (round 18:
    spires lining the avenue, not pods beside the eye)."""
    return [(cx, cz, hw * AVENUE_SLIM, height * 1.3, hz * AVENUE_SLIM, r)
            for cx, cz, hw, height, hz, r in city_blocks(seed, AVENUE_REACH) if cx in (-1, 0)]


def building_tiers(half_x: float, height: float, half_z: float, r: float) -> list[tuple[float, ...]]:
    """A building as stacked boxes, bottom up: (half x, base y, top y, half z, kind).

    Round 9's reader saw "flat black cylinders" (podiums, setback shafts and spires stacked
    in dark glass).  A building is now one column of the city's liquid glass (buildings.frag
    traces it inside this one box: a round column swelling and tapering to a rounded tip),
    a little taller than the old roof so its tip has room: the same towers as the city's.
    """
    return [(half_x, 0.0, height * (1.15 + 0.25 * ((r * 7.31) % 1.0)), half_z, TIER_COLUMN)]


def tier_order(tiers: list[tuple[float, ...]], eye_y: float) -> list[tuple[float, ...]]:
    """The order that paints one building's nested boxes correctly without a depth buffer.

    A roof seen from above must be painted before the narrower box standing on it; a box
    seen from below its roof must be painted after the box above it (its walls hide that
    box's foot).  So: the boxes whose roofs are below the eye, bottom up, then the others,
    top down.
    """
    below = [t for t in tiers if t[2] <= eye_y]
    above = [t for t in tiers if t[2] > eye_y]
    return below + above[::-1]


def buildings_in_view(blocks, eye) -> tuple[np.ndarray, np.ndarray, int]:
    """The uniform arrays of the buildings' boxes, buildings far to near from the eye
    (painter's order; each building's boxes in tier_order), leaving out the blocks by the
    eye (so the view down onto the heart stays open)."""
    ex, ez = math.floor(eye[0] / CITY_PERIOD), math.floor(eye[2] / CITY_PERIOD)
    low = eye[1] < STREET_EYE
    listed = []
    for cx, cz, hw, height, hz, r in blocks:
        x, z = (cx + 0.5) * CITY_PERIOD, (cz + 0.5) * CITY_PERIOD
        if low:
            # (round 18: a view low in a street sees the towers standing beside it, so the
            # street runs off between them; only a block the eye would stand in is left out)
            if abs(eye[0] - x) < hw + 0.5 and abs(eye[2] - z) < hz + 0.5:
                continue
        elif max(abs(cx - ex), abs(cz - ez)) <= 1:
            continue
        listed.append(((x - eye[0]) ** 2 + (z - eye[2]) ** 2, x, z, hw, height, hz, r))
    listed.sort(reverse=True)
    boxes = []
    for _, x, z, hw, height, hz, r in listed:
        for half_x, base, top, half_z, kind in tier_order(building_tiers(hw, height, hz, r), eye[1]):
            boxes.append(((x, z, half_x, top), (half_z, r, base, kind)))
    boxes = boxes[-MAX_BOXES:]
    a = np.zeros((MAX_BOXES, 4), np.float32)
    b = np.zeros((MAX_BOXES, 4), np.float32)
    for k, (box_a, box_b) in enumerate(boxes):
        a[k] = box_a
        b[k] = box_b
    return a, b, len(boxes)


FEET = 6                      # (moss.frag's COLUMN_POOLS: the feet whose pools it draws)


def feet_in_view(a: np.ndarray, count: int, eye, fwd) -> tuple[np.ndarray, int]:
    """The FEET nearest columns in front of the eye, nearest first, as moss.frag's u_feet
    (centre x, z, half x, top).  Round 32's readers: "bare pillars with no contact or shadow"
    -- the ground drew pools under the six nearest columns of all, often beside or behind the
    eye, so the feet in the frame stood on nothing; these are the feet the view can see."""
    rows = a[:count]
    dx, dz = rows[:, 0] - eye[0], rows[:, 1] - eye[2]
    ahead = dx * fwd[0] + dz * fwd[2] > -(rows[:, 2] + 0.5)
    order = np.argsort(dx * dx + dz * dz, kind="stable")
    chosen = [k for k in order if ahead[k]][:FEET]
    out = np.zeros((FEET, 4), np.float32)
    if chosen:
        out[:len(chosen)] = rows[chosen]
    return out, len(chosen)


def heart_phase(state, bpm_param: float, follow_tempo: bool) -> tuple[float, float]:
    """(phase in beats wrapped to [0,1), seconds per beat) for the heart at this frame."""
    if follow_tempo and state.bpm > 0:
        return float(state.beat % 1.0), 60.0 / float(state.bpm)
    bpm = float(bpm_param)
    return float((state.t * bpm / 60.0) % 1.0), 60.0 / bpm


GROUND_VARIANTS = ("main", "main_front", "main_cushions", "main_cushions_front")


def ground_variant(grown: bool, front: bool) -> str:
    """The ground pass to draw: each costly look of the ground is compiled into its own
    variant of moss.frag (llvmpipe pays for a look behind a uniform even where it is off), so
    the plain ground, the scene's default, pays for neither the cushions nor the front."""
    return GROUND_VARIANTS[2 * grown + front]


def look_at(eye, target) -> dict[str, tuple[float, ...]]:
    """Camera basis uniforms (unit forward, right, up) looking from eye to target, y up."""
    eye = np.asarray(eye, float)
    fwd = np.asarray(target, float) - eye
    fwd /= np.linalg.norm(fwd)
    right = np.cross(fwd, (0.0, 1.0, 0.0))
    right /= np.linalg.norm(right)
    up = np.cross(right, fwd)
    return {"u_cam_pos": tuple(eye), "u_cam_fwd": tuple(fwd), "u_cam_right": tuple(right),
            "u_cam_up": tuple(up)}


SPLIT_MARGIN = 0.006          # (uv units above the horizon: there every ray climbs over 0.002)


def horizon_split(camera: dict, fov: float) -> float:
    """Where the ground passes stop and the sky pass starts, in NDC y: a little above the
    horizon's line (the camera has no roll, so the line is level), where moss.frag's ground
    has blended wholly into the sky.  Round 32, speed: llvmpipe ran the ground's noise for
    every sky pixel too (an untaken branch still costs), half the frame for nothing."""
    fwd_y, up_y = camera["u_cam_fwd"][1], max(camera["u_cam_up"][1], 1e-3)
    tan2 = 2.0 * math.tan(math.radians(fov) / 2.0)
    uv_h = -fwd_y / (tan2 * up_y)
    split = 2.0 * (uv_h + SPLIT_MARGIN / max(up_y, 0.2))
    return float(min(max(split, -1.5), 1.5))


class MossScene(Scene):
    """Feeds the camera (a slow orbit around the heart), the heart's phase and the city."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._blocks_seed = None
        self._blocks = []
        self._avenue = []

    def update(self, state, resources):
        p = state.params
        phase, period = heart_phase(state, p["bpm"], bool(p["follow_tempo"]))
        angle = float(p["heading"]) + float(p["drift"]) * state.t
        height = float(p["height"])
        back = float(p["back"])
        dist = float(p["stand"]) * height + back     # the same framing at every height
        hx, hz = HEART_ORIGIN
        eye = (hx + math.sin(angle) * dist, height, hz + math.cos(angle) * dist)
        # (with ``back``, the viewer stands down the street and the heart beats where they
        # stand: its waves run away from their feet down the street into the city)
        heart = (hx + math.sin(angle) * back, hz + math.cos(angle) * back)
        # (round 32, ``source``: the wavefront's heart beats that far ahead of the eye down the
        # street, in view, so its waves run out of a place the eye can find and toward the
        # viewer; the moss's own breath keeps its heart at the eye's feet)
        src = back - float(p["source"])
        source = (hx + math.sin(angle) * src, hz + math.cos(angle) * src)
        ahead = 0.7 * height + 20.0 * (1.85 - float(p["stand"]))   # (how far down the street it looks)
        target = (hx - math.sin(angle) * ahead, float(p["aim"]) * height, hz - math.cos(angle) * ahead)
        uniforms = look_at(eye, target)
        if state.seed != self._blocks_seed:
            self._blocks_seed, self._blocks = state.seed, city_blocks(state.seed)
            self._avenue = avenue_blocks(state.seed)
        blocks = self._blocks if p["buildings"] else []
        if p["avenue"] and blocks:
            # (round 18: one avenue of glass, not a forest of pillars: only the blocks on
            # either side of the view's street, the +z street at heading 0, hold towers, and
            # the avenue runs on to the horizon)
            blocks = self._avenue
        a, b, count = buildings_in_view(blocks, eye)
        # (round 28's ``liquid`` columns are their own compiled variant, buildings_liquid.frag,
        # drawn instead of the plain one while liquid > 0: the default city pays nothing)
        liquid = float(p["liquid"]) > 0.0
        draw_one_of(resources, ("city", "city_liquid"), "city_liquid" if liquid else "city", 36, count)
        # one ground of the four compiled variants: the near moss grown (``cushions``) or
        # not, the heartbeat's wavefront (``front``) or not
        drawn = ground_variant(float(p["cushions"]) >= 0.5, float(p["front"]) > 0.0)
        draw_one_of(resources, GROUND_VARIANTS, drawn, 6)
        uniforms["u_split_ndc"] = horizon_split(uniforms, float(p["fov"]))
        uniforms.update({"u_bldg_a": a, "u_bldg_b": b, "u_bldg_n": count})
        feet, n_feet = feet_in_view(a, count, eye, uniforms["u_cam_fwd"])
        uniforms.update({"u_feet": feet, "u_feet_n": n_feet})
        uniforms.update({
            "u_cam_tan": math.tan(math.radians(float(p["fov"])) / 2.0),
            "u_heart_origin": heart,
            "u_source_origin": source,
            "u_heart_phase": phase,
            "u_heart_period": period,
        })
        return uniforms


moss = MossScene(
    "moss",
    passes=[
        Pass("scenes/moss/moss_bake.frag", name="field", size=(512, 512), update="once",
             wrap="repeat", mipmaps=True),
        Pass("scenes/moss/moss.frag", name="main", vert="scenes/moss/ground_band.vert",
             primitive="triangles", count=6, inputs=("field",)),
        # (round 24, ``cushions``: the same ground with the near moss grown into cushions and
        # sporophytes compiled in, moss_cushions.frag, drawn instead of the plain one)
        Pass("scenes/moss/moss_cushions.frag", name="main_cushions", vert="scenes/moss/ground_band.vert",
             primitive="triangles", count=6, inputs=("field",), into="main"),
        # (round 29: the heartbeat's wavefront, ``front``, compiled in only where it is on,
        # so the default ground costs what it did before round 28)
        Pass("scenes/moss/moss_front.frag", name="main_front", vert="scenes/moss/ground_band.vert",
             primitive="triangles", count=6, inputs=("field",), into="main"),
        Pass("scenes/moss/moss_cushions_front.frag", name="main_cushions_front", vert="scenes/moss/ground_band.vert",
             primitive="triangles", count=6, inputs=("field",), into="main"),
        # (round 32, speed: the ground passes above draw only below the horizon, the night
        # sky its own pass above it, so neither half of the frame runs the other's shader)
        Pass("scenes/moss/moss_sky.frag", name="sky", vert="scenes/moss/sky_band.vert",
             primitive="triangles", count=6, into="main"),
        # The dark buildings around the streets, drawn as boxes over them (far to near).
        Pass("scenes/moss/buildings.frag", name="city", vert="scenes/moss/buildings.vert",
             primitive="triangles", count=36, instances=1, into="main", inputs=("field",),
             blend="alpha"),
        # (round 29: with ``liquid`` the sheer columns compiled in, drawn instead of the plain)
        Pass("scenes/moss/buildings_liquid.frag", name="city_liquid", vert="scenes/moss/buildings.vert",
             primitive="triangles", count=36, instances=1, into="main", inputs=("field",),
             blend="alpha"),
    ],
    params=[
        Param("bpm", 66.0, 40.0, 180.0, "heartbeats per minute (two pulses, lub-dub, per beat)"),
        Param("follow_tempo", False, description="beat with the show's tempo instead of bpm"),
        Param("glow", 1.0, 0.0, 3.0, "overall brightness of the moss light"),
        Param("spread", 10.0, 1.0, 30.0, "speed of the pulse along the streets, units per second"),
        Param("reach", 14.0, 2.0, 80.0, "distance over which the pulse fades to half"),
        Param("pulse_width", 0.045, 0.02, 0.15, "length of each pulse, fraction of a beat"),
        Param("rest", 0.3, 0.0, 1.0, "glow between heartbeats, relative to a pulse"),
        Param("colour", "#24f0b0", description="the moss light"),
        Param("colour_b", "#27b4f0", description="the light of the bluer clumps"),
        Param("speck", "#d6fff6", description="the light of the spore specks"),
        Param("height", 7.0, 0.25, 30.0, "camera height above the street"),
        # (round 14: a cue sets these to look down one street, the pulse running away into the city)
        Param("heading", 0.62, -3.2, 3.2, "where the view stands round the crossing, radians (0: on the +z street)"),
        Param("aim", 0.12, -0.5, 1.0, "height the view looks at beyond the crossing, times the camera height"),
        Param("stand", 1.85, 0.0, 4.0, "the view's distance from the crossing, times its height"),
        Param("back", 0.0, 0.0, 60.0, "the view stands this many units further down its street, the heart beating there"),
        Param("streets", 0.0, 0.0, 1.0, "the moss grows along the city's streets (1) or as one round carpet (0)"),
        Param("drift", 0.03, 0.0, 0.3, "how fast the view circles the crossing, rad/s"),
        Param("fov", 55.0, 25.0, 100.0, "vertical field of view, degrees"),
        Param("buildings", True, description="dark buildings stand around the streets"),
        Param("avenue", False, description="towers line only the view's own street (heading 0), an avenue into the city"),
        Param("quality", 1.0, 0.0, 1.0, "softness of the glow haze (the scene is cheap at any value)"),
        Param("cushions", 0.0, 0.0, 1.0, "the street near the eye overgrown: cushions of moss, fibrous, sporophytes with glowing tips, the paving glimpsed between them (1; 0: the cobbles with moss in their seams)"),
        Param("mist", 0.0, 0.0, 1.0, "a low night mist holding the moss's light: a glow along the horizon, the far street and columns sinking into it"),
        Param("moon", 0.0, 0.0, 1.0, "an emerald moon low over the avenue's end (the view down -z): a gibbous disc with relief, a halo in the mist, drawn thin and bright in the glass columns"),
        Param("sky_depth", 0.0, 0.0, 1.0, "the night deepens from a low rose-violet glow over the city to near-black indigo overhead (0: the plain violet night)"),
        Param("clouds", 0.0, 0.0, 1.0, "thin bands of high cloud across the night, lit by the moon near it and passing in front of it and the stars (0: a clear sky)"),
        Param("front", 0.0, 0.0, 3.0, "the heartbeat's wavefront: a ring of light with a steep leading edge running out through the moss (0: the soft breath alone)"),
        Param("source", 0.0, 0.0, 30.0, "the heart beats this many units ahead of the eye down its street, a knot of light in the moss that the wavefront (``front``) runs out of (0: at the eye's feet, unseen)"),
        Param("source_glow", 0.0, 0.0, 1.0, "the heart's own knot of light in the moss where the wavefront starts (``front``, ``source``)"),
        Param("source_dub", 0.0, 0.0, 1.0, "the wavefront's second, softer swell, the dub after the lub (``front``)"),
        Param("rings", 0.0, 0.0, 1.0, "the heartbeat's swells (``front``) narrowed to bands of light with the moss dark between them, far down the street too (0: broad soft swells)"),
        Param("front_speed", 4.0, 0.5, 30.0, "how fast the wavefront (``front``) runs out through the moss, units per second"),
        Param("liquid", 0.0, 0.0, 1.0, "the columns carved as the liquid city's sheer glass towers (towers' carving_sheer): crisp vertical edges, fine points or sheared crowns, a gentle ripple (0: the round carved columns)"),
        Param("sculpt", 1.0, 0.0, 1.0, "the columns modelled as the city's: flared foot, twisting flutes, rings running up them (0: plain quadrics)"),
    ],
    description="streets of bioluminescent moss pulsing lub-dub with a heartbeat",
)
