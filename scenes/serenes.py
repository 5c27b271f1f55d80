"""The Serenes: tall figures like shadows cast by candlelight, moving in eerie unison.

A stage.  Candles burn on stands low in front; behind them a row of tall, hooded figures
stands in the plane of a 2D SDF (smooth-min tapers and ellipses: a gown flaring to the
floor, a deep hood coming to a soft point over the head with a mantle falling from it over
the shoulders, full bell sleeves whose silk hangs in a wing below a raised arm, the hands
emerging from them); behind the figures a plaster wall catches their shadows, which loom
twice their height and sway with them (round 14: standing, no hands -- the sleeves fall as
drapery that melts into the dark).  Their faces are hollows in the hood's shadow
(round 10: a pale egg face with big orbs read as "an alien with goggles"), and in each
hollow two lidless mercury orbs glow, shaded as liquid-silver balls that catch the candles
as hard highlights.

Standing, each is one veil that falls from the shoulders and only widens to the floor
(round 15: a waist under a wide collar read as "chess pawns or penguins"); seated, the woman's
gown is close at the waist and gathers over her knees.  Their mercury eyes mirror the room
desaturated toward silver; as they burn up (``eyes`` past 0.6) a cold light from them falls
on the wall round each hood.  ``pan`` drifts the camera sideways along the row (the baked
wall and floor are looked up shifted, not re-baked).

The woman alone (``seated``, ``tremor``, ``closeup``): seated on a low bench, her gown drawn
over her knees into a lap wider than her waist, the cloth falling straight from it; her head
bowed in her hood (her orbs smaller, lower in it); her elbows tucked in, her open hands held
up before her chest, turned in toward each other, the backs to us, as if she looked at
them; they tremble from a glitch in her programming, a digital stutter computed here
(figure_extras: new positions TREMOR_RATE times a second, held between, freezes, snaps, and
rows of the hands torn sideways), which the shadow on the wall repeats, and leave faint
after-images where they were a step and two before (hand_echoes: the tremor reads in a
still); ``closeup`` brings the camera near and low onto her, the room falling away into
black round her candle's pool, and brings that candle (the first) close to her left on a
raised stand, so it models her, one side lit and one in shade, and stays in the tight frame.

In depth (round 17: "pawn silhouettes in a line-up on one plane"): ``depth`` stands each
figure at its own distance (FIGURE_DEPTHS, -0.3 to 0.95 m about the row's plane), drawn
as its picture on that plane (stage_in_depth: x about the camera, height and lean scaled,
feet raised or lowered through ``u_fig_d``), so every pass and their shadows follow with no
new geometry, the farther ones paler in the haze; ``near`` adds two Serenes near the camera
(near.glsl, z = -4.6), large and backlit at the frame's edges (round 18: crisp, rim-lit,
only a shoulder and hood in frame) -- one at the left as the drift begins, one the drift
brings in at the right -- and candle-lit smoke
drifting in the air between.  The woman's room (``window``, round 17: "a mannequin against
an empty wall"): a tall arched window onto the glass city's night (window.glsl: a cold
sky, needle towers with lit glass edges, mist), its cold shaft of light slanting through
the air to the floor and a thin cold rim on her edges that face it, against her warm
candle; seated, she has a woman's head, bowed, her long hair falling to her shoulders.

Their voices (``voices``): one ribbon of silk per voice, a standing wave across the stage
with that voice's harmonic (their names are frequencies), twisting, with a sheen along its
threads that glides in soft slantwise folds (not even stripes), the harmonic a faint travelling
shimmer; it winds in depth along the row, in front of one figure and behind the next, and the
figures hide what passes behind them, so the voices wrap round them like silk (the ``silk``
pass, a triangle strip per ribbon reading the figures' coverage, drawn only while voices > 0);
close on one of them (``portrait``) they are ribbons of pale silk light curling through the air
round it, behind it and past the camera (silk_air.glsl, round 28: never seen before).  The ``city``
binding (the liquid-glass towers when that scene exists) glows faintly through the wall and
in the eyes: with ``backdrop`` 0 they are alone in the candle-lit room.

Passes (shaders/scenes/serenes/).  On llvmpipe a guard around straight-line code saves no
work, so everything that covers a small part of the screen rasterises its own quads:

- ``surfaces`` (baked when the cue starts or quality changes): the plaster's albedo and
  relief, the floor's planks.
- ``occluder`` (half resolution): two quads per figure (its body, the band its arms sweep),
  grown by the farthest distance it stores, draw the figures' signed distance;
  max-blending keeps the nearest figure.  The arms' joints are computed here once a frame
  (arm_joints) and reach each figure's fragments as flat varyings.
- ``shadow`` (half resolution): for the wall or floor point under each pixel, the share of
  each candle's light that passes the figures: one occluder lookup per candle and tap, at
  the point where the ray from the candle crosses the figures' plane.
- ``figures`` (two tight quads per figure): the figures as shadow bodies (round 14: every
  reader saw "felt puppets", "rubber capsules" in the modelled satin gowns): near-black smoke,
  its outline frayed by slow rising noise and blurred like a candle-cast shadow, most at the
  hem and out along the sleeves, which thin into translucent smoke; no sheen, no pleats --
  only the candles' warm rim on the edges that face them, strongest low down, a faint glow
  of the light scattered in the smoke on that side, and a cold thread of the wall's bounce
  light; the face an unseen hollow.  Standing, their hands stay hidden in their sleeves;
  seated, the woman's hands are the one lit detail: warm skin, the candle glowing red through
  their thin edges.
- ``eyes_img`` (a small quad per head): the eyes, analytic mercury spheres kept as
  billboards.
- ``candles_img`` (a quad per candle): wax, flame and the thread of smoke.
- ``haze`` (an eighth of the frame): the bound city, blurred and cooled.
- ``floor`` (a quad over the floor band): the boards' sheen and reflection.
- ``main``: the wall and floor lit by each candle, the city through the wall, then the
  figures, eyes and candles over it; tone map and dither.
- ``silk_shade``, ``silk`` and ``threads`` (triangle strips over ``main``, drawn only while
  ``voices`` / ``lovers`` > 0): the voices' ribbons -- first the silk's half-translucent body,
  alpha-blended, dimming what lies behind it (round 18: pure light read as "generic light
  streaks"), then its sheen, added -- and the neural threads between the lovers' minds, fine
  cores in a soft glow of their light.

Round 18 ("a dark blur blocks the left third", "ghost cones with dot eyes; muddy brown
grade", "the figure is a crude blob, the hand glitch reads as a smear"): the near Serenes
stand further out, crisp, found by a rim of candle light broken by their folds; a toe
under the standing stage's tone curve (main.frag TOE) sinks the dim wall toward black so
the candles are the one key; the gowns' folds catch the candle light low down; the orbs
are darker mirrors holding a bright spec of the flame; the woman's outline is crisp, her
hair close round her head above a neck and sloping shoulders; her hands' glitch is torn in
hard-edged rows, red and blue a pixel or two apart.

The portrait (``portrait``, round 20: "cut-out figures", "the same set-up three times"): a
second shot, one Serene close -- its hooded bust a distance field (portrait.glsl: a cowl
coming to a point that falls back, a deep face opening, a mantle over sloping shoulders,
folds fanning from the neck, slack swags at the collar, creases in the normal) marched once
when the shot begins into a G-buffer at twice the frame's size (``portrait_geo``: normal,
depth and coverage, the one march; ``portrait_mat``, from its hit: occlusion, the key
candle's soft shadow, the cloth's thinness toward the candle behind, material) and
relit each frame (``portrait_shot``): the key candle in the frame, low at the left, a rim
candle behind at the right, a cool violet fill on the side turned away; the face black in
the cowl's shadow and in it the two lidless eyes, analytic mercury spheres that mirror the
flames; behind, the others as soft shadows in the haze with their eyes faint cold points,
far candles out of focus.  ``push`` moves the camera slowly in.  While it is on, the stage's
passes draw nothing (on llvmpipe a pass drawn and then covered costs its full price).
Round 21 ("cloth looks like clay"): the cowl is dark woven cloth -- charcoal-umber, a velvet
sheen at grazing, a twill and fibre streaks (faded where finer than a pixel), the candle
behind glowing through its thin edges (a thinness term in the bake); the bake marches once
(``portrait_mat`` reads ``portrait_geo``'s hit back).  Two more shots are the same bake and
relight in compile-time variants (portrait.glsl / portrait_shot.glsl): ``profiles``, the
lovers close -- the bust mirrored across the frame's middle, each turned to the other over a
candle, the neural thread glowing brow to brow (lovers_*.frag); and ``close_woman``, the
woman close -- bowed over two open hands, her candle beside her, the glitch tearing the rows
round her hands (woman_*.frag).

Round 22 (the stage's row still "soft cones in a row", "cut-out figures"; her wide room "a
primitive mannequin, flat wall"): the stage itself modelled, in two more variants with their
own relight (row_shot.glsl).  ``row``: the five standing, full length, each the portrait's
hooded figure with a gown to the floor and its own height, lean, turn and fold phase
(portrait.glsl PORTRAIT_ROW), marched once at the cut into a G-buffer ROW_BAKE_SCALE times the
frame that covers ROW_OVERSCAN times its width, so ``pan`` shifts the baked picture and their
unison sway is a small shear of it, not a re-bake; the mat pass bakes the two front
candles' soft shadows on them and on the floor and wall (their shadows loom there), and the
relight adds the rim candle behind them, the polished floor (candle pools, the flames as
streaks, the figures mirrored by looking the bake up at the mirrored point) and the mercury
eyes as analytic spheres.  ``alone``: the same with her one seated figure (PORTRAIT_ALONE: the
close shot's bowed bust and open hands, a torso, lap and gown over her knees), a bench, one
tall candle at the left throwing her hooded shadow up the wall, the glitch tearing the rows
round her hands.  Either draws in place of the stage, and any close shot wins over it.

Round 24 (four readers: "rubbery sacks", "brown leather sacks", "melted wax", the eyes
"googly chrome balls"): in every modelled shot the robes are woven cloth -- the folds
(portrait.glsl portrait_folds) creased pleats falling straight from the shoulders, sharp
crests between deep valleys, breaking where the row's hems pool wider on the floor; charcoal,
no glossy lobe, a velvet sheen at grazing that catches the crests while the valleys fall to
black, a faint nap; the row's figures drawn out taller and narrower (ROW_STRETCH).  The eyes
are small polished beads of mercury set deep in the cowl under the brow, dark, each holding
the candle flames as tiny crisp points, a faint cold glow deep inside.

Round 25 (two readers: those beads were "dull black beads", "button eyes"; the text: "lidless,
GLOWING orbs of mercury"): in the close shots (the portrait, the lovers, the woman close) the
eyes are 2.2 cm beads (between round 23's 3 cm and round 24's 1.65 cm) still set in the
cowl's shadow, but luminous -- liquid silver lit from within by a cold white-blue core, a
bright fresnel rim, the candle flame a crisp warm point on the mirror, their light blooming a
little into the dark of the cowl (never through a hood in front of them).  The row's small
far eyes are unchanged.

Paragraph 4 among them (``child``, ``lovers``): the leftmost figure a child, hand in hand with
the next, its head ticking side to side on a clock (laughter as a programmed response); the
two rightmost lovers, turned to each other, mirror images, their brows linked by a bundle of
pale-cyan filaments with pulses running both ways.

The figures' poses and the candles' flicker are computed here, from the time, the seed and
the parameters only, and reach the shaders as uniform arrays.  ``sync`` 1 gives every figure
the same pose (the same lean, head tilt and gesture at the same moment); lower values add a
phase offset and a wandering of its own to each figure, continuously, so sync can be
automated without jumps.  In unison need not mean clones: ``canon`` passes the one movement
along the row as a ripple, and ``character`` gives each figure its own height, resting lean,
head tilt, arm carriage, reach of gesture and gown (a narrow column to a wide bell), all
constant in time, so the movement itself stays shared.
"""
from __future__ import annotations

import functools
from dataclasses import replace
import math

import numpy as np

from visuals import Binding, Param, Pass, Scene
from visuals.model.hashing import MASK64, mix64

# Mirrors of shaders/scenes/serenes/serenes.glsl: keep them equal.
CAM_Y = 1.75                     # the camera at closeup 0 (stage_camera)
CAM_D = 7.0
CAM_F = 1.85
CLOSE_Y = 0.85                   # ... and at closeup 1: near, low, on a seated figure
CLOSE_D = 2.4                    # (round 7: closer, the frame tight on her and her candle)
# At closeup 1 the first candle stands near her, raised, in front and to her left, so its
# light models her (a lit side and a shaded one) and it stays in the tight frame; its power
# falls to keep her as bright as from afar.
# (round 11: lower and nearer the middle, so her shadow rises huge on the wall behind her,
# ringed by the candle's pool of light)
# (round 14: the camera pulled back, the candle low on the floor just before her and to her
# left, so her shadow climbs the wall behind her, several times her height)
PORTRAIT_MAX_SIDE = 2560         # the portrait's G-buffer: twice the frame up to 1280x720 frames
CLOSE_CANDLE = (-0.3, 0.26, -0.85, 0.7)   # x, wax top y, z; power factor
# (round 15: as the dream stages her, closeup 0.3, "80 % of the frame black; the shadow
# reads as demonic": there her candle stands on a stand, higher, further in front and to
# her left, a little stronger, so its pool lights the wall round her and her shadow falls
# in proportion, not a horned giant; from there it comes to CLOSE_CANDLE at closeup 1)
STAGED_CANDLE = (-0.55, 0.5, -1.3, 0.95)
STAGED_CLOSEUP = 0.3
WALL_Z = 1.38
# The woman's window onto the city's night (window.glsl): centre x, sill y, half width,
# height of the straight sides above the sill (wall metres; an arch on top).
WINDOW = (-2.05, 0.8, 0.5, 1.65)
WINDOW_LIGHT = (0.55, -0.6, -0.58)   # the direction its night light falls (window.glsl WIN_LIGHT)
# The near Serenes (near.glsl): their plane's depth and where they stand (x, m).
NEAR_Z = -4.6
NEAR_XS = (-1.5, 1.65)
MAX_FIGURES = 9
MAX_CANDLES = 3
NECK_TOP = 0.845                 # figure-local units (height 1): the head tilts about here
EYE_OFFSET = (0.0215, 0.8885)    # the right eye's centre, figure-local
EYE_R = 0.0132                   # (round 7: orbs that read at 640x360, not dots; round 10: in a hood)
VOICE_SEGMENTS = 96              # strip segments along a voice's ribbon (voices.vert)
THREAD_SEGMENTS = 48             # ... along a neural thread between the lovers (threads.vert)
THREADS = 5                      # the threads in the bundle
SEAT_DROP = 0.30                 # figure-local units the upper body sinks when seated
TREMOR_RATE = 14.0               # the hands' stutter: new positions per second
TREMOR_ANGLE = 0.17              # forearm jerk at tremor 1 (radians; the hand moves 2.2x)

# The candle stands: x, top of the wax, z (in front of the figures), wax radius; and power.
CANDLE_STANDS = (
    (-0.22, 0.45, -1.6, 0.042, 1.0),
    (1.25, 0.32, -1.35, 0.036, 0.5),
    (-1.7, 0.56, -1.25, 0.04, 0.45),
)
CANDLE_POWER = 2.6     # light of a candle at candle 1, before its flicker
SWAY_LEAN = 0.17       # head displacement (m) at sway 1
STANCE_LEAN = 0.3      # a figure's own resting lean (m of head displacement) at character 1, at most
STANCE_TILT = 0.3      # ... and its own head tilt (rad)


@functools.lru_cache(maxsize=8192)
def _lattice(seed: int, stream: int, i: int) -> float:
    """A deterministic value in [-1, 1) for lattice point i of a noise stream (cached:
    consecutive frames mostly read the same lattice points)."""
    h = mix64(mix64(mix64(int(seed) & MASK64) ^ (stream & MASK64)) ^ (i & MASK64))
    return (h >> 11) / float(1 << 52) - 1.0


def noise1(x: float, seed: int, stream: int) -> float:
    """Smooth 1D value noise in [-1, 1] (quintic interpolation between lattice values)."""
    i = math.floor(x)
    f = x - i
    u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0)
    a, b = _lattice(seed, stream, i), _lattice(seed, stream, i + 1)
    return a + (b - a) * u


def fbm1(x: float, seed: int, stream: int, octaves: int = 3) -> float:
    """Fractal sum of noise1, in about [-1, 1]."""
    total, amp, norm = 0.0, 0.5, 0.0
    for o in range(octaves):
        total += amp * noise1(x * (2.0 ** o) + 17.3 * o, seed, stream * 8 + o)
        norm += amp
        amp *= 0.5
    return total / norm


def _smooth(e0: float, e1: float, x: float) -> float:
    t = min(max((x - e0) / (e1 - e0), 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


def figure_layout(seed: int, count: int, character: float = 0.0) -> np.ndarray:
    """(MAX_FIGURES, 4): x (m), height (m), phase offset (rad), variant 0..1 of each figure.

    The figures stand in a row centred on the stage; the layout depends on the seed, the
    count and ``character`` only (which spreads their heights: 2.08..2.34 m at 0, about
    1.95..2.47 at 1), so it holds still while the other parameters move.
    """
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 0x5E4E])
    jitter = rng.uniform(-1.0, 1.0, MAX_FIGURES)
    heights = rng.uniform(2.08, 2.34, MAX_FIGURES)
    offsets = rng.uniform(0.0, 2.0 * math.pi, MAX_FIGURES)
    variants = rng.uniform(0.0, 1.0, MAX_FIGURES)
    n = max(1, min(int(count), MAX_FIGURES))
    spacing = min(0.86, 4.3 / n)
    out = np.zeros((MAX_FIGURES, 4), np.float64)
    for i in range(MAX_FIGURES):
        x = (i - (n - 1) / 2.0) * spacing + 0.09 * spacing * jitter[i] if i < n else 0.0
        height = 2.21 + (heights[i] - 2.21) * (1.0 + 1.0 * character)
        if n > 1:
            # (round 15: "a static line-up of five equal figures": taller, and staggered in
            # height -- tall and short by turns, the middle one tallest)
            height = height * 1.1 + character * 0.22 * ((-1.0) ** i) * (1.0 if i != (n - 1) // 2 else -1.5)
        out[i] = (x, height, offsets[i], variants[i])
    return out


def _motion(phi: float, t: float, own: float, seed: int, i: int, pace: float):
    """Lean (unit), head tilt (unit), left and right arm raise (0..1) at phase phi.

    ``own`` (0..1) mixes in the figure's own wandering (noise streams of figure i); at 0 the
    motion is a function of phi alone, identical for every figure at the same phase.
    """
    lean = 0.78 * math.sin(phi) + 0.22 * math.sin(2.0 * phi + 0.7)
    tilt = math.sin(0.5 * phi + 1.2)
    gesture = 0.5 - 0.5 * math.cos(0.5 * phi)
    raise_l = gesture
    raise_r = 0.5 - 0.5 * math.cos(0.5 * phi - 0.8)
    if own > 0.0:
        x = t * max(pace, 0.02) * 1.7
        lean += own * 0.6 * fbm1(x, seed, 100 + i, 2)
        tilt += own * 0.8 * fbm1(x * 1.3, seed, 200 + i, 2)
        raise_l = min(max(raise_l + own * 0.5 * fbm1(x * 0.8, seed, 300 + i, 2), 0.0), 1.0)
        raise_r = min(max(raise_r + own * 0.5 * fbm1(x * 0.8, seed, 400 + i, 2), 0.0), 1.0)
    # (round 12: "rubbery overlapping arms": held lower, so neighbours' hands do not tangle)
    # (round 14: sleeves that fall as drapery into the dark, not arms held out: lower still)
    return lean, tilt, 0.45 * raise_l, 0.45 * raise_r


def figure_characters(seed: int) -> np.ndarray:
    """(MAX_FIGURES, 5): each figure's own stance at character 1 -- a resting lean (unit), a
    head tilt of its own (unit), how high it holds each arm (added to the raise), and the
    reach of its gestures (a factor).  From the seed only."""
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 0xC4A7])
    out = np.zeros((MAX_FIGURES, 5), np.float64)
    out[:, 0] = rng.uniform(-0.55, 0.55, MAX_FIGURES)
    out[:, 1] = rng.uniform(-1.0, 1.0, MAX_FIGURES)
    out[:, 2] = rng.uniform(-0.25, 0.5, MAX_FIGURES)
    out[:, 3] = rng.uniform(-0.25, 0.5, MAX_FIGURES)
    out[:, 4] = rng.uniform(0.65, 1.35, MAX_FIGURES)
    return out


def figure_count(params) -> int:
    """How many figures stand on the stage: the ``count`` param rounded, 1..MAX_FIGURES."""
    return max(1, min(int(round(float(params["count"]))), MAX_FIGURES))


def figure_poses(t: float, seed: int, params: dict) -> tuple[np.ndarray, np.ndarray]:
    """The figures' uniform arrays at cue time t: (MAX_FIGURES, 4) a and b.

    a = (x (m), height (m), lean (m of head displacement), head tilt (rad));
    b = (left arm raise, right arm raise, hem swish -1..1, variant 0..1).
    Figures past ``count`` are left zero.
    """
    count = figure_count(params)
    sync = min(max(float(params["sync"]), 0.0), 1.0)
    sway = float(params["sway"])
    pace = float(params["pace"])
    # ``canon``: one movement passing along the row, each figure a little behind the one on
    # its left (in unison, as a ripple, not as clones); ``character``: each its own height,
    # stance and reach (constant in time, so the movement stays shared)
    canon = min(max(float(params.get("canon", 0.0)), 0.0), 1.0)
    character = min(max(float(params.get("character", 0.0)), 0.0), 1.0)
    layout = figure_layout(seed, count, character)
    stances = figure_characters(seed)
    a = np.zeros((MAX_FIGURES, 4), np.float32)
    b = np.zeros((MAX_FIGURES, 4), np.float32)
    own = 1.0 - sync
    base = 2.0 * math.pi * pace * t
    lag = 0.7     # seconds by which the hem trails the body
    for i in range(count):
        x, height, offset, variant = layout[i]
        shift = own * offset - canon * 0.75 * (i - (count - 1) / 2.0)
        lean, tilt, rl, rr = _motion(base + shift, t, own, seed, i, pace)
        lean_before = _motion(base - 2.0 * math.pi * pace * lag + shift, t - lag, own, seed, i, pace)[0]
        st = stances[i] * character
        reach = 1.0 + (stances[i, 4] - 1.0) * character
        lean, tilt = lean * reach, tilt * reach
        lean_before = lean_before * reach
        rl = min(max(rl * reach + st[2], 0.0), 1.0)
        rr = min(max(rr * reach + st[3], 0.0), 1.0)
        swish = min(max((lean_before - lean) * 0.8, -1.0), 1.0) * sway
        seated = min(max(float(params["seated"]), 0.0), 1.0)
        # seated, she barely sways, her head bowed to one side toward her hands
        calm = 1.0 - 0.75 * seated
        x += 0.32 * seated * (count == 1)           # alone, she sits right of the candle
        a[i] = (x, height, SWAY_LEAN * sway * lean * calm + STANCE_LEAN * st[0],
                0.16 * sway * tilt * calm + 0.22 * seated + STANCE_TILT * st[1])
        b[i] = (min(rl * sway * 1.15, 1.0), min(rr * sway * 1.15, 1.0), swish, variant)
    _child_and_lovers(a, b, count, t, params)
    return a, b


CHILD_HEIGHT = 1.3       # metres: the child among the figures (child 1; round 11: 1.2 read tiny)
LOVERS_LEAN = 0.06       # m: how far each lover leans towards the other (lovers 1)


def lovers_pair(count: int) -> tuple[int, int]:
    """The figures who are lovers: the two rightmost (none when fewer than three stand)."""
    return (count - 2, count - 1) if count >= 3 else (-1, -1)


def _child_and_lovers(a: np.ndarray, b: np.ndarray, count: int, t: float, params: dict) -> None:
    """Paragraph 4 of the text among the Serenes, in place on the pose arrays.

    ``child``: the leftmost figure is a child, hand in hand with the figure beside it (its
    hand raised to the adult's lowered one), its head bobbing on a too-regular clock -- the
    laughter of a programmed response.  ``lovers``: the two rightmost turn to each other,
    leaning in, heads inclined together, their inner hands reaching, moving as each other's
    mirror image (harmonized); the neural threads between their minds are the ``threads``
    pass.
    """
    child = min(max(float(params.get("child", 0.0)), 0.0), 1.0)
    lovers = min(max(float(params.get("lovers", 0.0)), 0.0), 1.0)
    if child > 0.0 and count >= 3:
        a[0, 1] = a[0, 1] + (CHILD_HEIGHT - a[0, 1]) * child
        a[0, 0] += 0.2 * child                                  # close at the adult's side
        bob = 1.0 if (t * 2.0) % 1.0 < 0.5 else -1.0            # tick, tock: a programmed joy
        a[0, 2] = a[0, 2] * (1.0 - child) + 0.025 * child
        a[0, 3] = a[0, 3] * (1.0 - child) + 0.12 * bob * child
        b[0, 1] = b[0, 1] + (0.62 - b[0, 1]) * child            # the child's hand up ...
        b[1, 0] = b[1, 0] * (1.0 - child)                       # ... in the adult's, lowered
    i, j = lovers_pair(count)
    if lovers > 0.0 and i >= 0:
        # mirror images of each other: j moves as i does, reflected
        sway_i, tilt_i = a[i, 2], a[i, 3]
        a[i, 2] = a[i, 2] * (1.0 - lovers) + (LOVERS_LEAN + 0.5 * sway_i) * lovers
        a[j, 2] = a[j, 2] * (1.0 - lovers) - (LOVERS_LEAN + 0.5 * sway_i) * lovers
        a[j, 3] = a[j, 3] * (1.0 - lovers) - tilt_i * lovers
        a[i, 3] -= 0.22 * lovers
        a[j, 3] += 0.22 * lovers
        gap = a[j, 0] - a[i, 0]
        a[i, 0] += 0.03 * gap * lovers
        a[j, 0] -= 0.03 * gap * lovers
        b[i, 1] = b[i, 1] + (0.45 - b[i, 1]) * lovers           # the inner hands reach ...
        b[j, 0] = b[j, 0] + (0.45 - b[j, 0]) * lovers
        b[i, 0] *= 1.0 - 0.7 * lovers                           # ... the outer ones rest
        b[j, 1] *= 1.0 - 0.7 * lovers


SHOULDER_Y = 0.752


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def arm_joints(side: float, raise_: float, variant: float, seated: float, tremor: float):
    """Shoulder, elbow, wrist, knuckles and finger tips of one arm (figure-local, unbent),
    for serenes.glsl's sd_arm (computed here once a frame instead of per pixel)."""
    sh = (side * (0.058 + 0.006 * variant), SHOULDER_Y - 0.012)
    # seated: the elbows tucked in at her sides, the forearms raised before her chest, the
    # open hands held up apart, palms to her face, fingers up -- she looks at them
    # (round 9: the elbows a little out from her sides, so each arm shows from the shoulder
    # to the hand against the wall, and the forearms foreshortened, reaching toward us, so
    # the hands rise before her breast, below the face, not beside it)
    # (round 11: her left hand -- the candle's side -- held out from her toward the flame,
    # palm up, so it stands dark against the lit wall, rimmed by the light, and its stutter
    # and after-images read against the light instead of being lost on her dark breast)
    out_hand = seated if side < 0.0 else 0.0
    a1 = _mix(_mix(_mix(0.17, 1.1, raise_), 0.36, seated), 0.62, out_hand)              # upper arm
    # (round 14: her right hand rose before her chest and read as "a sticker on her chest":
    # from afar it rests in her lap, the forearm across her knees; the left still reaches
    # toward the flame)
    a2 = a1 + _mix(_mix(_mix(-0.30, 0.95, raise_), -1.9, seated), 1.5, out_hand) + tremor   # forearm
    a3 = a2 - _mix(_mix(_mix(0.10, 1.05, raise_ * raise_), -0.3, seated), -0.25, out_hand) - 2.2 * tremor   # hand
    a4 = a3 - _mix(_mix(_mix(0.10, 0.30, raise_), -0.2, seated), -0.2, out_hand)        # fingers
    out = [sh]
    for length, a in ((0.165, a1), (0.150 - 0.045 * seated, a2), (0.034, a3), (0.046, a4)):
        x, y = out[-1]
        out.append((x + length * side * math.sin(a), y - length * math.cos(a)))
    return out


def arm_uniforms(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """(MAX_FIGURES * 6, 4): the u_arms array of serenes.glsl from the pose arrays."""
    out = np.zeros((MAX_FIGURES * 6, 4), np.float32)
    for i in range(MAX_FIGURES):
        if a[i, 1] <= 0.0:
            continue
        for s, (side, raise_, tremor) in enumerate(((-1.0, b[i, 0], c[i, 1]), (1.0, b[i, 1], c[i, 2]))):
            sh, el, wr, pm, tip = arm_joints(side, float(raise_), float(b[i, 3]), float(c[i, 0]), float(tremor))
            k = (2 * i + s) * 3
            out[k] = (*sh, *el)
            out[k + 1] = (*wr, *pm)
            out[k + 2] = (*tip, 0.0, 0.0)
    return out


def stage_camera(closeup: float) -> tuple[float, float, float]:
    """Camera height, distance and focal length: the whole stage at 0, close at 1."""
    c = min(max(float(closeup), 0.0), 1.0)
    c = c * c * (3.0 - 2.0 * c)
    return (CAM_Y + (CLOSE_Y - CAM_Y) * c, CAM_D + (CLOSE_D - CAM_D) * c, CAM_F)


def figure_extras(t: float, seed: int, params: dict) -> np.ndarray:
    """(MAX_FIGURES, 4): seated 0..1, left and right hand tremor (radians), tear 0..1.

    The tremor is a glitch, not a nervous shake: the hands jump to a new position
    TREMOR_RATE times a second (held in between, so it stutters), freeze now and then for a
    few hundred milliseconds, and at rare moments snap far or tear sideways in rows like a
    corrupted frame.  Each figure glitches on its own streams; all from the seed and t.
    """
    count = figure_count(params)
    seated = min(max(float(params["seated"]), 0.0), 1.0)
    tremor = min(max(float(params["tremor"]), 0.0), 1.0)
    out = np.zeros((MAX_FIGURES, 4), np.float32)
    window = math.floor(t * 2.5)
    for i in range(count):
        step = math.floor(t * TREMOR_RATE)
        if _lattice(seed, 500 + i, window) > 0.4:          # a freeze: held since the window began
            step = math.floor(window / 2.5 * TREMOR_RATE)
        snap = 1.0 + 2.2 * (_lattice(seed, 600 + i, math.floor(t * 4.0)) > 0.75)
        jl = tremor * TREMOR_ANGLE * snap * _lattice(seed, 700 + i, step)
        jr = tremor * TREMOR_ANGLE * snap * _lattice(seed, 800 + i, step)
        burst = _lattice(seed, 900 + i, math.floor(t * 6.0))
        # (round 14: tears in a third of the bursts -- the glitch must show in a still -- but
        # confined to the hands, which still read between them)
        tear = tremor * (0.5 + 0.5 * abs(burst)) if burst > 0.55 else 0.0
        out[i] = (seated, jl, jr, tear)
    return out


def candle_states(t: float, seed: int, params: dict):
    """The candles at cue time t: arrays (MAX_CANDLES, 4) pos, shape, base.

    pos = light centre (x, y, z) in metres, jittered with the flame, and its power;
    shape = (flame height m, flame lean m, brightness relative to steady, 0);
    base = the stand (x, wax top y, z, wax radius).
    Brightness = base + low-frequency fbm(t) + a faster shimmer, with dips when a draught
    catches the flame (the flame shrinks and leans, and the light sways the shadows).
    """
    flicker = float(params["flicker"])
    candle = float(params["candle"])
    n = max(1, min(int(round(params["candles"])), MAX_CANDLES))
    pos = np.zeros((MAX_CANDLES, 4), np.float32)
    shape = np.zeros((MAX_CANDLES, 4), np.float32)
    base = np.zeros((MAX_CANDLES, 4), np.float32)
    # (round 14: she is seen from afar, closeup 0.3, her candle already beside her by then)
    closeup = min(max(float(params.get("closeup", 0.0)), 0.0), 1.0)
    near = _smooth(0.0, STAGED_CLOSEUP, closeup)
    close = (closeup - STAGED_CLOSEUP) / (1.0 - STAGED_CLOSEUP) if closeup > STAGED_CLOSEUP else 0.0
    for k in range(MAX_CANDLES):
        x, top, z, radius, power = CANDLE_STANDS[k]
        if k == 0 and near > 0.0:
            cx, ctop, cz, cpow = (f + (c - f) * close for f, c in zip(STAGED_CANDLE, CLOSE_CANDLE))
            x, top, z = x + (cx - x) * near, top + (ctop - top) * near, z + (cz - z) * near
            power *= 1.0 + (cpow - 1.0) * near
        base[k] = (x, top, z, radius)
        if k >= n:
            continue
        st = 10 * k
        slow = fbm1(t * 0.8, seed, st + 1)
        fast = fbm1(t * 6.5, seed, st + 2, 2)
        draught = _smooth(0.0, 0.6, noise1(t * 0.45 + 3.7 * k, seed, st + 3))
        level = 1.0 + flicker * (0.28 * slow + 0.16 * fast - 0.6 * draught)
        height = 0.07 * (1.0 + flicker * (0.22 * slow + 0.3 * fast - 0.35 * draught))
        side = fbm1(t * 0.6, seed, st + 4)
        lean = flicker * (0.010 * side + 0.003 * fast + 0.012 * draught * (1.0 if side >= 0 else -1.0))
        p = CANDLE_POWER * power * candle * max(level, 0.05)
        pos[k] = (x + 0.45 * lean, top + 0.004 + 0.45 * height, z, p)
        shape[k] = (height, lean, level, 0.0)
    return pos, shape, base


def hand_echoes(t: float, seed: int, params: dict, resolution: tuple[int, int]):
    """Where the woman's trembling hands were one and two stutter steps ago, for the echo
    that makes the tremor readable in a still (main.frag): the faint after-images a glitching
    display leaves.  Returns u_echo1, u_echo2 (left hand dx, dy, right hand dx, dy: now minus
    then, in texture units), u_echo_box (the hands' region x0, y0, x1, y1 in texture units)
    and u_echo_mix (amount, the figure's axis x in texture units).  Nothing unless one
    figure sits alone with a tremor (the woman alone); a freeze leaves no echo."""
    zero = (0.0, 0.0, 0.0, 0.0)
    count = figure_count(params)
    seated = min(max(float(params["seated"]), 0.0), 1.0)
    tremor = min(max(float(params["tremor"]), 0.0), 1.0)
    amount = tremor * seated * (count == 1)
    if amount <= 0.0:
        return zero, zero, zero, (0.0, 0.0, 0.0, 0.0)
    w, h = resolution
    a, b = figure_poses(t, seed, params)
    cam_y, cam_d, cam_f = stage_camera(params["closeup"])
    scale = cam_f / cam_d                      # screen units per metre on the plane z = 0
    x0, height = float(a[0, 0]), float(a[0, 1])

    def palms(tt: float):
        c = figure_extras(tt, seed, params)
        out = []
        for side, raise_, trem in ((-1.0, b[0, 0], c[0, 1]), (1.0, b[0, 1], c[0, 2])):
            joints = arm_joints(side, float(raise_), float(b[0, 3]), float(c[0, 0]), float(trem))
            out.append(((joints[3][0] + joints[4][0]) * 0.5, (joints[3][1] + joints[4][1]) * 0.5))
        return out

    def to_uv(dx_m: float, dy_m: float):
        return dx_m * scale * h / w, dy_m * scale

    now = palms(t)
    echoes = []
    for k in (1, 2):
        then = palms(t - k / TREMOR_RATE)
        e = []
        for (nx, ny), (px, py) in zip(now, then):
            e += list(to_uv((nx - px) * height, (ny - py) * height))
        echoes.append(tuple(e))
    xs = [p[0] for p in now]
    ys = [p[1] - SEAT_DROP * seated for p in now]
    pad = 0.09          # (figure-local: round the hands, but short of the face above them)
    pan = float(params.get("pan", 0.0))           # (the camera's x: the stage shifts the other way)
    lo = to_uv((min(xs) - pad) * height + x0 - pan, (min(ys) - pad) * height - cam_y)
    hi = to_uv((max(xs) + pad) * height + x0 - pan, (max(ys) + 0.045) * height - cam_y)
    box = (lo[0] + 0.5, lo[1] + 0.5, hi[0] + 0.5, hi[1] + 0.5)
    axis = to_uv(x0 - pan, 0.0)[0] + 0.5
    return echoes[0], echoes[1], box, (amount, axis, 0.0, 0.0)


# Where each figure stands in depth at ``depth`` 1 (metres behind (+) or before (-) the
# plane z = 0), by its place in the row: no two neighbours on one line.  (The wall stands at
# WALL_Z; nearer than about -0.4 their hems would leave the frame.)
FIGURE_DEPTHS = (0.55, -0.3, 0.95, 0.1, -0.2, 0.7, -0.1, 0.4, 0.0)
DEPTH_HAZE = 1.0                 # haze 1 at this far behind the plane (m)


def stage_in_depth(a: np.ndarray, params: dict) -> tuple[np.ndarray, np.ndarray]:
    """The poses a with each figure moved to its own depth, and the u_fig_d array.

    A figure at depth z seen from the camera is the same picture as one on the plane z = 0
    scaled about the camera by k = CAM_D / (CAM_D + z): its x (about the camera's, so the
    farther ones drift less as the camera pans), its height and lean scaled by k, its feet
    raised to CAM_Y (1 - k) (lowered, for k > 1).  So every pass that draws the figures on
    that plane draws them staggered in depth, with no new geometry; their shadows on the
    wall follow.  d = (feet y (m), haze 0..1, 0, 0).  Returns a copy; ``depth`` 0 changes
    nothing.  (round 17: "pawn silhouettes in a line-up on one plane")
    """
    depth = min(max(float(params.get("depth", 0.0)), 0.0), 1.0)
    a = a.copy()
    d = np.zeros((MAX_FIGURES, 4), np.float32)
    if depth <= 0.0:
        return a, d
    count = figure_count(params)
    cam_y, cam_d, _ = stage_camera(params["closeup"])
    pan = float(params.get("pan", 0.0))
    for i in range(count):
        z = FIGURE_DEPTHS[i % len(FIGURE_DEPTHS)] * depth
        k = cam_d / (cam_d + z)
        a[i, 0] = pan + (a[i, 0] - pan) * k
        a[i, 1] *= k
        a[i, 2] *= k
        d[i, 0] = cam_y * (1.0 - k)
        d[i, 1] = min(max(z / DEPTH_HAZE, 0.0), 1.0)
    return a, d


# The stage's passes that the portrait shot replaces: none of them is drawn while it is on
# (on llvmpipe a pass drawn and then covered would cost its full price).
STAGE_PASSES = ("occluder", "occluder_figs", "shadow", "figures", "eyes_img", "candles_img", "floor", "main",
                "main_window_near", "silk_shade", "silk", "threads")
# (update() sets these every frame itself)
VARIED_COUNTS = ("main", "main_window_near", "silk_shade", "silk", "threads")
# The close shots, each by the param that cuts to it, in the order one wins over the others:
# the woman close (``close_woman``: the portrait's variant, her head bowed over her hands), the
# lovers (``profiles``: two of them in profile), the portrait of one (``portrait``).
# the standing row modelled (``row``, round 22: the stage's "soft cones in a row") comes last:
# any close shot cut to wins over it.
CLOSE_SHOTS = (("woman", "close_woman"), ("lovers", "profiles"), ("portrait", "portrait"), ("alone", "alone"),
               ("row", "row"))


def close_shot_names(shot: str) -> tuple[str, str, str]:
    """A close shot's three pass names (see close_shot_passes): its bake's two and its relight."""
    return (f"{shot}_geo", f"{shot}_mat", f"{shot}_shot")


PORTRAIT_PASSES = close_shot_names("portrait")
LOVERS_PASSES = close_shot_names("lovers")
WOMAN_PASSES = close_shot_names("woman")
WOMAN_ROOM = "woman_room"     # the room behind the woman close, at half size (woman_close_passes)
WOMAN_EYES = "woman_eyes"     # her mercury eyes, a layer over a box of the frame round them (woman_close_passes)
WOMAN_EYES_SCALE = 1.0 / 3.0  # the eyes' box: a third of the frame's sides (their glow is spent well inside it)
ROW_PASSES = close_shot_names("row")
ALONE_PASSES = close_shot_names("alone")
ROW_BAKE_SCALE = 1.5           # the row's G-buffer: it is far and one march of five figures (round 26: 1.5, the push in to 1.4x)
# how far the shot pushes in over ``push`` 0..1 (zoom 1 + this; round 26: 0.06 left the
# portrait's stills at 88.5, 91 and 94 s one picture -- "near-identical consecutive stills")
PORTRAIT_PUSH = 0.3
# (round 35: the portrait's 88.2 and 94.9 s still "practically the same frame" at 1.3x: the
# portrait's own push goes from the bust with its candle to the cowl and the mercury eyes
# filling the frame, so stills 4 s apart are different pictures; the lovers' and the
# woman's pushes keep PORTRAIT_PUSH)
PORTRAIT_CLOSE_PUSH = 0.8


def portrait_light(shape: np.ndarray, t: float, params: dict) -> tuple[float, float, float, float]:
    """u_portrait_light: the key and rim candles' flicker (the first two candles' levels, so
    the portrait's light breathes as the stage's does), the push-in's zoom, and the phase of
    the others' sway behind (in unison, slow)."""
    candle = float(params["candle"])
    if float(params.get("close_woman", 0.0)) >= 0.5:
        # (her cue lifts the candle to 1.6 for the wide room; this close, that burnt her out)
        candle = min(candle, 1.0) * 0.8
    key = candle * max(float(shape[0][2]), 0.05)
    rim = candle * max(float(shape[1][2]), 0.05)
    push = min(max(float(params.get("push", 0.0)), 0.0), 1.0)
    push = push * push * (3.0 - 2.0 * push)
    reach = PORTRAIT_CLOSE_PUSH if close_shot_shown(params) == "portrait" else PORTRAIT_PUSH
    return key, rim, 1.0 + reach * push, (t * 2.0 * math.pi * float(params["pace"])) % (2.0 * math.pi)


def row_light(shape: np.ndarray, t: float, params: dict, alone: bool = False) -> tuple[float, float, float, float]:
    """u_portrait_light in the row shot: the two front candles' levels (the stage's first two
    candles' flicker), the rim candle's behind the row (their mean, steadier), and the phase
    of their unison sway (``pace``).  Alone (the woman's room) there is one candle: the
    second is out, the rim half her candle, and her cue's bright wide-room candle (1.6) is held to 1."""
    candle = float(params["candle"])
    if alone:
        candle = min(candle, 1.0)
    a = candle * max(float(shape[0][2]), 0.05)
    b = 0.0 if alone else candle * max(float(shape[1][2]), 0.05)
    rim = 0.5 * a if alone else 0.5 * (a + b)
    return a, b, rim, (t * 2.0 * math.pi * float(params["pace"])) % (2.0 * math.pi)


def close_shot_passes(shot: str, scale: float = 2.0) -> list:
    """A close shot's three passes (shaders/scenes/serenes/SHOT_geo, _mat, SHOT.frag): its
    bust marched once into a G-buffer when the param that cuts to it (CLOSE_SHOTS) changes
    (at twice the frame's size: the bilinear lookup averages four samples a pixel, so the
    folds' grazing edges and the rim along them do not break into dots; capped by
    PORTRAIT_MAX_SIDE, so a 4K or supersampled export bakes a 2560-pixel G-buffer, not a
    15360-pixel one), the material pass reading the march's hit back rather than marching
    again (one stall at the cut, not two), then relit every frame into ``main``."""
    geo, mat, relit = close_shot_names(shot)
    bake = dict(vert="common/fullscreen.vert", primitive="triangles", count=3, precision="rgba16f",
                scale=scale, max_side=PORTRAIT_MAX_SIDE, update=(dict(CLOSE_SHOTS)[shot],))
    return [
        Pass(f"scenes/serenes/{geo}.frag", name=geo, **bake),
        Pass(f"scenes/serenes/{mat}.frag", name=mat, inputs=(geo,), **bake),
        Pass(f"scenes/serenes/{shot}.frag", name=relit, vert="common/fullscreen.vert",
             primitive="triangles", count=3, into="main", inputs=(geo, mat)),
    ]

def woman_close_passes() -> list:
    """The woman close's passes: her bake and relight (close_shot_passes), the relight also
    reading the room behind her, drawn before it at half size (woman_room.frag: the haze,
    the window, the child whose laughter loops, the far candles -- all out of focus, so a
    quarter of the pixels is enough; round 32's speed)."""
    geo, mat, relit = close_shot_passes("woman")
    room = Pass("scenes/serenes/woman_room.frag", name=WOMAN_ROOM, vert="common/fullscreen.vert",
                primitive="triangles", count=3, scale=0.5, precision="rgba16f")
    # (round 35's speed: her two eyes -- their mirror and glow, a quarter of her relight's time
    # when every pixel of the frame paid for them on llvmpipe -- are drawn over a box of the
    # frame round them, a ninth of its pixels, and laid over her by the relight)
    eyes = Pass("scenes/serenes/woman_eyes.frag", name=WOMAN_EYES, vert="common/fullscreen.vert",
                primitive="triangles", count=3, scale=WOMAN_EYES_SCALE, precision="rgba16f",
                inputs=relit.inputs)
    return [geo, mat, room, eyes, replace(relit, inputs=(*relit.inputs, WOMAN_ROOM, WOMAN_EYES))]


def close_shot_shown(params: dict) -> str | None:
    """The close shot shown: the first of CLOSE_SHOTS whose param is at 0.5 or more (None: the stage)."""
    return next((shot for shot, param in CLOSE_SHOTS if float(params.get(param, 0.0)) >= 0.5), None)


class Serenes(Scene):
    """The scene: poses and candles from Python, as uniform arrays."""

    def stage_portrait(self, resources, params: dict) -> bool:
        """Draw either the stage or one close shot (the first of CLOSE_SHOTS whose param is
        at 0.5 or more), never two: the passes of those not shown draw nothing.  Returns
        whether a close shot is on.
        (Called after update() has set the counts it varies; the stage passes whose count
        it does not vary get their own back when the shot cuts back to the stage.)"""
        shown = close_shot_shown(params)
        own = {spec.name: spec.count for spec in self.passes}
        for name in STAGE_PASSES:
            if shown:
                resources.draw_count(name, 0)
            elif name not in VARIED_COUNTS:
                resources.draw_count(name, own[name])
        for shot, _param in CLOSE_SHOTS:
            for name in close_shot_names(shot):
                resources.draw_count(name, 3 if shot == shown else 0)
        resources.draw_count(WOMAN_ROOM, 3 if shown == "woman" else 0)
        resources.draw_count(WOMAN_EYES, 3 if shown == "woman" else 0)
        return shown is not None

    figure_poses = staticmethod(figure_poses)
    candle_states = staticmethod(candle_states)
    figure_layout = staticmethod(figure_layout)
    figure_extras = staticmethod(figure_extras)

    def update(self, state, resources):
        # The woman's window and the near Serenes live in a variant of the composite
        # (main_window_near.frag), drawn instead of the plain one only while either is on: on
        # llvmpipe an untaken branch still costs (the plain stage paid 1.5x for them).
        dressed = float(state.params["window"]) > 0.0 or float(state.params["near"]) > 0.0
        resources.draw_count("main", 0 if dressed else 3)
        resources.draw_count("main_window_near", 3 if dressed else 0)
        silent = float(state.params["voices"]) <= 0.0
        for name in ("silk_shade", "silk"):
            resources.draw_count(name, 2 * (VOICE_SEGMENTS + 1),
                                 0 if silent else int(round(float(state.params["voices_count"]))))
        a, b = figure_poses(state.t, state.seed, state.params)
        c = figure_extras(state.t, state.seed, state.params)
        arms = arm_uniforms(a, b, c)
        a, d = stage_in_depth(a, state.params)
        count = figure_count(state.params)
        pair = lovers_pair(count)
        lovers = float(state.params["lovers"]) if pair[0] >= 0 else 0.0
        resources.draw_count("threads", 2 * (THREAD_SEGMENTS + 1), THREADS if lovers > 0.0 else 0)
        pos, shape, base = candle_states(state.t, state.seed, state.params)
        portrait = self.stage_portrait(resources, state.params)
        shown = close_shot_shown(state.params)
        return {
            "u_portrait_light": (row_light(shape, state.t, state.params, alone=shown == "alone")
                                 if shown in ("row", "alone") else
                                 portrait_light(shape, state.t, state.params) if portrait else (1.0, 1.0, 1.0, 0.0)),
            "u_fig_a": a,
            "u_fig_b": b,
            "u_fig_c": c,
            "u_fig_d": d,
            "u_arms": arms,
            "u_stage_cam": stage_camera(state.params["closeup"]),
            "u_stage_pan": float(state.params["pan"]),
            "u_cpos": pos,
            "u_cshape": shape,
            "u_cbase": base,
            # (round 7: the whole stage read "very dark and low contrast": a quarter more
            # exposure there; close on the woman her black room is kept)
            "u_exposure": 1.9 * (1.0 + 0.25 * (1.0 - min(max(float(state.params["closeup"]), 0.0), 1.0))),
            "u_lovers_pair": (float(pair[0]), float(pair[1]), lovers, 0.0),
            "u_woman_frame": (float(state.resolution[0]), float(state.resolution[1])),
            **dict(zip(("u_echo1", "u_echo2", "u_echo_box", "u_echo_mix"),
                       hand_echoes(state.t, state.seed, state.params, state.resolution))),
        }


serenes = Serenes(
    "serenes",
    passes=[
        Pass("scenes/serenes/wall.frag", name="surfaces", update=("quality", "closeup")),
        # (the occluder's target blanked by a drawn triangle, not a clear, and the figures'
        # proxies drawn into it: a pass clears even at draw count 0, so the stage's occluder
        # paid 2-5 ms under the row and every close shot; now both draw nothing there)
        Pass("scenes/serenes/occluder_clear.frag", name="occluder", vert="common/fullscreen.vert",
             primitive="triangles", count=3, scale=0.5, clear=None),
        Pass("scenes/serenes/occluder.frag", name="occluder_figs", vert="scenes/serenes/occluder.vert",
             primitive="triangles", count=12, instances="count", blend="max", scale=0.5, into="occluder"),
        # (a triangle, not the full-screen primitive, so the portrait shot can leave it undrawn)
        Pass("scenes/serenes/shadow.frag", name="shadow", vert="common/fullscreen.vert",
             primitive="triangles", count=3, inputs=("occluder",), scale=0.5),
        Pass("scenes/serenes/figures.frag", name="figures", vert="scenes/serenes/figures.vert",
             primitive="triangles", count=12, instances="count", blend="max",
             clear=(0.0, 0.0, 0.0, 0.0)),
        Pass("scenes/serenes/eyes.frag", name="eyes_img", vert="scenes/serenes/eyes.vert",
             primitive="triangles", count=6, instances="count", blend="max",
             clear=(0.0, 0.0, 0.0, 0.0)),
        Pass("scenes/serenes/candles.frag", name="candles_img", vert="scenes/serenes/candles.vert",
             primitive="triangles", count=6, instances="candles", blend="max",
             clear=(0.0, 0.0, 0.0, 0.0)),
        Pass("scenes/serenes/haze.frag", name="haze", scale=0.125),
        Pass("scenes/serenes/floor.frag", name="floor", vert="scenes/serenes/floor.vert",
             primitive="triangles", count=6, inputs=("surfaces", "shadow", "figures", "haze"),
             clear=(0.0, 0.0, 0.0, 1.0)),
        # (drawn as a triangle list so the scene can choose, each frame, between the plain
        # composite and the one with the woman's window and the near Serenes compiled in)
        Pass("scenes/serenes/main.frag", name="main", vert="common/fullscreen.vert",
             primitive="triangles", count=3,
             inputs=("surfaces", "shadow", "figures", "eyes_img", "candles_img", "haze", "floor")),
        Pass("scenes/serenes/main_window_near.frag", name="main_window_near",
             vert="common/fullscreen.vert", primitive="triangles", count=3, into="main",
             inputs=("surfaces", "shadow", "figures", "eyes_img", "candles_img", "haze", "floor")),
        # The portrait shot (``portrait``): one Serene close, its hooded bust a distance field
        # marched once into a G-buffer when the shot begins, relit every frame into ``main``.
        # (at twice the frame's size: the bilinear lookup averages four samples a pixel, so
        # the folds' grazing edges and the rim along them do not break into dots; capped, so a
        # 4K or supersampled export bakes a 2560-pixel G-buffer, not a 15360-pixel one)
        *close_shot_passes("portrait"),
        # The lovers' shot (``profiles``, round 21: the row's "soft cones in a row" twice): the
        # portrait's variant -- two of them in profile, face to face (one bust mirrored, one
        # march), a candle low between them, the neural thread from brow to brow
        *close_shot_passes("lovers"),
        # The woman close (``close_woman``, round 21: "a primitive mannequin, flat wall"): the
        # portrait's variant -- her head bowed over her open hands, the glitch tearing them
        *woman_close_passes(),
        # The standing row modelled (``row``, round 22: "soft cones in a row", "cut-out
        # figures"): five of them full length, each the portrait's hooded figure with its own
        # height, lean and folds, marched once, relit each frame by the candles between them
        *close_shot_passes("row", scale=ROW_BAKE_SCALE),
        # The woman alone in her room modelled (``alone``, round 22: her wide room "a primitive
        # mannequin, flat wall"): the row's shot with her one seated figure, one candle
        *close_shot_passes("alone", scale=ROW_BAKE_SCALE),
        # Their voices as silk over the finished frame (nothing drawn while voices is 0):
        # the cloth's body dims what lies behind it, then its sheen is added (round 18).
        Pass("scenes/serenes/voices_shade.frag", name="silk_shade", vert="scenes/serenes/voices.vert",
             primitive="triangle_strip", count=2 * (VOICE_SEGMENTS + 1), instances="voices_count",
             inputs=("figures",), into="main", blend="alpha"),
        Pass("scenes/serenes/voices.frag", name="silk", vert="scenes/serenes/voices.vert",
             primitive="triangle_strip", count=2 * (VOICE_SEGMENTS + 1), instances="voices_count",
             inputs=("figures",), into="main", blend="add"),
        # The lovers' neural threads (nothing drawn while lovers is 0).
        Pass("scenes/serenes/threads.frag", name="threads", vert="scenes/serenes/threads.vert",
             primitive="triangle_strip", count=2 * (THREAD_SEGMENTS + 1), instances=THREADS,
             into="main", blend="add"),
    ],
    output="main",
    params=[
        Param("count", 5, 1, MAX_FIGURES, "how many figures stand on the stage"),
        Param("sync", 1.0, 0.0, 1.0, "0: each moves on its own phase; 1: all in perfect, eerie unison"),
        Param("canon", 0.0, 0.0, 1.0, "the one movement passes along the row as a ripple, each figure a little behind its neighbour (0: all at once)"),
        Param("character", 0.0, 0.0, 1.0, "each figure its own height, stance, head tilt and reach (0: alike as cut-outs)"),
        Param("child", 0.0, 0.0, 1.0, "the leftmost figure is a child, hand in hand with the next, bobbing to a programmed joy"),
        Param("lovers", 0.0, 0.0, 1.0, "the two rightmost turn to each other, their minds linked by glowing neural threads"),
        Param("sway", 0.5, 0.0, 1.0, "how far they lean, tilt their heads and lift their arms"),
        Param("pace", 0.08, 0.0, 0.5, "sway cycles per second"),
        Param("seated", 0.0, 0.0, 1.0, "0: they stand; 1: seated on a low bench, hands held out (the woman alone)"),
        Param("tremor", 0.0, 0.0, 1.0, "a glitch in their programming: the hands stutter, freeze, snap and tear"),
        Param("pan", 0.0, -1.0, 1.0, "the camera's sideways drift along the row (metres)"),
        Param("closeup", 0.0, 0.0, 1.0, "0: the whole stage; 1: the camera close on a figure seated right of centre"),
        Param("voices", 0.0, 0.0, 1.0, "their voices as silk: standing waves wrapping the air (0: silent)"),
        Param("voices_count", 4, 1, 6, "how many voices (each a harmonic: a name that is a frequency)"),
        Param("voices_near", 0.0, 0.0, 1.0, "the first voice sweeps past near the viewer, large and soft, the third nearer too (0: all wind through the row)"),
        Param("flicker", 0.5, 0.0, 1.0, "how much the candles flicker, dip and lean (and the shadows sway)"),
        Param("candle", 1.0, 0.1, 2.0, "candle light: dim and red-orange when low, pale and bright at 2"),
        Param("candles", 2, 1, MAX_CANDLES, "how many candles burn (each casts its own shadows)"),
        Param("softness", 0.2, 0.0, 1.0, "size of the flames as lights: soft or sharp shadows"),
        Param("eyes", 0.35, 0.0, 1.0, "glow of the lidless mercury eyes"),
        Param("backdrop", 0.0, 0.0, 1.0, "how much of the city (the bound scene) glows through the wall; 0: alone in the room"),
        Param("depth", 0.0, 0.0, 1.0, "the figures stand at their own depths, staggered, the farther ones paler in the haze (0: all on one plane)"),
        Param("near", 0.0, 0.0, 1.0, "two Serenes near the camera, large and backlit, crisp rim-lit silhouettes at the frame's edges, and candle-lit smoke in the air: the stage in depth (0: none)"),
        Param("window", 0.0, 0.0, 1.0, "a tall arched window in the wall onto the glass city's night, its cold light on the floor (0: a plain wall)"),
        Param("portrait", 0.0, 0.0, 1.0, "from 0.5: the shot is a close portrait of one Serene -- its hood's folds candle-lit, the face in shadow, the mercury eyes large -- the others soft shadows behind (0: the stage)"),
        Param("profiles", 0.0, 0.0, 1.0, "from 0.5: the shot is two of them close in profile, face to face -- the lovers, a candle low between them, the neural thread glowing from brow to brow (0: the stage or the portrait)"),
        Param("close_woman", 0.0, 0.0, 1.0, "from 0.5: the shot is the woman close -- seated alone, her head bowed over her open hands, her candle beside her, the glitch tearing the rows of her hands (0: the stage)"),
        Param("row", 0.0, 0.0, 1.0, "from 0.5: the standing row modelled -- five of them full length, hooded, their folds and rims candle-lit from below, the mercury eyes small spheres, their shadows huge on the wall, the floor mirroring them (0: the stage's silhouettes)"),
        Param("alone", 0.0, 0.0, 1.0, "from 0.5: the woman alone modelled -- her seated hooded figure whole, bowed over her open hands on a bench, one candle on the floor before her, her shadow huge on the wall, the dark all round (0: the stage)"),
        Param("push", 0.0, 0.0, 1.0, "the portrait's slow push-in, 0 to 1 over the shot"),
        Param("light", "#ffa650", description="colour of the candle light"),
        Param("wall", "#b39a86", description="colour of the plaster wall and the floor"),
        Param("shade", "#1f3b8a", description="the cold of the room where no candle reaches"),
        Param("quality", 0.5, 0.0, 1.0, "shadow taps along the flame (1-3), wall relief, the floor's reflection (from 0.25)"),
    ],
    # the city, small and cheap: it is seen blurred through the wall and in the eyes
    bindings={"city": Binding(default="towers", fallback="env_gradient", scale=0.125,
                              params={"quality": 0.0}, enabled_by="backdrop")},
    duration=30.0,
    description="the Serenes: tall hooded candle-lit silhouettes with mercury eyes, their shadows "
                "looming on the wall, moving in eerie unison",
)
